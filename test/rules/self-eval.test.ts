/**
 * The 绩效自评表 rules (self-eval/*): 执行率 against the amounts, 得分 against 分值, 总分 against the
 * parts, and a missed target without a reason. Projects shaped as the self-evaluation reader makes them;
 * the corpus forms (05 Anhui, 25 中江) where the published tables carry these anomalies.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ruleTester, project, target } from "./rule-tester";
import type { ExecutionLine, Indicator, Project } from "../../src/model/schema";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { validate } from "../../src/model/validate";

function line(role: ExecutionLine["role"], label: string, annual: number | null, executed: number | null, rate: number | null, weight: number | null = null, score: number | null = null): ExecutionLine {
  return { role, label, initial: annual, annual, executed, rate, weight, score };
}

function ind(name: string, value: string, actual: string, weight: number | null, score: number | null, deviation: string | null = null): Indicator {
  return {
    level1: "产出指标",
    level2: "数量指标",
    name,
    description: null,
    target: target(value),
    targetParts: null,
    basis: null,
    scoring: null,
    level1Raw: null,
    level2Raw: null,
    weight,
    actual: target(actual),
    score,
    deviation,
    source: { name: "D12", target: "E12", actual: "F12", weight: "G12", score: "H12", deviation: "I12" },
  };
}

/** A scored 自评表: 10 points for the 执行率, 90 for the indicators, total 100. */
function selfEval(overrides: { funds?: ExecutionLine[]; indicators?: Indicator[]; totalWeight?: number | null; totalScore?: number | null } = {}): Project {
  const p = project({ layout: "self-eval", spendPlan: null });
  p.indicators = overrides.indicators ?? [ind("养护里程", "≥50公里", "50公里", 50, 50), ind("桥梁检测数", "≥10座", "10座", 40, 40)];
  p.selfEvaluation = {
    funds: overrides.funds ?? [line("total", "年度资金总额", 48, 45.6, 95, 10, 9.5), line("fiscal", "其中：财政拨款", 48, 45.6, 95)],
    goalsActual: ["完成养护50公里"],
    totalWeight: overrides.totalWeight === undefined ? 100 : overrides.totalWeight,
    totalScore: overrides.totalScore === undefined ? 99.5 : overrides.totalScore,
    grade: null,
    conclusion: null,
    issues: null,
    measures: null,
  };
  p.source.cells = { ...p.source.cells, "selfEvaluation.funds.0.rate": "G6", "selfEvaluation.funds.0.score": "H6", "selfEvaluation.totalWeight": "A15", "selfEvaluation.totalScore": "H15" };
  return p;
}

ruleTester("self-eval/rate-mismatch", {
  valid: [
    { name: "95% = 45.6 ÷ 48", project: selfEval() },
    { name: "rounded to a whole percent", project: selfEval({ funds: [line("total", "年度资金总额", 90, 89.974, 100)] }) },
    { name: "no 全年预算数 (a blank line)", project: selfEval({ funds: [line("total", "年度资金总额", 0, 0, 0)] }) },
    { name: "not a self-evaluation", project: project() },
  ],
  invalid: [
    {
      name: "执行率 0 although everything was spent",
      project: selfEval({ funds: [line("total", "年度资金总额:", 89.974, 89.974, 0, 10, 0)] }),
      errors: [{ cell: "G6", severity: "warning", messageIncludes: "年度资金总额：执行率 0% 与 全年执行数 89.974 ÷ 全年预算数 89.974 = 100% 不符" }],
    },
  ],
});

ruleTester("self-eval/score-exceeds-points", {
  valid: [{ name: "scores within their points", project: selfEval() }, { name: "unscored form", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "", 50, null)] }) }],
  invalid: [
    { name: "an indicator scored above its points", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "50公里", 20, 25)] }), errors: [{ cell: "H12", severity: "error", messageIncludes: "「养护里程」得分 25 超过分值 20" }] },
    { name: "the 执行率 line scored above its points", project: selfEval({ funds: [line("total", "年度资金总额", 48, 45.6, 95, 10, 12)] }), errors: [{ cell: "H6", messageIncludes: "年度资金总额：得分 12 超过分值 10" }] },
  ],
});

ruleTester("self-eval/total-mismatch", {
  valid: [
    { name: "10 + 50 + 40 = 100, 9.5 + 50 + 40 = 99.5", project: selfEval() },
    { name: "indicators not scored yet: 得分 not compared", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "", 50, null), ind("桥梁检测数", "≥10座", "", 40, null)], totalScore: null }) },
  ],
  invalid: [
    {
      name: "points add up to 110 (corpus 25 中江)",
      project: selfEval({ indicators: [ind("养护里程", "≥50公里", "50公里", 60, 60), ind("桥梁检测数", "≥10座", "10座", 40, 40)], totalWeight: 100, totalScore: 100 }),
      errors: [
        { cell: "A15", messageIncludes: "总分分值 100 ≠ 各指标分值与预算执行率分值之和 110" },
        { cell: "H15", messageIncludes: "总分得分 100 ≠ 各指标得分与预算执行率得分之和 109.5" },
      ],
    },
  ],
});

ruleTester("self-eval/missing-deviation", {
  valid: [
    { name: "target reached", project: selfEval() },
    { name: "missed with a reason", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "48公里", 50, 48, "两段路面因汛期顺延")] }) },
    { name: "qualitative actual: not compared", project: selfEval({ indicators: [ind("通行条件", "明显改善", "有所改善", 50, 40)] }) },
    { name: "a ceiling kept", project: selfEval({ indicators: [ind("项目总成本", "≤90万元", "89.97万元", 50, 50)] }) },
  ],
  invalid: [
    { name: "≥50 with 48 and no reason", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "48公里", 50, 48)] }), errors: [{ cell: "I12", messageIncludes: "「养护里程」实际完成值 48公里 未达到年度指标值 ≥50公里" }] },
    { name: "a ceiling exceeded", project: selfEval({ indicators: [ind("项目总成本", "≤90万元", "95万元", 50, 40)] }), errors: [{ messageIncludes: "未达到年度指标值 ≤90万元" }] },
  ],
});

ruleTester("self-eval/missing-actual", {
  valid: [
    { name: "every actual filled", project: selfEval() },
    { name: "a target table (no 实际完成值 column)", project: project() },
  ],
  invalid: [
    {
      name: "actuals left blank (corpus 22 青神)",
      project: selfEval({ indicators: [ind("养护里程", "≥50公里", "", 50, null), ind("桥梁检测数", "≥10座", "", 40, null)], totalScore: null }),
      errors: [{ cell: "F12", severity: "warning", messageIncludes: "2 条指标未填写实际完成值：「养护里程」、「桥梁检测数」" }],
    },
  ],
});

ruleTester("self-eval/actual-is-target", {
  valid: [
    { name: "measured actuals", project: selfEval() },
    { name: "an actual equal to the target number is fine", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "50公里", 50, 50)] }) },
    { name: "a target table", project: project() },
    // Corpus 51: “成本控制 → 不超过预算” said again as the outcome: no number was copied.
    { name: "a qualitative target said again as the outcome (corpus 51)", project: selfEval({ indicators: [ind("成本控制", "不超过预算", "不超过预算", 10, 10)] }) },
  ],
  invalid: [
    {
      // Corpus 25 中江: every 全年实际值 repeats the target with its operator ("≥266米").
      name: "the target copied into the actual (corpus 25)",
      project: selfEval({ indicators: [ind("安装坡面水标尺", "≥266米", "≥266米", 50, 50), ind("受益人口数", "≥1000人", "1000人以上", 40, 40)] }),
      // Both rows sit on the helper's one row (F12): ordered by message.
      errors: [
        { messageIncludes: "“1000人以上”带有“以上”" },
        { cell: "F12", severity: "warning", messageIncludes: "「安装坡面水标尺」的实际完成值“≥266米”带有“≥”", fixIncludes: "如“266米”或实测的数），不带“≥”" },
      ],
    },
  ],
});

ruleTester("self-eval/narrative", {
  valid: [
    { name: "实际完成情况 written", project: selfEval() },
    { name: "a target table", project: project() },
  ],
  invalid: [
    {
      name: "no 实际完成情况 beside the 预期目标 (corpus 22: the prompt is left there)",
      project: (() => {
        const p = selfEval();
        p.selfEvaluation!.goalsActual = [];
        p.source.cells["selfEvaluation.goalsActual"] = "F11";
        return p;
      })(),
      errors: [{ cell: "F11", messageIncludes: "未填写年度总体目标的实际完成情况", fixIncludes: "对照预期目标“1.年内完成 10 台执法记录仪采购并投入使用" }],
    },
    {
      // Corpus 26 南华: 实际完成情况 is the 预期目标 word for word; 25 中江: a piece of it.
      name: "实际完成情况 copies the goal (corpus 26) or a piece of it (corpus 25)",
      project: (() => {
        const p = selfEval();
        p.goals = ["对农村地区供水计量设施设备进行改进，对项目区农业用水计量，为项目区农业生产夯实基础，"];
        p.selfEvaluation!.goalsActual = ["对项目区农业用水计量,为项目区农业生产夯实基础,"];
        p.source.cells["selfEvaluation.goalsActual.0"] = "F10";
        return p;
      })(),
      errors: [{ cell: "F10", messageIncludes: "只是照抄了预期目标的一部分" }],
    },
    {
      name: "评价结论 / 存在问题 / 改进措施 printed and left blank (corpus 22)",
      project: (() => {
        const p = selfEval();
        Object.assign(p.source.cells, { "selfEvaluation.conclusion": "B18", "selfEvaluation.issues": "B19", "selfEvaluation.measures": "B20" });
        p.selfEvaluation!.measures = "加强项目管理";
        return p;
      })(),
      errors: [{ cell: "B18", messageIncludes: "评价结论、存在问题未填写", fixIncludes: "写明自评总分和取得的成效、存在的问题及原因" }],
    },
  ],
});

test("on the corpus: 25 中江's points that add up to 110 are flagged; 22 青神's unfilled self-evaluation (actuals, 完成情况, 结论) is named, nothing else", async () => {
  const dir = path.join(__dirname, "..", "corpus", "workbooks");
  const run = async (f: string) => validate(readWorkbook(await loadGrid(fs.readFileSync(path.join(dir, f)))).document).findings.filter((x) => x.ruleId.startsWith("self-eval/"));
  const zj = await run("25-四川中江-衔接资金自评表-2022.xlsx");
  expect(zj.map((f) => f.ruleId)).toContain("self-eval/total-mismatch");
  expect(zj.find((f) => f.ruleId === "self-eval/total-mismatch")?.message).toContain("110");
  expect((await run("22-四川青神-自评表-2023.xlsx")).map((f) => [f.ruleId, f.cell]).sort()).toEqual([
    ["self-eval/missing-actual", "H15"],
    ["self-eval/narrative", "B18"],
    ["self-eval/narrative", "H5"],
  ]);
});

ruleTester("self-eval/score-deducted", {
  valid: [
    { name: "full marks for targets reached", project: selfEval() },
    { name: "a deduction explained", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "50公里", 50, 45, "部分路段验收延后")] }) },
    { name: "a target missed scores less (missing-deviation's case)", project: selfEval({ indicators: [ind("养护里程", "≥50公里", "48公里", 50, 45)] }) },
    { name: "a qualitative actual is not compared", project: selfEval({ indicators: [ind("通行条件", "明显改善", "有所改善", 50, 40)] }) },
    { name: "a target table", project: project() },
  ],
  invalid: [
    {
      // Corpus 47 丽江: 72890 元 of 72890 元 scored 9 of 10; 95 % of ≥95 % scored 27 of 30 (both on the helper's row, by message).
      name: "targets reached, points deducted, no reason (corpus 47)",
      project: selfEval({ indicators: [ind("卫片执法补助经费", "=72890元", "72890", 10, 9), ind("违法行为责停率", "≥95%", "95%", 30, 27)] }),
      errors: [
        { cell: "H12", severity: "warning", messageIncludes: "「卫片执法补助经费」实际完成值 72890 已达到年度指标值 =72890元，得分 9 却低于分值 10", fixIncludes: "得满分 10 分" },
        { messageIncludes: "「违法行为责停率」实际完成值 95% 已达到年度指标值 ≥95%，得分 27 却低于分值 30" },
      ],
    },
  ],
});

ruleTester("self-eval/low-execution", {
  valid: [
    { name: "95 % spent, targets reached", project: selfEval() },
    { name: "little spent and a target missed: explained row by row", project: selfEval({ funds: [line("total", "年度资金总额", 50, 10, 20)], indicators: [ind("养护里程", "≥50公里", "20公里", 50, 20, "资金未到位"), ind("桥梁检测数", "≥10座", "10座", 40, 40), ind("路灯", "≥5座", "5座", 10, 10)] }) },
    { name: "too few comparable rows", project: selfEval({ funds: [line("total", "年度资金总额", 50, 10, 20)] }) },
  ],
  invalid: [
    {
      // Corpus 49 昌宁: 10 of 50 万元 spent (20 %), all 19 数量 targets reported reached.
      name: "20 % spent, every target reached (corpus 49)",
      project: selfEval({ funds: [line("total", "年度资金总额", 50, 10, 20)], indicators: [ind("公猪舍", "≥22.8平方米", "22.8平方米", 10, 10), ind("育肥猪舍", "≥180平方米", "180平方米", 10, 10), ind("种公猪", "≥2头", "2头", 10, 10)] }),
      errors: [{ cell: "G6", severity: "warning", messageIncludes: "预算执行率仅 20%（执行 10 万元 / 预算 50 万元），3 项指标却全部按目标完成", fixIncludes: "核对全年执行数 10 万元" }],
    },
  ],
});
