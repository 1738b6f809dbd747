/**
 * The rule catalogue as Markdown (docs/rules.md), generated from the rule modules' meta so the
 * published list can never drift from the code. `npm run docs:rules` writes it; a test fails when stale.
 */
import { listRules, PROFILE_NAMES, CATEGORIES, categoryOrder } from "./validate";
import { INBOX_RULES } from "./inbox/rules";

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
  lines.push(
    "同一单元格有多条规则命中时，只保留级别最高、最具体（specificity）的一条，其余并入其中；在多数项目中出现的非错误问题汇总为一条全文级发现。",
  );
  lines.push(
    "When several rules hit one cell, the most severe and most specific finding is kept and the others are folded into it; a non-error problem found in most projects is reported once for the document.",
  );
  lines.push("");
  lines.push(`| 规则 rule | 类别 category | 问题 title | ${PROFILE_NAMES.join(" | ")} | 提示信息 message | English | 依据 source |`);
  lines.push(`|---|---|---|${PROFILE_NAMES.map(() => "---").join("|")}|---|---|---|`);
  const ordered = [...rules].sort((a, b) => categoryOrder(a.category) - categoryOrder(b.category) || (a.id < b.id ? -1 : 1));
  for (const r of ordered) {
    const sev = PROFILE_NAMES.map((p) => SEVERITY_ZH[r.profiles[p]]);
    lines.push(
      `| \`${r.id}\` | ${CATEGORIES[r.category].zh} | ${cell(r.title)} | ${sev.join(" | ")} | ${cell(r.message)} | **${cell(r.titleEn)}**: ${cell(r.messageEn)} | ${cell(r.source)} |`,
    );
  }
  lines.push("");
  lines.push("## 跨文件规则（收件箱） / Cross-file rules (inbox)");
  lines.push("");
  lines.push(`多个文件一起检查时（\`jxmb validate 文件夹\`，见 docs/inbox.md）另有 ${INBOX_RULES.length} 条跨文件规则，不随配置改变。`);
  lines.push(`${INBOX_RULES.length} more rules run when several files are checked together (see docs/inbox.md); no profile changes them.`);
  lines.push("");
  lines.push("| 规则 rule | 类别 category | 问题 title | 级别 severity | 提示信息 message | English | 依据 source |");
  lines.push("|---|---|---|---|---|---|---|");
  for (const { meta: r } of INBOX_RULES)
    lines.push(`| \`${r.id}\` | ${CATEGORIES[r.category].zh} | ${cell(r.title)} | ${SEVERITY_ZH[r.severity]} | ${cell(r.message)} | **${cell(r.titleEn)}**: ${cell(r.messageEn)} | ${cell(r.source)} |`);
  lines.push("");
  lines.push("## 理由 / Rationale");
  lines.push("");
  for (const r of rules) lines.push(`- \`${r.id}\`：${cell(r.rationale)}`);
  for (const { meta: r } of INBOX_RULES) lines.push(`- \`${r.id}\`：${cell(r.rationale)}`);
  lines.push("");
  return lines.join("\n");
}
