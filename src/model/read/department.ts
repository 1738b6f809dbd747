/**
 * The department part of a 部门预算绩效文本 (第一部分 部门整体绩效目标), when a sheet holds it:
 *   一、总体绩效目标   one or more paragraphs
 *   二、分项绩效目标   items — “一、维护国家安全：…” with sub-items “1、国内安全保卫：…” (seed 000), or
 *                      “（一）…项目” followed by “绩效目标：…” and “绩效指标：…” lines (seed 001)
 *   三、工作保障措施   paragraphs
 * Laid out as a clerk would paste it: one paragraph per row, text in the first non-empty cell of the
 * row. The cover lines above it (“卢龙县公安局”, “2023 年部门预算绩效文本”) give the department
 * name, the title and the budget year.
 */
import type { GridSheet } from "../grid";
import type { Overview, OverviewItem } from "../schema";
import type { SheetReadResult } from "./types";
import { filledCells, findYearInText, labelKey, lastUsedCol, parseTableTitle, parseUnitLine, rangeRef, rowCells, trimText } from "./labels";
import { a1 } from "../grid";
import type { z } from "zod";

type Item = z.infer<typeof OverviewItem>;

type Section = "summary" | "items" | "safeguards";

// Seed 002 numbers them “一、”, “2、”, “3、”: Arabic numerals are accepted too.
const SECTION_HEADS: { section: Section; key: RegExp }[] = [
  { section: "summary", key: /^(?:(?:[一二三四五六七八九十]+|\d{1,2})[,.]|\(?[一二三]\)?)?总体绩效目标$/ },
  { section: "items", key: /^(?:(?:[一二三四五六七八九十]+|\d{1,2})[,.]|\(?[一二三]\)?)?分项绩效目标$/ },
  { section: "safeguards", key: /^(?:(?:[一二三四五六七八九十]+|\d{1,2})[,.]|\(?[一二三]\)?)?工作保障措施$/ },
];

/** What labelKey drops (its whitespace class). */
const KEY_SPACE = /[\s\u3000\u00a0\u200b\ufeff]/;

export function sectionOf(text: string): Section | null {
  // Every heading ends in 目标 or 措施, and labelKey keeps a text's last visible character as it is: a
  // paragraph ending otherwise (most do, in 。) needs no key.
  let end = text.length - 1;
  while (end >= 0 && KEY_SPACE.test(text[end])) end--;
  if (end < 0 || (text[end] !== "标" && text[end] !== "施")) return null;
  const k = labelKey(text);
  for (const h of SECTION_HEADS) if (h.key.test(k)) return h.section;
  return null;
}

/** “一、维护国家安全：维护…” (top-level item) → {title, rest}. */
const TOP_ITEM = /^([一二三四五六七八九十]+)[、.．]\s*([^：:。]{1,40})[：:]\s*([\s\S]*)$/;
/** “（一）乐亭县公安局办案业务费及业务装备费项目” */
const PAREN_ITEM = /^[（(]([一二三四五六七八九十]+)[）)]\s*([\s\S]+)$/;
const GOAL_LINE = /^绩效目标[：:]\s*([\s\S]*)$/;
const INDICATOR_LINE = /^绩效指标[：:]\s*([\s\S]*)$/;

/** Stop words: the part headings around the department part. */
function isPartHeading(text: string): boolean {
  const k = labelKey(text);
  return /^第[一二三四五]部分/.test(k) || k === "部门整体绩效目标" || k === "预算项目绩效目标" || k === "目录";
}

export function readDepartmentPart(sheet: GridSheet): SheetReadResult | null {
  // Paragraph rows: a single text cell per row (a table row has several).
  const paras: { r: number; c: number; text: string }[] = [];
  let hasHead = false;
  for (let r = 0; r < sheet.values.length; r++) {
    // Counted before any cell's text is built: most rows of most sheets are table rows, not paragraphs.
    const filled = filledCells(sheet, r);
    if (filled === 0) continue;
    if (filled > 1) {
      // A table started: the department part (if any) is above it.
      if (hasHead) break;
      continue;
    }
    const cells = rowCells(sheet, r);
    const text = trimText(cells[0].text);
    if (!text) continue;
    // A project table's heading or unit line ends the department part.
    if (hasHead && (parseTableTitle(text) || parseUnitLine(text))) break;
    if (sectionOf(text)) hasHead = true;
    paras.push({ r, c: cells[0].c, text });
  }
  if (!hasHead) return null;

  const summary: string[] = [];
  const safeguards: string[] = [];
  const items: Item[] = [];
  let section: Section | null = null;
  let firstRow = -1;
  let lastRow = -1;
  let title: string | null = null;
  let fiscalYear: number | null = null;
  let deptName: string | null = null;
  const cover: string[] = [];
  let pendingLabel = false; // seed 001 repeats the section name on its own line under the heading
  const cells: Record<string, string> = {};

  for (const p of paras) {
    const sec = sectionOf(p.text);
    if (sec) {
      section = sec;
      pendingLabel = true;
      if (firstRow < 0) firstRow = p.r;
      lastRow = p.r;
      continue;
    }
    if (section === null) {
      if (!isPartHeading(p.text)) cover.push(p.text);
      continue;
    }
    // 第二部分 (专项资金, 预算项目) follows the department part: it ends here (seed 002 pastes
    // “第二部分 / 专项资金绩效目标 / 我部门2022年无专项资金。” right under the safeguards).
    if (isPartHeading(p.text)) {
      if (/^第[二三四五]部分/.test(labelKey(p.text))) break;
      continue;
    }
    lastRow = p.r;
    if (pendingLabel && labelKey(p.text) === labelKey(section === "summary" ? "总体绩效目标" : section === "items" ? "分项绩效目标" : "工作保障措施")) {
      pendingLabel = false;
      continue;
    }
    pendingLabel = false;
    if (section === "summary") {
      if (!summary.length) cells.summary = a1(p.r, p.c);
      summary.push(p.text);
    } else if (section === "safeguards") {
      if (!safeguards.length) cells.safeguards = a1(p.r, p.c);
      safeguards.push(p.text);
    } else {
      const top = TOP_ITEM.exec(p.text);
      const paren = PAREN_ITEM.exec(p.text);
      const goal = GOAL_LINE.exec(p.text);
      const ind = INDICATOR_LINE.exec(p.text);
      const last = items[items.length - 1];
      if (goal && last) last.goal = last.goal ? `${last.goal}\n${goal[1]}` : goal[1];
      else if (ind && last) last.indicators = last.indicators ? `${last.indicators}\n${ind[1]}` : ind[1];
      else if (top || paren) {
        cells[`items.${items.length}`] = a1(p.r, p.c);
        if (top) items.push({ title: trimText(top[2]), goal: trimText(top[3]) || null, indicators: null });
        else items.push({ title: trimText(paren![2]), goal: null, indicators: null });
      } else if (last) last.goal = last.goal ? `${last.goal}\n${p.text}` : p.text; // sub-items, page-break continuations
      else {
        cells[`items.${items.length}`] = a1(p.r, p.c);
        items.push({ title: p.text, goal: null, indicators: null });
      }
    }
  }

  // Cover: department name, document title and year (“卢龙县公安局” / “2023 年部门预算绩效文本”).
  for (const line of cover) {
    const y = findYearInText(line);
    if (y !== null && fiscalYear === null) {
      fiscalYear = y;
      title = line.replace(/\s+/g, " ");
    } else if (!deptName && /(局|委|院|办|厅|部|所|队|中心|政府|委员会)$/.test(line) && line.length <= 30) deptName = line;
  }

  const overview: Overview = {
    summary: summary.length ? summary.join("\n") : null,
    items,
    safeguards: safeguards.length ? safeguards.join("\n") : null,
    source: { sheet: sheet.name, range: firstRow >= 0 ? rangeRef(firstRow, 0, lastRow, lastUsedCol(sheet, firstRow, lastRow)) : null, cells },
  };
  return {
    projects: [],
    overview,
    fiscalYear,
    title,
    department: deptName ? { code: null, name: deptName } : undefined,
    problems: [],
  };
}
