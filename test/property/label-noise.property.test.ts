/**
 * Property: a clerk's spelling noise in the labels does not change what is read. Every public form of
 * test/corpus is read once as typed; then its label cells (header fields such as 项目名称 / 资金总额,
 * indicator column names such as 三级指标 / 指标值, and the 一级/二级 labels such as 产出指标 / 数量指标)
 * are perturbed as clerks type them — spaces and full-width spaces inside (项 目 名 称), a line break,
 * full-width ↔ half-width brackets and colons, a trailing colon, a required-field star — and the layout
 * of the indicator block is varied as forms vary it: 一级/二级 merged down vs repeated on every row, an
 * extra column (备注 / 评分标准 / 权重) after the value, two adjacent indicator columns swapped, the header's
 * labels wrapped onto a second row as separate cells (一级 / 指标, 度量 / 单位). The
 * reading of the noisy workbook must equal the reading of the clean one: the same projects (name, code,
 * budget, year) and the same indicator rows (一级, 二级, 三级, 指标值), and the same score against the
 * form's truth. And two forms typed side by side on one sheet (a blank column between) read as each
 * form reads alone; and every label replaced by each other plain spelling the synonym table knows for its
 * field or column reads the same (one different spelling must not lose the table).
 *
 * JXMB_PROPERTY_SEED=<n> reruns with another seed; JXMB_PROPERTY_RUNS=<n> changes the runs per form.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { CellValue, Grid, GridSheet, MergeRange } from "../../src/model/grid";
import { readWorkbook } from "../../src/model/read";
import { findIndicatorHeaders } from "../../src/model/read/indicator-block";
import { classifyColumn, DEFAULT_SYNONYMS, fieldOf } from "../../src/model/read/synonyms";
import { labelKey } from "../../src/model/read/labels";
import type { JxmbDocument } from "../../src/model/schema";
import { normalizeLevel1, normalizeLevel2 } from "../../src/model/taxonomy";
import { loadGrid } from "../../src/xlsx/read";
import { loadCorpusCase, norm, scoreCase, truthFiles } from "../helpers/corpus-compare";
import type { Truth } from "../corpus/truth-schema";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 12);

interface Case {
  name: string;
  truth: Truth;
  grid: Grid;
  reading: string;
}

const cases: Case[] = [];

/** What "the same reading" means: the fields a user gets, texts compared as a reader would (no spaces, width folded). */
function projection(doc: JxmbDocument): string {
  const n = (s: string | null | undefined) => norm(s).replace(/[:：]$/, "");
  return JSON.stringify({
    year: doc.fiscalYear,
    projects: doc.projects.map((p) => ({
      name: n(p.name),
      code: p.code,
      budget: [p.budget.total, p.budget.fiscal, p.budget.other],
      indicators: p.indicators.map((i) => [n(i.level1), n(i.level2), n(i.name), n(i.target.raw)]),
    })),
    department: (doc.overview?.indicators ?? []).map((i) => [n(i.level1), n(i.level2), n(i.name), n(i.target.raw)]),
  });
}

beforeAll(async () => {
  for (const file of truthFiles()) {
    const { truth, workbook } = loadCorpusCase(file);
    const grid = await loadGrid(fs.readFileSync(workbook));
    cases.push({ name: path.basename(file, ".json"), truth, grid, reading: projection(readWorkbook(grid).document) });
  }
});

/* ------------------------------------------------------------------------------------------------
 * Noise
 * ---------------------------------------------------------------------------------------------- */

/** A small seeded generator, so a failing case names its seed and reruns exactly. */
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

type LabelKind = "field" | "column" | "level";

function labelKind(text: string): LabelKind | null {
  if (text.length > 30 || !/[\u4e00-\u9fff]/.test(text)) return null;
  if (normalizeLevel1(text).known || normalizeLevel2(text).known) return "level";
  if (classifyColumn(text)) return "column";
  if (fieldOf(text)) return "field";
  return null;
}

const TO_FULL: Record<string, string> = { "(": "（", ")": "）", ":": "：", ",": "，" };
const TO_HALF: Record<string, string> = { "（": "(", "）": ")", "：": ":", "，": "," };

/** One clerk's way of typing a label. */
function noisyLabel(text: string, kind: LabelKind, rand: () => number): string {
  let t = text;
  const pick = rand();
  const chars = [...t];
  if (pick < 0.3) {
    // Spaces between the characters (项 目 名 称), half- or full-width.
    const sp = rand() < 0.5 ? " " : "\u3000";
    t = chars.join(sp);
  } else if (pick < 0.45 && chars.length >= 3) {
    // A line break typed to wrap the label.
    const at = 1 + Math.floor(rand() * (chars.length - 1));
    t = chars.slice(0, at).join("") + "\n" + chars.slice(at).join("");
  } else if (pick < 0.6) {
    t = t.replace(/[():,]/g, (c) => TO_FULL[c]).replace(/[（）：，]/g, (c) => (rand() < 0.5 ? TO_HALF[c] : c));
  } else if (pick < 0.75 && kind !== "level" && !/[:：]./.test(t.trim())) {
    t = t.replace(/[:：]\s*$/, "") + (rand() < 0.5 ? ":" : "：");
  } else if (pick < 0.85 && kind === "field") {
    t = "*" + t;
  } else if (pick < 0.95) {
    t = ` ${t} `;
  }
  return t;
}

function cloneSheet(s: GridSheet): GridSheet {
  return {
    ...s,
    values: s.values.map((row) => (row ? [...row] : row)),
    formats: s.formats?.map((row) => (row ? [...row] : row)),
    formulas: s.formulas?.map((row) => (row ? [...row] : row)),
    merges: s.merges.map((m) => ({ ...m })),
  };
}

function perturbLabels(sheet: GridSheet, rand: () => number, changed: string[]): void {
  sheet.values.forEach((row, r) => {
    row?.forEach((v, c) => {
      if (typeof v !== "string") return;
      const kind = labelKind(v.trim());
      if (!kind || rand() < 0.25) return;
      const nv = noisyLabel(v, kind, rand);
      if (nv !== v) {
        row[c] = nv;
        changed.push(`${sheet.name}!R${r + 1}C${c + 1} ${JSON.stringify(v)} → ${JSON.stringify(nv)}`);
      }
    });
  });
}

/** 一级/二级 merged down → the label repeated on every row (or the other way round). */
function toggleLevelMerges(sheet: GridSheet, changed: string[]): void {
  const isLevel = (v: CellValue) => typeof v === "string" && labelKind(v.trim()) === "level";
  const keep: MergeRange[] = [];
  for (const m of sheet.merges) {
    const v = sheet.values[m.r1]?.[m.c1];
    if (m.c1 === m.c2 && m.r2 > m.r1 && isLevel(v)) {
      for (let r = m.r1 + 1; r <= m.r2; r++) {
        sheet.values[r] ??= [];
        sheet.values[r][m.c1] = v;
      }
      changed.push(`unmerged ${JSON.stringify(v)} R${m.r1 + 1}:R${m.r2 + 1} C${m.c1 + 1}, repeated`);
    } else keep.push(m);
  }
  if (keep.length !== sheet.merges.length) {
    sheet.merges = keep;
    return;
  }
  // Nothing merged: merge runs of a repeated level label down.
  const width = Math.max(0, ...sheet.values.map((row) => row?.length ?? 0));
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < sheet.values.length) {
      const v = sheet.values[r]?.[c];
      let e = r;
      while (isLevel(v) && e + 1 < sheet.values.length && sheet.values[e + 1]?.[c] === v && !sheet.merges.some((m) => m.c1 <= c && c <= m.c2 && m.r1 <= e + 1 && e + 1 <= m.r2)) e++;
      if (e > r && !sheet.merges.some((m) => m.c1 <= c && c <= m.c2 && m.r1 <= r && r <= m.r2)) {
        for (let rr = r + 1; rr <= e; rr++) sheet.values[rr][c] = null;
        sheet.merges.push({ r1: r, c1: c, r2: e, c2: c });
        changed.push(`merged ${JSON.stringify(v)} R${r + 1}:R${e + 1} C${c + 1}`);
      }
      r = e + 1;
    }
  }
}

/** A column the form did not have, inserted right of the 指标值 column (备注 / 评分标准 / 权重, cells empty). */
function insertColumn(sheet: GridSheet, rand: () => number, changed: string[]): void {
  const h = findIndicatorHeaders(sheet)[0];
  if (!h || h.cols.value === undefined || h.mid) return;
  let at = Math.max(...Object.values(h.cols).filter((c): c is number => c !== undefined && c <= h.cols.value! + 3 && c >= h.cols.value!)) + 1;
  // A value caption merged over several columns (区域目标值 over one column per county): the new column goes after it.
  const caption = sheet.merges.find((m) => m.r1 <= h.row && h.row <= m.r2 && m.c1 <= h.cols.value! && h.cols.value! <= m.c2);
  if (caption && caption.c2 >= at) at = caption.c2 + 1;
  const label = ["备注", "评分标准", "权重"][Math.floor(rand() * 3)];
  const shift = <T>(rows: T[][] | undefined, fill: T) => rows?.forEach((row) => row && row.length > at && row.splice(at, 0, fill));
  shift(sheet.values, null as CellValue);
  shift(sheet.formats, null);
  shift(sheet.formulas, null);
  sheet.values[h.row] ??= [];
  while (sheet.values[h.row].length < at) sheet.values[h.row].push(null);
  sheet.values[h.row][at] = label;
  sheet.merges = sheet.merges.map((m) => {
    if (m.c1 >= at) return { ...m, c1: m.c1 + 1, c2: m.c2 + 1 };
    if (m.c2 >= at) return { ...m, c2: m.c2 + 1 };
    return m;
  });
  // The header cells of the new column span the header's rows, as the other header cells do.
  if (h.lastRow > h.row) sheet.merges.push({ r1: h.row, c1: at, r2: h.lastRow, c2: at });
  changed.push(`inserted column ${JSON.stringify(label)} at C${at + 1}`);
}

/**
 * Two adjacent indicator columns swapped inside the block (三级 | 指标值 → 指标值 | 三级, 指标性质 | 指标值 →
 * 指标值 | 指标性质), where no merge of the block spans across them.
 */
function swapColumns(sheet: GridSheet, rand: () => number, changed: string[]): void {
  const h = findIndicatorHeaders(sheet)[0];
  if (!h || h.mid) return;
  const cols = (["level3", "value", "operator", "unit", "description", "weight", "actual", "score"] as const)
    .map((k) => h.cols[k])
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => a - b);
  const pairs = cols.slice(1).map((c, i) => [cols[i], c] as const).filter(([a, b]) => b === a + 1);
  if (!pairs.length) return;
  const [a, b] = pairs[Math.floor(rand() * pairs.length)];
  // The block: from the header down to the first empty row in both columns after data.
  let end = h.dataStart;
  while (end + 1 < sheet.values.length && !(sheet.values[end + 1]?.every((v) => v === null || v === "") ?? true)) end++;
  const inBlock = (m: MergeRange) => m.r2 >= h.row && m.r1 <= end;
  if (sheet.merges.some((m) => inBlock(m) && ((m.c1 <= a && a <= m.c2) || (m.c1 <= b && b <= m.c2)) && (m.c1 !== m.c2 || m.r1 < h.row || m.r2 > end))) return;
  for (let r = h.row; r <= end; r++) {
    for (const grid of [sheet.values, sheet.formats, sheet.formulas] as ((unknown[] | undefined)[] | undefined)[]) {
      const row = grid?.[r];
      if (!row) continue;
      while (row.length <= b) row.push(null);
      [row[a], row[b]] = [row[b], row[a]];
    }
  }
  sheet.merges = sheet.merges.map((m) => (inBlock(m) && m.c1 === a ? { ...m, c1: b, c2: b } : inBlock(m) && m.c1 === b ? { ...m, c1: a, c2: a } : m));
  changed.push(`swapped C${a + 1} and C${b + 1} in rows ${h.row + 1}–${end + 1}`);
}

/** The indicator header's labels wrapped onto a second row as separate cells (一级 / 指标, 度量 / 单位). */
function wrapHeader(sheet: GridSheet, rand: () => number, changed: string[]): void {
  const h = findIndicatorHeaders(sheet)[0];
  if (!h || h.lastRow !== h.row) return;
  const r = h.row;
  const spans = (c: number) => sheet.merges.some((m) => m.r1 <= r && m.r2 > r && m.c1 <= c && c <= m.c2);
  const top = sheet.values[r] ?? [];
  const second: CellValue[] = top.map(() => null);
  let wrapped = 0;
  top.forEach((v, c) => {
    if (typeof v !== "string" || spans(c)) return;
    const t = v.replace(/\s+/g, "");
    if (t.length < 4) return;
    const at = 2 + Math.floor(rand() * (t.length - 3));
    top[c] = t.slice(0, at);
    second[c] = t.slice(at);
    wrapped++;
  });
  if (wrapped < 2) return;
  sheet.values[r] = top;
  sheet.values.splice(r + 1, 0, second);
  sheet.formats?.splice(r + 1, 0, []);
  sheet.formulas?.splice(r + 1, 0, []);
  // Merges below move down; a caption merged down across the header grows by the new row.
  sheet.merges = sheet.merges.map((m) => ({ ...m, r1: m.r1 > r ? m.r1 + 1 : m.r1, r2: m.r2 > r || (m.r1 < r && m.r2 >= r) ? m.r2 + 1 : m.r2 }));
  changed.push(`wrapped ${wrapped} header labels of row ${r + 1} onto a second row`);
}

function noisyGrid(grid: Grid, seed: number, layout: boolean): { grid: Grid; changed: string[] } {
  const rand = rng(seed);
  const changed: string[] = [];
  const sheets = grid.sheets.map((s) => {
    const sheet = cloneSheet(s);
    // Spelling noise first: a wrapped label is split as the clerk spelled it.
    perturbLabels(sheet, rand, changed);
    if (layout) {
      const pick = rand();
      if (pick < 0.25) toggleLevelMerges(sheet, changed);
      else if (pick < 0.5) insertColumn(sheet, rand, changed);
      else if (pick < 0.75) swapColumns(sheet, rand, changed);
      else wrapHeader(sheet, rand, changed);
      // A fresh rows array: the readers cache what they found per values array, and the header looked
      // up above was found before the edit.
      sheet.values = [...sheet.values];
    }
    return sheet;
  });
  return { grid: { ...grid, sheets }, changed };
}

function check(layout: boolean): void {
  expect(cases.length).toBeGreaterThanOrEqual(20);
  let perturbed = 0;
  for (const [k, base] of cases.entries()) {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { grid, changed } = noisyGrid(base.grid, seed, layout);
        if (changed.length) perturbed++;
        const doc = readWorkbook(grid).document;
        const got = projection(doc);
        const score = scoreCase(base.truth, doc);
        const clean = scoreCase(base.truth, readWorkbook(base.grid).document);
        if (got !== base.reading || score.rowsRight !== clean.rowsRight || score.phantom !== clean.phantom || score.tablesFound !== clean.tablesFound) {
          let at = 0;
          while (at < got.length && got[at] === base.reading[at]) at++;
          const around = (t: string) => t.slice(Math.max(0, at - 60), at + 60);
          throw new Error(`${base.name} (seed ${seed}) read differently after:\n  ${changed.join("\n  ")}\nread:     …${around(got)}…\nexpected: …${around(base.reading)}…\nscore diffs:\n  ${score.diffs.join("\n  ")}`);
        }
      }),
      { seed: SEED + k, numRuns: RUNS },
    );
  }
  expect(perturbed).toBeGreaterThan(cases.length * RUNS * 0.8);
}

test("label spelling noise (spaces, line breaks, full/half width, colons, stars) leaves every corpus form's reading unchanged", () => {
  check(false);
});

test("layout noise (一级 merged vs repeated, an extra column, adjacent columns swapped, header labels wrapped onto a second row) with label noise leaves every corpus form's reading unchanged", () => {
  check(true);
});

/** Form b's cells placed right of form a's, one blank column between, on one sheet. */
function sideBySide(a: GridSheet, b: GridSheet): GridSheet {
  const w = Math.max(...a.values.map((row) => row?.length ?? 0), ...a.merges.map((m) => m.c2 + 1)) + 1;
  const rows = Math.max(a.values.length, b.values.length);
  const join = <T>(x: T[][] | undefined, y: T[][] | undefined, blank: T): T[][] =>
    Array.from({ length: rows }, (_, r) => {
      const left = [...(x?.[r] ?? [])];
      while (left.length < w) left.push(blank);
      return [...left, ...(y?.[r] ?? [])];
    });
  return {
    name: a.name,
    values: join(a.values, b.values, null as CellValue),
    formats: join(a.formats, b.formats, null),
    merges: [...a.merges.map((m) => ({ ...m })), ...b.merges.map((m) => ({ r1: m.r1, r2: m.r2, c1: m.c1 + w, c2: m.c2 + w }))],
  };
}

test("two forms side by side on one sheet read as each reads alone (every pair of one-sheet project, flat and 自评 forms)", () => {
  const sig = (doc: JxmbDocument) => JSON.parse(projection(doc)).projects.map((p: unknown) => JSON.stringify(p));
  const single = cases.filter((c) => c.truth.kind !== "department" && c.grid.sheets.length === 1);
  expect(single.length).toBeGreaterThanOrEqual(15);
  const wrong: string[] = [];
  for (const a of single) {
    for (const b of single) {
      if (a === b) continue;
      const doc = readWorkbook({ sheets: [sideBySide(a.grid.sheets[0], b.grid.sheets[0])], names: [] }).document;
      const want = [...sig(readWorkbook(a.grid).document), ...sig(readWorkbook(b.grid).document)].sort();
      if (JSON.stringify([...sig(doc)].sort()) !== JSON.stringify(want)) wrong.push(`${a.name} | ${b.name}`);
    }
  }
  expect(wrong).toEqual([]);
});

/**
 * Spellings of the same fields and columns that other templates and clerks use, beyond the plain strings
 * of the synonym table (the table covers them with patterns): seen on public forms (项目(专项)名称,
 * 年度资金申请总额, 具体实施单位, 当年预期实现值, 计算符号) or their near variants.
 */
const OTHER_SPELLINGS: Record<string, string[]> = {
  name: ["项目(专项)名称", "资金项目名称", "补助项目名称", "子项目名称", "转移支付项目名称", "政策(项目)名称", "项目名称及代码", "预算项目"],
  competentDepartment: ["主管单位名称", "主管部门名称及编码", "项目主管单位", "归口管理部门"],
  implementingUnit: ["具体实施单位", "资金使用单位", "项目单位名称", "承办单位", "实施单位名称及编码"],
  total: ["年度资金申请总额", "申请资金总额", "年度总预算", "年度资金"],
  fiscal: ["财政补助资金", "政府性基金", "其中:财政补助资金"],
  other: ["社会资金", "自筹资金", "银行贷款"],
  yearGoal: ["年度预期目标", "年度实施目标", "年度绩效总目标"],
  level3: ["指标项", "指标明细", "考核内容"],
  value: ["当年预期实现值", "指标值及单位", "目标值含单位"],
  operator: ["计算符号", "运算符号", "关系符"],
};

test("labels spelled as other templates spell them (项目(专项)名称, 年度资金申请总额, 具体实施单位 …) read the same", () => {
  const wrong: string[] = [];
  let swaps = 0;
  for (const base of cases) {
    base.grid.sheets.forEach((sheet, si) => {
      sheet.values.forEach((row, r) => {
        row?.forEach((v, c) => {
          if (typeof v !== "string" || v.length > 30) return;
          const col = classifyColumn(v);
          // Not where the original says more than its role: a 年度/中期 group (指标值(年度)), a budget named
          // 财政 money (本年度申请市财政预算资金 is the fiscal part too), a value-like column without 值 that
          // describes (绩效标准 beside 当年预期实现值).
          if (col && (col.group !== null || (col.role === "value" && !/值/.test(v)))) return;
          const key = col ? col.role : fieldOf(v);
          if (key === "total" && /财政/.test(v)) return;
          for (const alt of (key && OTHER_SPELLINGS[key]) || []) {
            if (labelKey(alt) === labelKey(v)) continue;
            swaps++;
            const sheets = base.grid.sheets.map((s, k) => (k === si ? { ...s, values: s.values.map((rr, ri) => (ri === r ? rr.map((x, ci) => (ci === c ? alt : x)) : rr)) } : s));
            if (projection(readWorkbook({ ...base.grid, sheets }).document) !== base.reading) wrong.push(`${base.name} ${sheet.name}!R${r + 1}C${c + 1}: ${v} → ${alt}`);
          }
        });
      });
    });
  }
  expect(swaps).toBeGreaterThan(300);
  expect(wrong).toEqual([]);
});

test("every label replaced by each other spelling of its field or column in the synonym table reads the same", () => {
  const plain = (list: (string | RegExp)[]) => list.filter((x): x is string => typeof x === "string");
  const COLUMNS = new Set(["level1", "level2", "level3", "value", "operator", "unit"]);
  const FIELDS = new Set(["name", "code", "competentDepartment", "implementingUnit", "period", "total", "fiscal", "other", "yearGoal"]);
  const wrong: string[] = [];
  let swaps = 0;
  for (const base of cases) {
    base.grid.sheets.forEach((sheet, si) => {
      sheet.values.forEach((row, r) => {
        row?.forEach((v, c) => {
          if (typeof v !== "string" || v.length > 30) return;
          const col = classifyColumn(v);
          const field = fieldOf(v);
          let alts: string[] = [];
          if (col && COLUMNS.has(col.role) && col.group !== "mid") alts = plain(DEFAULT_SYNONYMS.columns[col.role]);
          else if (!col && field && FIELDS.has(field)) alts = plain(DEFAULT_SYNONYMS.fields[field]).filter((a) => fieldOf(a) === field);
          for (const alt of alts) {
            if (labelKey(alt) === labelKey(v)) continue;
            swaps++;
            const sheets = base.grid.sheets.map((s, k) => (k === si ? { ...s, values: s.values.map((rr, ri) => (ri === r ? rr.map((x, ci) => (ci === c ? alt : x)) : rr)) } : s));
            if (projection(readWorkbook({ ...base.grid, sheets }).document) !== base.reading) wrong.push(`${base.name} ${sheet.name}!R${r + 1}C${c + 1}: ${v} → ${alt}`);
          }
        });
      });
    });
  }
  expect(swaps).toBeGreaterThan(500);
  expect(wrong).toEqual([]);
});
