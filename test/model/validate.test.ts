/**
 * The validation engine: profiles, rule selection, redacted projects, cell mapping, deterministic
 * order, summary, robustness, and the rule catalogue.
 */
import { validate, listRules, resolveCell, formatMessage } from "../../src/model/validate";
import { RULES, RULE_IDS, getRule } from "../../src/model/rules";
import { PROFILES, PROFILE_NAMES } from "../../src/model/rules/profiles";
import type { Project } from "../../src/model/schema";
import { project, doc, withRows } from "../rules/rule-tester";

/** The public rule-id contract (docs, CLI, task pane and users' configs depend on it). */
const CONTRACT = [
  "project/missing-field", "project/code-format", "project/code-duplicate", "project/redacted",
  "budget/not-number", "budget/sum-mismatch", "budget/total-mismatch",
  "spend-plan/missing", "spend-plan/out-of-range", "spend-plan/decreasing", "spend-plan/not-100", "spend-plan/unusual",
  "goal/missing", "goal/placeholder", "goal/vague", "goal/copied",
  "indicator/unknown-level1", "indicator/level2-mismatch", "indicator/framework-mixed", "indicator/missing-output",
  "indicator/missing-benefit", "indicator/missing-satisfaction", "indicator/missing-cost", "indicator/missing-output-dimension",
  "indicator/missing-name", "indicator/duplicate", "indicator/copied",
  "value/missing", "value/vague", "value/nonstandard-operator", "value/missing-operator", "value/operator-direction",
  "value/missing-unit", "value/percent-range", "value/type-mismatch", "value/redacted",
  "cost/exceeds-budget", "cost/mismatch-budget", "cost/not-money",
  "time/wrong-year", "basis/missing", "basis/swapped", "consistency/count-mismatch",
];

const redacted = (seq: number): Project =>
  project({ seq, title: `${seq}.专项业务经费绩效目标表`, name: null, code: null, redacted: true, goals: [], indicators: [], spendPlan: null, budget: { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } } });

describe("valid input", () => {
  test.each(PROFILE_NAMES)("the builder's projects are clean under %s", (profile) => {
    const r = validate(doc([project(), project({ seq: 2 }), project({ seq: 3 })]), { profile });
    expect(r.findings).toEqual([]);
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 0 });
  });
  test("an empty document", () => {
    expect(validate(doc([]))).toEqual({ findings: [], summary: { error: 0, warning: 0, info: 0 }, projects: [] });
  });
});

describe("profiles", () => {
  const noCost = doc([project({ indicators: withRows({ 项目总成本: null }) })]);
  test("change severities", () => {
    const sev = (profile: "hebei" | "ningxia" | "central-2021") =>
      validate(noCost, { profile, rules: ["indicator/missing-cost"] }).findings.map((f) => f.severity);
    expect(sev("hebei")).toEqual(["error"]);
    expect(sev("ningxia")).toEqual(["error"]);
    expect(sev("central-2021")).toEqual(["warning"]);
  });
  test("turn rules off: ningxia has no spend plan, no 依据 column, no code", () => {
    const p = project({ spendPlan: null, code: "x", indicators: withRows({}, [["产出指标", "质量指标", "完好率", "≥95%", null]]) });
    const ids = (profile: "hebei" | "ningxia") => validate(doc([p]), { profile }).findings.map((f) => f.ruleId).sort();
    expect(ids("hebei")).toEqual(["basis/missing", "project/code-format", "spend-plan/missing"]);
    expect(ids("ningxia")).toEqual([]);
  });
  test("default profile is the document's", () => {
    const d = doc([project({ indicators: withRows({ 项目总成本: null }) })], { profile: "central-2021" });
    expect(validate(d, { rules: ["indicator/missing-cost"] }).findings[0].severity).toBe("warning");
    expect(validate(d, { profile: "hebei", rules: ["indicator/missing-cost"] }).findings[0].severity).toBe("error");
  });
  test("profiles only name existing rules", () => {
    for (const p of PROFILE_NAMES) for (const id of Object.keys(PROFILES[p].rules)) expect(RULE_IDS).toContain(id);
  });
  test("central-2021 uses the 2021 framework for hints", () => {
    const d = doc([project({ indicators: withRows({ 项目总成本: null }) })]);
    expect(validate(d, { profile: "central-2021", rules: ["indicator/missing-cost"] }).findings[0].fix).toContain("经济成本指标");
    expect(validate(d, { profile: "hebei", rules: ["indicator/missing-cost"] }).findings[0].fix).toContain("产出指标下");
  });
});

describe("rule selection", () => {
  const bad = doc([project({ spendPlan: { mar: 0, jun: 100, oct: 0, dec: 60, raw: { mar: null, jun: null, oct: null, dec: null } }, goals: [] })]);
  test.each([[["spend-plan"]], [["spend-plan/"]], [["spend-plan/*"]]])("group %j", (rules) => {
    const ids = validate(bad, { rules, raw: true }).findings.map((f) => f.ruleId);
    // 0/100/0/60: 10月底 and 12月底 both fall below 6月底; it ends at 60.
    expect(ids.sort()).toEqual(["spend-plan/decreasing", "spend-plan/decreasing", "spend-plan/not-100"]);
    // One finding per cell: at 12月底 "ends at 60" is folded into "falls below 6月底".
    const refined = validate(bad, { rules }).findings;
    expect(refined.map((f) => [f.ruleId, f.folded ?? []])).toEqual([
      ["spend-plan/decreasing", []],
      ["spend-plan/decreasing", ["spend-plan/not-100"]],
    ]);
  });
  test("exact ids", () => {
    expect(validate(bad, { rules: ["goal/missing"] }).findings.map((f) => f.ruleId)).toEqual(["goal/missing"]);
    expect(validate(bad, { rules: ["no/such-rule"] }).findings).toEqual([]);
  });
});

describe("redacted projects", () => {
  test("get only project/redacted and are excluded from document rules", () => {
    const d = doc([project(), redacted(2), redacted(3)]);
    // Two redacted tables with identical (empty) content must not be reported as copies or duplicates.
    const r = validate(d);
    expect(r.findings.map((f) => [f.ruleId, f.projectSeq, f.severity])).toEqual([
      ["project/redacted", 2, "info"],
      ["project/redacted", 3, "info"],
    ]);
    expect(r.summary).toEqual({ error: 0, warning: 0, info: 2 });
  });
  test("project/redacted can be turned off by selection", () => {
    expect(validate(doc([redacted(1)]), { rules: ["goal"] }).findings).toEqual([]);
  });
});

describe("findings", () => {
  test("carry project code, name, seq, sheet and cell", () => {
    const f = validate(doc([project({ goals: [] })]), { rules: ["goal/missing"] }).findings[0];
    expect(f).toEqual({
      ruleId: "goal/missing",
      severity: "error",
      message: "缺少绩效目标（年度总体目标）",
      messageEn: "Performance goal missing",
      sheet: "项目1",
      cell: "A1",
      projectCode: "13032423P00442811001H",
      projectName: "执法记录仪购置经费1",
      projectSeq: 1,
      fix: expect.stringContaining("写明"),
      fixEn: expect.stringContaining("expected outputs"),
    });
  });
  test("deterministic order: seq, then sheet, then row-major cell, then rule id; independent of document order", () => {
    const bad = (seq: number) =>
      project({
        seq,
        goals: ["目标内容 1"],
        indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "项目总成本", "控制成本"] }, [["产出指标", "质量指标", "完好率", "≥120%", null]]),
      });
    // Seed 001: project 14 is physically placed after 30.
    const a = validate(doc([bad(1), bad(30), bad(14)]));
    const b = validate(doc([bad(14), bad(1), bad(30)]));
    expect(a).toEqual(b);
    expect(a.findings.map((f) => f.projectSeq)).toEqual([...a.findings.map((f) => f.projectSeq)].sort((x, y) => x! - y!));
    const first = a.findings.filter((f) => f.projectSeq === 1).map((f) => `${f.cell} ${f.ruleId}`);
    expect(first).toEqual([
      "B8 goal/placeholder",
      "E14 cost/not-money",
      "E17 value/percent-range",
      "F17 basis/missing",
    ]);
    expect(validate(doc([bad(1), bad(30), bad(14)]))).toEqual(a);
  });
  test("document-level findings come first", () => {
    const d = doc([project({ goals: [] })], {
      declaredTotals: { department: 1, units: [], source: { sheet: "汇总", range: "A1:B2", cells: { department: "B2" } } },
    });
    const r = validate(d, { rules: ["budget", "goal/missing"] });
    expect(r.findings.map((f) => [f.ruleId, f.projectSeq, f.sheet, f.cell])).toEqual([
      ["budget/total-mismatch", null, "汇总", "B2"],
      ["goal/missing", 1, "项目1", "A1"],
    ]);
  });
  test("summary counts match the findings", () => {
    const d = doc([project({ goals: [], budget: { total: 1, fiscal: 2, other: null, raw: { total: null, fiscal: null, other: null } } }), redacted(2)]);
    const r = validate(d);
    const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
    expect(r.summary).toEqual({ error: count("error"), warning: count("warning"), info: count("info") });
    expect(r.summary.error).toBeGreaterThan(0);
    expect(r.summary.info).toBeGreaterThan(0);
  });
});

describe("cell mapping", () => {
  const p = project();
  test("own cell, then same-row cells, then label prefixes, then the table's first cell", () => {
    expect(resolveCell(p, "budget.fiscal")).toBe("D4");
    expect(resolveCell(p, "indicators.2.target")).toBe("E13");
    const noTarget = project({ indicators: [{ ...p.indicators[0], source: { name: "C11", level1: "A11" } }] });
    expect(resolveCell(noTarget, "indicators.0.target")).toBe("C11");
    expect(resolveCell({ ...p, source: { ...p.source, cells: { spendPlan: "A7" } } }, "spendPlan.dec")).toBe("A7");
    // goals.5 has no cell: the table's first cell, never another goal's cell.
    expect(resolveCell(p, "goals.5")).toBe("A1");
    expect(resolveCell({ ...p, source: { sheet: "s", range: null, cells: {} } }, "goals.0")).toBeNull();
    expect(resolveCell(p, "indicators.99.target")).toBe("A1");
  });
  test("project-level paths for indicator cells take precedence (readers may map them there)", () => {
    const q = { ...p, source: { ...p.source, cells: { ...p.source.cells, "indicators.0.target": "H20" } } };
    expect(resolveCell(q, "indicators.0.target")).toBe("H20");
  });
});

describe("robustness", () => {
  test("malformed input (a null 三级 that slipped past the schema) becomes a finding, not an exception", () => {
    const p = project();
    (p.indicators[0] as { name: unknown }).name = null;
    const r = validate(doc([p]));
    const crashed = r.findings.filter((f) => f.message.includes("运行出错"));
    expect(crashed.length).toBeGreaterThan(0);
    expect(crashed.every((f) => f.severity === "error")).toBe(true);
    expect(crashed.some((f) => f.projectSeq === 1)).toBe(true);
  });
  test("messages never keep unfilled placeholders", () => {
    expect(formatMessage("预算数 {total} ≠ {x}", { total: 5 })).toBe("预算数 5 ≠ {x}");
    expect(formatMessage("无占位", { a: 1 })).toBe("无占位");
  });
});

describe("rule catalogue", () => {
  test("every contract id exists exactly once", () => {
    for (const id of CONTRACT) expect(getRule(id)?.meta.id).toBe(id);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(RULES.length).toBeGreaterThanOrEqual(CONTRACT.length);
  });
  test("listRules: sorted, documented, with per-profile settings", () => {
    const list = listRules();
    expect(list.map((r) => r.id)).toEqual([...RULE_IDS].sort());
    for (const r of list) {
      expect(r.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(["error", "warning", "info"]).toContain(r.severity);
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.messageEn).toMatch(/[A-Za-z]/);
      expect(r.rationale).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.source.length).toBeGreaterThan(4);
      expect(Object.keys(r.profiles).sort()).toEqual([...PROFILE_NAMES].sort());
    }
    expect(list.find((r) => r.id === "spend-plan/missing")!.profiles.ningxia).toBe("off");
  });
});

describe("robustness: hand-written JSON that skipped the schema", () => {
  test("projects without source maps or indicators are reported, never thrown", () => {
    const p = project({ goals: [] }) as unknown as Record<string, unknown>;
    delete p.source;
    const q = project({ seq: 2 }) as unknown as Record<string, unknown>;
    delete q.indicators;
    const r = validate(doc([p as unknown as Project, q as unknown as Project]));
    expect(r.findings.find((f) => f.ruleId === "goal/missing")).toMatchObject({ projectSeq: 1, sheet: null, cell: null });
    expect(r.findings.some((f) => f.projectSeq === 2 && f.message.includes("运行出错"))).toBe(true);
  });
});
