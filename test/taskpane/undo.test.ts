/**
 * Writes the task pane makes are previewed and revertable, through the real OfficePort over the recording fake of
 * Excel (and the MemoryPort):
 *  - the preview reads the sheet names only and writes nothing;
 *  - an insert adds NEW sheets only; undo deletes exactly those (existing sheets byte-identical afterwards, and the
 *    workbook's defined names as before), in 2 round trips (inspect + delete);
 *  - a sheet edited since the insert is reported (the pane asks before deleting it); a sheet the user deleted is
 *    skipped; sheets are tracked by Excel's worksheet id, so a renamed inserted sheet is still taken back and a
 *    user's own sheet that took an inserted sheet's old name is never touched;
 *  - inserted text that Excel could take for a formula stays text ("@" format, no formula).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Grid } from "../../src/model/grid";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { toCanonicalJson } from "../../src/model/canonical";
import { emptyDocument } from "../../src/model/schema";
import { parseTarget } from "../../src/model/value";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { MemoryPort } from "../../src/taskpane/excel/memoryPort";
import { checkUndo, importJsonText, insertBook, previewInsert, previewLines, templateBook, undoInsert } from "../../src/taskpane/books";
import { createFakeExcel, type FakeExcel } from "./fakeExcel";
import { syntheticProject } from "../helpers/synthetic";

const EXAMPLES = join(__dirname, "../../examples");

async function example(name: string): Promise<Grid> {
  return loadGrid(readFileSync(join(EXAMPLES, name)), { fileName: name });
}

function officeOver(grid: Grid): { fake: FakeExcel; port: OfficePort } {
  const fake = createFakeExcel(grid);
  return { fake, port: new OfficePort(fake.Excel as never, { supports: fake.supports }) };
}

/** Edit one cell of a sheet as the user would (through Excel). */
async function userTypes(fake: FakeExcel, sheet: string, address: string, text: string): Promise<void> {
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[text]];
    await ctx.sync();
  });
}

describe("import → undo over the recording fake of Excel", () => {
  test("the preview writes nothing; undo deletes exactly the inserted sheets, in 2–3 syncs; existing sheets byte-identical", async () => {
    const grid = await example("seed-000.xlsx");
    const { fake, port } = officeOver(grid);
    const sheetsBefore = JSON.stringify(fake.book.sheets);
    const namesBefore = JSON.stringify(fake.book.names);
    // The canonical JSON of this very workbook, imported back: its 部门/汇总/project names collide with nothing here,
    // a second import below collides with the first.
    const json = toCanonicalJson(readWorkbook(grid).document);
    const imported = importJsonText(json, "导出.json");
    if (!imported.ok) throw new Error(imported.errors.join("\n"));

    fake.resetStats();
    const preview = await previewInsert(port, imported.book);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.batches.every((b) => b.ops <= 2)).toBe(true); // sheet list only
    expect(JSON.stringify(fake.book.sheets)).toBe(sheetsBefore); // nothing written
    expect(preview.sheets.map((s) => s.wanted)).toEqual(imported.book.grid.sheets.map((s) => s.name));
    expect(preview.cells).toBeGreaterThan(100);
    expect(previewLines(preview)[0]).toMatch(/^将新增 \d+ 个工作表，共 \d+ 个单元格；原有工作表不会改动。$/);

    const { record } = await insertBook(port, imported.book);
    expect(record.names).toEqual(preview.sheets.map((s) => s.name)); // the preview named the sheets right
    expect(fake.book.sheets.length).toBe(grid.sheets.length + record.names.length);
    expect(JSON.stringify(fake.book.sheets.slice(0, grid.sheets.length))).toBe(sheetsBefore);
    expect(Object.keys(record.fingerprints).sort()).toEqual([...record.ids].sort());
    expect(new Set(record.ids).size).toBe(record.names.length);

    fake.resetStats();
    const check = await checkUndo(port, record);
    expect(check).toEqual({ present: record.ids, presentNames: record.names, missing: [], changed: [], definedNames: record.definedNames, blocked: false });
    const message = await undoInsert(port, record, check);
    const undoSyncs = fake.stats.syncs;
    // Inspect reads the inserted sheets back in as few round trips as stay under Excel's 5 MB payload limit (a
    // whole department's import needs two), then one delete.
    expect(undoSyncs).toBeGreaterThanOrEqual(2);
    expect(undoSyncs).toBeLessThanOrEqual(3);
    for (const b of fake.stats.batches) expect(b.failed).toBeUndefined();
    expect(fake.stats.runs).toBe(2);
    expect(message).toMatch(/^已撤销插入：删除了 /);
    expect(fake.stats.deleted.sort()).toEqual([...record.names].sort());
    // Byte-identical: every existing sheet (values, formulas, formats, merges, names, log) and the workbook names.
    expect(JSON.stringify(fake.book.sheets)).toBe(sheetsBefore);
    expect(JSON.stringify(fake.book.names)).toBe(namesBefore);
    console.log(`[undo] ${record.names.length} inserted sheets taken back in ${undoSyncs} syncs (inspect ${undoSyncs - 1} + delete 1)`);
  });

  test("an edited sheet is reported; a deleted one is skipped; a renamed one is still itself; a new sheet under an old name is never touched", async () => {
    const grid: Grid = { sheets: [{ name: "我的表", values: [["原有内容", 1]], merges: [] }], names: [] };
    const { fake, port } = officeOver(grid);
    const { book } = templateBook("full", "hebei");
    const first = await insertBook(port, book);
    const second = await insertBook(port, book); // a second copy: every name taken → free variants
    expect(second.record.names.every((n) => !first.record.names.includes(n))).toBe(true);

    const [dept, summary, p1, p2] = second.record.names;
    await userTypes(fake, p1, "B3", "用户改过的项目编码");
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(p2).delete(); // the user deleted one
      await ctx.sync();
    });
    const renamedTo = "用户的汇总";
    fake.book.sheets.find((s) => s.name === summary)!.name = renamedTo; // …renamed another…
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add(summary); // …and made a sheet of their own under the old name
      await ctx.sync();
    });
    await userTypes(fake, summary, "A1", "用户自己的表");

    const check = await checkUndo(port, second.record);
    expect(check.changed).toEqual([p1]);
    expect(check.missing).toEqual([p2]);
    expect(check.presentNames).toEqual([dept, renamedTo, p1, ...second.record.names.slice(4)]); // 项目3, _lists
    const theirs = fake.book.sheets.filter((s) => !check.present.includes(s.id));
    expect(theirs.map((s) => s.name)).toEqual(["我的表", ...first.record.names, summary]);
    const keep = JSON.stringify(theirs);
    const message = await undoInsert(port, second.record, check);
    expect(message).toContain(renamedTo);
    expect(message).toContain(`以下工作表已不存在，未作处理：${p2}`);
    // Exactly the second insert's remaining sheets are gone (the renamed one too); everything else is as it was.
    expect(JSON.stringify(fake.book.sheets)).toBe(keep);
  });

  test("a fingerprint is stable when nothing changed and moves with any typed change", async () => {
    const { fake, port } = officeOver({ sheets: [{ name: "S", values: [["x"]], merges: [] }], names: [] });
    const { record } = await insertBook(port, templateBook("project", "hebei").book);
    const [id] = record.ids;
    expect((await port.inspectSheets([id])).fingerprints[id]).toBe(record.fingerprints[id]);
    await userTypes(fake, record.names[0], "Z200", "x"); // outside the used range: the range grows
    const after = await port.inspectSheets([id, "{no-such-id}"]);
    expect(after.fingerprints[id]).not.toBe(record.fingerprints[id]);
    expect(after.names).toEqual({ [id]: record.names[0], "{no-such-id}": null });
    expect(after.fingerprints["{no-such-id}"]).toBeNull();
  });

  test("inserted text that looks like a formula, HTML or a link stays text", async () => {
    const hostile = [
      "=HYPERLINK(\"http://evil.example/\",\"点我\")",
      "=1+1",
      "+86 0311",
      "-5%以内",
      "@全体人员",
      "<img src=x onerror=alert(1)>",
      "<script>alert(1)</script>",
      "javascript:alert(1)",
      "\u202Egnp.exe",
      "长".repeat(32_000),
    ];
    const doc = emptyDocument("hebei");
    const p = syntheticProject(0, 6);
    p.name = hostile[0];
    p.purpose = hostile[5];
    p.goals = [hostile[1], hostile[6], hostile[9]];
    p.indicators[0].name = hostile[2];
    p.indicators[1].description = hostile[3];
    p.indicators[2].basis = hostile[4];
    p.indicators[3].target = parseTarget(hostile[7]);
    p.indicators[4].scoring = hostile[8];
    doc.projects = [p];
    const imported = importJsonText(toCanonicalJson(doc), "hostile.json");
    if (!imported.ok) throw new Error(imported.errors.join("\n"));
    const { fake, port } = officeOver({ sheets: [{ name: "Sheet1", values: [], merges: [] }], names: [] });
    const { record } = await insertBook(port, imported.book);
    const sheet = fake.book.sheets.find((s) => s.name === record.names.find((n) => n.startsWith("1.")))!;
    let seen = 0;
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "string") return;
        const hit = hostile.some((h) => v === h || v.split("\n").includes(h));
        if (!hit) return;
        seen++;
        expect(sheet.formulas[r][c]).toBe(v); // a constant, not "=…" turned into a formula
        expect(sheet.formats[r][c]).toBe("@"); // the text number format
      }),
    );
    expect(seen).toBe(8); // name, purpose, goals (one cell), and five indicator cells
    // …and the pane reads back the same text.
    const back = readWorkbook(await port.readWorkbook()).document.projects[0];
    expect(back.name).toBe(hostile[0]);
    expect(back.purpose).toBe(hostile[5]);
    expect(back.goals).toEqual([hostile[1], hostile[6], hostile[9]]);
    expect(back.indicators[3].target.raw).toBe(hostile[7]);
  });
});

describe("MemoryPort keeps the same contract", () => {
  test("insert, inspect, undo: existing sheets and names as before", async () => {
    const port = new MemoryPort(await example("seed-004-merged.xlsx"));
    const before = JSON.stringify(port.current);
    const { record } = await insertBook(port, templateBook("full", "ningxia").book);
    await port.selectCell(record.names[2], "B3");
    const check = await checkUndo(port, record);
    expect(check.changed).toEqual([]);
    expect(check.presentNames).toEqual(record.names);
    await undoInsert(port, record, check);
    expect(JSON.stringify(port.current)).toBe(before);
    expect(Object.keys(port.extras)).toEqual([]);
  });

  test("deleteSheets refuses a missing sheet and deletes nothing", async () => {
    const port = new MemoryPort({ sheets: [{ name: "A", values: [], merges: [] }, { name: "B", values: [], merges: [] }], names: [] });
    await expect(port.deleteSheets(["B", "C"])).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(await port.sheetNames()).toEqual(["A", "B"]);
  });
});
