/**
 * Hostile workbooks through both Node front doors: loadGrid in-process (with the default
 * DecompressionStream inflater and with Node's zlib) and the BUILT `jxmb` binary (validate and
 * export), under a 512 MB heap so a blow-up fails instead of swapping. The corpus is generated at
 * test time (corpus.ts). The standalone page gets the same corpus in test/e2e/hostile.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawn } from "node:child_process";
import { loadGrid, WorkbookReadError, type ReadNotice } from "../../src/xlsx/read";
import { nodeInflate } from "../../src/xlsx/node-inflate";
import { DEFAULT_LIMITS, limitsFrom, type ReadLimits } from "../../src/xlsx/limits";
import { readWorkbook } from "../../src/model/read";
import { BIN, ensureBuilt, ROOT, STACK_LINE, tempDir, watchPeakRss } from "../cli/helpers";
import { CASES, generateCorpus, LONG_32767, ODD_NAMES, type HostileCase } from "./corpus";
import { RAW_CONTROL } from "./scenarios";
import type { Grid } from "../../src/model/grid";

jest.setTimeout(120_000);

const CJK = /[\u4e00-\u9fff]/;
const WALL_MS = 20_000;

let dir: string;
let corpus: { c: HostileCase; file: string }[];
const summary: { id: string; outcome: string; ms: number; peakKb: number }[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("jxmb-hostile-");
  corpus = await generateCorpus(dir);
}, 300_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (summary.length > 0) {
    const worst = Math.max(...summary.map((s) => s.ms));
    const refused = summary.filter((s) => s.outcome.startsWith("exit 2")).length;
    // One line the lead can quote.
    process.stdout.write(
      `\nhostile corpus (CLI): ${summary.length} runs over ${CASES.length} cases, ${refused} refused with exit 2, ` +
        `${summary.length - refused} read; every run ≤ ${worst} ms wall under a 512 MB heap (bound ${WALL_MS} ms), ` +
        `≤ ${Math.round(Math.max(...summary.map((s) => s.peakKb)) / 1024)} MB peak RSS (bound 1024 MB)\n`,
    );
  }
});

const entry = (id: string) => {
  const e = corpus.find((x) => x.c.id === id);
  if (!e) throw new Error(`no case ${id}`);
  return e;
};

async function read(id: string, opts: { inflate?: typeof nodeInflate; limits?: Partial<ReadLimits> } = {}) {
  const { c, file } = entry(id);
  const notices: ReadNotice[] = [];
  const t = Date.now();
  try {
    const grid = await loadGrid(fs.readFileSync(file), { fileName: c.file, inflate: opts.inflate, limits: opts.limits, onNotice: (n) => notices.push(n) });
    return { grid, error: null, notices, ms: Date.now() - t };
  } catch (e) {
    return { grid: null as Grid | null, error: e, notices, ms: Date.now() - t };
  }
}

describe("corpus", () => {
  test("has every kind of trouble the issue lists", () => {
    const ids = CASES.map((c) => c.id);
    for (const id of ["encrypted", "legacy-xls", "csv-renamed", "truncated", "zip-not-workbook", "macro-xlsm", "bomb-honest", "bomb-lying", "cells-3m", "dimension-claim", "whole-column-validations", "long-rich-errors-links", "odd-sheet-names"]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });
});

describe.each(CASES.map((c) => [c.id, c] as const))("loadGrid: %s", (_id, c) => {
  test.each([
    ["DecompressionStream", undefined],
    ["node:zlib", nodeInflate],
  ] as const)(`${c.expect === "refused" ? "refused" : "read"} (%s inflater), bounded`, async (_name, inflate) => {
    const r = await read(c.id, { inflate });
    expect(r.ms).toBeLessThan(WALL_MS);
    if (c.expect === "refused") {
      expect(r.grid).toBeNull();
      expect(r.error).toBeInstanceOf(WorkbookReadError);
      const err = r.error as WorkbookReadError;
      expect(err.kind).toBe(c.kind);
      expect(err.message).toContain(`“${c.file}”`);
      expect(err.message).toMatch(CJK);
      expect(err.message).not.toMatch(STACK_LINE);
      // zh first, a short English gloss last, in （…）.
      expect(err.message).toMatch(/（[^（）]*[A-Za-z][^（）]*）$/);
      if (c.message) expect(err.message).toMatch(c.message);
      if (c.limit) {
        expect(err.limit).toBe(c.limit);
        expect(err.message).toContain(c.limit);
        expect(err.measured).toBeGreaterThan(err.allowed as number);
        expect(err.allowed).toBe(DEFAULT_LIMITS[c.limit]);
      }
    } else {
      expect(r.error).toBeNull();
      expect(r.grid?.sheets.length).toBeGreaterThan(0);
    }
  });
});

describe("odd but valid workbooks read exactly", () => {
  test("odd sheet names survive, defined names point at them", async () => {
    const { grid } = await read("odd-sheet-names");
    expect(grid!.sheets.map((s) => s.name)).toEqual(ODD_NAMES);
    grid!.sheets.forEach((s, i) => expect(s.values[0][0]).toBe(`表${i}`));
    expect(grid!.names).toContainEqual({ name: "预算数", sheet: "it's", ref: "A1" });
    expect(() => readWorkbook(grid!)).not.toThrow();
  });

  test("32 767 Chinese characters, rich text, cached errors, formulas into other workbooks: values as saved, links not followed", async () => {
    const { grid, notices } = await read("long-rich-errors-links");
    const s = grid!.sheets[0];
    expect(s.values[0][0]).toBe(LONG_32767);
    expect((s.values[0][0] as string).length).toBe(32_767);
    expect(s.values[0][1]).toBe("加粗与普通");
    expect(s.values[1]).toEqual([{ error: "#REF!" }, { error: "#N/A" }, { error: "#DIV/0!" }]);
    expect(s.values[2]).toEqual([123.45, "外部值"]);
    expect(s.formulas?.[2]?.[0]).toBe("[1]汇总!$B$2");
    expect(notices.map((n) => n.code)).toEqual(["external-links"]);
    expect(notices[0].message).toMatch(/不会打开或更新链接/);
    // The model reader takes error cells as they are (it reports, never throws).
    const { document } = readWorkbook(grid!);
    expect(document).toBeDefined();
  });

  test(".xlsm: the data is read, the macro project is only noted", async () => {
    const { grid, notices } = await read("macro-xlsm");
    expect(grid!.sheets[0].values[0][0]).toBe("项目名称");
    expect(notices).toEqual([expect.objectContaining({ code: "macros", severity: "info" })]);
    expect(notices[0].message).toContain("不会运行宏");
  });

  test("a dimension claiming 1 048 576 rows costs nothing: 3 rows in the Grid", async () => {
    const { grid, ms } = await read("dimension-claim", { inflate: nodeInflate });
    expect(grid!.sheets[0].values.length).toBe(3);
    expect(ms).toBeLessThan(2_000);
  });

  test("a cell at row 1 048 576 is not read (notice names the sheet and the limit), row 150 000 is", async () => {
    const { grid, notices } = await read("far-rows", { inflate: nodeInflate });
    const v = grid!.sheets[0].values;
    expect(v.length).toBe(150_000);
    expect(v[149_999][0]).toBe("第150000行");
    expect(notices).toEqual([expect.objectContaining({ code: "rows-truncated", severity: "warning", sheet: "表1" })]);
    expect(notices[0].message).toMatch(/第 200000 行以下.*maxRows/);
  });

  test("whole-column validations and conditional formats: loads fast, same Grid as the plain seed", async () => {
    const { grid, ms } = await read("whole-column-validations", { inflate: nodeInflate });
    expect(ms).toBeLessThan(5_000);
    const plain = await loadGrid(fs.readFileSync(path.join(ROOT, "examples/seed-000.xlsx")));
    expect(grid!.sheets.map((s) => s.values)).toEqual(plain.sheets.map((s) => s.values));
  });
});

describe("control characters in cells are data, kept exactly (the CLI shows them escaped)", () => {
  test("_xHHHH_ escapes decode to ESC, BEL, CR, LF; raw C1 and the right-to-left override survive; the sheet name keeps its override", async () => {
    const { grid } = await read("control-characters", { inflate: nodeInflate });
    const s = grid!.sheets[0];
    expect(s.name).toBe("项目\u202e1");
    expect(s.values.map((r) => r[1])).toEqual(["\u001b[2J\u001b[1;1H清屏\u0007", "\r\n合计：0 个文件，全部通过。", "\u009b31m红字\u202eslx.exe"]);
  });
});

describe("limits are configurable", () => {
  test("raising the limit that refused a file lets it through", async () => {
    expect((await read("merges-many", { limits: { maxMerges: 200_000 } })).error).toBeNull();
    // Raising the cell limit raises the merge limit with it (maxCells ÷ 20) unless maxMerges is given.
    expect((await read("merges-many", { limits: { maxCells: 4_000_000 } })).error).toBeNull();
    expect(((await read("merges-many", { limits: { maxCells: 4_000_000, maxMerges: 50_000 } })).error as WorkbookReadError).limit).toBe("maxMerges");
    expect((await read("cell-40k", { limits: { maxCellChars: 50_000 } })).grid!.sheets[0].values[1][0]).toHaveLength(40_000);
    expect((await read("far-rows", { limits: { maxRows: 1_048_576 } })).notices).toEqual([]);
  });

  test("lowering one refuses a file that reads by default, naming measured and allowed values", async () => {
    const r = await read("odd-sheet-names", { limits: { maxSheets: 5 } });
    const err = r.error as WorkbookReadError;
    expect(err.kind).toBe("limit");
    expect([err.limit, err.measured, err.allowed]).toEqual(["maxSheets", 11, 5]);
    expect(err.message).toContain("工作表数为 11 个，上限为 5 个");
  });

  test("limitsFrom keeps defaults for missing entries and rejects nonsense", () => {
    expect(limitsFrom({ maxCells: 5 })).toEqual({ ...DEFAULT_LIMITS, maxCells: 5 });
    expect(limitsFrom(undefined)).toEqual(DEFAULT_LIMITS);
    expect(() => limitsFrom({ maxCells: 0 })).toThrow();
    expect(() => limitsFrom({ maxRows: Number.NaN })).toThrow();
  });
});

describe("mangled real workbooks: always a WorkbookReadError or a Grid, never anything else", () => {
  test("seed-004 cut at 40 places and with bytes flipped at 60 places", async () => {
    const good = fs.readFileSync(path.join(ROOT, "examples/seed-004.xlsx"));
    let x = 2024;
    const rnd = () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const variants: Buffer[] = [];
    for (let i = 1; i <= 40; i++) variants.push(good.subarray(0, Math.floor((good.length * i) / 41)));
    for (let i = 0; i < 60; i++) {
      const v = Buffer.from(good);
      for (let k = 0; k < 4; k++) v[Math.floor(rnd() * v.length)] ^= 1 + Math.floor(rnd() * 255);
      variants.push(v);
    }
    let refused = 0;
    for (const v of variants) {
      const t = Date.now();
      try {
        await loadGrid(v, { fileName: "变形.xlsx", inflate: nodeInflate });
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookReadError);
        expect((e as Error).message).toContain("“变形.xlsx”");
        refused++;
      }
      expect(Date.now() - t).toBeLessThan(5_000);
    }
    expect(refused).toBeGreaterThan(40); // every cut at least
  });
});

/** The built CLI, as a user runs it, with a 512 MB heap (async, so validate and export run side by side). */
function cli(args: string[]): Promise<{ code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number; peakKb: number }> {
  const t = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, JXMB_DEBUG: "", NODE_OPTIONS: "--max-old-space-size=512" },
    });
    const peak = watchPeakRss(child.pid);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr, ms: Date.now() - t, peakKb: peak() });
    });
  });
}

describe.each(CASES.map((c) => [c.id, c] as const))("jxmb (built) on %s", (_id, c) => {
  test(`validate and export: ${c.expect === "refused" ? "exit 2, Chinese message naming the file, nothing written" : c.expect === "no-table" ? "read, no table: exit 2 saying 未找到绩效目标表, nothing written" : "read, exit 0/1, JSON written"}, bounded`, async () => {
    const { file } = entry(c.id);
    const out = tempDir("jxmb-hostile-out-");
    try {
      const report = path.join(out, "report.txt");
      const json = path.join(out, "out.json");
      // Refusals are quick: run both side by side. Readable files (up to 990 000 cells) one at a time, so each
      // run's wall time is its own and not its sibling's.
      const [v, e] =
        c.expect === "refused"
          ? await Promise.all([cli(["validate", file, "--output", report]), cli(["export", file, "--output", json])])
          : [await cli(["validate", file, "--output", report]), await cli(["export", file, "--output", json])];
      for (const [name, r] of [["validate", v], ["export", e]] as const) {
        summary.push({ id: `${c.id}/${name}`, outcome: `exit ${r.code}`, ms: r.ms, peakKb: r.peakKb });
        expect(r.peakKb).toBeLessThan((c.peakMb ?? 1024) * 1024); // 1 GB, whatever the heap cap leaves outside the heap
        expect(r.signal).toBeNull(); // not killed (timeout, OOM)
        expect(r.ms).toBeLessThan(WALL_MS);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(r.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
        expect(r.stderr).not.toMatch(RAW_CONTROL); // cell text and names reach the terminal made visible
      }
      if (c.expect === "refused") {
        expect(v.code).toBe(2);
        expect(e.code).toBe(2);
        for (const r of [v, e]) {
          expect(r.stderr).toContain(c.file);
          expect(r.stderr).toMatch(CJK);
          if (c.message) expect(r.stderr).toMatch(c.message);
          if (c.limit) expect(r.stderr).toContain(c.limit);
        }
        expect(fs.existsSync(json)).toBe(false);
        // validate writes its report (the unreadable file is listed in it); export writes nothing.
        if (fs.existsSync(report)) expect(fs.readFileSync(report, "utf8")).toContain(c.file);
      } else if (c.expect === "no-table") {
        // Read without trouble, but no table in it: said in Chinese with the file's name, nothing exported.
        expect(v.code).toBe(2);
        expect(e.code).toBe(2);
        for (const r of [v, e]) {
          expect(r.stderr).toContain(c.file);
          expect(r.stderr).toContain("未找到绩效目标表");
        }
        expect(fs.existsSync(json)).toBe(false);
      } else {
        expect([0, 1]).toContain(v.code);
        expect(e.code).toBe(0);
        expect(JSON.parse(fs.readFileSync(json, "utf8"))).toHaveProperty("projects");
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
