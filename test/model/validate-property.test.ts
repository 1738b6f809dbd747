/**
 * Property tests: on arbitrary documents (random labels, values as clerks type them, amounts, plans,
 * goals, duplicated and redacted projects) the engine never throws, never reports an internal error,
 * is deterministic, sorts its findings, counts them right, and every finding names a project cell
 * that exists in that project's source map (or the table's first cell).
 */
import fc from "fast-check";
import { validate, cellCoords } from "../../src/model/validate";
import { PROFILE_NAMES } from "../../src/model/rules/profiles";
import type { Project } from "../../src/model/schema";
import { project, doc, type Row } from "../rules/rule-tester";

const L1 = ["产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "产 出 指 标", "管理指标", ""];
const L2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标", "执法培训", ""];
const NAMES = ["设备数量", "完好率", "完成时间", "项目总成本", "满意度", "发案数（个）", "争取 2020 年底资金全部支出", "覆盖率", "办结时间", "", "  "];
const VALUES = ["≥95%", "100%", "≤50万元", "50", "≥ 80 万", "2023年12月底前", "2022年底", "进一步提高", "是否通过验收", "**", "", "—", "≧90%", "50余人", "≥1835元/人", "19270元", "10万元/年", "≤3个工作日", "120%", "90%-95%", "控制成本", "7万", "1 1566.21平方米", "历史经验"];
const BASES = ["计划标准", "历史经验", "进一步提高", "≥95%", null, ""];
const GOALS = ["目标内容 1", "1.年内完成 10 台设备采购", "维护社会稳定", "实有 326 名辅警", "", "请填写"];

const row: fc.Arbitrary<Row> = fc.tuple(
  fc.constantFrom(...L1),
  fc.constantFrom(...L2),
  fc.constantFrom(...NAMES),
  fc.constantFrom(...VALUES),
  fc.constantFrom(...BASES),
  fc.option(fc.constantFrom("描述 2022 年", "158 名辅警"), { nil: null }),
);
const pct = fc.option(fc.oneof(fc.integer({ min: -10, max: 150 }), fc.double({ min: 0, max: 100, noNaN: true })), { nil: null });
const money = fc.option(fc.integer({ min: -100, max: 100000 }).map((n) => n / 100), { nil: null });

const projectArb = (seq: number): fc.Arbitrary<Project> =>
  fc
    .record({
      rows: fc.array(row, { maxLength: 12 }),
      plan: fc.option(fc.tuple(pct, pct, pct, pct), { nil: null }),
      total: money,
      fiscal: money,
      other: money,
      goals: fc.array(fc.constantFrom(...GOALS), { maxLength: 3 }),
      code: fc.constantFrom("13032423P00442810139H", "13032423P0044281013 9H", "123", null),
      redacted: fc.boolean(),
      layout: fc.constantFrom("hebei" as const, "ningxia" as const, "chengde" as const),
    })
    .map((r) =>
      project({
        seq,
        code: r.code,
        redacted: r.redacted,
        layout: r.layout,
        goals: r.goals,
        budget: { total: r.total, fiscal: r.fiscal, other: r.other, raw: { total: null, fiscal: "五十", other: null } },
        spendPlan: r.plan ? { mar: r.plan[0], jun: r.plan[1], oct: r.plan[2], dec: r.plan[3], raw: { mar: null, jun: null, oct: null, dec: null } } : null,
        indicators: r.rows,
      }),
    );

const docArb = fc
  .integer({ min: 0, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => projectArb(i + 1))))
  .chain((ps) => fc.tuple(fc.constant(ps), fc.constantFrom(...PROFILE_NAMES), fc.option(fc.integer({ min: 2020, max: 2025 }), { nil: null })))
  .map(([ps, profile, year]) => doc(ps as Project[], { profile, fiscalYear: year }));

test("the engine is total, deterministic, sorted and counts right on arbitrary documents", () => {
  fc.assert(
    fc.property(docArb, (d) => {
      const r = validate(d);
      expect(r.findings.filter((f) => f.message.includes("运行出错"))).toEqual([]);
      expect(validate(d)).toEqual(r);
      const sum = { error: 0, warning: 0, info: 0 };
      for (const f of r.findings) sum[f.severity]++;
      expect(r.summary).toEqual(sum);
      for (let i = 1; i < r.findings.length; i++) {
        const a = r.findings[i - 1];
        const b = r.findings[i];
        expect((a.projectSeq ?? -1) <= (b.projectSeq ?? -1)).toBe(true);
        const rank = { error: 3, warning: 2, info: 1 } as const;
        // Within a project 错误 first, then 警告, then 提示; by cell within one severity.
        if (a.projectSeq === b.projectSeq) expect(rank[a.severity] >= rank[b.severity]).toBe(true);
        if (a.projectSeq === b.projectSeq && a.sheet === b.sheet && a.severity === b.severity) {
          const ca = cellCoords(a.cell);
          const cb = cellCoords(b.cell);
          expect(ca.row < cb.row || (ca.row === cb.row && ca.col <= cb.col)).toBe(true);
        }
      }
      // One finding per cell (the precision stage folds the others into it).
      const cells = r.findings.filter((f) => f.cell !== null).map((f) => `${f.projectSeq}|${f.sheet}|${f.cell}`);
      expect(new Set(cells).size).toBe(cells.length);
      for (const f of r.findings) {
        expect(f.message).not.toMatch(/\{\w+\}/);
        expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
        const p = d.projects.find((x) => x.seq === f.projectSeq);
        if (!p || !f.cell) continue;
        const known = new Set<string>([...Object.values(p.source.cells), ...p.indicators.flatMap((i) => Object.values(i.source)), p.source.range!.split(":")[0]]);
        expect(known.has(f.cell)).toBe(true);
        if (p.redacted) expect(f.ruleId).toBe("project/redacted");
      }
    }),
    { numRuns: 300, seed: 20231231 },
  );
});
