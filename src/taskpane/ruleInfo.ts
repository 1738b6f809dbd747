/**
 * What the to-do list needs to know about a rule id: its category (from the rule's meta; categories.ts holds the
 * names and order) and its short Chinese title. Ids no rule has (read problems) fall under 其他 with the id as title.
 */
import { RULES } from "../model/rules/index";
import { CATEGORIES, categoryOrder as order, isCategoryKey, type CategoryKey } from "../model/rules/categories";
import { locale } from "./i18n";

export type ListCategory = CategoryKey | "other";

const META = new Map(RULES.map((r) => [r.meta.id, r.meta]));

export function categoryOf(ruleId: string): ListCategory {
  const c = META.get(ruleId)?.category;
  return c && isCategoryKey(c) ? c : "other";
}

export function categoryName(key: ListCategory): string {
  if (key === "other") return locale() === "en-US" ? "Other" : "其他";
  return locale() === "en-US" ? CATEGORIES[key].en : CATEGORIES[key].zh;
}

/** Display order; 其他 last. */
export function categoryOrder(key: ListCategory): number {
  return order(key);
}

export function ruleTitle(ruleId: string): string {
  return META.get(ruleId)?.title || ruleId;
}
