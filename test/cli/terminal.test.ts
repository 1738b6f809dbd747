/**
 * What reaches the terminal (issue 10, root causes 11 and 13), through the BUILT binary:
 *  - control characters from cells and file names are shown as \xHH / \uHHHH, never obeyed: a
 *    file name with a newline cannot forge a second 合计 line, ESC cannot clear the screen;
 *  - one message per language: Chinese lines carry no English aside, English has its own line;
 *    a limit message names the flag that raises it, or says none does — never both.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { visible, terminalSafeJson } from "../../src/cli/visible";
import { CASES } from "../hostile/corpus";
import { EXAMPLES, ensureBuilt, jxmb, macroSeed, tempDir } from "./helpers";

jest.setTimeout(180_000);

const SEED = path.join(EXAMPLES, "seed-000.xlsx");
/** Any raw control character except the line feed our own output uses. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A Chinese line with an English phrase (words, not a rule id like read/problem) glued on in parentheses. */
const GLUED = /[\u4e00-\u9fff][^\n]*[（(][A-Za-z][A-Za-z,.:;'/-]* [A-Za-z ,.:;'/-]{4,}[)）]/;
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir("jxmb-term-");
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function corpusFile(id: string): Promise<string> {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no hostile case ${id}`);
  const file = path.join(tmp, c.file);
  if (!fs.existsSync(file)) fs.writeFileSync(file, await c.build());
  return file;
}

describe("visible()", () => {
  it("writes C0, DEL, C1 as \\xHH and bidi controls, separators, lone surrogates as \\uHHHH; leaves text alone", () => {
    expect(visible("a\u001b[2Jb")).toBe("a\\x1b[2Jb");
    expect(visible("x\ny\rz\tw")).toBe("x\\x0ay\\x0dz\\x09w");
    expect(visible("\u007f\u009b")).toBe("\\x7f\\x9b");
    expect(visible("abc\u202eexe.xlsx")).toBe("abc\\u202eexe.xlsx");
    expect(visible("\u2028\ud800")).toBe("\\u2028\\ud800");
    expect(visible("预算表😀（一）「二」")).toBe("预算表😀（一）「二」");
    expect(visible(visible("\u001b"))).toBe("\\x1b"); // idempotent
  });

  it("JSON keeps the data exact and escapes what a terminal would act on", () => {
    const j = terminalSafeJson(JSON.stringify({ s: "\u009b31m\u202e" }));
    expect(j).toBe('{"s":"\\u009b31m\\u202e"}');
    expect(JSON.parse(j)).toEqual({ s: "\u009b31m\u202e" });
  });
});

describe("control characters in file names and cells", () => {
  it("a file name with a newline cannot forge a second 合计 line", () => {
    const d = fs.mkdtempSync(path.join(tmp, "nl-"));
    const forged = path.join(d, "a\n合计：0 个文件，全部通过。\n.xlsx");
    fs.copyFileSync(SEED, forged);
    const r = jxmb(["validate", d, "--jobs", "1"]);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("合计："))).toHaveLength(1);
    expect(r.stdout).toContain("a\\x0a合计：0 个文件，全部通过。\\x0a.xlsx");
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });

  it("ESC in a file name reaches neither stdout nor stderr raw (report, progress, errors)", () => {
    const d = fs.mkdtempSync(path.join(tmp, "esc-"));
    fs.writeFileSync(path.join(d, "\u001b[2J\u001b[31m坏.xlsx"), "not a workbook");
    fs.copyFileSync(SEED, path.join(d, "\u001b]0;标题\u0007好.xlsx"));
    for (const format of ["text", "json"]) {
      const r = jxmb(["validate", d, "--format", format, "--jobs", "1"]);
      expect(r.code).toBe(2);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr).toContain("\\x1b[2J\\x1b[31m坏.xlsx");
    }
  });

  it("ESC, BEL and a right-to-left override in cells are shown, and come back exact in JSON", () => {
    const blank = path.join(tmp, "空白.xlsx");
    expect(jxmb(["template", "-o", blank]).code).toBe(0);
    const doc = JSON.parse(jxmb(["export", blank]).stdout) as { projects: Record<string, unknown>[] };
    doc.projects[0].name = "\u001b[2J\u001b[1;1H合计：全部通过\u0007";
    doc.projects[0].code = "\u202eslx.exe";
    const json = path.join(tmp, "控制字符.json");
    fs.writeFileSync(json, JSON.stringify(doc));
    const book = path.join(tmp, "控制字符.xlsx");
    expect(jxmb(["import", json, "-o", book]).code).toBe(0);
    const text = jxmb(["validate", book]);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain("\\u202eslx.exe \\x1b[2J\\x1b[1;1H合计：全部通过\\x07");
    const back = JSON.parse(jxmb(["export", book]).stdout) as { projects: { name: string; code: string }[] };
    expect(back.projects[0].name).toBe("\u001b[2J\u001b[1;1H合计：全部通过\u0007");
    const report = jxmb(["validate", book, "--format", "json"]);
    expect(report.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.stringify(JSON.parse(report.stdout))).toContain("\\u001b[2J");
  });
});

describe("one message per language", () => {
  it("every read limit has its flag: too many sheets names --max-sheets with a value that lets the file through", async () => {
    const r = jxmb(["validate", await corpusFile("sheets-too-many")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("可加 --max-sheets N 提高此上限（至少 2501）");
    expect(r.stderr).not.toContain("raise it with");
    expect(r.stderr).not.toContain("不能在命令行调整");
    const en = jxmb(["validate", await corpusFile("sheets-too-many"), "--lang", "en"]);
    expect(en.stderr).toContain("raise it with --max-sheets N (at least 2501)");
    expect(en.stderr).not.toContain("cannot be changed");
    expect(r.stderr).not.toMatch(/可提高上限 maxSheets/);
    const raised = jxmb(["validate", await corpusFile("sheets-too-many"), "--max-sheets", "2501"]);
    expect(raised.stderr).not.toContain("maxSheets");
  });

  it("a limit a flag raises names that flag, and never says it cannot be changed", () => {
    const r = jxmb(["export", SEED, "--max-cells", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("可加 --max-cells N 提高此上限");
    expect(r.stderr).not.toContain("不能在命令行调整");
    const en = jxmb(["export", SEED, "--max-cells", "10", "--lang=en-US"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("raise it with --max-cells N");
    expect(r.stderr).not.toMatch(/可提高上限 maxCells/);
  });

  it("no Chinese line carries an English aside: errors, hints, status lines, read notices, reports", async () => {
    const macro = await macroSeed(tmp);
    const out = path.join(tmp, "r.txt");
    const runs = [
      jxmb(["validate", macro]), // the macro notice, a read problem with an English gloss in the reader
      jxmb(["export", macro]),
      jxmb(["validate", "nope.xlsx"]),
      jxmb(["validate", await corpusFile("macro-xlsm")]), // no table: said in Chinese, the reason's gloss on the English line
      jxmb(["validate", SEED, "--fromat", "json"]),
      jxmb(["export", SEED, "--max-cells", "10"]),
      jxmb(["validate", SEED, "-o", out]),
      jxmb(["validate", EXAMPLES, "--jobs", "2", "-o", path.join(tmp, "r2.txt")]),
    ];
    for (const r of runs) {
      // File names are data (they may be Chinese on an English line): quoted names are left out of the check.
      for (const line of `${r.stdout}\n${r.stderr}`.split("\n")) expect(line.replace(/“[^”]*”|"[^"]*"/g, "“”")).not.toMatch(GLUED);
      expect(r.stderr).not.toMatch(/。 \/ [A-Z]/); // "中文。 / English" on one line
    }
    expect(runs[0].stdout).toContain("不会运行宏");
    const usage = runs[4].stderr.split("\n"); // --fromat
    expect(usage.findIndex((l) => l.includes("查看用法"))).toBeGreaterThan(0);
    expect(runs[4].stderr).not.toContain("for usage");
  });
});
