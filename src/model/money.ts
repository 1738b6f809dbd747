/**
 * Exact money handling for amounts in 万元.
 *
 * Amounts are carried as integer 分 (1 万元 = 1,000,000 分; JS safe integers reach ~9×10^9 亿元, plenty).
 * Text is converted by decimal-string arithmetic, never by `parseFloat(x) * 10000`, so "0.07" 万元 is
 * exactly 70,000 分 and summing many amounts never drifts.
 *
 * Precision policy: an amount written with more precision than 0.01 元 (more than 6 decimals in 万元,
 * more than 2 in 元) is rounded half-up (away from zero) to 分 and `rounded` is set, so callers can
 * mention it; it is still `ok`.
 */
import { foldTraditional } from "./han-fold";
import type { Operator } from "./schema";
import { compact, matchOperatorPrefix, matchOperatorSuffix } from "./units";

export type MoneyUnit = "万元" | "元";

/** Operator written in front of an amount ("≤50万元"), normalised; null when none. */
export type MoneyOperator = Operator;

export interface MoneyParse {
  /** True when the input is an amount. */
  ok: boolean;
  /** The amount in integer 分; null unless ok. */
  fen: number | null;
  /** The amount in 万元 (exact decimal, ≤ 6 decimals); null unless ok. */
  wan: number | null;
  /** The unit as written (normalised "万" → "万元"); null for a bare number. */
  unit: MoneyUnit | null;
  /** True when nothing (or only whitespace) was given. */
  empty: boolean;
  /** zh-CN reason why the input is not an amount; null when ok or empty. */
  reason: string | null;
  /** True when the text carried more precision than 0.01 元 and was rounded half-up to 分. */
  rounded: boolean;
  /** Comparison operator in front of the amount, if any ("≤50万元"). */
  operator: MoneyOperator | null;
}

export const FEN_PER_WAN = 1_000_000;
export const FEN_PER_YUAN = 100;

/**
 * Shortest decimal text of a finite number without exponent ("1e-7" → "0.0000001").
 * Uses the number's shortest round-trip representation, so 587.92 → "587.92" exactly.
 */
export function numberToDecimalString(n: number): string {
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  let mant = s.slice(0, e);
  const exp = Number(s.slice(e + 1));
  let sign = "";
  if (mant[0] === "-") {
    sign = "-";
    mant = mant.slice(1);
  }
  const dot = mant.indexOf(".");
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const intLen = (dot < 0 ? mant.length : dot) + exp;
  if (intLen <= 0) return sign + "0." + "0".repeat(-intLen) + digits;
  if (intLen >= digits.length) return sign + digits + "0".repeat(intLen - digits.length);
  return sign + digits.slice(0, intLen) + "." + digits.slice(intLen);
}

/** Result of scaling a decimal string: integer units, or null when the text is not a plain decimal. */
interface Scaled {
  value: number;
  rounded: boolean;
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Scale a plain decimal string ("-12.345", ".5", "7.") by 10^scale into an integer, rounding half-up
 * (away from zero). Returns null for anything else or when the result is not a safe integer.
 */
export function scaleDecimal(text: string, scale: number): Scaled | null {
  let i = 0;
  let neg = false;
  if (text[0] === "-" || text[0] === "+") {
    neg = text[0] === "-";
    i = 1;
  }
  let int = 0;
  let intDigits = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
    intDigits++;
  }
  let frac = 0;
  let fracDigits = 0;
  let roundUp = false;
  let rounded = false;
  if (i < text.length && text[i] === ".") {
    i++;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      if (fracDigits < scale) {
        frac = frac * 10 + c;
        fracDigits++;
      } else {
        if (fracDigits === scale && !rounded) roundUp = c >= 5;
        if (c !== 0) rounded = true;
        fracDigits++;
      }
    }
    if (fracDigits === 0 && intDigits === 0) return null;
  }
  if (i !== text.length || (intDigits === 0 && fracDigits === 0)) return null;
  const kept = Math.min(fracDigits, scale);
  let value = int * 10 ** scale + frac * 10 ** (scale - kept);
  if (roundUp) value += 1;
  if (!Number.isSafeInteger(value) || value > MAX) return null;
  if (neg && value !== 0) value = -value;
  return { value, rounded };
}

function fail(reason: string, empty = false): MoneyParse {
  return {
    ok: false,
    fen: null,
    wan: null,
    unit: null,
    empty,
    reason: empty ? null : reason,
    rounded: false,
    operator: null,
  };
}

const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Parse an amount from a cell value. Numbers are taken as written in `defaultUnit`; text may carry an
 * operator ("≤", "≧"), thousands separators, full-width digits and spaces anywhere (PDF wraps:
 * "587.92 万 元"), and a unit 万元 / 万 / 元. Never throws.
 */
export function parseMoney(
  input: string | number | null | undefined,
  defaultUnit: MoneyUnit = "万元"
): MoneyParse {
  if (input === null || input === undefined) return fail("", true);
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return fail("不是有效的数字");
    const scaled = scaleDecimal(numberToDecimalString(input), defaultUnit === "万元" ? 6 : 2);
    if (!scaled) return fail("金额超出可精确表示的范围");
    return okResult(scaled.value, null, scaled.rounded, null);
  }
  if (typeof input !== "string") return fail("不是金额");
  // Traditional characters folded (250萬, 萬元): the amount is read, the text is not changed.
  let s = compact(foldTraditional(input));
  if (s.length === 0) return fail("", true);
  // Operators come from the one table in units.ts ("≤50万元", "≧200万", "不超过50万元", "50万元以内").
  let operator: MoneyOperator | null = null;
  const pre = matchOperatorPrefix(s);
  if (pre) {
    operator = pre[1];
    s = s.slice(pre[0].length);
  } else {
    const suf = matchOperatorSuffix(s);
    if (suf) {
      operator = suf[1];
      s = s.slice(0, s.length - suf[0].length);
    }
  }
  // A currency sign means 元 when no unit follows ("¥19270", "￥19,270.00").
  let yuanSign = false;
  if (s[0] === "¥" || s[0] === "￥") {
    yuanSign = true;
    s = s.slice(1);
  }
  let unit: MoneyUnit | null = null;
  if (s.endsWith("万元")) {
    unit = "万元";
    s = s.slice(0, -2);
  } else if (s.endsWith("万")) {
    unit = "万元";
    s = s.slice(0, -1);
  } else if (s.endsWith("元")) {
    unit = "元";
    s = s.slice(0, -1);
  }
  if (unit === null && yuanSign) unit = "元";
  if (s.length === 0) return fail(unit ? "只有单位，没有金额数字" : "不是金额");
  if (s.indexOf(",") >= 0) {
    if (!THOUSANDS.test(s)) return fail(`“${input.trim()}”中的逗号不是千位分隔符，无法识别为金额`);
    s = s.replace(/,/g, "");
  }
  const effective = unit ?? defaultUnit;
  const scaled = scaleDecimal(s, effective === "万元" ? 6 : 2);
  if (!scaled) {
    if (/^[+-]?[\d.]+$/.test(s)) return fail(`“${input.trim()}”不是有效的数字`);
    return fail(`“${input.trim()}”不是金额（应为数字，可带单位万元或元）`);
  }
  return okResult(scaled.value, unit, scaled.rounded, operator);
}

function okResult(
  fen: number,
  unit: MoneyUnit | null,
  rounded: boolean,
  operator: MoneyOperator | null
): MoneyParse {
  return { ok: true, fen, wan: fenToWan(fen), unit, empty: false, reason: null, rounded, operator };
}

/** Decimal text of `fen` in 万元, without trailing zeros (5,879,200,000 → "5879.2"). */
function fenToWanText(fen: number, minDecimals: number): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const int = Math.floor(abs / FEN_PER_WAN);
  let frac = String(abs - int * FEN_PER_WAN).padStart(6, "0");
  let end = frac.length;
  while (end > minDecimals && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end);
  return (neg ? "-" : "") + String(int) + (frac.length ? "." + frac : "");
}

/** The number in 万元 whose shortest JS representation is the exact decimal value of `fen`. */
export function fenToWan(fen: number): number {
  return Number(fenToWanText(Math.round(fen), 0));
}

/**
 * Integer 分 of a number in 万元, exact for numbers read from cells (587.92 → 587,920,000), because it
 * scales the number's shortest decimal text instead of multiplying. Rounds half-up past 0.01 元;
 * returns NaN for non-finite or out-of-range input.
 */
export function wanToFen(n: number): number {
  if (!Number.isFinite(n)) return NaN;
  const scaled = scaleDecimal(numberToDecimalString(n), 6);
  return scaled ? scaled.value : NaN;
}

/** Integer 分 of a number in 元 (19270 → 1,927,000). */
export function yuanToFen(n: number): number {
  if (!Number.isFinite(n)) return NaN;
  const scaled = scaleDecimal(numberToDecimalString(n), 2);
  return scaled ? scaled.value : NaN;
}

/** `fen` as 万元 text with at least `minDecimals` decimals (default 2) and no float noise: "587.92", "0.000001". */
export function formatWan(fen: number, minDecimals = 2): string {
  return fenToWanText(Math.round(fen), Math.max(0, Math.min(6, minDecimals)));
}

/** Exact sum of amounts in 分; null/undefined entries count as 0. */
export function sumFen(values: Iterable<number | null | undefined>): number {
  let total = 0;
  for (const v of values) if (typeof v === "number" && Number.isFinite(v)) total += v;
  return total;
}
