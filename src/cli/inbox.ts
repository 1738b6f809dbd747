/**
 * `jxmb validate` over several files as an inbox: the cross-file rules (src/model/inbox) after each
 * file's own check, a summary, the consolidated report (--report: .xlsx, .json or text) and the
 * department's merged canonical JSON (--merge). Pure over the per-file results, except the writers.
 */
import * as path from "node:path";
import { checkInbox, inboxFileFindings, inboxRows, inboxSummary, inboxSummaryEn, locationText, mergeInbox, type InboxFile, type InboxFileOutcome, type InboxReport } from "../model/inbox";
import { toCanonicalJson } from "../model/canonical";
import type { FileResult } from "./batch";
import { findingLines, jsonFinding, toJsonReport, toTextReport, type FileOutcome } from "./report";
import { visible } from "./visible";
import { writeOutput, type OutputPlan } from "./output";
import { qen, qzh } from "./errors";
import { lang, tr } from "./locale";

export interface InboxRun {
  /** Per-file outcomes with each file's own findings as the inbox shows them (a 汇总's own total check replaced). */
  outcomes: FileOutcome[];
  report: InboxReport;
  /** The readable files, in input order, with their documents. */
  files: InboxFile[];
  /** The consolidated report's per-file view (unreadable files included). */
  fileOutcomes: InboxFileOutcome[];
}

export function runInbox(results: readonly FileResult[]): InboxRun {
  const files: InboxFile[] = [];
  const at = new Map<number, number>();
  results.forEach((r, i) => {
    if (r.outcome.ok && r.document) {
      at.set(i, files.length);
      files.push({ file: r.outcome.file, document: r.document });
    }
  });
  const report = checkInbox(files);
  const outcomes: FileOutcome[] = results.map((r, i) => {
    const k = at.get(i);
    return r.outcome.ok && k !== undefined ? { ...r.outcome, findings: inboxFileFindings(files, k, r.outcome.findings) } : r.outcome;
  });
  const fileOutcomes: InboxFileOutcome[] = outcomes.map((o) => (o.ok ? { file: o.file, projects: o.projects.length, findings: o.findings } : { file: o.file, projects: 0, findings: [], error: o.zh }));
  return { outcomes, report, files, fileOutcomes };
}

/** The cross-file section of the screen report, after the per-file sections, in the run's language. */
export function inboxText(run: InboxRun): string {
  const { report } = run;
  const en = lang() === "en";
  const out: string[] = [
    tr(
      `跨文件检查（${run.files.length} 个文件，${report.projects} 个项目，预算数合计 ${report.total} 万元）：`,
      `Cross-file checks (${run.files.length} file(s), ${report.projects} project(s), budget total ${report.total} (10,000 yuan)):`,
    ),
  ];
  if (report.findings.length === 0)
    out.push(
      tr(
        "  未发现问题：项目编码不重复，汇总合计与各文件相符，无重复报送或照搬其他单位的目标、指标，预算年度一致。",
        "  No problems: project codes are unique, the summary's totals match the files, no project is sent twice or copies another unit's goals or indicators, and the budget year is the same.",
      ),
    );
  let current: string | null = null;
  for (const f of report.findings) {
    if (f.file !== current) {
      current = f.file;
      out.push(tr(`  文件：${visible(f.file)}`, `  File: ${visible(f.file)}`));
    }
    const lines = findingLines(f, "    ");
    if (f.related.length > 0) {
      const places = f.related.map((l) => visible(locationText(l)));
      lines.push(en ? `          See also: ${places.join("; ")}` : `          另见：${places.join("；")}`);
    }
    out.push(...lines);
  }
  out.push(tr("  各文件：", "  Files:"));
  for (const s of report.files) {
    const c = s.findings;
    const any = c.error + c.warning + c.info > 0;
    out.push(
      en
        ? `    ${visible(s.file)}: ${s.projects} project(s), budget ${s.total} (10,000 yuan)${any ? `; across files ${c.error} error(s), ${c.warning} warning(s), ${c.info} info` : ""}`
        : `    ${visible(s.file)}：${s.projects} 个项目，预算数 ${s.total} 万元${any ? `；跨文件错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个` : ""}`,
    );
  }
  out.push(en ? `Summary: ${inboxSummaryEn(run.fileOutcomes, report)}` : `汇总：${inboxSummary(run.fileOutcomes, report)}`);
  return out.join("\n") + "\n";
}

/** The inbox's JSON (the `inbox` key of the validate report; additive). */
export function inboxJson(run: InboxRun): Record<string, unknown> {
  const { report } = run;
  return {
    files: report.files,
    projects: report.projects,
    total: report.total,
    summary: report.summary,
    text: inboxSummary(run.fileOutcomes, report),
    findings: report.findings.map((f) => ({ file: f.file, ...jsonFinding(f), related: f.related })),
  };
}

export function textReport(run: InboxRun): string {
  return toTextReport(run.outcomes) + "\n" + inboxText(run);
}

export function jsonReport(run: InboxRun): string {
  return toJsonReport(run.outcomes, { inbox: inboxJson(run) });
}

/** --report FILE: a workbook for .xlsx, JSON for .json, else the screen text. */
export async function writeInboxReportFile(plan: OutputPlan, run: InboxRun): Promise<void> {
  if (/\.xlsx$/i.test(plan.file)) {
    const { writeInboxReport } = await import("../xlsx/inbox-report");
    const base = path.dirname(path.resolve(plan.file));
    const link = (file: string) => (/\.(xlsx|xlsm)$/i.test(file) ? path.relative(base, path.resolve(file)).split(path.sep).join("/") : null);
    const unread = new Map(run.fileOutcomes.filter((o) => o.error).map((o) => [o.file, o.error!]));
    const files = run.outcomes.map((o) => {
      const s = run.report.files.find((x) => x.file === o.file);
      return s ?? { file: o.file, projects: 0, total: 0, findings: { error: 0, warning: 0, info: 0 }, ...(unread.has(o.file) ? { error: unread.get(o.file)! } : {}) };
    });
    const bytes = await writeInboxReport({
      title: `收件箱检查报告：${run.outcomes.length} 个文件`,
      summary: inboxSummary(run.fileOutcomes, run.report),
      rows: inboxRows(run.fileOutcomes, run.report),
      files,
      link,
    });
    await writeOutput(plan, bytes);
    return;
  }
  await writeOutput(plan, /\.json$/i.test(plan.file) ? jsonReport(run) : textReport(run));
}

/** --merge FILE: the department's canonical JSON. Returns the merge notes for stderr, in the run's language. */
export async function writeMerged(plan: OutputPlan, run: InboxRun): Promise<string[]> {
  const { document, notes, notesEn } = mergeInbox(run.files);
  await writeOutput(plan, toCanonicalJson(document));
  const unread = run.outcomes.filter((o) => !o.ok).length;
  if (unread > 0) {
    notes.push(`${unread} 个文件无法读取，其项目未合并`);
    notesEn.push(`${unread} file(s) could not be read; their projects are not merged`);
  }
  const lines = lang() === "en" ? notesEn.map((n) => `Merge note: ${n}.`) : notes.map((n) => `合并说明：${n}。`);
  lines.push(tr(`已合并 ${run.files.length} 个文件的 ${document.projects.length} 个项目，写入 ${qzh(plan.file)}。`, `Merged ${document.projects.length} project(s) of ${run.files.length} file(s) into ${qen(plan.file)}.`));
  return lines;
}
