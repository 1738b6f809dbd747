/**
 * Pure budget arithmetic, exact via integer 分 (money.ts). Shared by the rules and the custom functions.
 */
import { formatWan, wanToFen } from "../money";

export type BudgetRuleId = "budget/not-number" | "budget/sum-mismatch";

export interface BudgetProblem {
  ruleId: BudgetRuleId;
  message: string;
  /** Which amount the problem is about. */
  field: "total" | "fiscal" | "other";
  fix?: string;
  /** The same in English. */
  messageEn?: string;
  fixEn?: string;
}

/** The amount fields' names as the form writes them (the rules' Chinese messages). */
export const NAMES = { total: "预算数", fiscal: "财政资金", other: "其他资金" } as const;
/** The amount fields' names in English (the rules' English messages). */
export const NAMES_EN = { total: "Budget", fiscal: "Fiscal funds", other: "Other funds" } as const;

/** Display an amount in 万元 without float noise and without padding ("587.92", "500", "0.5"). */
export function wanText(n: number): string {
  const fen = wanToFen(n);
  return Number.isFinite(fen) ? formatWan(fen, 0) : String(n);
}

/**
 * 预算数 = 财政资金 + 其他资金, blank 其他资金 counting as 0 (seeds: blank 其他 is the norm).
 * Amounts are in 万元; null means blank. Non-finite or negative amounts are reported as not-number.
 * Exact: compares integer 分, so 0.1 + 0.2 = 0.3 holds.
 */
export function budgetProblems(
  total: number | null | undefined,
  fiscal: number | null | undefined,
  other: number | null | undefined,
): BudgetProblem[] {
  const out: BudgetProblem[] = [];
  const fen: Record<"total" | "fiscal" | "other", number | null> = { total: null, fiscal: null, other: null };
  const vals = { total, fiscal, other };
  for (const k of ["total", "fiscal", "other"] as const) {
    const v = vals[k];
    if (v === null || v === undefined) continue;
    const f = typeof v === "number" ? wanToFen(v) : NaN;
    if (!Number.isFinite(f)) {
      out.push({ ruleId: "budget/not-number", field: k, message: `${NAMES[k]}“${String(v)}”不是有效的金额`, messageEn: `${NAMES_EN[k]} “${String(v)}” is not a valid amount` });
    } else if (f < 0) {
      out.push({ ruleId: "budget/not-number", field: k, message: `${NAMES[k]} ${wanText(v)} 为负数`, fix: "金额应为非负数（万元）", messageEn: `${NAMES_EN[k]} “${wanText(v)}” is negative`, fixEn: "An amount is not negative (in “万元”)" });
    } else fen[k] = f;
  }
  if (fen.total !== null && fen.fiscal !== null) {
    const o = fen.other ?? 0;
    if (fen.total !== fen.fiscal + o) {
      const sum = formatWan(fen.fiscal + o, 0);
      out.push({
        ruleId: "budget/sum-mismatch",
        field: "total",
        message: `预算数 ${formatWan(fen.total, 0)} ≠ 财政资金 ${formatWan(fen.fiscal, 0)} + 其他资金 ${formatWan(o, 0)}（合计 ${sum}）`,
        fix:
          fen.other !== null && fen.other === fen.total && fen.fiscal === fen.total
            ? "其他资金似乎重复填写了预算数；没有其他资金时应为 0 或留空"
            : `核对金额：预算数应为 ${sum}，或调整财政资金/其他资金`,
        messageEn: `Budget ${formatWan(fen.total, 0)} ≠ fiscal ${formatWan(fen.fiscal, 0)} + other ${formatWan(o, 0)} (sum ${sum})`,
        fixEn:
          fen.other !== null && fen.other === fen.total && fen.fiscal === fen.total
            ? "Other funds seem to repeat the budget; with no other funds write 0 or leave it blank"
            : `Check the amounts: the budget should be ${sum}, or correct the fiscal or other funds`,
      });
    }
  }
  return out;
}
