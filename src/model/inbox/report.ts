/**
 * The consolidated inbox report as rows and text, shared by the CLI (screen, .xlsx) and the pane: one
 * row per finding, each file's own findings and the cross-file ones, with where to look and what to do.
 */
import { sheetRef } from "../grid";
import { categoryOfRule } from "../rules";
import { CATEGORIES, type CategoryKey } from "../rules/categories";
import type { Finding, Severity } from "../rules/types";
import { getInboxRule } from "./rules";
import type { InboxFinding, InboxLocation, InboxReport } from "./types";
import { fileLabel } from "./rules/util";

/** One file's own outcome: its findings (validate's, through inboxFileFindings), or why it could not be read. */
export interface InboxFileOutcome {
  file: string;
  projects: number;
  findings: readonly Finding[];
  /** Set when the file could not be read (zh-CN); then findings is empty. */
  error?: string;
}

export interface InboxRow {
  file: string;
  /** "第 3 个项目 13032423P… 安保指挥中心工作经费", or "" for the whole file. */
  project: string;
  sheet: string | null;
  cell: string | null;
  severity: Severity;
  category: CategoryKey;
  message: string;
  fix: string;
  ruleId: string;
  /** True for a cross-file rule's finding. */
  crossFile: boolean;
  /** The other places a cross-file finding is about ("a.xlsx 项目2!B3；…"). */
  related: string;
}

export const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function categoryOf(ruleId: string): CategoryKey {
  return getInboxRule(ruleId)?.meta.category ?? categoryOfRule(ruleId);
}

function projectText(f: Finding): string {
  if (f.projectSeq === null) return "";
  return [`第 ${f.projectSeq} 个项目`, f.projectCode, f.projectName].filter(Boolean).join(" ");
}

export function locationText(l: InboxLocation): string {
  const base = (l.file.split(/[\\/]/).pop() ?? l.file) || l.file;
  const where = sheetRef(l.sheet, l.cell);
  return where ? `${base} ${where}` : base;
}

/** Every finding as a row: the cross-file ones first (by file, input order), then each file's own findings. */
export function inboxRows(outcomes: readonly InboxFileOutcome[], report: InboxReport): InboxRow[] {
  const rows: InboxRow[] = [];
  const cross = new Map<string, InboxFinding[]>();
  for (const f of report.findings) {
    const l = cross.get(f.file);
    if (l) l.push(f);
    else cross.set(f.file, [f]);
  }
  // What only the inbox can show comes first: the cross-file findings, file by file; then each file's own.
  for (const o of outcomes) for (const f of cross.get(o.file) ?? []) rows.push(row(o.file, f, true, f.related.map(locationText).join("；")));
  for (const o of outcomes) {
    if (o.error) {
      rows.push({ file: o.file, project: "", sheet: null, cell: null, severity: "error", category: "project", message: `无法读取：${o.error}`, fix: "", ruleId: "read/file", crossFile: false, related: "" });
      continue;
    }
    for (const f of o.findings) rows.push(row(o.file, f, false, ""));
  }
  return rows;
}

function row(file: string, f: Finding, crossFile: boolean, related: string): InboxRow {
  return {
    file,
    project: projectText(f),
    sheet: f.sheet,
    cell: f.cell,
    severity: f.severity,
    category: categoryOf(f.ruleId),
    message: f.message,
    fix: f.fix ?? "",
    ruleId: f.ruleId,
    crossFile,
    related,
  };
}

export function categoryZh(key: CategoryKey): string {
  return CATEGORIES[key]?.zh ?? key;
}

/** The inbox in a few Chinese sentences: files, projects, money, what the cross-file check found. */
export function inboxSummary(outcomes: readonly InboxFileOutcome[], report: InboxReport): string {
  const unreadable = outcomes.filter((o) => o.error).length;
  const own = { error: 0, warning: 0, info: 0 };
  for (const o of outcomes) for (const f of o.findings) own[f.severity]++;
  const s = report.summary;
  const parts = [
    `共收到 ${outcomes.length} 个文件${unreadable ? `（${unreadable} 个无法读取，未参加跨文件检查）` : ""}，${report.projects} 个项目，预算数合计 ${report.total} 万元。`,
    `各文件自身：错误 ${own.error} 个，警告 ${own.warning} 个，提示 ${own.info} 个。`,
    s.error + s.warning + s.info === 0
      ? "跨文件检查未发现问题（项目编码不重复、合计相符、无重复报送或照搬、年度一致）。"
      : `跨文件检查：错误 ${s.error} 个，警告 ${s.warning} 个，提示 ${s.info} 个。`,
  ];
  return parts.join("");
}

/** inboxSummary in English (the CLI's en-US locale): the same figures, the same order. */
export function inboxSummaryEn(outcomes: readonly InboxFileOutcome[], report: InboxReport): string {
  const unreadable = outcomes.filter((o) => o.error).length;
  const own = { error: 0, warning: 0, info: 0 };
  for (const o of outcomes) for (const f of o.findings) own[f.severity]++;
  const s = report.summary;
  return [
    `${outcomes.length} file(s) received${unreadable ? ` (${unreadable} could not be read and are not in the cross-file check)` : ""}, ${report.projects} project(s), budget total ${report.total} (10,000 yuan).`,
    `In the files themselves: ${own.error} error(s), ${own.warning} warning(s), ${own.info} info.`,
    s.error + s.warning + s.info === 0
      ? "Cross-file checks found no problem (project codes unique, totals match, nothing sent twice or copied, one budget year)."
      : `Cross-file checks: ${s.error} error(s), ${s.warning} warning(s), ${s.info} info.`,
  ].join(" ");
}

export { fileLabel };
