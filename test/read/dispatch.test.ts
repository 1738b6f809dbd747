/**
 * readWorkbook: document order, seq, profile guess, department part, and never throwing.
 */
import { readWorkbook, DEFAULT_READERS } from "../../src/model/read";
import type { LayoutReader, SheetReadResult } from "../../src/model/read/types";
import { emptySheet, setValue, type Grid, type GridSheet } from "../../src/model/grid";
import { emptyProject, type LayoutName, type Project } from "../../src/model/schema";

function project(name: string, row: number, seq = 0, layout: LayoutName = "hebei"): Project {
  return { ...emptyProject(layout, "?", seq), name, source: { sheet: "?", range: `A${row}:F${row + 10}`, cells: {} } };
}

function sheetWith(name: string, lines: string[]): GridSheet {
  const s = emptySheet(name);
  lines.forEach((t, r) => setValue(s, r, 0, t));
  return s;
}

/** A sheet from rows of cells written “a|b|c”. */
function tableSheet(name: string, rows: string[]): GridSheet {
  const s = emptySheet(name);
  rows.forEach((line, r) => line.split("|").forEach((t, c) => t && setValue(s, r, c, t)));
  return s;
}

/** A fake layout: each sheet line “P:<name>:<printed no>” is a project at that row. */
function fakeReader(layout: LayoutName = "hebei", extra?: Partial<SheetReadResult>): LayoutReader {
  return {
    layout,
    detect: (s) => s.values.some((r) => typeof r?.[0] === "string" && (r[0] as string).startsWith("P:")),
    read: (s) => {
      const projects: Project[] = [];
      s.values.forEach((r, i) => {
        const v = r?.[0];
        if (typeof v === "string" && v.startsWith("P:")) {
          const [, name, no] = v.split(":");
          const p = project(name, i + 1, Number(no || 0), layout);
          p.source.sheet = s.name;
          projects.push(p);
        }
      });
      // Return them bottom-up to prove the dispatcher orders by position.
      return { projects: projects.reverse(), problems: [], ...extra };
    },
  };
}

describe("readWorkbook", () => {
  test("document order is sheet order, then top to bottom", () => {
    const grid: Grid = { sheets: [sheetWith("甲", ["P:a", "", "P:b"]), sheetWith("乙", ["P:c"])], names: [] };
    const { document } = readWorkbook(grid, { readers: [fakeReader()] });
    expect(document.projects.map((p) => p.name)).toEqual(["a", "b", "c"]);
    expect(document.projects.map((p) => p.seq)).toEqual([1, 2, 3]);
  });

  test("seq takes the printed number when unique, else the position", () => {
    const grid: Grid = { sheets: [sheetWith("甲", ["P:a:1", "P:b:2", "P:x:14", "P:c:3", "P:d:3", "P:e"])], names: [] };
    const { document } = readWorkbook(grid, { readers: [fakeReader()] });
    // 14 keeps its printed number out of order (seed 001); the two “3” and the unnumbered one get
    // free positions.
    expect(document.projects.map((p) => `${p.name}${p.seq}`)).toEqual(["a1", "b2", "x14", "c4", "d5", "e6"]);
    expect(new Set(document.projects.map((p) => p.seq)).size).toBe(6);
  });

  test("a crashing reader becomes a problem naming the sheet; other sheets are still read", () => {
    const boom: LayoutReader = {
      layout: "template",
      detect: (s) => s.name === "坏表",
      read: () => {
        throw new Error("boom");
      },
    };
    const badDetect: LayoutReader = {
      layout: "chengde",
      detect: () => {
        throw new TypeError("detect failed");
      },
      read: () => ({ projects: [], problems: [] }),
    };
    const grid: Grid = { sheets: [sheetWith("坏表", ["P:a"]), sheetWith("好表", ["P:b"])], names: [] };
    let result: ReturnType<typeof readWorkbook> | undefined;
    expect(() => (result = readWorkbook(grid, { readers: [badDetect, boom, fakeReader()] }))).not.toThrow();
    const { document, problems } = result!;
    // 坏表 falls through to the next reader after the crash.
    expect(document.projects.map((p) => p.name)).toEqual(["a", "b"]);
    const errs = problems.filter((p) => p.severity === "error");
    expect(errs.some((p) => p.sheet === "坏表" && /坏表/.test(p.message) && /boom/.test(p.message))).toBe(true);
    expect(errs.filter((p) => /detect failed/.test(p.message)).map((p) => p.sheet)).toEqual(["坏表", "好表"]);
  });

  test("the first reader that finds something claims the sheet", () => {
    const first = fakeReader("template");
    const second = fakeReader("hebei");
    const { document } = readWorkbook({ sheets: [sheetWith("S", ["P:a"])], names: [] }, { readers: [first, second] });
    expect(document.projects.map((p) => p.layout)).toEqual(["template"]);
  });

  test("profile: ningxia when Ningxia tables were read, else hebei; an explicit profile wins", () => {
    const grid: Grid = { sheets: [sheetWith("S", ["P:a"])], names: [] };
    expect(readWorkbook(grid, { readers: [fakeReader("ningxia")] }).document.profile).toBe("ningxia");
    expect(readWorkbook(grid, { readers: [fakeReader("hebei")] }).document.profile).toBe("hebei");
    expect(readWorkbook(grid, { readers: [fakeReader("ningxia")], profile: "central-2021" }).document.profile).toBe("central-2021");
  });

  test("a profile declared by a reader (our template) beats the guess, an explicit option beats both", () => {
    const grid: Grid = { sheets: [sheetWith("S", ["P:a"])], names: [] };
    const declaring = fakeReader("template", { profile: "ningxia" } as Partial<SheetReadResult>);
    expect(readWorkbook(grid, { readers: [declaring] }).document.profile).toBe("ningxia");
    expect(readWorkbook(grid, { readers: [declaring], profile: "hebei" }).document.profile).toBe("hebei");
  });

  test("fiscal year, title and department come from the readers", () => {
    const grid: Grid = { sheets: [sheetWith("S", ["P:a"])], names: [] };
    const r = fakeReader("hebei", { fiscalYear: 2024, title: "2024年部门预算", department: { code: "019001", name: "平罗县公安局" } });
    const { document } = readWorkbook(grid, { readers: [r] });
    expect([document.fiscalYear, document.title, document.department]).toEqual([2024, "2024年部门预算", { code: "019001", name: "平罗县公安局" }]);
  });

  test("an empty workbook gives an error problem, not an exception", () => {
    const { document, problems, unrecognised } = readWorkbook({ sheets: [emptySheet("Sheet1")], names: [] });
    expect(document.projects).toEqual([]);
    expect(unrecognised).toMatch(/^未找到绩效目标表：1 个工作表中都没有识别出/);
    expect(problems.some((p) => p.severity === "error" && p.message === unrecognised)).toBe(true);
  });

  test("a workbook with labels but no indicator header says what was seen, with cells", () => {
    const s = tableSheet("Sheet1", ["项目名称|某项目", "主管部门|某局", "一级指标|二级指标|三级指标|备注"]);
    const { document, unrecognised } = readWorkbook({ sheets: [s], names: [] });
    expect(document.projects).toEqual([]);
    expect(unrecognised).toBe(
      "未找到绩效目标表：在 Sheet1!A3 找到指标栏目，但没有找到指标值栏（如“指标值”“目标值”“年度指标值”）；已识别的标签：项目名称(A1)、主管部门(A2)。可用 --labels 文件补充本地的栏目名称（no indicator header）",
    );
  });

  test("a --labels spelling makes an unknown value column readable", () => {
    const rows = ["项目名称|某项目", "一级指标|二级指标|三级指标|预期成效", "产出指标|数量指标|培训人次|≥200人次"];
    const grid: Grid = { sheets: [tableSheet("Sheet1", rows)], names: [] };
    expect(readWorkbook(grid).document.projects).toEqual([]);
    const { document } = readWorkbook(grid, { labels: { columns: { value: ["预期成效"] } } });
    expect(document.projects.map((p) => [p.name, p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])])).toEqual([
      ["某项目", [["产出指标", "数量指标", "培训人次", "≥200人次"]]],
    ]);
  });

  test("the department part is read from a prose sheet", () => {
    const s = sheetWith("部门", [
      "某县公安局",
      "2024 年部门预算绩效文本",
      "第一部分 部门整体绩效目标",
      "一、总体绩效目标",
      "维护稳定。",
      "二、分项绩效目标",
      "（一）办案经费项目",
      "绩效目标：破案率提高。",
      "绩效指标：破案率≥60%。",
      "一、治安管理：提高治安水平。",
      "1、户籍管理：准确。",
      "三、工作保障措施",
      "一是加强领导。",
      "二是强化监督。",
    ]);
    const { document } = readWorkbook({ sheets: [s], names: [] });
    expect(document.overview).toMatchObject({
      summary: "维护稳定。",
      items: [
        { title: "办案经费项目", goal: "破案率提高。", indicators: "破案率≥60%。" },
        { title: "治安管理", goal: "提高治安水平。\n1、户籍管理：准确。", indicators: null },
      ],
      safeguards: "一是加强领导。\n二是强化监督。",
    });
    expect(document.fiscalYear).toBe(2024);
    expect(document.department.name).toBe("某县公安局");
    expect(document.overview?.source?.cells).toMatchObject({ summary: "A5", "items.0": "A7", "items.1": "A10", safeguards: "A13" });
  });

  test("department part with Arabic section numbers (seed 002) stops at the next part", () => {
    const s = sheetWith("部门整体绩效目标", [
      "第一部分",
      "部门整体绩效目标",
      "一、总体绩效目标",
      "维护国家安全和政治稳定。",
      "2、 分项绩效目标",
      "（一）国内安全保卫",
      "绩效目标：及时发现情报、线索。",
      "绩效指标：重点人、重点阵地控制率≥60%。",
      "3、 工作保障措施",
      "第一，要狠抓打击破案。",
      "第二部分",
      "专项资金绩效目标",
      "我部门2022年无专项资金。",
    ]);
    const { document } = readWorkbook({ sheets: [s], names: [] });
    expect(document.overview).toMatchObject({
      summary: "维护国家安全和政治稳定。",
      items: [{ title: "国内安全保卫", goal: "及时发现情报、线索。", indicators: "重点人、重点阵地控制率≥60%。" }],
      safeguards: "第一，要狠抓打击破案。",
    });
  });

  test("the default readers include the Hebei layout", () => {
    expect(DEFAULT_READERS.map((r) => r.layout)).toContain("hebei");
  });
});
