import fc from "fast-check";
import { a1, colName, parseA1, quoteSheet, sheetRef } from "../../src/model/grid";

/** The reference definition parseA1's scan stands in for. */
function parseA1ByRegex(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/i.exec(ref.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

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

  it("parseA1 reads exactly what the regex definition reads", () => {
    const fixed = ["A1", " b12 ", "$a$1", "xfd1048576", "ABCD1", "A$$1", "$", "", "A", "1", "A01", "A12345678", "Aa1", "ı1", "ſ1", "Ａ1", "A1:B2", "`1", "[1", "{1", "@1", "A1\u3000", "A١"];
    for (const ref of fixed) expect([ref, parseA1(ref)]).toEqual([ref, parseA1ByRegex(ref)]);
    const ch = fc.constantFrom(..."AaZz$019 :`@[{ıſＡ".split(""));
    fc.assert(fc.property(fc.array(ch, { maxLength: 12 }), (chars) => {
      const ref = chars.join("");
      expect(parseA1(ref)).toEqual(parseA1ByRegex(ref));
    }), { numRuns: 3000 });
  });

  it("colName gives the same letters from its cache", () => {
    for (const c of [0, 8, 25, 26, 701, 702, 1023, 1024, 16383]) expect([colName(c), colName(c)]).toEqual([a1(0, c).slice(0, -1), a1(0, c).slice(0, -1)]);
    expect([colName(0), colName(25), colName(26), colName(701), colName(702), colName(16383)]).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
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
