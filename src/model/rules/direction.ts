/**
 * The ONE place that knows which indicator concepts are better higher or lower (bad events, time
 * spent, rates of success), for every rule that needs a direction: value/operator-direction,
 * value/quantity-ceiling, value/trivial-target, the 建议 builder (suggest.ts).
 */
import { squash } from "./util";

// Bad events whose count or rate should go down (发案, 事故, 投诉 …).
const BAD_EVENT_WORDS = "发案|案发|事故|犯罪|伤亡|死亡|失联|废品|差错|错误|投诉|故障|违法|违纪|脱逃|逾期|返工|超支|超标|火灾|事件发生|上访|信访|纠纷|污染|损失|漏洞|隐患|缺陷|不合格|退回|重复|争议|变质|霉变";

// The name ENDS with the event and its measure ("刑事案件发案数", "重新犯罪率"); "交通事故处理量"
// (work done) does not match.
const LOWER_BETTER = new RegExp(`(?:${BAD_EVENT_WORDS}|发生)(?:数|数量|次数|起数|人数|件数|率|比例|比率)$`);
// Work done ABOUT bad events is an output (查处违法案件数, 事故处理量): higher is better.
const WORK_ON = /处理|处置|查处|侦破|破获|办理|办结|调解|化解|整治|整改|排查|宣传|培训|打击|抓获|鉴定|受理|接处|出警|救助|治理|清理|检查|巡查|核查|消除|查办|侦办|立案/;
const BAD_EVENT = new RegExp(BAD_EVENT_WORDS);
/** Reduction of something bad: "降低率 ≥" is right. */
export const REDUCTION = /降低|下降|减少|减低|压降|控制率|减少率/;
/** Growth and increase rates, which may exceed 100 % (增长率 150 %). */
export const GROWTH = /增长|增幅|增加|提高率|提升率|同比|环比|比上年|较上年/;
/** Concepts where higher is better. */
export const HIGHER_BETTER =
  /满意|办结率|结案率|处理率|处置率|侦破|破案|抓获|通过率|有效率|成功率|完成率|覆盖率|合格率|使用率|利用率|到位率|知晓率|及时率|破案率|准确率|执行率|发现率|达标率|完好率|正确率|覆盖面|参与率|受益|安全感/;
/** 时效 durations that are time spent (lower is better), as opposed to lifetimes (使用年限 ≥3年). */
export const TIME_SPENT = /完成时间|办结时间|响应时间|处置时间|到达时间|所需时间|用时|时限|耗时|周期|办理时间|处理时间/;
// "（%）" / "(个)" annotations at the end of a 三级.
const ANNOTATION = /[（(][^（()）]*[)）]?$/;

/** 三级 without whitespace and without a trailing "（%）"-style annotation. */
export function coreName(name: string): string {
  const s = squash(name);
  return s.indexOf("(") < 0 && s.indexOf("（") < 0 ? s : s.replace(ANNOTATION, "");
}

/** The 三级 ends with a bad event and its measure (刑事案件发案数, 重新犯罪率, 不合格率). */
export function endsWithBadEvent(core: string): boolean {
  return endsWithMeasure(core) && LOWER_BETTER.test(core);
}

// LOWER_BETTER's names end with 数, 量, 率 or 例 (比例): a cheap test before its scan of the whole name.
function endsWithMeasure(core: string): boolean {
  const c = core.charCodeAt(core.length - 1);
  return c === 0x6570 || c === 0x91cf || c === 0x7387 || c === 0x4f8b;
}

/** A count or rate of bad events where lower is better: named so at its end, and not their reduction. */
export function isLowerBetter(core: string): boolean {
  return endsWithMeasure(core) && LOWER_BETTER.test(core) && !REDUCTION.test(core) && !HIGHER_BETTER.test(core.replace(NOT_HIGHER, ""));
}
// "不合格率" contains "合格率" but is a bad-event rate.
const NOT_HIGHER = /不合格|未完成|未通过|不满意/g;

/**
 * A quantity where fewer is better, so a ceiling (≤) is right: a bad event anywhere in the name
 * (发案起数, 安全事故, 群众投诉量, 超标排放) unless the row counts work done about it (查处违法案件数).
 */
export function isLowerBetterQuantity(core: string): boolean {
  if (isLowerBetter(core)) return true;
  return BAD_EVENT.test(core) && !WORK_ON.test(core) && !REDUCTION.test(core);
}

/** A rate of bad events (事故率, 差错率, 投诉率, 重新犯罪率): a ceiling is the target. */
export function isBadEventRate(core: string): boolean {
  return core.endsWith("率") && isLowerBetter(core);
}
