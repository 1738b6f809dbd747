/**
 * File-system helpers for the CLI: input expansion (folders, simple wildcards) and reading inputs.
 * Outputs: output.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError, fsError, qen, qzh, usageError } from "./errors";

export const WORKBOOK_EXT = /\.(xlsx|xlsm)$/i;

/** Excel's lock files (~$name.xlsx) and hidden files are not workbooks. */
function isCandidateWorkbook(name: string): boolean {
  return WORKBOOK_EXT.test(name) && !name.startsWith("~$") && !name.startsWith(".");
}

/** Code-point order: deterministic on every machine and locale. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function wildcardToRegExp(pattern: string): RegExp {
  const esc = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${esc}$`, process.platform === "win32" ? "i" : "");
}

/**
 * Expand FILE arguments: folders become the workbook-named entries inside them (sorted, not recursive); a
 * pattern with * or ? in its last segment (for shells that do not glob, e.g. Windows cmd) becomes
 * the matching files. Plain files are kept as given, whatever their extension, so a wrong file gets
 * a clear “not a workbook” message later rather than silently disappearing.
 */
export function expandInputs(args: readonly string[], command: string): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let st: fs.Stats | null = null;
    try {
      st = fs.statSync(arg);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(arg);
      } catch (err) {
        throw fsError(err, arg, "read");
      }
      // Every workbook-named entry is kept, even one that cannot be used (a dangling link, a link
      // loop, a FIFO, a folder named .xlsx): reading it then gives a per-file problem in the report
      // instead of the entry silently vanishing from the batch.
      const found = names.filter(isCandidateWorkbook).sort(byName).map((n) => path.join(arg, n));
      if (found.length === 0) {
        throw new CliError(
          `文件夹 ${qzh(arg)} 中没有 .xlsx 或 .xlsm 工作簿。`,
          `The folder ${qen(arg)} contains no .xlsx or .xlsm workbook.`,
        );
      }
      out.push(...found);
      continue;
    }
    if (!st && /[*?]/.test(path.basename(arg)) && !/[*?]/.test(path.dirname(arg))) {
      const dir = path.dirname(arg);
      const re = wildcardToRegExp(path.basename(arg));
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir);
      } catch {
        names = [];
      }
      const found = names.filter((n) => re.test(n) && !n.startsWith("~$")).sort(byName).map((n) => path.join(dir, n));
      if (found.length === 0) {
        throw new CliError(`没有与 ${qzh(arg)} 匹配的文件。`, `No file matches ${qen(arg)}.`);
      }
      out.push(...found);
      continue;
    }
    out.push(arg); // missing files are reported when read, with their name
  }
  if (out.length === 0) throw usageError("请指定至少一个文件或文件夹。", "Give at least one file or folder.", command);
  return out;
}

/** What a non-regular input is, for the message. */
function specialKind(st: fs.Stats): { zh: string; en: string } {
  if (st.isFIFO()) return { zh: "命名管道（FIFO）", en: "a named pipe (FIFO)" };
  if (st.isCharacterDevice()) return { zh: "字符设备（如 /dev/zero）", en: "a character device (like /dev/zero)" };
  if (st.isBlockDevice()) return { zh: "块设备（磁盘）", en: "a block device (a disk)" };
  if (st.isSocket()) return { zh: "套接字", en: "a socket" };
  return { zh: "特殊文件", en: "a special file" };
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** An open/read failure on an input, with the two cases a folder listing meets: dangling links and loops. */
function inputError(err: unknown, file: string): CliError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" && isSymlink(file)) {
    return new CliError(
      `${qzh(file)} 是符号链接，但它指向的文件不存在（悬空链接），未读取。`,
      `${qen(file)} is a symbolic link to a file that does not exist (dangling link); not read.`,
      { cause: err },
    );
  }
  return fsError(err, file, "read");
}

/** Result of readBounded: the bytes, or how far past the cap the file was found to go. */
export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; measured: number };

const CHUNK = 1024 * 1024;

/**
 * Read `file` whole, but only if it is a regular file, and never more than `maxBytes` whatever stat
 * claims (a file that grows, a /proc file reporting size 0). Opened non-blocking, so a FIFO named
 * .xlsx is refused instead of waiting forever for a writer.
 */
export function readBounded(file: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (err) {
    throw inputError(err, file);
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw fsError(Object.assign(new Error("EISDIR"), { code: "EISDIR" }), file, "read");
    if (!st.isFile()) {
      const k = specialKind(st);
      throw new CliError(
        `${qzh(file)} 是${k.zh}，不是普通文件，未读取。请给出保存在磁盘上的工作簿或 JSON 文件。`,
        `${qen(file)} is ${k.en}, not a regular file; not read. Give a workbook or JSON file saved on disk.`,
      );
    }
    if (st.size > maxBytes) return { ok: false, measured: st.size };
    let buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > maxBytes) return { ok: false, measured: total };
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2 + CHUNK, maxBytes + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > maxBytes) return { ok: false, measured: total };
    return { ok: true, bytes: total === buf.length ? buf : buf.subarray(0, total) };
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw inputError(err, file);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      /* nothing to add */
    }
  }
}
