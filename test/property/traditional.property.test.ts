/**
 * Property: labels typed (or converted) in traditional characters read as their simplified spellings.
 * - foldTraditional maps any mix of traditional and simplified characters of a text to the same
 *   simplified text, leaves every other character alone, and is idempotent.
 * - Every public form of test/corpus, with its label cells (header fields, indicator columns, 一级/二级
 *   labels) rewritten character by character in a random mix of traditional and simplified script,
 *   reads as the form reads as typed: the same projects (name, code, budget, year) and indicator rows
 *   (一级, 二级, 三级, 指标值), and the same score against its truth. Names and values are not touched
 *   (they are kept as written; only labels are matched by folding).
 *
 * - Every 指标值 of the seeds and the corpus, typed in traditional characters (萬元, 不低於, 個, 顯著提升), parses
 *   as its simplified spelling — same kind, operator, number, range, unit and date — with raw kept as
 *   written; money amounts (250萬) read the same.
 *
 * JXMB_PROPERTY_SEED=<n> reruns with another seed; JXMB_PROPERTY_RUNS=<n> changes the runs per form.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { Grid } from "../../src/model/grid";
import { FOLDED_CHARACTERS, foldPairs, foldTraditional } from "../../src/model/han-fold";
import { readWorkbook } from "../../src/model/read";
import { labelKey } from "../../src/model/read/labels";
import { classifyColumn, fieldOf } from "../../src/model/read/synonyms";
import type { JxmbDocument } from "../../src/model/schema";
import { normalizeLevel1, normalizeLevel2 } from "../../src/model/taxonomy";
import { loadGrid } from "../../src/xlsx/read";
import { loadCorpusCase, norm, scoreCase, truthFiles } from "../helpers/corpus-compare";
import { parseTarget, parseTargetParts } from "../../src/model/value";
import { parseMoney } from "../../src/model/money";
import type { Target } from "../../src/model/schema";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 4);

const PAIRS = foldPairs();
/** A traditional spelling for each simplified character that has one (the first in the table). */
const TO_TRADITIONAL = new Map<string, string>();
for (const [t, s] of PAIRS) if (!TO_TRADITIONAL.has(s)) TO_TRADITIONAL.set(s, t);

describe("foldTraditional", () => {
  test("the table is large enough to cover the script, and one-to-one per traditional character", () => {
    expect(FOLDED_CHARACTERS).toBeGreaterThan(2000);
    expect(new Set(PAIRS.map(([t]) => t)).size).toBe(PAIRS.length);
    expect(PAIRS.every(([t, s]) => t !== s && foldTraditional(s) === s)).toBe(true);
  });

  test("the labels of traditional pages fold to their simplified spellings", () => {
    expect(foldTraditional("項目名稱")).toBe("项目名称");
    expect(foldTraditional("績效目標")).toBe("绩效目标");
    expect(foldTraditional("一級指標")).toBe("一级指标");
    expect(foldTraditional("指標值")).toBe("指标值");
    expect(foldTraditional("預算")).toBe("预算");
    expect(labelKey("項目資金（萬元）")).toBe(labelKey("项目资金(万元)"));
  });

  test("any mix of the two scripts folds to the simplified text; other characters are kept; folding twice changes nothing", () => {
    const simplifiedChar = fc.constantFrom(...PAIRS.map(([, s]) => s));
    const other = fc.constantFrom("a", "Z", "1", "%", "≥", "（", "）", "：", " ", "\n", "万", "人", "、", "𠀋", "😀");
    const piece = fc.tuple(fc.oneof(simplifiedChar, other), fc.boolean());
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const simplified = pieces.map(([ch]) => ch).join("");
        const mixed = pieces.map(([ch, trad]) => (trad ? (TO_TRADITIONAL.get(ch) ?? ch) : ch)).join("");
        const folded = foldTraditional(mixed);
        return folded === foldTraditional(simplified) && foldTraditional(folded) === folded && [...simplified].length === [...folded].length;
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

/* ------------------------------------------------------------------------------------------------
 * Corpus forms with traditional labels
 * ---------------------------------------------------------------------------------------------- */

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isLabel(text: string): boolean {
  if (text.length > 30 || !/[\u4e00-\u9fff]/.test(text)) return false;
  return normalizeLevel1(text).known || normalizeLevel2(text).known || !!classifyColumn(text) || !!fieldOf(text);
}

/**
 * Rewrite the label cells of a grid, each character traditional with probability `p`; returns how many characters
 * changed. Cells holding a name or value of the form (an indicator called 满意度) are data, not labels: kept.
 */
function traditionalLabels(grid: Grid, rand: () => number, p: number, data: Set<string>): { grid: Grid; changed: number } {
  let changed = 0;
  const sheets = grid.sheets.map((s) => ({
    ...s,
    values: s.values.map((row) =>
      row
        ? row.map((v) => {
            if (typeof v !== "string" || !isLabel(v.trim()) || data.has(norm(v))) return v;
            return [...v]
              .map((ch) => {
                const t = TO_TRADITIONAL.get(ch);
                if (!t || rand() >= p) return ch;
                changed++;
                return t;
              })
              .join("");
          })
        : row,
    ),
  }));
  return { grid: { ...grid, sheets }, changed };
}

/** What "the same reading" means: the fields a user gets, labels compared folded, names and values as written. */
function projection(doc: JxmbDocument): string {
  const l = (s: string | null | undefined) => foldTraditional(norm(s));
  const n = (s: string | null | undefined) => norm(s);
  return JSON.stringify({
    year: doc.fiscalYear,
    projects: doc.projects.map((p) => ({
      name: n(p.name),
      code: p.code,
      budget: [p.budget.total, p.budget.fiscal, p.budget.other],
      indicators: p.indicators.map((i) => [l(i.level1), l(i.level2), n(i.name), n(i.target.raw)]),
    })),
    department: (doc.overview?.indicators ?? []).map((i) => [l(i.level1), l(i.level2), n(i.name), n(i.target.raw)]),
  });
}

const files = truthFiles();

describe.each(files.map((f) => [path.basename(f, ".json"), f]))("%s with labels in traditional characters", (_name, file) => {
  test("reads as typed", async () => {
    const { truth, workbook } = loadCorpusCase(file);
    const grid = await loadGrid(fs.readFileSync(workbook));
    const clean = readWorkbook(grid).document;
    const want = projection(clean);
    const wantScore = scoreCase(truth, clean);
    const rand = rng(SEED ^ path.basename(file).length * 7919);
    const data = new Set([...truth.projects, ...(truth.departmentIndicators ? [{ name: "", indicators: truth.departmentIndicators }] : [])].flatMap((p) => [p.name, ...p.indicators.flatMap((i) => [i.name, i.value])]).map(norm));
    let changedAny = 0;
    for (let run = 0; run < RUNS; run++) {
      // All labels traditional on the first run, a random mix after.
      const p = run === 0 ? 1 : 0.2 + rand() * 0.7;
      const { grid: trad, changed } = traditionalLabels(grid, rand, p, data);
      changedAny += changed;
      const doc = readWorkbook(trad).document;
      expect({ run, p, reading: projection(doc) }).toEqual({ run, p, reading: want });
      const s = scoreCase(truth, doc);
      expect([s.tablesFound, s.rowsRight, s.phantom]).toEqual([wantScore.tablesFound, wantScore.rowsRight, wantScore.phantom]);
    }
    expect(changedAny).toBeGreaterThan(0);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Values in traditional characters
 * ---------------------------------------------------------------------------------------------- */

const toTraditional = (s: string) => [...s].map((ch) => TO_TRADITIONAL.get(ch) ?? ch).join("");
/** What a parse means (raw, the operator as written and the descriptive words stay as written / folded). */
const meaning = (t: Target) => ({ kind: t.kind, operator: t.operator, value: t.value, valueMax: t.valueMax, unit: t.unit, date: t.date });

function seedValues(): { raw: string[]; parts: [string, string, string][] } {
  const file = path.join(__dirname, "..", "fixtures", "targets", "seed-targets.tsv");
  const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  const head = lines[0].split("\t");
  const col = (name: string) => head.indexOf(name);
  const raw: string[] = [];
  const parts: [string, string, string][] = [];
  for (const l of lines.slice(1)) {
    const f = l.split("\t").map((x) => x.replace(/\\u3000/g, "\u3000").replace(/\\t/g, "\t").replace(/\\\\/g, "\\"));
    if (f[col("form")] === "parts") parts.push([f[col("symbol")], f[col("value")], f[col("unit")]]);
    else raw.push(f[col("raw")]);
  }
  return { raw, parts };
}

describe("values typed in traditional characters", () => {
  const seeds = seedValues();
  const corpusValues = truthFiles().flatMap((f) => {
    const t = loadCorpusCase(f).truth;
    return [...t.projects.flatMap((p) => p.indicators), ...(t.departmentIndicators ?? [])].flatMap((i) => [i.value, ...(i.actual ? [i.actual] : [])]);
  });
  const values = [...new Set([...seeds.raw, ...corpusValues])].filter((v) => toTraditional(v) !== v);

  test("there are values with characters that have a traditional form", () => {
    expect(values.length).toBeGreaterThan(50);
  });

  test("every seed and corpus value parses as its simplified spelling, raw kept as written", () => {
    const wrong = values.filter((v) => {
      const trad = toTraditional(v);
      const a = parseTarget(trad);
      return a.raw !== parseTarget(v).raw.replace(/./gu, (ch) => TO_TRADITIONAL.get(ch) ?? ch) || JSON.stringify(meaning(a)) !== JSON.stringify(meaning(parseTarget(v)));
    });
    expect(wrong.map((v) => `${v} → ${toTraditional(v)}: ${JSON.stringify(meaning(parseTarget(toTraditional(v))))} ≠ ${JSON.stringify(meaning(parseTarget(v)))}`)).toEqual([]);
  });

  test("符号 | 值 | 单位 parts in traditional characters parse the same", () => {
    const parts = seeds.parts.filter((p) => p.some((x) => toTraditional(x) !== x));
    expect(parts.length).toBeGreaterThan(0);
    for (const [sym, val, unit] of parts) {
      expect(meaning(parseTargetParts(toTraditional(sym), toTraditional(val), toTraditional(unit)))).toEqual(meaning(parseTargetParts(sym, val, unit)));
    }
  });

  test("money in traditional characters reads the same amount", () => {
    const amounts = ["250万", "≤50万元", "10000万元", "854万(高标准农田建设400万元)", "19270元", "不超过50万元", "50万元以内"];
    for (const m of amounts) {
      const a = parseMoney(toTraditional(m));
      const b = parseMoney(m);
      expect({ m, ok: a.ok, wan: a.wan, unit: a.unit, operator: a.operator }).toEqual({ m, ok: b.ok, wan: b.wan, unit: b.unit, operator: b.operator });
    }
  });
});

/* ------------------------------------------------------------------------------------------------
 * The seeds (Hebei, 承德, Ningxia layouts: their own readers) with traditional labels
 * ---------------------------------------------------------------------------------------------- */

describe.each(["seed-000", "seed-001", "seed-002", "seed-002-stacked", "seed-004", "seed-004-merged"])("%s with labels in traditional characters", (name) => {
  test("reads as typed (same layout reader, projects, budgets and indicator rows)", async () => {
    const file = path.join(__dirname, "..", "..", "examples", `${name}.xlsx`);
    const grid = await loadGrid(fs.readFileSync(file));
    const clean = readWorkbook(grid).document;
    // Names and values of the document are data, not labels: kept.
    const data = new Set(clean.projects.flatMap((p) => [p.name ?? "", ...p.indicators.flatMap((i) => [i.name, i.target.raw])]).map(norm));
    const rand = rng(SEED ^ name.length * 104729);
    for (const p of [1, 0.5]) {
      const { grid: trad, changed } = traditionalLabels(grid, rand, p, data);
      expect(changed).toBeGreaterThan(0);
      const doc = readWorkbook(trad).document;
      expect({ p, layouts: doc.projects.map((x) => x.layout), reading: projection(doc) }).toEqual({ p, layouts: clean.projects.map((x) => x.layout), reading: projection(clean) });
    }
  });
});
