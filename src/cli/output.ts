/**
 * Where the CLI's outputs go (reports, JSON, workbooks). Three rules, whatever the command:
 *  - an existing regular file is never replaced without --force (and never when it is an input);
 *  - a device, a FIFO or a stream alias (/dev/stdout, /dev/fd/N) is written in place: replacing it
 *    with a regular file would break it, and needs no write access to its folder;
 *  - a plain file is written atomically: a short temp name in the target's folder (a long Chinese
 *    name plus a suffix would pass the 255-byte name limit), then link() or rename().
 * Every failed write (ENOSPC, EIO, …) becomes a CliError (exit 2); only EPIPE on stdout is quiet.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError, fsError, qen, qzh } from "./errors";

export interface OutputPlan {
  /** As the user gave it (messages name this). */
  file: string;
  /**
   * stdout / stderr: an alias of our own standard stream, written through it;
   * in-place: a character device, FIFO or another fd alias, opened and written;
   * atomic: temp file + link/rename at `target`.
   */
  mode: "stdout" | "stderr" | "in-place" | "atomic";
  /** Where the bytes land: the path itself, or the end of its symlink chain (the link is kept). */
  target: string;
  /** An existing regular file is replaced (only with --force). */
  replaces: boolean;
}

/** Paths that name an already-open file descriptor rather than a file. */
const FD_ALIAS = /^\/(?:dev\/(?:stdout|stderr|stdin|fd\/(\d+))|proc\/(self|thread-self|\d+)\/fd\/(\d+))$/;

function ownStream(p: string): "stdout" | "stderr" | null {
  if (p === "/dev/stdout") return "stdout";
  if (p === "/dev/stderr") return "stderr";
  const m = FD_ALIAS.exec(p);
  if (!m) return null;
  const fd = m[1] ?? m[3];
  const who = m[2];
  if (who !== undefined && who !== "self" && who !== "thread-self" && Number(who) !== process.pid) return null;
  return fd === "1" ? "stdout" : fd === "2" ? "stderr" : null;
}

interface ChainEnd {
  /** Last path of the symlink chain. */
  end: string;
  /** stat of `end` (null: does not exist). */
  stat: fs.Stats | null;
  /** The chain passed through an fd alias (/dev/stdout…): the target is a stream someone opened for us. */
  alias: string | null;
}

/** Follow `file`'s symlink chain by hand, so an alias like /dev/stdout is seen before the kernel resolves it. */
function followChain(file: string): ChainEnd {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    if (FD_ALIAS.test(p)) return { end: p, stat: statOrNull(p), alias: p };
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return { end: p, stat: null, alias: null };
      throw fsError(err, file, "write");
    }
    if (!st.isSymbolicLink()) return { end: p, stat: st, alias: null };
    const to = fs.readlinkSync(p);
    // Relative targets are relative to the link's real folder (the kernel's rule, not a lexical join).
    p = path.resolve(realDir(path.dirname(p)), to);
  }
  throw fsError(Object.assign(new Error("ELOOP"), { code: "ELOOP" }), file, "write");
}

function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

function refuseOverwrite(file: string): CliError {
  return new CliError(
    `输出文件 ${qzh(file)} 已存在，未覆盖。如需覆盖请加 --force，或用 --output 指定其他文件名。`,
    `Output file ${qen(file)} already exists and was left untouched. Add --force to overwrite it, or pick another name with --output.`,
  );
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Decide, before any work is done, where `file` will be written; refuse up front what would destroy
 * something (an existing file without `force`, an input file, a block device, a folder).
 */
export function planOutput(file: string, opts: { force: boolean; inputs: readonly string[] }): OutputPlan {
  const { end, stat, alias } = followChain(file);
  // An input is never an output, by any name (symlink, hard link, ./ prefix): not even with --force.
  if (stat) {
    for (const input of opts.inputs) {
      const ist = statOrNull(input);
      if (ist && ist.isFile() && sameFile(ist, stat)) {
        throw new CliError(`输出文件 ${qzh(file)} 就是输入文件 ${qzh(input)}，不会覆盖它。`, `The output ${qen(file)} is the input ${qen(input)}; it is never overwritten.`);
      }
    }
  }
  if (alias !== null) {
    const own = ownStream(alias);
    return { file, mode: own ?? "in-place", target: alias, replaces: false };
  }
  if (!stat) return { file, mode: "atomic", target: end, replaces: false };
  if (stat.isDirectory()) throw fsError(Object.assign(new Error("EISDIR"), { code: "EISDIR" }), file, "write");
  if (stat.isCharacterDevice() || stat.isFIFO()) return { file, mode: "in-place", target: end, replaces: false };
  if (!stat.isFile()) {
    const what = stat.isBlockDevice() ? { zh: "块设备（磁盘）", en: "a block device (a disk)" } : { zh: "套接字等特殊文件", en: "a socket or other special file" };
    throw new CliError(`${qzh(file)} 是${what.zh}，不会向它写入。请用 --output 指定一个普通文件。`, `${qen(file)} is ${what.en}; JXMB does not write to it. Give a plain file with --output.`);
  }
  if (!opts.force) throw refuseOverwrite(file);
  return { file, mode: "atomic", target: end, replaces: true };
}

/** Write to a standard stream; resolves once the bytes are handed to the OS, rejects with the write error. */
export function writeStream(stream: NodeJS.WriteStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

/** A standard output write failure → CliError (EPIPE is the caller's business). */
export function streamError(err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? "";
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new CliError("磁盘空间不足，标准输出未写出完整内容。", "No space left on the device: standard output is incomplete.", { cause: err });
  }
  return new CliError(`写入标准输出失败（${code || "未知错误"}），输出不完整。`, `Writing to standard output failed (${code || "unknown error"}); the output is incomplete.`, { cause: err });
}

function writeAll(fd: number, data: string | Uint8Array): void {
  fs.writeFileSync(fd, data);
}

/** Carry out `plan`. Throws CliError (exit 2) on any failure; a plain file is then left as it was. */
export async function writeOutput(plan: OutputPlan, data: string | Uint8Array): Promise<void> {
  if (plan.mode === "stdout" || plan.mode === "stderr") {
    try {
      await writeStream(plan.mode === "stdout" ? process.stdout : process.stderr, data);
    } catch (err) {
      throw fsError(err, plan.file, "write");
    }
    return;
  }
  if (plan.mode === "in-place") {
    let fd: number | null = null;
    try {
      // No O_CREAT: a device that vanished meanwhile must not turn into a regular file.
      fd = fs.openSync(plan.target, fs.constants.O_WRONLY | fs.constants.O_TRUNC | fs.constants.O_NOCTTY);
      writeAll(fd, data);
    } catch (err) {
      throw fsError(err, plan.file, "write");
    } finally {
      if (fd !== null) closeQuietly(fd);
    }
    return;
  }
  writeAtomic(plan, data);
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    /* already reported by the write, if it mattered */
  }
}

function writeAtomic(plan: OutputPlan, data: string | Uint8Array): void {
  const dir = path.dirname(plan.target);
  // Short and unique: 22 ASCII characters whatever the target's name.
  const tmp = path.join(dir, `.jxmb-${randomBytes(6).toString("hex")}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, "wx", 0o666);
    writeAll(fd, data);
    fs.fsyncSync(fd); // a full disk or an I/O error surfaces here, before the old file is touched
    fs.closeSync(fd);
    fd = null;
  } catch (err) {
    if (fd !== null) closeQuietly(fd);
    unlinkQuietly(tmp);
    throw fsError(err, plan.file, "write");
  }
  try {
    if (plan.replaces) {
      const old = statOrNull(plan.target);
      if (old) chmodQuietly(tmp, old.mode & 0o7777); // the replacement keeps the old file's permissions
      fs.renameSync(tmp, plan.target);
      return;
    }
    try {
      fs.linkSync(tmp, plan.target); // EEXIST instead of replacing a file that appeared meanwhile
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") throw refuseOverwrite(plan.file);
      // File systems without hard links: check again, then rename.
      if (statOrNull(plan.target) || isLink(plan.target)) throw refuseOverwrite(plan.file);
      fs.renameSync(tmp, plan.target);
    }
  } catch (err) {
    unlinkQuietly(tmp);
    if (err instanceof CliError) throw err;
    throw fsError(err, plan.file, "write");
  }
  unlinkQuietly(tmp);
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function chmodQuietly(p: string, mode: number): void {
  try {
    fs.chmodSync(p, mode);
  } catch {
    /* best effort: e.g. a file system without modes */
  }
}

function unlinkQuietly(p: string): void {
  try {
    fs.unlinkSync(p);
  } catch {
    /* already gone (or renamed into place) */
  }
}
