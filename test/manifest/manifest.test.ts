/**
 * @jest-environment jsdom
 *
 * Structural checks of manifest.xml, done locally because `office-addin-manifest validate` posts the
 * XML to a Microsoft web service (no network here). Each assertion mirrors a documented rule or a
 * known field failure (office-js #4338: runtime resid mismatch).
 */
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { rewriteManifestForProduction, DEV_BASE_URL } from "../../scripts/addin-build";

const ROOT = join(__dirname, "..", "..");
const XML = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

const doc = parse(XML);
const all = (local: string): Element[] => Array.from(doc.getElementsByTagNameNS("*", local));
const one = (local: string): Element => {
  const found = all(local);
  expect(found).toHaveLength(1);
  return found[0];
};
const xsiType = (el: Element) => el.getAttributeNS(XSI, "type");

/** Resources by id, with the collection they live in (Images / Urls / ShortStrings / LongStrings). */
const resources = new Map<string, { kind: string; el: Element }>();
for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
  for (const coll of Array.from(doc.getElementsByTagNameNS(BT, kind))) {
    for (const el of Array.from(coll.children)) {
      const id = el.getAttribute("id")!;
      expect(resources.has(id)).toBe(false); // ids are unique across collections
      resources.set(id, { kind, el });
    }
  }
}
const resid = (el: Element) => el.getAttribute("resid")!;
const residUsers = Array.from(doc.getElementsByTagName("*")).filter((el) =>
  el.hasAttribute("resid")
);

/** Width/height from a PNG's IHDR chunk. */
function pngSize(file: string): { w: number; h: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { w: buf.readUInt32BE(16), h: buf.readUInt32BE(20) };
}

function assetFile(url: string): string {
  expect(url.startsWith(DEV_BASE_URL + "assets/")).toBe(true);
  return join(ROOT, url.slice(DEV_BASE_URL.length));
}

describe("manifest.xml", () => {
  test("is UTF-8 XML of a task pane add-in for Excel with a GUID id", () => {
    expect(XML.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all("Host").filter((h) => h.getAttribute("Name") === "Workbook")).toHaveLength(1);
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(all("AppDomains")).toHaveLength(0);
  });

  test("every resid resolves to a resource of the right kind, and every resource is used", () => {
    expect(residUsers.length).toBeGreaterThan(10);
    const expectedKind = (el: Element): string[] => {
      switch (el.localName) {
        case "Image":
          return ["Images"];
        case "SourceLocation":
        case "Runtime":
        case "FunctionFile":
        case "LearnMoreUrl":
          return ["Urls"];
        case "Namespace":
        case "Label":
          return ["ShortStrings"];
        case "Title":
          return ["ShortStrings"];
        case "Description":
          return ["LongStrings"];
        default:
          throw new Error(`unexpected resid on <${el.localName}>`);
      }
    };
    for (const el of residUsers) {
      const res = resources.get(resid(el));
      expect({ resid: resid(el), found: !!res }).toEqual({ resid: resid(el), found: true });
      expect(expectedKind(el)).toContain(res!.kind);
    }
    const used = new Set(residUsers.map(resid));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("resource ids and strings respect the schema limits", () => {
    for (const [id, { kind, el }] of resources) {
      expect(id.length).toBeLessThanOrEqual(32);
      const values = [
        el.getAttribute("DefaultValue")!,
        ...Array.from(el.children).map((o) => o.getAttribute("Value")!),
      ];
      for (const v of values) {
        expect(v.length).toBeGreaterThan(0);
        if (kind === "ShortStrings") expect(v.length).toBeLessThanOrEqual(125);
        if (kind === "LongStrings") expect(v.length).toBeLessThanOrEqual(250);
      }
    }
  });

  test("all URLs are https and on the dev origin", () => {
    const urls: string[] = [];
    for (const el of Array.from(doc.getElementsByTagName("*"))) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = el.getAttribute(attr);
        if (v && /^[a-z][a-z0-9+.-]*:/i.test(v) && !/^[a-z]{2}-[A-Z]{2}$/.test(v)) urls.push(v);
      }
    }
    for (const { kind, el } of resources.values()) {
      if (kind === "Urls" || kind === "Images")
        expect(el.getAttribute("DefaultValue")).toMatch(/^https:\/\//);
    }
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) {
      expect(u).toMatch(/^https:\/\//);
      expect(u.startsWith(DEV_BASE_URL)).toBe(true);
    }
    // No plain-http URL anywhere outside the xmlns declarations.
    expect(XML.replace(/xmlns(:\w+)?="http:\/\/[^"]*"/g, "")).not.toMatch(/http:\/\//);
  });

  test("shared runtime: SharedRuntime 1.1, one long-lived runtime reused by Page, FunctionFile and the button", () => {
    const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toContain("SharedRuntime 1.1");
    const runtimes = all("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeId = resid(runtimes[0]);
    expect(runtimeId).toBe("Taskpane.Url");

    const cf = all("ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(cf).toHaveLength(1);
    const loc = (parent: string) =>
      resid(
        cf[0]
          .getElementsByTagNameNS("*", parent)[0]
          .getElementsByTagNameNS("*", "SourceLocation")[0]
      );
    expect(loc("Page")).toBe(runtimeId);
    expect(resid(one("FunctionFile"))).toBe(runtimeId);
    const actions = all("Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(xsiType(a)).toBe("ShowTaskpane");
      expect(resid(a.getElementsByTagNameNS("*", "SourceLocation")[0])).toBe(runtimeId);
      expect(a.getElementsByTagNameNS("*", "TaskpaneId")).toHaveLength(0);
    }
    // The default page (DefaultSettings) is the same page as the runtime.
    const defaultPage = one("DefaultSettings")
      .getElementsByTagNameNS("*", "SourceLocation")[0]
      .getAttribute("DefaultValue");
    expect(defaultPage).toBe(resources.get(runtimeId)!.el.getAttribute("DefaultValue"));

    // Script and metadata are what the webpack build emits.
    expect(resources.get(loc("Script"))!.el.getAttribute("DefaultValue")).toBe(
      DEV_BASE_URL + "functions.js"
    );
    expect(resources.get(loc("Metadata"))!.el.getAttribute("DefaultValue")).toBe(
      DEV_BASE_URL + "functions.json"
    );
    expect(resources.get(runtimeId)!.el.getAttribute("DefaultValue")).toBe(
      DEV_BASE_URL + "taskpane.html"
    );
  });

  test("<Runtimes> is the first child of the Workbook <Host> in VersionOverrides", () => {
    const host = all("Host").find((h) => xsiType(h) === "Workbook")!;
    expect(host).toBeDefined();
    expect(host.firstElementChild!.localName).toBe("Runtimes");
    expect(all("Runtimes")).toHaveLength(1);
  });

  test("custom functions namespace JXMB: ≤32 characters, uppercase ASCII", () => {
    const ns = resources.get(resid(one("Namespace")))!.el;
    const value = ns.getAttribute("DefaultValue")!;
    expect(value).toBe("JXMB");
    expect(value.length).toBeLessThanOrEqual(32);
    expect(value).toMatch(/^[A-Z][A-Z0-9]*$/);
    expect(ns.children).toHaveLength(0); // the namespace is typed in formulas: never localized
  });

  test("a Home-tab button opens the task pane", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = Array.from(tab.getElementsByTagNameNS("*", "Control"));
    expect(controls).toHaveLength(1);
    expect(xsiType(controls[0])).toBe("Button");
    expect(xsiType(controls[0].getElementsByTagNameNS("*", "Action")[0])).toBe("ShowTaskpane");
  });

  test("icons exist in assets/ at the sizes referenced", () => {
    const refs: { url: string; size: number }[] = [];
    for (const img of all("Image").filter((e) => e.namespaceURI === BT && e.hasAttribute("size"))) {
      refs.push({
        url: resources.get(resid(img))!.el.getAttribute("DefaultValue")!,
        size: Number(img.getAttribute("size")),
      });
    }
    refs.push({ url: one("IconUrl").getAttribute("DefaultValue")!, size: 32 });
    refs.push({ url: one("HighResolutionIconUrl").getAttribute("DefaultValue")!, size: 64 });
    for (const [id, { kind, el }] of resources) {
      if (kind !== "Images") continue;
      const m = /^Icon\.(\d+)x(\d+)$/.exec(id);
      expect(m).not.toBeNull();
      refs.push({ url: el.getAttribute("DefaultValue")!, size: Number(m![1]) });
    }
    expect(new Set(refs.map((r) => r.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of refs) {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ w: size, h: size });
      expect(url).toMatch(new RegExp(`icon-${size}\\.png$`));
    }
    // 128 px is shipped too (store listings); every generated size is a real PNG of that size.
    for (const size of [16, 32, 64, 80, 128])
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual({ w: size, h: size });
  });

  test("every display string has an English default and a zh-CN override", () => {
    expect(one("DefaultLocale").textContent).toBe("en-US");
    const displays: { what: string; el: Element; overrides: Element[] }[] = [];
    for (const name of ["DisplayName", "Description"]) {
      const el = Array.from(doc.documentElement.children).find((c) => c.localName === name)!;
      displays.push({
        what: name,
        el,
        overrides: Array.from(el.children).filter((c) => c.localName === "Override"),
      });
    }
    for (const [id, { kind, el }] of resources) {
      if (kind !== "ShortStrings" && kind !== "LongStrings") continue;
      if (id === "Functions.Namespace") continue; // an identifier, asserted above
      displays.push({
        what: id,
        el,
        overrides: Array.from(el.children).filter((c) => c.localName === "Override"),
      });
    }
    expect(displays.map((d) => d.what)).toEqual(
      expect.arrayContaining([
        "DisplayName",
        "Description",
        "TaskpaneButton.Label",
        "TaskpaneButton.Tooltip",
      ])
    );
    expect(displays.length).toBeGreaterThanOrEqual(7);
    const cjk = /[\u4e00-\u9fff]/;
    for (const { what, el, overrides } of displays) {
      const def = el.getAttribute("DefaultValue")!;
      expect({
        what,
        cjkInDefault: cjk.test(def.replace(/（.*?）|\(.*?\)|项目支出绩效目标表/g, "")),
      }).toEqual({ what, cjkInDefault: false });
      const zh = overrides.filter((o) => o.getAttribute("Locale") === "zh-CN");
      expect({ what, zh: zh.length }).toEqual({ what, zh: 1 });
      expect({ what, chinese: cjk.test(zh[0].getAttribute("Value")!) }).toEqual({
        what,
        chinese: true,
      });
    }
  });

  test("the zh-CN functions metadata is served through an override of Functions.Metadata.Url", () => {
    const meta = resources.get("Functions.Metadata.Url")!.el;
    const o = Array.from(meta.children).filter((c) => c.localName === "Override");
    expect(o.map((x) => [x.getAttribute("Locale"), x.getAttribute("Value")])).toEqual([
      ["zh-CN", DEV_BASE_URL + "functions.zh-CN.json"],
    ]);
  });
});

describe("rewriteManifestForProduction", () => {
  const devCount = XML.match(/https:\/\/localhost:3000\//g)!.length;

  test("replaces every dev URL (not only the first), leaving no localhost and only https URLs", () => {
    expect(devCount).toBeGreaterThan(5);
    const out = rewriteManifestForProduction(XML, "https://addins.example.org/jxmb");
    expect(out).not.toMatch(/localhost/i);
    expect(out.match(/https:\/\/addins\.example\.org\/jxmb\//g)!.length).toBe(devCount);
    const prod = parse(out);
    for (const el of Array.from(prod.getElementsByTagName("*"))) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = el.getAttribute(attr);
        if (v && v.includes("://")) expect(v).toMatch(/^https:\/\/addins\.example\.org\/jxmb\//);
      }
    }
    const script = Array.from(prod.getElementsByTagNameNS(BT, "Url")).find(
      (u) => u.getAttribute("id") === "Functions.Script.Url"
    )!;
    expect(script.getAttribute("DefaultValue")).toBe(
      "https://addins.example.org/jxmb/functions.js"
    );
    // Everything but the URLs is unchanged.
    expect(out.replace(/https:\/\/addins\.example\.org\/jxmb\//g, DEV_BASE_URL)).toBe(XML);
  });

  test("accepts a base with a trailing slash without doubling it", () => {
    const out = rewriteManifestForProduction(XML, "https://cdn.example.com/");
    expect(out).toContain('DefaultValue="https://cdn.example.com/taskpane.html"');
    expect(out).not.toContain("//taskpane.html");
  });

  test.each([
    [undefined, /JXMB_PUBLIC_URL/],
    ["", /JXMB_PUBLIC_URL/],
    ["http://addins.example.org/", /https/],
    ["https://localhost:8443/", /this machine/],
    ["https://127.0.0.1/", /this machine/],
    ["not a url", /not a URL/],
    ["https://x.example.org/?v=1", /query/],
  ])("refuses base %p", (base, message) => {
    expect(() => rewriteManifestForProduction(XML, base)).toThrow(message);
  });

  test("refuses to leave a non-https URL that was not on the dev origin", () => {
    const bad = XML.replace(
      'DefaultValue="https://localhost:3000/assets/icon-16.png"',
      'DefaultValue="http://other.example.org/i.png"'
    );
    expect(() => rewriteManifestForProduction(bad, "https://addins.example.org/")).toThrow(
      /non-https/
    );
  });
});
