import { ruleTester, project, withRows, doc, type Row } from "./rule-tester";
import { wrongYearIn } from "../../src/model/rules/time/wrong-year";

const extra = (...rows: Row[]) => project({ indicators: withRows({}, rows) });

ruleTester("time/wrong-year", {
  valid: [
    { name: "2023 dates in a 2023 document" },
    { name: "a 2023 service period in dotted months", project: extra(["产出指标", "时效指标", "服务周期", "2023.01-2023.12"]) },
    // Seed 000 #25/#29 依据 "参照2022年…" and document numbers are not targets.
    { name: "reference years and document numbers", project: extra(["产出指标", "质量指标", "参照2022年标准执行率", "≥95%", "卢政常纪【2020】8号"]) },
    { name: "year ranges in a name (seed 001 #21)", project: extra(["产出指标", "数量指标", "2021-2022年租赁设备数量", "≥10台"]) },
    // Seed 001 prints no year: nothing to compare with.
    // Seed 000 #37 资金用途 "2020 年 2 月 1 日启用": a past fact, not a target; a 中期 range; a later horizon in a goal.
    {
      name: "past facts, ranges and horizons in 名称/用途/目标 (seed 000 #37)",
      project: project({
        name: "2023-2025年执法记录仪购置经费",
        purpose: "看守所执法办案区于2020 年 2 月 1 日启用，较2022年同期增加用电；2022年实际支出 40 万元。",
        goals: ["1.年内完成 10 台执法记录仪采购，到2025年实现全覆盖。", "2.比2022年发案数下降 5%。"],
      }),
    },
    { name: "unknown budget year (seed 001)", doc: doc([extra(["产出指标", "时效指标", "项目完成时间", "2022年底"])], { fiscalYear: null }) },
  ],
  invalid: [
    // Corpus 53: “服务周期 2023.07-2024.01” for a 2023 budget.
    {
      name: "a 时效 period in dotted months running past the year (corpus 53)",
      project: extra(["产出指标", "时效指标", "服务周期", "2023.07-2024.01"]),
      errors: [{ cell: "E17", severity: "warning", messageIncludes: "“2023.07-2024.01”延续到 2024 年，超出预算年度 2023 年", fixIncludes: "“≤2023年12月31日”" }],
    },
    // Seed 000 #26: 2022年12 月31日前 完成 in a 2023 document.
    {
      name: "value in the previous year (seed 000 #26)",
      project: project({ indicators: withRows({ 采购完成时间: ["产出指标", "时效指标", "采购完成时 间", "2022年12 月31日前 完成"] }) }),
      errors: [{ cell: "E13", messageIncludes: ["“2022年12 月31日前 完成”早于预算年度 2023 年"], fixIncludes: "改为“2023年12月31日前完成”" }],
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
    // Seed 004 P1 "2022 年执法办案管理中心项目" and P9 "2021 年智慧交通…" in a 2024 document.
    {
      name: "an earlier year in the 项目名称 (seed 004 P1)",
      project: project({ name: "2022 年执法办案管理中心项目" }),
      errors: [{ cell: "D3", messageIncludes: "项目名称“2022 年执法办案管理中心项目”写的是 2022 年，与预算年度 2023 年不符" }],
    },
    // Seed 002 P17 "法制执法办案中心建设（2021年已完成项目）" (a 2022 table; here read in 2023).
    { name: "（2021年已完成项目） (seed 002 P17)", project: project({ name: "法制执法办案中心建设（2021年已完成项目）" }), errors: [{ cell: "D3", messageIncludes: "2021 年" }] },
    // Seed 000 #31 资金用途 "…2022 年需电费 50 万元" in a 2023 document.
    {
      name: "资金用途 with the previous year (seed 000 #31)",
      project: project({ purpose: "用于看守所日常用电、取暖用电（2020 年因改变取暖方式用电增加），2022 年需电费 50 万元" }),
      errors: [{ cell: "B5", messageIncludes: ["资金用途写的是 2022 年", "2022 年需电费"], fixIncludes: "按 2023 年的测算数" }],
    },
    { name: "a goal copied from last year's table", project: project({ goals: ["1.2022年完成10台执法记录仪采购。"] }), errors: [{ cell: "B8", messageIncludes: "绩效目标写的是 2022 年" }] },
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
