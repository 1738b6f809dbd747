/**
 * Pieces of a 建议 taken from the project itself, so a suggestion names this row's 三级, this
 * project's 预算数, year and quantities instead of repeating one sentence in every table.
 */
import type { Indicator, JxmbDocument, Project } from "../schema";
import type { Level2Key } from "../taxonomy";
import { fmt, level2KeyOf, squash } from "./util";

const CODE_YEAR = /^\d{6}(\d{2})/;

/** The budget year: the document's, else the year digits of 项目编码 (13032423P… → 2023); null if neither. */
export function budgetYear(p: Project, doc: JxmbDocument): number | null {
  if (doc.fiscalYear !== null) return doc.fiscalYear;
  const m = p.code ? CODE_YEAR.exec(p.code.replace(/[\s\u3000【】[\]()（）]/g, "")) : null;
  return m ? 2000 + Number(m[1]) : null;
}

/** "≤2023年12月31日" (the year's deadline), or "≤当年12月31日" when the year is unknown. */
export function yearEnd(year: number | null): string {
  return `≤${year ?? "当年"}年12月31日`;
}

/** The project's 预算数 as "587.92 万元", or null. */
export function budgetText(p: Project): string | null {
  const t = p.budget.total;
  return t === null || !Number.isFinite(t) ? null : `${fmt(t)} 万元`;
}

/** Short quoted 三级 of a row for a 建议: “执法记录仪完好率”. */
export function rowName(ind: Indicator): string {
  const n = squash(ind.name);
  return `“${n.length > 20 ? n.slice(0, 20) + "…" : n || "（无名称）"}”`;
}

/** The first 数量 row with a number: "执法记录仪采购数量 ≥10台"; null when there is none. */
export function quantityExample(p: Project): string | null {
  for (const ind of p.indicators) {
    if (level2KeyOf(ind.level2) !== "quantity") continue;
    const t = ind.target;
    if (t.value === null || (t.kind !== "number" && t.kind !== "money")) continue;
    return `${squash(ind.name)}${squash(t.raw)}`;
  }
  return null;
}

/** How a qualitative value of a row can be made measurable, by its 二级 (row-specific text). */
export function measurableHint(ind: Indicator, l2: Level2Key | null, year: number | null): string {
  const name = rowName(ind);
  switch (l2) {
    case "timeliness":
      return `把${name}改为完成时限，如“${yearEnd(year)}前完成”，或及时率“≥95%”`;
    case "quantity":
      return `写明${name}本年度的数量和单位，如“≥N个”“=N人”`;
    case "quality":
      return `把${name}写成达标率或合格率，如“≥95%”“=100%”`;
    case "serviceSatisfaction":
      return `满意度写成百分比，如${name}“≥90%”`;
    case "economic":
    case "social":
    case "ecological":
    case "sustainable":
      return `把${name}写成可考核的数值（比率、数量或较上年的变化，如“较上年提高 5 个百分点”），或写成可分级评判的具体标准`;
    default:
      return `把${name}写成“运算符 + 数值 + 单位”，或可分级评判的具体标准`;
  }
}

/** measurableHint in English (the row's name and the values to write stay quoted as written). */
export function measurableHintEn(ind: Indicator, l2: Level2Key | null, year: number | null): string {
  const name = rowName(ind);
  switch (l2) {
    case "timeliness":
      return `Turn ${name} into a deadline, e.g. “${yearEnd(year)}前完成”, or a timeliness rate “≥95%”`;
    case "quantity":
      return `State this year's quantity and unit of ${name}, e.g. “≥N个”, “=N人”`;
    case "quality":
      return `Write ${name} as a pass or compliance rate, e.g. “≥95%”, “=100%”`;
    case "serviceSatisfaction":
      return `Write satisfaction as a percentage, e.g. ${name} “≥90%”`;
    case "economic":
    case "social":
    case "ecological":
    case "sustainable":
      return `Write ${name} as a value that can be assessed (a rate, a quantity or a change on last year, e.g. “较上年提高 5 个百分点”), or as a concrete standard that can be graded`;
    default:
      return `Write ${name} as “operator + number + unit” (e.g. “≥95%”), or as a concrete standard that can be graded`;
  }
}

// Who a project serves, as its own text names them (goal, 资金用途, 三级, name).
const SERVED = /(脱贫户|农户|村民|居民|群众|学生家长|学生|家长|教师|患者|游客|企业|商户|职工|老年人|老人|儿童|残疾人|养殖户|种植户|市民|用户|辖区群众|服务对象|受益人口|受益对象)/u;

/** The people the project's own text says it serves (“学生”, “村民”), or null. */
export function servedBy(p: Pick<Project, "goals" | "purpose" | "name" | "indicators">): string | null {
  const text = squash([...p.goals, p.purpose ?? "", ...p.indicators.map((i) => i.name), p.name ?? ""].join("；"));
  return SERVED.exec(text)?.[1] ?? null;
}

/** The unit a 三级 name implies ("…人数" → 人, "…次数" → 次, "…率" → %, "…里程" → 公里), else "个" as the usual count. */
export function unitOfName(name: string): string {
  const n = squash(name);
  if (/率|比例|比重|覆盖面/.test(n)) return "%";
  if (/人数|人员|人次/.test(n)) return n.includes("人次") ? "人次" : "人";
  if (/次数|频次|每周|每月/.test(n)) return "次";
  if (/件数|案件|事故/.test(n)) return "件";
  if (/类别|种类/.test(n)) return "类";
  if (/里程|公里/.test(n)) return "公里";
  if (/户数|农户|住户/.test(n)) return "户";
  return "个";
}

/** The first goal, whitespace-free and clipped, for a 建议 that names the project's own aim; null without one. */
export function goalClip(p: Pick<Project, "goals">, max = 24): string | null {
  for (const g of p.goals) {
    const t = squash(g).replace(/^(?:\d+[.、．]|目标\d*[:：]?)/, "");
    if (t.length > 0) return t.length > max ? t.slice(0, max) + "…" : t;
  }
  return null;
}
