/**
 * 校验并盖章 through the real OfficePort over the recording fake of Excel (and the MemoryPort):
 *  - a whole seal costs 2 context.sync() round trips (what is there, then the write; it was 5 with a read back
 *    of 3): the workbook after the write is known from the checked grid, and that knowledge equals what a read
 *    of the workbook gives; every batch stays under Excel's 5 MB; 撤销 costs 2;
 *  - it adds the very hidden _jxmb_seal and fills 部门!G4:H4 (label + formula), nothing else changes;
 *  - verdicts: 已校验且未修改 after sealing; 校验后已修改 naming 项目 1 的 预算数 after a user's edit, and
 *    项目 N 新增 k 条指标 when indicators were added; 未校验 on a workbook never sealed;
 *  - 撤销 puts the workbook back byte for byte (the seal sheet gone, the status cells as they were).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { getValue, type Grid } from "../../src/model/grid";
import { applySealWrite } from "../../src/taskpane/excel/memorySeal";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { withoutExceptionsSheet } from "../../src/model/exceptions";
import { SEAL_SHEET } from "../../src/model/seal";
import { STATUS_LABEL } from "../../src/model/seal-status";
import { documentToWorkbook } from "../../src/cli/write";
import { toCanonicalJson } from "../../src/model/canonical";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { MemoryPort } from "../../src/taskpane/excel/memoryPort";
import { sealWorkbook, verdictOf } from "../../src/taskpane/roundtrip/sealing";
import { createFakeExcel } from "./fakeExcel";

const EXAMPLES = join(__dirname, "../../examples");
const TIME = new Date("2026-03-01T02:00:00Z");

let template: Grid;
beforeAll(async () => {
  // Seed 002's 22 projects in the template layout (the workbook the pane's 插入模板/导入 produce).
  const seed = await loadGrid(readFileSync(join(EXAMPLES, "seed-002.xlsx")), { fileName: "seed-002.xlsx" });
  template = await loadGrid(await documentToWorkbook(readWorkbook(seed).document), { fileName: "模板.xlsx" });
});

async function verdict(port: OfficePort | MemoryPort) {
  const grid = await port.readWorkbook();
  return verdictOf(grid, readWorkbook(withoutExceptionsSheet(grid)).document);
}

function officeOver(grid: Grid) {
  const fake = createFakeExcel(grid);
  return { fake, port: new OfficePort(fake.Excel as never, { supports: fake.supports }) };
}

test("OfficePort: seal in 2 syncs (was 2 + 3: no read back), very hidden sheet + 部门!G4:H4 only; 已校验且未修改; an edit → 校验后已修改 naming it; 撤销 restores every byte", async () => {
  const { fake, port } = officeOver(template);
  expect((await verdict(port)).view.label).toBe("未校验");
  const before = JSON.stringify(fake.book.sheets);

  // The pane seals what its last 校验 read (no second read before the write).
  const grid = await port.readWorkbook();
  fake.resetStats();
  const done = await sealWorkbook(port, { name: "张三", time: TIME, grid, document: readWorkbook(withoutExceptionsSheet(grid)).document });
  // One write (2 syncs); before, a read back followed (3 more: 5 in 2 runs).
  expect(fake.stats.syncs).toBe(2);
  expect(fake.stats.runs).toBe(1);
  const largest = Math.max(...fake.stats.batches.map((b) => b.requestBytes + b.responseBytes));
  expect(largest).toBeLessThan(5 * 1024 * 1024);
  // What the pane knows without reading equals what a read gives: same content for the readers, same sheets.
  const read = await port.readWorkbook();
  expect(toCanonicalJson(readWorkbook(withoutExceptionsSheet(read)).document)).toBe(toCanonicalJson(done.document));
  expect(done.exact).toBe(true);
  expect(done.grid.sheets.map((s) => s.name)).toEqual(read.sheets.map((s) => s.name));
  const dept = (g: Grid) => g.sheets.find((s) => s.name === "部门")!;
  expect([dept(done.grid).values[3][6], dept(done.grid).formulas?.[3]?.[7]]).toEqual([dept(read).values[3][6], dept(read).formulas?.[3]?.[7]]);
  expect((await verdictOf(done.grid, done.document)).view.status).toBe("unchanged");
  // The checked grid itself is left as it was (the pane's last run keeps it).
  expect(dept(grid).values[3]?.[6] ?? null).toBeNull();
  console.log(
    `[seal] 22 projects, ${done.plan.watched} watched cells: syncs=2 (was 5: write 2 + read back 3), largest batch ${Math.round(largest / 1024)} KB`,
  );
  const seal = fake.book.sheets.find((s) => s.name === SEAL_SHEET)!;
  expect(seal.visibility).toBe("VeryHidden");
  expect(done.plan.spot).toEqual({ sheet: "部门", label: "G4", status: "H4" });
  const deptNow = fake.book.sheets.find((s) => s.name === "部门")!;
  expect(deptNow.values[3][6]).toBe(STATUS_LABEL);
  expect(String(deptNow.formulas[3][7])).toMatch(/^=IFERROR\(IF\(AND\('_jxmb_seal'!D\d+:D\d+\)/);
  // Every other sheet is as it was.
  const others = (sheets: typeof fake.book.sheets) => JSON.stringify(sheets.filter((s) => s.name !== "部门" && s.name !== SEAL_SHEET));
  expect(others(fake.book.sheets)).toBe(others(JSON.parse(before)));

  expect((await verdict(port)).view).toMatchObject({ status: "unchanged", label: "已校验且未修改", record: [expect.stringContaining("校验人：张三"), expect.stringMatching(/^校验时：22 个项目，\d+ 条指标/)] });

  // The user types another 预算数 into the first project's sheet.
  const p1 = readWorkbook(withoutExceptionsSheet(await port.readWorkbook())).document.projects[0].source;
  const budgetCell = p1.cells["budget.total"];
  fake.book.edit(p1.sheet, budgetCell, 95);
  const changed = await verdict(port);
  expect(changed.view.label).toBe("校验后已修改");
  // Exactly that change: 其他资金 (a 全角空格 in seed 002's cell) reads the same before and after (no “（原文）” line).
  expect(changed.view.headlines).toEqual(["项目 1 的 预算数：80 万元 → 95 万元"]);
  expect(changed.view.rows).toHaveLength(1);
  expect(changed.view.rows[0]).toEqual(expect.objectContaining({ change: "修改", field: "预算数", sheet: p1.sheet, cell: budgetCell, side: "b" }));

  // 撤销 (after putting the value back, as the user would): the workbook is byte-identical to before the seal.
  fake.book.edit(p1.sheet, budgetCell, 80);
  fake.resetStats();
  await port.writeSeal(done.undo);
  expect(fake.stats.syncs).toBe(2);
  // The pane's picture after 撤销 (the undo applied to the sealed grid) is the workbook as it is now.
  const undone = applySealWrite(done.grid, done.undo).grid;
  const readNow = await port.readWorkbook();
  expect(undone.sheets.map((s) => s.name)).toEqual(readNow.sheets.map((s) => s.name));
  expect([getValue(dept(undone), 3, 6), getValue(dept(undone), 3, 7)]).toEqual([getValue(dept(readNow), 3, 6), getValue(dept(readNow), 3, 7)]);
  expect(fake.book.sheets.some((s) => s.name === SEAL_SHEET)).toBe(false);
  expect(JSON.stringify(fake.book.sheets)).toBe(before);
  expect((await verdict(port)).view.label).toBe("未校验");
});

test("OfficePort: sealing again rewrites the seal in place (same spot, old rows blanked) and 撤销 brings the first seal back", async () => {
  const { fake, port } = officeOver(template);
  await sealWorkbook(port, { name: null, time: TIME });
  const first = JSON.stringify(fake.book.sheets);
  const again = await sealWorkbook(port, { name: "李四", time: new Date("2026-03-02T02:00:00Z") });
  expect(again.plan.spot?.status).toBe("H4");
  expect(fake.book.sheets.filter((s) => s.name === SEAL_SHEET)).toHaveLength(1);
  expect((await verdict(port)).view.record[0]).toContain("李四");
  await port.writeSeal(again.undo);
  expect(JSON.stringify(fake.book.sheets)).toBe(first);
});

test("MemoryPort (the page's workbook): indicators added after sealing → 项目 N 新增 k 条指标", async () => {
  const port = new MemoryPort(JSON.parse(JSON.stringify(template)) as Grid);
  await sealWorkbook(port, { name: null, time: TIME });
  expect((await verdict(port)).view.status).toBe("unchanged");
  // Two indicator rows filled in below 项目3's last one (the template leaves blank rows for them).
  const grid = port.current;
  const doc = readWorkbook(withoutExceptionsSheet(grid)).document;
  const p = doc.projects[2];
  const sheet = grid.sheets.find((s) => s.name === p.source.sheet)!;
  const last = p.indicators[p.indicators.length - 1];
  const row = Number(/\d+/.exec(last.source.name)![0]) - 1;
  for (const [k, text] of [["1", "新增指标甲"], ["2", "新增指标乙"]] as const) {
    const r = row + Number(k);
    const src = sheet.values[row];
    sheet.values.splice(r, 0, src.map((v, c) => (c === 2 ? text : v)));
  }
  const v = await verdict(port);
  expect(v.view.label).toBe("校验后已修改");
  expect(v.view.headlines).toContain(`项目 3 新增 2 条指标`);
});
