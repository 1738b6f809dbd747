/**
 * The printout, as a clerk gets it: seed 000 imported into the template, printed by LibreOffice to PDF,
 * every page rasterised by pdftoppm. Each of the 39 project sheets is one A4 landscape page; 汇总 is one
 * page; 部门 prints its ~5,500 characters of 分项绩效目标 and 保障措施 on 4 legible pages (one page would need ~25 %). The 校验 column, the ▲ note, the
 * template version and the profile never print; every page has its header (单位, 项目名称) and a page number.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbook } from "../../src/model/read";
import { renderTemplate } from "../../src/model/write";
import { loadGrid } from "../../src/xlsx/read";
import { writeTemplateBook } from "../../src/xlsx/write";
import { printWorkbook, type Printout } from "./print";

const SEED = path.join(__dirname, "../../examples/seed-000.xlsx");

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe("printing an imported seed 000 (LibreOffice → PDF → pdftoppm)", () => {
  let out: Printout;
  let names: string[];

  beforeAll(async () => {
    const doc = readWorkbook(await loadGrid(fs.readFileSync(SEED))).document;
    names = doc.projects.map((p) => p.name ?? "");
    out = printWorkbook(await writeTemplateBook(renderTemplate(doc)));
  }, 600_000);

  afterAll(() => out && fs.rmSync(out.dir, { recursive: true, force: true }));

  test("39 project pages + 部门 + 汇总: one page per project sheet, one 汇总 page", () => {
    expect(names.length).toBe(39);
    const kind = out.texts.map((t) => (/一级指标/.test(t) && /二级指标/.test(t) ? "project" : /项目汇总/.test(t) ? "summary" : /部门预算绩效目标|分项绩效目标|工作保障措施|（\d+）/.test(t) ? "department" : "?"));
    const dept = kind.filter((k) => k === "department").length;
    expect({ pages: out.pages, pngs: out.pngs.length }).toEqual({ pages: 39 + 1 + dept, pngs: 39 + 1 + dept });
    expect(kind).toEqual([...Array(dept).fill("department"), "summary", ...Array(39).fill("project")]);
    // Each project sheet is exactly one page, in order: page dept+2+k carries project k's title.
    const projectPages = out.texts.slice(dept + 1);
    projectPages.forEach((t, k) => {
      const title = squash(`${k + 1}.${names[k]}`).slice(0, 12);
      expect({ k, title, found: squash(t).includes(title) }).toEqual({ k, title, found: true });
    });
    // 部门: seed 000's ~5,500 characters of 分项绩效目标 and 保障措施 on the fewest pages that keep them legible (≥ 75 %
    // scale, fit to width; the empty 绩效指标 column gives its room to the prose): 4 pages, not 6 and not one page at ~25 %.
    expect(dept).toBe(4);
    expect(out.pages).toBe(39 + 1 + 4);
  });

  test("部门 prints legibly: its text at ≥ 75 % of the 11 pt body size, not shrunk onto one page", () => {
    // Word boxes from the PDF: an 11 pt line of text is ~10.9 pt high at 100 %.
    const deptPages = out.texts.map((t, i) => (/部门预算绩效目标|分项绩效目标|工作保障措施|（\d+）/.test(t) && !/一级指标/.test(t) && !/项目汇总/.test(t) ? i + 1 : 0)).filter((n) => n > 0);
    expect(deptPages.length).toBe(4);
    for (const page of deptPages) {
      const xml = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", path.join(out.dir, "book.pdf"), "-"], { encoding: "utf8" }).stdout;
      const heights = [...xml.matchAll(/yMin="([\d.]+)"[^>]*yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])).sort((x, y) => x - y);
      const median = heights[Math.floor(heights.length / 2)];
      expect({ page, legible: median >= 0.75 * 10.9 }).toEqual({ page, legible: true });
    }
  });

  test("A4 landscape pages", () => {
    for (const f of out.pngs) {
      const [w, h] = pngSize(f);
      // A4 is 297 × 210 mm: 1.414.
      expect(Math.abs(w / h - 297 / 210)).toBeLessThan(0.01);
    }
  });

  test("nothing of the machinery prints: no 校验 column, ▲ note, version or profile", () => {
    const all = out.texts.join("\n");
    for (const s of ["校验", "▲", "JXMB-TEMPLATE", "适用规范", "hebei", "格式检查", "✓", "✗", "待填写", "JXMB:", "本表由公式生成"]) expect({ s, printed: all.includes(s) }).toEqual({ s, printed: false });
    // 汇总's printed title is the title alone (how to fill the sheet is a note beside it, on screen only).
    expect(out.texts.find((t) => /项目汇总/.test(t))).toContain("项目汇总（金额单位：万元）");
  });

  test("each page has its header (单位 and 项目名称 on project pages) and a page number", () => {
    out.texts.forEach((t, i) => expect({ i, footer: t.includes(`第 ${i + 1} 页，共 ${out.pages} 页`) }).toEqual({ i, footer: true }));
    const first = out.texts.find((t) => /一级指标/.test(t))!;
    expect(first).toMatch(/单位：卢龙县公安局本级/);
    expect(first).toMatch(/项目：安保指挥中心工作经费/);
  });
});

describe("printing seed 000 in the central-2021 form (LibreOffice → PDF)", () => {
  let out: Printout;

  beforeAll(async () => {
    const doc = { ...readWorkbook(await loadGrid(fs.readFileSync(SEED))).document, profile: "central-2021" as const };
    out = printWorkbook(await writeTemplateBook(renderTemplate(doc)), 30);
  }, 600_000);

  afterAll(() => out && fs.rmSync(out.dir, { recursive: true, force: true }));

  test("the same 44 pages: 4 部门 + 1 汇总 + one page per project sheet, each the 101号 form with 中期 | 年度 columns", () => {
    const projectPages = out.texts.filter((t) => /一级指标/.test(t));
    expect({ pages: out.pages, project: projectPages.length }).toEqual({ pages: 39 + 1 + 4, project: 39 });
    for (const t of projectPages) for (const label of ["主管部门及代码", "实施单位", "中期目标", "年度目标", "中期指标值", "年度指标值"]) expect(t).toContain(label);
    const all = out.texts.join("\n");
    for (const s of ["校验", "▲", "JXMB-TEMPLATE", "central-2021", "中期指标（不作年度检查）", "✗", "JXMB:"]) expect({ s, printed: all.includes(s) }).toEqual({ s, printed: false });
  });
});
