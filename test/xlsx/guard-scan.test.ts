/**
 * The guard's pre-scan reads a merge's `ref` and a column's `max` straight from the bytes. Excel's own
 * spelling takes a fast path; every other spelling XML allows must count the same area.
 */
import { scanXml } from "../../src/xlsx/guard";

const enc = new TextEncoder();
function mergedArea(tag: string): number {
  return scanXml(enc.encode(`<worksheet><mergeCells>${tag}</mergeCells></worksheet>`)).mergedArea;
}

describe("scanXml counts merged areas whatever the attribute spelling", () => {
  test.each([
    ['<mergeCell ref="A1:B2"/>', 4],
    ["<mergeCell ref='B2:D9'/>", 24],
    ['<mergeCell ref = "A1:A3"/>', 3],
    ['<mergeCell  ref="A1:A3"/>', 3],
    ['<mergeCell\tref="A1:A5"/>', 5],
    ['<x:mergeCell ref="A1:C3"/>', 9],
    ['<mergeCell xref="A1:Z99" ref="A1:B2"/>', 4],
    ['<mergeCell refx="A1:Z99" ref="A1:B2"/>', 4],
    ['<mergeCell ref="A1:B2\'/>', 4],
    ['<mergeCell ref="$XFD$00000001048576"/>', 1],
    ['<mergeCell ref=""/>', 0],
    ['<mergeCell ref="A1:B2/>', 0],
    ['<mergeCell/>', 0],
  ])("%s → %d cells", (tag, cells) => {
    expect(mergedArea(tag)).toBe(cells);
  });

  test("an unreadable ref counts as huge, so it cannot slip under maxCells", () => {
    expect(mergedArea('<mergeCell ref="junk"/>')).toBe(Number.MAX_SAFE_INTEGER / 4);
    expect(mergedArea('<mergeCell ref="A1:XFE2"/>')).toBe(Number.MAX_SAFE_INTEGER / 4);
  });

  test("every merge of a sheet adds up", () => {
    expect(mergedArea('<mergeCell ref="A1:B2"/><mergeCell ref=\'C1:C9\'/><mergeCell ref = "D1:E1"/>')).toBe(4 + 9 + 2);
  });

  test("a column's max is read after other attributes", () => {
    expect(scanXml(enc.encode('<worksheet><cols><col min="1" max="20000" width="9"/></cols></worksheet>')).maxCol).toBe(20000);
    expect(scanXml(enc.encode('<worksheet><cols><col max="3"/><col min="4" max = \'7\'/></cols></worksheet>')).maxCol).toBe(7);
  });
});
