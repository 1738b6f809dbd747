/**
 * One 专项 with one target column per county / unit: a city's transfer form (专项转移支付绩效目标表, 区域
 * 绩效目标表) whose value caption (区域目标值, 分县目标值 …) spans several columns, each headed by the
 * county it is for:
 *
 *   一级 | 二级 | 三级 | 指标解释 | 区域目标值
 *                                 | 新罗区 | 永定区 | 上杭县 …
 *   产出 | 数量 | 补助县(市、区)数量 | …       | 2      | 3      | 1
 *
 * A user checks each county's targets as that county's table: the form is read as one table per
 * county — the 专项's name, goals and indicator rows, with that county as the table's unit and that
 * county's column as 指标值. The fund's total is for all counties together and the form does not split
 * it, so each county's budget is left empty (its source cell still points at the form's total), and the
 * split is reported with the total.
 */
import type { GridSheet } from "../grid";
import { a1 } from "../grid";
import type { Project } from "../schema";
import type { ReadProblem } from "./types";
import { targetOf, type IndicatorHeader } from "./indicator-block";
import { displayText, isEmptyCell, isMergeSlave, mergeAt, rowCells } from "./labels";
import { classifyColumn, type SynonymTable } from "./synonyms";

export interface RegionColumn {
  c: number;
  name: string;
  ref: string;
}

/**
 * The region columns of an indicator header: its value caption merged over two or more columns, and
 * right under it a row naming each of them (a county, a unit: not a column word, not a number), with
 * nothing else on that row. Null for any other header (指标值 over 符号 | 值 | 单位 names column words).
 */
export function regionColumns(sheet: GridSheet, h: IndicatorHeader, syn: SynonymTable): RegionColumn[] | null {
  const v = h.cols.value;
  if (v === undefined || h.mid) return null;
  const m = mergeAt(sheet, h.row, v);
  if (!m || m.r1 !== h.row || m.c1 !== v || m.c2 <= m.c1) return null;
  const sub = m.r2 + 1;
  const regions: RegionColumn[] = [];
  for (let c = m.c1; c <= m.c2; c++) {
    const name = displayText(sheet, sub, c).trim();
    // Not a county: a number, a column word, or a period (2024年, 中期, 年度, 第一季度 — targets by year are no regions).
    if (!name || /^[-+]?\d/.test(name) || name.length > 20 || classifyColumn(name, syn) || /(年|年度|中期|长期|季度|月|期)$/.test(name)) return null;
    regions.push({ c, name, ref: a1(sub, c) });
  }
  // Nothing else on the row but the header's own merged cells: a header sub-row, not a data row.
  const others = rowCells(sheet, sub).filter((x) => x.c < m.c1 || x.c > m.c2);
  if (others.some((x) => !isMergeSlave(sheet, sub, x.c) && !isEmptyCell(sheet, sub, x.c))) return null;
  return regions.length >= 2 ? regions : null;
}

/** Row (0-based) of an A1 ref. */
function rowOf(ref: string | undefined): number | null {
  const m = /(\d+)$/.exec(ref ?? "");
  return m ? Number(m[1]) - 1 : null;
}

/** The table read once, made into one table per region column (see the module comment). */
export function splitByRegion(sheet: GridSheet, project: Project, h: IndicatorHeader, regions: RegionColumn[], problems: ReadProblem[]): Project[] {
  const total = project.budget.total;
  const caption = a1(h.row, h.cols.value!);
  problems.push({
    severity: "info",
    message:
      `工作表“${sheet.name}”${caption} 的“${displayText(sheet, h.row, h.cols.value!).trim()}”按区域分列，已按补助区域读成 ${regions.length} 张表（${regions.map((r) => r.name).join("、")}），` +
      `每张表的指标值取该区域一列${total !== null ? `；资金总额 ${total} 万元是各区域合计，表中未分到区域，各区域的预算为空` : ""}（one table per region column）`,
    sheet: sheet.name,
    cell: caption,
  });
  return regions.map((region) => {
    const p: Project = structuredClone(project);
    // The county is the table's unit; the bureau that filed the form stays its 主管部门.
    p.competentDepartment = project.competentDepartment ?? (project.unit.name ? { ...project.unit } : null);
    p.unit = { code: null, name: region.name };
    p.title = `${project.title ?? project.name ?? "项目"}（${region.name}）`;
    // No amount of its own (a number here would be counted once per region). budget.total's source cell stays:
    // the form's total, for all regions together, is where a reviewer looks.
    p.budget = { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } };
    for (const k of Object.keys(p.source.cells)) if ((k === "budget" || k.startsWith("budget.")) && k !== "budget.total") delete p.source.cells[k];
    p.source.cells.unit = region.ref;
    for (const ind of p.indicators) {
      const r = rowOf(ind.source.target);
      if (r === null) continue;
      const { target, parts } = targetOf(sheet, r, { ...h.cols, value: region.c }, ind.source);
      ind.target = target;
      ind.targetParts = parts;
    }
    return p;
  });
}
