/**
 * validate's precision stage: every rule's meta carries a reviewer category, a title and a
 * specificity; findings on one cell are folded into the most severe, most specific one; a non-error
 * rule that fires on most projects is summarised once for the document; errors come first within a
 * project; every project reports how many items must be fixed.
 */
import { validate } from "../../src/model/validate";
import { RULES, categoryOfRule } from "../../src/model/rules";
import { CATEGORIES, CATEGORY_KEYS, categoryOrder } from "../../src/model/rules/categories";
import { projectSummaries, SUMMARY_MIN_PROJECTS } from "../../src/model/rules/precision";
import { doc, project, withRows } from "../rules/rule-tester";

describe("rule metadata", () => {
  test.each(RULES.map((r) => [r.meta.id, r.meta] as const))("%s has a category, a Chinese title and a specificity", (_id, meta) => {
    expect(CATEGORY_KEYS).toContain(meta.category);
    expect(meta.title).toMatch(/^[\u4e00-\u9fa5]/);
    expect(meta.title.length).toBeLessThanOrEqual(16);
    expect(Number.isInteger(meta.specificity)).toBe(true);
    expect(meta.specificity).toBeGreaterThanOrEqual(0);
    expect(meta.specificity).toBeLessThanOrEqual(100);
  });
  test("categories: one Chinese name each, in display order, every one used by a rule", () => {
    const zh = CATEGORY_KEYS.map((k) => CATEGORIES[k].zh);
    expect(new Set(zh).size).toBe(zh.length);
    expect(CATEGORY_KEYS.map(categoryOrder)).toEqual(CATEGORY_KEYS.map((_, i) => i));
    for (const k of CATEGORY_KEYS) expect(RULES.some((r) => r.meta.category === k)).toBe(true);
    expect(categoryOrder("nope")).toBe(CATEGORY_KEYS.length);
  });
  test("categoryOfRule: a rule's category; unknown ids (read problems) are 项目信息", () => {
    expect(categoryOfRule("spend-plan/not-100")).toBe("budget");
    expect(categoryOfRule("read/problem")).toBe("project");
  });
});

describe("one finding per cell", () => {
  // "95%" under 数量 without an operator: value/type-mismatch (警告) and value/missing-operator (提示) hit E11.
  const rate = project({ indicators: withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "执法记录仪完好率", "95%", "计划标准"] }) });
  test("the rules' own findings share the cell (raw)", () => {
    const raw = validate(doc([rate]), { raw: true }).findings.filter((f) => f.cell === "E11");
    expect(raw.map((f) => f.ruleId).sort()).toEqual(["value/missing-operator", "value/type-mismatch"]);
  });
  test("refined: the more severe, more specific finding stays; the other is folded into it", () => {
    const r = validate(doc([rate]));
    const at = r.findings.filter((f) => f.cell === "E11");
    expect(at).toHaveLength(1);
    expect(at[0].ruleId).toBe("value/type-mismatch");
    expect(at[0].severity).toBe("warning");
    expect(at[0].folded).toEqual(["value/missing-operator"]);
    expect(at[0].message).toContain("同一单元格另有：指标值缺少运算符");
  });
  test("same severity: meta.specificity decides (a wrong year beats a missing operator)", () => {
    const p = project({ indicators: withRows({ 采购完成时间: ["产出指标", "时效指标", "采购完成时间", "2022年12月底前", "项目实施计划"] }) });
    const raw = validate(doc([p]), { raw: true }).findings.filter((f) => f.cell === "E13").map((f) => f.ruleId);
    expect(raw).toContain("time/wrong-year");
    const at = validate(doc([p])).findings.filter((f) => f.cell === "E13");
    expect(at.map((f) => f.ruleId)).toEqual(["time/wrong-year"]);
  });
});

describe("document-level summaries", () => {
  const vague = (seq: number) => project({ seq, goals: ["维护辖区治安稳定，提升群众安全感。"] });
  test(`a warning in most projects (≥ ${SUMMARY_MIN_PROJECTS}) is one finding listing where it fired`, () => {
    const projects = [1, 2, 3, 4, 5, 6].map(vague);
    const r = validate(doc(projects));
    const g = r.findings.filter((f) => f.ruleId === "goal/vague");
    expect(g).toHaveLength(1);
    expect(g[0].projectSeq).toBeNull();
    expect(g[0].message).toMatch(/^6 个项目中 6 个目标没有可衡量内容/);
    expect(g[0].locations!.map((l) => [l.projectSeq, l.cell])).toEqual([1, 2, 3, 4, 5, 6].map((s) => [s, "B8"]));
    expect(g[0].fix).toContain("各项目逐一修改");
    // Document-level findings come first.
    expect(r.findings[0]).toBe(g[0]);
    // Each listed project still counts it as an item to fix.
    expect(r.projects.map((p) => [p.seq, p.mustFix])).toEqual([1, 2, 3, 4, 5, 6].map((s) => [s, 1]));
  });
  test("not when it fires on half of the projects or fewer, nor in small documents", () => {
    const half = [1, 2, 3].map(vague).concat([4, 5, 6].map((seq) => project({ seq })));
    expect(validate(doc(half)).findings.filter((f) => f.ruleId === "goal/vague").map((f) => f.projectSeq)).toEqual([1, 2, 3]);
    const small = [1, 2, 3, 4].map(vague);
    expect(validate(doc(small)).findings.filter((f) => f.ruleId === "goal/vague")).toHaveLength(4);
  });
  test("errors are never summarised: each project must see its own", () => {
    const noCost = (seq: number) => project({ seq, indicators: withRows({ "项目总成本": null }).map((r) => (r[2] === "执法记录仪采购数量" ? [r[0], r[1], r[2], `≥${9 + seq}台`, r[4]] : r)) as never });
    const r = validate(doc([1, 2, 3, 4, 5, 6].map(noCost)), { rules: ["indicator/missing-cost"] });
    expect(r.findings.map((f) => f.projectSeq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("order and counts per project", () => {
  test("within a project 错误 come first, then 警告, then 提示", () => {
    // No 12月底 (错误, row 7), a vague goal (警告, row 8), a missing operator (提示, row 11).
    const p = project({
      spendPlan: { mar: 25, jun: 50, oct: 75, dec: null, raw: { mar: "25%", jun: "50%", oct: "75%", dec: null } },
      goals: ["维护辖区治安稳定。"],
      indicators: withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "执法记录仪采购数量", "10台", "项目实施计划"] }),
    });
    const r = validate(doc([p]));
    const sev = r.findings.map((f) => f.severity);
    expect(sev).toEqual([...sev].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)));
    expect(sev[0]).toBe("error");
    expect(sev).toContain("info");
    expect(r.projects).toEqual([
      { seq: 1, code: p.code, name: p.name, error: sev.filter((s) => s === "error").length, warning: sev.filter((s) => s === "warning").length, info: sev.filter((s) => s === "info").length, mustFix: sev.filter((s) => s !== "info").length },
    ]);
  });
  test("projectSummaries omits clean projects and counts summaries once per listed project", () => {
    expect(projectSummaries([])).toEqual([]);
    const s = projectSummaries([
      { ruleId: "goal/vague", severity: "warning", message: "x", sheet: null, cell: null, projectCode: null, projectName: null, projectSeq: null, locations: [{ projectSeq: 2, sheet: "s", cell: "B8" }, { projectSeq: 2, sheet: "s", cell: "B9" }] },
      { ruleId: "value/missing-operator", severity: "info", message: "y", sheet: "s", cell: "E11", projectCode: "c", projectName: "n", projectSeq: 2 },
    ]);
    expect(s).toEqual([{ seq: 2, code: "c", name: "n", error: 0, warning: 1, info: 1, mustFix: 1 }]);
  });
});
