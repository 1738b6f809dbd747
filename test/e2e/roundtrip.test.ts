/**
 * The submission round trip in a real browser (production dist/, Debian Chromium):
 *  - Office mode over the recording fake: on open the pane says 未校验 (one round trip: the sheet names);
 *    校验并盖章 previews what it writes (the hidden sheet, 部门!H4), writes after 确认盖章 and says
 *    已校验且未修改; 撤销盖章 puts the workbook back byte for byte; after a user's edit a new check says
 *    校验后已修改 and names 项目 1 的 预算数; round trips counted.
 *  - The page: 下载盖章副本 downloads a sealed copy (the opened file is not written) that Node verifies as
 *    已校验且未修改; the copy opened again says so; edited with exceljs it says 校验后已修改 naming the change;
 *    比较版本 between the open workbook and the edited copy lists the change, gives the summary, and
 *    downloads the .xlsx report.
 * Screenshots go to out/e2e/ (docs/ with JXMB_SCREENSHOTS=1).
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { withoutExceptionsSheet } from "../../src/model/exceptions";
import { verifySeal, SEAL_SHEET } from "../../src/model/seal";
import { documentToWorkbook } from "../../src/cli/write";
import type { Grid } from "../../src/model/grid";
import { ensureDist, fakeOfficeScript, launch, ORIGIN, ROOT, serveDist } from "./harness";

jest.setTimeout(240_000);

function shotPath(name: string): string {
  const dir = process.env.JXMB_SCREENSHOTS === "1" ? join(ROOT, "docs") : join(ROOT, "out", "e2e");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const SEED = join(ROOT, "examples", "seed-002.xlsx");
let browser: Browser;
let template: Grid;
beforeAll(async () => {
  ensureDist();
  browser = await launch();
  const seed = await loadGrid(readFileSync(SEED), { fileName: "seed-002.xlsx" });
  template = await loadGrid(await documentToWorkbook(readWorkbook(seed).document), { fileName: "模板.xlsx" });
});
afterAll(async () => {
  await browser?.close();
});

test("pane (fake Excel): 未校验 on open → 校验并盖章 → 已校验且未修改; 撤销盖章 restores; an edit → 校验后已修改 naming it", async () => {
  const served = await serveDist(browser, { officeJs: "/* stub */", width: 360 });
  await served.context.addInitScript({ content: fakeOfficeScript(template) });
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/taskpane.html`);
  const stats = () => page.evaluate(() => (window as any).__fakeExcel.stats as { syncs: number });
  const sheets = () => page.evaluate(() => JSON.stringify((window as any).__fakeExcel.book.sheets));
  const verdict = page.getByTestId("seal-verdict");
  await verdict.getByText("未校验", { exact: true }).waitFor();
  expect((await stats()).syncs).toBe(1); // on open: the sheet names only
  const before = await sheets();

  await page.getByTestId("seal-button").click();
  const preview = page.getByTestId("seal-preview");
  await preview.getByText("状态单元格 部门!H4", { exact: false }).waitFor();
  expect(await sheets()).toBe(before); // the preview writes nothing
  await page.getByTestId("seal-name").fill("张三");
  const s0 = (await stats()).syncs;
  await page.getByTestId("seal-confirm").click();
  await page.getByTestId("seal-notice").getByText("已校验并盖章").waitFor();
  await verdict.getByText("已校验且未修改", { exact: true }).waitFor();
  await verdict.getByText(/校验人：张三/).waitFor();
  await page.getByTestId("summary").waitFor();
  // The write only (2): before, a read back (3) and the pane's own re-check (3) followed — 8. The pane knows what
  // it checked and wrote.
  const sealSyncs = (await stats()).syncs - s0;
  expect(sealSyncs).toBe(2);
  console.log(`[e2e seal] ${sealSyncs} syncs after 确认盖章 (was 8)`);
  const book = await page.evaluate(() => (window as any).__fakeExcel.book.sheets.map((s: any) => ({ name: s.name, visibility: s.visibility })));
  expect(book).toContainEqual({ name: SEAL_SHEET, visibility: "VeryHidden" });
  await page.screenshot({ path: shotPath("screenshot-seal-pane.png"), fullPage: false });

  const u0 = (await stats()).syncs;
  await page.getByTestId("seal-undo").click();
  await page.getByTestId("seal-notice").getByText("已撤销盖章", { exact: false }).waitFor();
  await verdict.getByText("未校验", { exact: true }).waitFor();
  expect(await sheets()).toBe(before);
  // 撤销盖章: its write only (2; was 5 with the re-check), and the results still shown.
  expect((await stats()).syncs - u0).toBe(2);
  await page.getByTestId("summary").waitFor();

  await page.getByTestId("seal-button").click();
  await page.getByTestId("seal-confirm").click();
  await verdict.getByText("已校验且未修改", { exact: true }).waitFor();
  const cell = readWorkbook(withoutExceptionsSheet(template)).document.projects[0].source;
  await page.evaluate(([sheet, ref]) => (window as any).__fakeExcel.book.edit(sheet, ref, 95), [cell.sheet, cell.cells["budget.total"]]);
  await page.getByRole("button", { name: "校验整个工作簿" }).click();
  await verdict.getByText("校验后已修改", { exact: true }).waitFor();
  await page.getByTestId("seal-changes").getByText("项目 1 的 预算数：80 万元 → 95 万元").waitFor();
  expect(await page.getByTestId("seal-button").isEnabled()).toBe(true); // sealing again is offered
  await page.getByTestId("seal-panel").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shotPath("screenshot-seal-modified.png"), fullPage: false });
  expect(served.foreign()).toEqual([]);
  expect(served.errors).toEqual([]);
  await served.context.close();
});

test("page: 下载盖章副本 (original untouched) verifies in Node; opened again 已校验且未修改; edited → 校验后已修改; 比较版本 lists it and downloads the report", async () => {
  const served = await serveDist(browser, { width: 420 });
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/standalone.html`);
  await page.getByTestId("xlsx-input").setInputFiles(SEED);
  const verdict = page.getByTestId("seal-verdict");
  await verdict.getByText("未校验", { exact: true }).waitFor();

  await page.getByTestId("seal-button").click();
  await page.getByTestId("seal-preview").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("seal-confirm").click()]);
  expect(download.suggestedFilename()).toBe("seed-002-已盖章.xlsx");
  const sealed = readFileSync((await download.path())!);
  const grid = await loadGrid(sealed, { fileName: "x.xlsx" });
  const v = await verifySeal(grid, readWorkbook(withoutExceptionsSheet(grid)).document);
  expect(v.status).toBe("unchanged");

  await page.getByTestId("xlsx-input").setInputFiles({ name: "seed-002-已盖章.xlsx", mimeType: "application/octet-stream", buffer: sealed });
  await page.getByTestId("seal-verdict").getByText("已校验且未修改", { exact: true }).waitFor();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sealed as unknown as ArrayBuffer);
  wb.getWorksheet("项目1")!.getCell("C4").value = 95;
  const edited = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByTestId("xlsx-input").setInputFiles({ name: "退回后.xlsx", mimeType: "application/octet-stream", buffer: edited });
  await page.getByTestId("seal-verdict").getByText("校验后已修改", { exact: true }).waitFor();
  await page.getByTestId("seal-changes").getByText("项目 1 的 预算数：80 万元 → 95 万元").waitFor();

  // 比较版本: the sealed copy (a file) against the open workbook (the edited one).
  const diff = page.getByTestId("diff-panel");
  await diff.locator("summary").click();
  await page.getByTestId("diff-input-a").setInputFiles({ name: "seed-002-已盖章.xlsx", mimeType: "application/octet-stream", buffer: sealed });
  await page.getByTestId("diff-name-a").getByText("seed-002-已盖章.xlsx").waitFor();
  await page.getByTestId("diff-side-b").getByRole("button", { name: "用当前工作簿" }).click();
  await page.getByTestId("diff-lines").getByText("项目 1 的 预算数：80 万元 → 95 万元").waitFor();
  expect(await page.getByTestId("diff-summary").textContent()).toMatch(/^经逐项比较，新版本与原版本相比：项目“安保执勤\*\*工作专项”预算数由 80 万元 调整为 95 万元/);
  await page.getByTestId("diff-copy").click();
  await page.getByTestId("diff-notice").getByText("摘要已复制").waitFor();
  const [report] = await Promise.all([page.waitForEvent("download"), page.getByTestId("diff-report").click()]);
  expect(report.suggestedFilename()).toBe("比较报告-退回后.xlsx");
  const rep = await loadGrid(readFileSync((await report.path())!), { fileName: "r.xlsx" });
  expect(JSON.stringify(rep.sheets[0].values)).toContain("80 万元");
  await diff.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shotPath("screenshot-diff-page.png"), fullPage: false });
  expect(served.foreign()).toEqual([]);
  expect(served.errors).toEqual([]);
  await served.context.close();
});

test("pane (fake Excel): the inbox checks picked files — cross-file findings, downloads — with zero round trips to the open workbook", async () => {
  const served = await serveDist(browser, { officeJs: "/* stub */", width: 360 });
  await served.context.addInitScript({ content: fakeOfficeScript(template) });
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.getByTestId("seal-verdict").waitFor(); // the on-open probe is done
  const stats = () => page.evaluate(() => (window as any).__fakeExcel.stats as { syncs: number; runs: number });
  const sheets = () => page.evaluate(() => JSON.stringify((window as any).__fakeExcel.book.sheets));
  const before = { stats: await stats(), sheets: await sheets() };

  const inbox = page.getByTestId("inbox-panel");
  await inbox.locator("summary").click();
  const seed = readFileSync(SEED);
  await page.getByTestId("inbox-input").setInputFiles([
    { name: "交警大队.xlsx", mimeType: "application/octet-stream", buffer: seed },
    { name: "看守所.xlsx", mimeType: "application/octet-stream", buffer: seed },
    { name: "说明.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("不是工作簿") },
  ]);
  await page.getByTestId("inbox-summary").getByText(/^共收到 3 个文件（1 个无法读取/).waitFor();
  expect(await page.getByTestId("inbox-cross").locator("li[data-rule='inbox/code-duplicate']").count()).toBeGreaterThan(0);
  await page.getByTestId("inbox-files").getByText(/^说明\.xlsx：无法读取/).waitFor();
  const [merged] = await Promise.all([page.waitForEvent("download"), page.getByTestId("inbox-merged").click()]);
  expect(JSON.parse(readFileSync((await merged.path())!, "utf8")).projects.length).toBe(44);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("inbox-xlsx").click()]);
  expect((await loadGrid(readFileSync((await xlsx.path())!), { fileName: "r.xlsx" })).sheets[0].name).toBe("问题清单");
  await inbox.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: shotPath("screenshot-inbox-pane.png"), fullPage: false });

  // Never the open workbook: no Excel.run, no sync, not a byte changed.
  expect(await stats()).toMatchObject({ syncs: before.stats.syncs, runs: before.stats.runs });
  expect(await sheets()).toBe(before.sheets);
  expect(served.foreign()).toEqual([]);
  expect(served.errors).toEqual([]);
  await served.context.close();
});

test("page in en-US: the panels speak English (verdict, seal button, panel titles); files dropped on the inbox go to the inbox", async () => {
  const served = await serveDist(browser, { width: 420 });
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/standalone.html?lang=en`);
  await page.getByTestId("xlsx-input").setInputFiles(SEED);
  await page.getByTestId("seal-verdict").getByText("Not sealed", { exact: true }).waitFor();
  expect(await page.getByTestId("seal-button").textContent()).toBe("Download a sealed copy");
  expect(await page.getByTestId("diff-panel").locator("summary").textContent()).toBe("Compare versions");
  expect(await page.getByTestId("inbox-panel").locator("summary").textContent()).toBe("Inbox: consolidate many units' workbooks");

  // Two workbooks dropped on the inbox go to the inbox; the page keeps the workbook it has open.
  const b64 = readFileSync(SEED).toString("base64");
  await page.evaluate((b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    for (const name of ["a.xlsx", "b.xlsx"]) dt.items.add(new File([bytes], name));
    const zone = document.querySelector("[data-testid=inbox-panel]")!;
    zone.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);
  await page.getByTestId("inbox-summary").getByText(/^共收到 2 个文件，44 个项目/).waitFor();
  expect(await page.getByTestId("drop-overlay").count()).toBe(0);
  await page.getByText("seed-002.xlsx", { exact: false }).first().waitFor();
  expect(served.errors).toEqual([]);
  await served.context.close();
});
