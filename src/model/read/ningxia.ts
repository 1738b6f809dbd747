/**
 * Ningxia layout (seed 004, 平罗县公安局): the provincial “部门项目支出预算绩效目标表”, laid out as
 *
 *   部门项目支出预算绩效目标表
 *   (2024 年度)
 *   项目名称        | <name>
 *   主管部门及代码  | 平罗县公安局 019001 | 实施单位 | 平罗县公安局
 *   项目属性        | 0101—一年期项目     | 项目期   | 1 年
 *   项目资金 (万元) | 年度资金总额:  | 50 万元
 *                   | 其中: 财政拨款 | 50 万元
 *                   | 其他资金       |
 *   年度总体目标    | <free text, sometimes “目标 1: … 目标 2: …”>
 *   名称 | 一级指标 | 二级指标 | 三级指标 | 指标值
 *   绩效指标 | 产出指标 | 数量指标 | <三级> | <值>     (一级/二级 on the first row of their group)
 *
 * No project code, no spend plan, no 绩效指标描述 and no 依据. Several tables usually stand on one
 * sheet, and label/value cells shift by a column between tables, so every value is found right of
 * its label. PDF conversions leave blank rows inside tables and labels wrapped over two rows
 * (“产出指” + “标”); both are tolerated.
 */
import type { Grid, GridSheet } from "../grid";
import { a1, mergeAt } from "../grid";
import type { CodeName, Project } from "../schema";
import type { LayoutReader, ReadProblem, SheetReadResult } from "./types";
import {
  type CellHit,
  type ColumnSpec,
  columnMap,
  findContaining,
  findLabel,
  findLabels,
  hasLabel,
  labelKey,
  lastUsedCol,
  matchesLabel,
  rangeRef,
  rowCells,
  splitTables,
  trimText,
  valueRightOf,
  type Area,
  labeledText,
} from "./labels";
import { problem, readBudgetBlock, readIndicators, type IndicatorCol, type IndicatorHeader } from "./chengde";

const L = {
  name: /^项目名称:?$/,
  competent: /^主管部门(?:及代码|名称)?:?$/,
  implementing: /^实施单位(?:名称)?:?$/,
  attribute: /^项目属性:?$/,
  period: /^项目期(?:限)?:?$/,
  funds: /^项目资金/,
  total: /^(?:年度)?资金总额(?:\(万元\))?:?$/,
  fiscal: /^(?:其中:?)?财政拨款(?:\(万元\))?:?$/,
  other: /^(?:其中:?)?其他资金(?:\(万元\))?:?$/,
  goals: /^(?:年度)?(?:总体)?(?:绩效)?目标:?$/,
  title: /绩效目标表$/,
  year: /^\(?(\d{4})年度\)?$/,
} as const;

const ALL_LABELS = [L.name, L.competent, L.implementing, L.attribute, L.period, L.funds, L.total, L.fiscal, L.other, L.goals];
const isLabel = (h: CellHit) => typeof h.value === "string" && ALL_LABELS.some((p) => matchesLabel(h.value as string, p));

const HEADER: readonly ColumnSpec<IndicatorCol>[] = [
  { key: "level1", pattern: "一级指标", required: true },
  { key: "level2", pattern: "二级指标", required: true },
  { key: "name", pattern: "三级指标", required: true },
  { key: "target", pattern: /^(?:指标值|目标值)(?:\(.*\))?$/, required: true },
  { key: "description", pattern: /^(?:绩效)?指标(?:内容|描述|解释)$/ },
  { key: "basis", pattern: /确定依据$|^依据$/ },
];

function detect(sheet: GridSheet): boolean {
  if (!hasLabel(sheet, L.competent) || !hasLabel(sheet, "一级指标") || !hasLabel(sheet, "三级指标")) return false;
  // The provincial form heads its indicator block with 名称 | 一级指标 | …; other provinces' forms that
  // share 主管部门 and 三级指标 (Hunan's 绩效目标申报表 …) are left to the header-driven reader.
  if (!hasLabel(sheet, /^名称$/)) return false;
  // Any one of the form's own labels besides 主管部门 (a table may lack 年度总体目标).
  return hasLabel(sheet, L.goals) || hasLabel(sheet, L.attribute) || hasLabel(sheet, L.total);
}

function isPreamble(sheet: GridSheet, r: number): boolean {
  return rowCells(sheet, r).some((h) => matchesLabel(h.text, L.title) || matchesLabel(h.text, L.year));
}

/** “平罗县公安局 019001” (or “019001 平罗县公安局”, “平罗县公安局（019001）”) → {code, name}. */
export function parseCodeName(text: string | null): CodeName | null {
  if (!text) return null;
  const t = trimText(text);
  let m = /^([\s\S]*?)[\s\u3000]*[(（]?(\d{3,12})[)）]?$/.exec(t);
  if (m && m[1]) return { code: m[2], name: trimText(m[1]) };
  m = /^(\d{3,12})[\s\u3000]*([\s\S]+)$/.exec(t);
  if (m) return { code: m[1], name: trimText(m[2]) };
  return { code: null, name: t };
}

/** “0101—一年期项目” / “0101-一年期项目” → {code: "0101", name: "一年期项目"}. */
export function parseAttribute(text: string | null): CodeName | null {
  if (!text) return null;
  const t = trimText(text);
  const m = /^(\d{2,6})[\s\u3000]*[—–\-－~～―]+[\s\u3000]*([\s\S]+)$/.exec(t);
  if (m) return { code: m[1], name: trimText(m[2]) };
  return { code: null, name: t };
}

/** “目标 1: … 目标 2: …” → the targets (markers dropped); free text without markers → one goal. */
export function splitGoals(text: string | null): string[] {
  if (!text) return [];
  const t = trimText(text);
  const marker = /目标[\s\u3000]*\d+[\s\u3000]*[:：、.．]/g;
  const idx: { at: number; len: number }[] = [];
  for (let m = marker.exec(t); m; m = marker.exec(t)) idx.push({ at: m.index, len: m[0].length });
  if (idx.length === 0) return [t];
  const out: string[] = [];
  // Text before the first marker (“通过对全县禁毒工作的经费保障, 确保达到:”) is kept as its own item,
  // as hebei.ts does, so nothing the clerk wrote is lost.
  const head = trimText(t.slice(0, idx[0].at));
  if (head) out.push(head);
  idx.forEach((m, i) => {
    const body = trimText(t.slice(m.at + m.len, i + 1 < idx.length ? idx[i + 1].at : t.length));
    if (body) out.push(body);
  });
  return out;
}

function read(sheet: GridSheet, _grid: Grid): SheetReadResult {
  const problems: ReadProblem[] = [];
  const projects: Project[] = [];
  const anchors = findLabels(sheet, L.name).map((h) => h.r);
  const blocks = splitTables(sheet, anchors, { isPreamble, maxPreamble: 6 });
  let fiscalYear: number | null = null;
  let docTitle: string | null = null;
  for (const b of blocks) {
    try {
      const t = readTable(sheet, b.start, b.anchor, b.end, problems);
      projects.push(t.project);
      fiscalYear ??= t.year;
      docTitle ??= t.docTitle;
    } catch (e) {
      problems.push(problem("error", sheet, a1(b.anchor, 0), `读取该项目表时出错，已跳过：${e instanceof Error ? e.message : String(e)}（table skipped）`));
    }
  }
  const dept = projects.find((p) => p.competentDepartment)?.competentDepartment ?? null;
  return { projects, fiscalYear, title: docTitle, department: dept ?? undefined, problems };
}

function readTable(sheet: GridSheet, start: number, anchor: number, end: number, problems: ReadProblem[]): { project: Project; year: number | null; docTitle: string | null } {
  const cells: Record<string, string> = {};
  const lastCol = lastUsedCol(sheet, start, end);
  let header: IndicatorHeader | null = null;
  for (let r = anchor; r <= end && !header; r++) {
    const m = columnMap(sheet, r, HEADER, { c2: lastCol });
    if (m) header = { row: r, dataStart: (mergeAt(sheet, r, m.cols.level1 ?? 0)?.r2 ?? r) + 1, cols: m.cols, sub: null };
  }
  const headEnd = header ? header.row - 1 : end;
  const area: Area = { r1: start, r2: headEnd };

  // Preamble: the form's title nearest the table, “(2024 年度)”, and above the first table possibly
  // the attachment's own title (“附件 2：平罗县公安局项目支出预算绩效目标表”).
  let title: string | null = null;
  let year: number | null = null;
  let docTitle: string | null = null;
  let titleRow: number | null = null;
  for (let r = anchor - 1; r >= start; r--) {
    for (const h of rowCells(sheet, r)) {
      if (matchesLabel(h.text, L.title)) {
        if (title === null) {
          title = h.text;
          titleRow = r;
          cells.title = h.ref;
        } else docTitle ??= h.text;
      }
      const y = L.year.exec(labelKey(h.text));
      if (y && year === null) {
        year = Number(y[1]);
        cells.fiscalYear = h.ref;
      }
    }
  }

  const field = (label: RegExp, key: string): string | null => labeledText(sheet, area, label, key, cells, isLabel);

  const name = field(L.name, "name");
  if (!name) problems.push(problem("warning", sheet, cells.name ?? a1(anchor, 0), "未填写项目名称（project name missing）"));
  const competentDepartment = parseCodeName(field(L.competent, "competentDepartment"));
  const implementingUnit = field(L.implementing, "implementingUnit");
  const attribute = parseAttribute(field(L.attribute, "attribute"));
  const period = field(L.period, "period");

  const fundsLabel = findLabel(sheet, L.funds, area);
  if (fundsLabel) cells.budget = fundsLabel.ref; // 项目资金 labels the whole budget block
  const budget = readBudgetBlock(sheet, area, anchor, { total: L.total, fiscal: L.fiscal, other: L.other }, { total: "年度资金总额", fiscal: "财政拨款" }, isLabel, cells, problems);

  // 年度总体目标: right of the label, or under it when the label heads a merged block.
  let goals: string[] = [];
  const gl = findLabel(sheet, L.goals, area);
  if (gl) {
    cells.goals = gl.ref;
    let hit = valueRightOf(sheet, gl.r, gl.c, { stopAt: isLabel });
    if (!hit && gl.r + 1 <= headEnd) hit = rowCells(sheet, gl.r + 1).find((h) => !isLabel(h)) ?? null;
    if (hit) {
      goals = splitGoals(hit.text);
      // All goals come from one cell.
      goals.forEach((_, i) => (cells[`goals.${i}`] = hit!.ref));
    }
  }

  // Block-level findings (e.g. no 效益指标) land on the 一级指标 header (right of 名称), not on the title.
  if (header && header.cols.level1 !== undefined) cells.indicators = a1(header.row, header.cols.level1);
  const ind = header ? readIndicators(sheet, header, end, problems, { joinNameFragments: true }) : { indicators: [], lastRow: end };
  if (!header) problems.push(problem("error", sheet, a1(anchor, 0), "未找到指标表头（一级指标/二级指标/三级指标/指标值），该项目没有读出指标（indicator header missing）"));

  const project: Project = {
    seq: 0,
    title,
    code: null,
    name,
    unit: { code: null, name: null },
    competentDepartment,
    implementingUnit,
    attribute,
    period,
    budget,
    purpose: null,
    spendPlan: null,
    goals,
    indicators: ind.indicators,
    redacted: findContaining(sheet, "此项目文件涉密", { r1: start, r2: end }).length > 0,
    layout: "ningxia",
    // The range starts at the form's own title: the attachment's title above table 1 is the document's.
    source: { sheet: sheet.name, range: rangeRef(titleRow ?? start, 0, ind.lastRow, lastCol), cells },
  };
  return { project, year, docTitle };
}

export const ningxiaReader: LayoutReader = {
  layout: "ningxia",
  detect: (sheet) => detect(sheet),
  read: (sheet, grid) => read(sheet, grid),
};
