/**
 * Property: the task pane's own path keeps documents whole. Random canonical documents — text UNCHANGED: CR/LF,
 * control characters, emoji, `_xHHHH_`-looking text, = + - @ prefixes, 32,767-character strings —
 *
 *   renderTemplate → OfficePort.insertSheets (recording fake of Excel) → OfficePort.readWorkbook → readWorkbook
 *
 * come back equal except the positional keys (test/roundtrip/positional.ts). Also: every inserted text cell that
 * Excel could take for a formula, a number or a date is written with the text format "@", and no inserted cell
 * holds a formula the template did not put there; no inserted text is longer than Excel's 32,767-character limit.
 */
import fc from "fast-check";
import { renderTemplate } from "../../src/model/write/index";
import { readWorkbook } from "../../src/model/read/index";
import { inferFiscalYearFromCodes } from "../../src/model/read/hebei";
import { toCanonicalJson } from "../../src/model/canonical";
import type { JxmbDocument } from "../../src/model/schema";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { stripPositional } from "../roundtrip/positional";
import { documentArb, EXCEL_CELL_LIMIT } from "../helpers/arbitraries";
import { createFakeExcel } from "../taskpane/fakeExcel";
import { differences } from "./diff";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_ROUNDTRIP_RUNS ?? 25);

/** A document without a fiscal year gets the year its Hebei codes carry (documented; an info problem says so). */
const expected = (doc: JxmbDocument): JxmbDocument => (doc.fiscalYear === null ? { ...doc, fiscalYear: inferFiscalYearFromCodes(doc.projects) } : doc);
const comparable = (doc: JxmbDocument) => stripPositional(JSON.parse(toCanonicalJson(doc)) as JxmbDocument);

test("random documents survive insertion into a live workbook and reading it back", async () => {
  let cases = 0;
  let risky = 0;
  await fc.assert(
    fc.asyncProperty(documentArb({ maxProjects: 3 }), async (doc) => {
      cases++;
      const book = renderTemplate(doc);
      const fake = createFakeExcel({ sheets: [{ name: "Sheet1", values: [["原有内容"]], merges: [] }], names: [] });
      const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
      const { names } = await port.insertSheets(book);
      // Text stays text: a cell the template wrote as a string is never stored as a formula in Excel.
      book.grid.sheets.forEach((s, i) => {
        const stored = fake.book.sheets.find((x) => x.name === names[i])!;
        s.values.forEach((row, r) =>
          row?.forEach((v, c) => {
            if (typeof v !== "string" || s.formulas?.[r]?.[c]) return;
            expect(v.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT); // Excel refuses longer text (meta cells included)
            if (/^[=+\-@]/.test(v)) {
              risky++;
              expect(stored.formats[r][c]).toBe("@");
            }
            expect(stored.values[r][c]).toBe(v);
          }),
        );
      });
      const back = readWorkbook(await port.readWorkbook()).document;
      expect(differences(comparable(expected(doc)), comparable(back))).toEqual([]);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] live-workbook round trip: ${cases} random documents (seed ${SEED}), ${risky} cells starting with = + - @ kept as text`);
  expect(cases).toBe(RUNS);
  expect(risky).toBeGreaterThan(0);
});
