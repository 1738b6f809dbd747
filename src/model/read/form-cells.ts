/**
 * Cell readers shared by the whole-form readers (绩效自评表, 部门整体支出绩效目标表): amounts and
 * percentages as the clerk typed them, code-and-name cells, the budget year of a form's heading.
 * Labels come from the one synonym table (synonyms.ts); nothing here knows a label.
 */
import type { GridSheet } from "../grid";
import { a1, getValue } from "../grid";
import type { CodeName } from "../schema";
import { parseMoney, type MoneyUnit } from "../money";
import { cleanNumber, displayText, formatAt, isPercentFormat, labelKey, trimText } from "./labels";
import { parseAttribute, parseCodeName } from "./ningxia";
import { isNotApplicable } from "./indicator-block";
import { classifyColumn, isField, type SynonymTable } from "./synonyms";

export interface NumberCell {
  value: number | null;
  ref: string;
  /** A cell that holds something that is not a number (and not “/”): said in a ReadProblem. */
  bad: string | null;
}

/** An amount in `unit` (numbers as typed; text such as “89.974”, “90万元”); blank and “/” → null. */
export function amountAt(sheet: GridSheet, r: number, c: number, unit: MoneyUnit): NumberCell {
  const ref = a1(r, c);
  const v = getValue(sheet, r, c);
  if (v === null) return { value: null, ref, bad: null };
  if (typeof v === "number") {
    const m = parseMoney(v, unit);
    return m.ok ? { value: m.wan, ref, bad: null } : { value: null, ref, bad: String(v) };
  }
  const text = displayText(sheet, r, c);
  if (!text || isNotApplicable(text)) return { value: null, ref, bad: null };
  const m = parseMoney(text, unit);
  if (m.ok) return { value: m.wan, ref, bad: null };
  return { value: null, ref, bad: m.empty ? null : text };
}

/** A plain number (分值, 得分): numbers as typed, text “8”, “8分”; blank and “/” → null. */
export function numberAt(sheet: GridSheet, r: number, c: number): NumberCell {
  const ref = a1(r, c);
  const v = getValue(sheet, r, c);
  if (v === null) return { value: null, ref, bad: null };
  if (typeof v === "number") return { value: Number.isFinite(v) ? cleanNumber(v) : null, ref, bad: Number.isFinite(v) ? null : String(v) };
  const text = trimText(displayText(sheet, r, c));
  if (!text || isNotApplicable(text)) return { value: null, ref, bad: null };
  const m = /^([+-]?\d+(?:\.\d+)?)\s*分?$/.exec(text.replace(/[\uff10-\uff19．]/g, (ch) => (ch === "．" ? "." : String.fromCharCode(ch.charCodeAt(0) - 0xfee0))));
  return m ? { value: Number(m[1]), ref, bad: null } : { value: null, ref, bad: text };
}

/**
 * A rate in percent points: 0.9997 formatted “0.00%” → 99.97, text “99.97%” → 99.97, a bare number
 * as typed (100 → 100). A bare fraction ≤ 1 is scaled when `expected` (the rate the amounts give)
 * says the clerk meant a fraction.
 */
export function rateAt(sheet: GridSheet, r: number, c: number, expected: number | null): NumberCell {
  const ref = a1(r, c);
  const v = getValue(sheet, r, c);
  if (typeof v === "number") {
    if (isPercentFormat(formatAt(sheet, r, c))) return { value: cleanNumber(v * 100), ref, bad: null };
    if (v > 0 && v <= 1 && expected !== null && Math.abs(v * 100 - expected) < Math.abs(v - expected)) return { value: cleanNumber(v * 100), ref, bad: null };
    return { value: cleanNumber(v), ref, bad: null };
  }
  const text = v === null ? "" : trimText(displayText(sheet, r, c));
  const m = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/.exec(text);
  if (m) return { value: Number(m[1]), ref, bad: null };
  return numberAt(sheet, r, c);
}

/**
 * A unit or department written with its code: “219-池州市贵池区棠溪镇人民政府”, “[015001]武汉市青山区
 * 教育局”, “平罗县公安局 019001”. Text without a code → {code: null, name}.
 */
export function codeAndName(text: string | null): CodeName | null {
  if (!text) return null;
  const t = trimText(text);
  if (!t) return null;
  // A name that starts with its year (“2020年省级…经费”) carries no code.
  if (/^(19|20)\d{2}\s*年/.test(t)) return { code: null, name: t };
  const bracket = /^[[【［(（]\s*(\d{2,20})\s*[\]】］)）]\s*([\s\S]+)$/.exec(t);
  if (bracket) return { code: bracket[1], name: trimText(bracket[2]) };
  // A long budget-system code glued to the name by a hyphen: “51000021R000000019951-工资性支出”.
  const longCode = /^(\d[0-9A-Za-z]{5,29})\s*[-—–－]+\s*([\s\S]+)$/.exec(t);
  if (longCode) return { code: longCode[1], name: trimText(longCode[2]) };
  const hyphen = parseAttribute(t);
  if (hyphen?.code) return hyphen;
  return parseCodeName(t);
}

/** The budget year of a form's heading: “(2022年度)”, “（2019年度）”, “2023年度项目支出绩效自评表”. */
export function yearOfHeading(text: string | null | undefined): number | null {
  const k = labelKey(text);
  const m = /^\(?(20\d{2})年度?\)?$/.exec(k) ?? /^(20\d{2})年度?.{0,20}(表|报告)$/.exec(k) ?? /\((20\d{2})年度?\)$/.exec(k);
  return m ? Number(m[1]) : null;
}

/**
 * A form's printed prompt left in a cell the clerk should have filled: “对照年度目标，说明相关任务目标
 * 的完成情况（100字以内）”, “请填写…”. Not content.
 */
export function isTemplatePrompt(text: string | null | undefined): boolean {
  const k = labelKey(text);
  if (!k) return false;
  return /\(\d+字(以内|左右)\)$/.test(k) || /^(请(填写|输入|选择|简要|说明|根据))/.test(k);
}

/** The title of a project 绩效自评表 (not a department's self-evaluation). */
export function isSelfEvalTitle(text: string): boolean {
  const k = labelKey(text).replace(/\(20\d{2}年度?\)$/, "");
  if (/(部门|单位)(\(单位\))?整体/.test(k)) return false; // a department's self-evaluation is not a project's
  return /自评(价)?(表|情况表|结果表|报告表)$/.test(k) || /绩效目标(完成|实现|执行)情况(表|自评表)$/.test(k);
}

/** The title of a 部门整体支出绩效目标表 / 申报表. */
export function isDepartmentTitle(text: string): boolean {
  const k = labelKey(text).replace(/\(20\d{2}年度?\)$/, "").replace(/^附件\d*:?/, "");
  return /(部门|单位)(\(单位\))?整体(支出)?绩效目标(申报|批复|审核)?表$/.test(k) || /^整体支出绩效目标(申报)?表$/.test(k);
}

/** What a cell's text tells the whole-form detectors (bit flags of `formSignals`). */
export const SIGNAL = {
  selfEvalTitle: 1,
  executed: 2, // 全年执行数
  budgetColumn: 4, // 年初预算数 / 全年预算数
  actualColumn: 8, // 实际完成值
  departmentTitle: 16,
  dutyBlock: 32, // 年度履职目标
  basicSpend: 64,
  projectSpend: 128,
  dutyWord: 256, // 部门职能 / 年度目标任务
} as const;

const SIGNALS = new WeakMap<SynonymTable, Map<string, number>>();

/**
 * The detectors' view of a cell text, computed once per distinct text (labels repeat on every sheet,
 * and detect runs on every sheet of every workbook).
 */
export function formSignals(text: string, syn: SynonymTable): number {
  if (text.length > 60) return 0;
  let memo = SIGNALS.get(syn);
  if (!memo) {
    memo = new Map();
    SIGNALS.set(syn, memo);
  }
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  let bits = 0;
  if (isSelfEvalTitle(text)) bits |= SIGNAL.selfEvalTitle;
  if (isDepartmentTitle(text)) bits |= SIGNAL.departmentTitle;
  if (isField(text, "executed", syn)) bits |= SIGNAL.executed;
  if (isField(text, "initialBudget", syn) || isField(text, "annualBudget", syn)) bits |= SIGNAL.budgetColumn;
  if (classifyColumn(text, syn)?.role === "actual") bits |= SIGNAL.actualColumn;
  if (isField(text, "dutyBlock", syn)) bits |= SIGNAL.dutyBlock;
  if (isField(text, "basicSpend", syn)) bits |= SIGNAL.basicSpend;
  if (isField(text, "projectSpend", syn)) bits |= SIGNAL.projectSpend;
  if (isField(text, "dutyFunction", syn) || isField(text, "dutyTask", syn)) bits |= SIGNAL.dutyWord;
  if (memo.size > 20000) memo.clear();
  memo.set(text, bits);
  return bits;
}
