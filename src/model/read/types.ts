/**
 * Reader contracts. A layout recogniser finds its tables in a sheet by their labels (never by fixed
 * offsets) and extracts projects with the source cell of every field.
 */
import type { Grid, GridSheet } from "../grid";
import type { JxmbDocument, LayoutName, Overview, Project, ProfileName, DeclaredTotals } from "../schema";

/** A problem met while reading (not a validation finding): shown to the user with sheet and cell. */
export interface ReadProblem {
  severity: "error" | "warning" | "info";
  message: string; // zh-CN, names the sheet and the cell
  sheet: string | null;
  cell: string | null;
}

export interface SheetReadResult {
  projects: Project[]; // seq is assigned by readWorkbook in document order
  overview?: Overview | null;
  declaredTotals?: DeclaredTotals | null;
  department?: { code: string | null; name: string | null };
  fiscalYear?: number | null;
  title?: string | null;
  problems: ReadProblem[];
}

export interface LayoutReader {
  /** The layout of the projects it reads; "department-overall" reads no project, only the department overview. */
  layout: LayoutName | "department-overall";
  /** Cheap test: does this sheet hold at least one table of this layout? */
  detect(sheet: GridSheet, grid: Grid): boolean;
  read(sheet: GridSheet, grid: Grid): SheetReadResult;
}

export interface ReadOptions {
  profile?: ProfileName; // default: guessed from the layouts found (ningxia for Ningxia tables, else hebei)
}

export interface ReadResult {
  document: JxmbDocument;
  problems: ReadProblem[];
}
