import type { Rule } from "../types";
import { LEVEL1, LEVEL2, frameworksOf, level2Allowed, level2Options, type Framework, type Level1Key } from "../../taxonomy";
import type { Project } from "../../schema";
import { facts, homeLevel1, isBlank, level2KeyOf, squash } from "../util";

/**
 * A printed 二级 that names several 二级 of its 一级 at once: 东莞's 批复表 prints “社会、经济、生态效益 指标”
 * (corpus 42) for the three benefits together. Each part is a 二级 allowed there (“社会” read as 社会效益指标),
 * so nothing is misplaced. Only on other provinces' forms: our template's drop-down has no such label.
 */
function combinedLevel2(p: Project, raw: string, a: Level1Key, framework: Framework): boolean {
  if (p.layout === "template") return false;
  const parts = squash(raw).replace(/指标$/, "").split(/[、,，/／和及与]/).filter((s) => s.length > 0);
  if (parts.length < 2) return false;
  const tail = parts[parts.length - 1].match(/(效益|指标)$/)?.[1] ?? "";
  for (const part of parts) {
    const key = level2KeyOf(part) ?? level2KeyOf(part + "指标") ?? (tail ? level2KeyOf(part + tail + "指标") ?? level2KeyOf(part + tail) : null);
    if (key === null || !level2Allowed(framework, a, key)) return false;
  }
  return true;
}

/**
 * 二级 must be a known label allowed under its 一级 in the project's framework: seed 002 P1 has 成本指标
 * under 满意度 and 数量指标 under 效果; P16 uses "执法培训" in place of 质量指标. Semantic misplacement
 * (a rate under 数量) is value/type-mismatch.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/level2-mismatch",
    category: "framework",
    title: "二级指标放错位置",
    titleEn: "Level-2 indicator in the wrong place",
    specificity: 80,
    severity: "error",
    message: "二级指标“{level2}”不属于一级指标“{level1}”",
    messageEn: "Level-2 “{level2}” is not allowed under level-1 “{level1}”",
    rationale: "二级指标须在其一级指标之下：产出含数量/质量/时效（2015 年框架含成本），效益含经济/社会/生态/可持续影响，满意度含服务对象满意度。",
    source: "财预〔2015〕88号；财预〔2021〕101号（rules-research §2.4、§6 D22）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const a = f.l1[i];
      if (a === null) continue; // unknown-level1 reports it
      const ind = p.indicators[i];
      const b = f.l2[i];
      if (b !== null && level2Allowed(f.framework, a, b)) continue;
      const options = level2Options(f.framework, a).join("、");
      const optionsEn = level2Options(f.framework, a).map((l) => `“${l}”`).join(", ");
      if (b === null) {
        if (f.shifted) continue; // the table has no 二级 level (facts.shifted)
        const raw = (ind.level2Raw ?? ind.level2).trim();
        if (combinedLevel2(p, raw, a, f.framework)) continue;
        ctx.report({
          field: `indicators.${i}.level2`,
          message: isBlank(raw) ? `第 ${i + 1} 条指标缺少二级指标` : `二级指标“${raw}”不是规范名称`,
          messageEn: isBlank(raw) ? `Indicator ${i + 1} has no level-2 indicator` : `Level-2 “${raw}” is not a standard name`,
          fix: options ? `${LEVEL1[a]}下的二级指标应为：${options}` : undefined,
          fixEn: options ? `Under “${LEVEL1[a]}” the level-2 should be one of ${optionsEn}` : undefined,
        });
        continue;
      }
      if (f.mixed && frameworksOf(a, b).length > 0) continue; // framework-mixed reports it
      const home = homeLevel1(f.framework, b);
      ctx.report({
        field: `indicators.${i}.level2`,
        data: { level2: LEVEL2[b], level1: LEVEL1[a] },
        fix: home ? `移到“${LEVEL1[home]}”下，或改用${LEVEL1[a]}的二级指标：${options}` : `${LEVEL1[a]}下的二级指标应为：${options}`,
        fixEn: home ? `Move it under “${LEVEL1[home]}”, or use a level-2 of “${LEVEL1[a]}”: ${optionsEn}` : `Under “${LEVEL1[a]}” the level-2 should be one of ${optionsEn}`,
      });
    }
  },
};
