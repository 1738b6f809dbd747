/**
 * Indicator blocks found by their vocabulary, not by one form's spelling.
 *
 * API (for readers; all coordinates 0-based, refs A1):
 *   - `findIndicatorHeaders(sheet, opts?)` → IndicatorHeader[]: every indicator header in the sheet (or
 *     opts.area), top to bottom. A header is a row (or a row plus the sub-row under it, e.g. 指标值 over
 *     符号 | 值 | 单位, or 年度指标 over 二级 | 三级 | 指标值) whose cells name, through the synonym table,
 *     a value column and a name column (三级指标, or 指标内容 when there is no 三级) and at least one
 *     level column (一级 or 二级). Operator/value/unit split columns may stand in any order.
 *   - `indicatorHeaderAt(sheet, r, opts?)` → the header starting at row r, or null.
 *   - `IndicatorHeader.cols` are the 年度 columns (shared ones such as 一级 included), `mid` the
 *     中期/长期 group when the header has one, `fieldCols` the project-level columns of a flat export
 *     (项目名称 | 预算数 | 年度目标 … left of the indicator columns), `group` "mid" when a caption above
 *     the header says the whole block is 长期/中期 (长期绩效指标).
 *   - `readIndicatorBlock(sheet, header, opts)` → { rows, lastRow, placeholders }: the indicator rows under
 *     the header up to opts.end, stopping at the next table (a title, a unit line “312001 某单位”, a money
 *     unit line, a key/value label such as 项目名称, another different header, 合计/小计, a note “注：”).
 *     一级 carried down over blanks and merges; 二级 carried down when blank on a row that has a name;
 *     a missing or blank 一级 column inferred from the 二级 under the framework (taxonomy.level1OfLevel2;
 *     2021 when 成本指标 stands as a 一级); section rows (“产出指标” alone in the name column) set the
 *     carried level; placeholder rows (no name and no value, “……”, “指标1”) skipped and counted;
 *     `/`, `—`, `无` as value read as not applicable (kind "empty", raw kept).
 *     Each row: `indicator` (schema Indicator), `mid` (the 中期 group's level2/name/target when present),
 *     `extra` (weight, direction, actual, score, deviation, remark, kind cells: {text, ref, value}).
 *   - `isNotApplicable(text)`: “/”, “—”, “无”, “不适用”.
 */
import type { CellValue, GridSheet } from "../grid";
import { a1, getValue } from "../grid";
import type { Indicator, Target } from "../schema";
import { emptyTarget } from "../schema-values";
import { type Framework, LEVEL1, type Level1Key, level1OfLevel2, normalizeLevel1, normalizeLevel2 } from "../taxonomy";
import { lookupUnit, matchUnitPrefix, normalizeOperator } from "../units";
import { parseTarget, parseTargetParts } from "../value";
import type { ReadProblem } from "./types";
import {
  type Area,
  displayText,
  formattedText,
  isEmptyCell,
  isMergeSlave,
  isRowEmpty,
  joinWrappedLabel,
  labelKey,
  mergeAt,
  parseMoneyUnitLine,
  parseTableTitle,
  parseUnitLine,
  rowCells,
} from "./labels";
import { type ColumnGroup, type ColumnRole, type HeaderField, type SynonymTable, classifyColumn, DEFAULT_SYNONYMS, fieldOf } from "./synonyms";

export type IndicatorColumns = Partial<Record<ColumnRole, number>>;

export interface IndicatorHeader {
  /** First header row. */
  row: number;
  /** Last header row (the sub-row when there is one, or the bottom of the header's merges). */
  lastRow: number;
  /** First row under the header. */
  dataStart: number;
  /** The 年度 columns (shared columns such as 一级 included). */
  cols: IndicatorColumns;
  /** The 中期/长期 columns (shared columns included), when the header has such a group. */
  mid: IndicatorColumns | null;
  /** Project-level columns of a flat export (项目名称, 预算数, 年度目标, 单位名称 …). */
  fieldCols: Partial<Record<HeaderField, number>>;
  /** Header cells of the 年度 columns, for messages and source maps. */
  cells: Partial<Record<ColumnRole, string>>;
  /** "mid" when a caption above says the whole block is 长期/中期 (长期绩效指标), "year" for 年度绩效指标. */
  group: ColumnGroup | null;
}

export interface HeaderOptions {
  area?: Area;
  synonyms?: SynonymTable;
}

const MAX_LABEL = 40;

interface Classified {
  role: ColumnRole;
  group: ColumnGroup | null;
}

function cellLabel(sheet: GridSheet, r: number, c: number): string | null {
  const v = getValue(sheet, r, c);
  if (typeof v !== "string" || v.length > MAX_LABEL) return null;
  return v;
}

/**
 * Every column name of the vocabulary holds one of these characters (级 指 称 值 标 位 权 分 …); a cell
 * without any is no column header and is not normalised at all — big data sheets stay cheap. Tables
 * extended by a user's labels add the characters of their spellings.
 */
const ANCHOR_BASE = "级指称具细核评值标计准数质符较位式法据源分权向际完偏差未备说定";
const ANCHORS = new WeakMap<SynonymTable, Set<string>>();
function anchorsOf(syn: SynonymTable): Set<string> {
  let set = ANCHORS.get(syn);
  if (!set) {
    set = new Set(ANCHOR_BASE);
    for (const list of Object.values(syn.columns)) for (const p of list) if (typeof p === "string") for (const ch of p) set.add(ch);
    ANCHORS.set(syn, set);
  }
  return set;
}

function classifyAt(sheet: GridSheet, r: number, c: number, syn: SynonymTable): Classified | null {
  const t = cellLabel(sheet, r, c);
  if (!t) return null;
  const anchors = anchorsOf(syn);
  let any = false;
  for (const ch of t) {
    if (anchors.has(ch)) {
      any = true;
      break;
    }
  }
  return any ? classifyColumn(t, syn) : null;
}

function groupOfText(text: string | null): ColumnGroup | null {
  if (!text) return null;
  const k = labelKey(text);
  if (/(中长期|中期|长期|实施期)/.test(k)) return "mid";
  if (/(年度|当年|本年|全年)/.test(k)) return "year";
  return null;
}

/** Classified cells of a row: column → class (merged cells counted once, at their first column). */
function classifyRow(sheet: GridSheet, r: number, c1: number, c2: number, syn: SynonymTable): { byCol: Map<number, Classified>; nonEmpty: number } {
  const byCol = new Map<number, Classified>();
  let nonEmpty = 0;
  const row = sheet.values[r];
  if (!row) return { byCol, nonEmpty };
  const last = Math.min(c2, row.length - 1);
  for (let c = c1; c <= last; c++) {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === "string" && !v.trim())) continue;
    nonEmpty++;
    const cls = classifyAt(sheet, r, c, syn);
    if (cls) byCol.set(c, cls);
  }
  return { byCol, nonEmpty };
}

/**
 * A value column, a name column (三级指标, or 指标内容 when there is no 三级) and a level column — or, for
 * tables without level columns (绩效指标名称 | 指标值, 一级/二级 as section rows), a name column with a
 * second descriptive column (描述, 依据, 单位, 权重 …) so that a two-word caption row is not taken for one.
 */
function hasRequired(cols: IndicatorColumns): boolean {
  const name = cols.level3 !== undefined || cols.description !== undefined;
  if (cols.value === undefined || !name) return false;
  if (cols.level1 !== undefined || cols.level2 !== undefined) return true;
  return cols.level3 !== undefined && (cols.description !== undefined || cols.basis !== undefined || cols.unit !== undefined || cols.weight !== undefined || cols.operator !== undefined);
}

/**
 * The header starting at row r, or null. The sub-row r+1 is taken into account when it carries at
 * least two column names of its own (指标值 → 符号 | 值 | 单位; 年度指标 → 二级 | 三级 | 指标值).
 */
export function indicatorHeaderAt(sheet: GridSheet, r: number, opts?: HeaderOptions): IndicatorHeader | null {
  const plain = headerAtRow(sheet, r, opts);
  const wrapped = wrappedHeaderAt(sheet, r, opts);
  if (!plain || !wrapped) return plain ?? wrapped;
  // Both readings name a header: the one that names more of its columns is the header as typed; on a tie
  // the wrapped one, since its second row is all short continuations and no indicator row.
  const named = (h: IndicatorHeader) => Object.keys(h.cols).length + Object.keys(h.mid ?? {}).length + Object.keys(h.fieldCols).length;
  return named(wrapped) >= named(plain) ? wrapped : plain;
}

/**
 * A header whose labels wrap onto a second row as separate cells (一级 / 指标, 指标 / 值, 度量 / 单位 — typed
 * that way or left by a PDF conversion): every text of the second row is a short continuation under a text
 * of the first. The two rows are read as one, joined cell by cell.
 */
function wrappedHeaderAt(sheet: GridSheet, r: number, opts?: HeaderOptions): IndicatorHeader | null {
  const top = sheet.values[r];
  const next = sheet.values[r + 1];
  if (!top || !next) return null;
  let cont = 0;
  for (let c = 0; c < next.length; c++) {
    const v = next[c];
    if (v === null || v === undefined || (typeof v === "string" && !v.trim())) continue;
    if (typeof v !== "string" || v.trim().length > 16) return null;
    const above = mergeAt(sheet, r, c);
    const t = getValue(sheet, r, above ? above.c1 : c);
    if (typeof t !== "string" || !t.trim() || (above && above.r2 > r)) return null;
    cont++;
  }
  if (cont < 2) return null;
  const syn = opts?.synonyms ?? DEFAULT_SYNONYMS;
  if (classifyRow(sheet, r, 0, Number.MAX_SAFE_INTEGER, syn).byCol.size < 1) return null;
  const joined = top.map((v, c) => (typeof next[c] === "string" && next[c] && typeof v === "string" ? `${v.trim()}${String(next[c]).trim()}` : v));
  const values = sheet.values.slice();
  values[r] = joined;
  values[r + 1] = [];
  const h = headerAtRow({ ...sheet, values }, r, opts);
  if (!h) return null;
  h.lastRow = Math.max(h.lastRow, r + 1);
  h.dataStart = h.lastRow + 1;
  return h;
}

function headerAtRow(sheet: GridSheet, r: number, opts?: HeaderOptions): IndicatorHeader | null {
  const syn = opts?.synonyms ?? DEFAULT_SYNONYMS;
  const c1 = Math.max(0, opts?.area?.c1 ?? 0);
  const c2 = opts?.area?.c2 ?? Number.MAX_SAFE_INTEGER;
  const top = classifyRow(sheet, r, c1, c2, syn);
  // Cheap rejection: a header row names at least two columns (a sub-row may name the rest).
  if (top.byCol.size < 1) return null;
  const sub = r + 1 < sheet.values.length ? classifyRow(sheet, r + 1, c1, c2, syn) : { byCol: new Map<number, Classified>(), nonEmpty: 0 };
  const useSub = sub.byCol.size >= 2 && sub.byCol.size * 2 >= sub.nonEmpty;
  if (top.byCol.size < 2 && !useSub) return null;

  // Column → class, the sub-row's class winning under a parent cell (merged over several columns or blank).
  const merged = new Map<number, Classified>();
  const refs = new Map<number, string>();
  const width = Math.max(sheet.values[r]?.length ?? 0, sheet.values[r + 1]?.length ?? 0);
  for (let c = c1; c < Math.min(width, c2 + 1); c++) {
    const s = useSub ? sub.byCol.get(c) : undefined;
    const m = mergeAt(sheet, r, c);
    const pc = m ? m.c1 : c;
    const parent = m && m.r1 !== r ? undefined : top.byCol.get(pc);
    const parentText = m && m.r1 !== r ? null : cellLabel(sheet, r, pc);
    if (s) {
      merged.set(c, { role: s.role, group: s.group ?? parent?.group ?? groupOfText(parentText) });
      refs.set(c, a1(r + 1, c));
    } else if (parent && pc === c) {
      merged.set(c, parent);
      refs.set(c, a1(r, c));
    }
  }

  // Paired groups without 年度/中期 words (东莞: 二级 | 三级 | 指标值 | 二级 | 三级 | 计划指标值, under
  // 中期滚动目标 | 年度目标): when the name column repeats, the first group is 中期 and the last 年度.
  const names = [...merged.entries()].filter(([, cl]) => cl.role === "level3" && cl.group === null).map(([c]) => c);
  if (names.length === 2) {
    // The 年度 group starts at the first column whose role already appeared in the 中期 group.
    const seen = new Set<ColumnRole>();
    let split = names[1];
    for (const [c, cl] of [...merged.entries()].sort((a, b) => a[0] - b[0])) {
      if (cl.group !== null || cl.role === "level1") continue;
      if (seen.has(cl.role)) {
        split = Math.min(split, c);
        break;
      }
      seen.add(cl.role);
    }
    for (const [c, cl] of merged) {
      if (cl.group !== null || cl.role === "level1") continue;
      if (!["level2", "level3", "value", "operator", "unit", "description"].includes(cl.role)) continue;
      merged.set(c, { role: cl.role, group: c < split ? "mid" : "year" });
    }
  }

  // Two value columns in one group (绩效标准 | 当年预期实现值): the one whose label names 值 holds the
  // targets, the other describes them.
  for (const other of ["mid", "year"] as const) {
    const vals = [...merged.entries()].filter(([, cl]) => cl.role === "value" && cl.group !== other).map(([c]) => c);
    if (vals.length < 2) continue;
    const namesZhi = vals.filter((c) => /值/.test(labelKey(headerText(sheet, r, c, useSub))));
    if (namesZhi.length === 0 || namesZhi.length === vals.length) continue;
    for (const c of vals) if (!namesZhi.includes(c)) merged.set(c, { role: "description", group: merged.get(c)!.group });
  }

  const year: IndicatorColumns = {};
  const mid: IndicatorColumns = {};
  const cells: Partial<Record<ColumnRole, string>> = {};
  let hasMid = false;
  for (const [c, cls] of [...merged.entries()].sort((a, b) => a[0] - b[0])) {
    if (cls.group !== "mid" && year[cls.role] === undefined) {
      year[cls.role] = c;
      cells[cls.role] = refs.get(c);
    }
    if (cls.group !== "year" && mid[cls.role] === undefined) {
      mid[cls.role] = c;
      if (cls.group === "mid") hasMid = true;
    }
  }
  let cols = year;
  let midCols: IndicatorColumns | null = hasMid ? mid : null;
  if (!hasRequired(year) && hasMid && hasRequired(mid)) {
    // Only a 中期/长期 group is named: read it as the block's columns.
    cols = mid;
    midCols = null;
  }
  if (cols.level3 === undefined) {
    // No 三级 column: the levels may be shifted one to the left (一级指标 | 二级指标 | … where the 一级
    // column holds 数量指标 and the 二级 column the indicator names). The cells under the header decide.
    shiftLevels(sheet, r + (useSub ? 2 : 1), cols);
    if (midCols) shiftLevels(sheet, r + (useSub ? 2 : 1), midCols);
  }
  if (!hasRequired(cols)) return null;
  // A 指标内容 column stands for the name when there is no 三级指标 column.
  if (cols.level3 === undefined && cols.description !== undefined) {
    cols.level3 = cols.description;
    delete cols.description;
  }
  if (midCols && midCols.level3 === undefined && midCols.description !== undefined) {
    midCols.level3 = midCols.description;
    delete midCols.description;
  }
  // The 值 of a 符号 | 值 | 单位 split is the number: the whole-value column is then the split's value.

  // Project-level columns of a flat export: header cells that are key/value field labels.
  const fieldCols: Partial<Record<HeaderField, number>> = {};
  const row = sheet.values[r] ?? [];
  for (let c = c1; c <= Math.min(c2, row.length - 1); c++) {
    if (merged.has(c)) continue;
    const t = cellLabel(sheet, r, c);
    const f = t ? fieldOf(t, syn) : null;
    if (f && fieldCols[f] === undefined) fieldCols[f] = c;
  }

  let lastRow = useSub ? r + 1 : r;
  for (const c of merged.keys()) {
    const m = mergeAt(sheet, lastRow, c);
    if (m && m.r2 > lastRow && m.r2 <= lastRow + 2) lastRow = m.r2;
  }

  // A caption just above (长期绩效指标 / 年度绩效指标) gives the group of a whole block.
  let group: ColumnGroup | null = null;
  for (let rr = r - 1; rr >= Math.max(0, r - 2) && group === null; rr--) {
    for (const h of rowCells(sheet, rr)) {
      if (h.text.length > 20) continue;
      const k = labelKey(h.text);
      if (/(绩效)?指标/.test(k) && !/^[一二三]级/.test(k)) group = groupOfText(h.text);
    }
  }
  return { row: r, lastRow, dataStart: lastRow + 1, cols, mid: midCols, fieldCols, cells, group };
}

/** Text of a header cell (the sub-row's when the header has one and the cell holds text there). */
function headerText(sheet: GridSheet, r: number, c: number, useSub: boolean): string {
  return (useSub ? cellLabel(sheet, r + 1, c) : null) ?? cellLabel(sheet, r, c) ?? "";
}

/**
 * A header with 一级/二级 and a value column but no name column: when the cells of the lowest level
 * column are mostly not 二级 labels (they are indicator names), that column is the name column and the
 * level columns move one down (the 一级 column holds the 二级 labels when its cells are 二级 labels).
 * Returns false when the cells do not support the shift.
 */
function shiftLevels(sheet: GridSheet, from: number, cols: IndicatorColumns): boolean {
  if (cols.level3 !== undefined || cols.value === undefined) return true;
  const nameCol = cols.level2 ?? cols.level1;
  if (nameCol === undefined) return false;
  const sample = (c: number) => {
    const texts: string[] = [];
    for (let rr = from; rr < Math.min(sheet.values.length, from + 12) && texts.length < 8; rr++) {
      const t = displayText(sheet, rr, c);
      if (t) texts.push(t);
    }
    return texts;
  };
  const names = sample(nameCol);
  if (names.length < 2) return false;
  const asLevel = names.filter((t) => normalizeLevel2(t).known || normalizeLevel1(t).known).length;
  if (asLevel * 2 >= names.length) return false;
  cols.level3 = nameCol;
  if (nameCol === cols.level2) {
    delete cols.level2;
    if (cols.level1 !== undefined) {
      const ups = sample(cols.level1);
      const l2 = ups.filter((t) => normalizeLevel2(t).known).length;
      const l1 = ups.filter((t) => normalizeLevel1(t).known).length;
      if (l2 > l1) {
        cols.level2 = cols.level1;
        delete cols.level1;
      }
    }
  } else {
    delete cols.level1;
  }
  return true;
}

// Headers of a whole sheet per synonym table, cached per values array (grids are not mutated while
// they are read: detect, read and the “no table” description all ask for them).
const HEADERS = new WeakMap<object, Map<SynonymTable, { rows: number; headers: IndicatorHeader[] }>>();

/** Every indicator header of the sheet (or area), top to bottom; a header's sub-row is not searched again. */
export function findIndicatorHeaders(sheet: GridSheet, opts?: HeaderOptions): IndicatorHeader[] {
  if (!opts?.area) {
    const syn = opts?.synonyms ?? DEFAULT_SYNONYMS;
    let bySyn = HEADERS.get(sheet.values);
    const hit = bySyn?.get(syn);
    if (hit && hit.rows === sheet.values.length) return hit.headers.map((h) => ({ ...h, cols: { ...h.cols }, mid: h.mid ? { ...h.mid } : null }));
    const headers = scanHeaders(sheet, opts);
    if (!bySyn) {
      bySyn = new Map();
      HEADERS.set(sheet.values, bySyn);
    }
    bySyn.set(syn, { rows: sheet.values.length, headers });
    return headers.map((h) => ({ ...h, cols: { ...h.cols }, mid: h.mid ? { ...h.mid } : null }));
  }
  return scanHeaders(sheet, opts);
}

function scanHeaders(sheet: GridSheet, opts?: HeaderOptions): IndicatorHeader[] {
  const r1 = Math.max(0, opts?.area?.r1 ?? 0);
  const r2 = Math.min(sheet.values.length - 1, opts?.area?.r2 ?? Number.MAX_SAFE_INTEGER);
  const out: IndicatorHeader[] = [];
  for (let r = r1; r <= r2; r++) {
    const h = indicatorHeaderAt(sheet, r, opts);
    if (h) {
      out.push(h);
      r = h.lastRow;
    }
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------
 * Rows
 * ---------------------------------------------------------------------------------------------- */

export interface BlockCell {
  text: string;
  ref: string;
  value: CellValue;
}

export interface IndicatorRow {
  row: number;
  indicator: Indicator;
  /** The 中期/长期 group's indicator of the row (一级 shared), when the header has that group and the row fills it. */
  mid: Indicator | null;
  /** Cells of the other roles (weight, direction, actual, score, deviation, remark, kind). */
  extra: Partial<Record<ColumnRole, BlockCell>>;
  /** True when 一级 was inferred from 二级 (no 一级 written for the row). */
  level1Inferred: boolean;
}

export interface BlockReadOptions {
  /** Last row to look at (inclusive). */
  end: number;
  problems: ReadProblem[];
  synonyms?: SynonymTable;
  /** Extra stop test: true ends the block before row r. */
  stopAt?: (r: number) => boolean;
  /** Columns whose cells are not indicator data (e.g. a flat export's project columns), ignored by the stop tests. */
  ignoreCols?: number[];
}

export interface BlockResult {
  rows: IndicatorRow[];
  /** Last row that belongs to the block (the last indicator or placeholder row). */
  lastRow: number;
  /** Rows skipped as placeholders (a 二级 with no 三级 and no value, “……”, “指标1”). */
  placeholders: number[];
}

const NA = /^(?:[/／\\—–\-－─━一]+|无|不适用|暂无|空)$/;

/** “/”, “—”, “无”, “不适用”: the clerk says the cell does not apply. */
export function isNotApplicable(text: string | null | undefined): boolean {
  if (!text) return false;
  return NA.test(text.replace(/[\s\u3000]+/g, ""));
}

const PLACEHOLDER_NAME = /^(?:[…．.。、·\-—*＊]+|(?:三级)?指标(?:名称)?\s*\d*|具体指标\d*|请(?:填写|输入|选择).*|例[:：].*|如[:：].*|\d{1,2}[.、．]?|[（(]?[一二三四五六七八九十]+[）)]?)$/;

function isPlaceholderName(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, "");
  return !t || isNotApplicable(t) || PLACEHOLDER_NAME.test(t);
}

const NOTE_START = /^(?:注|说明|备注|填表|填报|审核|单位负责人|财务负责人|项目负责人|联系人|制表|经办人|附件|附表)/;
const TOTAL_ROW = /^(?:合计|总计|小计|共计)$/;
const SIGN_OFF = /^(?:填报人|填表人|制表人|单位负责人|财务负责人|项目负责人|经办人|联系电话|联系人|填报日期)(?::|$)|(?:审核|审批|初审|复核|审定)意见$|^\(盖章\)$/;

function textAt(sheet: GridSheet, r: number, c: number | undefined): BlockCell | null {
  if (c === undefined) return null;
  const text = displayText(sheet, r, c);
  if (!text) return null;
  return { text, ref: a1(r, c), value: getValue(sheet, r, c) };
}

function sameColumns(a: IndicatorColumns, b: IndicatorColumns): boolean {
  const ka = Object.keys(a).sort().join(",");
  const kb = Object.keys(b).sort().join(",");
  return ka === kb && Object.keys(a).every((k) => a[k as ColumnRole] === b[k as ColumnRole]);
}

/** The block's framework: 2021 when 成本指标 stands as a 一级 or a 2021 成本 二级 appears. */
function frameworkOf(sheet: GridSheet, header: IndicatorHeader, end: number): Framework {
  const c = header.cols;
  for (let r = header.dataStart; r <= Math.min(end, header.dataStart + 200); r++) {
    if (c.level1 !== undefined) {
      const t = displayText(sheet, r, c.level1);
      if (t && normalizeLevel1(t).key === "cost") return "2021";
    }
    if (c.level2 !== undefined) {
      const k = normalizeLevel2(displayText(sheet, r, c.level2)).key;
      if (k === "economicCost" || k === "socialCost" || k === "ecologicalCost") return "2021";
    }
  }
  return "2015";
}

export function targetOf(sheet: GridSheet, r: number, cols: IndicatorColumns, source: Record<string, string>): { target: Target; parts: Indicator["targetParts"] } {
  const vCol = cols.value;
  const valueText = vCol === undefined ? "" : formattedText(sheet, r, vCol);
  if (vCol !== undefined) source.target = a1(r, vCol);
  if (cols.operator !== undefined || cols.unit !== undefined) {
    let symbol = cols.operator !== undefined ? displayText(sheet, r, cols.operator) : "";
    const unit = cols.unit !== undefined ? displayText(sheet, r, cols.unit) : "";
    if (cols.operator !== undefined) source["target.symbol"] = a1(r, cols.operator);
    if (cols.unit !== undefined) source["target.unit"] = a1(r, cols.unit);
    // 指标性质 sometimes says 定量/定性 (or 正向/反向): not an operator.
    if (symbol && !normalizeOperator(symbol)) symbol = "";
    const parts = { symbol, value: valueText, unit: isNotApplicable(unit) ? "" : unit };
    if (isNotApplicable(valueText)) return { target: emptyTarget(valueText), parts };
    return { target: parseTargetParts(parts.symbol, parts.value, parts.unit), parts };
  }
  if (isNotApplicable(valueText)) return { target: emptyTarget(valueText), parts: null };
  return { target: parseTarget(valueText), parts: null };
}

function isStopRow(sheet: GridSheet, r: number, header: IndicatorHeader, syn: SynonymTable, ignore: Set<number>): "stop" | "header" | null {
  const cells = rowCells(sheet, r).filter((h) => !ignore.has(h.c));
  if (cells.length === 0) return null;
  const first = cells[0];
  if (TOTAL_ROW.test(labelKey(first.text))) return "stop";
  if (cells.length <= 2) {
    for (const h of cells) {
      if (parseTableTitle(h.text) || parseMoneyUnitLine(h.text) !== null) return "stop";
    }
    // “312001 某单位” or “312001 某单位  单位：万元”: the next table's unit line — first on its row and
    // outside the value columns, and not a quantity (“20000平方米” is a value).
    const valueCols = [header.cols.value, header.cols.unit, header.cols.operator, header.cols.weight];
    if (!valueCols.includes(first.c)) {
      const u = parseUnitLine(first.text.replace(/[\s\u3000]*(?:金额)?单位\s*[:：].*$/, ""));
      if (u && !lookupUnit(u.name) && matchUnitPrefix(u.name)?.length !== u.name.length) return "stop";
    }
    if (cells.length === 1 && NOTE_START.test(labelKey(first.text)) && first.text.length > 3) return "stop";
  }
  // Sign-off rows under the table: 填报人 / 单位负责人 / 联系电话, 审核意见 …（盖章）.
  if (cells.some((h) => SIGN_OFF.test(labelKey(h.text)))) return "stop";
  // A key/value label (项目名称, 主管部门, 资金总额, …) starts the next table's header area.
  for (const h of cells) {
    if (h.text.length > 20) continue;
    const f = fieldOf(h.text, syn);
    if (f && f !== "indicatorBlock" && f !== "purpose" && f !== "basis") {
      // Flat exports repeat nothing of the kind; a single word like 其他 in a data cell is no label.
      if (f === "other" || f === "fiscal") continue;
      return "stop";
    }
  }
  const h = indicatorHeaderAt(sheet, r, { synonyms: syn });
  if (h) return sameColumns(h.cols, header.cols) ? "header" : "stop";
  return null;
}

/**
 * The indicator rows under a header (see the module comment). Never throws on odd cells; problems
 * (a row without 二级, a 一级 that is no known label) are added to opts.problems with their cells.
 */
export function readIndicatorBlock(sheet: GridSheet, header: IndicatorHeader, opts: BlockReadOptions): BlockResult {
  const syn = opts.synonyms ?? DEFAULT_SYNONYMS;
  const c = header.cols;
  const ignore = new Set(opts.ignoreCols ?? []);
  const framework = frameworkOf(sheet, header, opts.end);
  const rows: IndicatorRow[] = [];
  const placeholders: number[] = [];
  let lastRow = header.lastRow;
  let cur1: BlockCell | null = null;
  let cur2: BlockCell | null = null;
  let mid2: BlockCell | null = null;
  const consumed = new Set<string>();
  const levelCell = (r: number, col: number | undefined, normalize: (raw: string) => { known: boolean }): BlockCell | null => {
    const cell = textAt(sheet, r, col);
    if (!cell || consumed.has(cell.ref)) return null;
    if (normalize(cell.text).known) return cell;
    const j = joinWrappedLabel(sheet, r, col!, opts.end, normalize);
    if (!j.contRef) return cell;
    consumed.add(j.contRef);
    return { ...cell, text: j.text };
  };
  const dataCols = Object.entries(c)
    .filter(([role]) => role !== "level1")
    .map(([, col]) => col as number);

  for (let r = header.dataStart; r <= opts.end; r++) {
    if (isRowEmpty(sheet, r)) continue;
    if (opts.stopAt?.(r)) break;
    const stop = isStopRow(sheet, r, header, syn, ignore);
    if (stop === "stop") break;
    if (stop === "header") {
      // The header repeated after a page break.
      const again = indicatorHeaderAt(sheet, r, { synonyms: syn });
      r = again ? again.lastRow : r;
      continue;
    }
    // A row with nothing in the indicator columns (only project columns of a flat export, or a stray
    // note) is not an indicator; a merged 一级 alone on its row is neither.
    // 一级/二级 labels wrapped over two rows by a PDF conversion (“产出指” + “标”) are joined; the tail
    // cell is no label of its own.
    const l1 = levelCell(r, c.level1, normalizeLevel1);
    const l2 = levelCell(r, c.level2, normalizeLevel2);
    const tailsOnly = rowCells(sheet, r).every((h) => consumed.has(h.ref) || ignore.has(h.c));
    if (tailsOnly) continue;
    const anyData = dataCols.some((col) => !isEmptyCell(sheet, r, col) && !consumed.has(a1(r, col)));
    if (!anyData) {
      if (l1) {
        const n = normalizeLevel1(l1.text);
        if (n.known) {
          cur1 = l1;
          cur2 = null;
          lastRow = r;
          continue;
        }
      }
      // Something outside the indicator columns: a flat export's department total row, or text that
      // ends the table.
      const others = rowCells(sheet, r).filter((h) => !ignore.has(h.c));
      // (Text alone in the 一级 column that is no 一级 label is the 说明 under the table.)
      if (others.length > 0) break;
      continue;
    }
    lastRow = r;
    if (l1) {
      // 一级 repeated on every row keeps the carried 二级; a new 一级 starts a new group.
      if (!cur1 || labelKey(l1.text) !== labelKey(cur1.text)) cur2 = null;
      cur1 = l1;
    }
    const name = textAt(sheet, r, c.level3);
    const valueCell = textAt(sheet, r, c.value);
    if (l2) cur2 = l2;
    else if (cur2 && (name || (c.level2 !== undefined && isMergeSlave(sheet, r, c.level2)))) {
      // carried
    } else cur2 = null;

    // A section row: the name column holds a 一级/二级 label and nothing else is filled.
    if (name && !valueCell && !l2) {
      const n1 = normalizeLevel1(name.text);
      const n2 = normalizeLevel2(name.text);
      if (n1.known && !n2.known) {
        cur1 = name;
        cur2 = null;
        continue;
      }
      if (n2.known && c.level2 === undefined) {
        cur2 = name;
        continue;
      }
    }

    const valueText = valueCell?.text ?? "";
    const valueBlank = !valueText || isNotApplicable(valueText);
    if (!name || isPlaceholderName(name.text)) {
      if (valueBlank) {
        placeholders.push(r);
        continue;
      }
    }

    const source: Record<string, string> = {};
    const n1raw = cur1?.text ?? "";
    let n1 = normalizeLevel1(n1raw);
    const n2 = normalizeLevel2(cur2?.text ?? "");
    let level1Inferred = false;
    let level1Label = n1.label;
    let level1Raw: string | null = cur1 && cur1.text !== n1.label ? cur1.text : null;
    if (!cur1 && n2.key) {
      const k: Level1Key | null = level1OfLevel2(framework, n2.key);
      if (k) {
        level1Label = LEVEL1[k];
        n1 = { key: k, label: level1Label, known: true, normalised: false };
        level1Inferred = true;
        level1Raw = null;
      }
    } else if (cur1) source.level1 = cur1.ref;
    if (cur2) source.level2 = cur2.ref;
    if (c.level3 !== undefined) source.name = a1(r, c.level3);
    const { target, parts } = targetOf(sheet, r, c, source);
    const opt = (role: "description" | "basis" | "scoring"): string | null => {
      const col = c[role];
      if (col === undefined) return null;
      source[role] = a1(r, col);
      return displayText(sheet, r, col) || null;
    };
    const indicator: Indicator = {
      level1: level1Label,
      level2: n2.label,
      name: name?.text ?? "",
      description: opt("description"),
      target,
      targetParts: parts,
      basis: opt("basis"),
      scoring: opt("scoring"),
      level1Raw,
      level2Raw: cur2 && cur2.text !== n2.label ? cur2.text : null,
      source,
    };
    if (c.level2 !== undefined && !cur2) {
      opts.problems.push({ severity: "warning", sheet: sheet.name, cell: a1(r, c.level2), message: `工作表“${sheet.name}”${a1(r, c.level2)}：该指标行没有二级指标（level-2 label missing）` });
    }
    if (!cur1 && !level1Inferred && c.level1 !== undefined) {
      opts.problems.push({ severity: "warning", sheet: sheet.name, cell: a1(r, c.level1), message: `工作表“${sheet.name}”${a1(r, c.level1)}：该指标行之上没有一级指标（level-1 label missing）` });
    }

    // The 中期 group of the same row.
    let mid: Indicator | null = null;
    if (header.mid) {
      const m = header.mid;
      const ml2 = m.level2 !== c.level2 ? textAt(sheet, r, m.level2) : null;
      if (ml2) mid2 = ml2;
      const mname = m.level3 !== c.level3 ? textAt(sheet, r, m.level3) : null;
      const mval = m.value !== c.value ? textAt(sheet, r, m.value) : null;
      if (mname || mval) {
        const msrc: Record<string, string> = {};
        if (source.level1) msrc.level1 = source.level1;
        if (mid2) msrc.level2 = mid2.ref;
        if (mname) msrc.name = mname.ref;
        const mt = targetOf(sheet, r, { value: m.value, operator: m.operator !== c.operator ? m.operator : undefined, unit: m.unit !== c.unit ? m.unit : undefined }, msrc);
        const m2 = normalizeLevel2(mid2?.text ?? "");
        mid = {
          ...indicator,
          level2: m2.label,
          level2Raw: mid2 && mid2.text !== m2.label ? mid2.text : null,
          name: mname?.text ?? "",
          description: null,
          target: mt.target,
          targetParts: mt.parts,
          basis: null,
          scoring: null,
          source: msrc,
        };
      }
    }

    const extra: Partial<Record<ColumnRole, BlockCell>> = {};
    for (const role of ["weight", "direction", "actual", "score", "deviation", "remark", "kind"] as const) {
      const cell = textAt(sheet, r, c[role]);
      if (cell) extra[role] = cell;
    }
    rows.push({ row: r, indicator, mid, extra, level1Inferred });
  }
  return { rows, lastRow, placeholders };
}
