/**
 * The profile a workbook is checked under, when the caller names none: what the workbook declares, else
 * what the form's own layout shows (read/profile.ts), else hebei; an explicit profile always wins, and an
 * inferred one is reported with the cell that decided it.
 * - The seeds: Hebei / 承德 layouts → hebei, Ningxia's → ningxia (their province's own forms).
 * - The corpus: a form whose truth puts an indicator under 成本指标 as a 一级 (the 财预〔2021〕101号
 *   framework) → central-2021, reported; every other form → the default, with no report.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { inferProfile, readWorkbook } from "../../src/model/read";
import { normalizeLevel1 } from "../../src/model/taxonomy";
import { loadCorpusCase, truthFiles } from "../helpers/corpus-compare";
import { loadExample } from "../helpers/seed-fixture";

const INFERRED = /按表格本身推断为 (\S+)：/;

describe("seeds: a province's own form is checked under that province's profile", () => {
  test.each([
    ["seed-000", "hebei"],
    ["seed-001", "hebei"],
    ["seed-002", "hebei"],
    ["seed-002-stacked", "hebei"],
    ["seed-004", "ningxia"],
    ["seed-004-merged", "ningxia"],
  ])("%s → %s", async (name, profile) => {
    const { doc, problems } = await loadExample(name);
    expect(doc.profile).toBe(profile);
    expect(inferProfile(doc.projects)?.profile).toBe(profile);
    // Nothing to report for a province's own reader: the layout says it all.
    expect(problems.filter((p) => INFERRED.test(p.message))).toEqual([]);
  });
});

const corpus = truthFiles().map((f) => [path.basename(f, ".json"), f] as const);

describe.each(corpus)("corpus %s", (_name, file) => {
  test("is inferred central-2021 exactly when its indicators stand under 成本指标 as a 一级, and says so", async () => {
    const { truth, workbook } = loadCorpusCase(file);
    const grid = await loadGrid(fs.readFileSync(workbook));
    const res = readWorkbook(grid);
    const indicators = [...truth.projects.flatMap((p) => p.indicators), ...(truth.departmentIndicators ?? [])];
    const framework2021 = indicators.some((i) => normalizeLevel1(i.level1Canonical ?? i.level1).key === "cost");
    const reports = res.problems.filter((p) => INFERRED.test(p.message));
    if (framework2021) {
      expect([res.document.profile, res.profileSource]).toEqual(["central-2021", "inferred"]);
      expect(reports).toHaveLength(1);
      expect(reports[0].severity).toBe("info");
      expect(reports[0].message).toContain("成本指标");
      expect(reports[0].message).toContain("--profile");
      // The reported cell holds the deciding label.
      const [sheet, cell] = [reports[0].sheet, reports[0].cell];
      expect(sheet).not.toBeNull();
      const m = /^([A-Z]+)(\d+)$/.exec(cell ?? "")!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const text = String(grid.sheets.find((s) => s.name === sheet)!.values[Number(m[2]) - 1][col]);
      expect(normalizeLevel1(text).key).toBe("cost");
    } else {
      expect([res.document.profile, res.profileSource]).toEqual(["hebei", "default"]);
      expect(reports).toEqual([]);
    }
    // An explicit profile always wins, and nothing is inferred then.
    for (const profile of ["hebei", "ningxia", "central-2021"] as const) {
      const forced = readWorkbook(grid, { profile });
      expect([forced.document.profile, forced.profileSource]).toEqual([profile, "option"]);
      expect(forced.problems.filter((p) => INFERRED.test(p.message))).toEqual([]);
    }
  });
});

test("the corpus holds a 2021-framework form to infer", () => {
  const any = truthFiles().some((f) =>
    loadCorpusCase(f).truth.projects.some((p) => p.indicators.some((i) => normalizeLevel1(i.level1Canonical ?? i.level1).key === "cost")),
  );
  expect(any).toBe(true);
});

describe("inferProfile on documents", () => {
  test("more tables keeping 成本 under 产出 than tables with 成本 as a 一级 → no central-2021", async () => {
    const { doc } = await loadExample("seed-000");
    const generic = doc.projects.map((p) => ({ ...p, layout: "generic" as const }));
    // Seed 000 keeps 成本指标 under 产出 in its tables (2015 framework).
    expect(inferProfile(generic)).toBeNull();
    const first = generic[0];
    const as2021 = { ...first, indicators: first.indicators.map((i) => (i.level2 === "成本指标" ? { ...i, level1: "成本指标", level2: "经济成本指标" } : i)) };
    expect(inferProfile([as2021])?.profile).toBe("central-2021");
    expect(inferProfile([as2021, ...generic.slice(1, 3)])).toBeNull();
  });

  test("no indicator at all → nothing inferred", () => {
    expect(inferProfile([])).toBeNull();
  });
});
