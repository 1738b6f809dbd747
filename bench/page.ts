/**
 * The standalone page in headless Debian Chromium with a 600-project workbook (template layout, 10 indicator rows
 * each, written by our renderTemplate + writeTemplateBook): time from the file being chosen to the first finding
 * card on screen, and the frame time while the to-do list is scrolled from top to bottom (one rAF step of 240 px
 * per frame). Baseline for the first figure: the page's own parse + validate time of the same file is most of it, so
 * the row reports the number of findings to show how much the list had to render. Goals: first finding ≤ 15 s on
 * 2 shared cores; scroll p95 frame ≤ 50 ms (no long frames: the list keeps ~30 rows in the DOM).
 */

import { renderTemplate } from "../src/model/write";
import { writeTemplateBook } from "../src/xlsx/write";
import { syntheticDocument } from "../test/helpers/synthetic";
import { ensureDist, launch, ORIGIN, serveDist } from "../test/e2e/harness";
import { type BenchRow, fmt } from "./table";

export async function benchPage(projects = 600): Promise<BenchRow[]> {
  ensureDist();
  const bytes = await writeTemplateBook(renderTemplate(syntheticDocument(projects, 10)));
  const browser = await launch();
  try {
    const served = await serveDist(browser, { width: 420 });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole("button", { name: "打开 .xlsx 文件" }).waitFor();
    // Clock starts when the input reports the file (the user's choice), stops when the first card is in the DOM.
    await page.evaluate(() => {
      const w = window as unknown as { __t0?: number; __t1?: number };
      document.querySelector("[data-testid=xlsx-input]")!.addEventListener("change", () => (w.__t0 = performance.now()), { capture: true });
      new MutationObserver((_, obs) => {
        if (document.querySelector("[data-testid=card]")) {
          w.__t1 = performance.now();
          obs.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId("xlsx-input").setInputFiles({ name: `bench-${projects}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
    await page.locator("[data-testid=card]").first().waitFor({ timeout: 300_000 });
    const firstMs = await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __t1: number };
      return w.__t1 - w.__t0;
    });
    const findings = Number((await page.locator("#jxmb-findings").textContent())?.match(/共 (\d+) 条/)?.[1] ?? 0);

    const scroll = await page.evaluate(async () => {
      const box = document.querySelector("[data-testid=todo]") as HTMLElement;
      const frames: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      box.scrollTop = 0;
      let maxRows = 0;
      while (box.scrollTop + box.clientHeight < box.scrollHeight - 1 && frames.length < 5000) {
        box.scrollTop += 240;
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, box.querySelectorAll("[data-vkey]").length);
      }
      frames.sort((a, b) => a - b);
      return {
        frames: frames.length,
        mean: frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length),
        p95: frames[Math.floor(frames.length * 0.95)] ?? 0,
        max: frames[frames.length - 1] ?? 0,
        height: box.scrollHeight,
        maxRows,
      };
    });
    await served.context.close();
    return [
      {
        benchmark: "page",
        case: `${projects} projects: file chosen → first finding`,
        value: `${fmt(firstMs / 1000, 2)} s`,
        baseline: `${findings} findings`,
        ratio: "-",
        goal: "≤ 15 s",
        verdict: firstMs <= 15_000 ? "ok" : "over",
      },
      {
        benchmark: "page",
        case: `${projects} projects: scroll the list (${scroll.frames} frames, ${Math.round(scroll.height)} px)`,
        value: `p95 ${fmt(scroll.p95, 1)} ms`,
        baseline: `mean ${fmt(scroll.mean, 1)} ms, max ${fmt(scroll.max, 1)} ms, ≤ ${scroll.maxRows} rows in DOM`,
        ratio: "-",
        goal: "p95 ≤ 50 ms",
        verdict: scroll.p95 <= 50 ? "ok" : "over",
      },
    ];
  } finally {
    await browser.close();
  }
}



