/**
 * 一级/二级 indicator vocabularies for both frameworks, their aliases, and label clean-up.
 * This is the only place that knows these labels; readers, rules, the template and the task pane
 * all ask here.
 *
 * Frameworks:
 * - "2015": 财预〔2015〕88号 and the provincial templates (Hebei, Ningxia): 一级 产出/效益/满意度,
 *   成本 is a 二级 under 产出.
 * - "2021": 财预〔2021〕101号: 一级 成本/产出/效益/满意度, 成本's 二级 are 经济/社会/生态环境成本.
 */

import { foldTraditional } from "./han-fold";

export type Framework = "2015" | "2021";

export const LEVEL1 = {
  output: "产出指标",
  benefit: "效益指标",
  satisfaction: "满意度指标",
  cost: "成本指标",
} as const;
export type Level1Key = keyof typeof LEVEL1;

export const LEVEL2 = {
  quantity: "数量指标",
  quality: "质量指标",
  timeliness: "时效指标",
  cost: "成本指标",
  economic: "经济效益指标",
  social: "社会效益指标",
  ecological: "生态效益指标",
  sustainable: "可持续影响指标",
  serviceSatisfaction: "服务对象满意度指标",
  economicCost: "经济成本指标",
  socialCost: "社会成本指标",
  ecologicalCost: "生态环境成本指标",
} as const;
export type Level2Key = keyof typeof LEVEL2;

/** Which 二级 belong under which 一级, per framework. */
export const HIERARCHY: Record<Framework, Partial<Record<Level1Key, Level2Key[]>>> = {
  "2015": {
    output: ["quantity", "quality", "timeliness", "cost"],
    benefit: ["economic", "social", "ecological", "sustainable"],
    satisfaction: ["serviceSatisfaction"],
  },
  "2021": {
    cost: ["economicCost", "socialCost", "ecologicalCost"],
    output: ["quantity", "quality", "timeliness"],
    // 101号 keeps 可持续影响 in practice in central tables (rules-research §1.2).
    benefit: ["economic", "social", "ecological", "sustainable"],
    satisfaction: ["serviceSatisfaction"],
  },
};

/** The 产出 dimensions every project is expected to carry (数量/质量/时效, and 成本 in 2015). */
export const REQUIRED_OUTPUT_DIMENSIONS: Record<Framework, Level2Key[]> = {
  "2015": ["quantity", "quality", "timeliness", "cost"],
  "2021": ["quantity", "quality", "timeliness"],
};

/** Aliases → canonical label. Keys are already cleaned (no spaces, no annotations, no 指标 suffix issues). */
const LEVEL1_ALIASES: Record<string, Level1Key> = {
  产出指标: "output",
  产出: "output",
  效益指标: "benefit",
  效益: "benefit",
  效果指标: "benefit", // 承德 layout (seed 002)
  效果: "benefit",
  预期产出指标: "output", // 广东 (东莞) 批复表
  预期产出: "output",
  预期效果指标: "benefit",
  预期效果: "benefit",
  效益目标: "benefit",
  产出目标: "output",
  社会公众或服务对象满意度指标: "satisfaction",
  服务对象满意度: "satisfaction",
  满意度指标: "satisfaction",
  满意度: "satisfaction",
  成本指标: "cost",
  成本: "cost",
};

const LEVEL2_ALIASES: Record<string, Level2Key> = {
  数量指标: "quantity",
  数量: "quantity",
  质量指标: "quality",
  质量: "quality",
  时效指标: "timeliness",
  时效: "timeliness",
  成本指标: "cost",
  成本: "cost",
  经济效益指标: "economic",
  经济效益: "economic",
  社会效益指标: "social",
  社会效益: "social",
  生态效益指标: "ecological",
  生态效益: "ecological",
  环境效益指标: "ecological", // older templates say 环境效益
  环境效益: "ecological",
  可持续影响指标: "sustainable",
  可持续影响: "sustainable",
  可持续发展指标: "sustainable",
  可持续性指标: "sustainable", // 湖北 自评表: 二级 “可持续性”
  可持续性: "sustainable",
  服务对象满意度指标: "serviceSatisfaction",
  服务对象满意度: "serviceSatisfaction",
  社会公众或服务对象满意度指标: "serviceSatisfaction",
  社会公众或服务对象满意度: "serviceSatisfaction",
  预算控制指标: "cost", // 广东 (东莞): 预算(或投资规模)控制指标
  投资规模控制指标: "cost",
  工期指标: "timeliness",
  建筑规模指标: "quantity",
  满意度指标: "serviceSatisfaction",
  经济成本指标: "economicCost",
  经济成本: "economicCost",
  社会成本指标: "socialCost",
  社会成本: "socialCost",
  生态环境成本指标: "ecologicalCost",
  生态环境成本: "ecologicalCost",
  环境成本指标: "ecologicalCost",
};

/**
 * Clean a label as typed or extracted: drop all whitespace (PDF wrap spaces as in “社会效益指 标”,
 * “产 出 指 标”), full-width spaces, and trailing annotations in brackets (“（必填硬性指标)”, “(必填)”).
 */
export function cleanLabel(raw: string | null | undefined): string {
  if (!raw) return "";
  const text = String(raw);
  // The same few dozen 一级/二级 texts come back on every indicator row: the passes below run once per text.
  const hit = CLEAN_CACHE.get(text);
  if (hit !== undefined) return hit;
  const s = cleanLabelText(text);
  if (text.length <= 64) {
    if (CLEAN_CACHE.size >= 4096) CLEAN_CACHE.clear();
    CLEAN_CACHE.set(text, s);
  }
  return s;
}
const CLEAN_CACHE = new Map<string, string>();

function cleanLabelText(raw: string): string {
  // Traditional characters fold to simplified (產出指標 → 产出指标); the written label stays in level1Raw/level2Raw.
  let s = foldTraditional(raw.replace(/[\s\u3000\u00a0]+/g, ""));
  // Outline numbering in front of a label: “一、产出指标”, “1.数量指标”, “（一）效益指标”.
  s = s.replace(/^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])(?=\D)/u, "");
  // Points after a 一级: “产出指标(50分)”, “成本指标(0-20)分”, “效益指标30分”.
  s = s.replace(/(指标|[出益度本])[（(]?\d+(?:\.\d+)?(?:[-~～—–]\d+(?:\.\d+)?)?分?[)）]?分?$/u, (m, head: string) => (/\d/.test(m) && /分/.test(m) ? head : m));
  // Annotations: （必填）, (必填硬性指标), mixed full/half-width brackets, possibly unclosed at the end.
  s = s.replace(/[（(][^（()）]*[)）]?$/u, "");
  s = s.replace(/[（(][^（()）]*[)）]/gu, "");
  return s;
}

export interface LabelMatch<K extends string> {
  key: K | null;
  /** Canonical label when known, otherwise the cleaned text. */
  label: string;
  known: boolean;
  /** True when the written label differs from the canonical one (alias or clean-up applied). */
  normalised: boolean;
}

export function normalizeLevel1(raw: string | null | undefined): LabelMatch<Level1Key> {
  const cleaned = cleanLabel(raw);
  const key = LEVEL1_ALIASES[cleaned] ?? null;
  const label = key ? LEVEL1[key] : cleaned;
  return { key, label, known: key !== null, normalised: (raw ?? "") !== label };
}

export function normalizeLevel2(raw: string | null | undefined): LabelMatch<Level2Key> {
  const cleaned = cleanLabel(raw);
  const key = LEVEL2_ALIASES[cleaned] ?? null;
  const label = key ? LEVEL2[key] : cleaned;
  return { key, label, known: key !== null, normalised: (raw ?? "") !== label };
}

/**
 * The 一级 a 二级 stands under in the framework (数量指标 → 产出指标; 成本指标 → 产出指标 in 2015, 成本指标
 * in 2021; 经济成本指标 → 成本指标). Readers use it when a table has no 一级 column or leaves it blank.
 */
export function level1OfLevel2(framework: Framework, level2: Level2Key): Level1Key | null {
  if (framework === "2021" && level2 === "cost") return "cost";
  for (const [l1, l2s] of Object.entries(HIERARCHY[framework]) as [Level1Key, Level2Key[]][]) {
    if (l2s.includes(level2)) return l1;
  }
  for (const [l1, l2s] of Object.entries(HIERARCHY[framework === "2015" ? "2021" : "2015"]) as [Level1Key, Level2Key[]][]) {
    if (l2s.includes(level2)) return l1;
  }
  return null;
}

// HIERARCHY as sets: level2Allowed runs for every indicator row of every project.
const ALLOWED = Object.fromEntries(
  (Object.keys(HIERARCHY) as Framework[]).map((fw) => [fw, Object.fromEntries(Object.entries(HIERARCHY[fw]).map(([l1, l2s]) => [l1, new Set(l2s)]))]),
) as Record<Framework, Partial<Record<Level1Key, Set<Level2Key>>>>;

/** True when the 二级 may stand under the 一级 in the framework. */
export function level2Allowed(framework: Framework, level1: Level1Key, level2: Level2Key): boolean {
  return ALLOWED[framework][level1]?.has(level2) ?? false;
}

/** Frameworks in which the pair is valid (used to detect a project mixing the two). */
export function frameworksOf(level1: Level1Key, level2: Level2Key | null): Framework[] {
  const out: Framework[] = [];
  for (const fw of ["2015", "2021"] as Framework[]) {
    const allowed = HIERARCHY[fw][level1];
    if (allowed && (level2 === null || allowed.includes(level2))) out.push(fw);
  }
  return out;
}

/** The 一级 labels offered in the template's drop-down, in display order, per framework. */
export function level1Options(framework: Framework): string[] {
  return (Object.keys(HIERARCHY[framework]) as Level1Key[])
    .sort((a, b) => LEVEL1_ORDER.indexOf(a) - LEVEL1_ORDER.indexOf(b))
    .map((k) => LEVEL1[k]);
}

/** The 二级 labels offered under a 一级 in the template's dependent drop-down. */
export function level2Options(framework: Framework, level1: Level1Key): string[] {
  return (HIERARCHY[framework][level1] ?? []).map((k) => LEVEL2[k]);
}

const LEVEL1_ORDER: Level1Key[] = ["cost", "output", "benefit", "satisfaction"];
