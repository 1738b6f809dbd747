/**
 * Property: the whole-form readers (绩效自评表, 部门整体支出绩效目标表) are total. On random edits of the
 * corpus self-evaluation and department-overall workbooks (cells replaced by every CellValue kind and by
 * layout labels, merges added, rows dropped), readWorkbook never throws and reports no reader crash, the
 * document is schema-valid and round-trips through canonical JSON byte for byte, and validate reports
 * no crashed rule.
 *
 * JXMB_PROPERTY_SEED=<n> reruns with another seed; JXMB_PROPERTY_RUNS=<n> changes the number of grids.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { readWorkbook } from "../../src/model/read/index";
import { JxmbDocument } from "../../src/model/schema";
import { parseCanonicalJson, toCanonicalJson } from "../../src/model/canonical";
import { validate } from "../../src/model/validate";
import { loadGrid } from "../../src/xlsx/read";
import type { Grid } from "../../src/model/grid";
import { gridArb } from "../helpers/arbitraries";
import { loadTruth } from "../corpus/truth-schema";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 150);
const CORPUS = join(__dirname, "..", "corpus");

let bases: Grid[] = [];

beforeAll(async () => {
  const truths = readdirSync(join(CORPUS, "truth"))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadTruth(join(CORPUS, "truth", f)))
    .filter((t) => t.kind === "self-eval" || t.kind === "department");
  bases = await Promise.all(truths.map((t) => loadGrid(readFileSync(join(CORPUS, t.workbook)))));
});

test("whole-form reading and validation are total on edited 自评表 and 部门整体 workbooks", () => {
  expect(bases.length).toBeGreaterThanOrEqual(3);
  let selfEval = 0;
  let department = 0;
  fc.assert(
    fc.property(gridArb(bases), (grid) => {
      const names = new Set(grid.sheets.map((s) => s.name));
      const { document, problems } = readWorkbook(grid);
      const parsed = JxmbDocument.safeParse(document);
      if (!parsed.success) throw new Error(`schema rejects the document: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      const text = toCanonicalJson(document);
      const back = parseCanonicalJson(text);
      expect(back.ok && toCanonicalJson(back.document)).toBe(text);
      for (const p of problems) {
        expect(p.message).toMatch(/[\u4e00-\u9fff]/);
        if (p.sheet !== null) expect(names.has(p.sheet)).toBe(true);
        expect(p.message).not.toMatch(/reader crashed|读取出错/);
      }
      const report = validate(document);
      expect(report.findings.filter((f) => /运行出错/.test(f.message))).toEqual([]);
      if (document.projects.some((p) => p.layout === "self-eval")) selfEval++;
      if (document.overview?.indicators) department++;
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  // The edits must leave the forms recognisable often enough for the property to say something.
  expect(selfEval).toBeGreaterThan(RUNS / 10);
  expect(department).toBeGreaterThan(RUNS / 20);
});
