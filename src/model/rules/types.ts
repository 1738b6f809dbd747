/**
 * Rule engine contracts. A rule is a small module (ESLint-style): `meta` describes it, `check`
 * inspects one project (or `checkDocument` the whole document) and reports findings through ctx.
 */
import type { JxmbDocument, Project, ProfileName } from "../schema";
import type { CategoryKey } from "./categories";
import type { ProjectSummary } from "./precision";

export type Severity = "error" | "warning" | "info";

/** A finding as every front door shows it. `sheet`/`cell` point at the cell to fix. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string; // zh-CN
  /** The same in English (the rule's messageEn, or the English its report gave); the en-US report and pane. Not in the JSON. */
  messageEn?: string;
  sheet: string | null;
  cell: string | null;
  projectCode: string | null;
  projectName: string | null;
  /** 1-based position of the project in the document (codes may be missing or duplicated). */
  projectSeq: number | null;
  /** A suggested fix in Chinese, when the rule knows one. */
  fix?: string;
  /** The same 建议 in English (workbook text quoted as written). Not in the JSON. */
  fixEn?: string;
  /** Other rules that hit the same cell and were folded into this finding (validate's precision stage). */
  folded?: string[];
  /**
   * Every place a grouped finding stands for: a document-level summary of a rule that fired on most
   * projects (projectSeq null), or one rule's findings on several rows of one project (projectSeq
   * set, cell = the first of them). Absent on ordinary findings.
   */
  locations?: FindingLocation[];
}

export interface FindingLocation {
  projectSeq: number | null;
  sheet: string | null;
  cell: string | null;
  /** The place's own message, 建议 and folded rules (a grouped finding keeps each row's own). */
  message?: string;
  fix?: string;
  /** English of message and fix (not in the JSON). */
  messageEn?: string;
  fixEn?: string;
  folded?: string[];
}

export interface RuleMeta {
  id: string; // "spend-plan/decreasing"
  severity: Severity; // default severity; profiles may override or turn off
  /** zh-CN message template; {name} placeholders filled from report data. */
  message: string;
  /** English gloss of the message, for docs and --help. */
  messageEn: string;
  /** Why the rule exists, in Chinese. */
  rationale: string;
  /** Regulatory source, e.g. "财预〔2021〕101号 第三部分". */
  source: string;
  /** Reviewer's category (categories.ts) the task pane and reports group findings by. */
  category: CategoryKey;
  /** Short zh-CN title of the problem ("指标值缺少运算符"), for grouped lists and folded notes. */
  title: string;
  /** The same title in English (the en-US pane and report); plain English, no Chinese. */
  titleEn: string;
  /**
   * How specific the rule is, 0–100: when several rules hit the same cell, the most specific one's
   * finding is kept and the others are folded into it (a wrong year beats "no operator").
   */
  specificity: number;
}

export interface ReportInput {
  /** Field path in the project's source map ("budget.total", "indicators.3.target"), or an explicit cell. */
  field?: string;
  cell?: string;
  sheet?: string;
  data?: Record<string, string | number>;
  /** Override the meta message entirely; then messageEn says the same in English. */
  message?: string;
  messageEn?: string;
  /** 建议 in Chinese, and the same in English: every fix carries both. */
  fix?: string;
  fixEn?: string;
  /** Values for the English template (meta.messageEn) that differ from `data` (a row label, a month). */
  dataEn?: Record<string, string | number>;
  /** A milder severity for this finding than the rule's (e.g. a style variant of a warning); never raises it. */
  severity?: Severity;
}

export interface RuleContext {
  profile: ProfileName;
  document: JxmbDocument;
  report(input: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Per-project check. */
  check?(project: Project, ctx: RuleContext): void;
  /** Whole-document check (duplicates, totals, copied text). Report with project set via reportFor. */
  checkDocument?(doc: JxmbDocument, ctx: DocumentRuleContext): void;
}

export interface DocumentRuleContext extends RuleContext {
  reportFor(project: Project | null, input: ReportInput): void;
}

export interface Report {
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
  /** Per project with findings: counts and how many items must be fixed (错误 + 警告). */
  projects: ProjectSummary[];
}
