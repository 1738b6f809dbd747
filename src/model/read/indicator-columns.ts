/**
 * The whole-form readers' view of an indicator block (indicator-block.ts finds and reads it): the
 * indicators with the self-evaluation cells of each row (实际完成值, 分值/权重, 得分, 偏差原因) put
 * beside the target, and the 中期 group kept apart.
 */
import type { GridSheet } from "../grid";
import { a1 } from "../grid";
import type { Indicator } from "../schema";
import { parseTarget } from "../value";
import type { ReadProblem } from "./types";
import { problem } from "./chengde";
import { findIndicatorHeaders, indicatorHeaderAt, readIndicatorBlock, type BlockCell, type IndicatorHeader } from "./indicator-block";
import { classifyColumn, DEFAULT_SYNONYMS, type SynonymTable } from "./synonyms";
import { formatAt, rowCells } from "./labels";
import { numberAt } from "./form-cells";

export type FormIndicatorHeader = IndicatorHeader;

/**
 * The first indicator header between rows `from` and `to`. A row right above the header that names a
 * single column word (“实际完成情况 | <text>” of a 自评表's stacked goals) is not the header's top row:
 * the header is the row under it.
 */
export function findFormIndicatorHeader(sheet: GridSheet, from: number, to: number, syn: SynonymTable = DEFAULT_SYNONYMS): FormIndicatorHeader | null {
  const h = findIndicatorHeaders(sheet, { area: { r1: from, r2: to }, synonyms: syn })[0] ?? null;
  if (!h || h.lastRow <= h.row) return h;
  const top = rowCells(sheet, h.row);
  const named = top.filter((c) => classifyColumn(c.text, syn)).length;
  if (named <= 1 && top.length > named) return indicatorHeaderAt(sheet, h.row + 1, { synonyms: syn }) ?? h;
  return h;
}

export interface FormIndicators {
  indicators: Indicator[];
  /** The 中期/长期 group's indicators, when the header pairs one with the 年度 group. */
  mid: Indicator[];
  lastRow: number;
  placeholders: number;
}

/** Indicator rows under the header (up to `end`), actual / weight / score / deviation where the header has those columns. */
export function readFormIndicators(sheet: GridSheet, h: FormIndicatorHeader, end: number, problems: ReadProblem[], syn: SynonymTable = DEFAULT_SYNONYMS): FormIndicators {
  const res = readIndicatorBlock(sheet, h, { end, problems, synonyms: syn });
  const indicators: Indicator[] = [];
  const mid: Indicator[] = [];
  for (const row of res.rows) {
    const ind = row.indicator;
    addExtras(sheet, row.row, h, row.extra, ind, problems);
    indicators.push(ind);
    if (row.mid) mid.push(row.mid);
  }
  return { indicators, mid, lastRow: res.lastRow, placeholders: res.placeholders.length };
}

function addExtras(sheet: GridSheet, r: number, h: FormIndicatorHeader, extra: Partial<Record<string, BlockCell>>, ind: Indicator, problems: ReadProblem[]): void {
  const cols = h.cols;
  const num = (col: number | undefined, key: "weight" | "score", what: string) => {
    if (col === undefined) return;
    const n = numberAt(sheet, r, col);
    ind[key] = n.value;
    ind.source[key] = n.ref;
    if (n.bad) problems.push(problem("warning", sheet, n.ref, `${what}“${n.bad}”不是数字，未读取（not a number）`));
  };
  num(cols.weight, "weight", "分值");
  num(cols.score, "score", "得分");
  if (cols.actual !== undefined) {
    const cell = extra.actual;
    // Numbers go to parseTarget as numbers, so a 0%-formatted 1 reads 100 %.
    ind.actual = cell ? parseTarget(typeof cell.value === "number" ? cell.value : cell.text, { numberFormat: formatAt(sheet, r, cols.actual) }) : parseTarget("");
    ind.source.actual = cell?.ref ?? a1(r, cols.actual);
  }
  if (cols.deviation !== undefined) {
    ind.deviation = extra.deviation?.text || null;
    if (extra.deviation) ind.source.deviation = extra.deviation.ref;
  }
}
