/**
 * Rules on a self-evaluated project (绩效自评表): money rules compare with 全年预算数 (the year's
 * adjusted budget the actuals were spent against), not 年初预算数; the form has no spend plan and
 * usually no project code, so neither is asked for; and validation runs over every self-eval and
 * department-overall form of the corpus without a crashed check.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ruleTester, project, withRows } from "./rule-tester";
import type { ExecutionLine, Project } from "../../src/model/schema";
import { validate } from "../../src/model/validate";
import { budgetTotal } from "../../src/model/rules/util";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { loadTruth } from "../corpus/truth-schema";

function line(role: ExecutionLine["role"], initial: number | null, annual: number | null, executed: number | null): ExecutionLine {
  return { role, label: role === "total" ? "年度资金总额" : "其中：财政拨款", initial, annual, executed, rate: null, weight: null, score: null };
}

/** A self-evaluated project: 年初预算数 in `budget` (as the reader puts it), 全年预算数 in its funds block. */
function selfEvaluated(initial: number, annual: number, cost: string): Project {
  const p = project({
    layout: "self-eval",
    budget: { total: initial, fiscal: initial, other: null, raw: { total: null, fiscal: null, other: null } },
    indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "项目总成本", cost] }),
    spendPlan: null,
  });
  p.selfEvaluation = { funds: [line("total", initial, annual, annual), line("fiscal", initial, annual, annual)], goalsActual: [], totalWeight: null, totalScore: null, grade: null, conclusion: null, issues: null, measures: null };
  return p;
}

describe("budgetTotal", () => {
  test("全年预算数 of the total line for a self-evaluated project, else 预算数", () => {
    expect(budgetTotal(selfEvaluated(60, 40, "≤40万元"))).toBe(40);
    expect(budgetTotal(project())).toBe(50);
    const blankAnnual = selfEvaluated(60, 40, "≤40万元");
    blankAnnual.selfEvaluation!.funds[0].annual = null;
    expect(budgetTotal(blankAnnual)).toBe(60);
  });
});

ruleTester("cost/exceeds-budget", {
  valid: [
    { name: "self-eval: cost within 全年预算数 although above 年初预算数", project: selfEvaluated(40, 50, "≤50万元") },
  ],
  invalid: [
    {
      name: "self-eval: cost above 全年预算数 (budget cut during the year)",
      project: selfEvaluated(60, 40, "≤50万元"),
      errors: [{ severity: "error", messageIncludes: "超过预算数 40 万元" }],
    },
  ],
});

ruleTester("cost/mismatch-budget", {
  valid: [{ name: "self-eval: cost equals 全年预算数", project: selfEvaluated(60, 40, "≤40万元") }],
  invalid: [{ name: "self-eval: cost well below 全年预算数", project: selfEvaluated(40, 60, "≤40万元"), errors: [{ messageIncludes: "低于预算数 60 万元" }] }],
});

ruleTester("spend-plan/missing", {
  valid: [{ name: "a 自评表 has no spend plan", project: selfEvaluated(50, 50, "≤50万元") }],
  invalid: [{ name: "a target table without a plan", project: project({ spendPlan: null }), errors: [{ messageIncludes: "缺少资金支出计划" }] }],
});

ruleTester("project/missing-field", {
  valid: [{ name: "a 自评表 without a project code", project: { ...selfEvaluated(50, 50, "≤50万元"), code: null } }],
  invalid: [
    { name: "a target table without a code", project: project({ code: null }), errors: [{ messageIncludes: "缺少项目编码" }] },
    { name: "a 自评表 without a name", project: { ...selfEvaluated(50, 50, "≤50万元"), name: null }, errors: [{ messageIncludes: "缺少项目名称" }] },
  ],
});

// The 80-point 自评表 (corpus 49, 51: 预算执行情况(20分) | 年度绩效目标(80分)) prints no goal block.
const noGoalBlock = (): Project => ({ ...selfEvaluated(50, 50, "≤50万元"), goals: [] });
ruleTester("goal/missing", {
  valid: [{ name: "a 自评表 whose form has no goal block (corpus 49, 51)", project: noGoalBlock() }],
  invalid: [
    {
      name: "a 自评表 whose goal block was read but left empty",
      project: (() => {
        const p = noGoalBlock();
        p.source = { ...p.source, cells: { ...p.source.cells, goals: "A8" } };
        return p;
      })(),
      errors: [{ cell: "A8", severity: "error", messageIncludes: "缺少绩效目标" }],
    },
    { name: "a target table (not a 自评表) without goals", project: project({ goals: [] }), errors: [{ severity: "error" }] },
  ],
});

describe("validation over the corpus self-eval and department forms", () => {
  const dir = path.join(__dirname, "..", "corpus");
  const files = fs
    .readdirSync(path.join(dir, "truth"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => loadTruth(path.join(dir, "truth", f)))
    .filter((t) => t.kind === "self-eval" || t.kind === "department");

  test.each(files.map((t) => [path.basename(t.workbook), t] as const))("%s validates without a crashed check", async (_n, truth) => {
    const grid = await loadGrid(fs.readFileSync(path.join(dir, truth.workbook)));
    const { document } = readWorkbook(grid);
    const report = validate(document);
    expect(report.findings.filter((f) => /运行出错/.test(f.message))).toEqual([]);
    if (truth.kind === "self-eval") expect(report.findings.some((f) => f.projectSeq !== null)).toBe(true);
  });
});
