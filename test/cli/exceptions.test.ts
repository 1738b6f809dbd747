/**
 * `jxmb validate` reads the exceptions a clerk accepted in the task pane (the hidden _jxmb_exceptions sheet): it
 * lists them apart ("已核实 N 项"), leaves them out of the counts and the exit code, and `--format json` carries
 * them with their reason; an exception whose cell changed no longer applies.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { acceptFinding, EXCEPTIONS_SHEET, exceptionsSheet, type AcceptedException } from "../../src/model/exceptions";
import { ensureBuilt, EXAMPLES, jxmb, tempDir } from "./helpers";

jest.setTimeout(240_000);

beforeAll(() => ensureBuilt());

/** seed-002.xlsx with an exceptions sheet, as the pane writes it (hidden, text cells). */
async function withExceptions(list: AcceptedException[], file: string, edit?: { sheet: string; cell: string; value: string }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(EXAMPLES, "seed-002.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.addWorksheet(EXCEPTIONS_SHEET, { state: "hidden" });
  for (const r of exceptionsSheet(list).values) ws.addRow(r);
  if (edit) wb.getWorksheet(edit.sheet)!.getCell(edit.cell).value = edit.value;
  fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

test("accepted findings are listed apart, not counted; JSON carries them; a changed cell lapses", async () => {
  const grid = await loadGrid(fs.readFileSync(path.join(EXAMPLES, "seed-002.xlsx")), { fileName: "seed-002.xlsx" });
  const findings = validate(readWorkbook(grid).document).findings;
  const errors = findings.filter((f) => f.severity === "error" && f.cell && f.sheet);
  expect(errors.length).toBeGreaterThan(0);
  // Accept every error: the file then has none left, so validate exits 0.
  const list = errors.map((f) => acceptFinding(f, grid, "已与财政局核对", "赵六", new Date("2026-12-05T00:00:00Z")));
  const dir = tempDir();
  const file = path.join(dir, "accepted.xlsx");
  await withExceptions(list, file);

  const plain = jxmb(["validate", path.join(EXAMPLES, "seed-002.xlsx"), "--format", "json"]);
  const before = JSON.parse(plain.stdout).files[0];
  const r = jxmb(["validate", file, "--format", "json"]);
  const report = JSON.parse(r.stdout).files[0];
  expect(report.summary.error).toBe(0);
  expect(report.summary.warning).toBe(before.summary.warning);
  expect(report.accepted).toHaveLength(errors.length);
  expect(report.accepted[0]).toMatchObject({ ruleId: errors[0].ruleId, sheet: errors[0].sheet, cell: errors[0].cell, reason: "已与财政局核对", date: "2026-12-05", by: "赵六" });
  expect(before.accepted).toEqual([]);
  expect(r.code).toBe(before.summary.error > 0 && report.summary.error === 0 ? 0 : r.code);

  const text = jxmb(["validate", file]);
  expect(text.stdout).toContain(`已核实 ${errors.length} 项（保留原样，不计入上面的条数）：`);
  expect(text.stdout).toContain("理由：已与财政局核对（2026-12-05，赵六）");

  // The clerk changes one accepted cell afterwards: that exception no longer applies.
  const lapsedFile = path.join(dir, "lapsed.xlsx");
  await withExceptions(list, lapsedFile, { sheet: errors[0].sheet!, cell: errors[0].cell!.split(":")[0], value: "改过以后的内容" });
  const lapsed = JSON.parse(jxmb(["validate", lapsedFile, "--format", "json"]).stdout).files[0];
  expect(lapsed.accepted.length).toBe(errors.length - 1);
});
