import { formatWan, wanToFen } from "../../money";
import { squash } from "../../rules/util";
import type { Project } from "../../schema";
import { projectLocation } from "../locate";
import type { InboxContext, InboxLocation, InboxRule } from "../types";
import { fileLabel } from "./util";
import { inboxSums, isSummaryFile, total, unitOf, type UnitSums } from "./totals";

/**
 * A unit's total declared in the department's 汇总 (各单位申报合计) against the sum of that unit's
 * project 预算数 in all the files received. A unit's own workbook declaring its own total is checked
 * by budget/total-mismatch in that file; here the declaration and the projects are in different files.
 */
export const rule: InboxRule = {
  meta: {
    id: "inbox/unit-total",
    category: "budget",
    title: "单位申报合计与各文件项目之和不符",
    titleEn: "Unit's declared total differs from its files' projects",
    specificity: 90,
    severity: "error",
    message: "单位 {unit} 申报合计 {declared} 万元 ≠ 收到的该单位各项目预算数之和 {sum} 万元",
    messageEn: "Unit {unit}: declared total {declared} ≠ sum of its projects in the files received {sum}",
    rationale: "部门汇总表中各单位的申报合计应等于该单位报送的各项目预算数之和；不等说明有单位漏报、多报项目表，或合计、预算数填错。",
    source: "财预〔2015〕88号 相应匹配；部门预算绩效文本汇总表（rules-research §6 F）",
  },
  check(ctx) {
    const sums = inboxSums(ctx.files);
    ctx.files.forEach((f, fi) => {
      const dt = f.document.declaredTotals;
      if (!dt || !isSummaryFile(ctx.files, sums, fi)) return;
      dt.units.forEach((u, i) => {
        if (u.total === null) return;
        const declared = wanToFen(u.total);
        if (!Number.isFinite(declared)) return;
        const s = unitOf(sums, u.code, u.name);
        const sum = s ? total(s.fen) : 0;
        if (sum === declared) return;
        const unit = [u.code, u.name].filter(Boolean).join(" ") || `第 ${i + 1} 行`;
        const where = s ? perFile(ctx, s, u.code, u.name) : null;
        const note = s && s.redacted > 0 ? `（另有 ${s.redacted} 个涉密项目未列金额）` : "";
        ctx.report(fi, null, {
          field: `declaredTotals.units.${i}.total`,
          message:
            `单位 ${unit} 申报合计 ${formatWan(declared, 0)} 万元 ≠ 收到的该单位各项目预算数之和 ${formatWan(sum, 0)} 万元` +
            (where ? `（${where.text}）${note}` : "（收到的文件中没有该单位的项目表）"),
          fix: where
            ? `相差 ${formatWan(Math.abs(declared - sum), 0)} 万元：核对该单位是否漏报或多报项目表，或申报合计、各项目预算数是否填错`
            : "该单位的项目表尚未收到，或单位编码、名称与项目表上的不一致：请催报或核对",
          related: where?.locations ?? [],
        });
      });
    });
  },
};

/** "a.xlsx 3 个项目 100 万元；b.xlsx …" and the first project of the unit in each file. */
export function perFile(ctx: InboxContext, s: UnitSums, code: string | null, name: string | null): { text: string; locations: InboxLocation[] } {
  const parts: string[] = [];
  const locations: InboxLocation[] = [];
  for (const fi of [...s.count.keys()].sort((a, b) => a - b)) {
    const f = ctx.files[fi];
    parts.push(`${fileLabel(f.file)} ${s.count.get(fi)} 个项目 ${formatWan(s.fen.get(fi) ?? 0, 0)} 万元`);
    const first = f.document.projects.find((p) => belongs(p, code, name));
    if (first) locations.push(projectLocation(f, first, "budget.total"));
  }
  return { text: parts.join("；"), locations };
}

function belongs(p: Project, code: string | null, name: string | null): boolean {
  const c = squash(code).toUpperCase();
  if (c) return squash(p.unit.code).toUpperCase() === c;
  return squash(p.unit.name) === squash(name);
}
