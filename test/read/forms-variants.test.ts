/**
 * Variants of the whole forms, laid out as the printed forms are (merged captions on the left, labels
 * and values in their own cells, sub-rows under merged headings): the central 部门整体支出绩效目标申报表
 * (年度主要任务 with 总额 | 财政拨款 | 其他资金 and a 金额合计 row), a 绩效自评表 in 元 with stacked
 * goals, `/` cells, a text 执行率, 总分 and 自评等级, two 自评表 on one sheet, and forms missing a part.
 */
import type { CellValue, Grid, GridSheet } from "../../src/model/grid";
import { parseA1, setValue } from "../../src/model/grid";
import { readWorkbook } from "../../src/model/read";
import { toCanonicalJson, parseCanonicalJson } from "../../src/model/canonical";
import { DEFAULT_SYNONYMS, extendSynonyms, parseLabelsJson } from "../../src/model/read/synonyms";

type Cell = CellValue | { v: CellValue; fmt: string };

/** A sheet from A1-addressed cells and merge ranges, as a clerk would type the form. */
function sheet(name: string, cells: Record<string, Cell>, merges: string[] = []): GridSheet {
  const s: GridSheet = { name, values: [], merges: [], formats: [] };
  for (const [ref, cell] of Object.entries(cells)) {
    const at = parseA1(ref)!;
    const isObj = cell !== null && typeof cell === "object" && "fmt" in cell;
    setValue(s, at.r, at.c, isObj ? (cell as { v: CellValue }).v : (cell as CellValue));
    if (isObj) {
      while (s.formats!.length <= at.r) s.formats!.push([]);
      s.formats![at.r][at.c] = (cell as { fmt: string }).fmt;
    }
  }
  for (const m of merges) {
    const [a, b] = m.split(":").map((x) => parseA1(x)!);
    s.merges.push({ r1: a.r, c1: a.c, r2: b.r, c2: b.c });
  }
  return s;
}

const grid = (...sheets: GridSheet[]): Grid => ({ sheets, names: [] });

/** The central 部门整体支出绩效目标申报表: 年度主要任务 before 年度总体目标, amounts split under 预算金额. */
function centralDepartment(): GridSheet {
  return sheet(
    "部门整体",
    {
      A1: "部门整体支出绩效目标申报表",
      A2: "（2024年度）",
      A3: "部门（单位）名称",
      B3: "某某县农业农村局",
      A4: "年度主要任务",
      B4: "任务名称",
      C4: "主要内容",
      E4: "预算金额（万元）",
      E5: "总额",
      F5: "财政拨款",
      G5: "其他资金",
      B6: "农业技术推广",
      C6: "推广新品种10个",
      E6: 120,
      F6: 100,
      G6: 20,
      B7: "动物防疫",
      C7: "重大动物疫病免疫",
      E7: 80,
      F7: 80,
      G7: "/",
      B8: "金额合计",
      E8: 200,
      F8: 180,
      G8: 20,
      A9: "年度总体目标",
      B9: "1.完成新品种推广10个；\n2.重大动物疫病免疫密度达到90%以上。",
      A10: "年度绩效指标",
      B10: "一级指标",
      C10: "二级指标",
      D10: "三级指标",
      E10: "指标值（包含数字及文字描述）",
      B11: "产出指标",
      C11: "数量指标",
      D11: "推广新品种数",
      E11: "≥10个",
      C12: "质量指标",
      D12: "免疫密度",
      E12: { v: 0.9, fmt: "0%" },
      C13: "时效指标",
      D13: "任务完成时间",
      E13: "2024年12月底前",
      B14: "满意度指标",
      C14: "服务对象满意度指标",
      D14: "农户满意度",
      E14: "≥90%",
    },
    ["A1:G1", "A2:G2", "B3:G3", "A4:A8", "B4:B5", "C4:D5", "E4:G4", "C6:D6", "C7:D7", "C8:D8", "B9:G9", "A10:A14", "E10:G10", "B11:B13", "E11:G11", "E12:G12", "E13:G13", "E14:G14"],
  );
}

/** A 自评表 in 元 with stacked goals, a text 执行率, `/` cells, 总分 and 自评等级. */
function selfEvalInYuan(top = 0, name = "乡村道路养护"): Record<string, Cell> {
  const at = (ref: string) => ref.replace(/\d+$/, (n) => String(Number(n) + top));
  const raw: Record<string, Cell> = {
    A1: "项目支出绩效自评表",
    A2: "（2023年度）",
    A3: "项目名称",
    B3: name,
    A4: "主管部门",
    B4: "[101]某县交通运输局",
    E4: "实施单位",
    F4: "101001-某县公路事务中心",
    A5: "项目资金（元）",
    C5: "年初预算数",
    D5: "全年预算数",
    E5: "全年执行数",
    F5: "分值",
    G5: "执行率",
    H5: "得分",
    B6: "年度资金总额",
    C6: 500000,
    D6: 480000,
    E6: 456000,
    F6: 10,
    G6: "95%",
    H6: 9.5,
    B7: "其中：财政拨款",
    C7: 500000,
    D7: 480000,
    E7: 456000,
    F7: "/",
    G7: "/",
    H7: "/",
    B8: "其他资金",
    C8: "/",
    D8: "/",
    E8: "/",
    A9: "年度总体目标",
    B9: "预期目标",
    C9: "完成道路养护50公里",
    B10: "实际完成情况",
    C10: "完成道路养护48公里",
    A11: "绩效指标",
    B11: "一级指标",
    C11: "二级指标",
    D11: "三级指标",
    E11: "年度指标值",
    F11: "实际完成值",
    G11: "分值",
    H11: "得分",
    I11: "偏差原因分析及改进措施",
    B12: "产出指标",
    C12: "数量指标",
    D12: "养护里程",
    E12: "≥50公里",
    F12: "48公里",
    G12: 20,
    H12: 19,
    I12: "两段路面因汛期顺延",
    B13: "效益指标",
    C13: "社会效益指标",
    D13: "道路通行条件",
    E13: "明显改善",
    F13: "明显改善",
    G13: 30,
    H13: 30,
    B14: "满意度指标",
    C14: "服务对象满意度指标",
    D14: "群众满意度",
    E14: "≥90%",
    F14: { v: 0.93, fmt: "0%" },
    G14: 10,
    H14: 10,
    A15: "总分",
    G15: 100,
    H15: 88.5,
    A16: "自评等级",
    B16: "良",
    A17: "评价结论",
    B17: "项目基本完成，养护里程略低于目标。",
    A18: "存在问题",
    B18: "结合自评情况,分析存在的问题及原因。(200字以内)",
    A19: "改进措施",
    B19: "加强汛期施工组织。",
  };
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [at(k), v]));
}

const SELF_EVAL_MERGES = ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:B5", "A9:A10", "C9:I9", "C10:I10", "A11:A14", "A15:F15"];
const shift = (ranges: string[], top: number) => ranges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + top)));

describe("部门整体支出绩效目标申报表 (central template)", () => {
  const { document: doc, problems } = readWorkbook(grid(centralDepartment()));
  const o = doc.overview!;

  test("department, year, goals", () => {
    expect(doc.department).toEqual({ code: null, name: "某某县农业农村局" });
    expect(doc.fiscalYear).toBe(2024);
    expect(o.goals).toEqual(["完成新品种推广10个；", "重大动物疫病免疫密度达到90%以上。"]);
  });

  test("年度主要任务 with the amount split into 总额 | 财政拨款 | 其他资金; 金额合计 closes the table and gives the budget", () => {
    expect(o.duties).toEqual([
      { duty: null, task: "农业技术推广", content: "推广新品种10个", project: null, amount: 120, fiscal: 100, other: 20 },
      { duty: null, task: "动物防疫", content: "重大动物疫病免疫", project: null, amount: 80, fiscal: 80, other: null },
    ]);
    expect(o.budget).toEqual({ total: 200, fiscal: 180, other: 20, basic: null, project: null });
    expect(o.source?.cells["budget.total"]).toBe("E8");
  });

  test("the indicator tree, a 0%-formatted 0.9 as 90%", () => {
    expect(o.indicators?.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
      ["产出指标", "数量指标", "推广新品种数", "≥10个"],
      ["产出指标", "质量指标", "免疫密度", "90%"],
      ["产出指标", "时效指标", "任务完成时间", "2024年12月底前"],
      ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"],
    ]);
    expect(problems.filter((p) => p.severity !== "info")).toEqual([]);
  });
});

describe("绩效自评表 in 元 with stacked goals", () => {
  const { document: doc, problems } = readWorkbook(grid(sheet("自评", selfEvalInYuan(), SELF_EVAL_MERGES)));
  const p = doc.projects[0];

  test("header fields: codes in brackets and before a hyphen", () => {
    expect(doc.projects).toHaveLength(1);
    expect(p.name).toBe("乡村道路养护");
    expect(p.competentDepartment).toEqual({ code: "101", name: "某县交通运输局" });
    expect(p.unit).toEqual({ code: "101001", name: "某县公路事务中心" });
    expect(doc.fiscalYear).toBe(2023);
  });

  test("funds in 元 read in 万元; `/` is blank, not a wrong number; 执行率 “95%” as 95", () => {
    const [total, fiscal, other] = p.selfEvaluation!.funds;
    expect(total).toEqual({ role: "total", label: "年度资金总额", initial: 50, annual: 48, executed: 45.6, rate: 95, weight: 10, score: 9.5 });
    expect(fiscal).toMatchObject({ role: "fiscal", initial: 50, annual: 48, executed: 45.6, rate: null, weight: null, score: null });
    expect(other).toMatchObject({ role: "other", initial: null, annual: null, executed: null });
    expect(p.budget).toMatchObject({ total: 50, fiscal: 50, other: null });
    expect(p.source.cells["selfEvaluation.funds.0.executed"]).toBe("E6");
    expect(problems.filter((x) => x.severity !== "info")).toEqual([]);
  });

  test("stacked 预期目标 / 实际完成情况, each text right of its label", () => {
    expect(p.goals).toEqual(["完成道路养护50公里"]);
    expect(p.selfEvaluation!.goalsActual).toEqual(["完成道路养护48公里"]);
    expect(p.source.cells["goals.0"]).toBe("C9");
    expect(p.source.cells["selfEvaluation.goalsActual.0"]).toBe("C10");
  });

  test("targets and actuals side by side, with points, score and the deviation reason", () => {
    expect(p.indicators.map((i) => [i.name, i.target.raw, i.actual?.raw, i.weight, i.score, i.deviation])).toEqual([
      ["养护里程", "≥50公里", "48公里", 20, 19, "两段路面因汛期顺延"],
      ["道路通行条件", "明显改善", "明显改善", 30, 30, null],
      ["群众满意度", "≥90%", "93%", 10, 10, null],
    ]);
    expect(p.indicators[0].actual).toMatchObject({ value: 48, unit: "公里" });
    expect(p.indicators[0].source).toMatchObject({ actual: "F12", weight: "G12", score: "H12", deviation: "I12" });
  });

  test("总分, 自评等级, 评价结论 and 改进措施; a printed prompt left under 存在问题 is not an answer", () => {
    expect(p.selfEvaluation).toMatchObject({ totalWeight: 100, totalScore: 88.5, grade: "良", conclusion: "项目基本完成，养护里程略低于目标。", issues: null, measures: "加强汛期施工组织。" });
    expect(problems.find((x) => x.cell === "B18")).toMatchObject({ severity: "info" });
  });

  test("round-trips through canonical JSON", () => {
    const text = toCanonicalJson(doc);
    const back = parseCanonicalJson(text);
    expect(back.ok && toCanonicalJson(back.document)).toBe(text);
  });
});

test("two 自评表 stacked on one sheet are two projects, each with its own funds and indicators", () => {
  const cells = { ...selfEvalInYuan(0, "乡村道路养护"), ...selfEvalInYuan(20, "桥梁检测") };
  const { document: doc } = readWorkbook(grid(sheet("自评", cells, [...SELF_EVAL_MERGES, ...shift(SELF_EVAL_MERGES, 20)])));
  expect(doc.projects.map((p) => p.name)).toEqual(["乡村道路养护", "桥梁检测"]);
  expect(doc.projects.map((p) => p.indicators.length)).toEqual([3, 3]);
  expect(doc.projects[1].source.cells["selfEvaluation.funds.0.executed"]).toBe("E26");
  expect(doc.projects[0].source.range).toBe("A1:I19");
});

describe("forms missing a part say so, with the cell", () => {
  test("a 自评表 without its 项目资金 block: a warning, the indicators still read", () => {
    const cells = selfEvalInYuan();
    for (const k of ["A5", "C5", "D5", "E5", "F5", "G5", "H5", "B6", "C6", "D6", "E6", "F6", "G6", "H6", "B7", "C7", "D7", "E7", "F7", "G7", "H7", "B8", "C8", "D8", "E8"]) delete cells[k];
    const { document: doc, problems } = readWorkbook(grid(sheet("自评", cells, SELF_EVAL_MERGES)));
    expect(doc.projects[0].indicators).toHaveLength(3);
    expect(doc.projects[0].selfEvaluation!.funds).toEqual([]);
    expect(problems.find((p) => /未找到项目资金栏/.test(p.message))).toMatchObject({ severity: "warning", sheet: "自评" });
  });

  test("a 执行数 that is not a number is named with its cell, not read as 0", () => {
    const cells = selfEvalInYuan();
    cells.E6 = "约45万";
    const { document: doc, problems } = readWorkbook(grid(sheet("自评", cells, SELF_EVAL_MERGES)));
    expect(doc.projects[0].selfEvaluation!.funds[0].executed).toBeNull();
    expect(problems.find((p) => p.cell === "E6")?.message).toContain("约45万");
  });

  test("a 部门整体 table without an indicator header: an error naming the sheet; budget and duties still read", () => {
    const s = centralDepartment();
    s.values = s.values.slice(0, 9);
    const { document: doc, problems } = readWorkbook(grid(s));
    expect(doc.overview?.duties).toHaveLength(2);
    expect(problems.find((p) => p.severity === "error")?.message).toMatch(/部门整体.*未找到指标表头/);
  });
});

test("部门整体: 年度预算安排 as column headings over a row of amounts, 整体绩效目标 as the goal label", () => {
  const s = sheet(
    "部门整体",
    {
      A1: "部门整体支出绩效目标表",
      A2: "部门名称",
      B2: "302-某县教育局",
      A3: "年度预算安排（万元）",
      B3: "资金总额",
      C3: "财政拨款",
      D3: "其他资金",
      E3: "基本支出",
      F3: "项目支出",
      B4: 1500.5,
      C4: 1400,
      D4: 100.5,
      E4: 1000,
      F4: "500.5万元",
      A5: "整体绩效目标",
      B5: "目标1：保障全县义务教育学校正常运转；目标2：完成校舍维修12所。",
      A6: "一级指标",
      B6: "二级指标",
      C6: "三级指标",
      D6: "指标值",
      A7: "产出指标",
      B7: "数量指标",
      C7: "校舍维修数",
      D7: "12所",
    },
    ["A1:F1", "A3:A4", "B5:F5"],
  );
  const { document: doc } = readWorkbook(grid(s));
  expect(doc.department).toEqual({ code: "302", name: "某县教育局" });
  expect(doc.overview?.budget).toEqual({ total: 1500.5, fiscal: 1400, other: 100.5, basic: 1000, project: 500.5 });
  expect(doc.overview?.goals).toEqual(["保障全县义务教育学校正常运转", "完成校舍维修12所。"]);
  expect(doc.overview?.indicators?.map((i) => i.name)).toEqual(["校舍维修数"]);
});

test("a form without a 自评 title is a self-evaluation when its indicator header has 实际完成值", () => {
  const cells = selfEvalInYuan();
  cells.A1 = "项目绩效目标完成情况";
  for (const k of ["H11", "H12", "H13", "H14", "H15", "C5", "D5", "E5"]) delete cells[k];
  const { document: doc } = readWorkbook(grid(sheet("表1", cells, SELF_EVAL_MERGES)));
  expect(doc.projects).toHaveLength(1);
  expect(doc.projects[0].layout).toBe("self-eval");
  expect(doc.projects[0].indicators.map((i) => i.actual?.raw)).toEqual(["48公里", "明显改善", "93%"]);
});

test.each([["部门（单位）整体支出绩效目标表"], ["附件3：单位整体支出绩效目标申报表"], ["整体支出绩效目标表（2024年度）"]])("the title %s alone makes a department-overall table", (title) => {
  const s = sheet("表", {
    A1: title,
    A2: "部门名称",
    B2: "某县水利局",
    A3: "年度总体目标",
    B3: "完成河道治理5公里。",
    A4: "一级指标",
    B4: "二级指标",
    C4: "三级指标",
    D4: "指标值",
    A5: "产出指标",
    B5: "数量指标",
    C5: "河道治理长度",
    D5: "≥5公里",
  });
  const { document: doc } = readWorkbook(grid(s));
  expect(doc.projects).toEqual([]);
  expect(doc.department.name).toBe("某县水利局");
  expect(doc.overview?.goals).toEqual(["完成河道治理5公里。"]);
  expect(doc.overview?.indicators?.map((i) => i.name)).toEqual(["河道治理长度"]);
});

test("a user's --labels spellings reach the whole-form readers (实际完成值 written 核定完成量)", () => {
  const cells = selfEvalInYuan();
  cells.F11 = "核定完成量";
  const s = sheet("自评", cells, SELF_EVAL_MERGES);
  const plain = readWorkbook(grid(s)).document.projects[0];
  expect(plain.indicators[0].actual).toBeUndefined();
  const synonyms = extendSynonyms(DEFAULT_SYNONYMS, parseLabelsJson(JSON.stringify({ columns: { actual: ["核定完成量"] } }), "labels.json"));
  const taught = readWorkbook(grid(s), { synonyms }).document.projects[0];
  expect(taught.indicators.map((i) => i.actual?.raw)).toEqual(["48公里", "明显改善", "93%"]);
});
