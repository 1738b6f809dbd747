/**
 * The pane's UI-free logic over a real seed workbook through the MemoryPort (the standalone page's port).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { MemoryPort } from "../../src/taskpane/excel/memoryPort";
import { cellLabel, exportFileName, filterFindings, groupFindings, ruleCounts, runValidation, summaryText } from "../../src/taskpane/logic";
import { renderEmptyTemplate } from "../../src/model/write/index";

async function seedPort(file: string): Promise<MemoryPort> {
  return new MemoryPort(await loadGrid(readFileSync(join(__dirname, "../../examples", file)), { fileName: file }));
}

describe("runValidation over MemoryPort", () => {
  test("same report as readWorkbook + validate on the grid; profile choice is applied", async () => {
    const port = await seedPort("seed-001.xlsx");
    const grid = await port.readWorkbook();
    const direct = validate(readWorkbook(grid).document);
    const run = await runValidation(port, undefined);
    expect(run.report).toEqual(direct);
    expect(run.sheetCount).toBe(grid.sheets.length);
    const ningxia = await runValidation(port, "ningxia");
    expect(ningxia.profile).toBe("ningxia");
    expect(ningxia.report).toEqual(validate(readWorkbook(grid, { profile: "ningxia" }).document, { profile: "ningxia" }));
  });

  test("readWorkbook hands out copies: the UI cannot mutate the workbook", async () => {
    const port = await seedPort("seed-004.xlsx");
    const a = await port.readWorkbook();
    a.sheets[0].values[0] = ["changed"];
    const b = await port.readWorkbook();
    expect(b.sheets[0].values[0]).not.toEqual(["changed"]);
  });
});

describe("grouping, filters and the e-mail summary", () => {
  test("groups follow the projects; counts add up; filters by severity and rule", async () => {
    const run = await runValidation(await seedPort("seed-002.xlsx"), undefined);
    const all = run.report.findings;
    expect(all.length).toBeGreaterThan(0);
    const groups = groupFindings(all);
    expect(groups.reduce((a, g) => a + g.findings.length, 0)).toBe(all.length);
    for (const g of groups) {
      expect(new Set(g.findings.map((f) => f.projectSeq)).size).toBe(1);
      expect(g.counts.error + g.counts.warning + g.counts.info).toBe(g.findings.length);
    }
    const errorsOnly = filterFindings(all, { severities: new Set(["error"]), ruleId: "" });
    expect(errorsOnly.length).toBe(run.report.summary.error);
    const [first] = ruleCounts(all);
    expect(filterFindings(all, { severities: new Set(["error", "warning", "info"]), ruleId: first.ruleId }).length).toBe(first.count);
  });

  test("summary text: counts, then the cells to fix (errors first), no info lines", async () => {
    const run = await runValidation(await seedPort("seed-002.xlsx"), undefined);
    const text = summaryText(run, 5);
    const s = run.report.summary;
    expect(text).toContain(`错误 ${s.error} 条，警告 ${s.warning} 条，提示 ${s.info} 条`);
    const lines = text.trim().split("\n");
    const listed = lines.filter((l) => /^\d+\. \[/.test(l));
    expect(listed.length).toBe(Math.min(5, s.error + s.warning));
    if (s.error > 0) expect(listed[0]).toMatch(/^1\. \[错误\] /);
    expect(listed.some((l) => l.includes("[提示]"))).toBe(false);
    const firstError = run.report.findings.find((f) => f.severity === "error");
    if (firstError) expect(listed[0]).toContain(cellLabel(firstError.sheet, firstError.cell));
    if (s.error + s.warning > 5) expect(lines[lines.length - 1]).toMatch(/另有 \d+ 条/);
  });

  test("file names drop characters file systems refuse", () => {
    const doc = readWorkbook({ sheets: [], names: [] }).document;
    doc.department.name = 'a/b:c*"d"';
    doc.fiscalYear = 2024;
    expect(exportFileName(doc, "json")).toBe("a_b_c__d_2024年绩效目标.json");
  });
});

describe("MemoryPort", () => {
  test("selectCell checks the sheet and the address, and tells listeners", async () => {
    const port = await seedPort("seed-004-merged.xlsx");
    const seen: string[] = [];
    port.onSelect((s) => seen.push(`${s.sheet}!${s.cell}`));
    await port.selectCell("表2", "B3");
    await expect(port.selectCell("没有这个表", "A1")).rejects.toThrow(/找不到工作表/);
    await expect(port.selectCell("表2", "第三行")).rejects.toThrow(/无效/);
    expect(seen).toEqual(["表2!B3"]);
    expect(port.selections).toEqual([{ sheet: "表2", cell: "B3" }]);
  });

  test("insertSheets appends under free names and keeps existing sheets byte-identical", async () => {
    const port = await seedPort("seed-004-merged.xlsx");
    const before = JSON.stringify(port.current.sheets);
    const book = renderEmptyTemplate(1, "hebei");
    const first = await port.insertSheets(book);
    const second = await port.insertSheets(book);
    expect(first.names).toEqual(book.grid.sheets.map((s) => s.name));
    expect(second.names.every((n, i) => n !== first.names[i])).toBe(true);
    const names = await port.sheetNames();
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(JSON.stringify(port.current.sheets.slice(0, JSON.parse(before).length))).toBe(before);
    // formulas of the second copy point at the second copy's sheets
    const summary2 = port.current.sheets.find((s) => s.name === second.names[1])!;
    const refs = JSON.stringify(summary2.formulas ?? []);
    expect(refs).toContain(second.names[2].replace(/'/g, "''"));
    expect(await port.readCellText(second.names[0], "A1")).toBe(await port.readCellText(first.names[0], "A1"));
  });
});
