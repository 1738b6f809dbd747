import { ruleTester, project, withRows, parts, indicator, type Row } from "./rule-tester";

/** The valid project plus extra rows (rows 17, 18, … in the sheet). */
const extra = (...rows: Row[]) => project({ indicators: withRows({}, rows) });

ruleTester("value/missing", {
  valid: [{ name: "all values written" }],
  invalid: [
    { name: "empty value", project: extra(["产出指标", "质量指标", "设备完好率", ""]), errors: [{ cell: "E17", severity: "error", messageIncludes: "质量指标「设备完好率」未填写指标值" }] },
    { name: "a dash is nothing written", project: extra(["产出指标", "质量指标", "设备完好率", "—"]), errors: [{ cell: "E17", fixIncludes: "填写比率目标，如“≥95%”" }] },
    // Corpus 27: three 效益 rows hold a sentence and no value.
    { name: "a sentence as the 三级 (corpus 27)", project: extra(["效益指标", "经济效益指标", "增加就业机会,提高农民收入。", ""]), errors: [{ fixIncludes: "三级写的是一句描述：改为可衡量的指标名称" }] },
    // Corpus 30: the 三级 names its unit; the goal gives the figure.
    {
      name: "the goal gives the quantity in the 三级's unit (corpus 30)",
      project: project({ goals: ["完成退耕还林补助面积1980亩"], indicators: withRows({}, [["产出指标", "数量指标", "退耕还林补助面积(亩)", ""]]) }),
      errors: [{ fixIncludes: "填写“≥1980亩”（目标或资金用途中写的是“1980亩”）" }],
    },
  ],
});

ruleTester("value/vague", {
  valid: [
    { name: "quantified" },
    { name: "a grade is gradable", project: extra(["产出指标", "质量指标", "验收结果", "合格"]) },
    { name: "达标 is a step of a scale too", project: extra(["效益指标", "社会效益指标", "排放情况", "达标"]) },
    { name: "“±3%以内” is a tolerance: value/nonstandard-operator's", project: extra(["产出指标", "质量指标", "补助款结算误差率", "±3%以内"]) },
    { name: "a basis phrase in the value column is basis/swapped's", project: extra(["产出指标", "质量指标", "设备完好率", "项目实施计划"]) },
    { name: "text in 数量 is value/quantity-no-number's", project: extra(["产出指标", "数量指标", "保障在押人员", "平均在押人数"]) },
    { name: "“1 长期有效” is value/vague-unit's", project: extra(["效益指标", "可持续影响指标", "持续发挥作用", "≥1 长期有效"]) },
    { name: "控制成本 in a cost row is cost/not-money's business (seed 000 #31)", project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "合理用电，勤俭节约", "控制成本"] }) }) },
  ],
  invalid: [
    // Corpus 42 “结算款支付及时性 → 及时”, corpus 48 “设备维护及安全性 → 高”: adjectives, not grades of a scale.
    { name: "“及时” for a 时效 (corpus 42)", project: extra(["产出指标", "时效指标", "结算款支付及时性", "及时"]), errors: [{ messageIncludes: "“及时”未量化", fixIncludes: "完成时限" }] },
    { name: "“高” for a 可持续影响 (corpus 48)", project: extra(["效益指标", "可持续影响指标", "粮食储备设备维护及安全性", "高"]), errors: [{ messageIncludes: "“高”未量化" }] },
    // Seed 000: "进一步提高" ×16 in 社会效益 rows.
    { name: "进一步提高 (seed 000)", project: extra(["效益指标", "社会效益指标", "能够有效的维护社会及政治稳定", "进一步提高"]), errors: [{ cell: "E17", messageIncludes: "“进一步提高”未量化", fixIncludes: "把“能够有效的维护社会及政治稳定”写成可考核的数值" }] },
    // Seed 000 #3/#4/#12: "及时支付" as a 时效 value; the 建议 uses the project's budget year.
    { name: "plain text without a number (seed 000 #3)", project: extra(["产出指标", "时效指标", "及时足额支付费用", "及时支付"]), errors: [{ messageIncludes: "“及时支付”未量化", fixIncludes: "≤2023年12月31日前完成" }] },
    // Seed 004: 有效提升 ×14.
    { name: "有效提升 (seed 004)", project: extra(["效益指标", "可持续影响指标", "提升服务群众能力", "有效提升"]), errors: [{ messageIncludes: "有效提升" }] },
    // Seed 000 #17: a yes/no question as the value.
    { name: "是否通过验收 (seed 000 #17)", project: extra(["产出指标", "质量指标", "执法办案区项目通过验收", "是否通过验收"]), errors: [{ fixIncludes: "问句" }] },
  ],
});

ruleTester("value/nonstandard-operator", {
  valid: [{ name: "≥ ≤ =" }, { name: "ASCII > is standard (seed 001 #27 >1)", project: extra(["产出指标", "数量指标", "核酸检测次数", ">1次"]) }],
  invalid: [
    // Corpus 42 “补助款结算误差率 ±3%以内”: a tolerance is a ceiling on the error.
    { name: "±3%以内 (corpus 42)", project: extra(["产出指标", "质量指标", "补助款结算误差率", "±3%以内"]), errors: [{ severity: "info", messageIncludes: "应写作“≤3%”", fixIncludes: "改为“≤3%”" }] },
    // Seed 004 P5 "≧200万", "≧95%".
    { name: "≧ (seed 004 P5)", project: extra(["产出指标", "质量指标", "抓拍准确率", "≧95%"]), errors: [{ cell: "E17", severity: "info", messageIncludes: "运算符“≧”不规范，应写作“≥”", fixIncludes: "改为“≥”" }] },
    // Seed 002 P12: 符号 "＞" (full width) in the 符号/值/单位 split.
    {
      name: "full-width ＞ in the 符号 column (seed 002 P12)",
      project: project({ indicators: [...project().indicators, indicator(["产出指标", "时效指标", "执法监察完成时间", parts("＞", "90.00", "百分比")], 6)] }),
      errors: [{ cell: "E17", messageIncludes: "“＞”" }],
    },
    { name: ">= and 以上", project: extra(["产出指标", "质量指标", "合格率", ">=95%"], ["产出指标", "质量指标", "完好率", "95%以上"]), errors: [{ cell: "E17", messageIncludes: "“>=”" }, { cell: "E18", messageIncludes: "“以上”" }] },
    // Seed 004 P12 "50余人".
    { name: "approximate 50余人 (seed 004 P12)", project: extra(["产出指标", "数量指标", "司法救助人数", "50余人"]), errors: [{ messageIncludes: ["约数", "≥50人"] }] },
  ],
});

ruleTester("value/missing-operator", {
  valid: [
    { name: "operators written, dates need none" },
    // Seed 004 writes 86 values without an operator; the Ningxia form has no 符号 column.
    { name: "ningxia profile: off", project: extra(["产出指标", "质量指标", "公众安全感指数", "98%"]), profile: "ningxia" },
    { name: "text values are not quantitative", project: extra(["产出指标", "时效指标", "发放时间", "按月发放"]) },
    { name: "a word where the unit should be is value/vague-unit's (no “≥1 长期”)", project: extra(["效益指标", "可持续影响指标", "长效机制", "1 长期"]) },
  ],
  invalid: [
    // Corpus 42 “补助款结算争议率 0%”: “≥0%” is met by anything; a zero target is exact.
    { name: "a zero target gets “=” (corpus 42)", project: extra(["效益指标", "社会效益指标", "补助款结算争议率", "0%"]), errors: [{ fixIncludes: "写作“=0%”" }] },
    // Seed 000: plain "100%" ×9 and counts "158 人".
    { name: "plain 100% (seed 000): hebei info", project: extra(["产出指标", "质量指标", "资金使用合规率", "100%"]), errors: [{ cell: "E17", severity: "info", messageIncludes: "“100%”没有运算符", fixIncludes: "写作“=100%”" }] },
    { name: "count 158 人 (seed 000 #10)", project: extra(["产出指标", "数量指标", "辅警数量", "158 人"]), errors: [{ messageIncludes: "158 人" }] },
    { name: "central-2021: warning; a cost suggests ≤", project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "项目投入", "587.92 万 元"] }) }), profile: "central-2021", errors: [{ severity: "warning", fixIncludes: "写作“≤587.92万元”" }] },
    // 建议 never glue an operator onto a word where the unit should be ("1 长期" → "≥1 长期" was wrong).
    { name: "one-off count: =", project: extra(["产出指标", "数量指标", "采购警用装备", "1 批"]), errors: [{ fixIncludes: "写作“=1批”" }] },
    { name: "fixed head-count (描述 实有) is exact", project: extra(["产出指标", "数量指标", "辅警数量", "158 人", "计划标准", "实有劳务派遣辅警 158 名"]), errors: [{ fixIncludes: "写作“=158人”" }] },
    { name: "描述 是否按时完成 makes the value exact", project: extra(["产出指标", "时效指标", "按时完成项目数", "3项", "计划标准", "是否按时完成"]), errors: [{ fixIncludes: "写作“=3项”" }] },
    { name: "描述 不低于 settles the direction", project: extra(["产出指标", "质量指标", "设备完好率", "95%", "计划标准", "设备完好率不低于95%"]), errors: [{ fixIncludes: "写作“≥95%”" }] },
    { name: "a bad-event count takes ≤", project: extra(["效益指标", "社会效益指标", "安全事故发生起数", "2起"]), errors: [{ fixIncludes: "写作“≤2起”" }] },
  ],
});

ruleTester("value/operator-direction", {
  valid: [
    { name: "usual directions" },
    { name: "reduction rate with ≥", project: extra(["效益指标", "社会效益指标", "重特大交通事故降低率", "≥10%"]) },
    { name: "bad-event count with ≤ (seed 001 #11)", project: extra(["效益指标", "社会效益指标", "治安案件发案数（个）", "≤40"]) },
    { name: "work done on accidents is positive (seed 001 #17, 000 #25)", project: extra(["产出指标", "数量指标", "交通事故处理量", "≥2000件"], ["产出指标", "数量指标", "委托事故鉴定", "≥15次"]) },
    { name: "lifetimes use ≥", project: extra(["效益指标", "可持续影响指标", "设备使用年限", "≥3年"]) },
    { name: "=100% satisfaction is exact", project: extra(["满意度指标", "服务对象满意度指标", "满意率", "=100%"]) },
    { name: "办结率 is positive", project: extra(["产出指标", "质量指标", "交通事故处理办结率（%）", "≥90%"]) },
  ],
  invalid: [
    // Seed 002 P18 满意率 = 90 %.
    { name: "satisfaction with = (seed 002 P18)", project: extra(["满意度指标", "服务对象满意度指标", "满意率", "= 90 %"]), errors: [{ messageIncludes: "满意度目标是下限", fixIncludes: "≥90%" }] },
    { name: "satisfaction with ≤", project: extra(["满意度指标", "服务对象满意度指标", "群众满意度", "≤90%"]), errors: [{ cell: "E17", messageIncludes: "满意度是正向指标，应使用 ≥" }] },
    // Seed 002 P13 设备投入使用率 ＜ 100.00 百分比.
    {
      name: "usage rate strictly below 100% (seed 002 P13)",
      project: project({ indicators: [...project().indicators, indicator(["产出指标", "质量指标", "设备投入使用率", parts("＜", "100.00", "百分比")], 6)] }),
      errors: [{ messageIncludes: "该比率越高越好" }],
    },
    // Seed 002 P15 重大环保事件及时发现率（%） ≤ 60 %.
    { name: "detection rate with ≤ (seed 002 P15)", project: extra(["效益指标", "生态效益指标", "重大环保事件及时发现率（%）", "≤60%"]), errors: [{ messageIncludes: "越高越好" }] },
    // Seed 002 P21 警服配发标准 ≥ 1835 元/人.
    { name: "cost floor (seed 002 P21)", project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "警服配发标准", parts("≥", "1835", "元/人")] }) }), errors: [{ messageIncludes: "成本是上限，应使用 ≤", fixIncludes: "≤1835元/人" }] },
    // Same row with its real 描述 "每人每年服装费不低于1835元。": "≤1835元/人" would contradict it.
    {
      name: "cost floor whose 描述 says 不低于 (seed 002 P21): 建议 keeps the standard, caps the total",
      project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "警服配发标准", parts("≥", "1835", "元/人"), "计划标准", "每人每年服装费不低于1835元。"] }) }),
      errors: [{ messageIncludes: "成本是上限", fixIncludes: "总成本“≤50万元”，标准写作“=1835元/人”" }],
    },
    { name: "bad-event rate with ≥", project: extra(["效益指标", "社会效益指标", "刑释人员重新犯罪率", "≥5%"]), errors: [{ messageIncludes: "越低越好" }] },
    { name: "time spent with ≥", project: extra(["产出指标", "时效指标", "案件办结时间", "≥3个工作日"]), errors: [{ messageIncludes: "用时越短越好" }] },
  ],
});

ruleTester("value/missing-unit", {
  valid: [
    { name: "units written" },
    // Seed 001 #11: the unit is in the label.
    { name: "unit in the 三级 (seed 001 #11)", project: extra(["效益指标", "社会效益指标", "治安案件发案数（个）", "≤40"]) },
    { name: "≤50万元 in a cost row", project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "项目总成本", "≤50万元"] }) }) },
    // Corpus 27/30: land units and the template's hint in the 三级; corpus 26: the 三级 states the count.
    { name: "unit (亩) in the 三级 (corpus 27)", project: extra(["产出指标", "数量指标", "实施营造林总面积(亩)", "80000"]) },
    { name: "template hint (≥**%) in the 三级 (corpus 27)", project: extra(["产出指标", "质量指标", "苗木成活率(≥**%)", "85"]) },
    { name: "the 三级 states “3台” (corpus 26)", project: extra(["产出指标", "数量指标", "配套电力设施1250KVA变压器3台", "3"]) },
  ],
  invalid: [
    // Corpus 48 “库存粮食明显变质比例 0”: a bad-event share; 0 is exact, a ceiling otherwise.
    { name: "a zero share of bad events (corpus 48)", project: extra(["产出指标", "质量指标", "库存粮食明显变质比例", "0"]), errors: [{ fixIncludes: "“=0%”" }] },
    { name: "a share of bad events is a ceiling", project: extra(["产出指标", "质量指标", "库存粮食变质比例", "3"]), errors: [{ fixIncludes: "“≤3%”" }] },
    // Seed 001 #3 全局基层所队数量 "17".
    { name: "bare count (seed 001 #3)", project: extra(["产出指标", "数量指标", "全局基层所队数量", "17"]), errors: [{ cell: "E17", messageIncludes: "“17”缺少计量单位" }] },
    // Corpus 07: a rate typed as "1" (Excel's 100%) while the 指标解释 says 90%.
    {
      name: "a rate as a bare 1, the 指标解释 gives the level (corpus 07)",
      project: extra(["产出指标", "质量指标", "县(市、区)覆盖率", "1", null, "90%(计划标准)"]),
      errors: [{ messageIncludes: "“1”缺少计量单位", fixIncludes: "指标解释写 90%，指标值写“≥90%”" }],
    },
    { name: "a rate as a bare 1 (corpus 07 审稿率)", project: extra(["产出指标", "质量指标", "各类书籍审稿率", "1"]), errors: [{ fixIncludes: "“1”若指 100%，写“=100%”" }] },
    // Seed 001 #15 项目总成本 "≤50".
    { name: "cost without 万元 (seed 001 #15)", project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "项目总成本", "≤50"] }) }), errors: [{ cell: "E14", fixIncludes: "≤50万元" }] },
    // Seed 001 #2 进行采集核实用户 "7万".
    { name: "bare 万 (seed 001 #2)", project: extra(["产出指标", "数量指标", "采集数量", "7万"]), errors: [{ messageIncludes: "只有数量级“万”" }] },
    // Seed 002: "≤ 80 万" in ten cost rows: read as 万元, a hint to write it out.
    {
      name: "万 for 万元 in a cost row (seed 002 P1)",
      project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "资金成本", "≤ 50 万"] }) }),
      errors: [{ cell: "E14", severity: "info", messageIncludes: "单位写作“万”", fixIncludes: "改为“≤50万元”" }],
    },
  ],
});

ruleTester("value/percent-range", {
  valid: [
    { name: "within 0–100" },
    { name: "growth may exceed 100", project: extra(["效益指标", "经济效益指标", "收入增长率", "≥150%"]) },
    { name: "≥100% is a legitimate (if odd) floor (seed 002)", project: extra(["产出指标", "质量指标", "服务完成度", "≥100%"]) },
  ],
  invalid: [
    { name: "above 100", project: extra(["产出指标", "质量指标", "设备完好率", "≥120%"]), errors: [{ cell: "E17", messageIncludes: "“≥120%”超出 0%–100%" }] },
    { name: "range above 100", project: extra(["产出指标", "质量指标", "设备完好率", "90%-110%"]), errors: [{ messageIncludes: "超出" }] },
    // Seed 002 P16 满意度 rows "≥ 60.00"… below the floor when written as %.
    { name: "satisfaction floor below 60%", project: extra(["满意度指标", "服务对象满意度指标", "群众满意度", "≥40%"]), errors: [{ messageIncludes: "满意度目标 40% 低于 60%" }] },
  ],
});

ruleTester("value/type-mismatch", {
  valid: [
    { name: "kinds fit" },
    { name: "timeliness rate under 时效", project: extra(["产出指标", "时效指标", "资金支付及时率", "≥90%"]) },
    { name: "及時率 in traditional script (corpus 52)", project: extra(["产出指标", "时效指标", "項目完成及時率", "=100%"]) },
    // Corpus 26: "任务完成时限(月) → 10" is ten months.
    { name: "a duration whose unit is in the 三级 (corpus 26)", project: extra(["产出指标", "时效指标", "任务完成时限(月)", "≤10"]) },
    // Seed 004 P7: days of patrol duty are a quantity of work, not a lifetime.
    { name: "days of work under 数量 (seed 004 P7)", project: extra(["产出指标", "数量指标", "巡逻设卡执勤任务", "110天"]) },
    { name: "wrapped label keeps its meaning (seed 000 #6 业务办理及 时准确率)", project: extra(["产出指标", "时效指标", "业务办理及 时准确率", "≥92%"]) },
    { name: "duration under 时效", project: extra(["产出指标", "时效指标", "办结时限", "≤3个工作日"]) },
    { name: "a deadline under 时效", project: extra(["产出指标", "时效指标", "项目完成时间", "2023年12月底前"]) },
  ],
  invalid: [
    // Seed 001 #10 治安监控视频覆盖率 under 数量.
    { name: "rate under 数量 (seed 001 #10)", project: extra(["产出指标", "数量指标", "治安监控视频覆盖率", "≥95%"]), errors: [{ cell: "E17", messageIncludes: "数量指标应为数量", fixIncludes: "把“治安监控视频覆盖率”移到质量指标" }] },
    // Seed 000 #30: a lifetime under 数量.
    { name: "使用时长 under 数量 (seed 000 #30)", project: extra(["产出指标", "数量指标", "购置装备满足使用时长", "≥3年"]), errors: [{ messageIncludes: "时长应放在质量或时效指标" }] },
    // Seed 000 #8 案件侦破率 under 时效.
    { name: "non-time rate under 时效 (seed 000 #8)", project: extra(["产出指标", "时效指标", "案件侦破率", "≥90%"]), errors: [{ messageIncludes: "时效指标中的比率应为及时率" }] },
    // Seed 001 #1 突发事件处置及时性（小时） → ≥95%.
    { name: "label says hours, value is % (seed 001 #1)", project: extra(["产出指标", "时效指标", "突发事件处置及时性（小时）", "≥95%"]), errors: [{ messageIncludes: "三级指标标明单位为“小时”，指标值却是百分比" }] },
    // Seed 004 P3 质量 "抓拍的图片质量较旧设备有明显的提高 → 2024年底".
    { name: "date as a 质量 value (seed 004 P3)", project: extra(["产出指标", "质量指标", "抓拍的图片质量较旧设备有明显的提高", "2023年底"]), errors: [{ messageIncludes: "日期只应作为时效指标的值" }] },
    // Corpus 07 and seed 002 #12: "项目完成时间 → 100%".
    {
      name: "a completion date written as a percent (corpus 07)",
      project: extra(["产出指标", "时效指标", "项目完成时间", "100%"]),
      errors: [{ messageIncludes: "完成时间应写日期或时限，不是百分比", fixIncludes: "“项目完成时间”写作“≤2023年12月31日”" }],
    },
    // Corpus 03 "维持时效 ≥1年": a floor on a duration is a lasting effect, not a deadline.
    { name: "a duration floor under 时效 (corpus 03)", project: extra(["产出指标", "时效指标", "维持时效", "≥1年"]), errors: [{ messageIncludes: "“≥1年”是持续时间的下限，不是完成时限", fixIncludes: "持续时间放到可持续影响指标" }] },
    // Corpus 28 物业管理 "2021年全年": a period, not a deadline.
    {
      name: "a period as the deadline (corpus 28)",
      project: extra(["产出指标", "时效指标", "按时保质完成物业管理工作", "2023年全年"]),
      errors: [{ messageIncludes: "“2023年全年”是期间，不是完成时限", fixIncludes: "如“≤2023年12月31日”；持续性的服务写及时率" }],
    },
    // Seed 004 P3 满意度 → "满意".
    { name: "satisfaction as text (seed 004 P3)", project: extra(["满意度指标", "服务对象满意度指标", "全县交通秩序明显好转，群众满意度提高。", "满意"]), errors: [{ messageIncludes: "满意度指标应为百分比" }] },
  ],
});

ruleTester("value/redacted", {
  valid: [{ name: "nothing redacted" }],
  invalid: [
    // Seed 002 P11 经济效益 value "**".
    { name: "** (seed 002 P11)", project: extra(["效益指标", "经济效益指标", "**", "**"]), errors: [{ cell: "E17", severity: "info", messageIncludes: "涉密（“**”）" }] },
  ],
});

ruleTester("value/qualitative-ratio", {
  valid: [
    { name: "mostly quantitative" },
    { name: "half qualitative is still fine", project: project({ indicators: [["产出指标", "数量指标", "a", "≥1个"], ["产出指标", "质量指标", "b", "≥95%"], ["效益指标", "社会效益指标", "c", "有效提升"], ["效益指标", "可持续影响指标", "d", "长期"]] }) },
  ],
  invalid: [
    // Seed 004: 有效提升/有效改善/显著增强… dominate some tables.
    {
      name: "three of four qualitative (seed 004)",
      project: project({ indicators: [["产出指标", "数量指标", "a", "≥1个"], ["产出指标", "质量指标", "b", "合格"], ["效益指标", "社会效益指标", "c", "有效提升"], ["效益指标", "可持续影响指标", "d", "按月发放"]] }),
      errors: [{ cell: "E12", severity: "info", messageIncludes: "4 条指标中有 3 条为定性描述" }],
    },
  ],
});

ruleTester("value/vague-unit", {
  valid: [
    { name: "number + unit" },
    { name: "a count noun the unit table does not know is not a quality", project: extra(["产出指标", "数量指标", "巡逻船只", "≥2艘"]) },
    { name: "a plain grade is value/vague's or fine", project: extra(["效益指标", "可持续影响指标", "长效机制", "长期"]) },
  ],
  invalid: [
    { name: "1 长期", project: extra(["效益指标", "可持续影响指标", "长效机制建立", "1 长期"]), errors: [{ cell: "E17", severity: "warning", messageIncludes: "“长期”不是计量单位", fixIncludes: "≥1项" }] },
    { name: "≥1 明显", project: extra(["效益指标", "社会效益指标", "社会治安环境改善", "≥1 明显"]), errors: [{ messageIncludes: "“明显”不是计量单位" }] },
    { name: "≥1 长期有效 (text after the number)", project: extra(["效益指标", "可持续影响指标", "持续发挥作用", "≥1 长期有效"]), errors: [{ messageIncludes: "长期有效" }] },
    { name: "承德 split: 符号 ≥, 值 1, 单位 显著提升", project: extra(["效益指标", "社会效益指标", "执法能力", parts("≥", "1", "显著提升")]), errors: [{ messageIncludes: "显著提升" }] },
  ],
});

ruleTester("value/quantity-ceiling", {
  valid: [
    { name: "floors and exact counts" },
    // Seed 001 #11 治安案件发案数（个） ≤40: a bad-event count takes a ceiling.
    { name: "bad-event count under 数量 (seed 001 #11)", project: extra(["产出指标", "数量指标", "治安案件发案数（个）", "≤40"]) },
    { name: "投诉 / 事故 / 超标 quantities", project: extra(["产出指标", "数量指标", "群众投诉量", "≤5件"], ["产出指标", "数量指标", "安全事故", "≤1起"], ["产出指标", "数量指标", "超标排放次数", "<2次"]) },
    { name: "a ceiling outside 数量 is not this rule's", project: extra(["产出指标", "时效指标", "响应时间", "≤30分钟"]) },
  ],
  invalid: [
    { name: "purchase written as a ceiling", project: extra(["产出指标", "数量指标", "执法记录仪采购数量", "≤10台"]), errors: [{ cell: "E17", severity: "warning", messageIncludes: "却写成上限“≤10台”", fixIncludes: "“≥10台”" }] },
    { name: "< on trainings; a single one becomes =", project: extra(["产出指标", "数量指标", "组织培训", "<1次"]), errors: [{ fixIncludes: "“=1次”" }] },
    // Work done about accidents is an output, not a bad event (seed 001 #15 交通事故案件鉴定数量).
    { name: "work on accidents is an output", project: extra(["产出指标", "数量指标", "交通事故案件鉴定数量", "≤1000件"]), errors: [{ messageIncludes: "≤1000件" }] },
  ],
});

ruleTester("value/quantity-no-number", {
  valid: [
    { name: "numbers" },
    { name: "Chinese numeral with a measure word", project: extra(["产出指标", "数量指标", "搜集情报信息", "三条"]) },
    { name: "vague phrases are value/vague's", project: extra(["产出指标", "数量指标", "宣传覆盖面", "进一步提高"]) },
    { name: "text outside 数量 is not this rule's", project: extra(["产出指标", "质量指标", "工作质量", "符合要求"]) },
  ],
  invalid: [
    // Seed 000 #32–#36 数量 "平均在押人数"; #7 "在册吸毒人员数量".
    { name: "平均在押人数 (seed 000 #32)", project: extra(["产出指标", "数量指标", "保障在押人员", "平均在押人数"]), errors: [{ cell: "E17", severity: "warning", messageIncludes: "数量指标「保障在押人员」的指标值“平均在押人数”没有数量" }] },
    // Seed 000 #33: 资金用途 "预计年平均在押人数130人，每人每月240元…": the 建议 uses the project's own count.
    {
      name: "建议 from the 资金用途's own count (seed 000 #33)",
      project: project({ purpose: "1、预计年平均在押人数130人，每人每月240元，年计37.44万元", indicators: withRows({ 执法记录仪采购数量: ["产出指标", "数量指标", "预计年平均在押人数", "平均在押人数"] }) }),
      errors: [{ fixIncludes: "资金用途写的是“130人”，可写作“=130人”" }],
    },
    { name: "根据实际核定: the 建议 names the row and its unit", project: extra(["产出指标", "数量指标", "补助人数", "根据实际核定"]), errors: [{ messageIncludes: "根据实际核定", fixIncludes: "写明“补助人数”计划完成的数量和单位，如“≥N人”" }] },
    // Seed 000 #15: value = a copy of the description.
    { name: "value copies the description (seed 000 #15)", project: extra(["产出指标", "数量指标", "刺丝滚笼", "看守所外墙拆除与更新镀锌刺丝滚笼，新增双轨道镀锌刺丝滚笼"]), errors: [{ messageIncludes: "看守所外墙拆除" }] },
  ],
});

ruleTester("value/trivial-target", {
  valid: [
    { name: "plausible rates" },
    { name: "=100% is exact", project: extra(["产出指标", "质量指标", "验收合格率", "=100%"]) },
    { name: "growth may exceed 100%", project: extra(["效益指标", "经济效益指标", "收入增长率", ">100%"]) },
    { name: "a modest reduction", project: extra(["效益指标", "社会效益指标", "重特大交通事故降低率", "≥10%"]) },
    { name: "a tight ceiling on a bad-event rate", project: extra(["产出指标", "质量指标", "差错率", "≤1%"]) },
  ],
  invalid: [
    { name: ">100% cannot be met", project: extra(["产出指标", "质量指标", "设备完好率", ">100%"]), errors: [{ cell: "E17", severity: "warning", messageIncludes: "超过 100%，无法实现" }] },
    // Seed 002 (20 rows "≥ 100 %") and corpus 05 "≥100百分比": style, 提示.
    { name: "≥100% means =100% (seed 002 P19, corpus 05 ≥100百分比)", project: extra(["产出指标", "质量指标", "资金使用合规率", parts("≥", "100", "百分比")]), errors: [{ severity: "info", fixIncludes: "=100%" }] },
    // Seed 001 #5 有组织犯罪案件数降低率(%) ≥98%; #2 再犯罪减低率 ≥95%.
    { name: "降低率 ≥98% (seed 001 #5)", project: extra(["效益指标", "社会效益指标", "有组织犯罪案件数降低率(%)", "≥98%"]), errors: [{ messageIncludes: "要求一年降低 98% 以上", fixIncludes: "按上年实际数测算“有组织犯罪案件数降低率(%)”的降低幅度" }] },
    // Seed 001 #1: the 三级 is cut at 15 characters; the 描述 says 降低率.
    { name: "降低率 in the 描述 of a truncated 三级 (seed 001 #1)", project: extra(["效益指标", "生态效益指标", "国家明令淘汰类污染项目违法犯罪", "≥95%", "计划标准", "国家明令淘汰类污染项目违法犯罪降低率"]), errors: [{ messageIncludes: "降低 95%" }] },
    { name: "减低率 ≥95% (seed 001 #2)", project: extra(["效益指标", "社会效益指标", "再犯罪减低率", "≥95%"]), errors: [{ messageIncludes: "降低 95%" }] },
    // Seed 001 #28 刑释人员重新犯罪率 ≤95%.
    { name: "重新犯罪率 ≤95% (seed 001 #28)", project: extra(["效益指标", "社会效益指标", "刑释人员重新犯罪率", "≤95%"]), errors: [{ messageIncludes: "上限 95% 过宽" }] },
    { name: "投诉率 <50%", project: extra(["满意度指标", "服务对象满意度指标", "群众投诉率", "<50%"]), errors: [{ messageIncludes: "上限 50% 过宽" }] },
  ],
});

ruleTester("value/name-conflict", {
  valid: [
    { name: "no level in the name" },
    // The name repeats the target: redundant, not contradictory (corpus 26 "1290.3平方米冷库仓储建设").
    { name: "name repeats the value (corpus 26)", project: extra(["产出指标", "数量指标", "1290.3平方米冷库仓储建设", "≥1290.3平方米"]) },
    // Different units say different things ("24小时" in the name, a rate as the value).
    { name: "other unit", project: extra(["产出指标", "质量指标", "24小时值班到岗率", "≥95%"]) },
    // A prompt is indicator/template-prompt's business.
    { name: "prompt (≥**%)", project: extra(["产出指标", "质量指标", "苗木成活率(≥**%)", "≥85%"]) },
  ],
  invalid: [
    {
      // Corpus 21: "*贫困地区旅游基础设施建设质量达标率100%" with ">=98%".
      name: "100% in the name, ≥98% as the value (corpus 21)",
      project: extra(["产出指标", "质量指标", "*贫困地区旅游基础设施建设质量达标率100%", ">=98%"]),
      errors: [
        {
          cell: "E17",
          severity: "warning",
          messageIncludes: "写的是 100%，指标值却是“>=98%”",
          fixIncludes: "三级指标写“贫困地区旅游基础设施建设质量达标率”，目标只写在指标值栏：目标是 100% 时写“=100%”，是“>=98%”时删去名称中的“100%”",
        },
      ],
    },
    { name: "a count in the name", project: extra(["产出指标", "数量指标", "培训20人次", "≥30人次"]), errors: [{ messageIncludes: "写的是 20人次" }] },
  ],
});

ruleTester("value/compliance-below-full", {
  valid: [
    { name: "=100% compliance" , project: extra(["产出指标", "质量指标", "项目资金使用合规性", "=100%"]) },
    // Seed 000 #5/#6: a device's or a register's accuracy is a quality level, not financial discipline.
    { name: "a device's accuracy (seed 000 #26)", project: extra(["产出指标", "质量指标", "固定抓拍设备准确率", "≥90%"]) },
    { name: "a case procedure (seed 001 #3)", project: extra(["效益指标", "社会效益指标", "案件流程合规率(%)", "≥95%"]) },
    { name: "an error rate is a ceiling", project: extra(["产出指标", "质量指标", "资金支付差错率", "≤1%"]) },
  ],
  invalid: [
    // Corpus 43 浮梁 “工资发放准确性(%) ≥95%”, corpus 50 龙岩 “项目资金使用合规性 >=95%”.
    { name: "wages paid accurately at ≥95% (corpus 43)", project: extra(["产出指标", "质量指标", "工资发放准确性(%)", "≥95%"]), errors: [{ cell: "E17", severity: "info", messageIncludes: "低于 100%", fixIncludes: "改为“=100%”（95% 意味着允许 5% 的违规或差错）" }] },
    { name: "funds used compliantly at ≥95% (corpus 50)", project: extra(["产出指标", "质量指标", "项目资金使用合规性", ">=95%"]), errors: [{ messageIncludes: "合规、准确、足额类指标应为 100%" }] },
  ],
});
