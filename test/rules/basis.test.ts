import { ruleTester, project, withRows, doc, indicators, type Row } from "./rule-tester";

const extra = (...rows: Row[]) => project({ indicators: withRows({}, rows) });

ruleTester("basis/missing", {
  valid: [
    { name: "every row has a basis" },
    { name: "Ningxia layout has no 依据 column", project: project({ layout: "ningxia", indicators: withRows({}, [["产出指标", "质量指标", "设备完好率", "≥95%", null]]) }) },
    { name: "ningxia profile: off", project: extra(["产出指标", "质量指标", "设备完好率", "≥95%", null]), profile: "ningxia" },
    // Corpus 01 (Wuhan) and the 自评表: the form has no 依据 column (no row has a basis cell).
    {
      name: "a generic form without a 依据 column (corpus 01)",
      project: (() => {
        const p = project({ layout: "generic", indicators: withRows({}).map((r) => [r[0], r[1], r[2], r[3], null] as Row) });
        for (const ind of p.indicators) delete (ind.source as Record<string, string>).basis;
        return p;
      })(),
    },
  ],
  invalid: [
    { name: "one row without basis", project: extra(["产出指标", "质量指标", "设备完好率", "≥95%", null]), errors: [{ cell: "F17", severity: "warning", messageIncludes: "质量指标「设备完好率」未填写指标值确定依据" }] },
    {
      name: "no row has a basis: one finding",
      project: project({ indicators: [["产出指标", "数量指标", "a", "≥1个", null], ["效益指标", "社会效益指标", "b", "≥95%", "  "]] }),
      errors: [{ cell: "F11", messageIncludes: "全部 2 条指标均未填写" }],
    },
  ],
});

ruleTester("basis/swapped", {
  valid: [
    { name: "standard bases" },
    { name: "a document number", project: extra(["产出指标", "数量指标", "禁毒宣传次数", "≥2次", "冀禁毒委【2016】3号"]) },
    { name: "a basis that mentions a rate in words", project: extra(["产出指标", "质量指标", "合格率", "≥95%", "行业标准（合格率）"]) },
  ],
  invalid: [
    // Seed 000 #17: 效益 ≥92% | 依据 进一步提高.
    { name: "target phrase in the basis (seed 000 #17)", project: extra(["效益指标", "社会效益指标", "业务保障能力", "≥92%", "进一步提高"]), errors: [{ cell: "F17", messageIncludes: "依据“进一步提高”像是指标值" }] },
    { name: "a value in the basis", project: extra(["产出指标", "质量指标", "完好率", "良好", "≥95%"]), errors: [{ cell: "F17" }] },
    { name: "a basis in the value", project: extra(["产出指标", "质量指标", "设备完好率", "历史经验", "历史经验"]), errors: [{ cell: "E17", messageIncludes: "指标值“历史经验”是依据而不是目标" }] },
  ],
});


const rowsWithBasis = (basis: string, n: number): Row[] => Array.from({ length: n }, (_, i) => ["产出指标", "数量指标", `指标${i}`, `≥${i + 1}个`, basis] as Row);

ruleTester("basis/uniform", {
  valid: [
    { name: "varied bases", doc: doc([project({ indicators: [...rowsWithBasis("计划标准", 12), ...rowsWithBasis("历史标准", 12)] })]) },
    { name: "too few rows to judge", doc: doc([project({ indicators: rowsWithBasis("年初工作计划安排", 10) })]) },
    { name: "ningxia: off", doc: doc([project({ indicators: rowsWithBasis("年初工作计划安排", 30) })], { profile: "ningxia" }) },
  ],
  invalid: [
    {
      // Seed 001: "年初工作计划安排" in all 175 rows.
      name: "one phrase everywhere (seed 001)",
      doc: doc([project({ indicators: rowsWithBasis("年初工作计划安排", 12) }), project({ seq: 2, indicators: indicators(rowsWithBasis("年初工作计划安排", 12)) })]),
      errors: [{ projectSeq: null, cell: "F11", sheet: "项目1", severity: "info", messageIncludes: "全文 24 条指标中有 24 条的指标值确定依据都是“年初工作计划安排”" }],
    },
  ],
});
