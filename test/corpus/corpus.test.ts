/**
 * The reading corpus is well-formed: every truth file validates against the truth shape and points at
 * an existing workbook and source; every transcription builds and its committed workbook is current;
 * every indicator name in a truth file is a cell of its workbook (so truth and workbook were typed from
 * the same page). Reading the workbooks against their truth is the reader's test, not this one.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { cellText, type Grid } from "../../src/model/grid";
import { loadTranscription, slaveValueErrors } from "../fixtures/build-fixtures";
import { buildCorpus, CORPUS_DIR, CORPUS_TRUTH, CORPUS_WORKBOOKS, listCorpusTranscriptions } from "./build-corpus";
import { loadTruth } from "./truth-schema";

const truthFiles = fs.readdirSync(CORPUS_TRUTH).filter((f) => f.endsWith(".json")).sort();
const transcriptions = listCorpusTranscriptions().map((f) => path.basename(f, ".json"));
const readme = fs.readFileSync(path.join(CORPUS_DIR, "README.md"), "utf8");

function dump(g: Grid): unknown {
  return g.sheets.map((s) => ({ name: s.name, hidden: !!s.hidden, values: s.values, formats: s.formats ?? null, merges: s.merges }));
}

function cellTexts(g: Grid): Set<string> {
  const out = new Set<string>();
  for (const s of g.sheets) for (const row of s.values) for (const v of row ?? []) if (v !== null && v !== undefined) out.add(cellText(v).trim());
  return out;
}

describe("corpus truth files", () => {
  test("there is a truth file for every workbook and a workbook for every truth file", () => {
    const workbooks = fs.readdirSync(CORPUS_WORKBOOKS).filter((f) => f.endsWith(".xlsx")).sort();
    const named = truthFiles.map((f) => path.basename(loadTruth(path.join(CORPUS_TRUTH, f)).workbook)).sort();
    expect(named).toEqual(workbooks);
    expect(truthFiles.map((f) => path.basename(f, ".json"))).toEqual(workbooks.map((f) => path.basename(f, ".xlsx")));
  });

  test.each(truthFiles)("%s validates, its source is cited, its indicator names are cells of its workbook", async (f) => {
    const truth = loadTruth(path.join(CORPUS_TRUTH, f));
    const source = fs.readFileSync(path.join(CORPUS_DIR, truth.source), "utf8");
    const url = /^# Source: (\S+)/.exec(source)?.[1];
    expect(url).toBeDefined();
    if (truth.url) expect(truth.url).toBe(url);
    // Every transcribed (new) form names its page in the truth too.
    if (transcriptions.includes(path.basename(truth.workbook, ".xlsx"))) expect(truth.url).toBe(url);
    expect(readme).toContain(url!);
    const grid = await loadGrid(fs.readFileSync(path.join(CORPUS_DIR, truth.workbook)), { fileName: path.basename(truth.workbook) });
    const cells = cellTexts(grid);
    const indicators = [...truth.projects.flatMap((p) => p.indicators), ...(truth.departmentIndicators ?? [])];
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.map((i) => i.name).filter((n) => !cells.has(n))).toEqual([]);
    expect(truth.projects.map((p) => p.name).filter((n) => ![...cells].some((c) => c.includes(n)))).toEqual([]);
  });
});

describe("corpus transcriptions build and the committed workbooks are current", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-corpus-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each(transcriptions)("%s", async (name) => {
    const t = loadTranscription(listCorpusTranscriptions(name + ".")[0]);
    expect(slaveValueErrors(t)).toEqual([]);
    const [built] = await buildCorpus(tmp, name + ".");
    expect(path.basename(built)).toBe(`${name}.xlsx`);
    const fresh = await loadGrid(fs.readFileSync(built));
    const committed = await loadGrid(fs.readFileSync(path.join(CORPUS_WORKBOOKS, `${name}.xlsx`)));
    expect(dump(committed)).toEqual(dump(fresh));
  });
});
