/**
 * Renderer: JxmbDocument → TemplateBook (a Grid plus what a Grid cannot hold: widths, styles,
 * validations, conditional formats, print setup). Pure: no I/O. Both writers use it — exceljs for
 * files (src/xlsx/write.ts) and the task pane's Office.js adapter for 插入模板.
 *
 * Every cell value in the Grid is a literal unless the sheet's `formulas` has an entry for it: a text
 * that starts with = + - @ is data and must be written as text (the exceljs writer does; an Office.js
 * writer must set the cell's number format to "@" first — the TemplateBook already marks every text
 * input cell with format "@").
 */
import type { CellValue, DefinedName, Grid, GridSheet, MergeRange } from "../grid";
import { a1, emptySheet, setValue } from "../grid";
import { emptyDocument, emptyProject } from "../schema-values";
import type { Indicator, JxmbDocument, Project, ProfileName } from "../schema";
import { HIERARCHY, LEVEL1, LEVEL2, REQUIRED_OUTPUT_DIMENSIONS, level1Options, level2Options, type Framework, type Level1Key } from "../taxonomy";
import { ruleSetting } from "../rules/profiles";
import {
  blockCheck,
  blockCheckFormula,
  frameworkHelper,
  frameworkHelperFormula,
  otherYears,
  otherYearsFormula,
  type BlockRefs,
  type SheetHelpers,
  type BlockRequirement,
  type IndicatorTaxonomy,
  type RuleGate,
  budgetCheck,
  budgetCheckFormula,
  declaredCheck,
  declaredCheckFormula,
  fiscalYearCheck,
  fiscalYearCheckFormula,
  indicatorCheck,
  indicatorCheckFormula,
  listsProbeFormula,
  listsSummaryFormula,
  planCheck,
  planCheckFormula,
  presenceCheck,
  presenceCheckFormula,
  statusCheck,
  statusFormula,
  totalCheckFormula,
  unitCheck,
  unitCheckFormula,
  type CheckInput,
} from "./checks";
import {
  addOverride,
  CELL_TEXT_LIMIT,
  deriveBudget,
  deriveDeclared,
  deriveGoals,
  deriveIndicator,
  deriveNingxia,
  deriveOverview,
  derivePairedRow,
  deriveSpendPlan,
  encodeMeta,
  pairRows,
  goalsText,
  textOf,
  type IndicatorCore,
  type PairedRow,
} from "./fields";
import {
  CHECK,
  DEPARTMENT,
  FMT_MONEY,
  FMT_PERCENT,
  FMT_TEXT,
  FMT_YEAR,
  LISTS,
  NAMES,
  indicatorColumnOrder,
  projectLayoutOf,
  type ProjectLayout,
  PROJECT_INDICATORS_KEY,
  PROJECT_NAME_KEYS,
  PROJECT_STATUS_KEY,
  SHEET_DEPARTMENT,
  SHEET_LISTS,
  SHEET_SUMMARY,
  SUMMARY,
  TEMPLATE_VERSION,
  projectFooterRow,
  projectNamePrefix,
  projectSheetName,
  quoteSheet,
  ref,
  spotRange,
  type LabelSpot,
  type Spot,
  type StyleRole,
} from "./layout";

/* ------------------------------------------------------------------------------------------------
 * TemplateBook
 * ---------------------------------------------------------------------------------------------- */

export interface StyleRange {
  range: string; // A1 range on the sheet
  role: StyleRole;
}

export interface ValidationSpec {
  range: string; // e.g. "A10:A39"
  type: "list" | "decimal" | "whole" | "textLength";
  operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  /** Formulas without "=", relative to the range's top-left cell. */
  formulae: (string | number)[];
  allowBlank: boolean;
  errorStyle: "stop" | "warning" | "information";
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
}

export interface ConditionalFormatSpec {
  range: string;
  /** Expression without "=", relative to the range's top-left cell. */
  formula: string;
  style: "ok" | "bad" | "todo";
}

export interface SheetExtras {
  /** Column widths in characters, from column A; `hidden` columns hold machine data. */
  columns: { width: number; hidden?: boolean }[];
  rowHeights: Record<number, number>; // 0-based row → points
  styles: StyleRange[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Rows/columns frozen at the top/left. */
  freeze?: { rows: number; cols: number };
  landscape: boolean;
  printArea?: string;
  /** Print on one page (fit width and height); otherwise fit to width only … */
  fitOnePage?: boolean;
  /** … and at most this many pages tall (shrinking the print to fit), when set. */
  fitPagesTall?: number;
  /** Page header and footer in Excel's codes (&L &C &R sections, &P page, &N pages; a literal & is &&). */
  headerFooter?: { header: string; footer: string };
  /**
   * The merged look of 一级/二级 on the printed form while every row keeps its own value: a value equal to the
   * group's (the row above) is hidden ("repeat": number format ;;;) and a group starts with a top border
   * ("groupStart"). Conditional formats, so they follow edits; writers without them show every value.
   */
  groupFormats?: { range: string; formula: string; kind: "repeat" | "groupStart" | "groupStartLast" }[];
  tabColor?: string;
  /** Cells a protected sheet leaves editable (only used when protection is on). */
  unlocked: string[];
  protect: boolean;
}

export interface TemplateBook {
  grid: Grid;
  /** Per sheet name. */
  extras: Record<string, SheetExtras>;
  version: string;
  framework: Framework;
  /** Sheet name of each project, in document order. */
  projectSheets: string[];
}

export interface RenderOptions {
  /** Indicator rows per project sheet (at least the project's indicators); default 30. */
  indicatorRows?: number;
  /** Lock label and formula cells (inputs stay editable; inserting rows stays allowed). Default false. */
  protect?: boolean;
  /** Only for `renderTemplate(null, …)`: number of blank project sheets (default 3) and profile. */
  projects?: number;
  profile?: ProfileName;
}

export function frameworkOf(profile: ProfileName): Framework {
  return profile === "central-2021" ? "2021" : "2015";
}

/* ------------------------------------------------------------------------------------------------
 * Small helpers
 * ---------------------------------------------------------------------------------------------- */

function newExtras(widths: readonly number[]): SheetExtras {
  return {
    columns: widths.map((w) => ({ width: w })),
    rowHeights: {},
    styles: [],
    validations: [],
    conditionalFormats: [],
    landscape: true,
    unlocked: [],
    protect: false,
  };
}

function setFormat(sheet: GridSheet, r: number, c: number, fmt: string): void {
  sheet.formats ??= [];
  while (sheet.formats.length <= r) sheet.formats.push([]);
  const row = sheet.formats[r];
  while (row.length <= c) row.push(null);
  row[c] = fmt;
}

function merge(sheet: GridSheet, s: Spot): void {
  const r2 = s.r2 ?? s.r;
  const c2 = s.c2 ?? s.c;
  if (r2 !== s.r || c2 !== s.c) sheet.merges.push({ r1: s.r, c1: s.c, r2, c2 } satisfies MergeRange);
}

function label(sheet: GridSheet, ex: SheetExtras, l: LabelSpot): void {
  setValue(sheet, l.r, l.c, l.text);
  merge(sheet, l);
  ex.styles.push({ range: spotRange(l), role: l.role ?? "label" });
}

/** An input cell: value, merge, style, format; text inputs get "@" so typed "=…" or "001" stay text. */
function input(sheet: GridSheet, ex: SheetExtras, s: Spot, v: CellValue, role: StyleRole, fmt: string): void {
  setValue(sheet, s.r, s.c, v);
  merge(sheet, s);
  // A text value in a numeric field (raw text such as "见附件") keeps the numeric format: harmless.
  setFormat(sheet, s.r, s.c, fmt);
  ex.styles.push({ range: spotRange(s), role });
  ex.unlocked.push(spotRange(s));
}

function formula(sheet: GridSheet, ex: SheetExtras, s: Spot, f: string, result: CellValue, role: StyleRole, fmt?: string): void {
  // A text result longer than a cell can hold is #VALUE! in Excel (e.g. the title of a 32,767-character name).
  if (typeof result === "string" && result.length > CELL_TEXT_LIMIT) result = { error: "#VALUE!" };
  setValue(sheet, s.r, s.c, result, f);
  merge(sheet, s);
  if (fmt) setFormat(sheet, s.r, s.c, fmt);
  ex.styles.push({ range: spotRange(s), role });
}

/** Display width in Excel units (a CJK character counts two). */
function textUnits(t: string): number {
  let n = 0;
  for (const ch of t) n += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return n;
}

/**
 * Row height (points) so wrapped text shows in full: LibreOffice and Excel keep a written row's
 * height on open instead of fitting it, so the renderer estimates it. `cells`: [value, width in chars].
 */
function fitRow(ex: SheetExtras, r: number, cells: [CellValue, number][], min = 18): void {
  let lines = 1;
  for (const [v, w] of cells) {
    if (typeof v !== "string" || !v) continue;
    const perLine = Math.max(4, w - 1);
    const l = v.split(/\n/).reduce((s, part) => s + Math.max(1, Math.ceil(textUnits(part) / perLine)), 0);
    lines = Math.max(lines, l);
  }
  const h = Math.min(409, Math.max(min, lines * 15 + 4));
  if (h > (ex.rowHeights[r] ?? 0)) ex.rowHeights[r] = h;
}

function spanWidth(s: Spot, widths: readonly number[]): number {
  let w = 0;
  for (let c = s.c; c <= (s.c2 ?? s.c); c++) w += widths[c] ?? 10;
  return w;
}

function checkCfs(ex: SheetExtras, range: string, topLeft: string): void {
  ex.conditionalFormats.push(
    { range, formula: `LEFT(${topLeft},1)="✗"`, style: "bad" },
    { range, formula: `LEFT(${topLeft},1)="✓"`, style: "ok" },
    { range, formula: `LEFT(${topLeft},3)="${CHECK.todo}"`, style: "todo" },
  );
}

/** The cell for an amount: the number, or the raw text when it is not a number. */
function moneyCell(value: number | null, raw: string | null): CellValue {
  if (value !== null) return value;
  return raw !== null && raw.trim() !== "" ? raw : null;
}

function planCell(value: number | null, raw: string | null): CellValue {
  if (value !== null) return Math.round(value * 1e4) / 1e6; // points → fraction, no float noise
  return raw !== null && raw.trim() !== "" ? raw : null;
}

/* ------------------------------------------------------------------------------------------------
 * Lists (taxonomy → _lists)
 * ---------------------------------------------------------------------------------------------- */

interface Lists {
  level1: string[];
  level2: string[][];
  pairs: [string, string][];
  /** What the row and block checks know of both frameworks. */
  taxonomy: IndicatorTaxonomy;
  required: BlockRequirement[];
}

function pairsOf(fw: Framework): [string, string][] {
  const out: [string, string][] = [];
  for (const [k1, l2s] of Object.entries(HIERARCHY[fw]) as [Level1Key, (keyof typeof LEVEL2)[]][]) for (const k2 of l2s) out.push([LEVEL1[k1], LEVEL2[k2]]);
  return out;
}

/** The required 一级 and 二级 of the framework, each with the rule the task pane reports it under. */
function requirementsOf(fw: Framework): BlockRequirement[] {
  const req: BlockRequirement[] = [
    { ruleId: "indicator/missing-output", msg: "缺少产出指标", level1: [LEVEL1.output] },
    { ruleId: "indicator/missing-benefit", msg: "缺少效益指标", level1: [LEVEL1.benefit] },
    { ruleId: "indicator/missing-satisfaction", msg: "缺少满意度指标", level1: [LEVEL1.satisfaction] },
    // Either framework's 成本 counts: 一级 成本 (2021) or the 二级 成本 (2015).
    { ruleId: "indicator/missing-cost", msg: "缺少成本指标", level1: [LEVEL1.cost], level2: [LEVEL2.cost] },
  ];
  for (const d of REQUIRED_OUTPUT_DIMENSIONS[fw]) {
    if (d === "cost") continue; // indicator/missing-cost reports it once
    req.push({ ruleId: "indicator/missing-output-dimension", msg: `产出指标缺少${LEVEL2[d]}`, level2: [LEVEL2[d]], onlyIfLevel1: LEVEL1.output });
  }
  return req;
}

function listsOf(fw: Framework): Lists {
  const level1 = level1Options(fw);
  const keys = level1.map((l) => (Object.keys(LEVEL1) as Level1Key[]).find((k) => LEVEL1[k] === l)!);
  const level2 = keys.map((k) => level2Options(fw, k));
  const pairs: [string, string][] = [];
  keys.forEach((k, i) => {
    for (const l2 of level2[i]) pairs.push([level1[i], l2]);
  });
  const taxonomy: IndicatorTaxonomy = {
    level1All: Object.values(LEVEL1),
    costL1: LEVEL1.cost,
    outputL1: LEVEL1.output,
    costL2: LEVEL2.cost,
    satisfactionL1: LEVEL1.satisfaction,
    satisfactionL2: LEVEL2.serviceSatisfaction,
    quantityL2: LEVEL2.quantity,
    pairs: { "2015": pairsOf("2015"), "2021": pairsOf("2021") },
    framework: fw,
  };
  return { level1, level2, pairs, taxonomy, required: requirementsOf(fw) };
}

function renderLists(lists: Lists, names: DefinedName[]): { sheet: GridSheet; extras: SheetExtras } {
  const sheet = emptySheet(SHEET_LISTS);
  sheet.hidden = true;
  const ex = newExtras([]);
  const n1 = lists.level1.length;
  setValue(sheet, 0, LISTS.level1Col, LISTS.level1Header);
  lists.level1.forEach((l, i) => setValue(sheet, i + 1, LISTS.level1Col, l));
  names.push({ name: NAMES.level1List, sheet: SHEET_LISTS, ref: `$A$2:$A$${n1 + 1}` });
  lists.level2.forEach((col, i) => {
    const c = LISTS.level2FirstCol + i;
    setValue(sheet, 0, c, lists.level1[i]);
    col.forEach((l, j) => setValue(sheet, j + 1, c, l));
    names.push({ name: `${NAMES.level2ListPrefix}${i + 1}`, sheet: SHEET_LISTS, ref: `${abs(1, c)}:${abs(col.length, c)}` });
  });
  const pc = LISTS.level2FirstCol + n1 + LISTS.pairsGap;
  setValue(sheet, 0, pc, "一级（配对）");
  setValue(sheet, 0, pc + 1, "二级（配对）");
  lists.pairs.forEach(([l1, l2], i) => {
    setValue(sheet, i + 1, pc, l1);
    setValue(sheet, i + 1, pc + 1, l2);
  });
  names.push({ name: NAMES.pairsL1, sheet: SHEET_LISTS, ref: `${abs(1, pc)}:${abs(lists.pairs.length, pc)}` });
  names.push({ name: NAMES.pairsL2, sheet: SHEET_LISTS, ref: `${abs(1, pc + 1)}:${abs(lists.pairs.length, pc + 1)}` });
  // Self-check: the exact INDIRECT expression of the 二级 drop-down, evaluated by the spreadsheet.
  const qc = pc + 3;
  setValue(sheet, 0, qc, "二级下拉自检");
  lists.level1.forEach((_l, i) => {
    const f = listsProbeFormula(a1(i + 1, LISTS.level1Col), NAMES.level1List, NAMES.level2ListPrefix, lists.level2[i].length, lists.level2[i][0]);
    setValue(sheet, i + 1, qc, "✓", f);
  });
  setValue(sheet, n1 + 1, qc, CHECK.listsOk, listsSummaryFormula(`${a1(1, qc)}:${a1(n1, qc)}`, n1));
  names.push({ name: NAMES.listsCheck, sheet: SHEET_LISTS, ref: abs(n1 + 1, qc) });
  // Pairs of both frameworks, for the row check of a project that follows the other framework.
  const ac = qc + 2;
  ["口径", "一级（两种口径）", "二级（两种口径）"].forEach((h, k) => setValue(sheet, 0, ac + k, h));
  const all = (["2015", "2021"] as const).flatMap((fw) => lists.taxonomy.pairs[fw].map(([a, b]) => [fw, a, b] as const));
  all.forEach((row, i) => row.forEach((v, k) => setValue(sheet, i + 1, ac + k, v)));
  names.push({ name: NAMES.pairsAllFw, sheet: SHEET_LISTS, ref: `${abs(1, ac)}:${abs(all.length, ac)}` });
  names.push({ name: NAMES.pairsAllL1, sheet: SHEET_LISTS, ref: `${abs(1, ac + 1)}:${abs(all.length, ac + 1)}` });
  names.push({ name: NAMES.pairsAllL2, sheet: SHEET_LISTS, ref: `${abs(1, ac + 2)}:${abs(all.length, ac + 2)}` });
  ex.columns = Array.from({ length: ac + 3 }, () => ({ width: LISTS.widths }));
  return { sheet, extras: ex };
}

/** Text for a page header section: & is Excel's code character; long names are cut (a header holds 255). */
function headerText(t: string): string {
  const clipped = [...t.replace(/[\r\n]+/g, " ")].slice(0, 60).join("");
  return clipped.replace(/&/g, "&&");
}

function abs(r: number, c: number): string {
  return ref({ r, c }, true);
}

/* ------------------------------------------------------------------------------------------------
 * Project sheet
 * ---------------------------------------------------------------------------------------------- */

export interface ProjectRender {
  layout: ProjectLayout;
  sheet: GridSheet;
  extras: SheetExtras;
  status: string;
  total: number | null;
}

/** The rules the profile runs (a rule it turns off gets no in-sheet part). */
export function ruleGate(profile: ProfileName): RuleGate {
  // A rule's default severity is never "off", so only the profile decides: the rule modules (their checks and
  // messages) need not be loaded with the writer, which sits in the pane's initial scripts.
  return (id) => ruleSetting(profile, id, "warning") !== "off";
}

function renderProject(
  p: Project,
  index: number,
  sheetName: string,
  lists: Lists,
  names: DefinedName[],
  opts: RenderOptions,
  ctx: { gate: RuleGate; fiscalYear: number | null; layout: ProjectLayout },
): ProjectRender {
  const L = ctx.layout;
  // The pane does not review a 涉密 project (project/redacted says so); nor does the sheet.
  const gate: RuleGate = p.redacted ? () => false : ctx.gate;
  const sheet = emptySheet(sheetName);
  const ex = newExtras(L.widths);
  ex.columns[L.metaCol] = { width: L.widths[L.metaCol], hidden: true };
  ex.rowHeights = { ...L.rowHeights };
  const F = L.fields;
  const meta: Record<string, unknown> = { kind: "project", seq: p.seq };
  if (L.id !== "hebei") meta.layout = L.id;

  // Title: the project's own heading as text; none → a formula that follows the name.
  if (p.title !== null) {
    input(sheet, ex, L.title, p.title, "title", FMT_TEXT);
  } else if (L.heading) {
    // The form's own heading; a formula, so the reader knows the project has no heading of its own.
    formula(sheet, ex, L.title, `"${L.heading}"`, L.heading, "title");
  } else {
    const nameRef = ref(F.name);
    const f = `IF(${nameRef}="","${p.seq}.（项目名称）绩效目标表","${p.seq}."&${nameRef}&"绩效目标表")`;
    formula(sheet, ex, L.title, f, `${p.seq}.${p.name ?? "（项目名称）"}绩效目标表`, "title");
  }
  if (L.yearLine) {
    const y = NAMES.fiscalYear;
    formula(sheet, ex, L.yearLine, `IF(ISNUMBER(${y}),"（"&${y}&"年度）","（    年度）")`, ctx.fiscalYear !== null ? `（${ctx.fiscalYear}年度）` : "（    年度）", "title");
  }
  for (const l of L.labels) label(sheet, ex, l);

  input(sheet, ex, F.unitCode, p.unit.code, "input", FMT_TEXT);
  input(sheet, ex, F.unitName, p.unit.name, "input", FMT_TEXT);
  input(sheet, ex, F.code, p.code, "input", FMT_TEXT);
  input(sheet, ex, F.name, p.name, "input", FMT_TEXT);

  // Budget
  const b = p.budget;
  const bCells: CellValue[] = [moneyCell(b.total, b.raw.total), moneyCell(b.fiscal, b.raw.fiscal), moneyCell(b.other, b.raw.other)];
  input(sheet, ex, F.total, bCells[0], "money", FMT_MONEY);
  input(sheet, ex, F.fiscal, bCells[1], "money", FMT_MONEY);
  input(sheet, ex, F.other, bCells[2], "money", FMT_MONEY);
  addOverride(meta, "budget", bCells, deriveBudget(bCells[0], bCells[1], bCells[2]), b);
  input(sheet, ex, F.purpose, p.purpose, "input", FMT_TEXT);

  // Spend plan (cumulative %)
  const sp = p.spendPlan;
  const pCells: CellValue[] = L.planKeys.map((k) => (sp ? planCell(sp[k], sp.raw[k]) : null));
  L.planKeys.forEach((k, i) => input(sheet, ex, F[k]!, pCells[i], "percent", FMT_PERCENT));
  // A form without a plan (Ningxia) keeps the document's plan, if any, in the meta cell.
  addOverride(meta, "spendPlan", pCells, L.planKeys.length ? deriveSpendPlan(pCells) : null, sp);

  // Goals: one cell, one goal per line.
  const gText = goalsText(p.goals);
  input(sheet, ex, F.goals, gText, "input", FMT_TEXT);
  addOverride(meta, "goals", [gText], deriveGoals(gText), p.goals);

  const W = L.widths;
  fitRow(ex, F.purpose.r, [[p.purpose, spanWidth(F.purpose, W)]], L.rowHeights[F.purpose.r]);
  fitRow(
    ex,
    F.goals.r,
    [[gText, spanWidth(F.goals, W)], ...(F.midGoals ? [[goalsText(p.midTerm?.goals ?? []), spanWidth(F.midGoals, W)] as [CellValue, number]] : [])],
    L.rowHeights[F.goals.r],
  );
  fitRow(ex, F.name.r, [[p.name, spanWidth(F.name, W)]]);
  fitRow(ex, F.code.r, [[p.code, spanWidth(F.code, W)]]);
  fitRow(ex, F.unitName.r, [[p.unit.name, spanWidth(F.unitName, W)]]);

  // The Ningxia fields: in their cells where the form has them (Ningxia), else in the meta cell (Hebei).
  if (F.competentName && F.competentCode && F.implementing && F.attributeCode && F.attributeName && F.period) {
    const nx: CellValue[] = [
      p.competentDepartment?.name ?? null,
      p.competentDepartment?.code ?? null,
      p.implementingUnit,
      p.attribute?.code ?? null,
      p.attribute?.name ?? null,
      p.period,
    ];
    [F.competentName, F.competentCode, F.implementing, F.attributeCode, F.attributeName, F.period].forEach((s, i) => input(sheet, ex, s, nx[i], "input", FMT_TEXT));
    addOverride(meta, "ningxia", nx, deriveNingxia(nx), { competentDepartment: p.competentDepartment, implementingUnit: p.implementingUnit, attribute: p.attribute, period: p.period });
      fitRow(ex, F.competentName.r, [[nx[0], spanWidth(F.competentName, L.widths)], [nx[2], spanWidth(F.implementing, L.widths)]]);
  } else {
    if (p.competentDepartment) meta.competentDepartment = p.competentDepartment;
    if (p.implementingUnit !== null) meta.implementingUnit = p.implementingUnit;
    if (p.attribute) meta.attribute = p.attribute;
    if (p.period !== null) meta.period = p.period;
  }
  if (p.redacted) meta.redacted = true;
  // 中期 targets: in their cells on a form with 中期目标 and 中期指标值 (central-2021), else kept in the meta cell.
  const IC = L.indicatorCols;
  const midForm = IC.midTarget !== undefined && F.midGoals !== undefined;
  if (midForm) {
    const mText = goalsText(p.midTerm?.goals ?? []);
    input(sheet, ex, F.midGoals!, mText, "input", FMT_TEXT);
    addOverride(meta, "midGoals", [mText], deriveGoals(mText), p.midTerm?.goals ?? []);
    // A 中期 part with nothing in it leaves no cell to read it from.
    if (p.midTerm && !p.midTerm.goals.length && !p.midTerm.indicators.length) meta.midTermEmpty = true;
  } else if (p.midTerm) meta.midTerm = p.midTerm;
  // A self-evaluation's actuals: no project form here has cells for them yet; kept, not shown.
  if (p.selfEvaluation) meta.selfEvaluation = p.selfEvaluation;

  // Checks next to the fields.
  const C = L.checks;
  const checkTexts: string[] = [];
  const chk = (s: Spot, f: string, v: string) => {
    formula(sheet, ex, s, f, v, "check");
    checkTexts.push(v);
  };
  chk(C.code, presenceCheckFormula([ref(F.code), ref(F.name)]), presenceCheck([p.code, p.name]));
  chk(C.budget, budgetCheckFormula(ref(F.total), ref(F.fiscal), ref(F.other), gate), budgetCheck(...(bCells as [CheckInput, CheckInput, CheckInput]), gate));
  chk(C.purpose, presenceCheckFormula([ref(F.purpose)]), presenceCheck([p.purpose]));
  const planRefs = L.planKeys.map((k) => ref(F[k]!));
  // A sheet with a name, an amount or an indicator is being filled: a blank plan is then an error, not 待填写.

  // Indicator block: one indicator per row; on a 中期 | 年度 form a row holds an indicator's 中期 and 年度 values.
  const pairs: PairedRow<Indicator>[] = midForm ? pairRows(p.indicators, p.midTerm?.indicators ?? []) : p.indicators.map((annual) => ({ annual, mid: null }));
  const rows = Math.max(opts.indicatorRows ?? L.indicatorMinRows, pairs.length, 1);
  const first = L.indicatorFirstRow;
  const last = first + rows - 1;
  const footer = projectFooterRow(rows, L);
  const colOrder = indicatorColumnOrder(L);
  const targetOf = (x: Indicator | null) => (x === null || x.target.raw === "" ? null : x.target.raw);
  const rowCells: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const pr = pairs[i];
    const ind = pr ? (pr.annual ?? pr.mid)! : null;
    rowCells.push(
      ind
        ? [ind.level1 || null, ind.level2 || null, ind.name || null, ind.description, ...(midForm ? [targetOf(pr.mid)] : []), targetOf(pr.annual), ind.basis, ind.scoring]
        : colOrder.map(() => null),
    );
  }
  const at = (cells: CellValue[], col: number) => cells[colOrder.indexOf(col)];
  const hasContentF = `COUNTA(${ref(F.name)},${ref(F.total)},${ref(F.fiscal)},${a1(L.indicatorFirstRow, IC.name)})>0`;
  const hasContent = [p.name, bCells[0], bCells[1], at(rowCells[0], IC.name)].some((v) => v !== null && v !== "");
  if (C.plan && planRefs.length) chk(C.plan, planCheckFormula(planRefs, hasContentF, gate), planCheck(pCells as CheckInput[], hasContent, gate));
  chk(C.goals, presenceCheckFormula([ref(F.goals)]), presenceCheck([gText]));
  const l1s = rowCells.map((c) => (typeof at(c, IC.level1) === "string" ? (at(c, IC.level1) as string) : ""));
  const l2s = rowCells.map((c) => (typeof at(c, IC.level2) === "string" ? (at(c, IC.level2) as string) : ""));
  const blockRefs: BlockRefs = {
    level1Col: `${abs(first, IC.level1)}:${abs(last, IC.level1)}`,
    level2Col: `${abs(first, IC.level2)}:${abs(last, IC.level2)}`,
    pairsFw: NAMES.pairsAllFw,
    pairsL1: NAMES.pairsAllL1,
    pairsL2: NAMES.pairsAllL2,
  };
  // Per-sheet helpers in the hidden meta column just above the block (outside the print area): what every
  // row check needs is computed once per sheet instead of in each row's formula.
  const fwSpot: Spot = { r: first - 1, c: L.metaCol };
  const yearsSpot: Spot = { r: first - 2, c: L.metaCol };
  const framework = frameworkHelper(l1s, l2s, lists.taxonomy);
  formula(sheet, ex, fwSpot, frameworkHelperFormula(blockRefs, lists.taxonomy), framework, "meta");
  formula(sheet, ex, yearsSpot, otherYearsFormula(NAMES.fiscalYear), otherYears(ctx.fiscalYear), "meta");
  const helpers: SheetHelpers = { framework: ref(fwSpot, true), otherYears: ref(yearsSpot, true) };
  const required = lists.required.filter((q) => gate(q.ruleId));
  chk(
    C.block,
    blockCheckFormula(`${a1(first, IC.level1)}:${a1(last, IC.scoring)}`, blockRefs, required),
    blockCheck(l1s, l2s, rowCells.some((c) => c.some((v) => v !== null && v !== "")), required),
  );
  const coreOf = (x: Indicator | null): IndicatorCore | null => {
    if (x === null) return null;
    const { source: _s, ...core } = x;
    void _s;
    return core;
  };
  for (let i = 0; i < rows; i++) {
    const r = first + i;
    const pr = pairs[i];
    const cells = rowCells[i];
    colOrder.forEach((c, k) => {
      setValue(sheet, r, c, cells[k]);
      setFormat(sheet, r, c, FMT_TEXT);
    });
    const rowMeta: Record<string, unknown> = {};
    if (pr && midForm) {
      const d = derivePairedRow(cells);
      addOverride<IndicatorCore | null>(rowMeta, "i", cells, d.annual, coreOf(pr.annual));
      addOverride<IndicatorCore | null>(rowMeta, "m", cells, d.mid, coreOf(pr.mid));
    } else if (pr) addOverride<IndicatorCore>(rowMeta, "i", cells, deriveIndicator(cells), coreOf(pr.annual)!);
    if (Object.keys(rowMeta).length) setValue(sheet, r, L.metaCol, encodeMeta(rowMeta));
    fitRow(ex, r, colOrder.map((c, k) => [cells[k], L.widths[c]] as [CellValue, number]));
    const refs = {
      level1: a1(r, IC.level1),
      level2: a1(r, IC.level2),
      name: a1(r, IC.name),
      target: a1(r, IC.target),
      row: `${a1(r, IC.level1)}:${a1(r, IC.scoring)}`,
    };
    let v = indicatorCheck(
      cells as CheckInput[],
      { level1: at(cells, IC.level1) as CheckInput, level2: at(cells, IC.level2) as CheckInput, name: at(cells, IC.name) as CheckInput, target: at(cells, IC.target) as CheckInput },
      framework,
      lists.taxonomy,
      ctx.fiscalYear,
      gate,
    );
    let f = indicatorCheckFormula(refs, helpers, blockRefs, lists.taxonomy, NAMES.fiscalYear, gate);
    if (IC.midTarget !== undefined) {
      // A row with only a 中期 value is a 中期 indicator: the pane reviews the 年度 indicators, and so does the row check.
      const mid = a1(r, IC.midTarget);
      f = `IF(AND(${mid}<>"",${refs.target}=""),"${CHECK.midOnly}",${f})`;
      if (textOf(at(cells, IC.midTarget)) !== null && textOf(at(cells, IC.target)) === null) v = CHECK.midOnly;
    }
    setValue(sheet, r, L.checkCol, v, f);
    checkTexts.push(v);
  }
  ex.styles.push({ range: `${a1(first, IC.name)}:${a1(last, IC.scoring)}`, role: "input" });
  // 一级/二级: one value per row for data entry; printed (and shown) merged like the paper form — see groupFormats.
  if (last > first) ex.styles.push({ range: `${a1(first, IC.level1)}:${a1(last - 1, IC.level2)}`, role: "inputGroup" });
  ex.styles.push({ range: `${a1(last, IC.level1)}:${a1(last, IC.level2)}`, role: "inputGroupLast" });
  const l1 = (r: number) => a1(r, IC.level1);
  const l2 = (r: number) => a1(r, IC.level2);
  ex.groupFormats = [
    { range: `${l1(first + 1)}:${l1(last)}`, formula: `AND(${l1(first + 1)}<>"",${l1(first + 1)}=${l1(first)})`, kind: "repeat" },
    { range: `${l2(first + 1)}:${l2(last)}`, formula: `AND(${l2(first + 1)}<>"",${l2(first + 1)}=${l2(first)},${l1(first + 1)}=${l1(first)})`, kind: "repeat" },
  ];
  // A conditional border replaces the cell's own borders (LibreOffice), so a group's first row gets all the sides it
  // needs: top, left, right — and bottom on the block's last row.
  const start1 = (r: number) => `NOT(AND(${l1(r)}<>"",${l1(r)}=${l1(r - 1)}))`;
  const start2 = (r: number) => `NOT(AND(${l2(r)}<>"",${l2(r)}=${l2(r - 1)},${l1(r)}=${l1(r - 1)}))`;
  if (last - 1 >= first + 1)
    ex.groupFormats.push(
      { range: `${l1(first + 1)}:${l1(last - 1)}`, formula: start1(first + 1), kind: "groupStart" },
      { range: `${l2(first + 1)}:${l2(last - 1)}`, formula: start2(first + 1), kind: "groupStart" },
    );
  if (last > first)
    ex.groupFormats.push(
      { range: l1(last), formula: start1(last), kind: "groupStartLast" },
      { range: l2(last), formula: start2(last), kind: "groupStartLast" },
    );
  ex.unlocked.push(`${a1(first, 0)}:${a1(last, IC.scoring)}`);
  ex.styles.push({ range: `${a1(first, L.checkCol)}:${a1(last, L.checkCol)}`, role: "check" });
  // Footer: end marker of the block + how to add rows.
  label(sheet, ex, { r: footer, c: 0, c2: IC.scoring, text: L.footerText, role: "note" });
  ex.rowHeights[footer] = 30;

  // Validations (relative formulas anchor at the range's top-left).
  const rangeCol = (c: number) => `${a1(first, c)}:${a1(last, c)}`;
  ex.validations.push(
    {
      range: rangeCol(IC.level1),
      type: "list",
      formulae: [NAMES.level1List],
      allowBlank: true,
      errorStyle: "warning",
      prompt: { title: "一级指标", text: `从下拉列表选择：${lists.level1.join("、")}` },
      error: { title: "一级指标", text: "请从下拉列表中选择一级指标。" },
    },
    {
      range: rangeCol(IC.level2),
      type: "list",
      formulae: [`INDIRECT("${NAMES.level2ListPrefix}"&MATCH(${a1(first, IC.level1).replace(/^([A-Z]+)/, "$$$1")},${NAMES.level1List},0))`],
      allowBlank: true,
      errorStyle: "warning",
      prompt: { title: "二级指标", text: "先选一级指标，再从下拉列表选择其下的二级指标。" },
      error: { title: "二级指标", text: "该二级指标不属于所选的一级指标。" },
    },
    ...(IC.midTarget === undefined
      ? []
      : [
          {
            range: rangeCol(IC.midTarget),
            type: "textLength",
            operator: "lessThanOrEqual",
            formulae: [500],
            allowBlank: true,
            errorStyle: "warning",
            prompt: { title: "中期指标值", text: "项目期内（中期）要达到的值，写法同年度指标值；只填中期值的行是中期指标，不作年度检查。" },
          } satisfies ValidationSpec,
        ]),
    {
      range: rangeCol(IC.target),
      type: "textLength",
      operator: "lessThanOrEqual",
      formulae: [500],
      allowBlank: true,
      errorStyle: "warning",
      prompt: { title: "指标值", text: "比较符号用 ≥ ≤ = > <，如：≥95%、≤5万元、10台、2023年12月底前；定性指标写“优”“达标”等。" },
    },
    ...(["total", "fiscal", "other"] as const).map(
      (k): ValidationSpec => ({
        range: ref(F[k]),
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        allowBlank: true,
        errorStyle: "stop",
        prompt: { title: "金额（万元）", text: k === "other" ? "没有其他资金时填 0。" : "填写数字，单位万元，如 5.00。" },
        error: { title: "金额", text: "请填写不小于 0 的数字（万元）。" },
      }),
    ),
  );
  if (F.mar && F.dec)
    ex.validations.push({
      range: `${ref(F.mar)}:${ref(F.dec)}`,
      type: "decimal",
      operator: "between",
      formulae: [0, 1],
      allowBlank: true,
      errorStyle: "stop",
      prompt: { title: "累计支出进度", text: "填百分比，如 25%；逐期不减，12月底为 100%。" },
      error: { title: "支出进度", text: "请填写 0%–100% 之间的百分比。" },
    });

  // Status of the whole sheet (also shown on 汇总).
  const checkRange = `${a1(1, L.checkCol)}:${a1(footer, L.checkCol)}`;
  // The status counts filled 三级 cells, as its formula does (a 中期-only row has one too).
  const status = statusCheck(checkTexts, midForm ? rowCells.filter((c) => textOf(at(c, IC.name)) !== null).length : p.indicators.length);
  formula(sheet, ex, L.status, statusFormula(checkRange, `${a1(first, IC.name)}:${a1(footer, IC.name)}`), status, "status");
  checkCfs(ex, `${a1(0, L.checkCol)}:${a1(footer, L.checkCol)}`, a1(0, L.checkCol));

  setValue(sheet, 0, L.metaCol, encodeMeta(meta));

  // Names: the template ↔ model contract.
  const prefix = projectNamePrefix(index);
  for (const [field, key] of Object.entries(PROJECT_NAME_KEYS) as [keyof typeof PROJECT_NAME_KEYS, string][]) {
    const spot = F[field];
    if (spot) names.push({ name: prefix + key, sheet: sheetName, ref: ref(spot, true) });
  }
  names.push({ name: prefix + PROJECT_INDICATORS_KEY, sheet: sheetName, ref: `${abs(first, 0)}:${abs(last, IC.scoring)}` });
  names.push({ name: prefix + PROJECT_STATUS_KEY, sheet: sheetName, ref: ref(L.status, true) });

  // The form prints on one A4 landscape page: the ▲ note (footer row) and the 校验 column stay on screen only.
  ex.printArea = `A1:${a1(last, L.printLastCol)}`;
  ex.fitOnePage = true;
  ex.headerFooter = {
    header: `&L${headerText(`单位：${p.unit.name ?? p.implementingUnit ?? p.competentDepartment?.name ?? p.unit.code ?? ""}`)}&R${headerText(`项目：${p.name ?? ""}`)}`,
    footer: "&C第 &P 页，共 &N 页",
  };
  ex.protect = !!opts.protect;
  return { sheet, extras: ex, status, total: b.total, layout: L };
}

/* ------------------------------------------------------------------------------------------------
 * 部门 sheet
 * ---------------------------------------------------------------------------------------------- */

function renderDepartment(doc: JxmbDocument, names: DefinedName[]): { sheet: GridSheet; extras: SheetExtras } {
  const D = DEPARTMENT;
  const sheet = emptySheet(SHEET_DEPARTMENT);
  const widths = (doc.overview?.items ?? []).some((it) => (it.indicators ?? "").trim() !== "") ? D.widths : D.widthsWithoutIndicators;
  const ex = newExtras(widths);
  ex.columns[D.metaCol] = { width: widths[D.metaCol], hidden: true };
  label(sheet, ex, D.title);
  for (const l of D.labels) label(sheet, ex, l);
  const F = D.fields;
  formulaFree(sheet, ex, F.version, TEMPLATE_VERSION, "formula", FMT_TEXT);
  input(sheet, ex, F.code, doc.department.code, "input", FMT_TEXT);
  input(sheet, ex, F.name, doc.department.name, "input", FMT_TEXT);
  input(sheet, ex, F.fiscalYear, doc.fiscalYear, "number", FMT_YEAR);
  input(sheet, ex, F.profile, doc.profile, "input", FMT_TEXT);
  input(sheet, ex, F.title, doc.title, "input", FMT_TEXT);
  const ov = doc.overview;
  input(sheet, ex, F.summary, ov?.summary ?? null, "input", FMT_TEXT);
  ex.rowHeights[F.summary.r] = 90;
  fitRow(ex, F.summary.r, [[ov?.summary ?? null, spanWidth(F.summary, widths)]]);
  formula(sheet, ex, D.checks.fiscalYear, fiscalYearCheckFormula(ref(F.fiscalYear)), fiscalYearCheck(doc.fiscalYear), "check");
  formula(sheet, ex, D.checks.summary, presenceCheckFormula([ref(F.summary)]), presenceCheck([ov?.summary ?? null]), "check");

  const items = ov?.items ?? [];
  const n = Math.max(D.itemsMinRows, items.length);
  const itemCells: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r = D.itemsFirstRow + i;
    const it = items[i];
    setValue(sheet, r, 0, `（${i + 1}）`);
    const cells: CellValue[] = it ? [it.title || null, it.goal, it.indicators] : [null, null, null];
    itemCells.push(cells);
    setValue(sheet, r, D.itemCols.title, cells[0]);
    setValue(sheet, r, D.itemCols.goal, cells[1]);
    setValue(sheet, r, D.itemCols.indicators, cells[2]);
    for (const c of [D.itemCols.title, D.itemCols.goal, D.itemCols.indicators]) setFormat(sheet, r, c, FMT_TEXT);
    fitRow(ex, r, [
      [cells[0], widths[D.itemCols.title]],
      [cells[1], widths[D.itemCols.goal]],
      [cells[2], widths[D.itemCols.indicators]],
    ]);
  }
  const lastItem = D.itemsFirstRow + n - 1;
  ex.styles.push({ range: `A${D.itemsFirstRow + 1}:A${lastItem + 1}`, role: "label" });
  ex.styles.push({ range: `B${D.itemsFirstRow + 1}:D${lastItem + 1}`, role: "input" });
  ex.unlocked.push(`B${D.itemsFirstRow + 1}:D${lastItem + 1}`);
  const sr = lastItem + 1;
  label(sheet, ex, { r: sr, c: 0, text: D.safeguardsLabel });
  const sSpot = { r: sr, c: D.safeguardsCols.c, c2: D.safeguardsCols.c2 };
  input(sheet, ex, sSpot, ov?.safeguards ?? null, "input", FMT_TEXT);
  formula(sheet, ex, { r: sr, c: D.checkCol }, presenceCheckFormula([ref(sSpot)]), presenceCheck([ov?.safeguards ?? null]), "check");
  ex.rowHeights[sr] = 90;
  fitRow(ex, sr, [[ov?.safeguards ?? null, spanWidth(sSpot, widths)]]);

  const meta: Record<string, unknown> = { kind: "department" };
  // Where the year came from when it was not printed (inferred from the codes …): kept with the year it explains.
  if (doc.fiscalYearSource && doc.fiscalYearSource !== "printed" && doc.fiscalYear !== null) meta.fiscalYear = { y: doc.fiscalYear, source: doc.fiscalYearSource };
  if (ov) {
    const { source: _s, ...core } = ov;
    void _s;
    addOverride(meta, "overview", [ov.summary, ...itemCells.flat(), ov.safeguards], deriveOverview(ov.summary, itemCells, ov.safeguards), core);
  } else {
    addOverride(meta, "overview", [null, ...itemCells.flat(), null], deriveOverview(null, itemCells, null), null);
  }
  setValue(sheet, 0, D.metaCol, encodeMeta(meta));

  ex.validations.push(
    {
      range: ref(F.fiscalYear),
      type: "whole",
      operator: "between",
      formulae: [2000, 2100],
      allowBlank: true,
      errorStyle: "stop",
      prompt: { title: "预算年度", text: "四位年份，如 2023。" },
      error: { title: "预算年度", text: "请填写四位年份（2000–2100）。" },
    },
    {
      range: ref(F.profile),
      type: "list",
      formulae: ['"hebei,ningxia,central-2021"'],
      allowBlank: false,
      errorStyle: "stop",
      prompt: { title: "适用规范", text: "hebei / ningxia / central-2021" },
    },
  );
  checkCfs(ex, `E1:E${sr + 1}`, "E1");

  names.push(
    { name: NAMES.version, sheet: SHEET_DEPARTMENT, ref: ref(F.version, true) },
    { name: NAMES.deptCode, sheet: SHEET_DEPARTMENT, ref: ref(F.code, true) },
    { name: NAMES.deptName, sheet: SHEET_DEPARTMENT, ref: ref(F.name, true) },
    { name: NAMES.fiscalYear, sheet: SHEET_DEPARTMENT, ref: ref(F.fiscalYear, true) },
    { name: NAMES.profile, sheet: SHEET_DEPARTMENT, ref: ref(F.profile, true) },
    { name: NAMES.docTitle, sheet: SHEET_DEPARTMENT, ref: ref(F.title, true) },
    { name: NAMES.summary, sheet: SHEET_DEPARTMENT, ref: ref(F.summary, true) },
  );
  // The form (A–D) prints; 校验 (E) and the settings (模板版本, 适用规范 in G–I) stay on screen only.
  ex.printArea = `A1:${a1(sr, D.printLastCol)}`;
  // A department's 分项绩效目标 run to thousands of characters (seed 000: 11 items, up to 738 characters each, ~5,500
  // in all): on one page that would be ~25 % scale. Fit to width, on the fewest pages that keep the text at ≥ 75 %.
  ex.fitPagesTall = pagesTall(ex, sr);
  ex.headerFooter = { header: `&L${headerText(doc.department.name ?? "")}&R${headerText(doc.fiscalYear ? `${doc.fiscalYear}年` : "")}`, footer: "&C第 &P 页，共 &N 页" };

  return { sheet, extras: ex };
}

/** A4 landscape height inside the template's margins (0.6 in top and bottom), in points. */
const PAGE_HEIGHT_PT = 595 - 2 * 0.6 * 72;
/** The smallest print scale the 部门 prose may shrink to (11 pt → about 8 pt). */
const MIN_PRINT_SCALE = 0.75;
/** Whole rows go on a page (a row never splits), so pages are not filled to the last point. */
const PAGE_FILL = 0.9;

/** Pages tall for rows 0..lastRow printed at MIN_PRINT_SCALE, from the rows' heights (default 15 pt). */
function pagesTall(ex: SheetExtras, lastRow: number): number {
  let h = 0;
  for (let r = 0; r <= lastRow; r++) h += ex.rowHeights[r] ?? 15;
  return Math.max(1, Math.ceil((h * MIN_PRINT_SCALE) / (PAGE_HEIGHT_PT * PAGE_FILL)));
}

/** A fixed value that is not a label (the version): locked, formula-style look. */
function formulaFree(sheet: GridSheet, ex: SheetExtras, s: Spot, v: CellValue, role: StyleRole, fmt: string): void {
  setValue(sheet, s.r, s.c, v);
  setFormat(sheet, s.r, s.c, fmt);
  ex.styles.push({ range: spotRange(s), role });
}

/* ------------------------------------------------------------------------------------------------
 * 汇总 sheet
 * ---------------------------------------------------------------------------------------------- */

function renderSummary(doc: JxmbDocument, rendered: ProjectRender[], names: DefinedName[]): { sheet: GridSheet; extras: SheetExtras } {
  const S = SUMMARY;
  const gate = ruleGate(doc.profile);
  const sheet = emptySheet(SHEET_SUMMARY);
  const ex = newExtras(S.widths);
  ex.columns[S.metaCol] = { width: S.widths[S.metaCol], hidden: true };
  ex.freeze = { rows: S.firstRow, cols: 0 };
  label(sheet, ex, S.title);
  label(sheet, ex, S.note);
  S.header.forEach((h, c) => label(sheet, ex, { r: S.headerRow, c, text: h, role: "header" }));
  const C = S.cols;
  const n = rendered.length;
  const firstR = S.firstRow;
  const lastR = firstR + Math.max(n, 1) - 1;
  const pull = (q: string, cell: Spot) => `IF(${q}!${ref(cell, true)}="","",${q}!${ref(cell, true)})`;
  const directRefs: string[] = [];
  rendered.forEach((pr, i) => {
    const r = firstR + i;
    const p = doc.projects[i];
    const q = quoteSheet(pr.sheet.name);
    const PF = pr.layout.fields;
    setValue(sheet, r, C.seq, p.seq);
    setValue(sheet, r, C.sheet, pr.sheet.name);
    const blankIf = (v: string | null) => (v === null || v === "" ? "" : v);
    formula(sheet, ex, { r, c: C.unitCode }, pull(q, PF.unitCode), blankIf(p.unit.code), "formula");
    formula(sheet, ex, { r, c: C.code }, pull(q, PF.code), blankIf(p.code), "formula");
    formula(sheet, ex, { r, c: C.name }, pull(q, PF.name), blankIf(p.name), "formula");
    const totalCell = sheetValue(pr.sheet, PF.total);
    formula(sheet, ex, { r, c: C.total }, pull(q, PF.total), totalCell === null ? "" : totalCell, "formula", FMT_MONEY);
    formula(sheet, ex, { r, c: C.status }, `${q}!${ref(pr.layout.status, true)}`, pr.status, "check");
    fitRow(ex, r, [
      [pr.sheet.name, S.widths[C.sheet]],
      [p.name, S.widths[C.name]],
      [p.code, S.widths[C.code]],
    ]);
    directRefs.push(`${q}!${ref(PF.total, true)}`);
  });
  ex.styles.push({ range: `A${firstR + 1}:B${lastR + 1}`, role: "label" });

  // 合计 (department total = SUM of the project rows) and its check against the project sheets.
  const tr = lastR + 1;
  const sumOf = (vals: CellValue[]) => vals.reduce<number>((s, v) => (typeof v === "number" ? s + v : s), 0);
  const totalVal = roundWan(sumOf(rendered.map((pr) => sheetValue(pr.sheet, pr.layout.fields.total))));
  label(sheet, ex, { r: tr, c: C.name, text: S.totalLabel, role: "header" });
  const totalSpot = { r: tr, c: C.total };
  formula(sheet, ex, totalSpot, `SUM(${a1(firstR, C.total)}:${a1(lastR, C.total)})`, totalVal, "status", FMT_MONEY);
  names.push({ name: NAMES.total, sheet: SHEET_SUMMARY, ref: ref(totalSpot, true) });
  // One formula cannot exceed 8192 characters; beyond that the direct cross-check is left out.
  const direct = totalCheckFormula(ref(totalSpot), directRefs);
  if (direct.length < 8000) formula(sheet, ex, { r: tr, c: C.status }, direct, CHECK.ok, "check");

  // Declared totals (from the budget system), checked against the sum.
  const dt = doc.declaredTotals;
  const dr = tr + 1;
  label(sheet, ex, { r: dr, c: C.name, text: S.declaredLabel });
  const declSpot = { r: dr, c: C.total };
  input(sheet, ex, declSpot, dt?.department ?? null, "money", FMT_MONEY);
  names.push({ name: NAMES.declaredTotal, sheet: SHEET_SUMMARY, ref: ref(declSpot, true) });
  formula(sheet, ex, { r: dr, c: C.status }, declaredCheckFormula(ref(declSpot), ref(totalSpot), gate), declaredCheck(dt?.department ?? null, totalVal, gate), "check");

  const uh = dr + 2;
  label(sheet, ex, { r: uh, c: 0, c2: 1, text: S.unitsLabel, role: "header" });
  S.unitsHeader.forEach((h, c) => {
    if (h) label(sheet, ex, { r: uh, c, text: h, role: "header" });
  });
  const units = dt?.units ?? [];
  const un = Math.max(S.unitsMinRows, units.length);
  const U = S.unitCols;
  const unitCells: CellValue[][] = [];
  const codesRange = `${abs(firstR, C.unitCode)}:${abs(lastR, C.unitCode)}`;
  const totalsRange = `${abs(firstR, C.total)}:${abs(lastR, C.total)}`;
  for (let i = 0; i < un; i++) {
    const r = uh + 1 + i;
    const u = units[i];
    const cells: CellValue[] = u ? [u.code, u.name, u.total] : [null, null, null];
    unitCells.push(cells);
    input(sheet, ex, { r, c: U.code }, cells[0], "input", FMT_TEXT);
    input(sheet, ex, { r, c: U.name, c2: U.name + 1 }, cells[1], "input", FMT_TEXT);
    input(sheet, ex, { r, c: U.total }, cells[2], "money", FMT_MONEY);
    const amounts = rendered.map((pr, k) => (doc.projects[k].unit.code !== null && doc.projects[k].unit.code === u?.code ? sheetValue(pr.sheet, pr.layout.fields.total) : null));
    const unitSum = amounts.some((v) => typeof v === "number") ? roundWan(sumOf(amounts)) : null;
    formula(
      sheet,
      ex,
      { r, c: U.check },
      unitCheckFormula(a1(r, U.code), a1(r, U.name), a1(r, U.total), codesRange, totalsRange, gate),
      unitCheck(cells[0] as CheckInput, cells[1] as CheckInput, cells[2] as CheckInput, unitSum, gate),
      "check",
    );
  }
  const lastU = uh + un;
  ex.validations.push({
    range: `${a1(dr, C.total)}`,
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    errorStyle: "stop",
    prompt: { title: "部门申报合计数（万元）", text: "预算系统中的部门项目支出合计；留空则不核对。" },
  });
  checkCfs(ex, `G${firstR + 1}:G${lastU + 1}`, `G${firstR + 1}`);

  const meta: Record<string, unknown> = { kind: "summary" };
  const cells = [dt?.department ?? null, ...unitCells.flat()];
  if (dt) {
    const { source: _s, ...core } = dt;
    void _s;
    addOverride(meta, "declaredTotals", cells, deriveDeclared(cells[0], unitCells), core);
  } else addOverride(meta, "declaredTotals", cells, deriveDeclared(cells[0], unitCells), null);
  setValue(sheet, 0, S.metaCol, encodeMeta(meta));
  ex.printArea = `A1:${a1(lastU, S.printLastCol)}`;
  // One page while it stays legible (about 60 rows on A4 landscape); longer lists print over pages, fit to width.
  ex.fitOnePage = lastU < 60;
  ex.headerFooter = { header: `&L${headerText(doc.department.name ?? "")}&R${headerText(doc.fiscalYear ? `${doc.fiscalYear}年` : "")}`, footer: "&C第 &P 页，共 &N 页" };
  return { sheet, extras: ex };
}

function sheetValue(sheet: GridSheet, s: Spot): CellValue {
  return sheet.values[s.r]?.[s.c] ?? null;
}

function roundWan(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/* ------------------------------------------------------------------------------------------------
 * Book
 * ---------------------------------------------------------------------------------------------- */

/**
 * Render a document. `doc === null` renders the empty template with `opts.projects` blank project
 * sheets (default 3) under `opts.profile` (default hebei).
 */
export function renderTemplate(doc: JxmbDocument | null, opts: RenderOptions = {}): TemplateBook {
  if (doc === null) return renderEmptyTemplate(opts.projects ?? 3, opts.profile ?? "hebei", opts);
  const framework = frameworkOf(doc.profile);
  const lists = listsOf(framework);
  const names: DefinedName[] = [];
  const used = new Set<string>();
  const ctx = { gate: ruleGate(doc.profile), fiscalYear: doc.fiscalYear, layout: projectLayoutOf(doc.profile) };
  const rendered = doc.projects.map((p, i) => renderProject(p, i, projectSheetName(p.seq, p.name, used), lists, names, opts, ctx));
  const dep = renderDepartment(doc, names);
  const sum = renderSummary(doc, rendered, names);
  const lst = renderLists(lists, names);
  const extras: Record<string, SheetExtras> = {};
  extras[dep.sheet.name] = dep.extras;
  extras[sum.sheet.name] = sum.extras;
  for (const r of rendered) extras[r.sheet.name] = r.extras;
  extras[lst.sheet.name] = lst.extras;
  dep.extras.tabColor = "FF2F5597";
  sum.extras.tabColor = "FF2F5597";
  return {
    grid: { sheets: [dep.sheet, sum.sheet, ...rendered.map((r) => r.sheet), lst.sheet], names },
    extras,
    version: TEMPLATE_VERSION,
    framework,
    projectSheets: rendered.map((r) => r.sheet.name),
  };
}

/**
 * 插入项目表: the document with `n` blank projects after the last one, numbered on (项目N+1 …). Rendered,
 * each new sheet is titled and numbered by its formula, pulled into 汇总 and its 合计, and shares the
 * one _lists sheet — the whole book is drawn from the one description, so nothing is copied by hand.
 */
export function withAddedProjects(doc: JxmbDocument, n: number): JxmbDocument {
  const next = doc.projects.reduce((m, p) => Math.max(m, p.seq), 0) + 1;
  return { ...doc, projects: [...doc.projects, ...Array.from({ length: n }, (_, i) => blankProject(next + i))] };
}

/** A blank project (for the empty template): seq n, everything empty. */
export function blankProject(seq: number): Project {
  return {
    ...emptyProject("template", "", seq),
    spendPlan: { mar: null, jun: null, oct: null, dec: null, raw: { mar: null, jun: null, oct: null, dec: null } },
  };
}

/** The empty template: department sheet, 汇总, and `projects` blank project sheets. */
export function renderEmptyTemplate(projects = 3, profile: ProfileName = "hebei", opts: RenderOptions = {}): TemplateBook {
  const doc = emptyDocument(profile);
  doc.projects = Array.from({ length: projects }, (_, i) => blankProject(i + 1));
  return renderTemplate(doc, opts);
}
