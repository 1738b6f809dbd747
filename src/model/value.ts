/**
 * 指标值 (indicator target value) parser: turns what a table says ("≥95%", "587.92 万 元",
 * "2024 年 12 月底前", "进一步提高", "**", 承德's 符号/值/单位 triple) into a schema `Target`.
 *
 * Parsing happens once at read time, but 300k rows must stay cheap: one compaction pass, table
 * lookups and hand-written scanners; regexes only on the rare text paths. Never throws.
 *
 * Decisions (see also test/fixtures/targets):
 * - Spaces are PDF line-wrap artifacts and are ignored ("进一步 提高", "2023 年 12 月 31 日 前完成"),
 *   except BETWEEN two digits: "1 1566.21平方米" is ambiguous (a stray "1 " or "11566.21"), so it is
 *   kept as kind "text" rather than guessing a number. (SI grouping "11 566.21" is accepted.)
 * - Bare "万" after a number is money (万元) by default — 002 writes every cost "= 69 万" and 004's
 *   "≧200万" is a fine amount — unless `opts.wan === "count"` (then unit "万", kind number).
 * - "N年" with a plausible year N (1900–2100) is a date; otherwise "N年" is a duration ("1年", "≥3年").
 *   "N月" alone is a duration (002's "≤ 12 月"); it is a date only with 底/末/初/旬/日 or a 前 suffix.
 * - "年底"/"年末" → month 12 day 31 (relation "at"); a 前/之前/以前/内/截至 makes it "by"; so does
 *   an operator ≤ or <. Month ends are the month's last day (February of an unknown year → 29).
 * - "以上/以下/以内/内" include the bound → ≥ / ≤. "50余人"/"100多个" → operator ">" (operatorRaw "余"/"多").
 * - Frequencies ("按月发放", "每季度") are kind "text", not dates: they have no calendar point.
 * - Not-applicable marks "/", "-", "—", "——" → kind "empty" (nothing measurable written); raw keeps them.
 * - "**" (any run of *), "涉密" → "redacted"; a hidden number with visible operator/unit ("≥**%") is
 *   "redacted" too and keeps operator and unit.
 * - Words left after a number/date ("100%达标", "…日前完成", "1起（案件）", "约50人") go to `text`;
 *   `text` is null when nothing is left. For grade/text/vague `text` is the whole value without
 *   operator, spaces between Chinese characters removed.
 * - Word operators (不低于, 达到, 为, 控制在 …) only count when a number follows; "达到使用要求" is text.
 * - Small Chinese numerals ("≥三条", "百分之九十") are numbers only when a known unit closes the value,
 *   so "一般", "一次性发放" stay words.
 * - grade = a closed list (GRADES); vague = a direction of change without a number (see isVague);
 *   everything else that is not a number or a date is "text".
 */
import { foldTraditional } from "./han-fold";
import { numberToDecimalString, wanToFen, yuanToFen } from "./money";
import type { Operator, Target, TargetKind } from "./schema";
import { TARGET_SHAPE } from "./schema-shape";
import { shapeMismatch } from "./shape";
import {
  compact,
  matchOperatorPrefix,
  matchOperatorSuffix,
  matchUnitPrefix,
  normalizeOperator,
  WAN,
  type UnitCategory,
} from "./units";

export {
  isPercentUnit,
  isMoneyUnit,
  isDurationUnit,
  normalizeUnit,
  normalizeOperator,
  operatorDirection,
  unitCategory,
} from "./units";

export interface ParseTargetOptions {
  /** How to read a bare "万" after a number: "money" (default) → 万元; "count" → unit "万", kind number. */
  wan?: "money" | "count";
  /**
   * Number format of the cell when the value is a number ("0%", "0.00%"): a percent format means the
   * user sees 0.95 as "95%", so the target is percent 95 with raw "95%". Ignored for text.
   */
  numberFormat?: string | null;
}

/** True for an Excel number format that displays percentages ("0%", "0.00%"; not "0.00\\%" or '0"%"'). */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  // Drop quoted literals and escaped characters before looking for the % placeholder.
  const f = format.replace(/"[^"]*"|\\./g, "");
  return f.indexOf("%") >= 0;
}

/** `n` × 100 exactly, by moving the decimal point in the shortest decimal text (0.07 → 7, not 7.000000000000001). */
function times100(n: number): number {
  const s = numberToDecimalString(n);
  const neg = s[0] === "-";
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf(".");
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot + 1);
  const padded = frac.padEnd(2, "0");
  const out = int + padded.slice(0, 2) + (padded.length > 2 ? "." + padded.slice(2) : "");
  return Number((neg ? "-" : "") + out);
}

type TargetDate = NonNullable<Target["date"]>;

// ---------------------------------------------------------------------------------------------
// Closed lists

/** Qualitative grades (whole value, compact). */
const GRADES: ReadonlySet<string> = new Set([
  "优",
  "优秀",
  "优良",
  "良",
  "良好",
  "好",
  "较好",
  "很好",
  "中",
  "中等",
  "一般",
  "差",
  "较差",
  "合格",
  "不合格",
  "基本合格",
  "达标",
  "不达标",
  "是",
  "否",
  "有",
  "无",
  "有效",
  "无效",
  "满意",
  "较满意",
  "比较满意",
  "基本满意",
  "非常满意",
  "十分满意",
  "很满意",
  "不满意",
  "通过",
  "未通过",
  "完成",
  "已完成",
  "未完成",
  "全部完成",
  "按时完成",
  "符合",
  "不符合",
  "符合要求",
  "符合标准",
  "达到",
  "未达到",
  "达到要求",
  "达到标准",
  "正常",
  "异常",
  "全覆盖",
  "全部",
  "零",
  "高",
  "较高",
  "低",
  "较低",
  "及时",
  "按时",
  "准时",
  "显著",
  "明显",
  "稳定",
  "安全",
]);

/** Adverbs of degree/manner that make a change-phrase unmeasurable ("进一步提高", "有所提升"). */
export const VAGUE_ADVERBS = [
  "进一步",
  "有所",
  "有效",
  "逐步",
  "逐年",
  "明显",
  "稳步",
  "显著",
  "大幅",
  "大大",
  "不断",
  "持续",
  "切实",
  "全面",
  "更加",
  "日益",
  "积极",
  "充分",
  "极大",
  "大力",
  "着力",
  "较大",
  "很大",
  "一定程度",
];
/** Direction verbs of a change-phrase ("提高", "降低"). */
export const VAGUE_VERBS = [
  "提高",
  "提升",
  "改善",
  "增强",
  "加强",
  "降低",
  "减少",
  "下降",
  "增加",
  "增长",
  "好转",
  "发挥",
  "优化",
  "完善",
  "巩固",
  "扩大",
  "改进",
  "改变",
  "缩短",
  "上升",
  "减轻",
  "遏制",
  "强化",
];

/** Kind "empty" placeholders (not-applicable marks). */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "/",
  "\\",
  "-",
  "--",
  "—",
  "——",
  "–",
  "_",
  "…",
  "……",
  "、",
]);

/** Prefixes that introduce a date ("截至2024年底"); the ones marked true imply a deadline. */
const DATE_PREFIXES: ReadonlyArray<readonly [string, boolean]> = [
  ["截止到", true],
  ["截止至", true],
  ["截至", true],
  ["截止", true],
  ["到", true],
  ["至", true],
  ["于", false],
  ["在", false],
];

/** Suffixes that turn a date into a deadline. */
const BY_SUFFIXES = ["之前", "以前", "前", "以内", "之内", "内", "为止", "止"];

// ---------------------------------------------------------------------------------------------
// Small scanners on compact text

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface NumberScan {
  text: string;
  end: number;
}

/** A decimal number at `i` ("12", "1,234.5", ".5" not accepted); strict thousands grouping. */
function scanNumber(s: string, i: number): NumberScan | null {
  const start = i;
  if (s[i] === "-" || s[i] === "+") {
    if (!isDigit(s.charCodeAt(i + 1))) return null;
    i++;
  }
  const intStart = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === intStart) return null;
  let digits = s.slice(intStart, i);
  // Thousands separators: 1-3 digits then groups of exactly 3.
  if (s[i] === "," && i - intStart <= 3 && isDigit(s.charCodeAt(i + 1))) {
    let j = i;
    let grouped = digits;
    while (
      s[j] === "," &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3)) &&
      !isDigit(s.charCodeAt(j + 4))
    ) {
      grouped += s.slice(j + 1, j + 4);
      j += 4;
    }
    if (j > i) {
      digits = grouped;
      i = j;
    }
  }
  let text = (s[start] === "-" ? "-" : "") + digits;
  if (s[i] === "." && isDigit(s.charCodeAt(i + 1))) {
    const f = i + 1;
    i++;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    text += "." + s.slice(f, i);
  }
  return { text, end: i };
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SCALES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral below 10,000 at `i` ("三", "十二", "二十", "一百零五"); null when none. */
function scanChineseNumber(s: string, i: number): { value: number; end: number } | null {
  let total = 0;
  let digit = -1;
  let lastScale = Infinity;
  let j = i;
  for (; j < s.length; j++) {
    const ch = s[j];
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      if (digit >= 0 && d !== 0 && s[j - 1] !== "零" && s[j - 1] !== "〇") break; // "三四" is not a number
      digit = d;
      continue;
    }
    const sc = CN_SCALES[ch];
    if (sc !== undefined) {
      if (sc >= lastScale) break; // "十十" is not a number
      lastScale = sc;
      total += (digit < 0 ? 1 : digit) * sc;
      digit = -1;
      continue;
    }
    break;
  }
  if (j === i) return null;
  if (digit > 0) total += digit;
  // "百" alone at the start is not a numeral we accept (百分比), and "十" alone means 10.
  if (s[i] === "百" || s[i] === "千") return null;
  return { value: total, end: j };
}

function lastDayOfMonth(year: number | null, month: number): number {
  if (month === 2)
    return year === null ? 29 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function readInt(s: string, i: number, maxLen: number): { n: number; end: number } | null {
  let n = 0;
  let j = i;
  while (j < s.length && j - i < maxLen + 1 && isDigit(s.charCodeAt(j))) {
    n = n * 10 + s.charCodeAt(j) - 48;
    j++;
  }
  if (j === i || j - i > maxLen) return null;
  return { n, end: j };
}

interface DateScan {
  date: TargetDate;
  /** Words left after the date and its deadline suffix. */
  rest: string;
}

const QUARTERS: ReadonlyArray<readonly [string, number]> = [
  ["第一季度", 3],
  ["一季度", 3],
  ["第二季度", 6],
  ["二季度", 6],
  ["第三季度", 9],
  ["三季度", 9],
  ["第四季度", 12],
  ["四季度", 12],
];

/** Year-relative phrases (after an optional "YYYY年" or 当年/本年/年度). Month/day/by. */
const YEAR_PHRASES: ReadonlyArray<readonly [string, number | null, number | null, boolean]> = [
  ["年度内", 12, 31, true],
  ["年底前", 12, 31, true],
  ["年末前", 12, 31, true],
  ["年底", 12, 31, false],
  ["年末", 12, 31, false],
  ["年内", 12, 31, true],
  ["年初", 1, null, false],
  ["年中", 6, 30, false],
  ["上半年", 6, 30, false],
  ["下半年", 12, 31, false],
];

/**
 * A date at the start of compact text `s`. Accepts "2024年", "2024年底", "2024年12月31日",
 * "2024.12.31", "2024-12", "12月底", "12月31日", "年底前", "当年", quarters, with an optional 截至/于
 * prefix and 前/之前/内 suffix. Returns null when `s` is not a date (or leftover words contain digits).
 */
function scanDate(s: string): DateScan | null {
  // Fast exit: every date form has 年/月/季 or starts with "YYYY." / "YYYY-" / "YYYY/".
  if (s.indexOf("年") < 0 && s.indexOf("月") < 0 && s.indexOf("季") < 0) {
    const sep = s[4];
    if (
      !(sep === "." || sep === "-" || sep === "/") ||
      !isDigit(s.charCodeAt(0)) ||
      !isDigit(s.charCodeAt(3))
    )
      return null;
  }
  let i = 0;
  let by = false;
  for (const [p, isBy] of DATE_PREFIXES) {
    if (s.startsWith(p)) {
      i = p.length;
      by = isBy;
      break;
    }
  }
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let matched = false;
  const y = readInt(s, i, 4);
  if (
    y &&
    y.end - i === 4 &&
    y.n >= 1900 &&
    y.n <= 2100 &&
    (s[y.end] === "年" || s[y.end] === "." || s[y.end] === "-" || s[y.end] === "/")
  ) {
    year = y.n;
    matched = true;
    if (s[y.end] === "年") {
      i = y.end + 1;
      if (s.startsWith("度", i)) i++;
    } else {
      // Numeric form: 2024.12(.31), 2024-12(-31), 2024/12(/31)
      const sep = s[y.end];
      const m = readInt(s, y.end + 1, 2);
      if (!m) return null;
      month = m.n;
      i = m.end;
      if (s[i] === sep) {
        const d = readInt(s, i + 1, 2);
        if (!d) return null;
        day = d.n;
        i = d.end;
      }
      if (s[i] === "日" || s[i] === "号") i++;
    }
  } else {
    // Year-relative words: 当年/本年/本年度/今年 + phrase, or a bare phrase.
    for (const w of ["本年度", "当年度", "本年", "当年", "今年"]) {
      if (s.startsWith(w, i)) {
        // "本年" itself ends with 年: let the phrase table see "年…".
        i += w.length - 1;
        matched = true;
        break;
      }
    }
  }
  if (
    year !== null ||
    matched ||
    s[i] === "年" ||
    s.startsWith("上半年", i) ||
    s.startsWith("下半年", i)
  ) {
    // Phrase after the year ("年底" includes its 年 when no YYYY was read; after "2024年" the 年 is consumed).
    // After "2024年" the 年 is consumed: try the phrase with and without it ("年底" vs "上半年").
    const yearEaten = year !== null && s[i - 1] === "年";
    let phraseHit = false;
    for (const [p, pm, pd, pby] of YEAR_PHRASES) {
      const back = yearEaten && p[0] === "年" ? 1 : 0;
      if (back ? s.startsWith(p, i - 1) : s.startsWith(p, i)) {
        month = pm;
        day = pd;
        by = by || pby;
        i += p.length - back;
        matched = true;
        phraseHit = true;
        break;
      }
    }
    if (!phraseHit && year === null && matched) {
      // "当年" alone: the year itself.
      if (s[i] === "年") i++;
    }
    if (!phraseHit) {
      for (const [q, qm] of QUARTERS) {
        if (s.startsWith(q, i)) {
          month = qm;
          day = lastDayOfMonth(year, qm);
          i += q.length;
          matched = true;
          phraseHit = true;
          break;
        }
      }
    }
  }
  // Month (and day) in words: "12月底", "12月31日".
  if (month === null) {
    const m = readInt(s, i, 2);
    if (m && s[m.end] === "月") {
      const mm = m.n;
      let j = m.end + 1;
      let dd: number | null = null;
      let monthMarked = false;
      const d = readInt(s, j, 2);
      if (d && (s[d.end] === "日" || s[d.end] === "号")) {
        dd = d.n;
        j = d.end + 1;
        monthMarked = true;
      } else if (s.startsWith("底", j) || s.startsWith("末", j)) {
        dd = mm >= 1 && mm <= 12 ? lastDayOfMonth(year, mm) : null;
        j++;
        monthMarked = true;
      } else if (s.startsWith("下旬", j)) {
        dd = mm >= 1 && mm <= 12 ? lastDayOfMonth(year, mm) : null;
        j += 2;
        monthMarked = true;
      } else if (s.startsWith("中旬", j)) {
        dd = 20;
        j += 2;
        monthMarked = true;
      } else if (s.startsWith("上旬", j)) {
        dd = 10;
        j += 2;
        monthMarked = true;
      } else if (s.startsWith("初", j) || s.startsWith("份", j)) {
        j++;
        monthMarked = true;
      }
      // Without a year, a bare "N月" is a duration unless a deadline suffix follows ("6月前").
      if (year !== null || monthMarked || startsWithAny(s, j, BY_SUFFIXES)) {
        month = mm;
        day = dd;
        i = j;
        matched = true;
      }
    }
  }
  if (!matched) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || month === null || day > lastDayOfMonth(year, month))) return null;
  for (const suf of BY_SUFFIXES) {
    if (s.startsWith(suf, i)) {
      by = true;
      i += suf.length;
      break;
    }
  }
  const rest = s.slice(i);
  for (let k = 0; k < rest.length; k++) if (isDigit(rest.charCodeAt(k))) return null;
  return { date: { year, month, day, relation: by ? "by" : "at" }, rest };
}

function startsWithAny(s: string, i: number, list: readonly string[]): boolean {
  for (const w of list) if (s.startsWith(w, i)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Text helpers on the original string

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/** Two digits separated only by spaces ("1 1566.21"), not counting SI grouping by threes. */
function hasSplitDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!isSpace(s.charCodeAt(i))) continue;
    const a = i - 1;
    if (a < 0 || !isDigitAny(s.charCodeAt(a))) continue;
    let b = i;
    while (b < s.length && isSpace(s.charCodeAt(b))) b++;
    if (b >= s.length || !isDigitAny(s.charCodeAt(b))) {
      i = b;
      continue;
    }
    // SI grouping: exactly three digits follow and then a non-digit or another group.
    let k = b;
    while (k < s.length && isDigitAny(s.charCodeAt(k))) k++;
    let lead = a;
    while (lead >= 0 && isDigitAny(s.charCodeAt(lead))) lead--;
    if (k - b === 3 && a - lead <= 3) {
      i = k - 1;
      continue;
    }
    return true;
  }
  return false;
}

function isDigitAny(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Display text: spaces next to a non-ASCII character removed (PDF wraps), other runs collapsed to one
 * space, trimmed, trailing 。；; removed.
 */
export function cleanTargetText(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      plain = false;
      break;
    }
  }
  if (plain) {
    const last = s[s.length - 1];
    if (last !== "。" && last !== "；" && last !== ";") return s;
  }
  // Build from slices and remember the last kept char: reading back from a growing string is quadratic.
  const parts: string[] = [];
  let prev = -1;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = prev >= 0;
      continue;
    }
    if (pendingSpace) {
      if (prev < 0x80 && c < 0x80) parts.push(" ");
      pendingSpace = false;
    }
    parts.push(s[i]);
    prev = c;
  }
  const out = parts.join("");
  let end = out.length;
  while (end > 0 && (out[end - 1] === "。" || out[end - 1] === "；" || out[end - 1] === ";")) end--;
  return end === out.length ? out : out.slice(0, end);
}

/** The original spelling of the first `n` non-space characters of `s` (spaces dropped). */
function originalPrefix(s: string, n: number): { text: string; end: number } {
  let text = "";
  let i = 0;
  let seen = 0;
  while (i < s.length && seen < n) {
    if (!isSpace(s.charCodeAt(i))) {
      text += s[i];
      seen++;
    }
    i++;
  }
  return { text, end: i };
}

// ---------------------------------------------------------------------------------------------
// Target construction

function make(
  raw: string,
  kind: TargetKind,
  operator: Operator | null,
  operatorRaw: string | null,
  value: number | null,
  valueMax: number | null,
  unit: string | null,
  date: TargetDate | null,
  text: string | null
): Target {
  return { raw, kind, operator, operatorRaw, value, valueMax, unit, date, text };
}

function kindOf(category: UnitCategory | null): TargetKind {
  switch (category) {
    case "percent":
      return "percent";
    case "money":
      return "money";
    case "duration":
      return "duration";
    default:
      return "number";
  }
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) return true;
  return false;
}

/** Strip one layer of brackets around leftover words: "(设备)" → "设备". */
function unbracket(s: string): string {
  const a = s[0];
  const z = s[s.length - 1];
  if (
    (a === "(" && z === ")") ||
    (a === "[" && z === "]") ||
    (a === "【" && z === "】") ||
    (a === "（" && z === "）")
  )
    return s.slice(1, -1);
  return s;
}

/**
 * Vague = a direction of change with no measurable value. True when (no digits and) one of:
 * an adverb immediately followed by a change verb anywhere ("…质量进一步提高", "有所提升");
 * a short value (≤ 6 chars) that starts with an adverb ("持续发挥", "有效保障") or is a bare verb ("提升");
 * a single clause (≤ 10 chars, no comma) that starts with a change verb ("降低案发率", "提升破案率").
 * Longer statements ("提高威慑力，减少发案率，…") are plain text.
 */
function isVague(c: string): boolean {
  if (hasDigit(c)) return false;
  for (const a of VAGUE_ADVERBS) {
    let k = c.indexOf(a);
    while (k >= 0) {
      const after = k + a.length;
      if (after === c.length && c.length <= 6 && k === 0) return true;
      for (const v of VAGUE_VERBS) if (c.startsWith(v, after)) return true;
      if (k === 0 && c.length <= 6) return true;
      k = c.indexOf(a, k + 1);
    }
  }
  for (const v of VAGUE_VERBS) {
    if (c.startsWith(v)) {
      if (c.length === v.length) return true;
      if (c.length <= 10 && !/[，,；;。、]/.test(c)) return true;
      break;
    }
  }
  return false;
}

/** Qualities that are not measures, written where a unit should be ("1 长期", "≥1 明显"). */
const QUALITY_WORDS = ["长期", "短期", "长效", "持久", "明显", "显著", "有效", "良好", "稳定", "较好", "突出", "普遍", "逐步", "持续"];

/**
 * True when `word` (the text after a number) is a quality, a grade or a change-phrase rather than a
 * unit: "长期", "明显", "有效提升", "良好". Used by value/vague-unit; lexicons are this module's.
 */
export function isQualityWord(word: string): boolean {
  const c = word.replace(/[\s\u3000]+/g, "");
  if (!c || hasDigit(c)) return false;
  if (GRADES.has(c) || isVague(c)) return true;
  for (const w of QUALITY_WORDS) if (c.startsWith(w)) return true;
  for (const a of VAGUE_ADVERBS) if (c.startsWith(a)) return true;
  return false;
}

/** Unit after a number at `i` of compact `s`: normalised unit, category and end; null unit when none. */
function scanUnit(
  s: string,
  i: number,
  opts: ParseTargetOptions | undefined
): { unit: string | null; category: UnitCategory | null; end: number } {
  if (i >= s.length) return { unit: null, category: null, end: i };
  const hit = matchUnitPrefix(s, i);
  if (
    s.charCodeAt(i) === 0x4e07 /* 万 */ &&
    (!hit || hit.info.unit === "万元" || hit.length === 0)
  ) {
    if (hit && hit.info.unit === "万元")
      return { unit: "万元", category: "money", end: i + hit.length };
    if (opts?.wan === "count") return { unit: WAN, category: "count", end: i + 1 };
    return { unit: "万元", category: "money", end: i + 1 };
  }
  if (hit) return { unit: hit.info.unit, category: hit.info.category, end: i + hit.length };
  return { unit: null, category: null, end: i };
}

const APPROX_PREFIXES = ["大约", "约为", "约", "近"];

const RANGE_SEPARATORS = ["-", "~", "—", "–", "〜", "至", "到"];

/**
 * Parse a compact body (operator already removed) that starts with a number. Returns null when the
 * body is not "number [unit] [range] [suffix] [few words]".
 */
function parseNumeric(
  raw: string,
  body: string,
  op: Operator | null,
  opRaw: string | null,
  opts: ParseTargetOptions | undefined
): Target | null {
  // Approximations keep their value; the word goes to `text` ("约50人", "50人左右").
  let approx: string | null = null;
  for (const w of APPROX_PREFIXES) {
    if (body.startsWith(w) && isDigit(body.charCodeAt(w.length))) {
      approx = w;
      body = body.slice(w.length);
      break;
    }
  }
  if (body.endsWith("左右")) {
    approx = approx ?? "左右";
    body = body.slice(0, -2);
  }
  // "百分之95", "百分之九十" → "95%", "90%".
  if (body.startsWith("百分之")) {
    const n = isDigit(body.charCodeAt(3)) ? scanNumber(body, 3) : null;
    if (n) body = body.slice(3, n.end) + "%" + body.slice(n.end);
    else {
      const cn = scanChineseNumber(body, 3);
      if (cn) body = String(cn.value) + "%" + body.slice(cn.end);
    }
  }
  // Small Chinese numerals ("三条", "百分之九十") only when a known unit closes the value exactly.
  let chinese = false;
  if (!isDigit(body.charCodeAt(0)) && body.length > 1) {
    const cn = scanChineseNumber(body, 0);
    if (cn) {
      body = String(cn.value) + body.slice(cn.end);
      chinese = true;
    }
  }
  const n1 = scanNumber(body, 0);
  if (!n1) return null;
  let i = n1.end;
  let operator = op;
  let operatorRaw = opRaw;
  // "50余人", "100多个": more than N.
  if (body[i] === "余" || (body[i] === "多" && i + 1 < body.length)) {
    if (operator === null) {
      operator = ">";
      operatorRaw = body[i];
    }
    i++;
  }
  let u = scanUnit(body, i, opts);
  i = u.end;
  let valueMax: number | null = null;
  for (const sep of RANGE_SEPARATORS) {
    if (body.startsWith(sep, i)) {
      const n2 = scanNumber(body, i + sep.length);
      if (!n2 || n2.text[0] === "-") break;
      const u2 = scanUnit(body, n2.end, opts);
      if (u.unit !== null && u2.unit !== null && u.unit !== u2.unit) return null;
      valueMax = Number(n2.text);
      if (u2.unit !== null) u = { unit: u2.unit, category: u2.category, end: u2.end };
      i = u2.end;
      break;
    }
  }
  let rest = body.slice(i);
  if (rest.length > 0) {
    // A closing suffix operator ("95分以上", "3天内"); words in between make it plain text.
    const suf = matchOperatorSuffix(rest);
    if (suf && suf[0].length === rest.length) {
      if (operator === null) {
        operator = suf[1];
        operatorRaw = suf[0];
      }
      rest = "";
    }
  }
  if (chinese && (rest.length > 0 || u.unit === null)) return null;
  if (rest.length > 0) {
    if (hasDigit(rest)) return null; // several values in one cell
    if (u.unit === null) {
      // Unknown counting word right after the number ("4 只" is known; "3 艘" is not): keep short words as the unit.
      if (rest.length <= 2 && !/[，,。；;、：:（）()【】\[\]]/.test(rest)) {
        u = { unit: rest, category: null, end: body.length };
        rest = "";
      } else return null;
    }
  }
  const value = Number(n1.text);
  if (!Number.isFinite(value) || (valueMax !== null && !Number.isFinite(valueMax))) return null; // 400 digits
  const kind = kindOf(u.category);
  const words = rest.length > 0 ? unbracket(rest) : null;
  return make(
    raw,
    kind,
    operator,
    operatorRaw,
    value,
    valueMax,
    u.unit,
    null,
    approx !== null ? (words ? approx + " " + words : approx) : words
  );
}

/** Core parser on one written value (`text`) whose display raw is `raw`. */
function parseText(raw: string, text: string, opts: ParseTargetOptions | undefined): Target {
  const c0 = compact(text);
  if (c0.length === 0) return make(raw, "empty", null, null, null, null, null, null, null);
  // Trailing sentence punctuation is noise.
  let c = c0;
  while (
    c.length > 0 &&
    (c.endsWith("。") || c.endsWith(";") || c.endsWith("；") || c.endsWith(",") || c.endsWith("、"))
  )
    c = c.slice(0, -1);
  if (c.length === 0 || PLACEHOLDERS.has(c))
    return make(raw, "empty", null, null, null, null, null, null, null);
  let stars = true;
  for (let k = 0; k < c.length; k++) {
    if (c[k] !== "*" && c[k] !== "×" && c[k] !== "※") {
      stars = false;
      break;
    }
  }
  if ((stars && c.indexOf("*") >= 0) || c === "涉密")
    return make(raw, "redacted", null, null, null, null, null, null, null);

  const splitDigits = hasSplitDigits(text);
  const opHit = matchOperatorPrefix(c);
  let operator: Operator | null = null;
  let operatorRaw: string | null = null;
  let body = c;
  let textStart = 0;
  if (opHit) {
    const symbolic = opHit[0].charCodeAt(0) < 0x4e00;
    const after = c.slice(opHit[0].length);
    // Word operators only when a number follows ("不低于95%"), never before words ("达到使用要求").
    if (
      symbolic ||
      isDigit(after.charCodeAt(0)) ||
      CN_DIGITS[after[0]] !== undefined ||
      after[0] === "十"
    ) {
      operator = opHit[1];
      const orig = originalPrefix(text, opHit[0].length);
      operatorRaw = orig.text;
      body = after;
      textStart = orig.end;
    }
  }
  // A hidden number with its operator/unit still visible ("≥**%", 承德 "≥ | ** | %").
  if (body[0] === "*") {
    let k = 1;
    while (body[k] === "*") k++;
    const u = k === body.length ? null : scanUnit(body, k, opts);
    if (u === null || (u.unit !== null && u.end === body.length))
      return make(raw, "redacted", operator, operatorRaw, null, null, u?.unit ?? null, null, null);
  }
  if (body.length === 0)
    return make(
      raw,
      "text",
      operator,
      operatorRaw,
      null,
      null,
      null,
      null,
      cleanTargetText(text) || null
    );

  if (!splitDigits) {
    // Dates before numbers: "2024.12.31" must not read as 2024.12, "2024年" is not a duration.
    const d = scanDate(body);
    if (d) {
      const date =
        operator === "≤" || operator === "<" ? { ...d.date, relation: "by" as const } : d.date;
      return make(
        raw,
        "date",
        operator,
        operatorRaw,
        null,
        null,
        null,
        date,
        d.rest.length > 0 ? d.rest : null
      );
    }
    const num = parseNumeric(raw, body, operator, operatorRaw, opts);
    if (num) return num;
  }

  const words = cleanTargetText(text.slice(textStart)) || cleanTargetText(text);
  if (GRADES.has(body))
    return make(raw, "grade", operator, operatorRaw, null, null, null, null, words);
  if (isVague(body))
    return make(raw, "vague", operator, operatorRaw, null, null, null, null, words);
  return make(raw, "text", operator, operatorRaw, null, null, null, null, words);
}

/**
 * Parse one 指标值 cell. `raw` in the result is the input exactly as given (numbers as their shortest
 * decimal text, null/undefined as ""). Never throws; always returns a schema-valid Target.
 */
export function parseTarget(
  raw: string | number | null | undefined,
  opts?: ParseTargetOptions
): Target {
  try {
    if (raw === null || raw === undefined)
      return make("", "empty", null, null, null, null, null, null, null);
    if (typeof raw === "number") {
      if (!Number.isFinite(raw))
        return make(String(raw), "text", null, null, null, null, null, null, String(raw));
      if (isPercentFormat(opts?.numberFormat)) {
        const pct = times100(raw);
        return make(`${pct}%`, "percent", null, null, pct, null, "%", null, null);
      }
      return make(String(raw), "number", null, null, raw, null, null, null, null);
    }
    if (typeof raw !== "string") {
      const s = String(raw);
      return make(s, "text", null, null, null, null, null, null, s);
    }
    // Parsed with traditional characters folded (萬元, 不低於, 個, 顯著): raw stays as written.
    return cached(raw, opts, () => parseText(raw, foldTraditional(raw), opts));
  } catch {
    // Defensive: a parser bug must not break reading a workbook.
    const s = typeof raw === "string" ? raw : String(raw);
    return make(s, "text", null, null, null, null, null, null, s);
  }
}

// Values repeat massively ("≥95%" is half of some documents): remember recent results, hand out copies
// (callers may mutate what they get). Bounded; cleared wholesale when full.
const CACHE_LIMIT = 4096;
const cache = new Map<string, Target>();

function cached(key: string, opts: ParseTargetOptions | undefined, parse: () => Target): Target {
  if (key.length > 200) return parse(); // long prose: rare, not worth the memory
  const k = opts?.wan === "count" ? "\u0001" + key : key;
  let t = cache.get(k);
  if (t === undefined) {
    t = parse();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(k, t);
  }
  return copyTarget(t);
}

function copyTarget(t: Target): Target {
  return {
    raw: t.raw,
    kind: t.kind,
    operator: t.operator,
    operatorRaw: t.operatorRaw,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    date:
      t.date === null
        ? null
        : { year: t.date.year, month: t.date.month, day: t.date.day, relation: t.date.relation },
    text: t.text,
  };
}

/** 符号 values that mean "the value is a description in the 单位（文字描述） column". */
const DESCRIPTIVE_SYMBOLS: ReadonlySet<string> = new Set([
  "文字描述",
  "定性",
  "文字",
  "描述",
  "定性描述",
  "定性指标",
  "文本",
  "无",
]);

/**
 * Parse 承德's 符号 / 值 / 单位（文字描述） triple. `raw` is the non-blank parts, trimmed, joined by one
 * space ("≥ 90 百分比", "文字描述 优"). 符号 "文字描述"/"定性" (or blank 符号 and 值) → the text in the
 * 单位 column decides grade/text/vague. Never throws.
 */
export function parseTargetParts(
  symbol: string | null | undefined,
  value: string | number | null | undefined,
  unit: string | null | undefined,
  opts?: ParseTargetOptions
): Target {
  try {
    const sym = (symbol ?? "").trim();
    const val =
      typeof value === "number"
        ? Number.isFinite(value)
          ? String(value)
          : ""
        : (value ?? "").trim();
    const un = (unit ?? "").trim();
    const parts: string[] = [];
    if (sym) parts.push(sym);
    if (val) parts.push(val);
    if (un) parts.push(un);
    const raw = parts.join(" ");
    return cached("\u0002" + sym + "\u0003" + val + "\u0003" + un, opts, () =>
      parseParts(raw, foldTraditional(sym), foldTraditional(val), foldTraditional(un), opts)
    );
  } catch {
    const raw = [symbol, value, unit]
      .map((p) => String(p ?? "").trim())
      .filter(Boolean)
      .join(" ");
    return make(raw, "text", null, null, null, null, null, null, raw);
  }
}

function parseParts(
  raw: string,
  sym: string,
  val: string,
  un: string,
  opts: ParseTargetOptions | undefined
): Target {
  {
    const symC = compact(sym);
    if (DESCRIPTIVE_SYMBOLS.has(symC) || (symC.length === 0 && compact(val).length === 0)) {
      // The description normally sits in the 单位 column; a value there too is read with it.
      return parseText(raw, val && un ? val + un : un || val, opts);
    }
    const op = normalizeOperator(sym);
    if (op === null) {
      // Unknown 符号: read the three cells as one written value.
      return parseText(raw, sym + val + un, opts);
    }
    const inner = parseText(raw, val + (un ? " " + un : ""), opts);
    if (inner.kind === "empty") return inner;
    if (inner.operator !== null && inner.operatorRaw !== null) return inner; // operator written twice: keep the inner one
    const date =
      inner.date && (op === "≤" || op === "<")
        ? { ...inner.date, relation: "by" as const }
        : inner.date;
    return { ...inner, operator: op, operatorRaw: sym, date };
  }
}

/** Amount in integer 分 when the target is a plain 万元/元 money value (not a rate like 元/人); else null. */
export function targetFen(t: Target): number | null {
  if (t.kind !== "money" || t.value === null) return null;
  const fen = t.unit === "万元" ? wanToFen(t.value) : t.unit === "元" ? yuanToFen(t.value) : NaN;
  return Number.isFinite(fen) ? fen : null;
}

/** Runtime check helper for tests and readers. */
export function isValidTarget(t: unknown): t is Target {
  return shapeMismatch(TARGET_SHAPE, t) === null;
}

/** True when the target carries a measurable number (number, percent, money, duration kinds with a value). */
export function isNumericTarget(t: Target): boolean {
  return (
    t.value !== null &&
    (t.kind === "number" || t.kind === "percent" || t.kind === "money" || t.kind === "duration")
  );
}

/**
 * Canonical display text of a target, for messages and for writing a clean template:
 * "≥95%", "≤50万元", "90-95%", "2024年12月31日前", "进一步提高", "**". Words left beside a number
 * ("约", "达标") are not repeated; the raw text is in `t.raw`.
 */
export function formatTarget(t: Target): string {
  switch (t.kind) {
    case "empty":
      return "";
    case "redacted":
      return (t.operator ?? "") + "**" + (t.unit ?? "");
    case "number":
    case "percent":
    case "money":
    case "duration": {
      if (t.value === null) return t.text ?? t.raw.trim();
      const range = t.valueMax !== null ? `-${String(t.valueMax)}` : "";
      return (t.operator ?? "") + String(t.value) + range + (t.unit ?? "");
    }
    case "date": {
      const d = t.date;
      if (!d) return t.raw.trim();
      let out = "";
      if (d.year !== null) out += `${d.year}年`;
      if (d.month !== null) out += `${d.month}月`;
      if (d.day !== null) out += `${d.day}日`;
      if (out === "") out = "当年";
      return d.relation === "by" ? out + "前" : out;
    }
    default:
      return (t.operator ?? "") + (t.text ?? cleanTargetText(t.raw));
  }
}
