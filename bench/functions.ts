/**
 * Custom-function throughput: how many spend-plan and budget checks per second a recalculation can
 * do. Excel calls a function once per cell, so the per-cell path (cell values → model check → verdict)
 * is what matters; the bare model checks are measured alongside as the baseline.
 *
 * Inputs are deterministic and varied (template fractions, percent numbers, text with %, blanks,
 * 3-column plans, decreasing/over-100/back-loaded plans; budgets as numbers, "50 万元" text, U+3000
 * blanks, mismatches, junk), cycled over N evaluations.
 *
 *   import { benchFunctions, functionBenchRows } from "./functions";
 *   benchFunctions(20000)      → [{ name, ops, opsPerSec }]
 *   functionBenchRows(20000)   → the same as BenchRow[] for printTable (bench/table.ts)
 */
import { installCustomFunctionsShim } from "../test/functions/custom-functions-shim";
import { FUNCTIONS } from "../src/functions/functions";
import { spendPlanProblems } from "../src/model/checks/spend-plan";
import { budgetProblems } from "../src/model/checks/budget";
import { type BenchRow, fmt } from "./table";

export interface FunctionBenchRow {
  name: string;
  /** Evaluations timed. */
  ops: number;
  opsPerSec: number;
}

const PLAN_CELLS: unknown[][] = [
  [0.25, 0.5, 0.75, 1],
  [25, 50, 75, 100],
  ["25%", "50%", "75%", "100%"],
  ["", "", 1, 1],
  [0.043, 0.174, 0.891, 1],
  ["25%", "50%", "75%"],
  [0.25, 0.2, 0.75, 1],
  [25, 50, 75, 120],
  ["10%", "20%", "30%", "100%"],
  ["0.00", "50", "75", "100.00"],
  ["—", "50%", "75%", "100%"],
  ["", "", "", ""],
];
const PLAN_POINTS: (number | null)[][] = [
  [25, 50, 75, 100],
  [null, null, 100, 100],
  [4.3, 17.4, 89.1, 100],
  [25, 50, 75, null],
  [25, 20, 75, 100],
  [25, 50, 75, 120],
  [10, 20, 30, 100],
  [null, null, null, null],
];
const BUDGET_CELLS: unknown[][] = [
  [587.92, 587.92, ""],
  ["50 万元", 50, null],
  ["20.000000", "20.000000", "20.000000\u3000"],
  [100, 90, 5],
  [0.3, 0.1, 0.2],
  ["待定", 50, null],
  [460, 460, "\u3000"],
  ["19270元", 1.927, null],
];
const BUDGET_VALUES: (number | null)[][] = [
  [587.92, 587.92, null],
  [20, 20, 20],
  [100, 90, 5],
  [0.3, 0.1, 0.2],
  [50, -5, null],
];

function time(name: string, ops: number, fn: (i: number) => unknown): FunctionBenchRow {
  let sink = 0;
  const warm = Math.min(ops, 2000);
  for (let i = 0; i < warm; i++) sink += fn(i) ? 1 : 0;
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) sink += fn(i) ? 1 : 0;
  const ms = performance.now() - t0;
  if (sink < 0) console.log(sink); // keep the results alive
  return { name, ops, opsPerSec: Math.round(ops / (ms / 1000)) };
}

/** Evaluations per second of the spend-plan and budget checks, per cell and as bare model checks. */
export function benchFunctions(n = 20000): FunctionBenchRow[] {
  if (!(globalThis as { CustomFunctions?: unknown }).CustomFunctions) installCustomFunctionsShim();
  const { SPENDPLANCHECK, BUDGETCHECK } = FUNCTIONS;
  const rows: FunctionBenchRow[] = [];
  rows.push(
    time("spendPlanProblems (model check)", n, (i) =>
      spendPlanProblems(PLAN_POINTS[i % PLAN_POINTS.length])
    )
  );
  rows.push(
    time("JXMB.SPENDPLAN.CHECK (one cell)", n, (i) =>
      SPENDPLANCHECK([PLAN_CELLS[i % PLAN_CELLS.length]], null, null, null, null)
    )
  );
  const block = Array.from({ length: 1000 }, (_, i) =>
    PLAN_CELLS[i % PLAN_CELLS.length].slice(0, 4)
  ).filter((r) => r.length === 4);
  const blocks = Math.max(1, Math.round(n / block.length));
  const spill = time(`JXMB.SPENDPLAN.CHECK (${block.length}-row range)`, blocks, () =>
    SPENDPLANCHECK(block, null, null, null, null)
  );
  rows.push({ ...spill, ops: blocks * block.length, opsPerSec: spill.opsPerSec * block.length });
  rows.push(
    time("budgetProblems (model check)", n, (i) => {
      const [t, f, o] = BUDGET_VALUES[i % BUDGET_VALUES.length];
      return budgetProblems(t, f, o);
    })
  );
  rows.push(
    time("JXMB.BUDGET.CHECK (one cell)", n, (i) => {
      const [t, f, o] = BUDGET_CELLS[i % BUDGET_CELLS.length];
      return BUDGETCHECK(t, f, o);
    })
  );
  return rows;
}

/** benchFunctions as rows of the shared bench table; goal: ≥ 10,000 cells/s per check (a 1,000-cell sheet in < 0.1 s). */
export function functionBenchRows(n = 20000): BenchRow[] {
  const rows = benchFunctions(n);
  const base = (name: string) => rows.find((r) => r.name.startsWith(name))!.opsPerSec;
  return rows.map((r) => {
    const isModel = r.name.includes("model check");
    const baseline = r.name.includes("SPENDPLAN")
      ? base("spendPlanProblems")
      : r.name.includes("BUDGET")
        ? base("budgetProblems")
        : r.opsPerSec;
    return {
      benchmark: "custom functions",
      case: `${r.name}, ${r.ops} evaluations`,
      value: `${fmt(r.opsPerSec, 0)} /s`,
      baseline: isModel ? "-" : `${fmt(baseline, 0)} /s model check`,
      ratio: isModel ? "-" : `${fmt(baseline / r.opsPerSec, 1)}× slower`,
      goal: isModel ? "-" : "≥ 10000 /s",
      verdict: isModel ? "-" : r.opsPerSec >= 10000 ? "ok" : "over",
    };
  });
}

if (require.main === module) {
  for (const r of benchFunctions())
    console.log(
      `${r.name.padEnd(44)} ${String(r.ops).padStart(7)} ops  ${String(r.opsPerSec).padStart(10)} /s`
    );
}
