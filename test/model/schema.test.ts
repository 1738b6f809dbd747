import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { jsonSchemaText, SCHEMA_FILE } from "../../src/model/json-schema";
import { toCanonicalJson, parseCanonicalJson } from "../../src/model/canonical";
import { emptyDocument, SCHEMA_ID } from "../../src/model/schema";
import { syntheticDocument } from "../helpers/synthetic";

const schemaPath = join(__dirname, "..", "..", "assets", "schema", SCHEMA_FILE);

describe("published JSON Schema", () => {
  it("is current with the zod schema (run `npm run schema` when this fails)", () => {
    expect(readFileSync(schemaPath, "utf8")).toBe(jsonSchemaText());
  });

  it("carries $id and schemaVersion", () => {
    const s = JSON.parse(readFileSync(schemaPath, "utf8"));
    expect(s.$id).toBe(SCHEMA_ID);
    expect(s.schemaVersion).toBe(1);
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
    const v2 = parseCanonicalJson(JSON.stringify({ ...bad, schemaVersion: 2 }));
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.errors[0]).toContain("schemaVersion");
  });
});
