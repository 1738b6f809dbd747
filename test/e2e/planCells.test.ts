/**
 * Plan cells as the sheet shows them, in both modes (Debian Chromium): a template workbook whose 12月底 plan is 90 %
 * (0.9 under a percentage format) gets a spend-plan/not-100 finding there; going to it shows “90%”, not 0.9 — in
 * the task pane over the fake Excel (the cell's text) and in the page (the same display rules over the file).
 */
import type { Page } from "playwright-core";
import { renderTemplate } from "../../src/model/write";
import { writeTemplateBook } from "../../src/xlsx/write";
import { loadGrid } from "../../src/xlsx/read";
import { syntheticDocument } from "../helpers/synthetic";
import { browserForSuite, fakeOfficeScript, ORIGIN, revealInList, serveDist } from "./harness";

jest.setTimeout(180_000);

const browser = browserForSuite();

async function planCard(page: Page): Promise<string> {
  const sel = "[data-testid=card]:has([data-rule='spend-plan/not-100'])";
  expect(await revealInList(page, sel)).toBe(true);
  await page.locator(sel).first().click();
  await page.getByTestId("cell-now").waitFor();
  return (await page.getByTestId("cell-now").textContent()) ?? "";
}

describe("plan cells shown as the sheet shows them", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const doc = syntheticDocument(2, 8);
    for (const p of doc.projects) p.spendPlan = { ...p.spendPlan, mar: 25, jun: 50, oct: 75, dec: 90, raw: { mar: null, jun: null, oct: null, dec: null } };
    bytes = await writeTemplateBook(renderTemplate(doc));
  });

  test("Office mode (fake host): 90%", async () => {
    const grid = await loadGrid(bytes, { fileName: "plan.xlsx" });
    const served = await serveDist(browser(), { officeJs: "/* stub */" });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("summary").waitFor();
    expect(await planCard(page)).toBe("单元格当前内容：90%");
    expect(served.errors).toEqual([]);
    await served.context.close();
  });

  test("standalone page: 90%", async () => {
    const served = await serveDist(browser());
    const page = await served.context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByTestId("xlsx-input").setInputFiles({ name: "plan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    expect(await planCard(page)).toBe("单元格当前内容：90%");
    expect(served.errors).toEqual([]);
    await served.context.close();
  });
});
