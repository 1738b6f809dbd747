/**
 * The submission round trip on the command line: `jxmb diff A B` (what changed between two versions).
 * Inputs are workbooks in any layout the readers know, or canonical JSON.
 */
import * as path from "node:path";
import type { Parsed } from "./args";
import { CliError, EXIT_FINDINGS, EXIT_OK, qen, qzh, usageError, type ExitCode } from "./errors";
import { planOutput, writeOutput } from "./output";
import { loadDocument, parseJsonInput, readInputFile } from "./pipeline";
import { businessChanges, diffCounts, diffDocuments, diffSummary, diffText, hasBusinessChanges } from "../model/diff";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { ReadLimits } from "../xlsx/limits";
import type { ExtraLabels } from "../model/read/synonyms";

export interface CommandContext {
  /** Text to stdout (a closed pipe ends quietly). */
  print: (text: string) => Promise<void>;
  /** A status line on stderr: Chinese, then English. */
  say: (zh: string, en: string) => void;
  limits?: Partial<ReadLimits>;
  labels?: ExtraLabels;
}

/** JSON by its name or its first character; anything else goes to the workbook reader (which names what it is not). */
function looksLikeJson(file: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(file)) return true;
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b; // "{"
}

/** A workbook or canonical JSON file → its document; CliError (exit 2) naming the file when it cannot be read. */
export async function readAnyDocument(file: string, ctx: Pick<CommandContext, "limits" | "labels">, profile?: ProfileName): Promise<JxmbDocument> {
  const bytes = readInputFile(file, ctx.limits);
  if (looksLikeJson(file, bytes)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new CliError(`${qzh(file)} 不是 UTF-8 编码的文本，无法作为 JSON 读取。`, `${qen(file)} is not UTF-8 text and cannot be read as JSON.`);
    }
    return parseJsonInput(text, file);
  }
  return (await loadDocument(bytes, file, profile, ctx.limits, ctx.labels)).document;
}

export async function cmdDiff(parsed: Parsed, ctx: CommandContext): Promise<ExitCode> {
  if (parsed.positionals.length !== 2) {
    throw usageError(
      `diff 需要两个文件：原版本和新版本（收到 ${parsed.positionals.length} 个）。`,
      `diff takes two files: the earlier and the later version (got ${parsed.positionals.length}).`,
      "diff",
    );
  }
  const [fileA, fileB] = parsed.positionals;
  const output = typeof parsed.options.output === "string" ? parsed.options.output : undefined;
  const plan = output === undefined ? null : planOutput(output, { force: parsed.options.force === true, inputs: [fileA, fileB] });
  const profile = typeof parsed.options.profile === "string" ? (parsed.options.profile as ProfileName) : undefined;
  const a = await readAnyDocument(fileA, ctx, profile);
  const b = await readAnyDocument(fileB, ctx, profile);
  const d = diffDocuments(a, b);
  const changed = hasBusinessChanges(d);
  const names = { a: path.basename(fileA), b: path.basename(fileB) };
  const text =
    parsed.options.format === "json"
      ? JSON.stringify({ a: fileA, b: fileB, identical: !changed, counts: diffCounts(d), summary: diffSummary(d), changes: businessChanges(d) }, null, 2) + "\n"
      : `${diffText(d, names)}\n回复邮件摘要：\n${diffSummary(d)}\n`;
  if (plan) {
    await writeOutput(plan, text);
    ctx.say(`比较结果已写入 ${qzh(plan.file)}。`, `Comparison written to ${qen(plan.file)}.`);
  } else await ctx.print(text);
  return changed ? EXIT_FINDINGS : EXIT_OK;
}
