/**
 * The built `jxmb` binary, run as a user runs it (node bin/jxmb.js …), on the seed-shaped example
 * workbooks in examples/ and on broken inputs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { JxmbDocument } from "../../src/model/schema";
import { ensureBuilt, exampleFiles, jxmb, ROOT, STACK_LINE, tempDir } from "./helpers";

const CJK = /[\u4e00-\u9fff]/;

interface JsonReport {
  files: {
    file: string;
    projects: number;
    findings: { ruleId: string; severity: string; message: string; sheet: string | null; cell: string | null; projectCode: string | null; projectName: string | null; fix?: string | null }[];
    summary: { error: number; warning: number; info: number };
  }[];
}

let tmp: string;
let examples: string[];
let firstExport: string | null = null;
/** `jxmb export` of the first example (run once, shared by the import tests). */
function exportFirst(): string {
  firstExport ??= jxmb(["export", rel(examples[0])]).stdout;
  return firstExport;
}

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir();
  examples = exampleFiles();
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const rel = (p: string) => path.relative(ROOT, p);

describe("jxmb validate", () => {
  it("has seed examples to check (seed-000, seed-001, seed-002, seed-004)", () => {
    const names = examples.map((f) => path.basename(f));
    for (const prefix of ["seed-000", "seed-001", "seed-002", "seed-004"]) expect(names.some((n) => n.startsWith(prefix))).toBe(true);
  });

  it("json: one entry per file, findings with rule id, severity, sheet and cell; exit 1 iff errors", () => {
    const r = jxmb(["validate", ...examples.map(rel), "--format", "json"]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(r.stdout) as JsonReport; // stdout holds only the JSON
    expect(report.files.map((f) => f.file)).toEqual(examples.map(rel));
    let errors = 0;
    for (const f of report.files) {
      expect(f.projects).toBeGreaterThan(0);
      expect(Object.keys(f)).toEqual(["file", "projects", "findings", "summary", "perProject", "accepted"]);
      const count = { error: 0, warning: 0, info: 0 } as Record<string, number>;
      for (const x of f.findings) {
        expect(Object.keys(x).slice(0, 10)).toEqual(["ruleId", "severity", "message", "sheet", "cell", "projectCode", "projectName", "projectSeq", "category", "fix"]);
        expect(typeof x.fix === "string" || x.fix === null).toBe(true);
        expect(["error", "warning", "info"]).toContain(x.severity);
        expect(x.message).toMatch(CJK);
        count[x.severity]++;
      }
      expect(f.summary).toEqual(count);
      errors += f.summary.error;
      // The seeds are real, messy tables: they have findings, and findings point at cells.
      expect(f.findings.length).toBeGreaterThan(0);
      const located = f.findings.filter((x) => x.sheet && x.cell && /^[A-Z]{1,3}[0-9]+$/.test(x.cell));
      expect(located.length).toBeGreaterThan(0);
    }
    expect(r.code).toBe(errors > 0 ? 1 : 0);
    // Progress: a short line per file on stderr when several files are checked.
    for (const f of examples) expect(r.stderr).toContain(rel(f));
  });

  it("text: a Chinese report grouped by file and project with sheet!cell references and summaries", () => {
    const seed = examples.find((f) => path.basename(f).startsWith("seed-000")) as string;
    const r = jxmb(["validate", rel(seed)]);
    const json = JSON.parse(jxmb(["validate", rel(seed), "--format", "json"]).stdout) as JsonReport;
    const file = json.files[0];
    expect(r.code).toBe(file.summary.error > 0 ? 1 : 0);
    expect(r.stdout.startsWith(`文件：${rel(seed)}\n`)).toBe(true);
    expect(r.stdout).toContain(`小计：${file.projects} 个项目；错误 ${file.summary.error} 个，警告 ${file.summary.warning} 个，提示 ${file.summary.info} 个`);
    expect(r.stdout).toMatch(/^合计：1 个文件/m);
    expect(r.stdout).toMatch(/^ {2}项目 \d+：/m);
    const located = file.findings.find((x) => x.sheet && x.cell) as JsonReport["files"][0]["findings"][0];
    expect(r.stdout).toContain(`!${located.cell}  ${located.message}`);
    expect(r.stderr).toBe(""); // one file: no progress lines
  });

  it("expands a folder to the workbooks inside it, sorted, and writes --output atomically", () => {
    const dir = path.join(tmp, "folder");
    fs.mkdirSync(dir);
    const picked = [...examples].reverse().slice(0, 2);
    for (const f of picked) fs.copyFileSync(f, path.join(dir, path.basename(f)));
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a workbook");
    fs.writeFileSync(path.join(dir, "~$" + path.basename(picked[0])), "Excel lock file");
    const out = path.join(tmp, "report.json");
    const r = jxmb(["validate", dir, "--format", "json", "--output", out]);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(out);
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as JsonReport;
    expect(report.files.map((f) => path.basename(f.file))).toEqual(picked.map((f) => path.basename(f)).sort());
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect([0, 1]).toContain(r.code);
  });

  it("an empty folder is bad input: exit 2 naming the folder", () => {
    const dir = path.join(tmp, "empty");
    fs.mkdirSync(dir);
    const r = jxmb(["validate", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(dir);
    expect(r.stderr).toMatch(CJK);
  });
});

describe("unreadable input", () => {
  const cases: [string, (p: string) => void][] = [
    ["plain text renamed .xlsx", (p) => fs.writeFileSync(p, "项目名称,预算数\n安保经费,50\n")],
    ["a truncated zip", (p) => fs.writeFileSync(p, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]))],
    ["an empty file", (p) => fs.writeFileSync(p, "")],
  ];
  it.each(cases)("%s → exit 2, one message naming the file: Chinese by default, English with --lang en; no stack", (_label, make) => {
    const file = path.join(tmp, `坏文件-${_label.replace(/\W+/g, "_")}.xlsx`);
    make(file);
    const r = jxmb(["validate", file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(CJK);
    expect(lines[0]).toContain(path.basename(file));
    expect(r.stderr).not.toContain("Cannot read");
    expect(r.stderr).not.toMatch(STACK_LINE);
    const en = jxmb(["validate", file, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr.trim().split("\n")).toHaveLength(1);
    expect(en.stderr).toMatch(/^jxmb: Cannot read /);
    expect(en.stderr).toContain(path.basename(file));
    expect(en.stderr.replace(/"[^"]*"/g, '""')).not.toMatch(CJK);
  });

  it("a missing file → exit 2 naming it; other files are still checked and reported", () => {
    const missing = path.join(tmp, "没有这个文件.xlsx");
    const r = jxmb(["validate", missing, rel(examples[0]), "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`找不到文件 “${missing}”`);
    expect(r.stderr).not.toContain("File not found");
    expect(r.stderr).not.toMatch(STACK_LINE);
    const report = JSON.parse(r.stdout) as JsonReport & { files: { error?: { message: string } }[] };
    expect(report.files).toHaveLength(2);
    expect(report.files[0].error?.message).toContain("找不到文件");
    expect(report.files[1].projects).toBeGreaterThan(0);
  });

  it("JXMB_DEBUG=1 adds the underlying stack for maintainers", () => {
    const file = path.join(tmp, "debug.xlsx");
    fs.writeFileSync(file, "PK\u0003\u0004 broken");
    const r = jxmb(["export", file], { env: { JXMB_DEBUG: "1" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[JXMB_DEBUG]");
  });
});

describe("bad usage → exit 2 with a hint", () => {
  it.each([
    [["frobnicate"], "未知命令"],
    [["valdate", "x.xlsx"], "validate"],
    [["validate"], "至少一个文件"],
    [["validate", "x.xlsx", "--format", "xml"], "text、json"],
    [["validate", "x.xlsx", "--bogus"], "--bogus"],
    [["export"], "要导出的工作簿"],
    [["export", "a.xlsx", "b.xlsx"], "一次只处理一个文件"],
    [["template", "--projects", "0"], "--projects"],
    [["template", "extra.xlsx"], "不接受文件参数"],
    [["--output", "x"], "子命令"],
  ])("jxmb %j", (args, expected) => {
    const r = jxmb(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(expected as string);
    expect(r.stderr).toMatch(/jxmb (help|--help)/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe("outputs never replace the user's workbooks", () => {
  it("validate/export --output pointing at an input or an existing workbook → exit 2, workbook untouched", () => {
    const book = path.join(tmp, "mine.xlsx");
    fs.copyFileSync(examples[0], book);
    const before = fs.readFileSync(book);
    for (const args of [
      ["validate", book, "--output", book],
      ["export", book, "--output", book],
      ["validate", rel(examples[1]), "--output", book],
    ]) {
      const r = jxmb(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("mine.xlsx");
      expect(fs.readFileSync(book).equals(before)).toBe(true);
    }
  });
});

describe("help and version", () => {
  it("--help is Chinese by default, English with --lang en, never both", () => {
    for (const args of [["--help"], ["-h"], []]) {
      const r = jxmb(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("用法");
      expect(r.stdout).not.toContain("Usage");
      for (const cmd of ["validate", "export", "template", "import"]) expect(r.stdout).toContain(`jxmb ${cmd}`);
      const en = jxmb([...args, "--lang", "en"]);
      expect(en.code).toBe(0);
      expect(en.stdout).toContain("Usage");
      expect(en.stdout).not.toContain("用法");
    }
  });

  it("help <cmd> and <cmd> --help describe that command in the run's language", () => {
    const a = jxmb(["help", "import"]);
    const b = jxmb(["import", "--help"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("--force");
    expect(a.stdout).toContain("覆盖");
    expect(a.stdout).not.toContain("overwrite");
    const en = jxmb(["import", "--help", "--lang", "en"]);
    expect(en.stdout).toBe(jxmb(["help", "import"], { env: { JXMB_LANG: "en" } }).stdout);
    expect(en.stdout).toContain("overwrite");
    expect(en.stdout).not.toContain("覆盖");
  });

  it("--version prints the package version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(jxmb(["--version"])).toMatchObject({ code: 0, stdout: `jxmb ${pkg.version}\n` });
  });
});

describe("jxmb export", () => {
  it("prints canonical JSON that parses as a JxmbDocument, identical on every run", () => {
    for (const f of examples) {
      const a = jxmb(["export", rel(f)]);
      expect(a.code).toBe(0);
      const doc = JxmbDocument.safeParse(JSON.parse(a.stdout));
      expect(doc.success).toBe(true);
      expect(doc.data?.projects.length).toBeGreaterThan(0);
      expect(a.stdout.endsWith("}\n")).toBe(true);
      if (f === examples[0]) firstExport = a.stdout;
    }
    // Deterministic: a second run gives the same bytes.
    expect(jxmb(["export", rel(examples[examples.length - 1])]).stdout).toBe(jxmb(["export", rel(examples[examples.length - 1])]).stdout);
  });

  it("--output writes the same text to a file and keeps stdout clean", () => {
    const out = path.join(tmp, "export.json");
    const r = jxmb(["export", rel(examples[0]), "--output", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(fs.readFileSync(out, "utf8")).toBe(exportFirst());
  });

  it("a non-workbook → exit 2 and no output file", () => {
    const bad = path.join(tmp, "报表.csv");
    fs.writeFileSync(bad, "a,b\n1,2\n");
    const out = path.join(tmp, "bad-export.json");
    const r = jxmb(["export", bad, "--output", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("报表.csv");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("jxmb template", () => {
  it("writes the default file name in the current folder, with the project sheet, and refuses to overwrite it", async () => {
    const dir = path.join(tmp, "tpl");
    fs.mkdirSync(dir);
    const r = jxmb(["template"], { cwd: dir });
    expect(r.code).toBe(0);
    const file = path.join(dir, "绩效目标表模板.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    // The project sheet: a visible sheet besides 部门/汇总 that carries the table's labels.
    const projectSheets = wb.worksheets.filter((ws) => ws.state === "visible" && !["部门", "汇总"].includes(ws.name));
    expect(projectSheets).toHaveLength(1);
    const texts: string[] = [];
    projectSheets[0].eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value.replace(/\s/g, "")))));
    for (const label of ["项目名称", "项目编码", "预算数", "一级指标", "二级指标", "三级指标", "指标值"]) {
      expect(texts).toContain(label);
    }
    const before = fs.readFileSync(file);
    const again = jxmb(["template"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("--profile central-2021 draws the 财预〔2021〕101号 form: 中期目标 | 年度目标, 中期指标值 | 年度指标值, 成本指标 in the lists", async () => {
    const file = path.join(tmp, "central.xlsx");
    expect(jxmb(["template", "--profile", "central-2021", "--output", file]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const project = wb.worksheets.find((ws) => ws.state === "visible" && !["部门", "汇总"].includes(ws.name))!;
    const texts: string[] = [];
    // c.text: the heading is a formula (the form's own heading, not the project's title); its cached text counts.
    project.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (typeof v === "string") texts.push(v);
        else if (v && typeof v === "object" && "result" in v && typeof v.result === "string") texts.push(v.result);
      }),
    );
    for (const label of ["项目支出绩效目标表", "主管部门及代码", "实施单位", "中期目标", "年度目标", "中期指标值", "年度指标值"]) expect(texts).toContain(label);
    const lists: string[] = [];
    wb.getWorksheet("_lists")!.getColumn(1).eachCell((c) => void lists.push(String(c.value)));
    expect(lists).toContain("成本指标");
    const doc = JSON.parse(jxmb(["export", file]).stdout) as { profile: string; projects: unknown[] };
    expect([doc.profile, doc.projects.length]).toEqual(["central-2021", 1]);
  });

  it("--projects N gives N project tables that our reader finds again", () => {
    const file = path.join(tmp, "three.xlsx");
    expect(jxmb(["template", "--projects", "3", "--output", file]).code).toBe(0);
    const doc = JSON.parse(jxmb(["export", file]).stdout) as { projects: unknown[] };
    expect(doc.projects).toHaveLength(3);
  });
});

describe("jxmb import", () => {
  it("writes a workbook from canonical JSON, refuses to overwrite it without --force, and overwrites with it", () => {
    const json = path.join(tmp, "in.json");
    fs.writeFileSync(json, exportFirst());
    const out = path.join(tmp, "imported.xlsx");
    const first = jxmb(["import", json, "--output", out]);
    expect(first.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");

    const refused = jxmb(["import", json, "--output", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`“${out}” 已存在`);
    expect(refused.stderr).toContain("--force");
    expect(fs.readFileSync(out).equals(bytes)).toBe(true);
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith(".tmp"))).toEqual([]);

    expect(jxmb(["import", json, "--output", out, "--force"]).code).toBe(0);
  });

  it("--profile central-2021 writes the central form; exported again, the same document under that profile", () => {
    const json = path.join(tmp, "central-in.json");
    fs.writeFileSync(json, exportFirst());
    const out = path.join(tmp, "central-imported.xlsx");
    expect(jxmb(["import", json, "--profile", "central-2021", "--output", out]).code).toBe(0);
    const back = JSON.parse(jxmb(["export", out]).stdout) as JxmbDocument;
    const original = JSON.parse(exportFirst()) as JxmbDocument;
    expect(back.profile).toBe("central-2021");
    const core = (d: JxmbDocument) => d.projects.map((p) => ({ name: p.name, budget: p.budget, goals: p.goals, indicators: p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw]) }));
    expect(core(back)).toEqual(core(original));
    // The form's 年度指标值 column (F) holds the values: the Hebei form has them in E.
    expect(back.projects[0].indicators[0].source.target).toMatch(/^F\d+$/);
    expect(jxmb(["import", json, "--profile", "beijing", "--output", path.join(tmp, "x.xlsx")]).code).toBe(2);
  });

  it("invalid JSON → exit 2 with the JSON path of the problem, and no output file", () => {
    const json = path.join(tmp, "broken.json");
    const doc = JSON.parse(exportFirst());
    doc.projects[0].budget.total = "很多";
    fs.writeFileSync(json, JSON.stringify(doc));
    const out = path.join(tmp, "broken.xlsx");
    const r = jxmb(["import", json, "--output", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("broken.json");
    expect(r.stderr).toContain("projects.0.budget.total");
    expect(fs.existsSync(out)).toBe(false);

    fs.writeFileSync(json, "{ not json");
    expect(jxmb(["import", json, "--output", out]).code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});
