import { doc, project } from "../rules/rule-tester";
import { emptyDocument, type DeclaredTotals, type JxmbDocument, type Project } from "../../src/model/schema";
import type { InboxFile } from "../../src/model/inbox";
import { inboxRuleTester } from "./inbox-tester";

const file = (name: string, projects: Project[], overrides: Partial<JxmbDocument> = {}): InboxFile => ({ file: name, document: doc(projects, overrides) });

/** A unit's project: unit code/name, 预算数, its own texts (seq varies them). */
const unitProject = (seq: number, unit: string, total: number, extra: Partial<Project> = {}): Project =>
  project({
    seq,
    unit: { code: unit, name: `单位${unit}` },
    budget: { total, fiscal: total, other: null, raw: { total: String(total), fiscal: String(total), other: null } },
    ...extra,
  });

/** A department 汇总 file (no project of its own), laid out as the template's 汇总 sheet. */
function summary(name: string, department: number | null, units: [string, number | null][]): InboxFile {
  const d = emptyDocument("hebei");
  d.fiscalYear = 2023;
  d.department = { code: "312001", name: "卢龙县公安局" };
  const cells: Record<string, string> = { department: "F8" };
  units.forEach((_, i) => (cells[`units.${i}.total`] = `F${11 + i}`));
  const dt: DeclaredTotals = { department, units: units.map(([code, total]) => ({ code, name: `单位${code}`, total })), source: { sheet: "汇总", range: null, cells } };
  d.declaredTotals = dt;
  return { file: name, document: d };
}

const codeOf = (seq: number) => project({ seq }).code!;

inboxRuleTester("inbox/code-duplicate", {
  valid: [
    { name: "each file its own codes", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })])] },
    // A code twice inside one file is the per-file rule's (project/code-duplicate), not a cross-file finding.
    { name: "repeated inside one file only", files: [file("a.xlsx", [project({ seq: 1 }), project({ seq: 2, code: codeOf(1) })]), file("b.xlsx", [project({ seq: 3 })])] },
    { name: "forms without codes (Ningxia)", files: [file("a.xlsx", [project({ seq: 1, code: null })]), file("b.xlsx", [project({ seq: 2, code: null })])] },
    { name: "one file", files: [file("a.xlsx", [project({ seq: 1 })])] },
  ],
  invalid: [
    {
      name: "a code of file a used again in file b",
      files: [file("in/a.xlsx", [project({ seq: 1 }), project({ seq: 2 })]), file("in/b.xlsx", [project({ seq: 1, code: codeOf(2), name: "另一个项目" })])],
      errors: [{ file: "in/b.xlsx", sheet: "项目1", cell: "B3", severity: "error", projectSeq: 1, messageIncludes: [codeOf(2), "“a.xlsx”", "第 2 个项目"], related: ["in/a.xlsx!项目2!B3"] }],
    },
    {
      name: "same code and same content: sent twice",
      files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 1 })])],
      errors: [{ file: "b.xlsx", cell: "B3", messageIncludes: "同一项目重复报送", fixIncludes: "只报送一次" }],
    },
    {
      name: "two versions of one unit's workbook (every code shared, content edited): each code once, and the hint to compare them",
      files: [
        file("交警大队.xlsx", [project({ seq: 1 }), project({ seq: 2 })]),
        file("交警大队（修改）.xlsx", [unitProject(1, "312001", 60, { code: codeOf(1) }), unitProject(2, "312001", 70, { code: codeOf(2) })]),
      ],
      errors: [
        { file: "交警大队（修改）.xlsx", cell: "B3", projectSeq: 1, fixIncludes: "疑为同一单位工作簿的两个版本，可用 jxmb diff 比较" },
        { file: "交警大队（修改）.xlsx", cell: "B3", projectSeq: 2, fixIncludes: "本文件 2 个编码中有 2 个与" },
      ],
    },
    {
      name: "spaces and brackets do not make a code different; a later file is told about the first",
      files: [
        file("a.xlsx", [project({ seq: 1 })]),
        file("b.xlsx", [project({ seq: 5, code: `【${codeOf(1)}】` }), project({ seq: 6, code: codeOf(1) })]),
        file("c.xlsx", [project({ seq: 7, code: ` ${codeOf(1)} ` })]),
      ],
      // One finding per file (the repeat inside b is b's own per-file finding).
      errors: [
        { file: "b.xlsx", sheet: "项目5", related: ["a.xlsx!项目1!B3"] },
        { file: "c.xlsx", sheet: "项目7", related: ["a.xlsx!项目1!B3"] },
      ],
    },
  ],
});

inboxRuleTester("inbox/same-project", {
  valid: [
    { name: "different projects", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })])] },
    // Seed 000: 劳务派遣经费 in two units are two projects.
    { name: "same name, different 预算数", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [unitProject(1, "312001", 60, { code: "X1" })])] },
    { name: "same code and content: inbox/code-duplicate's", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 1 })])] },
    { name: "redacted projects carry nothing to compare", files: [file("a.xlsx", [project({ seq: 1, redacted: true, code: "A" })]), file("b.xlsx", [project({ seq: 1, redacted: true, code: "B" })])] },
    { name: "twice inside one file", files: [file("a.xlsx", [project({ seq: 1 }), project({ seq: 1, code: "X" })]), file("b.xlsx", [project({ seq: 3 })])] },
  ],
  invalid: [
    {
      name: "the same project under another code in another unit's file",
      files: [file("a.xlsx", [project({ seq: 1 }), project({ seq: 2 })]), file("b.xlsx", [project({ seq: 3 }), { ...project({ seq: 2 }), seq: 4, code: "X9", source: project({ seq: 4 }).source }])],
      errors: [{ file: "b.xlsx", sheet: "项目4", cell: "D3", severity: "warning", projectSeq: 4, messageIncludes: ["“a.xlsx”", "第 2 个项目", "X9"], related: ["a.xlsx!项目2!D3"] }],
    },
    {
      name: "without codes",
      files: [file("a.xlsx", [project({ seq: 1, code: null })]), file("b.xlsx", [project({ seq: 1, code: null })])],
      errors: [{ file: "b.xlsx", cell: "D3" }],
    },
  ],
});

inboxRuleTester("inbox/unit-total", {
  valid: [
    {
      name: "the 汇总 declares each unit's sum over the files",
      files: [summary("部门.xlsx", 180, [["312001", 100], ["312003", 80]]), file("a.xlsx", [unitProject(1, "312001", 60), unitProject(2, "312001", 40)]), file("b.xlsx", [unitProject(3, "312003", 80)])],
    },
    {
      name: "a unit's own file declaring its own (wrong) total is budget/total-mismatch's",
      files: [
        file("a.xlsx", [unitProject(1, "312001", 60)], { declaredTotals: { department: 70, units: [{ code: "312001", name: null, total: 70 }], source: { sheet: "汇总", range: null, cells: {} } } }),
        file("b.xlsx", [unitProject(2, "312003", 80)]),
      ],
    },
    { name: "blank declared rows", files: [summary("部门.xlsx", null, [["312001", null]]), file("a.xlsx", [unitProject(1, "312001", 60)])] },
  ],
  invalid: [
    {
      name: "a unit's declared total ≠ its projects in two files",
      files: [summary("部门.xlsx", 190, [["312001", 110], ["312003", 80]]), file("a.xlsx", [unitProject(1, "312001", 60)]), file("b.xlsx", [unitProject(2, "312001", 40), unitProject(3, "312003", 80)])],
      errors: [
        {
          file: "部门.xlsx",
          sheet: "汇总",
          cell: "F11",
          severity: "error",
          projectSeq: null,
          messageIncludes: ["312001", "110 万元", "100 万元", "“a.xlsx” 1 个项目 60 万元", "“b.xlsx” 1 个项目 40 万元"],
          fixIncludes: "相差 10 万元",
          related: ["a.xlsx!项目1!B4", "b.xlsx!项目2!B4"],
        },
      ],
    },
    {
      name: "a declared unit with no project table received",
      files: [summary("部门.xlsx", 60, [["312001", 60], ["312009", 5]]), file("a.xlsx", [unitProject(1, "312001", 60)])],
      errors: [{ file: "部门.xlsx", cell: "F12", messageIncludes: "没有该单位的项目表", fixIncludes: "催报" }],
    },
  ],
});

inboxRuleTester("inbox/department-total", {
  valid: [
    { name: "the department total is the sum of all files", files: [summary("部门.xlsx", 180, [["312001", 100]]), file("a.xlsx", [unitProject(1, "312001", 100)]), file("b.xlsx", [unitProject(2, "312003", 80)])] },
    {
      name: "a unit's own declared total is not the department's",
      files: [
        file("a.xlsx", [unitProject(1, "312001", 60)], { declaredTotals: { department: 60, units: [], source: { sheet: "汇总", range: null, cells: {} } } }),
        file("b.xlsx", [unitProject(2, "312003", 80)]),
      ],
    },
    {
      name: "部门整体 项目支出 in the file that holds every project (a single-file matter)",
      files: [file("a.xlsx", [unitProject(1, "312001", 60)], { overview: overviewWith(99) }), file("b.xlsx", [])],
    },
  ],
  invalid: [
    {
      name: "the 汇总's 部门申报合计数 ≠ all the files' projects",
      files: [summary("部门.xlsx", 200, [["312001", 100]]), file("a.xlsx", [unitProject(1, "312001", 100)]), file("b.xlsx", [unitProject(2, "312003", 80)])],
      errors: [{ file: "部门.xlsx", sheet: "汇总", cell: "F8", severity: "error", messageIncludes: ["200 万元", "180 万元", "“a.xlsx” 100 万元", "“b.xlsx” 80 万元"], fixIncludes: "相差 20 万元" }],
    },
    {
      name: "部门整体支出绩效目标表 项目支出 ≠ the units' projects (a warning: a unit may not have sent yet)",
      files: [file("部门整体.xlsx", [], { overview: overviewWith(150) }), file("a.xlsx", [unitProject(1, "312001", 100)]), file("b.xlsx", [unitProject(2, "312003", 80)])],
      errors: [{ file: "部门整体.xlsx", sheet: "部门整体", cell: "C5", severity: "warning", messageIncludes: ["项目支出 150 万元", "180 万元"] }],
    },
  ],
});

function overviewWith(projectSpend: number): JxmbDocument["overview"] {
  return {
    summary: null,
    items: [],
    safeguards: null,
    budget: { total: projectSpend + 100, fiscal: projectSpend + 100, other: null, basic: 100, project: projectSpend },
    source: { sheet: "部门整体", range: "A1:F30", cells: { "budget.total": "B5", "budget.project": "C5" } },
  };
}

const GOAL = ["1.完成全县治安卡口视频监控设备的日常维护和升级改造，保障设备完好率达到95%以上。"];
const NEAR = ["1.完成全县治安卡口视频监控设备的日常维护和升级改造工作，保障设备完好率达到95%以上。"];

inboxRuleTester("inbox/goal-copied", {
  valid: [
    { name: "each project its own goal", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })])] },
    { name: "copied inside one file: goal/copied's", files: [file("a.xlsx", [project({ seq: 1, goals: GOAL }), project({ seq: 2, goals: GOAL })]), file("b.xlsx", [project({ seq: 3 })])] },
    { name: "the whole project sent twice: inbox/same-project's", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 1, code: "X" })])] },
    { name: "short goals repeat legitimately", files: [file("a.xlsx", [project({ seq: 1, goals: ["保障运转"] })]), file("b.xlsx", [project({ seq: 2, goals: ["保障运转"] })])] },
  ],
  invalid: [
    {
      name: "identical goal in another unit's file",
      files: [file("a.xlsx", [project({ seq: 1, goals: GOAL })]), file("b.xlsx", [project({ seq: 2 }), project({ seq: 3, goals: GOAL })])],
      errors: [{ file: "b.xlsx", sheet: "项目3", cell: "B8", severity: "warning", messageIncludes: ["完全相同", "“a.xlsx”"], related: ["a.xlsx!项目1!B8"] }],
    },
    {
      name: "nearly identical goal (a few characters): 提示",
      files: [file("a.xlsx", [project({ seq: 1, goals: GOAL })]), file("b.xlsx", [project({ seq: 3, goals: NEAR })])],
      errors: [{ file: "b.xlsx", cell: "B8", severity: "info", messageIncludes: ["几乎相同", "相似度"] }],
    },
  ],
});

const ROWS: [string, string, string, string, string][] = [
  ["产出指标", "数量指标", "维护治安卡口数量", "≥120个", "计划"],
  ["产出指标", "质量指标", "设备完好率", "≥95%", "计划"],
  ["效益指标", "社会效益指标", "治安案件发案率下降", "≥5%", "计划"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "计划"],
];
const NEAR_ROWS: [string, string, string, string, string][] = ROWS.map((r, i) => (i === 0 ? [r[0], r[1], "维护全县治安卡口数量", r[3], r[4]] : r));

inboxRuleTester("inbox/indicator-copied", {
  valid: [
    { name: "each project its own indicators", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })])] },
    { name: "copied inside one file: indicator/copied's", files: [file("a.xlsx", [project({ seq: 1, indicators: ROWS }), project({ seq: 2, indicators: ROWS })]), file("b.xlsx", [project({ seq: 3 })])] },
  ],
  invalid: [
    {
      name: "a whole indicator set copied from another unit",
      files: [file("a.xlsx", [project({ seq: 1, indicators: ROWS })]), file("b.xlsx", [project({ seq: 2, indicators: ROWS })])],
      errors: [{ file: "b.xlsx", sheet: "项目2", cell: "C11", severity: "warning", messageIncludes: ["全部绩效指标", "完全相同"], related: ["a.xlsx!项目1!C11"] }],
    },
    {
      name: "nearly identical set: 提示",
      files: [file("a.xlsx", [project({ seq: 1, indicators: ROWS })]), file("b.xlsx", [project({ seq: 2, indicators: NEAR_ROWS })])],
      errors: [{ file: "b.xlsx", cell: "C11", severity: "info", messageIncludes: "几乎相同" }],
    },
  ],
});

inboxRuleTester("inbox/year-mismatch", {
  valid: [
    { name: "every file the same year", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })])] },
    { name: "a file without a year is not compared", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })], { fiscalYear: null })] },
    { name: "a tie has no majority", files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })], { fiscalYear: 2022 })] },
  ],
  invalid: [
    {
      name: "one unit sent last year's workbook",
      files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })], { fiscalYear: 2022 }), file("c.xlsx", [project({ seq: 3 })])],
      errors: [{ file: "b.xlsx", sheet: "项目2", cell: "A1", severity: "warning", messageIncludes: ["2022 年", "2 个文件的 2023 年"], fixIncludes: "核对是否为 2023 年的工作簿" }],
    },
    {
      name: "a year inferred from the codes says so",
      files: [file("a.xlsx", [project({ seq: 1 })]), file("b.xlsx", [project({ seq: 2 })]), file("c.xlsx", [project({ seq: 3 })], { fiscalYear: 2024, fiscalYearSource: "code" })],
      errors: [{ file: "c.xlsx", messageIncludes: "2024 年（按项目编码等推断）" }],
    },
  ],
});
