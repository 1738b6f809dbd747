/**
 * The standalone page keeps 已核实，保留 in a downloaded copy, in Debian Chromium: the page never writes the file the
 * clerk opened (and says so); the copy carries the hidden _jxmb_exceptions sheet, `jxmb validate --format json`
 * (in process) reads the exception back from it, and the page reading the copy lists it apart again; a withdrawal
 * downloaded again leaves the CLI with no exception. Exceptions thus round-trip page → CLI → page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Page } from "playwright-core";
import { browserForSuite, ORIGIN, ROOT, serveDist, shotPath } from "./harness";
import { runMain } from "../helpers/run-main";
import { loadGrid } from "../../src/xlsx/read";
import { EXCEPTIONS_SHEET } from "../../src/model/exceptions";

jest.setTimeout(240_000);

const browser = browserForSuite();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function downloadCopy(page: Page, dir: string, as: string): Promise<{ file: string; suggested: string }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载含核实记录的副本" }).click()]);
  const file = join(dir, as);
  writeFileSync(file, readFileSync((await dl.path())!));
  return { file, suggested: dl.suggestedFilename() };
}

async function cliJson(file: string): Promise<{ summary: { warning: number; error: number }; accepted: { ruleId: string; sheet: string; cell: string; reason: string; by: string | null }[] }> {
  const r = await runMain(["validate", file, "--format", "json"]);
  return JSON.parse(r.out).files[0];
}

describe("standalone page: 已核实，保留 into a downloaded copy", () => {
  test("accept → copy (original untouched) → the CLI reads it → the page reads it → withdraw → copy → none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jxmb-page-exc-"));
    const original = readFileSync(join(ROOT, "examples", "seed-002.xlsx"));
    const plain = await cliJson(join(ROOT, "examples", "seed-002.xlsx"));
    const served = await serveDist(browser());
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByTestId("xlsx-input").setInputFiles({ name: "seed-002.xlsx", mimeType: XLSX, buffer: original });
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    // A warning: accept the first one.
    await page.getByTestId("tile-warning").click();
    await page.getByRole("button", { name: "下一个问题" }).click();
    const active = page.locator("[data-testid=card][aria-selected=true]");
    const sheet = (await active.getAttribute("data-sheet"))!;
    const cell = (await active.getAttribute("data-cell"))!;
    const n = await active.locator("[data-testid=finding]").count();
    await page.getByRole("button", { name: "已核实，保留" }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    // The page never writes into the file it opened: the form says the record goes into the downloaded copy.
    expect(await page.getByTestId("accept-form").innerText()).toContain("记录存入下载的副本");
    expect(await page.getByTestId("accept-form").innerText()).not.toContain("随文件一起发送");
    await page.keyboard.type("与批复文件一致");
    await page.getByLabel("核实人（可不填）").fill("王会计");
    await page.getByRole("button", { name: "保存核实记录" }).click();
    await page.getByText("核实记录尚未存入文件，请下载含核实记录的副本").waitFor();
    // The UI says the original is never written.
    await page.getByTestId("keep-copy").getByText(/不会改动您打开的原文件/).waitFor();
    await page.getByText(`已核实 ${n} 项`).waitFor();
    await page.getByTestId("keep-copy").scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath("screenshot-page-exception.png"), fullPage: false });

    const first = await downloadCopy(page, dir, "copy1.xlsx");
    expect(first.suggested).toBe("seed-002（含核实记录）.xlsx");
    await page.getByText("已下载 seed-002（含核实记录）.xlsx，原文件未改动").waitFor();
    expect(readFileSync(join(ROOT, "examples", "seed-002.xlsx")).equals(original)).toBe(true);
    const grid = await loadGrid(readFileSync(first.file));
    const stored = grid.sheets.find((s) => s.name === EXCEPTIONS_SHEET);
    expect(stored?.hidden).toBe(true);

    // The CLI reads the exception back from the downloaded copy: listed apart, not counted.
    const withExc = await cliJson(first.file);
    expect(withExc.accepted).toHaveLength(n);
    expect(withExc.accepted[0]).toMatchObject({ sheet, cell, reason: "与批复文件一致", by: "王会计" });
    expect(withExc.summary.warning).toBe(plain.summary.warning - n);
    expect(withExc.summary.error).toBe(plain.summary.error);

    // The page reading the copy lists it apart too.
    await page.getByTestId("xlsx-input").setInputFiles({ name: first.suggested, mimeType: XLSX, buffer: readFileSync(first.file) });
    // The pane for the new file (not the last one's, still on screen while the copy is read).
    await page.getByText(`网页版：${first.suggested}`).waitFor({ timeout: 60_000 });
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    await page.getByText(`已核实 ${n} 项`).waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId("count-warning").textContent())).toBe(plain.summary.warning - n);

    // Withdraw, download again: the CLI finds no exception and the warning counts again.
    await page.getByRole("button", { name: "撤回" }).first().click();
    await page.getByText(/^已撤回 /).waitFor();
    const second = await downloadCopy(page, dir, "copy2.xlsx");
    const without = await cliJson(second.file);
    expect(without.accepted).toEqual([]);
    expect(without.summary.warning).toBe(plain.summary.warning);
    expect(served.errors).toEqual([]);
    expect(served.foreign()).toEqual([]);
    await served.context.close();
  });
});
