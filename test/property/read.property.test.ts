/**
 * Property: the workbook reader is total. On random hostile grids — every CellValue kind, huge and unicode text,
 * layout labels and taxonomy labels at random places, overlapping / backwards / out-of-range merges, dangling
 * defined names — and on random edits of the real seed workbooks and of our own template, `readWorkbook`:
 *  - never throws,
 *  - returns a document that the zod schema accepts (so canonical JSON can always be written),
 *  - reports only problems that name a sheet of the workbook (or none, for workbook-wide problems),
 *  - reports no reader crash (a crash is caught and shown, but it is still a bug).
 *
 * JXMB_PROPERTY_SEED=<n> reruns with another seed; JXMB_PROPERTY_RUNS=<n> changes the number of grids.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { readWorkbook } from "../../src/model/read/index";
import { JxmbDocument } from "../../src/model/schema";
import { toCanonicalJson } from "../../src/model/canonical";
import { renderEmptyTemplate, renderTemplate } from "../../src/model/write/index";
import { loadGrid } from "../../src/xlsx/read";
import type { Grid } from "../../src/model/grid";
import { gridArb } from "../helpers/arbitraries";
import { syntheticDocument } from "../helpers/synthetic";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 200);
const EXAMPLES = join(__dirname, "../../examples");

let bases: Grid[] = [];

beforeAll(async () => {
  const files = readdirSync(EXAMPLES).filter((n) => n.endsWith(".xlsx")).sort();
  bases = await Promise.all(files.map((f) => loadGrid(readFileSync(join(EXAMPLES, f)), { fileName: f })));
  bases.push(renderEmptyTemplate(2, "hebei").grid, renderTemplate(syntheticDocument(2, 6)).grid);
});

test("readWorkbook never throws and always returns a schema-valid document on random grids", () => {
  let cases = 0;
  let withProjects = 0;
  const sheetsSeen = new Set<string>();
  fc.assert(
    fc.property(gridArb(bases), (grid) => {
      cases++;
      const names = new Set(grid.sheets.map((s) => s.name));
      const { document, problems } = readWorkbook(grid);
      const parsed = JxmbDocument.safeParse(document);
      if (!parsed.success) throw new Error(`schema rejects the document: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      expect(() => toCanonicalJson(document)).not.toThrow();
      for (const p of problems) {
        expect(typeof p.message).toBe("string");
        expect(p.message).toMatch(/[\u4e00-\u9fff]/);
        if (p.sheet !== null) expect(names.has(p.sheet)).toBe(true);
        expect(p.message).not.toMatch(/reader crashed|读取出错/);
      }
      for (const pr of document.projects) {
        expect(names.has(pr.source.sheet)).toBe(true);
        sheetsSeen.add(pr.layout);
      }
      if (document.projects.length) withProjects++;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] readWorkbook: ${cases} random grids (seed ${SEED}), ${withProjects} yielded projects; layouts hit: ${[...sheetsSeen].sort().join(", ")}`);
  expect(cases).toBe(RUNS);
  // The generator must reach the readers' tables, or the property proves little.
  expect(withProjects).toBeGreaterThan(RUNS / 4);
});
