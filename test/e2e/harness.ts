/**
 * Shared harness for the real-browser tests: a production dist/ (built here when missing or older than the
 * sources), Debian Chromium through playwright-core, every request answered from dist/ under a fake https origin
 * (page routing: no server, no TLS, no network), and a log of every URL the page asked for.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "fs";
import { extname, join, normalize } from "path";
import ts from "typescript";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const ROOT = join(__dirname, "../..");
export const DIST = join(ROOT, "dist");
export const ORIGIN = "https://jxmb.test";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Screenshots land in out/e2e/ so a test run leaves the tree clean; JXMB_SCREENSHOTS=1 refreshes docs/. */
export function shotPath(name: string): string {
  const dir = process.env.JXMB_SCREENSHOTS === "1" ? join(ROOT, "docs") : join(ROOT, "out", "e2e");
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build dist/ (as `npm run build` does) when it is missing or older than src/ or webpack.config.js. */
export function ensureDist(): void {
  const html = join(DIST, "taskpane.html");
  const stamp = join(DIST, ".build-stamp"); // rewritten by every build (see webpack.config.js)
  const stale =
    !existsSync(html) ||
    !existsSync(join(DIST, "standalone.html")) ||
    !existsSync(stamp) ||
    statSync(stamp).mtimeMs < Math.max(newestMtime(join(ROOT, "src")), statSync(join(ROOT, "webpack.config.js")).mtimeMs);
  if (!stale) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: 600_000,
  });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    // playwright-core gives every launch a fresh temporary --user-data-dir.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * One Chromium for a test file: built once (ensureDist) and launched before its tests, closed after them.
 * Returns a getter because the browser exists only once beforeAll has run.
 */
export function browserForSuite(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureDist();
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("browserForSuite: the browser is used before beforeAll launched it");
    return browser;
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "text/xml; charset=utf-8",
};

export interface Served {
  context: BrowserContext;
  /** Every URL requested by the page, in order. */
  requests: string[];
  /** Requests to anything but our origin (and, when allowed, the stubbed office.js). */
  foreign(): string[];
  errors: string[];
}

/**
 * A context whose every request is answered from dist/ (our origin) or refused. office.js from the CDN is
 * answered with `officeJs` (a stub) when given; everything else off-origin is aborted and reported by foreign().
 */
export async function serveDist(browser: Browser, opts: { officeJs?: string; width?: number } = {}): Promise<Served> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 320, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ORIGIN });
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(OFFICE_JS) && opts.officeJs !== undefined) {
      return route.fulfill({ status: 200, contentType: "text/javascript", body: opts.officeJs });
    }
    if (!url.startsWith(ORIGIN + "/")) return route.abort("blockedbyclient");
    const path = normalize(decodeURIComponent(new URL(url).pathname)).replace(/^\/+/, "") || "index.html";
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? "application/octet-stream", body: readFileSync(file) });
  });
  context.on("page", (page) => {
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
  });
  return {
    context,
    requests,
    errors,
    foreign: () => requests.filter((u) => !u.startsWith(ORIGIN + "/") && !(opts.officeJs !== undefined && u.startsWith(OFFICE_JS))),
  };
}

/** The recording fake of the Excel API (test/taskpane/fakeExcel.ts) as a browser script that installs Office/Excel. */
export function fakeOfficeScript(grid: unknown): string {
  const src = readFileSync(join(ROOT, "test/taskpane/fakeExcel.ts"), "utf8");
  const js = ts.transpileModule(src, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, useDefineForClassFields: true },
  }).outputText;
  return `(function () {
  var module = { exports: {} }; var exports = module.exports;
  ${js}
  module.exports.installFakeOffice(window, ${JSON.stringify(grid)});
})();`;
}

/* ------------------------------------------------------------------------------------------------
 * The virtualised to-do list: only rows near the viewport are in the DOM, so tests scroll it.
 * ---------------------------------------------------------------------------------------------- */

export interface ShownFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}

/** Every finding of the to-do list (all rows, scrolling the list box from top to bottom), then back to the top. */
export async function collectFindings(page: import("playwright-core").Page): Promise<ShownFinding[]> {
  return page.evaluate(async () => {
    const box = document.querySelector("[data-testid=todo]") as HTMLElement | null;
    if (!box) return [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const seen = new Map<string, { rule: string; severity: string; sheet: string; cell: string }[]>();
    box.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 20000; guard++) {
      box.querySelectorAll("[data-vkey]").forEach((row) => {
        const k = row.getAttribute("data-vkey")!;
        if (seen.has(k)) return;
        seen.set(
          k,
          [...row.querySelectorAll("[data-testid=finding]")].map((e) => ({
            rule: e.getAttribute("data-rule") ?? "",
            severity: e.getAttribute("data-severity") ?? "",
            sheet: e.getAttribute("data-sheet") ?? "",
            cell: e.getAttribute("data-cell") ?? "",
          })),
        );
      });
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) break;
      box.scrollTop += Math.max(50, box.clientHeight * 0.8);
      await frame();
    }
    box.scrollTop = 0;
    await frame();
    return [...seen.values()].flat();
  });
}

/** Scroll the to-do list until `selector` (inside it) is rendered; returns whether it was found. */
export async function revealInList(page: import("playwright-core").Page, selector: string): Promise<boolean> {
  return page.evaluate(async (sel) => {
    const box = document.querySelector("[data-testid=todo]") as HTMLElement | null;
    if (!box) return false;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    box.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 20000; guard++) {
      const el = box.querySelector(sel);
      if (el) {
        (el as HTMLElement).scrollIntoView({ block: "nearest" });
        await frame();
        return true;
      }
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return false;
      box.scrollTop += Math.max(50, box.clientHeight * 0.8);
      await frame();
    }
    return false;
  }, selector);
}

/** 导出 JSON, going on past the "还有 N 个错误未改" / "没有可导出的项目" question when it comes. */
export async function exportJsonAnyway(page: import("playwright-core").Page): Promise<import("playwright-core").Download> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出 JSON" }).click();
  const ask = page.getByTestId("confirm");
  await Promise.race([ask.waitFor({ timeout: 30_000 }).catch(() => undefined), download]);
  if (await ask.count()) await page.getByRole("button", { name: "仍然导出" }).click();
  return download;
}
