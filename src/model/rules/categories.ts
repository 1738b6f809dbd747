/**
 * Finding categories: the small fixed list a reviewer (and the task pane) groups findings by. Every
 * rule's meta names one of these keys; this is the only place that knows their Chinese names and order.
 */
export const CATEGORY_KEYS = ["project", "budget", "goal", "framework", "value", "cost", "consistency", "time", "copy"] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export interface CategoryInfo {
  key: CategoryKey;
  /** zh-CN name shown to users. */
  zh: string;
  en: string;
}

export const CATEGORIES: Readonly<Record<CategoryKey, CategoryInfo>> = {
  project: { key: "project", zh: "项目信息", en: "Project details" },
  budget: { key: "budget", zh: "预算与支出计划", en: "Budget and spending plan" },
  goal: { key: "goal", zh: "绩效目标", en: "Performance goal" },
  framework: { key: "framework", zh: "指标体系", en: "Indicator framework" },
  value: { key: "value", zh: "指标值", en: "Target values" },
  cost: { key: "cost", zh: "成本指标", en: "Cost indicators" },
  consistency: { key: "consistency", zh: "目标与指标一致性", en: "Goal ↔ indicator consistency" },
  time: { key: "time", zh: "时间与年度", en: "Dates and budget year" },
  copy: { key: "copy", zh: "照抄与重复", en: "Copied and duplicated content" },
};

/** Display order (index into CATEGORY_KEYS); unknown keys sort last. */
export function categoryOrder(key: string): number {
  const i = (CATEGORY_KEYS as readonly string[]).indexOf(key);
  return i < 0 ? CATEGORY_KEYS.length : i;
}

export function isCategoryKey(key: string): key is CategoryKey {
  return (CATEGORY_KEYS as readonly string[]).includes(key);
}
