/**
 * validate's precision stage: every rule's meta carries a reviewer category, a title and a
 * specificity; findings on one cell are folded into the most severe, most specific one; a non-error
 * rule that fires on most projects is summarised once for the document; errors come first within a
 * project; every project reports how many items must be fixed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validate } from "../../src/model/validate";
import { parseCanonicalJson } from "../../src/model/canonical";
import { RULES, categoryOfRule } from "../../src/model/rules";
import { INBOX_RULES } from "../../src/model/inbox/rules/index";
import { CATEGORIES, CATEGORY_KEYS, categoryOrder } from "../../src/model/rules/categories";
import { GROUP_MIN, projectSummaries, SUMMARY_MIN_PROJECTS, withoutFoldedNote } from "../../src/model/rules/precision";
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
  test.each([...RULES, ...INBOX_RULES].map((r) => [r.meta.id, r.meta] as const))("%s has a concise English title (the en-US pane and report)", (_id, meta) => {
    expect(meta.titleEn).toMatch(/^[A-Z]/);
    expect(meta.titleEn).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/); // no CJK, no full-width punctuation
    expect(meta.titleEn.length).toBeLessThanOrEqual(64);
  });
  test("English titles are as distinct as the Chinese ones", () => {
    const metas = [...RULES, ...INBOX_RULES].map((r) => r.meta);
    expect(new Set(metas.map((m) => m.titleEn)).size).toBe(new Set(metas.map((m) => m.title)).size);
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
    // The pane's card names the folded rules on a line of its own: its message is the finding's own sentence only.
    const own = validate(doc([rate]), { raw: true }).findings.find((f) => f.cell === "E11" && f.ruleId === "value/type-mismatch")!;
    expect(withoutFoldedNote(at[0].message)).toBe(own.message);
    expect(withoutFoldedNote(own.message)).toBe(own.message);
    // In English the folded rule is named by its English title, and the note comes off the same way.
    expect(at[0].messageEn).toBe(`${own.messageEn} (same cell also: Target value missing an operator)`);
    expect(withoutFoldedNote(at[0].messageEn!)).toBe(own.messageEn);
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
  test("a rule's findings are summarised per severity: its graver ones stay with their project", () => {
    // indicator/copied: rows shared by several projects (提示) in all six; one whole copied set (警告).
    const shared: [string, string, string, string, string] = ["效益指标", "社会效益指标", "维护社会稳定", "进一步提高", "历史标准"];
    const projects = [1, 2, 3, 4, 5, 6].map((seq) => project({ seq, indicators: withRows({}, [shared]).map((r, i) => (i === 0 ? [r[0], r[1], r[2], `≥${9 + seq}台`, r[4]] : r)) as never }));
    projects.push(project({ seq: 7, indicators: projects[5].indicators }));
    const r = validate(doc(projects), { rules: ["indicator/copied"] });
    expect(r.findings.map((f) => [f.projectSeq, f.severity])).toEqual([
      [null, "info"],
      [7, "warning"],
    ]);
  });
  test(`a hint (提示) on ${SUMMARY_MIN_PROJECTS} or more projects is said once for the document, even when they are a minority`, () => {
    // value/missing-operator (提示 under hebei): "95%" without an operator in 5 of 12 projects.
    const bare = (seq: number) => project({ seq, indicators: withRows({ 设备验收合格率: ["产出指标", "质量指标", "设备验收合格率", "100%", "行业标准"] }) });
    const projects = [1, 2, 3, 4, 5].map(bare).concat([6, 7, 8, 9, 10, 11, 12].map((seq) => project({ seq })));
    const r = validate(doc(projects), { rules: ["value/missing-operator"] });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].projectSeq).toBeNull();
    expect(r.findings[0].message).toMatch(/^12 个项目中 5 个指标值缺少运算符/);
    expect(r.findings[0].locations!.map((l) => l.projectSeq)).toEqual([1, 2, 3, 4, 5]);
    // Four projects are not a habit: each keeps its own hint.
    expect(validate(doc([1, 2, 3, 4].map(bare).concat([5, 6].map((seq) => project({ seq })))), { rules: ["value/missing-operator"] }).findings).toHaveLength(4);
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

describe("grouping one rule's rows within a project", () => {
  test(`${GROUP_MIN}+ rows of one rule are one finding listing them, each row keeping its own 建议`, () => {
    const p = project({
      indicators: withRows({}, [
        ["效益指标", "社会效益指标", "群众安全感", "进一步提高", "历史标准"],
        ["效益指标", "可持续影响指标", "治安防控能力", "有效提升", "历史标准"],
        ["效益指标", "经济效益指标", "财产损失", "明显下降", "历史标准"],
      ]),
    });
    const r = validate(doc([p]));
    const g = r.findings.filter((f) => f.ruleId === "value/vague");
    expect(g).toHaveLength(1);
    expect(g[0].cell).toBe("E17");
    expect(g[0].message).toMatch(/^3 处指标值未量化：E17、E18、E19/);
    expect(g[0].locations!.map((l) => l.cell)).toEqual(["E17", "E18", "E19"]);
    expect(g[0].locations!.map((l) => l.fix)).toEqual([
      expect.stringContaining("“群众安全感”"),
      expect.stringContaining("“治安防控能力”"),
      expect.stringContaining("“财产损失”"),
    ]);
    // Three rows to fix.
    expect(r.projects[0].mustFix).toBe(3);
  });
  test("two rows stay two findings", () => {
    const p = project({ indicators: withRows({}, [["效益指标", "社会效益指标", "群众安全感", "进一步提高"], ["效益指标", "可持续影响指标", "治安防控能力", "有效提升"]]) });
    expect(validate(doc([p])).findings.filter((f) => f.ruleId === "value/vague")).toHaveLength(2);
  });
});

describe("the four seed documents", () => {
  const seeds = ["seed-000", "seed-001", "seed-002", "seed-004"].map((n) => {
    const parsed = parseCanonicalJson(fs.readFileSync(path.join(__dirname, "..", "fixtures", "seeds", "expected", `${n}.json`), "utf8"));
    if (!parsed.ok) throw new Error(n);
    return [n, parsed.document] as const;
  });
  test("median findings per project over the four documents ≤ 3 (issue 9 goal; seed 002 alone has 7.5 labelled problems per project)", () => {
    const per: number[] = [];
    for (const [, d] of seeds) {
      const r = validate(d);
      for (const p of d.projects) if (!p.redacted) per.push(r.findings.filter((f) => f.projectSeq === p.seq).length);
    }
    per.sort((a, b) => a - b);
    expect(per[Math.floor(per.length / 2)]).toBeLessThanOrEqual(3);
  });
  test.each(seeds)("%s: every finding has a 建议, every cell at most one finding", (_n, d) => {
    const r = validate(d);
    expect(r.findings.filter((f) => !f.fix)).toEqual([]);
    const cells = new Map<string, number>();
    for (const f of r.findings) {
      const own = new Set([f.cell ? `${f.projectSeq}|${f.sheet}|${f.cell}` : null, ...(f.locations ?? []).map((l) => (l.cell ? `${l.projectSeq}|${l.sheet}|${l.cell}` : null))]);
      for (const k of own) if (k) cells.set(k, (cells.get(k) ?? 0) + 1);
    }
    expect([...cells].filter(([, n]) => n > 1)).toEqual([]);
    // 建议 name the row or the project: few repeat.
    const fixes = r.findings.map((f) => f.fix);
    expect(new Set(fixes).size).toBeGreaterThanOrEqual(fixes.length * 0.5);
  });
});
