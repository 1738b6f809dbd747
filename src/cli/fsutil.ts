/**
 * File-system helpers for the CLI: input expansion (folders, simple wildcards) and atomic writes
 * (a temp file renamed into place, so a failure never leaves a partial output behind).
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
 * Expand FILE arguments: folders become the workbooks inside them (sorted, not recursive); a
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
      const found = names
        .filter(isCandidateWorkbook)
        .filter((n) => {
          try {
            return fs.statSync(path.join(arg, n)).isFile();
          } catch {
            return false;
          }
        })
        .sort(byName)
        .map((n) => path.join(arg, n));
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

export function readInput(file: string): Buffer {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    return fs.readFileSync(file);
  } catch (err) {
    throw fsError(err, file, "read");
  }
}

export function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function refuseOverwrite(file: string): CliError {
  return new CliError(
    `输出文件 ${qzh(file)} 已存在，未覆盖。如需覆盖请加 --force，或用 --output 指定其他文件名。`,
    `Output file ${qen(file)} already exists and was left untouched. Use --force to overwrite, or --output to pick another name.`,
  );
}

/**
 * Write `data` to `file` atomically: a temp file in the same folder, then a rename. Without
 * `overwrite`, an existing file is refused up front, and the final step uses link() so that a file
 * appearing meanwhile is not clobbered either.
 */
export function writeOutputAtomic(file: string, data: string | Uint8Array, opts: { overwrite: boolean }): void {
  if (!opts.overwrite && exists(file)) throw refuseOverwrite(file);
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: "wx" });
  } catch (err) {
    safeUnlink(tmp);
    throw fsError(err, file, "write");
  }
  try {
    if (opts.overwrite) {
      fs.renameSync(tmp, file);
    } else {
      try {
        fs.linkSync(tmp, file); // fails with EEXIST instead of replacing
        safeUnlink(tmp);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw refuseOverwrite(file);
        // File systems without hard links: the up-front check has to do.
        if (exists(file)) throw refuseOverwrite(file);
        fs.renameSync(tmp, file);
      }
    }
  } catch (err) {
    safeUnlink(tmp);
    if (err instanceof CliError) throw err;
    throw fsError(err, file, "write");
  }
}

function safeUnlink(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}
