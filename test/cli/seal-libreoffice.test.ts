/**
 * The seal survives LibreOffice: a sealed workbook re-saved by LibreOffice (recalculated on load) still
 * verifies as 已校验且未修改; one value edited there (C4 of 项目1 in LibreOffice's own flat ODF, then saved
 * back to .xlsx by LibreOffice) verifies as 校验后已修改 naming the project and the field — and the status
 * cell's native formula, recalculated by LibreOffice, says 已校验且未修改 on the re-saved copy and 校验后已修改
 * on the edited one (what a clerk without the add-in sees).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMain as run } from "../helpers/run-main";
import { convertWithLibreOffice } from "../template/libreoffice";
import { loadGrid } from "../../src/xlsx/read";
import { getValue, parseA1 } from "../../src/model/grid";
import { previousSpot, STATUS_CHANGED, STATUS_OK } from "../../src/model/seal-status";

/** The text the seal's status cell shows in this workbook (as last calculated). */
async function statusShown(bytes: Uint8Array): Promise<unknown> {
  const grid = await loadGrid(bytes, { fileName: "x.xlsx" });
  const spot = previousSpot(grid);
  if (!spot) throw new Error("no status cell recorded");
  const p = parseA1(spot.status)!;
  return getValue(grid.sheets.find((s) => s.name === spot.sheet)!, p.r, p.c);
}

const SEED = path.join(__dirname, "..", "..", "examples", "seed-002.xlsx");

jest.setTimeout(300_000);

/** In flat ODF: the first cell of row `row` (1-based) of sheet `sheet` holding `from` gets `to`. */
function editFods(xml: string, sheet: string, row: number, from: string, to: string): string {
  const start = xml.indexOf(`table:name="${sheet}"`);
  if (start < 0) throw new Error(`no sheet ${sheet}`);
  let at = start;
  for (let r = 0; r < row; r++) {
    at = xml.indexOf("<table:table-row", at + 1);
    if (at < 0) throw new Error(`no row ${row}`);
  }
  const end = xml.indexOf("</table:table-row>", at);
  const before = xml.slice(at, end);
  const after = before.replace(`office:value="${from}"`, `office:value="${to}"`).replace(`<text:p>${from}</text:p>`, `<text:p>${to}</text:p>`);
  if (after === before) throw new Error(`no ${from} in row ${row}`);
  // In LibreOffice an edit recalculates its dependents at once. Headless, LibreOffice 7.4 keeps the cached
  // results of an ODF file it wrote itself, so the edited file drops every formula's cached result: each
  // formula is calculated on load, as the edit would have done.
  return (xml.slice(0, at) + after + xml.slice(end)).replace(
    /<table:table-cell ([^>]*table:formula="[^"]*"[^>]*)>/g,
    (_all, attrs: string) => `<table:table-cell ${attrs.replace(/\s(office:value-type|office:value|office:string-value|office:boolean-value|calcext:value-type)="[^"]*"/g, "")}>`,
  );
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-seal-lo-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("re-saved by LibreOffice: 已校验且未修改; a value edited in LibreOffice: 校验后已修改 naming it", async () => {
  const sealed = path.join(tmp, "已盖章.xlsx");
  expect((await run(["seal", SEED, "-o", sealed])).code).toBe(0);
  const bytes = new Uint8Array(fs.readFileSync(sealed));
  expect(await statusShown(bytes)).toBe(STATUS_OK);

  const { resaved } = convertWithLibreOffice({ resaved: bytes }, "xlsx");
  const resavedFile = path.join(tmp, "LibreOffice另存.xlsx");
  fs.writeFileSync(resavedFile, resaved);
  const same = await run(["verify", resavedFile]);
  expect(same.out).toMatch(/^LibreOffice另存\.xlsx：已校验且未修改\n/);
  expect(same.code).toBe(0);
  expect(await statusShown(resaved)).toBe(STATUS_OK); // recalculated by LibreOffice, not our cached result

  const { flat } = convertWithLibreOffice({ flat: bytes }, "fods");
  const edited = editFods(new TextDecoder().decode(flat), "项目1", 4, "80", "95");
  const { back } = convertWithLibreOffice({ back: new TextEncoder().encode(edited) }, "xlsx");
  const editedFile = path.join(tmp, "LibreOffice改过.xlsx");
  fs.writeFileSync(editedFile, back);
  const changed = await run(["verify", editedFile]);
  expect(changed.code).toBe(1);
  expect(changed.out).toMatch(/^LibreOffice改过\.xlsx：校验后已修改\n/);
  expect(changed.out).toContain("项目 1 “安保执勤**工作专项”（130811211P05HPWFNMG5T）：\n  预算数：80 万元 → 95 万元");
  expect(await statusShown(back)).toBe(STATUS_CHANGED);
});
