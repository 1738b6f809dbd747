import { Target } from "../../src/model/schema";
import {
  cleanTargetText,
  formatTarget,
  isNumericTarget,
  isPercentFormat,
  isDurationUnit,
  isMoneyUnit,
  isPercentUnit,
  normalizeOperator,
  normalizeUnit,
  operatorDirection,
  parseTarget,
  parseTargetParts,
  targetFen,
  unitCategory,
} from "../../src/model/value";

type Exp = Partial<Target>;

/** Parse, check schema validity and that raw is kept exactly, then match the expectation. */
function check(raw: string, exp: Exp): void {
  const t = parseTarget(raw);
  expect(Target.safeParse(t).success).toBe(true);
  expect(t.raw).toBe(raw);
  expect(t).toMatchObject(exp);
}

describe("operators", () => {
  const symbolic: Array<[string, Target["operator"]]> = [
    ["≥", "≥"],
    ["≧", "≥"],
    ["⩾", "≥"],
    [">=", "≥"],
    ["=>", "≥"],
    ["≥=", "≥"],
    ["＞＝", "≥"],
    ["≤", "≤"],
    ["≦", "≤"],
    ["⩽", "≤"],
    ["<=", "≤"],
    ["=<", "≤"],
    ["＜＝", "≤"],
    ["=", "="],
    ["＝", "="],
    [">", ">"],
    ["＞", ">"],
    ["<", "<"],
    ["＜", "<"],
  ];
  test.each(symbolic)("%s 95%% → %s, operatorRaw as written", (op, norm) => {
    check(`${op}95%`, { kind: "percent", operator: norm, operatorRaw: op, value: 95, unit: "%" });
    check(`${op} 95 %`, { kind: "percent", operator: norm, operatorRaw: op, value: 95, unit: "%" });
  });

  const words: Array<[string, Target["operator"], string]> = [
    ["不低于90%", "≥", "不低于"],
    ["不少于10人", "≥", "不少于"],
    ["至少3次", "≥", "至少"],
    ["达到95%", "≥", "达到"],
    ["大于等于90%", "≥", "大于等于"],
    ["大于90%", ">", "大于"],
    ["高于90%", ">", "高于"],
    ["超过100人", ">", "超过"],
    ["不高于100万元", "≤", "不高于"],
    ["不超过50万元", "≤", "不超过"],
    ["控制在50万元以内", "≤", "控制在"],
    ["小于等于5%", "≤", "小于等于"],
    ["小于5%", "<", "小于"],
    ["低于5%", "<", "低于"],
    ["90%以上", "≥", "以上"],
    ["1000人以上", "≥", "以上"],
    ["90%及以上", "≥", "及以上"],
    ["5%以下", "≤", "以下"],
    ["50万元以内", "≤", "以内"],
    ["3天内", "≤", "内"],
  ];
  test.each(words)("%s → %s (%s)", (raw, op, opRaw) => {
    check(raw, { operator: op, operatorRaw: opRaw });
    expect(parseTarget(raw).value).not.toBeNull();
  });

  test("word operators only count before a number", () => {
    check("达到使用要求", {
      kind: "text",
      operator: null,
      operatorRaw: null,
      text: "达到使用要求",
    });
    check("为群众提供服务", { kind: "text", operator: null });
    check("不低于上年水平", { kind: "text", operator: null });
  });

  test("a symbolic operator before words is kept", () => {
    check("≥良好", { kind: "grade", operator: "≥", operatorRaw: "≥", text: "良好" });
  });

  test("normalizeOperator", () => {
    expect(normalizeOperator("≧")).toBe("≥");
    expect(normalizeOperator(" ＞＝ ")).toBe("≥");
    expect(normalizeOperator("＜")).toBe("<");
    expect(normalizeOperator("不超过")).toBe("≤");
    expect(normalizeOperator("以上")).toBe("≥");
    expect(normalizeOperator("文字描述")).toBeNull();
    expect(normalizeOperator("")).toBeNull();
    expect(normalizeOperator(null)).toBeNull();
  });

  test("operatorDirection", () => {
    expect(operatorDirection("≥")).toBe("min");
    expect(operatorDirection(">")).toBe("min");
    expect(operatorDirection("≤")).toBe("max");
    expect(operatorDirection("<")).toBe("max");
    expect(operatorDirection("=")).toBe("exact");
    expect(operatorDirection(null)).toBeNull();
  });
});

describe("numbers", () => {
  test("full-width digits and symbols", () => {
    check("５０００元", { kind: "money", value: 5000, unit: "元" });
    check("１００％", { kind: "percent", value: 100, unit: "%" });
    check("≥９５．５％", { kind: "percent", operator: "≥", value: 95.5 });
  });
  test("thousands separators (strict groups of three)", () => {
    check("1,234.5万元", { kind: "money", value: 1234.5, unit: "万元" });
    check("35,000个", { kind: "number", value: 35000, unit: "个" });
    check("1，234元", { kind: "money", value: 1234, unit: "元" });
  });
  test("decimals keep their exact value", () => {
    check("587.92 万 元", { kind: "money", value: 587.92, unit: "万元" });
    check("7280.3平方米", { kind: "number", value: 7280.3, unit: "平方米" });
    check("100.00", { kind: "number", value: 100, unit: null });
  });
  test("ranges", () => {
    check("90%-95%", { kind: "percent", value: 90, valueMax: 95, unit: "%" });
    check("90-95%", { kind: "percent", value: 90, valueMax: 95, unit: "%" });
    check("90%～95%", { kind: "percent", value: 90, valueMax: 95 });
    check("90%至95%", { kind: "percent", value: 90, valueMax: 95 });
    check("10-20人", { kind: "number", value: 10, valueMax: 20, unit: "人" });
    check("1万-2万元", { kind: "money", value: 1, valueMax: 2, unit: "万元" });
    check("3—5个工作日", { kind: "duration", value: 3, valueMax: 5, unit: "工作日" });
  });
  test("mismatched range units are text", () => {
    check("10人-20次", { kind: "text", value: null });
  });
  test("more than / approximately", () => {
    check("50余人", { kind: "number", operator: ">", operatorRaw: "余", value: 50, unit: "人" });
    check("100多个", { kind: "number", operator: ">", operatorRaw: "多", value: 100, unit: "个" });
    check("约50人", { kind: "number", operator: null, value: 50, unit: "人", text: "约" });
    check("50人左右", { kind: "number", operator: null, value: 50, unit: "人", text: "左右" });
  });
  test("digits split by a space are not guessed", () => {
    check("1 1566.21平方米", { kind: "text", value: null, text: "1 1566.21平方米" });
    check("9 5%", { kind: "text", value: null });
  });
  test("SI grouping by thin spaces is a number", () => {
    check("11 566.21平方米", { kind: "number", value: 11566.21, unit: "平方米" });
  });
  test("no unit", () => {
    check("17", { kind: "number", value: 17, unit: null, operator: null });
    check("≥1000", { kind: "number", operator: "≥", value: 1000, unit: null });
    check(">1", { kind: "number", operator: ">", value: 1 });
    check("0起", { kind: "number", value: 0, unit: "起" });
  });
  test("numbers from percent-formatted cells", () => {
    expect(parseTarget(0.95, { numberFormat: "0%" })).toMatchObject({
      raw: "95%",
      kind: "percent",
      value: 95,
      unit: "%",
    });
    expect(parseTarget(0.07, { numberFormat: "0.00%" })).toMatchObject({ value: 7 });
    expect(parseTarget(0.075, { numberFormat: "0.0%" })).toMatchObject({ value: 7.5, raw: "7.5%" });
    expect(parseTarget(1, { numberFormat: "0%" })).toMatchObject({ value: 100 });
    expect(parseTarget(-0.001, { numberFormat: "0.0%" })).toMatchObject({ value: -0.1 });
    expect(parseTarget(95, { numberFormat: "0" })).toMatchObject({ kind: "number", value: 95 });
    expect(parseTarget(95, { numberFormat: '0"%"' })).toMatchObject({ kind: "number", value: 95 });
    expect(parseTarget("95%", { numberFormat: "0%" })).toMatchObject({ raw: "95%", value: 95 });
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat("0.00\\%")).toBe(false);
    expect(isPercentFormat("General")).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
  });
  test("numbers from cells", () => {
    expect(parseTarget(95)).toMatchObject({ raw: "95", kind: "number", value: 95, unit: null });
    expect(parseTarget(0.95)).toMatchObject({ raw: "0.95", kind: "number", value: 0.95 });
    expect(parseTarget(Number.NaN)).toMatchObject({ kind: "text", value: null });
  });
  test("several values in one cell are text", () => {
    check("217 个点位；217 条光纤线路；1 条 VPN 光纤链路；机房 1 个。", {
      kind: "text",
      text: "217个点位；217条光纤线路；1条VPN光纤链路；机房1个",
    });
  });
  test("words after the number go to text", () => {
    check("100%达标", { kind: "percent", value: 100, unit: "%", text: "达标" });
    check("≥95%（满意度）", { kind: "percent", value: 95, text: "满意度" });
  });
  test("a number inside a sentence is text", () => {
    check("投入使用期限5年以上", { kind: "text", value: null });
    check("确保拘所全年安全无事故100%", { kind: "text" });
  });
  test("not numbers", () => {
    check("1e5", { kind: "text" });
    check("95.5.5%", { kind: "text" });
    check("三四个", { kind: "text" });
  });
  test("small Chinese numerals when a known unit closes the value", () => {
    check("九十五%", { kind: "percent", value: 95, unit: "%" });
    check("≥三条", { kind: "number", operator: "≥", value: 3, unit: "条" });
    check("不少于三次", {
      kind: "number",
      operator: "≥",
      operatorRaw: "不少于",
      value: 3,
      unit: "次",
    });
    check("一百零五人", { kind: "number", value: 105, unit: "人" });
    check("二十五人", { kind: "number", value: 25, unit: "人" });
    check("两年", { kind: "duration", value: 2, unit: "年" });
    check("三万元", { kind: "money", value: 3, unit: "万元" });
    check("百分之九十", { kind: "percent", value: 90, unit: "%" });
    check("一般", { kind: "grade" });
    check("十分满意", { kind: "grade" });
    check("一次性发放", { kind: "text" });
    check("一定程度提高", { kind: "vague" });
    check("三", { kind: "text" });
  });
  test("百分之N", () => {
    check("百分之95", { kind: "percent", value: 95, unit: "%" });
  });
});

describe("units", () => {
  const table: Array<[string, string, Target["kind"]]> = [
    ["95%", "%", "percent"],
    ["100百分比", "%", "percent"],
    ["≦3万元", "万元", "money"],
    ["19270元", "元", "money"],
    ["≥1835元/人", "元/人", "money"],
    ["10万元/年", "万元/年", "money"],
    ["5元/人·月", "元/人/月", "money"],
    ["3374平方米", "平方米", "number"],
    ["5740平米", "平方米", "number"],
    ["10㎡", "平方米", "number"],
    ["1000米", "米", "number"],
    ["253人", "人", "number"],
    ["≥730 人次", "人次", "number"],
    ["18个", "个", "number"],
    ["2处", "处", "number"],
    ["10台", "台", "number"],
    ["2套", "套", "number"],
    ["≥900次", "次", "number"],
    ["2 辆", "辆", "number"],
    ["20份", "份", "number"],
    ["200块", "块", "number"],
    ["4 只", "只", "number"],
    ["6座", "座", "number"],
    ["1 批", "批", "number"],
    ["≥7点位", "点位", "number"],
    ["12万人次", "万人次", "number"],
    ["≥90分", "分", "number"],
    ["2个百分点", "百分点", "number"],
    ["365天", "天", "duration"],
    ["3个工作日", "工作日", "duration"],
    ["24小时", "小时", "duration"],
    ["6个月", "月", "duration"],
    ["≤ 12 月", "月", "duration"],
    ["1年", "年", "duration"],
    ["≥ 3 年", "年", "duration"],
    ["2周", "周", "duration"],
  ];
  test.each(table)("%s → unit %s, kind %s", (raw, unit, kind) => check(raw, { unit, kind }));

  test("an unknown short counting word is kept as the unit", () => {
    check("3艘", { kind: "number", value: 3, unit: "艘" });
  });

  test("bare 万 is money unless told it counts", () => {
    check("≧200万", { kind: "money", value: 200, unit: "万元" });
    check("7万", { kind: "money", value: 7, unit: "万元" });
    expect(parseTarget("7万", { wan: "count" })).toMatchObject({
      kind: "number",
      value: 7,
      unit: "万",
    });
    expect(parseTarget("7万元", { wan: "count" })).toMatchObject({ kind: "money", unit: "万元" });
    check("7万人", { kind: "number", unit: "万人" });
  });

  test("normalizeUnit", () => {
    expect(normalizeUnit("百分比")).toBe("%");
    expect(normalizeUnit("％")).toBe("%");
    expect(normalizeUnit("平米")).toBe("平方米");
    expect(normalizeUnit("㎡")).toBe("平方米");
    expect(normalizeUnit("万")).toBe("万元");
    expect(normalizeUnit(" 万 元 ")).toBe("万元");
    expect(normalizeUnit("起（案件）")).toBe("起");
    expect(normalizeUnit("套（设备）")).toBe("套");
    expect(normalizeUnit("个工作日")).toBe("工作日");
    expect(normalizeUnit("艘")).toBe("艘");
    expect(normalizeUnit("\u3000")).toBeNull();
    expect(normalizeUnit(null)).toBeNull();
  });

  test("unit predicates", () => {
    expect(isPercentUnit("百分比")).toBe(true);
    expect(isPercentUnit("%")).toBe(true);
    expect(isPercentUnit("百分点")).toBe(false);
    expect(isMoneyUnit("万")).toBe(true);
    expect(isMoneyUnit("元")).toBe(true);
    expect(isMoneyUnit("元/人")).toBe(false);
    expect(isDurationUnit("个工作日")).toBe(true);
    expect(isDurationUnit("人")).toBe(false);
    expect(unitCategory("平方米")).toBe("measure");
    expect(unitCategory("元/人")).toBe("money");
    expect(unitCategory("艘")).toBeNull();
  });
});

describe("dates and deadlines", () => {
  const d = (
    year: number | null,
    month: number | null,
    day: number | null,
    relation: "by" | "at"
  ) => ({ year, month, day, relation });
  const table: Array<[string, ReturnType<typeof d>, string | null]> = [
    ["2024年底", d(2024, 12, 31, "at"), null],
    ["2022年底", d(2022, 12, 31, "at"), null],
    ["2024 年 12 月底前", d(2024, 12, 31, "by"), null],
    ["２０２４年１２月底前", d(2024, 12, 31, "by"), null],
    ["12 月底前", d(null, 12, 31, "by"), null],
    ["2023年12月31日", d(2023, 12, 31, "at"), null],
    ["2023年12月31日前", d(2023, 12, 31, "by"), null],
    ["2022年12 月31日前 完成", d(2022, 12, 31, "by"), "完成"],
    ["2023 年 12 月 31 日 前完成", d(2023, 12, 31, "by"), "完成"],
    ["年底前", d(null, 12, 31, "by"), null],
    ["年内完成", d(null, 12, 31, "by"), "完成"],
    ["截至2024年底", d(2024, 12, 31, "by"), null],
    ["2024年", d(2024, null, null, "at"), null],
    ["2024 年", d(2024, null, null, "at"), null],
    ["2024年6月", d(2024, 6, null, "at"), null],
    ["2024-06-30", d(2024, 6, 30, "at"), null],
    ["2024.12.31", d(2024, 12, 31, "at"), null],
    ["2024/6", d(2024, 6, null, "at"), null],
    ["6月底", d(null, 6, 30, "at"), null],
    ["2月底", d(null, 2, 29, "at"), null],
    ["2023年2月底", d(2023, 2, 28, "at"), null],
    ["2024年2月底", d(2024, 2, 29, "at"), null],
    ["12月31日前", d(null, 12, 31, "by"), null],
    ["6月前", d(null, 6, null, "by"), null],
    ["上半年", d(null, 6, 30, "at"), null],
    ["2024年上半年", d(2024, 6, 30, "at"), null],
    ["2024年第三季度", d(2024, 9, 30, "at"), null],
    ["2024年12月中旬", d(2024, 12, 20, "at"), null],
  ];
  test.each(table)("%s", (raw, date, text) =>
    check(raw, { kind: "date", date, text, value: null, unit: null })
  );

  test("≤ on a date makes it a deadline", () => {
    check("≤2024年12月", { kind: "date", operator: "≤", date: d(2024, 12, null, "by") });
    expect(parseTargetParts("≤", "2024", "年")).toMatchObject({
      kind: "date",
      operator: "≤",
      date: d(2024, null, null, "by"),
    });
  });

  test("impossible dates are text", () => {
    check("2024年13月", { kind: "text", date: null });
    check("2024年2月30日", { kind: "text", date: null });
    check("2023年12月32日", { kind: "text", date: null });
  });

  test("a bare month count is a duration, not December", () => {
    check("12月", { kind: "duration", value: 12, unit: "月", date: null });
  });

  test("frequencies are text", () => {
    check("按月发放", { kind: "text", text: "按月发放", date: null });
    check("每季度", { kind: "text" });
    check("全年", { kind: "text" });
  });
});

describe("grades, vague and text", () => {
  test.each([
    "优",
    "良",
    "良好",
    "合格",
    "达标",
    "是",
    "否",
    "有效",
    "无",
    "满意",
    "通过",
    "已完成",
    "符合",
  ])("grade %s", (g) => check(g, { kind: "grade", text: g, operator: null, value: null }));
  test.each([
    "进一步提高",
    "进一步 提高",
    "有效提升",
    "逐步改善",
    "明显提高",
    "稳步提升",
    "显著增强",
    "持续发挥",
    "提升",
    "加强",
    "降低案发率",
    "安全意识比上年有所提升",
    "使武警中队执勤、工作、生活质量进一步提高",
  ])("vague %s", (v) => check(v, { kind: "vague", value: null, text: v.replace(/ /g, "") }));
  test.each([
    "按需",
    "敏感时期",
    "及时支付",
    "平均在押人数",
    "控制成本",
    "按规定执行",
    "保持队伍相对稳定",
    "是否通过验收",
    "提高威慑力，减少发案率，为全区经济保驾护航",
  ])("text %s", (v) => check(v, { kind: "text", text: v }));

  test("text is cleaned of PDF wrap spaces but raw is kept", () => {
    check("及时接待、 完美解答来 办理业务人 员咨询", {
      kind: "text",
      text: "及时接待、完美解答来办理业务人员咨询",
    });
    expect(cleanTargetText("  VPN  光纤 ")).toBe("VPN光纤");
    expect(cleanTargetText("a  b")).toBe("a b");
    expect(cleanTargetText("维护社会稳定。")).toBe("维护社会稳定");
  });
});

describe("redacted, empty, placeholders", () => {
  test.each(["**", "*", "***", "＊＊", " ** ", "涉密"])("redacted %p", (r) =>
    check(r, { kind: "redacted", value: null, text: null })
  );
  test.each(["", " ", "\u3000", "\u3000\u3000", "\t\n"])("empty %p", (r) =>
    check(r, { kind: "empty" })
  );
  test.each(["/", "-", "—", "——", "－"])("placeholder %p is empty", (r) =>
    check(r, { kind: "empty" })
  );
  test("null and undefined", () => {
    expect(parseTarget(null)).toEqual({
      raw: "",
      kind: "empty",
      operator: null,
      operatorRaw: null,
      value: null,
      valueMax: null,
      unit: null,
      date: null,
      text: null,
    });
    expect(parseTarget(undefined).kind).toBe("empty");
  });
  test("a value with * among other text is not redacted", () => {
    check("**项目验收", { kind: "text" });
  });
});

describe("承德 符号 / 值 / 单位（文字描述）", () => {
  test("numeric triples", () => {
    expect(parseTargetParts("≥", "90", "百分比")).toEqual({
      raw: "≥ 90 百分比",
      kind: "percent",
      operator: "≥",
      operatorRaw: "≥",
      value: 90,
      valueMax: null,
      unit: "%",
      date: null,
      text: null,
    });
    expect(parseTargetParts("＞", "90.00", "百分比")).toMatchObject({
      raw: "＞ 90.00 百分比",
      operator: ">",
      operatorRaw: "＞",
      value: 90,
    });
    expect(parseTargetParts("＜", "100.00", "百分比")).toMatchObject({
      operator: "<",
      operatorRaw: "＜",
      value: 100,
    });
    expect(parseTargetParts("=", "69", "万")).toMatchObject({
      kind: "money",
      operator: "=",
      value: 69,
      unit: "万元",
    });
    expect(parseTargetParts("≥", "1835", "元/人")).toMatchObject({
      kind: "money",
      value: 1835,
      unit: "元/人",
    });
    expect(parseTargetParts("≤", "12", "月")).toMatchObject({
      kind: "duration",
      value: 12,
      unit: "月",
    });
    expect(parseTargetParts("≥", "10", "起（案件）")).toMatchObject({
      kind: "number",
      value: 10,
      unit: "起",
      text: "案件",
    });
    expect(parseTargetParts("≥", 49.3, "万")).toMatchObject({
      raw: "≥ 49.3 万",
      kind: "money",
      value: 49.3,
    });
  });
  test("descriptive 符号 takes the text from the 单位 column", () => {
    expect(parseTargetParts("文字描述", "", "优")).toMatchObject({
      raw: "文字描述 优",
      kind: "grade",
      operator: null,
      operatorRaw: null,
      text: "优",
    });
    expect(parseTargetParts("文字描述", " ", "提升破案率")).toMatchObject({
      raw: "文字描述 提升破案率",
      kind: "vague",
    });
    expect(parseTargetParts("定性", "", "按规定执行")).toMatchObject({
      raw: "定性 按规定执行",
      kind: "text",
      text: "按规定执行",
    });
    expect(parseTargetParts("文字描述", "", "**")).toMatchObject({ kind: "redacted" });
    expect(parseTargetParts("文字描述", "100", "%")).toMatchObject({
      kind: "percent",
      value: 100,
      operator: null,
    });
    expect(parseTargetParts("文字描述", "", "")).toMatchObject({ raw: "文字描述", kind: "empty" });
  });
  test("blank 符号", () => {
    expect(parseTargetParts("", "", "良好")).toMatchObject({ raw: "良好", kind: "grade" });
    expect(parseTargetParts("", "100", "%")).toMatchObject({
      raw: "100 %",
      kind: "percent",
      operator: null,
      value: 100,
    });
    expect(parseTargetParts("\u3000", "\u3000", "\u3000")).toMatchObject({
      raw: "",
      kind: "empty",
    });
    expect(parseTargetParts(null, undefined, null)).toMatchObject({ raw: "", kind: "empty" });
  });
  test("value ** is redacted", () => {
    expect(parseTargetParts("≥", "**", "%")).toMatchObject({
      kind: "redacted",
      operator: "≥",
      unit: "%",
      value: null,
    });
    expect(parseTarget("≥**%")).toMatchObject({ kind: "redacted", operator: "≥", unit: "%" });
  });
  test("operator written twice keeps the inner one", () => {
    expect(parseTargetParts("≥", "≤5", "%")).toMatchObject({ operator: "≤", operatorRaw: "≤" });
  });
  test("an unknown 符号 is read as part of the value", () => {
    expect(parseTargetParts("约", "50", "人")).toMatchObject({
      raw: "约 50 人",
      kind: "number",
      value: 50,
      text: "约",
    });
  });
});

describe("targetFen and cache safety", () => {
  test("targetFen", () => {
    expect(targetFen(parseTarget("≤40.44万元"))).toBe(40_440_000);
    expect(targetFen(parseTarget("587.92 万 元"))).toBe(587_920_000);
    expect(targetFen(parseTarget("19270元"))).toBe(1_927_000);
    expect(targetFen(parseTarget("≥1835元/人"))).toBeNull();
    expect(targetFen(parseTarget("≥95%"))).toBeNull();
  });
  test("results are independent copies", () => {
    const a = parseTarget("2024年底");
    a.value = 1;
    a.date!.year = 1999;
    const b = parseTarget("2024年底");
    expect(b.value).toBeNull();
    expect(b.date!.year).toBe(2024);
    const p = parseTargetParts("≥", "90", "%");
    p.unit = "x";
    expect(parseTargetParts("≥", "90", "%").unit).toBe("%");
  });
});

describe("formatTarget / isNumericTarget", () => {
  const table: Array<[string, string]> = [
    ["≥ 95 %", "≥95%"],
    ["100百分比", "100%"],
    ["≦3万元", "≤3万元"],
    ["587.92 万 元", "587.92万元"],
    ["90%-95%", "90-95%"],
    ["90%以上", "≥90%"],
    ["2024 年 12 月底前", "2024年12月31日前"],
    ["2024年", "2024年"],
    ["12 月底前", "12月31日前"],
    ["进一步 提高", "进一步提高"],
    ["≥良好", "≥良好"],
    ["**", "**"],
    ["", ""],
  ];
  test.each(table)("%p → %p", (raw, out) => expect(formatTarget(parseTarget(raw))).toBe(out));
  test("formatted numeric targets parse back to the same value", () => {
    for (const raw of [
      "≥95%",
      "≤40.44万元",
      "19270元",
      "3个工作日",
      "≥730 人次",
      "10-20人",
      ">1",
    ]) {
      const t = parseTarget(raw);
      const back = parseTarget(formatTarget(t));
      expect({ ...back, raw: "" }).toEqual({ ...t, raw: "" });
    }
  });
  test("isNumericTarget", () => {
    expect(isNumericTarget(parseTarget("≥95%"))).toBe(true);
    expect(isNumericTarget(parseTarget("1年"))).toBe(true);
    expect(isNumericTarget(parseTarget("2024年"))).toBe(false);
    expect(isNumericTarget(parseTarget("优"))).toBe(false);
    expect(isNumericTarget(parseTarget("**"))).toBe(false);
  });
});
