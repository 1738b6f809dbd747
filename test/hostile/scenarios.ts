/**
 * The hostile corpus beyond workbook bytes (issue 10): how the CLI is pointed at things, generated at
 * test time like corpus.ts. Five classes — special files (devices, FIFOs, symlinks, folders as inputs
 * and outputs), streams (/dev/stdout, /dev/stdin, a reader that goes away), full disks (/dev/full),
 * huge imports (size, project count, cells, characters) and control characters (file names, cells).
 * Each scenario prepares its files in a fresh folder; the runner (scenarios.test.ts) checks the exit
 * code and messages, that it ends within 60 s and 1 GB, and that nothing in the folder it was not
 * asked to write changed.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import { editPart } from "./zip";

export type ScenarioClass = "special-files" | "streams" | "full-disks" | "huge-imports" | "control-characters" | "seal";

export interface Fixtures {
  /** A real seed-shaped workbook (examples/seed-000.xlsx). */
  seed: string;
  /** Canonical JSON of a one-project blank template (template → export), parsed. */
  blank: { projects: Record<string, unknown>[] } & Record<string, unknown>;
  /** One indicator of the seed, to multiply. */
  indicator: Record<string, unknown>;
}

export interface Invocation {
  /** jxmb arguments. */
  args: string[];
  /** Where stdout goes: captured (default), /dev/full, or a pipe closed after the first bytes (`| head -c 10`). */
  stdout?: "pipe" | "full" | "close-early";
  /** A file whose bytes are the child's stdin (default: nothing). */
  stdin?: string;
  /** A FIFO some reader (`cat`) drains while jxmb runs; its bytes are returned as fifoData. */
  fifoReader?: string;
}

export interface ScenarioResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  fifoData: string;
}

export interface Scenario {
  id: string;
  cls: ScenarioClass;
  what: string;
  prepare: (dir: string, fx: Fixtures) => Invocation;
  code: number | readonly number[];
  /** Fragments stderr must contain (Chinese). */
  stderr?: RegExp;
  stdout?: RegExp;
  /** Names in the folder the run may create or change; everything else must be left as it was. */
  writes?: readonly string[];
  check?: (r: ScenarioResult, dir: string) => void;
}

const HAND_EDITED = "手工编辑，不能丢。\n";
/** Any raw control character except the line feed our own output uses. */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function mkfifo(p: string): void {
  const r = spawnSync("mkfifo", [p]);
  if (r.status !== 0) throw new Error(`mkfifo ${p} failed`);
}

function copySeed(dir: string, fx: Fixtures, name = "表.xlsx"): string {
  const p = path.join(dir, name);
  fs.copyFileSync(fx.seed, p);
  return p;
}

/** A canonical JSON with `n` projects made from the blank one, each optionally edited; written as dir/name. */
function importDoc(dir: string, fx: Fixtures, n: number, edit?: (p: Record<string, unknown>, i: number) => void, name = "数据.json"): string {
  const base = fx.blank.projects[0];
  const projects = Array.from({ length: n }, (_, i) => {
    const p: Record<string, unknown> = { ...base, seq: i + 1, name: `项目${i + 1}` };
    edit?.(p, i);
    return p;
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ ...fx.blank, projects }));
  return file;
}

const isDevice = (p: string) => fs.statSync(p).isCharacterDevice();

/** Outputs that must be refused when they exist, one per command and output kind. */
const EXISTING: [string, (dir: string, fx: Fixtures, out: string) => string[]][] = [
  ["validate-report", (dir, fx, out) => ["validate", copySeed(dir, fx), "-o", out]],
  ["validate-json", (dir, fx, out) => ["validate", copySeed(dir, fx), "--format", "json", "-o", out]],
  ["export", (dir, fx, out) => ["export", copySeed(dir, fx), "-o", out]],
  ["import", (dir, fx, out) => ["import", importDoc(dir, fx, 1), "-o", out]],
  ["template", (_dir, _fx, out) => ["template", "-o", out]],
];

export const SCENARIOS: Scenario[] = [
  // --- special files -------------------------------------------------------------------------
  ...EXISTING.map(
    ([id, args]): Scenario => ({
      id: `out-existing-${id}`,
      cls: "special-files",
      what: `${id} -o onto an existing hand-edited file, without --force`,
      prepare: (dir, fx) => {
        const out = path.join(dir, "说明.docx");
        fs.writeFileSync(out, HAND_EDITED);
        return { args: args(dir, fx, out) };
      },
      code: 2,
      stderr: /已存在，未覆盖。如需覆盖请加 --force/,
    }),
  ),
  ...(["validate", "export", "import", "template"] as const).map(
    (cmd): Scenario => ({
      id: `out-dev-null-${cmd}`,
      cls: "special-files",
      what: `${cmd} -o /dev/null: written in place, /dev/null stays a device`,
      prepare: (dir, fx) => ({
        args: cmd === "template" ? ["template", "-o", "/dev/null"] : cmd === "import" ? ["import", importDoc(dir, fx, 1), "-o", "/dev/null"] : [cmd, copySeed(dir, fx), "-o", "/dev/null"],
      }),
      code: cmd === "validate" ? 1 : 0,
      check: () => expect(isDevice("/dev/null")).toBe(true),
    }),
  ),
  {
    id: "out-fifo",
    cls: "special-files",
    what: "export -o a FIFO: a reader gets the JSON, the FIFO stays a FIFO",
    prepare: (dir, fx) => {
      const fifo = path.join(dir, "管道.json");
      mkfifo(fifo);
      return { args: ["export", copySeed(dir, fx), "-o", fifo], fifoReader: fifo };
    },
    code: 0,
    check: (r, dir) => {
      expect(JSON.parse(r.fifoData)).toHaveProperty("projects");
      expect(fs.lstatSync(path.join(dir, "管道.json")).isFIFO()).toBe(true);
    },
  },
  {
    id: "out-input-hardlink-force",
    cls: "special-files",
    what: "export -o a hard link of the input, with --force: refused, the input untouched",
    prepare: (dir, fx) => {
      const input = copySeed(dir, fx);
      fs.linkSync(input, path.join(dir, "同一文件.json"));
      return { args: ["export", input, "-o", path.join(dir, "同一文件.json"), "--force"] };
    },
    code: 2,
    stderr: /就是输入文件/,
  },
  {
    id: "out-long-chinese-name",
    cls: "special-files",
    what: "export -o an 80-character Chinese name (240 bytes): the temp name stays short",
    prepare: (dir, fx) => ({ args: ["export", copySeed(dir, fx), "-o", path.join(dir, `${"绩效目标表".repeat(16)}.json`)] }),
    code: 0,
    writes: [`${"绩效目标表".repeat(16)}.json`],
  },
  {
    id: "out-folder",
    cls: "special-files",
    what: "export -o a folder, with --force",
    prepare: (dir, fx) => {
      fs.mkdirSync(path.join(dir, "子文件夹"));
      return { args: ["export", copySeed(dir, fx), "-o", path.join(dir, "子文件夹"), "--force"] };
    },
    code: 2,
    stderr: /是文件夹/,
  },
  ...(["validate", "export", "import"] as const).map(
    (cmd): Scenario => ({
      id: `in-fifo-${cmd}`,
      cls: "special-files",
      what: `${cmd} of a FIFO named ${cmd === "import" ? ".json" : ".xlsx"} with no writer: refused at once`,
      prepare: (dir) => {
        const fifo = path.join(dir, cmd === "import" ? "管道.json" : "管道.xlsx");
        mkfifo(fifo);
        return { args: [cmd, fifo, ...(cmd === "import" ? ["-o", path.join(dir, "出.xlsx")] : [])] };
      },
      code: 2,
      stderr: /是命名管道（FIFO），不是普通文件/,
    }),
  ),
  ...(
    [
      ["validate", "/dev/zero"],
      ["export", "/dev/urandom"],
      ["import", "/dev/zero"],
    ] as const
  ).map(
    ([cmd, dev]): Scenario => ({
      id: `in-device-${cmd}`,
      cls: "special-files",
      what: `${cmd} ${dev}: refused by what it is, not read until memory runs out`,
      prepare: (dir) => ({ args: [cmd, dev, ...(cmd === "import" ? ["-o", path.join(dir, "出.xlsx")] : [])] }),
      code: 2,
      stderr: /是字符设备/,
    }),
  ),
  {
    id: "in-folder-broken-entries",
    cls: "special-files",
    what: "validate a folder with a dangling link, a link loop, a FIFO and a folder named .xlsx: each listed as unreadable",
    prepare: (dir, fx) => {
      const d = path.join(dir, "收件");
      fs.mkdirSync(d);
      copySeed(d, fx, "a.xlsx");
      fs.symlinkSync(path.join(d, "没有.xlsx"), path.join(d, "b.xlsx"));
      fs.symlinkSync("c.xlsx", path.join(d, "c.xlsx"));
      mkfifo(path.join(d, "d.xlsx"));
      fs.mkdirSync(path.join(d, "e.xlsx"));
      return { args: ["validate", d, "--format", "json", "--jobs", "2"] };
    },
    code: 2,
    check: (r) => {
      const files = (JSON.parse(r.stdout) as { files: { file: string; error?: { message: string } }[] }).files;
      expect(files.map((f) => path.basename(f.file))).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"]);
      expect(files.map((f) => (f.error ? /悬空链接|循环的符号链接|命名管道|是文件夹/.exec(f.error.message)?.[0] : "ok"))).toEqual(["ok", "悬空链接", "循环的符号链接", "命名管道", "是文件夹"]);
    },
  },

  // --- streams -------------------------------------------------------------------------------
  {
    id: "stream-out-symlink-stdout",
    cls: "streams",
    what: "export -o a symlink to /dev/stdout: the JSON comes out on stdout, the link stays",
    prepare: (dir, fx) => {
      fs.symlinkSync("/dev/stdout", path.join(dir, "out.json"));
      return { args: ["export", copySeed(dir, fx), "-o", path.join(dir, "out.json")] };
    },
    code: 0,
    check: (r, dir) => {
      expect(JSON.parse(r.stdout)).toHaveProperty("projects");
      expect(fs.readlinkSync(path.join(dir, "out.json"))).toBe("/dev/stdout");
    },
  },
  {
    id: "stream-out-dev-stderr",
    cls: "streams",
    what: "validate -o /dev/stderr: the report on stderr",
    prepare: (dir, fx) => ({ args: ["validate", copySeed(dir, fx), "-o", "/dev/stderr"] }),
    code: 1,
    stderr: /合计：1 个文件/,
  },
  {
    id: "stream-reader-goes-away",
    cls: "streams",
    what: "export | head -c 10: the closed pipe (EPIPE) ends quietly, exit 0",
    prepare: (dir, fx) => ({ args: ["export", copySeed(dir, fx)], stdout: "close-early" }),
    code: 0,
    check: (r) => expect(r.stderr).not.toMatch(/jxmb: |EPIPE/),
  },
  {
    id: "stream-in-dev-stdin-file",
    cls: "streams",
    what: "validate /dev/stdin < 表.xlsx: stdin is a regular file, read like one",
    prepare: (dir, fx) => ({ args: ["validate", "/dev/stdin"], stdin: copySeed(dir, fx) }),
    code: 1,
  },
  {
    id: "stream-in-dash",
    cls: "streams",
    what: "export - (no such file; stdin is never read as a workbook)",
    prepare: (dir, fx) => ({ args: ["export", "-"], stdin: copySeed(dir, fx) }),
    code: 2,
    stderr: /找不到文件 “-”/,
  },

  // --- full disks ----------------------------------------------------------------------------
  ...(
    [
      ["export", []],
      ["validate", []],
      ["validate-json", ["--format", "json"]],
    ] as const
  ).map(
    ([id, extra]): Scenario => ({
      id: `full-stdout-${id}`,
      cls: "full-disks",
      what: `${id.replace("-json", " --format json")} > /dev/full`,
      prepare: (dir, fx) => ({ args: [id.startsWith("validate") ? "validate" : "export", copySeed(dir, fx), ...extra], stdout: "full" }),
      code: 2,
      stderr: /磁盘空间不足，标准输出未写出完整内容/,
    }),
  ),
  ...(["validate", "export", "import", "template"] as const).map(
    (cmd): Scenario => ({
      id: `full-output-${cmd}`,
      cls: "full-disks",
      what: `${cmd} -o /dev/full`,
      prepare: (dir, fx) => ({
        args: cmd === "template" ? ["template", "-o", "/dev/full"] : cmd === "import" ? ["import", importDoc(dir, fx, 1), "-o", "/dev/full"] : [cmd, copySeed(dir, fx), "-o", "/dev/full"],
      }),
      code: 2,
      stderr: /磁盘空间不足，无法写入 “\/dev\/full”/,
      check: () => expect(isDevice("/dev/full")).toBe(true),
    }),
  ),

  // --- huge imports --------------------------------------------------------------------------
  {
    id: "import-450mb",
    cls: "huge-imports",
    what: "import of a 450 MB JSON (sparse file): refused by its size, unread",
    prepare: (dir) => {
      const f = path.join(dir, "巨大.json");
      fs.closeSync(fs.openSync(f, "w"));
      fs.truncateSync(f, 450 * 1024 * 1024);
      return { args: ["import", f] };
    },
    code: 2,
    stderr: /文件大小为 450 MB，上限为 50 MB.*--max-file-mb/s,
  },
  {
    id: "import-100k-projects",
    cls: "huge-imports",
    what: "import of 100,000 projects (77 MB) with --max-file-mb 100: refused by the sheet limit before rendering",
    prepare: (dir, fx) => ({ args: ["import", importDoc(dir, fx, 100_000), "--max-file-mb", "100"] }),
    code: 2,
    stderr: /有 100000 个项目.*maxSheets/s,
  },
  {
    id: "import-sheets-over",
    cls: "huge-imports",
    what: `import of as many projects as the sheet limit (${DEFAULT_LIMITS.maxSheets}): with the summary sheets, more sheets than would read back`,
    prepare: (dir, fx) => ({ args: ["import", importDoc(dir, fx, DEFAULT_LIMITS.maxSheets)] }),
    code: 2,
    stderr: new RegExp(`有 ${DEFAULT_LIMITS.maxSheets} 个项目.*maxSheets`, "s"),
  },
  {
    id: "import-cells-over",
    cls: "huge-imports",
    what: "import of one project with 20,000 indicators under --max-cells 300000: cells counted as the reader counts them (~480,000), refused before the write",
    prepare: (dir, fx) => ({
      args: ["import", importDoc(dir, fx, 1, (p) => (p.indicators = Array.from({ length: 20_000 }, (_, i) => ({ ...fx.indicator, name: `指标${i}` })))), "--max-cells", "300000"],
    }),
    code: 2,
    stderr: /（maxCells）.*可加 --max-cells N/s,
  },
  {
    id: "import-cell-40k",
    cls: "huge-imports",
    what: "import of a 40,000-character 资金用途: over Excel's 32,767",
    prepare: (dir, fx) => ({ args: ["import", importDoc(dir, fx, 2, (p, i) => i === 1 && (p.purpose = "用".repeat(40_000)))] }),
    code: 2,
    stderr: /第 2 个项目（项目2）的字段 purpose/,
  },
  ...(
    [
      ["fffe", "\ufffe", /非字符 U\+FFFE/],
      ["surrogate", "\udc00", /不成对的代理码元 U\+DC00/],
    ] as const
  ).map(
    ([id, ch, says]): Scenario => ({
      id: `import-char-${id}`,
      cls: "huge-imports",
      what: `import of a name holding ${id === "fffe" ? "U+FFFE" : "a lone surrogate"}: refused naming project and field`,
      prepare: (dir, fx) => ({ args: ["import", importDoc(dir, fx, 3, (p, i) => i === 2 && (p.name = `名${ch}称`))] }),
      code: 2,
      stderr: says,
    }),
  ),
  // JSON whose structure, not its size, is the attack: JSON.parse and zod's list of every problem
  // grew with it (all within --max-file-mb 50).
  {
    id: "import-json-deep",
    cls: "huge-imports",
    what: "import of 48 MB of nested arrays, 24 million levels deep (before: 21 s and 2.4 GB, then a schema error)",
    prepare: (dir) => {
      const f = path.join(dir, "深.json");
      fs.writeFileSync(f, "[".repeat(24e6) + "]".repeat(24e6));
      return { args: ["import", f, "-o", path.join(dir, "出.xlsx")] };
    },
    code: 2,
    stderr: /深\.json” 不是有效的 JXMB 规范 JSON[\s\S]*嵌套了 24000000 层，超过 64 层/,
  },
  {
    id: "diff-json-deep",
    cls: "huge-imports",
    what: "diff of a 10 MB JSON nested 5 million levels deep against a workbook",
    prepare: (dir, fx) => {
      const f = path.join(dir, "深.json");
      fs.writeFileSync(f, "{\"a\":".repeat(1e6) + "[".repeat(4e6) + "]".repeat(4e6) + "}".repeat(1e6));
      return { args: ["diff", f, copySeed(dir, fx)] };
    },
    code: 2,
    stderr: /嵌套了 5000000 层/,
  },
  {
    id: "import-json-16m-objects",
    cls: "huge-imports",
    what: "import of 48 MB holding 16 million empty objects as projects (before: 96 s, 4.8 GB, V8 abort)",
    prepare: (dir, fx) => {
      const f = path.join(dir, "空对象.json");
      fs.writeFileSync(f, JSON.stringify({ ...fx.blank, projects: [] }).replace('"projects":[]', `"projects":[${"{},".repeat(16e6)}{}]`));
      return { args: ["import", f, "-o", path.join(dir, "出.xlsx")] };
    },
    code: 2,
    stderr: /空对象\.json” 不是有效的 JXMB 规范 JSON[\s\S]*JSON 含有 160000\d\d 个对象或数组，超过 4000000 个/,
  },
  {
    id: "import-json-3m-wrong-projects",
    cls: "huge-imports",
    what: "import of 3 million empty projects (under the object bound): the first problem only, not zod's list of 45 million",
    prepare: (dir, fx) => {
      const f = path.join(dir, "三百万.json");
      fs.writeFileSync(f, JSON.stringify({ ...fx.blank, projects: [] }).replace('"projects":[]', `"projects":[${"{},".repeat(3e6)}{}]`));
      return { args: ["import", f, "-o", path.join(dir, "出.xlsx")] };
    },
    code: 2,
    stderr: /字段 projects\.0\.seq：应为整数。文件较大，只列出第一处问题/,
  },
  {
    id: "import-json-proto-keys",
    cls: "huge-imports",
    what: "import of a document and a project carrying __proto__ and constructor keys, a BOM in front: plain data, dropped; written",
    prepare: (dir, fx) => {
      const f = path.join(dir, "原型.json");
      const text = JSON.stringify({ ...fx.blank, projects: [{ ...fx.blank.projects[0], name: "原型项目" }] })
        .replace("{", '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},')
        .replace('"name":"原型项目"', '"__proto__":{"name":"假名"},"name":"原型项目"');
      fs.writeFileSync(f, "\ufeff" + text);
      return { args: ["import", f, "-o", path.join(dir, "出.xlsx")] };
    },
    code: 0,
    writes: ["出.xlsx"],
    check: (_r, dir) => {
      const r = spawnSync(process.execPath, [path.join(__dirname, "../../bin/jxmb.js"), "export", path.join(dir, "出.xlsx")], { encoding: "utf8" });
      const doc = JSON.parse(r.stdout) as { projects: { name: string }[] } & Record<string, unknown>;
      expect(doc.projects.map((p) => p.name)).toEqual(["原型项目"]);
      expect(Object.keys(doc)).not.toContain("constructor");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  },
  {
    // A big department, written in full. (997 projects, the most whose sheets read back, is written
    // too, but exceljs' writer needs ~50 s and ~1 GB for it on a loaded machine: not a bounded case.)
    id: "import-300-projects",
    cls: "huge-imports",
    what: "import of 300 projects: written (and the reader's guard accepted the bytes before they were)",
    prepare: (dir, fx) => ({ args: ["import", importDoc(dir, fx, 300), "-o", path.join(dir, "三百.xlsx")] }),
    code: 0,
    writes: ["三百.xlsx"],
  },

  // --- seal: exceljs loads the same bytes after the reader accepted them -----------------------
  ...(
    [
      [
        "name-area",
        "a real workbook plus one defined name over a whole sheet, spelt with &#36; (the reader keeps a one-range name as text; exceljs indexed 17 billion cells: 97 s, 4.3 GB, abort)",
        /定义名称.*maxCells/,
        (seed: Buffer) =>
          editPart(seed, "xl/workbook.xml", (x) => {
            const sheet = /<sheet [^>]*name="([^"]+)"/.exec(x)![1];
            const dn = `<definedName name="全表">'${sheet}'!$A$1:&#36;XFD$1048576</definedName>`;
            return x.includes("<definedNames>") ? x.replace("<definedNames>", `<definedNames>${dn}`) : x.replace("</sheets>", `</sheets><definedNames>${dn}</definedNames>`);
          }),
      ],
      [
        "col-hidden",
        `a real workbook whose first sheet has <col x=" max='1'" min="1" max="100000000"> (the guard's scan read max='1'; exceljs made an object per column: 88 s, 4.5 GB, abort)`,
        /定义了 100000000 列，超过 Excel 的最大列数 16384/,
        (seed: Buffer) =>
          editPart(seed, "xl/worksheets/sheet1.xml", (x) => {
            const col = `<col x=" max='1'" min="1" max="100000000" width="9"/>`;
            return x.includes("<cols>") ? x.replace("<cols>", `<cols>${col}`) : x.replace("<sheetData", `<cols>${col}</cols><sheetData`);
          }),
      ],
      [
        "validation-whole-sheet",
        "a real workbook with one list validation over the whole first sheet (Ctrl+A, then 数据验证: exceljs expands it cell by cell, 17 billion; the reader ignores it)",
        /的工作表“[^”]+”（数据验证“A1:XFD1048576”覆盖的单元格[^]*maxCells[^]*--max-cells N/,
        (seed: Buffer) =>
          editPart(seed, "xl/worksheets/sheet1.xml", (x) =>
            x.replace(/<\/sheetData>(<mergeCells[^]*?<\/mergeCells>)?/, (m) => `${m}<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>`),
          ),
      ],
      [
        "cf-missing-style",
        "a real workbook whose conditional format names a style (dxfId) that is not there (the reader ignores it; exceljs threw a TypeError: 发生内部错误)",
        /含有写副本的组件（exceljs）无法处理的内容，未能盖章/,
        (seed: Buffer) =>
          editPart(seed, "xl/worksheets/sheet1.xml", (x) =>
            x.replace(/<\/sheetData>(<mergeCells[^]*?<\/mergeCells>)?/, (m) => `${m}<conditionalFormatting sqref="A1:B2"><cfRule type="expression" dxfId="7" priority="1"><formula>ISERROR(A1)</formula></cfRule></conditionalFormatting>`),
          ),
      ],
    ] as const
  ).map(
    ([id, what, says, build]): Scenario => ({
      id: `seal-${id}`,
      cls: "seal",
      what: `seal of ${what}`,
      prepare: (dir, fx) => {
        const f = path.join(dir, "表.xlsx");
        fs.writeFileSync(f, build(fs.readFileSync(fx.seed)));
        return { args: ["seal", f, "-o", path.join(dir, "盖章.xlsx")] };
      },
      code: 2,
      stderr: says,
    }),
  ),

  {
    id: "verify-forged-seal-json",
    cls: "seal",
    what: "verify of a sealed workbook whose seal holds 45 MB of canonical JSON made of 15 million empty objects, deflated into two cells (hash made to match): the sealed content is refused unparsed (before: a 125 KB file, 98 s, 4.7 GB, V8 abort)",
    prepare: (dir, fx) => {
      const sealed = path.join(dir, "已盖章.xlsx");
      const r = spawnSync(process.execPath, [path.join(__dirname, "../../bin/jxmb.js"), "seal", fx.seed, "-o", sealed]);
      if (r.status !== 0) throw new Error(`seal failed: ${r.stderr}`);
      const json = `{"projects":[${"{},".repeat(15e6)}{}]}`;
      const b64 = zlib.deflateRawSync(Buffer.from(json), { level: 9 }).toString("base64");
      const hash = createHash("sha256").update(json).digest("hex");
      fs.writeFileSync(
        sealed,
        editPart(fs.readFileSync(sealed), "xl/sharedStrings.xml", (x) => {
          // The seal's SHA-256 and its content chunks (the only 64-hex and long base64 strings in the book).
          let chunk = 0;
          return x
            .replace(/<t>[0-9a-f]{64}<\/t>/, `<t>${hash}</t>`)
            .replace(/<t>[A-Za-z0-9+/=]{1000,}<\/t>/g, () => `<t>${b64.slice(32_000 * chunk, 32_000 * ++chunk)}</t>`);
        }),
      );
      if (b64.length > 64_000) throw new Error("forged content does not fit the seal's two cells");
      return { args: ["verify", sealed] };
    },
    code: 1,
    stdout: /校验后已修改[\s\S]*校验印记中的内容无法读取/,
  },

  // --- control characters --------------------------------------------------------------------
  {
    id: "ctrl-name-newline",
    cls: "control-characters",
    what: "a file name with a newline and a forged 合计 line",
    prepare: (dir, fx) => {
      const d = path.join(dir, "收件");
      fs.mkdirSync(d);
      copySeed(d, fx, "a\n合计：0 个文件，全部通过。\n.xlsx");
      return { args: ["validate", d, "--jobs", "1"] };
    },
    code: 1,
    stdout: /a\\x0a合计：0 个文件，全部通过。\\x0a\.xlsx/,
    check: (r) => expect(r.stdout.split("\n").filter((l) => l.startsWith("合计："))).toHaveLength(1),
  },
  {
    id: "ctrl-name-escape",
    cls: "control-characters",
    what: "a broken file whose name clears the screen and sets the window title",
    prepare: (dir) => {
      const f = path.join(dir, "\u001b[2J\u001b]0;标题\u0007.xlsx");
      fs.writeFileSync(f, "不是工作簿");
      return { args: ["validate", f] };
    },
    code: 2,
    stderr: /\\x1b\[2J\\x1b\]0;标题\\x07\.xlsx/,
  },
  {
    id: "ctrl-cells",
    cls: "control-characters",
    what: "a workbook whose project name and code hold ESC sequences, BEL, C1 CSI and a right-to-left override",
    prepare: (dir, fx) => {
      const json = importDoc(dir, fx, 1, (p) => {
        p.name = "\u001b[2J\u001b[1;1H合计：全部通过\u0007";
        p.code = "\u202e\u009b31mslx.exe";
      });
      const book = path.join(dir, "控制字符.xlsx");
      const r = spawnSync(process.execPath, [path.join(__dirname, "../../bin/jxmb.js"), "import", json, "-o", book]);
      if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
      return { args: ["validate", book] };
    },
    code: 1,
    stdout: /\\u202e\\x9b31mslx\.exe \\x1b\[2J\\x1b\[1;1H合计：全部通过\\x07/,
  },
];
