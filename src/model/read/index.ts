/**
 * Workbook reader: runs every layout recogniser over every sheet and merges what they find into one
 * canonical document, in document order (sheet order, then top to bottom). Never throws: a reader
 * that crashes becomes a ReadProblem naming the sheet.
 */
import type { Grid, GridSheet } from "../grid";
import type { DeclaredTotals, JxmbDocument, Overview, Project, ProfileName } from "../schema";
import { emptyDocument } from "../schema";
import type { LayoutReader, ReadOptions, ReadProblem, ReadResult, SheetReadResult } from "./types";
import { templateReader } from "./template";
import { hebeiReader, inferFiscalYearFromCodes } from "./hebei";
import { chengdeReader } from "./chengde";
import { ningxiaReader } from "./ningxia";
import { readDepartmentPart } from "./department";
import { selfEvalReader } from "./self-eval";
import { departmentOverallReader } from "./department-overall";

export type { LayoutReader, ReadOptions, ReadProblem, ReadResult, SheetReadResult } from "./types";

/**
 * Readers in priority order. On each sheet the first reader whose `detect` says yes and that finds
 * something wins; later readers are not asked about that sheet (the layouts share labels such as
 * 项目编码, so two readers must not both claim the same tables).
 *
 * Our own template comes first (it carries 项目编码 too, and round-trips losslessly through its own
 * reader); 承德 comes before Hebei: both carry 项目编码 (hebei.detect also steps aside at 符号).
 */
export const DEFAULT_READERS: LayoutReader[] = [templateReader, selfEvalReader, departmentOverallReader, chengdeReader, hebeiReader, ningxiaReader];

export interface ReadWorkbookOptions extends ReadOptions {
  /** Override the reader list (tests, or a caller that knows the layout). */
  readers?: LayoutReader[];
}

function crashMessage(sheet: GridSheet, reader: LayoutReader, e: unknown): ReadProblem {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    severity: "error",
    message: `工作表“${sheet.name}”按 ${reader.layout} 版式读取时出错，已跳过该表：${detail}（reader crashed）`,
    sheet: sheet.name,
    cell: null,
  };
}

function firstRow(p: Project): number {
  const ref = p.source.range?.split(":")[0] ?? "";
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

function mergeOverview(a: Overview | null, b: Overview | null | undefined): Overview | null {
  if (!b) return a;
  if (!a) return b;
  const merged: Overview = {
    summary: a.summary ?? b.summary,
    items: [...a.items, ...b.items],
    safeguards: a.safeguards ?? b.safeguards,
    source: a.source ?? b.source,
  };
  // The department-overall table's keys (absent on the prose department part).
  const goals = a.goals ?? b.goals;
  const budget = a.budget ?? b.budget;
  const duties = a.duties || b.duties ? [...(a.duties ?? []), ...(b.duties ?? [])] : undefined;
  const indicators = a.indicators || b.indicators ? [...(a.indicators ?? []), ...(b.indicators ?? [])] : undefined;
  if (goals) merged.goals = goals;
  if (budget) merged.budget = budget;
  if (duties) merged.duties = duties;
  if (indicators) merged.indicators = indicators;
  return merged;
}

/**
 * seq: the number printed in the table's title when there is one and it is not already taken,
 * otherwise the table's position in the document (1-based). Readers put the printed number in
 * `seq` (0 when none).
 */
function assignSeq(projects: Project[]): void {
  const used = new Set<number>();
  const printed = projects.map((p) => (p.seq > 0 ? p.seq : 0));
  const counts = new Map<number, number>();
  for (const n of printed) if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
  projects.forEach((p, i) => {
    const n = printed[i];
    if (n > 0 && counts.get(n) === 1) {
      p.seq = n;
      used.add(n);
    } else p.seq = 0;
  });
  let next = 1;
  projects.forEach((p, i) => {
    if (p.seq > 0) return;
    let cand = i + 1;
    if (used.has(cand)) {
      while (used.has(next)) next++;
      cand = next;
    }
    p.seq = cand;
    used.add(cand);
  });
}

export function readWorkbook(grid: Grid, opts?: ReadWorkbookOptions): ReadResult {
  const readers = opts?.readers ?? DEFAULT_READERS;
  const problems: ReadProblem[] = [];
  const projects: Project[] = [];
  let overview: Overview | null = null;
  let declared: DeclaredTotals | null = null;
  let fiscalYear: number | null = null;
  let title: string | null = null;
  let department: { code: string | null; name: string | null } = { code: null, name: null };
  // A reader may report the profile written in the workbook (our template records it on its 部门 sheet).
  let declaredProfile: ProfileName | null = null;

  const take = (res: SheetReadResult) => {
    projects.push(...[...res.projects].sort((a, b) => firstRow(a) - firstRow(b)));
    overview = mergeOverview(overview, res.overview);
    if (!declared && res.declaredTotals) declared = res.declaredTotals;
    if (fiscalYear === null && res.fiscalYear != null) fiscalYear = res.fiscalYear;
    if (title === null && res.title) title = res.title;
    const rp = (res as SheetReadResult & { profile?: ProfileName | null }).profile;
    if (declaredProfile === null && rp) declaredProfile = rp;
    if (res.department) {
      department = { code: department.code ?? res.department.code, name: department.name ?? res.department.name };
    }
    problems.push(...res.problems);
  };

  for (const sheet of grid.sheets) {
    let claimed = false;
    for (const reader of readers) {
      let detected = false;
      try {
        detected = reader.detect(sheet, grid);
      } catch (e) {
        problems.push(crashMessage(sheet, reader, e));
        continue;
      }
      if (!detected) continue;
      try {
        const res = reader.read(sheet, grid);
        const found = res.projects.length > 0 || !!res.overview || !!res.declaredTotals;
        take(res);
        if (found) {
          claimed = true;
          break;
        }
      } catch (e) {
        problems.push(crashMessage(sheet, reader, e));
      }
    }
    // The department part (总体/分项绩效目标, 工作保障措施) is layout-independent prose.
    if (!claimed || !overview) {
      try {
        const dep = readDepartmentPart(sheet);
        if (dep) take(dep);
      } catch (e) {
        problems.push({
          severity: "error",
          message: `工作表“${sheet.name}”的部门整体绩效目标读取出错：${e instanceof Error ? e.message : String(e)}`,
          sheet: sheet.name,
          cell: null,
        });
      }
    }
  }

  assignSeq(projects);

  if (fiscalYear === null) {
    const inferred = inferFiscalYearFromCodes(projects);
    if (inferred !== null) {
      fiscalYear = inferred;
      problems.push({
        severity: "info",
        message: `工作簿未写明预算年度，已按项目编码中的年度推断为 ${inferred} 年（fiscal year inferred from project codes）`,
        sheet: null,
        cell: null,
      });
    }
  }

  // Explicit option, else what the workbook declares, else a guess from the layouts read.
  const profile: ProfileName = opts?.profile ?? declaredProfile ?? (projects.some((p) => p.layout === "ningxia") ? "ningxia" : "hebei");
  const doc: JxmbDocument = emptyDocument(profile);
  doc.fiscalYear = fiscalYear;
  doc.department = department;
  doc.title = title;
  doc.overview = overview;
  doc.declaredTotals = declared;
  doc.projects = projects;

  if (projects.length === 0 && !overview) {
    problems.push({
      severity: "error",
      message: "未在工作簿中找到任何绩效目标表（应包含“项目名称”“绩效目标”“一级指标”等栏目）（no performance-target table found）",
      sheet: null,
      cell: null,
    });
  }
  return { document: doc, problems };
}
