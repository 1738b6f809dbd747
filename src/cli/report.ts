/**
 * Validation reports for the CLI: the JSON shape (a public contract, the same in every language) and the
 * readable text in the run's language (locale.ts). Pure functions over already-computed outcomes, so
 * they are testable without files.
 */
import { sheetRef } from "../model/grid";
import type { Finding, FindingLocation, Severity } from "../model/rules/types";
import { categoryOfRule } from "../model/rules";
import type { CategoryKey } from "../model/rules/categories";
import { projectSummaries, type ProjectSummary } from "../model/rules/precision";
import { terminalSafeJson, visible } from "./visible";
import type { AcceptedException } from "../model/exceptions";
import { lang, tr } from "./locale";
import { findingEn } from "./finding-en";

export interface ProjectInfo {
  seq: number;
  code: string | null;
  name: string | null;
  sheet: string | null;
}

export interface FileOk {
  ok: true;
  file: string;
  projects: ProjectInfo[];
  /** What a 部门整体支出绩效目标表 in the file holds (absent when it has none). */
  department?: { indicators: number; duties: number };
  /** The totals its 汇总 declares (absent when it has none): the department's (万元) and how many units'. */
  declared?: { department: number | null; units: number };
  findings: Finding[];
  /** Findings covered by an exception stored in the workbook (已核实，保留): listed apart, not counted. */
  accepted?: { finding: Finding; exception: AcceptedException }[];
}
export interface FileFailed {
  ok: false;
  file: string;
  zh: string;
  en: string;
}
export type FileOutcome = FileOk | FileFailed;

export interface Summary {
  error: number;
  warning: number;
  info: number;
}

export function summarise(findings: readonly Finding[]): Summary {
  const s: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/**
 * JSON finding: these keys, in this order (contract). The first seven are the original contract; the
 * rest were added after it (additive): the project's position, the reviewer category, the 建议, and on
 * folded / grouped findings the folded rule ids and the places a grouped finding stands for.
 */
export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  sheet: string | null;
  cell: string | null;
  projectCode: string | null;
  projectName: string | null;
  projectSeq: number | null;
  category: CategoryKey;
  fix: string | null;
  folded?: string[];
  locations?: FindingLocation[];
}
export interface JsonAccepted extends JsonFinding {
  reason: string;
  /** The cell's value when it was accepted (the exception lapses when it changes). */
  value: string;
  date: string;
  by: string | null;
}
export interface JsonFileReport {
  file: string;
  projects: number;
  findings: JsonFinding[];
  summary: Summary;
  /** Per project with findings: counts and how many items must be fixed (错误 + 警告; additive). */
  perProject: ProjectSummary[];
  /** Findings the workbook's own exceptions sheet accepts (已核实，保留), with the reason; not in `findings` or `summary` (additive). */
  accepted: JsonAccepted[];
  /** Only on files that could not be read (then projects is 0 and findings empty). */
  error?: { message: string; messageEn: string };
}

/** `extra`: keys added after `files` (additive), e.g. the inbox's cross-file result. */
export function toJsonReport(outcomes: readonly FileOutcome[], extra?: Record<string, unknown>): string {
  const files: JsonFileReport[] = outcomes.map((o) => {
    if (!o.ok) {
      return { file: o.file, projects: 0, findings: [], summary: { error: 0, warning: 0, info: 0 }, perProject: [], accepted: [], error: { message: o.zh, messageEn: o.en } };
    }
    return {
      file: o.file,
      projects: o.projects.length,
      findings: o.findings.map(jsonFinding),
      summary: summarise(o.findings),
      perProject: projectSummaries(o.findings),
      accepted: (o.accepted ?? []).map(({ finding, exception: e }) => ({ ...jsonFinding(finding), reason: e.reason, value: e.value, date: e.date, by: e.by })),
    };
  });
  return terminalSafeJson(JSON.stringify({ files, ...extra }, null, 2)) + "\n";
}

export function jsonFinding(f: Finding): JsonFinding {
  const j: JsonFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    sheet: f.sheet,
    cell: f.cell,
    projectCode: f.projectCode,
    projectName: f.projectName,
    projectSeq: f.projectSeq,
    category: categoryOfRule(f.ruleId),
    fix: f.fix ?? null,
  };
  if (f.folded) j.folded = f.folded;
  // The English (messageEn, fixEn) is for the en-US text report: the JSON stays as it was.
  if (f.locations) j.locations = f.locations.map(({ messageEn: _m, fixEn: _f, ...l }) => l);
  return j;
}

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_EN: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/** Excel-style reference: quote sheet names that Excel would quote. */
export function cellRef(sheet: string | null, cell: string | null): string {
  if (!sheet && !cell) return tr("（无单元格）", "(no cell)");
  return visible(sheetRef(sheet, cell));
}

function summaryLine(projects: number, s: Summary): string {
  return tr(
    `${projects} 个项目；错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个`,
    `${projects} project(s); ${s.error} error(s), ${s.warning} warning(s), ${s.info} info`,
  );
}

function projectHeading(p: ProjectInfo, mustFix: number): string {
  const code = p.code !== null ? visible(p.code) : tr("（无编码）", "(no code)");
  const name = p.name !== null ? visible(p.name) : tr("（无名称）", "(no name)");
  if (lang() === "en") {
    const where = p.sheet ? ` (sheet ${visible(p.sheet)})` : "";
    return `Project ${p.seq}: ${code} ${name}${where}${mustFix > 0 ? `  — ${mustFix} to fix` : "  — info only"}`;
  }
  const where = p.sheet ? `（工作表 ${visible(p.sheet)}）` : "";
  return `项目 ${p.seq}：${code} ${name}${where}${mustFix > 0 ? `  —— 需修改 ${mustFix} 处` : "  —— 仅有提示"}`;
}

/**
 * A finding's lines. In English the message and the 建议 (fix) are the English the rule reported with
 * them (findingEn); a 建议 without English is left out rather than shown as a Chinese aside.
 */
export function findingLines(f: Finding, indent: string): string[] {
  const en = lang() === "en";
  const message = en ? findingEn(f) : f.message;
  const lines = [`${indent}[${(en ? SEVERITY_EN : SEVERITY_ZH)[f.severity]}] ${cellRef(f.sheet, f.cell)}  ${visible(message)}  (${f.ruleId})`];
  if (f.locations && f.projectSeq !== null) {
    // A grouped finding: each row with its own 建议.
    for (const l of f.locations) {
      if (!en) lines.push(`${indent}      ${cellRef(l.sheet, l.cell)}：${visible(l.fix ?? l.message ?? "")}`);
      else {
        const text = l.fixEn ?? (l.message ? findingEn({ ruleId: f.ruleId, messageEn: l.messageEn }) : "");
        lines.push(`${indent}      ${cellRef(l.sheet, l.cell)}${text ? `: ${visible(text)}` : ""}`);
      }
    }
    return lines;
  }
  if (f.fix && !en) lines.push(`${indent}      建议：${visible(f.fix)}`);
  if (f.fixEn && en) lines.push(`${indent}      Suggestion: ${visible(f.fixEn)}`);
  if (f.locations) {
    const seqs = [...new Set(f.locations.map((l) => l.projectSeq).filter((s): s is number => s !== null))];
    if (seqs.length > 0) lines.push(`${indent}      ${tr(`涉及项目：${seqs.join("、")}`, `Projects: ${seqs.join(", ")}`)}`);
  }
  return lines;
}

/** The readable report: grouped by file, then by project, with a summary per file and overall. */
export function toTextReport(outcomes: readonly FileOutcome[]): string {
  const out: string[] = [];
  const total: Summary = { error: 0, warning: 0, info: 0 };
  let totalProjects = 0;
  let failed = 0;
  for (const o of outcomes) {
    out.push(tr(`文件：${visible(o.file)}`, `File: ${visible(o.file)}`));
    if (!o.ok) {
      failed++;
      out.push(tr(`  无法读取：${visible(o.zh)}`, `  ${visible(o.en)}`));
      out.push("");
      continue;
    }
    const bySeq = new Map<number, Finding[]>();
    const general: Finding[] = [];
    const known = new Set(o.projects.map((p) => p.seq));
    for (const f of o.findings) {
      if (f.projectSeq !== null && known.has(f.projectSeq)) {
        const list = bySeq.get(f.projectSeq) ?? [];
        list.push(f);
        bySeq.set(f.projectSeq, list);
      } else general.push(f);
    }
    if (o.department)
      out.push(
        tr(
          `  部门整体绩效目标表：${o.department.indicators} 条指标、${o.department.duties} 项年度履职目标（指标不按项目规则检查）。`,
          `  Department-overall target table: ${o.department.indicators} indicator(s), ${o.department.duties} yearly duty goal(s) (the indicators are not checked by the project rules).`,
        ),
      );
    if (o.declared && o.projects.length === 0)
      out.push(
        tr(
          `  汇总表：部门申报合计数 ${o.declared.department ?? "未填"}${o.declared.department === null ? "" : " 万元"}，${o.declared.units} 个单位的申报合计；无项目表（多个文件一起检查时，与各文件的项目核对，见“跨文件检查”）。`,
          `  Summary sheet: department total declared ${o.declared.department === null ? "(blank)" : `${o.declared.department} (10,000 yuan)`}, ${o.declared.units} unit total(s); no project table (checked against the files' projects when several files are checked together; see "Cross-file checks").`,
        ),
      );
    else if (!o.department && o.projects.length === 0 && general.length === 0) out.push(tr("  未识别出任何绩效目标表。", "  No performance-target table recognised."));
    if (general.length > 0) {
      out.push(tr("  整个文件：", "  Whole file:"));
      for (const f of general) out.push(...findingLines(f, "    "));
    }
    const mustFix = new Map(projectSummaries(o.findings).map((s) => [s.seq, s.mustFix]));
    let clean = 0;
    for (const p of o.projects) {
      const list = bySeq.get(p.seq);
      if (!list || list.length === 0) {
        clean++;
        continue;
      }
      out.push(`  ${projectHeading(p, mustFix.get(p.seq) ?? 0)}`);
      for (const f of list) out.push(...findingLines(f, "    "));
    }
    if (clean > 0)
      out.push(
        clean === o.projects.length
          ? tr(`  全部 ${clean} 个项目未发现问题。`, `  No problems found in any of the ${clean} project(s).`)
          : tr(`  其余 ${clean} 个项目未发现问题。`, `  No problems found in the other ${clean} project(s).`),
      );
    const s = summarise(o.findings);
    total.error += s.error;
    total.warning += s.warning;
    total.info += s.info;
    totalProjects += o.projects.length;
    out.push(tr(`  小计：${summaryLine(o.projects.length, s)}。`, `  Subtotal: ${summaryLine(o.projects.length, s)}.`));
    const accepted = o.accepted ?? [];
    if (accepted.length > 0) {
      out.push(tr(`  已核实 ${accepted.length} 项（保留原样，不计入上面的条数）：`, `  ${accepted.length} verified and kept as they are (not counted above):`));
      for (const { finding: f, exception: e } of accepted) {
        // The reason is the clerk's own text (data), quoted as written.
        if (lang() === "en") {
          out.push(`    [Verified] ${cellRef(f.sheet, f.cell)}  ${visible(findingEn(f))}  (${f.ruleId})`);
          out.push(`          Reason: "${visible(e.reason)}" (${e.date}${e.by ? `, ${visible(e.by)}` : ""})`);
        } else {
          out.push(`    [已核实] ${cellRef(f.sheet, f.cell)}  ${visible(f.message)}  (${f.ruleId})`);
          out.push(`          理由：${visible(e.reason)}（${e.date}${e.by ? `，${visible(e.by)}` : ""}）`);
        }
      }
    }
    out.push("");
  }
  const readable = outcomes.length - failed;
  out.push(
    tr(
      `合计：${outcomes.length} 个文件（${readable} 个已检查${failed ? `，${failed} 个无法读取` : ""}），${summaryLine(totalProjects, total)}。`,
      `Total: ${outcomes.length} file(s) (${readable} checked${failed ? `, ${failed} could not be read` : ""}), ${summaryLine(totalProjects, total)}.`,
    ),
  );
  return out.join("\n") + "\n";
}
