/**
 * `npm run bench`: every benchmark, printed as one table. Each figure comes with a baseline measured
 * in the same run, so ratios stay meaningful on any machine.
 */
import { benchModel } from "./model";
import { printTable, type BenchRow } from "./table";

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  console.error("bench: rule engine …");
  rows.push(...(await benchModel()));
  printTable(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
