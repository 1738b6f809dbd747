/**
 * Text stays text, in real Chromium on the production build (dist/). A workbook whose cells — and one sheet name —
 * hold HTML with event handlers, <script>, javascript: links (as text and as a real hyperlink), =HYPERLINK(…)
 * text, RTL override characters and a 32,000-character text is validated
 *  - in Office mode (recording fake of Excel installed before the page loads), and
 *  - in standalone mode (the same workbook uploaded as an .xlsx).
 * Asserted: no dialog opens; no script element and no on* attribute is injected, no <img>/<a href="javascript:">
 * appears; the hostile text is shown verbatim as text; the CSP meta is present, forbids inline script and really
 * blocks it (securitypolicyviolation); no request leaves the origin. In Office mode the exported JSON keeps the
 * text verbatim, and the sheets an import inserts hold it as text ("@", no formula).
 */
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import type { Grid } from "../../src/model/grid";
import { emptyDocument, type JxmbDocument } from "../../src/model/schema";
import { parseTarget } from "../../src/model/value";
import { renderTemplate } from "../../src/model/write/index";
import { writeTemplateBook } from "../../src/xlsx/write";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { syntheticProject } from "../helpers/synthetic";
import { ensureDist, exportJsonAnyway, fakeOfficeScript, launch, ORIGIN, revealInList, serveDist, type Served } from "./harness";

jest.setTimeout(180_000);

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(document.domain)</script>";
const JS_LINK = "javascript:alert(1)";
const HYPERLINK = '=HYPERLINK("javascript:alert(1)","点我")';
const RTL = "\u202Egnp.exe\u202C 发票";
const HUGE = "超长".repeat(16_000);
const SVG = '<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>';

/** A project whose name (hence its sheet name and every group title), indicators and goals are hostile. */
function hostileDocument(): JxmbDocument {
  const doc = emptyDocument("hebei");
  doc.fiscalYear = 2023;
  doc.department = { code: "312001", name: SCRIPT };
  const p = syntheticProject(0, 8);
  p.name = IMG;
  p.title = null; // the sheet's title follows the name
  p.code = JS_LINK;
  p.purpose = HUGE;
  p.goals = [HYPERLINK, RTL];
  p.indicators[0].name = RTL;
  p.indicators[1].target = parseTarget(IMG); // not a value: a finding quotes it
  p.indicators[2].description = SVG;
  p.indicators[3].target = parseTarget(JS_LINK);
  p.indicators[4].basis = HYPERLINK;
  const q = syntheticProject(1, 4);
  q.name = SCRIPT; // shown in its group's title
  doc.projects = [p, q];
  return doc;
}

let browser: Browser;
let grid: Grid;
let xlsx: Uint8Array;

beforeAll(async () => {
  ensureDist();
  browser = await launch();
  const book = renderTemplate(hostileDocument());
  // The .xlsx for the standalone page, plus a real hyperlink cell pointing at javascript: and a HYPERLINK formula.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTemplateBook(book)) as unknown as ArrayBuffer);
  const ws = wb.addWorksheet("链接");
  ws.getCell("A1").value = { text: "点我查看 javascript 链接", hyperlink: JS_LINK };
  ws.getCell("A2").value = { formula: 'HYPERLINK("javascript:alert(1)","公式链接")', result: "公式链接" };
  ws.getCell("A3").value = SVG;
  xlsx = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  grid = await loadGrid(xlsx, { fileName: "hostile.xlsx" });
  // The workbook must produce findings that quote the hostile text, or the test would prove little.
  const findings = validate(readWorkbook(grid).document).findings;
  expect(findings.length).toBeGreaterThan(5);
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

interface Watch {
  dialogs: string[];
}

async function openPage(served: Served, url: string): Promise<{ page: Page; watch: Watch }> {
  const page = await served.context.newPage();
  const watch: Watch = { dialogs: [] };
  page.on("dialog", (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, watch };
}

/** Nothing executable came out of the workbook's text: no injected element, attribute or link. */
async function expectNoInjection(page: Page, scriptsAtLoad: number): Promise<void> {
  const dom = await page.evaluate(() => ({
    scripts: document.querySelectorAll("script").length,
    inlineScripts: [...document.querySelectorAll("script")].filter((s) => !s.src).map((s) => (s.textContent ?? "").slice(0, 60)),
    onAttributes: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
    imgs: document.querySelectorAll("img").length,
    jsLinks: [...document.querySelectorAll("[href],[src],[action],[formaction]")]
      .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? e.getAttribute("formaction") ?? "")
      .filter((v) => /^\s*javascript:/i.test(v)),
    iframes: document.querySelectorAll("iframe, object, embed").length,
    svgWithHandlers: document.querySelectorAll("svg[onload]").length,
  }));
  expect(dom.scripts).toBe(scriptsAtLoad);
  expect(dom.inlineScripts).toEqual([]);
  expect(dom.onAttributes).toEqual([]);
  expect(dom.imgs).toBe(0);
  expect(dom.jsLinks).toEqual([]);
  expect(dom.iframes).toBe(0);
  expect(dom.svgWithHandlers).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
}

/** The hostile strings are on screen as text, character for character. */
async function expectShownVerbatim(page: Page, texts: string[]): Promise<void> {
  const body = await page.evaluate(() => document.body.innerText);
  for (const t of texts) expect(body).toContain(t);
}

/** CSP: the meta is there, has no 'unsafe-inline'/'unsafe-eval' for scripts, and really blocks an inline script. */
async function expectCspBlocksInlineScript(page: Page): Promise<void> {
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  expect(policy).toBeTruthy();
  const scriptSrc = (policy ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/^script-src 'self'/);
  expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(policy).toMatch(/object-src 'none'/);
  const probe = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violation: string | null }>((resolve) => {
        let violation: string | null = null;
        document.addEventListener("securitypolicyviolation", (e) => (violation = e.violatedDirective), { once: true });
        const s = document.createElement("script");
        s.textContent = "window.__inlineRan = true";
        document.body.appendChild(s);
        s.remove();
        setTimeout(() => resolve({ ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violation }), 200);
      }),
  );
  expect(probe.ran).toBe(false);
  expect(probe.violation).toMatch(/^script-src/);
}

const SHOWN = [IMG, SCRIPT, JS_LINK];

describe("hostile workbook text in Office mode (fake Excel)", () => {
  test("validated, jumped to, exported and imported: never executed, always text", async () => {
    const served = await serveDist(browser, { officeJs: "/* office.js stub: the fake is installed by the test */" });
    await served.context.addInitScript({ content: fakeOfficeScript(grid) });
    const { page, watch } = await openPage(served, `${ORIGIN}/taskpane.html`);
    await page.getByRole("button", { name: "校验整个工作簿" }).waitFor();
    const scriptsAtLoad = await page.evaluate(() => document.querySelectorAll("script").length);

    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByTestId("summary").waitFor();
    await expectShownVerbatim(page, SHOWN);

    // Jump to a finding on the sheet named after the hostile project: the “当前内容” line shows the cell as text.
    expect(await revealInList(page, `[data-testid=card][data-sheet^="1.<img"]`)).toBe(true);
    const onHostileSheet = page.locator(`[data-testid=card][data-sheet^="1.<img"]`).first();
    await onHostileSheet.click();
    await page.getByTestId("cell-now").waitFor();
    // The active card names its cell (the hostile sheet name, as text) and shows what the cell holds now.
    expect(await page.locator("[data-testid=card][aria-selected=true]").textContent()).toContain("1.<img src=x onerror=alert(1)>");
    await expectNoInjection(page, scriptsAtLoad);

    // Export: the JSON holds the text verbatim.
    const download = await exportJsonAnyway(page);
    const exported = readFileSync((await download.path())!, "utf8");
    const doc = JSON.parse(exported) as JxmbDocument;
    const p = doc.projects.find((x) => x.name === IMG)!;
    expect(p).toBeDefined();
    expect(p.code).toBe(JS_LINK);
    expect(p.purpose).toBe(HUGE);
    expect(p.goals).toEqual([HYPERLINK, RTL]);
    expect(p.indicators[0].name).toBe(RTL);
    expect(doc.projects.find((x) => x.name === SCRIPT)).toBeDefined();
    expect(p.indicators[2].description).toBe(SVG);
    expect(doc.department.name).toBe(SCRIPT);

    // Import it back: the new sheets hold the text as text (“@”, a constant, not a formula).
    await page.getByLabel("选择要导入的 JSON 文件").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(exported) });
    await page.getByTestId("insert-preview").waitFor();
    await expectShownVerbatim(page, ["1.<img src=x onerror=alert(1"]); // the preview names the new sheet, as text
    await page.getByRole("button", { name: "确认插入" }).click();
    await page.getByText("已导入 JSON").waitFor();
    const cells = await page.evaluate(
      ({ texts, from }) => {
        const out: { text: string; formula: unknown; format: string }[] = [];
        // Only the sheets the import added (the workbook's own template sheets carry their own formulas).
        for (const s of ((window as any).__fakeExcel.book.sheets as { values: unknown[][]; formulas: unknown[][]; formats: string[][] }[]).slice(from)) {
          s.values.forEach((row, r) =>
            row.forEach((v, c) => {
              if (typeof v === "string" && texts.some((t: string) => v === t || v.split("\n").includes(t))) out.push({ text: v, formula: s.formulas[r][c], format: s.formats[r][c] });
            }),
          );
        }
        return out;
      },
      { texts: [HYPERLINK, IMG, SCRIPT, JS_LINK, RTL], from: grid.sheets.length },
    );
    expect(cells.length).toBeGreaterThanOrEqual(6);
    for (const c of cells) {
      expect(c.formula).toBe(c.text); // a constant: never "=…" turned into a formula
      expect(c.format).toBe("@"); // the text number format
    }
    expect(cells.some((c) => c.text.startsWith("=HYPERLINK") && c.format === "@")).toBe(true);

    await expectNoInjection(page, scriptsAtLoad);
    expect(watch.dialogs).toEqual([]);
    expect(served.errors).toEqual([]);
    await expectCspBlocksInlineScript(page);
    expect(served.foreign()).toEqual([]);
    await served.context.close();
  });
});

describe("hostile workbook text in standalone mode", () => {
  test("uploaded .xlsx: never executed, always text", async () => {
    const served = await serveDist(browser);
    const { page, watch } = await openPage(served, `${ORIGIN}/index.html`);
    await page.getByRole("button", { name: "打开 .xlsx 文件" }).waitFor();
    const scriptsAtLoad = await page.evaluate(() => document.querySelectorAll("script").length);
    await page.getByTestId("xlsx-input").setInputFiles({ name: "<img src=x onerror=alert(1)>.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(xlsx) });
    await page.getByTestId("summary").waitFor({ timeout: 60_000 });
    await expectShownVerbatim(page, SHOWN);
    expect(await revealInList(page, `[data-testid=card][data-sheet^="1.<img"]`)).toBe(true);
    const finding = page.locator(`[data-testid=card][data-sheet^="1.<img"]`).first();
    await finding.click();
    // exceljs is a lazily loaded chunk: the scripts count grows by the chunks webpack added (all from our origin).
    const lazyScripts = await page.evaluate(() => [...document.querySelectorAll("script")].filter((s) => s.src).length);
    const dom = await page.evaluate(() => [...document.querySelectorAll("script")].map((s) => s.src));
    expect(dom.every((src) => src.startsWith(ORIGIN + "/"))).toBe(true);
    await expectNoInjection(page, lazyScripts);
    expect(lazyScripts).toBeGreaterThanOrEqual(scriptsAtLoad);

    const download = await exportJsonAnyway(page);
    const doc = JSON.parse(readFileSync((await download.path())!, "utf8")) as JxmbDocument;
    expect(doc.projects.find((x) => x.name === IMG)?.goals).toEqual([HYPERLINK, RTL]);

    expect(watch.dialogs).toEqual([]);
    expect(served.errors).toEqual([]);
    await expectCspBlocksInlineScript(page);
    expect(served.foreign()).toEqual([]);
    await served.context.close();
  });
});
