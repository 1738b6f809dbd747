/**
 * Property: random documents WITH 中期 targets survive JSON → template .xlsx → JSON under every profile's form —
 * on central-2021 the 中期 part is drawn in cells (中期目标, 中期指标值 beside or apart from the 年度 rows), on hebei
 * and ningxia it rides in the meta cell. Only positional keys are ignored (test/roundtrip/positional.ts).
 */
import fc from "fast-check";
import { toCanonicalJson } from "../../src/model/canonical";
import { readWorkbook } from "../../src/model/read/index";
import { inferFiscalYearFromCodes } from "../../src/model/read/hebei";
import type { JxmbDocument } from "../../src/model/schema";
import { renderTemplate } from "../../src/model/write/index";
import { CELL_TEXT_LIMIT } from "../../src/model/write/fields";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { midTermDocumentArb } from "../helpers/arbitraries";
import { stripPositional } from "../roundtrip/positional";
import { differences } from "./diff";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.JXMB_ROUNDTRIP_RUNS ?? 25);

jest.setTimeout(120_000);

const expected = (doc: JxmbDocument): JxmbDocument => (doc.fiscalYear === null ? { ...doc, fiscalYear: inferFiscalYearFromCodes(doc.projects) } : doc);
const comparable = (doc: JxmbDocument): unknown => stripPositional(JSON.parse(toCanonicalJson(doc)) as JxmbDocument);

test("random documents with 中期 targets survive JSON → template .xlsx → JSON", async () => {
  let cases = 0;
  let mid = 0;
  let central = 0;
  let tooBig = 0;
  await fc.assert(
    fc.asyncProperty(midTermDocumentArb({ maxProjects: 3 }), async (doc) => {
      cases++;
      mid += doc.projects.reduce((n, p) => n + (p.midTerm?.indicators.length ?? 0), 0);
      const book = renderTemplate(doc);
      // A cell holds at most 32,767 characters: on the hebei and ningxia forms the 中期 part rides in the meta cell, and
      // a document too big for it is refused by jxmb import (import-check) — outside this property.
      if (book.grid.sheets.some((s) => s.values.some((row) => row?.some((v) => typeof v === "string" && v.length > CELL_TEXT_LIMIT)))) {
        tooBig++;
        fc.pre(false);
      }
      if (doc.profile === "central-2021") central++;
      const back = readWorkbook(await loadGrid(await writeTemplateBook(book))).document;
      expect(differences(comparable(expected(doc)), comparable(back))).toEqual([]);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] 中期 round trip: ${cases} documents (${central} central-2021, ${tooBig} too big for a cell), ${mid} 中期 indicators, seed ${SEED}`);
  expect(cases - tooBig).toBeGreaterThanOrEqual(RUNS * 0.9);
  // The run exercised what it claims: the central form and 中期 indicators.
  expect(central).toBeGreaterThan(0);
  expect(mid).toBeGreaterThan(0);
});
