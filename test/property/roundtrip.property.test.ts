/**
 * Property: random canonical documents survive
 *
 *   JSON → renderTemplate → writeTemplateBook (.xlsx bytes) → loadGrid → readWorkbook → JSON
 *
 * unchanged, except the positional keys the example round trip ignores (test/roundtrip/positional.ts: where a
 * value was found, and which layout it was read from). The documents carry hostile text (= + - @ prefixes,
 * quotes, newlines, emoji, RTL overrides, control characters), amounts in exact 万元, empty and partial plans.
 *
 * Kept small (25 documents) because each one is a real exceljs write and read; JXMB_PROPERTY_SEED /
 * JXMB_ROUNDTRIP_RUNS change the seed and the count.
 */
import fc from "fast-check";
import { renderTemplate } from "../../src/model/write/index";
import { writeTemplateBook } from "../../src/xlsx/write";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { inferFiscalYearFromCodes } from "../../src/model/read/hebei";
import { toCanonicalJson } from "../../src/model/canonical";
import type { JxmbDocument } from "../../src/model/schema";
import { stripPositional } from "../roundtrip/positional";
import { documentArb } from "../helpers/arbitraries";
import { differences } from "./diff";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_ROUNDTRIP_RUNS ?? 25);

jest.setTimeout(120_000);

/**
 * The one documented change a trip makes: a document without a fiscal year gets the year its Hebei project codes
 * carry (readWorkbook says so with an info problem). Apply it to the original too.
 */
function expected(doc: JxmbDocument): JxmbDocument {
  return doc.fiscalYear === null ? { ...doc, fiscalYear: inferFiscalYearFromCodes(doc.projects) } : doc;
}

function comparable(doc: JxmbDocument): unknown {
  // Through canonical JSON first (key order, -0), then without the positional keys.
  return stripPositional(JSON.parse(toCanonicalJson(doc)) as JxmbDocument);
}

test("random documents survive JSON → template .xlsx → JSON", async () => {
  let cases = 0;
  let projects = 0;
  await fc.assert(
    fc.asyncProperty(documentArb({ maxProjects: 3 }), async (doc) => {
      cases++;
      projects += doc.projects.length;
      const bytes = await writeTemplateBook(renderTemplate(doc));
      const grid = await loadGrid(bytes);
      const back = readWorkbook(grid).document;
      const d = differences(comparable(expected(doc)), comparable(back));
      expect(d).toEqual([]);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] round trip: ${cases} random documents (${projects} projects, seed ${SEED})`);
  expect(cases).toBe(RUNS);
});
