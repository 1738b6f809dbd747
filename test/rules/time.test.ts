import { ruleTester, project, withRows, doc, type Row } from "./rule-tester";
import { wrongYearIn } from "../../src/model/rules/time/wrong-year";

const extra = (...rows: Row[]) => project({ indicators: withRows({}, rows) });

ruleTester("time/wrong-year", {
  valid: [
    { name: "2023 dates in a 2023 document" },
    // Seed 000 #25/#29 依据 "参照2022年…" and document numbers are not targets.
    { name: "reference years and document numbers", project: extra(["产出指标", "质量指标", "参照2022年标准执行率", "≥95%", "卢政常纪【2020】8号"]) },
    { name: "year ranges in a name (seed 001 #21)", project: extra(["产出指标", "数量指标", "2021-2022年租赁设备数量", "≥10台"]) },
    // Seed 001 prints no year: nothing to compare with.
    { name: "unknown budget year (seed 001)", doc: doc([extra(["产出指标", "时效指标", "项目完成时间", "2022年底"])], { fiscalYear: null }) },
  ],
  invalid: [
    // Seed 000 #26: 2022年12 月31日前 完成 in a 2023 document.
    {
      name: "value in the previous year (seed 000 #26)",
      project: project({ indicators: withRows({ 采购完成时间: ["产出指标", "时效指标", "采购完成时 间", "2022年12 月31日前 完成"] }) }),
      errors: [{ cell: "E13", messageIncludes: ["“2022年12 月31日前 完成”早于预算年度 2023 年"], fixIncludes: "2023 年内" }],
    },
    // Seed 000 #39: 三级 "争取 2020 年底资金全 部支出" → 100%.
    { name: "year in the 三级 (seed 000 #39)", project: extra(["产出指标", "时效指标", "争取 2020 年底资金全 部支出", "100%"]), errors: [{ cell: "C17", messageIncludes: "写的是 2020 年，与预算年度 2023 年不符" }] },
    // Seed 004 P1: "2023年内完成整体建设" → "2024年底" in a 2024 document.
    {
      name: "2023 in the 三级 of a 2024 table (seed 004 P1)",
      doc: doc([project({ indicators: withRows({ 采购完成时间: ["产出指标", "时效指标", "2023年内完成整体建设", "2024年底"] }) })], { fiscalYear: 2024, profile: "ningxia" }),
      errors: [{ cell: "C13", messageIncludes: "2023 年" }],
    },
    // Seed 001 values "2022年底" read against a 2023 budget year.
    { name: "2022年底 in a 2023 document", project: project({ indicators: withRows({ 采购完成时间: ["产出指标", "时效指标", "项目完成时间", "2022年底"] }) }), errors: [{ cell: "E13", messageIncludes: "“2022年底”早于预算年度 2023 年" }] },
    { name: "a later year", project: extra(["产出指标", "时效指标", "验收时间", "2025年6月底前"]), errors: [{ messageIncludes: "晚于预算年度 2023 年" }] },
    { name: "year in the 描述", project: extra(["产出指标", "时效指标", "完成时间", "≤6个月", null, "2022 年底前完成采购"]), errors: [{ cell: "D17" }] },
  ],
});

describe("wrongYearIn", () => {
  test.each([
    ["争取 2020 年底资金全部支出", 2020],
    ["2022年采购完成及时率", 2022],
    ["参照2022年标准", null],
    ["较2022年下降", null],
    // Seed 002 P2 "覆盖2019.2020.2021年": a list of archive years, not a deadline.
    ["2019.2020.2021年档案", null],
    ["2023年底", null],
  ])("%s → %s", (text, expected) => {
    expect(wrongYearIn(text, 2023)).toBe(expected);
  });
});
