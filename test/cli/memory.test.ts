/**
 * The pool's memory budget (issue 10, root cause 9): the per-worker heap cap comes from the memory
 * actually available (free memory, bounded by a cgroup limit) and the job count, so that --jobs N
 * never promises N × 2 GB on a machine that has less. Cgroup files are laid out in a temp folder the
 * way Linux mounts them (v1 and v2).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { cgroupAvailableBytes, MAX_WORKER_MB, MIN_WORKER_MB, poolBudget } from "../../src/cli/memory";
import { tempDir } from "./helpers";

const MB = 1024 * 1024;
const GB = 1024 * MB;

describe("poolBudget", () => {
  it("a big machine: every job gets the 2 GB ceiling", () => {
    expect(poolBudget(2, 24 * GB)).toEqual({ workers: 2, workerMb: MAX_WORKER_MB, availableMb: 24 * 1024 });
  });

  it("the whole batch stays within three quarters of the available memory", () => {
    for (const [jobs, avail] of [[2, 4 * GB], [8, 4 * GB], [4, 3 * GB], [16, 8 * GB], [2, 1 * GB]] as const) {
      const b = poolBudget(jobs, avail);
      expect(b.workers).toBeLessThanOrEqual(jobs);
      expect(b.workerMb).toBeGreaterThanOrEqual(MIN_WORKER_MB);
      expect(b.workerMb).toBeLessThanOrEqual(MAX_WORKER_MB);
      // heap caps plus per-worker overhead, plus the parent, fit the share (or one minimal worker runs).
      if (b.workers > 1) expect(b.workers * (b.workerMb + 160) + 150).toBeLessThanOrEqual((avail / MB) * 0.75 + 1);
    }
    // 4 GB free and --jobs 2: no longer 2 × 2048 MB.
    expect(poolBudget(2, 4 * GB).workerMb).toBeLessThan(1400);
  });

  it("short of memory: fewer workers rather than caps too small to read a real workbook", () => {
    const b = poolBudget(8, 2 * GB);
    expect(b.workers).toBeLessThan(8);
    expect(b.workerMb).toBeGreaterThanOrEqual(MIN_WORKER_MB);
    expect(poolBudget(4, 100 * MB)).toMatchObject({ workers: 1, workerMb: MIN_WORKER_MB });
  });

  it("an explicit --max-worker-mb is honoured as given", () => {
    expect(poolBudget(3, 1 * GB, 48)).toEqual({ workers: 3, workerMb: 48, availableMb: 1024 });
  });
});

describe("cgroupAvailableBytes", () => {
  let root: string;
  beforeEach(() => {
    root = tempDir("jxmb-cgroup-");
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function put(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }

  it("v2: memory.max − memory.current of the process's own cgroup", () => {
    put("self", "0::/user.slice/jxmb\n");
    put("fs/user.slice/jxmb/memory.max", `${3 * GB}\n`);
    put("fs/user.slice/jxmb/memory.current", `${1 * GB}\n`);
    expect(cgroupAvailableBytes(path.join(root, "fs"), path.join(root, "self"))).toBe(2 * GB);
  });

  it("v2 'max' and v1's 2^63 mean no limit", () => {
    put("self", "0::/\n4:memory:/box\n");
    put("fs/memory.max", "max\n");
    put("fs/memory/box/memory.limit_in_bytes", "9223372036854771712\n");
    expect(cgroupAvailableBytes(path.join(root, "fs"), path.join(root, "self"))).toBeNull();
  });

  it("v1: limit_in_bytes − usage_in_bytes of the memory controller's cgroup", () => {
    put("self", "9:name=systemd:/\n4:memory:/box\n0::/\n");
    put("fs/memory/box/memory.limit_in_bytes", `${2 * GB}\n`);
    put("fs/memory/box/memory.usage_in_bytes", `${512 * MB}\n`);
    expect(cgroupAvailableBytes(path.join(root, "fs"), path.join(root, "self"))).toBe(1.5 * GB);
  });

  it("no cgroup files at all (macOS, Windows): null", () => {
    expect(cgroupAvailableBytes(path.join(root, "none"), path.join(root, "none-self"))).toBeNull();
  });
});
