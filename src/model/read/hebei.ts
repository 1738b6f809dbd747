/**
 * Hebei provincial layout of the 项目支出绩效目标表 (seeds 000 卢龙县, 001 乐亭县):
 *
 *   [N.<项目名称>绩效目标表]                    ← heading (optional)
 *   <单位编码> <单位名称>                        ← “312001 卢龙县公安局本级” (optional)
 *   单位：万元
 *   项目编码 | <code> | 项目名称 | <name>
 *   预算规模及资金用途 | 预算数 | n | 其中：财政资金 | n | 其他资金 | n
 *   (merged)          | <资金用途>
 *   资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底
 *   (merged)          | p | p | p | p
 *   绩效目标          | <goals>
 *   一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据
 *   rows…
 *
 * or a redacted table: the heading and the single line “此项目文件涉密”.
 *
 * Everything is found by label (wrap spaces, full/half-width punctuation and spacer cells
 * tolerated), so the column shifts of PDF conversions (an empty cell after a label, an extra empty
 * second column, a plan header with a gap between 6月底 and 10月底) do not matter. Page-break
 * artefacts are repaired: a repeated header row is skipped and a row split across the break is
 * merged into the row above it.
 */
import type { GridSheet } from "../grid";
import { a1 } from "../grid";
import { emptyProject } from "../schema-values";
import type { Indicator, Project, SpendPlan } from "../schema";
import { normalizeLevel1, normalizeLevel2 } from "../taxonomy";
import { parseMoney, type MoneyUnit } from "../money";
import { planPointText } from "../checks/spend-plan";
import { parseTarget } from "../value";
import type { LayoutReader, ReadProblem, SheetReadResult } from "./types";
import { findIndicatorHeaders, indicatorHeaderAt, readIndicatorBlock } from "./indicator-block";
import {
  type CellHit,
  type ColumnSpec,
  cleanNumber,
  columnMap,
  displayText,
  findContaining,
  findHeaderRows,
  findLabel,
  findLabels,
  formatAt,
  hasLabel,
  hitAt,
  isMergeSlave,
  isPercentFormat,
  isRowEmpty,
  labelKey,
  lastUsedCol,
  masterOf,
  matchesLabel,
  parseMoneyUnitLine,
  parseTableTitle,
  parseUnitLine,
  rangeRef,
  rowCells,
  splitTables,
  trimText,
  valueBelow,
  valueRightOf,
} from "./labels";

/* ------------------------------------------------------------------------------------------------
 * Labels of the layout (compared by labelKey: no spaces, （）→(), ：→:)
 * ---------------------------------------------------------------------------------------------- */

export const HEBEI_LABELS = {
  code: /^项目编码$/,
  name: /^项目名称$/,
  budgetBlock: /^预算规模(及资金用途)?$/,
  total: /^(预算数|预算金额|年度预算数)$/,
  fiscal: /^(其中:?)?财政(资金|拨款)$/,
  other: /^其他资金$/,
  plan: /^资金支出计划/,
  goal: /^(年度)?绩效目标$/,
  redacted: "此项目文件涉密",
} as const;

/** Every label that can stand in a table's header block; a value search stops at these. */
const ANY_LABEL: RegExp[] = [
  HEBEI_LABELS.code,
  HEBEI_LABELS.name,
  HEBEI_LABELS.budgetBlock,
  HEBEI_LABELS.total,
  HEBEI_LABELS.fiscal,
  HEBEI_LABELS.other,
  HEBEI_LABELS.plan,
  HEBEI_LABELS.goal,
  /^(3|6|10|12)月(底|末)?$/,
  /^[一二三]级指标$/,
];

const isLabelHit = (h: CellHit): boolean => typeof h.value === "string" && matchesLabel(h.value, ANY_LABEL);

type IndKey = "level1" | "level2" | "name" | "description" | "target" | "basis" | "scoring";

export const INDICATOR_COLUMNS: readonly ColumnSpec<IndKey>[] = [
  { key: "level1", pattern: /^一级指标$/, required: true },
  { key: "level2", pattern: /^二级指标$/, required: true },
  { key: "name", pattern: /^三级指标(名称)?$/, required: true },
  { key: "description", pattern: /^(绩效)?指标(描述|解释|内容)$/ },
  { key: "target", pattern: /^(指标值|目标值|绩效指标值)$/, required: true },
  { key: "basis", pattern: /^指标值(确定)?依据$/ },
  { key: "scoring", pattern: /^评\(?扣?\)?分标准$/ },
];

type Month = "mar" | "jun" | "oct" | "dec";
const PLAN_COLUMNS: readonly ColumnSpec<Month>[] = [
  { key: "mar", pattern: /^3月(底|末)?$/ },
  { key: "jun", pattern: /^6月(底|末)?$/ },
  { key: "oct", pattern: /^10月(底|末)?$/ },
  { key: "dec", pattern: /^12月(底|末)?$/ },
];
const MONTHS: Month[] = ["mar", "jun", "oct", "dec"];

/** Hebei project codes: 6-digit division + 2-digit year + P + 12 alphanumerics (spaces removed). */
export const HEBEI_CODE = /^(\d{6})(\d{2})P[0-9A-Z]{12}$/;

/**
 * The budget year encoded in the codes (“13022522P…” → 2022), when every Hebei-style code agrees.
 * Used only when the workbook does not print its year (seed 001); the caller says it inferred it.
 */
export function inferFiscalYearFromCodes(projects: Project[]): number | null {
  const years = new Set<number>();
  for (const p of projects) {
    const m = p.code ? HEBEI_CODE.exec(p.code) : null;
    if (m) years.add(2000 + Number(m[2]));
  }
  return years.size === 1 ? [...years][0] : null;
}

/* ------------------------------------------------------------------------------------------------
 * Goals
 * ---------------------------------------------------------------------------------------------- */

/**
 * Split a 绩效目标 cell into items. Numbered items (“1.… 2.…” on one line, or one per line) are split
 * at the numbers 1, 2, 3… in sequence (so “1.5 万元” inside an item is not a break) and the numbering
 * is dropped; everything else is kept as written, including the template artefact “目标内容 1” that
 * seed 000 carries (“1.目标内容 1 通过…” → “目标内容 1 通过…”), so a placeholder rule can see it.
 * Unnumbered text is one item per line.
 */
export function splitGoals(text: string | null | undefined): string[] {
  const t = trimText(text ?? "");
  if (!t) return [];
  const re = /(^|[\s。；;，,])(\d{1,2})\s*[.、．]\s*(?!\d)/g;
  const cuts: { at: number; bodyAt: number }[] = [];
  let expected = 1;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (Number(m[2]) !== expected) continue;
    cuts.push({ at: m.index + m[1].length, bodyAt: m.index + m[0].length });
    expected++;
  }
  if (cuts.length === 0) return t.split(/\n+/).map(trimText).filter(Boolean);
  const items: string[] = [];
  const head = trimText(t.slice(0, cuts[0].at));
  if (head) items.push(head);
  cuts.forEach((c, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1].at : t.length;
    const item = trimText(t.slice(c.bodyAt, end));
    if (item) items.push(item);
  });
  return items;
}

/* ------------------------------------------------------------------------------------------------
 * Cell parsing helpers
 * ---------------------------------------------------------------------------------------------- */

function problem(severity: ReadProblem["severity"], sheet: GridSheet, ref: string | null, message: string): ReadProblem {
  return { severity, sheet: sheet.name, cell: ref, message };
}

/** A plan point: 25 for "25%", 0.25 with a % format, or "25"; fractions (all ≤ 1, no % anywhere) are scaled. */
function planPoint(sheet: GridSheet, hit: CellHit): { value: number | null; raw: string; fraction: boolean; bad: boolean } {
  const v = hit.value;
  if (typeof v === "number") {
    if (isPercentFormat(formatAt(sheet, hit.r, hit.c))) return { value: cleanNumber(v * 100), raw: hit.text, fraction: false, bad: false };
    return { value: v, raw: hit.text, fraction: true, bad: false };
  }
  const raw = hit.text;
  const pt = planPointText(raw);
  return { value: pt.value, raw, fraction: pt.bare, bad: pt.bad };
}

interface RawRow {
  cells: Partial<Record<IndKey, { text: string; ref: string }>>;
  row: number;
}

/* ------------------------------------------------------------------------------------------------
 * One table
 * ---------------------------------------------------------------------------------------------- */

/**
 * A row of the table's preamble: its title, the unit line, the money-unit line — alone, or side by side
 * on one row (“312002 乐亭县公安局 | … | 单位：万元”, or both in one cell). Such a row is never an
 * indicator row of the table above it.
 */
function isPreambleRow(sheet: GridSheet, r: number): boolean {
  const cells = rowCells(sheet, r);
  if (cells.length === 0 || cells.length > 3) return false;
  return cells.every((h) => {
    const t = h.text;
    const unitPart = trimText(t.replace(/[\s\u3000]*(?:金额)?单位\s*[:：]\s*万?\s*元\s*$/, ""));
    return !!(parseTableTitle(t) || parseMoneyUnitLine(t) || (unitPart && parseUnitLine(unitPart)));
  });
}

function readTable(sheet: GridSheet, start: number, anchor: number, end: number, problems: ReadProblem[]): Project {
  let lastCol = Math.max(lastUsedCol(sheet, start, end), 0);
  for (const m of sheet.merges) if (m.r1 >= start && m.r1 <= end && m.c2 > lastCol) lastCol = m.c2;
  const area = { r1: start, r2: end };
  const cells: Record<string, string> = {};
  const project: Project = {
    ...emptyProject("hebei", sheet.name),
    source: { sheet: sheet.name, range: rangeRef(start, 0, end, lastCol), cells },
  };

  // Preamble: heading, unit line, money unit.
  let moneyUnit: MoneyUnit = "万元";
  for (let r = start; r < anchor; r++) {
    for (const h of rowCells(sheet, r)) {
      const title = parseTableTitle(h.text);
      if (title && project.title === null) {
        project.title = h.text;
        cells.title = h.ref;
        if (title.number !== null) project.seq = title.number;
        continue;
      }
      const unit = parseUnitLine(h.text);
      if (unit && project.unit.code === null) {
        project.unit = { code: unit.code, name: unit.name };
        cells.unit = h.ref;
        continue;
      }
      const mu = parseMoneyUnitLine(h.text);
      if (mu !== null) {
        if (mu === "元") moneyUnit = "元";
        else if (mu !== "万元") problems.push(problem("warning", sheet, h.ref, `工作表“${sheet.name}”${h.ref}：金额单位“${h.text}”无法识别，按万元读取（money unit not recognised; read as ten thousand yuan）`));
      }
    }
  }

  const redactedHit = findContaining(sheet, HEBEI_LABELS.redacted, { r1: anchor, r2: anchor })[0];
  if (redactedHit) {
    project.redacted = true;
    cells.redacted = redactedHit.ref;
    const t = parseTableTitle(project.title);
    if (t) {
      project.name = t.name;
      if (cells.title) cells.name = cells.title;
    }
    return project;
  }

  // 项目编码 / 项目名称
  const codeLabel = findLabel(sheet, HEBEI_LABELS.code, { r1: anchor, r2: anchor });
  if (codeLabel) {
    const v = valueRightOf(sheet, codeLabel.r, codeLabel.c, { stopAt: isLabelHit });
    if (v) {
      project.code = v.text.replace(/[\s\u3000]+/g, "");
      cells.code = v.ref;
    }
  }
  const nameLabel = findLabel(sheet, HEBEI_LABELS.name, area);
  if (nameLabel) {
    const v = valueRightOf(sheet, nameLabel.r, nameLabel.c, { stopAt: isLabelHit });
    if (v) {
      project.name = v.text;
      cells.name = v.ref;
    }
  }
  if (project.name === null) {
    const t = parseTableTitle(project.title);
    problems.push(problem("warning", sheet, nameLabel?.ref ?? codeLabel?.ref ?? null, `工作表“${sheet.name}”第 ${anchor + 1} 行的表格没有填写项目名称（the table at row ${anchor + 1} has no project name）`));
    if (t) project.name = t.name;
  }

  // Header block ends at the indicator header.
  const headers = findHeaderRows(sheet, INDICATOR_COLUMNS, area);
  // A newer version of the form spelling its indicator header otherwise (年度指标值, 指标性质 | 指标值 |
  // 度量单位 …) is read through the shared vocabulary of indicator-block.ts.
  const vocab = headers.length === 0 ? findIndicatorHeaders(sheet, { area: { r1: anchor, r2: end } })[0] : undefined;
  const headerRow = headers[0]?.row ?? vocab?.row ?? end + 1;
  const headArea = { r1: anchor, r2: headerRow - 1 };

  // Budget: value right of the label, else directly below it (seed 000 #10's displaced block).
  const budgetRows: number[] = [];
  const readAmount = (key: "total" | "fiscal" | "other", pattern: RegExp, zh: string) => {
    const lab = findLabel(sheet, pattern, headArea);
    if (!lab) return;
    budgetRows.push(lab.r);
    const hit =
      valueRightOf(sheet, lab.r, lab.c, { stopAt: isLabelHit }) ??
      valueBelow(sheet, lab.r, lab.c, { maxRows: 1, stopAt: isLabelHit });
    const path = `budget.${key}`;
    if (!hit) {
      const m = masterOf(sheet, lab.r, lab.c).merge;
      cells[path] = a1(lab.r, (m ? m.c2 : lab.c) + 1);
      // Blank 其他资金 means none (both seeds leave it blank everywhere); blank 预算数/财政资金 stays null.
      if (key === "other") project.budget.other = 0;
      return;
    }
    cells[path] = hit.ref;
    const parsed = typeof hit.value === "number" ? parseMoney(hit.value, moneyUnit) : parseMoney(hit.text, moneyUnit);
    if (typeof hit.value !== "number") project.budget.raw[key] = hit.text;
    if (parsed.ok && parsed.wan !== null) project.budget[key] = parsed.wan;
    else if (!parsed.empty) {
      problems.push(problem("warning", sheet, hit.ref, `工作表“${sheet.name}”${hit.ref}：${zh}“${hit.text}”不是金额${parsed.reason ? `（${parsed.reason}）` : ""}（not an amount）`));
    } else if (key === "other") project.budget.other = 0;
  };
  readAmount("total", HEBEI_LABELS.total, "预算数");
  readAmount("fiscal", HEBEI_LABELS.fiscal, "财政资金");
  readAmount("other", HEBEI_LABELS.other, "其他资金");

  // Plan
  const planLabel = findLabel(sheet, HEBEI_LABELS.plan, headArea);
  if (planLabel) {
    cells.spendPlan = planLabel.ref; // plan-level findings land on the label
    const cmap = columnMap(sheet, planLabel.r, PLAN_COLUMNS);
    const valueRow = (masterOf(sheet, planLabel.r, planLabel.c).merge?.r1 ?? planLabel.r) + 1;
    const plan: SpendPlan = { mar: null, jun: null, oct: null, dec: null, raw: { mar: null, jun: null, oct: null, dec: null } };
    const points: { m: Month; p: ReturnType<typeof planPoint> }[] = [];
    for (const m of MONTHS) {
      const col = cmap?.cols[m];
      if (col === undefined) continue;
      const hit = hitAt(sheet, valueRow, col);
      cells[`spendPlan.${m}`] = hit.ref;
      const p = planPoint(sheet, hit);
      points.push({ m, p });
      plan.raw[m] = p.raw;
      if (p.bad) problems.push(problem("warning", sheet, hit.ref, `工作表“${sheet.name}”${hit.ref}：资金支出计划“${p.raw}”不是百分数（spending plan value is not a percentage）`));
    }
    // Bare numbers all ≤ 1 are fractions typed without a % format (0.25 → 25).
    const bare = points.filter((x) => x.p.value !== null && x.p.fraction);
    const scale = bare.length > 0 && bare.every((x) => (x.p.value as number) <= 1) && points.every((x) => x.p.value === null || x.p.fraction);
    for (const { m, p } of points) plan[m] = p.value === null ? null : scale ? cleanNumber(p.value * 100) : p.value;
    if (!cmap || Object.keys(cmap.cols).length === 0) {
      problems.push(problem("warning", sheet, planLabel.ref, `工作表“${sheet.name}”${planLabel.ref}：资金支出计划没有找到“3月底/6月底/10月底/12月底”栏目（spending plan points missing）`));
    }
    project.spendPlan = plan;
  } else {
    problems.push(problem("warning", sheet, codeLabel?.ref ?? null, `工作表“${sheet.name}”第 ${anchor + 1} 行的表格没有“资金支出计划”（the table at row ${anchor + 1} has no spending plan）`));
  }

  // 资金用途: the lone text between the budget row(s) and the plan (its label is the merged 预算规模… cell).
  const budgetLabel = findLabel(sheet, HEBEI_LABELS.budgetBlock, headArea);
  if (budgetLabel) cells.budget = budgetLabel.ref;
  const firstBudget = budgetRows.length ? Math.max(...budgetRows) : budgetLabel?.r;
  if (firstBudget !== undefined) {
    const stop = planLabel ? planLabel.r - 1 : headerRow - 1;
    for (let r = firstBudget + 1; r <= stop && project.purpose === null; r++) {
      for (const h of rowCells(sheet, r)) {
        if (typeof h.value !== "string" || isLabelHit(h)) continue;
        if (parseMoney(h.text, moneyUnit).ok) continue;
        project.purpose = h.text;
        cells.purpose = h.ref;
        break;
      }
    }
  }

  // Goals
  const goalLabel = findLabel(sheet, HEBEI_LABELS.goal, headArea);
  if (goalLabel) {
    cells.goals = goalLabel.ref;
    const v = valueRightOf(sheet, goalLabel.r, goalLabel.c, { stopAt: isLabelHit });
    if (v) {
      project.goals = splitGoals(v.text);
      project.goals.forEach((_, i) => (cells[`goals.${i}`] = v.ref));
    }
  }

  // Indicators
  if (headers.length === 0 && vocab) {
    if (vocab.cells.level1) cells.indicators = vocab.cells.level1;
    const v = vocab.cols;
    if (v.operator === undefined && v.unit === undefined && v.level1 !== undefined && v.level2 !== undefined && v.level3 !== undefined && v.value !== undefined) {
      // The layout's own row reading (page-break repairs), over the columns the vocabulary found.
      const cols: Partial<Record<IndKey, number>> = { level1: v.level1, level2: v.level2, name: v.level3, target: v.value, description: v.description, basis: v.basis, scoring: v.scoring };
      for (const k of Object.keys(cols) as IndKey[]) if (cols[k] === undefined) delete cols[k];
      project.indicators = readIndicators(sheet, cols, vocab.lastRow, end, problems);
    } else project.indicators = readIndicatorBlock(sheet, vocab, { end, problems }).rows.map((r) => r.indicator);
    return project;
  }
  if (headers.length === 0) {
    problems.push(problem("warning", sheet, codeLabel?.ref ?? null, `工作表“${sheet.name}”第 ${anchor + 1} 行的表格没有找到指标表头（一级指标/二级指标/三级指标/指标值）（the table at row ${anchor + 1} has no indicator header）`));
    return project;
  }
  // Block-level findings (e.g. no 效益指标) land on the 一级指标 header, not on the table's first cell.
  const level1Header = headers[0].cells.level1;
  if (level1Header) cells.indicators = level1Header.ref;
  project.indicators = readIndicators(sheet, headers[0].cols, headers[0].row, end, problems);
  return project;
}

function readIndicators(sheet: GridSheet, cols: Partial<Record<IndKey, number>>, headerRow: number, end: number, problems: ReadProblem[]): Indicator[] {
  const keys = Object.keys(cols) as IndKey[];
  const rows: RawRow[] = [];
  let afterHeader = false;
  let last1: { text: string; ref: string } | null = null;
  let last2: { text: string; ref: string } | null = null;

  for (let r = headerRow + 1; r <= end; r++) {
    if (isRowEmpty(sheet, r)) continue;
    // The next table's title / unit line ends the block (never an empty indicator row of this table).
    if (isPreambleRow(sheet, r)) break;
    const firstKey = cols.level1 !== undefined ? labelKey(displayText(sheet, r, cols.level1)) : "";
    if (firstKey === "一级指标" && (columnMap(sheet, r, INDICATOR_COLUMNS) || indicatorHeaderAt(sheet, r))) {
      afterHeader = true; // repeated header after a page break
      continue;
    }
    const cur: RawRow = { cells: {}, row: r };
    for (const k of keys) {
      const c = cols[k] as number;
      const text = displayText(sheet, r, c);
      if (text) cur.cells[k] = { text, ref: a1(r, c) };
    }
    const has = (k: IndKey) => !!cur.cells[k]?.text;
    const prev = rows[rows.length - 1];
    const levelsEmpty = !has("level1") && !has("level2") && !has("name");
    const valuesEmpty = !has("description") && !has("target") && !has("basis");
    const l1Slave = cols.level1 !== undefined && isMergeSlave(sheet, r, cols.level1);
    if (prev && ((levelsEmpty && !l1Slave) || (afterHeader && valuesEmpty && !has("level1")))) {
      // Continuation of the row above, split by a page break: glue the pieces.
      for (const k of keys) {
        const piece = cur.cells[k];
        if (!piece) continue;
        const before = prev.cells[k];
        prev.cells[k] = before ? { text: before.text + piece.text, ref: before.ref } : piece;
      }
      problems.push(problem("info", sheet, a1(r, 0), `工作表“${sheet.name}”第 ${r + 1} 行是上一行被分页拆开的后半部分，已合并到第 ${prev.row + 1} 行（row ${r + 1} continues row ${prev.row + 1} across a page break; merged）`));
      afterHeader = false;
      continue;
    }
    afterHeader = false;
    // A lone note in the 一级 column (“注：…”) is not an indicator.
    if (has("level1") && !has("level2") && !has("name") && valuesEmpty && !normalizeLevel1(cur.cells.level1!.text).known) {
      problems.push(problem("info", sheet, cur.cells.level1!.ref, `工作表“${sheet.name}”${cur.cells.level1!.ref}：“${cur.cells.level1!.text}”不是指标行，已忽略（not an indicator row; skipped）`));
      continue;
    }
    // 一级 written once per group (blank or merged below); 二级 carried only through a merge.
    if (has("level1")) {
      last1 = cur.cells.level1!;
      last2 = null;
    } else if (last1) cur.cells.level1 = last1;
    if (has("level2")) last2 = cur.cells.level2!;
    else if (last2 && cols.level2 !== undefined && isMergeSlave(sheet, r, cols.level2)) cur.cells.level2 = last2;
    rows.push(cur);
  }

  return rows.map((row) => {
    const g = (k: IndKey) => row.cells[k]?.text ?? "";
    const l1 = normalizeLevel1(g("level1"));
    const l2 = normalizeLevel2(g("level2"));
    const source: Record<string, string> = {};
    for (const k of keys) {
      const cell = row.cells[k];
      const key = k === "name" ? "name" : k;
      source[key] = cell ? cell.ref : a1(row.row, cols[k] as number);
    }
    const target = parseTarget(g("target"));
    return {
      level1: l1.label,
      level2: l2.label,
      name: g("name"),
      description: g("description") || null,
      target,
      targetParts: null,
      basis: g("basis") || null,
      scoring: cols.scoring !== undefined ? g("scoring") || null : null,
      level1Raw: l1.normalised && g("level1") ? g("level1") : null,
      level2Raw: l2.normalised && g("level2") ? g("level2") : null,
      source,
    } satisfies Indicator;
  });
}

/* ------------------------------------------------------------------------------------------------
 * The reader
 * ---------------------------------------------------------------------------------------------- */

function anchorsOf(sheet: GridSheet): number[] {
  const rows = findLabels(sheet, HEBEI_LABELS.code).map((h) => h.r);
  for (const h of findContaining(sheet, HEBEI_LABELS.redacted)) {
    // Only a redaction line under a table heading is a redacted table (not “…：涉密” in prose).
    if (rowCells(sheet, h.r).length === 1) rows.push(h.r);
  }
  return [...new Set(rows)].sort((a, b) => a - b);
}

export const hebeiReader: LayoutReader = {
  layout: "hebei",
  detect(sheet: GridSheet): boolean {
    // 承德 tables share 项目编码 but label the budget block 资金用途 and split 指标值 into 符号/值/单位.
    if (hasLabel(sheet, /^符号$/)) return false;
    if (hasLabel(sheet, HEBEI_LABELS.code) && hasLabel(sheet, HEBEI_LABELS.budgetBlock)) return true;
    const red = findContaining(sheet, HEBEI_LABELS.redacted);
    return red.some((h) => h.r > 0 && rowCells(sheet, h.r).length === 1 && rowCells(sheet, h.r - 1).some((t) => parseTableTitle(t.text)));
  },
  read(sheet: GridSheet): SheetReadResult {
    const problems: ReadProblem[] = [];
    const anchors = anchorsOf(sheet);
    const blocks = splitTables(sheet, anchors, { isPreamble: isPreambleRow });
    const projects: Project[] = [];
    for (const b of blocks) {
      // A redaction line must sit under a heading to count as a table.
      if (!hasLabel(sheet, HEBEI_LABELS.code, { r1: b.anchor, r2: b.anchor }) && b.start === b.anchor) continue;
      projects.push(readTable(sheet, b.start, b.anchor, b.end, problems));
    }
    for (const p of projects) {
      if (!p.redacted && p.indicators.length === 0) {
        problems.push(problem("warning", sheet, p.source.range?.split(":")[0] ?? null, `工作表“${sheet.name}”中的项目“${p.name ?? ""}”没有读到任何绩效指标（no indicators read for this project）`));
      }
    }
    return { projects, problems };
  },
};
