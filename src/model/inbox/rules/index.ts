/** The cross-file rules, in a stable order (by id). Ids are a public contract: never rename. */
import type { InboxRule } from "../types";
import { rule as codeDuplicate } from "./code-duplicate";
import { goalRule, indicatorRule } from "./copied";
import { rule as departmentTotal } from "./department-total";
import { rule as sameProject } from "./same-project";
import { rule as unitTotal } from "./unit-total";
import { rule as yearMismatch } from "./year-mismatch";

export const INBOX_RULES: readonly InboxRule[] = [codeDuplicate, departmentTotal, goalRule, indicatorRule, sameProject, unitTotal, yearMismatch].sort((a, b) =>
  a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0,
);

export const INBOX_RULE_IDS: readonly string[] = INBOX_RULES.map((r) => r.meta.id);

export function getInboxRule(id: string): InboxRule | undefined {
  return INBOX_RULES.find((r) => r.meta.id === id);
}
