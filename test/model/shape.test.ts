/**
 * The zod-free shape (schema-shape.ts) that export and the template reader use instead of zod:
 * current with the zod schema, and on every document our readers build (examples/ and the public
 * corpus) it agrees with zod — the document passes the zod schema, and the zod-free key order is
 * exactly what a zod parse emits, so canonical JSON is unchanged.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { JxmbDocument, MidTerm, SelfEvaluation, Target } from "../../src/model/schema";
import { shapeModuleText } from "../../src/model/shape-gen";
import { DOCUMENT_SHAPE, MID_TERM_SHAPE, SELF_EVALUATION_SHAPE, TARGET_SHAPE } from "../../src/model/schema-shape";
import { compileCheckedCopy, orderedCopy, shapeMismatch } from "../../src/model/shape";
import { CORPUS_WORKBOOKS } from "../corpus/build-corpus";
import { syntheticDocument } from "../helpers/synthetic";
import { emptyTarget } from "../../src/model/schema-values";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");

describe("schema-shape.ts", () => {
  it("is current with the zod schema (run `npm run schema` when this fails)", () => {
    expect(fs.readFileSync(path.join(ROOT, "src", "model", "schema-shape.ts"), "utf8")).toBe(shapeModuleText());
  });

  it("rejects what zod rejects, naming the path", () => {
    const doc = syntheticDocument(1, 2);
    const bad = JSON.parse(JSON.stringify(doc));
    bad.projects[0].indicators[1].target.kind = "much";
    expect(JxmbDocument.safeParse(bad).success).toBe(false);
    expect(shapeMismatch(DOCUMENT_SHAPE, bad)).toMatch(/^projects\.0\.indicators\.1\.target\.kind: expected one of/);
    const frac = { ...doc, fiscalYear: 2024.5 };
    expect(JxmbDocument.safeParse(frac).success).toBe(false);
    expect(shapeMismatch(DOCUMENT_SHAPE, frac)).toBe("fiscalYear: expected integer");
    expect(shapeMismatch(TARGET_SHAPE, { ...emptyTarget(), value: NaN })).toBe("value: expected number");
    expect(Target.safeParse({ ...emptyTarget(), value: NaN }).success).toBe(false);
    const mid = { goals: ["a"], indicators: "none" };
    expect(MidTerm.safeParse(mid).success).toBe(false);
    expect(shapeMismatch(MID_TERM_SHAPE, mid)).toBe("indicators: expected array");
    const se = { funds: [], goalsActual: [], totalWeight: null, totalScore: null, grade: null, conclusion: null, issues: null };
    expect(SelfEvaluation.safeParse(se).success).toBe(false);
    expect(shapeMismatch(SELF_EVALUATION_SHAPE, se)).toBe("measures: expected string");
  });

  it("drops unknown keys and orders keys as a zod parse does", () => {
    const doc = syntheticDocument(2, 4);
    const shuffled = { extra: 1, ...Object.fromEntries(Object.entries(doc).reverse()) };
    expect(JSON.stringify(orderedCopy(DOCUMENT_SHAPE, shuffled))).toBe(JSON.stringify(JxmbDocument.parse(shuffled)));
  });
});

describe("compileCheckedCopy (export's one-pass check and copy)", () => {
  const natural = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

  it("refuses exactly what shapeMismatch refuses", () => {
    const copy = compileCheckedCopy(DOCUMENT_SHAPE);
    const doc = syntheticDocument(2, 3);
    expect(copy(doc)).not.toBeNull();
    const bad = JSON.parse(JSON.stringify(doc));
    bad.projects[1].indicators[2].target.kind = "much";
    const cases: unknown[] = [bad, { ...doc, fiscalYear: 2024.5 }, { ...doc, projects: "none" }, { ...doc, title: undefined }, null, []];
    const noSource = JSON.parse(JSON.stringify(doc));
    noSource.projects[0].source.cells.name = 7;
    cases.push(noSource);
    for (const c of cases) {
      expect(shapeMismatch(DOCUMENT_SHAPE, c)).not.toBeNull();
      expect(copy(c)).toBeNull();
    }
    const se = { funds: [], goalsActual: [], totalWeight: null, totalScore: null, grade: null, conclusion: null, issues: null };
    expect(compileCheckedCopy(SELF_EVALUATION_SHAPE)(se)).toBeNull();
    expect(compileCheckedCopy(TARGET_SHAPE)({ ...emptyTarget(), value: NaN })).toBeNull();
  });

  it("copies as orderedCopy does: schema key order, unknown keys dropped, records sorted", () => {
    const doc = syntheticDocument(3, 4);
    // Source maps in differing key orders and lengths: the sorted order of a sequence seen before is reused.
    doc.projects[0].indicators[0].source = { target: "E9", level1: "A9", name: "C9", level2: "B9" };
    doc.projects[0].indicators[1].source = { target: "E10", level1: "A10", name: "C10", level2: "B10" };
    doc.projects[0].indicators[2].source = { target: "E11", level1: "A11", name: "C11" };
    doc.projects[1].source.cells = { "goals.10": "B8", "goals.2": "B8", "goals.1": "B8", title: "A1" };
    const shuffled = { extra: 1, ...Object.fromEntries(Object.entries(doc).reverse()) };
    const copy = compileCheckedCopy(DOCUMENT_SHAPE, natural);
    for (let round = 0; round < 2; round++) {
      expect(JSON.stringify(copy(shuffled)!.value)).toBe(JSON.stringify(orderedCopy(DOCUMENT_SHAPE, shuffled, natural)));
    }
    expect(Object.keys((copy(doc)!.value as typeof doc).projects[1].source.cells)).toEqual(["goals.1", "goals.2", "goals.10", "title"]);
  });
});

describe("every document our readers build passes the zod schema, and the zod-free order equals zod's", () => {
  const files = [
    ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(EXAMPLES, f)),
    ...fs.readdirSync(CORPUS_WORKBOOKS).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(CORPUS_WORKBOOKS, f)),
  ].sort();

  it("finds the examples and the corpus", () => {
    expect(files.filter((f) => f.startsWith(EXAMPLES)).length).toBeGreaterThanOrEqual(6);
    expect(files.filter((f) => f.startsWith(CORPUS_WORKBOOKS)).length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s", async (_name, file) => {
    const grid = await loadGrid(fs.readFileSync(file), { fileName: path.basename(file) });
    const { document } = readWorkbook(grid);
    const zod = JxmbDocument.safeParse(document);
    expect(zod.success ? [] : zod.error.issues.slice(0, 3)).toEqual([]);
    expect(shapeMismatch(DOCUMENT_SHAPE, document)).toBeNull();
    expect(JSON.stringify(orderedCopy(DOCUMENT_SHAPE, document))).toBe(JSON.stringify(zod.data));
    expect(JSON.stringify(compileCheckedCopy(DOCUMENT_SHAPE)(document)?.value)).toBe(JSON.stringify(zod.data));
  });
});
