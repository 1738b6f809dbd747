/**
 * Hebei layout (seeds 000 卢龙县, 001 乐亭县). Work in progress: full reader lands in the next commit.
 */
import type { GridSheet } from "../grid";
import type { Project } from "../schema";
import type { LayoutReader, SheetReadResult } from "./types";

/** Hebei project codes: 6-digit division + 2-digit year + P + 12 alphanumerics (spaces removed). */
export const HEBEI_CODE = /^(\d{6})(\d{2})P[0-9A-Z]{12}$/;

/** The budget year encoded in the codes, when every Hebei-style code agrees; else null. */
export function inferFiscalYearFromCodes(projects: Project[]): number | null {
  const years = new Set<number>();
  for (const p of projects) {
    const m = p.code ? HEBEI_CODE.exec(p.code) : null;
    if (m) years.add(2000 + Number(m[2]));
  }
  return years.size === 1 ? [...years][0] : null;
}

export const hebeiReader: LayoutReader = {
  layout: "hebei",
  detect(_sheet: GridSheet): boolean {
    return false;
  },
  read(_sheet: GridSheet): SheetReadResult {
    return { projects: [], problems: [] };
  },
};
