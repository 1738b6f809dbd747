/**
 * The 部门整体支出绩效目标表 rules (department/*): 资金总额 against its parts, and the 年度履职目标 amounts
 * against the budget. Documents shaped as the department-overall reader makes them; corpus 07 Fujian,
 * whose duty amounts (232.21) exceed its 资金总额 (171.41).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ruleTester } from "./rule-tester";
import type { DepartmentBudget, Duty, JxmbDocument } from "../../src/model/schema";
import { emptyDocument } from "../../src/model/schema";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { validate } from "../../src/model/validate";

const duty = (amount: number | null): Duty => ({ duty: "职能", task: "任务", content: null, project: null, amount, fiscal: null, other: null });

function departmentDoc(budget: Partial<DepartmentBudget>, duties: Duty[] = []): JxmbDocument {
  const d = emptyDocument();
  d.department = { code: "901001033", name: "某研究室" };
  d.overview = {
    summary: "目标1:保障运转",
    items: [],
    safeguards: null,
    goals: ["保障运转"],
    budget: { total: null, fiscal: null, other: null, basic: null, project: null, ...budget },
    duties,
    indicators: [],
    source: { sheet: "部门整体", range: "A1:E18", cells: { "budget.total": "C4", "duties.0.amount": "E9" } },
  };
  return d;
}

ruleTester("department/budget-sum", {
  valid: [
    { name: "171.41 = 110.61 + 60.8 (corpus 07)", doc: departmentDoc({ total: 171.41, basic: 110.61, project: 60.8 }) },
    { name: "财政拨款 + blank 其他资金", doc: departmentDoc({ total: 200, fiscal: 200 }) },
    { name: "no department table", doc: emptyDocument() },
  ],
  invalid: [
    {
      name: "基本支出 + 项目支出 ≠ 资金总额",
      doc: departmentDoc({ total: 171.41, basic: 110.61, project: 70 }),
      errors: [{ cell: "C4", sheet: "部门整体", severity: "error", messageIncludes: "部门资金总额 171.41 万元 ≠ 基本支出 110.61 + 项目支出 70（合计 180.61）" }],
    },
    { name: "财政拨款 + 其他资金 ≠ 资金总额", doc: departmentDoc({ total: 200, fiscal: 180, other: 10 }), errors: [{ messageIncludes: "财政拨款 180 + 其他资金 10（合计 190）" }] },
  ],
});

ruleTester("department/duties-sum", {
  valid: [
    { name: "duties add up to 资金总额", doc: departmentDoc({ total: 200 }, [duty(120), duty(80)]) },
    { name: "duties cover only 项目支出", doc: departmentDoc({ total: 171.41, basic: 110.61, project: 60.8 }, [duty(49.8), duty(11)]) },
    { name: "an amount left blank: not compared", doc: departmentDoc({ total: 200 }, [duty(120), duty(null)]) },
  ],
  invalid: [
    {
      name: "corpus 07: 49.8 + 11 + 171.41 = 232.21",
      doc: departmentDoc({ total: 171.41, basic: 110.61, project: 60.8 }, [duty(49.8), duty(11), duty(171.41)]),
      errors: [{ cell: "E9", severity: "warning", messageIncludes: "预算金额合计 232.21 万元 ≠ 资金总额 171.41 万元，也不等于项目支出 60.8 万元" }],
    },
  ],
});

test("corpus 07 Fujian: the duty amounts that exceed the budget are found on the form itself", async () => {
  const file = path.join(__dirname, "..", "corpus", "workbooks", "07-福建宁德-部门整体-2019.xlsx");
  const report = validate(readWorkbook(await loadGrid(fs.readFileSync(file))).document);
  const f = report.findings.filter((x) => x.ruleId.startsWith("department/"));
  expect(f.map((x) => [x.ruleId, x.sheet, x.cell])).toEqual([["department/duties-sum", "部门整体支出绩效目标表", "E9"]]);
});

test("corpus 07 Fujian: the department table's indicator rows and goals get the row checks, as document findings on its own cells", async () => {
  const file = path.join(__dirname, "..", "corpus", "workbooks", "07-福建宁德-部门整体-2019.xlsx");
  const report = validate(readWorkbook(await loadGrid(fs.readFileSync(file))).document);
  const rows = report.findings.filter((x) => !x.ruleId.startsWith("department/"));
  expect(rows.every((x) => x.projectSeq === null && x.sheet === "部门整体支出绩效目标表")).toBe(true);
  expect(rows.map((x) => [x.ruleId, x.cell])).toEqual([
    ["goal/vague", "B7"],
    ["value/type-mismatch", "E13"],
    ["value/type-mismatch", "E14"],
    ["value/type-mismatch", "E15"],
    ["value/missing-unit", "E16"],
    ["value/missing-unit", "E17"],
    ["value/type-mismatch", "E18"],
  ]);
  // The 建议 reads the row's 指标解释 (90%) and the document's year.
  expect(rows.find((x) => x.cell === "E16")?.fix).toContain("指标解释写 90%，指标值写“≥90%”");
  expect(rows.find((x) => x.cell === "E18")?.fix).toContain("≤2019年12月31日");
});

test("structure rules (缺少…指标) do not judge a department table", () => {
  const d = departmentDoc({ total: 100, basic: 60, project: 40 });
  d.overview!.indicators = [
    { level1: "产出指标", level2: "数量指标", name: "出版年鉴", description: null, target: { raw: "≥1部", kind: "number", operator: "≥", operatorRaw: "≥", value: 1, valueMax: null, unit: "部", date: null, text: null }, targetParts: null, basis: null, scoring: null, level1Raw: null, level2Raw: null, source: { target: "E13" } },
  ];
  expect(validate(d).findings.filter((x) => x.ruleId.startsWith("indicator/missing"))).toEqual([]);
});
