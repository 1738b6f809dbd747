/** Shared builder of the "missing 一级" rules. */
import type { Level1Key } from "../../taxonomy";
import type { Rule, RuleMeta } from "../types";
import { facts } from "../util";

export function missingLevel1Rule(meta: RuleMeta, key: Level1Key, fix: string): Rule {
  return {
    meta,
    check(p, ctx) {
      if (p.indicators.length === 0) return; // project/missing-field reports the empty grid
      if (!facts(p, ctx.profile).hasL1[key]) ctx.report({ field: "indicators", fix });
    },
  };
}
