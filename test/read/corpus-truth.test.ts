/**
 * Every public form of test/corpus, read by readWorkbook and compared field by field with its truth
 * (project name, code, budget, budget year, unit, and every indicator's 一级/二级/三级/指标值). A diff
 * lists each field that differs, so a failure says exactly what was misread.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { loadCorpusCase, scoreCase, truthFiles } from "../helpers/corpus-compare";

const files = truthFiles();

test("the corpus has truth files", () => {
  expect(files.length).toBeGreaterThanOrEqual(8);
});

describe.each(files.map((f) => [path.basename(f, ".json"), f]))("%s", (_name, file) => {
  test("read as its truth says, field by field", async () => {
    const { truth, workbook } = loadCorpusCase(file);
    const grid = await loadGrid(fs.readFileSync(workbook));
    const { document } = readWorkbook(grid);
    const score = scoreCase(truth, document);
    expect(score.diffs).toEqual([]);
    expect(score.tablesFound).toBe(score.tablesTruth);
    expect(score.rowsRight).toBe(score.rowsTruth);
    expect(score.phantom).toBe(0);
  });
});
