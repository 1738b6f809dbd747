/**
 * The to-do list behind the pane's results: findings folded into one card per cell, ordered 错误 first, grouped by
 * project and Chinese problem category, flattened into rows for the virtualised list. Pure, so jest tests it.
 */
import { parseA1 } from "../model/grid";
import type { Finding, Severity } from "../model/rules/types";
import { categoryName, categoryOf, categoryOrder, type ListCategory as CategoryKey } from "./ruleInfo";

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** All findings on one cell of one project (or one finding without a cell). */
export interface Card {
  key: string;
  projectKey: string;
  sheet: string | null;
  cell: string | null;
  /** The worst severity among its findings. */
  severity: Severity;
  category: CategoryKey;
  /** Worst first. */
  findings: Finding[];
}

export interface ProjectGroup {
  key: string;
  title: string;
  seq: number | null;
  code: string | null;
  /** Cards by severity (a card counts once, by its worst finding). */
  counts: Record<Severity, number>;
  categories: { key: CategoryKey; name: string; cards: Card[] }[];
}

export type Row =
  | { kind: "project"; key: string; group: ProjectGroup; collapsed: boolean }
  | { kind: "category"; key: string; projectKey: string; name: string; count: number }
  | { kind: "card"; key: string; card: Card };

export function projectKeyOf(f: Pick<Finding, "projectSeq" | "projectCode" | "projectName">): string {
  return f.projectSeq !== null ? `p${f.projectSeq}` : `x${f.projectCode ?? ""}|${f.projectName ?? ""}`;
}

export function projectTitle(f: Pick<Finding, "projectSeq" | "projectName" | "projectCode">): string {
  if (f.projectSeq === null && !f.projectName && !f.projectCode) return "工作簿（不属于某个项目）";
  const seq = f.projectSeq !== null ? `${f.projectSeq}. ` : "";
  const name = f.projectName ?? "（未填项目名称）";
  return `${seq}${name}${f.projectCode ? `（${f.projectCode}）` : ""}`;
}

/** Row-major position of a cell, for ordering cards top to bottom. */
function cellPos(cell: string | null): number {
  const p = cell ? parseA1(cell.split(":")[0]) : null;
  return p ? p.r * 20000 + p.c : Number.MAX_SAFE_INTEGER;
}

export function cardKey(f: Finding): string {
  return `${projectKeyOf(f)}|${f.sheet ?? ""}|${f.cell ?? ""}`;
}

/** Fold findings into one card per (project, sheet, cell); findings without a cell stay alone. */
export function foldCards(findings: Finding[]): Card[] {
  const cards = new Map<string, Card>();
  let loose = 0;
  for (const f of findings) {
    const key = f.cell ? cardKey(f) : `${cardKey(f)}#${loose++}`;
    let c = cards.get(key);
    if (!c) {
      c = { key, projectKey: projectKeyOf(f), sheet: f.sheet, cell: f.cell, severity: f.severity, category: categoryOf(f.ruleId), findings: [] };
      cards.set(key, c);
    }
    c.findings.push(f);
  }
  for (const c of cards.values()) {
    c.findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || categoryOrder(categoryOf(a.ruleId)) - categoryOrder(categoryOf(b.ruleId)));
    c.severity = c.findings[0].severity;
    c.category = categoryOf(c.findings[0].ruleId);
  }
  return [...cards.values()];
}

/**
 * Projects with 错误 first (then 警告, then 提示; document order within), categories with the worst card first
 * (then the fixed category order), cards worst first then top to bottom.
 */
export function buildGroups(findings: Finding[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup & { order: number; byCat: Map<CategoryKey, Card[]> }>();
  let order = 0;
  for (const f of findings) {
    const k = projectKeyOf(f);
    if (!groups.has(k)) {
      groups.set(k, {
        key: k,
        title: projectTitle(f),
        seq: f.projectSeq,
        code: f.projectCode,
        counts: { error: 0, warning: 0, info: 0 },
        categories: [],
        order: f.projectSeq ?? 1e9 + order++,
        byCat: new Map(),
      });
    }
  }
  for (const card of foldCards(findings)) {
    const g = groups.get(card.projectKey)!;
    g.counts[card.severity]++;
    let list = g.byCat.get(card.category);
    if (!list) g.byCat.set(card.category, (list = []));
    list.push(card);
  }
  const worst = (g: ProjectGroup) => (g.counts.error ? 0 : g.counts.warning ? 1 : 2);
  const out = [...groups.values()];
  for (const g of out) {
    g.categories = [...g.byCat.entries()]
      .map(([key, cards]) => {
        cards.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.sheet ?? "").localeCompare(b.sheet ?? "") || cellPos(a.cell) - cellPos(b.cell));
        return { key, name: categoryName(key), cards };
      })
      .sort((a, b) => SEVERITY_RANK[a.cards[0].severity] - SEVERITY_RANK[b.cards[0].severity] || categoryOrder(a.key) - categoryOrder(b.key));
  }
  out.sort((a, b) => worst(a) - worst(b) || a.order - b.order);
  return out.map(({ order: _o, byCat: _b, ...g }) => g);
}

/** Flatten for the list: project header, then (unless collapsed) category headers and cards. */
export function buildRows(groups: ProjectGroup[], collapsed: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  for (const g of groups) {
    const isCollapsed = collapsed.has(g.key);
    rows.push({ kind: "project", key: `P:${g.key}`, group: g, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const c of g.categories) {
      rows.push({ kind: "category", key: `C:${g.key}|${c.key}`, projectKey: g.key, name: c.name, count: c.cards.length });
      for (const card of c.cards) rows.push({ kind: "card", key: `F:${card.key}`, card });
    }
  }
  return rows;
}

/** Every card in list order (collapsed projects included): what 下一个问题 / 上一个问题 walk through. */
export function cardOrder(groups: ProjectGroup[]): Card[] {
  return groups.flatMap((g) => g.categories.flatMap((c) => c.cards));
}

export interface TodoFilter {
  severities: ReadonlySet<Severity>;
  /** "" = every rule */
  ruleId: string;
}

export function filterFindings(findings: Finding[], filter: TodoFilter): Finding[] {
  return findings.filter((f) => filter.severities.has(f.severity) && (!filter.ruleId || f.ruleId === filter.ruleId));
}
