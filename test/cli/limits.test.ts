/**
 * Read limits on the command line (--max-file-mb, --max-cells), through the built binary: a file
 * over a limit is refused with a hint naming the flag and a value that lets it through, the flag
 * raises the limit again, and the limits reach the pool's workers as well as the in-process path.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureBuilt, exampleFiles, jxmb, macroSeed, STACK_LINE, tempDir } from "./helpers";

interface JsonReport {
  files: { file: string; projects: number; error?: { message: string; messageEn: string } }[];
}

let tmp: string;
let examples: string[];

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir("jxmb-limits-");
  examples = exampleFiles();
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The "at least N" a limit message suggests for `flag`. */
function suggested(message: string, flag: string): number {
  const m = new RegExp(`${flag} N 提高此上限（(?:单位 MB，)?至少 (\\d+)）`).exec(message);
  if (!m) throw new Error(`no ${flag} suggestion in: ${message}`);
  return Number(m[1]);
}

describe("--max-cells", () => {
  it("refuses a workbook over the limit with a hint naming the flag; the suggested value lets it through", () => {
    // A seed with few sheets: the reader counts sheet by sheet (see below).
    const seed = examples.find((f) => path.basename(f) === "seed-001.xlsx") as string;
    const r = jxmb(["validate", seed, "--max-cells", "100", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const err = (JSON.parse(r.stdout) as JsonReport).files[0].error;
    expect(err?.message).toContain("maxCells");
    expect(err?.message).toContain("可加 --max-cells N 提高此上限");
    expect(err?.messageEn).toContain("raise it with --max-cells N (at least");
    expect(r.stderr).toContain("--max-cells N");

    // "At least N": the reader stops counting where it passes the limit, so N is a lower bound;
    // following the suggestions reaches the workbook's cell count in a few steps, never more.
    let limit = suggested(err?.message ?? "", "--max-cells");
    let again = jxmb(["validate", seed, "--max-cells", String(limit), "--format", "json"]);
    for (let step = 0; again.code === 2 && step < 5; step++) {
      const next = suggested((JSON.parse(again.stdout) as JsonReport).files[0].error?.message ?? "", "--max-cells");
      expect(next).toBeGreaterThan(limit);
      limit = next;
      again = jxmb(["validate", seed, "--max-cells", String(limit), "--format", "json"]);
    }
    expect([0, 1]).toContain(again.code);
    expect(again.stdout).toBe(jxmb(["validate", seed, "--format", "json"]).stdout);
    // One cell fewer than the workbook has is refused again: the flag sets the limit exactly.
    expect(jxmb(["validate", seed, "--max-cells", String(limit - 1)]).code).toBe(2);
  });

  it("reaches the pool's workers: every file refused under a tiny limit, the same report as --jobs 1", () => {
    const dir = path.join(tmp, "pool");
    fs.mkdirSync(dir);
    for (const f of examples.slice(0, 3)) fs.copyFileSync(f, path.join(dir, path.basename(f)));
    const pool = jxmb(["validate", dir, "--max-cells", "50", "--jobs", "2", "--format", "json"]);
    const seq = jxmb(["validate", dir, "--max-cells", "50", "--jobs", "1", "--format", "json"]);
    expect(pool.code).toBe(2);
    expect(pool.stdout).toBe(seq.stdout);
    const files = (JSON.parse(pool.stdout) as JsonReport).files;
    expect(files).toHaveLength(3);
    for (const f of files) expect(f.error?.message).toContain("--max-cells");
  });

  it("export takes it too", () => {
    const r = jxmb(["export", examples[0], "--max-cells", "10"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--max-cells N");
  });
});

describe("--max-file-mb", () => {
  it("refuses a file by its size before reading it; a higher limit lets the reader look at it", () => {
    const file = path.join(tmp, "大文件.xlsx");
    fs.writeFileSync(file, Buffer.alloc(Math.round(2.5 * 1024 * 1024), 0x41)); // 2.5 MB of text, not a workbook
    for (const cmd of ["validate", "export"]) {
      const r = jxmb([cmd, file, "--max-file-mb", "2"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("maxFileBytes");
      expect(r.stderr).toContain("可加 --max-file-mb N 提高此上限（单位 MB，至少 3）");
      expect(r.stderr).not.toContain("raise it with");
      const en = jxmb([cmd, file, "--max-file-mb", "2"], { env: { JXMB_LANG: "en" } });
      expect(en.stderr).toContain("raise it with --max-file-mb N (in MB, at least 3)");
      const raised = jxmb([cmd, file, "--max-file-mb", "3"]);
      expect(raised.code).toBe(2); // still not a workbook, but no longer refused for its size
      expect(raised.stderr).toContain("大文件.xlsx");
      expect(raised.stderr).not.toContain("maxFileBytes");
    }
  });

  it.each([
    [["--max-file-mb", "0"], "--max-file-mb"],
    [["--max-cells", "-5"], "--max-cells"],
    [["--max-cells", "1e6"], "--max-cells"],
  ])("bad %j → exit 2 with a hint", (opts, name) => {
    const r = jxmb(["validate", examples[0], ...opts]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(name);
    expect(r.stderr).toContain("jxmb help validate");
  });
});

describe("read notices reach the report", () => {
  test("an .xlsm is read and the report says its macros were never run", async () => {
    ensureBuilt();
    const file = await macroSeed(tempDir("jxmb-notice-"));
    const r = jxmb(["validate", file, "--format", "json"]);
    const report = JSON.parse(r.stdout);
    const notes = report.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === "read/problem");
    expect(notes.some((f: { message: string; severity: string }) => /宏/.test(f.message) && f.severity === "info")).toBe(true);
  });
});
