import { ruleTester, project } from "./rule-tester";
import type { Project } from "../../src/model/schema";
import { spendPlanProblems } from "../../src/model/checks/spend-plan";

function plan(mar: number | null, jun: number | null, oct: number | null, dec: number | null): Project["spendPlan"] {
  const r = (v: number | null) => (v === null ? null : `${v}%`);
  return { mar, jun, oct, dec, raw: { mar: r(mar), jun: r(jun), oct: r(oct), dec: r(dec) } };
}
const withPlan = (mar: number | null, jun: number | null, oct: number | null, dec: number | null, extra: Partial<Project> = {}) =>
  project({ spendPlan: plan(mar, jun, oct, dec), ...extra });

ruleTester("spend-plan/missing", {
  valid: [
    { name: "four points" },
    { name: "Ningxia form has no plan", project: project({ spendPlan: null, layout: "ningxia" }) },
    // Corpus 01/03: the generic reader finds a plan wherever the form prints one.
    { name: "a generic form without a plan (corpus 01 Wuhan)", project: project({ spendPlan: null, layout: "generic" }) },
    { name: "ningxia profile turns the rule off", project: project({ spendPlan: null }), profile: "ningxia" },
  ],
  invalid: [
    // Seed 001 #2 and #10: "" / "" / 100% / 100%.
    { name: "blank 3月底 and 6月底 (seed 001 #2)", project: withPlan(null, null, 100, 100), errors: [{ cell: "B7", messageIncludes: "3月底进度为空" }, { cell: "C7", messageIncludes: "6月底进度为空" }] },
    // Seed 002 P3: — / 50.00 / 75.00 / 100.00.
    { name: "blank 3月底 (seed 002 P3)", project: withPlan(null, 50, 75, 100), errors: [{ cell: "B7" }] },
    { name: "no plan at all", project: project({ spendPlan: null }), errors: [{ cell: "A1", messageIncludes: "缺少资金支出计划", severity: "error" }] },
    { name: "all four blank", project: withPlan(null, null, null, null), errors: [{ messageIncludes: "未填写" }] },
  ],
});

ruleTester("spend-plan/out-of-range", {
  valid: [{ name: "decimals within range (seed 000 #26)", project: withPlan(4.3, 17.4, 89.1, 100) }],
  invalid: [
    { name: "above 100", project: withPlan(25, 50, 150, 100), errors: [{ cell: "D7", messageIncludes: "10月底为 150%" }] },
    { name: "negative", project: withPlan(-5, 50, 75, 100), errors: [{ cell: "B7", messageIncludes: "-5%" }] },
  ],
});

ruleTester("spend-plan/decreasing", {
  valid: [{ name: "flat segments are fine (seed 000 #23: 0/50/50/100)", project: withPlan(0, 50, 50, 100) }],
  invalid: [
    // Seed 002 P8 指挥中心公安信息网络运维专项: 0.00 / 100.00 / 0.00 / 100.00.
    { name: "falls back to 0 (seed 002 P8)", project: withPlan(0, 100, 0, 100), errors: [{ cell: "D7", messageIncludes: "10月底 0% 低于6月底 100%" }] },
  ],
});

ruleTester("spend-plan/not-100", {
  valid: [{ name: "ends at 100" }],
  invalid: [
    // Seed 000 #10 劳务派遣经费: 25% / 50% / 75% and no 12月底 column.
    {
      name: "three points 25/50/75 (seed 000 #10)",
      project: withPlan(25, 50, 75, null),
      errors: [{ cell: "D7", severity: "error", messageIncludes: ["止于10月底 75%", "12月底未填写"], fixIncludes: "100%" }],
    },
    // Seed 002 P2: 0 / 0 / 0 / 10.00 with 预算数 10: the amount typed instead of the percentage.
    {
      name: "ends at the 预算数 (seed 002 P2)",
      project: withPlan(0, 0, 0, 10, { budget: { total: 10, fiscal: 10, other: null, raw: { total: "10", fiscal: "10", other: null } } }),
      errors: [{ cell: "E7", messageIncludes: "疑似填写了金额" }],
    },
    { name: "ends at 60 (seed 002 P14)", project: withPlan(0, 0, 50, 60), errors: [{ messageIncludes: "12月底 60%" }] },
  ],
});

ruleTester("spend-plan/unusual", {
  valid: [
    { name: "regular quarters" },
    { name: "0/0/100/100 (seed 000 #1) is not flagged", project: withPlan(0, 0, 100, 100) },
    { name: "not reported when the plan has errors", project: withPlan(0, 0, 0, 60) },
  ],
  invalid: [
    { name: "100% by 3月底 (seed 000 #9)", project: withPlan(100, 100, 100, 100), errors: [{ cell: "B7", severity: "info", messageIncludes: "3月底即累计支出 100%" }] },
    { name: "0 until 10月底", project: withPlan(0, 0, 0, 100), errors: [{ cell: "D7", messageIncludes: "10月底前累计支出为 0%" }] },
    { name: "70 points in the last two months (seed 000 #12)", project: withPlan(10, 20, 30, 100), errors: [{ cell: "E7", messageIncludes: "最后两个月需支出 70%" }] },
  ],
});

describe("checks/spend-plan spendPlanProblems (shared with the custom functions)", () => {
  test("3 points as in seed 000 #10 → not-100 naming the missing 12月底", () => {
    const p = spendPlanProblems([25, 50, 75]);
    expect(p.map((x) => x.ruleId)).toEqual(["spend-plan/not-100"]);
    expect(p[0].message).toContain("缺少12月底节点");
    expect(p[0].index).toBe(2);
  });
  test("a valid plan has no problems; problems come in point order", () => {
    expect(spendPlanProblems([25, 50, 75, 100])).toEqual([]);
    const p = spendPlanProblems([null, 120, 50, 90]);
    expect(p.map((x) => [x.ruleId, x.index])).toEqual([
      ["spend-plan/missing", 0],
      ["spend-plan/out-of-range", 1],
      ["spend-plan/not-100", 3],
    ]);
  });
  test("decreasing is measured against the running maximum", () => {
    const p = spendPlanProblems([50, 40, 45, 100]);
    expect(p.map((x) => x.index)).toEqual([1, 2]);
    expect(p[1].message).toContain("低于3月底 50%");
  });
  test("multi-year plans with their own labels: cumulative over all points, no quarter heuristics", () => {
    const labels = ["2023年底", "2024年底", "2025年底"];
    expect(spendPlanProblems([40, 70, 100], { labels })).toEqual([]);
    const p = spendPlanProblems([40, 70, 90], { labels });
    expect(p).toHaveLength(1);
    expect(p[0].message).toContain("止于2025年底 90%");
    expect(spendPlanProblems([100, 100, 100], { labels })).toEqual([]);
  });
  test("empty input", () => {
    expect(spendPlanProblems([]).map((x) => x.ruleId)).toEqual(["spend-plan/missing"]);
    expect(spendPlanProblems([null, undefined, null, null])[0].index).toBeNull();
  });
  test("NaN is out of range, not a crash", () => {
    expect(spendPlanProblems([NaN, 50, 75, 100])[0].ruleId).toBe("spend-plan/out-of-range");
  });
});
