/**
 * The custom functions called the way Excel calls them: ranges as 2-D arrays holding numbers, "",
 * null, 0 for empty cells, text such as "25%" or "587.92 万 元", booleans; optional arguments as null.
 * Errors must be CustomFunctions.Error values with the right code (never text), with a zh-CN message.
 */
import {
  CustomFunctionsError,
  ErrorCode,
  installCustomFunctionsShim,
  removeCustomFunctionsShim,
} from "./custom-functions-shim";
import { FUNCTIONS, PASS } from "../../src/functions/functions";
import { spendPlanProblems } from "../../src/model/checks/spend-plan";
import { budgetProblems } from "../../src/model/checks/budget";

const { SPENDPLANCHECK, SPENDPLANAMOUNTS, BUDGETCHECK, AMOUNT, COSTTOTAL, COSTCHECK, TARGETPARSE } =
  FUNCTIONS;

function expectError(v: unknown, code: ErrorCode, message?: RegExp): void {
  expect(v).toBeInstanceOf(CustomFunctionsError);
  const e = v as CustomFunctionsError;
  expect(e.code).toBe(code);
  if (message) expect(e.message).toMatch(message);
  else expect(e.message).toBeTruthy();
}

const first = (problems: { message: string }[]) => problems[0].message;

describe("SPENDPLAN.CHECK", () => {
  test("a clean plan passes in every form Excel may hand it over", () => {
    expect(SPENDPLANCHECK([[0.25, 0.5, 0.75, 1]])).toEqual([[PASS]]); // template cells formatted 0%
    expect(SPENDPLANCHECK([[25, 50, 75, 100]])).toEqual([[PASS]]); // typed percent points
    expect(SPENDPLANCHECK([["25%", "50%", "75%", "100%"]])).toEqual([[PASS]]); // text (PDF conversions)
    expect(SPENDPLANCHECK([["25 ％", " 50% ", "75%", "100百分比"]])).toEqual([[PASS]]);
    // Seed 002 P22 “0 / 50% / 75% / 100%” and P17 “0.00 / 50 / 75 / 100.00” (mixed text).
    expect(SPENDPLANCHECK([["0", "50%", "75%", "100%"]])).toEqual([[PASS]]);
    expect(SPENDPLANCHECK([["0.00", "50", "75", "100.00"]])).toEqual([[PASS]]);
    // Seed 000 #26 decimals.
    expect(SPENDPLANCHECK([[0.043, 0.174, 0.891, 1]])).toEqual([[PASS]]);
  });

  test("problems read exactly as the rule's message (same check as the task pane)", () => {
    // Seed 000 #10: three columns, no 12月底.
    const three = SPENDPLANCHECK([["25%", "50%", "75%"]]);
    expect(three).toEqual([[first(spendPlanProblems([25, 50, 75, null]))]]);
    expect(three[0][0]).toMatch(/12月底/);
    // Decreasing.
    const dec = SPENDPLANCHECK([[0.25, 0.2, 0.75, 1]]);
    expect(dec).toEqual([[first(spendPlanProblems([25, 20, 75, 100]))]]);
    expect(dec[0][0]).toMatch(/6月底 20% 低于3月底 25%/);
    // Over 100.
    expect(SPENDPLANCHECK([[25, 50, 75, 120]])).toEqual([
      [first(spendPlanProblems([25, 50, 75, 120]))],
    ]);
    expect(SPENDPLANCHECK([[25, 50, 75, 120]])[0][0]).toMatch(/12月底.*120%/);
    // Seed 000 #12 10/20/30/100: back-loaded (informational rule, reported like the task pane does).
    expect(SPENDPLANCHECK([["10%", "20%", "30%", "100%"]])[0][0]).toBe(
      first(spendPlanProblems([10, 20, 30, 100]))
    );
    expect(SPENDPLANCHECK([["10%", "20%", "30%", "100%"]])[0][0]).toContain("进度偏后");
    // Seed 001 #2 with blanks sent as "" (Excel on the web, text cells).
    expect(SPENDPLANCHECK([["", "", 1, 1]])).toEqual([
      [first(spendPlanProblems([null, null, 100, 100]))],
    ]);
    expect(SPENDPLANCHECK([["", "", 1, 1]])[0][0]).toMatch(/3月底.*为空/);
  });

  test("an all-blank or all-zero plan is “not filled in”; otherwise 0 is 0%", () => {
    const unfilled = first(spendPlanProblems([null, null, null, null]));
    expect(unfilled).toMatch(/未填写/);
    expect(SPENDPLANCHECK([["", "", "", ""]])).toEqual([[unfilled]]);
    expect(SPENDPLANCHECK([[null, null, null, null]])).toEqual([[unfilled]]);
    expect(SPENDPLANCHECK([[0, 0, 0, 0]])).toEqual([[unfilled]]); // empty cells from a desktop range
    // Empty cells before 100% arrive as 0 on desktop: indistinguishable from 0%, documented limitation.
    expect(SPENDPLANCHECK([[0, 0, 1, 1]])).toEqual([[PASS]]);
    // A dash is blank, as in the readers.
    expect(SPENDPLANCHECK([["—", "50%", "75%", "100%"]])).toEqual([
      [first(spendPlanProblems([null, 50, 75, 100]))],
    ]);
  });

  test("the budget argument turns a final amount into the rule's “typed an amount” hint", () => {
    const r = SPENDPLANCHECK([[10, 20, 30, 50]], null, null, null, "50 万元");
    expect(r).toEqual([[first(spendPlanProblems([10, 20, 30, 50], { budgetTotal: 50 }))]]);
    expect(r[0][0]).toContain("疑似填写了金额");
    expect(SPENDPLANCHECK([[10, 20, 30, 50]])[0][0]).not.toContain("疑似填写了金额");
  });

  test("several rows give one verdict per row; four separate values and a column also work", () => {
    expect(
      SPENDPLANCHECK([
        [0.25, 0.5, 0.75, 1],
        [25, 20, 75, 100],
        ["", "", "", ""],
      ])
    ).toEqual([
      [PASS],
      [first(spendPlanProblems([25, 20, 75, 100]))],
      [first(spendPlanProblems([null, null, null, null]))],
    ]);
    expect(SPENDPLANCHECK([[25]], 50, 75, 100)).toEqual([[PASS]]);
    expect(SPENDPLANCHECK([[0.25]], 0.5, 0.75, 1)).toEqual([[PASS]]);
    expect(SPENDPLANCHECK([["25%"]], "50%", "75%", null)).toEqual([
      [first(spendPlanProblems([25, 50, 75, null]))],
    ]);
    expect(SPENDPLANCHECK([[0.25], [0.5], [0.75], [1]])).toEqual([[PASS]]);
  });

  test("a point that is not a percentage is named", () => {
    expect(SPENDPLANCHECK([["25%", "二季度", "75%", "100%"]])).toEqual([
      ["资金支出计划6月底“二季度”不是百分数"],
    ]);
    expect(SPENDPLANCHECK([["≥25%", "50%", "75%", "100%"]])).toEqual([
      ["资金支出计划3月底“≥25%”不是百分数"],
    ]);
    expect(SPENDPLANCHECK([[0.25, true, 0.75, 1]])).toEqual([
      ["资金支出计划6月底“true”不是百分数"],
    ]);
  });

  test("a wrong shape is #VALUE! with a Chinese message", () => {
    expectError(SPENDPLANCHECK([[1, 2]])[0][0], ErrorCode.invalidValue, /四个节点/);
    expectError(SPENDPLANCHECK([[1, 2, 3, 4, 5]])[0][0], ErrorCode.invalidValue, /1×5/);
    expectError(
      SPENDPLANCHECK([[0.25, 0.5, 0.75, 1]], 0.5)[0][0],
      ErrorCode.invalidValue,
      /单个单元格/
    );
  });
});

describe("SPENDPLAN.AMOUNTS", () => {
  test("cumulative and per-period amounts in 万元, exact (seed 000 #10 budget 587.92)", () => {
    expect(SPENDPLANAMOUNTS([[0.25, 0.5, 0.75, 1]], 587.92)).toEqual([
      [146.98, 293.96, 440.94, 587.92],
    ]);
    const per = SPENDPLANAMOUNTS([[0.25, 0.5, 0.75, 1]], 587.92, true);
    expect(per).toEqual([[146.98, 146.98, 146.98, 146.98]]);
    // Seed 000 #26: 460 万元 × 4.3% / 17.4% / 89.1% / 100%.
    expect(SPENDPLANAMOUNTS([["4.3%", "17.4%", "89.1%", "100%"]], "460 万元")).toEqual([
      [19.78, 80.04, 409.86, 460],
    ]);
    expect(SPENDPLANAMOUNTS([["4.3%", "17.4%", "89.1%", "100%"]], 460, true)).toEqual([
      [19.78, 60.26, 329.82, 50.14],
    ]);
  });

  test("rounds half-up to 分 and never drifts", () => {
    // 3 分 × 50% = 1.5 分 → 2 分.
    expect(SPENDPLANAMOUNTS([[50, 50, 50, 100]], 0.000003)).toEqual([
      [0.000002, 0.000002, 0.000002, 0.000003],
    ]);
    // 13.26 万元 × 33.33% = 4.419558 万元 exactly.
    expect(SPENDPLANAMOUNTS([[33.33, 66.66, 99.99, 100]], 13.26)[0][0]).toBe(4.419558);
    // Per-period amounts of a cumulative plan sum back to the budget exactly.
    const per = SPENDPLANAMOUNTS([[4.3, 17.4, 89.1, 100]], 13.26, true)[0] as number[];
    const fen = per.reduce((s, x) => s + Math.round(x * 1e6), 0);
    expect(fen).toBe(13_260_000);
  });

  test("blank points are blank; a per-period amount after a blank counts from the last filled point", () => {
    expect(SPENDPLANAMOUNTS([["", "", 1, 1]], 42.88)).toEqual([["", "", 42.88, 42.88]]);
    expect(SPENDPLANAMOUNTS([["", 0.25, 0.5, 1]], 45, true)).toEqual([["", 11.25, 11.25, 22.5]]);
  });

  test("bad input: budget blank → #N/A, budget text → #VALUE!, a bad point → #VALUE! in its cell only", () => {
    expectError(
      SPENDPLANAMOUNTS([[0.25, 0.5, 0.75, 1]], null)[0][0],
      ErrorCode.notAvailable,
      /预算数未填写/
    );
    expectError(
      SPENDPLANAMOUNTS([[0.25, 0.5, 0.75, 1]], "")[0][0],
      ErrorCode.notAvailable,
      /预算数未填写/
    );
    expectError(
      SPENDPLANAMOUNTS([[0.25, 0.5, 0.75, 1]], "五十万")[0][0],
      ErrorCode.invalidValue,
      /预算数“五十万”/
    );
    const row = SPENDPLANAMOUNTS([["25%", "x", "75%", "100%"]], 40)[0];
    expect(row[0]).toBe(10);
    expectError(row[1], ErrorCode.invalidValue, /6月底“x”不是百分数/);
    expect(row.slice(2)).toEqual([30, 40]);
    expectError(SPENDPLANAMOUNTS([[1, 2]], 40)[0][0], ErrorCode.invalidValue);
  });
});

describe("BUDGET.CHECK", () => {
  test("balanced budgets pass, blank 其他资金 counts as 0 (as in every Hebei seed)", async () => {
    expect(await BUDGETCHECK(587.92, 587.92, null)).toBe(PASS);
    expect(await BUDGETCHECK(587.92, 587.92, "")).toBe(PASS);
    expect(await BUDGETCHECK(587.92, 587.92, "\u3000")).toBe(PASS); // seed 002: 其他资金 is U+3000
    expect(await BUDGETCHECK(587.92, 587.92, 0)).toBe(PASS);
    expect(await BUDGETCHECK("50 万元", 50, null)).toBe(PASS);
    expect(await BUDGETCHECK("260 万元", "260 万元", null)).toBe(PASS); // seed 004 P4
    expect(await BUDGETCHECK(0.3, 0.1, 0.2)).toBe(PASS); // exact in 分, no 0.1 + 0.2 drift
    expect(await BUDGETCHECK("19270元", 1.927, null)).toBe(PASS); // units converted
  });

  test("seed 002 P21: 20 ≠ 20 + 20, worded as the budget rule", async () => {
    const r = await BUDGETCHECK("20.000000", "20.000000", "20.000000\u3000");
    expect(r).toBe(budgetProblems(20, 20, 20)[0].message);
    expect(r).toMatch(/预算数 20 ≠ 财政资金 20 \+ 其他资金 20/);
    expect(await BUDGETCHECK(100, 90, 5)).toBe(budgetProblems(100, 90, 5)[0].message);
  });

  test("text that is not an amount and negative amounts are named", async () => {
    expect(await BUDGETCHECK("待定", 50, null)).toMatch(/^预算数“待定”不是/);
    expect(await BUDGETCHECK(50, "五十", null)).toMatch(/^财政资金“五十”不是/);
    expect(await BUDGETCHECK(50, -5, null)).toBe(budgetProblems(50, -5, null)[0].message);
    expect(await BUDGETCHECK(50, true, null)).toMatch(/^财政资金“true”不是/);
  });

  test("a blank 预算数 is #N/A", async () => {
    expectError(await BUDGETCHECK(null, 50, null), ErrorCode.notAvailable, /预算数未填写/);
    expectError(await BUDGETCHECK("  ", 50, null), ErrorCode.notAvailable, /预算数未填写/);
  });
});

describe("AMOUNT", () => {
  test("amounts in 万元 from seed texts", () => {
    expect(AMOUNT("19270元")).toBe(1.927); // seed 004 P6
    expect(AMOUNT("587.92 万 元")).toBe(587.92); // seed 000 #10 (PDF wrap spaces)
    expect(AMOUNT("≧200万")).toBe(200); // seed 004
    expect(AMOUNT("≤40.44万元")).toBe(40.44); // seed 000 #33
    expect(AMOUNT("1,234.5元")).toBe(0.12345);
    expect(AMOUNT("５０万元")).toBe(50); // full-width digits
    expect(AMOUNT(50)).toBe(50);
    expect(AMOUNT(19270, "元")).toBe(1.927);
    expect(AMOUNT("19270", " 元 ")).toBe(1.927);
    expect(AMOUNT("0.07万元")).toBe(0.07);
  });

  test("blank in, blank out; junk is #VALUE! with the parser's reason", () => {
    expect(AMOUNT("")).toBe("");
    expect(AMOUNT(null)).toBe("");
    expectError(AMOUNT("控制成本"), ErrorCode.invalidValue, /不是金额/);
    expectError(AMOUNT("万元"), ErrorCode.invalidValue, /只有单位/);
    expectError(AMOUNT(50, "美元"), ErrorCode.invalidValue, /单位“美元”/);
    expectError(AMOUNT(false), ErrorCode.invalidValue, /不是金额/);
  });
});

/* Indicator ranges shaped like the seeds. */
const HEADER = [
  "一级指标",
  "二级指标",
  "三级指标",
  "绩效指标描述",
  "指标值",
  "指标值确定依据",
  "评（扣）分标准",
  "校验",
];
// Seed 004 P4 (Ningxia: 一级/二级/三级/指标值), merged label cells arriving as "" or 0.
const NINGXIA_P4 = [
  ["产出指标", "数量指标", "社区戒毒康复专职工作人员", "54人"],
  ["", "成本指标", "建设标准化“蒲公英e家”工作室、推进“十镇百村”农村戒毒问题专项治理", "10万元/年"],
  ["", "", "开展禁毒宣传活动、印刷宣传册，订阅报刊杂志", "10万元/年"],
  [0, 0, "聘用54名社区戒毒康复专职工作人员", "240万元/年"],
  ["", "", "不发生吸毒肇事肇祸事件", "有效改变"],
  ["效益指标", "社会效益指标", "吸毒人员管控率", "有效提升"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
];
// Template layout with its header row; a 总成本 row and a per-unit row.
const TEMPLATE_ROWS = [
  HEADER,
  ["产出指标", "数量指标", "辅警人数", "", "≥253人", "年初工作计划", "", ""],
  ["产出指标", "成本指标", "项目总成本", "", "≤50万元", "预算标准", "", ""],
  ["", "", "人均成本", "", "≤1835元/人", "警服配发标准", "", ""],
  ["", "", "设备购置", "", "30万元", "", "", ""],
  ["效益指标", "社会效益指标", "社会治安状况", "", "进一步提高", "", "", ""],
];

describe("COST.TOTAL", () => {
  test("seed 004 P4: 10 + 10 + 240 万元/年 = 260 (labels merged, 0 for empty cells)", () => {
    expect(COSTTOTAL(NINGXIA_P4)).toBe(260);
  });

  test("template range with header: only the 总成本 row counts; per-unit amounts never", () => {
    expect(COSTTOTAL(TEMPLATE_ROWS)).toBe(50);
    // Without a row named as a total, every amount counts (per-unit still skipped): 12 + 30.
    const noTotal = [
      HEADER,
      ["产出指标", "成本指标", "设备维护", "", "≤12万元"],
      ["", "", "人均成本", "", "≤1835元/人"],
      ["", "", "设备购置", "", "30万元"],
    ];
    expect(COSTTOTAL(noTotal)).toBe(42);
  });

  test("central-2021 form with its header: the 年度指标值 column counts, never the 中期指标值 beside it", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "绩效指标描述（选填）", "中期指标值", "年度指标值", "指标值确定依据（选填）", "评（扣）分标准（选填）"],
      ["成本指标", "经济成本指标", "项目总成本", "", "≤150万元", "≤50万元", "预算标准", ""],
      ["产出指标", "数量指标", "辅警人数", "", "≥800人", "≥253人", "", ""],
    ];
    expect(COSTTOTAL(rows)).toBe(50);
  });

  test("seed 004 P6 in 元, 2021 framework (成本 as 一级), bare numbers in 万元", () => {
    expect(COSTTOTAL([["产出指标", "成本指标", "退休人员住房公积金", "19270元"]])).toBe(1.927);
    expect(
      COSTTOTAL([
        ["成本指标", "经济成本指标", "设备购置费", "≤12万元"],
        ["", "", "维护费", "3.5万元"],
        ["产出指标", "数量指标", "设备数量", "10台"],
      ])
    ).toBe(15.5);
    expect(COSTTOTAL([["产出指标", "成本指标", "项目成本", 50]])).toBe(50); // seed 001 #15 “≤50”: table unit
  });

  test("valueColumn picks the 指标值 column when there is no header", () => {
    const rows = [["产出指标", "成本指标", "总成本", "≤8万元", "历史标准"]];
    expectError(COSTTOTAL(rows), ErrorCode.notAvailable, /没有金额/); // template column 5 is the 依据
    expect(COSTTOTAL(rows, 4)).toBe(8);
    expect(COSTTOTAL(rows, 0)).toEqual(COSTTOTAL(rows)); // an empty cell as valueColumn = omitted
    expectError(COSTTOTAL(rows, 9), ErrorCode.invalidValue, /1–5/);
  });

  test("#N/A when there is no cost row or no money in it; #VALUE! for a range that is too narrow", () => {
    expectError(
      COSTTOTAL([["效益指标", "社会效益指标", "社会治安状况", "进一步提高"]]),
      ErrorCode.notAvailable,
      /没有成本指标行/
    );
    expectError(
      COSTTOTAL([["产出指标", "成本指标", "成本控制", "控制成本"]]),
      ErrorCode.notAvailable,
      /没有金额/
    );
    expectError(
      COSTTOTAL([["产出指标", "成本指标", "50万元"]]),
      ErrorCode.invalidValue,
      /收到 3 列/
    );
  });
});

describe("COST.CHECK", () => {
  test("seed 004 P4 (260 = 260) and P6 (19270 元 vs 1.93 万元, within the rounding tolerance) pass", async () => {
    // P4's fourth 成本 row “有效改变” is not an amount (catalog 002–004 §4 item 5): the warning stays.
    expect(await COSTCHECK(NINGXIA_P4, "260 万元")).toMatch(
      /「不发生吸毒肇事肇祸事件」的指标值“有效改变”不是金额$/
    );
    expect(
      await COSTCHECK(
        NINGXIA_P4.filter((r) => r[3] !== "有效改变"),
        "260 万元"
      )
    ).toBe(PASS);
    expect(await COSTCHECK([["产出指标", "成本指标", "退休人员住房公积金", "19270元"]], 1.93)).toBe(PASS);
  });

  test("cost above and below the budget, worded as the cost rules", async () => {
    expect(await COSTCHECK(TEMPLATE_ROWS, 40)).toMatch(/50 万元.*超过.*40 万元/);
    expect(await COSTCHECK(TEMPLATE_ROWS, 100)).toMatch(/50 万元.*低于.*100 万元/);
    expect(await COSTCHECK(TEMPLATE_ROWS, "50 万元")).toBe(PASS);
  });

  test("a cost row that is not an amount is reported; an error outranks it", async () => {
    const rows = [
      ["产出指标", "成本指标", "成本控制", "控制成本"], // seed 000 #31
      ["", "", "项目总成本", "≤60万元"],
    ];
    expect(await COSTCHECK(rows.slice(0, 1), 50)).toMatch(/「成本控制」的指标值“控制成本”不是金额$/);
    expect(await COSTCHECK(rows, 60)).toMatch(/「成本控制」的指标值“控制成本”不是金额$/);
    expect(await COSTCHECK(rows, 50)).toMatch(/60 万元.*超过.*50 万元/);
  });

  test("bad budget or range", async () => {
    expectError(await COSTCHECK(TEMPLATE_ROWS, null), ErrorCode.notAvailable, /预算数未填写/);
    expectError(await COSTCHECK(TEMPLATE_ROWS, "约五十万"), ErrorCode.invalidValue, /预算数“约五十万”/);
    expectError(await COSTCHECK([["产出指标", "成本指标"]], 50), ErrorCode.invalidValue, /收到 2 列/);
  });
});

describe("TARGET.PARSE", () => {
  test("operator, number, unit, kind as one row", () => {
    expect(TARGETPARSE("≥95%")).toEqual([["≥", 95, "%", "percent"]]);
    expect(TARGETPARSE("≧200万")).toEqual([["≥", 200, "万元", "money"]]);
    expect(TARGETPARSE("587.92 万 元")).toEqual([["", 587.92, "万元", "money"]]);
    expect(TARGETPARSE("≥253人")).toEqual([["≥", 253, "人", "number"]]);
    expect(TARGETPARSE("2024年底")).toEqual([["", "", "", "date"]]);
    expect(TARGETPARSE("进一步提高")).toEqual([["", "", "", "vague"]]);
    expect(TARGETPARSE("**")).toEqual([["", "", "", "redacted"]]);
    expect(TARGETPARSE(95)).toEqual([["", 95, "", "number"]]);
  });

  test("blanks give an empty row of kind empty, never null (null would show 0)", () => {
    for (const v of ["", null, "  "]) {
      const r = TARGETPARSE(v);
      expect(r).toEqual([["", "", "", "empty"]]);
      expect(r[0]).not.toContain(null);
    }
  });

  test("the 承德 符号/值/单位 cells (seed 002)", () => {
    expect(TARGETPARSE("1835", "≥", "元/人")).toEqual([["≥", 1835, "元/人", "money"]]);
    expect(TARGETPARSE(100, "=", "百分比")).toEqual([["=", 100, "%", "percent"]]);
    expect(TARGETPARSE("", "文字描述", "提升全区经济价值")[0][3]).not.toBe("empty");
  });
});

describe("outside Excel", () => {
  test("without the CustomFunctions global an error path throws (Excel shows #VALUE!), the others still work", () => {
    removeCustomFunctionsShim();
    try {
      expect(() => AMOUNT("控制成本")).toThrow(/不是金额/);
      expect(AMOUNT("50万元")).toBe(50);
    } finally {
      installCustomFunctionsShim();
    }
  });
});
