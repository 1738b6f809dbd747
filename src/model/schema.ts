/**
 * Canonical schema v2 of a 部门预算绩效文本 and its project tables.
 *
 * v2 only adds optional keys to v1 (self-evaluation actuals and scores, mid-term goals and indicators,
 * the department-overall table's budget, duties and indicators, a layout name): every v1 document is a
 * valid v2 document once its version is raised, which canonical.ts does on import.
 *
 * The zod schema is the single source of truth: TypeScript types are inferred from it, the published
 * JSON Schema (assets/schema/) is generated from it, and canonical JSON is produced by parsing a
 * document through it (zod emits keys in declaration order, which makes the text deterministic).
 *
 * Amounts are numbers in 万元 carrying at most 6 decimals (0.01 元); they are produced from exact
 * integer 分 by money.ts, never by float arithmetic.
 */
import { z } from "zod";
import { FISCAL_YEAR_SOURCES, FUND_ROLES, LAYOUT_NAMES, OPERATORS, PROFILE_NAMES, SCHEMA_VERSION } from "./schema-values";

// Constants and blank values live in the zod-free schema-values.ts (the readers and export use them without zod).
export { COMPATIBLE_SCHEMA_VERSIONS, SCHEMA_ID, SCHEMA_VERSION, emptyDocument, emptyProject, emptyTarget } from "./schema-values";

export const ProfileName = z.enum(PROFILE_NAMES);
export type ProfileName = z.infer<typeof ProfileName>;

/** Which layout a project table was read from. */
export const LayoutName = z.enum(LAYOUT_NAMES);
export type LayoutName = z.infer<typeof LayoutName>;

/** Cell references ("B3") of each extracted field, keyed by the field's path ("budget.total", "goals.0"). */
export const CellMap = z.record(z.string(), z.string());

export const CodeName = z.object({
  code: z.string().nullable(),
  name: z.string().nullable(),
});
export type CodeName = z.infer<typeof CodeName>;

/** Normalised comparison operator of a 指标值. */
export const Operator = z.enum(OPERATORS);
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
  // Self-evaluation (绩效自评表) and score-weighted forms; absent on plain target tables.
  weight: z.number().nullable().optional(), // 分值 / 权重
  actual: Target.optional(), // 实际完成值, parsed like the target it is compared with
  score: z.number().nullable().optional(), // 得分
  deviation: z.string().nullable().optional(), // 偏差原因分析及改进措施 / 未完成原因分析
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
  /** Text as written per point (e.g. "25%", "0.25"); null for a blank-looking cell. */
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
  /**
   * In a document merged from several files (the inbox, src/model/inbox): the file the table was read
   * from, and the table's position (seq) in that file. Absent on a document read from one file.
   */
  file: z.string().optional(),
  seq: z.number().int().optional(),
});

/** Which money a line of the self-evaluation 项目资金 block is about. */
export const FundRole = z.enum(FUND_ROLES);
export type FundRole = z.infer<typeof FundRole>;

/** One line of the 项目资金 block of a 绩效自评表: budget at the start of the year, for the whole year, spent. */
export const ExecutionLine = z.object({
  role: FundRole, // "line" for lines with no fixed meaning (财政专户管理资金, 单位资金)
  label: z.string(), // as written: "其中:本年财政拨款"
  initial: z.number().nullable(), // 年初预算数
  annual: z.number().nullable(), // 全年预算数 / 调整后预算数
  executed: z.number().nullable(), // 全年执行数 / 预算执行数
  rate: z.number().nullable(), // 执行率, in percent (99.97 for 99.97 %)
  weight: z.number().nullable(), // 分值 / 权重
  score: z.number().nullable(), // 得分
});
export type ExecutionLine = z.infer<typeof ExecutionLine>;

/** The actuals of a 绩效自评表, beside the targets the project already carries. */
export const SelfEvaluation = z.object({
  funds: z.array(ExecutionLine),
  goalsActual: z.array(z.string()), // 实际完成情况 / 年度目标完成情况, beside `goals` (预期目标)
  totalWeight: z.number().nullable(), // 总分 / 合计 row
  totalScore: z.number().nullable(),
  grade: z.string().nullable(), // 自评等级 / 评价等级
  conclusion: z.string().nullable(), // 评价结论 / 自评结论
  issues: z.string().nullable(), // 存在问题 (及原因)
  measures: z.string().nullable(), // 改进措施 / 改进意见
});
export type SelfEvaluation = z.infer<typeof SelfEvaluation>;

/** 中期目标 and the (长期)/(中期) indicator column group, kept beside the yearly ones. */
export const MidTerm = z.object({
  goals: z.array(z.string()),
  indicators: z.array(Indicator),
});
export type MidTerm = z.infer<typeof MidTerm>;

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
  midTerm: MidTerm.optional(),
  selfEvaluation: SelfEvaluation.optional(),
  layout: LayoutName,
  source: ProjectSource,
});
export type Project = z.infer<typeof Project>;

export const OverviewItem = z.object({
  title: z.string(),
  goal: z.string().nullable(),
  indicators: z.string().nullable(),
});

/** 年度预算安排 of a 部门整体支出绩效目标表, in 万元. */
export const DepartmentBudget = z.object({
  total: z.number().nullable(), // 资金总额 / 合计
  fiscal: z.number().nullable(), // 财政拨款
  other: z.number().nullable(), // 其他资金
  basic: z.number().nullable(), // 基本支出
  project: z.number().nullable(), // 项目支出
});
export type DepartmentBudget = z.infer<typeof DepartmentBudget>;

/** A row of the 年度履职目标 / 年度主要任务 table. */
export const Duty = z.object({
  duty: z.string().nullable(), // 部门职能
  task: z.string().nullable(), // 年度目标任务 / 任务名称
  content: z.string().nullable(), // 主要内容
  project: z.string().nullable(), // 支出项目名称
  amount: z.number().nullable(), // 预算金额 (总额, 万元)
  fiscal: z.number().nullable(), // of which 财政拨款, when the table splits the amount
  other: z.number().nullable(), // of which 其他资金
});
export type Duty = z.infer<typeof Duty>;

export const Overview = z.object({
  summary: z.string().nullable(), // 总体绩效目标
  items: z.array(OverviewItem), // 分项绩效目标
  safeguards: z.string().nullable(), // 工作保障措施
  // The department-overall table (部门整体支出绩效目标表); absent for the prose department part.
  goals: z.array(z.string()).optional(), // 年度总体目标, one item per 目标N / numbered line
  budget: DepartmentBudget.optional(),
  duties: z.array(Duty).optional(),
  indicators: z.array(Indicator).optional(),
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

/** Where the document's budget year comes from: printed (title, caption, cover) or inferred. */
export const FiscalYearSource = z.enum(FISCAL_YEAR_SOURCES);
export type FiscalYearSource = z.infer<typeof FiscalYearSource>;

export const JxmbDocument = z.object({
  $schema: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  fiscalYear: z.number().int().nullable(),
  /** Where fiscalYear comes from (v2, optional): "printed", or inferred from project "code", "name" or "period". */
  fiscalYearSource: FiscalYearSource.nullable().optional(),
  moneyUnit: z.literal("万元"),
  profile: ProfileName,
  department: CodeName,
  title: z.string().nullable(),
  overview: Overview.nullable(),
  declaredTotals: DeclaredTotals.nullable(),
  projects: z.array(Project),
});
export type JxmbDocument = z.infer<typeof JxmbDocument>;
