import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { jsonSchemaText, SCHEMA_FILE } from "../../src/model/json-schema";
import { toCanonicalJson, parseCanonicalJson } from "../../src/model/canonical";
import { emptyDocument, SCHEMA_ID, SCHEMA_VERSION } from "../../src/model/schema";
import { syntheticDocument } from "../helpers/synthetic";
import { parseTarget } from "../../src/model/value";

const schemaPath = join(__dirname, "..", "..", "assets", "schema", SCHEMA_FILE);

describe("published JSON Schema", () => {
  it("is current with the zod schema (run `npm run schema` when this fails)", () => {
    expect(readFileSync(schemaPath, "utf8")).toBe(jsonSchemaText());
  });

  it("carries $id and schemaVersion", () => {
    const s = JSON.parse(readFileSync(schemaPath, "utf8"));
    expect(s.$id).toBe(SCHEMA_ID);
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_ID.endsWith(`/${SCHEMA_FILE}`)).toBe(true);
    expect(s.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  describe("validated by an independent validator (ajv, draft 2020-12)", () => {
    const ajv = new Ajv2020({ allErrors: true });
    ajv.addKeyword("schemaVersion");
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

    it("accepts canonical documents", () => {
      for (const doc of [emptyDocument(), syntheticDocument(3, 15)]) {
        const data = JSON.parse(toCanonicalJson(doc));
        const ok = validate(data);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
      }
    });

    it("rejects documents that break the contract", () => {
      const data = JSON.parse(toCanonicalJson(syntheticDocument(1, 2)));
      data.projects[0].budget.total = "5.00";
      expect(validate(data)).toBe(false);
      const data2 = JSON.parse(toCanonicalJson(emptyDocument()));
      delete data2.projects;
      expect(validate(data2)).toBe(false);
    });
  });
});

describe("canonical JSON", () => {
  it("is byte-identical for the same model, whatever the key insertion order", () => {
    const a = syntheticDocument(2, 5);
    const b = syntheticDocument(2, 5);
    // Same content, different insertion order of a source map.
    const cells = b.projects[0].source.cells;
    b.projects[0].source.cells = Object.fromEntries(Object.entries(cells).reverse());
    expect(toCanonicalJson(a)).toBe(toCanonicalJson(b));
    expect(toCanonicalJson(a).endsWith("}\n")).toBe(true);
  });

  it("orders source-map keys naturally (goals.2 before goals.10)", () => {
    const d = syntheticDocument(1, 1);
    d.projects[0].source.cells = { "goals.10": "B20", "goals.2": "B12", code: "B3" };
    const text = toCanonicalJson(d);
    expect(text.indexOf('"goals.2"')).toBeLessThan(text.indexOf('"goals.10"'));
  });

  it("keeps amounts exact (no float drift in the text)", () => {
    const d = syntheticDocument(1, 1);
    d.projects[0].budget.total = 587.92;
    d.projects[0].budget.fiscal = 0.07;
    const text = toCanonicalJson(d);
    expect(text).toContain('"total": 587.92');
    expect(text).toContain('"fiscal": 0.07');
  });

  it("parses its own output back to the same text", () => {
    const text = toCanonicalJson(syntheticDocument(2, 4));
    const res = parseCanonicalJson(text);
    expect(res.ok).toBe(true);
    if (res.ok) expect(toCanonicalJson(res.document)).toBe(text);
  });

  it("reports bad input in Chinese with the JSON path, never throwing", () => {
    expect(parseCanonicalJson("{not json")).toMatchObject({ ok: false });
    const bad = JSON.parse(toCanonicalJson(syntheticDocument(1, 1)));
    bad.projects[0].spendPlan.mar = "25%";
    const res = parseCanonicalJson(JSON.stringify(bad));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toMatch(/^字段 projects\.0\.spendPlan\.mar：/);
    // A number too large for a double (1e999) reads as Infinity: said as such, not "expected number, received number".
    const huge = parseCanonicalJson(toCanonicalJson(syntheticDocument(1, 1)).replace(/"total":\s*[-0-9.e]+/, '"total": 1e999'));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.errors[0]).toMatch(/^字段 projects\.0\.budget\.total：应为有限的数字，实际是超出范围的数/);
    const future = parseCanonicalJson(JSON.stringify({ ...bad, schemaVersion: SCHEMA_VERSION + 1 }));
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.errors[0]).toContain("schemaVersion");
  });
});

/** A document carrying every v2 key: self-evaluation actuals, mid-term, the department-overall table. */
function fullV2Document() {
  const d = syntheticDocument(1, 3);
  const p = d.projects[0];
  p.layout = "self-eval";
  p.indicators[0] = { ...p.indicators[0], weight: 8, actual: parseTarget("50"), score: 7.5, deviation: "受疫情影响，进度滞后" };
  p.selfEvaluation = {
    funds: [
      { role: "total", label: "年度资金总额", initial: 90, annual: 90, executed: 89.974, rate: 99.97, weight: 10, score: 9.99 },
      { role: "carriedOver", label: "上年结转资金", initial: null, annual: null, executed: null, rate: null, weight: null, score: null },
    ],
    goalsActual: ["完成预算资金89.97万元"],
    totalWeight: 100,
    totalScore: 95.5,
    grade: "优",
    conclusion: "项目按计划完成",
    issues: null,
    measures: null,
  };
  p.midTerm = { goals: ["三年内完成改造"], indicators: [p.indicators[1]] };
  d.overview = {
    summary: "目标1:保障运转",
    items: [],
    safeguards: null,
    goals: ["保障运转"],
    budget: { total: 171.41, fiscal: null, other: null, basic: 110.61, project: 60.8 },
    duties: [{ duty: "地方志编纂", task: "完成年鉴", content: null, project: "年鉴出版经费", amount: 49.8, fiscal: null, other: null }],
    indicators: [p.indicators[2]],
    source: { sheet: "部门整体", range: "A1:E18", cells: { "budget.total": "C4" } },
  };
  return d;
}

describe("schema v2 (additive keys)", () => {
  it("round-trips self-evaluation, mid-term and department-overall keys through canonical JSON", () => {
    const text = toCanonicalJson(fullV2Document());
    const res = parseCanonicalJson(text);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(toCanonicalJson(res.document)).toBe(text);
    const p = res.document.projects[0];
    expect(p.indicators[0].actual?.value).toBe(50);
    expect(p.indicators[0].score).toBe(7.5);
    expect(p.selfEvaluation?.funds[0].executed).toBe(89.974);
    expect(res.document.overview?.budget?.project).toBe(60.8);
    expect(res.document.overview?.duties?.[0].amount).toBe(49.8);
  });

  it("writes no v2 key on a plain target table (v1 documents read the same)", () => {
    const text = toCanonicalJson(syntheticDocument(2, 4));
    for (const key of ['"actual"', '"selfEvaluation"', '"midTerm"', '"duties"', '"weight"']) expect(text).not.toContain(key);
  });

  it("is accepted by the published JSON Schema (ajv)", () => {
    const ajv = new Ajv2020({ allErrors: true });
    ajv.addKeyword("schemaVersion");
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
    const data = JSON.parse(toCanonicalJson(fullV2Document()));
    expect(validate(data)).toBe(true);
    data.projects[0].selfEvaluation.funds[0].role = "budget";
    expect(validate(data)).toBe(false);
  });

  it("imports a v1 document: version and schema URL raised, content unchanged", () => {
    const v2text = toCanonicalJson(syntheticDocument(1, 3));
    const v1 = JSON.parse(v2text);
    v1.schemaVersion = 1;
    v1.$schema = "https://jxmb.example.org/schema/jxmb-v1.schema.json";
    const res = parseCanonicalJson(JSON.stringify(v1));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.document.schemaVersion).toBe(SCHEMA_VERSION);
    expect(res.document.$schema).toBe(SCHEMA_ID);
    expect(toCanonicalJson(res.document)).toBe(v2text);
  });

  it("keeps the published v1 JSON Schema, which v1 documents still validate against", () => {
    const v1Schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "assets", "schema", "jxmb-v1.schema.json"), "utf8"));
    expect(v1Schema.schemaVersion).toBe(1);
    const ajv = new Ajv2020({ allErrors: true });
    ajv.addKeyword("schemaVersion");
    const validate = ajv.compile(v1Schema);
    const v1 = JSON.parse(toCanonicalJson(syntheticDocument(1, 3)));
    v1.schemaVersion = 1;
    expect(validate(v1)).toBe(true);
  });

  it("rejects a self-evaluation with a wrongly typed actual, naming the path in Chinese", () => {
    const data = JSON.parse(toCanonicalJson(fullV2Document()));
    data.projects[0].selfEvaluation.funds[0].executed = "89.974";
    const res = parseCanonicalJson(JSON.stringify(data));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toMatch(/^字段 projects\.0\.selfEvaluation\.funds\.0\.executed：/);
  });
});
