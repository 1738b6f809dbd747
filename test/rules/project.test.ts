import { ruleTester, project, doc } from "./rule-tester";


// Corpus 50: one 专项 read once per county from one sheet; its 资金总额 (E7) is for all counties together.
const noAmount = { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } };
const county = (seq: number, sheet = "绩效目标表") => {
  const p = project({ seq, budget: noAmount });
  return { ...p, source: { ...p.source, sheet, cells: { ...p.source.cells, "budget.total": "E7" } } };
};

ruleTester("project/missing-field", {
  valid: [
    { name: "complete project" },
    { name: "county tables of one 专项 share one 资金总额 cell (corpus 50)", doc: doc([county(1), county(2), county(3)]) },
    { name: "Ningxia form has no 项目编码", project: project({ code: null, layout: "ningxia", spendPlan: null }), profile: "ningxia" },
    // Corpus 01 (Wuhan 2020): the form has no 项目编码 field at all (no code cell was read).
    {
      name: "a generic form without a code field (corpus 01)",
      project: (() => {
        const p = project({ code: null, layout: "generic" });
        const { code: _code, ...cells } = p.source.cells;
        void _code;
        return { ...p, source: { ...p.source, cells } };
      })(),
    },
  ],
  invalid: [
    {
      name: "no name, no code, no amount, no indicators",
      project: project({ name: null, code: null, budget: { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } }, indicators: [] }),
      // Sorted row-major by cell: A1 (the table, for the empty grid), B3, D3, B4.
      errors: [
        { cell: "A1", messageIncludes: "绩效指标", fixIncludes: "逐行填写" }, // an empty template's table once had no 建议
        { cell: "B3", messageIncludes: "项目编码" },
        { cell: "D3", messageIncludes: "项目名称" },
        { cell: "B4", messageIncludes: "预算数" },
      ],
    },
    {
      name: "the same cell on two sheets is two tables, each without its amount",
      doc: doc([county(1, "表1"), county(2, "表2")]),
      errors: [
        { projectSeq: 1, messageIncludes: "预算数" },
        { projectSeq: 2, messageIncludes: "预算数" },
      ],
    },
    { name: "central tables need a code too", project: project({ code: "  " }), profile: "central-2021", errors: [{ messageIncludes: "项目编码", severity: "error" }] },
  ],
});

ruleTester("project/code-format", {
  valid: [
    { name: "21 chars" },
    // Seed 000: the reader removes the PDF wrap space of "13032423P0044281013 9H"; a leftover space or bracket is tolerated.
    { name: "space and brackets are not part of the code", project: project({ code: "【13032423P0044281013 9H】" }) },
    // Seed 002: 2021 codes have no "P" ("13081121X9CPRUR1A7I16"); P16 has letters "PP" in the tail.
    { name: "2021 codes without P (seed 002 P7) and letters in the tail (P16)", doc: doc([project({ code: "13081121X9CPRUR1A7I16" }), project({ seq: 2, code: "13081122P007PP5100027 " })]) },
    { name: "Ningxia: no code scheme", project: project({ code: "019001-12" }), profile: "ningxia" },
  ],
  invalid: [
    { name: "20 chars", project: project({ code: "13032423P0044281013H" }), errors: [{ cell: "B3", severity: "error", messageIncludes: ["13032423P0044281013H", "应为 21 位，实际 20 位"] }] },
    { name: "letter in the division/year prefix", project: project({ code: "1303242XP00442810139H" }), errors: [{ messageIncludes: "前 8 位应为数字" }] },
    { name: "punctuation", project: project({ code: "13032423P0044281013-9H".slice(0, 21) }), errors: [{ messageIncludes: "大写字母或数字" }] },
    { name: "lower case letters", project: project({ code: "13032423p00442810139h" }), errors: [{ fixIncludes: "大写" }] },
    { name: "central profile: warning", project: project({ code: "123" }), profile: "central-2021", errors: [{ severity: "warning" }] },
  ],
});

ruleTester("project/code-duplicate", {
  valid: [
    { name: "distinct codes", doc: doc([project(), project({ seq: 2 })]) },
    // Seed 000: 劳务派遣经费 appears twice with different codes (different units).
    { name: "same name, different codes", doc: doc([project({ name: "劳务派遣经费" }), project({ seq: 2, name: "劳务派遣经费" })]) },
  ],
  invalid: [
    {
      name: "same code (spaces ignored)",
      doc: doc([project({ code: "13022522P00CKTC10032E" }), project({ seq: 2, code: "13022522P00CKTC1003 2E" })]),
      errors: [{ projectSeq: 2, cell: "B3", messageIncludes: ["13022522P00CKTC1003 2E", "第 1 个项目"] }],
    },
  ],
});

ruleTester("project/redacted", {
  valid: [{ name: "ordinary project" }],
  invalid: [
    {
      // Seed 000 tables 18–21, 27, 28, 38: "此项目文件涉密".
      name: "此项目文件涉密",
      project: project({ seq: 18, title: "18.专项业务经费绩效目标表", name: null, code: null, redacted: true, goals: [], indicators: [], spendPlan: null }),
      errors: [{ severity: "info", messageIncludes: ["第 18 个项目表涉密", "专项业务经费"] }],
    },
  ],
});

ruleTester("project/code-division", {
  valid: [
    { name: "one division", doc: doc([project(), project({ seq: 2 }), project({ seq: 3 })]) },
    { name: "no clear majority: nothing to say", doc: doc([project({ code: "13032423P00442810139H" }), project({ seq: 2, code: "13022522P00CKTC10027L" })]) },
    { name: "ningxia: off", doc: doc([project(), project({ seq: 2 }), project({ seq: 3, code: "13022522P00CKTC10027L" })], { profile: "ningxia" }) },
  ],
  invalid: [
    {
      name: "a 乐亭 code among 卢龙 codes",
      doc: doc([project(), project({ seq: 2 }), project({ seq: 3, code: "13022522P00CKTC10027L" })]),
      errors: [{ projectSeq: 3, cell: "B3", severity: "warning", messageIncludes: ["区划代码 130225", "130324"] }],
    },
  ],
});

ruleTester("project/name-is-title", {
  valid: [
    { name: "a plain project name" },
    { name: "a name that mentions a table in its middle", project: project({ name: "绩效目标表编制培训经费" }) },
  ],
  invalid: [
    {
      // Corpus 47: the project name cell repeats the form's title words.
      name: "the form's title in the name (corpus 47)",
      project: project({ name: "2020年省级自然资源卫片执法补助经费支出绩效自评表" }),
      errors: [{ cell: "D3", severity: "info", messageIncludes: "含表名“支出绩效自评表”", fixIncludes: "项目名称写“2020年省级自然资源卫片执法补助经费”" }],
    },
    { name: "in traditional script (corpus 52)", project: project({ name: "2020年省級自然資源衛片執法補助經費支出績效自評表" }), errors: [{ messageIncludes: "含表名“支出績效自評表”", fixIncludes: "“2020年省級自然資源衛片執法補助經費”" }] },
    { name: "…项目绩效目标申报表", project: project({ name: "农村公路养护项目绩效目标申报表" }), errors: [{ messageIncludes: "“绩效目标申报表”", fixIncludes: "项目名称写“农村公路养护项目”" }] },
  ],
});
