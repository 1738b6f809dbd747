import type { Rule } from "../types";
import { coreName } from "../direction";
import { fmt, squash } from "../util";
import { goalBody } from "../goal/text";

// A percentage in the goal with the words before it: "完成项目主体工程70%", "覆盖率达到95%以上".
const GOAL_PCT = /([\u4e00-\u9fa5]{2,12}?)(?:达到|达|不低于|不少于|提高到|提升到|提升至|提高至|保持在|控制在|超过|为|在)?\s*(\d+(?:\.\d+)?)\s*[%％](以上|及以上|以下|以内)?/gu;
// The rate or degree a percentage is about ("满意度", "合格率"): consistency/level-mismatch compares those.
const CONCEPT = /([\u4e00-\u9fa5]{1,6}?(?:率|度))$/u;
const GROWTH = /增长|增加|提高|提升|下降|降低|减少|比上年|同比/u;

/**
 * The goal sets a level no indicator measures: "完成项目主体工程70%" (corpus 31) while no row carries
 * 70 % — the only completion indicator says "完成及时率 ≥100%". A goal is made concrete by its
 * indicators (指标是目标的细化); a level stated in the goal and measured nowhere cannot be assessed.
 * Rates whose concept has an indicator row (满意度, 合格率 …) are consistency/level-mismatch's.
 */
export const rule: Rule = {
  meta: {
    id: "consistency/goal-uncovered",
    category: "consistency",
    title: "目标中的水平没有指标衡量",
    titleEn: "Level in goal not measured by any indicator",
    specificity: 60,
    severity: "warning",
    message: "绩效目标写明“{goal}”，但没有指标衡量这一水平",
    messageEn: "The goal states “{goal}” but no indicator measures that level",
    rationale: "绩效指标是绩效目标的细化和量化；目标中写明的完成比例或水平应有对应的指标，否则无法考核目标是否实现。",
    source: "财预〔2021〕101号 项目目标分解为指标（三个步骤）；财预〔2020〕10号 绩效指标明确性“与计划任务数相对应”（rules-research §1.3、§2.2、§4 P10）",
  },
  check(p, ctx) {
    for (let gi = 0; gi < p.goals.length; gi++) {
      const text = squash(goalBody(p.goals[gi] ?? ""));
      if (text.indexOf("%") < 0 && text.indexOf("％") < 0) continue;
      GOAL_PCT.lastIndex = 0;
      for (let m = GOAL_PCT.exec(text); m !== null; m = GOAL_PCT.exec(text)) {
        const n = Number(m[2]);
        const words = m[1];
        if (GROWTH.test(words)) continue; // a change against last year is measured in other terms
        const concept = CONCEPT.exec(words)?.[1].slice(-3);
        if (concept && p.indicators.some((ind) => coreName(ind.name).includes(concept) || squash(ind.description).includes(concept))) continue;
        const carried = p.indicators.some((ind) => {
          const t = ind.target;
          return (t.unit === "%" && (t.value === n || t.valueMax === n)) || new RegExp(`(?:^|\\D)${fmt(n).replace(".", "\\.")}\\s*[%％]`).test(squash(ind.name));
        });
        if (carried) continue;
        const goal = `${words}${m[2]}%${m[3] ?? ""}`;
        const subject = words.replace(/^(?:完成|实现|确保|力争|达到)/u, "");
        const op = m[3] && /以下|以内/.test(m[3]) ? "≤" : n === 100 ? "=" : "≥";
        ctx.report({
          field: `goals.${gi}`,
          data: { goal },
          fix: `增加衡量这一水平的指标，如“${subject}完成比例 ${op}${fmt(n)}%”，并使其他指标（如完成率、及时率）与“${goal}”一致`,
          fixEn: `Add an indicator measuring this level, e.g. “${subject}完成比例 ${op}${fmt(n)}%”, and make the other indicators (completion, timeliness rates) agree with “${goal}”`,
        });
        break; // one per goal
      }
    }
  },
};
