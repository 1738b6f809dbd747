/**
 * The inbox: cross-file checks of a department's files.
 *  - Seed 000 split by unit (5 workbooks, test/inbox/split-seeds.ts): reading and each file's own
 *    validate (the baseline) against the cross-file rules and the merge, in process.
 *  - Scale: 500 files × 20 projects × 30 indicators (10,000 projects, synthetic, one unit per file):
 *    checkInbox against validate of the same 10,000 projects as one document (the baseline: what a
 *    department would pay checking the merged document). Goal: the cross-file rules cost less than that.
 *  - Memory: structured-clone bytes of the slim documents a batch keeps per file vs the full ones.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { serialize } from "node:v8";
import { checkInbox, mergeInbox, slimForInbox, type InboxFile } from "../src/model/inbox";
import { validate } from "../src/model/validate";
import { loadDocument, readInputFile } from "../src/cli/pipeline";
import { syntheticDocument } from "../test/helpers/synthetic";
import { writeSplit } from "../test/inbox/split-seeds";
import { type BenchRow, fmt, medianMs } from "./table";

export async function benchInbox(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let seedFiles: InboxFile[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-bench-inbox-"));
  try {
    const split = await writeSplit(dir, { duplicateCode: true, totalMismatch: true });
    let files: InboxFile[] = [];
    const readMs = await medianMs(async () => {
      files = [];
      for (const name of split.files) files.push({ file: name, document: (await loadDocument(readInputFile(path.join(dir, name)), name)).document });
    }, 3);
    const ownMs = await medianMs(() => files.forEach((f) => validate(f.document)), 5);
    // Many repetitions: the reads above leave garbage whose collection would land in a few of them.
    const crossMs = await medianMs(() => checkInbox(files), 41, 5);
    const mergeMs = await medianMs(() => mergeInbox(files), 41, 5);
    const found = checkInbox(files).findings.length;
    seedFiles = files;
    const projects = files.reduce((n, f) => n + f.document.projects.length, 0);
    rows.push({
      benchmark: "inbox (seed 000 by unit)",
      case: `${files.length} files, ${projects} projects, ${found} cross-file findings (2 planted)`,
      value: `cross-file ${fmt(crossMs, 1)} ms, merge ${fmt(mergeMs, 1)} ms`,
      baseline: `read ${fmt(readMs, 0)} ms + own validate ${fmt(ownMs, 0)} ms`,
      ratio: `${fmt(((crossMs + mergeMs) / (readMs + ownMs)) * 100, 1)} %`,
      goal: "< 10 % of reading + validating",
      verdict: crossMs + mergeMs < 0.1 * (readMs + ownMs) ? "ok" : "over",
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const all = syntheticDocument(10_000, 30);
  const big: InboxFile[] = [];
  for (let f = 0; f < 500; f++) {
    const doc = { ...all, projects: all.projects.slice(f * 20, f * 20 + 20).map((p) => ({ ...p, unit: { code: `3120${String(f).padStart(3, "0")}`, name: `单位${f}` } })) };
    big.push({ file: `单位${f}.xlsx`, document: doc });
  }
  const crossMs = await medianMs(() => checkInbox(big), 3);
  const wholeMs = await medianMs(() => validate(all), 3);
  const findings = checkInbox(big).findings.length;
  rows.push({
    benchmark: "inbox (scale)",
    case: `500 files × 20 projects × 30 rows, ${findings} cross-file findings`,
    value: `${fmt(crossMs, 0)} ms`,
    baseline: `validate of the 10,000 projects as one document ${fmt(wholeMs, 0)} ms`,
    ratio: `${fmt(crossMs / wholeMs, 2)}×`,
    goal: "< 1× (cheaper than checking the merged document)",
    verdict: crossMs < wholeMs ? "ok" : "over",
  });
  // Structured-clone bytes: what crosses from a worker and is held per file until the cross-file checks.
  const size = (docs: InboxFile[], slim: boolean) => docs.reduce((n, f) => n + serialize(slim ? slimForInbox(f.document) : f.document).length, 0);
  for (const [label, docs] of [
    ["seed 000 by unit (5 files, read)", seedFiles],
    ["500 synthetic files", big],
  ] as const) {
    const full = size(docs, false);
    const slim = size(docs, true);
    rows.push({
      benchmark: "inbox (memory)",
      case: `kept per file until the cross-file checks: ${label}`,
      value: `slim ${fmt(slim / 1e6, 2)} MB`,
      baseline: `full documents ${fmt(full / 1e6, 2)} MB`,
      ratio: `${fmt(slim / full, 2)}×`,
      goal: "smaller than full (full only with --merge)",
      verdict: slim < full ? "ok" : "over",
    });
  }
  return rows;
}
