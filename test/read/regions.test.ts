/**
 * A 专项 with one target column per county (区域目标值 over 新罗区 | 永定区 | …) is read as one table per
 * county: the county is the table's unit, its column the 指标值, the bureau that filed the form stays the
 * 主管部门 and the document's department; the fund's total (for all counties) is not split, so each
 * county's budget is empty and the split is reported. Checked on the public form (corpus 50) and on
 * generated forms with 2–8 counties, shuffled values and other spellings of the caption; and a value
 * caption over column words (指标值 over 符号 | 值 | 单位) or over a data row is no region split.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { a1, type CellValue, type Grid, type GridSheet } from "../../src/model/grid";
import { readWorkbook } from "../../src/model/read";
import { findIndicatorHeaders } from "../../src/model/read/indicator-block";
import { regionColumns } from "../../src/model/read/regions";
import { DEFAULT_SYNONYMS } from "../../src/model/read/synonyms";
import { loadGrid } from "../../src/xlsx/read";
import { CORPUS_DIR } from "../helpers/corpus-compare";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const COUNTIES = ["新罗区", "永定区", "上杭县", "武平县", "长汀县", "连城县", "漳平市"];

async function corpus50(): Promise<Grid> {
  const dir = path.join(CORPUS_DIR, "workbooks");
  const file = fs.readdirSync(dir).find((f) => f.startsWith("50-"))!;
  return loadGrid(fs.readFileSync(path.join(dir, file)));
}

describe("corpus 50 (龙岩 专项转移支付绩效目标表, 区域目标值 over seven counties)", () => {
  test("one table per county, each with its own column's targets", async () => {
    const grid = await corpus50();
    const { document: doc, problems } = readWorkbook(grid);
    expect(doc.projects.map((p) => p.unit.name)).toEqual(COUNTIES);
    expect(doc.department).toEqual({ code: "230001", name: "龙岩市民族与宗教事务局" });
    const counts = [2, 3, 1, 2, 2, 2, 2];
    doc.projects.forEach((p, k) => {
      expect(p.name).toBe("宗教管理经费");
      expect(p.title).toBe(`专项转移支付绩效目标表（${COUNTIES[k]}）`);
      expect(p.competentDepartment).toEqual({ code: "230001", name: "龙岩市民族与宗教事务局" });
      expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw])).toEqual([
        ["产出指标", "数量指标", "宗教管理经费补助县(市、区)数量", String(counts[k])],
        ["产出指标", "质量指标", "项目资金使用合规性", ">=95%"],
      ]);
      // Each target's source cell is in that county's column (F = 新罗区 … L = 漳平市).
      expect(p.indicators.map((i) => i.source.target)).toEqual([a1(12, 5 + k), a1(13, 5 + k)]);
      expect(p.indicators[0].target.value).toBe(counts[k]);
      expect(p.indicators[1].target.operator).toBe("≥");
      expect(p.budget).toEqual({ total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } });
      expect(p.source.cells["budget.total"]).toBe("E7");
      expect(p.source.cells.unit).toBe(a1(11, 5 + k));
      expect(p.goals).toEqual(["为推进宗教活动场所规范化管理,提升我市宗教工作管理水平,"]);
    });
    const info = problems.filter((p) => /按补助区域读成 7 张表/.test(p.message));
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info", sheet: "绩效目标表", cell: "F11" });
    expect(info[0].message).toContain(COUNTIES.join("、"));
    expect(info[0].message).toContain("资金总额 30 万元是各区域合计");
  });

  test("the region names row under a value caption over a data row is no split", async () => {
    const grid = await corpus50();
    const sheet = grid.sheets[0];
    // The county names replaced by numbers: a data row, not a header sub-row.
    const changed: GridSheet = { ...sheet, values: sheet.values.map((row, r) => (r === 11 ? row.map((v, c) => (c >= 5 ? c : v)) : row)) };
    const h = findIndicatorHeaders(changed)[0];
    expect(regionColumns(changed, h, DEFAULT_SYNONYMS)).toBeNull();
  });
});

/** A generated regional form: caption, name, a total, and an indicator header whose value caption spans the regions. */
function regionalForm(caption: string, regions: string[], rows: [string, string, string, CellValue[]][]): Grid {
  const width = 4 + regions.length;
  const values: CellValue[][] = [
    ["专项资金绩效目标表"],
    ["项目名称", "农村公路养护补助"],
    ["资金总额(万元)", 120],
    ["一级指标", "二级指标", "三级指标", caption],
    [null, null, null, ...regions],
    ...rows.map(([l1, l2, name, vals]) => [l1, l2, name, ...vals]),
  ];
  const merges = [
    { r1: 0, c1: 0, r2: 0, c2: width - 2 },
    { r1: 3, c1: 0, r2: 4, c2: 0 },
    { r1: 3, c1: 1, r2: 4, c2: 1 },
    { r1: 3, c1: 2, r2: 4, c2: 2 },
    { r1: 3, c1: 3, r2: 3, c2: 3 + regions.length - 1 },
  ];
  return { sheets: [{ name: "Sheet1", values, merges }], names: [] };
}

test("generated regional forms: 2–8 regions, any caption spelling, each table holds its own column", () => {
  const captions = ["区域目标值", "分县目标值", "各县(市、区)目标值", "各县（市、区）指标值", "分地区绩效目标值", "各单位目标值"];
  const region = fc.constantFrom("甲县", "乙县", "丙区", "丁市", "戊旗", "某某开发区", "县本级", "市直单位", "一中", "二中");
  fc.assert(
    fc.property(
      fc.constantFrom(...captions),
      fc.uniqueArray(region, { minLength: 2, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 8, maxLength: 8 }),
      (caption, regions, nums) => {
        const rows: [string, string, string, CellValue[]][] = [
          ["产出指标", "数量指标", "养护里程", regions.map((_, k) => `≥${nums[k]}公里`)],
          ["产出指标", "质量指标", "优良路率", regions.map((_, k) => `≥${(nums[k] % 50) + 50}%`)],
          ["效益指标", "社会效益指标", "群众出行条件", regions.map(() => "明显改善")],
          ["满意度指标", "服务对象满意度指标", "群众满意度", regions.map(() => "≥90%")],
        ];
        const { document: doc, problems } = readWorkbook(regionalForm(caption, regions, rows));
        expect(doc.projects.map((p) => p.unit.name)).toEqual(regions);
        doc.projects.forEach((p, k) => {
          expect(p.name).toBe("农村公路养护补助");
          expect(p.budget.total).toBeNull();
          expect(p.indicators.map((i) => i.target.raw)).toEqual(rows.map((row) => String(row[3][k])));
          expect(p.indicators.map((i) => i.name)).toEqual(rows.map((row) => row[2]));
        });
        expect(problems.filter((p) => /按补助区域读成/.test(p.message))).toHaveLength(1);
      },
    ),
    { seed: SEED, numRuns: 60 },
  );
});

test("a value caption over column words (指标值 over 符号 | 值 | 单位) stays one table", () => {
  const grid = regionalForm("指标值", ["符号", "数值", "单位"], [
    ["产出指标", "数量指标", "养护里程", ["≥", 120, "公里"]],
    ["满意度指标", "服务对象满意度指标", "群众满意度", ["≥", 90, "%"]],
  ]);
  const h = findIndicatorHeaders(grid.sheets[0])[0];
  expect(regionColumns(grid.sheets[0], h, DEFAULT_SYNONYMS)).toBeNull();
  const { document: doc } = readWorkbook(grid);
  expect(doc.projects).toHaveLength(1);
  expect(doc.projects[0].budget.total).toBe(120);
  expect(doc.projects[0].indicators.map((i) => i.target.raw.replace(/\s/g, ""))).toEqual(["≥120公里", "≥90%"]);
});

test("a value caption over periods (年度 | 中期, 2024年 | 2025年, 第一季度 …) is no region split", () => {
  for (const periods of [["年度", "中期"], ["2024年", "2025年", "2026年"], ["第一季度", "第二季度"], ["本期", "上期"]]) {
    const grid = regionalForm("指标值", periods, [["产出指标", "数量指标", "养护里程", periods.map(() => "≥100公里")]]);
    expect(regionColumns(grid.sheets[0], findIndicatorHeaders(grid.sheets[0])[0], DEFAULT_SYNONYMS)).toBeNull();
    expect(readWorkbook(grid).document.projects.length).toBeLessThanOrEqual(1);
  }
});
