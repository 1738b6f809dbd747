/** Sums of project 预算数 across the inbox, per unit and per file, in exact 分 (shared by the total rules). */
import type { InboxFile } from "../types";
import { wanToFen } from "../../money";
import { squash } from "../../rules/util";

export interface UnitSums {
  /** 分 per file index (files without a project of the unit are absent). */
  fen: Map<number, number>;
  /** Projects per file index (with or without a 预算数). */
  count: Map<number, number>;
  /** Redacted projects (涉密, no amount) of the unit. */
  redacted: number;
}

export interface InboxSums {
  byCode: Map<string, UnitSums>;
  byName: Map<string, UnitSums>;
  /** 分 per file. */
  fileFen: number[];
  allFen: number;
  redacted: number;
}

const unitCode = (s: string | null) => squash(s).toUpperCase();

function add(map: Map<string, UnitSums>, key: string, fi: number, fen: number | null, redacted: boolean): void {
  let u = map.get(key);
  if (!u) map.set(key, (u = { fen: new Map(), count: new Map(), redacted: 0 }));
  u.count.set(fi, (u.count.get(fi) ?? 0) + 1);
  if (fen !== null) u.fen.set(fi, (u.fen.get(fi) ?? 0) + fen);
  else if (!u.fen.has(fi)) u.fen.set(fi, 0);
  if (redacted) u.redacted++;
}

export function inboxSums(files: readonly InboxFile[]): InboxSums {
  const byCode = new Map<string, UnitSums>();
  const byName = new Map<string, UnitSums>();
  const fileFen: number[] = [];
  let allFen = 0;
  let redacted = 0;
  files.forEach((f, fi) => {
    let sum = 0;
    for (const p of f.document.projects) {
      const t = p.budget.total;
      const fen = t === null || !Number.isFinite(wanToFen(t)) ? null : wanToFen(t);
      if (fen !== null) sum += fen;
      if (p.redacted) redacted++;
      const code = unitCode(p.unit.code);
      const name = squash(p.unit.name);
      if (code) add(byCode, code, fi, fen, p.redacted);
      if (name) add(byName, name, fi, fen, p.redacted);
    }
    fileFen.push(sum);
    allFen += sum;
  });
  return { byCode, byName, fileFen, allFen, redacted };
}

/** The unit a declared row names: by its code, else by its name (as budget/total-mismatch matches). */
export function unitOf(sums: InboxSums, code: string | null, name: string | null): UnitSums | null {
  const c = unitCode(code);
  if (c) return sums.byCode.get(c) ?? null;
  const n = squash(name);
  return n ? (sums.byName.get(n) ?? null) : null;
}

export function total(m: Map<number, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

/**
 * Does file `fi` declare totals for the department rather than for itself? A file without projects of
 * its own that declares totals (a department's 汇总), or one that declares a unit whose projects are in
 * other files. A unit's own workbook declares its own total, which budget/total-mismatch checks.
 */
export function isSummaryFile(files: readonly InboxFile[], sums: InboxSums, fi: number): boolean {
  const dt = files[fi].document.declaredTotals;
  if (!dt) return false;
  if (files[fi].document.projects.length === 0) return true;
  return dt.units.some((u) => {
    const s = unitOf(sums, u.code, u.name);
    return s !== null && [...s.count.keys()].some((k) => k !== fi);
  });
}
