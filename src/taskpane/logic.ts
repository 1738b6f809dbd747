/**
 * UI-free logic of the task pane: run a validation through a port, group and filter findings, write the
 * Chinese e-mail summary. Pure except for the port call, so jest tests it in Node.
 */
import { sheetRef, type Grid } from "../model/grid";
import type { ExtraLabels } from "../model/read/synonyms";
import type { ReadProblem } from "../model/read/types";
import type { Finding, Report, Severity } from "../model/rules/types";
import type { JxmbDocument, ProfileName } from "../model/schema";
import { projectSummaries } from "../model/rules/precision";
import { categoryOf, categoryOrder, learnRules, ruleInfos, ruleTitle, type RuleInfo } from "./ruleInfo";
import {
  applyExceptions,
  EXCEPTIONS_SHEET,
  exceptionsSheet,
  readExceptions,
  withoutExceptionsSheet,
  type AcceptedException,
  type AppliedExceptions,
} from "../model/exceptions";
import { buildGroups, projectTitle } from "./todo";
import type { ReadProgress, WorkbookPort } from "./excel/port";

export const PROFILE_LABELS: Record<ProfileName, string> = {
  hebei: "河北",
  ningxia: "宁夏",
  "central-2021": "中央2021",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export interface RunResult {
  document: JxmbDocument;
  problems: ReadProblem[];
  report: Report;
  profile: ProfileName;
  sheetCount: number;
  /** What was read (kept so one project's sheet can be re-read alone). */
  grid: Grid;
  /** Names of the sheets that were read (the ones watched for changes). */
  sheetNames: string[];
  /** ms spent reading the workbook through the port, and in readWorkbook + validate */
  readMs: number;
  checkMs: number;
  /** Why no table was recognised (what the reader saw), when none was. */
  unrecognised: string | null;
  /** Every rule finding before exceptions were applied. */
  allFindings: Finding[];
  /** Every exception stored in the workbook, as read. */
  exceptions: AcceptedException[];
  exceptionProblems: string[];
  /** Findings set aside by accepted exceptions (已核实，保留), listed apart. */
  accepted: AppliedExceptions["accepted"];
  /** Exceptions whose cell changed since: their finding is open again. */
  lapsed: AppliedExceptions["lapsed"];
  /** Category and titles of every rule (from the rules' meta, loaded with the check), for ruleInfo.ts. */
  rules: RuleInfo[];
}

/** Recognise + validate a grid read through the port: `analyse` here, or the same in a Web Worker (the pane's). */
export type Analyser = typeof analyse;

/**
 * Read through the port, recognise the layouts, validate. `profile` undefined = the document's own guess. The read
 * stays on the caller's thread (Office.js lives there); `check` may run the rest elsewhere (browser.ts
 * analyseOffThread).
 */
export async function runValidation(
  port: WorkbookPort,
  profile: ProfileName | undefined,
  onProgress?: (p: ReadProgress) => void,
  labels?: ExtraLabels | null,
  check: Analyser = analyse,
): Promise<RunResult> {
  const t0 = Date.now();
  const grid = await port.readWorkbook(onProgress);
  return check(grid, profile, Date.now() - t0, onProgress, labels);
}

/**
 * The readers and the rule engine, loaded on the first check rather than with the pane: the pane's first paint does
 * not wait for them (and the initial scripts stay within their size budget).
 */
function loadModel(): Promise<[typeof import("../model/read/index"), typeof import("../model/validate"), typeof import("../model/rules/index")]> {
  return Promise.all([
    import(/* webpackChunkName: "model" */ "../model/read/index"),
    import(/* webpackChunkName: "model" */ "../model/validate"),
    import(/* webpackChunkName: "model" */ "../model/rules/index"),
  ]);
}

/**
 * Re-check after editing one project: read only `sheets` through the port (the rest comes from the last run's
 * grid), then recognise and validate the whole workbook again, so cross-project rules stay right.
 */
export async function recheckSheets(
  port: WorkbookPort,
  prev: RunResult,
  sheets: string[],
  profile: ProfileName | undefined,
  onProgress?: (p: ReadProgress) => void,
  labels?: ExtraLabels | null,
  check: Analyser = analyse,
): Promise<RunResult> {
  const t0 = Date.now();
  const part = await port.readWorkbook(onProgress, { only: sheets });
  const fresh = new Map(part.sheets.map((s) => [s.name, s]));
  const grid: Grid = { sheets: prev.grid.sheets.map((s) => fresh.get(s.name) ?? s), names: part.names };
  return check(grid, profile, Date.now() - t0, onProgress, labels);
}

/** The sheet a project was read from (where its cells are). */
export function projectSheet(run: RunResult, projectSeq: number | null): string | null {
  if (projectSeq === null) return null;
  const p = run.document.projects[projectSeq - 1];
  return p?.source.sheet || null;
}

function splitByExceptions(findings: Finding[], exceptions: AcceptedException[], grid: Grid): Pick<RunResult, "report" | "exceptions" | "accepted" | "lapsed"> {
  const applied = applyExceptions(findings, exceptions, grid);
  const report: Report = { findings: applied.open, summary: { error: 0, warning: 0, info: 0 }, projects: projectSummaries(applied.open) };
  for (const f of applied.open) report.summary[f.severity]++;
  return { report, exceptions, accepted: applied.accepted, lapsed: applied.lapsed };
}

/** The same run with another exception list (just written to the workbook): nothing is re-read or re-checked. */
export function withExceptionList(prev: RunResult, list: AcceptedException[]): RunResult {
  const grid: Grid = { ...prev.grid, sheets: [...prev.grid.sheets.filter((s) => s.name !== EXCEPTIONS_SHEET), exceptionsSheet(list)] };
  return { ...prev, grid, ...splitByExceptions(prev.allFindings, list, grid) };
}

/**
 * The same run over the workbook as the pane's own write left it (the seal, its 撤销): the readers see the same
 * content there, so the findings stand; only the grid (new or removed helper sheets, status cells) is replaced.
 */
export function withWrittenGrid(prev: RunResult, grid: Grid): RunResult {
  return {
    ...prev,
    grid,
    sheetCount: grid.sheets.length,
    sheetNames: grid.sheets.map((s) => s.name),
    ...splitByExceptions(prev.allFindings, prev.exceptions, grid),
  };
}

/**
 * Before a long synchronous step: let a page show the progress just reported (the next frame, or 100 ms at most
 * where frames do not come, e.g. a hidden tab); in a worker, one turn of the event loop.
 */
function letPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    if (typeof requestAnimationFrame === "function") {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 100);
    } else setTimeout(done, 0);
  });
}

/** Recognise and validate a grid already read (the page runs this in a worker: analysisWorker.ts). */
export async function analyse(grid: Grid, profile: ProfileName | undefined, readMs: number, onProgress?: (p: ReadProgress) => void, labels?: ExtraLabels | null): Promise<RunResult> {
  const t1 = Date.now();
  onProgress?.({ fraction: 1, message: "正在识别表格……", key: "progRecognise" });
  const [{ readWorkbook }, { validate }, { RULES }] = await loadModel();
  const rules = ruleInfos(RULES.map((r) => r.meta));
  learnRules(rules);
  if (onProgress) await letPaint();
  const { document, problems, unrecognised } = readWorkbook(withoutExceptionsSheet(grid), { ...(profile ? { profile } : {}), ...(labels ? { labels } : {}) });
  onProgress?.({ fraction: 1, message: `正在校验 ${document.projects.length} 个项目……`, key: "progValidate", params: { n: document.projects.length } });
  if (onProgress) await letPaint();
  const full = validate(document, profile ? { profile } : {});
  // Accepted exceptions (已核实，保留) are listed apart, not counted; lapsed ones put their finding back.
  const ex = readExceptions(grid);
  return {
    document,
    problems,
    ...splitByExceptions(full.findings, ex.exceptions, grid),
    allFindings: full.findings,
    unrecognised: unrecognised ?? null,
    exceptionProblems: ex.problems,
    profile: profile ?? document.profile,
    sheetCount: grid.sheets.length,
    sheetNames: grid.sheets.map((s) => s.name),
    grid,
    readMs,
    checkMs: Date.now() - t1,
    rules,
  };
}

/** Rule ids present in the findings with their counts, sorted by category then Chinese title. */
export function ruleCounts(findings: Finding[]): { ruleId: string; count: number }[] {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => categoryOrder(categoryOf(a[0])) - categoryOrder(categoryOf(b[0])) || ruleTitle(a[0]).localeCompare(ruleTitle(b[0]), "zh-CN"))
    .map(([ruleId, count]) => ({ ruleId, count }));
}

export function cellLabel(sheet: string | null, cell: string | null): string {
  if (!sheet && !cell) return "";
  return sheetRef(sheet, cell);
}

/**
 * A Chinese summary for e-mail covering the whole workbook: counts, every project with its 错误/警告 counts, every
 * 错误 cell (the must-fix list is never cut), and the 警告 cells while they stay readable — past `maxWarnings` the
 * warnings become a count and a pointer to the exported 问题清单. Info findings are counted only.
 */
export function summaryText(run: RunResult, maxWarnings = 60): string {
  const { report, document } = run;
  const s = report.summary;
  const lines: string[] = [];
  const who = [document.department.name, document.fiscalYear ? `${document.fiscalYear}年` : null].filter(Boolean).join(" ");
  lines.push(`绩效目标表校验摘要${who ? `（${who}）` : ""}`);
  lines.push(
    `规则：${PROFILE_LABELS[run.profile]}；项目 ${document.projects.length} 个；错误 ${s.error} 条，警告 ${s.warning} 条，提示 ${s.info} 条。`,
  );
  if (run.accepted.length) lines.push(`已核实并保留 ${run.accepted.length} 项（不计入上面的条数）。`);
  if (run.lapsed.length) lines.push(`另有 ${run.lapsed.length} 项核实记录因单元格内容已改而失效，已重新列入。`);
  if (run.problems.length) lines.push(`读取问题 ${run.problems.length} 条（见任务窗格）。`);
  const groups = buildGroups(report.findings.filter((f) => f.severity !== "info"));
  if (groups.length) {
    lines.push("", "各项目需要修改的处数：");
    for (const g of groups) lines.push(`- ${g.title}：错误 ${g.counts.error} 处，警告 ${g.counts.warning} 处`);
  }
  const line = (f: Finding, i: number) => `${i + 1}. ${cellLabel(f.sheet, f.cell) || "（无单元格）"} ${projectTitle(f)}：${f.message}`;
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  if (errors.length === 0 && warnings.length === 0) {
    lines.push("没有需要修改的单元格。");
  } else {
    if (errors.length) lines.push("", `必须修改（错误 ${errors.length} 条）：`, ...errors.map(line));
    if (warnings.length > maxWarnings) {
      lines.push("", `建议核实（警告 ${warnings.length} 条）：条数较多，完整清单请用任务窗格中的“导出问题清单”导出后查看。`);
    } else if (warnings.length) {
      lines.push("", `建议核实（警告 ${warnings.length} 条）：`, ...warnings.map(line));
    }
  }
  return lines.join("\n") + "\n";
}

/** File name for an export: "<部门> <年>绩效目标.json", stripped of characters file systems refuse. */
export function exportFileName(doc: JxmbDocument, ext: string): string {
  const base = [doc.department.name, doc.fiscalYear ? `${doc.fiscalYear}年` : null, "绩效目标"].filter(Boolean).join("");
  return `${base.replace(/[\\/:*?"<>|]/g, "_")}.${ext}`;
}
