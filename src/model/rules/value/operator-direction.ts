import type { Rule } from "../types";
import { facts, isCostRow, isSatisfactionRow, rowLabel, squash } from "../util";

// Counts and rates of bad events, where lower is better: the name ENDS with the event and its
// measure ("刑事案件发案数", "重新犯罪率"); "交通事故处理量" (work done) does not match. Not when the
// name speaks of their reduction (降低率 ≥ is right).
const LOWER_BETTER = /(?:发案|事故|犯罪|伤亡|死亡|失联|废品|差错|错误|投诉|故障|发生|违法|脱逃|逾期|返工|超支)(?:数|数量|次数|起数|人数|率)$/;
const REDUCTION = /降低|下降|减少|减低|压降|控制率/;
const ANNOTATION = /[（(][^（()）]*[)）]?$/;
// Concepts where higher is better.
const HIGHER_BETTER = /满意|办结率|结案率|处理率|处置率|侦破|破案|抓获|通过率|有效率|成功率|完成率|覆盖率|合格率|使用率|利用率|到位率|知晓率|及时率|破案率|准确率|执行率|发现率|达标率|完好率|正确率|覆盖面|参与率|受益|安全感/;
// 时效 durations that are time spent (lower is better), as opposed to lifetimes (使用年限 ≥3年).
const TIME_SPENT = /完成时间|办结时间|响应时间|处置时间|到达时间|所需时间|用时|时限|耗时|周期|办理时间|处理时间/;

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
export const rule: Rule = {
  meta: {
    id: "value/operator-direction",
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
            fix: `改为“≥${t.value}%”`,
          });
        continue;
      }
      const max = op === "≤" || op === "<";
      let reason: string | null = null;
      let fix: string | undefined;
      const name = squash(ind.name).replace(ANNOTATION, "");
      if (isCostRow(f.l1[i], f.l2[i])) {
        if (!max && (t.kind === "money" || (t.kind === "number" && t.unit === null))) {
          reason = "成本是上限，应使用 ≤";
          fix = `改为“≤${t.value ?? ""}${t.unit ?? ""}”`;
        }
      } else if (isSatisfactionRow(f.l1[i], f.l2[i])) {
        if (max && t.kind === "percent") reason = "满意度是正向指标，应使用 ≥";
      } else if (f.l2[i] === "timeliness") {
        if (!max && t.kind === "date") reason = "完成时限应写作“≤日期”或“日期前”";
        else if (!max && t.kind === "duration" && TIME_SPENT.test(name)) reason = "用时越短越好，应使用 ≤";
      }
      if (reason === null && t.kind === "percent") {
        if (max && HIGHER_BETTER.test(name) && !LOWER_BETTER.test(name)) reason = "该比率越高越好，应使用 ≥";
        else if (!max && LOWER_BETTER.test(name) && !REDUCTION.test(name) && !HIGHER_BETTER.test(name)) reason = "该比率越低越好，应使用 ≤";
      } else if (reason === null && t.kind === "number" && !max && LOWER_BETTER.test(name) && !REDUCTION.test(name) && !name.endsWith("率")) {
        reason = "发案、事故等数量越少越好，应使用 ≤";
      }
      if (reason) ctx.report({ field: `indicators.${i}.target`, data: { row: rowLabel(ind), value: t.raw.trim(), reason }, fix });
    }
  },
};
