/**
 * Table-driven: every distinct 指标值 of the four seed documents (and every 承德 符号/值/单位 triple)
 * against the Target we decided for it, row by row (test/fixtures/targets/seed-targets.tsv).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Target } from "../../src/model/schema";
import { parseTarget, parseTargetParts } from "../../src/model/value";

const FIXTURE = join(__dirname, "..", "fixtures", "targets", "seed-targets.tsv");

function unescape(s: string): string {
  return s.replace(/\\(u3000|t|n|\\)/g, (_, e: string) =>
    e === "u3000" ? "\u3000" : e === "t" ? "\t" : e === "n" ? "\n" : "\\"
  );
}
const orNull = (s: string): string | null => (s === "" ? null : unescape(s));
const numOrNull = (s: string): number | null => (s === "" ? null : Number(s));
function dateOrNull(s: string): Target["date"] {
  if (s === "") return null;
  const m = /^(\d+|\?)\/(\d+|\?)\/(\d+|\?) (by|at)$/.exec(s);
  if (!m) throw new Error(`bad date in fixture: ${s}`);
  const n = (x: string) => (x === "?" ? null : Number(x));
  return { year: n(m[1]), month: n(m[2]), day: n(m[3]), relation: m[4] as "by" | "at" };
}

interface Row {
  source: string;
  level2: string;
  count: number;
  form: "raw" | "parts";
  raw: string;
  symbol: string;
  value: string;
  unit: string;
  expected: Omit<Target, "raw">;
  note: string;
}

const lines = readFileSync(FIXTURE, "utf8").split("\n");
const header = lines.find((l) => l.startsWith("source\t"))!.split("\t");
const rows: Row[] = lines
  .filter((l) => l.length > 0 && !l.startsWith("#") && !l.startsWith("source\t"))
  .map((l) => {
    const f = l.split("\t");
    if (f.length !== header.length) throw new Error(`fixture line has ${f.length} fields: ${l}`);
    const [
      source,
      level2,
      count,
      form,
      raw,
      symbol,
      value,
      unit,
      kind,
      operator,
      operatorRaw,
      expValue,
      valueMax,
      expUnit,
      date,
      text,
      note,
    ] = f;
    return {
      source,
      level2,
      count: Number(count),
      form: form as "raw" | "parts",
      raw: unescape(raw),
      symbol: unescape(symbol),
      value: unescape(value),
      unit: unescape(unit),
      expected: {
        kind: kind as Target["kind"],
        operator: orNull(operator) as Target["operator"],
        operatorRaw: orNull(operatorRaw),
        value: numOrNull(expValue),
        valueMax: numOrNull(valueMax),
        unit: orNull(expUnit),
        date: dateOrNull(date),
        text: orNull(text),
      },
      note,
    };
  });

describe("seed 指标值 table", () => {
  test("the table covers the four seeds (hundreds of distinct values, 700+ rows)", () => {
    expect(rows.length).toBeGreaterThanOrEqual(330);
    const seeds = new Set(rows.map((r) => r.source.slice(0, 3)));
    expect([...seeds].sort()).toEqual(["000", "001", "002", "004"]);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBeGreaterThanOrEqual(738);
    const keys = rows.map((r) =>
      r.form === "raw" ? `R${r.raw}` : `P${r.symbol}|${r.value}|${r.unit}`
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(
    rows.map(
      (r) =>
        [r.source, r.form === "raw" ? r.raw : `${r.symbol} | ${r.value} | ${r.unit}`, r] as const
    )
  )("%s %p", (_s, _label, r) => {
    const t = r.form === "raw" ? parseTarget(r.raw) : parseTargetParts(r.symbol, r.value, r.unit);
    const expectedRaw =
      r.form === "raw"
        ? r.raw
        : [r.symbol, r.value, r.unit]
            .map((p) => p.trim())
            .filter(Boolean)
            .join(" ");
    expect(t).toEqual({ raw: expectedRaw, ...r.expected });
    expect(Target.safeParse(t).success).toBe(true);
  });
});
