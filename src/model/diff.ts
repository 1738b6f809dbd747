/**
 * Business diff of two canonical documents: what changed between the version a unit sent and the one
 * that came back (or last year's and this year's).
 *
 * Projects are matched by 项目编码, else by 项目名称; indicators within a project by 一级/二级/三级,
 * never by row position. The result records every difference, so `applyDiff(a, diffDocuments(a, b))`
 * rebuilds b exactly; each change says whether it is a business change (what the text, the summary and
 * `hasBusinessChanges` report) or only provenance — the source cells, a table's position (seq), the
 * layout it was read from — which moves whenever rows or tables are merely reordered.
 */
import { JxmbDocument, type Indicator, type Project } from "./schema";

export type Path = (string | number)[];

/** One leaf that differs. `before`/`after` are whole values (undefined: the key is absent on that side). */
export interface FieldChange {
  path: Path;
  before: unknown;
  after: unknown;
  /** False for provenance only (source cells, seq, layout). */
  business: boolean;
}

export interface IndicatorKey {
  level1: string;
  level2: string;
  name: string;
}

export type IndicatorChange =
  | { kind: "added"; key: IndicatorKey; bIndex: number; indicator: Indicator }
  | { kind: "removed"; key: IndicatorKey; aIndex: number; indicator: Indicator }
  | { kind: "changed"; key: IndicatorKey; aIndex: number; bIndex: number; fields: FieldChange[] };

export interface ProjectRef {
  code: string | null;
  name: string | null;
}

export type ProjectChange =
  | { kind: "added"; bIndex: number; project: Project }
  | { kind: "removed"; aIndex: number; project: Project }
  | {
      kind: "changed";
      aIndex: number;
      bIndex: number;
      /** How the pair was matched. */
      matchedBy: "code" | "name" | "position";
      before: ProjectRef;
      after: ProjectRef;
      fields: FieldChange[];
      indicators: IndicatorChange[];
    };

export interface DocumentDiff {
  /** Differences outside the projects (年度, 部门, 概述, 汇总表 …). */
  document: FieldChange[];
  /** Added, removed, and matched projects that differ in anything (incl. only their position). */
  projects: ProjectChange[];
}

/* ------------------------------------------------------------------------------------------------
 * Field-level comparison
 * ---------------------------------------------------------------------------------------------- */

/** Keys whose values are compared whole: a 指标值 is one value to a reader, not nine fields. */
const WHOLE_KEYS = new Set(["target", "actual", "targetParts", "date", "goals", "goalsActual", "indicators", "items", "duties", "units", "funds"]);
/** Provenance: where a value was read, not what it says. */
const PROVENANCE_KEYS = new Set(["source", "seq", "layout"]);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
    // -0 and 0 are the same in canonical JSON.
    return typeof a === "number" && typeof b === "number" && (a === b || (Number.isNaN(a) && Number.isNaN(b)));
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

function fieldChanges(a: unknown, b: unknown, path: Path, skip: ReadonlySet<string>, out: FieldChange[], provenance = false): FieldChange[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (path.length === 0 && skip.has(k)) continue;
      const prov = provenance || PROVENANCE_KEYS.has(k);
      if (WHOLE_KEYS.has(k) || prov) {
        if (!sameValue(a[k], b[k])) out.push({ path: [...path, k], before: a[k], after: b[k], business: !prov });
      } else fieldChanges(a[k], b[k], [...path, k], skip, out, prov);
    }
  } else if (!sameValue(a, b)) out.push({ path, before: a, after: b, business: !provenance });
  return out;
}

/* ------------------------------------------------------------------------------------------------
 * Matching
 * ---------------------------------------------------------------------------------------------- */

const indicatorKey = (i: Indicator): IndicatorKey => ({ level1: i.level1, level2: i.level2, name: i.name });
const keyText = (k: IndicatorKey) => JSON.stringify([k.level1, k.level2, k.name]);

/** Business content of an indicator (without its source cells). */
const indicatorBusiness = (i: Indicator) => ({ ...i, source: undefined });

/**
 * Pairs of indices (a, b) with equal keys. Within one key, identical items pair first (so a reordering
 * of rows never turns into changes), the rest in order of appearance.
 */
function pairByKey<T>(a: readonly T[], b: readonly T[], key: (t: T) => string | null, same: (x: T, y: T) => boolean, taken: { a: Set<number>; b: Set<number> }): [number, number][] {
  const pairs: [number, number][] = [];
  const groups = new Map<string, number[]>();
  b.forEach((t, i) => {
    const k = key(t);
    if (k === null || taken.b.has(i)) return;
    const g = groups.get(k) ?? [];
    g.push(i);
    groups.set(k, g);
  });
  const pending: number[] = [];
  a.forEach((t, i) => {
    const k = key(t);
    if (k === null || taken.a.has(i)) return;
    const g = groups.get(k);
    const j = g?.findIndex((bi) => same(t, b[bi])) ?? -1;
    if (g && j >= 0) {
      pairs.push([i, g[j]]);
      g.splice(j, 1);
    } else pending.push(i);
  });
  for (const i of pending) {
    const g = groups.get(key(a[i])!);
    if (g && g.length) pairs.push([i, g.shift()!]);
  }
  for (const [i, j] of pairs) {
    taken.a.add(i);
    taken.b.add(j);
  }
  return pairs;
}

function diffIndicators(a: readonly Indicator[], b: readonly Indicator[]): IndicatorChange[] {
  const taken = { a: new Set<number>(), b: new Set<number>() };
  const pairs = pairByKey(a, b, (i) => keyText(indicatorKey(i)), (x, y) => sameValue(indicatorBusiness(x), indicatorBusiness(y)), taken);
  const out: IndicatorChange[] = [];
  for (const [ai, bi] of pairs.sort((x, y) => x[1] - y[1])) {
    const fields = fieldChanges(a[ai], b[bi], [], new Set(), []);
    if (fields.length || ai !== bi) out.push({ kind: "changed", key: indicatorKey(b[bi]), aIndex: ai, bIndex: bi, fields });
  }
  // Removed rows listed by their labels, not their old row order (a reordered block reads the same).
  const removed = a.map((ind, i) => ({ ind, i })).filter(({ i }) => !taken.a.has(i));
  removed.sort((x, y) => (keyText(indicatorKey(x.ind)) < keyText(indicatorKey(y.ind)) ? -1 : keyText(indicatorKey(x.ind)) > keyText(indicatorKey(y.ind)) ? 1 : x.i - y.i));
  for (const { ind, i } of removed) out.push({ kind: "removed", key: indicatorKey(ind), aIndex: i, indicator: ind });
  b.forEach((ind, i) => {
    if (!taken.b.has(i)) out.push({ kind: "added", key: indicatorKey(ind), bIndex: i, indicator: ind });
  });
  return out;
}

const projectBusiness = (p: Project) => ({ ...p, source: undefined, seq: undefined, layout: undefined, indicators: p.indicators.map(indicatorBusiness) });

/** Diff two documents. Pure; the inputs are not modified. */
export function diffDocuments(a: JxmbDocument, b: JxmbDocument): DocumentDiff {
  const document = fieldChanges(a, b, [], new Set(["projects"]), []);
  const taken = { a: new Set<number>(), b: new Set<number>() };
  const same = (x: Project, y: Project) => sameValue(projectBusiness(x), projectBusiness(y));
  const byCode = pairByKey(a.projects, b.projects, (p) => p.code, same, taken).map((p) => [...p, "code"] as const);
  const byName = pairByKey(a.projects, b.projects, (p) => p.name, same, taken).map((p) => [...p, "name"] as const);
  // Tables with neither code nor name (a blank template) can only be told apart by their order.
  const anonymous = (p: Project) => (p.code === null && p.name === null ? "" : null);
  const byPosition = pairByKey(a.projects, b.projects, anonymous, same, taken).map((p) => [...p, "position"] as const);
  const projects: ProjectChange[] = [];
  for (const [ai, bi, matchedBy] of [...byCode, ...byName, ...byPosition].sort((x, y) => x[1] - y[1])) {
    const pa = a.projects[ai];
    const pb = b.projects[bi];
    const fields = fieldChanges(pa, pb, [], new Set(["indicators"]), []);
    const indicators = diffIndicators(pa.indicators, pb.indicators);
    if (fields.length || indicators.length || ai !== bi) {
      projects.push({ kind: "changed", aIndex: ai, bIndex: bi, matchedBy, before: { code: pa.code, name: pa.name }, after: { code: pb.code, name: pb.name }, fields, indicators });
    }
  }
  a.projects.forEach((p, i) => {
    if (!taken.a.has(i)) projects.push({ kind: "removed", aIndex: i, project: p });
  });
  b.projects.forEach((p, i) => {
    if (!taken.b.has(i)) projects.push({ kind: "added", bIndex: i, project: p });
  });
  return { document, projects };
}

/* ------------------------------------------------------------------------------------------------
 * Business view
 * ---------------------------------------------------------------------------------------------- */

const indicatorIsBusiness = (c: IndicatorChange) => c.kind !== "changed" || c.fields.some((f) => f.business);
const projectIsBusiness = (c: ProjectChange) => c.kind !== "changed" || c.fields.some((f) => f.business) || c.indicators.some(indicatorIsBusiness);

/** The diff without provenance: only what a reader of the tables would call a change. */
export function businessChanges(d: DocumentDiff): DocumentDiff {
  return {
    document: d.document.filter((f) => f.business),
    projects: d.projects.filter(projectIsBusiness).map((c) =>
      c.kind === "changed" ? { ...c, fields: c.fields.filter((f) => f.business), indicators: c.indicators.filter(indicatorIsBusiness).map((i) => (i.kind === "changed" ? { ...i, fields: i.fields.filter((f) => f.business) } : i)) } : c,
    ),
  };
}

export function hasBusinessChanges(d: DocumentDiff): boolean {
  const b = businessChanges(d);
  return b.document.length > 0 || b.projects.length > 0;
}

export function isEmptyDiff(d: DocumentDiff): boolean {
  return d.document.length === 0 && d.projects.length === 0;
}

/* ------------------------------------------------------------------------------------------------
 * Apply
 * ---------------------------------------------------------------------------------------------- */

const clone = <T>(v: T): T => (v === undefined ? v : (structuredClone(v) as T));

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const k of path.slice(0, -1)) {
    if (!isPlainObject(node[k])) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  const last = String(path[path.length - 1]);
  if (value === undefined) delete node[last];
  else node[last] = clone(value);
}

/** Merge `a` with the position-mapped items of a list diff into the new list. */
function rebuild<T, C extends { kind: string }>(
  a: readonly T[],
  changes: readonly C[],
  place: (c: C) => { aIndex?: number; bIndex?: number },
  make: (c: C, before: T | undefined) => T | null,
): T[] {
  const removed = new Set<number>();
  const mentioned = new Set<number>();
  let added = 0;
  for (const c of changes) {
    const { aIndex, bIndex } = place(c);
    if (aIndex !== undefined) mentioned.add(aIndex);
    if (aIndex !== undefined && bIndex === undefined) removed.add(aIndex);
    if (aIndex === undefined) added++;
  }
  const out: (T | undefined)[] = new Array(a.length - removed.size + added);
  for (const c of changes) {
    const { aIndex, bIndex } = place(c);
    if (bIndex === undefined) continue;
    const made = make(c, aIndex === undefined ? undefined : a[aIndex]);
    if (made !== null) out[bIndex] = made;
  }
  // Items the diff does not mention kept their place.
  a.forEach((t, i) => {
    if (!mentioned.has(i)) out[i] = clone(t);
  });
  return out as T[];
}

function applyFields<T>(base: T, fields: readonly FieldChange[]): T {
  const out = clone(base) as Record<string, unknown>;
  for (const f of fields) setPath(out, f.path, f.after);
  return out as T;
}

/** a + diff(a, b) → b (as canonical JSON: key order aside, equal). Throws on a diff of another document. */
export function applyDiff(a: JxmbDocument, d: DocumentDiff): JxmbDocument {
  const base = applyFields({ ...a, projects: [] }, d.document);
  const projects = rebuild<Project, ProjectChange>(
    a.projects,
    d.projects,
    (c) => (c.kind === "added" ? { bIndex: c.bIndex } : c.kind === "removed" ? { aIndex: c.aIndex } : { aIndex: c.aIndex, bIndex: c.bIndex }),
    (c, before) => {
      if (c.kind === "added") return clone(c.project);
      if (c.kind !== "changed" || !before) return null;
      const p: Project = applyFields<Project>({ ...before, indicators: [] }, c.fields);
      p.indicators = rebuild<Indicator, IndicatorChange>(
        before.indicators,
        c.indicators,
        (i) => (i.kind === "added" ? { bIndex: i.bIndex } : i.kind === "removed" ? { aIndex: i.aIndex } : { aIndex: i.aIndex, bIndex: i.bIndex }),
        (i, prev) => (i.kind === "added" ? clone(i.indicator) : i.kind === "changed" && prev ? applyFields(prev, i.fields) : null),
      );
      return p;
    },
  );
  return JxmbDocument.parse({ ...base, projects });
}

/* ------------------------------------------------------------------------------------------------
 * zh-CN rendering
 * ---------------------------------------------------------------------------------------------- */

const FIELD_LABELS: Record<string, string> = {
  fiscalYear: "年度",
  fiscalYearSource: "年度来源",
  profile: "规则集",
  "department.code": "部门编码",
  "department.name": "部门名称",
  title: "标题",
  "overview.summary": "总体绩效目标",
  "overview.items": "分项绩效目标",
  "overview.safeguards": "工作保障措施",
  "overview.goals": "部门年度总体目标",
  "overview.budget.total": "部门资金总额",
  "overview.budget.fiscal": "部门财政拨款",
  "overview.budget.other": "部门其他资金",
  "overview.budget.basic": "部门基本支出",
  "overview.budget.project": "部门项目支出",
  "overview.duties": "年度履职目标",
  "overview.indicators": "部门整体绩效指标",
  overview: "部门整体绩效目标",
  "declaredTotals.department": "汇总表部门合计",
  "declaredTotals.units": "汇总表各单位合计",
  declaredTotals: "汇总表",
  code: "项目编码",
  name: "项目名称",
  "unit.code": "单位编码",
  "unit.name": "单位名称",
  competentDepartment: "主管部门",
  "competentDepartment.code": "主管部门编码",
  "competentDepartment.name": "主管部门名称",
  implementingUnit: "实施单位",
  attribute: "项目属性",
  "attribute.code": "项目属性编码",
  "attribute.name": "项目属性",
  period: "项目期",
  "budget.total": "预算数",
  "budget.fiscal": "财政资金",
  "budget.other": "其他资金",
  "budget.raw.total": "预算数（原文）",
  "budget.raw.fiscal": "财政资金（原文）",
  "budget.raw.other": "其他资金（原文）",
  purpose: "资金用途",
  spendPlan: "支出计划",
  "spendPlan.mar": "支出计划 3月底",
  "spendPlan.jun": "支出计划 6月底",
  "spendPlan.oct": "支出计划 10月底",
  "spendPlan.dec": "支出计划 12月底",
  "spendPlan.raw.mar": "支出计划 3月底（原文）",
  "spendPlan.raw.jun": "支出计划 6月底（原文）",
  "spendPlan.raw.oct": "支出计划 10月底（原文）",
  "spendPlan.raw.dec": "支出计划 12月底（原文）",
  goals: "绩效目标",
  redacted: "涉密标记",
  midTerm: "中期目标与指标",
  "midTerm.goals": "中期目标",
  "midTerm.indicators": "中期指标",
  selfEvaluation: "自评内容",
  // indicator fields
  level1: "一级指标",
  level2: "二级指标",
  description: "指标描述",
  target: "指标值",
  targetParts: "指标值（符号/值/单位）",
  basis: "指标值确定依据",
  scoring: "评（扣）分标准",
  level1Raw: "一级指标（原文）",
  level2Raw: "二级指标（原文）",
  weight: "分值",
  actual: "实际完成值",
  score: "得分",
  deviation: "偏差原因分析",
};

/** The same labels in English (the CLI's en-US locale); a key missing here falls back to the JSON path. */
const FIELD_LABELS_EN: Record<string, string> = {
  fiscalYear: "budget year",
  fiscalYearSource: "source of the budget year",
  profile: "rule profile",
  "department.code": "department code",
  "department.name": "department name",
  title: "title",
  "overview.summary": "overall goal",
  "overview.items": "goal items",
  "overview.safeguards": "safeguards",
  "overview.goals": "department's yearly goals",
  "overview.budget.total": "department budget total",
  "overview.budget.fiscal": "department fiscal funds",
  "overview.budget.other": "department other funds",
  "overview.budget.basic": "department basic spending",
  "overview.budget.project": "department project spending",
  "overview.duties": "yearly duty goals",
  "overview.indicators": "department indicators",
  overview: "department-overall table",
  "declaredTotals.department": "summary sheet: department total",
  "declaredTotals.units": "summary sheet: unit totals",
  declaredTotals: "summary sheet",
  code: "project code",
  name: "project name",
  "unit.code": "unit code",
  "unit.name": "unit name",
  competentDepartment: "competent department",
  "competentDepartment.code": "competent department code",
  "competentDepartment.name": "competent department name",
  implementingUnit: "implementing unit",
  attribute: "project attribute",
  "attribute.code": "project attribute code",
  "attribute.name": "project attribute",
  period: "project period",
  "budget.total": "budget",
  "budget.fiscal": "fiscal funds",
  "budget.other": "other funds",
  "budget.raw.total": "budget (as written)",
  "budget.raw.fiscal": "fiscal funds (as written)",
  "budget.raw.other": "other funds (as written)",
  purpose: "use of funds",
  spendPlan: "spending plan",
  "spendPlan.mar": "spending plan end of March",
  "spendPlan.jun": "spending plan end of June",
  "spendPlan.oct": "spending plan end of October",
  "spendPlan.dec": "spending plan end of December",
  "spendPlan.raw.mar": "spending plan end of March (as written)",
  "spendPlan.raw.jun": "spending plan end of June (as written)",
  "spendPlan.raw.oct": "spending plan end of October (as written)",
  "spendPlan.raw.dec": "spending plan end of December (as written)",
  goals: "goals",
  redacted: "classified mark",
  midTerm: "medium-term goals and indicators",
  "midTerm.goals": "medium-term goals",
  "midTerm.indicators": "medium-term indicators",
  selfEvaluation: "self-evaluation",
  level1: "level-1 indicator",
  level2: "level-2 indicator",
  description: "indicator description",
  target: "target value",
  targetParts: "target value (operator/value/unit)",
  basis: "basis of the target",
  scoring: "scoring standard",
  level1Raw: "level-1 indicator (as written)",
  level2Raw: "level-2 indicator (as written)",
  weight: "points",
  actual: "actual value",
  score: "score",
  deviation: "reasons for deviation",
};

/** Text language of the renderings below: zh-CN (the default, the pane's) or English (the CLI's en-US). */
export type DiffLang = "zh" | "en";

export function fieldLabel(path: Path, lang: DiffLang = "zh"): string {
  const labels = lang === "en" ? FIELD_LABELS_EN : FIELD_LABELS;
  const key = path.map(String).join(".");
  if (labels[key]) return labels[key];
  for (let n = path.length - 1; n > 0; n--) {
    const k = path.slice(0, n).map(String).join(".");
    if (labels[k]) return lang === "en" ? `${labels[k]} (${path.slice(n).join(".")})` : `${labels[k]}（${path.slice(n).join(".")}）`;
  }
  return key;
}

const MONEY_PATHS = new Set(["budget.total", "budget.fiscal", "budget.other", "declaredTotals.department", "overview.budget.total", "overview.budget.fiscal", "overview.budget.other", "overview.budget.basic", "overview.budget.project"]);

function clip(s: string, n = 60): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n).join("")}…` : s;
}

/** A value as a reader would write it (quoted text is the workbook's, in either language). */
export function showValue(path: Path, v: unknown, lang: DiffLang = "zh"): string {
  const en = lang === "en";
  const key = path.map(String).join(".");
  const blank = en ? "(blank)" : "（空）";
  if (v === undefined || v === null || v === "") return blank;
  if (typeof v === "number") {
    if (MONEY_PATHS.has(key)) return en ? `${v} (10,000 yuan)` : `${v} 万元`;
    if (/^spendPlan\.(mar|jun|oct|dec)$/.test(key)) return `${v}%`;
    return String(v);
  }
  if (typeof v === "boolean") return en ? (v ? "yes" : "no") : v ? "是" : "否";
  if (typeof v === "string") return `“${clip(v)}”`;
  if (isPlainObject(v) && typeof v.raw === "string" && "kind" in v) return v.raw === "" ? blank : `“${clip(v.raw)}”`; // a Target
  if (isPlainObject(v) && "symbol" in v) return `“${clip(`${String(v.symbol)}${String(v.value)}${String(v.unit)}`)}”`;
  if (isPlainObject(v) && "code" in v && "name" in v) return `“${clip([v.code, v.name].filter((x) => x).join(" "))}”`;
  if (Array.isArray(v)) return en ? `${v.length} item(s)` : `${v.length} 项`;
  if (isPlainObject(v)) {
    // A whole block added or removed (部门整体 overview, 自评内容…): its first text and how much else, never JSON.
    const filled = Object.entries(v).filter(([, x]) => x !== null && x !== undefined && x !== "" && !(Array.isArray(x) && x.length === 0));
    if (filled.length === 0) return blank;
    const first = filled.find(([, x]) => typeof x === "string");
    const more = first ? filled.length - 1 : filled.length;
    const head = first ? `“${clip(first[1] as string)}”` : "";
    if (more === 0) return head;
    if (en) return head ? `${head} and ${more} more field(s)` : `${more} field(s)`;
    return head ? `${head} 等 ${filled.length} 项内容` : `${more} 项内容`;
  }
  return clip(String(v));
}

export function projectLabel(ref: ProjectRef | Project, index: number, lang: DiffLang = "zh"): string {
  if (lang === "en") return `project ${index + 1} ${ref.name ? `“${clip(ref.name, 40)}”` : "(no name)"}${ref.code ? ` (${ref.code})` : ""}`;
  const name = ref.name ? `“${clip(ref.name, 40)}”` : "（无名称）";
  return `项目 ${index + 1} ${name}${ref.code ? `（${ref.code}）` : ""}`;
}

const indicatorLabel = (k: IndicatorKey, lang: DiffLang = "zh") =>
  lang === "en"
    ? `${k.level1 || "(no level 1)"}/${k.level2 || "(no level 2)"}/${k.name || "(no level 3)"}`
    : `${k.level1 || "（无一级）"}/${k.level2 || "（无二级）"}/${k.name || "（无三级）"}`;

/** Goals compared item by item (they are numbered lines). */
function goalLines(before: unknown, after: unknown, lang: DiffLang): string[] {
  const en = lang === "en";
  const a = Array.isArray(before) ? (before as string[]) : [];
  const b = Array.isArray(after) ? (after as string[]) : [];
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === undefined) out.push(en ? `goal ${i + 1} added: “${clip(b[i])}”` : `新增绩效目标 ${i + 1}：“${clip(b[i])}”`);
    else if (b[i] === undefined) out.push(en ? `goal ${i + 1} removed: “${clip(a[i])}”` : `删除绩效目标 ${i + 1}：“${clip(a[i])}”`);
    else out.push(en ? `goal ${i + 1}: “${clip(a[i])}” → “${clip(b[i])}”` : `绩效目标 ${i + 1}：“${clip(a[i])}” → “${clip(b[i])}”`);
  }
  return out;
}

function fieldLine(f: FieldChange, lang: DiffLang): string[] {
  const key = f.path.map(String).join(".");
  if (key === "goals") return goalLines(f.before, f.after, lang);
  return [`${fieldLabel(f.path, lang)}${lang === "en" ? ": " : "："}${showValue(f.path, f.before, lang)} → ${showValue(f.path, f.after, lang)}`];
}

function indicatorLine(c: IndicatorChange, lang: DiffLang): string[] {
  const en = lang === "en";
  const label = indicatorLabel(c.key, lang);
  if (c.kind === "added") return [en ? `indicator added ${label}: target value ${showValue(["target"], c.indicator.target, lang)}` : `新增指标 ${label}：指标值 ${showValue(["target"], c.indicator.target)}`];
  if (c.kind === "removed") return [en ? `indicator removed ${label} (target value was ${showValue(["target"], c.indicator.target, lang)})` : `删除指标 ${label}（原指标值 ${showValue(["target"], c.indicator.target)}）`];
  // 符号/值/单位 cells are the 指标值 written in three parts: one line for both.
  const targetChanged = c.fields.some((f) => f.path[0] === "target");
  return c.fields
    .filter((f) => !(targetChanged && f.path[0] === "targetParts"))
    .map((f) =>
      en
        ? `indicator ${label}, ${fieldLabel(f.path, lang)}: ${showValue(f.path, f.before, lang)} → ${showValue(f.path, f.after, lang)}`
        : `指标 ${label} 的 ${fieldLabel(f.path)}：${showValue(f.path, f.before)} → ${showValue(f.path, f.after)}`,
    );
}

export interface DiffCounts {
  added: number;
  removed: number;
  renamed: number;
  changed: number;
}

export function diffCounts(d: DocumentDiff): DiffCounts {
  const b = businessChanges(d);
  let renamed = 0;
  let changed = 0;
  for (const c of b.projects) {
    if (c.kind !== "changed") continue;
    if (c.before.name !== c.after.name) renamed++;
    if (c.fields.some((f) => f.path[0] !== "name") || c.indicators.length) changed++;
  }
  return { added: b.projects.filter((c) => c.kind === "added").length, removed: b.projects.filter((c) => c.kind === "removed").length, renamed, changed };
}

/** The diff as text (zh-CN, or English for the CLI's en-US), one line per change, projects in the order of the newer version. */
export function diffText(d: DocumentDiff, names: { a: string; b: string } = { a: "原版本", b: "新版本" }, lang: DiffLang = "zh"): string {
  const en = lang === "en";
  const b = businessChanges(d);
  const lines: string[] = [en ? `Comparison: ${names.a} → ${names.b}` : `比较：${names.a} → ${names.b}`];
  if (b.document.length === 0 && b.projects.length === 0) {
    lines.push(en ? "No differences: projects, budgets, spending plans, goals and indicators are the same." : "无差异：项目、预算、支出计划、绩效目标和指标均相同。");
    return lines.join("\n") + "\n";
  }
  const n = diffCounts(d);
  lines.push(
    en
      ? `Projects: ${n.added} added, ${n.removed} removed, ${n.renamed} renamed, ${n.changed} with changed content.`
      : `项目：新增 ${n.added} 个，删除 ${n.removed} 个，更名 ${n.renamed} 个，内容有改动 ${n.changed} 个。`,
  );
  if (b.document.length) {
    lines.push("", en ? "Document:" : "文档：");
    for (const f of b.document) for (const l of fieldLine(f, lang)) lines.push(`  ${l}`);
  }
  for (const c of b.projects) {
    lines.push("");
    if (c.kind === "added") {
      const p = c.project;
      const budget = showValue(["budget", "total"], p.budget.total, lang);
      lines.push(
        en
          ? `[Added] ${projectLabel(p, c.bIndex, lang)}: budget ${budget}, ${p.goals.length} goal(s), ${p.indicators.length} indicator(s)`
          : `[新增] ${projectLabel(p, c.bIndex)}：预算数 ${budget}，${p.goals.length} 条绩效目标，${p.indicators.length} 条指标`,
      );
    } else if (c.kind === "removed") {
      const p = c.project;
      const budget = showValue(["budget", "total"], p.budget.total, lang);
      lines.push(
        en
          ? `[Removed] ${projectLabel(p, c.aIndex, lang)}: budget was ${budget}, ${p.indicators.length} indicator(s)`
          : `[删除] ${projectLabel(p, c.aIndex)}：原预算数 ${budget}，${p.indicators.length} 条指标`,
      );
    } else {
      const renamed = c.before.name !== c.after.name;
      const body = [...c.fields.filter((f) => f.path[0] !== "name").flatMap((f) => fieldLine(f, lang)), ...c.indicators.flatMap((i) => indicatorLine(i, lang))];
      if (en) lines.push(`${renamed ? "[Renamed] " : ""}${projectLabel(c.after, c.bIndex, lang)}${renamed ? `, formerly “${clip(c.before.name ?? "(no name)", 40)}”` : ""}${body.length ? ":" : ""}`);
      else lines.push(`${renamed ? "[更名] " : ""}${projectLabel(c.after, c.bIndex)}${renamed ? `，原名“${clip(c.before.name ?? "（无名称）", 40)}”` : ""}${body.length ? "：" : ""}`);
      for (const l of body) lines.push(`  ${l}`);
    }
  }
  return lines.join("\n") + "\n";
}

const quoteName = (r: ProjectRef, lang: DiffLang = "zh") => `“${clip(r.name ?? r.code ?? (lang === "en" ? "(no name)" : "（无名称）"), 30)}”`;

/** One paragraph for the reply email (zh-CN; English for the CLI's en-US). */
export function diffSummary(d: DocumentDiff, lang: DiffLang = "zh"): string {
  const en = lang === "en";
  const b = businessChanges(d);
  if (b.document.length === 0 && b.projects.length === 0)
    return en
      ? "Compared item by item, the two versions have the same projects, budgets, spending plans, goals and indicators."
      : "经逐项比较，两个版本的项目、预算数、支出计划、绩效目标和绩效指标均无变化。";
  const parts: string[] = [];
  const added = b.projects.filter((c) => c.kind === "added");
  const removed = b.projects.filter((c) => c.kind === "removed");
  const names = (cs: readonly { project: Project }[]) => cs.map((c) => quoteName(c.project, lang)).join(en ? ", " : "、");
  if (added.length) parts.push(en ? `${added.length} project(s) added (${names(added)})` : `新增项目 ${added.length} 个（${names(added)}）`);
  if (removed.length) parts.push(en ? `${removed.length} project(s) removed (${names(removed)})` : `删除项目 ${removed.length} 个（${names(removed)}）`);
  for (const c of b.projects) {
    if (c.kind !== "changed") continue;
    const what: string[] = [];
    if (c.before.name !== c.after.name) what.push(en ? `renamed ${quoteName(c.after, lang)}` : `更名为${quoteName(c.after)}`);
    for (const f of c.fields) {
      const key = f.path.map(String).join(".");
      if (key === "name") continue;
      const label = fieldLabel(f.path, lang);
      const fromTo = en ? `${label} from ${showValue(f.path, f.before, lang)} to ${showValue(f.path, f.after, lang)}` : `${label}由 ${showValue(f.path, f.before)} 调整为 ${showValue(f.path, f.after)}`;
      if (MONEY_PATHS.has(key)) what.push(fromTo);
      else if (key === "goals") what.push(en ? "goals changed" : "修改了绩效目标");
      else if (key.startsWith("spendPlan.")) what.push(fromTo);
      else what.push(en ? `${label} changed` : `修改了${label}`);
    }
    const ia = c.indicators.filter((i) => i.kind === "added").length;
    const ir = c.indicators.filter((i) => i.kind === "removed").length;
    const ic = c.indicators.filter((i) => i.kind === "changed").length;
    if (ia) what.push(en ? `${ia} indicator(s) added` : `新增 ${ia} 条指标`);
    if (ir) what.push(en ? `${ir} indicator(s) removed` : `删除 ${ir} 条指标`);
    if (ic) what.push(en ? `${ic} indicator(s) changed` : `修改 ${ic} 条指标`);
    parts.push(en ? `project ${quoteName(c.before, lang)}: ${[...new Set(what)].join(", ")}` : `项目${quoteName(c.before)}${[...new Set(what)].join("，")}`);
  }
  if (b.document.length) {
    const labels = [...new Set(b.document.map((f) => fieldLabel(f.path, lang)))];
    parts.push(en ? `${b.document.length} change(s) to the document's details (${labels.join(", ")})` : `文档信息有 ${b.document.length} 处修改（${labels.join("、")}）`);
  }
  return en ? `Compared item by item, the later version differs from the earlier one: ${parts.join("; ")}. Everything else is unchanged.` : `经逐项比较，新版本与原版本相比：${parts.join("；")}。其余内容未变。`;
}

/* ------------------------------------------------------------------------------------------------
 * Rows (for a report sheet): one per change, with where it is in the newer version (older for removals)
 * ---------------------------------------------------------------------------------------------- */

export interface DiffRow {
  project: string;
  change: "文档" | "新增项目" | "删除项目" | "更名" | "修改" | "新增指标" | "删除指标" | "修改指标";
  field: string;
  before: string;
  after: string;
  /** Which version the location is in. */
  side: "a" | "b";
  sheet: string | null;
  cell: string | null;
}

/** The cell of `path` in a source map: the field's own cell, else the nearest enclosing one. */
function cellOf(cells: Record<string, string>, path: Path): string | null {
  for (let n = path.length; n > 0; n--) {
    const c = cells[path.slice(0, n).map(String).join(".")];
    if (c) return c;
  }
  return null;
}

export function diffRows(d: DocumentDiff, a: JxmbDocument, b: JxmbDocument): DiffRow[] {
  const biz = businessChanges(d);
  const rows: DiffRow[] = [];
  for (const f of biz.document) rows.push({ project: "", change: "文档", field: fieldLabel(f.path), before: showValue(f.path, f.before), after: showValue(f.path, f.after), side: "b", sheet: null, cell: null });
  for (const c of biz.projects) {
    if (c.kind === "added" || c.kind === "removed") {
      const p = c.project;
      const side = c.kind === "added" ? "b" : "a";
      rows.push({
        project: projectLabel(p, c.kind === "added" ? c.bIndex : c.aIndex),
        change: c.kind === "added" ? "新增项目" : "删除项目",
        field: "预算数",
        before: c.kind === "removed" ? showValue(["budget", "total"], p.budget.total) : "",
        after: c.kind === "added" ? showValue(["budget", "total"], p.budget.total) : "",
        side,
        sheet: p.source.sheet || null,
        cell: cellOf(p.source.cells, ["name"]),
      });
      continue;
    }
    const pa = a.projects[c.aIndex];
    const pb = b.projects[c.bIndex];
    const label = projectLabel(c.after, c.bIndex);
    for (const f of c.fields) {
      const change = f.path[0] === "name" ? "更名" : "修改";
      rows.push({ project: label, change, field: fieldLabel(f.path), before: showValue(f.path, f.before), after: showValue(f.path, f.after), side: "b", sheet: pb.source.sheet || null, cell: cellOf(pb.source.cells, f.path) });
    }
    for (const i of c.indicators) {
      const where = i.kind === "removed" ? { ind: pa.indicators[i.aIndex], side: "a" as const, p: pa } : { ind: pb.indicators[i.bIndex], side: "b" as const, p: pb };
      const base = { project: label, side: where.side, sheet: where.p.source.sheet || null };
      if (i.kind === "added") rows.push({ ...base, change: "新增指标", field: indicatorLabel(i.key), before: "", after: showValue(["target"], i.indicator.target), cell: cellOf(where.ind.source, ["name"]) });
      else if (i.kind === "removed") rows.push({ ...base, change: "删除指标", field: indicatorLabel(i.key), before: showValue(["target"], i.indicator.target), after: "", cell: cellOf(where.ind.source, ["name"]) });
      else for (const f of i.fields) rows.push({ ...base, change: "修改指标", field: `${indicatorLabel(i.key)} 的 ${fieldLabel(f.path)}`, before: showValue(f.path, f.before), after: showValue(f.path, f.after), cell: cellOf(where.ind.source, f.path) });
    }
  }
  return rows;
}
