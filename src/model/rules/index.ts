/**
 * Rule registry: every rule, in a stable order (by id). Rule ids are a public contract: never rename.
 */
import type { Rule } from "./types";
import type { CategoryKey } from "./categories";
import { rule as basisMissing } from "./basis/missing";
import { rule as basisSwapped } from "./basis/swapped";
import { rule as budgetNotNumber } from "./budget/not-number";
import { rule as budgetSumMismatch } from "./budget/sum-mismatch";
import { rule as budgetTotalMismatch } from "./budget/total-mismatch";
import { rule as consistencyCountMismatch } from "./consistency/count-mismatch";
import { rule as costExceedsBudget } from "./cost/exceeds-budget";
import { rule as costMismatchBudget } from "./cost/mismatch-budget";
import { rule as costNotMoney } from "./cost/not-money";
import { rule as goalCopied } from "./goal/copied";
import { rule as goalMissing } from "./goal/missing";
import { rule as goalPlaceholder } from "./goal/placeholder";
import { rule as goalVague } from "./goal/vague";
import { rule as indicatorCopied } from "./indicator/copied";
import { rule as indicatorDuplicate } from "./indicator/duplicate";
import { rule as indicatorFrameworkMixed } from "./indicator/framework-mixed";
import { rule as indicatorLevel2Mismatch } from "./indicator/level2-mismatch";
import { rule as indicatorMissingBenefit } from "./indicator/missing-benefit";
import { rule as indicatorMissingCost } from "./indicator/missing-cost";
import { rule as indicatorMissingName } from "./indicator/missing-name";
import { rule as indicatorMissingOutputDimension } from "./indicator/missing-output-dimension";
import { rule as indicatorMissingOutput } from "./indicator/missing-output";
import { rule as indicatorMissingSatisfaction } from "./indicator/missing-satisfaction";
import { rule as indicatorNotSatisfaction } from "./indicator/not-satisfaction";
import { rule as indicatorUnknownLevel1 } from "./indicator/unknown-level1";
import { rule as projectCodeDuplicate } from "./project/code-duplicate";
import { rule as projectCodeFormat } from "./project/code-format";
import { rule as projectMissingField } from "./project/missing-field";
import { rule as projectRedacted } from "./project/redacted";
import { rule as spendPlanDecreasing } from "./spend-plan/decreasing";
import { rule as spendPlanMissing } from "./spend-plan/missing";
import { rule as spendPlanNot100 } from "./spend-plan/not-100";
import { rule as spendPlanOutOfRange } from "./spend-plan/out-of-range";
import { rule as spendPlanUnusual } from "./spend-plan/unusual";
import { rule as timeWrongYear } from "./time/wrong-year";
import { rule as valueMissingOperator } from "./value/missing-operator";
import { rule as valueMissingUnit } from "./value/missing-unit";
import { rule as valueMissing } from "./value/missing";
import { rule as valueNonstandardOperator } from "./value/nonstandard-operator";
import { rule as valueOperatorDirection } from "./value/operator-direction";
import { rule as valuePercentRange } from "./value/percent-range";
import { rule as valueRedacted } from "./value/redacted";
import { rule as valueTypeMismatch } from "./value/type-mismatch";
import { rule as valueVague } from "./value/vague";
import { rule as projectCodeDivision } from "./project/code-division";
import { rule as valueQualitativeRatio } from "./value/qualitative-ratio";
import { rule as basisUniform } from "./basis/uniform";
import { rule as indicatorTooFew } from "./indicator/too-few";
import { rule as valueVagueUnit } from "./value/vague-unit";
import { rule as costNameAmount } from "./cost/name-amount";
import { rule as goalPastTense } from "./goal/past-tense";
import { rule as indicatorNotEcological } from "./indicator/not-ecological";
import { rule as goalNearDuplicate } from "./goal/near-duplicate";
import { rule as indicatorNearDuplicate } from "./indicator/near-duplicate";
import { rule as costUnitCostBudget } from "./cost/unit-cost-budget";
import { rule as consistencyLevelMismatch } from "./consistency/level-mismatch";
import { rule as valueQuantityCeiling } from "./value/quantity-ceiling";
import { rule as valueQuantityNoNumber } from "./value/quantity-no-number";
import { rule as valueTrivialTarget } from "./value/trivial-target";
import { rule as selfEvalRateMismatch } from "./self-eval/rate-mismatch";
import { rule as selfEvalScoreExceedsPoints } from "./self-eval/score-exceeds-points";
import { rule as selfEvalTotalMismatch } from "./self-eval/total-mismatch";
import { rule as selfEvalMissingDeviation } from "./self-eval/missing-deviation";
import { rule as selfEvalMissingActual } from "./self-eval/missing-actual";
import { rule as departmentBudgetSum } from "./department/budget-sum";
import { rule as departmentDutiesSum } from "./department/duties-sum";
import { rule as indicatorTemplatePrompt } from "./indicator/template-prompt";
import { rule as valueNameConflict } from "./value/name-conflict";
import { rule as selfEvalActualIsTarget } from "./self-eval/actual-is-target";
import { rule as selfEvalNarrative } from "./self-eval/narrative";
import { rule as selfEvalScoreDeducted } from "./self-eval/score-deducted";
import { rule as selfEvalLowExecution } from "./self-eval/low-execution";
import { rule as projectNameIsTitle } from "./project/name-is-title";
import { rule as indicatorNameIsValue } from "./indicator/name-is-value";
import { rule as indicatorCostMisplaced } from "./indicator/cost-misplaced";
import { rule as goalNotAnnual } from "./goal/not-annual";
import { rule as indicatorSatisfactionMisplaced } from "./indicator/satisfaction-misplaced";
import { rule as valueComplianceBelowFull } from "./value/compliance-below-full";
import { rule as costUnitWithoutQuantity } from "./cost/unit-without-quantity";
import { rule as consistencyGoalUncovered } from "./consistency/goal-uncovered";
import { rule as budgetCellText } from "./budget/cell-text";

export const RULES: readonly Rule[] = [
  basisMissing,
  basisSwapped,
  budgetNotNumber,
  budgetSumMismatch,
  budgetTotalMismatch,
  consistencyCountMismatch,
  costExceedsBudget,
  costMismatchBudget,
  costNotMoney,
  goalCopied,
  goalMissing,
  goalPlaceholder,
  goalVague,
  indicatorCopied,
  indicatorDuplicate,
  indicatorFrameworkMixed,
  indicatorLevel2Mismatch,
  indicatorMissingBenefit,
  indicatorMissingCost,
  indicatorMissingName,
  indicatorMissingOutputDimension,
  indicatorMissingOutput,
  indicatorMissingSatisfaction,
  indicatorNotSatisfaction,
  indicatorUnknownLevel1,
  projectCodeDuplicate,
  projectCodeFormat,
  projectMissingField,
  projectRedacted,
  spendPlanDecreasing,
  spendPlanMissing,
  spendPlanNot100,
  spendPlanOutOfRange,
  spendPlanUnusual,
  timeWrongYear,
  valueMissingOperator,
  valueMissingUnit,
  valueMissing,
  valueNonstandardOperator,
  valueOperatorDirection,
  valuePercentRange,
  valueRedacted,
  valueTypeMismatch,
  valueVague,
  projectCodeDivision,
  valueQualitativeRatio,
  basisUniform,
  indicatorTooFew,
  valueVagueUnit,
  costNameAmount,
  goalPastTense,
  indicatorNotEcological,
  goalNearDuplicate,
  indicatorNearDuplicate,
  costUnitCostBudget,
  consistencyLevelMismatch,
  valueQuantityCeiling,
  valueQuantityNoNumber,
  valueTrivialTarget,
  selfEvalRateMismatch,
  selfEvalScoreExceedsPoints,
  selfEvalTotalMismatch,
  selfEvalMissingDeviation,
  selfEvalMissingActual,
  departmentBudgetSum,
  departmentDutiesSum,
  indicatorTemplatePrompt,
  valueNameConflict,
  selfEvalActualIsTarget,
  selfEvalNarrative,
  selfEvalScoreDeducted,
  selfEvalLowExecution,
  projectNameIsTitle,
  indicatorNameIsValue,
  indicatorCostMisplaced,
  goalNotAnnual,
  indicatorSatisfactionMisplaced,
  valueComplianceBelowFull,
  costUnitWithoutQuantity,
  consistencyGoalUncovered,
  budgetCellText,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

/** The rule with this id, or undefined. */
export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

/**
 * Rules that judge one indicator row or one goal on its own, and so also check the indicator tree and
 * goals of a 部门整体支出绩效目标表 (corpus 07). Structure rules (缺少…指标, budget, spend plan, codes)
 * do not: a department table is not a project table.
 */
export const DEPARTMENT_ROW_RULES: ReadonlySet<string> = new Set(
  RULES.map((r) => r.meta.id).filter(
    (id) =>
      (id.startsWith("value/") && id !== "value/qualitative-ratio") ||
      ["cost/not-money", "indicator/not-ecological", "indicator/not-satisfaction", "indicator/template-prompt", "indicator/missing-name", "goal/vague", "goal/placeholder", "time/wrong-year"].includes(id),
  ),
);

/** The reviewer category of a finding's rule; findings of no rule (read problems) are 项目信息. */
export function categoryOfRule(id: string): CategoryKey {
  return BY_ID.get(id)?.meta.category ?? "project";
}
