/**
 * The precision stage of validate(): what a reviewer would send back, said once.
 *  1. Several findings on one cell are one problem to fix there: the most severe, then most specific
 *     rule (meta.specificity) keeps its finding and 建议; the others are folded into it (ids recorded).
 *  2. A rule (not an error) that fires on most projects of a document is a habit of the whole form:
 *     its per-project findings become one document-level finding that lists where it fired; a hint
 *     (提示) does so from SUMMARY_MIN_PROJECTS projects on, whatever their share.
 *  3. One rule's warnings or hints on three or more rows of one project are one finding listing the
 *     rows ("3 处指标值未量化：E15、E17、E18"), each row keeping its own message and 建议.
 *  4. Order: document-level first, then per project; within a project 错误, 警告, 提示, then by cell.
 * Driven by rule metadata only: no list of rule pairs here.
 */
import type { Finding, FindingLocation, RuleMeta, Severity } from "./types";

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** A rule fires on "most projects" when it hits more than this share of them … */
export const SUMMARY_SHARE = 0.5;
/** … and at least this many (a 3-project document has no habits). */
export const SUMMARY_MIN_PROJECTS = 5;

export interface RefineInput {
  findings: Finding[];
  /** Projects the rules ran on (not redacted). */
  liveProjects: number;
  meta(ruleId: string): RuleMeta | undefined;
}

/** One rule's non-error findings on at least this many cells of one project are grouped. */
export const GROUP_MIN = 3;

/** Fold, summarise, group; the result is not yet sorted. */
export function refine({ findings, liveProjects, meta }: RefineInput): Finding[] {
  // Folding first: each cell then holds one finding, which a summary or a group may take over whole.
  return groupInProjects(summarise(foldCells(findings, meta), liveProjects, meta), meta);
}

function groupInProjects(findings: Finding[], meta: RefineInput["meta"]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.projectSeq === null || f.severity === "error" || f.cell === null || f.locations) continue;
    const key = `${f.projectSeq}\u0001${f.ruleId}\u0001${f.severity}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const replace = new Map<Finding, Finding | null>();
  for (const g of groups.values()) {
    if (g.length < GROUP_MIN) continue;
    const first = g[0];
    const title = meta(first.ruleId)?.title ?? first.ruleId;
    const folded: string[] = [];
    for (const f of g) for (const id of f.folded ?? []) if (!folded.includes(id)) folded.push(id);
    const merged: Finding = {
      ...first,
      message: `${g.length} 处${title}：${g.map((f) => f.cell).join("、")}（如 ${first.cell}：${first.message}）`,
      fix: `逐行修改，各行建议见明细。${first.cell}：${first.fix ?? ""}`.replace(/：$/, ""),
      locations: g.map(toLocation),
    };
    const cellsEn = g.map((f) => f.cell).join(", ");
    if (first.messageEn !== undefined) merged.messageEn = `${g.length} places: ${cellsEn} (e.g. ${first.cell}: ${first.messageEn})`;
    else delete merged.messageEn;
    if (first.fix === undefined || first.fixEn !== undefined) merged.fixEn = `Fix row by row; each row's suggestion is in the details.${first.fixEn ? ` ${first.cell}: ${first.fixEn}` : ""}`;
    else delete merged.fixEn;
    if (folded.length > 0) merged.folded = folded;
    else delete merged.folded;
    replace.set(first, merged);
    for (let i = 1; i < g.length; i++) replace.set(g[i], null);
  }
  if (replace.size === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const r = replace.get(f);
    if (r === null) continue;
    out.push(r ?? f);
  }
  return out;
}

function summarise(findings: Finding[], liveProjects: number, meta: RefineInput["meta"]): Finding[] {
  if (liveProjects < SUMMARY_MIN_PROJECTS) return findings;
  // By rule and severity: a rule's milder findings (indicator/copied: shared rows, 提示) are a habit of
  // the form; its graver ones (a whole copied set, 警告) stay with their project.
  // Rule id → severity → list, lists kept in order of first appearance; no key string per finding.
  const byRule = new Map<string, Partial<Record<Severity, number>>>();
  const lists: Finding[][] = [];
  // Per finding, the index of its list (-1: not summarisable): the filter below needs no Set.
  const listOf = new Int32Array(findings.length).fill(-1);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.projectSeq === null || f.severity === "error") continue;
    let bySeverity = byRule.get(f.ruleId);
    if (!bySeverity) byRule.set(f.ruleId, (bySeverity = {}));
    let li = bySeverity[f.severity];
    if (li === undefined) {
      li = bySeverity[f.severity] = lists.length;
      lists.push([]);
    }
    lists[li].push(f);
    listOf[i] = li;
  }
  const habit = new Uint8Array(lists.length);
  const summaries: Finding[] = [];
  for (let li = 0; li < lists.length; li++) {
    const list = lists[li];
    const ruleId = list[0].ruleId;
    const m = meta(ruleId);
    if (!m) continue;
    const seqs = distinctSeqs(list);
    // A hint (提示) on several projects is said once for the document whatever the share: style, not a
    // problem of one table (seed 000: 涉密 on 7 of 38 tables).
    if (!(list[0].severity === "info" ? seqs >= SUMMARY_MIN_PROJECTS : seqs >= SUMMARY_MIN_PROJECTS && seqs > liveProjects * SUMMARY_SHARE)) continue;
    let first = list[0];
    for (let i = 1; i < list.length; i++) if ((list[i].projectSeq ?? 0) < (first.projectSeq ?? 0)) first = list[i];
    const locations: FindingLocation[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) locations[i] = toLocation(list[i]);
    const s: Finding = {
      ruleId,
      severity: list[0].severity,
      message: `${liveProjects} 个项目中 ${seqs} 个${m.title}（共 ${list.length} 处；如第 ${first.projectSeq} 个项目：${first.message}）`,
      sheet: null,
      cell: null,
      projectCode: null,
      projectName: null,
      projectSeq: null,
      locations,
    };
    if (first.messageEn !== undefined) s.messageEn = `${seqs} of ${liveProjects} projects (${list.length} place(s)); e.g. project ${first.projectSeq}: ${first.messageEn}`;
    if (first.fix) {
      s.fix = `各项目逐一修改。以第 ${first.projectSeq} 个项目为例：${first.fix}`;
      if (first.fixEn !== undefined) s.fixEn = `Fix each project. For example, project ${first.projectSeq}: ${first.fixEn}`;
    }
    summaries.push(s);
    habit[li] = 1;
  }
  if (summaries.length === 0) return findings;
  const out: Finding[] = [];
  for (let i = 0; i < findings.length; i++) if (listOf[i] < 0 || habit[listOf[i]] === 0) out.push(findings[i]);
  for (const s of summaries) out.push(s);
  return out;
}

/** How many different projects a list of project findings is on (runs of one project are common). */
function distinctSeqs(list: Finding[]): number {
  const seen = new Set<number | null>();
  let last: number | null | undefined;
  for (const f of list) {
    if (f.projectSeq === last) continue;
    last = f.projectSeq;
    seen.add(last);
  }
  return seen.size;
}

function foldCells(findings: Finding[], meta: RefineInput["meta"]): Finding[] {
  // Project → sheet → cell, each cell holding its one finding until a second arrives: no key string
  // and no array per finding (most cells have one).
  const byProject = new Map<number | null, Map<string, Map<string, Finding | Finding[]>>>();
  const multi: Finding[][] = [];
  // Findings come in runs of one project and sheet: the last run's cell map is reused without lookups.
  let lastSeq: number | null | undefined;
  let lastSheet: string | undefined;
  let byCell: Map<string, Finding | Finding[]> | undefined;
  for (const f of findings) {
    if (f.cell === null) continue;
    const seq = f.projectSeq ?? null;
    const sheet = f.sheet ?? "";
    if (byCell === undefined || seq !== lastSeq || sheet !== lastSheet) {
      let bySheet = byProject.get(seq);
      if (!bySheet) byProject.set(seq, (bySheet = new Map()));
      byCell = bySheet.get(sheet);
      if (!byCell) bySheet.set(sheet, (byCell = new Map()));
      lastSeq = seq;
      lastSheet = sheet;
    }
    const g = byCell.get(f.cell);
    if (g === undefined) byCell.set(f.cell, f);
    else if (Array.isArray(g)) g.push(f);
    else {
      const pair = [g, f];
      byCell.set(f.cell, pair);
      multi.push(pair);
    }
  }
  if (multi.length === 0) return findings;
  const spec = (f: Finding) => meta(f.ruleId)?.specificity ?? 0;
  const drop = new Set<Finding>();
  const replace = new Map<Finding, Finding>();
  for (const g of multi) {
    let win = g[0];
    for (const f of g) {
      const d = SEVERITY_RANK[f.severity] - SEVERITY_RANK[win.severity];
      if (d > 0 || (d === 0 && spec(f) > spec(win))) win = f;
    }
    const folded: string[] = [];
    const titles: string[] = [];
    const titlesEn: string[] = [];
    const more: string[] = [];
    // English of `more`, in step; null once one of them has none.
    let moreEn: string[] | null = [];
    for (const f of g) {
      if (f === win) continue;
      drop.add(f);
      // The same rule twice on one cell (two counts in one goal): one finding says both.
      if (f.ruleId === win.ruleId && f.message !== win.message && !more.includes(f.message)) {
        more.push(f.message);
        if (f.messageEn === undefined) moreEn = null;
        else moreEn?.push(f.messageEn);
      }
      for (const id of [f.ruleId, ...(f.folded ?? [])]) {
        if (id === win.ruleId || folded.includes(id)) continue;
        folded.push(id);
        const m = meta(id);
        if (m?.title && !titles.includes(m.title)) titles.push(m.title);
        const en = m?.titleEn || id;
        if (!titlesEn.includes(en)) titlesEn.push(en);
      }
    }
    const merged: Finding = { ...win };
    if (folded.length > 0) merged.folded = [...(win.folded ?? []), ...folded];
    merged.message = [win.message, ...more].join("；") + (titles.length > 0 ? `${FOLDED_OPEN}${titles.join("、")}）` : "");
    // The English names the folded rules by their English titles (an id without a rule, by its id).
    if (win.messageEn !== undefined && moreEn !== null)
      merged.messageEn = [win.messageEn, ...moreEn].join("; ") + (titlesEn.length > 0 ? `${FOLDED_OPEN_EN}${titlesEn.join(", ")})` : "");
    else delete merged.messageEn;
    replace.set(win, merged);
  }
  const out: Finding[] = [];
  for (const f of findings) {
    if (drop.has(f)) continue;
    out.push(replace.get(f) ?? f);
  }
  return out;
}

const FOLDED_OPEN = "（同一单元格另有：";
const FOLDED_OPEN_EN = " (same cell also: ";

/**
 * A merged finding's message without the "（同一单元格另有：…）" note refine() appends: for a view that names
 * the folded rules on a line of its own (the pane's card), so the note is not said twice.
 */
export function withoutFoldedNote(message: string): string {
  const at = message.lastIndexOf(FOLDED_OPEN);
  if (at > 0 && message.endsWith("）")) return message.slice(0, at);
  // The English of a merged finding ends in " (same cell also: English titles)".
  const en = message.lastIndexOf(FOLDED_OPEN_EN);
  return en > 0 && message.endsWith(")") ? message.slice(0, en) : message;
}

function toLocation(f: Finding): FindingLocation {
  const l: FindingLocation = { projectSeq: f.projectSeq, sheet: f.sheet, cell: f.cell, message: f.message };
  if (f.messageEn !== undefined) l.messageEn = f.messageEn;
  if (f.fix) l.fix = f.fix;
  if (f.fixEn !== undefined) l.fixEn = f.fixEn;
  if (f.folded) l.folded = f.folded;
  return l;
}

export interface ProjectSummary {
  seq: number;
  code: string | null;
  name: string | null;
  error: number;
  warning: number;
  info: number;
  /** 错误 + 警告 on this project, including document-level summaries that list it. */
  mustFix: number;
}

/**
 * Per-project counts of the findings (projects in seq order; projects without findings omitted).
 * A document-level summary counts once for each project it lists.
 */
export function projectSummaries(findings: readonly Finding[]): ProjectSummary[] {
  const by = new Map<number, ProjectSummary>();
  const get = (seq: number, f: Finding | null): ProjectSummary => {
    let s = by.get(seq);
    if (!s) by.set(seq, (s = { seq, code: f?.projectCode ?? null, name: f?.projectName ?? null, error: 0, warning: 0, info: 0, mustFix: 0 }));
    else if (f && s.code === null && s.name === null) {
      s.code = f.projectCode;
      s.name = f.projectName;
    }
    return s;
  };
  for (const f of findings) {
    if (f.projectSeq !== null) {
      const s = get(f.projectSeq, f);
      s[f.severity]++;
      // A grouped finding stands for one item per row.
      if (f.severity !== "info") s.mustFix += f.locations ? f.locations.length : 1;
    } else if (f.locations) {
      const seen = new Set<number>();
      for (const l of f.locations) {
        if (l.projectSeq === null || seen.has(l.projectSeq)) continue;
        seen.add(l.projectSeq);
        const s = get(l.projectSeq, null);
        s[f.severity]++;
        if (f.severity !== "info") s.mustFix++;
      }
    }
  }
  return [...by.values()].sort((a, b) => a.seq - b.seq);
}
