import type { Rule } from "../types";
import { facts, fmt, isCostRow, isSatisfactionRow, rowLabel, rowLabelEn } from "../util";
import { statedDirection, withOperator } from "../suggest";
import { coreName, endsWithBadEvent, HIGHER_BETTER, isLowerBetter, TIME_SPENT } from "../direction";

/**
 * Plausibility of the operator's direction (heuristic, documented):
 *  - 满意度 rows with "=" below 100% (seed 002 P18 "满意率 = 90 %": a floor written as an exact value);
 *  - 满意度 rows and "higher is better" rates (完成率, 覆盖率, 使用率, 发现率 …) with ≤ or <
 *    (seed 002 P13 设备投入使用率 ＜100%, P15 及时发现率 ≤60%);
 *  - "lower is better" concepts (发案, 事故, 伤亡, 投诉 …) with ≥ or >, unless the name is about their
 *    reduction (降低率/减少率 ≥ is right);
 *  - amounts in 成本 rows with ≥ or > (a cost is a ceiling; seed 002 P21 "≥1835 元/人");
 *  - 时效 rows: a date with ≥/> (a deadline is "by"), or time spent (完成时间, 响应时间 …) with ≥/>.
 */
/** The English of each reason above. */
const REASON_EN: Readonly<Record<string, string>> = {
  "成本是上限，应使用 ≤": "a cost is a ceiling; use ≤",
  "满意度是正向指标，应使用 ≥": "satisfaction is better when higher; use ≥",
  "完成时限应写作“≤日期”或“日期前”": "a deadline is written “≤date” or “date前”",
  "用时越短越好，应使用 ≤": "the shorter the time taken the better; use ≤",
  "该比率越高越好，应使用 ≥": "this rate is better when higher; use ≥",
  "该比率越低越好，应使用 ≤": "this rate is better when lower; use ≤",
  "发案、事故等数量越少越好，应使用 ≤": "fewer cases or accidents is better; use ≤",
};

export const rule: Rule = {
  meta: {
    id: "value/operator-direction",
    category: "value",
    title: "运算符方向可疑",
    titleEn: "Operator points the wrong way",
    specificity: 80,
    severity: "warning",
    message: "{row}的指标值“{value}”方向可疑：{reason}",
    messageEn: "Operator direction of {row} “{value}” looks wrong: {reason}",
    rationale: "正向指标（完成率、满意度）用 ≥，反向指标（发案数、成本、用时）用 ≤；方向写反会使目标失去意义。",
    source: "财预〔2021〕101号 正向/反向指标（rules-research §1.4、§4 P11、§6 E35）",
  },
  check(p, ctx) {
    const f = facts(p, ctx.profile);
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const t = ind.target;
      const op = t.operator;
      if (op === null) continue;
      if (op === "=") {
        // Seed 002 P18 "满意率 = 90 %": a satisfaction target is a floor, not an exact value.
        if (t.kind === "percent" && t.value !== null && t.value < 100 && isSatisfactionRow(f.l1[i], f.l2[i]))
          ctx.report({
            field: `indicators.${i}.target`,
            data: { row: rowLabel(ind), value: t.raw.trim(), reason: "满意度目标是下限，应使用 ≥" },
            dataEn: { row: rowLabelEn(ind), reason: "a satisfaction target is a floor; use ≥" },
            fix: `改为“${withOperator(t, "≥") ?? `≥${fmt(t.value)}%`}”`,
            fixEn: `Write “${withOperator(t, "≥") ?? `≥${fmt(t.value)}%`}”`,
          });
        continue;
      }
      const max = op === "≤" || op === "<";
      let reason: string | null = null;
      let fix: string | undefined;
      let fixEn: string | undefined;
      const name = coreName(ind.name);
      if (isCostRow(f.l1[i], f.l2[i])) {
        if (!max && (t.kind === "money" || (t.kind === "number" && t.unit === null))) {
          reason = "成本是上限，应使用 ≤";
          const v = withOperator(t, "≤");
          // Seed 002 P21 "每人每年服装费不低于1835元 ≥1835元/人": the 描述 states a floor, so "≤1835" would
          // contradict it; what is missing is the cost ceiling, not a flipped sign.
          if (statedDirection(ind) === "≥")
            fix =
              p.budget.total !== null
                ? `描述写的是“不低于”的发放标准；成本指标应写支出上限，如总成本“≤${fmt(p.budget.total)}万元”，标准写作“=${fmt(t.value ?? 0)}${t.unit ?? ""}”`
                : "描述写的是“不低于”的发放标准；成本指标应写支出上限（总成本 ≤ 预算数），标准写作“=”";
          if (statedDirection(ind) === "≥")
            fixEn =
              p.budget.total !== null
                ? `The description states a minimum standard (“不低于”); a cost indicator states a spending ceiling, e.g. total cost “≤${fmt(p.budget.total)}万元”, the standard written “=${fmt(t.value ?? 0)}${t.unit ?? ""}”`
                : "The description states a minimum standard (“不低于”); a cost indicator states a spending ceiling (total cost ≤ the budget), the standard written with “=”";
          else if (v) {
            fix = `改为“${v}”`;
            fixEn = `Write “${v}”`;
          }
        }
      } else if (isSatisfactionRow(f.l1[i], f.l2[i])) {
        if (max && t.kind === "percent") reason = "满意度是正向指标，应使用 ≥";
      } else if (f.l2[i] === "timeliness") {
        if (!max && t.kind === "date") reason = "完成时限应写作“≤日期”或“日期前”";
        else if (!max && t.kind === "duration" && TIME_SPENT.test(name)) reason = "用时越短越好，应使用 ≤";
      }
      if (reason === null && t.kind === "percent") {
        if (max && HIGHER_BETTER.test(name) && !endsWithBadEvent(name)) reason = "该比率越高越好，应使用 ≥";
        else if (!max && isLowerBetter(name)) reason = "该比率越低越好，应使用 ≤";
      } else if (reason === null && t.kind === "number" && !max && isLowerBetter(name) && !name.endsWith("率")) {
        reason = "发案、事故等数量越少越好，应使用 ≤";
      }
      if (reason && !fix) {
        // The 建议 writes this row's own value with the operator the reason names.
        const want = reason.includes("≥") ? "≥" : reason.includes("≤") ? "≤" : null;
        const v = want ? withOperator(t, want) : null;
        fix = v ? `改为“${v}”` : t.kind === "date" ? `改为“${t.raw.trim().replace(/^[≥>＞≧]\s*/, "")}前”` : undefined;
        fixEn = v ? `Write “${v}”` : t.kind === "date" ? `Write “${t.raw.trim().replace(/^[≥>＞≧]\s*/, "")}前”` : undefined;
      }
      if (reason) ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind), value: t.raw.trim(), reason }, dataEn: { row: rowLabelEn(ind), reason: REASON_EN[reason] ?? reason }, fix, fixEn });
    }
  },
};

