/** Helpers the cross-file rules share: how a file and a project are named in messages, what "same project" means. */
import type { Project } from "../../schema";
import { squash } from "../../rules/util";
import { copiedGoalKey } from "../../rules/goal/copied";
import { copiedIndicatorSetKey } from "../../rules/indicator/copied";
import { wanToFen } from "../../money";

/** A file as messages name it: its base name (a path's folders add nothing the user needs there). */
export function fileLabel(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return `“${base || file}”`;
}

/** "第 3 个项目（名称）" as the per-file messages say it. */
export function projectLabel(p: Project): string {
  return `第 ${p.seq} 个项目（${p.name ?? "无名称"}）`;
}

/**
 * The content of a project as a submission: name, 预算数 and the goal and indicator sets (in the copy
 * rules' own terms). Null for a project with no name, a redacted one, or one without goals and
 * indicators (an empty table says nothing about being the same project).
 */
export function contentKey(p: Project): string | null {
  const name = squash(p.name);
  if (!name || p.redacted) return null;
  const goals = copiedGoalKey(p);
  const inds = copiedIndicatorSetKey(p, 1);
  if (goals === null && inds === null) return null;
  const total = p.budget.total === null ? "" : String(wanToFen(p.budget.total));
  return [name, total, goals ?? "", inds ?? ""].join("\u0003");
}

export function sameContent(a: Project, b: Project): boolean {
  const ka = contentKey(a);
  return ka !== null && ka === contentKey(b);
}
