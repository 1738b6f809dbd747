/**
 * The inbox in the pane and the page, UI-free: N picked files → each checked on its own (validate), then the
 * cross-file rules (src/model/inbox), the consolidated rows and summary, and the department's merged document.
 * Reads the picked files only — no port here: the open workbook is never read or written.
 */
import { toCanonicalJson } from "../../model/canonical";
import { checkInbox, inboxFileFindings, inboxRows, inboxSummary, mergeInbox, type InboxFile, type InboxFileOutcome, type InboxReport, type InboxRow } from "../../model/inbox";
import type { ExtraLabels } from "../../model/read/synonyms";
import type { JxmbDocument } from "../../model/schema";
import { validate } from "../../model/validate";
import { readPickedFile } from "./files";

export type InboxEntry = { file: string; document: JxmbDocument } | { file: string; error: string };

export interface InboxResult {
  report: InboxReport;
  outcomes: InboxFileOutcome[];
  rows: InboxRow[];
  summary: string;
  merged: { document: JxmbDocument; notes: string[] };
}

/** Check the files' documents one by one, then together. */
export function inboxOf(entries: readonly InboxEntry[]): InboxResult {
  const files: InboxFile[] = [];
  const own: Map<number, ReturnType<typeof validate>["findings"]> = new Map();
  for (const e of entries) {
    if (!("document" in e)) continue;
    own.set(files.length, validate(e.document).findings);
    files.push({ file: e.file, document: e.document });
  }
  const report = checkInbox(files);
  let k = 0;
  const outcomes: InboxFileOutcome[] = entries.map((e) => {
    if (!("document" in e)) return { file: e.file, projects: 0, findings: [], error: e.error };
    const i = k++;
    return { file: e.file, projects: e.document.projects.length, findings: inboxFileFindings(files, i, own.get(i) ?? []) };
  });
  return { report, outcomes, rows: inboxRows(outcomes, report), summary: inboxSummary(outcomes, report), merged: mergeInbox(files) };
}

/** Read the picked files (workbooks or JSON) in turn; one that cannot be read is reported, the rest go on. */
export async function readInboxFiles(files: readonly File[], labels: ExtraLabels | null | undefined, onFile?: (i: number, name: string) => void): Promise<InboxEntry[]> {
  const out: InboxEntry[] = [];
  // Two files of the same name (from two folders) stay apart in the report.
  const seen = new Map<string, number>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    onFile?.(i, f.name);
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    const name = n > 1 ? `${f.name} (${n})` : f.name;
    try {
      out.push({ file: name, document: (await readPickedFile(f, labels)).document });
    } catch (e) {
      out.push({ file: name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** The consolidated report as JSON: files, totals, the summary, every row (cross-file first). */
export function inboxJsonText(r: InboxResult): string {
  return (
    JSON.stringify(
      {
        files: r.outcomes.map((o) => ({ file: o.file, projects: o.projects, ...(o.error ? { error: o.error } : {}), ...(r.report.files.find((s) => s.file === o.file) ?? {}) })),
        projects: r.report.projects,
        total: r.report.total,
        crossFile: r.report.summary,
        summary: r.summary,
        findings: r.rows,
        // The English (messageEn, fixEn) is for the en-US views: the JSON stays as it was.
        crossFileFindings: r.report.findings.map(({ messageEn: _m, fixEn: _f, ...f }) => f),
        mergeNotes: r.merged.notes,
      },
      null,
      2,
    ) + "\n"
  );
}

export function mergedJsonText(r: InboxResult): string {
  return toCanonicalJson(r.merged.document);
}
