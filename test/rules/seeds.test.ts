/**
 * The rules on real documents: the canonical JSON of the four seeds as read by the readers and
 * reviewed against the seed catalogs (test/fixtures/seeds/expected). Each anomaly the catalogs list is
 * found where they say, and what the catalogs say is fine is not reported.
 * Catalogs: /work/shared/notes/seeds-catalog-000-001.md §4, seeds-catalog-002-004.md §1.4, §3.4, §4.3.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseCanonicalJson } from "../../src/model/canonical";
import { validate } from "../../src/model/validate";
import type { JxmbDocument } from "../../src/model/schema";
import type { Finding, Report } from "../../src/model/rules/types";

const DIR = path.resolve(__dirname, "..", "fixtures", "seeds", "expected");
const cache = new Map<string, { doc: JxmbDocument; report: Report }>();
function load(name: string) {
  let v = cache.get(name);
  if (!v) {
    const parsed = parseCanonicalJson(fs.readFileSync(path.join(DIR, `${name}.json`), "utf8"));
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed)}`);
    const doc = parsed.document;
    // Each rule's own findings (raw): what the catalogs list per rule. The precision stage is tested in
    // test/model/precision.test.ts on the same seeds.
    v = { doc, report: validate(doc, { raw: true }) };
    cache.set(name, v);
  }
  return v;
}
const of = (name: string, ruleId: string, seq?: number): Finding[] =>
  load(name).report.findings.filter((f) => f.ruleId === ruleId && (seq === undefined || f.projectSeq === seq));
const seqs = (name: string, ruleId: string) => [...new Set(of(name, ruleId).map((f) => f.projectSeq))];

describe("seed 000 (卢龙县公安局 2023, hebei)", () => {
  const N = "seed-000";
  test("the 7 redacted tables get only project/redacted", () => {
    expect(seqs(N, "project/redacted")).toEqual([18, 19, 20, 21, 27, 28, 38]);
    const redacted = new Set([18, 19, 20, 21, 27, 28, 38]);
    const other = load(N).report.findings.filter((f) => redacted.has(f.projectSeq!) && f.ruleId !== "project/redacted");
    expect(other).toEqual([]);
  });
  test("§4.3 #15: plans of #10 and #34 stop at 75% with no 12月底", () => {
    expect(seqs(N, "spend-plan/not-100")).toEqual([10, 34]);
    const f = of(N, "spend-plan/not-100", 10)[0];
    expect(f.message).toContain("止于10月底 75%");
    expect(f.cell).toBe(load(N).doc.projects[9].source.cells["spendPlan.oct"]);
  });
  test("§4.3 #17/#18: no decreasing plan; 100% by 3月底 (#9) and late plans (#12) are unusual", () => {
    expect(of(N, "spend-plan/decreasing")).toEqual([]);
    expect(seqs(N, "spend-plan/unusual")).toEqual(expect.arrayContaining([9, 12]));
  });
  test("§4.2 #10: 预算数 = 财政 + 其他 everywhere (blank 其他 = 0)", () => {
    expect(of(N, "budget/sum-mismatch")).toEqual([]);
    expect(of(N, "budget/not-number")).toEqual([]);
  });
  test("§4.2 #11: every numeric cost equals the budget; 控制成本 (#31) and 按规定执行 (#29) are not amounts", () => {
    expect(of(N, "cost/exceeds-budget")).toEqual([]);
    expect(of(N, "cost/mismatch-budget")).toEqual([]);
    expect(of(N, "cost/not-money").map((f) => [f.projectSeq, f.message.includes("控制成本") || f.message.includes("按规定执行")])).toEqual([
      [29, true],
      [31, true],
    ]);
  });
  test("§4.4 #21: 满意度 missing in #8, #9, #10, #14, #15, #22; #3 has no 数量指标 (#22)", () => {
    expect(seqs(N, "indicator/missing-satisfaction")).toEqual([8, 9, 10, 14, 15, 22]);
    expect(of(N, "indicator/missing-output-dimension").map((f) => [f.projectSeq, f.message])).toEqual([[3, "产出指标缺少数量指标"]]);
  });
  test("§4.7 #36/#37/#38: 2022年12 月31日前 (#26), 资金用途 2022 年需电费 (#31), 争取 2020 年底 (#39) in a 2023 document", () => {
    const f = of(N, "time/wrong-year");
    expect(f.map((x) => x.projectSeq)).toEqual([26, 31, 39]);
    expect(f[0].message).toContain("早于预算年度 2023 年");
    expect(f[1].message).toContain("资金用途写的是 2022 年");
    expect(f[2].message).toContain("2020 年");
  });
  test("§4.8 #41: 进一步提高/提升 in the 依据 column of #17, #23, #24", () => {
    expect(seqs(N, "basis/swapped")).toEqual([17, 23, 24]);
  });
  test("§4.9: 目标内容 1 before the goals of #1–#24 is the form's label, not a finding; #14 and #22 share their goal", () => {
    expect(seqs(N, "goal/placeholder")).toEqual([]);
    expect(of(N, "goal/copied", 22)[0].message).toContain("第 14 个项目");
  });
  test("§4.6 #31: 进一步提高 and friends are vague; 是否通过验收 (#17) too", () => {
    expect(of(N, "value/vague").length).toBeGreaterThanOrEqual(30);
    expect(of(N, "value/vague", 17).map((f) => f.fix)).toEqual(expect.arrayContaining([expect.stringContaining("问句")]));
  });
  test("§4.6 #34: plain 100% and counts without operator are reported as info under hebei", () => {
    const f = of(N, "value/missing-operator");
    expect(f.length).toBeGreaterThanOrEqual(38);
    expect(f.every((x) => x.severity === "info")).toBe(true);
  });
  test("§4.5 #26/#27: a rate under 数量 (#26) and non-time rates under 时效 (#8, #9)", () => {
    expect(seqs(N, "value/type-mismatch")).toEqual(expect.arrayContaining([8, 9, 26]));
  });
  test("project codes are all well formed (the reader removed the PDF wrap spaces)", () => {
    expect(of(N, "project/code-format")).toEqual([]);
    expect(of(N, "project/code-duplicate")).toEqual([]);
  });
});

describe("seed 001 (乐亭县公安局, no year printed, hebei)", () => {
  const N = "seed-001";
  test("§4.3 #16: blank plan cells in #2, #5, #10", () => {
    expect(of(N, "spend-plan/missing").map((f) => f.projectSeq)).toEqual([2, 2, 5, 10, 10]);
    expect(of(N, "spend-plan/not-100")).toEqual([]);
  });
  test("§4.4 #23: 成本 missing in 15 projects, 数量/质量/时效 gaps in 39 places", () => {
    expect(seqs(N, "indicator/missing-cost")).toEqual([1, 2, 3, 4, 6, 8, 10, 11, 12, 25, 26, 27, 29, 30, 31]);
    // One finding per project naming every missing dimension (one cell, one problem).
    const dims = of(N, "indicator/missing-output-dimension");
    expect(dims).toHaveLength(29); // #3 and #11 lack only 成本
    expect(dims.filter((f) => f.message.includes("数量指标"))).toHaveLength(15);
    expect(dims.filter((f) => f.message.includes("质量指标"))).toHaveLength(7);
    expect(dims.filter((f) => f.message.includes("时效指标"))).toHaveLength(17);
    expect(of(N, "indicator/missing-output-dimension", 5)[0].message).toBe("产出指标缺少数量指标、时效指标");
  });
  test("§4.2 #12: the six percentage costs (#5, #7, #9, #13, #24, #28)", () => {
    expect(seqs(N, "cost/not-money")).toEqual([5, 7, 9, 13, 24, 28]);
    expect(of(N, "cost/exceeds-budget")).toEqual([]);
  });
  test("§4.6 #32: values without units (17, 23, 13, ≥1000, ≤50, >1, 7万)", () => {
    const f = of(N, "value/missing-unit");
    expect(f.map((x) => x.projectSeq)).toEqual([2, 3, 6, 11, 15, 15, 27]);
    expect(f.find((x) => x.projectSeq === 15 && x.message.includes("≤50"))!.fix).toContain("≤50万元");
  });
  test("§4.5 #26/#27: 覆盖率 under 数量 (#10), 完成率 under 时效 (#21), （小时） vs % (#1), 检务 rates (#30, #31)", () => {
    expect(seqs(N, "value/type-mismatch")).toEqual([1, 10, 21, 30, 31]);
  });
  test("§4.5 #29: same 三级 under two 二级 (#6 长期性, #7 采用率, #29 稳步提升)", () => {
    expect(seqs(N, "indicator/duplicate")).toEqual([6, 7, 29]);
  });
  test("§4.9 #45: #14–#23 share one goal (reported against #14, the lowest seq), #28 repeats its items, #30/#31 copy their indicators", () => {
    const copied = of(N, "goal/copied");
    expect(copied.filter((f) => f.message.includes("第 14 个项目")).map((f) => f.projectSeq)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(of(N, "goal/copied", 28).map((f) => f.message)).toEqual(["第 2 条绩效目标与第 1 条重复", "第 3 条绩效目标与第 1 条重复"]);
    expect(of(N, "indicator/copied", 31)[0].message).toContain("全部 4 条绩效指标与第 30 个项目");
    expect(of(N, "goal/placeholder").map((f) => f.projectSeq)).toEqual(expect.arrayContaining([30, 31]));
  });
  test("§5.4: 年初工作计划安排 in all 175 依据 cells, reported once", () => {
    const f = of(N, "basis/uniform");
    // Document-level (the fix is document-wide), pointing at the first such cell.
    expect(f.map((x) => [x.projectSeq, x.cell, x.message])).toEqual([[null, "F42", "全文 175 条指标中有 175 条的指标值确定依据都是“年初工作计划安排”"]]);
  });
  test("§4.7 #39: the values all say 2022 (the reader infers 2022): no wrong-year findings", () => {
    expect(of(N, "time/wrong-year")).toEqual([]);
    // Without a known year nothing is compared at all.
    const doc = { ...load(N).doc, fiscalYear: 2023 };
    expect(validate(doc, { rules: ["time/wrong-year"] }).findings.length).toBeGreaterThanOrEqual(6);
    expect(validate({ ...doc, fiscalYear: null }, { rules: ["time/wrong-year"] }).findings).toEqual([]);
  });
});

describe("seed 002 (承德市高新区公安分局 2022, 符号/值/单位 layout)", () => {
  for (const N of ["seed-002", "seed-002-stacked"]) {
    describe(N, () => {
      test("§1.4 #1–#4: plan ends at 10 (P2) and 60 (P14) = 预算数; P8 falls back to 0; blank 3月底 in P3, P20, P21", () => {
        expect(of(N, "spend-plan/not-100").map((f) => [f.projectSeq, f.message.includes("疑似填写了金额")])).toEqual([
          [2, true],
          [14, true],
        ]);
        expect(seqs(N, "spend-plan/decreasing")).toEqual([8]);
        expect(seqs(N, "spend-plan/missing")).toEqual([3, 20, 21]);
      });
      test("§1.4 #6: P21 预算数 20 ≠ 20 + 20", () => {
        const f = of(N, "budget/sum-mismatch");
        expect(f.map((x) => x.projectSeq)).toEqual([21]);
        expect(f[0].message).toBe("预算数 20 ≠ 财政资金 20 + 其他资金 20（合计 40）");
      });
      test("§1.4 #10/#11/#13: no 成本 row in P3, P4, P7, P12, P20, P22; percentages and text as cost", () => {
        expect(seqs(N, "indicator/missing-cost")).toEqual([3, 4, 7, 12, 20, 22]);
        expect(seqs(N, "cost/not-money")).toEqual([6, 13, 14, 16, 17, 19]);
      });
      test("§1.4 #16/#18: costs equal to 预算数 pass, duplicated cost rows are not summed twice", () => {
        expect(of(N, "cost/exceeds-budget")).toEqual([]);
      });
      test("§1.4 #17/#20: 二级 under the wrong 一级 (P1 ×4, P15 ×2) and 执法培训 (P16)", () => {
        expect(of(N, "indicator/level2-mismatch").map((f) => f.projectSeq)).toEqual([1, 1, 1, 1, 15, 15, 16]);
        expect(of(N, "indicator/unknown-level1")).toEqual([]); // 效果指标 is normalised
      });
      test("§1.4 #18/#19: duplicated rows (P7) and the same 三级 under two 二级 (P16, P20)", () => {
        expect(seqs(N, "indicator/duplicate")).toEqual(expect.arrayContaining([7, 16, 20]));
      });
      test("§1.4 #29: full-width ＞/＜ (P12, P13, P14); P13 ＜100% and P15 ≤60% point the wrong way; P18 满意率 = 90 %; P21 cost ≥1835 元/人", () => {
        expect(seqs(N, "value/nonstandard-operator")).toEqual([12, 13, 14]);
        expect(seqs(N, "value/operator-direction")).toEqual([13, 15, 18, 21]);
      });
      test("§1.4 #25: 文字描述 rows dominate P5, P13, P14", () => {
        expect(seqs(N, "value/qualitative-ratio")).toEqual([5, 13, 14]);
      });
      test("§1.4 #24: the redacted value of P11", () => {
        expect(seqs(N, "value/redacted")).toEqual([11]);
      });
      test("the 2021 codes without P and the bracketed codes are accepted", () => {
        expect(of(N, "project/code-format")).toEqual([]);
      });
    });
  }
});

describe("seed 004 (平罗县公安局 2024, ningxia form)", () => {
  for (const N of ["seed-004", "seed-004-merged"]) {
    describe(N, () => {
      test("the Ningxia profile: no plan, no code, no 依据 findings; every table has 成本 and 满意度", () => {
        expect(load(N).doc.profile).toBe("ningxia");
        const ids = new Set(load(N).report.findings.map((f) => f.ruleId));
        for (const id of ["spend-plan/missing", "project/missing-field", "project/code-format", "basis/missing", "indicator/missing-cost", "indicator/missing-satisfaction", "value/missing-operator"])
          expect(ids.has(id)).toBe(false);
      });
      test("§3.4 #9/#10: 326 名辅警 vs 253人 (P2); P13's goal copied from P7 (45 人 vs 326 人)", () => {
        const f = of(N, "consistency/count-mismatch");
        expect(f.map((x) => x.projectSeq)).toEqual([2, 13]);
        expect(f[0].message).toBe("绩效目标写明 326名，但数量指标为 “253人”");
        expect(f[1].message).toContain("45人");
      });
      test("§3.4 #1/#4/#5/#8: costs equal to the budget, 19270元 = 1.93 万 (P6), annual amounts sum to 260 (P4)", () => {
        expect(of(N, "cost/exceeds-budget")).toEqual([]);
        expect(of(N, "cost/mismatch-budget")).toEqual([]);
      });
      test("§3.4 #6: non-monetary 成本 values (P3 ×3, P4 ×1, P9 ×2)", () => {
        expect(of(N, "cost/not-money").map((f) => f.projectSeq)).toEqual([3, 3, 3, 4, 9, 9]);
      });
      test("§3.4 #13/#14: 2022 年…项目 and 2023年内完成 in a 2024 table (P1), 2021 年智慧交通… (P9)", () => {
        expect(of(N, "time/wrong-year").map((f) => [f.projectSeq, f.message.match(/20\d\d 年/)?.[0]])).toEqual([
          [1, "2022 年"],
          [1, "2023 年"],
          [9, "2021 年"],
        ]);
      });
      test("§3.4 #16/#17: dates as 质量 values (P3) and 59 qualitative values", () => {
        expect(of(N, "value/type-mismatch", 3).some((f) => f.message.includes("2024年底"))).toBe(true);
        expect(of(N, "value/vague").length).toBeGreaterThanOrEqual(50);
      });
      test("§3.4 #19/#23: ≧ (P5) and 50余人 (P12)", () => {
        expect(of(N, "value/nonstandard-operator").map((f) => f.projectSeq)).toEqual([5, 5, 12]);
      });
      test("§3.4 #12: rows copied between projects (有效提升 rows of P1 in P10/P11, P3's rows in P9)", () => {
        expect(of(N, "indicator/copied").length).toBeGreaterThan(0);
      });
    });
  }
});

test("every seed validates fast and deterministically", () => {
  for (const n of ["seed-000", "seed-001", "seed-002", "seed-004"]) {
    const { doc, report } = load(n);
    expect(validate(doc, { raw: true })).toEqual(report);
    expect(validate(doc)).toEqual(validate(doc));
  }
});
