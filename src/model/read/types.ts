/**
 * Reader contracts. A layout recogniser finds its tables in a sheet by their labels (never by fixed
 * offsets) and extracts projects with the source cell of every field.
 */
import type { Grid, GridSheet } from "../grid";
import type { JxmbDocument, FiscalYearSource, LayoutName, Overview, Project, ProfileName, DeclaredTotals } from "../schema";
import type { SynonymTable } from "./synonyms";

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
  /** Where fiscalYear was read: printed in a title/caption (default), or inferred from a project name or period. */
  fiscalYearSource?: FiscalYearSource;
  title?: string | null;
  problems: ReadProblem[];
}

export interface LayoutReader {
  /** The layout of the projects it reads; "department-overall" reads no project, only the department overview. */
  layout: LayoutName | "department-overall";
  /** Cheap test: does this sheet hold at least one table of this layout? */
  detect(sheet: GridSheet, grid: Grid, opts?: ReadOptions): boolean;
  read(sheet: GridSheet, grid: Grid, opts?: ReadOptions): SheetReadResult;
}

export interface ReadOptions {
  profile?: ProfileName; // default: what the workbook declares, else inferred from the form's layout (read/profile.ts), else hebei
  /** The synonym table (DEFAULT_SYNONYMS extended by a user's --labels file); default DEFAULT_SYNONYMS. */
  synonyms?: SynonymTable;
}

export interface ReadResult {
  document: JxmbDocument;
  problems: ReadProblem[];
  /**
   * Set when no table was found at all: a zh-CN sentence saying what was seen (“在 Sheet1!A9 找到指标表头，
   * 但没有找到项目名称；已识别的标签：…”). The CLI exits 2 with it; the pane says 未找到绩效目标表.
   */
  unrecognised?: string | null;
  /** How document.profile was chosen: the caller's option, the workbook's declaration, inferred from the layout, or the default. */
  profileSource?: "option" | "declared" | "inferred" | "default";
  /** zh-CN: what in the form decided an inferred profile (“成本指标(0-20)分”是一级指标…); null otherwise. */
  profileReason?: string | null;
}
