/**
 * Pure parts of the CLI, in-process: argument parsing and report rendering over small findings.
 * The binary itself is exercised in cli.test.ts.
 */
import { parseArgs } from "../../src/cli/args";
import { CliError, splitGloss } from "../../src/cli/errors";
import { cellRef, toJsonReport, toTextReport, type FileOutcome } from "../../src/cli/report";
import type { Finding } from "../../src/model/rules/types";

function usage(argv: string[]): CliError {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return e as CliError;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("parseArgs", () => {
  it("reads positionals and options in both --opt value and --opt=value forms", () => {
    const p = parseArgs(["validate", "a.xlsx", "--profile", "ningxia", "--format=json", "-o", "r.json", "b.xlsx"]);
    expect(p.command).toBe("validate");
    expect(p.positionals).toEqual(["a.xlsx", "b.xlsx"]);
    expect(p.options).toEqual({ profile: "ningxia", format: "json", output: "r.json" });
  });

  it("treats everything after -- as files", () => {
    expect(parseArgs(["validate", "--", "--odd-name.xlsx"]).positionals).toEqual(["--odd-name.xlsx"]);
  });

  it("shows help for no arguments, -h, help <cmd> and <cmd> --help", () => {
    expect(parseArgs([]).showHelp).toBe(true);
    expect(parseArgs(["-h"]).showHelp).toBe(true);
    expect(parseArgs(["help", "import"])).toMatchObject({ showHelp: true, helpFor: "import" });
    expect(parseArgs(["export", "x.xlsx", "--help"])).toMatchObject({ showHelp: true, helpFor: "export" });
    expect(parseArgs(["--version"]).showVersion).toBe(true);
  });

  it("refuses unknown commands with a suggestion, exit code 2", () => {
    const e = usage(["valdate", "a.xlsx"]);
    expect(e.exitCode).toBe(2);
    expect(e.zh).toContain("未知命令");
    expect(e.zh).toContain("validate");
    expect(e.en).toContain('Did you mean "validate"');
  });

  it("refuses options that belong to another command, with a hint to the command's help", () => {
    const e = usage(["export", "a.xlsx", "--format", "json"]);
    expect(e.zh).toContain("--format");
    expect(e.hint?.zh).toContain("jxmb help export");
    expect(e.hint?.en).toContain("jxmb help export");
    expect(usage(["validate", "a.xlsx", "--fromat", "json"]).en).toContain("Did you mean --format?");
  });

  it("refuses bad values, missing values, repeated options and values on flags", () => {
    expect(usage(["validate", "a.xlsx", "--format", "xml"]).zh).toContain("text、json");
    expect(usage(["validate", "a.xlsx", "--profile", "beijing"]).en).toContain("hebei, ningxia, central-2021");
    expect(usage(["validate", "a.xlsx", "--output"]).zh).toContain("需要一个值");
    expect(usage(["validate", "a.xlsx", "--output", "--format", "json"]).zh).toContain("需要一个值");
    expect(usage(["validate", "a.xlsx", "-o", "x", "-o", "y"]).zh).toContain("重复");
    expect(usage(["import", "a.json", "--force=yes"]).zh).toContain("不带值");
    expect(usage(["help", "nosuch"]).zh).toContain("nosuch");
  });
});

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: "budget/sum",
    severity: "error",
    message: "预算数不等于财政资金与其他资金之和",
    sheet: "项目表",
    cell: "C5",
    projectCode: "P001",
    projectName: "安保经费",
    projectSeq: 1,
    ...over,
  };
}

const outcomes: FileOutcome[] = [
  {
    ok: true,
    file: "a.xlsx",
    projects: [
      { seq: 1, code: "P001", name: "安保经费", sheet: "项目表" },
      { seq: 2, code: "P002", name: "办案经费", sheet: "项目表" },
      { seq: 3, code: null, name: null, sheet: "Sheet 3" },
    ],
    findings: [
      finding({}),
      finding({ ruleId: "spend-plan/decreasing", severity: "warning", cell: "F9", message: "资金支出计划出现回落", fix: "改为累计百分比" }),
      finding({ ruleId: "read/problem", severity: "info", projectSeq: null, projectCode: null, projectName: null, sheet: "说明", cell: null, message: "忽略说明页" }),
      finding({ ruleId: "target/vague", severity: "warning", projectSeq: 3, projectCode: null, projectName: null, sheet: "Sheet 3", cell: "E12", message: "指标值不可衡量" }),
    ],
  },
  { ok: false, file: "b.txt", zh: "“b.txt”不是 .xlsx 工作簿", en: 'Cannot read "b.txt": not an .xlsx file' },
];

describe("reports", () => {
  it("json: the contract's keys in order, projects as a count, a per-file summary", () => {
    const data = JSON.parse(toJsonReport(outcomes));
    expect(Object.keys(data)).toEqual(["files"]);
    const [a, b] = data.files;
    // The original contract's keys first, then the additive ones (perProject, accepted; projectSeq, category, fix).
    expect(Object.keys(a)).toEqual(["file", "projects", "findings", "summary", "perProject", "accepted"]);
    expect(a.projects).toBe(3);
    expect(a.summary).toEqual({ error: 1, warning: 2, info: 1 });
    expect(Object.keys(a.findings[0])).toEqual(["ruleId", "severity", "message", "sheet", "cell", "projectCode", "projectName", "projectSeq", "category", "fix"]);
    expect(a.findings[0].fix).toBeNull();
    expect(a.findings[1]).toMatchObject({ ruleId: "spend-plan/decreasing", category: "budget", fix: "改为累计百分比", projectSeq: 1 });
    expect(a.findings[2].category).toBe("project"); // read problems
    // Items to fix per project: 错误 + 警告 (project 1 has one of each, project 3 one 警告).
    expect(a.perProject).toEqual([
      { seq: 1, code: "P001", name: "安保经费", error: 1, warning: 1, info: 0, mustFix: 2 },
      { seq: 3, code: null, name: null, error: 0, warning: 1, info: 0, mustFix: 1 },
    ]);
    expect(b.perProject).toEqual([]);
    expect(b).toMatchObject({ file: "b.txt", projects: 0, findings: [], error: { message: expect.stringContaining("b.txt") } });
  });

  it("text: grouped by file then project, sheet!cell references, summaries per file and overall", () => {
    const text = toTextReport(outcomes);
    const lines = text.split("\n");
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at("文件：a.xlsx")).toBeLessThan(at("项目 1：P001 安保经费（工作表 项目表）  —— 需修改 2 处"));
    expect(at("项目 1：P001 安保经费")).toBeLessThan(at("项目表!C5"));
    expect(at("项目表!F9")).toBeLessThan(at("项目 3：（无编码） （无名称）"));
    expect(text).toContain("'Sheet 3'!E12");
    expect(text).toContain("建议：改为累计百分比");
    expect(text).toContain("整个文件：");
    expect(text).toContain("其余 1 个项目未发现问题");
    expect(text).toContain("小计：3 个项目；错误 1 个，警告 2 个，提示 1 个");
    expect(text).toContain("无法读取：“b.txt”不是 .xlsx 工作簿");
    expect(lines.filter((l) => l.startsWith("合计："))).toEqual(["合计：2 个文件（1 个已检查，1 个无法读取），3 个项目；错误 1 个，警告 2 个，提示 1 个。"]);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("text: a grouped finding lists each row with its own 建议; a document summary names its projects", () => {
    const rows = ["E15", "E16", "E17"].map((cell, i) => ({ projectSeq: 1, sheet: "项目表", cell, message: `m${i}`, fix: `改写第 ${i + 1} 行` }));
    const text = toTextReport([
      {
        ok: true,
        file: "g.xlsx",
        projects: [{ seq: 1, code: "P001", name: "安保经费", sheet: "项目表" }],
        findings: [
          finding({ ruleId: "goal/vague", severity: "warning", projectSeq: null, projectCode: null, projectName: null, sheet: null, cell: null, message: "6 个项目中 5 个目标没有可衡量内容", fix: "各项目逐一修改", locations: [{ projectSeq: 1, sheet: "项目表", cell: "B8" }, { projectSeq: 4, sheet: "项目表", cell: "B30" }] }),
          finding({ ruleId: "value/vague", severity: "warning", cell: "E15", message: "3 处指标值未量化：E15、E16、E17", fix: "逐行修改", locations: rows }),
        ],
      },
    ]);
    expect(text).toContain("涉及项目：1、4");
    for (const i of [1, 2, 3]) expect(text).toContain(`项目表!E${14 + i}：改写第 ${i} 行`);
    expect(text).toContain("需修改 4 处"); // the group's 3 rows + the summary
  });

  it("cellRef quotes sheet names the way Excel does", () => {
    expect(cellRef("项目表", "C5")).toBe("项目表!C5");
    expect(cellRef("O'Brien 表", "A1")).toBe("'O''Brien 表'!A1");
    expect(cellRef(null, null)).toBe("（无单元格）");
  });

  it("splits a reader message into its Chinese text and English gloss", () => {
    expect(splitGloss("“x.txt”不是 .xlsx 工作簿（not an .xlsx file）")).toEqual({ zh: "“x.txt”不是 .xlsx 工作簿", en: "not an .xlsx file" });
    expect(splitGloss("没有英文")).toEqual({ zh: "没有英文", en: null });
  });
});
