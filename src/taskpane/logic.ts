/**
 * UI-free logic of the task pane: run a validation through a port, group and filter findings, write the
 * Chinese e-mail summary. Pure except for the port call, so jest tests it in Node.
 */
import { sheetRef } from "../model/grid";
import { readWorkbook } from "../model/read/index";
import type { ReadProblem } from "../model/read/types";
import type { Finding, Report, Severity } from "../model/rules/types";
import type { JxmbDocument, ProfileName } from "../model/schema";
import { validate } from "../model/validate";
import type { ReadProgress, WorkbookPort } from "./excel/port";

export const PROFILE_LABELS: Record<ProfileName, string> = {
  hebei: "河北",
  ningxia: "宁夏",
  "central-2021": "中央2021",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export interface RunResult {
  document: JxmbDocument;
  problems: ReadProblem[];
  report: Report;
  profile: ProfileName;
  sheetCount: number;
  /** ms spent reading the workbook through the port, and in readWorkbook + validate */
  readMs: number;
  checkMs: number;
}

/** Read through the port, recognise the layouts, validate. `profile` undefined = the document's own guess. */
export async function runValidation(
  port: WorkbookPort,
  profile: ProfileName | undefined,
  onProgress?: (p: ReadProgress) => void,
): Promise<RunResult> {
  const t0 = Date.now();
  const grid = await port.readWorkbook(onProgress);
  const t1 = Date.now();
  onProgress?.({ fraction: 1, message: "正在识别表格并校验……" });
  const { document, problems } = readWorkbook(grid, profile ? { profile } : {});
  const report = validate(document, profile ? { profile } : {});
  return {
    document,
    problems,
    report,
    profile: profile ?? document.profile,
    sheetCount: grid.sheets.length,
    readMs: t1 - t0,
    checkMs: Date.now() - t1,
  };
}

export interface FindingGroup {
  key: string;
  /** "3. 安保指挥中心工作经费（13032423P0044281013）" or "工作簿（不属于某个项目）" */
  title: string;
  projectSeq: number | null;
  findings: Finding[];
  counts: Record<Severity, number>;
}

export function projectTitle(f: Pick<Finding, "projectSeq" | "projectName" | "projectCode">): string {
  if (f.projectSeq === null && !f.projectName && !f.projectCode) return "工作簿（不属于某个项目）";
  const seq = f.projectSeq !== null ? `${f.projectSeq}. ` : "";
  const name = f.projectName ?? "（未填项目名称）";
  return `${seq}${name}${f.projectCode ? `（${f.projectCode}）` : ""}`;
}

/** Group findings by project, keeping the report's order (projects in document order). */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = f.projectSeq !== null ? `p${f.projectSeq}` : `x${f.projectCode ?? ""}|${f.projectName ?? ""}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, title: projectTitle(f), projectSeq: f.projectSeq, findings: [], counts: { error: 0, warning: 0, info: 0 } };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.counts[f.severity]++;
  }
  return [...groups.values()];
}

export interface FindingFilter {
  severities: Set<Severity>;
  /** "" = all rules */
  ruleId: string;
}

export function filterFindings(findings: Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => filter.severities.has(f.severity) && (!filter.ruleId || f.ruleId === filter.ruleId));
}

/** Rule ids present in the findings with their counts, sorted by id. */
export function ruleCounts(findings: Finding[]): { ruleId: string; count: number }[] {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([ruleId, count]) => ({ ruleId, count }));
}

export function cellLabel(sheet: string | null, cell: string | null): string {
  if (!sheet && !cell) return "";
  return sheetRef(sheet, cell);
}

/**
 * A short Chinese summary for e-mail: counts, then the cells to fix (errors first, then warnings), capped so it
 * stays readable; info findings are counted but not listed.
 */
export function summaryText(run: RunResult, maxLines = 40): string {
  const { report, document } = run;
  const s = report.summary;
  const lines: string[] = [];
  const who = [document.department.name, document.fiscalYear ? `${document.fiscalYear}年` : null].filter(Boolean).join(" ");
  lines.push(`绩效目标表校验摘要${who ? `（${who}）` : ""}`);
  lines.push(
    `规则：${PROFILE_LABELS[run.profile]}；项目 ${document.projects.length} 个；错误 ${s.error} 条，警告 ${s.warning} 条，提示 ${s.info} 条。`,
  );
  if (run.problems.length) lines.push(`读取问题 ${run.problems.length} 条（见任务窗格）。`);
  const toFix = report.findings.filter((f) => f.severity !== "info");
  if (toFix.length === 0) {
    lines.push("没有需要修改的单元格。");
  } else {
    lines.push("需要修改的单元格：");
    const ordered = [...toFix.filter((f) => f.severity === "error"), ...toFix.filter((f) => f.severity === "warning")];
    ordered.slice(0, maxLines).forEach((f, i) => {
      const where = cellLabel(f.sheet, f.cell) || "（无单元格）";
      lines.push(`${i + 1}. [${SEVERITY_LABELS[f.severity]}] ${where} ${projectTitle(f)}：${f.message}`);
    });
    if (ordered.length > maxLines) lines.push(`……另有 ${ordered.length - maxLines} 条，请在任务窗格中查看。`);
  }
  return lines.join("\n") + "\n";
}

/** File name for an export: "<部门> <年>绩效目标.json", stripped of characters file systems refuse. */
export function exportFileName(doc: JxmbDocument, ext: string): string {
  const base = [doc.department.name, doc.fiscalYear ? `${doc.fiscalYear}年` : null, "绩效目标"].filter(Boolean).join("");
  return `${base.replace(/[\\/:*?"<>|]/g, "_")}.${ext}`;
}
