/**
 * What the cross-file rules read of a document, and nothing else: a batch of hundreds of files keeps
 * one slim document per file instead of the whole read (descriptions, 依据, spend plans, self-evaluation
 * figures, most source cells). `checkInbox(slim)` finds exactly what `checkInbox(full)` finds (tested);
 * merging needs the full documents. Not for anything else: a slim 指标值 keeps only its text (`raw`).
 */
import { emptyTarget } from "../schema-values";
import type { Indicator, JxmbDocument, Project } from "../schema";

/** Source cells the inbox's findings and related places point at. */
const KEPT_CELLS = ["code", "name", "budget.total", "budget", "goals.0", "goals", "title", "indicators"];

function slimIndicator(i: Indicator): Indicator {
  return {
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    description: null,
    // The cross-file rules compare 指标值 as written (raw); the parsed parts are not kept.
    target: emptyTarget(i.target.raw),
    targetParts: null,
    basis: null,
    scoring: null,
    level1Raw: null,
    level2Raw: null,
    source: i.source.name ? { name: i.source.name } : {},
  };
}

function slimProject(p: Project): Project {
  const cells: Record<string, string> = {};
  for (const k of KEPT_CELLS) if (p.source.cells[k]) cells[k] = p.source.cells[k];
  if (p.source.cells["indicators.0.name"]) cells["indicators.0.name"] = p.source.cells["indicators.0.name"];
  return {
    seq: p.seq,
    title: p.title,
    code: p.code,
    name: p.name,
    unit: p.unit,
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget: { ...p.budget, raw: { total: null, fiscal: null, other: null } },
    purpose: null,
    spendPlan: null,
    goals: p.goals,
    // Only the first row's cell is ever pointed at; every row's name and value make up the set.
    indicators: p.indicators.map((ind, k) => (k === 0 ? slimIndicator(ind) : { ...slimIndicator(ind), source: {} })),
    redacted: p.redacted,
    layout: p.layout,
    source: { sheet: p.source.sheet, range: p.source.range, cells },
  };
}

export function slimForInbox(doc: JxmbDocument): JxmbDocument {
  const o = doc.overview;
  return {
    ...doc,
    overview: o ? { summary: null, items: [], safeguards: null, ...(o.budget ? { budget: o.budget } : {}), source: o.source } : null,
    projects: doc.projects.map(slimProject),
  };
}
