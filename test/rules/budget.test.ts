import { ruleTester, project, doc } from "./rule-tester";
import type { Project } from "../../src/model/schema";

function budget(total: number | null, fiscal: number | null, other: number | null, raw: Partial<Project["budget"]["raw"]> = {}): Project["budget"] {
  return { total, fiscal, other, raw: { total: total === null ? null : String(total), fiscal: fiscal === null ? null : String(fiscal), other: other === null ? null : String(other), ...raw } };
}

ruleTester("budget/not-number", {
  valid: [
    { name: "numbers" },
    // Seed 002 P19 "315万元": the reader parses it, nothing to report.
    { name: "amount written with its unit", project: project({ budget: budget(315, 315, null, { total: "315万元", fiscal: "315万元" }) }) },
    { name: "blank 其他资金", project: project({ budget: budget(50, 50, null, { other: "" }) }) },
  ],
  invalid: [
    {
      name: "text in 财政资金",
      project: project({ budget: budget(50, null, null, { fiscal: "五十万" }) }),
      errors: [{ cell: "D4", messageIncludes: ["财政资金", "“五十万”"], fixIncludes: "万元" }],
    },
    { name: "negative 其他资金", project: project({ budget: budget(50, 50, -1) }), errors: [{ cell: "F4", messageIncludes: ["其他资金", "负数"] }] },
  ],
});

ruleTester("budget/sum-mismatch", {
  valid: [
    { name: "blank 其他资金 counts as 0 (seeds 000/001)", project: project({ budget: budget(587.92, 587.92, null) }) },
    { name: "exact in 分: 0.1 + 0.2 = 0.3", project: project({ budget: budget(0.3, 0.1, 0.2) }) },
    { name: "missing 预算数 is another rule's business", project: project({ budget: budget(null, 50, null) }) },
  ],
  invalid: [
    {
      // Seed 002 P21: 20.000000 / 20.000000 / 20.000000.
      name: "其他资金 repeats the total (seed 002 P21)",
      project: project({ budget: budget(20, 20, 20, { total: "20.000000", fiscal: "20.000000", other: "20.000000" }) }),
      errors: [{ cell: "B4", severity: "error", messageIncludes: "预算数 20 ≠ 财政资金 20 + 其他资金 20（合计 40）", fixIncludes: "重复填写" }],
    },
    {
      name: "587.92 vs 500 + 0",
      project: project({ budget: budget(587.92, 500, 0) }),
      errors: [{ messageIncludes: "预算数 587.92 ≠ 财政资金 500 + 其他资金 0" }],
    },
  ],
});

const declared = (department: number | null, units: { code: string | null; name: string | null; total: number | null }[] = []) => ({
  department,
  units,
  source: { sheet: "汇总", range: "A1:C5", cells: { department: "C2", "units.0.total": "C3", "units.1.total": "C4" } },
});

ruleTester("budget/total-mismatch", {
  valid: [
    { name: "no declared totals", doc: doc([project()]) },
    { name: "totals agree", doc: doc([project(), project({ seq: 2 })], { declaredTotals: declared(100, [{ code: "312001", name: null, total: 100 }]) }) },
  ],
  invalid: [
    {
      name: "department total and unit total differ from the projects",
      doc: doc([project(), project({ seq: 2, unit: { code: "312003", name: "交警大队" } })], {
        declaredTotals: declared(120, [
          { code: "312001", name: null, total: 50 },
          { code: null, name: "交警大队", total: 60 },
        ]),
      }),
      errors: [
        { sheet: "汇总", cell: "C2", projectSeq: null, messageIncludes: "部门合计 120 万元 ≠ 各项目预算数之和 100 万元", fixIncludes: "相差 20 万元" },
        { cell: "C4", messageIncludes: ["交警大队", "合计 60 万元", "50 万元"], fixIncludes: "相差 10 万元" },
      ],
    },
    {
      name: "redacted projects are mentioned",
      doc: doc([project(), project({ seq: 2, redacted: true, name: null, code: null, budget: budget(null, null, null), goals: [], indicators: [] })], { declaredTotals: declared(80) }),
      errors: [{ messageIncludes: "另有 1 个涉密项目未列金额" }],
    },
  ],
});

ruleTester("budget/cell-text", {
  valid: [
    { name: "numbers" },
    { name: "an amount with its unit (corpus 01 “10000万元”)", project: project({ budget: { total: 50, fiscal: 50, other: null, raw: { total: "50万元", fiscal: "50 万 元", other: null } } }) },
  ],
  invalid: [
    {
      // Corpus 31 岳阳: the 财政拨款 cell repeats the amount.
      name: "the amount written twice (corpus 31)",
      project: project({ budget: { total: 854, fiscal: 854, other: null, raw: { total: "854", fiscal: "854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)", other: null } } }),
      errors: [{ cell: "D4", severity: "warning", messageIncludes: "把金额 854 写了两次", fixIncludes: "只填数字 854（单位万元）" }],
    },
    {
      name: "a breakdown that adds up: a hint (corpus 31)",
      project: project({ budget: { total: 854, fiscal: 854, other: null, raw: { total: "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)", fiscal: "854", other: null } } }),
      errors: [{ cell: "B4", severity: "info", messageIncludes: "是文字，金额单元格应只填数字", fixIncludes: "填数字 854，把“高标准农田建设400万元" }],
    },
    {
      name: "a breakdown that does not add up: an error",
      project: project({ budget: { total: 854, fiscal: 854, other: null, raw: { total: "854万(高标准农田建设400万元,示范建设295万元,畅通工程59万元)", fiscal: "854", other: null } } }),
      errors: [{ severity: "error", messageIncludes: "明细合计 754 万元不等于金额 854 万元" }],
    },
  ],
});
