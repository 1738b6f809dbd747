/**
 * The cross-file rule runner: every inbox rule over the files, findings located in the file they are
 * about, sorted by file then as validate sorts. Pure; a crashing rule becomes an error finding (the
 * user must know a check did not run), never a stack trace.
 */
import { wanToFen, fenToWan } from "../money";
import { formatMessage, resolveCell, sortFindings } from "../validate";
import { documentCell, firstCell } from "./locate";
import type { Severity } from "../rules/types";
import { INBOX_RULES } from "./rules";
import { inboxSums, isSummaryFile } from "./rules/totals";
import type { InboxContext, InboxFile, InboxFinding, InboxReport, InboxReportInput, InboxRule } from "./types";

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface InboxOptions {
  /** Run only these rules: exact ids ("inbox/code-duplicate") or "inbox" for all. */
  rules?: string[];
}

function matches(id: string, filter: string[] | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  return filter.some((f) => f === id || f === "inbox" || f === "inbox/" || f === "inbox/*");
}

/** Run the cross-file rules over the files (each already read; validated or not, it does not matter here). */
export function checkInbox(files: readonly InboxFile[], opts: InboxOptions = {}): InboxReport {
  const out: InboxFinding[] = [];
  let current: InboxRule = INBOX_RULES[0];
  const ctx: InboxContext = {
    files,
    report(fileIndex, project, input: InboxReportInput) {
      const f = files[fileIndex];
      const meta = current.meta;
      const severity = input.severity && SEVERITY_RANK[input.severity] < SEVERITY_RANK[meta.severity] ? input.severity : meta.severity;
      let sheet = input.sheet ?? null;
      let cell = input.cell ?? null;
      if (project) {
        sheet = sheet ?? project.source?.sheet ?? null;
        if (!cell) cell = input.field ? resolveCell(project, input.field) : firstCell(project.source?.range);
      } else if (!cell && input.field) {
        const at = documentCell(f.document, input.field);
        sheet = sheet ?? at.sheet;
        cell = at.cell;
      }
      const finding: InboxFinding = {
        ruleId: meta.id,
        severity,
        message: input.message ?? formatMessage(meta.message, input.data),
        sheet,
        cell,
        projectCode: project?.code ?? null,
        projectName: project?.name ?? null,
        projectSeq: project?.seq ?? null,
        file: f.file,
        fileIndex,
        related: input.related ?? [],
      };
      // English as validate gives it: the rule's template, or the English the report gave.
      const messageEn = input.messageEn ?? (input.message === undefined ? formatMessage(meta.messageEn, input.dataEn ? { ...input.data, ...input.dataEn } : input.data) : undefined);
      if (messageEn !== undefined) finding.messageEn = messageEn;
      if (input.fix) {
        finding.fix = input.fix;
        if (input.fixEn) finding.fixEn = input.fixEn;
      }
      out.push(finding);
    },
  };
  if (files.length > 1) {
    for (const rule of INBOX_RULES) {
      if (!matches(rule.meta.id, opts.rules)) continue;
      current = rule;
      try {
        rule.check(ctx);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        out.push({
          ruleId: rule.meta.id,
          severity: "error",
          message: `跨文件检查规则 ${rule.meta.id} 运行出错，此项检查未完成（内部错误：${msg}）`,
          sheet: null,
          cell: null,
          projectCode: null,
          projectName: null,
          projectSeq: null,
          file: files[0].file,
          fileIndex: 0,
          related: [],
        });
      }
    }
  }
  const findings = sortInboxFindings(out);
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  let allFen = 0;
  let allProjects = 0;
  const perFile = files.map((f, i) => {
    let fen = 0;
    for (const p of f.document.projects) {
      const t = p.budget.total;
      if (t !== null && Number.isFinite(wanToFen(t))) fen += wanToFen(t);
    }
    allFen += fen;
    allProjects += f.document.projects.length;
    const counts = { error: 0, warning: 0, info: 0 };
    for (const x of findings) if (x.fileIndex === i) counts[x.severity]++;
    return { file: f.file, projects: f.document.projects.length, total: fenToWan(fen), findings: counts };
  });
  return { findings, summary, files: perFile, projects: allProjects, total: fenToWan(allFen) };
}

/** By file (input order), then validate's order within the file. */
export function sortInboxFindings(list: readonly InboxFinding[]): InboxFinding[] {
  const byFile = new Map<number, InboxFinding[]>();
  for (const f of list) {
    const l = byFile.get(f.fileIndex);
    if (l) l.push(f);
    else byFile.set(f.fileIndex, [f]);
  }
  const out: InboxFinding[] = [];
  for (const i of [...byFile.keys()].sort((a, b) => a - b)) out.push(...(sortFindings(byFile.get(i)!) as InboxFinding[]));
  return out;
}

/** Per-file rules whose finding a department 汇总 file should not get in an inbox (the cross-file rules check it instead). */
const SUPERSEDED_IN_SUMMARY = new Set(["budget/total-mismatch"]);

/**
 * A file's own findings (validate's) as the inbox shows them: a department 汇总 that declares totals for
 * units whose projects are in other files is not compared with its own (few or no) projects —
 * inbox/unit-total and inbox/department-total compare it with all the files instead.
 */
export function inboxFileFindings<F extends { ruleId: string }>(files: readonly InboxFile[], fileIndex: number, findings: readonly F[]): F[] {
  if (files.length < 2 || !isSummaryFile(files, inboxSums(files), fileIndex)) return [...findings];
  return findings.filter((f) => !SUPERSEDED_IN_SUMMARY.has(f.ruleId));
}
