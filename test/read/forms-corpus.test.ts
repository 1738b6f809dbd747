/**
 * The whole-form readers on the public corpus (test/corpus): every 绩效自评表 (kind self-eval) and every
 * 部门整体支出绩效目标表 (kind department) is read through loadGrid + readWorkbook and compared field by
 * field with its truth file — targets and actuals side by side. New forms of these kinds added to the
 * corpus are picked up without touching this file.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { toCanonicalJson, parseCanonicalJson } from "../../src/model/canonical";
import type { Indicator, Project } from "../../src/model/schema";
import type { Grid } from "../../src/model/grid";
import { isField } from "../../src/model/read/synonyms";
import { labelKey } from "../../src/model/read/labels";
import { loadTruth, type Truth, type TruthIndicator } from "../corpus/truth-schema";

const CORPUS = path.join(__dirname, "..", "corpus");
const truths = fs
  .readdirSync(path.join(CORPUS, "truth"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ file: f, truth: loadTruth(path.join(CORPUS, "truth", f)) }));
const selfEval = truths.filter((t) => t.truth.kind === "self-eval");
const department = truths.filter((t) => t.truth.kind === "department");

async function read(truth: Truth) {
  const file = path.join(CORPUS, truth.workbook);
  const grid = await loadGrid(fs.readFileSync(file), { fileName: path.basename(file) });
  return { ...readWorkbook(grid), grid };
}

/** Does the form print a goals block (总体目标 / 年度总体目标 / 预期目标 …)? */
function hasGoalBlock(grid: Grid): boolean {
  return grid.sheets.some((s) => s.values.some((row) => row?.some((v) => typeof v === "string" && (isField(v, "goalBlock") || isField(v, "yearGoal") || /总体目标$/.test(labelKey(v))))));
}

/** The target as a person reads it: the parts of a split value glued, spaces dropped, glyph variants (﹦) folded. */
function valueText(ind: Indicator): string {
  return ind.target.raw.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

/** Field-by-field differences of one indicator against its truth row (empty when it matches). */
function indicatorDiffs(at: string, ind: Indicator | undefined, t: TruthIndicator): string[] {
  if (!ind) return [`${at}: missing (${t.name})`];
  const out: string[] = [];
  const eq = (field: string, got: unknown, want: unknown) => {
    if (!Object.is(got, want)) out.push(`${at}.${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  eq("name", ind.name, t.name);
  eq("level1", ind.level1, t.level1Canonical ?? t.level1);
  if (t.level1Canonical) eq("level1Raw", ind.level1Raw, t.level1);
  eq("level2", ind.level2, t.level2Canonical ?? t.level2);
  eq("value", valueText(ind), t.value.replace(/[\s\u3000]+/g, ""));
  if (t.operator !== undefined) eq("operator", ind.target.operator, t.operator);
  if (t.number !== undefined) eq("number", ind.target.value, t.number);
  if (t.actual !== undefined) eq("actual", ind.actual?.raw, t.actual);
  else if (ind.actual) eq("actual (blank in the form)", ind.actual.kind, "empty");
  if (t.points !== undefined) eq("points", ind.weight, t.points);
  if (t.weight !== undefined) eq("weight", ind.weight, t.weight);
  if (t.score !== undefined) eq("score", ind.score, t.score);
  return out;
}

function projectDiffs(p: Project | undefined, t: Truth["projects"][number], i: number): string[] {
  const at = `projects[${i}]`;
  if (!p) return [`${at}: missing (${t.name})`];
  const out: string[] = [];
  const eq = (field: string, got: unknown, want: unknown) => {
    if (!Object.is(got, want)) out.push(`${at}.${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  eq("name", p.name, t.name);
  eq("code", p.code, t.code);
  for (const k of ["total", "fiscal", "other"] as const) eq(`budget.${k}`, p.budget[k], t.budget[k]);
  if (t.executed !== undefined) eq("selfEvaluation.funds[total].executed", p.selfEvaluation?.funds.find((l) => l.role === "total")?.executed ?? null, t.executed);
  eq("indicators.length", p.indicators.length, t.indicators.length);
  t.indicators.forEach((ti, j) => out.push(...indicatorDiffs(`${at}.indicators[${j}]`, p.indicators[j], ti)));
  return out;
}

describe("绩效自评表 in the corpus, field by field against truth", () => {
  test("the corpus holds self-evaluation forms", () => {
    expect(selfEval.length).toBeGreaterThanOrEqual(2);
  });

  test.each(selfEval.map((t) => [t.file, t.truth] as const))("%s", async (_f, truth) => {
    const { document: doc, problems, grid } = await read(truth);
    const diffs: string[] = [];
    if (doc.projects.length !== truth.projects.length) diffs.push(`projects: expected ${truth.projects.length}, got ${doc.projects.length}`);
    truth.projects.forEach((tp, i) => diffs.push(...projectDiffs(doc.projects[i], tp, i)));
    for (const [i, tp] of truth.projects.entries()) {
      const p = doc.projects[i];
      if (!p) continue;
      if (tp.fiscalYear !== null && doc.fiscalYear !== tp.fiscalYear) diffs.push(`fiscalYear: expected ${tp.fiscalYear}, got ${doc.fiscalYear}`);
      // The reporting unit: the 实施单位 the form names.
      if (p.unit.name !== truth.unit.name && p.implementingUnit !== truth.unit.name) diffs.push(`unit.name: expected ${truth.unit.name}, got ${p.unit.name}`);
      if (truth.unit.code !== null && p.unit.code !== truth.unit.code) diffs.push(`unit.code: expected ${truth.unit.code}, got ${p.unit.code}`);
      // Every self-evaluation carries its funds block and the goals beside their actuals.
      if (!p.selfEvaluation || p.selfEvaluation.funds.length === 0) diffs.push("selfEvaluation.funds: empty");
      // (Some 自评表 templates have no goals block at all: 预算执行情况 is followed by the indicators.)
      if (p.goals.length === 0 && hasGoalBlock(grid)) diffs.push("goals: empty");
      expect(p.layout).toBe("self-eval");
    }
    expect(diffs).toEqual([]);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    // The export carries the actuals and imports back unchanged.
    const text = toCanonicalJson(doc);
    expect(text).toContain('"selfEvaluation"');
    const back = parseCanonicalJson(text);
    expect(back.ok && toCanonicalJson(back.document)).toBe(text);
  });
});

describe("部门整体支出绩效目标表 in the corpus, field by field against truth", () => {
  test("the corpus holds department-overall forms", () => {
    expect(department.length).toBeGreaterThanOrEqual(1);
  });

  test.each(department.map((t) => [t.file, t.truth] as const))("%s", async (_f, truth) => {
    const { document: doc, problems } = await read(truth);
    const diffs: string[] = [];
    const o = doc.overview;
    if (!o) throw new Error("no department overview read");
    if (doc.department.name !== truth.unit.name) diffs.push(`department.name: expected ${truth.unit.name}, got ${doc.department.name}`);
    if (truth.unit.code !== null && doc.department.code !== truth.unit.code) diffs.push(`department.code: expected ${truth.unit.code}, got ${doc.department.code}`);
    const d = truth.department;
    if (d) {
      if (o.budget?.total !== d.total) diffs.push(`budget.total: expected ${d.total}, got ${o.budget?.total}`);
      if (d.project !== undefined && o.budget?.project !== d.project) diffs.push(`budget.project: expected ${d.project}, got ${o.budget?.project}`);
      if (d.basic !== undefined && o.budget?.basic !== d.basic) diffs.push(`budget.basic: expected ${d.basic}, got ${o.budget?.basic}`);
      if (d.goals !== undefined && (o.goals?.length ?? 0) !== d.goals) diffs.push(`goals: expected ${d.goals}, got ${o.goals?.length ?? 0}`);
    }
    const tis = truth.departmentIndicators ?? [];
    const inds = o.indicators ?? [];
    if (inds.length !== tis.length) diffs.push(`indicators.length: expected ${tis.length}, got ${inds.length}`);
    tis.forEach((ti, j) => diffs.push(...indicatorDiffs(`indicators[${j}]`, inds[j], ti)));
    expect(diffs).toEqual([]);
    expect(doc.projects).toHaveLength(truth.projects.length);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const text = toCanonicalJson(doc);
    const back = parseCanonicalJson(text);
    expect(back.ok && toCanonicalJson(back.document)).toBe(text);
  });
});
