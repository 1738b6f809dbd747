/** Shared builder of the "missing 一级" rules. */
import type { Level1Key } from "../../taxonomy";
import type { Project } from "../../schema";
import type { Rule, RuleMeta } from "../types";
import { facts } from "../util";

/** `fix`: the 建议, or a function that builds it from the project (its own beneficiaries, budget …). */
export function missingLevel1Rule(meta: RuleMeta, key: Level1Key, fix: string | ((p: Project) => string)): Rule {
  return {
    meta,
    check(p, ctx) {
      if (p.indicators.length === 0) return; // project/missing-field reports the empty grid
      if (!facts(p, ctx.profile).hasL1[key]) ctx.report({ field: "indicators", fix: typeof fix === "string" ? fix : fix(p) });
    },
  };
}
