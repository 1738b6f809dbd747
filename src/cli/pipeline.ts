/**
 * The CLI's plumbing over the shared model: bytes → Grid → document → report / canonical JSON, and
 * canonical JSON → template workbook bytes. No printing here; callers decide what goes where.
 * Also used in-process by the round-trip tests, so the CLI and the tests exercise the same code.
 */
import * as path from "node:path";
import { checkFileSize, loadGrid, WorkbookReadError, type ReadLimits } from "../xlsx/read";
import { nodeInflate } from "../xlsx/node-inflate";
import { limitsFrom, type LimitName } from "../xlsx/limits";
import { LabelsFileError, parseLabelsJson, readWorkbook, type ExtraLabels } from "../model/read";
import { applyExceptions, EXCEPTIONS_SHEET, readExceptions, withoutExceptionsSheet, type AppliedExceptions } from "../model/exceptions";
import type { Grid } from "../model/grid";
// Zod-free: exporting what our readers built loads no zod (json-input.ts checks foreign JSON with it).
import { toCanonicalJson } from "../model/canonical-json";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { Finding } from "../model/rules/types";
import type { ReadProblem } from "../model/read/types";
import { CliError, qen, qzh, splitGloss } from "./errors";
import { readBounded } from "./fsutil";
import { LIMIT_FLAG_LIST } from "./limit-flags";
import { visible } from "./visible";

/** Problems met while reading are shown alongside rule findings under this id. */
export const READ_PROBLEM_RULE_ID = "read/problem";

/** Read limits the command line can raise, and the flag that does it (value in the flag's unit). */
export const LIMIT_FLAGS: Partial<Record<LimitName, { flag: string; toFlag: (v: number) => number; unitZh: string; unitEn: string }>> = Object.fromEntries(
  LIMIT_FLAG_LIST.map((f) => [
    f.limit,
    f.mb
      ? { flag: `--${f.option}`, toFlag: (v: number) => Math.ceil(v / (1024 * 1024)), unitZh: "单位 MB，", unitEn: "in MB, " }
      : { flag: `--${f.option}`, toFlag: (v: number) => Math.ceil(v), unitZh: "", unitEn: "" },
  ]),
);

/** Which flag raises `limit` and a value that would let this input through; or that no flag does. */
export function limitHint(limit: LimitName, measured: number | undefined): { zh: string; en: string } {
  const f = LIMIT_FLAGS[limit];
  if (!f) {
    return {
      zh: "此上限不能在命令行调整。",
      en: "This limit cannot be changed from the command line.",
    };
  }
  const suggest = measured !== undefined ? f.toFlag(measured) : null;
  const zhNote = `${f.unitZh}${suggest !== null ? `至少 ${suggest}` : ""}`.replace(/，$/, "");
  const enNote = `${f.unitEn}${suggest !== null ? `at least ${suggest}` : ""}`.replace(/, $/, "");
  return {
    zh: `如确认文件可信，可加 ${f.flag} N 提高此上限${zhNote ? `（${zhNote}）` : ""}后重试。`,
    en: `If the file is trusted, raise it with ${f.flag} N${enNote ? ` (${enNote})` : ""}.`,
  };
}

/** A WorkbookReadError (or any unexpected failure) on `file` → bilingual CliError, exit 2. */
export function readFailure(err: unknown, file: string): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof WorkbookReadError) {
    const { zh, en } = splitGloss(err.message);
    const shown = visible(file);
    const zhText = (zh.includes(shown) || zh.includes(path.basename(shown)) ? `${zh}。` : `无法读取 ${qzh(file)}：${zh}。`).replace(/。。$/, "。");
    const enText = `Cannot read ${qen(file)}${en ? `: ${en}` : ""}.`;
    if (err.kind !== "limit" || !err.limit) return new CliError(zhText, enText, { cause: err });
    // The reader's generic "raise <limitName>" advice gives way to what the command line can do:
    // the flag that raises this limit, or that none does (never both).
    const hint = limitHint(err.limit, err.measured);
    const zhBase = zhText.replace(/[；;]\s*如确认文件可信，可提高上限 \w+ 后重试。$/, "。");
    const enBase = enText.replace(/;\s*raise \w+ if the file is trusted\.$/, ".");
    return new CliError(`${zhBase}${hint.zh}`, `${enBase} ${hint.en}`, { cause: err });
  }
  return new CliError(
    `处理 ${qzh(file)} 时发生内部错误，未能完成（请把此文件和本消息反馈给维护者）。`,
    `Internal error while processing ${qen(file)} (please report this file and message).`,
    { cause: err },
  );
}

/**
 * Read an input file (workbook or JSON) within limits.maxFileBytes: only a regular file, refused by
 * its size before its bytes are in memory, and never read past the limit whatever stat says.
 */
export function readInputFile(file: string, limits?: Partial<ReadLimits>): Uint8Array {
  const r = readBounded(file, limitsFrom(limits).maxFileBytes);
  if (r.ok) return r.bytes;
  try {
    checkFileSize(r.measured, { fileName: visible(file), limits });
  } catch (err) {
    throw readFailure(err, file);
  }
  throw new Error(`readBounded refused ${r.measured} bytes under the limit`); // unreachable
}

/** A workbook file's bytes, within the read limits. */
export const readWorkbookFile = readInputFile;

/**
 * A `--labels FILE` of extra label spellings → the synonyms readWorkbook adds to its table; a file that
 * cannot be read or is not the documented JSON → CliError (exit 2) saying what is wrong.
 */
export function loadLabelsFile(file: string): ExtraLabels {
  // A labels file is a few KB; 1 MB is far more than any list of spellings needs.
  const r = readBounded(file, 1024 * 1024);
  if (!r.ok) throw new CliError(`标签文件${qzh(file)}过大（超过 1 MB），不是标签文件。`, `${qen(file)} is too large for a labels file (over 1 MB).`);
  const text = r.bytes.toString("utf8");
  try {
    return parseLabelsJson(text, file);
  } catch (err) {
    if (err instanceof LabelsFileError) {
      throw new CliError(`${err.message}。`, `${qen(file)} is not a valid labels file (see \`jxmb help\` for the format).`, { cause: err });
    }
    throw err;
  }
}

export async function loadDocument(
  bytes: Uint8Array,
  file: string,
  profile?: ProfileName,
  limits?: Partial<ReadLimits>,
  labels?: ExtraLabels,
): Promise<{ document: JxmbDocument; problems: ReadProblem[]; grid: Grid }> {
  try {
    // Notices (macros never run, external links not followed, rows past the limit not read) reach
    // the user as read problems, so they appear in the report beside the findings.
    const notices: ReadProblem[] = [];
    const grid = await loadGrid(bytes, {
      fileName: visible(file), // the reader quotes it in messages
      inflate: nodeInflate,
      onNotice: (n) => notices.push({ severity: n.severity, message: n.message, sheet: n.sheet ?? null, cell: null }),
      ...(limits ? { limits } : {}),
    });
    // The pane's hidden sheet of accepted exceptions is not a form: the readers never see it.
    const res = readWorkbook(withoutExceptionsSheet(grid), { ...(profile ? { profile } : {}), ...(labels ? { labels } : {}) });
    // No table at all: an empty export or a clean report would be a silent empty result.
    if (res.unrecognised) {
      // The reader's sentence ends in an English gloss: it goes on the English line, not glued to the Chinese one.
      const { zh, en } = splitGloss(res.unrecognised);
      // The English line names the same cells as the Chinese one (Sheet!A5), the place to look.
      const refs = [...new Set(zh.match(/[^\s：；，、（）“”]+![A-Z]{1,3}[0-9]+/g) ?? [])];
      const detail = [en, refs.length ? `see ${refs.map((r) => visible(r)).join(", ")}` : ""].filter(Boolean).join("; ");
      throw new CliError(`${qzh(file)}：${zh}`, `No performance-target table found in ${qen(file)}${detail ? ` (${detail})` : ""}.`);
    }
    return { document: res.document, problems: [...notices, ...res.problems], grid };
  } catch (err) {
    throw readFailure(err, file);
  }
}

/** The message is Chinese (rule findings are): a reader's trailing English gloss is kept apart for the English report. */
export function problemToFinding(p: ReadProblem): Finding {
  const { zh, en } = splitGloss(p.message);
  return {
    ruleId: READ_PROBLEM_RULE_ID,
    severity: p.severity,
    message: zh,
    ...(en ? { messageEn: en } : {}),
    sheet: p.sheet,
    cell: p.cell,
    projectCode: null,
    projectName: null,
    projectSeq: null,
  };
}

export interface Analysis {
  document: JxmbDocument;
  findings: Finding[];
  /** Findings set aside by exceptions stored in the workbook (已核实，保留): listed apart, not counted. */
  accepted: AppliedExceptions["accepted"];
}

/** Read and validate one workbook. Read problems come first, then the rule findings. */
export async function analyseWorkbook(bytes: Uint8Array, file: string, profile?: ProfileName, limits?: Partial<ReadLimits>, labels?: ExtraLabels): Promise<Analysis> {
  const { document, problems, grid } = await loadDocument(bytes, file, profile, limits, labels);
  // The rules are loaded by the commands that check: export and import never run them.
  const { validate } = await import("../model/validate");
  try {
    const report = validate(document, { profile: profile ?? document.profile });
    // Exceptions a clerk accepted in the task pane are listed apart; one whose cell changed no longer applies.
    const stored = readExceptions(grid);
    const applied = applyExceptions(report.findings, stored.exceptions, grid);
    const unusable: ReadProblem[] = stored.problems.map((message) => ({ severity: "warning", message, sheet: EXCEPTIONS_SHEET, cell: null }));
    return { document, findings: [...[...problems, ...unusable].map(problemToFinding), ...applied.open], accepted: applied.accepted };
  } catch (err) {
    throw readFailure(err, file);
  }
}

/** Workbook bytes → canonical JSON text (deterministic, trailing newline). */
export async function exportWorkbook(
  bytes: Uint8Array,
  file: string,
  profile?: ProfileName,
  limits?: Partial<ReadLimits>,
  labels?: ExtraLabels,
): Promise<{ json: string; problems: ReadProblem[] }> {
  const { document, problems } = await loadDocument(bytes, file, profile, limits, labels);
  try {
    return { json: toCanonicalJson(document), problems };
  } catch (err) {
    throw readFailure(err, file);
  }
}
