/**
 * The task pane's whole-workbook check on 600 projects (the page bench's workbook with planted problems, ~4,000
 * findings) in Debian Chromium over the recording fake of Excel:
 *  - with Web Workers: the read goes through the port on the page (11 round trips), readWorkbook + validate run in
 *    the page's analysis worker (its chunk is fetched); the pane shows its progress — the read batches, 正在识别表格,
 *    正在校验 600 个项目 — and keeps painting; the findings are Node's; keyboard and jump-to-cell work on the list;
 *  - without Worker (some Office hosts), or with a worker that cannot load: the same check in the pane's thread,
 *    the same findings, no error.
 * Timings are measured by `npm run bench -- pane`, not asserted here. Screenshots: out/e2e/pane-600-*.png.
 */
import type { Page } from "playwright-core";
import type { Grid } from "../../src/model/grid";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { withoutExceptionsSheet } from "../../src/model/exceptions";
import { messyGrid } from "../../bench/pane";
import { browserForSuite, fakeOfficeScript, ORIGIN, serveDist, shotPath } from "./harness";

jest.setTimeout(300_000);

const browser = browserForSuite();
let grid: Grid;
let expected: { findings: number; error: number; warning: number; info: number };

beforeAll(async () => {
  grid = await messyGrid(600);
  const report = validate(readWorkbook(withoutExceptionsSheet(grid)).document);
  expected = { findings: report.findings.length, ...report.summary };
}, 300_000);

/** Open the pane over the fake, click 校验整个工作簿, keep every status text and count frames until the first card. */
async function check(page: Page, lang: "zh" | "en" = "zh"): Promise<{ texts: string[]; frames: number; syncs: number }> {
  await page.goto(`${ORIGIN}/taskpane.html${lang === "en" ? "?lang=en" : ""}`);
  const button = page.getByRole("button", { name: lang === "en" ? "Check the whole workbook" : "校验整个工作簿" });
  await button.waitFor();
  await page.evaluate(`(() => {
    const w = window;
    w.__texts = []; w.__frames = 0;
    document.addEventListener("click", () => { if (w.__s0 === undefined) w.__s0 = w.__fakeExcel.stats.syncs; }, { capture: true });
    new MutationObserver(() => {
      const s = document.querySelector("[data-testid=busy]");
      const text = s ? s.textContent : "";
      if (text && w.__texts[w.__texts.length - 1] !== text) w.__texts.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    const tick = () => { if (w.__s0 !== undefined) w.__frames++; if (!document.querySelector("[data-testid=card]")) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await button.click();
  // A picture of the progress while the check runs.
  await page.getByText(lang === "en" ? /Reading cells|Recognising|Checking/ : /正在(读取单元格|识别表格|校验)/).first().waitFor({ timeout: 120_000 });
  await page.screenshot({ path: shotPath(`pane-600-progress-${lang}-${await page.evaluate(() => (typeof Worker === "undefined" ? "main" : "worker"))}.png`) });
  await page.locator("[data-testid=card]").first().waitFor({ timeout: 240_000 });
  return page.evaluate(`(() => ({ texts: window.__texts, frames: window.__frames, syncs: window.__fakeExcel.stats.syncs - window.__s0 }))()`) as Promise<{
    texts: string[];
    frames: number;
    syncs: number;
  }>;
}

async function expectNodesFindings(page: Page): Promise<void> {
  expect(expected.findings).toBeGreaterThan(3000); // a big list, as the bench's
  expect(await page.locator("#jxmb-findings").textContent()).toContain(`共 ${expected.findings} 条`);
  for (const sev of ["error", "warning", "info"] as const) expect(await page.getByTestId(`count-${sev}`).textContent()).toBe(String(expected[sev]));
}

describe("task pane: a 600-project check", () => {
  test("in the analysis worker: progress through read and check, Node's findings, keyboard and jump-to-cell", async () => {
    const served = await serveDist(browser(), { officeJs: "/* office.js stub: the fake is installed by the test */", width: 360 });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    const { texts, frames, syncs } = await check(page);

    // The read: sheet list, used ranges, 9 cell batches (11 round trips); then the worker's two stages.
    expect(syncs).toBe(11);
    expect(texts).toContain("正在读取工作表列表…… 5%");
    expect(texts.filter((t) => /^正在读取单元格（第 \d+\/9 批）/.test(t)).length).toBeGreaterThanOrEqual(5);
    expect(texts).toContain("正在识别表格…… 100%");
    expect(texts).toContain("正在校验 600 个项目…… 100%");
    expect(texts.indexOf("正在识别表格…… 100%")).toBeLessThan(texts.indexOf("正在校验 600 个项目…… 100%"));
    // The check ran in the worker (its chunk was fetched) and the pane painted throughout.
    expect(served.requests.some((u) => /\/analysis-worker\.[0-9a-f]+\.chunk\.js$/.test(u))).toBe(true);
    expect(frames).toBeGreaterThan(10);
    await expectNodesFindings(page);
    await page.screenshot({ path: shotPath("pane-600-results.png") });

    // Click a card: its cell is selected in the workbook.
    const selections = () => page.evaluate(() => (window as any).__fakeExcel.stats.selections as { sheet: string; address: string }[]);
    const firstCard = page.locator("[data-testid=card]").first();
    expect(await firstCard.getAttribute("data-severity")).toBe("error");
    await firstCard.click();
    await page.waitForFunction(() => (window as any).__fakeExcel.stats.selections.length > 0);
    expect((await selections()).at(-1)).toEqual({ sheet: await firstCard.getAttribute("data-sheet"), address: (await firstCard.getAttribute("data-cell"))!.split(":")[0] });

    // Keyboard: the list takes focus, Home goes to the first project, arrows reach the second card, Enter jumps.
    await page.getByTestId("todo").focus();
    await page.keyboard.press("Home");
    let cards = 0;
    const activeKind = () => page.evaluate(() => document.getElementById(document.querySelector("[data-testid=todo]")!.getAttribute("aria-activedescendant") ?? "")?.getAttribute("data-testid") ?? null);
    for (let i = 0; i < 12 && cards < 2; i++) {
      await page.keyboard.press("ArrowDown");
      if ((await activeKind()) === "card") cards++;
    }
    expect(cards).toBe(2);
    const activeId = await page.evaluate(() => document.querySelector("[data-testid=todo]")!.getAttribute("aria-activedescendant"));
    const target = page.locator(`[id="${activeId}"]`);
    const n0 = (await selections()).length;
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => (window as any).__fakeExcel.stats.selections.length > n, n0);
    expect((await selections()).at(-1)).toEqual({ sheet: await target.getAttribute("data-sheet"), address: (await target.getAttribute("data-cell"))!.split(":")[0] });
    await page.getByTestId("cell-now").waitFor();
    await page.screenshot({ path: shotPath("pane-600-keyboard.png") });

    expect(served.foreign()).toEqual([]);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("en-US: the progress speaks English through read and check", async () => {
    const served = await serveDist(browser(), { officeJs: "/* stub */", width: 360 });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    const { texts } = await check(page, "en");
    expect(texts).toEqual(expect.arrayContaining(["Reading the list of sheets… 5%", "603 sheets read 100%", "Recognising the tables… 100%", "Checking 600 projects… 100%"]));
    expect(texts.some((t) => /^Reading cells \(batch \d+\/9\)/.test(t))).toBe(true);
    expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("without Worker (some Office hosts): the same check in the pane's thread, the same findings", async () => {
    const served = await serveDist(browser(), { officeJs: "/* stub */", width: 360 });
    await served.context.addInitScript({ content: "delete window.Worker;" });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    const { texts, syncs } = await check(page);
    expect(syncs).toBe(11);
    expect(texts).toContain("正在识别表格…… 100%");
    expect(served.requests.some((u) => /analysis-worker/.test(u))).toBe(false);
    await expectNodesFindings(page);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("a worker that cannot load (refused by the host): the check falls back to the pane's thread, no error shown", async () => {
    const served = await serveDist(browser(), { officeJs: "/* stub */", width: 360 });
    let refused = 0;
    await served.context.route(/\/analysis-worker\.[0-9a-f]+\.chunk\.js$/, (route) => (refused++, route.fulfill({ status: 404, body: "" })));
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    const { syncs } = await check(page);
    expect(syncs).toBe(11);
    expect(refused).toBeGreaterThan(0); // the worker was asked for, and refused
    await expectNodesFindings(page);
    expect(await page.getByTestId("notice").count()).toBe(0);
    // Only the refused fetch itself may be logged.
    expect(served.errors.filter((e) => !/404|Failed to load resource|analysis-worker/.test(e))).toEqual([]);
    await served.context.close();
  });
});
