/**
 * The seal in the task pane and the page, UI-free (jest runs it in Node over the ports):
 *  - sealWorkbook: write the seal and its visible status through the port (2 round trips; the workbook is not read
 *    back: the write applied to the checked grid is what it holds); resolves to the write that takes it all back (撤销);
 *  - verdictView: 已校验且未修改 / 校验后已修改 + what changed, short lines ("项目 3 的 预算数：80 万元 → 95 万元",
 *    "项目 7 新增 2 条指标") and the rows with their cells in the current workbook;
 *  - sealedCopy: the page's way — a sealed copy of the opened file, never the original.
 */
import { parseCanonicalJson, toCanonicalJson } from "../../model/canonical";
import { businessChanges, diffRows, fieldLabel, hasBusinessChanges, projectLabel, showValue, type DiffRow, type DocumentDiff } from "../../model/diff";
import type { Grid } from "../../model/grid";
import { withoutExceptionsSheet } from "../../model/exceptions";
import { readWorkbook } from "../../model/read/index";
import type { ExtraLabels } from "../../model/read/synonyms";
import { decompressText, makeSeal, readSeal, sha256Hex, verifySeal, VERDICT_LABEL, type Seal, type Verdict } from "../../model/seal";
import { planSealWrite, type SealWrite } from "../../model/seal-status";
import type { JxmbDocument } from "../../model/schema";
import type { ReadProgress, SealSheetWrite, WorkbookPort } from "../excel/port";
import { applySealWrite } from "../excel/memorySeal";

export interface SealDone {
  seal: Seal;
  plan: SealWrite;
  /** Puts the workbook back as it was before the seal (port.writeSeal(undo)). */
  undo: SealSheetWrite;
  /** The workbook after the write: the grid sealed with the write applied (its verdict is 已校验且未修改). */
  grid: Grid;
  document: JxmbDocument;
  /** The readers see in `grid` exactly the sealed content (so the last check's findings still hold). */
  exact: boolean;
}

const readOpts = (labels?: ExtraLabels | null) => (labels ? { labels } : {});

/**
 * Seal the open workbook through the port. `grid`/`doc`: the last check's read (read first when absent). Only the
 * write goes to the workbook (2 round trips): what it holds afterwards is the grid with the write applied
 * (applySealWrite), so the readers' view of it is checked here, not by reading the workbook back. Should the
 * readers see other content with the status cell filled in, the seal is made once more from what they see.
 */
export async function sealWorkbook(
  port: WorkbookPort,
  opts: { name: string | null; time?: Date; grid?: Grid; document?: JxmbDocument; labels?: ExtraLabels | null; onProgress?: (p: ReadProgress) => void },
): Promise<SealDone> {
  const grid = opts.grid ?? (await port.readWorkbook(opts.onProgress));
  let doc = opts.document ?? readWorkbook(withoutExceptionsSheet(grid), readOpts(opts.labels)).document;
  const time = opts.time ?? new Date();
  for (let attempt = 0; ; attempt++) {
    const seal = await makeSeal(doc, { time, name: opts.name });
    const plan = planSealWrite(seal, grid, doc, readOpts(opts.labels));
    const write: SealSheetWrite = { sheet: plan.sheet, cells: plan.cells };
    const after = applySealWrite(grid, write).grid;
    const now = readWorkbook(withoutExceptionsSheet(after), readOpts(opts.labels)).document;
    const same = (await sha256Hex(toCanonicalJson(now))) === seal.hash;
    if (same || attempt === 1) {
      const undo = await port.writeSeal(write);
      return { seal, plan, undo, grid: after, document: now, exact: same };
    }
    doc = now;
  }
}

/** One short line per change, the project named by its number: what the status line lists. */
export function changeHeadlines(d: DocumentDiff): string[] {
  const b = businessChanges(d);
  const out: string[] = [];
  for (const f of b.document) out.push(`${fieldLabel(f.path)}：${showValue(f.path, f.before)} → ${showValue(f.path, f.after)}`);
  for (const c of b.projects) {
    if (c.kind === "added") out.push(`新增 ${projectLabel(c.project, c.bIndex)}`);
    else if (c.kind === "removed") out.push(`删除 ${projectLabel(c.project, c.aIndex)}`);
    else {
      const n = `项目 ${c.bIndex + 1}`;
      if (c.before.name !== c.after.name) out.push(`${n} 更名：${showValue(["name"], c.before.name)} → ${showValue(["name"], c.after.name)}`);
      for (const f of c.fields) {
        if (f.path[0] === "name") continue;
        out.push(f.path[0] === "goals" ? `${n} 的 绩效目标` : `${n} 的 ${fieldLabel(f.path)}：${showValue(f.path, f.before)} → ${showValue(f.path, f.after)}`);
      }
      const count = (k: "added" | "removed" | "changed") => c.indicators.filter((i) => i.kind === k).length;
      if (count("added")) out.push(`${n} 新增 ${count("added")} 条指标`);
      if (count("removed")) out.push(`${n} 删除 ${count("removed")} 条指标`);
      if (count("changed")) out.push(`${n} 修改 ${count("changed")} 条指标`);
    }
  }
  return out;
}

export interface VerdictView {
  status: Verdict["status"];
  /** 已校验且未修改 / 校验后已修改 / 未校验 */
  label: string;
  /** 校验时间 …, 校验人 …; counts at sealing time. */
  record: string[];
  /** Why (a damaged seal, only positions moved). */
  reason: string | null;
  headlines: string[];
  /** Each change with its cell in the current workbook (removals: in the sealed version, no cell to go to). */
  rows: DiffRow[];
}

/** The seal's verdict on the workbook as read. */
export async function verdictOf(grid: Grid, doc: JxmbDocument): Promise<{ verdict: Verdict; view: VerdictView }> {
  const verdict = await verifySeal(grid, doc);
  return { verdict, view: await viewOf(verdict, doc) };
}

async function viewOf(v: Verdict, doc: JxmbDocument): Promise<VerdictView> {
  const view: VerdictView = { status: v.status, label: VERDICT_LABEL[v.status], record: [], reason: null, headlines: [], rows: [] };
  if (v.status === "unsealed") return view;
  const s = v.seal;
  if (s) {
    view.record.push(`校验时间：${localTime(s.time)}${s.name ? `，校验人：${s.name}` : ""}`);
    view.record.push(`校验时：${s.counts.projects} 个项目，${s.counts.indicators} 条指标，错误 ${s.counts.errors} 项，警告 ${s.counts.warnings} 项`);
  }
  if (v.status === "modified") {
    view.reason = v.reason;
    if (v.diff && hasBusinessChanges(v.diff)) {
      view.headlines = changeHeadlines(v.diff);
      const sealed = s ? await parseSealedContent(s) : null;
      view.rows = sealed ? diffRows(v.diff, sealed, doc) : [];
    }
  }
  return view;
}

/** The document as it was sealed (verifySeal has checked it against the hash before a diff exists). */
async function parseSealedContent(s: Seal): Promise<JxmbDocument | null> {
  try {
    const parsed = parseCanonicalJson(await decompressText(s.content));
    return parsed.ok ? parsed.document : null;
  } catch {
    return null;
  }
}

/** ISO time → "2026-01-02 11:04" in the viewer's time zone (the seal stores UTC). */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Does the grid carry a seal sheet at all (cheap: no content read)? */
export function hasSeal(grid: Grid): boolean {
  return readSeal(grid).found;
}
