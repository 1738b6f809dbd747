/**
 * The hostile corpus (test/hostile/corpus.ts) uploaded to the standalone page in real Chromium (production
 * dist/): every unreadable or over-limit file gets a Chinese error naming it, readable odd files open, the page
 * throws nothing uncaught, and afterwards a real seed workbook still validates (the page stayed usable).
 */
import { rmSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { ensureDist, launch, ORIGIN, ROOT, serveDist } from "./harness";
import { CASES, generateCorpus, type HostileCase } from "../hostile/corpus";
import { tempDir } from "../cli/helpers";

jest.setTimeout(600_000);

const CJK = /[\u4e00-\u9fff]/;
const WALL_MS = 20_000;

let browser: Browser;
let dir: string;
let corpus: { c: HostileCase; file: string }[];

beforeAll(async () => {
  ensureDist();
  browser = await launch();
  dir = tempDir("jxmb-hostile-e2e-");
  corpus = await generateCorpus(dir);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** By path (the corpus files carry the user-visible names): a 51 MB buffer cannot cross the protocol inline. */
async function upload(page: Page, path: string): Promise<void> {
  await page.getByTestId("xlsx-input").setInputFiles(path);
}

test("standalone page: every hostile file is refused or read, in Chinese, bounded; the page stays usable", async () => {
  const served = await serveDist(browser, { width: 480 });
  const page = await served.context.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  await page.getByRole("button", { name: "打开 .xlsx 文件" }).waitFor();
  const results: string[] = [];
  let worst = 0;
  for (const { c, file } of corpus) {
    const t = Date.now();
    await upload(page, file);
    if (c.expect === "refused") {
      const alert = page.getByRole("alert").filter({ hasText: `“${c.file}”` });
      await alert.waitFor({ timeout: WALL_MS });
      const text = (await alert.textContent()) ?? "";
      expect(text).toMatch(CJK);
      if (c.message) expect(text).toMatch(c.message);
      if (c.limit) expect(text).toContain(c.limit);
      expect(text).not.toMatch(/^\s+at /m);
    } else {
      await page.getByText(`当前文件：${c.file}`).waitFor({ timeout: WALL_MS });
      expect(await page.getByRole("alert").filter({ hasText: "无法打开文件" }).count()).toBe(0);
    }
    const ms = Date.now() - t;
    worst = Math.max(worst, ms);
    expect(ms).toBeLessThan(WALL_MS);
    results.push(`${c.id}:${c.expect}:${ms}ms`);
  }
  // Notices reach the page: the .xlsm's macros are mentioned, never run.
  await upload(page, corpus.find((x) => x.c.id === "macro-xlsm")!.file);
  await page.locator("[data-testid=read-notice][data-code=macros]").waitFor();

  // Still usable: a real seed workbook validates after all that.
  await upload(page, join(ROOT, "examples", "seed-000.xlsx"));
  await page.getByText("当前文件：seed-000.xlsx").waitFor({ timeout: 60_000 });
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  expect(await page.locator("[data-testid=finding]").count()).toBeGreaterThan(5);
  expect(await page.getByRole("alert").filter({ hasText: "无法打开文件" }).count()).toBe(0);

  expect(served.foreign()).toEqual([]);
  expect(served.errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
  expect(served.errors).toEqual([]);
  process.stdout.write(`\nhostile corpus (standalone page): ${corpus.length} cases uploaded, all bounded (slowest ${worst} ms, bound ${WALL_MS} ms); seed-000 validates afterwards\n`);
  await served.context.close();
});

test("every case is in the browser run", () => {
  expect(corpus.map((x) => x.c.id)).toEqual(CASES.map((c) => c.id));
});
