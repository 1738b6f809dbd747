/**
 * How much memory a `jxmb validate` pool may use: derived from what the machine (or the container)
 * actually has free, not a fixed 2 GB per worker — 2 GB × --jobs used to exceed the machine, and a
 * batch with two hostile files peaked at 4.3 GB. Linux: MemAvailable (os.freemem) and the cgroup
 * limit (v2 memory.max − memory.current, v1 memory.limit_in_bytes − usage), whichever is smaller.
 */
import * as fs from "node:fs";
import * as os from "node:os";

const MB = 1024 * 1024;

/** The heap cap never goes above this: V8 sizes its heap growth by the cap (see DEFAULT_MAX_WORKER_MB). */
export const MAX_WORKER_MB = 2048;
/** Below this a real workbook (≈ 100 MB of heap per MB of file) cannot be checked at all. */
export const MIN_WORKER_MB = 256;
/** Per worker, outside its old-generation heap: young generation, code, the file's bytes, inflated parts. */
const WORKER_OVERHEAD_MB = 160;
/** The parent process (report, progress, the pool itself). */
const PARENT_MB = 150;
/** Share of the available memory a batch may take; the rest is left to the machine. */
const SHARE = 0.75;

function readNumber(file: string): number | null {
  try {
    const text = fs.readFileSync(file, "utf8").trim();
    if (!/^\d+$/.test(text)) return null; // "max" (no limit)
    const n = Number(text);
    return n > 0 && n < 2 ** 60 ? n : null; // v1 reports "no limit" as ~2^63
  } catch {
    return null;
  }
}

/** Bytes left under this process's cgroup memory limit, or null when there is none. */
export function cgroupAvailableBytes(root = "/sys/fs/cgroup", selfCgroup = "/proc/self/cgroup"): number | null {
  let lines: string[] = [];
  try {
    lines = fs.readFileSync(selfCgroup, "utf8").split("\n");
  } catch {
    lines = [];
  }
  const found: number[] = [];
  const tryPair = (limitFile: string, usageFile: string) => {
    const limit = readNumber(limitFile);
    if (limit === null) return;
    const usage = readNumber(usageFile) ?? 0;
    found.push(Math.max(0, limit - usage));
  };
  for (const line of lines) {
    const [, controllers, p] = line.split(":");
    if (p === undefined) continue;
    if (controllers === "") tryPair(`${root}${p === "/" ? "" : p}/memory.max`, `${root}${p === "/" ? "" : p}/memory.current`); // v2
    if (controllers.split(",").includes("memory")) tryPair(`${root}/memory${p === "/" ? "" : p}/memory.limit_in_bytes`, `${root}/memory${p === "/" ? "" : p}/memory.usage_in_bytes`); // v1
  }
  // Inside a container the own cgroup is often mounted as the root.
  tryPair(`${root}/memory.max`, `${root}/memory.current`);
  tryPair(`${root}/memory/memory.limit_in_bytes`, `${root}/memory/memory.usage_in_bytes`);
  return found.length > 0 ? Math.min(...found) : null;
}

/** Memory this process could use now, in bytes: free memory, bounded by the cgroup limit. */
export function availableMemoryBytes(): number {
  const candidates = [os.freemem()];
  const cg = cgroupAvailableBytes();
  if (cg !== null) candidates.push(cg);
  return Math.min(...candidates);
}

export interface PoolBudget {
  /** Workers to start (at most what --jobs asked for; fewer when memory is short). */
  workers: number;
  /** Heap cap per worker, MB. */
  workerMb: number;
  /** The available memory it was derived from, MB (for messages). */
  availableMb: number;
}

/**
 * Workers and per-worker heap cap for `jobs` requested workers, so that the whole batch stays
 * within SHARE of the available memory. An explicit --max-worker-mb is honoured as given.
 */
export function poolBudget(jobs: number, availableBytes = availableMemoryBytes(), explicitMb?: number): PoolBudget {
  const availableMb = Math.floor(availableBytes / MB);
  if (explicitMb !== undefined) return { workers: jobs, workerMb: explicitMb, availableMb };
  const budget = Math.max(0, availableMb * SHARE - PARENT_MB);
  const fits = Math.max(1, Math.floor(budget / (MIN_WORKER_MB + WORKER_OVERHEAD_MB)));
  const workers = Math.max(1, Math.min(jobs, fits));
  const per = Math.floor(budget / workers) - WORKER_OVERHEAD_MB;
  return { workers, workerMb: Math.max(MIN_WORKER_MB, Math.min(MAX_WORKER_MB, per)), availableMb };
}
