/**
 * The sheet never contradicts the task pane, recalculated by a real LibreOffice.
 *
 * Every seed example, every corpus workbook that reads as a project table, and a document of planted
 * errors (hebei, central-2021, ningxia) are imported into the template (renderTemplate → exceljs), every formula's cached value is
 * replaced by "STALE", LibreOffice recalculates and saves, and we read the 校验 column back. The same
 * template workbook, read by our template reader and validated, gives the pane's findings. For every
 * rule with an in-sheet version (IN_SHEET_RULES):
 *   - each finding shows as ✗ naming the rule, on the finding's indicator row ("row" rules) or in the
 *     project sheet's 校验 column ("project" rules);
 *   - no ✗ names a rule where the pane is silent.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { a1, type CellValue, type Grid, type GridSheet } from "../../src/model/grid";
import { readWorkbook } from "../../src/model/read";
import { emptyDocument, type JxmbDocument, type Project } from "../../src/model/schema";
import { validate } from "../../src/model/validate";
import { projectLayoutOf, renderTemplate, SHEET_SUMMARY, type ProjectLayout, type TemplateBook } from "../../src/model/write";
import { canonicalPercent, IN_SHEET_RULES, quantityWithoutNumber, ruleIdsIn, yearOfTarget, type CheckInput } from "../../src/model/write/checks";
import { LEVEL2 } from "../../src/model/taxonomy";
import { parseTarget } from "../../src/model/value";
import { fenToWan, wanToFen } from "../../src/model/money";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { convertWithLibreOffice } from "./libreoffice";

const ROOT = path.resolve(__dirname, "..", "..");
const SEEDS = ["seed-000", "seed-001", "seed-002", "seed-004"].map((n) => path.join(ROOT, "examples", `${n}.xlsx`));
const CORPUS_DIR = path.join(ROOT, "test", "corpus", "workbooks");
const CORPUS = fs
  .readdirSync(CORPUS_DIR)
  .filter((n) => n.endsWith(".xlsx"))
  .sort()
  .map((n) => path.join(CORPUS_DIR, n));

const RULES = new Map(IN_SHEET_RULES.map((r) => [r.id, r]));

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function staleCopy(book: TemplateBook): TemplateBook {
  const copy: TemplateBook = { ...book, grid: clone(book.grid) };
  for (const s of copy.grid.sheets) s.formulas?.forEach((row, r) => row?.forEach((f, c) => f && (s.values[r][c] = "STALE")));
  return copy;
}

/** Planted errors: one seed project per error, each under the rule it must trip. */
function planted(base: Project, profile: "hebei" | "central-2021" | "ningxia"): JxmbDocument {
  const doc = emptyDocument(profile);
  doc.fiscalYear = 2023;
  doc.department = { code: "999001", name: "植入错误示例" };
  const mk = (name: string, edit: (p: Project) => void): Project => {
    const p = clone(base);
    p.name = `${name}`;
    p.title = null;
    edit(p);
    return p;
  };
  const ind = (p: Project, l1: string, l2: string) => p.indicators.findIndex((x) => x.level1 === l1 && x.level2 === l2);
  const dropL1 = (p: Project, l1: string) => (p.indicators = p.indicators.filter((x) => x.level1 !== l1));
  const dropL2 = (p: Project, l2: string) => (p.indicators = p.indicators.filter((x) => x.level2 !== l2));
  const plan = (p: Project, v: (number | null)[]) => (p.spendPlan = { mar: v[0], jun: v[1], oct: v[2], dec: v[3], raw: { mar: null, jun: null, oct: null, dec: null } });
  const projects = [
    mk("无误", () => {}),
    mk("预算不平", (p) => (p.budget.fiscal = (p.budget.total ?? 1) - 0.5)),
    mk("预算为文字", (p) => ((p.budget.other = null), (p.budget.raw.other = "见附件"))),
    mk("预算为负", (p) => (p.budget.other = -1)),
    mk("进度下降", (p) => plan(p, [50, 30, 80, 100])),
    mk("年末非100", (p) => plan(p, [10, 20, 30, 90])),
    mk("进度超范围", (p) => plan(p, [10, 120, 30, 100])),
    mk("进度中间空", (p) => plan(p, [10, null, 30, 100])),
    mk("进度止于10月", (p) => plan(p, [10, 20, 30, null])),
    mk("无进度", (p) => (p.spendPlan = null)),
    mk("缺满意度", (p) => dropL1(p, "满意度指标")),
    mk("缺效益", (p) => dropL1(p, "效益指标")),
    mk("缺产出", (p) => dropL1(p, "产出指标")),
    mk("缺时效", (p) => dropL2(p, "时效指标")),
    mk("缺成本", (p) => dropL2(p, "成本指标")),
    mk("一级未知", (p) => ((p.indicators[0].level1 = "工作指标"), (p.indicators[1].level1 = ""))),
    mk("二级错配", (p) => {
      p.indicators[0].level2 = "社会效益指标";
      p.indicators[1].level2 = "";
    }),
    mk("指标值空", (p) => (p.indicators[0].target = parseTarget(""))),
    mk("百分比超100", (p) => {
      p.indicators[0].target = parseTarget("120%");
      // A growth rate may exceed 100% (the pane's GROWTH words): no ✗.
      p.indicators[1].name = "业务量同比增长率";
      p.indicators[1].target = parseTarget("≥150%");
    }),
    mk("满意度上限", (p) => {
      const i = ind(p, "满意度指标", "服务对象满意度指标");
      p.indicators[i >= 0 ? i : 0].target = parseTarget("≤95%");
    }),
    mk("百分比无运算符", (p) => {
      p.indicators[0].target = parseTarget("95％");
      // Not read as a percentage by the sheet (the pane's parser is wider): left to the pane.
      p.indicators[1].target = parseTarget("95.0%");
    }),
    mk("数量无数字", (p) => {
      const i = ind(p, "产出指标", "数量指标");
      p.indicators[i >= 0 ? i : 0].target = parseTarget("按实际需要采购");
      // A change-phrase is value/vague's, not a missing number: no ✗ for this rule.
      const j = p.indicators.findIndex((x, k) => k !== i && x.level2 === "数量指标");
      if (j >= 0) p.indicators[j].target = parseTarget("进一步增加");
    }),
    mk("年份不符", (p) => {
      const i = ind(p, "产出指标", "时效指标");
      p.indicators[i >= 0 ? i : 0].target = parseTarget("2022年12月31日前");
    }),
  ];
  projects.forEach((p, i) => (p.seq = i + 1));
  doc.projects = projects;
  // 汇总's declared totals (部门申报合计数, 各单位申报合计): hebei's are off by 1 万元 (department) and 0.5 万元 (the
  // unit), with a unit no project has and one without a code (both left to the pane: 汇总 has no unit names);
  // the other profiles' add up.
  const fen = projects.reduce((sum, p) => sum + wanToFen(p.budget.total ?? 0), 0);
  const unit = base.unit;
  doc.declaredTotals =
    profile === "hebei"
      ? {
          department: fenToWan(fen + 1_000_000),
          units: [
            { code: unit.code, name: unit.name, total: fenToWan(fen - 500_000) },
            { code: "999999", name: "无此单位", total: 5 },
            { code: null, name: unit.name, total: 3 },
          ],
          source: null,
        }
      : { department: fenToWan(fen), units: [{ code: unit.code, name: unit.name, total: fenToWan(fen) }], source: null };
  return doc;
}

interface Case {
  name: string;
  book: TemplateBook;
  layout: ProjectLayout;
  /** The pane's findings for the template workbook, keyed "sheet|rule|row" (row "" for project rules). */
  pane: Set<string>;
  sheet?: Grid;
}

/**
 * Where a rule's in-sheet version claims only part of the rule (IN_SHEET_RULES `part`), the pane findings it must
 * show are those in that part: a 指标值 the sheet reads as a percentage (canonicalPercent) and, per part, over 100%,
 * a 满意度 row (一级 满意度指标, 二级 服务对象满意度指标 or blank) with ≤/<, or no operator. Outside the part the
 * sheet stays silent ("quantity": the 数量 values the sheet can tell state no number, quantityWithoutNumber; "yearWord": a year written as "20xx年"); that it never shows a ✗ the pane does not report is checked for every rule, part or not.
 */
function claimed(part: (typeof IN_SHEET_RULES)[number]["part"], row: readonly CellValue[] | undefined, L: ProjectLayout): boolean {
  if (!part) return true;
  const IC = L.indicatorCols;
  if (part === "yearWord") return yearOfTarget((row?.[IC.target] ?? null) as CheckInput) !== null;
  if (part === "quantity") return quantityWithoutNumber((row?.[IC.level2] ?? null) as CheckInput, (row?.[IC.target] ?? null) as CheckInput, LEVEL2.quantity);
  const pct = canonicalPercent((row?.[IC.target] ?? null) as CheckInput);
  if (!pct) return false;
  if (part === "percentOver") return pct.value > 100;
  if (part === "percent") return pct.op === null;
  const l2 = row?.[IC.level2] ?? null;
  return (pct.op === "≤" || pct.op === "<") && row?.[IC.level1] === "满意度指标" && (l2 === "服务对象满意度指标" || l2 === null || l2 === "");
}

function paneKeys(doc: JxmbDocument, book: TemplateBook): Set<string> {
  const out = new Set<string>();
  const PROJECT = projectLayoutOf(doc.profile);
  // raw: every rule's own findings. The precision stage only presents them (several on one cell folded into
  // the most specific, with the folded ids kept; a warning on most projects summarised once for the document).
  for (const f of validate(doc, { raw: true }).findings) {
    const rule = RULES.get(f.ruleId);
    if (!rule || !f.sheet) continue;
    if (rule.scope === "project") {
      out.add(`${f.sheet}|${f.ruleId}|`);
      continue;
    }
    if (rule.scope === "summary") {
      const at = f.cell ? /^([A-Z]+)(\d+)$/.exec(f.cell) : null;
      if (!at) continue;
      // A unit's total is checked in the sheet by 单位编码 only (汇总 has no unit names): where no project with an
      // amount has the code, the pane's match by name is not claimed.
      const dt = doc.declaredTotals;
      const i = dt ? dt.units.findIndex((_, k) => dt.source?.cells[`units.${k}.total`] === f.cell) : -1;
      const code = i >= 0 ? dt!.units[i].code : null;
      if (i >= 0 && (code === null || !doc.projects.some((p) => p.unit.code === code && p.budget.total !== null))) continue;
      out.add(`${f.sheet}|${f.ruleId}|${Number(at[2]) - 1}`);
      continue;
    }
    const at = f.cell ? /^([A-Z]+)(\d+)$/.exec(f.cell) : null;
    if (!at) continue;
    const row = Number(at[2]) - 1 - PROJECT.indicatorFirstRow;
    // A row rule's in-sheet version sees the indicator rows only (time/wrong-year: only the 指标值).
    if (row < 0 || (rule.targetOnly && at[1] !== a1(0, PROJECT.indicatorCols.target).replace(/\d+$/, ""))) continue;
    if (!claimed(rule.part, book.grid.sheets.find((x) => x.name === f.sheet)?.values[Number(at[2]) - 1], PROJECT)) continue;
    out.add(`${f.sheet}|${f.ruleId}|${row}`);
  }
  return out;
}

function sheetKeys(grid: Grid, projectSheets: readonly string[], PROJECT: ProjectLayout): Set<string> {
  const out = new Set<string>();
  // 汇总: the declared totals' checks, on their own rows.
  grid.sheets
    .find((x) => x.name === SHEET_SUMMARY)
    ?.values.forEach((row, r) =>
      row?.forEach((v) => {
        for (const id of ruleIdsIn(v)) if (RULES.get(id)?.scope === "summary") out.add(`${SHEET_SUMMARY}|${id}|${r}`);
      }),
    );
  for (const name of projectSheets) {
    const s = grid.sheets.find((x) => x.name === name) as GridSheet;
    s.values.forEach((row, r) => {
      for (const id of ruleIdsIn(row?.[PROJECT.checkCol] ?? null)) {
        const rule = RULES.get(id);
        if (!rule) continue;
        out.add(rule.scope === "project" ? `${name}|${id}|` : `${name}|${id}|${r - PROJECT.indicatorFirstRow}`);
      }
    });
  }
  return out;
}

describe("in-sheet checks agree with the task pane (LibreOffice recalculation)", () => {
  const cases: Case[] = [];

  beforeAll(async () => {
    const docs: { name: string; doc: JxmbDocument }[] = [];
    for (const file of [...SEEDS, ...CORPUS]) {
      const grid = await loadGrid(fs.readFileSync(file), { fileName: path.basename(file) });
      const doc = readWorkbook(grid).document;
      if (doc.projects.filter((p) => p.indicators.length > 0).length === 0) continue; // not a project table
      docs.push({ name: path.basename(file, ".xlsx"), doc });
    }
    const seed0 = docs.find((d) => d.name === "seed-000")!.doc;
    const base = seed0.projects.find((p) => p.name === "安保指挥中心工作经费")!;
    docs.push({ name: "planted-hebei", doc: planted(base, "hebei") });
    // The 2021 form's 中期 | 年度 rows: a 中期 value beside a 年度 one, and a 中期-only row (even with an unknown 一级),
    // which neither the pane nor the row check reviews.
    const central = planted(base, "central-2021");
    const ok = central.projects[0];
    ok.midTerm = {
      goals: ["三年内安保指挥中心运转经费保障到位"],
      indicators: [
        { ...clone(ok.indicators[0]), target: parseTarget("≥3次") },
        { ...clone(ok.indicators[0]), level1: "工作指标", name: "中期专用指标", target: parseTarget("≥95%") },
      ],
    };
    docs.push({ name: "planted-central", doc: central });
    // Real tables in the central-2021 form too: seed 002 (承德) and corpus 24 (奉节, the 2021 framework).
    for (const name of ["seed-002", "24-重庆奉节-审批表-2023"]) {
      const real = docs.find((d) => d.name === name);
      if (real) docs.push({ name: `${name}-central`, doc: { ...real.doc, profile: "central-2021" } });
    }
    // The Ningxia form: no plan (its rules are off), 满意度 and the 产出 dimensions are errors there.
    docs.push({ name: "planted-ningxia", doc: planted(base, "ningxia") });

    const inputs: Record<string, Uint8Array> = {};
    for (const [i, d] of docs.entries()) {
      const book = renderTemplate(d.doc);
      const bytes = await writeTemplateBook(book);
      const back = readWorkbook(await loadGrid(bytes, { fileName: `${d.name}.xlsx` })).document;
      cases.push({ name: d.name, book, layout: projectLayoutOf(d.doc.profile), pane: paneKeys(back, book) });
      inputs[`c${i}`] = await writeTemplateBook(staleCopy(book));
    }
    const out = convertWithLibreOffice(inputs, "xlsx", 540_000);
    for (const [i, c] of cases.entries()) c.sheet = await loadGrid(out[`c${i}`]);
  }, 600_000);

  test("covers the seeds, the corpus project tables and the planted errors", () => {
    const names = cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["seed-000", "seed-001", "seed-002", "seed-004", "planted-hebei", "planted-central", "planted-ningxia", "seed-002-central", "24-重庆奉节-审批表-2023-central"]));
    expect(names.filter((n) => /^\d\d-/.test(n)).length).toBeGreaterThanOrEqual(4);
  });

  test("LibreOffice computed what our evaluator wrote (no formula disagrees with its twin)", () => {
    const diffs: string[] = [];
    for (const c of cases)
      for (const s of c.book.grid.sheets) {
        const lo = c.sheet!.sheets.find((x) => x.name === s.name)!;
        s.formulas?.forEach((row, r) =>
          row?.forEach((f, col) => {
            if (!f) return;
            const want = s.values[r][col] === "" ? null : s.values[r][col];
            const got = lo.values[r]?.[col] ?? null;
            if (JSON.stringify(want) !== JSON.stringify(got === "" ? null : got)) diffs.push(`${c.name} ${s.name}!${a1(r, col)} ours=${JSON.stringify(want)} LibreOffice=${JSON.stringify(got)}`);
          }),
        );
      }
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  test("every pane finding of an in-sheet rule shows as ✗, and no ✗ where the pane is silent", () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const c of cases) {
      const sheet = sheetKeys(c.sheet!, c.book.projectSheets, c.layout);
      for (const k of c.pane) if (!sheet.has(k)) missing.push(`${c.name}: ${k}`);
      for (const k of sheet) if (!c.pane.has(k)) extra.push(`${c.name}: ${k}`);
    }
    expect({ missing: missing.slice(0, 30), extra: extra.slice(0, 30) }).toEqual({ missing: [], extra: [] });
  });

  test("planted errors (hebei): the unchanged project passes every check; each planted error trips its rule", () => {
    const c = cases.find((x) => x.name === "planted-hebei")!;
    const keys = [...sheetKeys(c.sheet!, c.book.projectSheets, c.layout)];
    const rulesOn = (planted: string) => {
      const sheet = c.book.projectSheets.find((n) => n.endsWith(planted) || n.includes(`.${planted}`));
      if (!sheet) throw new Error(`no sheet for ${planted}: ${c.book.projectSheets.join(" ")}`);
      return [...new Set(keys.filter((k) => k.startsWith(`${sheet}|`)).map((k) => k.split("|")[1]))];
    };
    const want: Record<string, string[]> = {
      无误: [],
      预算不平: ["budget/sum-mismatch"],
      预算为文字: ["budget/not-number"],
      预算为负: ["budget/not-number"],
      进度下降: ["spend-plan/decreasing"],
      年末非100: ["spend-plan/not-100"],
      进度超范围: ["spend-plan/out-of-range"],
      进度中间空: ["spend-plan/missing"],
      进度止于10月: ["spend-plan/not-100"],
      无进度: ["spend-plan/missing"],
      缺满意度: ["indicator/missing-satisfaction"],
      缺效益: ["indicator/missing-benefit"],
      缺产出: ["indicator/missing-output"],
      缺时效: ["indicator/missing-output-dimension"],
      缺成本: ["indicator/missing-cost"],
      一级未知: ["indicator/unknown-level1"],
      二级错配: ["indicator/level2-mismatch"],
      指标值空: ["value/missing"],
      百分比超100: ["value/percent-range"],
      满意度上限: ["value/operator-direction"],
      百分比无运算符: ["value/missing-operator"],
      数量无数字: ["value/quantity-no-number"],
      年份不符: ["time/wrong-year"],
    };
    for (const [name, ids] of Object.entries(want)) expect({ name, rules: ids.length ? rulesOn(name).filter((id) => ids.includes(id)) : rulesOn(name) }).toEqual({ name, rules: ids });
    // 汇总: the department's declared total and the unit that is off, not the units the sheet cannot match.
    expect(keys.filter((k) => k.startsWith(`${SHEET_SUMMARY}|`)).length).toBe(2);
  });

  test("every in-sheet rule is exercised: a ✗ for it appears somewhere", () => {
    const seen = new Set<string>();
    for (const c of cases) for (const k of sheetKeys(c.sheet!, c.book.projectSheets, c.layout)) seen.add(k.split("|")[1]);
    expect(IN_SHEET_RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });
});
