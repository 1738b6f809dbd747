/**
 * The task pane in headless Debian Chromium over the recording fake of Excel (test/taskpane/fakeExcel.ts, installed
 * as Office/Excel before the page loads), on the page bench's workbook: 600 projects × 15 rows with planted problems
 * (~3,900 findings), read back from its .xlsx so the grid is what Excel would hold.
 * From 校验整个工作簿 clicked to the first finding card on screen: the context.sync() round trips, the time, the
 * longest main-thread frame and how many progress messages the pane showed. Two paths in the same run:
 *   - worker: the read through the port on the page (Office.js must stay there), readWorkbook + validate in the
 *     pane's Web Worker (the page's analysisWorker.ts);
 *   - main thread (baseline): the same page with `Worker` removed, i.e. the fallback some Office hosts get and the
 *     way the pane worked before.
 * The fake answers each round trip on the page's thread (Excel does that in its own process): every frame is also
 * reported less the fake's answers inside it, the pane's own share. Goals: the pane's own longest frame ≤ 100 ms
 * with the worker (it keeps painting); round trips the same on both paths. JXMB_BENCH_LOG=1 prints a timeline
 * (status texts, frames > 50 ms); JXMB_BENCH_TRACE=/path and JXMB_BENCH_CPU=/path write a Chrome trace / CPU profile.
 */
import { writeFileSync } from "node:fs";
import type { Grid } from "../src/model/grid";
import { renderTemplate } from "../src/model/write";
import { writeTemplateBook } from "../src/xlsx/write";
import { loadGrid } from "../src/xlsx/read";
import { ensureDist, fakeOfficeScript, launch, ORIGIN, serveDist } from "../test/e2e/harness";
import { messyDocument } from "./page";
import { type BenchRow, fmt } from "./table";

export interface PaneRun {
  syncs: number;
  firstMs: number;
  longestFrameMs: number;
  /** The longest frame less the fake Excel's own work inside it: the pane's share. */
  longestOwnMs: number;
  /** Frames whose own time is longer than 100 ms. */
  longFrames: number;
  messages: number;
  findings: number;
}

/** One check of `grid` in the pane over the fake; `worker: false` takes Worker away (the main-thread path). */
export async function runPane(grid: Grid, worker: boolean): Promise<PaneRun> {
  const browser = await launch();
  try {
    const served = await serveDist(browser, { officeJs: "/* office.js stub: the fake is installed by the bench */", width: 360 });
    if (!worker) await served.context.addInitScript({ content: "delete window.Worker;" });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    const button = page.getByRole("button", { name: "校验整个工作簿" });
    await button.waitFor();
    // Clock: from the click (capture listener on the page) to the first card in the DOM; every frame in between
    // and every status text the pane showed are kept. (A string: tsx would wrap a named function in a helper.)
    await page.evaluate(`(() => {
      const w = window;
      w.__gaps = []; w.__msgs = new Set(); w.__log = [];
      document.addEventListener("click", () => { if (w.__t0 === undefined) { w.__t0 = performance.now(); w.__s0 = w.__fakeExcel.stats.syncs; } }, { capture: true });
      new MutationObserver((_, obs) => {
        const s = document.querySelector("[data-testid=busy]");
        if (s && s.textContent && !w.__msgs.has(s.textContent)) { w.__msgs.add(s.textContent); if (w.__t0 !== undefined) w.__log.push(Math.round(performance.now() - w.__t0) + " " + s.textContent); }
        if (w.__t0 !== undefined && document.querySelector("[data-testid=card]")) {
          w.__t1 = performance.now(); w.__s1 = w.__fakeExcel.stats.syncs; obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        if (w.__t0 !== undefined) { const a = Math.max(last, w.__t0); w.__gaps.push([a, now]); if (now - a > 50) w.__log.push(Math.round(now - w.__t0) + " frame " + Math.round(now - a) + " ms"); }
        last = now;
        if (w.__t1 === undefined) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    // JXMB_BENCH_TRACE=/path: a Chrome trace of the check (open in chrome://tracing or Perfetto).
    const trace = process.env.JXMB_BENCH_TRACE;
    if (trace) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink"] });
    const cdp = process.env.JXMB_BENCH_CPU ? await served.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    await button.click();
    await page.locator("[data-testid=card]").first().waitFor({ timeout: 300_000 });
    if (trace) writeFileSync(`${trace}-${worker ? "worker" : "main"}.json`, await browser.stopTracing());
    if (cdp) writeFileSync(`${process.env.JXMB_BENCH_CPU}-${worker ? "worker" : "main"}.cpuprofile`, JSON.stringify((await cdp.send("Profiler.stop")).profile));
    const r = (await page.evaluate(`(() => {
      const w = window;
      return { firstMs: w.__t1 - w.__t0, syncs: w.__s1 - w.__s0, gaps: w.__gaps, messages: w.__msgs.size, log: w.__log, work: w.__fakeExcel.book.work };
    })()`)) as { firstMs: number; syncs: number; gaps: [number, number][]; messages: number; log: string[]; work: [number, number][] };
    if (process.env.JXMB_BENCH_LOG) console.error(`pane (${worker ? "worker" : "main thread"}):\n  ${r.log.join("\n  ")}`);
    const findings = Number((await page.locator("#jxmb-findings").textContent())?.match(/共 (\d+) 条/)?.[1] ?? 0);
    if (served.errors.length) throw new Error(`pane bench: the page logged errors: ${served.errors.join("; ")}`);
    await served.context.close();
    // A frame's own time: its length less the fake's answers inside it (Excel's work, in Excel another process).
    const own = r.gaps.map(([a, b]) => b - a - r.work.reduce((t, [x, y]) => t + Math.max(0, Math.min(b, y) - Math.max(a, x)), 0));
    return {
      syncs: r.syncs,
      firstMs: r.firstMs,
      longestFrameMs: Math.max(0, ...r.gaps.map(([a, b]) => b - a)),
      longestOwnMs: Math.max(0, ...own),
      longFrames: own.filter((g) => g > 100).length,
      messages: r.messages,
      findings,
    };
  } finally {
    await browser.close();
  }
}

/** The 600-project messy workbook as Excel would hold it (written by exceljs, read back by our reader). */
export async function messyGrid(projects: number): Promise<Grid> {
  const bytes = await writeTemplateBook(renderTemplate(messyDocument(projects)));
  return loadGrid(bytes, { fileName: `bench-${projects}-messy.xlsx` });
}

export async function benchPane(projects = 600): Promise<BenchRow[]> {
  ensureDist();
  const grid = await messyGrid(projects);
  const base = await runPane(grid, false);
  const off = await runPane(grid, true);
  const label = `${projects} projects, planted problems`;
  return [
    {
      benchmark: "pane",
      case: `${label}: 校验 clicked → first finding (fake Excel)`,
      value: `${fmt(off.firstMs / 1000, 2)} s, ${off.syncs} syncs`,
      baseline: `main thread ${fmt(base.firstMs / 1000, 2)} s, ${base.syncs} syncs; ${off.findings} findings`,
      ratio: `${fmt(off.firstMs / base.firstMs, 2)}×`,
      goal: "syncs equal",
      verdict: off.syncs === base.syncs ? "ok" : "over",
    },
    {
      benchmark: "pane",
      case: `${label}: longest main-thread frame, the pane's own (less the fake Excel's answers)`,
      value: `${fmt(off.longestOwnMs, 0)} ms (${off.longFrames} > 100 ms); ${off.messages} progress texts`,
      baseline: `main thread ${fmt(base.longestOwnMs, 0)} ms (${base.longFrames} > 100 ms); ${base.messages} progress texts`,
      ratio: `${fmt(off.longestOwnMs / base.longestOwnMs, 2)}×`,
      goal: "≤ 100 ms",
      verdict: off.longestOwnMs <= 100 ? "ok" : "over",
    },
    {
      benchmark: "pane",
      case: `${label}: longest main-thread frame, raw (the fake answers on the page's thread)`,
      value: `${fmt(off.longestFrameMs, 0)} ms`,
      baseline: `main thread ${fmt(base.longestFrameMs, 0)} ms`,
      ratio: `${fmt(off.longestFrameMs / base.longestFrameMs, 2)}×`,
      goal: "-",
      verdict: "-",
    },
  ];
}
