/**
 * fast-check arbitraries shared by the property tests (test/property/**):
 *
 * - `gridArb(bases)`: hostile workbooks. Random sheets whose cells hold every CellValue kind (text, numbers incl.
 *   NaN/±Infinity/-0, booleans, errors, dates incl. garbage ISO text), huge and unicode strings, the labels the
 *   readers look for (项目编码, 预算数, 一级指标 …) and the taxonomy's 一级/二级 labels at random places, random
 *   formulas and number formats, and merges that overlap, run past the data or are written backwards. With `bases`
 *   (real seed grids, our template) it also mutates real layouts, which drives the readers deep into their tables.
 * - `documentArb()`: canonical documents that are valid per the zod schema and realistic enough for the template:
 *   amounts are exact 万元 from integer 分 (fenToWan), plan points 0–100 or null, indicators with taxonomy labels and
 *   targets parsed (parseTarget / parseTargetParts) from generated raw text, text with = + - @ prefixes, quotes,
 *   newlines, emoji, control characters and, now and then, a 32,767-character string (Excel's cell limit).
 *
 * Only this file knows how test data is generated; labels come from the taxonomy and the template layout.
 */
import fc from "fast-check";
import type { CellValue, DefinedName, Grid, GridSheet, MergeRange } from "../../src/model/grid";
import { emptyDocument, emptyProject, SCHEMA_ID, type Indicator, type JxmbDocument, type Project, type Target } from "../../src/model/schema";
import { LEVEL1, LEVEL2 } from "../../src/model/taxonomy";
import { fenToWan } from "../../src/model/money";
import { parseTarget, parseTargetParts } from "../../src/model/value";
import { NAMES, PROJECT_NAME_KEYS, projectNamePrefix, TEMPLATE_VERSION, META_PREFIX } from "../../src/model/write/layout";

/** Excel's maximum number of characters in a cell. */
export const EXCEL_CELL_LIMIT = 32_767;

/** Text a clerk (or an attacker) may put in a cell. */
export const RISKY_TEXT = [
  "=SUM(A1:A3)",
  "=1+1",
  "+86 0311-1234567",
  "-5%以内",
  "@全体人员",
  '=HYPERLINK("http://evil.example/","点我查看")',
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "\u202Egnp.exe\u202C 文件名反转",
  "\u200F右到左标记\u200E",
  '引号"双"和\'单\'',
  "换行\n第二行\r\n第三行",
  "😀👍🏽👨‍👩‍👧 表情",
  "𠮷野家 扩展B区",
  "  前后空格  ",
  "\t制表符",
  "001",
  "25%",
  "TRUE",
  "1E5",
  "2024-01-01",
  "'单引号开头",
  "#REF!",
  `${META_PREFIX}{"kind":"project","seq":99}`,
  "垂直制表\u000B符（Word 换行）",
  "空字符\u0000后",
  "\u3000全角空格\u3000",
  "**",
  "—",
  "_x0041_ 像 Excel 转义的文字",
];

/** Labels the layout readers look for, as written in the seed tables. */
export const LAYOUT_LABELS = [
  "项目编码",
  "项目名称",
  "预算数",
  "财政资金",
  "其他资金",
  "年度资金总额",
  "财政拨款",
  "资金用途",
  "项目支出计划",
  "3月底",
  "6月底",
  "10月底",
  "12月底",
  "年度绩效目标",
  "绩效目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "绩效指标描述",
  "指标值",
  "指标值确定依据",
  "评（扣）分标准",
  "符号",
  "值",
  "单位（文字描述）",
  "主管部门及代码",
  "实施单位",
  "项目属性",
  "项目期",
  "总体绩效目标",
  "分项绩效目标",
  "工作保障措施",
  "单位：万元",
  "312001-某县公安局本级",
  "1.安保指挥中心工作经费绩效目标表",
  "部门预算项目绩效目标表",
  "此项目文件涉密",
  "合计",
];

export const TAXONOMY_LABELS = [
  ...Object.values(LEVEL1),
  ...Object.values(LEVEL2),
  "产 出 指 标",
  "社会效益指 标",
  "效果指标",
  "产出指标（必填）",
  "效益",
  "管理指标",
];

/** 指标值 as clerks write them (seed catalogs), plus edge cases. */
export const TARGET_TEXT = [
  "≥95%",
  "100%",
  "≤50万元",
  "50",
  "≥ 80 万",
  "2023年12月底前",
  "2022年底",
  "进一步提高",
  "是否通过验收",
  "**",
  "",
  "—",
  "≧90%",
  "50余人",
  "≥1835元/人",
  "19270元",
  "10万元/年",
  "≤3个工作日",
  "120%",
  "90%-95%",
  "控制成本",
  "7万",
  "1 1566.21平方米",
  "优",
  "达标",
  "合格",
  "不低于90%",
  "95%以上",
  "=95%",
  "≥253人",
  "12月底前",
  "1年",
];

const ERRORS = ["#REF!", "#NAME?", "#DIV/0!", "#VALUE!", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#BOGUS"];
const FORMATS = ["0%", "0.00%", "@", "0.00", "0.00####", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "#,##0.00", "General", "[Red]0.00", ";;;"];

/** Mostly short text; now and then a long one, rarely one at (or past) Excel's cell limit. */
export interface TextOptions {
  huge?: boolean;
}

export function textArb(opts: TextOptions = {}): fc.Arbitrary<string> {
  const parts: fc.WeightedArbitrary<string>[] = [
    { weight: 6, arbitrary: fc.constantFrom(...RISKY_TEXT) },
    { weight: 4, arbitrary: fc.constantFrom(...LAYOUT_LABELS, ...TAXONOMY_LABELS, ...TARGET_TEXT) },
    { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...RISKY_TEXT, ...LAYOUT_LABELS, "，", "。", "\n", " "), { maxLength: 8 }).map((a) => a.join("")) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("很长的说明", "A", "😀", "\n"), fc.integer({ min: 200, max: 3000 })).map(([s, n]) => s.repeat(n)) },
  ];
  if (opts.huge) parts.push({ weight: 1, arbitrary: fc.constantFrom("字".repeat(EXCEL_CELL_LIMIT), "=".padEnd(EXCEL_CELL_LIMIT, "x")) });
  const arb = fc.oneof(...parts);
  return arb;
}

/* ------------------------------------------------------------------------------------------------
 * Grids
 * ---------------------------------------------------------------------------------------------- */

export function cellValueArb(): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: textArb({ huge: true }) },
    { weight: 3, arbitrary: fc.double() }, // incl. NaN, ±Infinity, -0, subnormals
    { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
    { weight: 2, arbitrary: fc.constantFrom(0.25, 0.5, 1, 100, 587.92, 2023, 1e21, 13032423, 0.1 + 0.2) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.date({ min: new Date("1899-12-30T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
        fc.constantFrom("2024-12-31T08:30:00Z", "not a date", "", "0000-00-00").map((date) => ({ date })),
      ),
    },
  );
}

/** Label-heavy cells: what makes a reader think a sheet is one of its tables. */
function labelValueArb(): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...LAYOUT_LABELS) },
    { weight: 2, arbitrary: fc.constantFrom(...TAXONOMY_LABELS) },
    { weight: 2, arbitrary: fc.constantFrom(...TARGET_TEXT) },
    { weight: 3, arbitrary: cellValueArb() },
  );
}

function mergeArb(rows: number, cols: number): fc.Arbitrary<MergeRange> {
  const r = Math.max(rows, 1) + 5;
  const c = Math.max(cols, 1) + 5;
  return fc.oneof(
    // ordinary, possibly overlapping another one or running past the data
    fc.tuple(fc.nat(r), fc.nat(c), fc.nat(6), fc.nat(4)).map(([r1, c1, dr, dc]) => ({ r1, c1, r2: r1 + dr, c2: c1 + dc })),
    // written backwards, single-cell, or far out of range
    fc.tuple(fc.nat(r), fc.nat(c), fc.nat(r), fc.nat(c)).map(([r1, c1, r2, c2]) => ({ r1, c1, r2, c2 })),
    fc.constantFrom({ r1: 0, c1: 0, r2: 0, c2: 0 }, { r1: 500, c1: 3, r2: 520, c2: 60 }, { r1: 2, c1: 2, r2: 1, c2: 1 }),
  );
}

function matrixArb<T>(rows: number, cols: number, cell: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  // Ragged on purpose: rows of different lengths, some missing (sparse like real grids).
  return fc.array(fc.array(cell, { maxLength: cols }), { minLength: 0, maxLength: rows });
}

const SHEET_NAMES = ["项目1", "项目2", "部门", "汇总", "_lists", "Sheet1", "1.安保经费", "表 1", "It's", "a,b", "'引号'", "很长的工作表名称很长的工作表名称很长的工作表名称"];

function sheetNameArb(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ unit: "grapheme", minLength: 0, maxLength: 40 }));
}

export function sheetArb(): fc.Arbitrary<GridSheet> {
  return fc
    .record({ rows: fc.integer({ min: 0, max: 40 }), cols: fc.integer({ min: 0, max: 12 }) })
    .chain(({ rows, cols }) =>
      fc.record({
        name: sheetNameArb(),
        values: matrixArb(rows, cols, labelValueArb()),
        formulas: fc.option(matrixArb(rows, cols, fc.option(fc.constantFrom("SUM(A1:A3)", "A1+#REF!", "'项目1'!C4", "1/0", "INDIRECT(\"x\")", ""), { nil: null })), { nil: undefined }),
        formats: fc.option(matrixArb(rows, cols, fc.option(fc.constantFrom(...FORMATS), { nil: null })), { nil: undefined }),
        merges: fc.array(mergeArb(rows, cols), { maxLength: 8 }),
        hidden: fc.option(fc.boolean(), { nil: undefined }),
      }),
    )
    .map((s) => {
      const out: GridSheet = { name: s.name, values: s.values, merges: s.merges };
      if (s.formulas) out.formulas = s.formulas;
      if (s.formats) out.formats = s.formats;
      if (s.hidden !== undefined) out.hidden = s.hidden;
      return out;
    });
}

function definedNameArb(sheets: string[]): fc.Arbitrary<DefinedName> {
  const templateNames = [NAMES.level1List, NAMES.declaredTotal, ...Object.values(PROJECT_NAME_KEYS).map((k) => projectNamePrefix(0) + k), "JXMB_VERSION", "Print_Area"];
  return fc.record({
    name: fc.oneof(fc.constantFrom(...templateNames), fc.string({ maxLength: 10 })),
    sheet: fc.oneof(fc.constant(null), fc.constantFrom(...(sheets.length ? sheets : ["无此表"])), fc.constant("无此表")),
    ref: fc.constantFrom("C5", "C5:F5", "$B$2", "A1:A1048576", "ZZZ99999", "不是引用", `"${TEMPLATE_VERSION}"`, ""),
  });
}

/** Random cell edits over a real grid: overwrite, blank, shift a label, add a merge, drop a row. */
function mutateArb(base: Grid): fc.Arbitrary<Grid> {
  const edit = fc.record({
    sheet: fc.nat(Math.max(0, base.sheets.length - 1)),
    r: fc.nat(60),
    c: fc.nat(12),
    kind: fc.constantFrom("set", "set", "set", "blank", "merge", "dropRow", "rename"),
    value: labelValueArb(),
    merge: mergeArb(60, 12),
    name: sheetNameArb(),
  });
  return fc.array(edit, { minLength: 1, maxLength: 25 }).map((edits) => {
    const g = JSON.parse(JSON.stringify(base)) as Grid;
    for (const e of edits) {
      const s = g.sheets[e.sheet];
      if (!s) continue;
      if (e.kind === "set" || e.kind === "blank") {
        while (s.values.length <= e.r) s.values.push([]);
        const row = s.values[e.r] ?? (s.values[e.r] = []);
        while (row.length <= e.c) row.push(null);
        row[e.c] = e.kind === "blank" ? null : e.value;
      } else if (e.kind === "merge") s.merges.push(e.merge);
      else if (e.kind === "dropRow") s.values.splice(e.r % Math.max(1, s.values.length), 1);
      else s.name = e.name;
    }
    return g;
  });
}

/** Random hostile grids; with `bases`, also random edits of those real grids. */
export function gridArb(bases: Grid[] = []): fc.Arbitrary<Grid> {
  const fresh = fc.array(sheetArb(), { minLength: 0, maxLength: 4 }).chain((sheets) =>
    fc.array(definedNameArb(sheets.map((s) => s.name)), { maxLength: 6 }).map((names) => ({ sheets, names }) as Grid),
  );
  if (bases.length === 0) return fresh;
  return fc.oneof({ weight: 1, arbitrary: fresh }, { weight: 2, arbitrary: fc.constantFrom(...bases).chain(mutateArb) });
}

/* ------------------------------------------------------------------------------------------------
 * Canonical documents
 * ---------------------------------------------------------------------------------------------- */

const nullable = <T>(a: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | null> => fc.option(a, { nil: null, freq });

/*
 * Canonical invariants the readers establish (and that a document written by hand must meet to round-trip):
 * a blank text field is null, never "" or whitespace; a 项目编码 has no whitespace (readers remove it).
 */
const blankToNull = (s: string | null): string | null => (s === null || s.trim() === "" ? null : s);
const textField = (opts: TextOptions = {}) => nullable(textArb(opts)).map(blankToNull);
const noSpaces = (s: string | null): string | null => blankToNull(s === null ? null : s.replace(/[\s\u3000]+/g, ""));

/** 万元 with ≤ 6 decimals, exactly as money.ts makes them from integer 分. */
export function wanArb(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: 10_000_000_000 }).map(fenToWan), // up to 1 亿元
    fc.constantFrom(0, 1, 5, 50, 587.92, 0.000001, 0.01, 12.345678).map((x) => x),
    fc.integer({ min: -1_000_000, max: -1 }).map(fenToWan), // refunds / typos
  );
}

function pointArb(): fc.Arbitrary<number | null> {
  return nullable(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)), 4);
}

const level1Arb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.values(LEVEL1)) }, { weight: 1, arbitrary: fc.constantFrom("", "管理指标", "产 出 指 标") });
const level2Arb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.values(LEVEL2)) }, { weight: 1, arbitrary: fc.constantFrom("", "执法培训", "社会效益指 标") });

function targetArb(): fc.Arbitrary<{ target: Target; parts: { symbol: string; value: string; unit: string } | null }> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(fc.constantFrom(...TARGET_TEXT), textArb()).map((raw) => ({ target: parseTarget(raw), parts: null })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("≥", "≤", "=", "", "＞", "不低于"), fc.constantFrom("95", "100", "", "2023", "优", "=1+1"), fc.constantFrom("%", "万元", "人", "年", "", "达标"))
        .map(([symbol, value, unit]) => ({ target: parseTargetParts(symbol, value, unit), parts: { symbol, value, unit } })),
    },
  );
}

function indicatorArb(): fc.Arbitrary<Indicator> {
  return fc
    .record({
      level1: level1Arb,
      level2: level2Arb,
      name: fc.oneof(fc.constantFrom("设备数量", "完好率", "群众满意度", "项目总成本"), textArb()),
      description: nullable(textArb()),
      t: targetArb(),
      basis: nullable(fc.oneof(fc.constantFrom("计划标准", "历史经验", "年初工作计划安排"), textArb())),
      scoring: nullable(textArb()),
      level1Raw: nullable(fc.constantFrom("产 出 指 标", "产出", "效果指标"), 1),
      level2Raw: nullable(fc.constantFrom("数量", "社会效益指 标"), 1),
    })
    .map((r) => ({
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      description: r.description,
      target: r.t.target,
      targetParts: r.t.parts,
      basis: r.basis,
      scoring: r.scoring,
      level1Raw: r.level1Raw,
      level2Raw: r.level2Raw,
      source: {},
    }));
}

const codeArb = () => fc.oneof(fc.constantFrom("13032423P00442810139H", "312001", "001", "=1+1"), textArb()).map(noSpaces);
const codeNameArb = () => fc.record({ code: nullable(codeArb()).map((c) => c ?? null), name: textField() });

function projectArb(): fc.Arbitrary<Project> {
  return fc
    .record({
      title: nullable(fc.oneof(fc.constantFrom("1.安保指挥中心工作经费绩效目标表", "专项经费绩效目标表"), textArb({ huge: true }))).map(blankToNull),
      code: nullable(codeArb()).map((c) => c ?? null),
      name: nullable(fc.oneof(fc.constantFrom("安保指挥中心工作经费", "办案经费"), textArb({ huge: true }))).map(blankToNull),
      unit: codeNameArb(),
      competentDepartment: nullable(codeNameArb(), 1),
      implementingUnit: nullable(textArb(), 1).map(blankToNull),
      attribute: nullable(codeNameArb(), 1),
      period: nullable(fc.constantFrom("1 年", "3年", "长期"), 1),
      total: nullable(wanArb()),
      fiscal: nullable(wanArb()),
      other: nullable(wanArb()),
      rawTotal: nullable(fc.constantFrom("50 万元", "587.92 万 元", "见附件", "=1+1"), 1),
      rawFiscal: nullable(fc.constantFrom("五十", "—"), 1),
      // A blank-looking raw is null in every read (read/index.ts rawOrNull), so none is generated.
      rawOther: nullable(fc.constantFrom("无", "／"), 1),
      purpose: nullable(textArb({ huge: true })).map(blankToNull),
      plan: nullable(fc.tuple(pointArb(), pointArb(), pointArb(), pointArb(), nullable(fc.constantFrom("25%", "0.25", "全年"), 1)), 4),
      goals: fc.array(fc.oneof(fc.constantFrom("1.年内完成 10 台设备采购", "维护社会稳定"), textArb()), { maxLength: 4 }),
      indicators: fc.array(indicatorArb(), { maxLength: 12 }),
      redacted: fc.boolean(),
      layout: fc.constantFrom("template" as const, "hebei" as const, "chengde" as const, "ningxia" as const, "json" as const),
    })
    .map((r) => {
      const p = emptyProject(r.layout);
      p.title = r.title;
      p.code = r.code;
      p.name = r.name;
      p.unit = r.unit;
      p.competentDepartment = r.competentDepartment;
      p.implementingUnit = r.implementingUnit;
      p.attribute = r.attribute;
      p.period = r.period;
      p.budget = { total: r.total, fiscal: r.fiscal, other: r.other, raw: { total: r.rawTotal, fiscal: r.rawFiscal, other: r.rawOther } };
      p.purpose = r.purpose;
      p.spendPlan = r.plan ? { mar: r.plan[0], jun: r.plan[1], oct: r.plan[2], dec: r.plan[3], raw: { mar: r.plan[4], jun: null, oct: null, dec: null } } : null;
      p.goals = r.goals;
      p.indicators = r.indicators;
      p.redacted = r.redacted;
      return p;
    });
}

export function documentArb(opts: { maxProjects?: number } = {}): fc.Arbitrary<JxmbDocument> {
  return fc
    .record({
      profile: fc.constantFrom("hebei" as const, "ningxia" as const, "central-2021" as const),
      fiscalYear: nullable(fc.integer({ min: 2015, max: 2030 })),
      department: codeNameArb(),
      title: nullable(textArb()).map(blankToNull),
      overview: nullable(
        fc.record({
          summary: nullable(textArb({ huge: true })).map(blankToNull),
          items: fc.array(fc.record({ title: textArb(), goal: textField(), indicators: textField() }), { maxLength: 4 }),
          safeguards: nullable(textArb()).map(blankToNull),
          source: fc.constant(null),
        }),
        2,
      ),
      declaredTotals: nullable(
        fc.record({
          department: nullable(wanArb()),
          units: fc.array(fc.record({ code: nullable(codeArb()).map((c) => c ?? null), name: textField(), total: nullable(wanArb()) }), { maxLength: 3 }),
          source: fc.constant(null),
        }),
        2,
      ),
      projects: fc.array(projectArb(), { maxLength: opts.maxProjects ?? 3 }),
    })
    .map((r) => {
      const doc = emptyDocument(r.profile);
      doc.$schema = SCHEMA_ID;
      doc.fiscalYear = r.fiscalYear;
      doc.department = r.department;
      doc.title = r.title;
      doc.overview = r.overview;
      doc.declaredTotals = r.declaredTotals;
      doc.projects = r.projects.map((p, i) => ({ ...p, seq: i + 1 }));
      return doc;
    });
}

/**
 * Documents with 中期 targets (a separate arbitrary: documentArb's random stream stays as the other property tests
 * know it). Some 中期 indicators copy a 年度 indicator's 一级/二级/三级 with a 中期 value (paired on the central-2021
 * form), others stand alone, before or after the copies; goals include blank ones.
 */
export function midTermDocumentArb(opts: { maxProjects?: number } = {}): fc.Arbitrary<JxmbDocument> {
  const midArb = nullable(
    fc.record({
      goals: fc.array(fc.oneof(fc.constantFrom("三年内建成指挥体系", ""), textArb()), { maxLength: 3 }),
      copies: fc.array(fc.tuple(fc.nat(), targetArb()), { maxLength: 4 }),
      alone: fc.array(indicatorArb(), { maxLength: 3 }),
      before: fc.boolean(),
    }),
    3,
  );
  return fc.tuple(documentArb(opts), fc.array(midArb, { minLength: 4, maxLength: 4 })).map(([doc, mids]) => {
    doc.projects.forEach((p, i) => {
      const m = mids[i % mids.length];
      if (!m) return;
      const copies = p.indicators.length ? m.copies.map(([k, t]) => ({ ...p.indicators[k % p.indicators.length], target: t.target, targetParts: t.parts })) : [];
      p.midTerm = { goals: m.goals, indicators: m.before ? [...m.alone, ...copies] : [...copies, ...m.alone] };
    });
    return doc;
  });
}
