/**
 * The submission round trip on the command line: `jxmb diff A B` (what changed between two versions;
 * workbooks in any layout the readers know, or canonical JSON), `jxmb seal FILE` (write the validation
 * seal into a copy) and `jxmb verify FILE` (已校验且未修改 / 校验后已修改 + what / 未校验).
 */
import * as path from "node:path";
import type { Parsed } from "./args";
import { CliError, EXIT_FINDINGS, EXIT_OK, qen, qzh, usageError, type ExitCode } from "./errors";
import { lang } from "./locale";
import { planOutput, writeOutput } from "./output";
import { loadDocument, readFailure, readInputFile } from "./pipeline";
import { WorkbookReadError } from "../xlsx/guard";
import { parseJsonInput } from "./json-input";
import { businessChanges, diffCounts, diffDocuments, diffRows, diffSummary, diffText, hasBusinessChanges } from "../model/diff";
import { verdictText, verifySeal, VERDICT_LABEL, type Seal } from "../model/seal";
import type { JxmbDocument, ProfileName } from "../model/schema";
import type { ReadLimits } from "../xlsx/limits";
import type { ExtraLabels } from "../model/read/synonyms";

export interface CommandContext {
  /** Text to stdout (a closed pipe ends quietly). */
  print: (text: string) => Promise<void>;
  /** A status line on stderr in the run's language (both texts given, one shown). */
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
  if (plan && /\.xlsx$/i.test(plan.file) && parsed.options.format !== "json") {
    // An .xlsx report: the summary, then one row per change linked to its cell in the version it is in.
    const { writeDiffReport } = await import("../xlsx/diff-report");
    const linkTo = (file: string) => (/\.(xlsx|xlsm)$/i.test(file) ? path.relative(path.dirname(path.resolve(plan.file)), path.resolve(file)).split(path.sep).join("/") : null);
    const bytes = await writeDiffReport({ title: `比较：${names.a} → ${names.b}`, summary: diffSummary(d), rows: diffRows(d, a, b), links: { a: linkTo(fileA), b: linkTo(fileB) } });
    await writeOutput(plan, bytes);
    ctx.say(`比较报告（工作簿）已写入 ${qzh(plan.file)}。`, `Comparison report (workbook) written to ${qen(plan.file)}.`);
    return changed ? EXIT_FINDINGS : EXIT_OK;
  }
  const text =
    parsed.options.format === "json"
      ? JSON.stringify({ a: fileA, b: fileB, identical: !changed, counts: diffCounts(d), summary: diffSummary(d), changes: businessChanges(d) }, null, 2) + "\n"
      : lang() === "en"
        ? `${diffText(d, names, "en")}\nSummary for the reply email:\n${diffSummary(d, "en")}\n`
        : `${diffText(d, names)}\n回复邮件摘要：\n${diffSummary(d)}\n`;
  if (plan) {
    await writeOutput(plan, text);
    ctx.say(`比较结果已写入 ${qzh(plan.file)}。`, `Comparison written to ${qen(plan.file)}.`);
  } else await ctx.print(text);
  return changed ? EXIT_FINDINGS : EXIT_OK;
}

function onePositional(parsed: Parsed, command: string): string {
  if (parsed.positionals.length !== 1) {
    throw usageError(`${command} 需要一个工作簿（收到 ${parsed.positionals.length} 个）。`, `${command} takes one workbook (got ${parsed.positionals.length}).`, command);
  }
  return parsed.positionals[0];
}

function workbookOnly(file: string, bytes: Uint8Array, command: string): void {
  if (looksLikeJson(file, bytes)) {
    throw usageError(`${qzh(file)} 是 JSON；${command} 只处理工作簿（.xlsx）。`, `${qen(file)} is JSON; ${command} works on workbooks (.xlsx) only.`, command);
  }
}

/** `jxmb seal FILE [-o OUT] [--name 姓名]`: check the workbook and write a sealed copy. The input is never changed. */
export async function cmdSeal(parsed: Parsed, ctx: CommandContext): Promise<ExitCode> {
  const file = onePositional(parsed, "seal");
  const output = typeof parsed.options.output === "string" ? parsed.options.output : path.join(path.dirname(file), `${path.basename(file).replace(/\.(xlsx|xlsm)$/i, "")}-已盖章.xlsx`);
  const plan = planOutput(output, { force: parsed.options.force === true, inputs: [file] });
  const profile = typeof parsed.options.profile === "string" ? (parsed.options.profile as ProfileName) : undefined;
  const name = typeof parsed.options.name === "string" ? parsed.options.name : null;
  const bytes = readInputFile(file, ctx.limits);
  workbookOnly(file, bytes, "seal");
  const first = await loadDocument(bytes, file, profile, ctx.limits, ctx.labels);
  const { sealWorkbookBytes, SealReadBackError } = await import("../xlsx/seal-write");
  // The copy is saved by exceljs; the seal must describe what a reader sees in the copy, so it is read back
  // (and sealed once more from the copy should the save have changed what the readers see).
  let sealed: Awaited<ReturnType<typeof sealWorkbookBytes>>;
  try {
    sealed = await sealWorkbookBytes(bytes, first, {
      time: new Date(),
      name,
      readBack: (out) => loadDocument(out, plan.file, profile, ctx.limits, ctx.labels),
      fileName: path.basename(file),
      limits: ctx.limits,
    });
  } catch (e) {
    if (e instanceof WorkbookReadError) throw readFailure(e, file);
    if (!(e instanceof SealReadBackError)) {
      // exceljs, which writes the copy, failing on a workbook the reader accepted (e.g. a conditional
      // format naming a style that is not there): said with the file, not as an internal error.
      throw new CliError(
        `${qzh(file)} 含有写副本的组件（exceljs）无法处理的内容，未能盖章，未写出 ${qzh(plan.file)}。可在 Excel/WPS 中打开、另存为 .xlsx 后再试。`,
        `${qen(file)} holds content the copy writer (exceljs) cannot handle; not sealed, ${qen(plan.file)} not written. Open it in Excel or WPS, save as .xlsx and try again.`,
        { cause: e },
      );
    }
    throw new CliError(`盖章后的副本读回时内容与原工作簿不一致，未写出 ${qzh(plan.file)}（请把此文件反馈给维护者）。`, `The sealed copy does not read back as the original; nothing was written (please report this file).`);
  }
  const { seal, bytes: out, write } = sealed;
  await writeOutput(plan, out);
  ctx.say(
    `已校验并盖章，写入 ${qzh(plan.file)}：${seal.counts.projects} 个项目，${seal.counts.indicators} 条指标，错误 ${seal.counts.errors} 项，警告 ${seal.counts.warnings} 项（SHA-256 ${seal.hash.slice(0, 12)}…）。`,
    `Checked and sealed into ${qen(plan.file)}: ${seal.counts.projects} project(s), ${seal.counts.indicators} indicator(s), ${seal.counts.errors} error(s), ${seal.counts.warnings} warning(s) (SHA-256 ${seal.hash.slice(0, 12)}…).`,
  );
  ctx.say(
    write.spot
      ? `状态单元格 ${qzh(`${write.spot.sheet}!${write.spot.status}`)}：公式核对 ${write.watched} 个单元格，不装助手打开时也显示“已校验且未修改”或“校验后已修改”。`
      : `没有可写状态单元格的位置（写入后内容会变），修改只能用 jxmb verify 或助手查出。`,
    write.spot
      ? `Status cell ${qen(`${write.spot.sheet}!${write.spot.status}`)}: a formula over ${write.watched} cells shows "已校验且未修改" (sealed, unchanged) or "校验后已修改" (changed since) even without the add-in.`
      : `No place for a status cell (writing one would change the content); changes are found by jxmb verify or the add-in only.`,
  );
  return EXIT_OK;
}

const sealRecord = (s: Seal | null) => (s ? { ...s, content: undefined } : null);

/** `jxmb verify FILE`: 已校验且未修改 (exit 0), 校验后已修改 with what changed, or 未校验 (exit 1). */
export async function cmdVerify(parsed: Parsed, ctx: CommandContext): Promise<ExitCode> {
  const file = onePositional(parsed, "verify");
  const profile = typeof parsed.options.profile === "string" ? (parsed.options.profile as ProfileName) : undefined;
  const bytes = readInputFile(file, ctx.limits);
  workbookOnly(file, bytes, "verify");
  const { document, grid } = await loadDocument(bytes, file, profile, ctx.limits, ctx.labels);
  const v = await verifySeal(grid, document);
  const text =
    parsed.options.format === "json"
      ? JSON.stringify(
          {
            file,
            status: v.status,
            label: VERDICT_LABEL[v.status],
            seal: v.status === "unsealed" ? null : sealRecord(v.seal),
            reason: v.status === "modified" ? v.reason : null,
            summary: v.status === "modified" && v.diff ? diffSummary(v.diff) : null,
            changes: v.status === "modified" && v.diff ? businessChanges(v.diff) : null,
          },
          null,
          2,
        ) + "\n"
      : verdictText(v, path.basename(file), lang());
  await ctx.print(text);
  return v.status === "unchanged" ? EXIT_OK : EXIT_FINDINGS;
}
