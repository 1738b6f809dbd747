import { a1, colName, parseA1, quoteSheet, sheetRef } from "../../src/model/grid";

describe("A1 helpers", () => {
  it("converts both ways, including wide columns", () => {
    expect(colName(0)).toBe("A");
    expect(colName(25)).toBe("Z");
    expect(colName(26)).toBe("AA");
    expect(colName(16383)).toBe("XFD");
    expect(a1(2, 1)).toBe("B3");
    expect(parseA1("$XFD$1048576")).toEqual({ r: 1048575, c: 16383 });
    expect(parseA1("B3:C4")).toBeNull();
  });
});

describe("sheet references as Excel shows them", () => {
  it.each([
    ["项目1", "B3", "项目1!B3"],
    ["汇总", null, "汇总"],
    ["1.安保指挥中心工作经费", "B9", "'1.安保指挥中心工作经费'!B9"], // starts with a digit, has a dot
    ["2.工作经费 sf", "E14", "'2.工作经费 sf'!E14"],
    ["附件2", "D286", "附件2!D286"],
    ["A1", "B2", "'A1'!B2"], // would read as a cell
    ["O'Brien", "A1", "'O''Brien'!A1"],
  ])("%s %s → %s", (sheet, cell, ref) => {
    expect(sheetRef(sheet, cell)).toBe(ref);
  });
  it("always quotes for formulas", () => {
    expect(quoteSheet("汇总")).toBe("'汇总'");
  });
});
