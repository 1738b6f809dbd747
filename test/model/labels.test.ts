/**
 * The reviewer labels (test/labels/*.labels.json) that `npm run eval:findings` scores validate
 * against: every label names a real project and a real cell of its workbook's reviewed reading, a
 * known category and severity; and the scoring rules of bench/findings.ts on small cases.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readLabelFiles, score, median, ROOT, type Label, type LabelFile } from "../../bench/findings";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import type { JxmbDocument } from "../../src/model/schema";
import { CATEGORY_KEYS } from "../../src/model/rules/categories";
import { parseCanonicalJson } from "../../src/model/canonical";
import type { Finding } from "../../src/model/rules/types";

const files = readLabelFiles();

test("there is a label file per seed document and per corpus project table", () => {
  expect(files.map((f) => f.seed)).toEqual([
    "corpus-01",
    "corpus-03",
    "corpus-05",
    "corpus-07",
    ...["21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53"].map((n) => `corpus-${n}`),
    "seed-000",
    "seed-001",
    "seed-002",
    "seed-004",
  ]);
  // The held-out set: every corpus form added after the rules were developed (labelled blind).
  expect(files.filter((f) => f.heldOut).map((f) => f.seed)).toEqual(files.map((f) => f.seed).filter((s) => /^corpus-(07|[2-5]\d)$/.test(s)));
});

/** The reviewed reading of a labelled workbook: the seeds' checked-in JSON, the corpus workbooks as read. */
async function reading(lf: LabelFile): Promise<JxmbDocument> {
  if (lf.seed.startsWith("seed-")) {
    const parsed = parseCanonicalJson(fs.readFileSync(path.join(ROOT, "test", "fixtures", "seeds", "expected", `${lf.seed}.json`), "utf8"));
    if (!parsed.ok) throw new Error(lf.seed);
    return parsed.document;
  }
  const grid = await loadGrid(fs.readFileSync(path.join(ROOT, lf.workbook)), { fileName: path.basename(lf.workbook) });
  return readWorkbook(grid).document;
}

describe.each(files.map((f) => [f.seed, f] as const))("%s labels", (_seed, lf) => {
  let doc: JxmbDocument;
  beforeAll(async () => {
    doc = await reading(lf);
  });
  test("the workbook exists", () => expect(fs.existsSync(path.join(ROOT, lf.workbook))).toBe(true));
  test("each label: known category and severity, a real visible project, a cell of that project, a note", () => {
    for (const l of lf.labels) {
      expect(CATEGORY_KEYS).toContain(l.category);
      expect(["error", "warning", "info"]).toContain(l.severity);
      expect(l.note).toMatch(/[\u4e00-\u9fa5]/);
      if (l.project === null) continue;
      const p = doc.projects.find((x) => x.seq === l.project);
      expect(p).toBeDefined();
      expect(p!.redacted).toBe(false);
      if (l.code !== undefined) expect(l.code).toBe(p!.code);
      const cells = new Set<string>([...Object.values(p!.source.cells), ...p!.indicators.flatMap((i) => Object.values(i.source ?? {})).filter((c): c is string => typeof c === "string")]);
      for (const c of [l.cell, ...(l.also ?? [])]) if (c !== null) expect([l.project, c, cells.has(c)]).toEqual([l.project, c, true]);
    }
  });
  test("no label is listed twice", () => {
    const keys = lf.labels.map((l) => `${l.project}|${l.category}|${l.cell}|${l.note}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("score", () => {
  const f = (over: Partial<Finding>): Finding => ({
    ruleId: "value/vague",
    severity: "warning",
    message: "m",
    sheet: "s",
    cell: "E11",
    projectCode: null,
    projectName: null,
    projectSeq: 1,
    ...over,
  });
  const L = (over: Partial<Label>): Label => ({ project: 1, category: "value", cell: "E11", note: "问题", severity: "warning", ...over });

  test("a label is found by a finding of its category on its cell (or on one of its other cells)", () => {
    const labels = [L({}), L({ cell: "E12", also: ["C12"] }), L({ cell: "E13" })];
    const r = score("t", labels, [f({}), f({ cell: "C12" })], [1]);
    expect(r.recall.value).toEqual({ labels: 3, found: 2 });
    expect(r.precision.warning).toEqual({ findings: 2, onLabel: 2 });
    expect(r.missed).toEqual([labels[2]]);
  });
  test("wrong category or wrong project is not a match; a finding on no label counts against precision", () => {
    const r = score("t", [L({})], [f({ ruleId: "time/wrong-year" }), f({ projectSeq: 2 })], [1, 2]);
    expect(r.recall.value.found).toBe(0);
    expect(r.precision.warning).toEqual({ findings: 2, onLabel: 0 });
  });
  test("a folded rule's category counts; a project-level label matches any cell of its project", () => {
    const r = score("t", [L({ category: "time" }), L({ category: "framework", cell: null })], [f({ folded: ["time/wrong-year"] }), f({ ruleId: "indicator/missing-cost", cell: "A10" })], [1]);
    expect(r.recall.time).toEqual({ labels: 1, found: 1 });
    expect(r.recall.framework).toEqual({ labels: 1, found: 1 });
  });
  test("a document-level summary is right when at least half of the places it lists are labelled", () => {
    const locs = (n: number) => Array.from({ length: n }, (_, i) => ({ projectSeq: i + 1, sheet: "s", cell: "B8" }));
    const labels = [1, 2].map((p) => L({ project: p, category: "goal", cell: "B8" }));
    const sum = (n: number) => f({ ruleId: "goal/vague", projectSeq: null, cell: null, locations: locs(n) });
    expect(score("t", labels, [sum(4)], [1, 2, 3, 4]).precision.warning.onLabel).toBe(1);
    expect(score("t", labels, [sum(5)], [1, 2, 3, 4, 5]).precision.warning.onLabel).toBe(0);
    expect(score("t", labels, [sum(5)], [1, 2, 3, 4, 5]).recall.goal.found).toBe(2);
  });
  test("volume: findings per project, cells with more than one finding, distinct 建议", () => {
    const r = score("t", [], [f({ fix: "a" }), f({ fix: "a" }), f({ cell: "E12", fix: "b" }), f({ projectSeq: 3, cell: "E11" })], [1, 2, 3]);
    expect(r.perProject).toEqual([3, 0, 1]);
    expect(median(r.perProject)).toBe(1);
    expect(r.multiCells).toBe(1);
    expect(r.fixes).toEqual({ with: 3, without: 1, distinct: 2 });
  });
});
