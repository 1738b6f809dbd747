/**
 * Ningxia layout (seed 004, 平罗县公安局 2024) on seed-shaped workbooks built from the transcriptions
 * by test/fixtures/build-fixtures.ts:
 *   seed-004         the attachment as converted: all 13 tables on one sheet, blank rows inside tables,
 *                    label/value cells shifting by a column between tables (4 vs 5 columns), 一级/二级
 *                    only on the first row of their group, “产出指”+“标” and “数量指标（必填硬性指”+“标)”
 *                    wrapped over two rows, P11's 三级 split over two rows
 *   seed-004-merged  one sheet per table as a clerk types it: 一级/二级 merged over their rows, no wraps
 * The expected canonical JSON was generated once by the reader and reviewed against the seed catalog
 * (/work/shared/notes/seeds-catalog-002-004.md §3, appendix C).
 *
 * Regenerate the expectations (then review the diff!): UPDATE_EXPECTED=1 npx jest test/read/ningxia.test.ts
 */
import { loadGrid } from "../../src/xlsx/read";
import { buildXlsx, listTranscriptions, loadTranscription, slaveValueErrors } from "../fixtures/build-fixtures";
import { formattedText, labelKey } from "../../src/model/read/labels";
import { parseAttribute, parseCodeName, splitGoals } from "../../src/model/read/ningxia";
import { normalizeLevel1, normalizeLevel2 } from "../../src/model/taxonomy";
import { parseA1, type Grid } from "../../src/model/grid";
import type { Indicator, JxmbDocument } from "../../src/model/schema";
import { loadExample as load, projectLabel } from "../helpers/seed-fixture";
import { expectMatchesExpected } from "../helpers/seed-fixture";

const FIXTURES = ["seed-004", "seed-004-merged"];

function cellText(grid: Grid, sheetName: string, ref: string | undefined): string {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  const p = ref ? parseA1(ref) : null;
  if (!sheet || !p) return `<bad ref ${sheetName}!${ref}>`;
  return formattedText(sheet, p.r, p.c);
}

/** Every extracted field's source cell holds the extracted text; wrapped pieces (“.continued”) join up. */
function sourceErrors(grid: Grid, doc: JxmbDocument): string[] {
  const errs: string[] = [];
  doc.projects.forEach((p, i) => {
    const where = projectLabel(p, i);
    const sheet = p.source.sheet;
    const at = (cells: Record<string, string>, key: string, w: string, ok: (t: string) => boolean, want: unknown) => {
      if (!cells[key]) return void errs.push(`${w}: no source cell for ${key}`);
      // A value wrapped over two cells: the head cell followed by the “.continued” cell.
      const t = cellText(grid, sheet, cells[key]) + (cells[`${key}.continued`] ? cellText(grid, sheet, cells[`${key}.continued`]) : "");
      if (!ok(t)) errs.push(`${w}: ${key} = ${JSON.stringify(want)} but ${sheet}!${cells[key]} holds ${JSON.stringify(t)}`);
    };
    const c = p.source.cells;
    const chk = (key: string, ok: (t: string) => boolean, want: unknown) => at(c, key, where, ok, want);
    chk("title", (t) => t === p.title, p.title);
    chk("name", (t) => t === p.name, p.name);
    chk("competentDepartment", (t) => t.includes(p.competentDepartment!.code!) && t.includes(p.competentDepartment!.name!), p.competentDepartment);
    chk("implementingUnit", (t) => t === p.implementingUnit, p.implementingUnit);
    chk("attribute", (t) => t.includes(p.attribute!.code!) && t.includes(p.attribute!.name!), p.attribute);
    chk("period", (t) => t === p.period, p.period);
    chk("fiscalYear", (t) => t.includes(String(doc.fiscalYear)), doc.fiscalYear);
    for (const k of ["total", "fiscal", "other"] as const) {
      const raw = p.budget.raw[k];
      const v = p.budget[k];
      if (raw !== null) chk(`budget.${k}`, (t) => t === raw.trim(), raw);
      else chk(`budget.${k}`, (t) => (v === 0 ? t === "" : Number(t) === v), v);
    }
    p.goals.forEach((g, gi) => chk(`goals.${gi}`, (t) => labelKey(t).includes(labelKey(g)), g));
    p.indicators.forEach((ind: Indicator, ii) => {
      const w = `${where}.indicators[${ii}] (${ind.name})`;
      const ic = (key: string, ok: (t: string) => boolean, want: unknown) => at(ind.source, key, w, ok, want);
      ic("level1", (t) => normalizeLevel1(t).label === ind.level1 && t === (ind.level1Raw ?? ind.level1), ind.level1Raw ?? ind.level1);
      ic("level2", (t) => normalizeLevel2(t).label === ind.level2 && t === (ind.level2Raw ?? ind.level2), ind.level2Raw ?? ind.level2);
      ic("name", (t) => t === ind.name, ind.name);
      ic("target", (t) => t === ind.target.raw, ind.target.raw);
      if (ind.description !== null || ind.basis !== null || ind.scoring !== null || ind.targetParts !== null) errs.push(`${w}: the Ningxia form has no 描述/依据/评分/符号 columns`);
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

  test("all 13 tables are read by the ningxia reader; profile, year and department from the form", async () => {
    const { doc } = await load(name);
    expect(doc.projects.map((p) => p.layout)).toEqual(Array(13).fill("ningxia"));
    expect(doc.profile).toBe("ningxia");
    expect(doc.fiscalYear).toBe(2024);
    expect(doc.department).toEqual({ code: "019001", name: "平罗县公安局" });
  });
});

/* ---------------------------------------------------------------------------------------------- */
/* Cross-checks against the seed catalog (counted there, independently of this reader)             */
/* ---------------------------------------------------------------------------------------------- */

describe.each(FIXTURES)("%s: catalog cross-checks", (name) => {
  test("13 projects, 175 indicator rows (P11's split row once), Σ年度资金总额 3069.59 万元", async () => {
    const { doc } = await load(name);
    expect(doc.projects.map((p) => p.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([10, 8, 30, 18, 12, 7, 9, 8, 37, 8, 12, 8, 8]);
    expect(doc.projects.reduce((s, p) => s + Math.round((p.budget.total ?? 0) * 100), 0) / 100).toBe(3069.59);
    expect(doc.projects.map((p) => p.budget.total)).toEqual([50, 316, 300, 260, 272, 1.93, 10, 2, 200, 150, 50, 20, 1437.66]);
    for (const p of doc.projects) {
      expect(p.budget.fiscal).toBe(p.budget.total);
      expect(p.budget.other).toBe(0);
      expect(p.budget.raw.total).toMatch(/^\d+(?:\.\d+)? 万元$/);
    }
  });

  test("header fields: no code, no plan, no purpose; 0101 一年期项目, 1 年, 实施单位 平罗县公安局", async () => {
    const { doc } = await load(name);
    for (const p of doc.projects) {
      expect([p.code, p.spendPlan, p.purpose]).toEqual([null, null, null]);
      expect(p.attribute).toEqual({ code: "0101", name: "一年期项目" });
      expect(p.competentDepartment).toEqual({ code: "019001", name: "平罗县公安局" });
      expect([p.implementingUnit, p.period, p.title]).toEqual(["平罗县公安局", "1 年", "部门项目支出预算绩效目标表"]);
    }
    expect(doc.projects[0].name).toBe("2022 年执法办案管理中心项目");
    expect(doc.projects[12].name).toBe("政府长聘人员经费(辅警)");
  });

  test("§3.5 二级 inventory, annotated and spaced labels kept as written", async () => {
    const { doc } = await load(name);
    const all = doc.projects.flatMap((p) => p.indicators);
    const count: Record<string, number> = {};
    for (const i of all) count[i.level2] = (count[i.level2] ?? 0) + 1;
    expect(count).toEqual({ 数量指标: 43, 社会效益指标: 31, 可持续影响指标: 23, 质量指标: 21, 成本指标: 21, 服务对象满意度指标: 20, 时效指标: 16 });
    expect([...new Set(all.map((i) => i.level1))]).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect([...new Set(doc.projects[6].indicators.map((i) => i.level2Raw))]).toEqual([
      "数量指标（必填硬性指标)",
      "质量指标（必填）",
      "时效指标（必填）",
      "成本指标（必填硬性指标）",
      "社会效益指标（必填）",
      "可持续影响指标（必填）",
      "服务对象满意度指标（必填）",
    ]);
    expect(doc.projects[10].indicators.filter((i) => i.level2Raw === "服务对象满意度 指标")).toHaveLength(2);
  });

  test("年度总体目标 split at “目标 N:” (P3 3, P4 intro + 3, P5 4, P11 2), free text kept whole", async () => {
    const { doc } = await load(name);
    expect(doc.projects.map((p) => p.goals.length)).toEqual([1, 1, 3, 4, 4, 1, 1, 1, 1, 1, 2, 1, 1]);
    expect(doc.projects[3].goals[0]).toBe("通过对全县禁毒工作的经费保障, 确保达到:");
    expect(doc.projects[4].goals).toEqual(["传统类型的刑事案件立案数下降", "破案率提高", "交通违法行为减少, 交通秩序良", "群众安全感不断提高"]);
    expect(doc.projects[12].goals[0]).toMatch(/武警中队官兵 45 人/); // copied from P7, as printed
  });

  test("§3.6 指标值 forms: operators (≧ kept as written), dates, the garbled P11 value", async () => {
    const { doc } = await load(name);
    const all = doc.projects.flatMap((p) => p.indicators);
    expect(all.filter((i) => i.target.operatorRaw === "≧").map((i) => i.target.raw)).toEqual(["≧200万", "≧95%"]);
    expect(all.filter((i) => /^[≥≧]/.test(i.target.raw)).every((i) => i.target.operator === "≥")).toBe(true);
    expect(all.filter((i) => /^[≥≧]/.test(i.target.raw))).toHaveLength(29);
    expect(all.filter((i) => i.target.kind === "date")).toHaveLength(17);
    const p11 = doc.projects[10].indicators[0];
    expect(p11.name).toBe("对新建车管所院内裸露地面进行回填土垫层、硬化、绿化、灌溉, 安装附属设备等");
    expect(p11.target.raw).toBe("1 1566.21平方米");
    expect(doc.projects[5].indicators.find((i) => i.level2 === "成本指标")!.target).toMatchObject({ value: 19270, unit: "元" });
  });
});

describe("seed-004 (as converted from the PDF)", () => {
  test("wrapped 一级 “产出指”+“标” in P4, P7, P8, P9 is one label; the tail cell is recorded", async () => {
    const { doc } = await load("seed-004");
    const wrapped = doc.projects.filter((p) => p.indicators.some((i) => i.source["level1.continued"])).map((p) => p.seq);
    expect(wrapped).toEqual([4, 7, 8, 9]);
    const p7 = doc.projects[6].indicators;
    expect(p7[1]).toMatchObject({ level1: "产出指标", level2: "数量指标", level2Raw: "数量指标（必填硬性指标)", name: "巡逻设卡执勤任务" });
  });

  test("the attachment's title is the document title; P11's split row is joined with a warning naming the cell", async () => {
    const { doc, problems } = await load("seed-004");
    expect(doc.title).toBe("附件 2：平罗县公安局项目支出预算绩效目标表");
    expect(problems).toEqual([expect.objectContaining({ severity: "warning", sheet: "附件2", cell: doc.projects[10].indicators[0].source["name.continued"] })]);
    expect(problems[0].message).toContain("设备等");
  });

  test("table ranges do not overlap and stay on the one sheet", async () => {
    const { doc } = await load("seed-004");
    const rows = doc.projects.map((p) => p.source.range!.split(":").map((r) => Number(/\d+$/.exec(r)![0])));
    for (let i = 1; i < rows.length; i++) expect(rows[i][0]).toBeGreaterThan(rows[i - 1][1]);
    expect(new Set(doc.projects.map((p) => p.source.sheet))).toEqual(new Set(["附件2"]));
  });
});

describe("seed-004-merged", () => {
  test("merged 一级/二级 cells carry down; nothing to warn about", async () => {
    const { doc, problems } = await load("seed-004-merged");
    expect(problems).toEqual([]);
    expect(doc.projects[2].indicators.slice(0, 8).every((i) => i.level2 === "数量指标" && i.source.level2 === doc.projects[2].indicators[0].source.level2)).toBe(true);
  });
});

describe("Ningxia cell parsers", () => {
  test("主管部门及代码, 项目属性, 年度总体目标", () => {
    expect(parseCodeName("平罗县公安局 019001")).toEqual({ code: "019001", name: "平罗县公安局" });
    expect(parseCodeName("019001 平罗县公安局")).toEqual({ code: "019001", name: "平罗县公安局" });
    expect(parseCodeName("平罗县公安局（019001）")).toEqual({ code: "019001", name: "平罗县公安局" });
    expect(parseCodeName("平罗县公安局")).toEqual({ code: null, name: "平罗县公安局" });
    expect(parseAttribute("0101—一年期项目")).toEqual({ code: "0101", name: "一年期项目" });
    expect(parseAttribute("0102 - 延续性项目")).toEqual({ code: "0102", name: "延续性项目" });
    expect(parseAttribute("一年期项目")).toEqual({ code: null, name: "一年期项目" });
    expect(splitGoals("目标 1: 甲。目标 2：乙")).toEqual(["甲。", "乙"]);
    expect(splitGoals("提供退休人员三人住房公积金。")).toEqual(["提供退休人员三人住房公积金。"]);
    expect(splitGoals(null)).toEqual([]);
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
