/** Shared builder of the "missing 一级" rules. */
import type { Level1Key } from "../../taxonomy";
import type { Project } from "../../schema";
import type { Rule, RuleMeta } from "../types";
import { facts } from "../util";

/** A 建议 in Chinese and English. */
export interface Fix {
  zh: string;
  en: string;
}

/** `fix`: the 建议, or a function that builds it from the project (its own beneficiaries, budget …). */
export function missingLevel1Rule(meta: RuleMeta, key: Level1Key, fix: Fix | ((p: Project) => Fix)): Rule {
  return {
    meta,
    check(p, ctx) {
      if (p.indicators.length === 0) return; // project/missing-field reports the empty grid
      if (facts(p, ctx.profile).hasL1[key]) return;
      const x = typeof fix === "function" ? fix(p) : fix;
      ctx.report({ field: "indicators", fix: x.zh, fixEn: x.en });
    },
  };
}
