/**
 * The JXMB worksheet template, described ONCE as data. The renderer (render.ts) draws it from a
 * document; the template reader (read/template.ts) locates fields through the same description (or
 * through the defined names it declares), so no other module knows where a field sits.
 *
 * Shape (Hebei style, what clerks already know from the printed 绩效目标表):
 *   部门    department code/name, 预算年度, profile, 总体/分项绩效目标, 工作保障措施, template version
 *   汇总    one row per project (formulas pull 编码/名称/预算数/校验 from the project sheets), 合计 = SUM,
 *           declared totals (department and units) checked against the sum
 *   <项目>  one sheet per project: the Hebei table + a 校验 column of native formulas
 *   _lists  hidden: 一级/二级 lists (from taxonomy.ts) behind the drop-downs and the pair check
 *
 * Coordinates are 0-based (row, col) as in grid.ts. Named ranges are the template ↔ model contract
 * (as in EFRAG's VSME template): external tools should use them, not the coordinates.
 */
import { a1 } from "../grid";

/** Bumped when a cell moves or a field is added; stored in the workbook (name + 部门 cell). */
export const TEMPLATE_VERSION = "JXMB-TEMPLATE-1.1";
/** Prefix every template version starts with; the reader accepts any 1.x. */
export const TEMPLATE_VERSION_PREFIX = "JXMB-TEMPLATE-1.";

export const SHEET_DEPARTMENT = "部门";
export const SHEET_SUMMARY = "汇总";
export const SHEET_LISTS = "_lists";

/** Hidden machine column on every template sheet: JSON with what the visible cells cannot carry. */
export const META_PREFIX = "JXMB:";

/** Semantic style of a cell; the writers map roles to fonts, fills and borders. */
export type StyleRole =
  | "title" // sheet title
  | "label" // fixed label text (grey)
  | "header" // table header row
  | "input" // free text input
  | "inputGroup" // 一级/二级 input: no horizontal borders (a group's top border comes from groupFormats)
  | "inputGroupLast" // the block's last 一级/二级 cell: closes the group with a bottom border
  | "money" // amount input (万元)
  | "percent" // spend-plan input
  | "number" // other numeric input (year)
  | "check" // in-sheet check result
  | "status" // sheet status (bold check)
  | "note" // help text
  | "formula" // pulled value (read-only look)
  | "meta"; // hidden machine data

export interface Spot {
  r: number;
  c: number;
  /** Last column of a horizontal merge (inclusive). */
  c2?: number;
  /** Last row of a vertical merge (inclusive). */
  r2?: number;
}

export interface LabelSpot extends Spot {
  text: string;
  role?: StyleRole; // default "label"
}

/* ------------------------------------------------------------------------------------------------
 * Formats
 * ---------------------------------------------------------------------------------------------- */

/** 万元 with 2 decimals shown, up to 6 (0.01 元) when present, so a stray 5.004 is not hidden. */
export const FMT_MONEY = "0.00####";
export const FMT_PERCENT = "0%";
export const FMT_TEXT = "@";
export const FMT_YEAR = "0";

/* ------------------------------------------------------------------------------------------------
 * Check texts (zh-CN). Formulas and the TypeScript evaluator (checks.ts) both use these.
 * ---------------------------------------------------------------------------------------------- */

export const CHECK = {
  /** A check found nothing wrong among what it checks; it never claims the pane's full review. */
  ok: "✓ 格式检查通过",
  filled: "✓ 已填写",
  todo: "待填写",
  badPrefix: "✗ ",
  budgetSum: "预算数≠财政资金+其他资金",
  planMissingAll: "资金支出计划未填写",
  planRange: "超出0–100%",
  planDecreasing: "累计进度下降",
  planNot100: "年末累计进度应为100%",
  l1Unknown: "一级指标缺失或不在列表中",
  l2Mismatch: "二级指标缺失或不属于该一级指标",
  l3Missing: "待填写：三级指标",
  targetMissing: "指标值未填写",
  yearWrong: "指标值中的年份≠预算年度",
  percentOver: "百分比超过100%",
  satisfactionCeiling: "满意度写成上限，应使用≥",
  operatorMissing: "百分比缺少运算符（≥、≤或=）",
  quantityNoNumber: "数量指标的指标值没有数字",
  /** A row with a 中期 value only (central-2021 form): a 中期 indicator, which the 年度 checks do not review. */
  midOnly: "中期指标（不作年度检查）",
  /** Sheet status line when no check of the sheet shows ✗ or 待填写. */
  statusOk: "✓ 格式检查通过（完整审核请用 JXMB）",
  totalMismatch: "✗ 合计≠各项目表预算数之和",
  declaredMismatch: "✗ 申报合计≠各项目预算数之和",
  unitMismatch: "✗ 单位申报合计≠该单位项目预算数之和",
  /** A declared unit total whose 单位编码 no project with an amount has: the pane matches units by name too; the sheet cannot. */
  unitUnmatched: "未核对：没有该单位编码的项目（完整审核请用 JXMB）",
  budgetNotNumber: "✗ 金额须填数字",
  yearBad: "✗ 预算年度应为四位年份",
  listsOk: "✓ 下拉列表可用",
  listsBad: "✗ 下拉列表不可用",
} as const;

/* ------------------------------------------------------------------------------------------------
 * 部门 sheet
 * ---------------------------------------------------------------------------------------------- */

export const DEPARTMENT = {
  sheet: SHEET_DEPARTMENT,
  /** A–D the printed form, E 校验, F hidden meta, G–I settings (模板版本, 适用规范), outside the print area. */
  widths: [16, 20, 62, 48, 22, 10, 12, 16, 70],
  /**
   * Widths when no 分项 has 绩效指标 text (seed 000): the 绩效目标 prose gets the empty column's room, so it wraps
   * into half the lines and prints on fewer pages; a clerk who adds 绩效指标 can widen D.
   */
  widthsWithoutIndicators: [16, 20, 96, 14, 22, 10, 12, 16, 70],
  title: { r: 0, c: 0, c2: 3, text: "部门预算绩效目标 — 部门信息（金额单位：万元）", role: "title" } as LabelSpot,
  labels: [
    { r: 1, c: 0, text: "部门编码" },
    { r: 2, c: 0, text: "部门名称" },
    { r: 3, c: 0, text: "预算年度" },
    { r: 4, c: 0, text: "文档标题" },
    { r: 5, c: 0, text: "一、总体绩效目标" },
    { r: 6, c: 0, text: "二、分项绩效目标", role: "header" },
    { r: 6, c: 1, text: "分项名称", role: "header" },
    { r: 6, c: 2, text: "绩效目标", role: "header" },
    { r: 6, c: 3, text: "绩效指标", role: "header" },
    { r: 0, c: 6, c2: 8, text: "设置（不打印）", role: "header" },
    { r: 1, c: 6, text: "模板版本" },
    { r: 2, c: 6, text: "适用规范" },
    { r: 1, c: 8, text: "由 JXMB 生成，请勿修改版本号；在黄色单元格中填写。", role: "note" },
    {
      r: 2,
      r2: 5,
      c: 8,
      text: "hebei＝河北省（财预〔2015〕88号口径，成本为产出下的二级）；ningxia＝宁夏；central-2021＝财预〔2021〕101号（成本为一级）。改口径后请重新生成模板以更新下拉列表。",
      role: "note",
    },
  ] as LabelSpot[],
  fields: {
    version: { r: 1, c: 7 },
    code: { r: 1, c: 1 },
    name: { r: 2, c: 1, c2: 2 },
    fiscalYear: { r: 3, c: 1 },
    profile: { r: 2, c: 7 },
    title: { r: 4, c: 1, c2: 3 },
    summary: { r: 5, c: 1, c2: 3 },
  } satisfies Record<string, Spot>,
  checks: { fiscalYear: { r: 3, c: 4 }, summary: { r: 5, c: 4 } },
  /** Check column (E); also keeps the section rows multi-cell, so prose readers never take them for paragraphs. */
  checkCol: 4,
  /** 分项绩效目标 rows start here: A = （n）, B = 分项名称, C = 绩效目标, D = 绩效指标. */
  itemsFirstRow: 7,
  itemsMinRows: 10,
  itemCols: { title: 1, goal: 2, indicators: 3 },
  /** Label of the row after the items (found by scanning column A, so rows may be inserted above it). */
  safeguardsLabel: "三、工作保障措施",
  safeguardsCols: { c: 1, c2: 3 },
  /** Last printed column (D): 校验, meta and settings stay on screen only. */
  printLastCol: 3,
  metaCol: 5,
} as const;

/* ------------------------------------------------------------------------------------------------
 * 汇总 sheet
 * ---------------------------------------------------------------------------------------------- */

export const SUMMARY = {
  sheet: SHEET_SUMMARY,
  widths: [8, 24, 12, 24, 30, 14, 30, 10],
  /** The printed title spans the printed columns (A–F); how to fill the sheet is a note on screen only (G1). */
  title: { r: 0, c: 0, c2: 5, text: "项目汇总（金额单位：万元）", role: "title" } as LabelSpot,
  note: { r: 0, c: 6, text: "本表由公式生成，请在各项目表中填写。", role: "note" } as LabelSpot,
  header: ["序号", "工作表", "单位编码", "项目编码", "项目名称", "预算数", "校验状态"],
  headerRow: 1,
  firstRow: 2,
  cols: { seq: 0, sheet: 1, unitCode: 2, code: 3, name: 4, total: 5, status: 6 },
  /** Rows after the project rows, relative to the row after the last project. */
  totalLabel: "合计",
  declaredLabel: "部门申报合计数",
  unitsHeader: ["", "", "单位编码", "单位名称", "", "申报合计数", "校验"],
  unitsLabel: "各单位申报合计",
  unitsMinRows: 5,
  unitCols: { code: 2, name: 3, total: 5, check: 6 },
  /** Last printed column (F 预算数): the 校验状态 column stays on screen only. */
  printLastCol: 5,
  metaCol: 7,
} as const;

/* ------------------------------------------------------------------------------------------------
 * Project sheet (Hebei table)
 * ---------------------------------------------------------------------------------------------- */

/** Every field a project sheet may have a cell for; a layout places the ones its form shows. */
export type ProjectField =
  | "unitCode"
  | "unitName"
  | "code"
  | "name"
  | "total"
  | "fiscal"
  | "other"
  | "purpose"
  | "mar"
  | "jun"
  | "oct"
  | "dec"
  | "goals"
  | "competentName"
  | "competentCode"
  | "implementing"
  | "attributeCode"
  | "attributeName"
  | "period"
  | "midGoals";
type CoreField = "unitCode" | "unitName" | "code" | "name" | "total" | "fiscal" | "other" | "purpose" | "goals";
export type PlanKey = "mar" | "jun" | "oct" | "dec";

/** One profile's project form, as data: the renderer draws it, the template reader reads through it. */
export interface ProjectLayout {
  /** Stored in the sheet's meta cell, so the reader knows which form it reads. */
  id: "hebei" | "ningxia" | "central-2021";
  widths: readonly number[];
  title: Spot;
  /** Title when the project has none of its own: absent = "n.<名称>绩效目标表" (Hebei); else the form's heading. */
  heading?: string;
  /** A line under the title showing the budget year, from 部门 (Ningxia: “（2024年度）”). */
  yearLine?: Spot;
  labels: readonly LabelSpot[];
  fields: Record<CoreField, Spot> & Partial<Record<ProjectField, Spot>>;
  checkCol: number;
  printLastCol: number;
  status: Spot;
  checks: { code: Spot; budget: Spot; purpose: Spot; plan?: Spot; goals: Spot; block: Spot };
  /** Spend-plan points the form has (none on the Ningxia form). */
  planKeys: readonly PlanKey[];
  indicatorHeaderRow: number;
  indicatorFirstRow: number;
  indicatorMinRows: number;
  /**
   * Indicator columns. `midTarget`: the form's 中期指标值 column beside the 年度 `target` (central-2021); a row then
   * holds one indicator's 中期 and 年度 values (a row with only a 中期 value is a 中期 indicator alone).
   */
  indicatorCols: { level1: number; level2: number; name: number; description: number; target: number; basis: number; scoring: number; midTarget?: number };
  footerMarker: string;
  footerText: string;
  metaCol: number;
  rowHeights: Record<number, number>;
  maxSheetName: number;
}

/**
 * The indicator header row every project form shares (and the 校验 column heading): one description, so
 * the forms cannot drift apart. `optional` is the mark a form prints after the columns a clerk may leave
 * blank (the Ningxia form says “（选填）”).
 */
function indicatorHeader(r: number, optional: string, midTerm = false): LabelSpot[] {
  const texts = [
    "一级指标",
    "二级指标",
    "三级指标",
    `绩效指标描述${optional}`,
    // The 2021 central form states each indicator's 中期 and 年度 value side by side.
    ...(midTerm ? ["中期指标值", "年度指标值"] : ["指标值"]),
    `指标值确定依据${optional}`,
    `评（扣）分标准${optional}`,
  ];
  return [...texts.map((text, c): LabelSpot => ({ r, c, text, role: "header" })), { r: 1, c: texts.length, text: "校验", role: "header" }];
}

/**
 * 资金支出计划（%）: the label over two rows from `r`, the four points' labels on row r and their inputs on r+1
 * (B–E), a note from column F to `noteLast`. Shared by the forms that have a plan.
 */
function planRows(r: number, noteLast: number): { labels: LabelSpot[]; fields: Record<PlanKey, Spot> } {
  return {
    labels: [
      { r, c: 0, r2: r + 1, text: "资金支出计划（%）" },
      { r, c: 1, text: "3月底" },
      { r, c: 2, text: "6月底" },
      { r, c: 3, text: "10月底" },
      { r, c: 4, text: "12月底" },
      { r, c: 5, c2: noteLast, r2: r + 1, text: "填累计支出进度（如 25%），逐期不减，12月底应为 100%", role: "note" },
    ],
    fields: { mar: { r: r + 1, c: 1 }, jun: { r: r + 1, c: 2 }, oct: { r: r + 1, c: 3 }, dec: { r: r + 1, c: 4 } },
  };
}

/**
 * The head of the central 申报表 family (the 101号 form and the Ningxia form derived from it), rows 2–4: 项目名称,
 * 主管部门及代码 | 实施单位, 项目属性 | 项目期, the values running to column `last`.
 */
function applicationHead(last: number): {
  labels: LabelSpot[];
  fields: Record<"name" | "competentName" | "competentCode" | "implementing" | "attributeCode" | "attributeName" | "period", Spot>;
} {
  return {
    labels: [
      { r: 2, c: 0, text: "项目名称" },
      { r: 3, c: 0, text: "主管部门及代码" },
      { r: 3, c: 4, text: "实施单位" },
      { r: 4, c: 0, text: "项目属性" },
      { r: 4, c: 4, text: "项目期" },
    ],
    fields: {
      name: { r: 2, c: 1, c2: last },
      competentName: { r: 3, c: 1, c2: 2 },
      competentCode: { r: 3, c: 3 },
      implementing: { r: 3, c: 5, c2: last },
      attributeCode: { r: 4, c: 1 },
      attributeName: { r: 4, c: 2, c2: 3 },
      period: { r: 4, c: 5, c2: last },
    },
  };
}

/** 项目资金（万元） of the same family, rows 6–8: 年度资金总额, 其中：财政拨款, 其他资金 (C), a note from D to `last`. */
function applicationFunds(last: number): { labels: LabelSpot[]; fields: Pick<Record<ProjectField, Spot>, "total" | "fiscal" | "other"> } {
  return {
    labels: [
      { r: 6, c: 0, r2: 8, text: "项目资金（万元）" },
      { r: 6, c: 1, text: "年度资金总额" },
      { r: 7, c: 1, text: "其中：财政拨款" },
      { r: 8, c: 1, text: "其他资金" },
      { r: 6, c: 3, r2: 8, c2: last, text: "年度资金总额 = 财政拨款 + 其他资金；金额单位万元，没有其他资金时填 0 或留空。", role: "note" },
    ],
    fields: { total: { r: 6, c: 2 }, fiscal: { r: 7, c: 2 }, other: { r: 8, c: 2 } },
  };
}

export const PROJECT: ProjectLayout = {
  id: "hebei",
  widths: [14, 18, 24, 30, 16, 24, 20, 30, 6],
  title: { r: 0, c: 0, c2: 6 },
  labels: [
    { r: 1, c: 0, text: "单位编码" },
    { r: 1, c: 2, text: "单位名称" },
    { r: 1, c: 5, c2: 6, text: "单位：万元" },
    { r: 2, c: 0, text: "项目编码" },
    { r: 2, c: 3, text: "项目名称" },
    { r: 3, c: 0, r2: 4, text: "预算规模及资金用途" },
    { r: 3, c: 1, text: "预算数" },
    { r: 3, c: 3, text: "其中：财政资金" },
    { r: 3, c: 5, text: "其他资金" },
    { r: 4, c: 1, text: "资金用途" },
    ...planRows(5, 6).labels,
    { r: 7, c: 0, text: "绩效目标" },
    ...indicatorHeader(8, ""),
  ] as LabelSpot[],
  fields: {
    unitCode: { r: 1, c: 1 },
    unitName: { r: 1, c: 3, c2: 4 },
    code: { r: 2, c: 1, c2: 2 },
    name: { r: 2, c: 4, c2: 6 },
    total: { r: 3, c: 2 },
    fiscal: { r: 3, c: 4 },
    other: { r: 3, c: 6 },
    purpose: { r: 4, c: 2, c2: 6 },
    ...planRows(5, 6).fields,
    goals: { r: 7, c: 1, c2: 6 },
  } satisfies Record<string, Spot>,
  checkCol: 7,
  /** Last printed column (G 评（扣）分标准): 校验 (H) stays on screen only. */
  printLastCol: 6,
  status: { r: 0, c: 7 } as Spot,
  checks: {
    code: { r: 2, c: 7 },
    budget: { r: 3, c: 7 },
    purpose: { r: 4, c: 7 },
    plan: { r: 6, c: 7 },
    goals: { r: 7, c: 7 },
    /** The indicator block as a whole: the required 一级 and 二级 (on the block's header row). */
    block: { r: 8, c: 7 },
  } satisfies Record<string, Spot>,
  planKeys: ["mar", "jun", "oct", "dec"],
  indicatorHeaderRow: 8,
  indicatorFirstRow: 9,
  indicatorMinRows: 30,
  indicatorCols: { level1: 0, level2: 1, name: 2, description: 3, target: 4, basis: 5, scoring: 6 },
  /** The row after the indicator block; its text marks the end of the block for the reader. */
  footerMarker: "▲",
  footerText:
    "▲ 指标行不够时：在上方指标区内（本行之上）右键“插入”整行，下拉列表、格式随之扩展；再把上一行“校验”列的公式向下填充到新行。请勿在本行以下填写指标。",
  metaCol: 8,
  /** Rows 0..headerRows-1 are the fixed header area (heights etc.). */
  rowHeights: { 0: 30, 4: 36, 7: 72 } as Record<number, number>,
  /** Excel sheet names: ≤ 31 chars, none of []:*?/\ . */
  maxSheetName: 31,
};

export type ProjectCheck = keyof ProjectLayout["checks"];

/**
 * Ningxia 部门项目支出预算绩效目标表 (seed 004): heading and year, 项目名称, 主管部门及代码 | 实施单位,
 * 项目属性 | 项目期, 项目资金（万元） as three rows (年度资金总额, 其中：财政拨款, 其他资金), 年度总体目标,
 * then the indicator table. The form has no spend plan; 项目编码/单位 and 资金用途 are kept as 选填 rows
 * so nothing a document holds is lost, and the indicator table keeps the Hebei columns (描述, 依据,
 * 评分标准 as 选填) so one row check and one reader serve both forms.
 */
export const PROJECT_NINGXIA: ProjectLayout = {
  id: "ningxia",
  heading: "部门项目支出预算绩效目标表",
  widths: [16, 18, 24, 30, 16, 24, 20, 30, 6],
  title: { r: 0, c: 0, c2: 6 },
  yearLine: { r: 1, c: 0, c2: 6 },
  labels: [
    ...applicationHead(6).labels,
    { r: 5, c: 0, text: "项目编码（选填）" },
    { r: 5, c: 2, text: "单位编码（选填）" },
    { r: 5, c: 4, text: "单位名称（选填）" },
    ...applicationFunds(6).labels,
    { r: 9, c: 0, text: "资金用途（选填）" },
    { r: 10, c: 0, text: "年度总体目标" },
    ...indicatorHeader(11, "（选填）"),
  ],
  fields: {
    ...applicationHead(6).fields,
    code: { r: 5, c: 1 },
    unitCode: { r: 5, c: 3 },
    unitName: { r: 5, c: 5, c2: 6 },
    ...applicationFunds(6).fields,
    purpose: { r: 9, c: 1, c2: 6 },
    goals: { r: 10, c: 1, c2: 6 },
  },
  checkCol: 7,
  printLastCol: 6,
  status: { r: 0, c: 7 },
  checks: {
    code: { r: 2, c: 7 },
    budget: { r: 6, c: 7 },
    purpose: { r: 9, c: 7 },
    goals: { r: 10, c: 7 },
    block: { r: 11, c: 7 },
  },
  planKeys: [],
  indicatorHeaderRow: 11,
  indicatorFirstRow: 12,
  indicatorMinRows: 30,
  indicatorCols: { level1: 0, level2: 1, name: 2, description: 3, target: 4, basis: 5, scoring: 6 },
  footerMarker: "▲",
  footerText: PROJECT.footerText,
  metaCol: 8,
  rowHeights: { 0: 30, 10: 72 },
  maxSheetName: 31,
};

/**
 * The 财预〔2021〕101号 项目支出绩效目标表 (central-2021): heading and year, 项目名称, 主管部门及代码 | 实施单位,
 * 项目属性 | 项目期, 项目资金（万元） as three rows, 总体目标 split into 中期目标 | 年度目标, and an indicator table
 * whose 指标值 is split into 中期指标值 | 年度指标值 (the project's `midTerm` indicators sit beside the 年度 ones
 * with the same 一级/二级/三级). 成本指标 is a 一级 there; its 二级 (经济/社会/生态环境成本) come from the lists,
 * i.e. from taxonomy.ts. The profile runs the spend-plan and 项目编码 rules, so the form keeps 项目编码, the units
 * and the 资金支出计划 rows (双监控), and 描述/依据/评分标准 as 选填 columns.
 */
export const PROJECT_CENTRAL: ProjectLayout = {
  id: "central-2021",
  heading: "项目支出绩效目标表",
  widths: [14, 18, 24, 26, 14, 14, 22, 18, 30, 6],
  title: { r: 0, c: 0, c2: 7 },
  yearLine: { r: 1, c: 0, c2: 7 },
  labels: [
    ...applicationHead(7).labels,
    { r: 5, c: 0, text: "项目编码" },
    { r: 5, c: 3, text: "单位编码" },
    { r: 5, c: 5, text: "单位名称" },
    ...applicationFunds(7).labels,
    { r: 9, c: 0, text: "资金用途（选填）" },
    ...planRows(10, 7).labels,
    { r: 12, c: 0, r2: 13, text: "总体目标" },
    { r: 12, c: 1, c2: 3, text: "中期目标", role: "header" },
    { r: 12, c: 4, c2: 7, text: "年度目标", role: "header" },
    ...indicatorHeader(14, "（选填）", true),
  ],
  fields: {
    ...applicationHead(7).fields,
    code: { r: 5, c: 1, c2: 2 },
    unitCode: { r: 5, c: 4 },
    unitName: { r: 5, c: 6, c2: 7 },
    ...applicationFunds(7).fields,
    purpose: { r: 9, c: 1, c2: 7 },
    ...planRows(10, 7).fields,
    midGoals: { r: 13, c: 1, c2: 3 },
    goals: { r: 13, c: 4, c2: 7 },
  },
  checkCol: 8,
  /** Last printed column (H 评（扣）分标准): 校验 (I) stays on screen only. */
  printLastCol: 7,
  status: { r: 0, c: 8 },
  checks: {
    code: { r: 2, c: 8 },
    budget: { r: 6, c: 8 },
    purpose: { r: 9, c: 8 },
    plan: { r: 11, c: 8 },
    goals: { r: 13, c: 8 },
    block: { r: 14, c: 8 },
  },
  planKeys: ["mar", "jun", "oct", "dec"],
  indicatorHeaderRow: 14,
  indicatorFirstRow: 15,
  indicatorMinRows: 30,
  indicatorCols: { level1: 0, level2: 1, name: 2, description: 3, midTarget: 4, target: 5, basis: 6, scoring: 7 },
  footerMarker: "▲",
  footerText: PROJECT.footerText,
  metaCol: 9,
  rowHeights: { 0: 30, 13: 72 },
  maxSheetName: 31,
};

/** The project form of each profile. */
export function projectLayoutOf(profile: "hebei" | "ningxia" | "central-2021"): ProjectLayout {
  return profile === "ningxia" ? PROJECT_NINGXIA : profile === "central-2021" ? PROJECT_CENTRAL : PROJECT;
}
export const PROJECT_LAYOUTS: readonly ProjectLayout[] = [PROJECT, PROJECT_NINGXIA, PROJECT_CENTRAL];

/** The indicator columns of a layout in row order (the 中期 column, where the form has one, before 年度). */
export function indicatorColumnOrder(L: ProjectLayout): number[] {
  const IC = L.indicatorCols;
  return [IC.level1, IC.level2, IC.name, IC.description, ...(IC.midTarget === undefined ? [] : [IC.midTarget]), IC.target, IC.basis, IC.scoring];
}

/** Row index of the footer for a block of `rows` indicator rows. */
export function projectFooterRow(rows: number, layout: ProjectLayout = PROJECT): number {
  return layout.indicatorFirstRow + rows;
}

/* ------------------------------------------------------------------------------------------------
 * _lists sheet (hidden)
 * ---------------------------------------------------------------------------------------------- */

export const LISTS = {
  sheet: SHEET_LISTS,
  /** Column A: 一级 options (row 0 header); columns B..: one column of 二级 per 一级, in the same order. */
  level1Col: 0,
  level1Header: "一级指标",
  level2FirstCol: 1,
  /** Pair table (一级, 二级) used by the row check; placed after the 二级 columns + 1 gap. */
  pairsGap: 1,
  /** Row 0 of the self-check column: INDIRECT over the 二级 names must give the expected counts. */
  widths: 18,
} as const;

/* ------------------------------------------------------------------------------------------------
 * Defined names (the public contract)
 * ---------------------------------------------------------------------------------------------- */

export const NAMES = {
  version: "JXMB_TEMPLATE_VERSION",
  deptCode: "JXMB_DEPT_CODE",
  deptName: "JXMB_DEPT_NAME",
  fiscalYear: "JXMB_FISCAL_YEAR",
  profile: "JXMB_PROFILE",
  docTitle: "JXMB_DOC_TITLE",
  summary: "JXMB_OVERVIEW_SUMMARY",
  total: "JXMB_TOTAL",
  declaredTotal: "JXMB_DECLARED_TOTAL",
  level1List: "JXMB_L1",
  /** JXMB_L2_1 … JXMB_L2_n: 二级 list of the n-th 一级 in JXMB_L1 (ASCII names: portable). */
  level2ListPrefix: "JXMB_L2_",
  pairsL1: "JXMB_PAIRS_L1",
  pairsL2: "JXMB_PAIRS_L2",
  /** Pairs of both frameworks (framework, 一级, 二级): the row check follows the framework the rows use. */
  pairsAllFw: "JXMB_PAIRS_ALL_FW",
  pairsAllL1: "JXMB_PAIRS_ALL_L1",
  pairsAllL2: "JXMB_PAIRS_ALL_L2",
  listsCheck: "JXMB_LISTS_CHECK",
} as const;

/** Per-project names: JXMB_P001_CODE …; the number is the project's position when the template was made. */
export const PROJECT_NAME_KEYS = {
  unitCode: "UNIT_CODE",
  unitName: "UNIT_NAME",
  code: "CODE",
  name: "NAME",
  total: "BUDGET_TOTAL",
  fiscal: "BUDGET_FISCAL",
  other: "BUDGET_OTHER",
  purpose: "PURPOSE",
  mar: "PLAN_MAR",
  jun: "PLAN_JUN",
  oct: "PLAN_OCT",
  dec: "PLAN_DEC",
  goals: "GOALS",
  competentName: "COMPETENT_NAME",
  competentCode: "COMPETENT_CODE",
  implementing: "IMPLEMENTING_UNIT",
  attributeCode: "ATTRIBUTE_CODE",
  attributeName: "ATTRIBUTE_NAME",
  period: "PERIOD",
  midGoals: "MID_GOALS",
} as const satisfies Record<ProjectField, string>;

export function projectNamePrefix(index: number): string {
  return `JXMB_P${String(index + 1).padStart(3, "0")}_`;
}
export const PROJECT_INDICATORS_KEY = "INDICATORS";
export const PROJECT_STATUS_KEY = "STATUS";

/** A1 reference of a spot's top-left cell, absolute ($B$3) or relative (B3). */
export function ref(s: Spot, absolute = false): string {
  const t = a1(s.r, s.c);
  if (!absolute) return t;
  const m = /^([A-Z]+)(\d+)$/.exec(t)!;
  return `$${m[1]}$${m[2]}`;
}

/** A1 range of a spot including its merge ("B3:C3"), or its single cell. */
export function spotRange(s: Spot): string {
  const r2 = s.r2 ?? s.r;
  const c2 = s.c2 ?? s.c;
  return r2 === s.r && c2 === s.c ? a1(s.r, s.c) : `${a1(s.r, s.c)}:${a1(r2, c2)}`;
}

export { quoteSheet } from "../grid";

/**
 * The longest prefix of `s` that fits `max` UTF-16 code units without splitting a character: Excel (and exceljs,
 * which cuts with substring) count code units, so an emoji counts two, and a cut through a surrogate pair would
 * leave a lone half that turns into U+FFFD in the file.
 */
export function clipSheetName(s: string, max = 31): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Make an Excel-safe, unique sheet name for a project. */
export function projectSheetName(seq: number, name: string | null, used: Set<string>): string {
  const clean = (name ?? "").replace(/[[\]:*?/\\'\r\n\t]/g, " ").replace(/\s+/g, " ").trim();
  const base0 = clean ? `${seq}.${clean}` : `项目${seq}`;
  let base = clipSheetName(base0, PROJECT.maxSheetName);
  let cand = base;
  let k = 2;
  while (used.has(cand.toLowerCase()) || isReservedSheetName(cand)) {
    const suffix = `(${k++})`;
    base = clipSheetName(base0, PROJECT.maxSheetName - suffix.length);
    cand = base + suffix;
  }
  used.add(cand.toLowerCase());
  return cand;
}

function isReservedSheetName(n: string): boolean {
  const l = n.toLowerCase();
  return l === "history" || l === SHEET_DEPARTMENT || l === SHEET_SUMMARY || l === SHEET_LISTS;
}
