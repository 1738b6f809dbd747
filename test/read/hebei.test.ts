/**
 * Hebei layout on the seed-shaped workbooks of seeds 000 (卢龙县, a sheet per table + a 部门 sheet) and
 * 001 (乐亭县, tables stacked on two sheets). The workbooks are built from the transcriptions by
 * test/fixtures/build-fixtures.ts; the expected canonical JSON was generated once by the reader and
 * reviewed against the seed catalog (/work/shared/notes/seeds-catalog-000-001.md).
 *
 * Regenerate the expectations (then review the diff!): UPDATE_EXPECTED=1 npx jest test/read/hebei.test.ts
 */
import { readWorkbook } from "../../src/model/read";
import { HEBEI_CODE } from "../../src/model/read/hebei";
import { displayText, labelKey } from "../../src/model/read/labels";
import { toCanonicalJson } from "../../src/model/canonical";
import { normalizeLevel1, normalizeLevel2 } from "../../src/model/taxonomy";
import { parseA1, type Grid, type GridSheet } from "../../src/model/grid";
import type { JxmbDocument, Project } from "../../src/model/schema";
import { loadExample as load, projectLabel } from "../helpers/seed-fixture";
import { expectMatchesExpected } from "../helpers/seed-fixture";


/* ---------------------------------------------------------------------------------------------- */
/* Source cells really hold the extracted text                                                     */
/* ---------------------------------------------------------------------------------------------- */

function cellAt(grid: Grid, sheetName: string, ref: string): { sheet: GridSheet; text: string } {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  const p = parseA1(ref);
  if (!sheet || !p) throw new Error(`bad source ${sheetName}!${ref}`);
  return { sheet, text: displayText(sheet, p.r, p.c) };
}

/** The cell's compact text must begin the field's compact text (page-break halves are glued after it). */
function startsLike(field: string, cell: string): boolean {
  const f = labelKey(field);
  const c = labelKey(cell);
  return c.length > 0 && f.startsWith(c);
}

function sourceErrors(grid: Grid, doc: JxmbDocument): string[] {
  const errs: string[] = [];
  doc.projects.forEach((p, i) => {
    const where = projectLabel(p, i);
    const sheet = p.source.sheet;
    const cells = p.source.cells;
    const check = (pathKey: string, ok: (text: string) => boolean, want: unknown) => {
      const ref = cells[pathKey];
      if (!ref) {
        errs.push(`${where}: no source cell for ${pathKey}`);
        return;
      }
      const { text } = cellAt(grid, sheet, ref);
      if (!ok(text)) errs.push(`${where}: ${pathKey} = ${JSON.stringify(want)} but ${sheet}!${ref} holds ${JSON.stringify(text)}`);
    };
    if (p.title !== null) check("title", (t) => t === p.title, p.title);
    if (p.redacted) {
      check("redacted", (t) => t.includes("此项目文件涉密"), true);
      return;
    }
    check("code", (t) => t.replace(/\s+/g, "") === p.code, p.code);
    check("name", (t) => t === p.name, p.name);
    if (p.unit.code) check("unit", (t) => t.includes(p.unit.code!) && t.includes(p.unit.name ?? ""), p.unit);
    for (const k of ["total", "fiscal", "other"] as const) {
      const raw = p.budget.raw[k];
      const v = p.budget[k];
      if (raw !== null) check(`budget.${k}`, (t) => t === raw, raw);
      else if (v !== null && v !== 0) check(`budget.${k}`, (t) => Number(t) === v, v);
      else if (v === 0) check(`budget.${k}`, (t) => t === "" || Number(t) === 0, v);
    }
    if (p.purpose !== null) check("purpose", (t) => t === p.purpose, p.purpose);
    if (p.spendPlan) {
      for (const m of ["mar", "jun", "oct", "dec"] as const) {
        const raw = p.spendPlan.raw[m];
        if (raw !== null) check(`spendPlan.${m}`, (t) => t === raw, raw);
      }
    }
    p.goals.forEach((g, gi) => check(`goals.${gi}`, (t) => labelKey(t).includes(labelKey(g)), g));
    p.indicators.forEach((ind, ii) => {
      const w = `${where}.indicators[${ii}] (${ind.name})`;
      const c = (k: string, ok: (text: string) => boolean, want: unknown) => {
        const ref = ind.source[k];
        if (!ref) {
          errs.push(`${w}: no source cell for ${k}`);
          return;
        }
        const { text } = cellAt(grid, sheet, ref);
        if (!ok(text)) errs.push(`${w}: ${k} = ${JSON.stringify(want)} but ${sheet}!${ref} holds ${JSON.stringify(text)}`);
      };
      c("level1", (t) => normalizeLevel1(t).label === ind.level1 && (ind.level1Raw === null || t === ind.level1Raw), ind.level1);
      c("level2", (t) => startsLike(ind.level2Raw ?? ind.level2, t) && normalizeLevel2(ind.level2Raw ?? ind.level2).label === ind.level2, ind.level2);
      c("name", (t) => startsLike(ind.name, t), ind.name);
      if (ind.description !== null) c("description", (t) => startsLike(ind.description!, t), ind.description);
      c("target", (t) => startsLike(ind.target.raw, t), ind.target.raw);
      if (ind.basis !== null) c("basis", (t) => startsLike(ind.basis!, t), ind.basis);
    });
  });
  return errs;
}

/* ---------------------------------------------------------------------------------------------- */

const FIXTURES = ["seed-000", "seed-001"];

describe.each(FIXTURES)("%s read through loadGrid + readWorkbook", (name) => {
  test("matches the reviewed canonical JSON, field by field", async () => {
    const { doc } = await load(name);
    expectMatchesExpected(name, doc);
  });

  test("every extracted field has a source cell holding that text", async () => {
    const { grid, doc } = await load(name);
    expect(sourceErrors(grid, doc)).toEqual([]);
  });

  test("reading is deterministic", async () => {
    const { grid, doc } = await load(name);
    expect(toCanonicalJson(readWorkbook(grid).document)).toBe(toCanonicalJson(doc));
  });

  test("every visible project has a Hebei code (spaces removed), unique in the file", async () => {
    const { doc } = await load(name);
    const codes = doc.projects.filter((p) => !p.redacted).map((p) => p.code);
    for (const c of codes) expect(c).toMatch(HEBEI_CODE);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

/* ---------------------------------------------------------------------------------------------- */
/* Cross-checks against the seed catalog (numbers counted there, independently of this reader)   */
/* ---------------------------------------------------------------------------------------------- */

function sumWan(ps: Project[]): number {
  // Amounts carry ≤ 2 decimals here; sum in hundredths to avoid float drift.
  return ps.reduce((s, p) => s + Math.round((p.budget.total ?? 0) * 100), 0) / 100;
}

function byUnit(doc: JxmbDocument): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of new Set(doc.projects.filter((p) => !p.redacted).map((p) => p.unit.code ?? "?"))) {
    out[code] = sumWan(doc.projects.filter((p) => !p.redacted && p.unit.code === code));
  }
  return out;
}

describe("seed 000 (卢龙县公安局, 2023): catalog cross-checks", () => {
  test("39 tables, 7 redacted, 206 indicator rows, 3176.53 万元 over the visible ones", async () => {
    const { doc } = await load("seed-000");
    expect(doc.projects).toHaveLength(39);
    expect(doc.projects.filter((p) => p.redacted).map((p) => p.seq)).toEqual([18, 19, 20, 21, 27, 28, 38]);
    expect(doc.projects.map((p) => p.seq)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(206);
    expect(sumWan(doc.projects)).toBe(3176.53);
    expect(byUnit(doc)).toEqual({ "312001": 937.59, "312003": 2100, "312005": 123.94, "312006": 15 });
  });

  test("redacted tables keep their name and nothing else", async () => {
    const { doc } = await load("seed-000");
    for (const p of doc.projects.filter((x) => x.redacted)) {
      expect(p.name).toBe("专项业务经费");
      expect([p.code, p.budget.total, p.spendPlan, p.goals.length, p.indicators.length]).toEqual([null, null, null, 0, 0]);
    }
  });

  test("year, title and department come from the cover; the department part is read", async () => {
    const { doc } = await load("seed-000");
    expect(doc.fiscalYear).toBe(2023);
    expect(doc.title).toBe("2023 年部门预算绩效文本");
    expect(doc.department.name).toBe("卢龙县公安局");
    expect(doc.overview?.items.map((i) => i.title)).toEqual([
      "维护国家安全",
      "打击防范违法犯罪",
      "社会面防控",
      "羁押监管",
      "公安科学技术建设",
      "公安政务管理",
      "公安政务管理",
      "道路交通管理",
      "车辆和驾驶人管理",
      "交管政务管理",
      "森林资源和野生动植物保护",
    ]);
    expect(doc.overview?.safeguards?.split("\n").map((s) => s.slice(0, 2))).toEqual(["一是", "二是", "三是", "四是", "五是"]);
    expect(doc.overview?.summary).toMatch(/^以习近平新时代/);
  });

  test("#10: garbled budget block, 3-point plan, spaced labels normalised with raw kept", async () => {
    const { doc } = await load("seed-000");
    const p = doc.projects.find((x) => x.seq === 10)!;
    expect(p.budget).toMatchObject({ total: 587.92, fiscal: 587.92, other: 0 });
    expect(p.spendPlan).toMatchObject({ mar: 25, jun: 50, oct: 75, dec: null, raw: { dec: null } });
    expect(p.purpose).toBe("劳务派遣经费");
    expect(p.indicators[0]).toMatchObject({ level1: "产出指标", level1Raw: "产 出 指 标", level2: "数量指标", level2Raw: "数量 指标" });
    expect(p.indicators.map((i) => i.level2)).toEqual(["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标"]);
  });

  test("#34 has no 12月底; decimal plans #26/#30 come through as points", async () => {
    const { doc } = await load("seed-000");
    const plan = (n: number) => doc.projects.find((x) => x.seq === n)!.spendPlan;
    expect(plan(34)).toMatchObject({ mar: 25, jun: 50, oct: 75, dec: null });
    expect(plan(26)).toMatchObject({ mar: 4.3, jun: 17.4, oct: 89.1, dec: 100, raw: { mar: "4.3%" } });
    expect(plan(30)).toMatchObject({ mar: 4.5, jun: 36.4, oct: 90, dec: 100 });
    expect(plan(9)).toMatchObject({ mar: 100, jun: 100, oct: 100, dec: 100 });
  });

  test("page breaks: repeated headers skipped, split rows glued (#33, #34, #36, #37)", async () => {
    const { doc, problems } = await load("seed-000");
    const p = (n: number) => doc.projects.find((x) => x.seq === n)!;
    for (const n of [33, 34, 36, 37]) expect(p(n).indicators).toHaveLength(7);
    for (const n of [34, 36]) {
      const last = p(n).indicators[6];
      expect(last).toMatchObject({ level1: "满意度指标", level2: "服务对象满意度指标", name: "在押人员及家属满意度" });
      expect(last.level2Raw).toBeNull();
    }
    const sus = p(37).indicators[5];
    expect(sus.description).toBe("确保监所安全，稳定，无 事故，努力提升监所安全管理水平。");
    expect(sus.target.raw).toBe("确保监所安 全较上年执勤效果有所提升");
    const merged = problems.filter((x) => x.severity === "info" && /分页拆开/.test(x.message)).map((x) => x.sheet);
    expect(merged).toEqual(["34.2023 看守所交通费", "36.2023 看守所衣被费", "37.2023 看守所疫情防控经费"]);
  });

  test("goals: the template artefact stays visible, numbered items are split", async () => {
    const { doc } = await load("seed-000");
    const p = (n: number) => doc.projects.find((x) => x.seq === n)!;
    expect(p(1).goals).toEqual(["目标内容 1 通过此项工作的开展，以确保整个敏感时期，卢龙县公安局安保指挥中心警卫工作顺利开展"]);
    for (const n of [25, 26, 29, 30, 31, 32, 33, 34, 35, 36, 37, 39]) expect(p(n).goals).toHaveLength(2);
  });

  test("codes written with a space are read without it", async () => {
    const { doc } = await load("seed-000");
    expect(doc.projects.find((x) => x.seq === 1)!.code).toBe("13032423P00442810139H");
    expect(doc.projects.find((x) => x.seq === 36)!.code).toBe("13032423P00443110486D");
  });
});

describe("seed 001 (乐亭县公安局, year not printed): catalog cross-checks", () => {
  test("31 tables in file order (#14 after #30), 175 indicator rows, 3235.18 万元", async () => {
    const { doc } = await load("seed-001");
    const seqs = doc.projects.map((p) => p.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 14, 31]);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(175);
    expect(sumWan(doc.projects)).toBe(3235.18);
    expect(byUnit(doc)).toEqual({ "312002": 1935.76, "312003": 1046.87, "312004": 217.55, "312005": 35 });
    expect(doc.projects.every((p) => p.budget.other === 0 && p.budget.raw.other === null && p.budget.total === p.budget.fiscal)).toBe(true);
  });

  test("the year is inferred from the codes and said so", async () => {
    const { doc, problems } = await load("seed-001");
    expect(doc.fiscalYear).toBe(2022);
    expect(problems.some((p) => p.severity === "info" && /推断为 2022 年/.test(p.message))).toBe(true);
    expect(doc.title).toBeNull();
  });

  test("预算数 typed as a formula (sheet 2) reads as its cached result", async () => {
    const { grid, doc } = await load("seed-001");
    const p = doc.projects.find((x) => x.seq === 17)!;
    const sheet = grid.sheets.find((s) => s.name === p.source.sheet)!;
    const at = parseA1(p.source.cells["budget.total"])!;
    expect(sheet.formulas?.[at.r]?.[at.c]).toMatch(/^E\d+\+G\d+$/);
    expect(p.budget).toMatchObject({ total: 114.87, fiscal: 114.87, other: 0, raw: { total: null } });
  });

  test("blank plan cells are null with no raw", async () => {
    const { doc } = await load("seed-001");
    const plan = (n: number) => doc.projects.find((x) => x.seq === n)!.spendPlan!;
    expect(plan(2)).toMatchObject({ mar: null, jun: null, oct: 100, dec: 100, raw: { mar: null, jun: null } });
    expect(plan(5)).toMatchObject({ mar: null, jun: 25, oct: 50, dec: 100 });
    expect(plan(10)).toMatchObject({ mar: null, jun: null, oct: 100, dec: 100 });
  });

  test("一级 written once (sheet 1) or on every row (sheet 2) reads the same way", async () => {
    const { doc } = await load("seed-001");
    const sheets = new Set(doc.projects.map((p) => p.source.sheet));
    expect(sheets.size).toBe(2);
    for (const p of doc.projects) {
      const l1 = p.indicators.map((i) => i.level1);
      expect(l1[0]).toBe("产出指标");
      expect(l1[l1.length - 1]).toBe("满意度指标");
      expect(l1.every((x) => ["产出指标", "效益指标", "满意度指标"].includes(x))).toBe(true);
    }
  });

  test("department part on the same sheet as the tables; goals split per line", async () => {
    const { doc } = await load("seed-001");
    expect(doc.overview?.items.map((i) => i.title)).toEqual([
      "乐亭县公安局办案业务费及业务装备费项目",
      "乐亭县公安交警大队办案业务费及业务装备费项目",
      "乐亭县看守所羁押管理经费项目",
    ]);
    expect(doc.overview?.items.every((i) => i.goal && i.indicators)).toBe(true);
    expect(doc.overview?.safeguards?.split("\n")).toHaveLength(7);
    const p = (n: number) => doc.projects.find((x) => x.seq === n)!;
    expect(p(1).goals).toEqual(["侦办刑事案件", "技侦手段使用", "刑事特情布建及据点管理"]);
    expect(p(28).goals).toHaveLength(3);
    expect(p(28).name).toBe("看守所\n羁押管理经费");
    expect(p(30).goals).toEqual(["海防委员会办公经费"]);
  });
});
