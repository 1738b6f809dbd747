/**
 * Shared, precomputed facts about a project for the rules. Computed once per project per validate()
 * run (the engine calls `beginRun()`), so forty rules do not each re-normalise labels or re-sum costs.
 */
import type { Indicator, Project, ProfileName } from "../schema";
import {
  type Framework,
  type Level1Key,
  type Level2Key,
  LEVEL1,
  LEVEL2,
  HIERARCHY,
  normalizeLevel1,
  normalizeLevel2,
} from "../taxonomy";
import { frameworkOf } from "./profiles";
import { costTotalWan, type CostTotal } from "../checks/cost";
import { spendPlanProblems, type SpendPlanProblem } from "../checks/spend-plan";

// Label → key memo. Labels are few (canonical + a handful of variants), so this stays small; the cap
// protects against pathological input with thousands of distinct garbage labels.
const L1_MEMO = new Map<string, Level1Key | null>();
const L2_MEMO = new Map<string, Level2Key | null>();
const MEMO_CAP = 5000;

/**
 * The budget the money rules compare with: for a self-evaluated project (绩效自评表) the 全年预算数 of
 * its total line — the year's adjusted budget the actuals are measured against — else 预算数.
 */
export function budgetTotal(p: Project): number | null {
  const total = p.selfEvaluation?.funds.find((l) => l.role === "total");
  return total && total.annual !== null ? total.annual : p.budget.total;
}

/**
 * The 预算数 to compare costs with, or null when it contradicts its own parts (预算数 ≠ 财政 + 其他:
 * budget/sum-mismatch reports that; comparing costs with a wrong total would report the same problem
 * twice, as with corpus 05's 年度资金总额 0 beside 财政拨款 90).
 */
export function budgetTotalForCost(p: Project): number | null {
  const b = p.budget;
  if (b.total !== null && b.fiscal !== null && Math.round(b.total * 1e6) !== Math.round((b.fiscal + (b.other ?? 0)) * 1e6)) return null;
  return budgetTotal(p);
}

export function level1KeyOf(label: string): Level1Key | null {
  let k = L1_MEMO.get(label);
  if (k !== undefined) return k;
  k = normalizeLevel1(label).key;
  if (L1_MEMO.size < MEMO_CAP) L1_MEMO.set(label, k);
  return k;
}

export function level2KeyOf(label: string): Level2Key | null {
  let k = L2_MEMO.get(label);
  if (k !== undefined) return k;
  k = normalizeLevel2(label).key;
  if (L2_MEMO.size < MEMO_CAP) L2_MEMO.set(label, k);
  return k;
}

/**
 * True when the row is a cost row in either framework (一级 成本, or a 成本 二级). The 二级 decides
 * for misplaced rows: seed 002 P1 has 成本指标 "≤ 80 万" in the 满意度 group, still a cost.
 */
export function isCostRow(l1: Level1Key | null, l2: Level2Key | null): boolean {
  return l1 === "cost" || l2 === "cost" || l2 === "economicCost" || l2 === "socialCost" || l2 === "ecologicalCost";
}

export interface ProjectFacts {
  l1: (Level1Key | null)[];
  l2: (Level2Key | null)[];
  /** Framework the project itself follows (evidence from its rows), else the profile's. */
  framework: Framework;
  /** Both 成本 as 一级 and 成本 as 二级 under 产出. */
  mixed: boolean;
  hasL1: Record<Level1Key, boolean>;
  /** 二级 keys present under 产出. */
  outputL2: Set<Level2Key>;
  /**
   * The table has one level fewer than the framework: its 一级 column holds a caption (the NDRC
   * investment-plan form's 实施效果指标, corpus 23) and its 二级 column holds the 一级 (产出/效益指标).
   * Such rows are read one level up and have no 二级, so the 二级-level checks do not apply.
   */
  shifted: boolean;
  cost: CostTotal;
  plan: SpendPlanProblem[] | null;
}

// The engine runs all rules of one project in a row (projects outer, rules inner) and the document
// rules do not ask for facts: the last project's facts are all there is to remember. Keeping every
// project's facts to the end of the run made them survive into the old generation (GC time).
let lastProject: Project | null = null;
let lastFacts: ProjectFacts | null = null;

/** Forget facts of a previous run (projects may have been edited in place by the task pane). */
export function beginRun(): void {
  lastProject = null;
  lastFacts = null;
}

export function facts(project: Project, profile: ProfileName): ProjectFacts {
  if (project === lastProject) return lastFacts!;
  const inds = project.indicators;
  const n = inds.length;
  const l1: (Level1Key | null)[] = new Array(n);
  const l2: (Level2Key | null)[] = new Array(n);
  const hasL1: Record<Level1Key, boolean> = { output: false, benefit: false, satisfaction: false, cost: false };
  const outputL2 = new Set<Level2Key>();
  let costAsL1 = false;
  let costAsL2 = false;
  let shifted = false;
  // Other provinces' printed variants of the tree (below) are read as the form means them; in our own
  // template the 一级/二级 come from its drop-downs and its in-sheet checks hold them to the framework.
  const variants = project.layout !== "template";
  for (let i = 0; i < n; i++) {
    const ind = inds[i];
    let a = level1KeyOf(ind.level1);
    const b = level2KeyOf(ind.level2);
    if (variants && a === null && b === null && !isBlank(ind.level1) && ind.level2) {
      const up = level1KeyOf(ind.level2);
      if (up) {
        a = up;
        shifted = true;
      }
    }
    l1[i] = a;
    l2[i] = b;
    if (a) hasL1[a] = true;
    if (a === "output" && b) outputL2.add(b);
    if (a === "cost") costAsL1 = true;
    if (a === "output" && b === "cost") costAsL2 = true;
  }
  // 88号's 申报表 lists 社会公众或服务对象满意度指标 as a 二级 of 效益指标 (corpus 29): in a project with no
  // 满意度 一级 of its own those rows are its satisfaction indicators, not a misplaced 二级 (seed 002 #1
  // has a 满意度 一级 and a stray 服务对象满意度 under 效益: that one stays misplaced).
  if (variants && !hasL1.satisfaction) {
    for (let i = 0; i < n; i++) {
      if (l1[i] === "benefit" && l2[i] === "serviceSatisfaction") {
        l1[i] = "satisfaction";
        hasL1.satisfaction = true;
      }
    }
  }
  const framework: Framework = costAsL1 && !costAsL2 ? "2021" : costAsL2 && !costAsL1 ? "2015" : frameworkOf(profile);
  const sp = project.spendPlan;
  const f: ProjectFacts = {
    l1,
    l2,
    framework,
    mixed: costAsL1 && costAsL2,
    hasL1,
    outputL2,
    shifted,
    cost: costTotalWan(inds, (i) => isCostRow(l1[i], l2[i])),
    plan: sp ? spendPlanProblems([sp.mar, sp.jun, sp.oct, sp.dec], { budgetTotal: budgetTotal(project) }) : null,
  };
  lastProject = project;
  lastFacts = f;
  return f;
}

/** The 一级 a 二级 belongs to in a framework (for "move it under …" hints). */
export function homeLevel1(framework: Framework, l2: Level2Key): Level1Key | null {
  const h = HIERARCHY[framework];
  for (const k of Object.keys(h) as Level1Key[]) if (h[k]!.includes(l2)) return k;
  return null;
}

export const L1_LABEL = LEVEL1;
export const L2_LABEL = LEVEL2;

/** Short human label of a row for messages: "产出指标/数量指标/采购数量". */
export function rowLabel(ind: Indicator): string {
  return `${ind.level2 || ind.level1 || "?"}「${ind.name || "（无名称）"}」`;
}

/** Whitespace-free form of a text (PDF wrap spaces, U+3000) for comparisons. */
export function squash(s: string | null | undefined): string {
  if (!s) return "";
  // Fast path: most cells have no whitespace at all.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a)) return s.replace(WS, "");
  }
  return s;
}
const WS = /[\s\u3000\u00a0]+/g;

export function isBlank(s: string | null | undefined): boolean {
  if (s === null || s === undefined || s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 0x20 && c !== 0x3000 && c !== 0xa0) return false; // fast path: starts with a visible character
  return !NON_WS.test(s);
}
const NON_WS = /[^\s\u3000\u00a0]/;

/** Format a number for a message without float noise (587.92, 0.5, 100). */
export function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1e6) / 1e6);
}

/** A satisfaction row: its 二级 says so, or it stands under 满意度 with an unknown 二级. */
export function isSatisfactionRow(l1: Level1Key | null, l2: Level2Key | null): boolean {
  return l2 === "serviceSatisfaction" || (l1 === "satisfaction" && l2 === null);
}

/** Unit written as an annotation at the end of the 三级 ("治安案件发案数（个）", "覆盖率(%)"); null if none. */
export function nameUnit(name: string): string | null {
  // Most names have no bracket at all: no regex scan for them.
  if (name.indexOf("(") < 0 && name.indexOf("（") < 0) return null;
  const m = NAME_UNIT.exec(name);
  return m ? m[1] : null;
}
// Land, forestry and works units too (corpus 27 "实施营造林总面积(亩)", 30 "补助面积(万亩)"), and the
// template's own hint "(≥**%)", "(≥**万元)" (corpus 27: the 三级 says how the value is meant).
const NAME_UNIT =
  /[（(]\s*(?:[≥≤=><＞＜]\s*\**\s*)?(%|％|百分比|个|人|人次|万人|名|次|件|起|台|套|辆|处|条|项|户|家|所|座|栋|间|株|棵|头|只|吨|亩|万亩|公顷|平方公里|立方米|千瓦|天|日|小时|分钟|年|月|万元|元|平方米|米|公里|千米)\s*[)）]?\s*$/;

/**
 * Which printed table a project was read from: one 专项 with a target column per county is read once
 * per county (corpus 50), and those projects share their sheet and their 项目名称 cell. Their rows and
 * goals are the same by design, not copied from each other. Null when the name has no cell.
 */
export function tableKey(p: Project): string | null {
  const cell = p.source?.cells?.name;
  return cell ? `${p.source.sheet}\u0001${cell}` : null;
}

/**
 * Projects in seq order (stable): document rules name "the first" project of a group by seq, so
 * their findings do not depend on where a table sits in the workbook (seed 001 #14 is after #30).
 */
export function bySeq(projects: readonly Project[]): Project[] {
  for (let i = 1; i < projects.length; i++) if (projects[i].seq < projects[i - 1].seq) return [...projects].sort((a, b) => a.seq - b.seq);
  return projects as Project[];
}

/** rowLabel for English messages: the 二级 and 三级 as written, quoted together: 「数量指标 / 采购数量」. */
export function rowLabelEn(ind: Indicator): string {
  return `row 「${ind.level2 || ind.level1 || "?"} / ${ind.name || "(no name)"}」`;
}
