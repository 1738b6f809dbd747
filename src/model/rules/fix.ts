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
