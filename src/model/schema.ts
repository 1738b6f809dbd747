/**
 * Canonical schema v1 of a 部门预算绩效文本 and its project tables.
 *
 * The zod schema is the single source of truth: TypeScript types are inferred from it, the published
 * JSON Schema (assets/schema/) is generated from it, and canonical JSON is produced by parsing a
 * document through it (zod emits keys in declaration order, which makes the text deterministic).
 *
 * Amounts are numbers in 万元 carrying at most 6 decimals (0.01 元); they are produced from exact
 * integer 分 by money.ts, never by float arithmetic.
 */
import { z } from "zod";

export const SCHEMA_VERSION = 1;
export const SCHEMA_ID = "https://jxmb.example.org/schema/jxmb-v1.schema.json";

export const ProfileName = z.enum(["hebei", "ningxia", "central-2021"]);
export type ProfileName = z.infer<typeof ProfileName>;

/** Which layout a project table was read from. */
export const LayoutName = z.enum(["template", "hebei", "chengde", "ningxia", "json"]);
export type LayoutName = z.infer<typeof LayoutName>;

/** Cell references ("B3") of each extracted field, keyed by the field's path ("budget.total", "goals.0"). */
export const CellMap = z.record(z.string(), z.string());

export const CodeName = z.object({
  code: z.string().nullable(),
  name: z.string().nullable(),
});
export type CodeName = z.infer<typeof CodeName>;

/** Normalised comparison operator of a 指标值. */
export const Operator = z.enum(["≥", "≤", "=", ">", "<"]);
export type Operator = z.infer<typeof Operator>;

export const TargetKind = z.enum([
  "number", // a count or quantity with an optional unit: "≥253人", "10台"
  "percent", // "≥95%", "100百分比"
  "money", // "≤50万元", "19270元"
  "date", // a date or deadline: "2024年底", "12月底前"
  "duration", // "1年", "3个工作日"
  "grade", // a qualitative grade from a closed list: 优, 良好, 达标, 是/否, 合格
  "text", // other descriptive text: "按月发放", "保障指挥中心正常运转"
  "vague", // vague phrases without a measurable value: "进一步提高", "有效提升"
  "redacted", // "**" (涉密)
  "empty", // nothing written
]);
export type TargetKind = z.infer<typeof TargetKind>;

export const TargetDate = z.object({
  year: z.number().int().nullable(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
  /** "by" for 前/之前/底前 deadlines, "at" otherwise. */
  relation: z.enum(["by", "at"]),
});

/** A parsed 指标值. `raw` is exactly as written (for the 符号/值/单位 layout: the three parts joined). */
export const Target = z.object({
  raw: z.string(),
  kind: TargetKind,
  operator: Operator.nullable(),
  /** The operator as written ("≧", "不低于", "以上"); null when none. */
  operatorRaw: z.string().nullable(),
  value: z.number().nullable(),
  /** Upper bound for ranges such as "90%-95%". */
  valueMax: z.number().nullable(),
  /** Normalised unit ("%", "万元", "元", "人", "平方米", "年", …). */
  unit: z.string().nullable(),
  date: TargetDate.nullable(),
  /** Descriptive text for grade/text/vague kinds (the words, without operator). */
  text: z.string().nullable(),
});
export type Target = z.infer<typeof Target>;

/** The 符号 / 值 / 单位（文字描述） cells of the 承德 layout, as written. */
export const TargetParts = z.object({
  symbol: z.string(),
  value: z.string(),
  unit: z.string(),
});

export const Indicator = z.object({
  level1: z.string(), // normalised label, e.g. "产出指标"
  level2: z.string(), // normalised label, e.g. "社会效益指标"
  name: z.string(), // 三级指标
  description: z.string().nullable(), // 绩效指标描述
  target: Target,
  targetParts: TargetParts.nullable(),
  basis: z.string().nullable(), // 指标值确定依据
  scoring: z.string().nullable(), // 评（扣）分标准
  /** Labels exactly as written, when they differ from the normalised ones. */
  level1Raw: z.string().nullable(),
  level2Raw: z.string().nullable(),
  source: CellMap,
});
export type Indicator = z.infer<typeof Indicator>;

export const Budget = z.object({
  total: z.number().nullable(), // 预算数 / 年度资金总额
  fiscal: z.number().nullable(), // 财政资金 / 财政拨款
  other: z.number().nullable(), // 其他资金 (blank → 0)
  /** Text as written, for cells that are not plain numbers (e.g. "50 万元", "587.92 万 元"). */
  raw: z.object({
    total: z.string().nullable(),
    fiscal: z.string().nullable(),
    other: z.string().nullable(),
  }),
});
export type Budget = z.infer<typeof Budget>;

/** Cumulative percent points; null for a blank point. */
export const SpendPlan = z.object({
  mar: z.number().nullable(),
  jun: z.number().nullable(),
  oct: z.number().nullable(),
  dec: z.number().nullable(),
  /** Text as written per point (e.g. "25%", "0.25", ""). */
  raw: z.object({
    mar: z.string().nullable(),
    jun: z.string().nullable(),
    oct: z.string().nullable(),
    dec: z.string().nullable(),
  }),
});
export type SpendPlan = z.infer<typeof SpendPlan>;

export const ProjectSource = z.object({
  sheet: z.string(),
  /** Area of the table, e.g. "A1:H40". */
  range: z.string().nullable(),
  cells: CellMap,
});

export const Project = z.object({
  /** Position of the table in the document (1-based), as printed in its title when there is one. */
  seq: z.number().int(),
  title: z.string().nullable(), // heading above the table, e.g. "1.安保指挥中心工作经费绩效目标表"
  code: z.string().nullable(), // 项目编码, spaces removed
  name: z.string().nullable(), // 项目名称
  unit: CodeName, // 单位 (编码 + 名称) above the table
  competentDepartment: CodeName.nullable(), // 主管部门及代码 (Ningxia)
  implementingUnit: z.string().nullable(), // 实施单位 (Ningxia)
  attribute: CodeName.nullable(), // 项目属性 "0101—一年期项目"
  period: z.string().nullable(), // 项目期 "1 年"
  budget: Budget,
  purpose: z.string().nullable(), // 资金用途
  spendPlan: SpendPlan.nullable(), // null when the layout has no plan
  goals: z.array(z.string()),
  indicators: z.array(Indicator),
  redacted: z.boolean(), // 涉密: "此项目文件涉密"
  layout: LayoutName,
  source: ProjectSource,
});
export type Project = z.infer<typeof Project>;

export const OverviewItem = z.object({
  title: z.string(),
  goal: z.string().nullable(),
  indicators: z.string().nullable(),
});

export const Overview = z.object({
  summary: z.string().nullable(), // 总体绩效目标
  items: z.array(OverviewItem), // 分项绩效目标
  safeguards: z.string().nullable(), // 工作保障措施
  source: ProjectSource.nullable(),
});
export type Overview = z.infer<typeof Overview>;

/** Totals declared in the workbook (汇总 sheet), checked against the sum of the projects. */
export const DeclaredTotals = z.object({
  department: z.number().nullable(),
  units: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), total: z.number().nullable() })),
  source: ProjectSource.nullable(),
});
export type DeclaredTotals = z.infer<typeof DeclaredTotals>;

export const JxmbDocument = z.object({
  $schema: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  fiscalYear: z.number().int().nullable(),
  moneyUnit: z.literal("万元"),
  profile: ProfileName,
  department: CodeName,
  title: z.string().nullable(),
  overview: Overview.nullable(),
  declaredTotals: DeclaredTotals.nullable(),
  projects: z.array(Project),
});
export type JxmbDocument = z.infer<typeof JxmbDocument>;

export function emptyTarget(raw = ""): Target {
  return { raw, kind: "empty", operator: null, operatorRaw: null, value: null, valueMax: null, unit: null, date: null, text: null };
}

/** A project with every field blank; readers and writers fill what their layout carries. */
export function emptyProject(layout: LayoutName, sheet = "", seq = 0): Project {
  return {
    seq,
    title: null,
    code: null,
    name: null,
    unit: { code: null, name: null },
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget: { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } },
    purpose: null,
    spendPlan: null,
    goals: [],
    indicators: [],
    redacted: false,
    layout,
    source: { sheet, range: null, cells: {} },
  };
}

export function emptyDocument(profile: ProfileName = "hebei"): JxmbDocument {
  return {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    fiscalYear: null,
    moneyUnit: "万元",
    profile,
    department: { code: null, name: null },
    title: null,
    overview: null,
    declaredTotals: null,
    projects: [],
  };
}
