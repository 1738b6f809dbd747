/**
 * The header-driven reader on the variants real forms use, each laid out as the form is printed
 * (labels, merges and cell types as the clerk types them): 东莞's 批复表 with unannotated 中期 | 年度
 * column groups, the 2016 申报表 with a 长期绩效指标 block stacked over the 年度 one, a table with no
 * level columns (一级/二级 as section rows), money as text and in 元, not-applicable marks, a year from
 * the period, a newer Hebei form whose header says 年度指标值, tables stacked on one sheet.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { splitCodeName } from "../../src/model/read/generic";
import { getValue, parseA1, setValue, type Grid, type GridSheet } from "../../src/model/grid";

type Cell = string | number | null;

/** A sheet from rows of cells and merges written "A1:C1". */
function form(name: string, rows: Cell[][], merges: string[] = []): GridSheet {
  const s: GridSheet = { name, values: [], merges: [] };
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && setValue(s, r, c, v)));
  for (const m of merges) {
    const [a, b] = m.split(":").map((x) => parseA1(x)!);
    s.merges.push({ r1: a.r, c1: a.c, r2: b.r, c2: b.c });
  }
  return s;
}

const book = (...sheets: GridSheet[]): Grid => ({ sheets, names: [] });

const rowsOf = (g: Grid) =>
  readWorkbook(g).document.projects.map((p) => p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw]));

describe("code and name in one cell", () => {
  test.each([
    ["[015001]武汉市青山区教育局", "015001", "武汉市青山区教育局"],
    ["219001-池州市贵池区棠溪镇人民政府", "219001", "池州市贵池区棠溪镇人民政府"],
    ["51000021R000000019951-工资性支出", "51000021R000000019951", "工资性支出"],
    ["13022522P00CKTC10027L乐亭县办案经费", "13022522P00CKTC10027L", "乐亭县办案经费"],
    ["平罗县公安局 019001", "019001", "平罗县公安局"],
    ["县民宗委", null, "县民宗委"],
  ])("%s", (text, code, name) => {
    expect(splitCodeName(text)).toEqual({ code, name });
  });
});

describe("forms of other provinces", () => {
  test("东莞 批复表: 中期 | 年度 groups without words (the later group is 年度), 预期产出/效果 一级, 本年度 budget", () => {
    const s = form(
      "批复表",
      [
        ["东莞市财政项目支出绩效目标批复表"],
        ["(2019 年度)"],
        ["预算单位:东莞市交通运输局"],
        ["项目名称", "镇际联网路升级改造工程一期", "中期市财政预算(万元)", 284500, "本年度申请市财政预算资金(万元)", 919],
        ["总体目标", "中期滚动目标(2019年--2021年)", null, null, "年度目标"],
        [null, "新建或改造道路,共29个项目,规划里程169公里。", null, null, "完成3个项目补助尾款结算387万元。"],
        ["绩效指标", "一级 指标", "二级 指标", "三级 指标", "指标值(或计划水平)", "二级 指标", "三级 指标", "计划指标值(或计划水平)"],
        [null, "预期产出指标", "数量指标(或建筑规模指标)", "规划建设里程", "169公里", "数量指标(或建筑规模指标)", "镇街补助款完成结算项目数", "3"],
        [null, null, "质量指标", "竣工验收合格率", "100%", "质量指标", "补助款结算误差率", "±3%以内"],
        [null, null, "时效指标(工期指标)", "建设完成时间", "2021年底", "时效指标(工期指标、形象进度指标)", "结算款支付及时性", "及时"],
        [null, null, "预算(或投资规模)控制指标", "投资控制率", "≤100%", "预算(或投资规模)控制指标", "年度预算执行率", "≥90%"],
        [null, "效果指标", "可持续影响指标", "道路使用年限", "≥15年", "可持续影响指标", "实现建设总目标控制程度", "≥95%"],
      ],
      ["A1:H1", "A2:H2", "A5:A6", "B5:D5", "E5:H5", "B6:D6", "E6:H6", "A7:A12", "B8:B11"],
    );
    const { document } = readWorkbook(book(s));
    const p = document.projects[0];
    expect([p.name, p.budget.total, p.unit.name, document.fiscalYear]).toEqual(["镇际联网路升级改造工程一期", 919, "东莞市交通运输局", 2019]);
    expect(p.goals).toEqual(["完成3个项目补助尾款结算387万元。"]);
    expect(p.midTerm?.goals).toEqual(["新建或改造道路,共29个项目,规划里程169公里。"]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
      ["产出指标", "数量指标", "镇街补助款完成结算项目数", "3"],
      ["产出指标", "质量指标", "补助款结算误差率", "±3%以内"],
      ["产出指标", "时效指标", "结算款支付及时性", "及时"],
      ["产出指标", "成本指标", "年度预算执行率", "≥90%"],
      ["效益指标", "可持续影响指标", "实现建设总目标控制程度", "≥95%"],
    ]);
    expect(p.midTerm?.indicators.map((i) => [i.level2, i.name, i.target.raw])[0]).toEqual(["数量指标", "规划建设里程", "169公里"]);
  });

  test("2016 申报表: a 长期绩效指标 block stacked over the 年度绩效指标 block, 指标内容 as the name, 备注 column", () => {
    const header = [null, "一级指标", "二级指标", "指标内容", "指标值", "备注"];
    const s = form(
      "申报表",
      [
        ["佳县财政支出项目绩效目标申报表"],
        ["(2016年度)"],
        ["项目名称", "城区道路亮化工程", "项目属性", "延续项目"],
        ["主管部门", "佳县住建局", "主管部门编码", "612628"],
        ["项目资金申请(万元)", "资金总额:", "250万", "财政拨款:", "250万"],
        ["项目绩效目标", "长期目标", "完成城区主次干道亮化", "年度目标", "完成5条道路亮化"],
        ["长期绩效指标"],
        header,
        [null, "产出指标", "数量指标", "亮化道路条数", "≥20条"],
        [null, "效益指标", "社会效益指标", "夜间交通事故下降率", "≥10%"],
        ["年度绩效指标"],
        header,
        [null, "产出指标", "数量指标", "亮化道路条数", "5条"],
        [null, null, "质量指标", "路灯完好率", "≥95%"],
        [null, null, "成本指标", "每盏路灯成本", "≤3000元"],
        [null, "效益指标", "社会效益指标", "群众夜间出行便利度", "明显提高"],
        [null, "满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%"],
        ["填报人:", null, "单位负责人:"],
      ],
      ["A1:F1", "A2:F2", "B9:B9", "B13:B15"],
    );
    const { document } = readWorkbook(book(s));
    expect(document.projects).toHaveLength(1);
    const p = document.projects[0];
    expect([p.name, p.budget.total, p.budget.fiscal, p.competentDepartment, document.fiscalYear]).toEqual(["城区道路亮化工程", 250, 250, { code: "612628", name: "佳县住建局" }, 2016]);
    expect(p.goals).toEqual(["完成5条道路亮化"]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
      ["产出指标", "数量指标", "亮化道路条数", "5条"],
      ["产出指标", "质量指标", "路灯完好率", "≥95%"],
      ["产出指标", "成本指标", "每盏路灯成本", "≤3000元"],
      ["效益指标", "社会效益指标", "群众夜间出行便利度", "明显提高"],
      ["满意度指标", "服务对象满意度指标", "沿线居民满意度", "≥90%"],
    ]);
    expect(p.midTerm?.indicators.map((i) => [i.name, i.target.raw])).toEqual([
      ["亮化道路条数", "≥20条"],
      ["夜间交通事故下降率", "≥10%"],
    ]);
  });

  test("no level columns: 一级/二级 written as section rows above their indicators", () => {
    const s = form("表", [
      ["项目名称", "农村饮水安全巩固提升"],
      ["预算数(元)", 1250000],
      ["绩效指标名称", "指标值", "计量单位", "指标解释"],
      ["一、产出指标"],
      ["数量指标"],
      ["新建供水站", "3", "座", "年内建成"],
      ["时效指标"],
      ["完工时间", "2024年10月底前", null, null],
      ["二、效益指标"],
      ["社会效益指标"],
      ["受益人口", "≥5000", "人", null],
    ]);
    const { document } = readWorkbook(book(s));
    const p = document.projects[0];
    expect(p.budget.total).toBe(125);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
      ["产出指标", "数量指标", "新建供水站", "3 座"],
      ["产出指标", "时效指标", "完工时间", "2024年10月底前"],
      ["效益指标", "社会效益指标", "受益人口", "≥5000 人"],
    ]);
  });

  test("money in 元 under 金额单位：元, not-applicable marks, the year from the period, 一级 inferred from 二级", () => {
    const s = form("Sheet1", [
      ["项目绩效目标表", null, null, "金额单位：元"],
      ["项目名称", "[0301]妇幼健康服务补助", "实施单位", "某县妇幼保健院"],
      ["项目起止时间", "2023.07-2024.01", "资金总额", "1,250,000.00"],
      ["其中：财政资金", "/", "其他资金", "—"],
      ["年度目标", "1.开展孕产妇免费产检；2.儿童健康管理"],
      ["二级指标", "三级指标", "指标值", "指标值确定依据"],
      ["数量指标", "免费产检人次", "≥1200人次", "上年实际"],
      ["成本指标", "人均补助标准", "≤200元/人", "省定标准"],
      ["经济效益指标", "带动社会投入", "无", null],
      ["服务对象满意度指标", "孕产妇满意度", "≥90%", null],
    ]);
    const { document } = readWorkbook(book(s));
    const p = document.projects[0];
    expect([p.code, p.name, p.budget.total, p.budget.fiscal, p.budget.other, p.period]).toEqual(["0301", "妇幼健康服务补助", 125, null, null, "2023.07-2024.01"]);
    expect([document.fiscalYear, document.fiscalYearSource]).toEqual([2023, "period"]);
    expect(p.goals).toEqual(["开展孕产妇免费产检；", "儿童健康管理"]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.kind])).toEqual([
      ["产出指标", "数量指标", "免费产检人次", "number"],
      ["产出指标", "成本指标", "人均补助标准", "money"],
      ["效益指标", "经济效益指标", "带动社会投入", "empty"],
      ["满意度指标", "服务对象满意度指标", "孕产妇满意度", "percent"],
    ]);
  });

  test("a spend plan beside the header fields (资金支出计划 over 3月底 | 6月底 | 10月底 | 12月底), fractions as percent", () => {
    const s = form(
      "表",
      [
        ["项目名称", "校舍维修", "项目编码", "13032423P000123456789"],
        ["预算数", 80, "其中：财政资金", 80],
        ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
        [null, 0.3, 0.6, 0.9, 1],
        ["年度绩效目标", "完成3所学校维修"],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "维修学校数", "3所"],
      ],
      ["A3:A4"],
    );
    const p = readWorkbook(book(s)).document.projects[0];
    expect([p.code, p.budget.total, p.spendPlan?.mar, p.spendPlan?.jun, p.spendPlan?.oct, p.spendPlan?.dec]).toEqual(["13032423P000123456789", 80, 30, 60, 90, 100]);
    expect(p.source.cells["spendPlan.dec"]).toBe("E4");
  });

  test("two forms stacked on one sheet: each table keeps its own rows, the second title and labels end the first", () => {
    const one = (name: string, n: string): Cell[][] => [
      [`${n}.${name}绩效目标表`],
      ["项目名称", name, "主管部门", "某县农业农村局"],
      ["资金总额", "50万元", "年度目标", `${name}按期完成`],
      ["一级指标", "二级指标", "三级指标", "目标值"],
      ["产出指标", "数量指标", `${name}数量`, "10个"],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
      [],
    ];
    const s = form("表", [...one("甲项目", "1"), ...one("乙项目", "2")]);
    expect(rowsOf(book(s))).toEqual([
      [
        ["产出指标", "数量指标", "甲项目数量", "10个"],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
      ],
      [
        ["产出指标", "数量指标", "乙项目数量", "10个"],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
      ],
    ]);
    expect(readWorkbook(book(s)).document.projects.map((p) => [p.seq, p.name, p.budget.total])).toEqual([
      [1, "甲项目", 50],
      [2, "乙项目", 50],
    ]);
  });

  test("a newer Hebei form whose header says 年度指标值 keeps every indicator (seed 000 re-labelled)", async () => {
    const bytes = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "seed-000.xlsx"));
    const original = readWorkbook(await loadGrid(bytes)).document;
    const grid = await loadGrid(bytes);
    let renamed = 0;
    for (const s of grid.sheets) {
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (typeof v === "string" && v.trim() === "指标值") {
            setValue(s, r, c, "年度指标值");
            renamed++;
          }
        }),
      );
    }
    expect(renamed).toBeGreaterThan(20);
    const { document } = readWorkbook(grid);
    const shape = (d: typeof document) => d.projects.map((p) => [p.name, p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])]);
    expect(shape(document)).toEqual(shape(original));
    expect(getValue(grid.sheets[1], 0, 0)).not.toBeNull();
  });
});
