import type { Rule } from "../types";
import { goalBody } from "./text";

// A verb with 了 ("提升了", "完成了") or 已/已经 + a result ("已完成", "已建成"): a report of what was done.
const PAST = /(?:完成|提升|提高|实现|达到|保障|得到|取得|确保|加强|改善|增强|维护|推进|开展|落实|发挥|保证|满足|解决|建成|购置|采购|支付|发放|有效遏制|遏制)了|已经?(?:完成|实现|达到|建成|投入使用|全部|按时|顺利|圆满|如期|基本)/;

/**
 * A goal written in the past tense ("…提升了公安服务能力和水平", seed 001 #28; "已完成…"): the text of a
 * self-evaluation (完成情况) copied into the target table. A target says what will be achieved in the
 * budget year.
 */
export const rule: Rule = {
  meta: {
    id: "goal/past-tense",
    severity: "info",
    message: "绩效目标写成已完成的情况：“{text}”",
    messageEn: "Goal written as already achieved: “{text}”",
    rationale: "绩效目标是预算年度内预期达到的产出和效果；写成“提升了”“已完成”等完成情况，多为照抄自评报告或上年总结。",
    category: "goal",
    title: "目标写成完成情况",
    titleEn: "Goal written as an outcome report",
    specificity: 35,
    source: "财预〔2015〕88号 绩效目标“预算资金在一定期限内预期达到的产出和效果”（rules-research §2.1、§2.3）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.goals.length; i++) {
      const body = goalBody(p.goals[i]);
      const m = PAST.exec(body.replace(/\s+/g, ""));
      if (!m) continue;
      const c = body.replace(/\s+/g, "");
      const from = Math.max(0, m.index - 10);
      ctx.report({
        field: `goals.${i}`,
        data: { text: (from > 0 ? "…" : "") + c.slice(from, m.index + m[0].length + 10) + (m.index + m[0].length + 10 < c.length ? "…" : "") },
        fix: `写成本年度预期达到的结果，如把“${m[0]}”改为“${m[0].replace(/了$/, "").replace(/^已经?/, "")}”并写明数量和时间`,
        fixEn: `Write the result expected this year, e.g. change “${m[0]}” to “${m[0].replace(/了$/, "").replace(/^已经?/, "")}” and state quantities and dates`,
      });
      return;
    }
  },
};
