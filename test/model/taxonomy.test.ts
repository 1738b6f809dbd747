import {
  cleanLabel,
  frameworksOf,
  level1Options,
  level2Allowed,
  level2Options,
  normalizeLevel1,
  normalizeLevel2,
} from "../../src/model/taxonomy";

describe("label clean-up (as the seeds write labels)", () => {
  it.each([
    ["社会效益指 标", "社会效益指标"], // PDF wrap space, seed 000
    ["产 出 指 标", "产出指标"], // seed 000 #10
    ["服务对象满意度 指标", "服务对象满意度指标"], // seed 004 P11
    ["数量指标（必填硬性指标)", "数量指标"], // seed 004 P7, mixed brackets
    ["质量指标（必填）", "质量指标"],
    ["成本指标(必填硬性指标)", "成本指标"],
    ["\u3000时效指标\u3000", "时效指标"],
    ["数量指标（必填硬性指", "数量指标"], // unclosed annotation at a wrapped row end
  ])("%s → %s", (raw, clean) => {
    expect(cleanLabel(raw)).toBe(clean);
  });
});

describe("一级 normalisation", () => {
  it("maps aliases to canonical labels and keeps unknowns visible", () => {
    expect(normalizeLevel1("效果指标")).toMatchObject({ key: "benefit", label: "效益指标", known: true, normalised: true });
    expect(normalizeLevel1("产出指标")).toMatchObject({ key: "output", normalised: false });
    expect(normalizeLevel1("产出指" + "标")).toMatchObject({ key: "output" });
    expect(normalizeLevel1("绩效指标")).toMatchObject({ key: null, known: false, label: "绩效指标" });
    expect(normalizeLevel1(null)).toMatchObject({ key: null, label: "" });
  });
});

describe("二级 normalisation", () => {
  it.each([
    ["环境效益", "ecological", "生态效益指标"],
    ["社会效益指 标", "social", "社会效益指标"],
    ["服务对象满 意度指标", "serviceSatisfaction", "服务对象满意度指标"],
    ["生态环境成本指标", "ecologicalCost", "生态环境成本指标"],
  ])("%s → %s", (raw, key, label) => {
    expect(normalizeLevel2(raw)).toMatchObject({ key, label, known: true });
  });
  it("leaves content mis-typed as a 二级 unknown (seed 002 P16 “执法培训”)", () => {
    expect(normalizeLevel2("执法培训")).toMatchObject({ key: null, known: false });
  });
});

describe("frameworks", () => {
  it("2015 puts 成本 under 产出; 2021 makes 成本 a 一级 with its own 二级", () => {
    expect(level2Allowed("2015", "output", "cost")).toBe(true);
    expect(level2Allowed("2021", "output", "cost")).toBe(false);
    expect(level2Allowed("2021", "cost", "economicCost")).toBe(true);
    expect(level2Allowed("2015", "satisfaction", "social")).toBe(false);
    expect(frameworksOf("output", "cost")).toEqual(["2015"]);
    expect(frameworksOf("cost", null)).toEqual(["2021"]);
    expect(frameworksOf("benefit", "social")).toEqual(["2015", "2021"]);
  });
  it("offers drop-down lists in display order", () => {
    expect(level1Options("2015")).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(level1Options("2021")).toEqual(["成本指标", "产出指标", "效益指标", "满意度指标"]);
    expect(level2Options("2015", "output")).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
  });
});
