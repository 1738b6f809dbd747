import { ruleTester, project, withRows, parts, indicators, type Row } from "./rule-tester";
import type { Project } from "../../src/model/schema";
import { costTotalWan } from "../../src/model/checks/cost";

const budget = (total: number): Project["budget"] => ({ total, fiscal: total, other: null, raw: { total: String(total), fiscal: String(total), other: null } });
const costRows = (total: number, ...rows: Row[]) => project({ budget: budget(total), indicators: withRows({ 项目总成本: null }, rows) });

// Seed 004 P4 禁毒: three annual amounts that sum to the budget, and a row that is not a cost.
const P4: Row[] = [
  ["产出指标", "成本指标", "蒲公英e家运行经费", "10万元/年"],
  ["产出指标", "成本指标", "禁毒宣传经费", "10万元/年"],
  ["产出指标", "成本指标", "聘用54名社区戒毒康复专职工作人员", "240万元/年"],
];

ruleTester("cost/exceeds-budget", {
  valid: [
    { name: "cost = budget" },
    // Corpus 05: 年度资金总额 0 beside 财政拨款 90 — budget/sum-mismatch reports the total; the costs are not
    // compared with a total that contradicts its parts.
    { name: "a total that contradicts its parts is not compared (corpus 05)", project: project({ budget: { total: 0, fiscal: 50, other: 0, raw: { total: "0", fiscal: "50", other: "0" } } }) },
    { name: "annual amounts sum to the budget (seed 004 P4)", project: costRows(260, ...P4) },
    // Seed 004 P6: 19270元 against 1.93 万元.
    { name: "元 converted exactly (seed 004 P6)", project: costRows(1.93, ["产出指标", "成本指标", "退休人员住房公积金", "19270元"]) },
    { name: "only the total row counts next to a unit cost", project: costRows(50, ["产出指标", "成本指标", "项目总成本", "≤50万元"], ["产出指标", "成本指标", "单位成本", "≤5万元"]) },
    { name: "unit costs are not totals", project: costRows(1, ["产出指标", "成本指标", "警服配发标准", "≤1835元/人"]) },
  ],
  invalid: [
    { name: "cost above the budget", project: costRows(50, ["产出指标", "成本指标", "项目总成本", "≤800万元"]), errors: [{ cell: "E16", severity: "error", messageIncludes: "成本指标金额合计 800 万元超过预算数 50 万元" }] },
    { name: "元 confused with 万元", project: costRows(1.93, ["产出指标", "成本指标", "退休人员住房公积金", "19270万元"]), errors: [{ messageIncludes: "19270 万元" }] },
    { name: "2021 framework: 成本 as 一级", project: project({ budget: budget(50), indicators: withRows({ 项目总成本: ["成本指标", "经济成本指标", "项目总成本", "≤60万元"] }) }), profile: "central-2021", errors: [{ messageIncludes: "60 万元" }] },
  ],
});

ruleTester("cost/mismatch-budget", {
  valid: [
    { name: "cost = budget" },
    { name: "rounding of 19270元 vs 1.93 (seed 004 P6)", project: costRows(1.93, ["产出指标", "成本指标", "退休人员住房公积金", "19270元"]) },
    { name: "above the budget is exceeds-budget's business", project: costRows(50, ["产出指标", "成本指标", "项目总成本", "≤60万元"]) },
    // Regression: a standard per unit was summed as the total cost ("成本指标金额合计 0.023 万元低于预算数 37 万元").
    { name: "per-unit amount written 元/路 is not a total", project: costRows(37, ["产出指标", "成本指标", "专线租赁费", "≤230元/路"]) },
    { name: "per-unit amount in 万元/台", project: costRows(37, ["产出指标", "成本指标", "设备购置成本", "≤0.5万元/台"]) },
    { name: "三级 names a standard per person", project: costRows(37, ["产出指标", "成本指标", "每人每天伙食标准", "≤230元"]) },
    { name: "描述 says the amount is per person per month", project: costRows(37, ["产出指标", "成本指标", "伙食费", "≤230元", "测算", "每人每月230元"]) },
    { name: "人均成本 next to nothing else", project: costRows(37, ["产出指标", "成本指标", "人均成本", "≤19270元"]) },
    { name: "no money in cost rows: nothing to compare", project: costRows(50, ["产出指标", "成本指标", "资金使用合规性", "符合资金管理办法"]) },
  ],
  invalid: [
    // Seed 002 P10: the breakdown covers 58 of 100.
    { name: "58 of 100 (seed 002 P10)", project: costRows(100, ["产出指标", "成本指标", "网络硬件设备及软件购置", "≤58万元"]), errors: [{ cell: "E16", severity: "warning", messageIncludes: "58 万元低于预算数 100 万元（相差 42 万元）" }] },
    { name: "a unit cost next to a total: only the total is compared", project: costRows(100, ["产出指标", "成本指标", "项目总成本", "≤58万元"], ["产出指标", "成本指标", "人均成本", "≤230元"]), errors: [{ cell: "E16", messageIncludes: "58 万元低于预算数 100 万元" }] },
  ],
});

ruleTester("cost/not-money", {
  valid: [{ name: "amount" }, { name: "per-unit amount", project: costRows(50, ["产出指标", "成本指标", "项目总成本", "≤50万元"], ["产出指标", "成本指标", "单位成本", "≤1835元/人"]) }],
  invalid: [
    // Seed 000 #31 控制成本, #29 按规定执行.
    { name: "控制成本 (seed 000 #31)", project: costRows(50, ["产出指标", "成本指标", "合理用电，勤俭节约", "控制成本"]), errors: [{ cell: "E16", messageIncludes: "成本指标「合理用电，勤俭节约」的指标值“控制成本”不是金额" }] },
    // Seed 001 #7, #9, #13: 控制在预算内 100% / ≤100% / ≤98%.
    { name: "percentages (seed 001 #7, #9)", project: costRows(50, ["产出指标", "成本指标", "控制在预算内", "100%"], ["产出指标", "成本指标", "控制在预算内", "≤98%"]), errors: [{ cell: "E16" }, { cell: "E17" }] },
    // Seed 004 P3: 专项交通整治费用减少 → 2024年.
    { name: "a date (seed 004 P3)", project: costRows(300, ["产出指标", "成本指标", "专项交通整治费用减少", "2024年"]), errors: [{ messageIncludes: "2024年" }] },
    // Seed 002 P14: 符号 文字描述, 单位 "预算项目总额控制在预算内".
    { name: "文字描述 (seed 002 P14)", project: costRows(60, ["产出指标", "成本指标", "预算控制数", parts("文字描述", "", "预算项目总额控制在预算内")]), errors: [{ messageIncludes: "预算项目总额控制在预算内" }] },
    { name: "2021 一级 成本 with a percentage", project: project({ indicators: withRows({ 项目总成本: ["成本指标", "经济成本指标", "资金成本利用率", "≥95%"] }) }), profile: "central-2021", errors: [{ messageIncludes: "≥95%" }] },
  ],
});

describe("checks/cost costTotalWan (shared with the custom functions)", () => {
  test("defaults to taxonomy labels and sums exactly in 分", () => {
    const c = costTotalWan(indicators(P4));
    expect(c.wan).toBe(260);
    expect(c.fen).toBe(260_000_000);
    expect(c.rows).toEqual([0, 1, 2]);
    expect(c.costRows).toBe(3);
  });
  test("a bare number in a cost row is taken in 万元 and listed", () => {
    const c = costTotalWan(indicators([["产出指标", "成本指标", "项目总成本", "≤50"]]));
    expect(c.wan).toBe(50);
    expect(c.assumedUnit).toEqual([0]);
  });
  test("no money → null; text rows listed as non-money; other 一级 ignored", () => {
    const c = costTotalWan(indicators([["产出指标", "成本指标", "控制成本", "控制成本"], ["产出指标", "数量指标", "经费", "≤50万元"]]));
    expect(c.fen).toBeNull();
    expect(c.nonMoney).toEqual([0]);
    expect(c.costRows).toBe(1);
  });
  test("0.1 + 0.2 万元 = 0.3 exactly", () => {
    const c = costTotalWan(indicators([["产出指标", "成本指标", "a", "0.1万元"], ["产出指标", "成本指标", "b", "0.2万元"]]));
    expect(c.wan).toBe(0.3);
  });
});

describe("costTotalWan: per-unit amounts", () => {
  test.each([
    ["专线租赁费", "≤230元/路", null],
    ["设备购置成本", "0.5万元/台", null],
    ["伙食费", "230元每人", null],
    ["每人每天伙食标准", "≤230元", null],
    ["警服配发标准", "≤1835元", null],
    ["伙食费", "≤230元", "每人每月230元"],
  ] as const)("%s %s (描述 %s) is a unit cost, never summed", (name, value, description) => {
    const c = costTotalWan(indicators([["产出指标", "成本指标", name, value, "测算", description]]));
    expect(c.fen).toBeNull();
    expect(c.unitCost).toEqual([0]);
  });
  test("a 合计 row is a total even when it says 每年", () => {
    const c = costTotalWan(indicators([["产出指标", "成本指标", "项目成本合计", "≤37万元"]]));
    expect(c.wan).toBe(37);
  });
});

describe("costTotalWan: repeated rows", () => {
  test("an exact repeat counts once (seed 002 P1: 资金成本 ≤ 80 万 twice)", () => {
    const c = costTotalWan(indicators([["产出指标", "成本指标", "资金成本", "≤ 80 万"], ["满意度指标", "成本指标", "资金成本", "≤ 80 万"]]));
    expect(c.wan).toBe(80);
    expect(c.rows).toEqual([0]);
  });
});

const S000_33 =
  "1、预计年平均在押人数130人，每人每月240元，年计37.44万元；2、调味料、燃料、炊事用具等开支为每月1500元左右，年计1.8万元；3、日常杂项支出为每月1000元，年计1.2万元。合计共需40.44万元。";
const S000_36 = "看守所月平均在押人数130人，每人购买衣裤、被褥、床单、鞋、袜等需要42元。年需1.5万元。";
const unitCostProject = (total: number, quantity: string, cost: Row, ...more: Row[]) =>
  project({ budget: budget(total), indicators: withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "保障人数", quantity], 项目总成本: cost }, more) });

ruleTester("cost/unit-cost-budget", {
  valid: [
    { name: "no unit cost" },
    // Seed 000 #33: 130 × 240 × 12 = 37.44 of 40.44 (other small items listed).
    { name: "资金用途 monthly standard reconciles (seed 000 #33)", project: project({ budget: budget(40.44), purpose: S000_33 }) },
    { name: "元/人/月 × 人 × 12 = 预算数", project: unitCostProject(37.44, "=130人", ["产出指标", "成本指标", "伙食费标准", "≤240元/人/月"]) },
    { name: "元/人 × 名 = 预算数 (名 ≈ 人)", project: unitCostProject(12.478, "=68名", ["产出指标", "成本指标", "警服配发标准", "≤1835元/人"]) },
    { name: "no quantity row of that unit: nothing to pair", project: unitCostProject(20, "≥10台", ["产出指标", "成本指标", "警服配发标准", "≤1835元/人"]) },
    // Corpus 21 (湖南南岳 2018): 475元/亩 × 60亩 + 2875元/个 × 4个 + 3000元/平方米 × 20平方米 = 10 万元.
    {
      name: "several standards add up to the budget (corpus 21)",
      project: project({
        budget: budget(10),
        indicators: [
          ["产出指标", "数量指标", "贫困地区旅游基础设施建设工程", ">=20平方米"],
          ["产出指标", "数量指标", "贫困地区旅游景点开发数量", ">=4个"],
          ["产出指标", "数量指标", "流转土地", ">=60亩"],
          ["产出指标", "成本指标", "流转土地补助标准", "<=475元/亩"],
          ["产出指标", "成本指标", "景观建设成本", "<=2875元/个"],
          ["产出指标", "成本指标", "贫困地区旅游基础设施建设工程建设成本", "<=3000元/平方米"],
          ["满意度指标", "服务对象满意度指标", "游客满意度", ">=90%"],
        ],
      }),
    },
    { name: "per-day standard × stated days", project: unitCostProject(109.5, "=100人", ["产出指标", "成本指标", "伙食费标准", "≤30元/人/天"], ["产出指标", "数量指标", "保障天数", "365天"]) },
  ],
  invalid: [
    // Seed 000 #36: 130 × 42 元 = 5 460 元 ≠ 1.5 万元.
    {
      name: "资金用途 arithmetic does not reconcile (seed 000 #36)",
      project: project({ budget: budget(1.5), purpose: S000_36 }),
      errors: [{ cell: "B5", severity: "warning", messageIncludes: ["130人 × 42元/人 = 0.546 万元", "× 12 个月 = 6.552 万元", "与预算数 1.5 万元不符"], fixIncludes: "1.5 万元" }],
    },
    // Seed 002 P21: 1835 元/人 × 68 名 = 12.478 万元 against 20 万元.
    {
      name: "元/人 × 68名 ≠ 20 万元 (seed 002 P21)",
      project: unitCostProject(20, "=68名", ["产出指标", "成本指标", "警服配发标准", parts("≥", "1835", "元/人")]),
      errors: [{ cell: "E14", messageIncludes: "68名 × 1835元/人 = 12.478 万元" }],
    },
    {
      name: "per-day standard × days far above the budget",
      project: unitCostProject(37, "=100人", ["产出指标", "成本指标", "伙食费标准", "≤30元/人/天"], ["产出指标", "数量指标", "保障天数", "365天"]),
      errors: [{ messageIncludes: "100人 × 30元/人/天 × 365 天 = 109.5 万元" }],
    },
    {
      name: "several standards that do not add up",
      project: project({
        budget: budget(30),
        indicators: [
          ["产出指标", "数量指标", "流转土地", ">=60亩"],
          ["产出指标", "数量指标", "景点开发数量", ">=4个"],
          ["产出指标", "成本指标", "流转土地补助标准", "<=475元/亩"],
          ["产出指标", "成本指标", "景观建设成本", "<=2875元/个"],
        ],
      }),
      errors: [{ cell: "E13", messageIncludes: "60亩 × 475元/亩 ＋ 4个 × 2875元/个 = 4 万元" }],
    },
    { name: "元/路 × 路", project: unitCostProject(37, "=10路", ["产出指标", "成本指标", "专线租赁费", "≤230元/路"]), errors: [{ messageIncludes: "10路 × 230元/路 = 0.23 万元" }] },
  ],
});

ruleTester("cost/name-amount", {
  valid: [
    { name: "no amount in the 三级" },
    { name: "the 三级 states the same amount", project: costRows(50, ["产出指标", "成本指标", "项目总成本不超过50万元", "≤50万元"]) },
    // Seed 004 P11 "项目总投资不超过概算": no number.
    { name: "no number in the 三级 (seed 004 P11)", project: costRows(50, ["产出指标", "成本指标", "项目总投资不超过概算", "50万元"]) },
    { name: "元 and 万元 are the same amount", project: costRows(1.93, ["产出指标", "成本指标", "公积金19270元", "1.927万元"]) },
  ],
  invalid: [
    // Seed 004 P1 "项目总投资不超过679.63万元" → 50万元; P10 2761.24 → 150.
    {
      name: "total investment in the 三级, the year's budget in the value (seed 004 P1)",
      project: costRows(50, ["产出指标", "成本指标", "项目总投资不超过679.63万元", "50万元"]),
      errors: [{ cell: "E16", severity: "warning", messageIncludes: "写的是“不超过679.63万元”，指标值却是“50万元”", fixIncludes: "本年度成本“≤50万元”；项目总投资 679.63万元" }],
    },
    { name: "amount in the 描述", project: costRows(150, ["产出指标", "成本指标", "项目成本", "150万元", "计划标准", "项目总投资2761.24万元"]), errors: [{ messageIncludes: "2761.24万元" }] },
  ],
});

ruleTester("cost/unit-without-quantity", {
  valid: [
    { name: "no unit cost" },
    // Corpus 21: each standard has its quantity (475元/亩 × 60亩, 2875元/个 × 4个).
    {
      name: "standards with their quantities (corpus 21)",
      project: costRows(10, ["产出指标", "数量指标", "流转土地", ">=60亩"], ["产出指标", "成本指标", "流转土地补助标准", "<=475元/亩"], ["产出指标", "数量指标", "景点开发数量", ">=4个"], ["产出指标", "成本指标", "景观建设成本", "<=2875元/个"]),
    },
    // The quantity stated in the 资金用途 can be multiplied too.
    { name: "the quantity is in 资金用途", project: { ...costRows(80, ["产出指标", "成本指标", "补助标准", "≤1600元/亩"]), purpose: "完成高标准农田建设500亩" } },
    // A per-person-per-month standard is checked against head counts by cost/unit-cost-budget.
    { name: "a monthly standard", project: costRows(10, ["产出指标", "成本指标", "伙食标准", "≤240元/人/月"]) },
    { name: "the name says per what (人均)", project: costRows(50, ["产出指标", "成本指标", "人均成本", "≤19270元"]) },
    { name: "a total is no standard", project: costRows(500, ["产出指标", "数量指标", "新建水泥路", "=4公里"], ["产出指标", "成本指标", "项目总成本", "≤500万元"]) },
  ],
  invalid: [
    {
      // Corpus 46 清涧: “硬化水泥砼公路补助标准 ≤120万元” beside two 2-km roads and a 500 万元 budget.
      name: "a standard written as a bare amount (corpus 46)",
      project: costRows(500, ["产出指标", "数量指标", "新建水泥路", "2km"], ["产出指标", "成本指标", "硬化水泥砼公路补助标准", "≤120万元"]),
      errors: [
        {
          severity: "warning",
          messageIncludes: "成本指标「硬化水泥砼公路补助标准」是单位标准，指标值“≤120万元”却没写明按什么计",
          fixIncludes: "如“≤120万元/公里”（数量指标按“公里”计；预算 500 万元 ÷ 120万元 ≈ 4.2公里）",
        },
      ],
    },
    {
      // Corpus 31 高标准农田: "财政资金补助 1600元/亩" and no 数量 row in 亩 (the 亩 rows are 生态效益).
      name: "a per-亩 standard and no area (corpus 31)",
      project: costRows(854, ["产出指标", "数量指标", "村内道路硬化里程", "≥100公里"], ["产出指标", "成本指标", "财政资金补助", "1600元/亩"], ["效益指标", "生态效益指标", "新增灌溉达标面积", "≥500亩"]),
      errors: [
        {
          severity: "warning",
          messageIncludes: "成本指标「财政资金补助」是单位成本“1600元/亩”，但数量指标中没有以“亩”计的数量，无法与预算数 854 万元核对",
          fixIncludes: "如“实施面积 ≥5338亩”（预算 854 万元 ÷ 1600元/亩 ≈ 5338亩）",
        },
      ],
    },
  ],
});
