/**
 * A finding in English for the CLI's en-US report. Findings carry their Chinese message only; each rule
 * also has an English template (meta.messageEn) with the same {placeholders}. The values are read back
 * from the Chinese message by matching it against the rule's Chinese template, then put into the English
 * one: the quoted workbook text (labels, values, names) comes through as written.
 * A message a rule wrote itself (not from its template) has no English counterpart: null.
 */
import { getRule } from "../model/rules";

const compiled = new Map<string, { re: RegExp; names: string[] } | null>();

function matcher(template: string): { re: RegExp; names: string[] } | null {
  if (compiled.has(template)) return compiled.get(template) ?? null;
  const names: string[] = [];
  let src = "";
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    src += template.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    names.push(m[1]);
    src += "([\\s\\S]*?)";
    last = (m.index ?? 0) + m[0].length;
  }
  src += template.slice(last).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const out = names.length > 0 || template.length > 0 ? { re: new RegExp(`^${src}$`), names } : null;
  compiled.set(template, out);
  return out;
}

/** The English message of a finding of `ruleId` whose Chinese message is `message`; null when there is none. */
export function englishMessage(ruleId: string, message: string): string | null {
  const meta = getRule(ruleId)?.meta;
  if (!meta?.messageEn) return null;
  const m = matcher(meta.message);
  const hit = m?.re.exec(message);
  if (!m || !hit) return null;
  const data = new Map(m.names.map((n, i) => [n, hit[i + 1]]));
  return meta.messageEn.replace(/\{(\w+)\}/g, (all, k: string) => data.get(k) ?? all);
}
