/**
 * The readers' fast paths (cheap tests that skip work on rows and sheets that cannot matter) agree
 * with the slow paths they stand in for, on real forms: every example, every public corpus workbook
 * and template workbooks of our own (rendered from the examples' documents).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { DEFAULT_READERS, DEFAULT_SYNONYMS, readWorkbook } from "../../src/model/read";
import { isOwnListsSheet, projectNameKey, templateReader } from "../../src/model/read/template";
import { sideBySideParts } from "../../src/model/read/bands";
import { readDepartmentPart, sectionOf } from "../../src/model/read/department";
import { labelKey } from "../../src/model/read/labels";
import { cleanLabel } from "../../src/model/taxonomy";
import { renderTemplate } from "../../src/model/write";
import { filledCells, rowCells } from "../../src/model/read/labels";
import type { Grid } from "../../src/model/grid";
import { CORPUS_WORKBOOKS } from "../corpus/build-corpus";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

const grids: { name: string; grid: Grid }[] = [];

beforeAll(async () => {
  const files = [
    ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(EXAMPLES, f)),
    ...fs.readdirSync(CORPUS_WORKBOOKS).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(CORPUS_WORKBOOKS, f)),
  ].sort();
  for (const f of files) {
    const grid = await loadGrid(fs.readFileSync(f), { fileName: path.basename(f) });
    grids.push({ name: path.basename(f), grid });
    if (f.startsWith(EXAMPLES)) {
      // The same document as our own template workbook (the template reader's sheets).
      const bytes = await writeTemplateBook(renderTemplate(readWorkbook(grid).document, {}));
      grids.push({ name: `${path.basename(f)} as template`, grid: await loadGrid(bytes) });
    }
  }
}, 120_000);

it("reads the examples, the corpus and their templates", () => {
  expect(grids.length).toBeGreaterThanOrEqual(20);
  expect(grids.filter((g) => g.name.endsWith("as template")).length).toBeGreaterThanOrEqual(6);
});

it("filledCells counts what rowCells returns (none, one, several) on every row", () => {
  let rows = 0;
  const seen = new Set<number>();
  for (const { name, grid } of grids) {
    for (const sheet of grid.sheets) {
      for (let r = 0; r < sheet.values.length; r++) {
        const n = filledCells(sheet, r);
        seen.add(n);
        rows++;
        if (n !== Math.min(rowCells(sheet, r).length, 2)) throw new Error(`${name} ${sheet.name} row ${r + 1}: ${n} vs ${rowCells(sheet, r).length}`);
      }
    }
  }
  expect(rows).toBeGreaterThan(1000);
  expect([...seen].sort()).toEqual([0, 1, 2]);
});

it("the template's lists sheet, which the template reader claims unsplit, is one no other reader would read", () => {
  const templates = grids.filter((g) => g.name.endsWith("as template"));
  for (const { name, grid } of templates) {
    const lists = grid.sheets.filter((s) => isOwnListsSheet(s, grid));
    expect([name, lists.length]).toEqual([name, 1]);
    const sheet = lists[0];
    expect(templateReader.detect(sheet, grid, { synonyms: DEFAULT_SYNONYMS })).toBe(true);
    // The slow path: split into bands, then every other reader and the department part.
    expect(sideBySideParts(sheet, DEFAULT_SYNONYMS)).toEqual([sheet]);
    for (const reader of DEFAULT_READERS.filter((r) => r !== templateReader)) {
      if (reader.detect(sheet, grid, { synonyms: DEFAULT_SYNONYMS })) {
        const res = reader.read(sheet, grid, { synonyms: DEFAULT_SYNONYMS });
        expect([reader.layout, res.projects.length, res.overview ?? null]).toEqual([reader.layout, 0, null]);
      }
    }
    expect(readDepartmentPart(sheet)).toBeNull();
  }
  // Only our own: a visible sheet of that name, or one without the template's list names, is any other sheet.
  const { grid } = templates[0];
  const sheet = grid.sheets.find((s) => s.name === "_lists")!;
  expect(isOwnListsSheet({ ...sheet, hidden: false }, grid)).toBe(false);
  expect(isOwnListsSheet(sheet, { ...grid, names: [] })).toBe(false);
  for (const { grid: g } of grids.filter((x) => !x.name.endsWith("as template"))) expect(g.sheets.some((s) => isOwnListsSheet(s, g))).toBe(false);
});

it("cleanLabel gives the same text from its memo as on first sight", () => {
  const texts = ["（一）产出指标（必填）", "效益指标30分", "产 出 指 标", "1.数量指标", "成本指标(0-20)分", "满意度指标(", ""];
  const first = texts.map((t) => cleanLabel(t));
  expect(first.slice(0, 5)).toEqual(["产出指标", "效益指标", "产出指标", "数量指标", "成本指标"]);
  expect(texts.map((t) => cleanLabel(t))).toEqual(first);
});

it("sectionOf's last-character test rejects only texts whose key no section heading matches", () => {
  const heads = [/^(?:(?:[一二三四五六七八九十]+|\d{1,2})[,.]|\(?[一二三]\)?)?(总体绩效目标|分项绩效目标|工作保障措施)$/];
  const full = (t: string) => heads.some((h) => h.test(labelKey(t)));
  const texts = new Set<string>(["一、总体绩效目标", "二、分项绩效目标 ", "3.工作保障措施\u200b", "（一）总体绩效目标\u3000", "总体绩效目标。", "▲ 指标行不够时"]);
  for (const { grid } of grids) for (const sheet of grid.sheets) for (const row of sheet.values) for (const v of row ?? []) if (typeof v === "string") texts.add(v);
  let heads0 = 0;
  for (const t of texts) {
    expect([t, sectionOf(t) !== null]).toEqual([t, full(t)]);
    if (full(t)) heads0++;
  }
  expect(heads0).toBeGreaterThanOrEqual(4);
});

it("projectNameKey reads what /^JXMB_P\\d+_(.+)$/ captures", () => {
  const names = new Set<string>(["JXMB_P001_CODE", "JXMB_P12_3_X", "JXMB_P_CODE", "JXMB_P1_", "JXMB_P1X_A", "JXMB_P1_A\nB", "JXMB_L1", "jxmb_p1_a", "JXMB_P0001_INDICATORS"]);
  for (const { grid } of grids) for (const n of grid.names ?? []) names.add(n.name);
  for (const name of names) expect([name, projectNameKey(name)]).toEqual([name, /^JXMB_P\d+_(.+)$/.exec(name)?.[1] ?? null]);
  expect(names.size).toBeGreaterThan(50);
});
