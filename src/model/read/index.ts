/**
 * Workbook reader: runs every layout recogniser over every sheet and merges what they find into one
 * canonical document, in document order (sheet order, then top to bottom). Never throws: a reader
 * that crashes becomes a ReadProblem naming the sheet.
 */
import type { Grid, GridSheet } from "../grid";
import type { DeclaredTotals, FiscalYearSource, JxmbDocument, Overview, Project, ProfileName } from "../schema";
import { emptyDocument } from "../schema-values";
import type { LayoutReader, ReadOptions, ReadProblem, ReadResult, SheetReadResult } from "./types";
import { isOwnListsSheet, templateReader } from "./template";
import { hebeiReader, inferFiscalYearFromCodes } from "./hebei";
import { chengdeReader } from "./chengde";
import { ningxiaReader } from "./ningxia";
import { readDepartmentPart } from "./department";
import { selfEvalReader } from "./self-eval";
import { departmentOverallReader } from "./department-overall";
import { describeUnrecognised, genericReader, readGenericSheet } from "./generic";
import { DEFAULT_SYNONYMS, extendSynonyms, type ExtraLabels } from "./synonyms";
import { sideBySideParts } from "./bands";
import { trimText } from "./labels";
import { inferProfile, type ProfileSource } from "./profile";

export type { LayoutReader, ReadOptions, ReadProblem, ReadResult, SheetReadResult } from "./types";
export { inferProfile, type ProfileInference, type ProfileSource } from "./profile";
export { parseLabelsJson, LabelsFileError, DEFAULT_SYNONYMS, extendSynonyms, type ExtraLabels, type SynonymTable } from "./synonyms";

/**
 * Readers in priority order. On each sheet the first reader whose `detect` says yes and that finds
 * something wins; later readers are not asked about that sheet (the layouts share labels such as
 * 项目编码, so two readers must not both claim the same tables).
 *
 * Our own template comes first (it carries 项目编码 too, and round-trips losslessly through its own
 * reader); 承德 comes before Hebei: both carry 项目编码 (hebei.detect also steps aside at 符号).
 * The header-driven generic reader comes last: it reads any province's form from its indicator
 * header and the synonym table, on sheets no form-specific reader claims.
 */
export const DEFAULT_READERS: LayoutReader[] = [templateReader, selfEvalReader, departmentOverallReader, chengdeReader, hebeiReader, ningxiaReader, genericReader];

export interface ReadWorkbookOptions extends ReadOptions {
  /** Override the reader list (tests, or a caller that knows the layout). */
  readers?: LayoutReader[];
  /** Extra label spellings (a user's --labels file, parsed by parseLabelsJson), added to the synonym table. */
  labels?: ExtraLabels | null;
}

/** Indicators a reader found, 中期 ones included (a central-2021 sheet may hold only 中期 rows so far). */
function indicatorCount(res: SheetReadResult): number {
  return res.projects.reduce((n, p) => n + p.indicators.length + (p.midTerm?.indicators.length ?? 0), 0);
}

function crashMessage(sheet: GridSheet, reader: LayoutReader, e: unknown): ReadProblem {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    severity: "error",
    message: `工作表“${sheet.name}”按 ${reader.layout} 版式读取时出错，已跳过该表：${detail}（reader crashed）`,
    sheet: sheet.name,
    cell: null,
  };
}

function firstRow(p: Project): number {
  const ref = p.source.range?.split(":")[0] ?? "";
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function mergeOverview(a: Overview | null, b: Overview | null | undefined): Overview | null {
  if (!b) return a;
  if (!a) return b;
  const merged: Overview = {
    summary: a.summary ?? b.summary,
    items: [...a.items, ...b.items],
    safeguards: a.safeguards ?? b.safeguards,
    source: a.source ?? b.source,
  };
  // The department-overall table's keys (absent on the prose department part).
  const goals = a.goals ?? b.goals;
  const budget = a.budget ?? b.budget;
  const duties = a.duties || b.duties ? [...(a.duties ?? []), ...(b.duties ?? [])] : undefined;
  const indicators = a.indicators || b.indicators ? [...(a.indicators ?? []), ...(b.indicators ?? [])] : undefined;
  if (goals) merged.goals = goals;
  if (budget) merged.budget = budget;
  if (duties) merged.duties = duties;
  if (indicators) merged.indicators = indicators;
  return merged;
}

/**
 * seq: the number printed in the table's title when there is one and it is not already taken,
 * otherwise the table's position in the document (1-based). Readers put the printed number in
 * `seq` (0 when none).
 */
function assignSeq(projects: Project[]): void {
  const used = new Set<number>();
  const printed = projects.map((p) => (p.seq > 0 ? p.seq : 0));
  const counts = new Map<number, number>();
  for (const n of printed) if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
  projects.forEach((p, i) => {
    const n = printed[i];
    if (n > 0 && counts.get(n) === 1) {
      p.seq = n;
      used.add(n);
    } else p.seq = 0;
  });
  let next = 1;
  projects.forEach((p, i) => {
    if (p.seq > 0) return;
    let cand = i + 1;
    if (used.has(cand)) {
      while (used.has(next)) next++;
      cand = next;
    }
    p.seq = cand;
    used.add(cand);
  });
}

/** Raw text that shows nothing (empty, spaces, U+3000 全角空格, NBSP): no raw text at all. */
export function rawOrNull(text: string | null): string | null {
  return text === null || trimText(text) === "" ? null : text;
}

/**
 * The one place where a blank-looking raw (a cell holding only a 全角空格) becomes null, for every reader: the
 * template reader derives null from such a cell while a source reader kept the text, so a seal made on one read
 * and checked on the other listed “其他资金（原文）：“　” → （空）” though nobody changed it.
 */
function blankRawAsNull(p: Project): void {
  for (const k of ["total", "fiscal", "other"] as const) p.budget.raw[k] = rawOrNull(p.budget.raw[k]);
  if (p.spendPlan) for (const k of ["mar", "jun", "oct", "dec"] as const) p.spendPlan.raw[k] = rawOrNull(p.spendPlan.raw[k]);
}

export function readWorkbook(grid: Grid, opts?: ReadWorkbookOptions): ReadResult {
  const readers = opts?.readers ?? DEFAULT_READERS;
  const synonyms = opts?.synonyms ?? (opts?.labels ? extendSynonyms(DEFAULT_SYNONYMS, opts.labels) : DEFAULT_SYNONYMS);
  const readOpts = { ...opts, synonyms };
  const problems: ReadProblem[] = [];
  const projects: Project[] = [];
  let overview: Overview | null = null;
  let declared: DeclaredTotals | null = null;
  let fiscalYear: number | null = null;
  let fiscalYearSource: FiscalYearSource | null = null;
  let title: string | null = null;
  let department: { code: string | null; name: string | null } = { code: null, name: null };
  // A reader may report the profile written in the workbook (our template records it on its 部门 sheet).
  let declaredProfile: ProfileName | null = null;

  const take = (res: SheetReadResult) => {
    projects.push(...[...res.projects].sort((a, b) => firstRow(a) - firstRow(b)));
    overview = mergeOverview(overview, res.overview);
    if (!declared && res.declaredTotals) declared = res.declaredTotals;
    if (fiscalYear === null && res.fiscalYear != null) {
      fiscalYear = res.fiscalYear;
      fiscalYearSource = res.fiscalYearSource ?? "printed";
    }
    if (title === null && res.title) title = res.title;
    const rp = (res as SheetReadResult & { profile?: ProfileName | null }).profile;
    if (declaredProfile === null && rp) declaredProfile = rp;
    if (res.department) {
      department = { code: department.code ?? res.department.code, name: department.name ?? res.department.name };
    }
    problems.push(...res.problems);
  };

  // Our template's hidden lists sheet holds no form: it is not split into column bands (the split looks
  // for an indicator header in each band of it).
  const ownLists = readers.includes(templateReader) ? (s: GridSheet) => isOwnListsSheet(s, grid) : () => false;
  for (const sheet of grid.sheets.flatMap((s) => (ownLists(s) ? [s] : sideBySideParts(s, synonyms)))) {
    let claimed = false;
    for (const reader of readers) {
      let detected = false;
      try {
        detected = reader.detect(sheet, grid, readOpts);
      } catch (e) {
        problems.push(crashMessage(sheet, reader, e));
        continue;
      }
      if (!detected) continue;
      try {
        let res = reader.read(sheet, grid, readOpts);
        const found = res.projects.length > 0 || !!res.overview || !!res.declaredTotals;
        // A form-specific reader that recognised its tables but no indicator (a newer version of the
        // form spelling its header differently): the header-driven reader reads it when it can.
        if (found && reader !== genericReader && readers.includes(genericReader) && indicatorCount(res) === 0 && res.projects.some((p) => !p.redacted)) {
          const alt = readGenericSheet(sheet, readOpts);
          if (indicatorCount(alt) > 0 && alt.projects.length >= res.projects.filter((p) => !p.redacted).length) res = alt;
        }
        take(res);
        // A sheet of our own template (its meta cell says so) is read by the template reader alone, even when it
        // holds nothing yet: the 部门 sheet of a self-evaluation document carries the title 项目支出绩效自评表 and
        // would otherwise be read as a form of its own, with no project name and no indicator header.
        if (found || reader === templateReader) {
          claimed = true;
          break;
        }
      } catch (e) {
        problems.push(crashMessage(sheet, reader, e));
      }
    }
    // The department part (总体/分项绩效目标, 工作保障措施) is layout-independent prose.
    if (!claimed || !overview) {
      try {
        const dep = readDepartmentPart(sheet);
        if (dep) take(dep);
      } catch (e) {
        problems.push({
          severity: "error",
          message: `工作表“${sheet.name}”的部门整体绩效目标读取出错：${e instanceof Error ? e.message : String(e)}`,
          sheet: sheet.name,
          cell: null,
        });
      }
    }
  }

  assignSeq(projects);
  projects.forEach(blankRawAsNull);

  if (fiscalYear === null) {
    const inferred = inferFiscalYearFromCodes(projects);
    if (inferred !== null) {
      fiscalYear = inferred;
      fiscalYearSource = "code";
      problems.push({
        severity: "info",
        message: `工作簿未写明预算年度，已按项目编码中的年度推断为 ${inferred} 年（fiscal year inferred from project codes）`,
        sheet: null,
        cell: null,
      });
    }
  }

  // Explicit option, else what the workbook declares, else what the form's own layout shows (reported: a user
  // sees why), else the default.
  const inferred = opts?.profile || declaredProfile ? null : inferProfile(projects);
  const profile: ProfileName = opts?.profile ?? declaredProfile ?? inferred?.profile ?? "hebei";
  const profileSource: ProfileSource = opts?.profile ? "option" : declaredProfile ? "declared" : inferred ? "inferred" : "default";
  if (inferred && inferred.profile !== "hebei" && projects.every((p) => p.layout !== "ningxia")) {
    problems.push({
      severity: "info",
      message: `未指定口径，按表格本身推断为 ${inferred.profile}：${inferred.reason}${inferred.cell ? `（${inferred.sheet}!${inferred.cell}）` : ""}；可用 --profile 指定（profile inferred from the form's layout）`,
      sheet: inferred.sheet,
      cell: inferred.cell,
    });
  }
  const doc: JxmbDocument = emptyDocument(profile);
  doc.fiscalYear = fiscalYear;
  if (fiscalYearSource) doc.fiscalYearSource = fiscalYearSource;
  doc.department = department;
  doc.title = title;
  doc.overview = overview;
  doc.declaredTotals = declared;
  doc.projects = projects;

  let unrecognised: string | null = null;
  // A department's 汇总 with declared totals and no project table is a document too (the inbox checks it against the units' files).
  if (projects.length === 0 && !overview && !declared) {
    unrecognised = describeUnrecognised(grid, synonyms);
    problems.push({ severity: "error", message: unrecognised, sheet: null, cell: null });
  }
  return { document: doc, problems, unrecognised, profileSource, profileReason: inferred?.reason ?? null };
}
