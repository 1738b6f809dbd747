/**
 * Helpers for the CLI tests: they run the BUILT binary (`node bin/jxmb.js`), exactly what a user
 * runs after `npm run build:cli`. lib/ is rebuilt when missing or older than any source it comes
 * from; a lock keeps parallel jest workers from building at the same time.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "jxmb.js");
export const EXAMPLES = path.join(ROOT, "examples");
const MAIN_JS = path.join(ROOT, "lib", "cli", "main.js");
const SOURCES = ["src/model", "src/xlsx", "src/cli"].map((d) => path.join(ROOT, d));

function newestSourceMtime(): number {
  let newest = fs.statSync(path.join(ROOT, "tsconfig.cli.json")).mtimeMs;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCES) if (fs.existsSync(d)) walk(d);
  return newest;
}

function isFresh(): boolean {
  return fs.existsSync(MAIN_JS) && fs.statSync(MAIN_JS).mtimeMs >= newestSourceMtime();
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Build lib/ with `tsc -p tsconfig.cli.json` unless it is up to date. Throws with tsc's output on failure. */
export function ensureBuilt(): void {
  if (isFresh()) return;
  const lock = path.join(os.tmpdir(), `jxmb-build-${Buffer.from(ROOT).toString("hex").slice(-24)}.lock`);
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker is building: wait for it, then re-check; break a lock left by a killed run.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 240_000) fs.rmdirSync(lock);
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error("timed out waiting for another build of lib/");
      sleep(250);
    }
  }
  try {
    if (isFresh()) return;
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const res = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
    if (res.status !== 0) throw new Error(`npm run build:cli failed:\n${res.stdout}\n${res.stderr}`);
    // tsc leaves the mtime of unchanged outputs alone; mark the build as current.
    const now = new Date();
    fs.utimesSync(MAIN_JS, now, now);
  } finally {
    fs.rmdirSync(lock);
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function jxmb(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, JXMB_DEBUG: "", ...opts.env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** The seed-shaped example workbooks shipped in examples/ (sorted). */
export function exampleFiles(): string[] {
  return fs
    .readdirSync(EXAMPLES)
    .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$"))
    .sort()
    .map((n) => path.join(EXAMPLES, n));
}

export function tempDir(prefix = "jxmb-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Peak resident memory of a running child (Linux VmHWM, polled every 10 ms; worker threads count,
 * they share the process). Call the returned function once the child has exited: peak in kB (0 where
 * /proc is missing).
 */
export function watchPeakRss(pid: number | undefined): () => number {
  let peak = 0;
  const read = () => {
    if (!pid) return;
    try {
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]));
    } catch {
      /* exited (or no /proc) */
    }
  };
  read();
  const timer = setInterval(read, 10);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/**
 * A real seed workbook saved as .xlsm with a (dummy) VBA project, as Excel saves a macro workbook:
 * it has tables, so its macro notice reaches the report (a table-less .xlsm is refused as such).
 */
export async function macroSeed(dir: string): Promise<string> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, "seed-000.xlsx")));
  zip.file("xl/vbaProject.bin", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048, 0x41)]));
  const file = path.join(dir, "带宏的表.xlsm");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** A line that looks like a JavaScript stack frame. */
export const STACK_LINE = /^\s+at\s.+[(:]/m;
