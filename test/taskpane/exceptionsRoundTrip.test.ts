/**
 * Accepted exceptions round-trip between the Office port and the CLI: what OfficePort.writeOwnSheet stores in a live
 * workbook (the recording fake of Excel), read back through the port and saved into the file, is what
 * `jxmb validate --format json` reads; and a file with exceptions (as the CLI and the page see it) opened in Excel
 * gives the pane the same accepted findings. (Page ↔ CLI: test/e2e/pageExceptions.test.ts.)
 */
import { readFileSync } from "fs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { writeHelperSheet } from "../../src/xlsx/seal-write";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { acceptFinding, EXCEPTIONS_SHEET, exceptionsSheet } from "../../src/model/exceptions";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { runValidation } from "../../src/taskpane/logic";
import { createFakeExcel } from "./fakeExcel";
import { runMain } from "../helpers/run-main";

const SEED = join(__dirname, "../../examples/seed-002.xlsx");

async function cliAccepted(file: string): Promise<{ ruleId: string; sheet: string; cell: string; reason: string }[]> {
  const r = await runMain(["validate", file, "--format", "json"]);
  return JSON.parse(r.out).files[0].accepted;
}

test("Office port → file → CLI, and file → Office port: the same exceptions", async () => {
  const bytes = readFileSync(SEED);
  const grid = await loadGrid(bytes, { fileName: "seed-002.xlsx" });
  const targets = validate(readWorkbook(grid).document).findings.filter((f) => f.sheet && f.cell && f.severity === "warning").slice(0, 2);
  expect(targets).toHaveLength(2);
  const list = targets.map((f) => acceptFinding(f, grid, "已与批复核对", "周会计", new Date("2026-12-05T00:00:00Z")));

  // The pane stores them in the live workbook; read back through the port, saved into the file.
  const fake = createFakeExcel(grid);
  const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
  await port.writeOwnSheet(exceptionsSheet(list));
  const live = await port.readWorkbook();
  const stored = live.sheets.find((s) => s.name === EXCEPTIONS_SHEET)!;
  expect(stored.hidden).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), "jxmb-exc-rt-"));
  const file = join(dir, "from-excel.xlsx");
  writeFileSync(file, await writeHelperSheet(bytes, stored));
  const fromCli = await cliAccepted(file);
  expect(fromCli.map((a) => [a.ruleId, a.sheet, a.cell, a.reason])).toEqual(targets.map((f) => [f.ruleId, f.sheet, f.cell, "已与批复核对"]));

  // That file opened in Excel: the pane lists the same findings apart.
  const reopened = createFakeExcel(await loadGrid(readFileSync(file), { fileName: "from-excel.xlsx" }));
  const run = await runValidation(new OfficePort(reopened.Excel as never, { supports: reopened.supports }), undefined);
  expect(run.accepted.map((a) => [a.finding.ruleId, a.finding.sheet, a.finding.cell])).toEqual(fromCli.map((a) => [a.ruleId, a.sheet, a.cell]));
  expect(run.exceptions).toEqual(list);
});
