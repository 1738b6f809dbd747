/**
 * The validation engine: runs the document and project rules of a profile over a JxmbDocument and
 * returns a deterministic Report. Pure: no I/O; never throws on bad input (a crashing rule becomes a
 * finding, not a stack trace).
 */
import type { JxmbDocument, Project, ProfileName } from "./schema";
import type { DocumentRuleContext, Finding, Report, ReportInput, Rule, RuleMeta, Severity } from "./rules/types";
import { RULES, getRule, DEPARTMENT_ROW_RULES } from "./rules/index";
import { projectSummaries, refine } from "./rules/precision";
import { PROFILES, PROFILE_NAMES, ruleSetting, type RuleSetting } from "./rules/profiles";
import { beginRun } from "./rules/util";
import { resetIndicatorSets } from "./rules/indicator-sets";

export interface ValidateOptions {
  /** Profile to apply; default: the document's own profile. */
  profile?: ProfileName;
  /** Run only these rules: exact ids ("value/vague") or groups ("value", "value/", "value/*"). */
  rules?: string[];
  /** Every rule's own findings, without the precision stage (folding, document summaries). */
  raw?: boolean;
}

const REDACTED_RULE = "project/redacted";
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };


const NO_CELL = Object.freeze({ row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER });
const COORDS = new Map<string, { row: number; col: number }>();

/** "AB12" → { row: 11, col: 27 } (0-based); unparsable → large numbers so it sorts last. */
export function cellCoords(cell: string | null): { row: number; col: number } {
  if (!cell) return NO_CELL;
  let c = COORDS.get(cell);
  if (!c) {
    c = parseCoords(cell);
    if (COORDS.size < 100_000) COORDS.set(cell, c);
  }
  return c;
}

function parseCoords(cell: string): { row: number; col: number } {
  let i = 0;
  let col = 0;
  const s = cell.charCodeAt(0) === 36 ? cell.replace(/\$/g, "") : cell;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const u = c >= 97 && c <= 122 ? c - 32 : c;
    if (u < 65 || u > 90) break;
    col = col * 26 + (u - 64);
  }
  const row = Number(s.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1) return NO_CELL;
  return { row: row - 1, col: col - 1 };
}

/** Top-left cell of an area ("A1:H40" → "A1"). */
function firstCell(range: string | null | undefined): string | null {
  if (!range) return null;
  const c = range.split(":")[0].replace(/\$/g, "");
  return cellCoords(c) === NO_CELL ? null : c;
}

// For an indicator field without its own cell, the nearest known cell is another cell of the same row.
const ROW_FALLBACK = ["name", "target", "targetParts.value", "targetParts.symbol", "description", "level2", "level1", "basis"];

/**
 * The cell of a field path of a project: its own cell in the source map, else the nearest known cell
 * that is certainly about it (same indicator row, or the field's label/group), else the table's first
 * cell. Never another field's cell that could mislead (e.g. goals.2 never falls back to goals.0).
 */
export function resolveCell(project: Project, field: string): string | null {
  // Defensive: a hand-written JSON may lack the source map; never crash while reporting.
  const cells: Record<string, string> = project.source?.cells ?? NO_CELLS;
  const direct = cells[field];
  if (direct) return direct;
  const row = indicatorField(field);
  if (row) {
    const idx = row.idx;
    const ind = project.indicators[idx];
    if (ind) {
      const sub = row.sub;
      const src = ind.source ?? NO_CELLS;
      if (sub && src[sub]) return src[sub];
      if (sub.startsWith("target") && src["targetParts.value"]) return src["targetParts.value"];
      for (const k of ROW_FALLBACK) {
        if (src[k]) return src[k];
        const viaProject = cells[`indicators.${idx}.${k}`];
        if (viaProject) return viaProject;
      }
    }
  }
  // Shorter prefixes: "spendPlan.dec" → "spendPlan" (the plan's label), "budget.other" → "budget".
  let p = field;
  for (let cut = p.lastIndexOf("."); cut > 0; cut = p.lastIndexOf(".")) {
    p = p.slice(0, cut);
    if (cells[p]) return cells[p];
  }
  return firstCell(project.source?.range);
}
const NO_CELLS: Record<string, string> = Object.freeze({}) as Record<string, string>;

// "indicators.12.target" → { idx: 12, sub: "target" }, remembered: the same few dozen fields recur in
// every project, and a remembered `sub` is a string the property lookups have seen before.
const INDICATOR_FIELDS = new Map<string, { idx: number; sub: string } | null>();
function indicatorField(field: string): { idx: number; sub: string } | null {
  let r = INDICATOR_FIELDS.get(field);
  if (r !== undefined) return r;
  r = null;
  if (field.startsWith("indicators.")) {
    let idx = 0;
    let j = 11;
    for (; j < field.length; j++) {
      const c = field.charCodeAt(j) - 48;
      if (c < 0 || c > 9) break;
      idx = idx * 10 + c;
    }
    if (j > 11) r = { idx, sub: j < field.length ? field.slice(j + 1) : "" };
  }
  if (INDICATOR_FIELDS.size < 100_000) INDICATOR_FIELDS.set(field, r);
  return r;
}

// Templates are split once into literal/placeholder parts: no regex per finding.
const COMPILED = new Map<string, string[]>();
function compile(template: string): string[] {
  let parts = COMPILED.get(template);
  if (parts) return parts;
  parts = template.split(PLACEHOLDER); // [lit, key, lit, key, …, lit]
  COMPILED.set(template, parts);
  return parts;
}
const PLACEHOLDER = /\{(\w+)\}/;

/** `over`: values that take precedence over `data` (the English row labels), read without merging the two. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined, over?: Record<string, string | number>): string {
  if (!data && !over) return template;
  const parts = compile(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    const o = over?.[k];
    const v = o !== undefined ? o : data?.[k];
    out += (v === undefined ? `{${k}}` : String(v)) + parts[i + 1];
  }
  return out;
}

function matchesFilter(id: string, filter: string[] | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  for (const f of filter) {
    if (f === id) return true;
    const g = f.endsWith("/*") ? f.slice(0, -2) : f.endsWith("/") ? f.slice(0, -1) : f;
    if (!g.includes("/") && id.startsWith(g + "/")) return true;
  }
  return false;
}

interface Active {
  rule: Rule;
  severity: Severity;
}

export function validate(doc: JxmbDocument, opts: ValidateOptions = {}): Report {
  beginRun();
  resetIndicatorSets();
  const profile: ProfileName = opts.profile && PROFILES[opts.profile] ? opts.profile : PROFILES[doc.profile] ? doc.profile : "hebei";
  const active: Active[] = [];
  let redactedActive: Active | null = null;
  for (const rule of RULES) {
    if (!matchesFilter(rule.meta.id, opts.rules)) continue;
    const s = ruleSetting(profile, rule.meta.id, rule.meta.severity);
    if (s === "off") continue;
    if (rule.meta.id === REDACTED_RULE) redactedActive = { rule, severity: s };
    else active.push({ rule, severity: s });
  }

  const out: Finding[] = [];
  let currentRule: Active = active[0];
  let currentProject: Project | null = null;

  const emit = (project: Project | null, input: ReportInput, ruleSeverity: Severity = currentRule.severity) => {
    const meta = currentRule.rule.meta;
    const severity = input.severity && SEVERITY_RANK[input.severity] < SEVERITY_RANK[ruleSeverity] ? input.severity : ruleSeverity;
    let sheet: string | null = input.sheet ?? null;
    let cell: string | null = input.cell ?? null;
    if (project) {
      sheet = sheet ?? project.source?.sheet ?? null;
      if (!cell) cell = input.field ? resolveCell(project, input.field) : firstCell(project.source?.range);
    } else if (!cell && input.field) {
      const src = input.field.startsWith("declaredTotals.") ? doc.declaredTotals?.source : doc.overview?.source;
      const key = input.field.slice(input.field.indexOf(".") + 1);
      if (src) {
        cell = src.cells[key] ?? firstCell(src.range);
        sheet = sheet ?? src.sheet;
      }
    }
    const message = input.message ?? formatMessage(meta.message, input.data);
    const messageEn = input.messageEn ?? (input.message === undefined ? formatMessage(meta.messageEn, input.data, input.dataEn) : undefined);
    const projectCode = project ? (project.code ?? null) : null;
    const projectName = project ? (project.name ?? null) : null;
    const projectSeq = project ? (project.seq ?? null) : null;
    // Built whole in one literal (same key order as before): no shape transition per finding.
    const f: Finding =
      messageEn !== undefined
        ? { ruleId: meta.id, severity, message, sheet, cell, projectCode, projectName, projectSeq, messageEn }
        : { ruleId: meta.id, severity, message, sheet, cell, projectCode, projectName, projectSeq };
    if (input.fix) {
      f.fix = input.fix;
      if (input.fixEn) f.fixEn = input.fixEn;
    }
    out.push(f);
  };

  // A 部门整体 table's indicator tree and goals, read as one project for the row-level rules; its
  // findings belong to the document (projectSeq null), on the overview sheet's cells.
  const department = departmentAsProject(doc);
  const ctx: DocumentRuleContext = {
    profile,
    document: doc,
    report: (input) =>
      currentProject !== null && currentProject === department
        ? emit(null, { ...input, sheet: input.sheet ?? department.source.sheet, cell: input.cell ?? (input.field ? resolveCell(department, input.field) : null) ?? firstCell(department.source.range) ?? undefined })
        : emit(currentProject, input),
    reportFor: (project, input) => emit(project, input),
  };

  const crashed = (e: unknown, project: Project | null) => {
    const msg = e instanceof Error ? e.message : String(e);
    // Always an error: the user must know a check did not run.
    emit(
      project,
      { message: `检查规则 ${currentRule.rule.meta.id} 运行出错，此项检查未完成（内部错误：${msg}）`, messageEn: `Rule ${currentRule.rule.meta.id} failed; this check did not complete (internal error: ${msg})` },
      "error",
    );
  };

  const live: Project[] = [];
  for (const project of doc.projects) {
    if (project.redacted) {
      if (redactedActive) {
        currentRule = redactedActive;
        currentProject = project;
        try {
          redactedActive.rule.check?.(project, ctx);
        } catch (e) {
          crashed(e, project);
        }
      }
      continue;
    }
    live.push(project);
  }

  // Projects outer, rules inner: a project's facts stay hot and its findings come out together.
  const projectRules = active.filter((a) => a.rule.check);
  for (let i = 0; i < live.length; i++) {
    currentProject = live[i];
    for (let r = 0; r < projectRules.length; r++) {
      currentRule = projectRules[r];
      try {
        currentRule.rule.check!(currentProject, ctx);
      } catch (e) {
        crashed(e, currentProject);
      }
    }
  }
  if (department) {
    currentProject = department;
    for (const a of projectRules) {
      if (!DEPARTMENT_ROW_RULES.has(a.rule.meta.id)) continue;
      currentRule = a;
      try {
        a.rule.check!(department, ctx);
      } catch (e) {
        crashed(e, null);
      }
    }
  }
  currentProject = null;

  // Document rules see the non-redacted projects; ctx.document is still the whole document.
  const view: JxmbDocument = live.length === doc.projects.length ? doc : { ...doc, projects: live };
  for (const a of active) {
    if (!a.rule.checkDocument) continue;
    currentRule = a;
    try {
      a.rule.checkDocument(view, ctx);
    } catch (e) {
      crashed(e, null);
    }
  }
  resetIndicatorSets(); // hold no document after the run

  const refined = opts.raw ? out : refine({ findings: out, liveProjects: live.length, meta: (id) => getRule(id)?.meta });
  const findings = sortFindings(refined);
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return { findings, summary, projects: projectSummaries(findings) };
}

/** The 部门整体支出绩效目标表 (overview with an indicator tree) as a project the row rules can read; null otherwise. */
function departmentAsProject(doc: JxmbDocument): Project | null {
  const o = doc.overview;
  if (!o || !o.source || !o.indicators || o.indicators.length === 0) return null;
  const b = o.budget;
  return {
    seq: 0,
    title: null,
    code: doc.department?.code ?? null,
    name: doc.department?.name ?? null,
    unit: { code: doc.department?.code ?? null, name: doc.department?.name ?? null },
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget: { total: b?.total ?? null, fiscal: b?.fiscal ?? null, other: b?.other ?? null, raw: { total: null, fiscal: null, other: null } },
    purpose: null,
    spendPlan: null,
    goals: o.goals ?? [],
    indicators: o.indicators,
    redacted: false,
    layout: "generic",
    source: o.source,
  };
}

/**
 * Deterministic order: document-level findings first, then projects by seq; within a project 错误,
 * 警告, 提示, then sheet, row, column, rule id, message.
 */
export function sortFindings(list: readonly Finding[]): Finding[] {
  const n = list.length;
  const keySeq = new Array<number>(n);
  const keyRow = new Array<number>(n);
  const keyCol = new Array<number>(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const f = list[i];
    keySeq[i] = typeof f.projectSeq === "number" ? f.projectSeq : -1;
    const rc = cellCoords(f.cell);
    keyRow[i] = rc.row;
    keyCol[i] = rc.col;
    order[i] = i;
  }
  order.sort((a, b) => {
    if (keySeq[a] !== keySeq[b]) return keySeq[a] - keySeq[b];
    const fa = list[a];
    const fb = list[b];
    const sev = SEVERITY_RANK[fb.severity] - SEVERITY_RANK[fa.severity];
    if (sev !== 0) return sev;
    const sa = fa.sheet ?? "";
    const sb = fb.sheet ?? "";
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (keyRow[a] !== keyRow[b]) return keyRow[a] - keyRow[b];
    if (keyCol[a] !== keyCol[b]) return keyCol[a] - keyCol[b];
    if (fa.ruleId !== fb.ruleId) return fa.ruleId < fb.ruleId ? -1 : 1;
    return fa.message < fb.message ? -1 : fa.message > fb.message ? 1 : a - b;
  });
  return order.map((i) => list[i]);
}

export interface RuleInfo extends RuleMeta {
  /** Effective setting per profile ("off" when the profile turns the rule off). */
  profiles: Record<ProfileName, RuleSetting>;
}

/** The rule catalogue, sorted by id, for docs, --help and the task pane. */
export function listRules(): RuleInfo[] {
  return RULES.map((r) => {
    const profiles = {} as Record<ProfileName, RuleSetting>;
    for (const p of PROFILE_NAMES) profiles[p] = ruleSetting(p, r.meta.id, r.meta.severity);
    return { ...r.meta, profiles };
  }).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export { PROFILES, PROFILE_NAMES } from "./rules/profiles";
export { CATEGORIES, CATEGORY_KEYS, categoryOrder, type CategoryKey } from "./rules/categories";
export { projectSummaries, type ProjectSummary } from "./rules/precision";
