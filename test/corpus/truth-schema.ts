/**
 * The shape of test/corpus/truth/*.json: what a careful human reads from each public form, and what a
 * correct reader must extract. Documented in test/corpus/README.md; the corpus test validates every
 * truth file against it, and reader tests may import it to load truth with types.
 */
import * as fs from "node:fs";
import { z } from "zod";

const money = z.number().nullable();

export const TruthIndicator = z.strictObject({
  level1: z.string().nullable(),
  level2: z.string().nullable(),
  name: z.string(),
  /** The target as a person reads it: operator + number + unit glued when the source splits them, `100%` for a 0%-formatted 1. */
  value: z.string(),
  /** Where the source has separate operator / value / unit columns. */
  operator: z.string().optional(),
  number: z.number().nullable().optional(),
  unit: z.string().optional(),
  /** 中期/长期 value where the form pairs a 中期 group with the 年度 one. */
  midterm: z.string().optional(),
  /** Self-evaluation: 实际完成值 (as read), 分值 and 得分 where given. */
  actual: z.string().optional(),
  points: z.number().nullable().optional(),
  score: z.number().nullable().optional(),
  /** 权重 / 指标方向性 columns of flat exports. */
  weight: z.number().nullable().optional(),
  direction: z.string().optional(),
  /** 一级 label without points or prompts ("产出指标(50分)" → "产出指标"), or in simplified script ("產出指標" → "产出指标"), when it differs. */
  level1Canonical: z.string().optional(),
  level2Canonical: z.string().optional(),
});

export const TruthProject = z.strictObject({
  code: z.string().nullable(),
  name: z.string(),
  /** 万元. total = 资金总额 / 预算数; fiscal = 财政拨款; other = 其他资金. null where the form has no such figure. */
  budget: z.strictObject({ total: money, fiscal: money, other: money, carried: money.optional() }),
  /** As printed, when the form states money in 元. */
  budgetYuan: z.number().optional(),
  /** Other readings a reader may legitimately take (e.g. the parts when the total row is wrong). */
  budgetAlt: z.array(z.number()).optional(),
  /** Self-evaluation: 全年执行数 (万元) and 执行率 as printed. */
  executed: money.optional(),
  fiscalYear: z.number().int().nullable(),
  unit: z.strictObject({ code: z.string().nullable(), name: z.string() }).optional(),
  /** Rows with a 二级 but no 三级 and no value: present in the form, not indicators. */
  placeholderRows: z.number().int().optional(),
  truncated: z.boolean().optional(),
  indicators: z.array(TruthIndicator),
});

export const Truth = z.strictObject({
  workbook: z.string().regex(/^workbooks\/.+\.xlsx$/),
  source: z.string().regex(/^sources\/.+\.txt$/),
  /** The URL the page text was stored from (new forms; 01–07 cite theirs in README and sources/). */
  url: z.string().url().optional(),
  kind: z.enum(["project", "flat-department", "self-eval", "department"]),
  /** Collection round: 2 = typed after the generic reader was built, before it was changed for the form (its first reading measures generality). */
  round: z.number().int().optional(),
  complete: z.boolean(),
  layout: z.string(),
  unit: z.strictObject({ code: z.string().nullable(), name: z.string() }),
  department: z
    .strictObject({
      total: money,
      project: money.optional(),
      basic: money.optional(),
      goals: z.number().int().optional(),
    })
    .optional(),
  projects: z.array(TruthProject),
  departmentIndicators: z.array(TruthIndicator).optional(),
  notes: z.array(z.string()),
  genuineIssues: z.array(z.string()),
});

export type Truth = z.infer<typeof Truth>;
export type TruthProject = z.infer<typeof TruthProject>;
export type TruthIndicator = z.infer<typeof TruthIndicator>;

/** Parse one truth file; throws with the file name and the zod paths on a malformed one. */
export function loadTruth(file: string): Truth {
  const res = Truth.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!res.success) throw new Error(`${file}: ${res.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return res.data;
}
