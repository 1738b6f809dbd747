/**
 * Property: the live-workbook read is total too. Random hostile grids put into the recording fake of Excel (as
 * Excel would hold them), read back through OfficePort.readWorkbook and recognised by readWorkbook: no throw, a
 * schema-valid document, read problems that name a sheet of the workbook, and a constant 3 round trips.
 */
import fc from "fast-check";
import { readWorkbook } from "../../src/model/read/index";
import { JxmbDocument } from "../../src/model/schema";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import type { Grid } from "../../src/model/grid";
import { renderEmptyTemplate } from "../../src/model/write/index";
import { gridArb } from "../helpers/arbitraries";
import { createFakeExcel } from "../taskpane/fakeExcel";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 100);

/** Excel's own rules the fake does not enforce: unique (case-insensitive), non-blank sheet names. */
function asExcelHolds(g: Grid): Grid {
  const seen = new Set<string>();
  const sheets = g.sheets.map((s, i) => {
    let name = s.name.replace(/[:\\/?*[\]]/g, "_").slice(0, 31) || `Sheet${i + 1}`;
    while (seen.has(name.toLowerCase())) name = `S${i}_${seen.size}`;
    seen.add(name.toLowerCase());
    return { ...s, name };
  });
  return { sheets, names: [] };
}

test("OfficePort.readWorkbook + readWorkbook never throw on random grids held by Excel", async () => {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(gridArb([renderEmptyTemplate(1, "hebei").grid]).map(asExcelHolds), async (grid) => {
      cases++;
      const fake = createFakeExcel(grid);
      const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
      const read = await port.readWorkbook();
      expect(fake.stats.syncs).toBeLessThanOrEqual(3);
      const { document, problems } = readWorkbook(read);
      expect(JxmbDocument.safeParse(document).success).toBe(true);
      const names = new Set(read.sheets.map((s) => s.name));
      for (const p of problems) if (p.sheet !== null) expect(names.has(p.sheet)).toBe(true);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] live read: ${cases} random grids through the Excel fake (seed ${SEED})`);
  expect(cases).toBe(RUNS);
});
