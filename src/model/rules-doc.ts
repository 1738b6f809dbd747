/**
 * The rule catalogue as Markdown (docs/rules.md), generated from the rule modules' meta so the
 * published list can never drift from the code. `npm run docs:rules` writes it; a test fails when stale.
 */
import { listRules, PROFILE_NAMES } from "./validate";

const SEVERITY_ZH: Record<string, string> = { error: "错误", warning: "警告", info: "提示", off: "关闭" };

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function rulesMarkdown(): string {
  const rules = listRules();
  const lines: string[] = [];
  lines.push("# 校验规则 / Validation rules");
  lines.push("");
  lines.push("<!-- Generated from src/model/rules/*/ by `npm run docs:rules`. Do not edit by hand. -->");
  lines.push("");
  lines.push(
    `共 ${rules.length} 条规则。规则编号是公开约定，发布后不再改名。每条规则在三种配置（${PROFILE_NAMES.join(" / ")}）下的级别如下表。`,
  );
  lines.push(`${rules.length} rules. Rule ids are a public contract and never change once released.`);
  lines.push("");
  lines.push(`| 规则 rule | ${PROFILE_NAMES.join(" | ")} | 提示信息 message | English | 依据 source |`);
  lines.push(`|---|${PROFILE_NAMES.map(() => "---").join("|")}|---|---|---|`);
  for (const r of rules) {
    const sev = PROFILE_NAMES.map((p) => SEVERITY_ZH[r.profiles[p]]);
    lines.push(`| \`${r.id}\` | ${sev.join(" | ")} | ${cell(r.message)} | ${cell(r.messageEn)} | ${cell(r.source)} |`);
  }
  lines.push("");
  lines.push("## 理由 / Rationale");
  lines.push("");
  for (const r of rules) lines.push(`- \`${r.id}\`：${cell(r.rationale)}`);
  lines.push("");
  return lines.join("\n");
}
