import {
  fenToWan,
  formatWan,
  parseMoney,
  scaleDecimal,
  sumFen,
  wanToFen,
  yuanToFen,
  numberToDecimalString,
} from "../../src/model/money";

describe("parseMoney", () => {
  const ok: Array<[string | number, number, "万元" | "元" | null]> = [
    ["5.00", 5_000_000, null],
    ["50 万元", 50_000_000, "万元"],
    ["1437.66 万元", 1_437_660_000, "万元"],
    ["587.92 万 元", 587_920_000, "万元"],
    ["19270元", 1_927_000, "元"],
    ["≧200万", 200_000_000, "万元"],
    ["≤50万元", 50_000_000, "万元"],
    ["1,234.5", 1_234_500_000, null],
    ["２０.０００000\u3000", 20_000_000, null],
    ["20.000000\u3000", 20_000_000, null],
    ["0.07", 70_000, null],
    [587.92, 587_920_000, null],
    [49.3, 49_300_000, null],
    [0.000001, 1, null],
    [0, 0, null],
  ];
  test.each(ok)("%p → %p 分", (input, fen, unit) => {
    const r = parseMoney(input);
    expect(r).toMatchObject({ ok: true, fen, unit, empty: false, reason: null });
    expect(r.wan).toBe(fenToWan(fen));
  });

  test("word operators, suffix operators and currency signs", () => {
    expect(parseMoney("不超过50万元")).toMatchObject({
      ok: true,
      fen: 50_000_000,
      operator: "≤",
      unit: "万元",
    });
    expect(parseMoney("50万元以内")).toMatchObject({ ok: true, fen: 50_000_000, operator: "≤" });
    expect(parseMoney("＞＝ 3 万")).toMatchObject({ ok: true, fen: 3_000_000, operator: "≥" });
    expect(parseMoney("¥19270")).toMatchObject({ ok: true, fen: 1_927_000, unit: "元" });
    expect(parseMoney("￥1,234.50")).toMatchObject({ ok: true, fen: 123_450, unit: "元" });
  });

  test("operators are reported", () => {
    expect(parseMoney("≤50万元").operator).toBe("≤");
    expect(parseMoney("≧200万").operator).toBe("≥");
    expect(parseMoney("50").operator).toBeNull();
  });

  test("default unit 元", () => {
    expect(parseMoney("19270", "元")).toMatchObject({ ok: true, fen: 1_927_000, wan: 1.927 });
    expect(parseMoney(19270, "元").fen).toBe(1_927_000);
    expect(parseMoney("3万元", "元").fen).toBe(3_000_000);
  });

  test.each([null, undefined, "", "   ", "\u3000", "\u3000\u3000 "])("empty %p", (input) => {
    expect(parseMoney(input as string)).toMatchObject({
      ok: false,
      empty: true,
      fen: null,
      reason: null,
    });
  });

  test.each(["abc", "万元", "进一步提高", "1.2.3", "12,34", "-", ".", "1e5", "NaN"])(
    "not an amount: %p",
    (input) => {
      const r = parseMoney(input);
      expect(r.ok).toBe(false);
      expect(r.empty).toBe(false);
      expect(r.reason).toMatch(/金额|数字/);
    }
  );

  test("non-finite numbers are not amounts", () => {
    expect(parseMoney(Number.NaN).ok).toBe(false);
    expect(parseMoney(Infinity).ok).toBe(false);
  });

  test("sub-分 precision rounds half-up and is flagged", () => {
    expect(parseMoney("1.0000005")).toMatchObject({ ok: true, fen: 1_000_001, rounded: true });
    expect(parseMoney("1.0000004")).toMatchObject({ ok: true, fen: 1_000_000, rounded: true });
    expect(parseMoney("1.0000000")).toMatchObject({ ok: true, fen: 1_000_000, rounded: false });
    expect(parseMoney("0.125元")).toMatchObject({ ok: true, fen: 13, rounded: true });
  });

  test("too large is not an amount", () => {
    expect(parseMoney("99999999999999999").ok).toBe(false);
  });
});

describe("exact conversions", () => {
  test("wanToFen uses the shortest decimal, not multiplication", () => {
    expect(1.005 * 1_000_000).not.toBe(1_005_000); // the float trap we avoid
    expect(wanToFen(1.005)).toBe(1_005_000);
    expect(wanToFen(0.07)).toBe(70_000);
    expect(wanToFen(587.92)).toBe(587_920_000);
    expect(wanToFen(1.15)).toBe(1_150_000);
    expect(wanToFen(-2.5)).toBe(-2_500_000);
    expect(wanToFen(1e-7)).toBe(0);
    expect(wanToFen(5e-7)).toBe(1);
    expect(wanToFen(Number.NaN)).toBeNaN();
  });
  test("yuanToFen", () => {
    expect(yuanToFen(19270)).toBe(1_927_000);
    expect(yuanToFen(0.29)).toBe(29);
  });
  test("fenToWan gives the exact decimal", () => {
    expect(fenToWan(70_000)).toBe(0.07);
    expect(fenToWan(587_920_000)).toBe(587.92);
    expect(fenToWan(1)).toBe(0.000001);
    expect(fenToWan(-1_500_000)).toBe(-1.5);
    expect(String(fenToWan(12_345_678_901))).toBe("12345.678901");
  });
  test("formatWan", () => {
    expect(formatWan(587_920_000)).toBe("587.92");
    expect(formatWan(5_000_000)).toBe("5.00");
    expect(formatWan(70_000)).toBe("0.07");
    expect(formatWan(1)).toBe("0.000001");
    expect(formatWan(5_000_000, 0)).toBe("5");
    expect(formatWan(-1_234_500_000)).toBe("-1234.50");
  });
  test("sums never drift", () => {
    const parts = Array.from({ length: 1000 }, () => wanToFen(0.07));
    expect(sumFen(parts)).toBe(70_000_000);
    expect(fenToWan(sumFen(parts))).toBe(70);
    expect(sumFen([wanToFen(11), wanToFen(8), wanToFen(3), null, undefined])).toBe(wanToFen(22));
    // 20 + 40 + 25 + 29.87 = 114.87 exactly (001#17)
    expect(fenToWan(sumFen([20, 40, 25, 29.87].map(wanToFen)))).toBe(114.87);
  });
  test("numberToDecimalString expands exponents", () => {
    expect(numberToDecimalString(1e-7)).toBe("0.0000001");
    expect(numberToDecimalString(1.5e-9)).toBe("0.0000000015");
    expect(numberToDecimalString(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimalString(-2.5e-7)).toBe("-0.00000025");
  });
  test("scaleDecimal rejects non-decimals", () => {
    expect(scaleDecimal("1.2.3", 6)).toBeNull();
    expect(scaleDecimal("", 6)).toBeNull();
    expect(scaleDecimal("-", 6)).toBeNull();
    expect(scaleDecimal(".5", 2)).toEqual({ value: 50, rounded: false });
    expect(scaleDecimal("7.", 2)).toEqual({ value: 700, rounded: false });
  });
});
