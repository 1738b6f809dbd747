/**
 * The CLI's plumbing over the shared model: bytes → Grid → document → report / canonical JSON, and
 * canonical JSON → template workbook bytes. No printing here; callers decide what goes where.
 * Also used in-process by the round-trip tests, so the CLI and the tests exercise the same code.
 */
import * as path from "node:path";
import { loadGrid, WorkbookReadError } from "../xlsx/read";
import { readWorkbook } from "../model/read";
import { validate } from "../model/validate";
import { parseCanonicalJson, toCanonicalJson } from "../model/canonical";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { Finding } from "../model/rules/types";
import type { ReadProblem } from "../model/read/types";
import { CliError, qen, qzh, splitGloss } from "./errors";

/** Problems met while reading are shown alongside rule findings under this id. */
export const READ_PROBLEM_RULE_ID = "read/problem";

/** A WorkbookReadError (or any unexpected failure) on `file` → bilingual CliError, exit 2. */
export function readFailure(err: unknown, file: string): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof WorkbookReadError) {
    const { zh, en } = splitGloss(err.message);
    const zhText = zh.includes(file) || zh.includes(path.basename(file)) ? `${zh}。` : `无法读取 ${qzh(file)}：${zh}。`;
    return new CliError(zhText.replace(/。。$/, "。"), `Cannot read ${qen(file)}${en ? `: ${en}` : ""}.`, { cause: err });
  }
  return new CliError(
    `处理 ${qzh(file)} 时发生内部错误，未能完成（请把此文件和本消息反馈给维护者）。`,
    `Internal error while processing ${qen(file)} (please report this file and message).`,
    { cause: err },
  );
}

export async function loadDocument(
  bytes: Uint8Array,
  file: string,
  profile?: ProfileName,
): Promise<{ document: JxmbDocument; problems: ReadProblem[] }> {
  try {
    const grid = await loadGrid(bytes, { fileName: file });
    return readWorkbook(grid, profile ? { profile } : {});
  } catch (err) {
    throw readFailure(err, file);
  }
}

export function problemToFinding(p: ReadProblem): Finding {
  return {
    ruleId: READ_PROBLEM_RULE_ID,
    severity: p.severity,
    message: p.message,
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
}

/** Read and validate one workbook. Read problems come first, then the rule findings. */
export async function analyseWorkbook(bytes: Uint8Array, file: string, profile?: ProfileName): Promise<Analysis> {
  const { document, problems } = await loadDocument(bytes, file, profile);
  try {
    const report = validate(document, { profile: profile ?? document.profile });
    return { document, findings: [...problems.map(problemToFinding), ...report.findings] };
  } catch (err) {
    throw readFailure(err, file);
  }
}

/** Workbook bytes → canonical JSON text (deterministic, trailing newline). */
export async function exportWorkbook(
  bytes: Uint8Array,
  file: string,
  profile?: ProfileName,
): Promise<{ json: string; problems: ReadProblem[] }> {
  const { document, problems } = await loadDocument(bytes, file, profile);
  try {
    return { json: toCanonicalJson(document), problems };
  } catch (err) {
    throw readFailure(err, file);
  }
}

/** Canonical JSON text → document, or a CliError listing what is wrong (zh, with JSON paths). */
export function parseJsonInput(text: string, file: string): JxmbDocument {
  const res = parseCanonicalJson(text);
  if (res.ok) return res.document;
  const shown = res.errors.slice(0, 10);
  const more = res.errors.length > shown.length ? `\n  ……另有 ${res.errors.length - shown.length} 处` : "";
  throw new CliError(
    `${qzh(file)} 不是有效的 JXMB 规范 JSON：\n  ${shown.join("\n  ")}${more}`,
    `${qen(file)} is not valid JXMB canonical JSON (${res.errors.length} problem(s) listed above).`,
  );
}
