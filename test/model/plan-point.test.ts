import { planPointText } from "../../src/model/checks/spend-plan";

// One definition of a plan point written as text, shared by the readers and the custom functions.
describe("planPointText", () => {
  it.each([
    ["25%", 25, false],
    ["25 ％", 25, false],
    ["100百分比", 100, false],
    ["0%", 0, false],
    ["25", 25, true],
    ["25.00", 25, true],
    ["0.25", 0.25, true],
  ])("%s → %s (bare %s)", (text, value, bare) => {
    expect(planPointText(text)).toEqual({ value, bare, bad: false });
  });
  it.each(["", "  ", "\u3000", "-", "—"])("blank or a dash %j is no value, not an error", (text) => {
    expect(planPointText(text)).toEqual({ value: null, bare: false, bad: false });
  });
  it.each(["≥25%", "十二月", "5万元", "25%-50%", "全年"])("%s is not a percentage", (text) => {
    expect(planPointText(text).bad).toBe(true);
  });
});
