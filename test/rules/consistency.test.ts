import { ruleTester, project, withRows, type Row } from "./rule-tester";

const P2_ROWS = (count: string): Row[] =>
  withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "补助辅警实有人数", count] });

ruleTester("consistency/count-mismatch", {
  valid: [
    { name: "goal 10 台, indicator ≥10台" },
    // Seed 004 P7: "45 人" in the goal and in 数量.
    { name: "same head-count, 名 ≈ 人 (seed 004 P7)", project: project({ goals: ["保障武警中队官兵 45 名日常运行水电暖经费"], indicators: P2_ROWS("45人") }) },
    { name: "the number is written in the 三级 (seed 000 #37)", project: project({ goals: ["保障 49 名执勤民警健康"], indicators: withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "保障 49 名执勤民警", "≥1批"] }, [["产出指标", "数量指标", "防护用品发放人数", "≥40人"]]) }) },
    { name: "no 数量 row in that unit: nothing to compare", project: project({ goals: ["实有 326 名辅警"] }) },
  ],
  invalid: [
    // Seed 004 P2 2024 年辅警业务经费: goal 326 名辅警, 数量 253人.
    {
      name: "326 名辅警 vs 253人 (seed 004 P2)",
      project: project({ goals: ["平罗县公安局实有 326 名辅警，保障辅警业务经费及时足额发放"], indicators: P2_ROWS("253人") }),
      errors: [{ cell: "B8", severity: "warning", messageIncludes: ["绩效目标写明 326名", "“253人”"], fixIncludes: "一致" }],
    },
    {
      name: "two counts, one contradicted",
      project: project({ goals: ["1.完成 12 台设备采购", "2.培训 30 人次"] }),
      errors: [{ cell: "B8", messageIncludes: ["12台", "“≥10台”"] }],
    },
  ],
});
