/**
 * A synthetic but realistic department (Hebei layout values) for benchmarks and schema tests.
 * Deterministic: project i always looks the same. Roughly one project in seven carries a typical
 * anomaly (plan not reaching 100, sum mismatch, vague value) so the rules do real work.
 */
import { emptyDocument, type Indicator, type JxmbDocument, type Project } from "../../src/model/schema";
import { parseTarget } from "../../src/model/value";
import { fenToWan } from "../../src/model/money";

const ROWS: Array<[string, string, string, string]> = [
  ["产出指标", "数量指标", "保障人数", "≥253人"],
  ["产出指标", "数量指标", "设备数量", "10台"],
  ["产出指标", "数量指标", "办案场所数", "≥3处"],
  ["产出指标", "质量指标", "设备完好率", "≥95%"],
  ["产出指标", "质量指标", "验收合格率", "100%"],
  ["产出指标", "质量指标", "资金使用合规性", "合规"],
  ["产出指标", "时效指标", "资金支付及时率", "≥90%"],
  ["产出指标", "时效指标", "完成时间", "2023年12月底前"],
  ["产出指标", "成本指标", "项目总成本", "≤50万元"],
  ["产出指标", "成本指标", "人均成本", "≤19270元"],
  ["效益指标", "社会效益指标", "社会治安状况", "进一步提高"],
  ["效益指标", "社会效益指标", "群众安全感", "≥90%"],
  ["效益指标", "可持续影响指标", "长效机制", "长期"],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥95%"],
  ["满意度指标", "服务对象满意度指标", "辅警满意度", "≧90%"],
];

function indicator(i: number, row: number): Indicator {
  const [level1, level2, name, raw] = ROWS[(row + i) % ROWS.length];
  const r = 12 + row;
  return {
    level1,
    level2,
    name: `${name}${row >= ROWS.length ? row : ""}`,
    description: `${name}的描述`,
    target: parseTarget(raw),
    targetParts: null,
    basis: row % 5 === 0 ? "历史经验" : "年初工作计划安排",
    scoring: null,
    level1Raw: null,
    level2Raw: null,
    source: { level1: `A${r}`, level2: `B${r}`, name: `C${r}`, description: `D${r}`, target: `E${r}`, basis: `F${r}` },
  };
}

export function syntheticProject(i: number, indicatorsPerProject = 30): Project {
  const fen = 50_000 + ((i * 7919) % 5_000_000) * 100; // 0.05 … 500 万元, exact 分
  const anomaly = i % 7;
  const total = fenToWan(fen);
  const fiscal = anomaly === 1 ? fenToWan(fen - 100_000) : total;
  const plan = anomaly === 2 ? [25, 50, 75, null] : anomaly === 3 ? [50, 40, 80, 100] : [25, 50, 75, 100];
  const code = `13032423P00${String(44281000 + i).padStart(8, "0")}${String.fromCharCode(65 + (i % 26))}${i % 10}`;
  const sheet = `项目${i + 1}`;
  return {
    seq: i + 1,
    title: `${i + 1}.专项业务经费${i + 1}绩效目标表`,
    code,
    name: `专项业务经费${i + 1}`,
    unit: { code: "312001", name: "某县公安局本级" },
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget: { total, fiscal, other: 0, raw: { total: null, fiscal: null, other: null } },
    purpose: "保障业务工作正常开展",
    spendPlan: {
      mar: plan[0],
      jun: plan[1],
      oct: plan[2],
      dec: plan[3],
      raw: { mar: null, jun: null, oct: null, dec: null },
    },
    goals: anomaly === 4 ? ["目标内容 1"] : [`1.保障第${i + 1}项业务工作正常开展，全年保障人数253人。`],
    indicators: Array.from({ length: indicatorsPerProject }, (_, row) => indicator(i, row)),
    redacted: false,
    layout: "template",
    source: {
      sheet,
      range: `A1:F${12 + indicatorsPerProject}`,
      cells: { code: "B3", name: "D3", "budget.total": "C4", "budget.fiscal": "E4", "budget.other": "G4", purpose: "B5", "spendPlan.mar": "B7", "spendPlan.jun": "C7", "spendPlan.oct": "D7", "spendPlan.dec": "E7", "goals.0": "B8" },
    },
  };
}

export function syntheticDocument(projects: number, indicatorsPerProject = 30): JxmbDocument {
  const doc = emptyDocument("hebei");
  doc.fiscalYear = 2023;
  doc.department = { code: "312001", name: "某县公安局" };
  doc.title = "某县公安局2023年部门预算绩效文本";
  doc.projects = Array.from({ length: projects }, (_, i) => syntheticProject(i, indicatorsPerProject));
  return doc;
}
