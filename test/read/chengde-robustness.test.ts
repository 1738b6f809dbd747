/**
 * 承德 and Ningxia readers on hand-built grids: odd tables give ReadProblems naming the sheet and the
 * cell, never an exception; label variants are tolerated; random damage never makes a reader throw
 * or emit a project the schema rejects.
 */
import fc from "fast-check";
import { emptySheet, setValue, parseA1, type CellValue, type Grid, type GridSheet } from "../../src/model/grid";
import { Project } from "../../src/model/schema";
import { chengdeReader } from "../../src/model/read/chengde";
import { ningxiaReader } from "../../src/model/read/ningxia";
import { readWorkbook } from "../../src/model/read";
import { joinWrappedLabel, formattedText } from "../../src/model/read/labels";
import { normalizeLevel1, normalizeLevel2 } from "../../src/model/taxonomy";

type Row = CellValue[];

function sheetOf(name: string, rows: Row[], merges: string[] = [], formats: Record<string, string> = {}): GridSheet {
  const s = emptySheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && setValue(s, r, c, v)));
  s.merges = merges.map((m) => {
    const [a, b] = m.split(":").map((x) => parseA1(x)!);
    return { r1: a.r, c1: a.c, r2: b.r, c2: b.c };
  });
  for (const [ref, fmt] of Object.entries(formats)) {
    const p = parseA1(ref)!;
    s.formats ??= [];
    while (s.formats.length <= p.r) s.formats.push([]);
    s.formats[p.r][p.c] = fmt;
  }
  return s;
}
const gridOf = (...sheets: GridSheet[]): Grid => ({ sheets, names: [] });

/** A small 承德 table (8 columns), as in seed 002. */
function chengdeRows(over: Partial<Record<string, CellValue>> = {}): Row[] {
  const v = (k: string, d: CellValue) => (k in over ? over[k]! : d);
  return [
    ["1.测试专项经费预算项目绩效信息表"],
    ["118002承德市高新区公安分局", null, null, null, null, null, null, "单位：万元"],
    ["项目编码", v("code", "13081122P00776010001G"), null, "项目名称", v("name", "测试项目")],
    ["资金用途", "预算数", v("total", 10), "其中：财政资金", v("fiscal", 10), "其他资金", v("other", "\u3000")],
    [null, "用于测试"],
    [v("planLabel", "资金支出计划（累计进度%）") as CellValue, "3月底", null, "6月底", null, "10月底", "12月底"],
    [null, v("mar", 0), null, v("jun", 50), null, v("oct", 75), v("dec", 100)],
    ["绩效目标", "目标1", "目标一"],
    [null, "目标2", "目标二"],
    [v("h1", "一级指标") as CellValue, "二级指标", "三级指标", "绩效指标描述", "指标值", null, null, "指标值确定依据"],
    [null, null, null, null, "符号", "值", "单位（文字描述）"],
    ["产出指标", "数量指标", "甲", "甲描述", "≥", 3, "个", "依据"],
    [null, "成本指标", "乙", "乙描述", "≤", 10, "万", "依据"],
    [null, null, null, null, "\u3000", "\u3000", "\u3000", "\u3000"],
    ["效果指标", "社会效益指标", "丙", "丙描述", "文字描述", " ", "有效提升", "依据"],
    ["满意度指标", "服务对象满意度指标", "丁", "丁描述", "≥", 90, "%", "依据"],
  ];
}
const CHENGDE_MERGES = ["A1:H1", "A4:A5", "G4:H4", "B5:H5", "A6:A7", "B6:C6", "D6:E6", "B7:C7", "D7:E7", "A8:A9", "A10:A11", "E10:G10", "A12:A13"];

function nxRows(over: Partial<Record<string, CellValue>> = {}): Row[] {
  const v = (k: string, d: CellValue) => (k in over ? over[k]! : d);
  return [
    ["部门项目支出预算绩效目标表"],
    ["(2024 年度)"],
    ["项目名称", v("name", "测试项目")],
    ["主管部门及代码", v("dept", "平罗县公安局 019001"), "实施单位", "平罗县公安局"],
    ["项目属性", v("attr", "0101-一年期项目"), "项目期", "1 年"],
    ["项目资金 (万元)", v("totalLabel", "年度资金总额:") as CellValue, v("total", "50 万元")],
    [null, "其中: 财政拨款", v("fiscal", "50 万元")],
    [null, "其他资金"],
    ["年度总体目标", v("goals", "目标 1: 甲 目标 2: 乙")],
    ["名称", v("h1", "一级指标") as CellValue, "二级指标", "三级指标", "指标值"],
    ["绩效指标", "产出指标", "数量指标", "甲", "3个"],
    [null, null, null, "乙", "≥95%"],
    [null, "效益指标", "社会效益指标", "丙", "有效提升"],
    [null, "满意度指标", "服务对象满意度指标", "丁", "≥90%"],
  ];
}

describe("承德 reader on hand-built tables", () => {
  test("reads a plain table; U+3000 rows are blank, the 一级 merge carries down", () => {
    const s = sheetOf("表1", chengdeRows(), CHENGDE_MERGES);
    expect(chengdeReader.detect(s, gridOf(s))).toBe(true);
    const res = chengdeReader.read(s, gridOf(s));
    expect(res.problems).toEqual([]);
    const p = Project.parse(res.projects[0]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "甲"],
      ["产出指标", "成本指标", "乙"],
      ["效益指标", "社会效益指标", "丙"],
      ["满意度指标", "服务对象满意度指标", "丁"],
    ]);
    expect(p.indicators[2]).toMatchObject({ level1Raw: "效果指标", targetParts: { symbol: "文字描述", value: "", unit: "有效提升" } });
    expect(p.indicators[1].target).toMatchObject({ operator: "≤", value: 10, unit: "万元" });
    expect(p.budget).toEqual({ total: 10, fiscal: 10, other: 0, raw: { total: null, fiscal: null, other: "\u3000" } });
    expect(p.source.cells).toMatchObject({ "budget.total": "C4", purpose: "B5", "spendPlan.jun": "D7", "goals.1": "C9" });
  });

  test("bad amount and plan text → warnings naming sheet and cell, values null", () => {
    const s = sheetOf("表1", chengdeRows({ total: "八十万", jun: "过半" }), CHENGDE_MERGES);
    const res = chengdeReader.read(s, gridOf(s));
    expect(res.projects[0].budget.total).toBeNull();
    expect(res.projects[0].budget.raw.total).toBe("八十万");
    expect(res.projects[0].spendPlan!.jun).toBeNull();
    expect(res.problems.map((p) => [p.severity, p.sheet, p.cell])).toEqual([
      ["warning", "表1", "C4"],
      ["warning", "表1", "D7"],
    ]);
    for (const p of res.problems) expect(p.message).toMatch(/^工作表“表1”[A-Z]+\d+ 单元格：/);
  });

  test("no indicator header → an error naming the table, the rest of the project still read", () => {
    const s = sheetOf("表1", chengdeRows({ h1: "指标" }), CHENGDE_MERGES);
    // detect needs the header labels; read is still safe when called directly.
    const res = chengdeReader.read(s, gridOf(s));
    expect(res.projects[0]).toMatchObject({ name: "测试项目", indicators: [] });
    expect(res.problems).toEqual([expect.objectContaining({ severity: "error", sheet: "表1", cell: "A3" })]);
  });

  test("a percent-formatted plan and a number typed with decimals keep what Excel shows in raw", () => {
    const s = sheetOf("表1", chengdeRows({ mar: 0.25, dec: 100 }), CHENGDE_MERGES, { B7: "0%", G7: "0.00", F12: "0.00" });
    const p = chengdeReader.read(s, gridOf(s)).projects[0];
    expect(p.spendPlan).toMatchObject({ mar: 25, dec: 100, raw: { mar: "25%", dec: "100.00" } });
    expect(p.indicators[0].targetParts!.value).toBe("3.00");
    expect(formattedText(s, 6, 6)).toBe("100.00");
  });

  test("a plan typed as fractions without a % format is scaled (as in the Hebei reader), with an info", () => {
    const s = sheetOf("表1", chengdeRows({ mar: 0.25, jun: 0.5, oct: "0.75", dec: 1 }), CHENGDE_MERGES);
    const res = chengdeReader.read(s, gridOf(s));
    expect(res.projects[0].spendPlan).toMatchObject({ mar: 25, jun: 50, oct: 75, dec: 100, raw: { mar: "0.25", oct: "0.75" } });
    expect(res.problems).toEqual([expect.objectContaining({ severity: "info", cell: "A6" })]);
    // One point over 1 (002-P2 “0.00/0.00/0.00/10.00”) means the numbers are percent points already.
    const s2 = sheetOf("表1", chengdeRows({ mar: 0, jun: 0, oct: 0, dec: 10 }), CHENGDE_MERGES);
    expect(chengdeReader.read(s2, gridOf(s2)).projects[0].spendPlan).toMatchObject({ mar: 0, dec: 10 });
  });

  test("a one-row header with 符号 | 值 | 单位 beside the other labels", () => {
    const rows = chengdeRows();
    rows.splice(9, 2, ["一级指标", "二级指标", "三级指标", "绩效指标描述", "符号", "值", "单位", "指标值确定依据"]);
    const s = sheetOf("表1", rows);
    const res = chengdeReader.read(s, gridOf(s));
    expect(res.problems).toEqual([]);
    expect(res.projects[0].indicators.map((i) => i.target.raw)).toEqual(["≥ 3 个", "≤ 10 万", "文字描述 有效提升", "≥ 90 %"]);
  });

  test("two tables stacked with no blank row between them are two projects", () => {
    const rows = [...chengdeRows(), ...chengdeRows({ name: "第二个", code: "13081122P00776010002G" })];
    const s = sheetOf("汇总", rows);
    const res = readWorkbook(gridOf(s));
    expect(res.document.projects.map((p) => [p.name, p.indicators.length, p.source.range])).toEqual([
      ["测试项目", 4, "A1:H16"],
      ["第二个", 4, "A17:H32"],
    ]);
  });

  test("the Ningxia form is not mistaken for 承德 and vice versa", () => {
    const cd = sheetOf("承德", chengdeRows(), CHENGDE_MERGES);
    const nx = sheetOf("宁夏", nxRows());
    expect([chengdeReader.detect(nx, gridOf(nx)), ningxiaReader.detect(cd, gridOf(cd))]).toEqual([false, false]);
    const doc = readWorkbook(gridOf(cd, nx)).document;
    expect(doc.projects.map((p) => p.layout)).toEqual(["chengde", "ningxia"]);
  });
});

describe("Ningxia reader on hand-built tables", () => {
  test("full-width colons, the code before the name, one goal per 目标 marker", () => {
    const s = sheetOf("表", nxRows({ totalLabel: "年度资金总额：", dept: "019001 平罗县公安局", attr: "0102—延续性项目" }));
    const res = ningxiaReader.read(s, gridOf(s));
    expect(res.problems).toEqual([]);
    const p = Project.parse(res.projects[0]);
    expect(p).toMatchObject({
      competentDepartment: { code: "019001", name: "平罗县公安局" },
      attribute: { code: "0102", name: "延续性项目" },
      budget: { total: 50, fiscal: 50, other: 0 },
      goals: ["甲", "乙"],
    });
    expect(p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.target.raw}`)).toEqual([
      "产出指标/数量指标/甲/3个",
      "产出指标/数量指标/乙/≥95%",
      "效益指标/社会效益指标/丙/有效提升",
      "满意度指标/服务对象满意度指标/丁/≥90%",
    ]);
    expect(res.fiscalYear).toBe(2024);
  });

  test("an amount that is not money → warning with the cell; no header → error with the cell", () => {
    const s = sheetOf("表", nxRows({ total: "五十万元左右", h1: "指标" }));
    const g = gridOf(s);
    const res = ningxiaReader.read(s, g);
    expect(res.projects[0].budget.total).toBeNull();
    expect(res.problems.map((p) => [p.severity, p.cell])).toEqual([
      ["warning", "C6"],
      ["error", "A3"],
    ]);
    expect(res.projects[0]).toMatchObject({ name: "测试项目", indicators: [] });
  });

  test("a short unlabelled fragment under a row ending mid-sentence continues its 三级; a real row does not", () => {
    const rows = nxRows();
    rows.splice(11, 0, [null, null, null, "设备等", null]);
    const s = sheetOf("表", rows);
    const res = ningxiaReader.read(s, gridOf(s));
    expect(res.projects[0].indicators.map((i) => i.name)).toEqual(["甲设备等", "乙", "丙", "丁"]);
    expect(res.problems).toEqual([expect.objectContaining({ severity: "warning", cell: "D12" })]);
    // A fragment after a sentence that ends with “。” is a row of its own (its empty value is the rules' business).
    const rows2 = nxRows();
    rows2[10][3] = "甲。";
    rows2.splice(11, 0, [null, null, null, "戊", null]);
    const s2 = sheetOf("表", rows2);
    expect(ningxiaReader.read(s2, gridOf(s2)).projects[0].indicators.map((i) => i.name)).toEqual(["甲。", "戊", "乙", "丙", "丁"]);
  });
});

describe("joinWrappedLabel", () => {
  const col = (cells: (string | null)[]) => sheetOf("s", cells.map((v) => [v]));
  test("joins “产出指”+“标” and “数量指标（必填硬性指”+“标)” across a blank row", () => {
    expect(joinWrappedLabel(col(["产出指", null, "标"]), 0, 0, 9, normalizeLevel1)).toEqual({ text: "产出指标", contRef: "A3" });
    expect(joinWrappedLabel(col(["数量指标（必填硬性指", "标)"]), 0, 0, 9, normalizeLevel2)).toEqual({ text: "数量指标（必填硬性指标)", contRef: "A2" });
  });
  test("never swallows the next group's label or a long text", () => {
    expect(joinWrappedLabel(col(["产出指标", "标"]), 0, 0, 9, normalizeLevel1)).toEqual({ text: "产出指标", contRef: null });
    expect(joinWrappedLabel(col(["绩效", "产出指标"]), 0, 0, 9, normalizeLevel1)).toEqual({ text: "绩效", contRef: null });
    expect(joinWrappedLabel(col(["产出指", "标（必填硬性指标）"]), 0, 0, 9, normalizeLevel1)).toEqual({ text: "产出指", contRef: null });
  });
});

describe("random damage never makes a reader throw", () => {
  const base = { cd: chengdeRows(), nx: nxRows() };
  const junk: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.constantFrom("", "\u3000", "一级指标", "符号", "值", "项目编码", "项目名称", "年度资金总额:", "目标1", "产出指", "标", "≥", "文字描述", "3月底", "名称"),
    fc.string({ maxLength: 6 }),
    fc.double({ noNaN: false }),
    fc.constant({ error: "#REF!" }),
    fc.constant({ date: "2024-12-31" }),
  );
  test.each(["cd", "nx"] as const)("%s table with random cells overwritten", (which) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(9), junk), { maxLength: 25 }), fc.boolean(), (edits, merged) => {
        const rows = base[which].map((r) => [...r]);
        for (const [r, c, v] of edits) {
          while (rows.length <= r) rows.push([]);
          rows[r][c] = v;
        }
        const s = sheetOf("随机", rows, merged && which === "cd" ? CHENGDE_MERGES : []);
        const g = gridOf(s);
        for (const reader of [chengdeReader, ningxiaReader]) {
          reader.detect(s, g);
          const res = reader.read(s, g);
          for (const p of res.projects) Project.parse(p);
          for (const pr of res.problems) expect(pr.sheet).toBe("随机");
        }
        readWorkbook(g);
      }),
      { numRuns: 150, seed: 20240101 },
    );
  });
});
