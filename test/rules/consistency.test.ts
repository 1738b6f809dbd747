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
    // 资金用途 lists standards and items: only a head-count on the books is compared.
    // Seed 000 #34: "现有囚车 1 辆，生活用车 1 辆" against 数量 "2 辆".
    { name: "vehicles on the books add up (seed 000 #34)", project: project({ purpose: "看守所现有囚车 1 辆，生活用车 1 辆用于在押人员日常生活保障", indicators: withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "车辆使用数量", "2 辆"] }) }) },
    { name: "other numbers in the 资金用途 are not head-counts", project: project({ purpose: "购置执法记录仪 10 台，培训 30 人次，其中新招录 20 人", indicators: P2_ROWS("253人") }) },
  ],
  invalid: [
    // Seed 004 P2 2024 年辅警业务经费: goal 326 名辅警, 数量 253人.
    {
      name: "326 名辅警 vs 253人 (seed 004 P2)",
      project: project({ goals: ["平罗县公安局实有 326 名辅警，保障辅警业务经费及时足额发放"], indicators: P2_ROWS("253人") }),
      errors: [{ cell: "B8", severity: "warning", messageIncludes: ["绩效目标写明 326名", "“253人”"], fixIncludes: "数量指标写作“326人”，或把目标中的“326名”改为指标的数量" }],
    },
    // The same head-count stated in the 资金用途 instead of the goal.
    {
      name: "资金用途 实有 326 名辅警 vs 253人",
      project: project({ purpose: "用于平罗县公安局实有326名辅警的业务经费，按每人每月 300 元测算", indicators: P2_ROWS("253人") }),
      errors: [{ cell: "B5", messageIncludes: ["资金用途写明 326名", "“253人”"], fixIncludes: "把资金用途中的“326名”" }],
    },
    {
      name: "two counts, one contradicted",
      project: project({ goals: ["1.完成 12 台设备采购", "2.培训 30 人次"] }),
      errors: [{ cell: "B8", messageIncludes: ["12台", "“≥10台”"] }],
    },
  ],
});

const goalWith = (goals: string[], ...rows: Row[]) => project({ goals, indicators: withRows({}, rows) });

ruleTester("consistency/level-mismatch", {
  valid: [
    { name: "goal 完好率 95% 以上, no 完好率 row: nothing to compare" },
    { name: "满意度 95% 以上 = ≥95%", project: project({ goals: ["1.服务对象满意度达到95%以上。"], indicators: withRows({ 执法对象满意度: ["满意度指标", "服务对象满意度指标", "执法对象满意度", "≥95%"] }) }) },
    { name: "合格率 100% = 100%", project: goalWith(["1.设备验收合格率达到100%。"]) },
    {
      name: "one of two satisfaction rows carries the level",
      project: project({ goals: ["群众满意度达到 90% 以上"], indicators: withRows({}, [["满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%"]]) }),
    },
    { name: "每月 2 次 = ≥24次 全年", project: goalWith(["每月开展安全检查 2 次以上"], ["产出指标", "数量指标", "全年安全检查次数", "≥24次"]) },
    { name: "每月 2 次 = ≥2次/月", project: goalWith(["每月开展安全检查2次以上"], ["产出指标", "数量指标", "安全检查频次", "≥2次/月"]) },
    { name: "growth of a rate not named by any row", project: project({ goals: ["破案率提高到 60%"] }) },
    { name: "the goal writes the operator the row has", project: project({ goals: ["执法对象满意度≥90%，设备验收合格率=100%"] }) },
  ],
  invalid: [
    {
      name: "满意度 95% 以上 vs ≥90%",
      project: project({ goals: ["1.年内完成 10 台执法记录仪采购，执法对象满意度达到95%以上。"] }),
      errors: [{ cell: "B8", severity: "warning", messageIncludes: ["绩效目标写明“执法对象满意度达到95%以上”", "“≥90%”"], fixIncludes: "指标值改为“≥95%”" }],
    },
    // Seed 002 P3: 评分标准 "办案人员满意度100%优秀90%合格" against 满意度 "≥ 99".
    { name: "合格率 100% vs ≥95% (a lower level)", project: project({ goals: ["设备验收合格率达到100%"], indicators: withRows({ 设备验收合格率: ["产出指标", "质量指标", "设备验收合格率", "≥95%"] }) }), errors: [{ messageIncludes: "合格率达到100%" }] },
    { name: "the goal writes the operator: 满意度≥95% vs ≥90%", project: project({ goals: ["年内完成 10 台执法记录仪采购，执法对象满意度≥95%。"] }), errors: [{ messageIncludes: "执法对象满意度≥95%", fixIncludes: "“≥95%”" }] },
    { name: "合格率=100% vs ≥95%", project: project({ goals: ["设备验收合格率=100%"], indicators: withRows({ 设备验收合格率: ["产出指标", "质量指标", "设备验收合格率", "≥95%"] }) }), errors: [{ messageIncludes: "合格率=100%", fixIncludes: "“=100%”" }] },
    { name: "opposite direction: 以上 vs ≤", project: goalWith(["案件处理及时率在 90% 以上"], ["产出指标", "时效指标", "案件处理及时率", "≤90%"]), errors: [{ messageIncludes: "“≤90%”", fixIncludes: "“≥90%”" }] },
    { name: "资金用途 states the level", project: project({ purpose: "购置执法记录仪 10 台，确保执法记录仪使用覆盖率不低于 98%", indicators: withRows({}, [["效益指标", "社会效益指标", "执法记录仪覆盖率", "≥80%"]]) }), errors: [{ cell: "B5", messageIncludes: "资金用途写明“确保执法记录仪使用覆盖率不低于98%”" }] },
    { name: "每月 2 次以上 vs ≥1次/月", project: goalWith(["每月开展安全检查 2 次以上"], ["产出指标", "数量指标", "安全检查频次", "≥1次/月"]), errors: [{ messageIncludes: ["每月开展安全检查2次以上", "“≥1次/月”"], fixIncludes: "“≥2次/月”" }] },
  ],
});

ruleTester("consistency/goal-uncovered", {
  valid: [
    { name: "the goal's 95% is an indicator's value" },
    // A rate whose concept has its own row is consistency/level-mismatch's business.
    { name: "same concept, another level: level-mismatch's", project: project({ goals: ["设备验收合格率达到98%以上"] }) },
    { name: "a growth against last year", project: project({ goals: ["办案效率比上年提高10%"] }) },
  ],
  invalid: [
    {
      // Corpus 31 高标准农田: the goal is 70 % of the main works; the only completion row says ≥100%.
      name: "a completion share no indicator measures (corpus 31)",
      project: project({ goals: ["完成项目主体工程70%"] }),
      errors: [
        {
          cell: "B8",
          severity: "warning",
          messageIncludes: "绩效目标写明“完成项目主体工程70%”，但没有指标衡量这一水平",
          fixIncludes: "如“项目主体工程完成比例 ≥70%”",
        },
      ],
    },
  ],
});
