import { Target } from "../../src/model/schema";
import { parseTarget, parseTargetParts, targetFen } from "../../src/model/value";

type Exp = Partial<Target>;
const cases: Array<[string, Exp]> = [
  ["≥95%", { kind: "percent", operator: "≥", operatorRaw: "≥", value: 95, unit: "%" }],
  ["≥ 90 %", { kind: "percent", operator: "≥", value: 90, unit: "%" }],
  ["100百分比", { kind: "percent", operator: null, value: 100, unit: "%" }],
  ["≦3万元", { kind: "money", operator: "≤", operatorRaw: "≦", value: 3, unit: "万元" }],
  ["587.92 万 元", { kind: "money", value: 587.92, unit: "万元" }],
  ["12 月底前", { kind: "date", date: { year: null, month: 12, day: 31, relation: "by" } }],
  ["2022年底", { kind: "date", date: { year: 2022, month: 12, day: 31, relation: "at" } }],
  ["**", { kind: "redacted" }],
  ["", { kind: "empty" }],
  ["按需", { kind: "text", text: "按需" }],
  ["0起", { kind: "number", value: 0, unit: "起" }],
  ["1 1566.21平方米", { kind: "text", value: null }],
  ["进一步 提高", { kind: "vague", text: "进一步提高" }],
  ["优", { kind: "grade", text: "优" }],
  ["1年", { kind: "duration", value: 1, unit: "年" }],
];

describe("parseTarget basics", () => {
  test.each(cases)("%p", (raw, exp) => {
    const t = parseTarget(raw);
    expect(t).toMatchObject({ raw, ...exp });
    expect(Target.safeParse(t).success).toBe(true);
  });

  test("parts", () => {
    expect(parseTargetParts("文字描述", "", "优")).toMatchObject({
      raw: "文字描述 优",
      kind: "grade",
      text: "优",
      operator: null,
    });
    expect(parseTargetParts("＞", "90.00", "百分比")).toMatchObject({
      kind: "percent",
      operator: ">",
      operatorRaw: "＞",
      value: 90,
      unit: "%",
    });
    expect(parseTargetParts("=", "69", "万")).toMatchObject({
      kind: "money",
      operator: "=",
      value: 69,
      unit: "万元",
    });
  });

  test("targetFen", () => {
    expect(targetFen(parseTarget("≤40.44万元"))).toBe(40_440_000);
    expect(targetFen(parseTarget("19270元"))).toBe(1_927_000);
    expect(targetFen(parseTarget("≥95%"))).toBeNull();
  });
});
