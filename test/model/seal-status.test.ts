/**
 * Where the seal's visible status goes and what its formula watches: the template's 部门 sheet at G4:H4
 * (settings area, outside the print area), another layout's first sheet right of its used range; sealing
 * again reuses the spot; the status never changes what the readers see; every 核对 row compares the value
 * the readers took with the live cell.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { toCanonicalJson } from "../../src/model/canonical";
import { withoutExceptionsSheet } from "../../src/model/exceptions";
import { getValue, parseA1, type Grid } from "../../src/model/grid";
import { makeSeal, readSeal, SEAL_SHEET } from "../../src/model/seal";
import { planSealWrite, previousSpot, STATUS_OK, WATCH_LABEL } from "../../src/model/seal-status";
import { documentToWorkbook } from "../../src/cli/write";

const EXAMPLES = join(__dirname, "../../examples");
const TIME = new Date("2026-01-02T03:04:05Z");

async function grid(bytes: Uint8Array, name = "x.xlsx"): Promise<Grid> {
  return loadGrid(bytes, { fileName: name });
}

/** The grid with the plan applied as a writer would (seal sheet + status cells with their results). */
function applied(g: Grid, plan: ReturnType<typeof planSealWrite>): Grid {
  const sheets = g.sheets.filter((s) => s.name !== SEAL_SHEET).map((s) => ({ ...s, values: s.values.map((r) => (r ? [...r] : r)) }));
  for (const c of plan.cells) {
    const s = sheets.find((x) => x.name === c.sheet)!;
    const p = parseA1(c.ref)!;
    while (s.values.length <= p.r) s.values.push([]);
    s.values[p.r][p.c] = (c.text ?? c.result) as string;
  }
  return { ...g, sheets: [...sheets, plan.sheet] };
}

test("a template workbook: status at 部门!H4 with its label at G4; content read back unchanged; sealing again reuses it", async () => {
  const seed = await grid(readFileSync(join(EXAMPLES, "seed-002.xlsx")));
  const doc = readWorkbook(seed).document;
  const g = await grid(await documentToWorkbook(doc));
  const d = readWorkbook(withoutExceptionsSheet(g)).document;
  const plan = planSealWrite(await makeSeal(d, { time: TIME }), g, d);
  expect(plan.spot).toEqual({ sheet: "部门", label: "G4", status: "H4" });
  expect(plan.cells.map((c) => `${c.sheet}!${c.ref}`)).toEqual(["部门!G4", "部门!H4"]);
  expect(plan.cells[1].formula).toMatch(/^IFERROR\(IF\(AND\('_jxmb_seal'!D\d+:D\d+\),"已校验且未修改","校验后已修改"\),"校验后已修改"\)$/);
  const after = applied(g, plan);
  expect(toCanonicalJson(readWorkbook(withoutExceptionsSheet(after)).document)).toBe(toCanonicalJson(d));
  // The record is still readable and names its spot; a second seal uses the same cells.
  const read = readSeal(after);
  expect(read.found && read.seal?.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(previousSpot(after)).toEqual(plan.spot);
  const again = planSealWrite(await makeSeal(d, { time: TIME }), after, d);
  expect(again.spot).toEqual(plan.spot);
});

test("seed 002 (承德 layout, no 部门 sheet): status right of the first sheet's used range; one 核对 row per source cell", async () => {
  const g = await grid(readFileSync(join(EXAMPLES, "seed-002.xlsx")));
  const d = readWorkbook(g).document;
  const plan = planSealWrite(await makeSeal(d, { time: TIME }), g, d);
  expect(plan.spot?.sheet).toBe("部门整体绩效目标");
  expect(plan.spot?.status).toMatch(/^[A-Z]+1$/);
  const rows = plan.sheet.values.map((r, i) => ({ r, f: plan.sheet.formulas?.[i]?.[3] ?? null })).filter(({ r }) => r[0] === WATCH_LABEL && r[2] !== "单元格");
  expect(rows.length).toBe(plan.watched);
  expect(plan.watched).toBeGreaterThan(1000);
  // 项目1!C4 holds 预算数 80: a numeric comparison against the constant 80.
  const c4 = rows.find(({ r }) => r[2] === "项目1!C4")!;
  expect(c4.r[1]).toBe(80);
  expect(c4.f).toMatch(/^IF\(ISNUMBER\('项目1'!C4\),ABS\('项目1'!C4-B\d+\)/);
  // Text cells compare exactly; every constant is what the grid holds.
  const sheet = (n: string) => g.sheets.find((s) => s.name === n)!;
  for (const { r, f } of rows) {
    const [name, ref] = String(r[2]).split("!");
    const p = parseA1(ref)!;
    expect(getValue(sheet(name), p.r, p.c)).toBe(r[1]);
    expect(f).toContain(ref);
  }
  expect(toCanonicalJson(readWorkbook(withoutExceptionsSheet(applied(g, plan))).document)).toBe(toCanonicalJson(d));
  expect(plan.cells[1].result).toBe(STATUS_OK);
});
