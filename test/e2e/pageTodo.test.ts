/**
 * The to-do list in the standalone page (the Office-mode twin is in pane.test.ts), in Debian Chromium: 错误 first;
 * a count tile filters and a second click shows all again; arrow keys move through the tree, Enter on a card shows
 * what its cell holds; Left collapses the project (its must-fix count stays on the header), Right opens it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import type { Page } from "playwright-core";
import { browserForSuite, ORIGIN, ROOT, serveDist } from "./harness";

jest.setTimeout(180_000);

const browser = browserForSuite();

const activeKind = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector("[data-testid=todo]")!.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id)?.getAttribute("data-testid") : null;
  });

test("standalone page: 错误 first, tiles filter, keyboard through the tree, collapse and open a project", async () => {
  const served = await serveDist(browser());
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  await page.getByTestId("xlsx-input").setInputFiles({
    name: "seed-002.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: readFileSync(join(ROOT, "examples", "seed-002.xlsx")),
  });
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  expect(await page.locator("[data-testid=card]").first().getAttribute("data-severity")).toBe("error");

  // Tiles filter: only 警告, then all again.
  const total = await page.locator("#jxmb-findings").textContent();
  await page.getByTestId("tile-warning").click();
  expect(await page.getByTestId("tile-warning").getAttribute("aria-pressed")).toBe("true");
  const severities = await page.locator("[data-testid=card]").evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute("data-severity")))]);
  expect(severities).toEqual(["warning"]);
  await page.getByTestId("tile-warning").click();
  expect(await page.locator("#jxmb-findings").textContent()).toBe(total);

  // Keyboard: Home on the first project, down to the first card, Enter shows its cell.
  await page.getByTestId("todo").focus();
  await page.keyboard.press("Home");
  expect(await activeKind(page)).toBe("project");
  for (let i = 0; i < 5 && (await activeKind(page)) !== "card"; i++) await page.keyboard.press("ArrowDown");
  expect(await activeKind(page)).toBe("card");
  await page.keyboard.press("Enter");
  await page.getByTestId("cell-now").waitFor();

  // Left → its project; Left again collapses it (fewer rows), Right opens it.
  await page.keyboard.press("ArrowLeft");
  expect(await activeKind(page)).toBe("project");
  const project = page.locator("[data-testid=project]").first();
  const mustFix = await project.getByTestId("must-fix").textContent();
  const cards0 = await page.locator("[data-testid=card]").count();
  await page.keyboard.press("ArrowLeft");
  expect(await project.getAttribute("aria-expanded")).toBe("false");
  expect(await page.locator("[data-testid=card]").count()).toBeLessThan(cards0);
  expect(await project.getByTestId("must-fix").textContent()).toBe(mustFix);
  await page.keyboard.press("ArrowRight");
  expect(await project.getAttribute("aria-expanded")).toBe("true");
  expect(served.errors).toEqual([]);
  await served.context.close();
});

test("a card with other rules folded into its cell names them once (corpus 50: 缺少效益指标 with 成本、满意度…)", async () => {
  const served = await serveDist(browser());
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  const name = "50-福建龙岩-宗教管理经费区域目标-2023.xlsx";
  await page.getByTestId("xlsx-input").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: readFileSync(join(ROOT, "test", "corpus", "workbooks", name)),
  });
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  const texts = await page.locator("[data-testid=finding][data-rule='indicator/missing-benefit']").evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) {
    expect(t).toContain("缺少成本指标");
    expect(t.split("同一单元格另有").length - 1).toBe(1);
  }
  expect(served.errors).toEqual([]);
  await served.context.close();
});

test("index.html opened from a folder (file://, no server): a workbook is still checked, in this thread", async () => {
  const context = await browser().newContext({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(ROOT, "dist", "index.html")).href);
  await page.getByTestId("xlsx-input").setInputFiles({
    name: "seed-004.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: readFileSync(join(ROOT, "examples", "seed-004.xlsx")),
  });
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  expect(await page.getByText("无法打开文件").count()).toBe(0);
  expect(await page.locator("[data-testid=card]").count()).toBeGreaterThan(5);
  expect(errors).toEqual([]);
  await context.close();
});
