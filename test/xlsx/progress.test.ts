/**
 * The reader's optional progress callback (what the page shows as a percentage while its worker parses): called
 * after each worksheet with the inflated worksheet bytes parsed so far and in all; rising, ending at the total, and
 * the same Grid with or without it.
 */
import { renderTemplate } from "../../src/model/write";
import { writeTemplateBook } from "../../src/xlsx/write";
import { loadGrid } from "../../src/xlsx/read";
import { syntheticDocument } from "../helpers/synthetic";

describe("loadGrid onProgress", () => {
  test("rises after each sheet to the total; the Grid is the same as without it", async () => {
    const bytes = await writeTemplateBook(renderTemplate(syntheticDocument(12, 5)));
    const calls: [number, number][] = [];
    const grid = await loadGrid(bytes, { fileName: "p.xlsx", onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toHaveLength(grid.sheets.length); // 部门, 汇总, 12 projects, _lists
    const total = calls[0][1];
    expect(total).toBeGreaterThan(0);
    expect(calls.every(([, t]) => t === total)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
    expect(calls[calls.length - 1][0]).toBe(total);
    expect(JSON.stringify(await loadGrid(bytes, { fileName: "p.xlsx" }))).toBe(JSON.stringify(grid));
  });
});
