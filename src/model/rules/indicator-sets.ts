/**
 * Document facts about indicator rows shared by the copy rules (indicator/copied, indicator/near-duplicate):
 * each distinct 三级 + 指标值 (whitespace-free) gets a small integer id, every project its rows' ids and
 * the earliest project (by seq) with the identical set. Computed once per validate() run and shared,
 * so the rows are squashed and keyed once, not once per rule.
 */
import type { JxmbDocument, Project } from "../schema";
import { bySeq, squash, tableKey } from "./util";

/** Whole indicator sets are compared when they have at least this many rows. */
export const SET_MIN_ROWS = 3;

export interface IndicatorSets {
  /** The document's projects in seq order; every array below is indexed like it. */
  projects: Project[];
  /** Per project: the id of each row's 三级 + 指标值. */
  rowIds: Int32Array[];
  /** Per id: the whitespace-free 三级 and 指标值. */
  names: string[];
  raws: string[];
  /** Per project: the printed table it was read from (util.ts tableKey); projects of one table share it. */
  table: Int32Array;
  /**
   * Per project: the index of the earliest project of another table whose whole set (≥ SET_MIN_ROWS rows) is identical,
   * or -1 (none, or too few rows).
   */
  sameAs: Int32Array;
}

let memoProjects: readonly Project[] | null = null;
let memo: IndicatorSets | null = null;

/** Forget the previous run's sets (called by the engine's beginRun). */
export function resetIndicatorSets(): void {
  memoProjects = null;
  memo = null;
}

export function indicatorSets(doc: JxmbDocument): IndicatorSets {
  if (memo && memoProjects === doc.projects) return memo;
  const projects = bySeq(doc.projects);
  // A two-level map (三级 → 值 → id): no key string per row. A set is hashed from its ids and
  // confirmed by comparing id arrays: no signature string either.
  const ids = new Map<string, Map<string, number>>();
  const names: string[] = [];
  const raws: string[] = [];
  const rowIds: Int32Array[] = new Array(projects.length);
  const sameAs = new Int32Array(projects.length).fill(-1);
  const table = new Int32Array(projects.length);
  const tables = new Map<string, number>();
  for (let pi = 0; pi < projects.length; pi++) {
    const k = tableKey(projects[pi]);
    let t = k === null ? undefined : tables.get(k);
    if (t === undefined) {
      t = pi;
      if (k !== null) tables.set(k, t);
    }
    table[pi] = t;
  }
  const sets = new Map<number, number[]>(); // hash → project indices, first of each identity only
  for (let pi = 0; pi < projects.length; pi++) {
    const inds = projects[pi].indicators;
    const row = new Int32Array(inds.length);
    let h1 = 0x811c9dc5;
    let h2 = inds.length;
    for (let i = 0; i < inds.length; i++) {
      const ind = inds[i];
      const name = squash(ind.name);
      const raw = squash(ind.target.raw);
      let byRaw = ids.get(name);
      if (!byRaw) ids.set(name, (byRaw = new Map()));
      let id = byRaw.get(raw);
      if (id === undefined) {
        id = names.length;
        byRaw.set(raw, id);
        names.push(name);
        raws.push(raw);
      }
      row[i] = id;
      h1 = Math.imul(h1 ^ id, 0x01000193);
      h2 = (Math.imul(h2, 31) + id) | 0;
    }
    rowIds[pi] = row;
    if (inds.length < SET_MIN_ROWS) continue;
    const key = (h1 >>> 0) * 0x200000 + (h2 & 0x1fffff);
    const same = sets.get(key);
    if (!same) {
      sets.set(key, [pi]);
      continue;
    }
    let sameTable = false;
    for (const qi of same)
      if (sameIds(rowIds[qi], row)) {
        // The same rows in another county's column of one table are that table's own rows.
        if (table[qi] === table[pi]) sameTable = true;
        else sameAs[pi] = qi;
        break;
      }
    if (sameAs[pi] < 0 && !sameTable) same.push(pi);
  }
  memoProjects = doc.projects;
  memo = { projects, rowIds, names, raws, sameAs, table };
  return memo;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
