/**
 * The hostile scenarios (scenarios.ts) through the BUILT `jxmb`, one child process each: exit code
 * and Chinese message as expected, no stack, every run within 60 s and 1 GB peak RSS (VmHWM, polled),
 * and nothing in the scenario's folder changed except what it was asked to write (no temp file left).
 * Prints one summary line per class and one overall, for the lead and docs/SECURITY.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, EXAMPLES, ensureBuilt, jxmb, ROOT, STACK_LINE, tempDir, watchPeakRss } from "../cli/helpers";
import { RAW_CONTROL, SCENARIOS, type Fixtures, type Invocation, type Scenario, type ScenarioResult } from "./scenarios";

jest.setTimeout(180_000);

const WALL_MS = 60_000;
const PEAK_KB = 1024 * 1024; // 1 GB

let tmp: string;
let fx: Fixtures;
const summary: { id: string; cls: string; ms: number; peakKb: number }[] = [];

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir("jxmb-scen-");
  const seed = path.join(EXAMPLES, "seed-000.xlsx");
  const t = path.join(tmp, "空白.xlsx");
  expect(jxmb(["template", "-o", t]).code).toBe(0);
  const blank = JSON.parse(jxmb(["export", t]).stdout) as Fixtures["blank"];
  const seedDoc = JSON.parse(jxmb(["export", seed]).stdout) as { projects: { indicators: Record<string, unknown>[] }[] };
  fx = { seed, blank, indicator: seedDoc.projects[0].indicators[0] };
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  if (summary.length === 0) return;
  const lines = [...new Set(summary.map((s) => s.cls))].map((cls) => {
    const of = summary.filter((s) => s.cls === cls);
    return `  ${cls}: ${of.length} cases, ≤ ${Math.max(...of.map((s) => s.ms))} ms, ≤ ${Math.round(Math.max(...of.map((s) => s.peakKb)) / 1024)} MB`;
  });
  const worst = summary.reduce((a, b) => (b.ms > a.ms ? b : a));
  const heaviest = summary.reduce((a, b) => (b.peakKb > a.peakKb ? b : a));
  process.stdout.write(
    `\nhostile scenarios (CLI): ${summary.length} cases, nothing overwritten; slowest ${worst.id} ${worst.ms} ms, ` +
      `largest ${heaviest.id} ${Math.round(heaviest.peakKb / 1024)} MB peak RSS (bounds ${WALL_MS / 1000} s, ${PEAK_KB / 1024} MB)\n${lines.join("\n")}\n`,
  );
});

/** Everything in `dir`, recursively: kind, and for regular files a hash, for links the target. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const rel = path.relative(dir, p);
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) out.set(rel, `link→${fs.readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.set(rel, "dir");
        walk(p);
      } else if (st.isFile()) out.set(rel, `file:${st.mode.toString(8)}:${createHash("sha1").update(fs.readFileSync(p)).digest("hex")}`);
      else out.set(rel, st.isFIFO() ? "fifo" : "special");
    }
  };
  walk(dir);
  return out;
}

function run(inv: Invocation, cwd: string): Promise<ScenarioResult & { ms: number; peakKb: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    let reader: ChildProcess | null = null;
    let fifoData = "";
    if (inv.fifoReader) {
      reader = spawn("cat", [inv.fifoReader]);
      reader.stdout?.setEncoding("utf8").on("data", (d: string) => (fifoData += d));
    }
    const stdinFd = inv.stdin ? fs.openSync(inv.stdin, "r") : null;
    const fullFd = inv.stdout === "full" ? fs.openSync("/dev/full", "w") : null;
    const child = spawn(process.execPath, [BIN, ...inv.args], {
      cwd,
      env: { ...process.env, JXMB_DEBUG: "" },
      stdio: [stdinFd ?? "ignore", fullFd ?? "pipe", "pipe"],
    });
    const peak = watchPeakRss(child.pid);
    const killer = setTimeout(() => child.kill("SIGKILL"), WALL_MS + 5_000);
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      if (inv.stdout === "close-early") child.stdout?.destroy(); // `| head -c 10`
    });
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const peakKb = peak();
      clearTimeout(killer);
      for (const fd of [stdinFd, fullFd]) if (fd !== null) fs.closeSync(fd);
      const ms = Date.now() - t0;
      const done = () => resolve({ code, signal, stdout, stderr, fifoData, ms, peakKb });
      if (reader && reader.exitCode === null) reader.on("close", done);
      else done();
    });
  });
}

describe.each(SCENARIOS.map((s) => [`${s.cls}/${s.id}`, s] as const))("%s", (_name, s: Scenario) => {
  test(`${s.what}: exit ${String(s.code)}, within ${WALL_MS / 1000} s and 1 GB, nothing overwritten`, async () => {
    const dir = fs.mkdtempSync(path.join(tmp, `${s.id}-`));
    fs.writeFileSync(path.join(dir, "保护.txt"), "别的文件，不能被改。\n");
    const inv = s.prepare(dir, fx);
    const before = snapshot(dir);
    const r = await run(inv, ROOT);
    summary.push({ id: s.id, cls: s.cls, ms: r.ms, peakKb: r.peakKb });

    expect(r.signal).toBeNull();
    expect(r.ms).toBeLessThan(WALL_MS);
    expect(r.peakKb).toBeGreaterThan(0);
    expect(r.peakKb).toBeLessThan(PEAK_KB);
    expect(Array.isArray(s.code) ? s.code : [s.code]).toContain(r.code);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    if (inv.stdout !== "full") expect(r.stdout).not.toMatch(RAW_CONTROL);
    if (r.code === 2) expect(r.stderr).toMatch(/jxmb: .*[\u4e00-\u9fff]/);
    if (s.stderr) expect(r.stderr).toMatch(s.stderr);
    if (s.stdout) expect(r.stdout).toMatch(s.stdout);

    // Nothing overwritten: every entry that was there is as it was, unless the scenario writes it;
    // nothing new appears but what it writes (in particular no temp file).
    const after = snapshot(dir);
    const allowed = new Set(s.writes ?? []);
    for (const [name, state] of before) if (!allowed.has(name)) expect([name, after.get(name)]).toEqual([name, state]);
    for (const name of after.keys()) if (!before.has(name)) expect(allowed.has(name) ? name : `unexpected new entry ${name}`).toBe(name);
    s.check?.(r, dir);
  });
});
