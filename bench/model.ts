/**
 * Rule-engine throughput on a synthetic department: 1,000 and 10,000 projects × 30 indicators.
 * Baseline in the same run: a bare scan that touches every indicator's parsed target once (the
 * least any validator must do), so the ratio shows the engine's own cost. Goal: < 20 ms per
 * 10,000 indicator rows; growth 10k/1k ≈ 1.0 per row (linear).
 */
import { validate } from "../src/model/validate";
import { syntheticDocument } from "../test/helpers/synthetic";
import { type BenchRow, fmt, medianMs } from "./table";

function scan(doc: ReturnType<typeof syntheticDocument>): number {
  let n = 0;
  for (const p of doc.projects) for (const ind of p.indicators) if (ind.target.value !== null && ind.level2.length > 0) n++;
  return n;
}

export async function benchModel(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const perRow: number[] = [];
  for (const projects of [1000, 10000]) {
    const doc = syntheticDocument(projects, 30);
    const indicatorRows = projects * 30;
    const reps = projects >= 10000 ? 3 : 7;
    const ms = await medianMs(() => validate(doc, { profile: "hebei" }), reps);
    const scanMs = await medianMs(() => scan(doc), reps);
    const per10k = (ms / indicatorRows) * 10000;
    perRow.push(per10k);
    const findings = validate(doc, { profile: "hebei" }).findings.length;
    rows.push({
      benchmark: "validate (rules)",
      case: `${projects} projects × 30 = ${indicatorRows} rows, ${findings} findings`,
      value: `${fmt(per10k)} ms / 10k rows (${fmt(ms, 0)} ms)`,
      baseline: `scan ${fmt((scanMs / indicatorRows) * 10000, 3)} ms / 10k rows`,
      ratio: `${fmt(ms / Math.max(scanMs, 1e-6), 1)}× scan`,
      goal: "< 20 ms / 10k rows",
      verdict: per10k < 20 ? "ok" : "over",
    });
  }
  rows.push({
    benchmark: "validate (rules)",
    case: "growth 10k vs 1k projects, per row",
    value: `${fmt(perRow[1] / perRow[0])}`,
    baseline: "1k-project run",
    ratio: `${fmt(perRow[1] / perRow[0])}`,
    goal: "≈ 1 (linear)",
    verdict: perRow[1] / perRow[0] < 1.5 ? "ok" : "over",
  });
  return rows;
}
