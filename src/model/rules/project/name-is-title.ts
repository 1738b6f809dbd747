import type { Rule } from "../types";
import { squash } from "../util";
import { foldTraditional } from "../../han-fold";

// The form's own title words at the end of a name: “…支出绩效自评表”, “…项目绩效目标申报表”, “…绩效目标表”.
const TITLE_TAIL = /(?:支出)?绩效(?:目标)?(?:自评|自评价|评价|申报|审批|批复|审核)?表$/;

/**
 * A 项目名称 that carries the form's title: corpus 47 writes “2020年省级自然资源卫片执法补助经费支出绩效自评表”
 * as the project name. The name is what the budget system and the other tables know the project by;
 * the title words make it a different name there.
 */
export const rule: Rule = {
  meta: {
    id: "project/name-is-title",
    category: "project",
    title: "项目名称含表名",
    titleEn: "Project name contains the table title",
    specificity: 50,
    severity: "info",
    message: "项目名称“{name}”含表名“{tail}”",
    messageEn: "The project name “{name}” carries the form's title “{tail}”",
    rationale: "项目名称应与预算管理一体化系统中的项目名称一致；把表名（“支出绩效自评表”“绩效目标申报表”）写进项目名称后，名称与预算、其他表格对不上。",
    source: "财预〔2015〕88号 完整性审核（项目名称与预算项目一致）；财预〔2020〕10号 自评表填报说明（项目名称）",
  },
  check(p, ctx) {
    const name = squash(p.name);
    // Matched in simplified script (a traditional form, corpus 52, folds character for character).
    const m = TITLE_TAIL.exec(foldTraditional(name));
    // A name that is nothing but the title is project/missing-field's or the reader's business.
    if (!m || m.index < 2) return;
    const bare = name.slice(0, m.index).replace(/支出$/, "");
    ctx.report({ field: "name", data: { name, tail: name.slice(m.index) }, fix: `项目名称写“${bare}”（与预算管理一体化系统中的项目名称一致），表名只放在标题行`, fixEn: `Name the project “${bare}” (as in the budget management system); the form's title belongs only in the title row` });
  },
};
