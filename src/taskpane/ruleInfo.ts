/**
 * What the to-do list needs to know about a rule id: its category (categories.ts holds the names and order) and its
 * short title in the pane's language. Both come from the rule's meta, but the rules themselves (their check code and
 * messages) load only with the check (logic.ts analyse, in the lazy model chunk or the analysis worker): each run
 * carries its rules' RuleInfo (RunResult.rules) and `learnRules` keeps them here, so the pane's initial scripts never
 * hold the rule modules. Ids not learnt (read problems, or any id before the first check) fall under 其他 with the id
 * as title.
 */
import { CATEGORIES, categoryOrder as order, isCategoryKey, type CategoryKey } from "../model/rules/categories";
import type { RuleMeta } from "../model/rules/types";
import { locale } from "./i18n";

export type ListCategory = CategoryKey | "other";

/** The part of a rule's meta the pane shows; small enough to travel with every run from the worker. */
export type RuleInfo = Pick<RuleMeta, "id" | "category" | "title" | "titleEn">;

const META = new Map<string, RuleInfo>();

/** The pane-facing part of rule metas (called where the rules are loaded). */
export function ruleInfos(metas: readonly RuleMeta[]): RuleInfo[] {
  return metas.map(({ id, category, title, titleEn }) => ({ id, category, title, titleEn }));
}

/** Remember the rules a run came with (RunResult.rules). */
export function learnRules(infos: readonly RuleInfo[] | undefined): void {
  for (const r of infos ?? []) META.set(r.id, r);
}

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
  const m = META.get(ruleId);
  return (locale() === "en-US" ? m?.titleEn : m?.title) || ruleId;
}
