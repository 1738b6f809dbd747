/**
 * `jxmb validate` over many files: the per-file step (shared by the in-process path and the worker
 * threads, so both give the same outcome for the same file) and the choice between them.
 * Results always come back in input order, whatever order the workers finish in, so the report of
 * a pool run is byte-identical to a `--jobs 1` run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { ReadLimits } from "../xlsx/limits";
import type { ExtraLabels } from "../model/read/synonyms";
import { CliError, type Bilingual } from "./errors";
import type { FileOutcome } from "./report";

/** What the per-file step needs; plain data, so it can be handed to a worker as workerData. */
export interface CheckOptions {
  profile?: ProfileName;
  /** Read limits raised or lowered on the command line (missing entries: DEFAULT_LIMITS). */
  limits?: Partial<ReadLimits>;
  /** Extra label spellings from --labels (plain data, so it crosses to the workers). */
  labels?: ExtraLabels;
  /**
   * Hand the document back for the inbox's cross-file checks: "slim" (what the cross-file rules read,
   * src/model/inbox/slim.ts) or "full" (for --merge). Absent: only the findings come back.
   */
  keep?: "slim" | "full";
}

/** An error as printed on stderr: plain data (it crosses the worker boundary), both languages (the parent picks). */
export interface ErrorInfo {
  zh: string;
  en: string;
  hint: Bilingual | null;
  /** Stack of the underlying error, shown only with JXMB_DEBUG=1. */
  debug: string | null;
}

export interface FileResult {
  outcome: FileOutcome;
  /** The file's document, when CheckOptions.keep asks for it (plain data: it crosses the worker boundary). */
  document?: JxmbDocument;
  /** Set when the file could not be checked (then outcome.ok is false). */
  error?: ErrorInfo;
}

export function errorInfo(e: CliError): ErrorInfo {
  const cause = (e as { cause?: unknown }).cause;
  const stack = cause instanceof Error ? cause.stack : e.stack;
  return { zh: e.zh, en: e.en, hint: e.hint, debug: stack ?? null };
}

export function failed(file: string, e: CliError): FileResult {
  return { outcome: { ok: false, file, zh: e.zh, en: e.en }, error: errorInfo(e) };
}

/**
 * Read, check and summarise one workbook. Never throws: every failure becomes a per-file error.
 * The bytes are dropped when this returns, so a worker holds one workbook at a time.
 */
export async function checkFile(file: string, opts: CheckOptions): Promise<FileResult> {
  // Loaded lazily: a pool's parent never parses a workbook and need not load exceljs.
  const { analyseWorkbook, readFailure, readWorkbookFile } = await import("./pipeline");
  const { slimForInbox } = await import("../model/inbox/slim");
  try {
    const bytes = readWorkbookFile(file, opts.limits);
    const { document, findings, accepted } = await analyseWorkbook(bytes, file, opts.profile, opts.limits, opts.labels);
    return {
      outcome: {
        ok: true,
        file,
        projects: document.projects.map((p) => ({ seq: p.seq, code: p.code, name: p.name, sheet: p.source.sheet })),
        ...(document.overview?.indicators ? { department: { indicators: document.overview.indicators.length, duties: document.overview.duties?.length ?? 0 } } : {}),
        ...(document.declaredTotals ? { declared: { department: document.declaredTotals.department, units: document.declaredTotals.units.length } } : {}),
        findings,
        accepted,
      },
      ...(opts.keep ? { document: opts.keep === "full" ? document : slimForInbox(document) } : {}),
    };
  } catch (err) {
    return failed(file, readFailure(err, file));
  }
}

/** The compiled worker next to this module (lib/cli/worker.js); absent when running from src/ via ts-jest/tsx. */
export function workerScript(): string | null {
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

export interface BatchOptions {
  check: CheckOptions;
  /** Worker threads wanted; 1 = in-process, one file after another. */
  jobs: number;
  /** Workers to start when the pool is used (default: jobs); fewer when memory is short. */
  workers?: number;
  /** Per-worker heap cap (MB), i.e. per file being checked. */
  maxWorkerMb: number;
  /** What the cap was derived from (null: given with --max-worker-mb), for the message when a file exceeds it. */
  capFrom?: { availableMb: number; workers: number } | null;
  /** Use workers even for a single file (so --max-worker-mb applies). */
  forcePool?: boolean;
  /** Called as each file finishes (completion order). */
  onResult: (index: number, result: FileResult) => void;
  /** Where a worker's stray stdout goes (never our stdout: it carries the report). */
  onWorkerOutput: (text: string) => void;
}

export async function checkFiles(files: readonly string[], opts: BatchOptions): Promise<FileResult[]> {
  const script = workerScript();
  const usePool = script !== null && opts.jobs > 1 && (files.length > 1 || opts.forcePool === true);
  if (usePool) {
    const { runPool } = await import("./pool");
    return runPool(files, {
      script,
      workers: Math.min(opts.workers ?? opts.jobs, files.length),
      maxWorkerMb: opts.maxWorkerMb,
      capFrom: opts.capFrom ?? null,
      check: opts.check,
      onResult: opts.onResult,
      onWorkerOutput: opts.onWorkerOutput,
    });
  }
  const results: FileResult[] = [];
  for (let i = 0; i < files.length; i++) {
    const r = await checkFile(files[i], opts.check);
    results.push(r);
    opts.onResult(i, r);
  }
  return results;
}
