/**
 * Property tests: the 指标值 parser and the money parser never throw and always return schema-valid
 * results, for random strings, random unicode, and strings assembled from the grammar's own pieces
 * (operators, digits, units, date words, spaces), which reach the deep branches random text misses.
 */
import fc from "fast-check";
import { Target } from "../../src/model/schema";
import { fenToWan, formatWan, parseMoney, wanToFen } from "../../src/model/money";
import { parseTarget, parseTargetParts } from "../../src/model/value";

const PIECES = [
  "≥",
  "≤",
  "≧",
  "≦",
  "＞",
  "＜",
  "＝",
  "=",
  ">",
  "<",
  ">=",
  "<=",
  "不低于",
  "不超过",
  "以上",
  "以下",
  "以内",
  "内",
  "达到",
  "控制在",
  "0",
  "1",
  "9",
  "12",
  "95",
  "100",
  "2024",
  "１",
  "９",
  ".",
  ",",
  "，",
  "-",
  "—",
  "~",
  "～",
  "至",
  "+",
  "%",
  "％",
  "百分比",
  "万",
  "万元",
  "元",
  "元/人",
  "万元/年",
  "平方米",
  "平米",
  "㎡",
  "人",
  "人次",
  "个",
  "处",
  "套",
  "次",
  "天",
  "个工作日",
  "小时",
  "月",
  "年",
  "起（案件）",
  "年底",
  "底",
  "前",
  "之前",
  "日",
  "号",
  "上半年",
  "季度",
  "截至",
  "当年",
  "完成",
  "优",
  "良好",
  "合格",
  "进一步",
  "提高",
  "有效",
  "提升",
  "有所",
  "按月发放",
  "*",
  "**",
  " ",
  "\u3000",
  "\t",
  "余",
  "多",
  "约",
  "左右",
  "百分之",
  "(",
  "（",
  "）",
  "；",
  "。",
  "e",
  "NaN",
];
const grammar = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join(""));
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  grammar
);

function assertValid(t: Target, raw: string): void {
  const r = Target.safeParse(t);
  if (!r.success) throw new Error(`invalid Target for ${JSON.stringify(raw)}: ${r.error.message}`);
  if (t.value !== null && !Number.isFinite(t.value))
    throw new Error(`non-finite value for ${JSON.stringify(raw)}`);
  if (t.kind === "percent" || t.kind === "money" || t.kind === "duration") {
    if (t.value === null || t.unit === null)
      throw new Error(`${t.kind} without value/unit for ${JSON.stringify(raw)}`);
  }
  if (t.kind === "date" && t.date === null)
    throw new Error(`date kind without date for ${JSON.stringify(raw)}`);
}

describe("parseTarget never throws", () => {
  test("random and grammar-built strings → schema-valid Target with raw kept", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const t = parseTarget(s);
        assertValid(t, s);
        expect(t.raw).toBe(s);
      }),
      { numRuns: 3000 }
    );
  });

  test("random numbers and odd inputs", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined)),
        (n) => {
          assertValid(parseTarget(n as number | null | undefined), String(n));
        }
      ),
      { numRuns: 1000 }
    );
    // Wrong runtime types from untyped callers (cells of JS).
    for (const odd of [true, {}, [], Symbol.iterator, 10n] as unknown[])
      assertValid(parseTarget(odd as string), String(typeof odd));
  });

  test("parts: random triples → schema-valid Target", () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (a, b, c) => {
        assertValid(parseTargetParts(a, b, c), `${a}|${b}|${c}`);
      }),
      { numRuns: 1500 }
    );
  });

  test("number + unit round-trips the value exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom("%", "万元", "元", "人", "个", "平方米", "天"),
        fc.constantFrom("", "≥", "≤", "＞", "="),
        (n, decimals, unit, op) => {
          const text = decimals === 0 ? String(n) : (n / 10 ** decimals).toFixed(decimals);
          const t = parseTarget(`${op}${text}${unit}`);
          expect(t.value).toBe(Number(text));
          expect(t.operatorRaw).toBe(op === "" ? null : op);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe("hostile inputs", () => {
  test("numbers too large for a double are text, not Infinity", () => {
    const t = parseTarget("9".repeat(400) + "%");
    assertValid(t, "9…%");
    expect(t).toMatchObject({ kind: "text", value: null });
  });
  test("100k-character cells stay linear", () => {
    const inputs = [
      "1 ".repeat(50_000),
      "进一步".repeat(30_000),
      "9".repeat(100_000) + "%",
      "*".repeat(100_000),
      "2024年".repeat(20_000),
      " ".repeat(100_000) + "1",
    ];
    const t0 = Date.now();
    for (const s of inputs) {
      assertValid(parseTarget(s), s.slice(0, 10));
      expect(typeof parseMoney(s).ok).toBe("boolean");
    }
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe("parseMoney never throws and is exact", () => {
  test("random strings", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const m = parseMoney(s);
        expect(typeof m.ok).toBe("boolean");
        if (m.ok) {
          expect(Number.isSafeInteger(m.fen)).toBe(true);
          expect(m.wan).toBe(fenToWan(m.fen!));
          expect(m.reason).toBeNull();
        } else {
          expect(m.fen).toBeNull();
          expect(m.empty || (typeof m.reason === "string" && m.reason.length > 0)).toBe(true);
        }
      }),
      { numRuns: 3000 }
    );
  });

  test("decimal text with ≤ 6 decimals is exact (checked with BigInt)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        (units, decimals) => {
          const s = units.toString().padStart(decimals + 1, "0");
          const text = decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
          const expected = units * 10n ** BigInt(6 - decimals);
          const m = parseMoney(`${text} 万元`);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(m).toMatchObject({ ok: false, empty: false, fen: null });
            return;
          }
          expect(m.ok).toBe(true);
          expect(BigInt(m.fen!)).toBe(expected);
          expect(m.rounded).toBe(false);
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("fen → wan → fen round-trips; formatWan reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (fen) => {
        expect(wanToFen(fenToWan(fen))).toBe(fen);
        expect(parseMoney(formatWan(fen)).fen).toBe(fen);
      }),
      { numRuns: 3000 }
    );
  });
});
