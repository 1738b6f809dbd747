/**
 * What the CLI reads (issue 10, root causes 7, 8, 12), through the BUILT binary:
 *  - only regular files, through a reader bounded by --max-file-mb whatever stat says: a FIFO named
 *    .xlsx and /dev/zero are refused at once, by name;
 *  - `import` applies the read limits to its JSON (size, with the same flag and message) and to the
 *    workbook it would write (project count, cells, characters), naming project and field;
 *  - folder expansion lists every workbook-named entry it could not use (dangling link, link loop,
 *    FIFO, folder) as an unreadable file in the report instead of dropping it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { EXAMPLES, ensureBuilt, jxmb, STACK_LINE, tempDir } from "./helpers";

jest.setTimeout(180_000);

const SEED = path.join(EXAMPLES, "seed-000.xlsx");
let tmp: string;
/** A canonical JSON document with one blank project (template → export), the base of the import cases. */
let blank: { projects: Record<string, unknown>[] } & Record<string, unknown>;

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir("jxmb-in-");
  const t = path.join(tmp, "t.xlsx");
  expect(jxmb(["template", "-o", t]).code).toBe(0);
  const r = jxmb(["export", t]);
  expect(r.code).toBe(0);
  blank = JSON.parse(r.stdout);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function mkfifo(p: string): void {
  expect(spawnSync("mkfifo", [p]).status).toBe(0);
}

describe("only regular files are read", () => {
  it.each([
    ["validate", "管道.xlsx"],
    ["export", "管道2.xlsx"],
    ["import", "管道.json"],
  ])("%s of a FIFO named %s: refused at once (no writer ever comes)", (cmd, name) => {
    const fifo = path.join(tmp, name);
    mkfifo(fifo);
    const t = Date.now();
    const r = jxmb([cmd, fifo, ...(cmd === "import" ? ["-o", path.join(tmp, `${name}.xlsx`)] : [])]);
    expect(Date.now() - t).toBeLessThan(15_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`“${fifo}” 是命名管道（FIFO），不是普通文件`);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([["validate"], ["export"], ["import"]])("%s /dev/zero: refused by what it is, not read until memory runs out", (cmd) => {
    const r = jxmb([cmd, "/dev/zero", ...(cmd === "import" ? ["-o", path.join(tmp, `zero-${cmd}.xlsx`)] : [])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("“/dev/zero” 是字符设备");
  });

  it("a symlink to a workbook is read like the workbook", () => {
    const link = path.join(tmp, "链接.xlsx");
    fs.symlinkSync(SEED, link);
    expect(jxmb(["export", link]).code).toBe(0);
  });
});

describe("folder expansion names every entry it could not use", () => {
  it("dangling link, link loop, FIFO and a folder named .xlsx are read problems; the real workbook is checked", () => {
    const d = path.join(tmp, "文件夹");
    fs.mkdirSync(d);
    fs.copyFileSync(SEED, path.join(d, "a-好表.xlsx"));
    fs.symlinkSync(path.join(d, "不存在.xlsx"), path.join(d, "b-悬空.xlsx"));
    fs.symlinkSync("c-环2.xlsx", path.join(d, "c-环1.xlsx"));
    fs.symlinkSync("c-环1.xlsx", path.join(d, "c-环2.xlsx"));
    mkfifo(path.join(d, "d-管道.xlsx"));
    fs.mkdirSync(path.join(d, "e-目录.xlsx"));
    fs.writeFileSync(path.join(d, "说明.txt"), "不是工作簿，不列出");
    const r = jxmb(["validate", d, "--format", "json", "--jobs", "1"]);
    expect(r.code).toBe(2);
    const files = (JSON.parse(r.stdout) as { files: { file: string; projects: number; error?: { message: string } }[] }).files;
    expect(files.map((f) => path.basename(f.file))).toEqual(["a-好表.xlsx", "b-悬空.xlsx", "c-环1.xlsx", "c-环2.xlsx", "d-管道.xlsx", "e-目录.xlsx"]);
    expect(files[0].projects).toBeGreaterThan(0);
    expect(files[1].error?.message).toContain("悬空链接");
    expect(files[2].error?.message).toContain("循环的符号链接");
    expect(files[3].error?.message).toContain("循环的符号链接");
    expect(files[4].error?.message).toContain("命名管道");
    expect(files[5].error?.message).toContain("是文件夹");
    // The pool gives the same report.
    const pooled = jxmb(["validate", d, "--format", "json", "--jobs", "2"]);
    expect(pooled.stdout).toBe(r.stdout);
  });
});

describe("import applies the read limits", () => {
  function doc(projects: number, edit?: (p: Record<string, unknown>, i: number) => void): string {
    const base = blank.projects[0];
    const d = {
      ...blank,
      projects: Array.from({ length: projects }, (_, i) => {
        const p: Record<string, unknown> = { ...base, seq: i + 1, name: `项目${i + 1}` };
        edit?.(p, i);
        return p;
      }),
    };
    return JSON.stringify(d);
  }
  function importText(text: string, extra: string[] = []) {
    const file = path.join(fs.mkdtempSync(path.join(tmp, "imp-")), "数据.json");
    fs.writeFileSync(file, text);
    const r = jxmb(["import", file, ...extra]);
    return { ...r, out: file.replace(/\.json$/, ".xlsx") };
  }

  it("JSON over --max-file-mb: refused unread, with the same message and flag as a workbook", () => {
    const r = importText(doc(1) + " ".repeat(1024 * 1024), ["--max-file-mb", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("超出读取上限：文件大小为 1 MB");
    expect(r.stderr).toContain("可加 --max-file-mb N 提高此上限（单位 MB，至少 2）");
    expect(fs.existsSync(r.out)).toBe(false);
  });

  it("a 450 MB JSON (sparse) is refused by its size, at once", () => {
    const file = path.join(tmp, "巨大.json");
    fs.closeSync(fs.openSync(file, "w"));
    fs.truncateSync(file, 450 * 1024 * 1024);
    const t = Date.now();
    const r = jxmb(["import", file, "-o", path.join(tmp, "巨大.xlsx")]);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("文件大小为 450 MB，上限为 50 MB");
  });

  it("more projects than the workbook could have sheets: refused before rendering, naming the count", () => {
    const r = importText(doc(2498));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("有 2498 个项目");
    expect(r.stderr).toContain("超过读取上限 2,500 个（maxSheets）");
    expect(r.stderr).toContain("--max-sheets N"); // the flag that raises it, for a reader told the same
    expect(fs.existsSync(r.out)).toBe(false);
  });

  it("a cell text longer than Excel's 32,767 characters: refused naming the project and the field", () => {
    const r = importText(doc(3, (p, i) => i === 1 && (p.purpose = "用".repeat(40_000))));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("第 2 个项目（项目2）的字段 purpose");
    expect(r.stderr).toContain("40,000 字符");
    expect(r.stderr).toContain("32,767 字符");
  });

  it.each([
    ["U+FFFE", "\ufffe", "非字符 U+FFFE"],
    ["U+FFFF", "\uffff", "非字符 U+FFFF"],
    ["an unpaired surrogate", "\ud800", "不成对的代理码元 U+D800"],
  ])("%s in a name: refused naming project and field, nothing written", (_l, ch, says) => {
    const r = importText(doc(2, (p, i) => i === 1 && (p.name = `坏${ch}名`)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("第 2 个项目");
    expect(r.stderr).toContain("的字段 name");
    expect(r.stderr).toContain(says);
    expect(fs.existsSync(r.out)).toBe(false);
  });

  it("cells over --max-cells: refused, naming the flag that raises it", () => {
    const r = importText(doc(2), ["--max-cells", "50"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("（maxCells）");
    expect(r.stderr).toMatch(/可加 --max-cells N 提高此上限（至少 \d+）/);
  });

  it("150,000 indicators in one project: refused before the slow write, cells counted as the reader counts them", () => {
    const seed = JSON.parse(jxmb(["export", SEED]).stdout) as { projects: { indicators: unknown[] }[] };
    const one = seed.projects[0].indicators[0] as Record<string, unknown>;
    const indicators = Array.from({ length: 150_000 }, (_, i) => ({ ...one, name: `指标${i + 1}` }));
    const t = Date.now();
    const r = importText(doc(1, (p) => (p.indicators = indicators)), ["--max-file-mb", "200"]); // the JSON itself is ~63 MB
    expect(Date.now() - t).toBeLessThan(30_000); // over the 2,000,000-cell limit; writing it would take minutes and GBs
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("（maxCells）");
    expect(r.stderr).toContain("可加 --max-cells N");
    expect(r.stderr).not.toContain("无法按读取上限读回"); // caught by the pre-check, not after writing
  });

  it("what import writes reads back under the default limits (control characters, 32,767 characters)", () => {
    const r = importText(doc(2, (p, i) => i === 0 && ((p.purpose = "长".repeat(32_767)), (p.code = "A\u001b[2J\u0007B"))));
    expect(r.code).toBe(0);
    const back = jxmb(["export", r.out]);
    expect(back.code).toBe(0);
    const d = JSON.parse(back.stdout) as { projects: { purpose: string; code: string }[] };
    expect(d.projects[0].purpose).toHaveLength(32_767);
    expect(d.projects[0].code).toBe("A\u001b[2J\u0007B");
  });
});
