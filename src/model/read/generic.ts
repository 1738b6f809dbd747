/**
 * The header-driven reader: reads a 项目支出绩效目标表 of any province from its indicator header
 * (indicator-block.ts) and the key/value area above it (synonyms.ts), without knowing the form.
 *
 *   <title>  (YYYY年度)  金额单位：万元
 *   项目名称 | <name>          主管部门(及编码) | <[015001]名称>  实施单位 | …
 *   项目属性 | …               项目起止时间 | 2023.07-2024.01
 *   项目资金 | 资金总额 | 10000万元 | 其中：财政拨款 | … | 其他资金 | …
 *   总体目标 | 中期目标 | 年度目标
 *            | <text>   | <text>
 *   <indicator header: 一级 | 二级 | 三级 | 指标值 …, in any spelling of the synonym table>
 *   <indicator rows>
 *
 * Tables may be stacked on one sheet; a table starts at the first key/value label after the previous
 * block and ends where its block ends. A header with no key/value area of its own continues the table
 * above (a header repeated after a page break, or the 年度 block under a 长期绩效指标 block).
 *
 * The flat export of 预算一体化 systems (one sheet per department: 单位名称 | 项目名称 | 预算数 | 年度目标
 * | 一级 | … with the project cells merged down over their indicator rows, a department total row,
 * amounts in 元 under 金额单位：元) is read from the same header: its project columns are the header
 * cells that are key/value labels.
 *
 * Never throws on odd cells; what it does not find becomes a ReadProblem naming the sheet and cell.
 */
import type { Grid, GridSheet } from "../grid";
import { a1, getValue, isGridDate } from "../grid";
import { emptyProject } from "../schema-values";
import type { CodeName, DeclaredTotals, FiscalYearSource, Indicator, Project, SpendPlan } from "../schema";
import { planPoint } from "./chengde";
import { parseMoney, type MoneyUnit } from "../money";
import type { LayoutReader, ReadOptions, ReadProblem, SheetReadResult } from "./types";
import { findIndicatorHeaders, isNotApplicable, readIndicatorBlock, type IndicatorHeader } from "./indicator-block";
import { classifyColumn, DEFAULT_SYNONYMS, fieldOf, type HeaderField, type SynonymTable } from "./synonyms";
import { cleanNumber, displayText, findLabels, isEmptyCell, labelKey, lastUsedCol, masterOf, mergeAt, parseMoneyUnitLine, parseTableTitle, rangeRef, rowCells, trimText, type CellHit } from "./labels";
import { splitGoals as splitNumberedGoals } from "./hebei";
import { regionColumns, splitByRegion } from "./regions";
import { splitGoals as splitMarkedGoals } from "./ningxia";

/* ------------------------------------------------------------------------------------------------
 * Small parsers
 * ---------------------------------------------------------------------------------------------- */

/**
 * A code and a name in one cell: “[015001]武汉市青山区教育局”, “219001-池州市…”, “820001-井研县…”,
 * “51000021R000000019951-工资性支出” (a long project code glued or hyphenated to the name),
 * “平罗县公安局 019001”. `minCode` is the shortest code accepted at the front without brackets.
 */
export function splitCodeName(text: string | null | undefined, minCode = 3): CodeName | null {
  if (!text) return null;
  const t = trimText(String(text));
  if (!t) return null;
  let m = /^[[【(（]\s*([0-9A-Za-z][0-9A-Za-z.\-_]{1,40})\s*[\]】)）]\s*([\s\S]+)$/.exec(t);
  if (m && /\d/.test(m[1])) return { code: m[1], name: trimText(m[2]) };
  m = /^([0-9][0-9A-Za-z]*)\s*[-—－_:：|｜\s]+\s*([^\d\s][\s\S]*)$/.exec(t);
  if (m && m[1].length >= minCode && m[1].length <= 40) return { code: m[1], name: trimText(m[2]) };
  m = /^(\d{8,}[0-9A-Z]*)([\u3400-\u9fff][\s\S]*)$/.exec(t);
  if (m) return { code: m[1], name: trimText(m[2]) };
  m = /^([\u3400-\u9fff][\s\S]*?)[\s\u3000]*[(（[【]?(\d{3,12})[)）\]】]?$/.exec(t);
  if (m && m[1].length >= 2) return { code: m[2], name: trimText(m[1]) };
  return { code: null, name: t };
}

/** A budget year from a title or caption: “（2020年度）”, “2023年度部门预算…”, “(   2023年度)”. */
export function yearOfText(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(20\d{2})\s*年\s*度/.exec(String(text)) ?? /^[(（]?\s*(20\d{2})\s*年?\s*[)）]?$/.exec(trimText(String(text)));
  return m ? Number(m[1]) : null;
}

/** “2023年…项目” → 2023 (a year leading a project name, as 湖南 names their funds). */
function yearOfName(text: string | null | undefined): number | null {
  const m = text ? /^(20\d{2})\s*年/.exec(trimText(text)) : null;
  return m ? Number(m[1]) : null;
}

/** The first year of a period: “2023.07-2024.01”, “202001-202012”, “2023年4月-2024年2月”. */
function yearOfPeriod(text: string | null | undefined): number | null {
  const m = text ? /(20\d{2})/.exec(text) : null;
  return m ? Number(m[1]) : null;
}

const TITLE_END = /(?:项目)?(?:预算)?(?:项目)?(?:支出)?绩效(?:目标|信息)(?:申报|审批|审核|批复)?表$/;

/** The project name inside a title such as “2023年云雾…建设项目支出绩效目标审批表”. */
function nameOfTitle(text: string): string | null {
  const t = parseTableTitle(text);
  if (t && t.name) return t.name;
  const k = trimText(text).replace(/\s+/g, "");
  if (!TITLE_END.test(k)) return null;
  const name = k.replace(TITLE_END, "").replace(/^\d{1,3}[.．、]/, "");
  return name.length >= 2 ? name : null;
}

/* ------------------------------------------------------------------------------------------------
 * Key/value area
 * ---------------------------------------------------------------------------------------------- */

interface FieldHit {
  field: HeaderField;
  label: CellHit;
  value: CellHit | null;
}

const MONEY_FIELDS = new Set<HeaderField>(["total", "fiscal", "other", "carriedOver"]);
const BLOCK_FIELDS = new Set<HeaderField>(["budgetBlock", "indicatorBlock", "moneyUnit", "goalActual", "leader", "phone"]);

function isLabelCell(h: CellHit, syn: SynonymTable): boolean {
  if (typeof h.value !== "string" || labelKey(h.text).length > 30) return false;
  return fieldOf(h.text, syn) !== null || classifyColumn(h.text, syn) !== null;
}

/** “预算单位: 奉节县…” typed in one cell: the label and the value. */
function inlineField(text: string, syn: SynonymTable): { field: HeaderField; value: string } | null {
  const m = /^([^:：]{2,14})[:：]\s*(\S[\s\S]*)$/.exec(trimText(text));
  if (!m) return null;
  const f = fieldOf(m[1], syn);
  if (!f || f === "moneyUnit") return null;
  return { field: f, value: trimText(m[2]) };
}

/**
 * The value of a label: the first non-empty cell to its right that is not itself a label (money fields
 * also skip text that is no amount, such as a column caption 年初预算), else the cell below it.
 */
function valueOf(sheet: GridSheet, label: CellHit, field: HeaderField, r2: number, syn: SynonymTable): CellHit | null {
  const m = mergeAt(sheet, label.r, label.c);
  const row = sheet.values[label.r] ?? [];
  let rightIsLabel = false;
  for (let c = (m ? m.c2 : label.c) + 1; c < row.length; c++) {
    if (isEmptyCell(sheet, label.r, c)) continue;
    const mm = masterOf(sheet, label.r, c);
    if (mm.r !== label.r) continue;
    const hit: CellHit = { r: label.r, c, ref: a1(label.r, c), value: getValue(sheet, label.r, c), text: displayText(sheet, label.r, c) };
    if (isLabelCell(hit, syn)) {
      rightIsLabel = true;
      break;
    }
    if (MONEY_FIELDS.has(field) && typeof hit.value === "string" && !amountText(hit.text, "万元").ok && !isNotApplicable(hit.text)) continue;
    return hit;
  }
  // Below: goals under a 中期目标 | 年度目标 caption row, a value under its label.
  if (MONEY_FIELDS.has(field) && !rightIsLabel) return columnTotal(sheet, label, r2);
  const below = (m ? m.r2 : label.r) + 1;
  if (below > r2) return null;
  if (isEmptyCell(sheet, below, label.c)) return null;
  const hit: CellHit = { r: below, c: label.c, ref: a1(below, label.c), value: getValue(sheet, below, label.c), text: displayText(sheet, below, label.c) };
  if (isLabelCell(hit, syn)) return null;
  return hit;
}

/**
 * A money label heading a column of cost lines (成本构成 | 金额 | … over 保安服务费 191 … 合计 814): the
 * amount on the 合计/总计 row of that column, or null.
 */
function columnTotal(sheet: GridSheet, label: CellHit, r2: number): CellHit | null {
  const m = mergeAt(sheet, label.r, label.c);
  for (let r = (m ? m.r2 : label.r) + 1; r <= Math.min(r2, label.r + 40); r++) {
    const v = getValue(sheet, r, label.c);
    const isTotalRow = rowCells(sheet, r).some((h) => h.c < label.c && /^\*?(合计|总计):*$/.test(labelKey(h.text)));
    if (isTotalRow) return typeof v === "number" ? { r, c: label.c, ref: a1(r, label.c), value: v, text: displayText(sheet, r, label.c) } : null;
    if (v !== null && typeof v !== "number") return null;
  }
  return null;
}

function scanFields(sheet: GridSheet, r1: number, r2: number, syn: SynonymTable): { hits: FieldHit[]; inline: { field: HeaderField; value: string; ref: string }[]; moneyUnit: MoneyUnit | null; title: CellHit | null; year: { year: number; ref: string } | null } {
  const hits: FieldHit[] = [];
  const inline: { field: HeaderField; value: string; ref: string }[] = [];
  let moneyUnit: MoneyUnit | null = null;
  let title: CellHit | null = null;
  let year: { year: number; ref: string } | null = null;
  for (let r = r1; r <= r2; r++) {
    for (const h of rowCells(sheet, r)) {
      if (typeof h.value !== "string") continue;
      const mu = parseMoneyUnitLine(h.text) ?? (/(?:金额)?单位\s*[:：]\s*(万元|元)\s*$/.exec(h.text)?.[1] ?? null);
      if (mu !== null) {
        if (moneyUnit === null) moneyUnit = /^元$/.test(mu) ? "元" : "万元";
        continue;
      }
      const y = yearOfText(h.text);
      if (y !== null && year === null && h.text.length <= 60) year = { year: y, ref: h.ref };
      const f = labelKey(h.text).length <= 30 ? fieldOf(h.text, syn) : null;
      if (f) {
        if (f === "budgetBlock" && moneyUnit === null && /\(元\)$/.test(labelKey(h.text))) moneyUnit = "元";
        hits.push({ field: f, label: h, value: BLOCK_FIELDS.has(f) ? null : valueOf(sheet, h, f, r2, syn) });
        continue;
      }
      const inl = inlineField(h.text, syn);
      if (inl) {
        inline.push({ ...inl, ref: h.ref });
        continue;
      }
      if (title === null && r < r1 + 4 && (TITLE_END.test(h.text.replace(/\s+/g, "")) || parseTableTitle(h.text))) title = h;
    }
  }
  return { hits, inline, moneyUnit, title, year };
}

/* ------------------------------------------------------------------------------------------------
 * One table (key/value area + indicator blocks)
 * ---------------------------------------------------------------------------------------------- */

function problem(severity: ReadProblem["severity"], sheet: GridSheet, cell: string | null, message: string): ReadProblem {
  const where = cell ? `工作表“${sheet.name}”${cell}：` : `工作表“${sheet.name}”：`;
  return { severity, message: where + message, sheet: sheet.name, cell };
}

const FIELD_ZH: Partial<Record<HeaderField, string>> = {
  name: "项目名称",
  code: "项目编码",
  competentDepartment: "主管部门",
  implementingUnit: "实施单位",
  attribute: "项目属性",
  period: "项目期",
  total: "资金总额/预算数",
  fiscal: "财政资金",
  other: "其他资金",
  carriedOver: "上年结转",
  yearGoal: "年度目标",
  midGoal: "中期目标",
  purpose: "资金用途",
  budgetBlock: "项目资金",
  goalBlock: "总体目标",
  indicatorBlock: "绩效指标",
  departmentCode: "部门编码",
};

/** “项目名称(A3)、主管部门(A4)” — what was recognised, for messages. */
export function seenLabels(hits: { field: HeaderField; label: { ref: string } }[]): string {
  return hits
    .filter((h) => FIELD_ZH[h.field])
    .map((h) => `${FIELD_ZH[h.field]}(${h.label.ref})`)
    .join("、");
}

interface TableParts {
  start: number;
  headers: IndicatorHeader[];
}

/** parseMoney, also taking an amount followed by its breakdown: “854万(高标准农田建设400万元,…)” → 854 万元. */
function amountText(text: string, unit: MoneyUnit): ReturnType<typeof parseMoney> {
  const m = parseMoney(text, unit);
  if (m.ok) return m;
  const lead = /^\s*(\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元))/.exec(text) ?? /^\s*(\d[\d,]*(?:\.\d+)?)(?=\s*[(（])/.exec(text);
  if (lead) {
    const m2 = parseMoney(lead[1], unit);
    if (m2.ok) return m2;
  }
  return m;
}

function moneyOf(hit: CellHit | null, unit: MoneyUnit): { value: number | null; raw: string | null; bad: string | null } {
  if (!hit) return { value: null, raw: null, bad: null };
  if (typeof hit.value === "number") {
    const m = parseMoney(hit.value, unit);
    return { value: m.ok ? m.wan : null, raw: null, bad: m.ok ? null : m.reason };
  }
  if (isNotApplicable(hit.text)) return { value: null, raw: hit.text, bad: null };
  const m = amountText(hit.text, unit);
  if (m.ok) return { value: m.wan, raw: hit.text, bad: null };
  return { value: null, raw: hit.text, bad: m.empty ? null : m.reason };
}

function readTable(sheet: GridSheet, t: TableParts, end: number, syn: SynonymTable, problems: ReadProblem[]): { project: Project; year: { year: number; source: FiscalYearSource } | null; lastRow: number; seen: string } {
  const first = t.headers[0];
  const cells: Record<string, string> = {};
  const project: Project = emptyProject("generic", sheet.name);
  const scan = scanFields(sheet, t.start, first.row - 1, syn);
  const get = (f: HeaderField): FieldHit | undefined => scan.hits.find((h) => h.field === f && h.value) ?? scan.hits.find((h) => h.field === f);
  const inl = (f: HeaderField) => scan.inline.find((x) => x.field === f);
  const moneyUnit: MoneyUnit = scan.moneyUnit ?? "万元";

  if (scan.title) {
    project.title = scan.title.text;
    cells.title = scan.title.ref;
    const tp = parseTableTitle(scan.title.text);
    if (tp?.number) project.seq = tp.number;
  }

  // Name and code (a code glued to the name is split off).
  const nameHit = get("name");
  const codeHit = get("code");
  if (codeHit?.value) {
    project.code = codeHit.value.text.replace(/[\s\u3000]+/g, "");
    cells.code = codeHit.value.ref;
  }
  if (nameHit?.value) {
    cells.name = nameHit.value.ref;
    const cn = splitCodeName(nameHit.value.text, 6);
    if (cn?.code && /\d{4,}/.test(cn.code) && cn.name && !project.code) {
      project.code = cn.code;
      project.name = cn.name;
      cells.code = nameHit.value.ref;
    } else project.name = nameHit.value.text;
  } else if (inl("name")) {
    project.name = inl("name")!.value;
    cells.name = inl("name")!.ref;
  }
  if (!project.name && scan.title && !/部门整体/.test(scan.title.text)) {
    const n = nameOfTitle(scan.title.text);
    if (n) {
      project.name = n;
      cells.name = scan.title.ref;
    }
  }

  // Departments and units.
  const dep = get("competentDepartment");
  const depText = dep?.value?.text ?? inl("competentDepartment")?.value ?? null;
  if (depText) {
    project.competentDepartment = splitCodeName(depText);
    cells.competentDepartment = dep?.value?.ref ?? inl("competentDepartment")!.ref;
  }
  const depCode = get("departmentCode");
  if (depCode?.value && project.competentDepartment && !project.competentDepartment.code) {
    project.competentDepartment = { code: depCode.value.text.replace(/\s+/g, ""), name: project.competentDepartment.name };
  }
  const bu = get("budgetUnit");
  const buText = bu?.value?.text ?? inl("budgetUnit")?.value ?? null;
  const buCN = buText ? splitCodeName(buText) : null;
  const impl = get("implementingUnit");
  const implText = impl?.value?.text ?? inl("implementingUnit")?.value ?? null;
  let implCN: CodeName | null = null;
  if (implText) {
    implCN = splitCodeName(implText);
    project.implementingUnit = implCN?.name ?? implText;
    cells.implementingUnit = impl?.value?.ref ?? inl("implementingUnit")!.ref;
  }
  // The table's unit: the implementing unit (its code from 主管部门 when both name the same body), else 主管部门.
  const unit: CodeName | null = buCN
    ? buCN
    : implCN
    ? { code: implCN.code ?? (project.competentDepartment?.name === implCN.name ? project.competentDepartment.code : null), name: implCN.name }
    : project.competentDepartment;
  if (unit) project.unit = { code: unit.code, name: unit.name };

  const attr = get("attribute");
  if (attr?.value) {
    const cn = splitCodeName(attr.value.text, 2);
    project.attribute = cn && cn.code && /^\d{2,6}$/.test(cn.code) ? cn : { code: null, name: attr.value.text };
    cells.attribute = attr.value.ref;
  }
  const per = get("period");
  if (per?.value) {
    project.period = isGridDate(per.value.value) ? displayText(sheet, per.value.r, per.value.c) : per.value.text;
    cells.period = per.value.ref;
  }

  // Money.
  const budgetLabel = get("budgetBlock");
  if (budgetLabel) cells.budget = budgetLabel.label.ref;
  for (const key of ["total", "fiscal", "other"] as const) {
    const h = scan.hits.find((x) => x.field === key && x.value) ?? null;
    if (!h?.value) continue;
    // A label may carry its own unit: 预算数(元), 资金总额（万元）.
    const lk = labelKey(h.label.text);
    const unitHere: MoneyUnit = /\(元\):?$/.test(lk) ? "元" : /\(万元\):?$/.test(lk) ? "万元" : moneyUnit;
    const m = moneyOf(h.value, unitHere);
    project.budget[key] = m.value;
    project.budget.raw[key] = m.raw;
    cells[`budget.${key}`] = h.value.ref;
    if (m.bad) problems.push(problem("warning", sheet, h.value.ref, `${FIELD_ZH[key]}“${h.value.text}”不是金额：${m.bad}（not an amount）`));
  }
  if (project.budget.total === null && project.budget.fiscal !== null && !scan.hits.some((x) => x.field === "total")) {
    // Only a 财政 figure printed (下达中央预算内投资 …): it is the total.
    project.budget.total = project.budget.fiscal;
  }
  const totalHit = scan.hits.find((x) => x.field === "total" && x.value);
  if (project.budget.fiscal === null && project.budget.total !== null && totalHit && !scan.hits.some((x) => x.field === "fiscal") && /财政/.test(labelKey(totalHit.label.text))) {
    // The only figure is itself named 财政 money (本年度申请市财政预算资金): it is the fiscal part too.
    project.budget.fiscal = project.budget.total;
  }

  // Goals and purpose.
  const split = (text: string) => (/目标\s*\d+\s*[:：、.．]/.test(text) ? splitMarkedGoals(text) : splitNumberedGoals(text));
  const yearGoal = get("yearGoal") ?? (scan.hits.some((h) => h.field === "midGoal") ? undefined : get("goalBlock"));
  const goalValue = yearGoal?.value ?? null;
  if (yearGoal) cells.goals = yearGoal.label.ref;
  if (goalValue) {
    project.goals = split(goalValue.text);
    project.goals.forEach((_, i) => (cells[`goals.${i}`] = goalValue.ref));
  }
  const midGoal = get("midGoal");
  if (midGoal?.value) {
    project.midTerm = { goals: split(midGoal.value.text), indicators: [] };
    cells["midTerm.goals"] = midGoal.value.ref;
  }
  // 资金支出计划: 3月底 | 6月底 | 10月底 | 12月底 right of the label (its row or the next), each valued below.
  const planLabel = get("spendPlan");
  if (planLabel) {
    cells.spendPlan = planLabel.label.ref;
    const plan: SpendPlan = { mar: null, jun: null, oct: null, dec: null, raw: { mar: null, jun: null, oct: null, dec: null } };
    const months = findLabels(sheet, /^(3|6|9|10|12)月(底|末)?$/, { r1: planLabel.label.r, r2: Math.min(planLabel.label.r + 1, first.row - 1), c1: planLabel.label.c + 1 });
    const bare: boolean[] = [];
    for (const m of months) {
      const key = ({ 3: "mar", 6: "jun", 10: "oct", 12: "dec" } as Record<number, keyof typeof plan.raw>)[Number(/^\d+/.exec(m.text)![0])];
      if (!key) continue;
      const pr = (mergeAt(sheet, m.r, m.c)?.r2 ?? m.r) + 1;
      const pt = planPoint(sheet, pr, m.c);
      plan[key] = pt.value;
      plan.raw[key] = pt.raw;
      cells[`spendPlan.${key}`] = a1(pr, m.c);
      if (pt.value !== null) bare.push(pt.bare && pt.value <= 1);
      if (pt.problem) problems.push(problem("warning", sheet, a1(pr, m.c), pt.problem));
    }
    // A plan typed as fractions (0.25 … 1) without a % format, as the form readers read it.
    if (bare.length > 0 && bare.every(Boolean)) {
      for (const k of ["mar", "jun", "oct", "dec"] as const) if (plan[k] !== null) plan[k] = cleanNumber(plan[k]! * 100);
    }
    if (months.length > 0) project.spendPlan = plan;
  }

  const purpose = get("purpose");
  if (purpose?.value) {
    project.purpose = purpose.value.text;
    cells.purpose = purpose.value.ref;
  }

  // Indicator blocks: 年度 blocks into indicators, 长期/中期 blocks (and 中期 column groups) into midTerm.
  let lastRow = first.lastRow;
  const indicators: Indicator[] = [];
  const mids: Indicator[] = [];
  t.headers.forEach((h, i) => {
    const blockEnd = i + 1 < t.headers.length ? t.headers[i + 1].row - 1 : end;
    const b = readIndicatorBlock(sheet, h, { end: blockEnd, problems, synonyms: syn });
    lastRow = Math.max(lastRow, b.lastRow);
    const into = h.group === "mid" && t.headers.some((o) => o.group !== "mid") ? mids : indicators;
    for (const row of b.rows) {
      const ind = row.indicator;
      applyExtra(ind, row.extra);
      into.push(ind);
      if (row.mid) mids.push(row.mid);
    }
  });
  if (first.cols.level1 !== undefined) cells.indicators = first.cells.level1 ?? a1(first.row, first.cols.level1);
  else if (first.cells.level2) cells.indicators = first.cells.level2;
  project.indicators = indicators;
  if (mids.length) project.midTerm = { goals: project.midTerm?.goals ?? [], indicators: mids };

  // What the table lacks, with the cells where it should be.
  const missing: string[] = [];
  if (!project.name) missing.push("项目名称");
  if (project.budget.total === null && project.budget.fiscal === null) missing.push("资金总额/预算数");
  const seen = seenLabels(scan.hits);
  if (missing.length) {
    problems.push(
      problem(
        "warning",
        sheet,
        a1(first.row, first.cols.level1 ?? first.cols.level2 ?? 0),
        `在 ${sheet.name}!${a1(first.row, first.cols.level1 ?? first.cols.level2 ?? 0)} 找到指标表头，但没有找到${missing.join("、")}${seen ? `；已识别的标签：${seen}` : "；表头上方没有识别出任何标签"}（partly recognised table）`,
      ),
    );
  }

  const lastCol = Math.max(lastUsedCol(sheet, t.start, lastRow), 0);
  project.source = { sheet: sheet.name, range: rangeRef(t.start, 0, lastRow, lastCol), cells };
  let year: { year: number; source: FiscalYearSource } | null = null;
  const titleYear = scan.title ? /(20\d{2})\s*年/.exec(scan.title.text) : null;
  if (scan.year) {
    cells.fiscalYear = scan.year.ref;
    year = { year: scan.year.year, source: "printed" };
  } else if (titleYear) {
    cells.fiscalYear = scan.title!.ref;
    year = { year: Number(titleYear[1]), source: "printed" };
  } else if (yearOfName(project.name) !== null) year = { year: yearOfName(project.name)!, source: "name" };
  else if (yearOfPeriod(project.period) !== null) year = { year: yearOfPeriod(project.period)!, source: "period" };
  return { project, year, lastRow, seen };
}

function numberOf(text: string | undefined): number | null {
  if (!text) return null;
  const m = /^[\s]*(-?\d+(?:\.\d+)?)\s*分?\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** weight / actual / score / deviation cells onto the indicator (schema v2 optional keys). */
function applyExtra(ind: Indicator, extra: Partial<Record<string, { text: string; ref: string; value: unknown }>>): void {
  if (extra.weight) {
    ind.weight = typeof extra.weight.value === "number" ? extra.weight.value : numberOf(extra.weight.text);
    ind.source.weight = extra.weight.ref;
  }
  if (extra.score) {
    ind.score = typeof extra.score.value === "number" ? extra.score.value : numberOf(extra.score.text);
    ind.source.score = extra.score.ref;
  }
  if (extra.deviation) {
    ind.deviation = extra.deviation.text;
    ind.source.deviation = extra.deviation.ref;
  }
  if (extra.direction) ind.source.direction = extra.direction.ref;
}

/* ------------------------------------------------------------------------------------------------
 * The flat 一体化 export
 * ---------------------------------------------------------------------------------------------- */

function readFlat(sheet: GridSheet, h: IndicatorHeader, end: number, syn: SynonymTable, problems: ReadProblem[]): { projects: Project[]; declared: DeclaredTotals | null; year: number | null; lastRow: number } {
  const fc = h.fieldCols;
  const scan = scanFields(sheet, Math.max(0, h.row - 6), h.row - 1, syn);
  const moneyUnit: MoneyUnit = scan.moneyUnit ?? "万元";
  const b = readIndicatorBlock(sheet, h, { end, problems, synonyms: syn, ignoreCols: Object.values(fc) as number[] });
  const masterText = (r: number, c: number | undefined): { text: string; ref: string; r: number; c: number } | null => {
    if (c === undefined) return null;
    const m = masterOf(sheet, r, c);
    const text = displayText(sheet, m.r, m.c);
    return text ? { text, ref: a1(m.r, m.c), r: m.r, c: m.c } : null;
  };
  const projects: Project[] = [];
  let cur: Project | null = null;
  let curKey = "";
  let lastUnit: CodeName | null = null;
  for (const row of b.rows) {
    const name = masterText(row.row, fc.name);
    const unitCell = masterText(row.row, fc.budgetUnit ?? fc.implementingUnit ?? fc.competentDepartment);
    if (unitCell) lastUnit = splitCodeName(unitCell.text);
    const key = name ? `${name.ref}|${name.text}` : curKey;
    if (!cur || key !== curKey) {
      curKey = key;
      cur = emptyProject("generic", sheet.name);
      const cells = cur.source.cells;
      if (name) {
        const cn = splitCodeName(name.text, 6);
        if (cn?.code && /\d{4,}/.test(cn.code) && cn.name) {
          cur.code = cn.code;
          cur.name = cn.name;
          cells.code = name.ref;
        } else cur.name = name.text;
        cells.name = name.ref;
      }
      const code = masterText(row.row, fc.code);
      if (code) {
        cur.code = code.text.replace(/\s+/g, "");
        cells.code = code.ref;
      }
      if (lastUnit) cur.unit = { code: lastUnit.code, name: lastUnit.name };
      if (unitCell) cells.unit = unitCell.ref;
      for (const key2 of ["total", "fiscal", "other"] as const) {
        const c = masterText(row.row, fc[key2]);
        if (!c) continue;
        const m = moneyOf({ r: c.r, c: c.c, ref: c.ref, value: getValue(sheet, c.r, c.c), text: c.text }, moneyUnit);
        cur.budget[key2] = m.value;
        cur.budget.raw[key2] = m.raw;
        cells[`budget.${key2}`] = c.ref;
      }
      const goal = masterText(row.row, fc.yearGoal ?? fc.goalBlock);
      if (goal) {
        cur.goals = /目标\s*\d+\s*[:：、.．]/.test(goal.text) ? splitMarkedGoals(goal.text) : splitNumberedGoals(goal.text);
        cur.goals.forEach((_, i) => (cells[`goals.${i}`] = goal.ref));
        cells.goals = goal.ref;
      }
      const purpose = masterText(row.row, fc.purpose);
      if (purpose) {
        cur.purpose = purpose.text;
        cells.purpose = purpose.ref;
      }
      if (h.cells.level1) cells.indicators = h.cells.level1;
      cur.source.range = rangeRef(row.row, 0, row.row, lastUsedCol(sheet, row.row, row.row));
      projects.push(cur);
    }
    applyExtra(row.indicator, row.extra);
    cur.indicators.push(row.indicator);
    cur.source.range = `${cur.source.range!.split(":")[0]}:${a1(row.row, lastUsedCol(sheet, row.row, row.row))}`;
  }
  // The department total row: a total with no project name, above the projects.
  let declared: DeclaredTotals | null = null;
  if (fc.total !== undefined) {
    for (let r = h.dataStart; r < (b.rows[0]?.row ?? h.dataStart); r++) {
      if (fc.name !== undefined && !isEmptyCell(sheet, r, fc.name)) continue;
      const v = getValue(sheet, r, fc.total);
      if (v === null) continue;
      const m = moneyOf({ r, c: fc.total, ref: a1(r, fc.total), value: v, text: displayText(sheet, r, fc.total) }, moneyUnit);
      if (m.value !== null) {
        declared = { department: m.value, units: [], source: { sheet: sheet.name, range: rangeRef(r, 0, r, lastUsedCol(sheet, r, r)), cells: { department: a1(r, fc.total) } } };
        break;
      }
    }
  }
  return { projects, declared, year: scan.year?.year ?? null, lastRow: b.lastRow };
}

/* ------------------------------------------------------------------------------------------------
 * The reader
 * ---------------------------------------------------------------------------------------------- */

function hasKeyFields(sheet: GridSheet, r1: number, r2: number, syn: SynonymTable): boolean {
  for (let r = r1; r <= r2; r++) {
    for (const h of rowCells(sheet, r)) {
      if (typeof h.value !== "string" || labelKey(h.text).length > 30) continue;
      const f = fieldOf(h.text, syn);
      if (f && f !== "indicatorBlock" && f !== "moneyUnit" && f !== "leader" && f !== "phone") return true;
      if (inlineField(h.text, syn)) return true;
    }
  }
  return false;
}

export interface GenericSheetResult extends SheetReadResult {
  /** Headers found on the sheet (0 → nothing recognisable). */
  headers: number;
  /** What the key/value scan recognised on a sheet without headers, for the “no table” message. */
  seen: string;
}

export function readGenericSheet(sheet: GridSheet, opts?: ReadOptions): GenericSheetResult {
  const syn = opts?.synonyms ?? DEFAULT_SYNONYMS;
  const problems: ReadProblem[] = [];
  const headers = findIndicatorHeaders(sheet, { synonyms: syn });
  const projects: Project[] = [];
  const regional = new Set<Project>();
  let declared: DeclaredTotals | null = null;
  let fiscalYear: { year: number; source: FiscalYearSource } | null = null;
  if (headers.length === 0) {
    const scan = scanFields(sheet, 0, Math.min(sheet.values.length - 1, 200), syn);
    return { projects, problems, headers: 0, seen: seenLabels(scan.hits) };
  }
  // Group headers into tables: a header with key/value labels between it and the previous block starts a table.
  let prevEnd = -1;
  let i = 0;
  while (i < headers.length) {
    const h = headers[i];
    const nextRow = (j: number) => (j + 1 < headers.length ? headers[j + 1].row - 1 : sheet.values.length - 1);
    if (h.fieldCols.name !== undefined) {
      const flat = readFlat(sheet, h, nextRow(i), syn, problems);
      projects.push(...flat.projects);
      declared ??= flat.declared;
      if (flat.year !== null) fiscalYear ??= { year: flat.year, source: "printed" };
      prevEnd = flat.lastRow;
      i++;
      continue;
    }
    const start = prevEnd + 1;
    const group: IndicatorHeader[] = [h];
    let j = i;
    // Following headers without their own key/value area belong to this table.
    while (j + 1 < headers.length && headers[j + 1].fieldCols.name === undefined) {
      const probe = readIndicatorBlock(sheet, headers[j], { end: nextRow(j), problems: [], synonyms: syn });
      if (hasKeyFields(sheet, probe.lastRow + 1, headers[j + 1].row - 1, syn)) break;
      group.push(headers[j + 1]);
      j++;
    }
    const end = nextRow(j);
    const t = readTable(sheet, { start, headers: group }, end, syn, problems);
    if (t.project.name || t.project.indicators.length > 0) {
      // One target column per county: one table per county (read/regions.ts).
      const regions = group.length === 1 ? regionColumns(sheet, h, syn) : null;
      if (regions) {
        const split = splitByRegion(sheet, t.project, h, regions, problems);
        split.forEach((p) => regional.add(p));
        projects.push(...split);
      } else projects.push(t.project);
      fiscalYear ??= t.year;
    }
    prevEnd = t.lastRow;
    i = j + 1;
  }
  // The document's unit: the one most tables share (a county's table of a regional form counts the bureau that filed it).
  const counts = new Map<string, { code: string | null; name: string | null; n: number }>();
  for (const p of projects) {
    const u = regional.has(p) && p.competentDepartment ? p.competentDepartment : p.unit;
    if (!u.name) continue;
    const k = `${u.code}|${u.name}`;
    const e = counts.get(k) ?? { code: u.code, name: u.name, n: 0 };
    e.n++;
    counts.set(k, e);
  }
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return {
    projects,
    problems,
    declaredTotals: declared,
    fiscalYear: fiscalYear?.year ?? null,
    fiscalYearSource: fiscalYear?.source,
    title: null,
    department: top ? { code: top.code, name: top.name } : undefined,
    headers: headers.length,
    seen: "",
  };
}

export const genericReader: LayoutReader = {
  layout: "generic",
  detect: (sheet: GridSheet, _grid: Grid, opts?: ReadOptions) => findIndicatorHeaders(sheet, { synonyms: opts?.synonyms }).length > 0,
  read: (sheet: GridSheet, _grid: Grid, opts?: ReadOptions) => readGenericSheet(sheet, opts),
};

/**
 * What a workbook with no readable table shows, in one zh-CN sentence for the user: the first indicator
 * header found (and what its table lacks), else the indicator column words seen without a complete
 * header, else the key/value labels recognised, else that nothing was recognised; with the next step.
 */
export function describeUnrecognised(grid: Grid, syn: SynonymTable = DEFAULT_SYNONYMS): string {
  const labels: string[] = [];
  for (const sheet of grid.sheets) {
    const headers = findIndicatorHeaders(sheet, { synonyms: syn });
    const scan = scanFields(sheet, 0, Math.min(sheet.values.length - 1, 300), syn);
    const seen = seenLabels(scan.hits);
    if (headers.length > 0) {
      const h = headers[0];
      const at = `${sheet.name}!${a1(h.row, h.cols.level1 ?? h.cols.level2 ?? h.cols.level3 ?? 0)}`;
      return `未找到绩效目标表：在 ${at} 找到指标表头，但没有找到项目名称，表头下也没有指标行${seen ? `；已识别的标签：${seen}` : ""}。请确认表格内容，或用 --labels 文件补充本地的栏目名称（no readable table）`;
    }
    // Column words without a complete header: say which are there and which are missing.
    for (let r = 0; r < Math.min(sheet.values.length, 300); r++) {
      const found = new Map<string, string>();
      for (const h of rowCells(sheet, r)) {
        if (typeof h.value !== "string" || h.text.length > 24) continue;
        const c = classifyColumn(h.text, syn);
        if (c && !found.has(c.role)) found.set(c.role, h.ref);
      }
      const levels = ["level1", "level2", "level3"].filter((k) => found.has(k));
      if (levels.length >= 2 || (levels.length >= 1 && found.has("value"))) {
        const lack = [!found.has("value") ? "指标值栏（如“指标值”“目标值”“年度指标值”）" : "", !found.has("level3") && !found.has("description") ? "三级指标栏" : ""].filter(Boolean);
        return `未找到绩效目标表：在 ${sheet.name}!${found.get(levels[0])} 找到指标栏目，但没有找到${lack.join("和") || "完整的指标表头"}${seen ? `；已识别的标签：${seen}` : ""}。可用 --labels 文件补充本地的栏目名称（no indicator header）`;
      }
    }
    if (seen) labels.push(`${sheet.name}：${seen}`);
  }
  if (labels.length) {
    return `未找到绩效目标表：没有找到指标表头（一级指标/二级指标/三级指标/指标值）；已识别的标签：${labels.join("；")}。可用 --labels 文件补充本地的栏目名称（no indicator header）`;
  }
  return `未找到绩效目标表：${grid.sheets.length} 个工作表中都没有识别出“项目名称”“一级指标”“指标值”等栏目，这可能不是项目支出绩效目标表（no performance-target table found）`;
}
