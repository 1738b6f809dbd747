/**
 * 承德 layout (seed 002, 承德市高新区公安分局 2022) on seed-shaped workbooks built from the
 * transcriptions by test/fixtures/build-fixtures.ts:
 *   seed-002          a 部门整体绩效目标 sheet + one sheet per project with its 说明 text below,
 *                     一级 merged over its rows, amounts/plan/值 typed as numbers (with formats)
 *   seed-002-stacked  all 22 tables on one sheet, 一级 repeated on every row, plan and 值 as text
 * The expected canonical JSON was generated once by the reader and reviewed against the seed catalog
 * (/work/shared/notes/seeds-catalog-002-004.md §1, appendix A).
 *
 * Regenerate the expectations (then review the diff!): UPDATE_EXPECTED=1 npx jest test/read/chengde.test.ts
 */
import { loadGrid } from "../../src/xlsx/read";
import { buildXlsx, listTranscriptions, loadTranscription, slaveValueErrors } from "../fixtures/build-fixtures";
import { readWorkbook } from "../../src/model/read";
import { formattedText, labelKey } from "../../src/model/read/labels";
import { normalizeLevel1, normalizeLevel2 } from "../../src/model/taxonomy";
import { parseA1, type Grid } from "../../src/model/grid";
import type { Indicator, JxmbDocument } from "../../src/model/schema";
import { loadExample as load, projectLabel } from "../helpers/seed-fixture";
import { expectMatchesExpected } from "../helpers/seed-fixture";

const FIXTURES = ["seed-002", "seed-002-stacked"];

/** Text of a source cell as Excel shows it (number formats applied). */
function cellText(grid: Grid, sheetName: string, ref: string): string {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  const p = parseA1(ref);
  if (!sheet || !p) return `<bad ref ${sheetName}!${ref}>`;
  return formattedText(sheet, p.r, p.c);
}

/** Every extracted field's source cell holds the extracted text (or, for amounts, the number). */
function sourceErrors(grid: Grid, doc: JxmbDocument): string[] {
  const errs: string[] = [];
  doc.projects.forEach((p, i) => {
    const where = projectLabel(p, i);
    const at = (cells: Record<string, string>, key: string, w: string, ok: (t: string) => boolean, want: unknown) => {
      const ref = cells[key];
      if (!ref) return void errs.push(`${w}: no source cell for ${key}`);
      const t = cellText(grid, p.source.sheet, ref);
      if (!ok(t)) errs.push(`${w}: ${key} = ${JSON.stringify(want)} but ${p.source.sheet}!${ref} holds ${JSON.stringify(t)}`);
    };
    const c = p.source.cells;
    const chk = (key: string, ok: (t: string) => boolean, want: unknown) => at(c, key, where, ok, want);
    if (p.title !== null) chk("title", (t) => t === p.title, p.title);
    chk("code", (t) => t.replace(/[\s\u3000]+/g, "") === p.code, p.code);
    chk("name", (t) => t === p.name, p.name);
    chk("unit", (t) => t.includes(p.unit.code!) && t.includes(p.unit.name!), p.unit);
    for (const k of ["total", "fiscal", "other"] as const) {
      const raw = p.budget.raw[k];
      const v = p.budget[k];
      if (raw !== null) chk(`budget.${k}`, (t) => t === raw.trim() || t === raw, raw);
      else chk(`budget.${k}`, (t) => (v === 0 ? t === "" || Number(t) === 0 : Number(t) === v), v);
    }
    if (p.purpose !== null) chk("purpose", (t) => t === p.purpose, p.purpose);
    for (const m of ["mar", "jun", "oct", "dec"] as const) {
      const raw = p.spendPlan!.raw[m];
      chk(`spendPlan.${m}`, (t) => t === (raw ?? ""), raw);
    }
    p.goals.forEach((g, gi) => chk(`goals.${gi}`, (t) => t === g, g));
    p.indicators.forEach((ind: Indicator, ii) => {
      const w = `${where}.indicators[${ii}] (${ind.name})`;
      const s = ind.source;
      const ic = (key: string, ok: (t: string) => boolean, want: unknown) => at(s, key, w, ok, want);
      ic("level1", (t) => normalizeLevel1(t).label === ind.level1 && (ind.level1Raw === null || t === ind.level1Raw), ind.level1);
      ic("level2", (t) => normalizeLevel2(t).label === ind.level2 && (ind.level2Raw === null || t === ind.level2Raw), ind.level2);
      ic("name", (t) => t === ind.name, ind.name);
      ic("description", (t) => t === (ind.description ?? ""), ind.description);
      ic("basis", (t) => t === (ind.basis ?? ""), ind.basis);
      if ("scoring" in s || ind.scoring !== null) ic("scoring", (t) => t === (ind.scoring ?? ""), ind.scoring);
      ic("target.symbol", (t) => t === ind.targetParts!.symbol, ind.targetParts?.symbol);
      ic("target", (t) => t === ind.targetParts!.value, ind.targetParts?.value);
      ic("target.unit", (t) => t === ind.targetParts!.unit, ind.targetParts?.unit);
      // The parsed target's raw is the three parts as written.
      const parts = [ind.targetParts!.symbol, ind.targetParts!.value, ind.targetParts!.unit].filter((x) => x.trim() !== "");
      if (ind.target.raw !== parts.join(" ")) errs.push(`${w}: target.raw ${JSON.stringify(ind.target.raw)} ≠ parts ${JSON.stringify(parts)}`);
    });
  });
  return errs;
}

/* ---------------------------------------------------------------------------------------------- */

describe.each(FIXTURES)("%s read through loadGrid + readWorkbook", (name) => {
  test("matches the reviewed canonical JSON, field by field", async () => {
    const { doc } = await load(name);
    expectMatchesExpected(name, doc);
  });

  test("every extracted field has a source cell holding that text", async () => {
    const { grid, doc } = await load(name);
    expect(sourceErrors(grid, doc)).toEqual([]);
  });

  test("all 22 tables are read by the chengde reader, without problems beyond the inferred year", async () => {
    const { doc, problems } = await load(name);
    expect(doc.projects.map((p) => p.layout)).toEqual(Array(22).fill("chengde"));
    expect(problems.map((p) => p.severity)).toEqual(["info"]);
    expect(doc.fiscalYear).toBe(2022);
  });
});

/* ---------------------------------------------------------------------------------------------- */
/* Cross-checks against the seed catalog (counted there, independently of this reader)             */
/* ---------------------------------------------------------------------------------------------- */

const byName = (doc: JxmbDocument, seq: number) => doc.projects.find((p) => p.seq === seq)!;

describe.each(FIXTURES)("%s: catalog cross-checks", (name) => {
  test("22 projects numbered 1–22, 181 indicator rows, Σ预算数 1657.1 万元, department 118002", async () => {
    const { doc } = await load(name);
    expect(doc.projects.map((p) => p.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(181);
    expect(doc.projects.reduce((s, p) => s + Math.round((p.budget.total ?? 0) * 100), 0) / 100).toBe(1657.1);
    expect(doc.department).toEqual({ code: "118002", name: "承德市高新区公安分局" });
    // §1.3: rows per table.
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([9, 9, 7, 7, 9, 7, 9, 9, 9, 9, 9, 7, 9, 9, 9, 11, 6, 7, 9, 7, 7, 7]);
    expect(doc.projects.map((p) => p.goals.length)).toEqual([3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 2, 3, 3, 3, 3]);
  });

  test("§1.5/§1.6 label and 符号 inventories", async () => {
    const { doc } = await load(name);
    const all = doc.projects.flatMap((p) => p.indicators);
    const count = (f: (i: Indicator) => string) => all.reduce<Record<string, number>>((m, i) => ((m[f(i)] = (m[f(i)] ?? 0) + 1), m), {});
    expect(count((i) => i.level2)).toEqual({
      服务对象满意度指标: 24,
      数量指标: 22,
      经济效益指标: 22,
      质量指标: 20,
      社会效益指标: 20,
      时效指标: 19,
      成本指标: 18,
      生态效益指标: 18,
      可持续影响指标: 17,
      执法培训: 1,
    });
    expect(count((i) => i.targetParts!.symbol)).toEqual({ "≥": 98, 文字描述: 34, "≤": 23, "=": 22, "＞": 3, "＜": 1 });
    // 效果指标 is 002's spelling of 效益指标 (21 tables); P17 writes 效益指标.
    const effect = doc.projects.map((p) => p.indicators.find((i) => i.level1 === "效益指标")!.level1Raw);
    expect(effect.filter((r) => r === "效果指标")).toHaveLength(21);
    expect(byName(doc, 17).indicators.filter((i) => i.level1 === "效益指标").every((i) => i.level1Raw === null)).toBe(true);
    // Only P3 and P17 have a 评（扣）分标准 column.
    expect(doc.projects.filter((p) => p.indicators.some((i) => i.scoring !== null)).map((p) => p.seq)).toEqual([3, 17]);
  });

  test("amounts: a U+3000-only 其他资金 is blank (0, no raw); P13 truly empty; P19 “315万元”; P21 other 20 (≠ total − fiscal)", async () => {
    const { grid, doc } = await load(name);
    // The cells hold a 全角空格 only; a blank-looking raw is no raw (what the template reader derives from a blank cell).
    const u3000 = doc.projects
      .filter((p) => {
        const s = grid.sheets.find((x) => x.name === p.source.sheet)!;
        const at = parseA1(p.source.cells["budget.other"])!;
        return s.values[at.r]?.[at.c] === "\u3000";
      })
      .map((p) => p.seq);
    expect(u3000).toHaveLength(20);
    expect(u3000).not.toContain(13);
    for (const seq of u3000) expect(byName(doc, seq).budget).toMatchObject({ other: 0, raw: { other: null } });
    expect(byName(doc, 13).budget).toEqual({ total: 100, fiscal: 100, other: 0, raw: { total: null, fiscal: null, other: null } });
    expect(byName(doc, 19).budget).toEqual({ total: 315, fiscal: 315, other: 0, raw: { total: "315万元", fiscal: "315万元", other: null } });
    expect(byName(doc, 21).budget).toMatchObject({ total: 20, fiscal: 20, other: 20, raw: { other: "20.000000\u3000" } });
    for (const p of doc.projects) expect(p.budget.fiscal).toBe(p.budget.total);
  });

  test("spend plans: P2 ends at 10, P14 at 60, P8 falls back to 0, 3月底 blank in P3/P20/P21", async () => {
    const { doc } = await load(name);
    const plan = (seq: number) => {
      const s = byName(doc, seq).spendPlan!;
      return [s.mar, s.jun, s.oct, s.dec];
    };
    expect(plan(2)).toEqual([0, 0, 0, 10]);
    expect(plan(14)).toEqual([0, 0, 50, 60]);
    expect(plan(8)).toEqual([0, 100, 0, 100]);
    for (const seq of [3, 20, 21]) expect(plan(seq)[0]).toBeNull();
    expect(plan(19)).toEqual([0, 50, 75, 100]);
    expect(byName(doc, 19).spendPlan!.raw).toEqual({ mar: "0%", jun: "50%", oct: "75%", dec: "100%" });
    // Format mixing stays visible in raw (P17 “0.00 / 50 / 75 / 100.00”).
    expect(byName(doc, 17).spendPlan!.raw).toEqual({ mar: "0.00", jun: "50", oct: "75", dec: "100.00" });
  });

  test("codes as written (brackets kept, spaces removed), P5's unit 118001, titles and names", async () => {
    const { doc } = await load(name);
    expect(doc.projects.filter((p) => p.code!.startsWith("[")).map((p) => p.seq)).toEqual([3, 6, 13, 15, 17, 20, 21, 22]);
    expect(doc.projects.map((p) => p.code!.replace(/[[\]]/g, "").length)).toEqual(Array(22).fill(21));
    expect(byName(doc, 16).code).toBe("13081122P007PP5100027");
    expect(byName(doc, 21).code).toBe("[13081122P00776210001U]");
    expect(doc.projects.filter((p) => p.unit.code === "118001").map((p) => p.seq)).toEqual([5]);
    expect(byName(doc, 3).title).toBe("3、法制政法大数据人员管控年费预算项目绩效信息表");
    expect(byName(doc, 17).name).toBe("法制执法办案中心建设（2021年已完成项目）");
    expect(byName(doc, 15).purpose).toBe("智慧安检系统"); // copied from P18, as printed
  });

  test("P1: 二级 under the wrong 一级 are read as written; P14 文字描述 text comes from the 单位 column", async () => {
    const { doc } = await load(name);
    const p1 = byName(doc, 1).indicators.map((i) => `${i.level1}›${i.level2}`);
    expect(p1).toEqual([
      "产出指标›数量指标",
      "产出指标›成本指标",
      "产出指标›质量指标",
      "产出指标›生态效益指标",
      "效益指标›可持续影响指标",
      "效益指标›经济效益指标",
      "效益指标›服务对象满意度指标",
      "效益指标›数量指标",
      "满意度指标›成本指标",
    ]);
    const q = byName(doc, 14).indicators[0];
    expect(q.targetParts).toEqual({ symbol: "文字描述", value: "", unit: "加大宣传力度，保障辖区内电诈类案件呈下降趋势" });
    expect(q.target.kind).not.toBe("number");
    expect(byName(doc, 21).indicators[0].target).toMatchObject({ operator: "≥", value: 1835, unit: "元/人" });
    expect(byName(doc, 13).indicators[1].target).toMatchObject({ operator: "<", operatorRaw: "＜", value: 100, unit: "%" });
  });

  test("P17: the leading newline of a 评分标准 cell is not part of the text", async () => {
    const { doc } = await load(name);
    expect(byName(doc, 17).indicators[2].scoring).toBe("民警办理案件时间缩短，执法办案效率比以往提高10%合格");
  });
});

describe("seed-002: department part on its own sheet, 说明 under each table", () => {
  test("总体绩效目标, the 8 分项 items and 工作保障措施", async () => {
    const { doc } = await load("seed-002");
    const o = doc.overview!;
    expect(o.summary).toMatch(/^维护国家安全和政治稳定/);
    expect(o.items.map((i) => i.title)).toEqual(["国内安全保卫", "**处突", "网络安全", "大要案侦查", "有组织犯罪侦查", "专项犯罪侦查", "人口及户籍管理", "治安管理"]);
    expect(o.items.every((i) => i.goal && i.indicators)).toBe(true);
    expect(o.safeguards!.split("\n").map((s) => s.slice(0, 2))).toEqual(["第一", "第二", "第三"]);
  });

  test("the 说明 text below a table is not read as indicator rows and not part of the table's range", async () => {
    const { doc, grid } = await load("seed-002");
    for (const p of doc.projects) {
      const sheet = grid.sheets.find((s) => s.name === p.source.sheet)!;
      const last = Number(/(\d+)$/.exec(p.source.range!)![1]);
      const below = sheet.values.slice(last).flat().filter((v) => typeof v === "string").map((v) => labelKey(v as string));
      expect(below.some((t) => t.includes("绩效目标指标的说明") || t.endsWith("的说明"))).toBe(true);
    }
  });
});

describe("the example workbooks are current with their transcriptions", () => {
  const dump = (g: Grid) => g.sheets.map((s) => ({ name: s.name, values: s.values, formats: s.formats ?? null, merges: s.merges }));
  test.each(FIXTURES)("%s", async (name) => {
    const file = listTranscriptions(name + ".")[0];
    const t = loadTranscription(file);
    expect(slaveValueErrors(t)).toEqual([]);
    const fresh = await loadGrid(await buildXlsx(t));
    const { grid } = await load(name);
    expect(dump(grid)).toEqual(dump(fresh));
  });
});

describe("the whole 002 document pasted on one sheet (department part above the stacked tables)", () => {
  test("overview and all 22 projects are read from the same sheet", async () => {
    const per = (await load("seed-002")).grid;
    const stacked = (await load("seed-002-stacked")).grid.sheets[0];
    const dept = per.sheets[0];
    const off = dept.values.length + 1;
    const one = {
      name: "全文",
      values: [...dept.values, [], ...stacked.values],
      formats: [...dept.values.map(() => []), [], ...(stacked.formats ?? [])],
      merges: [...dept.merges, ...stacked.merges.map((m) => ({ ...m, r1: m.r1 + off, r2: m.r2 + off }))],
    };
    const { document, problems } = readWorkbook({ sheets: [one], names: [] });
    expect(document.projects).toHaveLength(22);
    expect(document.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(181);
    expect(document.overview?.items).toHaveLength(8);
    expect(document.projects[0].source.range).toBe(`A${off + 1}:H${off + 21}`);
    expect(problems.map((p) => p.severity)).toEqual(["info"]);
  });
});
