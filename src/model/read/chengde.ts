/**
 * 承德 layout (seed 002, 承德市高新区公安分局): “N.<名称>…预算项目绩效信息表”, one table per project,
 * laid out as
 *
 *   N.<title>预算项目绩效信息表
 *   118002承德市高新区公安分局                         单位：万元
 *   项目编码 | <code>        | 项目名称 | <name>
 *   资金用途 | 预算数 | <n> | 其中：财政资金 | <n> | 其他资金 | <n>
 *            | <资金用途 text>
 *   资金支出计划（累计进度%） | 3月底 | 6月底 | 10月底 | 12月底
 *            | <p1> | <p2> | <p3> | <p4>
 *   绩效目标 | 目标1 | <text>            (one row per 目标)
 *   一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据 [| 评（扣）分标准]
 *            |          |          |              | 符号 | 值 | 单位（文字描述）
 *   <rows; the 一级 label on the first row of its group, merged or repeated>
 *
 * Every field is found by its label (labels.ts), never by offset; tables may stand one per sheet
 * (with the 说明 text below) or stacked on one sheet. What the reader does not understand becomes a
 * ReadProblem naming the sheet and cell; it never throws.
 */
import type { Grid, GridSheet } from "../grid";
import { a1, getValue, mergeAt } from "../grid";
import type { Indicator, Project } from "../schema";
import { normalizeLevel1, normalizeLevel2 } from "../taxonomy";
import { parseTarget, parseTargetParts } from "../value";
import type { LayoutReader, ReadProblem, SheetReadResult } from "./types";
import {
  type CellHit,
  type ColumnSpec,
  cleanNumber,
  columnMap,
  displayText,
  formatAt,
  formattedText,
  isPercentFormat,
  joinWrappedLabel,
  findContaining,
  findLabel,
  findLabels,
  hasLabel,
  isEmptyCell,
  isRowEmpty,
  labelKey,
  lastUsedCol,
  matchesLabel,
  parseTableTitle,
  parseUnitLine,
  rangeRef,
  rowCells,
  splitTables,
  trimText,
  valueRightOf,
  type Area,
  labeledText,
} from "./labels";
import { parseMoney } from "../money";
import { planPointText } from "../checks/spend-plan";

export type BudgetKey = "total" | "fiscal" | "other";
export type PlanKey = "mar" | "jun" | "oct" | "dec";

export interface CellField<T> {
  value: T | null;
  /** Text as written when the cell is not a plain number (schema `raw`); null otherwise. */
  raw: string | null;
  ref: string;
  problem: string | null;
}

const BUDGET_NAME: Record<BudgetKey, string> = { total: "预算数", fiscal: "财政资金", other: "其他资金" };

/**
 * An amount in 万元 right of its label. Numbers are taken as 万元; text goes through parseMoney
 * (“315万元”, “50 万元”, “20.000000　”). A blank 其他资金 (empty, U+3000) is 0; a blank 预算数 or
 * 财政资金 is null.
 */
export function budgetField(sheet: GridSheet, label: CellHit, stopAt: (h: CellHit) => boolean, key: BudgetKey): CellField<number> {
  const v = valueRightOf(sheet, label.r, label.c, { stopAt });
  const blankRef = a1(label.r, (mergeAt(sheet, label.r, label.c)?.c2 ?? label.c) + 1);
  // A cell holding only spaces is “empty” to valueRightOf; look at the first cell right of the label
  // so that the U+3000 a clerk left there is kept as written.
  const ref = v ? v.ref : blankRef;
  const rawValue = v ? v.value : getValue(sheet, label.r, (mergeAt(sheet, label.r, label.c)?.c2 ?? label.c) + 1);
  if (typeof rawValue === "number") {
    const m = parseMoney(rawValue, "万元");
    return { value: m.ok ? m.wan : null, raw: null, ref, problem: m.ok ? null : `${BUDGET_NAME[key]}“${rawValue}”不是有效金额（not an amount）` };
  }
  const raw = typeof rawValue === "string" ? rawValue : null;
  const m = parseMoney(raw ?? "", "万元");
  if (m.ok) return { value: m.wan, raw, ref, problem: null };
  if (m.empty) return { value: key === "other" ? 0 : null, raw, ref, problem: null };
  return { value: null, raw, ref, problem: `${BUDGET_NAME[key]}“${trimText(raw ?? "")}”不是有效金额：${m.reason ?? ""}（not an amount）` };
}

/**
 * The 预算数 / 财政资金 / 其他资金 block (or 年度资金总额 / 财政拨款 / 其他资金): each amount valued to
 * the right of its label, cells recorded as budget.<key>, problems naming the cell. `names` are the
 * layout's own words for a missing label. Shared by the 承德 and Ningxia readers.
 */
export function readBudgetBlock(
  sheet: GridSheet,
  area: Area,
  anchor: number,
  labels: Record<BudgetKey, RegExp>,
  names: { total: string; fiscal: string },
  isLabel: (h: CellHit) => boolean,
  cells: Record<string, string>,
  problems: ReadProblem[],
): Project["budget"] {
  const budget: Project["budget"] = { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } };
  for (const key of ["total", "fiscal", "other"] as const) {
    const lab = findLabel(sheet, labels[key], area);
    if (!lab) {
      if (key !== "other") problems.push(problem("warning", sheet, a1(anchor, 0), `未找到“${names[key]}”栏（budget label missing）`));
      continue;
    }
    const f = budgetField(sheet, lab, isLabel, key);
    budget[key] = f.value;
    budget.raw[key] = f.raw;
    cells[`budget.${key}`] = f.ref;
    if (f.problem) problems.push(problem("warning", sheet, f.ref, f.problem));
  }
  return budget;
}

/**
 * One point of the cumulative plan, in percent points: 25 (typed), 0.25 formatted “0%” (→ 25),
 * text “25.00”, “50%”. Blank → null. raw keeps the text as displayed (“25%”, “25.00”). `bare` says the
 * point carries no percent sign or format, so a plan typed as fractions (0.25 … 1) can be scaled.
 */
export function planPoint(sheet: GridSheet, r: number, c: number): CellField<number> & { bare: boolean } {
  const v = getValue(sheet, r, c);
  const ref = a1(r, c);
  if (v === null || (typeof v === "string" && trimText(v) === "")) return { value: null, raw: null, ref, problem: null, bare: false };
  const raw = formattedText(sheet, r, c);
  if (typeof v === "number") {
    const pct = isPercentFormat(formatAt(sheet, r, c));
    return { value: pct ? cleanNumber(v * 100) : v, raw, ref, problem: null, bare: !pct };
  }
  const pt = planPointText(String(raw));
  if (!pt.bad) return { value: pt.value, raw, ref, problem: null, bare: pt.bare };
  return { value: null, raw, ref, problem: `资金支出进度“${raw}”不是百分数（not a percentage）`, bare: false };
}

const L = {
  code: /^项目编码:?$/,
  name: /^项目名称:?$/,
  purpose: /^资金用途:?$/,
  total: /^(?:预算数|预算金额|项目预算数?)(?:\(万元\))?:?$/,
  fiscal: /^(?:其中:?)?财政(?:资金|拨款)(?:\(万元\))?:?$/,
  other: /^(?:其中:?)?其他资金(?:\(万元\))?:?$/,
  plan: /^资金支出计划/,
  goals: /^(?:年度)?绩效目标:?$/,
  goalN: /^目标\d+:?$/,
  title: /绩效信息表$/,
  moneyUnit: /^(?:金额)?单位:/,
} as const;

type Col = "level1" | "level2" | "name" | "description" | "target" | "basis" | "scoring";
type SubCol = "symbol" | "value" | "unit";

const HEADER: readonly ColumnSpec<Col>[] = [
  { key: "level1", pattern: "一级指标", required: true },
  { key: "level2", pattern: "二级指标", required: true },
  { key: "name", pattern: "三级指标", required: true },
  { key: "description", pattern: /^(?:绩效)?指标(?:内容|描述|解释)$/ },
  { key: "target", pattern: /^(?:指标值|目标值)(?:\(.*\))?$/ },
  { key: "basis", pattern: /确定依据$|^依据$/ },
  { key: "scoring", pattern: /^评(?:\(扣\))?分标准$|^扣分标准$/ },
];

const SUBHEADER: readonly ColumnSpec<SubCol>[] = [
  { key: "symbol", pattern: "符号", required: true },
  { key: "value", pattern: "值", required: true },
  { key: "unit", pattern: /^单位/ },
];

/** Labels of this layout: a value search stops when it meets one of them. */
const ALL_LABELS = [L.code, L.name, L.purpose, L.total, L.fiscal, L.other, L.plan, L.goals, L.goalN, L.moneyUnit];
const isLabel = (h: CellHit) => typeof h.value === "string" && ALL_LABELS.some((p) => matchesLabel(h.value as string, p));

export function problem(severity: ReadProblem["severity"], sheet: GridSheet, cell: string | null, message: string): ReadProblem {
  const where = cell ? `工作表“${sheet.name}”${cell} 单元格：` : `工作表“${sheet.name}”：`;
  return { severity, message: where + message, sheet: sheet.name, cell };
}

/** The 承德 table is recognised by its 符号/值 split under 指标值 next to a 项目编码 label. */
function detect(sheet: GridSheet): boolean {
  if (!hasLabel(sheet, L.code)) return false;
  return hasLabel(sheet, "符号") && hasLabel(sheet, "值") && hasLabel(sheet, "一级指标");
}

function isPreamble(sheet: GridSheet, r: number): boolean {
  return rowCells(sheet, r).some((h) => matchesLabel(h.text, L.title) || matchesLabel(h.text, L.moneyUnit) || parseUnitLine(stripMoneyUnit(h.text)) !== null);
}

/** “118002承德市高新区公安分局      单位：万元” typed in one cell → the unit part only. */
function stripMoneyUnit(text: string): string {
  return trimText(text.replace(/[\s\u3000]*(?:金额)?单位\s*[:：]\s*万?\s*元\s*$/, ""));
}

function read(sheet: GridSheet, _grid: Grid): SheetReadResult {
  const problems: ReadProblem[] = [];
  const projects: Project[] = [];
  const anchors = findLabels(sheet, L.code).map((h) => h.r);
  const blocks = splitTables(sheet, anchors, { isPreamble, maxPreamble: 6 });
  for (const b of blocks) {
    try {
      projects.push(readTable(sheet, b.start, b.anchor, b.end, problems));
    } catch (e) {
      problems.push(problem("error", sheet, a1(b.anchor, 0), `读取该项目表时出错，已跳过：${e instanceof Error ? e.message : String(e)}（table skipped）`));
    }
  }
  // The department code/name: the unit line most tables share (002's P5 says 118001, the rest 118002).
  const counts = new Map<string, { code: string | null; name: string | null; n: number }>();
  for (const p of projects) {
    if (!p.unit.code && !p.unit.name) continue;
    const k = `${p.unit.code}|${p.unit.name}`;
    const e = counts.get(k) ?? { code: p.unit.code, name: p.unit.name, n: 0 };
    e.n++;
    counts.set(k, e);
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return { projects, department: top ? { code: top.code, name: top.name } : undefined, problems };
}

function readTable(sheet: GridSheet, start: number, anchor: number, end: number, problems: ReadProblem[]): Project {
  const cells: Record<string, string> = {};
  const lastCol = lastUsedCol(sheet, start, end);
  // The part above the indicator header (header found below); fields are searched in [start, head).
  const header = findHeader(sheet, anchor, end, lastCol);
  const headEnd = header ? header.row - 1 : end;
  const area: Area = { r1: start, r2: headEnd };

  // Title and unit line (preamble).
  let title: string | null = null;
  let seq = 0;
  let unit: { code: string | null; name: string | null } = { code: null, name: null };
  for (let r = start; r < anchor; r++) {
    for (const h of rowCells(sheet, r)) {
      const t = parseTableTitle(h.text);
      if (t && title === null) {
        title = h.text;
        seq = t.number ?? 0;
        cells.title = h.ref;
        continue;
      }
      const u = parseUnitLine(stripMoneyUnit(h.text));
      if (u && unit.code === null) {
        unit = { code: u.code, name: u.name };
        cells.unit = h.ref;
      }
    }
  }

  const field = (label: RegExp, key: string): string | null => labeledText(sheet, area, label, key, cells, isLabel);

  const codeRaw = field(L.code, "code");
  const code = codeRaw ? codeRaw.replace(/[\s\u3000]+/g, "") : null;
  const name = field(L.name, "name");
  if (!name) problems.push(problem("warning", sheet, cells.name ?? a1(anchor, 0), "未填写项目名称（project name missing）"));

  // Budget: 预算数 / 其中：财政资金 / 其他资金, each valued to the right of its label.
  const budget = readBudgetBlock(sheet, area, anchor, { total: L.total, fiscal: L.fiscal, other: L.other }, { total: "预算数", fiscal: "财政资金" }, isLabel, cells, problems);

  // 资金用途: the text on the row(s) under the label (the label cell is merged over them).
  let purpose: string | null = null;
  const pl = findLabel(sheet, L.purpose, area);
  if (pl) {
    cells.budget = pl.ref; // 资金用途 labels the whole budget block here
    const right = valueRightOf(sheet, pl.r, pl.c, { stopAt: isLabel });
    if (right) {
      purpose = right.text || null;
      cells.purpose = right.ref;
    } else {
      const m = mergeAt(sheet, pl.r, pl.c);
      const last = Math.max(m ? m.r2 : pl.r + 1, pl.r + 1);
      for (let r = pl.r + 1; r <= Math.min(last, headEnd) && purpose === null; r++) {
        const hit = rowCells(sheet, r).find((h) => h.c > pl.c && !isLabel(h));
        if (hit) {
          purpose = hit.text || null;
          cells.purpose = hit.ref;
        }
      }
      if (purpose === null) cells.purpose = a1(pl.r + 1, pl.c + 1);
    }
  }

  // 资金支出计划（累计进度%）: month labels in the label's rows, each valued directly below.
  let spendPlan: Project["spendPlan"] = null;
  const planLab = findLabel(sheet, L.plan, area);
  if (planLab) {
    cells.spendPlan = planLab.ref; // plan-level findings land on the label
    spendPlan = { mar: null, jun: null, oct: null, dec: null, raw: { mar: null, jun: null, oct: null, dec: null } };
    const monthArea: Area = { r1: planLab.r, r2: Math.min(planLab.r + 1, headEnd), c1: planLab.c + 1 };
    const months = findLabels(sheet, /^(\d{1,2})月(?:底|末)?$/, monthArea);
    const bare: boolean[] = [];
    for (const m of months) {
      const key = monthKey(m.text);
      if (!key) {
        problems.push(problem("info", sheet, m.ref, `资金支出计划的时点“${m.text}”不是 3/6/10/12 月底，已忽略（unexpected plan point）`));
        continue;
      }
      const pr = (mergeAt(sheet, m.r, m.c)?.r2 ?? m.r) + 1;
      const pt = planPoint(sheet, pr, m.c);
      spendPlan[key] = pt.value;
      spendPlan.raw[key] = pt.raw;
      if (pt.value !== null) bare.push(pt.bare && pt.value <= 1);
      cells[`spendPlan.${key}`] = a1(pr, m.c);
      if (pt.problem) problems.push(problem("warning", sheet, a1(pr, m.c), pt.problem));
    }
    if (months.length === 0) problems.push(problem("warning", sheet, planLab.ref, "资金支出计划下未找到“3月底/6月底/10月底/12月底”（plan points missing）"));
    // A plan typed as fractions without a % format (0.25 / 0.5 / 0.75 / 1), as hebei.ts reads it.
    const pts = [spendPlan.mar, spendPlan.jun, spendPlan.oct, spendPlan.dec];
    if (bare.length > 0 && bare.every(Boolean) && pts.some((x) => x !== null && x > 0)) {
      for (const k of ["mar", "jun", "oct", "dec"] as const) if (spendPlan[k] !== null) spendPlan[k] = cleanNumber(spendPlan[k]! * 100);
      problems.push(problem("info", sheet, planLab.ref, "资金支出计划按小数填写（如 0.25），已换算为百分数（fractions read as percentages）"));
    }
  }

  // 绩效目标: one row per 目标N (the label cell is merged over them).
  const goals: string[] = [];
  const gl = findLabel(sheet, L.goals, area);
  if (gl) {
    cells.goals = gl.ref;
    const m = mergeAt(sheet, gl.r, gl.c);
    const last = Math.min(headEnd, m ? Math.max(m.r2, gl.r) : headEnd);
    for (let r = gl.r; r <= last; r++) {
      const row = rowCells(sheet, r).filter((h) => h.c > gl.c);
      if (row.length === 0) continue;
      if (r > gl.r && row.some((h) => isLabel(h) && !matchesLabel(h.text, L.goalN))) break;
      const n = row.find((h) => matchesLabel(h.text, L.goalN));
      const textHit = n ? valueRightOf(sheet, r, n.c, { stopAt: isLabel }) : row[0];
      if (!textHit || !textHit.text) continue;
      cells[`goals.${goals.length}`] = textHit.ref;
      goals.push(textHit.text);
    }
  }

  // Block-level findings (e.g. no 效益指标) land on the 一级指标 header, not on the table's first cell.
  if (header && header.cols.level1 !== undefined) cells.indicators = a1(header.row, header.cols.level1);
  const indRes = header ? readIndicators(sheet, header, end, problems) : { indicators: [] as Indicator[], lastRow: null };
  const indicators = indRes.indicators;
  if (!header) problems.push(problem("error", sheet, a1(anchor, 0), "未找到指标表头（一级指标/二级指标/三级指标），该项目没有读出指标（indicator header missing）"));

  const redacted = findContaining(sheet, "此项目文件涉密", { r1: start, r2: end }).length > 0;

  return {
    seq,
    title,
    code,
    name,
    unit,
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget,
    purpose,
    spendPlan,
    goals,
    indicators,
    redacted,
    layout: "chengde",
    source: { sheet: sheet.name, range: rangeRef(start, 0, indRes.lastRow ?? end, lastCol), cells },
  };
}

function monthKey(text: string): PlanKey | null {
  const m = /^(\d{1,2})/.exec(labelKey(text));
  switch (m ? Number(m[1]) : 0) {
    case 3:
      return "mar";
    case 6:
      return "jun";
    case 10:
      return "oct";
    case 12:
      return "dec";
    default:
      return null;
  }
}

export type IndicatorCol = Col;
export interface IndicatorHeader {
  row: number;
  dataStart: number;
  cols: Partial<Record<Col, number>>;
  /** 承德's 符号/值/单位 split under 指标值; null when 指标值 is one column. */
  sub: Partial<Record<SubCol, number>> | null;
}
type Header = IndicatorHeader;

export interface IndicatorReadOptions {
  /**
   * A row holding only a short 三级 fragment (no labels, no value) right under an indicator whose
   * value is filled continues that indicator's name: 004-P11 “…安装附属” ⏎ “设备等”.
   */
  joinNameFragments?: boolean;
}

function findHeader(sheet: GridSheet, from: number, to: number, lastCol: number): Header | null {
  for (let r = from; r <= to; r++) {
    const m = columnMap(sheet, r, HEADER, { c2: lastCol });
    if (!m) continue;
    // The 符号/值/单位 split sits on the next row(s), under 指标值 — or, in a one-row header, on the
    // header row itself.
    for (let s = r; s <= Math.min(r + 2, to); s++) {
      const sm = columnMap(sheet, s, SUBHEADER, { c2: lastCol });
      if (sm) return { row: r, dataStart: s + 1, cols: m.cols, sub: sm.cols };
    }
    const hm = mergeAt(sheet, r, m.cols.level1 ?? 0);
    return { row: r, dataStart: (hm ? hm.r2 : r) + 1, cols: m.cols, sub: null };
  }
  return null;
}

/** Indicator rows under the header; lastRow is the table's last row (the 说明 text below is not part of it). */
export function readIndicators(sheet: GridSheet, h: Header, end: number, problems: ReadProblem[], opts: IndicatorReadOptions = {}): { indicators: Indicator[]; lastRow: number } {
  const out: Indicator[] = [];
  const c = h.cols;
  const dataCols = [c.level2, c.name, c.description, c.basis, c.scoring, h.sub?.symbol, h.sub?.value, h.sub?.unit, h.sub ? undefined : c.target].filter((x): x is number => x !== undefined);
  const text = (r: number, col: number | undefined) => (col === undefined ? "" : displayText(sheet, r, col));
  let cur1: { raw: string; ref: string; cont: string | null } | null = null;
  let cur2: { raw: string; ref: string; cont: string | null } | null = null;
  const consumed = new Set<string>(); // label cells used as the tail of a wrapped label
  let lastRow = h.dataStart - 1;
  for (let r = h.dataStart; r <= end; r++) {
    if (isRowEmpty(sheet, r)) continue;
    const hasData = dataCols.some((col) => !isEmptyCell(sheet, r, col));
    if (!hasData) {
      const only = rowCells(sheet, r);
      // A label fragment alone on its row belongs to the label above; anything else ends the table
      // (the 说明 text under the table, or the next table's title).
      if (only.length === 1 && c.level1 !== undefined && only[0].c === c.level1 && consumed.has(only[0].ref)) continue;
      break;
    }
    lastRow = r;
    if (opts.joinNameFragments && c.name !== undefined && out.length > 0) {
      const prev = out[out.length - 1];
      const others = dataCols.filter((col) => col !== c.name).concat([c.level1, c.level2].filter((x): x is number => x !== undefined));
      const frag = text(r, c.name);
      if (frag && frag.length <= 10 && others.every((col) => isEmptyCell(sheet, r, col)) && prev.target.kind !== "empty" && !/[。．.；;！!？?]$/.test(prev.name)) {
        prev.name += frag;
        prev.source["name.continued"] = a1(r, c.name);
        problems.push(problem("warning", sheet, a1(r, c.name), `“${frag}”单独占一行且没有指标值，已视为上一行三级指标的续行（name continued from the row above）`));
        continue;
      }
    }
    for (const [key, col] of [["level1", c.level1], ["level2", c.level2]] as const) {
      if (col === undefined) continue;
      const ref = a1(r, col);
      if (consumed.has(ref) || isEmptyCell(sheet, r, col)) continue;
      const j = joinWrappedLabel(sheet, r, col, end, key === "level1" ? normalizeLevel1 : normalizeLevel2);
      if (j.contRef) consumed.add(j.contRef);
      const cur = { raw: j.text, ref, cont: j.contRef };
      if (key === "level1") {
        cur1 = cur;
        cur2 = null;
      } else cur2 = cur;
    }
    if (c.level2 !== undefined && cur2 === null) problems.push(problem("warning", sheet, a1(r, c.level2), "该指标行没有二级指标（level-2 label missing）"));
    if (c.level1 !== undefined && cur1 === null) problems.push(problem("warning", sheet, a1(r, c.level1), "该指标行之上没有一级指标（level-1 label missing）"));
    const source: Record<string, string> = {};
    const n1 = normalizeLevel1(cur1?.raw ?? "");
    const n2 = normalizeLevel2(cur2?.raw ?? "");
    if (cur1) {
      source.level1 = cur1.ref;
      if (cur1.cont) source["level1.continued"] = cur1.cont;
    }
    if (cur2) {
      source.level2 = cur2.ref;
      if (cur2.cont) source["level2.continued"] = cur2.cont;
    }
    const opt = (key: Col | null, col: number | undefined): string | null => {
      if (col === undefined) return null;
      if (key) source[key] = a1(r, col);
      return text(r, col) || null;
    };
    const name = opt("name", c.name) ?? "";
    const description = opt("description", c.description);
    const basis = opt("basis", c.basis);
    const scoring = opt("scoring", c.scoring);
    let target;
    let targetParts = null;
    if (h.sub && h.sub.symbol !== undefined && h.sub.value !== undefined) {
      const symbol = text(r, h.sub.symbol);
      const value = formattedText(sheet, r, h.sub.value);
      const unit = h.sub.unit !== undefined ? text(r, h.sub.unit) : "";
      targetParts = { symbol, value, unit };
      target = parseTargetParts(symbol, value, unit);
      source.target = a1(r, h.sub.value);
      source["target.symbol"] = a1(r, h.sub.symbol);
      if (h.sub.unit !== undefined) source["target.unit"] = a1(r, h.sub.unit);
    } else {
      const col = c.target;
      if (col !== undefined) source.target = a1(r, col);
      target = parseTarget(col === undefined ? "" : text(r, col));
    }
    out.push({
      level1: n1.label,
      level2: n2.label,
      name,
      description,
      target,
      targetParts,
      basis,
      scoring,
      level1Raw: cur1 && cur1.raw !== n1.label ? cur1.raw : null,
      level2Raw: cur2 && cur2.raw !== n2.label ? cur2.raw : null,
      source,
    });
  }
  return { indicators: out, lastRow };
}

export const chengdeReader: LayoutReader = {
  layout: "chengde",
  detect: (sheet) => detect(sheet),
  read: (sheet, grid) => read(sheet, grid),
};
