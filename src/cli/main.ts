/**
 * `jxmb` entry point. Everything is caught here: the user sees a message naming the file, in the run's
 * one language (zh-CN by default; --lang en or the environment, locale.ts), and an exit code (0 no
 * errors, 1 errors found, 2 unreadable input / bad usage). JXMB_DEBUG=1 adds the stack of the underlying error.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { intOption, parseArgs, type Parsed } from "./args";
import { flagToLimit, LIMIT_FLAG_LIST } from "./limit-flags";
import { checkFiles, errorInfo, type ErrorInfo } from "./batch";
import { CliError, EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, qen, qzh, splitGloss, usageError, type ExitCode } from "./errors";
import { expandInputs } from "./fsutil";
import { planOutput, streamError, writeOutput, writeStream, type OutputPlan } from "./output";
import { DEFAULT_TEMPLATE_FILE, helpText } from "./help";
import { MAX_WORKER_MB, poolBudget } from "./memory";
import { visible, visibleLines } from "./visible";
import { langFromEnv, setLang, takeLangOption, tr } from "./locale";
import type { FileOutcome } from "./report";
import type { ProfileName } from "../model/schema";
import type { ReadLimits } from "../xlsx/limits";
import type { ExtraLabels } from "../model/read/synonyms";

export interface Io {
  /** May return a promise that rejects with the write error (a full disk, a closed pipe). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** Is stderr a terminal (progress bar) or a log/pipe (one line per file)? Default: not a terminal. */
  stderrIsTTY?: () => boolean;
  stderrColumns?: () => number | undefined;
  /** Where the language is read from (JXMB_LANG, LC_ALL, LC_MESSAGES, LANG). Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

const processIo: Io = {
  stdout: (t) => writeStream(process.stdout, t),
  stderr: (t) => void process.stderr.write(t),
  stderrIsTTY: () => process.stderr.isTTY === true,
  stderrColumns: () => process.stderr.columns,
};

export function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

function debugEnabled(): boolean {
  return process.env.JXMB_DEBUG === "1" || process.env.JXMB_DEBUG === "true";
}

/** An error as shown on stderr: the message and its hint in the run's language, and with JXMB_DEBUG=1 the stack. */
function errorText(e: ErrorInfo): string {
  // Messages quote file names and cell text: whatever control characters got this far are shown, not obeyed.
  let text = `jxmb: ${visibleLines(tr(e.zh, e.en))}\n`;
  if (e.hint) text += `      ${visibleLines(tr(e.hint.zh, e.hint.en))}\n`;
  if (debugEnabled() && e.debug) text += `[JXMB_DEBUG] ${e.debug}\n`;
  return text;
}

function printError(io: Io, err: CliError): void {
  io.stderr(errorText(errorInfo(err)));
}

function noPositionals(parsed: Parsed, command: string): void {
  if (parsed.positionals.length > 0) {
    throw usageError(
      `${command} 不接受文件参数（多余的参数：${parsed.positionals.join(" ")}）。`,
      `${command} takes no file argument (extra: ${parsed.positionals.join(" ")}).`,
      command,
    );
  }
}

function exactlyOne(parsed: Parsed, command: string, what: { zh: string; en: string }): string {
  if (parsed.positionals.length === 0) throw usageError(`请指定${what.zh}。`, `Give ${what.en}.`, command);
  if (parsed.positionals.length > 1) {
    throw usageError(
      `${command} 一次只处理一个文件（收到 ${parsed.positionals.length} 个）。`,
      `${command} takes one file at a time (got ${parsed.positionals.length}).`,
      command,
    );
  }
  return parsed.positionals[0];
}

/** `--output` as planned before any work: refused now, not after minutes of checking, if it would destroy a file. */
function outputPlan(parsed: Parsed, output: string | undefined, inputs: readonly string[]): OutputPlan | null {
  return output === undefined ? null : planOutput(output, { force: parsed.options.force === true, inputs });
}

/** Two options naming the same file would write it twice: refused before any work. */
function distinctOutputs(plans: readonly (OutputPlan | null)[]): void {
  const seen = new Map<string, string>();
  for (const p of plans) {
    if (!p || p.mode === "stdout" || p.mode === "stderr") continue;
    const key = path.resolve(p.target);
    const prev = seen.get(key);
    if (prev !== undefined) throw usageError(`${qzh(p.file)} 被指定为两个输出（与 ${qzh(prev)} 相同），请分别指定不同的文件。`, `${qen(p.file)} is named for two outputs (same as ${qen(prev)}); give each its own file.`, "validate");
    seen.set(key, p.file);
  }
}

/** A status line in the run's language (both texts are written at the call site; one is shown). */
function say(io: Io, zh: string, en: string): void {
  io.stderr(`${tr(zh, en)}\n`);
}

class StdoutClosed extends Error {}

/** Text to stdout; a reader that went away (EPIPE, `| head`) ends quietly, any other failure is exit 2. */
async function toStdout(io: Io, text: string): Promise<void> {
  try {
    await io.stdout(text);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EPIPE") throw new StdoutClosed();
    throw streamError(err);
  }
}

function optString(parsed: Parsed, name: string): string | undefined {
  const v = parsed.options[name];
  return typeof v === "string" ? v : undefined;
}

/**
 * Ceiling of the heap cap per worker (MB), i.e. per workbook being checked: a 1 MB workbook needs
 * ~100 MB, and the read limits stop absurd files long before. 2048 rather than 1024 because V8 sizes
 * its heap growth by the cap (full growth from 2 GB up on 64-bit): measured, a 1 GB cap costs ~15 %
 * more CPU in GC. The cap actually used is derived from the available memory and --jobs (memory.ts).
 */
export const DEFAULT_MAX_WORKER_MB = MAX_WORKER_MB;
const MAX_JOBS = 256;

function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : Math.max(1, os.cpus().length);
}

/** --max-file-mb, --max-cells, --max-sheets, … → the read limits they override (others keep DEFAULT_LIMITS). */
function readLimitsOf(parsed: Parsed, command: string): Partial<ReadLimits> | undefined {
  const out: Partial<ReadLimits> = {};
  let any = false;
  for (const f of LIMIT_FLAG_LIST) {
    const n = intOption(parsed, f.option, 1, f.max, command);
    if (n === undefined) continue;
    out[f.limit] = flagToLimit(f, n);
    any = true;
  }
  return any ? out : undefined;
}

/** --labels FILE → the extra synonyms (read once here, handed to every file's read). */
async function labelsOf(parsed: Parsed): Promise<ExtraLabels | undefined> {
  const file = optString(parsed, "labels");
  if (file === undefined) return undefined;
  const { loadLabelsFile } = await loadPipeline();
  return loadLabelsFile(file);
}

async function cmdValidate(parsed: Parsed, io: Io): Promise<ExitCode> {
  const limits = readLimitsOf(parsed, "validate");
  const labels = await labelsOf(parsed);
  const jobs = intOption(parsed, "jobs", 1, MAX_JOBS, "validate") ?? defaultJobs();
  const maxWorkerMbOpt = intOption(parsed, "max-worker-mb", 16, 1024 * 1024, "validate");
  const files = expandInputs(parsed.positionals, "validate");
  const profile = optString(parsed, "profile") as ProfileName | undefined;
  const format = optString(parsed, "format") ?? "text";
  const output = optString(parsed, "output");
  const plan = outputPlan(parsed, output, files);
  // The inbox: several files are checked together too; --report and --merge are planned before any work.
  const reportPlan = outputPlan(parsed, optString(parsed, "report"), files);
  const mergePlan = outputPlan(parsed, optString(parsed, "merge"), files);
  distinctOutputs([plan, reportPlan, mergePlan]);
  const several = files.length > 1;
  const inbox = several || reportPlan !== null || mergePlan !== null;
  // The report (every rule's category) is loaded by the command that prints one: export never does.
  const [{ createProgress }, { toJsonReport, toTextReport }] = await Promise.all([import("./progress"), import("./report")]);
  const progress = several
    ? createProgress({ write: io.stderr, tty: io.stderrIsTTY?.() ?? false, columns: io.stderrColumns?.() }, files.length)
    : null;
  const budget = poolBudget(Math.min(jobs, files.length), undefined, maxWorkerMbOpt);
  const results = await checkFiles(files, {
    check: { ...(profile ? { profile } : {}), ...(limits ? { limits } : {}), ...(labels ? { labels } : {}), ...(inbox ? { keep: mergePlan ? "full" : "slim" } : {}) },
    jobs,
    workers: budget.workers,
    maxWorkerMb: budget.workerMb,
    capFrom: maxWorkerMbOpt !== undefined ? null : { availableMb: budget.availableMb, workers: budget.workers },
    forcePool: maxWorkerMbOpt !== undefined, // an explicit cap is honoured even for one file
    onResult: (_index, r) => {
      progress?.done(r.outcome);
      if (r.error) {
        if (progress) progress.message(errorText(r.error));
        else io.stderr(errorText(r.error));
      }
    },
    onWorkerOutput: (text) => io.stderr(text),
  });
  progress?.finish();
  let outcomes: FileOutcome[] = results.map((r) => r.outcome);
  let text: string;
  let crossErrors = false;
  if (inbox) {
    const ib = await import("./inbox");
    const run = ib.runInbox(results);
    outcomes = run.outcomes;
    text = format === "json" ? ib.jsonReport(run) : several ? ib.textReport(run) : toTextReport(outcomes);
    crossErrors = run.report.summary.error > 0;
    if (reportPlan) {
      await ib.writeInboxReportFile(reportPlan, run);
      say(io, `汇总报告已写入 ${qzh(reportPlan.file)}。`, `Consolidated report written to ${qen(reportPlan.file)}.`);
    }
    if (mergePlan) for (const line of await ib.writeMerged(mergePlan, run)) io.stderr(`${line}\n`);
  } else text = format === "json" ? toJsonReport(outcomes) : toTextReport(outcomes);
  const code = outcomes.some((o) => !o.ok)
    ? EXIT_INPUT
    : crossErrors || outcomes.some((o) => o.ok && o.findings.some((f) => f.severity === "error"))
      ? EXIT_FINDINGS
      : EXIT_OK;
  if (plan) {
    await writeOutput(plan, text);
    say(io, `报告已写入 ${qzh(plan.file)}。`, `Report written to ${qen(plan.file)}.`);
  } else {
    await toStdout(io, text).catch((err) => {
      if (!(err instanceof StdoutClosed)) throw err;
    });
  }
  return code;
}

async function cmdExport(parsed: Parsed, io: Io): Promise<ExitCode> {
  const file = exactlyOne(parsed, "export", { zh: "要导出的工作簿", en: "the workbook to export" });
  const profile = optString(parsed, "profile") as ProfileName | undefined;
  const limits = readLimitsOf(parsed, "export");
  const labels = await labelsOf(parsed);
  const plan = outputPlan(parsed, optString(parsed, "output"), [file]);
  const { exportWorkbook, readWorkbookFile } = await loadPipeline();
  const bytes = readWorkbookFile(file, limits);
  const { json, problems } = await exportWorkbook(bytes, file, profile, limits, labels);
  for (const p of problems) {
    const at = p.sheet ? `${visible(p.sheet)}${p.cell ? `!${p.cell}` : ""}` : "";
    // The reader writes Chinese with an English gloss in parentheses where it has one (splitGloss).
    const m = splitGloss(p.message);
    io.stderr(
      tr(
        `${qzh(file)} 读取${p.severity === "error" ? "错误" : p.severity === "warning" ? "警告" : "提示"}：${at ? `${at}：` : ""}${visible(m.zh)}`,
        `${qen(file)} read ${p.severity === "error" ? "error" : p.severity === "warning" ? "warning" : "note"}: ${at ? `${at}: ` : ""}${visible(m.en ?? m.zh)}`,
      ) + "\n",
    );
  }
  if (plan) {
    await writeOutput(plan, json);
    say(io, `已导出到 ${qzh(plan.file)}。`, `Exported to ${qen(plan.file)}.`);
  } else {
    await toStdout(io, json).catch((err) => {
      if (!(err instanceof StdoutClosed)) throw err;
    });
  }
  return EXIT_OK;
}

/** Upper bound for --projects: a department rarely has more, and the file stays small. */
const MAX_TEMPLATE_PROJECTS = 200;

/** The reader (exceljs) is loaded on demand too: a pool's parent process never parses a workbook. */
async function loadPipeline(): Promise<typeof import("./pipeline")> {
  return import("./pipeline");
}

/** The writer (exceljs workbook generation) is loaded only by the commands that write workbooks. */
async function loadWriter(): Promise<typeof import("./write")> {
  return import("./write");
}

function parseProjectCount(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_TEMPLATE_PROJECTS) {
    throw usageError(
      `--projects 需要 1 到 ${MAX_TEMPLATE_PROJECTS} 之间的整数（收到 “${raw}”）。`,
      `--projects needs a whole number from 1 to ${MAX_TEMPLATE_PROJECTS} (got "${raw}").`,
      "template",
    );
  }
  return Number(raw);
}

async function cmdTemplate(parsed: Parsed, io: Io): Promise<ExitCode> {
  if (optString(parsed, "add") !== undefined) return cmdTemplateAdd(parsed, io);
  noPositionals(parsed, "template");
  const n = parseProjectCount(optString(parsed, "projects"));
  const plan = planOutput(optString(parsed, "output") ?? DEFAULT_TEMPLATE_FILE, { force: parsed.options.force === true, inputs: [] });
  const { templateWorkbook } = await loadWriter();
  const bytes = await templateWorkbook(n, optString(parsed, "profile") as ProfileName | undefined);
  await writeOutput(plan, bytes);
  say(io, `已生成模板 ${qzh(plan.file)}（${n} 个项目表）。`, `Template written to ${qen(plan.file)} (${n} project table(s)).`);
  return EXIT_OK;
}

/**
 * `jxmb template --add N FILE`: FILE, a template workbook, with N more project sheets (项目N+1 …), each titled,
 * numbered and in 汇总's 合计. The input is never written over: the result goes to --output (default
 * “<FILE>（新增N个项目表）.xlsx” beside it).
 */
async function cmdTemplateAdd(parsed: Parsed, io: Io): Promise<ExitCode> {
  const raw = optString(parsed, "add");
  if (raw === undefined || !/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_TEMPLATE_PROJECTS) {
    throw usageError(
      `--add 需要 1 到 ${MAX_TEMPLATE_PROJECTS} 之间的整数（收到 “${raw ?? ""}”）。`,
      `--add needs a whole number from 1 to ${MAX_TEMPLATE_PROJECTS} (got "${raw ?? ""}").`,
      "template",
    );
  }
  const n = Number(raw);
  const file = exactlyOne(parsed, "template", { zh: "要添加项目表的模板工作簿", en: "the template workbook to add project sheets to" });
  const base = path.basename(file).replace(/\.xlsx$/i, "");
  const output = optString(parsed, "output") ?? path.join(path.dirname(file), `${base}（新增${n}个项目表）.xlsx`);
  const plan = planOutput(output, { force: parsed.options.force === true, inputs: [file] });
  const { loadDocument, readInputFile } = await loadPipeline();
  const { document } = await loadDocument(readInputFile(file), file);
  if (document.projects.some((p) => p.layout !== "template")) {
    throw new CliError(
      `${qzh(file)} 不是 JXMB 模板工作簿，无法添加项目表；请先用 jxmb export 和 jxmb import 转成模板。`,
      `${qen(file)} is not a JXMB template workbook; convert it with jxmb export and jxmb import first.`,
    );
  }
  if (document.projects.length + n > MAX_TEMPLATE_PROJECTS) {
    throw usageError(
      `模板已有 ${document.projects.length} 个项目表，再加 ${n} 个超过上限 ${MAX_TEMPLATE_PROJECTS}。`,
      `The template has ${document.projects.length} project sheet(s); adding ${n} exceeds the limit of ${MAX_TEMPLATE_PROJECTS}.`,
      "template",
    );
  }
  const { withAddedProjects } = await import("../model/write");
  const { documentToWorkbook } = await loadWriter();
  const bytes = await documentToWorkbook(withAddedProjects(document, n));
  await writeOutput(plan, bytes);
  say(
    io,
    `已在 ${qzh(file)} 后添加 ${n} 个项目表（共 ${document.projects.length + n} 个），写入 ${qzh(plan.file)}。`,
    `Added ${n} project sheet(s) to ${qen(file)} (${document.projects.length + n} in all), written to ${qen(plan.file)}.`,
  );
  return EXIT_OK;
}

async function cmdImport(parsed: Parsed, io: Io): Promise<ExitCode> {
  const file = exactlyOne(parsed, "import", { zh: "要导入的 JSON 文件", en: "the JSON file to import" });
  const limits = readLimitsOf(parsed, "import");
  const output = optString(parsed, "output") ?? path.join(path.dirname(file), `${path.basename(file).replace(/\.json$/i, "")}.xlsx`);
  if (path.resolve(output) === path.resolve(file)) {
    throw usageError(`输出文件不能与输入文件 ${qzh(file)} 相同。`, `The output must differ from the input ${qen(file)}.`, "import");
  }
  const plan = planOutput(output, { force: parsed.options.force === true, inputs: [file] });
  const [{ readInputFile, readFailure }, { parseJsonInput }] = await Promise.all([loadPipeline(), import("./json-input")]);
  // The same size limit (and flag, and message) as a workbook: 450 MB of JSON is refused unread.
  const raw = readInputFile(file, limits);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw new CliError(`${qzh(file)} 不是 UTF-8 编码的文本，无法作为 JSON 读取。`, `${qen(file)} is not UTF-8 text and cannot be read as JSON.`);
  }
  const parsedDoc = parseJsonInput(text, file);
  // --profile draws the workbook in that profile's form and lists (e.g. central-2021: 中期 | 年度, 成本指标 as a 一级).
  const profile = optString(parsed, "profile") as ProfileName | undefined;
  const doc = profile ? { ...parsedDoc, profile } : parsedDoc;
  const { checkBook, checkDocument } = await import("./import-check");
  const { fixedSheetCount, renderDocument, writeTemplateBook } = await loadWriter();
  checkDocument(doc, file, fixedSheetCount(doc), limits);
  let bytes: Uint8Array;
  try {
    const book = renderDocument(doc);
    checkBook(book, file, limits);
    bytes = await writeTemplateBook(book);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(
      `无法把 ${qzh(file)} 写成工作簿（内部错误，请反馈此文件）。`,
      `Could not render ${qen(file)} as a workbook (internal error; please report this file).`,
      { cause: err },
    );
  }
  await readsBack(bytes, plan.file, limits, readFailure);
  await writeOutput(plan, bytes);
  say(io, `已导入 ${doc.projects.length} 个项目，写入 ${qzh(plan.file)}。`, `Imported ${doc.projects.length} project(s) into ${qen(plan.file)}.`);
  // The template shows no cells for a self-evaluation's actuals nor a department-overall table; it keeps
  // them in its metadata. Say so, so nobody looks for them on the sheets.
  const selfEvaluated = doc.projects.filter((p) => p.selfEvaluation).length;
  const o = doc.overview;
  const deptTable = !!(o?.budget || o?.duties?.length || o?.indicators?.length);
  if (selfEvaluated > 0 || deptTable) {
    const zh = [selfEvaluated > 0 ? `自评内容（${selfEvaluated} 个项目的执行数、实际完成值、得分等）` : "", deptTable ? "部门整体表（年度预算安排、履职目标、部门指标）" : ""].filter(Boolean).join("和");
    const en = [selfEvaluated > 0 ? `self-evaluation figures (${selfEvaluated} project(s): spending, actuals, scores)` : "", deptTable ? "the department-overall table (budget, duties, indicators)" : ""].filter(Boolean).join(" and ");
    say(
      io,
      `注意：模板的表格中没有${zh}的栏目；这些内容保存在工作簿的元数据中，再导出 JSON 时保留，但不显示、不打印。`,
      `Note: the template has no cells for ${en}; they are kept in the workbook's metadata and come back in an export, but are not shown or printed.`,
    );
  }
  // 中期 targets have cells on the central-2021 form only; elsewhere they are kept but not shown — say which form shows them.
  const midTerm = doc.projects.filter((p) => p.midTerm && (p.midTerm.goals.length || p.midTerm.indicators.length)).length;
  if (midTerm > 0 && doc.profile !== "central-2021") {
    say(
      io,
      `注意：${midTerm} 个项目有中期目标或中期指标，${doc.profile} 表样没有中期栏目，已保存在元数据中（不显示、不打印）；用 --profile central-2021 可写成有“中期目标｜年度目标”“中期指标值｜年度指标值”的表样。`,
      `Note: ${midTerm} project(s) have medium-term targets or indicators; the ${doc.profile} form has no cells for them, so they are kept in the metadata (not shown or printed); --profile central-2021 draws the form with medium-term and annual columns.`,
    );
  }
  return EXIT_OK;
}

/** The last word on an import: the reader's own guard, under the same limits, accepts the bytes. */
async function readsBack(bytes: Uint8Array, output: string, limits: Partial<ReadLimits> | undefined, readFailure: (err: unknown, file: string) => CliError): Promise<void> {
  const { guardWorkbook } = await import("../xlsx/guard");
  const { nodeInflate } = await import("../xlsx/node-inflate");
  const { limitsFrom } = await import("../xlsx/limits");
  try {
    await guardWorkbook(bytes, { fileName: output, limits: limitsFrom(limits), inflate: nodeInflate });
  } catch (err) {
    const e = readFailure(err, output);
    throw new CliError(`写成的工作簿无法按读取上限读回，因此未写出：${e.zh}`, `The workbook would not read back under the read limits, so nothing was written: ${e.en}`, { cause: err });
  }
}

/** diff (and the seal commands): src/cli/roundtrip.ts, loaded on demand like the pipeline. */
async function cmdRoundTrip(parsed: Parsed, io: Io): Promise<ExitCode> {
  const command = parsed.command as string;
  const limits = readLimitsOf(parsed, command);
  const labels = await labelsOf(parsed);
  const rt = await import("./roundtrip");
  const ctx = {
    print: (text: string) =>
      toStdout(io, text).catch((err) => {
        if (!(err instanceof StdoutClosed)) throw err;
      }),
    say: (zh: string, en: string) => say(io, zh, en),
    ...(limits ? { limits } : {}),
    ...(labels ? { labels } : {}),
  };
  return command === "seal" ? rt.cmdSeal(parsed, ctx) : command === "verify" ? rt.cmdVerify(parsed, ctx) : rt.cmdDiff(parsed, ctx);
}

/** Run the CLI; never throws. Returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<ExitCode> {
  try {
    // The language first: every message after this, usage errors included, is in it.
    const chosen = takeLangOption(argv);
    setLang(chosen.lang ?? langFromEnv(io.env ?? process.env));
    if (chosen.bad === "") throw usageError("选项 --lang 需要一个值：zh 或 en。", "Option --lang needs a value: zh or en.");
    if (chosen.bad !== null) {
      throw usageError(`选项 --lang 的值 “${chosen.bad}” 无效，可选：zh（中文，默认）、en（英文）。`, `Invalid value "${chosen.bad}" for --lang; choose zh (Chinese, the default) or en (English).`);
    }
    const parsed = parseArgs(chosen.rest);
    if (parsed.showVersion) {
      io.stdout(`jxmb ${version()}\n`);
      return EXIT_OK;
    }
    if (parsed.showHelp) {
      io.stdout(helpText(parsed.helpFor));
      return EXIT_OK;
    }
    switch (parsed.command) {
      case "validate":
        return await cmdValidate(parsed, io);
      case "export":
        return await cmdExport(parsed, io);
      case "template":
        return await cmdTemplate(parsed, io);
      case "import":
        return await cmdImport(parsed, io);
      case "diff":
      case "seal":
      case "verify":
        return await cmdRoundTrip(parsed, io);
      default:
        throw usageError("缺少命令。", "Missing command.");
    }
  } catch (err) {
    if (err instanceof CliError) {
      printError(io, err);
      return err.exitCode;
    }
    const e = new CliError("发生内部错误，操作未完成（请把命令和输入文件反馈给维护者）。", "Internal error; nothing was written (please report the command and input).", {
      cause: err,
    });
    printError(io, e);
    return EXIT_INPUT;
  }
}

/** Used by bin/jxmb.js. Sets process.exitCode instead of exiting, so piped output is flushed. */
export function runCli(argv: readonly string[] = process.argv.slice(2)): void {
  // Write errors reach the callers of writeStream (main decides: EPIPE quiet, others exit 2); these
  // listeners only keep the stream's own 'error' event from crashing the process.
  process.stdout.on("error", () => undefined);
  process.stderr.on("error", () => undefined);
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_INPUT;
    },
  );
}

// Allow `node lib/cli/main.js …` as well as the bin shim.
if (require.main === module) runCli();

