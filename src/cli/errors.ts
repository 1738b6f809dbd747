/**
 * CLI error kinds. Every failure the user can cause ends as a CliError: a message naming the file,
 * written in Chinese and in English side by side (the run's language picks one, locale.ts), and an
 * exit code. Nothing else reaches the terminal.
 */

import { visible } from "./visible";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_INPUT;

/** One text in both languages; which one is shown is the run's choice (locale.ts). */
export interface Bilingual {
  zh: string;
  en: string;
}

export class CliError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly exitCode: ExitCode;
  /** A line shown under the message, e.g. a usage hint, in both languages like the message. */
  readonly hint: Bilingual | null;
  constructor(zh: string, en: string, opts: { exitCode?: ExitCode; hint?: Bilingual | null; cause?: unknown } = {}) {
    super(`${zh}\n${en}`);
    this.name = "CliError";
    this.zh = zh;
    this.en = en;
    this.exitCode = opts.exitCode ?? EXIT_INPUT;
    this.hint = opts.hint ?? null;
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }
}

/** Bad command line: always exit 2 with a pointer to the help. */
export function usageError(zh: string, en: string, command?: string): CliError {
  const help = command ? `jxmb help ${command}` : "jxmb --help";
  return new CliError(zh, en, { exitCode: EXIT_INPUT, hint: { zh: `运行 \`${help}\` 查看用法。`, en: `Run \`${help}\` for usage.` } });
}

/** Quote a file name for messages: “name” in Chinese, "name" in English; control characters made visible. */
export function qzh(s: string): string {
  return `“${visible(s)}”`;
}
export function qen(s: string): string {
  return `"${visible(s)}"`;
}

/** Turn a Node fs error on `file` into a CliError. */
export function fsError(err: unknown, file: string, action: "read" | "write"): CliError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? "";
  const zhAct = action === "read" ? "读取" : "写入";
  switch (code) {
    case "ENOENT":
      return action === "read"
        ? new CliError(`找不到文件 ${qzh(file)}。`, `File not found: ${qen(file)}.`, { cause: err })
        : new CliError(`无法写入 ${qzh(file)}：所在文件夹不存在。`, `Cannot write ${qen(file)}: the folder does not exist.`, { cause: err });
    case "EACCES":
    case "EPERM":
      return new CliError(`没有权限${zhAct} ${qzh(file)}。`, `Permission denied: cannot ${action} ${qen(file)}.`, { cause: err });
    case "EISDIR":
      return new CliError(`${qzh(file)} 是文件夹，不是文件。`, `${qen(file)} is a folder, not a file.`, { cause: err });
    case "EBUSY":
      return new CliError(
        `${qzh(file)} 正被其他程序占用（是否在 Excel 中打开？）。`,
        `${qen(file)} is busy (is it open in Excel?).`,
        { cause: err },
      );
    case "ENOSPC":
    case "EDQUOT":
      return new CliError(`磁盘空间不足，无法写入 ${qzh(file)}，未写出完整内容。`, `No space left to write ${qen(file)}; the output is not complete.`, { cause: err });
    case "EFBIG":
      return new CliError(`${qzh(file)} 超出文件系统允许的大小，无法写入。`, `${qen(file)} is too large for its file system.`, { cause: err });
    case "EROFS":
      return new CliError(`${qzh(file)} 位于只读的磁盘或分区上，无法写入。`, `${qen(file)} is on a read-only file system.`, { cause: err });
    case "EIO":
      return new CliError(`${zhAct} ${qzh(file)} 时发生设备读写错误（EIO），请检查磁盘或 U 盘。`, `I/O error while ${action === "read" ? "reading" : "writing"} ${qen(file)} (EIO); check the disk or USB stick.`, { cause: err });
    case "ELOOP":
      return new CliError(`${qzh(file)} 是循环的符号链接（链接最终指回自身），无法${zhAct}。`, `${qen(file)} is a symbolic link loop; cannot ${action} it.`, { cause: err });
    case "ENAMETOOLONG":
      return new CliError(`文件名 ${qzh(file)} 太长，文件系统不接受。`, `The name ${qen(file)} is too long for the file system.`, { cause: err });
    case "ENXIO":
      return new CliError(`${qzh(file)} 是没有读写端的特殊文件（如套接字），无法${zhAct}。`, `${qen(file)} is a special file with no one at the other end (e.g. a socket); cannot ${action} it.`, { cause: err });
    default:
      return new CliError(
        `无法${zhAct} ${qzh(file)}（${code || "未知错误"}）。`,
        `Cannot ${action} ${qen(file)} (${code || "unknown error"}).`,
        { cause: err },
      );
  }
}

/**
 * Split a message like "……（English gloss）" into its zh part and its English gloss, when it has one.
 * A final parenthesis with Chinese in it ("（工作表 Sheet1）") is part of the Chinese text, not a gloss.
 */
export function splitGloss(message: string): { zh: string; en: string | null } {
  const m = /^(.*?)[（(]([^（）()]*[A-Za-z][^（）()]*)[）)]\s*$/s.exec(message);
  if (!m || /[\u3000-\u9fff\uff00-\uffef]/.test(m[2])) return { zh: message, en: null };
  return { zh: m[1].trim().replace(/[，,：:]$/, ""), en: m[2].trim() };
}
