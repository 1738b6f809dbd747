/**
 * 导出问题清单 on a real seed: one row per finding (open in to-do order, then accepted), CSV that Excel/WPS read
 * (BOM, quoting, formula-looking text neutralised), and an .xlsx whose 单元格 column links to the checked file.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { MemoryPort } from "../../src/taskpane/excel/memoryPort";
import { runValidation, withExceptionList } from "../../src/taskpane/logic";
import { findingRows, findingsBook, findingsCsv, LIST_HEADERS } from "../../src/taskpane/findingsList";
import { acceptFinding } from "../../src/model/exceptions";

describe("问题清单", () => {
  test("rows, CSV and a linked .xlsx; accepted findings carry their status", async () => {
    const grid = await loadGrid(readFileSync(join(__dirname, "../../examples/seed-000.xlsx")), { fileName: "seed-000.xlsx" });
    let run = await runValidation(new MemoryPort(grid), undefined);
    const f = run.report.findings.find((x) => x.cell && x.severity === "warning")!;
    run = withExceptionList(run, [acceptFinding(f, run.grid, "与批复一致", "王五", new Date("2026-12-01T00:00:00Z"))]);
    const rows = findingRows(run);
    expect(rows.length).toBe(run.report.findings.length + run.accepted.length);
    expect(rows[0].severity).toBe("错误");
    const accepted = rows.filter((r) => r.status.startsWith("已核实"));
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ sheet: f.sheet, cell: f.cell, status: "已核实，保留：与批复一致（2026-12-01，王五）" });
    expect(rows.every((r) => /[\u4e00-\u9fff]/.test(r.category) && r.title && !/^[a-z-]+\//.test(r.title))).toBe(true);

    const csv = findingsCsv([...rows, { ...rows[0], message: '=HYPERLINK("http://x","点我")', fix: "a,b\n\"c\"" }]);
    expect(csv.startsWith("\uFEFF序号,项目,工作表,单元格")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines.length).toBe(rows.length + 3); // header, rows, the hostile row, final empty
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csv).toContain('"a,b\n""c"""');

    const bytes = await writeTemplateBook(findingsBook(rows, "seed-000.xlsx"));
    const back = await loadGrid(bytes, { fileName: "问题清单.xlsx" });
    const sheet = back.sheets[0];
    expect(sheet.name).toBe("问题清单");
    expect(sheet.values[0]).toEqual(LIST_HEADERS);
    expect(sheet.values.length).toBe(rows.length + 1);
    const link = sheet.formulas?.[1]?.[3] ?? "";
    expect(link).toMatch(/^HYPERLINK\("seed-000\.xlsx#'.+'!/);
    expect(sheet.values[1][4]).toBe("错误");
  });
});
