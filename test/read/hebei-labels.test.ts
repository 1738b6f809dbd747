/**
 * Shared label utilities (src/model/read/labels.ts) and the Hebei goal splitter, on the label and
 * cell spellings the seeds actually carry.
 */
import {
  columnMap,
  displayText,
  findLabel,
  labelKey,
  matchesLabel,
  parseMoneyUnitLine,
  parseTableTitle,
  parseUnitLine,
  splitTables,
  valueBelow,
  valueRightOf,
  findYearInText,
  rowCells,
  trimText,
} from "../../src/model/read/labels";
import { splitGoals, HEBEI_LABELS, hebeiReader } from "../../src/model/read/hebei";
import { emptySheet, setValue, type GridSheet, type CellValue } from "../../src/model/grid";

function sheet(rows: CellValue[][], merges: GridSheet["merges"] = []): GridSheet {
  const s = emptySheet("S");
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && setValue(s, r, c, v)));
  s.merges = merges;
  return s;
}

describe("labelKey / matchesLabel", () => {
  test.each([
    ["预算规模及 资金用途", HEBEI_LABELS.budgetBlock],
    ["其中：财政 资金", HEBEI_LABELS.fiscal],
    ["其中：财政    资金", HEBEI_LABELS.fiscal],
    ["其中:财政拨款", HEBEI_LABELS.fiscal],
    ["其他资 金", HEBEI_LABELS.other],
    ["资金支出计 划（%）", HEBEI_LABELS.plan],
    ["资金支出计划(%)", HEBEI_LABELS.plan],
    ["项目编码", HEBEI_LABELS.code],
    ["\u3000绩效目标 ", HEBEI_LABELS.goal],
  ])("%s", (text, pattern) => {
    expect(matchesLabel(text, pattern)).toBe(true);
  });

  test("wrapped and full-width forms share one key", () => {
    expect(labelKey("资金支出计 划（%）")).toBe(labelKey("资金支出计划(%)"));
    expect(labelKey("3 月底")).toBe(labelKey("3月底"));
    expect(labelKey("一 级 指 标")).toBe("一级指标");
    expect(labelKey("ＡＢ１２")).toBe("ab12");
  });

  test("near misses do not match", () => {
    expect(matchesLabel("总体绩效目标", HEBEI_LABELS.goal)).toBe(false);
    expect(matchesLabel("资金用途", HEBEI_LABELS.budgetBlock)).toBe(false);
    expect(matchesLabel("", HEBEI_LABELS.code)).toBe(false);
  });
});

describe("trimText", () => {
  it("removes outer whitespace as WPS and Excel users type it (full-width space, no-break space, BOM, tabs, line ends) and keeps inner text", () => {
    expect(trimText("\u3000\u3000项目名称\u00a0")).toBe("项目名称");
    expect(trimText("\ufeff 预算 执行率\t\r\n")).toBe("预算 执行率");
    expect(trimText("满意度\u3000≥\u300090%")).toBe("满意度\u3000≥\u300090%");
    expect(trimText("\u3000 \n")).toBe("");
    // Every character the former pattern /^[\s\u3000\u00a0\ufeff]+|…+$/ trimmed is trimmed, and no other.
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const trimmed = /[\s\u3000\u00a0\ufeff]/.test(ch);
      if (trimText(`${ch}x${ch}`) !== (trimmed ? "x" : `${ch}x${ch}`)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe("finding values next to labels", () => {
  // 项目编码 | (merged spacer) | code | 项目名称 | name ; a % formatted number ; a label below
  const s = sheet(
    [
      ["项目编码", null, "13032423P0044281013 9H", null, "项目名称", "安保经费"],
      ["预算数", "其中：财政资金", 5, null, null, null],
      [0.25, null, null, null, null, null],
    ],
    [{ r1: 0, c1: 0, r2: 0, c2: 1 }],
  );
  s.formats = [[], [], ["0%"]];
  const isLabel = (h: { text: string }) => /预算数|财政资金|项目/.test(h.text);

  test("right of a merged label, skipping spacers", () => {
    expect(valueRightOf(s, 0, 0)?.text).toBe("13032423P0044281013 9H");
    expect(valueRightOf(s, 0, 4)?.ref).toBe("F1");
  });

  test("stops at the next label, then the value below is found", () => {
    expect(valueRightOf(s, 1, 0, { stopAt: isLabel })).toBeNull();
    const below = valueBelow(s, 1, 0);
    expect(below?.ref).toBe("A3");
    expect(below?.text).toBe("25%");
    expect(displayText(s, 2, 0)).toBe("25%");
  });

  test("findLabel returns the cell with its reference", () => {
    expect(findLabel(s, /^项目名称$/)?.ref).toBe("E1");
    expect(findLabel(s, /^项目名称$/, { r1: 1 })).toBeNull();
  });

  test("columnMap maps wrapped month labels and a gap column", () => {
    const p = sheet([["资金支出计 划（%）", "3 月底", null, "6 月底", null, "10 月底", "12 月底"]]);
    const m = columnMap(p, 0, [
      { key: "mar", pattern: /^3月底$/ },
      { key: "jun", pattern: /^6月底$/ },
      { key: "oct", pattern: /^10月底$/ },
      { key: "dec", pattern: /^12月底$/, required: true },
    ]);
    expect(m?.cols).toEqual({ mar: 1, jun: 3, oct: 5, dec: 6 });
    expect(columnMap(sheet([["3月底", "6月底", "10月底"]]), 0, [{ key: "dec", pattern: /^12月底$/, required: true }])).toBeNull();
  });
});

describe("headings and unit lines", () => {
  test.each([
    ["1.安保指挥中心工作经费绩效目标表", 1, "安保指挥中心工作经费"],
    ["17. 执法办案管理中心改造绩效目标表", 17, "执法办案管理中心改造"],
    ["31.2023 电费 kss 绩效目标表", 31, "2023 电费 kss"],
    ["1.安保执勤**工作专项经费预算项目绩效信息表", 1, "安保执勤**工作专项经费"],
    ["安保经费绩效目标表", null, "安保经费"],
  ])("%s", (text, number, name) => {
    expect(parseTableTitle(text)).toEqual({ number, name });
  });

  test("not headings", () => {
    expect(parseTableTitle("一、总体绩效目标")).toBeNull();
    expect(parseTableTitle("312001 卢龙县公安局本级")).toBeNull();
  });

  test("unit lines with and without a space", () => {
    expect(parseUnitLine("312001 卢龙县公安局本级")).toEqual({ code: "312001", name: "卢龙县公安局本级" });
    expect(parseUnitLine("312002乐亭县公安局")).toEqual({ code: "312002", name: "乐亭县公安局" });
    expect(parseUnitLine("2023 年部门预算绩效文本")).toBeNull();
    expect(parseUnitLine("单位：万元")).toBeNull();
  });

  test("money unit lines, including the one split by a page wrap", () => {
    expect(parseMoneyUnitLine("单位：万元")).toBe("万元");
    expect(parseMoneyUnitLine("单位：万 元")).toBe("万元");
    expect(parseMoneyUnitLine("单位:元")).toBe("元");
    expect(parseMoneyUnitLine("项目名称")).toBeNull();
  });

  test("budget year in a cover line", () => {
    expect(findYearInText("2023 年部门预算绩效文本")).toBe(2023);
    expect(findYearInText("2024年度部门预算")).toBe(2024);
    expect(findYearInText("争取 2020 年底资金全部支出")).toBeNull();
  });
});

describe("splitTables", () => {
  test("stacked tables: each starts at its heading and ends before the next heading", () => {
    const s = sheet([
      ["预算项目绩效目标"], // 0: not a preamble line
      [null],
      ["1.甲绩效目标表"], // 2
      ["312002乐亭县公安局"],
      ["单位：万元"],
      ["项目编码", "X"], // 5
      ["一级指标", "二级指标"],
      [null],
      [null],
      ["2.乙绩效目标表"], // 9
      ["单位：万元"],
      [null],
      ["项目编码", "Y"], // 12
      ["a", "b"],
      [null],
    ]);
    const isPre = (sh: GridSheet, r: number) => {
      const c = rowCells(sh, r);
      return c.length === 1 && !!(parseTableTitle(c[0].text) || parseUnitLine(c[0].text) || parseMoneyUnitLine(c[0].text));
    };
    expect(splitTables(s, [12, 5], { isPreamble: isPre })).toEqual([
      { start: 2, anchor: 5, end: 6 },
      { start: 9, anchor: 12, end: 13 },
    ]);
  });
});

describe("splitGoals", () => {
  test.each<[string, string[]]>([
    ["1.目标内容 1 通过此项工作的开展", ["目标内容 1 通过此项工作的开展"]],
    ["1.保障需求 2.创造和谐的监所环境。", ["保障需求", "创造和谐的监所环境。"]],
    ["1.侦办刑事案件\n2.技侦手段使用\n3.刑事特情布建", ["侦办刑事案件", "技侦手段使用", "刑事特情布建"]],
    ["维护辖区交通安全形势持续稳定发展。", ["维护辖区交通安全形势持续稳定发展。"]],
    ["1.年需 1.5 万元，共 2 项 2.完成", ["年需 1.5 万元，共 2 项", "完成"]],
    ["1、甲；2、乙", ["甲；", "乙"]],
    ["第一行\n第二行", ["第一行", "第二行"]],
    ["  ", []],
  ])("%s", (text, items) => {
    expect(splitGoals(text)).toEqual(items);
  });
});

describe("hebeiReader.detect", () => {
  test("a Hebei table, a 承德 table and a prose sheet", () => {
    const hebei = sheet([["项目编码", "X"], ["预算规模及资金用途", "预算数", 1]]);
    const chengde = sheet([["项目编码", "X"], ["预算规模及资金用途", "预算数", 1], ["符号", "值", "单位（文字描述）"]]);
    const prose = sheet([["一、总体绩效目标"], ["维护稳定"]]);
    const redactedOnly = sheet([["18.专项业务经费绩效目标表"], ["此项目文件涉密"]]);
    expect(hebeiReader.detect(hebei, { sheets: [hebei], names: [] })).toBe(true);
    expect(hebeiReader.detect(chengde, { sheets: [chengde], names: [] })).toBe(false);
    expect(hebeiReader.detect(prose, { sheets: [prose], names: [] })).toBe(false);
    expect(hebeiReader.detect(redactedOnly, { sheets: [redactedOnly], names: [] })).toBe(true);
  });
});
