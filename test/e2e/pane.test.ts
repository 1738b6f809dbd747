/**
 * Real-browser tests of the production build (dist/), in Debian Chromium:
 *  - Office mode: a recording fake of Office/Excel is injected before the page loads (office.js from the CDN is
 *    answered with an empty stub); 校验 shows the same rule ids and cells as readWorkbook + validate in Node on the
 *    same seed workbook; clicking (and Enter on) a finding selects that cell in the fake; 导出 JSON downloads the
 *    same canonical JSON as Node; 导入 JSON previews, then inserts NEW sheets only; 插入模板 can be cancelled and
 *    undone (撤销插入 asks first when the new sheets were edited); bad JSON gets a Chinese error.
 *  - Standalone mode: upload and drop a seed workbook (exceljs is fetched only then), same findings, export.
 * No request may leave the page's origin (except the stubbed office.js URL in Office mode), and the page must log
 * no errors (CSP violations included). Screenshots go to out/e2e/ on every run; with JXMB_SCREENSHOTS=1
 * they refresh docs/screenshot-taskpane.png and docs/screenshot-standalone.png (the README's pictures).
 *
 * dist/ is built here when missing or older than src/ (`npm run build`, ~1–2 min on 2 cores).
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { toCanonicalJson } from "../../src/model/canonical";
import { sheetRef, type Grid } from "../../src/model/grid";
import { collectFindings, DIST, ensureDist, exportJsonAnyway, fakeOfficeScript, launch, ORIGIN, ROOT, serveDist, shotPath } from "./harness";
import { measureBundle } from "../../bench/bundle";
import { getRule } from "../../src/model/rules/index";

import { analyseWorkbook, exportWorkbook, READ_PROBLEM_RULE_ID } from "../../src/cli/pipeline";
import ExcelJS from "exceljs";
import { acceptFinding, EXCEPTIONS_SHEET, exceptionsSheet } from "../../src/model/exceptions";

jest.setTimeout(180_000);

interface Row {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}

async function expectedFor(file: string): Promise<{ grid: Grid; rows: Row[]; json: string; summary: { error: number; warning: number; info: number } }> {
  const grid = await loadGrid(readFileSync(join(ROOT, "examples", file)), { fileName: file });
  const { document } = readWorkbook(grid);
  const report = validate(document);
  return {
    grid,
    rows: report.findings.map((f) => ({ rule: f.ruleId, severity: f.severity, sheet: f.sheet ?? "", cell: f.cell ?? "" })),
    json: toCanonicalJson(document),
    summary: report.summary,
  };
}

async function shownFindings(page: Page): Promise<Row[]> {
  return collectFindings(page);
}

/** "'表 1'!C5" as the pane writes it. */
function sheetRefLabel(sheet: string, cell: string): string {
  return sheetRef(sheet, cell);
}

const key = (r: Row) => `${r.rule}|${r.severity}|${r.sheet}|${r.cell}`;

/** Readable at ~320 px: nothing wider than the viewport; every button and form control has an accessible name. */
async function expectNarrowAndLabelled(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  const unnamed = await page.$$eval("button, select, input:not([type=hidden])", (els) =>
    els
      .filter((e) => {
        const aria = e.getAttribute("aria-label") || e.getAttribute("aria-labelledby");
        const text = (e.textContent ?? "").trim();
        const id = e.getAttribute("id");
        const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
        return !aria && !text && !label && !e.closest("label");
      })
      .map((e) => e.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
  expect(await clippedSelects(page)).toEqual([]);
}

/** Drop-downs whose chosen option is wider than the box shows (the profile choice once read “自动（按表样识” at 320 px). */
function clippedSelects(page: Page): Promise<string[]> {
  return page.$$eval("select", (els) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    return (els as HTMLSelectElement[])
      .filter((e) => e.offsetParent !== null)
      .filter((e) => {
        const cs = getComputedStyle(e);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return ctx.measureText(e.selectedOptions[0]?.text ?? "").width > room;
      })
      .map((e) => `${e.selectedOptions[0]?.text} in ${e.clientWidth}px`);
  });
}

let browser: Browser;

beforeAll(async () => {
  ensureDist();
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe("bundle", () => {
  test("initial scripts of both pages stay ≤ 300 KB gzip and never contain exceljs", () => {
    const r = measureBundle(DIST);
    expect(r.pages.map((p) => p.page)).toEqual(["taskpane.html", "standalone.html"]);
    expect(r.exceljsInitial).toBe(false);
    for (const p of r.pages) expect(p.gzip).toBeLessThanOrEqual(300 * 1024);
    expect(r.lazy.some((c) => /exceljs/.test(c.file))).toBe(true);
    // the shared-runtime page carries the custom functions and commands
    expect(r.pages[0].scripts.map((s) => s.file)).toEqual(expect.arrayContaining(["functions.js"]));
  });
});

describe("task pane in Office mode (fake Office/Excel)", () => {
  test("validate, jump to a cell, export JSON, import JSON as new sheets", async () => {
    const file = "seed-000.xlsx";
    const exp = await expectedFor(file);
    expect(exp.rows.length).toBeGreaterThan(10); // a comparison of two empty lists would prove nothing
    const served = await serveDist(browser, { officeJs: "/* office.js stub: the fake is installed by the test */" });
    await served.context.addInitScript({ content: fakeOfficeScript(exp.grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);

    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("summary").waitFor();

    // Same findings (rule id, sheet, cell) and counts as Node.
    const shown = await shownFindings(page);
    expect(shown.map(key).sort()).toEqual(exp.rows.map(key).sort());
    for (const sev of ["error", "warning", "info"] as const) {
      expect(await page.getByTestId(`count-${sev}`).textContent()).toBe(String(exp.summary[sev]));
    }
    // …and as the CLI (`jxmb validate` / `jxmb export` use these functions): findings, then read problems.
    const bytes = readFileSync(join(ROOT, "examples", file));
    const cli = await analyseWorkbook(bytes, file);
    const cliRows = cli.findings.filter((f) => f.ruleId !== READ_PROBLEM_RULE_ID);
    expect(shown.map(key).sort()).toEqual(cliRows.map((f) => key({ rule: f.ruleId, severity: f.severity, sheet: f.sheet ?? "", cell: f.cell ?? "" })).sort());
    const problemCount = cli.findings.length - cliRows.length;
    expect(await page.locator("[data-testid=problems] > li").count()).toBe(problemCount);
    const stats1 = await page.evaluate(() => (window as any).__fakeExcel.stats);
    expect(stats1.syncs).toBe(1 + 3); // the seal probe on open (sheet names), then one whole-workbook read: 3 round trips for 40 sheets

    // The to-do list opens on a 错误: the first card is an error, and 下一个问题 selects its cell.
    const firstCard = page.locator("[data-testid=card]").first();
    expect(await firstCard.getAttribute("data-severity")).toBe("error");
    const errorCells = exp.rows.filter((r) => r.severity === "error" && r.cell);
    // The fake answers each sync in a later task, as Excel does: wait for the selection to arrive before reading it.
    const selections = () => page.evaluate(() => (window as any).__fakeExcel.stats.selections as { sheet: string; address: string }[]);
    const nextSelection = async (n0: number) => {
      await page.waitForFunction((n) => (window as any).__fakeExcel.stats.selections.length > n, n0);
      return (await selections()).at(-1);
    };
    let n0 = (await selections()).length;
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByTestId("position").waitFor();
    const first = { sheet: (await firstCard.getAttribute("data-sheet"))!, cell: (await firstCard.getAttribute("data-cell"))! };
    expect(await nextSelection(n0)).toEqual({ sheet: first.sheet, address: first.cell.split(":")[0] });
    expect(errorCells.some((r) => r.sheet === first.sheet && r.cell === first.cell)).toBe(true);
    expect(await page.getByTestId("position").textContent()).toMatch(/^第 1\/\d+ 处$/);
    // …then the next cell, and 上一个问题 comes back to the first.
    n0 = (await selections()).length;
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByText(/^第 2\/\d+ 处$/).waitFor();
    const second = await nextSelection(n0);
    expect(second).not.toEqual({ sheet: first.sheet, address: first.cell.split(":")[0] });
    n0 = (await selections()).length;
    await page.getByRole("button", { name: "上一个问题" }).click();
    await page.getByText(/^第 1\/\d+ 处$/).waitFor();
    expect(await nextSelection(n0)).toEqual({ sheet: first.sheet, address: first.cell.split(":")[0] });
    // The active card names its rule ids (in the details) and what the cell holds now.
    await page.getByTestId("cell-now").waitFor();
    expect(await page.getByTestId("card-details").textContent()).toMatch(/规则编号：[a-z-]+\/[a-z0-9-]+/);

    // One card per cell: no two cards share a cell.
    const cards = await page.evaluate(async () => {
      const box = document.querySelector("[data-testid=todo]") as HTMLElement;
      const seen = new Map<string, string>();
      box.scrollTop = 0;
      for (let i = 0; i < 5000; i++) {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        box.querySelectorAll("[data-testid=card]").forEach((c) => {
          const k = (c.parentElement as HTMLElement).dataset.vkey!;
          seen.set(k, `${c.getAttribute("data-sheet")}!${c.getAttribute("data-cell")}`);
        });
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
        box.scrollTop += box.clientHeight * 0.8;
      }
      box.scrollTop = 0;
      return [...seen.values()].filter((v) => !v.endsWith("!"));
    });
    expect(cards.length).toBeGreaterThan(10);
    expect(new Set(cards).size).toBe(cards.length);

    // Keyboard: Tab reaches the list in a few presses; arrow keys move; Enter selects the active card's cell.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    let tabs = 0;
    while (tabs < 30 && !(await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "todo"))) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(16);
    await page.keyboard.press("Home"); // the first project's header
    const activeKind = () =>
      page.evaluate(() => {
        const id = document.querySelector("[data-testid=todo]")!.getAttribute("aria-activedescendant");
        return id ? document.getElementById(id)?.getAttribute("data-testid") : null;
      });
    expect(await activeKind()).toBe("project");
    let cardsPassed = 0;
    for (let i = 0; i < 12 && cardsPassed < 2; i++) {
      await page.keyboard.press("ArrowDown"); // category header, first card, …, the second card
      if ((await activeKind()) === "card") cardsPassed++;
    }
    expect(cardsPassed).toBe(2);
    const activeId = await page.evaluate(() => document.querySelector("[data-testid=todo]")!.getAttribute("aria-activedescendant"));
    const target = page.locator(`[id="${activeId}"]`);
    expect(await target.getAttribute("data-testid")).toBe("card");
    n0 = (await selections()).length;
    await page.keyboard.press("Enter");
    expect(await nextSelection(n0)).toEqual({ sheet: await target.getAttribute("data-sheet"), address: (await target.getAttribute("data-cell"))!.split(":")[0] });
    // Left on a card goes to its project; Left again collapses it (its cards leave the list), Right opens it.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const proj = page.locator("[data-testid=project]").first();
    expect(await proj.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowRight");
    expect(await proj.getAttribute("aria-expanded")).toBe("true");
    // The project header shows its must-fix count (错误 cards).
    expect(await proj.getByTestId("must-fix").textContent()).toMatch(/^必改 [1-9]\d*$/);

    // Tiles filter: 错误 shows only errors; clicking it again shows everything.
    await page.getByTestId("tile-error").click();
    expect(await page.getByTestId("tile-error").getAttribute("aria-pressed")).toBe("true");
    const errorsOnly = await shownFindings(page);
    expect(errorsOnly.length).toBe(exp.summary.error);
    expect(errorsOnly.every((r) => r.severity === "error")).toBe(true);
    await page.getByTestId("tile-warning").click();
    expect((await shownFindings(page)).every((r) => r.severity === "warning")).toBe(true);
    await page.getByTestId("tile-warning").click();
    expect((await shownFindings(page)).length).toBe(exp.rows.length);

    // The rule filter speaks Chinese, grouped by category; the ids stay out of the options.
    const options = await page.locator("select >> nth=1").locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(3);
    expect(options.every((o) => !/[a-z]+\/[a-z-]+/.test(o))).toBe(true);
    const groupsShown = await page.locator("select >> nth=1").locator("optgroup").evaluateAll((els) => els.map((e) => e.getAttribute("label")));
    expect(groupsShown).toEqual(expect.arrayContaining(["指标值"]));

    await expectNarrowAndLabelled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shotPath("screenshot-taskpane.png"), fullPage: false });

    // Export with open 错误: the pane says how many and lets the clerk go on; the download is the same canonical
    // JSON as Node, and the clipboard holds it too.
    expect(exp.summary.error).toBeGreaterThan(0);
    await page.getByRole("button", { name: "导出 JSON" }).click();
    await page.getByText(`还有 ${exp.summary.error} 个错误未改`).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "仍然导出" }).click()]);
    await page.getByText(`已导出 JSON（其中仍有 ${exp.summary.error} 个错误）`).waitFor();
    const exported = readFileSync((await download.path())!, "utf8");
    expect(exported).toBe(exp.json);
    expect(exported).toBe((await exportWorkbook(bytes, file)).json);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(exp.json);

    // Summary for e-mail.
    await page.getByRole("button", { name: "复制校验摘要" }).click();
    await page.getByText("校验摘要已复制").waitFor();
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toContain(`错误 ${exp.summary.error} 条，警告 ${exp.summary.warning} 条，提示 ${exp.summary.info} 条`);

    // Import the exported JSON: a preview first (nothing written), then NEW sheets only, existing sheets untouched.
    const before = await page.evaluate(() => JSON.stringify((window as any).__fakeExcel.book.sheets));
    const beforeCount = exp.grid.sheets.length;
    await page.getByLabel("选择要导入的 JSON 文件").setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(exported) });
    const preview = page.getByTestId("insert-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/将新增 \d+ 个工作表，共 \d+ 个单元格；原有工作表不会改动。/);
    expect(await page.evaluate(() => JSON.stringify((window as any).__fakeExcel.book.sheets))).toBe(before); // nothing written yet
    await expectNarrowAndLabelled(page); // the preview's long sheet list wraps inside 320 px
    await page.getByRole("button", { name: "确认插入" }).click();
    await page.getByText("已导入 JSON").waitFor();
    // Never stale silently: the results say they are out of date after the import.
    await page.getByTestId("stale").getByText("结果已过期").waitFor();
    const after = await page.evaluate(() => (window as any).__fakeExcel.book.sheets.map((s: { name: string }) => s.name));
    expect(after.length).toBeGreaterThan(beforeCount);
    expect(JSON.stringify(JSON.parse(before).slice(0, beforeCount))).toBe(
      await page.evaluate((n) => JSON.stringify((window as any).__fakeExcel.book.sheets.slice(0, n)), beforeCount),
    );
    expect(new Set(after).size).toBe(after.length);

    // Bad JSON: one plain Chinese sentence, the details folded away; nothing inserted.
    await page.getByLabel("选择要导入的 JSON 文件").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{ 不是 JSON") });
    await page.getByText("“bad.json”不是本助手导出的绩效目标 JSON，无法导入。").waitFor();
    expect(await page.evaluate(() => (window as any).__fakeExcel.book.sheets.length)).toBe(after.length);
    // A JSON object of the wrong shape: the same one sentence; the schema paths only inside the closed details.
    await page.getByLabel("选择要导入的 JSON 文件").setInputFiles({ name: "a.json", mimeType: "application/json", buffer: Buffer.from('{"a":1}') });
    await page.getByText("“a.json”不是本助手导出的绩效目标 JSON，无法导入。").waitFor();
    const notice = page.getByTestId("notice");
    expect(await notice.locator("details").getAttribute("open")).toBeNull();
    expect(await notice.locator("details summary").textContent()).toMatch(/^查看详细原因（\d+ 条）$/);
    expect(await notice.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(/\$schema|期望/); // folded: not visible
    expect(await page.evaluate(() => (window as any).__fakeExcel.book.sheets.length)).toBe(after.length);

    // 插入模板 → 完整模板: cancel once (nothing written), then confirm: new sheets under free names (部门/汇总 exist
    // after the import above).
    const countBefore = after.length;
    const workbookState = () => page.evaluate(() => JSON.stringify({ sheets: (window as any).__fakeExcel.book.sheets, names: (window as any).__fakeExcel.book.names }));
    const snapshot = await workbookState();
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("menuitem", { name: /完整模板/ }).click();
    await page.getByTestId("insert-preview").waitFor();
    // Focus goes to 确认插入 after the menu choice (not to <body>).
    await page.waitForFunction(() => document.activeElement?.textContent === "确认插入");
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消，工作簿未改动").waitFor();
    expect(await workbookState()).toBe(snapshot);
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("menuitem", { name: /完整模板/ }).click();
    await page.getByRole("button", { name: "确认插入" }).click();
    await page.getByText("模板已生成").waitFor();
    await page.getByTestId("stale").waitFor();
    const withTemplate: string[] = await page.evaluate(() => (window as any).__fakeExcel.book.sheets.map((s: { name: string }) => s.name));
    expect(withTemplate.length).toBe(countBefore + 6); // 部门, 汇总, 3 project sheets, hidden lists
    expect(withTemplate.slice(0, countBefore)).toEqual(after);
    expect(new Set(withTemplate.map((n) => n.toLowerCase())).size).toBe(withTemplate.length);

    // 撤销插入 after the user typed into one of the new sheets: the pane asks first; “仍然删除” takes exactly the
    // template's sheets away, in 2 round trips, and the workbook is as before the template.
    const edited = withTemplate[countBefore + 2];
    await page.evaluate((name) => {
      const s = (window as any).__fakeExcel.book.sheets.find((x: { name: string }) => x.name === name);
      s.values[2][1] = "用户输入";
      s.formulas[2][1] = "用户输入";
    }, edited);
    const syncs0 = await page.evaluate(() => (window as any).__fakeExcel.stats.syncs);
    // Every insert of the session can be undone: both are listed, the newest first.
    expect(await page.getByTestId("undo-item").count()).toBe(2);
    await page.getByRole("button", { name: "撤销插入" }).first().click();
    await page.getByText(`以下工作表在插入后已被修改：${edited}`, { exact: false }).waitFor();
    await expectNarrowAndLabelled(page);
    await page.getByRole("button", { name: "仍然删除" }).click();
    await page.getByText("已撤销插入").waitFor();
    expect((await page.evaluate(() => (window as any).__fakeExcel.stats.syncs)) - syncs0).toBe(2);
    expect(await workbookState()).toBe(snapshot); // sheets and workbook names exactly as before the template
    // The import is still undoable; undoing it too gives back the workbook as it was opened.
    expect(await page.getByTestId("undo-item").count()).toBe(1);
    await page.getByRole("button", { name: "撤销插入" }).click();
    await page.getByText("已撤销插入").first().waitFor();
    await page.waitForFunction((n) => (window as any).__fakeExcel.book.sheets.length === n, beforeCount);
    expect(await page.getByTestId("undo").count()).toBe(0);

    expect(served.foreign()).toEqual([]);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });
});

describe("task pane in Office mode: stale results, re-checking one sheet, accepted exceptions", () => {
  test("an edit marks the results out of date; re-reading only that sheet keeps filters and position; 已核实，保留 round-trips", async () => {
    const file = "seed-000.xlsx";
    const exp = await expectedFor(file);
    const served = await serveDist(browser, { officeJs: "/* stub */" });
    await served.context.addInitScript({ content: fakeOfficeScript(exp.grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    const fake = () => page.evaluate(() => (window as any).__fakeExcel.stats);
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("summary").waitFor();
    const full = await fake();
    expect(full.syncs).toBe(1 + 3); // seal probe on open + the read; watching the sheets costs no extra round trip
    const fullBytes = full.batches.reduce((a: number, b: { responseBytes: number }) => a + b.responseBytes, 0);

    // Warnings only, second card active.
    await page.getByTestId("tile-warning").click();
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByText(/^第 2\/\d+ 处$/).waitFor();
    const active = page.locator("[data-testid=card][aria-selected=true]");
    const sheet = (await active.getAttribute("data-sheet"))!;
    const cell = (await active.getAttribute("data-cell"))!;
    const warnings0 = Number(await page.getByTestId("count-warning").textContent());

    // The clerk types into that project's sheet: Excel fires onChanged → the pane says its results are stale.
    await page.evaluate(({ sheet }) => (window as any).__fakeExcel.book.edit(sheet, "A1", "改了标题"), { sheet });
    await page.getByTestId("stale").getByText(`工作表“${sheet}”已被修改`).waitFor();

    // Re-read only that sheet: 3 round trips, a fraction of the bytes; filter and position are kept.
    const before = await fake();
    await page.getByRole("button", { name: "只重新读取改过的工作表" }).click();
    await page.getByTestId("stale").waitFor({ state: "detached" });
    const after = await fake();
    expect(after.syncs - before.syncs).toBe(3);
    const partBytes = after.batches.slice(before.batches.length).reduce((a: number, b: { responseBytes: number }) => a + b.responseBytes, 0);
    expect(partBytes).toBeLessThan(fullBytes / 5);
    expect(await page.getByTestId("tile-warning").getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByTestId("position").textContent()).toMatch(/^第 2\/\d+ 处$/);
    expect(await active.getAttribute("data-cell")).toBe(cell);

    // 已核实，保留: the reason box gets the focus; saving writes only the hidden exceptions sheet.
    const sheetsBefore = await page.evaluate(() => JSON.stringify((window as any).__fakeExcel.book.sheets.map((s: any) => [s.name, s.values, s.formulas])));
    const cardFindings = await active.locator("[data-testid=finding]").count();
    await page.getByRole("button", { name: "已核实，保留" }).click();
    await page.getByTestId("accept-form").waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await page.keyboard.type("与项目批复文件一致");
    await page.getByLabel("核实人（可不填）").fill("李会计");
    await page.getByRole("button", { name: "保存核实记录" }).click();
    await page.getByText(`已记录：${sheetRefLabel(sheet, cell)} 已核实，保留`).waitFor();
    const stored = await page.evaluate(() => (window as any).__fakeExcel.book.sheets.find((s: any) => s.name === "_jxmb_exceptions"));
    expect(stored.visibility).toBe("Hidden");
    expect(stored.values[0].slice(0, 8)).toEqual(["规则编号", "项目编码", "工作表", "单元格", "核实时的值", "理由", "日期", "核实人"]);
    expect(stored.values.length).toBe(1 + cardFindings);
    expect(stored.values[1].slice(2, 4)).toEqual([sheet, cell]);
    expect(stored.values[1][5]).toBe("与项目批复文件一致");
    expect(stored.values[1][7]).toBe("李会计");
    const sheetsAfter = await page.evaluate(() => JSON.stringify((window as any).__fakeExcel.book.sheets.filter((s: any) => s.name !== "_jxmb_exceptions").map((s: any) => [s.name, s.values, s.formulas])));
    expect(sheetsAfter).toBe(sheetsBefore); // nothing else written
    // Listed apart, not counted.
    await page.getByText(`已核实 ${cardFindings} 项`).waitFor();
    expect(Number(await page.getByTestId("count-warning").textContent())).toBe(warnings0 - cardFindings);
    expect(await page.getByTestId("stale").count()).toBe(0); // our own sheet's write does not make results stale

    // A full re-check reads the exceptions back from the workbook.
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByText(`已核实 ${cardFindings} 项`).waitFor();
    expect(Number(await page.getByTestId("count-warning").textContent())).toBe(warnings0 - cardFindings);

    // Withdraw → open again; 撤销上一次核实操作 → accepted again.
    await page.getByRole("button", { name: "撤回" }).first().click();
    await page.getByText(/^已撤回 /).waitFor();
    await page.getByRole("button", { name: "撤销上一次核实操作" }).click();
    await page.getByText("已撤销上一次核实操作").waitFor();
    expect(Number(await page.getByTestId("count-warning").textContent())).toBe(warnings0 - cardFindings);

    // The clerk changes the accepted cell: the exception lapses on the next check and the finding is back.
    await page.evaluate(({ sheet, cell }) => (window as any).__fakeExcel.book.edit(sheet, cell.split(":")[0], "新的内容"), { sheet, cell });
    await page.getByTestId("stale").waitFor();
    await page.getByRole("button", { name: "重新校验" }).click();
    await page.getByTestId("stale").waitFor({ state: "detached" });
    await page.getByTestId("lapsed-item").first().waitFor();
    expect(await page.getByTestId("lapsed-item").first().textContent()).toContain("现在：新的内容");

    await expectNarrowAndLabelled(page);
    expect(served.errors).toEqual([]);
    expect(served.foreign()).toEqual([]);
    await served.context.close();
  });

  test("a workbook without a table: 未找到绩效目标表 and 插入模板 as the next step; exporting 0 projects asks first", async () => {
    const grid: Grid = { sheets: [{ name: "Sheet1", values: [["随便写的"], [null, 42]], merges: [] }], names: [] };
    const served = await serveDist(browser, { officeJs: "/* stub */" });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("no-table").getByText("未找到绩效目标表").waitFor();
    expect(await page.getByText("没有发现问题").count()).toBe(0);
    expect(await page.getByTestId("summary").count()).toBe(0);
    await page.getByTestId("no-table").getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("menuitem", { name: "一个项目表" }).click();
    await page.getByTestId("insert-preview").waitFor();
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByRole("button", { name: "导出 JSON" }).click();
    await page.getByTestId("confirm").getByText("没有可导出的项目").waitFor();
    await page.getByTestId("confirm").getByRole("button", { name: "取消" }).click();
    expect(served.errors).toEqual([]);
    await served.context.close();
  });
});

describe("comfort: zoom, text size, locales", () => {
  test("200 % zoom (160 CSS px) scrolls only vertically; all text ≥ 13 px; zh-CN without English asides; en-US whole", async () => {
    const exp = await expectedFor("seed-002.xlsx");
    const served = await serveDist(browser, { officeJs: "/* stub */", width: 160 });
    await served.context.addInitScript({ content: fakeOfficeScript(exp.grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("summary").waitFor();
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByTestId("cell-now").waitFor();
    await expectNarrowAndLabelled(page);
    await page.screenshot({ path: join(ROOT, "out", "e2e", "zoom-200.png"), fullPage: false }); // never a docs picture
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .map((e) => ({ text: e.textContent!.trim().slice(0, 30), px: parseFloat(getComputedStyle(e).fontSize) }))
        .filter((x) => x.px < 13),
    );
    expect(small).toEqual([]);
    // zh-CN chrome: no "（English）" asides anywhere in buttons, labels, headings and notices.
    const chrome = await page.evaluate(() => [...document.querySelectorAll("button, label, h1, h2, h3, summary, option, [role=status]")].map((e) => e.textContent ?? ""));
    expect(chrome.filter((t) => /（[A-Za-z][^）]*）|\([A-Za-z][^)]*\)/.test(t))).toEqual([]);
    await served.context.close();

    // en-US is a whole locale.
    const en = await serveDist(browser, { officeJs: "/* stub */" });
    await en.context.addInitScript({ content: fakeOfficeScript(exp.grid) });
    const p2 = await en.context.newPage();
    await p2.goto(`${ORIGIN}/taskpane.html?lang=en`);
    await p2.getByRole("button", { name: "Check the whole workbook" }).click();
    await p2.getByTestId("summary").waitFor();
    const buttons = await p2.evaluate(() => [...document.querySelectorAll("main button")].map((e) => e.textContent ?? "").filter((t) => !/^\d/.test(t)));
    expect(buttons.filter((t) => /[\u4e00-\u9fff]/.test(t) && !/^\d+\./.test(t))).toEqual([]);
    // No Chinese punctuation in the English chrome (the list heading once read "To-do list（…）").
    const enChrome = await p2.evaluate(() => [...document.querySelectorAll("h1, h2, h3, label, summary, select > option, optgroup")].map((e) => e.getAttribute("label") ?? e.textContent ?? ""));
    expect(enChrome.filter((t) => /[（），：；]/.test(t))).toEqual([]);
    expect(await p2.locator("#jxmb-findings").textContent()).toMatch(/^To-do list \(\d+ cells \/ \d+ findings\)$/);
    // Rule titles are English too (they come with the run from the worker: the pane's initial scripts hold no rule).
    const heads = await p2.evaluate(() =>
      [...document.querySelectorAll("[data-testid=card]")].map((c) => ({
        head: c.firstElementChild?.textContent ?? "",
        rules: [...c.querySelectorAll("[data-testid=finding]")].map((f) => f.getAttribute("data-rule") ?? ""),
      })),
    );
    let titled = 0;
    for (const h of heads)
      for (const id of h.rules) {
        const meta = getRule(id)?.meta;
        if (!meta) continue; // a read problem: no rule, titled by its id
        expect(h.head).toContain(meta.titleEn);
        expect(h.head).not.toContain(meta.title);
        titled++;
      }
    expect(titled).toBeGreaterThan(0);
    expect(await clippedSelects(p2)).toEqual([]);
    await en.context.close();
  });

  test("standalone page at 200 % zoom: no sideways scroll, text ≥ 13 px, no English asides; en-US without Chinese chrome", async () => {
    const bytes = readFileSync(join(ROOT, "examples", "seed-002.xlsx"));
    const served = await serveDist(browser, { width: 160 });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByTestId("xlsx-input").setInputFiles({ name: "seed-002.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByTestId("cell-now").waitFor();
    await expectNarrowAndLabelled(page);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .map((e) => ({ text: e.textContent!.trim().slice(0, 30), px: parseFloat(getComputedStyle(e).fontSize) }))
        .filter((x) => x.px < 13),
    );
    expect(small).toEqual([]);
    const chrome = await page.evaluate(() => [...document.querySelectorAll("button, label, h1, h2, h3, summary, option, [role=status]")].map((e) => e.textContent ?? ""));
    expect(chrome.filter((t) => /（[A-Za-z][^）]*）|\([A-Za-z][^)]*\)/.test(t))).toEqual([]);
    // The page cannot select cells in the file: it never says “已选中单元格”.
    expect(await page.getByText("已选中单元格").count()).toBe(0);
    await served.context.close();

    const en = await serveDist(browser);
    const p2 = await en.context.newPage();
    await p2.goto(`${ORIGIN}/index.html?lang=en`);
    await p2.getByTestId("xlsx-input").setInputFiles({ name: "seed-002.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await p2.getByTestId("summary").waitFor({ timeout: 60_000 });
    const buttons = await p2.evaluate(() => [...document.querySelectorAll("button, h1, h2, label")].map((e) => e.textContent ?? ""));
    expect(buttons.filter((t) => /[\u4e00-\u9fff（）]/.test(t) && !/seed-002|^\d+\./.test(t))).toEqual([]);
    expect(await clippedSelects(p2)).toEqual([]);
    expect(en.errors).toEqual([]);
    await en.context.close();
  });
});

describe("task pane in Office mode: every layout", () => {
  test.each(["seed-001.xlsx", "seed-002.xlsx", "seed-002-stacked.xlsx", "seed-004.xlsx", "seed-004-merged.xlsx"])(
    "%s: the live-workbook path finds what Node finds, in 3 syncs",
    async (file) => {
      const exp = await expectedFor(file);
      const served = await serveDist(browser, { officeJs: "/* stub */" });
      await served.context.addInitScript({ content: fakeOfficeScript(exp.grid) });
      const page = await served.context.newPage();
      await page.goto(`${ORIGIN}/taskpane.html`);
      await page.getByRole("button", { name: "校验整个工作簿" }).click();
      await page.getByTestId("summary").waitFor();
      expect((await shownFindings(page)).map(key).sort()).toEqual(exp.rows.map(key).sort());
      expect(await page.evaluate(() => (window as any).__fakeExcel.stats.syncs)).toBe(1 + 3); // seal probe on open + the read
      expect(served.foreign()).toEqual([]);
      expect(served.errors).toEqual([]);
      await served.context.close();
    },
  );
});

describe("standalone page", () => {
  test("upload a seed workbook: the reader loads only then, same findings, export", async () => {
    const file = "seed-002.xlsx";
    const exp = await expectedFor(file);
    expect(exp.rows.length).toBeGreaterThan(10);
    const served = await serveDist(browser);
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole("button", { name: "打开 .xlsx 文件" }).waitFor();
    expect(served.requests.some((u) => /exceljs/.test(u))).toBe(false);

    await page.getByTestId("xlsx-input").setInputFiles(join(ROOT, "examples", file));
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    // The reader chunk is fetched only now (exceljs no longer reads workbooks: only 下载模板 loads it).
    expect(served.requests.some((u) => /xlsx-read/.test(u))).toBe(true);
    expect((await shownFindings(page)).map(key).sort()).toEqual(exp.rows.map(key).sort());

    const download = await exportJsonAnyway(page);
    expect(readFileSync((await download.path())!, "utf8")).toBe(exp.json);

    // 导出问题清单: an .xlsx with one row per finding, the cell column linking into the opened file; and CSV.
    const [listXlsx] = await Promise.all([
      page.waitForEvent("download"),
      (async () => {
        await page.getByRole("button", { name: "导出问题清单" }).click();
        await page.getByRole("menuitem", { name: /\.xlsx/ }).click();
      })(),
    ]);
    expect(listXlsx.suggestedFilename()).toMatch(/问题清单\.xlsx$/);
    const listGrid = await loadGrid(readFileSync((await listXlsx.path())!));
    const list = listGrid.sheets[0];
    expect(list.values[0].slice(0, 5)).toEqual(["序号", "项目", "工作表", "单元格", "严重程度"]);
    expect(list.values.length - 1).toBe(exp.rows.length);
    expect(list.values[1][4]).toBe(exp.summary.error > 0 ? "错误" : "警告");
    expect(list.formulas?.flat().some((f) => typeof f === "string" && f.startsWith(`HYPERLINK("${file}#`))).toBe(true);
    await page.getByText(`已导出问题清单（${exp.rows.length} 条）`).waitFor();
    const [listCsv] = await Promise.all([
      page.waitForEvent("download"),
      (async () => {
        await page.getByRole("button", { name: "导出问题清单" }).click();
        await page.getByRole("menuitem", { name: /\.csv/ }).click();
      })(),
    ]);
    const csv = readFileSync((await listCsv.path())!, "utf8");
    expect(csv.startsWith("\uFEFF序号,项目,工作表,单元格")).toBe(true);
    expect(csv.trim().split("\r\n").length).toBe(exp.rows.length + 1);

    // Another profile: same findings as Node with that profile.
    await page.getByRole("combobox", { name: /校验规则/ }).selectOption("central-2021");
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByText("（中央2021）").waitFor();
    const central = validate(readWorkbook(exp.grid, { profile: "central-2021" }).document, { profile: "central-2021" });
    expect((await shownFindings(page)).map(key).sort()).toEqual(central.findings.map((f) => key({ rule: f.ruleId, severity: f.severity, sheet: f.sheet ?? "", cell: f.cell ?? "" })).sort());
    // The profile matters here (severities differ from the default run), and the pane shows the profile's counts.
    expect(central.summary).not.toEqual(exp.summary);
    for (const sev of ["error", "warning", "info"] as const) {
      expect(await page.getByTestId(`count-${sev}`).textContent()).toBe(String(central.summary[sev]));
    }

    await expectNarrowAndLabelled(page);
    await page.screenshot({ path: shotPath("screenshot-standalone.png"), fullPage: false });

    // 下载模板 (the standalone 插入模板) = an .xlsx written by the lazily loaded exceljs, which reads back in Node.
    const [tpl] = await Promise.all([
      page.waitForEvent("download"),
      (async () => {
        await page.getByRole("button", { name: "下载模板" }).click();
        await page.getByRole("menuitem", { name: /一个项目表/ }).click();
      })(),
    ]);
    expect(tpl.suggestedFilename()).toMatch(/\.xlsx$/);
    const tplGrid = await loadGrid(readFileSync((await tpl.path())!));
    expect(tplGrid.sheets.map((s) => s.name)).toEqual(["项目1", "_lists"]);
    expect(tplGrid.sheets[1].hidden).toBe(true);
    expect(served.foreign()).toEqual([]);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("a workbook with accepted exceptions: the page lists them apart (已核实 N 项) and does not count them", async () => {
    const file = "seed-002.xlsx";
    const exp = await expectedFor(file);
    const targets = validate(readWorkbook(exp.grid).document).findings.filter((f) => f.cell && f.sheet && f.severity === "warning").slice(0, 2);
    expect(targets).toHaveLength(2);
    const list = targets.map((f) => acceptFinding(f, exp.grid, "已与批复核对", null, new Date("2026-12-05T00:00:00Z")));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(ROOT, "examples", file)) as unknown as ArrayBuffer);
    const ws = wb.addWorksheet(EXCEPTIONS_SHEET, { state: "hidden" });
    for (const r of exceptionsSheet(list).values) ws.addRow(r);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const served = await serveDist(browser);
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByTestId("xlsx-input").setInputFiles({ name: "accepted.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    await page.getByText("已核实 2 项").waitFor();
    expect(Number(await page.getByTestId("count-warning").textContent())).toBe(exp.summary.warning - 2);
    expect(await page.getByTestId("accepted-item").count()).toBe(2);
    expect(await page.getByTestId("accepted-item").first().textContent()).toContain("理由：已与批复核对（2026-12-05）");
    // The page keeps changes in a downloaded copy, never in the opened file (pageExceptions.test.ts).
    expect(await page.getByRole("button", { name: "撤回" }).count()).toBe(2);
    await page.getByTestId("keep-copy").getByText(/不会改动您打开的原文件/).waitFor();
    // Nothing says "已选中单元格" in the page (it cannot select cells in the file).
    await page.getByRole("button", { name: "下一个问题" }).click();
    await page.getByTestId("cell-now").waitFor();
    expect(await page.getByText("已选中单元格").count()).toBe(0);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("a local form: 未找到绩效目标表 with the next step, then a label file (--labels format) makes it readable", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRows([
      ["项目绩效目标表"],
      ["项目名称", "乡村道路养护"],
      ["主管部门", "某县交通运输局"],
      ["资金总额", "120万元"],
      ["一级指标", "二级指标", "三级指标", "预期成效"],
      ["产出指标", "数量指标", "养护里程", "≥35公里"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const served = await serveDist(browser);
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByTestId("xlsx-input").setInputFiles({ name: "本地表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByTestId("no-table").getByText("未找到绩效目标表").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("no-table").getByRole("button", { name: "下载模板" }).count()).toBe(1);
    expect(await page.getByText("没有发现问题").count()).toBe(0);
    // What the reader saw is there (the problems box is open in this state).
    await page.getByTestId("problems").getByText("找到指标栏目，但没有找到指标值栏", { exact: false }).waitFor();
    // A wrong label file: one sentence, details folded.
    await page.getByText("更多设置：本地栏目名称").click();
    await page.getByLabel("选择栏目别名 JSON 文件").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ columns: { 指标值: ["预期成效"] } })) });
    await page.getByText("“bad.json”不能用作栏目别名文件。").waitFor();
    // The right one: results go stale, and the re-check reads the form.
    await page.getByLabel("选择栏目别名 JSON 文件").setInputFiles({ name: "labels.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ columns: { value: ["预期成效"] } })) });
    await page.getByText("栏目别名：labels.json").waitFor();
    await page.getByTestId("stale").getByRole("button", { name: "重新校验" }).click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("no-table").count()).toBe(0);
    expect(await page.getByText(/^校验结果：1 个项目/).count()).toBe(1);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("drop a workbook on the page; taskpane.html without Office falls back to standalone", async () => {
    const file = "seed-004.xlsx";
    const exp = await expectedFor(file);
    expect(exp.rows.length).toBeGreaterThan(0);
    // office.js unreachable (aborted like a closed network): the pane must still boot, in standalone mode.
    const served = await serveDist(browser);
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.getByText("未检测到 Excel").waitFor();
    const b64 = readFileSync(join(ROOT, "examples", file)).toString("base64");
    await page.evaluate(
      ({ b64, name }) => {
        const bin = atob(b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        const zone = document.querySelector("[data-testid=dropzone]")!;
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { b64, name: file },
    );
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    expect((await shownFindings(page)).map(key).sort()).toEqual(exp.rows.map(key).sort());
    // The only off-origin request is the office.js tag itself, which the closed network refused.
    expect(served.foreign().every((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    expect(served.errors.filter((e) => !/office\.js|ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(e))).toEqual([]);
    await served.context.close();
  });
});
