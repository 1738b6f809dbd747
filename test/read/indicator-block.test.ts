/**
 * The synonym table and the vocabulary-driven indicator block (src/model/read/synonyms.ts,
 * indicator-block.ts) on the public forms of test/corpus, laid out as their provinces print them:
 * Wuhan's paired (长期)/(年度) groups, Sichuan's flat export with 指标性质 | 指标值 | 度量单位, Anhui's
 * 自评表 with points on 一级 and placeholder rows, Fujian's merged 一级/二级, Chongqing's 2021 framework.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import type { Grid, GridSheet } from "../../src/model/grid";
import { emptySheet, setValue } from "../../src/model/grid";
import { findIndicatorHeaders, isNotApplicable, readIndicatorBlock } from "../../src/model/read/indicator-block";
import { classifyColumn, DEFAULT_SYNONYMS, extendSynonyms, fieldOf, LabelsFileError, parseLabelsJson } from "../../src/model/read/synonyms";
import type { ReadProblem } from "../../src/model/read/types";

const CORPUS = path.join(__dirname, "..", "corpus", "workbooks");

async function sheetOf(file: string): Promise<{ grid: Grid; sheet: GridSheet }> {
  const grid = await loadGrid(fs.readFileSync(path.join(CORPUS, file)));
  return { grid, sheet: grid.sheets[0] };
}

function readAll(sheet: GridSheet) {
  const problems: ReadProblem[] = [];
  const headers = findIndicatorHeaders(sheet);
  const blocks = headers.map((h, i) =>
    readIndicatorBlock(sheet, h, { end: i + 1 < headers.length ? headers[i + 1].row - 1 : sheet.values.length - 1, problems, ignoreCols: Object.values(h.fieldCols) as number[] }),
  );
  return { headers, blocks, problems };
}

describe("synonym table", () => {
  test.each([
    ["指标值", "value", null],
    ["年度指标值", "value", "year"],
    ["指标值(年度)", "value", "year"],
    ["指标值（长期）", "value", "mid"],
    ["二级指标(长期)", "level2", "mid"],
    ["中期指标值", "value", "mid"],
    ["目标值", "value", null],
    ["指标目标值", "value", null],
    ["三级指标", "level3", null],
    ["指标名称", "level3", null],
    ["指标性质", "operator", null],
    ["数值", "value", null],
    ["运算符", "operator", null],
    ["计算符号", "operator", null],
    ["度量单位", "unit", null],
    ["计量单位", "unit", null],
    ["指标解释", "description", null],
    ["绩效指标描述", "description", null],
    ["指标值确定依据", "basis", null],
    ["评（扣）分标准", "scoring", null],
    ["权重", "weight", null],
    ["分值", "weight", null],
    ["指标方向性", "direction", null],
    ["实际完成值", "actual", null],
    ["全年实际值", "actual", "year"],
    ["得分", "score", null],
    ["偏差原因分析及改进措施", "deviation", null],
  ])("column %s → %s (%s)", (text, role, group) => {
    expect(classifyColumn(text)).toEqual({ role, group });
  });

  test("words that are no column header are not classified", () => {
    for (const t of ["产出指标", "数量指标", "年度目标", "项目名称", "≥95%", "单位名称"]) expect(classifyColumn(t)).toBeNull();
  });

  test.each([
    ["项目名称", "name"],
    ["项目名称：", "name"],
    ["主管部门及编码", "competentDepartment"],
    ["实施单位", "implementingUnit"],
    ["项目起止时间", "period"],
    ["资金总额", "total"],
    ["年度资金总额:", "total"],
    ["当年资金总额:", "total"],
    ["其中:当年财政拨款", "fiscal"],
    ["其中：本年财政拨款", "fiscal"],
    ["上年结转资金", "carriedOver"],
    ["当年其他资金", "other"],
    ["项目资金（万元）", "budgetBlock"],
    ["资金情况(万元)", "budgetBlock"],
    ["中期目标", "midGoal"],
    ["年度目标", "yearGoal"],
    ["年度总体目标", "yearGoal"],
    ["预算数", "total"],
    ["金额单位:元", "moneyUnit"],
  ])("field %s → %s", (text, field) => {
    expect(fieldOf(text)).toBe(field);
  });

  test("a labels file adds spellings; a wrong one says what is wrong in Chinese", () => {
    const extra = parseLabelsJson(JSON.stringify({ fields: { name: ["工程名称"] }, columns: { value: ["预期成效值"] } }), "my.json");
    const table = extendSynonyms(DEFAULT_SYNONYMS, extra);
    expect(fieldOf("工程名称")).toBeNull();
    expect(fieldOf("工程名称", table)).toBe("name");
    expect(classifyColumn("预期成效值", table)).toEqual({ role: "value", group: null });
    expect(() => parseLabelsJson("{", "bad.json")).toThrow(/标签文件“bad.json”不是有效的 JSON/);
    expect(() => parseLabelsJson(JSON.stringify({ fields: { projectName: ["x"] } }), "k.json")).toThrow(/“fields.projectName”不是已知栏目/);
    expect(() => parseLabelsJson(JSON.stringify({ columns: { value: "x" } }), "k.json")).toThrow(LabelsFileError);
    expect(() => parseLabelsJson(JSON.stringify({ rows: {} }), "k.json")).toThrow(/顶层只能有/);
  });

  test("not-applicable marks", () => {
    for (const t of ["/", "／", "—", "——", "-", "无", "不适用"]) expect(isNotApplicable(t)).toBe(true);
    for (const t of ["0", "无事故", "≥95%"]) expect(isNotApplicable(t)).toBe(false);
  });
});

describe("indicator blocks on public forms", () => {
  test("Wuhan 2020: paired (长期)/(年度) groups — the 年度 group is read, 一级 repeated on every row", async () => {
    const { sheet } = await sheetOf("01-武汉青山-教育局-2020.xlsx");
    const { headers, blocks } = readAll(sheet);
    expect(headers).toHaveLength(1);
    expect(headers[0].cols).toMatchObject({ level1: 0, level2: 4, level3: 5, value: 6 });
    expect(headers[0].mid).toMatchObject({ level1: 0, level2: 1, level3: 2, value: 3 });
    const rows = blocks[0].rows.map((r) => [r.indicator.level1, r.indicator.level2, r.indicator.name, r.indicator.target.raw]);
    expect(rows).toHaveLength(7);
    expect(rows[1]).toEqual(["产出指标", "质量指标", "重点建设工程验收合格率", "100%"]);
    expect(rows[6]).toEqual(["满意度指标", "服务对象满意度指标", "学生、家长、社会满意度", "≥90%"]);
    // The 长期 columns hold only 二级 labels here: no 中期 indicator without a name or value.
    expect(blocks[0].rows.every((r) => r.mid === null)).toBe(true);
  });

  test("Sichuan flat export: operator | value | unit columns, project columns left of the block, 一级 in any order", async () => {
    const { sheet } = await sheetOf("03-四川井研马踏镇-部门项目-2023.xlsx");
    const { headers, blocks } = readAll(sheet);
    expect(headers[0].fieldCols).toMatchObject({ budgetUnit: 0, name: 1, total: 2, yearGoal: 3 });
    const rows = blocks[0].rows;
    expect(rows).toHaveLength(13);
    expect(rows[0].indicator).toMatchObject({ level1: "效益指标", level2: "社会效益指标", name: "维护社会稳定", targetParts: { symbol: "≥", value: "95", unit: "%" } });
    expect(rows[0].indicator.target).toMatchObject({ operator: "≥", value: 95, unit: "%" });
    expect(rows[0].extra.weight?.text).toBe("10");
    expect(rows[0].extra.direction?.text).toBe("正向指标");
    expect(rows[12].indicator.target).toMatchObject({ operator: "=", value: 11 });
  });

  test("Anhui 自评表: 一级 with points, merged 一级/二级, placeholder rows skipped, actual/score columns kept", async () => {
    const { sheet } = await sheetOf("05-安徽池州棠溪镇-自评表-2022.xlsx");
    const { blocks } = readAll(sheet);
    const b = blocks[0];
    expect(b.rows).toHaveLength(9);
    expect(b.placeholders).toHaveLength(2);
    expect(b.rows[0].indicator).toMatchObject({ level1: "产出指标", level1Raw: "产出指标(50分)", level2: "数量指标" });
    expect(b.rows[2].indicator).toMatchObject({ level2: "质量指标", name: "经费支出合规性" });
    expect(b.rows[0].extra.actual?.text).toBe("50");
    expect(b.rows[0].extra.score?.text).toBe("8");
  });

  test("Chongqing 2021 framework: 成本指标 as 一级 with a point range, empty 二级 rows are placeholders", async () => {
    const { sheet } = await sheetOf("24-重庆奉节-审批表-2023.xlsx");
    const { blocks } = readAll(sheet);
    expect(blocks[0].rows.map((r) => [r.indicator.level1, r.indicator.level2, r.indicator.name])).toEqual([["成本指标", "经济成本指标", "项目建设成本"]]);
    expect(blocks[0].placeholders).toHaveLength(2);
  });

  test("no 一级 column: 一级 inferred from 二级 under the framework; section rows and N/A values", () => {
    const s = emptySheet("表");
    const rows = [
      ["二级指标", "三级指标", "指标值", "计量单位"],
      ["数量指标", "培训人次", "≥200", "人次"],
      ["成本指标", "人均成本", "≤500", "元"],
      ["", "……", "", ""],
      ["社会效益指标", "群众知晓率", "/", ""],
      ["服务对象满意度指标", "满意度", "≥90", "%"],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => v && setValue(s, r, c, v)));
    const { blocks } = readAll(s);
    const got = blocks[0].rows.map((r) => [r.indicator.level1, r.indicator.level2, r.indicator.name, r.indicator.target.kind, r.level1Inferred]);
    expect(got).toEqual([
      ["产出指标", "数量指标", "培训人次", "number", true],
      ["产出指标", "成本指标", "人均成本", "money", true],
      ["效益指标", "社会效益指标", "群众知晓率", "empty", true],
      ["满意度指标", "服务对象满意度指标", "满意度", "percent", true],
    ]);
    expect(blocks[0].placeholders).toEqual([3]);
  });

  test("sign-off rows under the table end the block (填报人, 单位负责人, 审核意见（盖章）)", () => {
    const s = emptySheet("表");
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "装备数量", "10台"],
      ["财政部门审核意见", "", "（盖章）", ""],
      ["填报人：", "", "单位负责人：", "联系电话："],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => v && setValue(s, r, c, v)));
    const { blocks } = readAll(s);
    expect(blocks[0].rows.map((r) => r.indicator.name)).toEqual(["装备数量"]);
    expect(blocks[0].placeholders).toEqual([]);
    expect(blocks[0].lastRow).toBe(1);
  });

  test("the next table's unit line and title end the block (no phantom row)", () => {
    const s = emptySheet("表");
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "装备数量", "10台"],
      ["312002 乐亭县公安局", "", "", ""],
      ["单位：万元", "", "", ""],
      ["2.某项目绩效目标表", "", "", ""],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => v && setValue(s, r, c, v)));
    const { blocks } = readAll(s);
    expect(blocks[0].rows).toHaveLength(1);
    expect(blocks[0].lastRow).toBe(1);
  });
});

describe("PDF-converted blocks", () => {
  test("a 一级 wrapped over two rows (“产出指” + “标”) is one label; a quantity value is no unit line", () => {
    const s = emptySheet("表");
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指", "数量指标", "热熔标线", "20000平方米"],
      ["标", "", "违停抓拍", "13处"],
      ["", "质量指标", "设备检测运行合格率", "100%"],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => v && setValue(s, r, c, v)));
    const { blocks } = readAll(s);
    expect(blocks[0].rows.map((r) => [r.indicator.level1, r.indicator.level2, r.indicator.name, r.indicator.target.raw])).toEqual([
      ["产出指标", "数量指标", "热熔标线", "20000平方米"],
      ["产出指标", "数量指标", "违停抓拍", "13处"],
      ["产出指标", "质量指标", "设备检测运行合格率", "100%"],
    ]);
  });
});
