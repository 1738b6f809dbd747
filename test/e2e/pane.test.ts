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
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { toCanonicalJson } from "../../src/model/canonical";
import type { Grid } from "../../src/model/grid";
import { DIST, ensureDist, fakeOfficeScript, launch, ORIGIN, ROOT, serveDist } from "./harness";
import { measureBundle } from "../../bench/bundle";

/** Screenshots land in out/e2e/ so a test run leaves the tree clean; JXMB_SCREENSHOTS=1 refreshes docs/. */
function shotPath(name: string): string {
  const dir = process.env.JXMB_SCREENSHOTS === "1" ? join(ROOT, "docs") : join(ROOT, "out", "e2e");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
import { analyseWorkbook, exportWorkbook, READ_PROBLEM_RULE_ID } from "../../src/cli/pipeline";

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
  return page.$$eval("[data-testid=finding]", (els) =>
    els.map((e) => ({
      rule: e.getAttribute("data-rule") ?? "",
      severity: e.getAttribute("data-severity") ?? "",
      sheet: e.getAttribute("data-sheet") ?? "",
      cell: e.getAttribute("data-cell") ?? "",
    })),
  );
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
    expect(stats1.syncs).toBe(3); // one whole-workbook read: 3 round trips for 40 sheets

    // Click a finding → the fake records the selection of exactly that cell.
    const withCell = exp.rows.find((r) => r.cell && r.sheet)!;
    const btn = page.locator(`[data-testid=finding][data-sheet="${withCell.sheet}"][data-cell="${withCell.cell}"]`).first();
    await btn.click();
    await page.getByTestId("selected").waitFor();
    let sel = await page.evaluate(() => (window as any).__fakeExcel.stats.selections);
    expect(sel[sel.length - 1]).toEqual({ sheet: withCell.sheet, address: withCell.cell.split(":")[0] });

    // Keyboard: focus another finding and press Enter.
    const other = exp.rows.filter((r) => r.cell && r.sheet && key(r) !== key(withCell))[3];
    const otherBtn = page.locator(`[data-testid=finding][data-sheet="${other.sheet}"][data-cell="${other.cell}"]`).first();
    await otherBtn.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => (window as any).__fakeExcel.stats.selections.length > n, sel.length);
    sel = await page.evaluate(() => (window as any).__fakeExcel.stats.selections);
    expect(sel[sel.length - 1]).toEqual({ sheet: other.sheet, address: other.cell.split(":")[0] });

    // Filters: errors only.
    await page.getByRole("checkbox", { name: /^警告/ }).uncheck();
    await page.getByRole("checkbox", { name: /^提示/ }).uncheck();
    expect((await shownFindings(page)).length).toBe(exp.summary.error);
    await page.getByRole("checkbox", { name: /^警告/ }).check();
    await page.getByRole("checkbox", { name: /^提示/ }).check();

    await expectNarrowAndLabelled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: shotPath("screenshot-taskpane.png"), fullPage: false });

    // Export: a download with the same canonical JSON as Node, and the clipboard holds it too.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 JSON" }).click()]);
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
    const after = await page.evaluate(() => (window as any).__fakeExcel.book.sheets.map((s: { name: string }) => s.name));
    expect(after.length).toBeGreaterThan(beforeCount);
    expect(JSON.stringify(JSON.parse(before).slice(0, beforeCount))).toBe(
      await page.evaluate((n) => JSON.stringify((window as any).__fakeExcel.book.sheets.slice(0, n)), beforeCount),
    );
    expect(new Set(after).size).toBe(after.length);

    // Bad JSON: a clear Chinese error, nothing inserted.
    await page.getByLabel("选择要导入的 JSON 文件").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{ 不是 JSON") });
    await page.getByText("不是有效的 JSON 文本", { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as any).__fakeExcel.book.sheets.length)).toBe(after.length);

    // 插入模板 → 完整模板: cancel once (nothing written), then confirm: new sheets under free names (部门/汇总 exist
    // after the import above).
    const countBefore = after.length;
    const workbookState = () => page.evaluate(() => JSON.stringify({ sheets: (window as any).__fakeExcel.book.sheets, names: (window as any).__fakeExcel.book.names }));
    const snapshot = await workbookState();
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("menuitem", { name: /完整模板/ }).click();
    await page.getByTestId("insert-preview").waitFor();
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消，工作簿未改动").waitFor();
    expect(await workbookState()).toBe(snapshot);
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("menuitem", { name: /完整模板/ }).click();
    await page.getByRole("button", { name: "确认插入" }).click();
    await page.getByText("模板已生成").waitFor();
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
    await page.getByRole("button", { name: "撤销插入" }).click();
    await page.getByText(`以下工作表在插入后已被修改：${edited}`, { exact: false }).waitFor();
    await expectNarrowAndLabelled(page);
    await page.getByRole("button", { name: "仍然删除" }).click();
    await page.getByText("已撤销插入").waitFor();
    expect((await page.evaluate(() => (window as any).__fakeExcel.stats.syncs)) - syncs0).toBe(2);
    expect(await workbookState()).toBe(snapshot); // sheets and workbook names exactly as before the template
    expect(await page.getByTestId("undo").count()).toBe(0);

    expect(served.foreign()).toEqual([]);
    expect(served.errors).toEqual([]);
    await served.context.close();
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
      expect(await page.evaluate(() => (window as any).__fakeExcel.stats.syncs)).toBe(3);
      expect(served.foreign()).toEqual([]);
      expect(served.errors).toEqual([]);
      await served.context.close();
    },
  );
});

describe("standalone page", () => {
  test("upload a seed workbook: exceljs loads only then, same findings, export", async () => {
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
    expect(served.requests.some((u) => /exceljs/.test(u))).toBe(true);
    expect((await shownFindings(page)).map(key).sort()).toEqual(exp.rows.map(key).sort());

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 JSON" }).click()]);
    expect(readFileSync((await download.path())!, "utf8")).toBe(exp.json);

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
