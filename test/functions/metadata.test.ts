/**
 * The metadata Excel sees: generated from src/functions/functions.ts by custom-functions-metadata
 * (the generator the webpack plugin runs), then localized to zh-CN from locale-zh-CN.json by
 * scripts/addin-build.js. Ids, names and parameters are asserted explicitly: ids are stored in users'
 * workbooks and must never change.
 */
import { join } from "path";
import { readFileSync } from "fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { localizeFunctionsMetadata, type FunctionTranslation } from "../../scripts/addin-build";
import { FUNCTIONS } from "../../src/functions/functions";

const ROOT = join(__dirname, "..", "..");
const SOURCE = join(ROOT, "src", "functions", "functions.ts");
const TABLE: Record<string, FunctionTranslation> = JSON.parse(
  readFileSync(join(ROOT, "src", "functions", "locale-zh-CN.json"), "utf8")
);

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

/** The design: id, English name, zh-CN name, parameters as "name:type[:matrix][?]", result dimensionality. */
const DESIGN: Array<{
  id: string;
  name: string;
  zh: string;
  params: string[];
  result: "scalar" | "matrix";
}> = [
  {
    id: "SPENDPLANCHECK",
    name: "SPENDPLAN.CHECK",
    zh: "支出计划校验",
    params: ["plan:any:matrix", "jun:any?", "oct:any?", "dec:any?", "budget:any?"],
    result: "matrix",
  },
  {
    id: "SPENDPLANAMOUNTS",
    name: "SPENDPLAN.AMOUNTS",
    zh: "支出计划金额",
    params: ["plan:any:matrix", "budget:any", "perPeriod:boolean?"],
    result: "matrix",
  },
  {
    id: "BUDGETCHECK",
    name: "BUDGET.CHECK",
    zh: "预算数校验",
    params: ["total:any", "fiscal:any", "other:any?"],
    result: "scalar",
  },
  {
    id: "AMOUNT",
    name: "AMOUNT",
    zh: "金额万元",
    params: ["text:any", "unit:string?"],
    result: "scalar",
  },
  {
    id: "COSTTOTAL",
    name: "COST.TOTAL",
    zh: "成本合计",
    params: ["indicators:any:matrix", "valueColumn:number?"],
    result: "scalar",
  },
  {
    id: "COSTCHECK",
    name: "COST.CHECK",
    zh: "成本校验",
    params: ["indicators:any:matrix", "budget:any", "valueColumn:number?"],
    result: "scalar",
  },
  {
    id: "TARGETPARSE",
    name: "TARGET.PARSE",
    zh: "指标值解析",
    params: ["value:any", "symbol:any?", "unit:any?"],
    result: "matrix",
  },
];

function paramSig(p: Param): string {
  return `${p.name}:${p.type}${p.dimensionality === "matrix" ? ":matrix" : ""}${p.optional ? "?" : ""}`;
}

// Excel built-ins and Excel 4 macro functions our names could be confused with (naming doc: avoid
// clashes in any language; avoid XLM names such as RUN or ECHO).
const BUILT_INS = new Set(
  "ABS AMORDEGRC AMORLINC AND AREAS AVERAGE BASE BETA.DIST CALL CHECK.COMMAND COS COSH COT COTH COUNT COUPDAYS ECHO EXEC GOTO HALT RESULT RETURN RUN SUM T TAN TEXT TRIM VALUE".split(
    " "
  )
);

/** A1 (up to column XFD) or R1C1 reference, which Excel would parse instead of our name. */
function looksLikeCell(s: string): boolean {
  return /^[A-Z]{1,3}[0-9]{1,7}$/.test(s) || /^R[0-9]*C[0-9]*$/.test(s);
}

let functions: Fn[];
let defaultJson: string;
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  defaultJson = result.metadataJson;
  functions = JSON.parse(defaultJson).functions;
  associate = result.associate;
}, 60000);

describe("generated functions.json", () => {
  test("ids, names, parameters and result shapes are as designed", () => {
    expect(functions.map((f) => f.id)).toEqual(DESIGN.map((d) => d.id));
    for (const d of DESIGN) {
      const f = functions.find((x) => x.id === d.id)!;
      expect({ id: d.id, name: f.name }).toEqual({ id: d.id, name: d.name });
      expect({ id: d.id, params: f.parameters.map(paramSig) }).toEqual({
        id: d.id,
        params: d.params,
      });
      expect({ id: d.id, result: f.result.dimensionality ?? "scalar" }).toEqual({
        id: d.id,
        result: d.result,
      });
      // No volatile, streaming or cancelable function: all results depend only on their inputs.
      expect(f.options ?? {}).toEqual({});
      expect(f.description!.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description!.length).toBeGreaterThan(5);
    }
  });

  test("ids and names follow the naming rules and do not clash", () => {
    for (const f of functions) {
      for (const s of [f.id, f.name]) {
        expect(s.length).toBeGreaterThanOrEqual(3);
        expect(s).toMatch(/^[A-Z][A-Z0-9.]*$/); // uppercase ASCII; dots only in names
        for (const part of [s, ...s.split(".")])
          expect({ s, cellLike: looksLikeCell(part) }).toEqual({ s, cellLike: false });
        expect({ s, builtIn: BUILT_INS.has(s) }).toEqual({ s, builtIn: false });
      }
      expect(f.id).toMatch(/^[A-Z0-9]+$/); // no dots in ids: the sheet XML stores "." as "_"
    }
  });

  test("ids are unique, names are unique, and no name is another function's id", () => {
    const ids = functions.map((f) => f.id);
    const names = functions.map((f) => f.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    functions.forEach((f) => expect(ids.filter((id) => id === f.name && id !== f.id)).toEqual([]));
  });

  test("every function in the source is registered by id to the implementation tests call", () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(functions.map((f) => f.id).sort());
    for (const a of associate) {
      const impl = (FUNCTIONS as Record<string, { name: string }>)[a.id];
      expect({ id: a.id, fn: impl.name }).toEqual({ id: a.id, fn: a.functionName });
    }
  });
});

describe("zh-CN functions metadata (functions.zh-CN.json)", () => {
  const cjk = /[\u4e00-\u9fff]/;

  test("is complete: every function and parameter has a Chinese name and description", () => {
    const { json, errors } = localizeFunctionsMetadata(defaultJson, TABLE, "zh-CN");
    expect(errors).toEqual([]);
    const zh: Fn[] = JSON.parse(json).functions;
    expect(zh.map((f) => f.id)).toEqual(functions.map((f) => f.id));
    for (const d of DESIGN) {
      const f = zh.find((x) => x.id === d.id)!;
      const en = functions.find((x) => x.id === d.id)!;
      expect({ id: d.id, name: f.name }).toEqual({ id: d.id, name: d.zh });
      expect(cjk.test(f.description!)).toBe(true);
      expect(f.description).not.toBe(en.description);
      // Same parameters in the same order with the same types: only the words change.
      expect(f.parameters.map((p) => [p.type, p.dimensionality, p.optional])).toEqual(
        en.parameters.map((p) => [p.type, p.dimensionality, p.optional])
      );
      expect(f.result).toEqual(en.result);
      for (const p of f.parameters) {
        expect({
          id: d.id,
          param: p.name,
          chinese: cjk.test(p.name) && cjk.test(p.description!),
        }).toEqual({ id: d.id, param: p.name, chinese: true });
        expect(p.name).toMatch(/^\p{L}[\p{L}\p{N}._]*$/u);
      }
      expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
    }
    expect(new Set(zh.map((f) => f.name)).size).toBe(zh.length);
  });

  test("a missing, stale or invalid translation is reported (the build then fails)", () => {
    const broken: Record<string, FunctionTranslation> = JSON.parse(JSON.stringify(TABLE));
    delete broken.AMOUNT;
    delete broken.BUDGETCHECK.parameters!.other;
    broken.COSTTOTAL.parameters!.gone = { name: "旧参数", description: "已删除" };
    broken.TARGETPARSE.name = "1指标";
    broken.COSTCHECK.name = broken.COSTTOTAL.name;
    broken.SPENDPLANCHECK.description = " ";
    broken.OLDFUNC = { name: "旧函数", description: "已删除" };
    const { errors } = localizeFunctionsMetadata(defaultJson, broken, "zh-CN");
    expect(errors).toEqual(
      expect.arrayContaining([
        "zh-CN: no translation for function AMOUNT",
        "zh-CN: no translation for parameter BUDGETCHECK(other)",
        "zh-CN: stale translation for parameter COSTTOTAL(gone)",
        expect.stringMatching(/TARGETPARSE\.name "1指标" is not a valid function name/),
        expect.stringMatching(
          /COSTCHECK and COSTTOTAL share the name|COSTTOTAL and COSTCHECK share the name/
        ),
        "zh-CN: SPENDPLANCHECK.description is empty",
        "zh-CN: stale translation for function OLDFUNC",
      ])
    );
    expect(errors).toHaveLength(7);
  });
});
