import type { Rule } from "../types";
import { isBlank, isCostRow, level1KeyOf, level2KeyOf } from "../util";

// The template's fill-in prompts: "(≥**个)", "(≤**万元)", "≥**人", "XX%"; and its numbering "指标1:".
const PROMPT = /[（(]?\s*[≥≤=><＞＜]?\s*(?:\*{2,}|＊{2,}|[Xx×]{2,})\s*(?:%|％|[\u4e00-\u9fa5]{1,3})?\s*[)）]?/u;
const NUMBERING = /^\s*指标\s*\d+\s*[:：]\s*/u;
// The operator and unit a prompt asks for: "(≥**%)" → ≥, %; "(≤**万元)" → ≤, 万元.
const PROMPT_PARTS = /([≥≤=><＞＜]|>=|<=)?\s*(?:\*+|＊+|[Xx×]+)\s*(%|％|[\u4e00-\u9fa5]{1,3})?/u;

/** False when the name has none of the characters a prompt or the numbering needs (*, ＊, X, x, ×, 指). */
function mayHavePrompt(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2a || c === 0xff0a || c === 0x58 || c === 0x78 || c === 0xd7 || c === 0x6307) return true;
  }
  return false;
}

/** The 三级 name without the template's prompt and numbering (what the clerk should have left). */
export function withoutPrompt(name: string): string {
  return name.replace(NUMBERING, "").replace(new RegExp(PROMPT.source, "gu"), "").replace(/[。.]+$/u, "").trim();
}

/**
 * A 三级 name that still carries the template's fill-in prompt ("贫困地区旅游景点开发数量( ≥**个 )",
 * corpus 21, 27, 28) or its numbering ("指标1:…" on every row, corpus 28): the clerk typed around the
 * template instead of naming the indicator. The prompt belongs in the 指标值 (“≥4个”), not the name.
 */
export const rule: Rule = {
  meta: {
    id: "indicator/template-prompt",
    category: "framework",
    title: "三级指标名称保留模板提示",
    titleEn: "Indicator name keeps the template prompt",
    specificity: 30,
    severity: "info",
    message: "三级指标“{name}”保留了模板提示“{prompt}”",
    messageEn: "Level-3 name “{name}” keeps the template prompt “{prompt}”",
    rationale: "模板中的“≥**个”“指标1:”是填写提示，应替换为指标名称和指标值；保留在名称中说明表格未认真填写，也让名称与指标值重复或矛盾。",
    source: "财预〔2015〕88号 完整性审核（内容完整、无模板残留）；事前评估“填报格式规范”（rules-research §4 P1）",
  },
  check(p, ctx) {
    for (let i = 0; i < p.indicators.length; i++) {
      const ind = p.indicators[i];
      const name = ind.name ?? "";
      if (!mayHavePrompt(name)) continue; // most names: no regex at all
      if (/^[\s*＊]*$/u.test(name)) continue; // "**" alone marks 涉密 content (seed 002), not a prompt
      const numbering = NUMBERING.exec(name);
      const prompt = PROMPT.exec(name.replace(NUMBERING, ""));
      if (!numbering && !prompt) continue;
      const shown = [numbering?.[0].trim(), prompt?.[0].trim()].filter(Boolean).join("”“");
      const clean = withoutPrompt(name);
      const value = ind.target.raw.trim();
      // A bare number beside a prompt that says how it is meant (corpus 27 "苗木成活率(≥**%)" → "85"):
      // the 建议 writes it out; a cost is a ceiling whatever the prompt says.
      const hint = prompt ? PROMPT_PARTS.exec(prompt[0]) : null;
      const t = ind.target;
      let written: string | null = null;
      if (hint && t.value !== null && !t.operator && !t.unit && (hint[1] || hint[2])) {
        const cost = isCostRow(level1KeyOf(ind.level1), level2KeyOf(ind.level2));
        written = `${cost ? "≤" : (hint[1] ?? "").replace(">=", "≥").replace("<=", "≤")}${t.raw.trim()}${hint[2] ?? ""}`;
      }
      const fix = isBlank(clean)
        ? `写明指标名称，删除模板提示“${shown}”`
        : `三级指标写“${clean}”${isBlank(value) ? `，在指标值栏填写目标（提示是“${prompt?.[0].trim() ?? "≥N"}”）` : written ? `，指标值写“${written}”` : `，目标“${value}”只写在指标值栏`}`;
      const fixEn = isBlank(clean)
        ? `Write the indicator's name and delete the template prompt “${shown}”`
        : `Name the level-3 “${clean}”${isBlank(value) ? ` and fill in the target in the value column (the prompt says “${prompt?.[0].trim() ?? "≥N"}”)` : written ? ` and write the value “${written}”` : `; the target “${value}” goes only in the value column`}`;
      ctx.report({ field: `indicators.${i}.name`, data: { name: name.trim(), prompt: shown }, fix, fixEn });
    }
  },
};
