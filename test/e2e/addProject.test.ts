/**
 * 插入模板 → 一个项目表 in a template workbook, in Debian Chromium over the recording fake of Office/Excel: the pane
 * adds the next 项目N (not “项目1 (2)” with a second lists sheet), after the last project sheet, with its row in 汇总
 * and 合计 over it; the preview says 汇总 changes too; focus lands on 确认插入; every insert of the session can be
 * undone, and undo writes 汇总 back. Sync budget: choosing the menu item 1 round trip (sheet names; the read
 * before it is the pane's fresh check), 确认插入 5 (insert 3 + 汇总 2), 撤销插入 4 (inspect, 汇总 2, delete).
 */
import type { Page } from "playwright-core";
import type { Grid } from "../../src/model/grid";
import { renderEmptyTemplate, SUMMARY } from "../../src/model/write/index";
import { browserForSuite, fakeOfficeScript, ORIGIN, serveDist, shotPath } from "./harness";

jest.setTimeout(180_000);

const browser = browserForSuite();

type FakeSheet = { name: string; values: unknown[][]; formulas: unknown[][] };
const sheets = (page: Page): Promise<FakeSheet[]> => page.evaluate(() => JSON.parse(JSON.stringify((window as any).__fakeExcel.book.sheets)));
const syncs = (page: Page): Promise<number> => page.evaluate(() => (window as any).__fakeExcel.stats.syncs);

describe("插入项目表 in a template workbook (Office mode, fake host)", () => {
  test("adds 项目3 then 项目4 into 汇总 and 合计; one _lists; undo of each restores 汇总", async () => {
    const grid: Grid = renderEmptyTemplate(2).grid;
    const served = await serveDist(browser(), { officeJs: "/* stub */" });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("summary").waitFor();
    const original = await sheets(page);
    const summaryAt = (list: FakeSheet[]) => list.find((s) => s.name === "汇总")!;

    const s0 = await syncs(page);
    await page.getByRole("button", { name: "插入模板" }).first().click();
    await page.getByRole("menuitem", { name: "一个项目表" }).click();
    const preview = page.getByTestId("insert-preview");
    await preview.getByText("插入项目表“项目3”", { exact: false }).waitFor();
    await preview.getByText(/并更新“汇总”：加入新项目一行，合计计入新项目（撤销时恢复原样）/).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "确认插入");
    expect((await syncs(page)) - s0).toBe(1);
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath("screenshot-add-project.png"), fullPage: false });

    const s1 = await syncs(page);
    await page.keyboard.press("Enter"); // focus is on 确认插入
    await page.getByText("已插入项目表“项目3”").waitFor();
    expect((await syncs(page)) - s1).toBeLessThanOrEqual(5);
    await page.getByTestId("stale").waitFor();
    let now = await sheets(page);
    expect(now.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", "项目3", "_lists"]);
    const sum = summaryAt(now);
    expect(sum.values[SUMMARY.firstRow + 2][SUMMARY.cols.sheet]).toBe("项目3");
    expect(String(sum.formulas[SUMMARY.firstRow + 3][SUMMARY.cols.total])).toMatch(/^=SUM\(F\d+:F\d+\)$/);
    expect(String(sum.formulas[SUMMARY.firstRow + 3][SUMMARY.cols.total])).toContain(`F${SUMMARY.firstRow + 3}`);
    expect(String(now.find((s) => s.name === "项目3")!.formulas[0][0])).toContain('"3."');

    // Again, from the stale state: the pane re-reads first, then offers 项目4.
    await page.getByRole("button", { name: "插入模板" }).first().click();
    await page.getByRole("menuitem", { name: "一个项目表" }).click();
    await preview.getByText("插入项目表“项目4”", { exact: false }).waitFor();
    await page.getByRole("button", { name: "确认插入" }).click();
    await page.getByText("已插入项目表“项目4”").waitFor();
    now = await sheets(page);
    expect(now.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", "项目3", "项目4", "_lists"]);
    expect(await page.getByTestId("undo-item").count()).toBe(2);

    // Undo the newest (项目4): 汇总 as after the first insert; then the first: 汇总 as opened.
    const s2 = await syncs(page);
    await page.getByRole("button", { name: "撤销插入" }).first().click();
    await page.getByText("已撤销插入：删除了 项目4，“汇总”已恢复原样", { exact: false }).waitFor();
    expect((await syncs(page)) - s2).toBeLessThanOrEqual(4);
    now = await sheets(page);
    expect(now.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", "项目3", "_lists"]);
    expect(summaryAt(now).values[SUMMARY.firstRow + 3]?.[SUMMARY.cols.sheet] ?? "").not.toBe("项目4");
    await page.getByRole("button", { name: "撤销插入" }).click();
    await page.getByText("已撤销插入：删除了 项目3，“汇总”已恢复原样", { exact: false }).waitFor();
    now = await sheets(page);
    expect(now.map((s) => s.name)).toEqual(original.map((s) => s.name));
    // 汇总's formulas as opened (the fake does not calculate, so values of formula cells are not compared).
    const formulasOf = (s: FakeSheet) => s.formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
    const trim = (m: (string | null)[][]) => m.map((r) => r.filter((x, i) => x !== null || r.slice(i).some((y) => y !== null))).filter((r, i, all) => r.length || all.slice(i).some((x) => x.length));
    expect(trim(formulasOf(summaryAt(now)))).toEqual(trim(formulasOf(summaryAt(original))));

    expect(served.foreign()).toEqual([]);
    expect(served.errors).toEqual([]);
    await served.context.close();
  });
});
