import { ruleTester, project, doc, withRows, indicator, parts, type Row } from "./rule-tester";
import type { Project } from "../../src/model/schema";

const CENTRAL_ROWS: Row[] = [
  ["成本指标", "经济成本指标", "项目总成本", "≤50万元", "预算测算"],
  ["产出指标", "数量指标", "执法记录仪采购数量", "≥10台", "项目实施计划"],
  ["产出指标", "质量指标", "设备验收合格率", "=100%", "行业标准"],
  ["产出指标", "时效指标", "采购完成时间", "2023年12月底前", "项目实施计划"],
  ["效益指标", "社会效益指标", "现场执法全程记录率", "≥95%", "历史标准"],
  ["满意度指标", "服务对象满意度指标", "执法对象满意度", "≥90%", "部分群众调查问卷"],
];

ruleTester("indicator/unknown-level1", {
  valid: [
    { name: "canonical labels" },
    // Seed 002 writes 效果指标; the reader normalises it through taxonomy and keeps level1Raw.
    { name: "效果指标 normalised (seed 002)", project: project({ indicators: withRows({ 现场执法全程记录率: ["效果指标", "社会效益指标", "现场执法全程记录率", "≥95%", "历史标准"] }) }) },
    { name: "levels shifted by one: 实施效果指标 over 产出指标/效益指标 (corpus 23)", project: project({ indicators: [["实施效果指标", "产出指标", "建设项目个数", "=1个"], ["实施效果指标", "效益指标", "综合利用率", "≥90%"]] }) },
    { name: "wrapped label 产 出 指 标 (seed 000 #10)", project: project({ indicators: withRows({ 执法记录仪采购数量: ["产 出 指 标", "数量指标", "执法记录仪采购数量", "≥10台"] }) }) },
  ],
  invalid: [
    {
      name: "unknown 一级",
      project: project({ indicators: withRows({}, [["管理指标", "数量指标", "制度建设", "≥2项"]]) }),
      errors: [{ cell: "A17", messageIncludes: "一级指标“管理指标”不是规范名称", fixIncludes: "产出指标、效益指标、满意度指标" }],
    },
    { name: "blank 一级", project: project({ indicators: withRows({}, [["", "数量指标", "制度建设", "≥2项"]]) }), errors: [{ messageIncludes: "第 7 条指标缺少一级指标" }] },
  ],
});

const benefitsTogether = (label: string, layout: Project["layout"] = "generic") =>
  project({ layout, indicators: withRows({ 现场执法全程记录率: ["效益指标", label, "补助款结算争议率", "≤1%"] }) });

ruleTester("indicator/level2-mismatch", {
  valid: [
    { name: "2015 framework" },
    // 东莞's 批复表 (corpus 42) prints one 二级 for the three benefits.
    { name: "“社会、经济、生态效益 指标”: several 二级 of 效益 in one printed label (corpus 42)", project: benefitsTogether("社会、经济、生态效益 指标") },
    { name: "“经济效益和社会效益指标”", project: benefitsTogether("经济效益和社会效益指标") },
    { name: "2021 framework in the central profile", project: project({ indicators: CENTRAL_ROWS }), profile: "central-2021" },
    { name: "a 2021-style project is accepted under hebei too", project: project({ indicators: CENTRAL_ROWS }) },
    { name: "环境效益 alias", project: project({ indicators: withRows({}, [["效益指标", "环境效益指标", "节能率", "≥5%"]]) }) },
    // 88号's 申报表 (corpus 29): 社会公众或服务对象满意度指标 is a 二级 of 效益指标 when there is no 满意度 一级.
    {
      name: "satisfaction as a 二级 of 效益 (88号 form, corpus 29)",
      project: project({ indicators: withRows({ 执法对象满意度: ["效益指标", "社会公众或服务对象满意度指标", "执法对象满意度", "≥90%"] }) }),
    },
    // The NDRC investment-plan form (corpus 23): 一级 column 实施效果指标, 二级 column 产出指标/效益指标.
    {
      name: "levels shifted by one (corpus 23)",
      project: project({
        indicators: [
          ["实施效果指标", "产出指标", "建设项目个数", "=1个"],
          ["实施效果指标", "产出指标", "竣工验收合格率", "=100%"],
          ["实施效果指标", "效益指标", "畜禽粪污综合利用率", "≥90%"],
          ["满意度指标", "服务对象满意度指标", "养殖户满意度", "≥90%"],
        ],
      }),
    },
  ],
  invalid: [
    { name: "a combined label with a 二级 of another 一级", project: benefitsTogether("数量、社会效益指标"), errors: [{ severity: "error", messageIncludes: "不是规范名称" }] },
    { name: "our own template has no combined label", project: benefitsTogether("社会、经济、生态效益 指标", "template"), errors: [{ severity: "error" }] },
    {
      // Seed 002 P1 安保执勤: 成本指标 in the 满意度 group, 数量指标 in the 效果 group.
      name: "二级 in the wrong 一级 group (seed 002 P1)",
      project: project({ indicators: withRows({}, [["满意度指标", "成本指标", "资金成本", "≤80万元"], ["效果指标", "数量指标", "排查重点人员数量", "≥100人"]]) }),
      errors: [
        { cell: "B17", messageIncludes: "二级指标“成本指标”不属于一级指标“满意度指标”", fixIncludes: "移到“产出指标”下" },
        { cell: "B18", messageIncludes: "二级指标“数量指标”不属于一级指标“效益指标”" },
      ],
    },
    // Seed 002 P16 uses "执法培训" in the 质量指标 slot.
    {
      // Seed 002 #1: a 满意度 一级 of its own, and a stray 服务对象满意度 under 效益 — misplaced.
      name: "服务对象满意度 under 效益 beside a 满意度 一级 (seed 002 #1)",
      project: project({ indicators: withRows({}, [["效益指标", "服务对象满意度指标", "公众安全感满意度", "≥80%"]]) }),
      errors: [{ cell: "B17", messageIncludes: "二级指标“服务对象满意度指标”不属于一级指标“效益指标”" }],
    },
    {
      // In our own template the tree comes from its drop-downs; its in-sheet check holds it to the framework.
      name: "satisfaction under 效益 in the template layout",
      project: project({ layout: "template", indicators: withRows({ 执法对象满意度: ["效益指标", "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"] }) }),
      errors: [{ messageIncludes: "不属于一级指标“效益指标”" }],
    },
    { name: "non-standard 二级 (seed 002 P16)", project: project({ indicators: withRows({}, [["产出指标", "执法培训", "培训人次", "≥60人次"]]) }), errors: [{ messageIncludes: "二级指标“执法培训”不是规范名称", fixIncludes: "数量指标、质量指标、时效指标、成本指标" }] },
    {
      name: "2021: 成本 二级 labels under 一级 成本",
      project: project({ indicators: [...CENTRAL_ROWS, ["成本指标", "成本指标", "单位成本", "≤500元/台"] as Row] }),
      profile: "central-2021",
      errors: [{ messageIncludes: "“成本指标”不属于一级指标“成本指标”", fixIncludes: "经济成本指标" }],
    },
  ],
});

ruleTester("indicator/framework-mixed", {
  valid: [{ name: "2015 only" }, { name: "2021 only", project: project({ indicators: CENTRAL_ROWS }), profile: "central-2021" }],
  invalid: [
    {
      name: "成本 as 一级 and under 产出",
      project: project({ indicators: withRows({}, [["成本指标", "经济成本指标", "单位成本", "≤500元/台"]]) }),
      errors: [{ cell: "A17", severity: "warning", messageIncludes: "混用了两套指标体系" }],
    },
  ],
});

ruleTester("indicator/missing-output", {
  valid: [{ name: "has 产出" }],
  invalid: [
    {
      name: "no 产出",
      project: project({ indicators: [["效益指标", "社会效益指标", "现场执法全程记录率", "≥95%"], ["满意度指标", "服务对象满意度指标", "执法对象满意度", "≥90%"]] }),
      errors: [{ cell: "A1", severity: "error", messageIncludes: "缺少产出指标" }],
    },
  ],
});

ruleTester("indicator/missing-benefit", {
  valid: [{ name: "has 效益" }, { name: "empty grid is project/missing-field", project: project({ indicators: [] }) }],
  invalid: [
    { name: "no 效益: the 建议 starts from the project's goal", project: project({ indicators: withRows({ 现场执法全程记录率: null }) }), errors: [{ messageIncludes: "缺少效益指标", fixIncludes: "写明“年内完成10台执法记录仪采购并投入使用，设备完好…”带来的社会效益" }] },
    {
      name: "no 效益: the 建议 names whom the project serves",
      project: project({ goals: ["为 300 名学生配备课桌椅"], indicators: withRows({ 现场执法全程记录率: null }) }),
      errors: [{ fixIncludes: "写明项目给学生带来的效果，如社会效益“受益学生 ≥N人”" }],
    },
  ],
});

ruleTester("indicator/missing-satisfaction", {
  valid: [
    { name: "has 满意度" },
    {
      name: "满意度 as a 二级 of 效益 (88号 form, corpus 29)",
      project: project({ indicators: withRows({ 执法对象满意度: ["效益指标", "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"] }) }),
    },
  ],
  invalid: [
    // Seed 000 #8, #9, #10, #14, #15, #22 end after 效益.
    { name: "no 满意度 (seed 000 #8): hebei warning", project: project({ indicators: withRows({ 执法对象满意度: null }) }), errors: [{ severity: "warning", fixIncludes: "以问卷调查结果为依据" }] },
    {
      // The 建议 names who the project serves, from its own goal.
      name: "the 建议 asks the project's own beneficiaries",
      project: project({ goals: ["全年改造 3 所学校，改善学生就学条件"], indicators: withRows({ 执法对象满意度: null }) }),
      errors: [{ fixIncludes: "如“学生满意度 ≥90%”" }],
    },
    { name: "ningxia: 必填 → error", project: project({ indicators: withRows({ 执法对象满意度: null }) }), profile: "ningxia", errors: [{ severity: "error" }] },
    { name: "central-2021: optional → info", project: project({ indicators: withRows({ 执法对象满意度: null }) }), profile: "central-2021", errors: [{ severity: "info" }] },
  ],
});

ruleTester("indicator/missing-cost", {
  valid: [
    { name: "成本 二级 under 产出" },
    { name: "成本 as 一级 (2021)", project: project({ indicators: CENTRAL_ROWS }), profile: "central-2021" },
    { name: "a misplaced 成本 row still counts (level2-mismatch reports the place)", project: project({ indicators: withRows({ 项目总成本: ["满意度指标", "成本指标", "资金成本", "≤50万元"] }) }) },
  ],
  invalid: [
    // Seed 001: 15 of 31 projects have no 成本 row; seed 002: P3, P4, P7, P12, P20, P22.
    { name: "no cost row (seed 001 #1): hebei error", project: project({ indicators: withRows({ 项目总成本: null }) }), errors: [{ severity: "error", fixIncludes: "产出指标下补充成本指标" }] },
    { name: "central-2021: warning", project: project({ indicators: withRows({ 项目总成本: null }) }), profile: "central-2021", errors: [{ severity: "warning", fixIncludes: "项目总成本 ≤50万元" }] },
    // A 2021-framework table for 2020 predates 101号: 成本 was not required yet.
    {
      name: "central-2021, budget year 2020: a hint",
      doc: doc([project({ indicators: withRows({ 项目总成本: null }) })], { fiscalYear: 2020, profile: "central-2021" }),
      errors: [{ severity: "info", messageIncludes: "2020 年预算早于财预〔2021〕101号" }],
    },
    // Corpus 03 (Sichuan 2023): another province's form has no printed 成本 row; 101号 asks for 成本 by
    // project type, so a reviewer asks (警告) even under the hebei profile.
    { name: "another province's form under hebei: warning (corpus 03)", project: project({ layout: "generic", indicators: withRows({ 项目总成本: null }) }), errors: [{ severity: "warning" }] },
  ],
});

ruleTester("indicator/missing-output-dimension", {
  valid: [
    { name: "数量/质量/时效 present" },
    { name: "no 产出 at all: missing-output's business", project: project({ indicators: [["效益指标", "社会效益指标", "x率", "≥95%"]] }) },
    // Corpus 23 (NDRC form): the table has no 二级 level, so there is no 数量/质量/时效 slot to miss.
    {
      name: "levels shifted by one (corpus 23)",
      project: project({ indicators: [["实施效果指标", "产出指标", "建设项目个数", "=1个"], ["实施效果指标", "效益指标", "综合利用率", "≥90%"]] }),
    },
  ],
  invalid: [
    // Seed 000 #3: the count is labelled 质量, so there is no 数量指标.
    {
      name: "no 数量 (seed 000 #3)",
      project: project({ indicators: withRows({ 执法记录仪采购数量: ["产出指标", "质量指标", "项目数量", "≥50部"] }) }),
      errors: [{ cell: "A11", messageIncludes: "产出指标缺少数量指标" }],
    },
    {
      name: "no 质量 and no 时效 (seed 001 #14)",
      project: project({ indicators: withRows({ 设备验收合格率: null, 采购完成时间: null }) }),
      // Same cell: ordered by message (deterministic).
      errors: [{ messageIncludes: "产出指标缺少质量指标、时效指标", fixIncludes: "完成时间 ≤2023年12月31日" }],
    },
    { name: "ningxia: 必填 → error", project: project({ indicators: withRows({ 采购完成时间: null }) }), profile: "ningxia", errors: [{ severity: "error" }] },
  ],
});

ruleTester("indicator/missing-name", {
  valid: [{ name: "names present" }],
  invalid: [{ name: "blank 三级", project: project({ indicators: withRows({}, [["产出指标", "质量指标", " ", "≥95%"]]) }), errors: [{ cell: "C17", messageIncludes: "第 7 条指标缺少三级指标名称" }] }],
});

ruleTester("indicator/duplicate", {
  valid: [
    { name: "distinct rows" },
    // Seed 004 P4: the 成本 row is named after the output it pays for.
    {
      name: "a 成本 row named after its 数量 row (seed 004 P4)",
      project: project({ indicators: withRows({ 项目总成本: ["产出指标", "成本指标", "执法记录仪采购数量", "≤50万元"] }) }),
    },
    // Seed 000 #1: two 数量 rows named 项目数量 with different descriptions and values.
    {
      name: "same 三级 under the same 二级 with different content (seed 000 #1)",
      project: project({ indicators: withRows({}, [["产出指标", "数量指标", "项目数量", "≥6座", null, "租赁铁塔数量"], ["产出指标", "数量指标", "项目数量", "≥18个", null, "光纤租赁点位数量"]]) }),
    },
  ],
  invalid: [
    {
      // Two repeats: the second (rows 8 and 9) comes after the first (rows 7 and 8) started keeping full rows.
      name: "an exact repeat after another repeated name",
      project: project({ indicators: withRows({}, [["产出指标", "数量指标", "巡逻次数", "≥10次"], ["产出指标", "数量指标", "巡逻次数", "≥12次"], ["产出指标", "数量指标", "宣传场次", "≥5场"], ["产出指标", "数量指标", "宣传场次", "≥5场"]]) }),
      errors: [{ messageIncludes: "出现两次" }, { messageIncludes: "第 10 条指标与第 9 条完全相同" }],
    },
    // Seed 002 P1 repeats 成本指标 资金成本 ≤ 80 万.
    { name: "exact duplicate row (seed 002 P1)", project: project({ indicators: withRows({}, [["产出指标", "成本指标", "项目总成本", "≤50万元"]]) }), errors: [{ cell: "C17", messageIncludes: "第 7 条指标与第 4 条完全相同" }] },
    // Seed 001 #7: 有价值情报信息采用率(%) under 质量 and 有价值情报信息采用率 under 社会效益.
    {
      name: "same 三级 under two 二级 (seed 001 #7)",
      project: project({ indicators: withRows({}, [["产出指标", "质量指标", "有价值情报信息采用率(%)", "≥95%"], ["效益指标", "社会效益指标", "有价值情报信息采用率", "≥95%"]]) }),
      errors: [{ cell: "C18", messageIncludes: "同时出现在“质量指标”（第 7 条）和“社会效益指标”（第 8 条）下" }],
    },
    // Seed 004 P9: "人民群众生命财产安全得到保护，群众安全感得到提升。" twice under 满意度, ≥98% and ≥96%.
    {
      name: "same 三级 under the same 二级 with different values (seed 004 P9)",
      project: project({
        indicators: withRows({}, [
          ["满意度指标", "服务对象满意度指标", "人民群众生命财产安全得到保护，群众安全感得到提升。", "≥98%"],
          ["满意度指标", "服务对象满意度指标", "人民群众生命财产安全得到保护，群众安全感得到提升。", "≥96%"],
        ]),
      }),
      errors: [{ cell: "E18", severity: "warning", messageIncludes: "出现两次（第 7、8 条），指标值不同（“≥98%”与“≥96%”）", fixIncludes: "合并为一条" }],
    },
  ],
});

/** The rows of the builder's project `seq` plus extra rows. */
const rowsOf = (seq: number, extra: Row[] = []): Row[] => [...project({ seq }).indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw] as Row), ...extra];
const copiedRow: Row = ["效益指标", "社会效益指标", "能够有效的维护社会及政治稳定", "进一步提高"];
const setA: Row[] = [
  ["产出指标", "数量指标", "各项检务保障工作完成率", "≥95%"],
  ["产出指标", "质量指标", "项目实现功能率", "≥95%"],
  ["效益指标", "社会效益指标", "服务保障能力", "≥95%"],
  ["满意度指标", "服务对象满意度指标", "满意度", "≥95%"],
];
/** Corpus 50: one 专项 printed with a target column per county, read once per county (one sheet, one 项目名称 cell). */
const countyColumn = (p: Project): Project => ({ ...p, source: { ...p.source, sheet: "绩效目标表", cells: { ...p.source.cells, name: "C5" } } });

ruleTester("indicator/copied", {
  valid: [
    {
      name: "the county columns of one table share their rows (corpus 50)",
      doc: doc([1, 2, 3].map((seq) => countyColumn(project({ seq, indicators: rowsOf(seq, [copiedRow]) })))),
    },
    { name: "nor is a county column's whole set a copy of another county's", doc: doc([countyColumn(project({ seq: 1, indicators: setA })), countyColumn(project({ seq: 2, indicators: setA }))]) },
    { name: "different projects", doc: doc([project(), project({ seq: 2 }), project({ seq: 3 })]) },
    { name: "a row shared by two projects only", doc: doc([project({ indicators: rowsOf(1, [copiedRow]) }), project({ seq: 2, indicators: rowsOf(2, [copiedRow]) })]) },
    {
      name: "satisfaction rows are legitimately the same everywhere",
      doc: doc([1, 2, 3].map((seq) => project({ seq, indicators: [["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"], [ "产出指标", "数量指标", `x${seq}`, "≥1个"]] }))),
    },
  ],
  invalid: [
    {
      // Seed 000: "进一步提高" 社会效益 rows repeated over projects #1–#15.
      name: "same 三级 + 值 in three projects",
      doc: doc([1, 2, 3].map((seq) => project({ seq, indicators: rowsOf(seq, [copiedRow]) }))),
      errors: [
        { projectSeq: 2, cell: "C17", severity: "info", messageIncludes: ["有 1 条指标与其他项目完全相同", "能够有效的维护社会及政治稳定：进一步提高", "共见于 3 个项目"] },
        { projectSeq: 3, cell: "C17" },
      ],
    },
    {
      // Seed 001 #30 and #31 have identical indicator sets.
      name: "identical indicator set (seed 001 #30/#31)",
      doc: doc([project({ seq: 30, indicators: setA }), project({ seq: 31, indicators: setA.map((r, i) => indicator(r, i)) })]),
      errors: [{ projectSeq: 31, cell: "C11", severity: "warning", messageIncludes: "全部 4 条绩效指标与第 30 个项目", fixIncludes: "不要照搬第 30 个项目" }],
    },
    {
      name: "another table with a county table's set is still a copy",
      doc: doc([countyColumn(project({ seq: 1, indicators: setA })), countyColumn(project({ seq: 2, indicators: setA })), project({ seq: 3, indicators: setA })]),
      errors: [{ projectSeq: 3, severity: "warning", messageIncludes: "与第 1 个项目" }],
    },
  ],
});

ruleTester("indicator/too-few", {
  valid: [{ name: "six indicators" }, { name: "none at all is project/missing-field", project: project({ indicators: [] }) }],
  invalid: [
    {
      name: "two indicators",
      project: project({ indicators: [["产出指标", "数量指标", "设备数量", "≥10台"], ["效益指标", "社会效益指标", "记录率", "≥95%"]] }),
      errors: [{ severity: "info", messageIncludes: "只有 2 条绩效指标，少于 3 条" }],
    },
  ],
});

/** Projects whose indicator sets differ only by a character or a value. */
const nearSet = (cost: number, satisfaction: string): Row[] => [
  ["产出指标", "数量指标", "排查重点人员数量", "≥100人"],
  ["产出指标", "质量指标", "排查准确率", "≥95%"],
  ["产出指标", "时效指标", "排查完成时间", "2023年12月底前"],
  ["产出指标", "成本指标", "资金成本", `≤${cost}万元`],
  ["效益指标", "社会效益指标", "维护辖区社会治安稳定", "≥90%"],
  ["满意度指标", "服务对象满意度指标", satisfaction, "≥90%"],
];

ruleTester("indicator/near-duplicate", {
  valid: [
    { name: "different projects", doc: doc([project({ seq: 1 }), project({ seq: 2 })]) },
    // Identical sets are indicator/copied's (seed 001 #30/#31).
    { name: "identical sets are indicator/copied's", doc: doc([project({ seq: 1, indicators: nearSet(50, "群众满意度") }), project({ seq: 2, indicators: nearSet(50, "群众满意度") })]) },
    { name: "two-row sets are too small to compare", doc: doc([project({ seq: 1, indicators: nearSet(50, "群众满意度").slice(0, 2) }), project({ seq: 2, indicators: nearSet(50, "群众满意度。").slice(0, 2) })]) },
    { name: "the same wording with each project's own amounts", doc: doc([project({ seq: 1, indicators: nearSet(50, "群众满意度") }), project({ seq: 2, indicators: nearSet(69, "群众满意度") })]) },
    {
      name: "two county columns of one table (corpus 50)",
      doc: doc([countyColumn(project({ seq: 1, indicators: nearSet(80, "群众满意度") })), countyColumn(project({ seq: 2, indicators: nearSet(80, "公众满意度。") }))]),
    },
  ],
  invalid: [
    // Seed 002 P15 is the P1 template.
    {
      name: "the same template with a word and a punctuation mark changed (seed 002 P15 ← P1)",
      doc: doc([project({ seq: 1, indicators: nearSet(80, "群众满意度") }), project({ seq: 2, indicators: nearSet(80, "公众满意度。") })]),
      errors: [{ projectSeq: 2, cell: "C11", severity: "info", messageIncludes: "全部 6 条绩效指标与第 1 个项目（执法记录仪购置经费1）几乎相同" }],
    },
  ],
});

ruleTester("indicator/not-ecological", {
  valid: [
    { name: "no 生态效益 row" },
    { name: "energy saving", project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "节约用电", "≥5%"]]) }) },
    // Seed 002 P19 生态效益 "无污染".
    { name: "无污染 (seed 002 P19)", project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "无污染", "≥100%"]]) }) },
    { name: "paperless office", project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "无纸化办公率", "≥90%"]]) }) },
    { name: "人居环境 is ecological", project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "农村人居环境整治村数", "≥12个"]]) }) },
  ],
  invalid: [
    // Seed 002 P14 "辖区电诈类案件小于总案发率50%", P16 "降低民警辅警伤亡率".
    {
      name: "crime and casualty rates as 生态效益 (seed 002 P14, P16)",
      project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "电诈类案件占比", parts("＞", "50.00", "百分比"), "历史标准", "辖区电诈类案件小于总案发率50%"], ["效益指标", "生态效益指标", "降低伤亡率", "≤20%"]]) }),
      errors: [{ cell: "E17", severity: "info", messageIncludes: "生态效益指标「电诈类案件占比」与生态环境无关" }, { cell: "E18" }],
    },
    // Seed 002 P20: "保护民警执勤安全，为全区经济发展保驾护航".
    // Corpus 28: 生活环境 / 居住环境 / 生活水平 are about residents, not nature.
    {
      name: "living environment as 生态效益 (corpus 28)",
      project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "优化安置小区生活环境，提高居民生活水平，营造安全舒适的居住环境", "显著提高"]]) }),
      errors: [{ cell: "E17", messageIncludes: "与生态环境无关" }],
    },
    { name: "security as 生态效益 (seed 002 P20)", project: project({ indicators: withRows({}, [["效益指标", "生态效益指标", "保护民警执勤安全，为全区经济发展保驾护航", "有效保障"]]) }), errors: [{ fixIncludes: "删除该行" }] },
  ],
});

ruleTester("indicator/not-satisfaction", {
  valid: [
    { name: "a satisfaction rate" },
    // Corpus 52: form 47 typed in traditional script.
    { name: "滿意度 in traditional script (corpus 52)", project: project({ indicators: withRows({ 执法对象满意度: ["满意度指标", "服务对象满意度指标", "滿意度", "≥95%"] }) }) },
    { name: "the 描述 names satisfaction", project: project({ indicators: withRows({ 执法对象满意度: ["满意度指标", "服务对象满意度指标", "群众评价", "≥90%", "问卷", "群众对执法工作的满意程度"] }) }) },
    { name: "a 满意度-like outcome under 效益 is not this rule's business", project: project({ indicators: withRows({}, [["效益指标", "社会效益指标", "群众安全感", "≥92%"]]) }) },
  ],
  invalid: [
    // Seed 002 P4: complaints counted under 满意度.
    {
      name: "投诉 ≤1 起 (seed 002 P4)",
      project: project({ indicators: withRows({ 执法对象满意度: ["满意度指标", "服务对象满意度指标", "办案部门投诉", "≤1起", "历史标准"] }) }),
      errors: [{ cell: "C16", severity: "warning", messageIncludes: "「办案部门投诉」不是满意度指标", fixIncludes: "“办案部门投诉”移到效益指标" }],
    },
    // Seed 004 P1/P10: 安全感 under 满意度.
    {
      name: "安全感 (seed 004 P1)",
      project: project({ indicators: withRows({}, [["满意度指标", "服务对象满意度指标", "提升辖区群众安全感", "≥92%"]]) }),
      errors: [{ cell: "C17", messageIncludes: "提升辖区群众安全感" }],
    },
  ],
});

ruleTester("indicator/template-prompt", {
  valid: [
    { name: "plain names" },
    // A unit annotation is not a prompt (corpus 27 "实施营造林总面积(亩)").
    { name: "unit annotation (corpus 27)", project: project({ indicators: withRows({}, [["产出指标", "数量指标", "实施营造林总面积(亩)", "≥80000亩"]]) }) },
    // Seed 002: "**" alone is 涉密 content (value/redacted's), not a prompt.
    { name: "redacted name (seed 002)", project: project({ indicators: withRows({}, [["产出指标", "质量指标", "**", "≤95%"]]) }) },
    // Hunan's template marks core indicators with a star (corpus 21): not a prompt.
    { name: "core-indicator star (corpus 21)", project: project({ indicators: withRows({}, [["产出指标", "质量指标", "*验收合格率", "=100%"]]) }) },
  ],
  invalid: [
    {
      // Corpus 21: "贫困地区旅游景点开发数量( ≥**个 )" with the value ">=4个".
      name: "prompt left in the name (corpus 21)",
      project: project({ indicators: withRows({}, [["产出指标", "数量指标", "贫困地区旅游景点开发数量( ≥**个 )", ">=4个"]]) }),
      errors: [{ cell: "C17", severity: "info", messageIncludes: "保留了模板提示“( ≥**个 )”", fixIncludes: "三级指标写“贫困地区旅游景点开发数量”，目标“>=4个”只写在指标值栏" }],
    },
    {
      // Corpus 28: every name starts with the template's numbering, some keep a prompt too.
      name: "template numbering and prompt (corpus 28)",
      project: project({ indicators: withRows({}, [["产出指标", "成本指标", "指标1:项目总成本(≤**万元)", "≤1125万元"]]) }),
      errors: [{ messageIncludes: "“指标1:”“(≤**万元)”", fixIncludes: "三级指标写“项目总成本”" }],
    },
    {
      // Corpus 27: "苗木成活率(≥**%)" with an empty value.
      name: "prompt and no value (corpus 27)",
      project: project({ indicators: withRows({}, [["产出指标", "质量指标", "苗木成活率(≥**%)", ""]]) }),
      errors: [{ fixIncludes: "在指标值栏填写目标（提示是“(≥**%)”）" }],
    },
    {
      // Corpus 27: the bare "85" beside "(≥**%)" is meant as ≥85%; a cost prompt "(≥**万元)" is still a ceiling.
      name: "a bare number written out from the prompt (corpus 27)",
      project: project({ indicators: withRows({}, [["产出指标", "质量指标", "苗木成活率(≥**%)", "85"], ["产出指标", "成本指标", "项目总投入(≥**万元)", "6070"]]) }),
      errors: [{ fixIncludes: "指标值写“≥85%”" }, { fixIncludes: "指标值写“≤6070万元”" }],
    },
  ],
});

ruleTester("indicator/name-is-value", {
  valid: [
    { name: "names say what is measured" },
    // Seed 002 P19: “400前端” names the cameras after their count; 前端 is no unit.
    { name: "a count before a thing (seed 002 “400前端”)", project: project({ indicators: withRows({}, [["产出指标", "数量指标", "400前端", "=400个"]]) }) },
    { name: "a name with a number in it", project: project({ indicators: withRows({}, [["产出指标", "数量指标", "2023年新增设备数量", "≥5台"]]) }) },
  ],
  invalid: [
    {
      // Corpus 51: the 时效 row's 三级 is “1年”, its value “1年”.
      name: "“1年” as the 时效 name (corpus 51)",
      project: project({ indicators: withRows({ 采购完成时间: ["产出指标", "时效指标", "1年", "1年"] }) }),
      errors: [{ cell: "C13", severity: "warning", messageIncludes: "三级指标名称“1年”是一个指标值", fixIncludes: "如“项目完成时限”" }],
    },
    { name: "a percent as a 质量 name", project: project({ indicators: withRows({ 设备验收合格率: ["产出指标", "质量指标", "≥95%", "≥95%"] }) }), errors: [{ messageIncludes: "“≥95%”", fixIncludes: "如“验收合格率”" }] },
  ],
});

ruleTester("indicator/cost-misplaced", {
  valid: [
    { name: "cost under 成本指标" },
    { name: "a 数量 row about cost-related work is not the cost", project: project({ indicators: withRows({}, [["产出指标", "数量指标", "成本核算报告份数", "≥2份"]]) }) },
  ],
  invalid: [
    {
      // Corpus 51: “成本控制 → 不超过预算” under 数量指标.
      name: "成本控制 under 数量 (corpus 51)",
      project: project({ indicators: withRows({}, [["产出指标", "数量指标", "成本控制", "不超过预算"]]) }),
      errors: [{ cell: "C17", severity: "warning", messageIncludes: "「成本控制」是成本指标，却放在数量指标下", fixIncludes: "项目总成本 ≤50万元" }],
    },
    { name: "项目成本 under 质量", project: project({ indicators: withRows({}, [["产出指标", "质量指标", "项目成本", "≤50万元"]]) }), errors: [{ messageIncludes: "放在质量指标下" }] },
  ],
});

ruleTester("indicator/satisfaction-misplaced", {
  valid: [
    { name: "satisfaction under 满意度" },
    // 88号's form (corpus 29): 社会公众或服务对象满意度指标 is a 二级 of 效益.
    { name: "the 88号 form's satisfaction 二级 under 效益", project: project({ indicators: withRows({ 执法对象满意度: ["效益指标", "社会公众或服务对象满意度指标", "执法对象满意度", "≥90%"] }) }) },
    { name: "a wish, not a rate (a vague value)", project: project({ indicators: withRows({}, [["效益指标", "可持续影响指标", "不断提升社会公众对禁毒工作满意度", "逐步提升"]]) }) },
  ],
  invalid: [
    {
      // Corpus 53 湘潭: 社会效益 “服务周期内,市民对空气质量改善的满意程度 ≥85%” beside 满意度 “市民满意度 ≥90%”.
      name: "a satisfaction rate as a 社会效益 (corpus 53)",
      project: project({ indicators: withRows({}, [["效益指标", "社会效益指标", "服务周期内,市民对空气质量改善的满意程度", "≥85%"]]) }),
      errors: [{ cell: "C17", severity: "warning", messageIncludes: "是满意度，却写在社会效益指标下", fixIncludes: "满意度已有单列的满意度指标" }],
    },
  ],
});
