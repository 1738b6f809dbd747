/**
 * Reader of our own template (layout "template"). Fields are located through the template's defined
 * names when the workbook still has them (they follow inserted rows), otherwise through the layout
 * description in src/model/write/layout.ts — the one place that knows where a field sits. The
 * indicator block ends at the footer row (its text starts with ▲), so rows inserted inside the block
 * are read too. What the visible cells mean is shared with the renderer (write/fields.ts), which makes
 * document → template → document lossless (except `source` and `layout`).
 *
 * Never throws; problems name the sheet and the cell in Chinese.
 */
import type { CellValue, DefinedName, Grid, GridSheet } from "../grid";
import { a1, getValue, parseA1, rowCount } from "../grid";
import type { DeclaredTotals, Indicator, MidTerm, Overview, ProfileName, Project, SelfEvaluation } from "../schema";
import { FISCAL_YEAR_SOURCES, isOneOf, PROFILE_NAMES } from "../schema-values";
import { MID_TERM_SHAPE, SELF_EVALUATION_SHAPE } from "../schema-shape";
import { orderedCopy, shapeMismatch } from "../shape";
import {
  applyOverride,
  decodeMeta,
  deriveBudget,
  deriveCode,
  deriveDeclared,
  deriveGoals,
  deriveIndicator,
  deriveNingxia,
  deriveOverview,
  derivePairedRow,
  deriveSpendPlan,
  deriveYear,
  isBlankRow,
  textOf,
  type IndicatorCore,
} from "../write/fields";
import {
  DEPARTMENT,
  indicatorColumnOrder,
  LISTS,
  NAMES,
  PROJECT,
  PROJECT_LAYOUTS,
  type ProjectLayout,
  PROJECT_INDICATORS_KEY,
  PROJECT_NAME_KEYS,
  SHEET_LISTS,
  SUMMARY,
  TEMPLATE_VERSION_PREFIX,
  type LabelSpot,
  type ProjectField,
  type Spot,
} from "../write/layout";
import { labelKey } from "./labels";
import type { LayoutReader, ReadProblem, SheetReadResult } from "./types";

type Kind = "project" | "department" | "summary";

/** SheetReadResult plus the profile written on the 部门 sheet (the dispatcher may use it). */
export type TemplateSheetResult = SheetReadResult & { profile?: ProfileName };

function labelsMatch(sheet: GridSheet, labels: readonly LabelSpot[]): boolean {
  const fixed = labels.filter((l) => (l.role ?? "label") !== "note");
  let hit = 0;
  for (const l of fixed) if (labelKey(textOf(getValue(sheet, l.r, l.c))) === labelKey(l.text)) hit++;
  // A clerk may retype a label or two; the combination of all the others is still ours alone.
  return fixed.length > 0 && hit >= Math.ceil(fixed.length * 0.85);
}

function kindOf(sheet: GridSheet): Kind | null {
  if (sheet.name === SHEET_LISTS) return null;
  for (const c of new Set([...PROJECT_LAYOUTS.map((l) => l.metaCol), DEPARTMENT.metaCol, SUMMARY.metaCol])) {
    const k = decodeMeta(getValue(sheet, 0, c)).kind;
    if (k === "project" || k === "department" || k === "summary") return k;
  }
  if (PROJECT_LAYOUTS.some((l) => labelsMatch(sheet, l.labels))) return "project";
  if (labelsMatch(sheet, [DEPARTMENT.title, ...DEPARTMENT.labels].filter((l) => l.role !== "title"))) return "department";
  if (labelsMatch(sheet, SUMMARY.header.map((text, c) => ({ r: SUMMARY.headerRow, c, text, role: "header" as const })))) return "summary";
  return null;
}

function problem(sheet: GridSheet, r: number | null, c: number | null, message: string, severity: ReadProblem["severity"] = "warning"): ReadProblem {
  const cell = r !== null && c !== null ? a1(r, c) : null;
  return { severity, message: `工作表“${sheet.name}”${cell ? `${cell}单元格` : ""}：${message}`, sheet: sheet.name, cell };
}

/** Defined names grouped by sheet, built once per grid: a 2,000-sheet workbook has ~30,000 names. */
const namesBySheet = new WeakMap<Grid, Map<string, DefinedName[]>>();
function namesOf(grid: Grid, sheet: GridSheet): DefinedName[] {
  let idx = namesBySheet.get(grid);
  if (!idx) {
    idx = new Map();
    for (const n of grid.names ?? []) {
      if (n.sheet === null) continue;
      let list = idx.get(n.sheet);
      if (!list) idx.set(n.sheet, (list = []));
      list.push(n);
    }
    namesBySheet.set(grid, idx);
  }
  return idx.get(sheet.name) ?? [];
}

/** JXMB_P001_CODE → "CODE" (what /^JXMB_P\d+_(.+)$/ captures), else null; a scan, as every sheet has ~15 names. */
export function projectNameKey(name: string): string | null {
  if (!name.startsWith("JXMB_P")) return null;
  let i = 6;
  while (i < name.length && name.charCodeAt(i) >= 48 && name.charCodeAt(i) <= 57) i++;
  if (i === 6 || name[i] !== "_" || i + 1 >= name.length) return null;
  const key = name.slice(i + 1);
  return /[\n\r\u2028\u2029]/.test(key) ? null : key;
}

/** Names of this sheet: JXMB_P001_CODE → "CODE" → top-left (row, col). */
function sheetNames(sheet: GridSheet, grid: Grid): Map<string, { r: number; c: number }> {
  const out = new Map<string, { r: number; c: number }>();
  for (const n of namesOf(grid, sheet)) {
    const key = projectNameKey(n.name);
    if (key === null) continue;
    const p = parseA1(n.ref.split(":")[0]);
    if (p) out.set(key, p);
  }
  return out;
}

function errorProblem(sheet: GridSheet, r: number, c: number, label: string, out: ReadProblem[]): void {
  const v = getValue(sheet, r, c);
  if (v && typeof v === "object" && "error" in v) out.push(problem(sheet, r, c, `${label}为错误值 ${v.error}，已按空白处理`));
}

/* ------------------------------------------------------------------------------------------------
 * Project sheet
 * ---------------------------------------------------------------------------------------------- */

/** 中期 targets and a self-evaluation, kept in the meta cell by the renderer (no cells for them yet). */
function kept(meta: Record<string, unknown>): Pick<Project, "midTerm" | "selfEvaluation"> {
  const out: Pick<Project, "midTerm" | "selfEvaluation"> = {};
  // Checked against the schema's shape without zod (the export path does not load it).
  if (meta.midTerm !== undefined && !shapeMismatch(MID_TERM_SHAPE, meta.midTerm)) out.midTerm = orderedCopy(MID_TERM_SHAPE, meta.midTerm) as MidTerm;
  if (meta.selfEvaluation !== undefined && !shapeMismatch(SELF_EVALUATION_SHAPE, meta.selfEvaluation)) {
    out.selfEvaluation = orderedCopy(SELF_EVALUATION_SHAPE, meta.selfEvaluation) as SelfEvaluation;
  }
  return out;
}

function layoutOf(sheet: GridSheet): ProjectLayout {
  // Each form keeps its meta cell in its own column; a Hebei sheet's meta has no layout id.
  for (const l of PROJECT_LAYOUTS) {
    const meta = decodeMeta(getValue(sheet, 0, l.metaCol));
    if (meta.kind !== "project") continue;
    const byMeta = PROJECT_LAYOUTS.find((x) => x.id === (meta.layout ?? "hebei"));
    if (byMeta && byMeta.metaCol === l.metaCol) return byMeta;
  }
  return PROJECT_LAYOUTS.find((l) => labelsMatch(sheet, l.labels)) ?? PROJECT;
}

function readProject(sheet: GridSheet, grid: Grid): TemplateSheetResult {
  const problems: ReadProblem[] = [];
  const L = layoutOf(sheet);
  const named = sheetNames(sheet, grid);
  const spot = (f: ProjectField): Spot | undefined => named.get(PROJECT_NAME_KEYS[f]) ?? L.fields[f];
  const at = (f: ProjectField): CellValue => {
    const s = spot(f);
    if (!s) return null;
    const v = getValue(sheet, s.r, s.c);
    return v && typeof v === "object" && "error" in v ? null : v;
  };
  const cellOf = (f: ProjectField) => {
    const s = spot(f)!;
    return a1(s.r, s.c);
  };
  // The label heading a field's block (the leftmost label on the field's row: 预算规模及资金用途,
  // 资金支出计划（%）, 绩效目标), moved with the field when rows were inserted above it.
  const blockLabelOf = (f: ProjectField): string | null => {
    const home = L.fields[f];
    const now = spot(f);
    if (!home || !now) return null;
    let best: LabelSpot | null = null;
    for (const l of L.labels) {
      if ((l.role ?? "label") !== "label" || l.r > home.r || (l.r2 ?? l.r) < home.r) continue;
      if (!best || l.c < best.c) best = l;
    }
    return best ? a1(best.r + now.r - home.r, best.c) : null;
  };
  const meta = decodeMeta(getValue(sheet, 0, L.metaCol));

  // Title: a formula means "no heading of its own" (the renderer wrote the name-following formula).
  const t = L.title;
  const titleFormula = sheet.formulas?.[t.r]?.[t.c] ?? null;
  const title = titleFormula ? null : textOf(getValue(sheet, t.r, t.c));

  const bCells = [at("total"), at("fiscal"), at("other")];
  const budget = applyOverride(meta, "budget", bCells, deriveBudget(bCells[0], bCells[1], bCells[2]));
  (["total", "fiscal", "other"] as const).forEach((k, i) => {
    if (budget[k] === null && budget.raw[k] !== null) {
      const s = spot(k)!;
      problems.push(problem(sheet, s.r, s.c, `${["预算数", "财政资金", "其他资金"][i]}“${budget.raw[k]}”不是数字金额`));
    }
  });
  const pCells = L.planKeys.map((k) => at(k));
  // A form without a plan (Ningxia) keeps the document's plan in the meta cell.
  const spendPlan = applyOverride(meta, "spendPlan", pCells, L.planKeys.length ? deriveSpendPlan(pCells) : null);
  const nxSpots = (["competentName", "competentCode", "implementing", "attributeCode", "attributeName", "period"] as const).map((f) => spot(f));
  const nxCells = nxSpots.map((s) => (s ? getValue(sheet, s.r, s.c) : null));
  const ningxia = nxSpots.every((s) => s)
    ? applyOverride(meta, "ningxia", nxCells, deriveNingxia(nxCells))
    : {
        competentDepartment: (meta.competentDepartment as Project["competentDepartment"]) ?? null,
        implementingUnit: typeof meta.implementingUnit === "string" ? meta.implementingUnit : null,
        attribute: (meta.attribute as Project["attribute"]) ?? null,
        period: typeof meta.period === "string" ? meta.period : null,
      };
  const gCell = at("goals");
  const goals = applyOverride(meta, "goals", [gCell], deriveGoals(gCell));

  for (const f of Object.keys(L.fields) as ProjectField[]) {
    const s = spot(f);
    if (s) errorProblem(sheet, s.r, s.c, f, problems);
  }

  // Indicator block: from the named start (or the layout's) to the footer row.
  const IC = L.indicatorCols;
  const cols = indicatorColumnOrder(L);
  const first = named.get(PROJECT_INDICATORS_KEY)?.r ?? L.indicatorFirstRow;
  const indicatorHeader = a1(first - L.indicatorFirstRow + L.indicatorHeaderRow, IC.level1);
  const n = rowCount(sheet);
  let end = n;
  for (let r = first; r < n; r++) {
    const v = getValue(sheet, r, 0);
    if (typeof v === "string" && v.startsWith(L.footerMarker)) {
      end = r;
      break;
    }
  }
  const indicators: Indicator[] = [];
  const midIndicators: Indicator[] = [];
  const sourceOf = (r: number, target: number): Record<string, string> => ({
    level1: a1(r, IC.level1),
    level2: a1(r, IC.level2),
    name: a1(r, IC.name),
    description: a1(r, IC.description),
    target: a1(r, target),
    basis: a1(r, IC.basis),
    scoring: a1(r, IC.scoring),
  });
  for (let r = first; r < end; r++) {
    // Most rows of the block are the empty ones left for more indicators: passed over before any cell is read.
    const row = sheet.values[r];
    if (!row || cols.every((c) => row[c] === null || row[c] === undefined)) continue;
    const cells = cols.map((c) => {
      const v = getValue(sheet, r, c);
      return v && typeof v === "object" && "error" in v ? null : v;
    });
    if (isBlankRow(cells)) continue;
    const rowMeta = decodeMeta(getValue(sheet, r, L.metaCol));
    let core: IndicatorCore | null;
    if (IC.midTarget !== undefined) {
      // A 中期 | 年度 row: the 年度 indicator, the 中期 one, or both.
      const d = derivePairedRow(cells);
      core = applyOverride<IndicatorCore | null>(rowMeta, "i", cells, d.annual);
      const mid = applyOverride<IndicatorCore | null>(rowMeta, "m", cells, d.mid);
      if (mid) midIndicators.push({ ...mid, source: sourceOf(r, IC.midTarget) });
    } else core = applyOverride<IndicatorCore>(rowMeta, "i", cells, deriveIndicator(cells));
    if (!core) continue;
    // core is this row's own object (derived, or parsed from its meta cell): completed in place, no copy.
    // (A meta cell's override that is not an object is spread as before.)
    const source = sourceOf(r, IC.target);
    let indicator: Indicator;
    if (typeof core === "object" && !Array.isArray(core)) {
      indicator = core as Indicator;
      indicator.source = source;
    } else indicator = { ...(core as IndicatorCore), source };
    indicators.push(indicator);
    if (core.level1 === "") problems.push(problem(sheet, r, IC.level1, "一级指标未填写"));
  }
  // 中期 targets: from the form's 中期目标 cell and 中期指标值 column where it has them, else from the meta cell.
  let midTerm: Pick<Project, "midTerm"> = {};
  if (L.fields.midGoals && IC.midTarget !== undefined) {
    const mCell = at("midGoals");
    const midGoals = applyOverride(meta, "midGoals", [mCell], deriveGoals(mCell));
    if (midGoals.length || midIndicators.length || meta.midTermEmpty === true) midTerm = { midTerm: { goals: midGoals, indicators: midIndicators } };
  }

  const cells: Record<string, string> = {
    title: a1(t.r, t.c),
    "unit.code": cellOf("unitCode"),
    "unit.name": cellOf("unitName"),
    code: cellOf("code"),
    name: cellOf("name"),
    "budget.total": cellOf("total"),
    "budget.fiscal": cellOf("fiscal"),
    "budget.other": cellOf("other"),
    purpose: cellOf("purpose"),
    // Block-level findings (e.g. no 效益指标, no plan) land on the block's label, not on A1.
    indicators: indicatorHeader,
  };
  for (const [key, f] of [["budget", "total"], ["spendPlan", "mar"], ["goals", "goals"]] as const) {
    const label = blockLabelOf(f);
    if (label) cells[key] = label;
  }
  if (spendPlan) for (const k of L.planKeys) cells[`spendPlan.${k}`] = cellOf(k);
  goals.forEach((_g, i) => (cells[`goals.${i}`] = cellOf("goals")));
  if (midTerm.midTerm && spot("midGoals")) cells["midTerm.goals"] = cellOf("midGoals");

  const seq = typeof meta.seq === "number" && Number.isInteger(meta.seq) && meta.seq > 0 ? meta.seq : 0;
  const project: Project = {
    seq,
    title,
    code: deriveCode(at("code")),
    name: textOf(at("name")),
    unit: { code: textOf(at("unitCode")), name: textOf(at("unitName")) },
    ...ningxia,
    budget,
    purpose: textOf(at("purpose")),
    spendPlan,
    goals,
    indicators,
    redacted: meta.redacted === true,
    ...kept(meta),
    ...midTerm,
    layout: "template",
    source: { sheet: sheet.name, range: `A1:${a1(Math.min(end, n), L.checkCol)}`, cells },
  };
  return { projects: [project], problems };
}

/* ------------------------------------------------------------------------------------------------
 * 部门 sheet
 * ---------------------------------------------------------------------------------------------- */

function findRow(sheet: GridSheet, col: number, from: number, text: string): number {
  const key = labelKey(text);
  for (let r = from; r < rowCount(sheet); r++) if (labelKey(textOf(getValue(sheet, r, col))) === key) return r;
  return -1;
}

function namedOr(grid: Grid, sheet: GridSheet, name: string, fallback: Spot): Spot {
  const n = namesOf(grid, sheet).find((x) => x.name === name);
  const p = n ? parseA1(n.ref.split(":")[0]) : null;
  return p ?? fallback;
}

function readDepartment(sheet: GridSheet, grid: Grid): TemplateSheetResult {
  const D = DEPARTMENT;
  const problems: ReadProblem[] = [];
  const meta = decodeMeta(getValue(sheet, 0, D.metaCol));
  const F = D.fields;
  const s = {
    version: namedOr(grid, sheet, NAMES.version, F.version),
    code: namedOr(grid, sheet, NAMES.deptCode, F.code),
    name: namedOr(grid, sheet, NAMES.deptName, F.name),
    fiscalYear: namedOr(grid, sheet, NAMES.fiscalYear, F.fiscalYear),
    profile: namedOr(grid, sheet, NAMES.profile, F.profile),
    title: namedOr(grid, sheet, NAMES.docTitle, F.title),
    summary: namedOr(grid, sheet, NAMES.summary, F.summary),
  };
  const v = (x: Spot) => getValue(sheet, x.r, x.c);

  const version = textOf(v(s.version));
  if (version === null || !version.startsWith(TEMPLATE_VERSION_PREFIX)) {
    problems.push(problem(sheet, s.version.r, s.version.c, `模板版本“${version ?? ""}”不是本程序支持的版本（${TEMPLATE_VERSION_PREFIX}x），请核对读取结果`));
  }
  const fiscalYear = deriveYear(v(s.fiscalYear));
  if (fiscalYear === null && textOf(v(s.fiscalYear)) !== null) problems.push(problem(sheet, s.fiscalYear.r, s.fiscalYear.c, `预算年度“${textOf(v(s.fiscalYear))}”不是四位年份`));
  const profText = textOf(v(s.profile));
  const profTrimmed = profText?.trim();
  const prof: ProfileName | null = isOneOf(PROFILE_NAMES, profTrimmed) ? profTrimmed : null;
  if (profText !== null && prof === null) problems.push(problem(sheet, s.profile.r, s.profile.c, `适用规范“${profText}”无法识别，应为 hebei、ningxia 或 central-2021`));

  // 分项绩效目标 rows run until the 工作保障措施 label (rows may have been inserted).
  const first = D.itemsFirstRow;
  let sr = findRow(sheet, 0, first, D.safeguardsLabel);
  if (sr < 0) {
    problems.push(problem(sheet, null, null, `未找到“${D.safeguardsLabel}”行，工作保障措施未读取`, "info"));
    sr = rowCount(sheet);
  }
  const items: CellValue[][] = [];
  for (let r = first; r < sr; r++) items.push([getValue(sheet, r, D.itemCols.title), getValue(sheet, r, D.itemCols.goal), getValue(sheet, r, D.itemCols.indicators)]);
  const safeguards = sr < rowCount(sheet) ? getValue(sheet, sr, D.safeguardsCols.c) : null;
  const summary = v(s.summary);
  const core = applyOverride(meta, "overview", [summary, ...items.flat(), safeguards], deriveOverview(summary, items, safeguards));
  const overview: Overview | null = core
    ? {
        ...core,
        source: {
          sheet: sheet.name,
          range: `A1:${a1(Math.max(sr, first), 4)}`,
          cells: { summary: a1(s.summary.r, s.summary.c), safeguards: a1(Math.min(sr, rowCount(sheet)), D.safeguardsCols.c) },
        },
      }
    : null;

  // The year's source survives only while the cell still holds the year it explains (a clerk's edit is printed).
  const fy = meta.fiscalYear as { y?: unknown; source?: unknown } | undefined;
  const fiscalYearSource = fy && fy.y === fiscalYear && isOneOf(FISCAL_YEAR_SOURCES, fy.source) ? fy.source : undefined;
  return {
    projects: [],
    overview,
    department: { code: textOf(v(s.code)), name: textOf(v(s.name)) },
    fiscalYear,
    ...(fiscalYearSource ? { fiscalYearSource } : {}),
    title: textOf(v(s.title)),
    profile: prof ?? undefined,
    problems,
  };
}

/* ------------------------------------------------------------------------------------------------
 * 汇总 sheet
 * ---------------------------------------------------------------------------------------------- */

function readSummary(sheet: GridSheet, grid: Grid): TemplateSheetResult {
  const S = SUMMARY;
  const meta = decodeMeta(getValue(sheet, 0, S.metaCol));
  const dr = findRow(sheet, S.cols.name, S.firstRow, S.declaredLabel);
  const decl = namedOr(grid, sheet, NAMES.declaredTotal, dr >= 0 ? { r: dr, c: S.cols.total } : { r: -1, c: -1 });
  const dep = decl.r >= 0 ? getValue(sheet, decl.r, decl.c) : null;
  const uh = findRow(sheet, 0, Math.max(decl.r, S.firstRow), S.unitsLabel);
  const U = S.unitCols;
  const units: CellValue[][] = [];
  if (uh >= 0) for (let r = uh + 1; r < rowCount(sheet); r++) units.push([getValue(sheet, r, U.code), getValue(sheet, r, U.name), getValue(sheet, r, U.total)]);
  const core = applyOverride<Omit<DeclaredTotals, "source"> | null>(meta, "declaredTotals", [dep, ...units.flat()], deriveDeclared(dep, units));
  const cells: Record<string, string> = decl.r >= 0 ? { department: a1(decl.r, decl.c) } : {};
  // Each declared unit's cells, so a finding on a unit total (here or in the inbox) names its row.
  const filled = units.map((row, i) => (isBlankRow(row) ? -1 : uh + 1 + i)).filter((r) => r >= 0);
  if (core && core.units.length === filled.length)
    filled.forEach((r, i) => {
      cells[`units.${i}.code`] = a1(r, U.code);
      cells[`units.${i}.name`] = a1(r, U.name);
      cells[`units.${i}.total`] = a1(r, U.total);
    });
  const declaredTotals: DeclaredTotals | null = core ? { ...core, source: { sheet: sheet.name, range: null, cells } } : null;
  return { projects: [], declaredTotals, problems: [] };
}

/* ---------------------------------------------------------------------------------------------- */

/**
 * The template's hidden sheet of drop-down lists (一级/二级 labels, no form): claimed so that no form
 * detector scans its few hundred label texts (their first look at the synonym table is the costly one).
 * Recognised by what renderLists writes: hidden, its 一级 header, and the 一级 list name pointing at it.
 */
export function isOwnListsSheet(sheet: GridSheet, grid: Grid): boolean {
  return (
    sheet.name === SHEET_LISTS &&
    sheet.hidden === true &&
    getValue(sheet, 0, LISTS.level1Col) === LISTS.level1Header &&
    namesOf(grid, sheet).some((n) => n.name === NAMES.level1List)
  );
}

export const templateReader: LayoutReader = {
  layout: "template",
  detect(sheet: GridSheet, grid: Grid): boolean {
    return kindOf(sheet) !== null || isOwnListsSheet(sheet, grid);
  },
  read(sheet: GridSheet, grid: Grid): TemplateSheetResult {
    try {
      const k = kindOf(sheet);
      if (k === "project") return readProject(sheet, grid);
      if (k === "department") return readDepartment(sheet, grid);
      if (k === "summary") return readSummary(sheet, grid);
      return { projects: [], problems: [] };
    } catch (e) {
      return {
        projects: [],
        problems: [problem(sheet, null, null, `按 JXMB 模板读取时出错，已跳过：${e instanceof Error ? e.message : String(e)}`, "error")],
      };
    }
  },
};
