/**
 * A finding in English for the CLI's en-US report. Findings carry their Chinese message only; each rule
 * also has an English template (meta.messageEn) with the same {placeholders}. The values are read back
 * from the Chinese message by matching it against the rule's Chinese template, then put into the English
 * one: the quoted workbook text (labels, values, names) comes through as written.
 * A message a rule wrote itself (not from its template) has no English counterpart: null.
 */
import { getRule } from "../model/rules";
import { getInboxRule } from "../model/inbox/rules";
import type { Finding } from "../model/rules/types";

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
  const meta = getRule(ruleId)?.meta ?? getInboxRule(ruleId)?.meta;
  if (!meta?.messageEn) return null;
  const m = matcher(meta.message);
  const hit = m?.re.exec(message);
  if (!m || !hit) return null;
  const data = new Map(m.names.map((n, i) => [n, hit[i + 1]]));
  return meta.messageEn.replace(/\{(\w+)\}/g, (all, k: string) => data.get(k) ?? all);
}

/** The rule's English with "…" for the values it could not read back; the rule id when it has none. */
function genericEn(ruleId: string): string {
  const meta = getRule(ruleId)?.meta ?? getInboxRule(ruleId)?.meta;
  return meta?.messageEn ? meta.messageEn.replace(/\{\w+\}/g, "…") : ruleId;
}

/** One rule's message (no folding, no grouping) in English. */
function plainEn(ruleId: string, message: string): string {
  // Two hits of one rule on one cell are joined with "；" (validate's precision stage).
  const parts = message.split("；").map((m) => englishMessage(ruleId, m));
  if (parts.every((p): p is string => p !== null)) return parts.join("; ");
  return englishMessage(ruleId, message) ?? genericEn(ruleId);
}

// validate's precision stage: "N 个项目中 M 个<title>（共 K 处；如第 S 个项目：<message>）", one rule on several rows of a
// project "N 处<title>：E11、E12（如 E11：<message>）", and "<message>（同一单元格另有：…）".
const GROUPED = /^(\d+) 个项目中 (\d+) 个[\s\S]*?（共 (\d+) 处；如第 (\d+) 个项目：([\s\S]*)）$/;
const ROWS = /^(\d+) 处[^：]*：([A-Z]{1,3}[0-9]+(?:、[A-Z]{1,3}[0-9]+)*)（如 ([A-Z]{1,3}[0-9]+)：([\s\S]*)）$/;
const FOLDED = /（同一单元格另有：[^（）]*）$/;

/**
 * What the en-US report shows for a finding: its own English (a reader's gloss), the rule's English
 * with the values read back, or else the rule's English sentence with "…" for what it could not read back.
 * A grouped finding says how many projects in English; a folded one names the folded rules by id.
 */
export function findingEn(f: Pick<Finding, "ruleId" | "message" | "messageEn" | "folded">): string {
  if (f.messageEn) return f.messageEn;
  const folded = f.folded?.length ? ` (same cell also: ${f.folded.join(", ")})` : "";
  const g = GROUPED.exec(f.message);
  if (g) {
    const example = plainEn(f.ruleId, g[5].replace(FOLDED, ""));
    return `${g[2]} of ${g[1]} projects (${g[3]} place(s)); e.g. project ${g[4]}: ${example}${folded}`;
  }
  const r = ROWS.exec(f.message);
  if (r) return `${r[1]} places: ${r[2].split("、").join(", ")} (e.g. ${r[3]}: ${plainEn(f.ruleId, r[4].replace(FOLDED, ""))})${folded}`;
  return plainEn(f.ruleId, f.message.replace(FOLDED, "")) + folded;
}
