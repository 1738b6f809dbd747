/**
 * Which profile (regime) a workbook is checked under when the caller names none and the workbook
 * declares none (our template records it): inferred from the form's own layout.
 *
 * - A table read by a province's own reader is that province's form: Ningxia's layout → ningxia,
 *   the Hebei / 承德 layouts → hebei.
 * - Otherwise the indicator framework decides: a form whose indicators stand under 成本指标 as a 一级, or
 *   under a 2021 成本 二级 (经济/社会/生态环境成本指标), is a 财预〔2021〕101号 form → central-2021, unless
 *   more of its tables keep 成本 as a 二级 under 产出 (the 2015 framework). A 中期 | 年度 column pair is
 *   no evidence either way (2015-framework forms pair them too, e.g. 武汉 2020).
 * - Nothing to go on → hebei, the default.
 *
 * The caller reports the reason (sheet and cell of the deciding label) so a user sees why, and an
 * explicit --profile always wins.
 */
import type { Indicator, ProfileName, Project } from "../schema";
import { LEVEL1, LEVEL2 } from "../taxonomy";

export type ProfileSource = "option" | "declared" | "inferred" | "default";

export interface ProfileInference {
  profile: ProfileName;
  /** zh-CN: what in the form decided it. */
  reason: string;
  sheet: string | null;
  cell: string | null;
}

const COST_2021_LEVEL2: ReadonlySet<string> = new Set([LEVEL2.economicCost, LEVEL2.socialCost, LEVEL2.ecologicalCost]);

/** The project's indicators, 中期 ones included. */
function allIndicators(p: Project): Indicator[] {
  return [...p.indicators, ...(p.midTerm?.indicators ?? [])];
}

/** The first indicator of a table that shows the 2021 framework (成本 as a 一级), or the 2015 one (成本 under 产出). */
function frameworkEvidence(p: Project): { y2021: Indicator | null; y2015: Indicator | null } {
  let y2021: Indicator | null = null;
  let y2015: Indicator | null = null;
  for (const i of allIndicators(p)) {
    if (!y2021 && (i.level1 === LEVEL1.cost || COST_2021_LEVEL2.has(i.level2))) y2021 = i;
    if (!y2015 && i.level1 === LEVEL1.output && i.level2 === LEVEL2.cost) y2015 = i;
  }
  return { y2021, y2015 };
}

/** The profile the form's layout shows, or null when nothing in it points anywhere (the caller's default applies). */
export function inferProfile(projects: readonly Project[]): ProfileInference | null {
  const own = projects.find((p) => p.layout === "ningxia") ?? projects.find((p) => p.layout === "hebei" || p.layout === "chengde");
  if (own) {
    const profile: ProfileName = own.layout === "ningxia" ? "ningxia" : "hebei";
    const form = own.layout === "ningxia" ? "宁夏部门项目支出预算绩效目标表" : own.layout === "chengde" ? "承德绩效目标表" : "河北预算项目绩效目标表";
    return { profile, reason: `表格是${form}的版式`, sheet: own.source.sheet, cell: own.source.range?.split(":")[0] ?? null };
  }
  let n2021 = 0;
  let n2015 = 0;
  let first: Indicator | null = null;
  let firstSheet: string | null = null;
  for (const p of projects) {
    const e = frameworkEvidence(p);
    if (e.y2021) {
      n2021++;
      if (!first) {
        first = e.y2021;
        firstSheet = p.source.sheet;
      }
    }
    if (e.y2015) n2015++;
  }
  if (first && n2021 >= n2015) {
    const asLevel1 = first.level1 === LEVEL1.cost;
    const label = asLevel1 ? (first.level1Raw ?? first.level1) : (first.level2Raw ?? first.level2);
    const cell = (asLevel1 ? first.source.level1 : first.source.level2) ?? first.source.name ?? null;
    const what = asLevel1 ? `“${label}”是一级指标` : `有 2021 年体系的成本二级指标“${label}”`;
    return { profile: "central-2021", reason: `${what}（财预〔2021〕101号指标体系）`, sheet: firstSheet, cell };
  }
  return null;
}
