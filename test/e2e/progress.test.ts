/**
 * The standalone page while a big workbook is read, in Debian Chromium: the worker's parse shows a rising
 * percentage (“正在解析 …%”, a determinate bar), and the page keeps painting frames throughout (no frame longer
 * than 1 s from the file being chosen to the first finding; the parse runs off the main thread).
 */
import { renderTemplate } from "../../src/model/write";
import { writeTemplateBook } from "../../src/xlsx/write";
import { syntheticDocument } from "../helpers/synthetic";
import { browserForSuite, ORIGIN, serveDist } from "./harness";

jest.setTimeout(240_000);

const browser = browserForSuite();

describe("standalone page: progress while parsing", () => {
  test("a 150-project workbook: rising 正在解析 percentages, frames keep coming", async () => {
    const bytes = await writeTemplateBook(renderTemplate(syntheticDocument(150, 10)));
    const served = await serveDist(browser(), { width: 420 });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole("button", { name: "打开 .xlsx 文件" }).waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __texts: string[]; __bars: (string | null)[]; __gaps: number[]; __done?: boolean };
      w.__texts = [];
      w.__bars = [];
      w.__gaps = [];
      // Frames from before the choice on; only those after it count.
      let t0: number | undefined;
      document.querySelector("[data-testid=xlsx-input]")!.addEventListener("change", () => (t0 = performance.now()), { capture: true });
      let last = performance.now();
      const tick = () => {
        const now = performance.now();
        if (t0 !== undefined) w.__gaps.push(now - Math.max(last, t0));
        last = now;
        if (!document.querySelector("[data-testid=card]")) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      new MutationObserver(() => {
        const drop = document.querySelector("[data-testid=dropzone]");
        const text = drop?.textContent ?? "";
        const m = /正在解析[^%]*?(\d+)%/.exec(text);
        if (m && w.__texts[w.__texts.length - 1] !== m[0]) {
          w.__texts.push(m[0]);
          w.__bars.push(document.querySelector("[data-testid=page-progress]")?.getAttribute("aria-valuenow") ?? null);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId("xlsx-input").setInputFiles({ name: "大表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
    await page.locator("[data-testid=card]").first().waitFor({ timeout: 180_000 });
    const { texts, bars, gaps } = await page.evaluate(() => {
      const w = window as unknown as { __texts: string[]; __bars: (string | null)[]; __gaps: number[] };
      return { texts: w.__texts, bars: w.__bars, gaps: w.__gaps };
    });
    const pcts = texts.map((t) => Number(/(\d+)%/.exec(t)![1]));
    expect(pcts.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < pcts.length; i++) expect(pcts[i]).toBeGreaterThan(pcts[i - 1]);
    expect(texts[0]).toMatch(/^正在解析 大表\.xlsx……\d+%$/);
    // The bar is determinate while the percentage shows.
    expect(bars.every((b) => b !== null)).toBe(true);
    expect(gaps.length).toBeGreaterThan(20);
    expect(Math.max(...gaps)).toBeLessThan(1000);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });
});
