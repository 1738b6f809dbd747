/**
 * `jxmb validate` over a folder of many workbooks, through the built binary: the worker pool
 * (--jobs 2) gives exactly the report and exit code of the in-process run (--jobs 1), broken files
 * are reported one by one without stopping the batch, progress stays on stderr, and a worker that
 * runs out of memory costs only the file it was checking.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureBuilt, exampleFiles, jxmb, STACK_LINE, tempDir } from "./helpers";

interface JsonReport {
  files: { file: string; projects: number; findings: unknown[]; summary: Record<string, number>; error?: { message: string; messageEn: string } }[];
}

const COPIES = 38; // + 2 broken files = 40 workbooks
const COUNTIES = ["正定县", "栾城区", "平山县", "Luanping County", "承德 双桥区", "银川市-兴庆区"];

let tmp: string;
let dir: string;
let broken: string[];

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir("jxmb-batch-");
  dir = path.join(tmp, "退回的工作簿");
  fs.mkdirSync(dir);
  const examples = exampleFiles();
  for (let i = 0; i < COPIES; i++) {
    const src = examples[i % examples.length];
    // Varied names, so the sorted order interleaves layouts (and the pool's finishing order differs from it).
    const name = `${COUNTIES[(i * 5) % COUNTIES.length]}-${String((i * 17) % COPIES).padStart(2, "0")}-${path.basename(src)}`;
    fs.copyFileSync(src, path.join(dir, name));
  }
  broken = [path.join(dir, "坏文件-文本改名.xlsx"), path.join(dir, "Luanping County-99-截断.xlsx")];
  fs.writeFileSync(broken[0], "项目名称,预算数\n安保经费,50\n");
  fs.writeFileSync(broken[1], Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]));
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("validate a folder with a worker pool", () => {
  it("--jobs 2 and --jobs 1 give the same JSON report and exit code; broken files are per-file errors", () => {
    const pool = jxmb(["validate", dir, "--format", "json", "--jobs", "2"]);
    const seq = jxmb(["validate", dir, "--format", "json", "--jobs", "1"]);
    expect(pool.stdout).toBe(seq.stdout);
    expect(pool.code).toBe(seq.code);
    expect(pool.code).toBe(2); // two unreadable files

    const report = JSON.parse(pool.stdout) as JsonReport; // stdout holds only the JSON
    const names = fs.readdirSync(dir).sort();
    expect(report.files.map((f) => path.basename(f.file))).toEqual(names);
    expect(report.files).toHaveLength(COPIES + 2);
    for (const f of report.files) {
      if (broken.includes(f.file)) {
        expect(f.projects).toBe(0);
        expect(f.error?.message).toContain(path.basename(f.file));
        expect(f.error?.messageEn).toMatch(/^Cannot read /);
      } else {
        expect(f.error).toBeUndefined();
        expect(f.projects).toBeGreaterThan(0);
        expect(f.findings.length).toBeGreaterThan(0);
      }
    }

    for (const r of [pool, seq]) {
      // Progress: one plain line per file (stderr is not a terminal here), then the throughput line.
      const lines = r.stderr.split("\n");
      for (const n of names) expect(lines.filter((l) => /^\[\d+\/40\] /.test(l) && l.includes(n))).toHaveLength(1);
      for (let k = 1; k <= 40; k++) expect(r.stderr).toContain(`[${k}/40] `);
      // One language: Chinese by default, no English line after it.
      expect(r.stderr).toMatch(/^已检查 40 个文件，用时 [\d.]+ 秒（[\d.]+ 个\/秒）。$/m);
      expect(r.stderr).not.toContain("Checked 40 files");
      for (const b of broken) expect(lines.filter((l) => l.startsWith("jxmb: ") && l.includes(b))).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).not.toContain("[1/40]");
    }
  });

  it("the text report is byte-identical too, with --output", () => {
    const out1 = path.join(tmp, "seq.txt");
    const out2 = path.join(tmp, "pool.txt");
    const seq = jxmb(["validate", dir, "--jobs", "1", "--output", out1]);
    const pool = jxmb(["validate", dir, "-j", "2", "--output", out2]);
    expect(pool.code).toBe(seq.code);
    expect(pool.stdout).toBe("");
    const text = fs.readFileSync(out2, "utf8");
    expect(text).toBe(fs.readFileSync(out1, "utf8"));
    expect(text).toMatch(/^合计：40 个文件（38 个已检查，2 个无法读取）/m);
  });

  it("a worker over its memory cap fails that file only; a fresh worker checks the rest", () => {
    const small = path.join(tmp, "cap");
    fs.mkdirSync(small);
    const examples = exampleFiles();
    for (const f of examples.slice(0, 4)) fs.copyFileSync(f, path.join(small, path.basename(f)));
    // A real cause: a 200-project workbook needs over 24 MB of heap to read, the examples under 16 MB.
    const big = path.join(small, "seed-001-大表.xlsx"); // sorts among the examples, not last
    expect(jxmb(["template", "--projects", "200", "--output", big]).code).toBe(0);

    const capped = jxmb(["validate", small, "--format", "json", "--jobs", "2", "--max-worker-mb", "16"]);
    expect(capped.code).toBe(2);
    const report = JSON.parse(capped.stdout) as JsonReport;
    expect(report.files).toHaveLength(5);
    const failed = report.files.filter((f) => f.error);
    expect(failed.map((f) => f.file)).toEqual([big]);
    expect(failed[0].error?.message).toContain("内存上限（16 MB，由 --max-worker-mb 指定）");
    expect(failed[0].error?.message).toContain(`“${big}” 太大`);
    expect(failed[0].error?.messageEn).toContain("per-file memory cap (16 MB, set with --max-worker-mb)");
    expect(capped.stderr).toContain(`jxmb: “${big}” 太大：检查它所需的内存超出单个文件的内存上限`);
    expect(capped.stderr).not.toMatch(STACK_LINE);

    // The other files are reported exactly as an uncapped sequential run reports them.
    const seq = JSON.parse(jxmb(["validate", small, "--format", "json", "--jobs", "1"]).stdout) as JsonReport;
    expect(report.files.filter((f) => !f.error)).toEqual(seq.files.filter((f) => f.file !== big));
    expect(seq.files.find((f) => f.file === big)?.projects).toBe(200);
  });

  it.each([
    [["--jobs", "0"], "--jobs"],
    [["--jobs", "two"], "--jobs"],
    [["-j", "1.5"], "--jobs"],
    [["--max-worker-mb", "1"], "--max-worker-mb"],
  ])("bad %j → exit 2 with a hint", (opts, name) => {
    const r = jxmb(["validate", dir, ...opts]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${name} 需要`);
    expect(r.stderr).toContain("jxmb help validate");
  });
});
