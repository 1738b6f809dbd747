/**
 * A finding in English for the CLI's en-US report. Rules report their English at the source
 * (Finding.messageEn: the rule's English template filled with the same values, or the English the
 * rule gave beside its own Chinese; the precision stage builds the English of folded and grouped
 * findings). A finding without English (a cross-file rule's own sentence not yet given one, a read
 * problem without a gloss) shows the rule's English sentence with "…" for its values, never Chinese.
 */
import { getRule } from "../model/rules";
import { getInboxRule } from "../model/inbox/rules";
import type { Finding } from "../model/rules/types";

/** What the en-US report shows for a finding. */
export function findingEn(f: Pick<Finding, "ruleId" | "messageEn">): string {
  if (f.messageEn !== undefined) return f.messageEn;
  const meta = getRule(f.ruleId)?.meta ?? getInboxRule(f.ruleId)?.meta;
  return meta?.messageEn ? meta.messageEn.replace(/\{\w+\}/g, "…") : f.ruleId;
}
