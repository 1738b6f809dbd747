/** Tiny shared helpers for `npm run bench`: timing and a plain-text table. */
export interface BenchRow {
  benchmark: string;
  case: string;
  value: string; // the measured figure, formatted
  baseline: string; // what it is compared with in the same run
  ratio: string; // value / baseline (or growth ratio)
  goal: string;
  verdict: "ok" | "over" | "-";
}

/** Median wall time (ms) of `fn` over `reps` runs after one warm-up. */
export async function medianMs(fn: () => unknown | Promise<unknown>, reps = 5, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}

export function printTable(rows: BenchRow[]): void {
  const headers: (keyof BenchRow)[] = ["benchmark", "case", "value", "baseline", "ratio", "goal", "verdict"];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = headers.map((h) => Math.max(width(h), ...rows.map((r) => width(String(r[h])))));
  const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
  const line = (cells: string[]) => "| " + cells.map((c, i) => pad(c, cols[i])).join(" | ") + " |";
  console.log(line(headers as string[]));
  console.log("|" + cols.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(headers.map((h) => String(r[h]))));
}
