/**
 * The inbox: a department's N submitted workbooks checked together. Each file is read and validated on
 * its own (src/model/validate); the cross-file rules here see all of them at once and report what no
 * single file can show: a 项目编码 used in two files, a unit's declared total against the projects that
 * other files hold, the same project sent twice, goals or indicators copied from another unit.
 *
 * Pure and browser-safe: documents in, findings out; the CLI, the pane and the page read the files.
 */
import type { JxmbDocument, Project } from "../schema";
import type { Finding, ReportInput, RuleMeta, Severity } from "../rules/types";

/** One submitted file: its name as the user knows it (a path or a dropped file's name) and its document. */
export interface InboxFile {
  file: string;
  document: JxmbDocument;
}

/** A place in one of the inbox's files. */
export interface InboxLocation {
  file: string;
  sheet: string | null;
  cell: string | null;
  projectSeq: number | null;
  projectCode: string | null;
  projectName: string | null;
}

/**
 * A cross-file finding: an ordinary finding (sheet, cell and project are in `file`) plus the places in
 * other files it is about (the first occurrence of a duplicated code, the unit files summed).
 */
export interface InboxFinding extends Finding {
  file: string;
  /** Index of `file` in the inbox's input order. */
  fileIndex: number;
  related: InboxLocation[];
}

export interface InboxReportInput extends ReportInput {
  related?: InboxLocation[];
}

export interface InboxContext {
  files: readonly InboxFile[];
  /**
   * Report a finding in files[fileIndex]: on `project` (field → its cell, as in the per-file rules), or
   * on the file's document (fields "declaredTotals.…" and "overview.…" resolve to their cells).
   */
  report(fileIndex: number, project: Project | null, input: InboxReportInput): void;
}

/** A cross-file rule: the same meta as a per-file rule (id, severity, zh message, English, rationale, source). */
export interface InboxRule {
  meta: RuleMeta;
  check(ctx: InboxContext): void;
}

export interface InboxFileSummary {
  file: string;
  projects: number;
  /** Sum of the file's project 预算数, in 万元 (exact: summed in 分). */
  total: number;
  /** Cross-file findings located in this file. */
  findings: { error: number; warning: number; info: number };
}

export interface InboxReport {
  /** Sorted: by file (input order), then as validate sorts (project, severity, cell). */
  findings: InboxFinding[];
  summary: Record<Severity, number>;
  files: InboxFileSummary[];
  /** All files' projects and their 预算数 sum (万元). */
  projects: number;
  total: number;
}
