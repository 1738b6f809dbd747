/**
 * A small, strict XML 1.0 tokenizer for the parts of an .xlsx package (no namespaces, no DTDs).
 *
 * Why not saxes (which the reader used before): saxes reads one character at a time through a state
 * machine and rebuilds text around every entity; a template sheet's check formulas are mostly
 * `&quot;`, so reading a 224-project workbook spent a third of its CPU in saxes and half in the
 * garbage it left. Here the scanner walks the part's UTF-8 bytes from one `<` to the next and makes
 * no string or object per tag: a tag or attribute name is found again by its bytes (decoded and
 * checked once), attributes sit in one reused list and are decoded only when the handler asks, and
 * a text run is checked and decoded in one pass.
 *
 * It is as strict as the reader needs to refuse what saxes refused (the differential test holds the
 * two readers together on malformed parts too): characters outside XML 1.0's Char production, tag
 * and attribute names, quoted attribute values without `<`, duplicate attributes, the five predefined
 * entities and character references only, `]]>` in text, comments without `--`, balanced tags, one
 * root and no text outside it. Line ends and attribute whitespace are normalised as XML requires
 * (saxes did the same), so values read exactly as before.
 * Pure TypeScript: no Node, no DOM (the standalone page runs it in a Web Worker).
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/**
 * The attributes of the tag being reported, valid only during the `open` call (one object is reused
 * for every tag). Values are checked when the tag is read and decoded only when asked for: most of
 * what a sheet carries (spans, dyDescent, ht…) is never looked at.
 */
export interface XmlAttributes {
  readonly length: number;
  /** Name of attribute i, as written (prefix included). */
  name(i: number): string;
  /** Value of attribute i, decoded and normalised. */
  value(i: number): string;
  /** Value of the attribute named `name` exactly, or undefined. */
  get(name: string): string | undefined;
  /**
   * Value i, when written the way Excel writes a cell reference ("B7": one to three capital letters,
   * a row without leading zeros, inside Excel's grid): its 1-based column, its row in `refRow`.
   * 0 for any other spelling (read the string then). No string is made.
   */
  cellRef(i: number): number;
  /** Row of the last reference cellRef read. */
  readonly refRow: number;
  /** Value i when it is one to nine ASCII digits and nothing else: their number; -1 otherwise. No string is made. */
  digits(i: number): number;
}

export interface XmlHandler {
  /** A start tag (also for `<x/>`, followed at once by close). `name` is as written, prefix included; `local` without it. */
  open(name: string, attributes: XmlAttributes, local: string): void;
  /** Character data inside the root (entities decoded, CDATA included); never empty. */
  text(s: string): void;
  /** An end tag, by its local name (prefix removed). */
  close(local: string): void;
}

/** The attributes as a plain (null-prototype) object: for tests and callers that keep them. */
export function attributesOf(a: XmlAttributes): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (let i = 0; i < a.length; i++) out[a.name(i)] = a.value(i);
  return out;
}

// NameStartChar / NameChar of XML 1.0 (5th edition); astral letters through their surrogate pairs.
const NAME =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|^[\uD800-\uDB7F][\uDC00-\uDFFF]/;
const NAME_REST =
  /^(?:[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|[\uD800-\uDB7F][\uDC00-\uDFFF])*$/;

/**
 * Open elements at once. Spreadsheet parts nest a dozen levels; without a bound, a part of nothing but
 * start tags (`<v><t><v>…`, elements no limit counts) kept one stack entry per 3 bytes: a 60 MB part
 * from a 330 KB file held 20 million of them (930 MB).
 */
export const MAX_DEPTH = 1000;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QMARK = 0x3f;
const AMP = 0x26;
const SEMI = 0x3b;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;

/** Byte tables for the tag scanner (a lookup is cheaper than a call while the code is still interpreted). */
const SPACES = new Uint8Array(256);
SPACES[0x20] = SPACES[0x0a] = SPACES[0x09] = SPACES[0x0d] = 1;
/** Bytes that end a tag name: whitespace, `>`, `/`. */
const TAG_NAME_END = SPACES.slice();
TAG_NAME_END[0x3e] = TAG_NAME_END[0x2f] = 1;
/** Bytes that end an attribute name: those and `=`. */
const ATTR_NAME_END = TAG_NAME_END.slice();
ATTR_NAME_END[0x3d] = 1;

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

const utf8 = new TextDecoder("utf-8");

/** Bytes [s, e), all ASCII, as a string: short ones without a call through an argument list. */
function ascii(b: Uint8Array, s: number, e: number): string {
  switch (e - s) {
    case 0:
      return "";
    case 1:
      return ONE[b[s]];
    case 2:
      return String.fromCharCode(b[s], b[s + 1]);
    case 3:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2]);
    case 4:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    default:
      return e - s <= 64 ? String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]) : utf8.decode(b.subarray(s, e));
  }
}
const ONE: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/** Code units of a short run being decoded by hand. */
const units: number[] = [];

/**
 * UTF-8 bytes [s, e) as a string. Short runs (a Chinese label, a cached result) are decoded here —
 * the decoder's per-call cost is several times the work — but only when they are valid UTF-8; anything
 * else goes to TextDecoder, whose U+FFFD replacements are the reference.
 */
function utf8String(b: Uint8Array, s: number, e: number): string {
  if (e - s > 96) return utf8.decode(b.subarray(s, e));
  units.length = 0;
  for (let i = s; i < e; ) {
    const c = b[i];
    if (c < 0x80) {
      units.push(c);
      i++;
    } else if (c >= 0xc2 && c < 0xe0) {
      const c1 = b[i + 1];
      if (i + 1 >= e || (c1 & 0xc0) !== 0x80) return utf8.decode(b.subarray(s, e));
      units.push(((c & 0x1f) << 6) | (c1 & 0x3f));
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0) {
      const c1 = b[i + 1];
      const c2 = b[i + 2];
      if (i + 2 >= e || (c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return utf8.decode(b.subarray(s, e));
      const u = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      // Overlong forms and surrogates are not UTF-8.
      if (u < 0x800 || (u >= 0xd800 && u <= 0xdfff)) return utf8.decode(b.subarray(s, e));
      units.push(u);
      i += 3;
    } else {
      // Four-byte sequences (astral characters) and invalid bytes: rare, the decoder's job.
      return utf8.decode(b.subarray(s, e));
    }
  }
  return String.fromCharCode.apply(null, units);
}

/** Bytes [s, e) as a string, whatever they hold (messages, comments, PI targets). */
function str(b: Uint8Array, s: number, e: number): string {
  for (let i = s; i < e; i++) if (b[i] >= 0x80) return utf8String(b, s, e);
  return ascii(b, s, e);
}

function checkName(name: string, what: string): void {
  if (name === "" || !NAME.test(name) || !NAME_REST.test(name.slice(name.charCodeAt(0) >= 0xd800 && name.charCodeAt(0) <= 0xdbff ? 2 : 1))) {
    throw new XmlError(`disallowed character in ${what} name: ${JSON.stringify(name.slice(0, 40))}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Names: tags and attributes repeat (c, v, row, r, s, t…). Each distinct spelling is decoded and
// checked once, then found again by its bytes: no string and no regex per tag.

interface NameEntry {
  bytes: Uint8Array;
  name: string;
  local: string;
  next: NameEntry | null;
}

const NAME_TABLE_SIZE = 1024;
const nameTable: (NameEntry | null)[] = new Array<NameEntry | null>(NAME_TABLE_SIZE).fill(null);
let namesKept = 0;
/** Names longer than this, or past this many, are decoded and checked every time (bounded memory). */
const NAME_KEEP_BYTES = 64;
const NAME_KEEP_MAX = 4096;

function nameHash(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return (h >>> 0) & (NAME_TABLE_SIZE - 1);
}

function findName(b: Uint8Array, s: number, e: number, slot: number): NameEntry | null {
  const n = e - s;
  outer: for (let x = nameTable[slot]; x !== null; x = x.next) {
    const k = x.bytes;
    if (k.length !== n) continue;
    for (let i = 0; i < n; i++) if (k[i] !== b[s + i]) continue outer;
    return x;
  }
  return null;
}

function localOf(name: string): string {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
}

/** The name written in bytes [s, e), checked against XML's Name production. */
function nameAt(b: Uint8Array, s: number, e: number, what: string): NameEntry {
  const slot = e - s <= NAME_KEEP_BYTES ? nameHash(b, s, e) : -1;
  if (slot >= 0) {
    const hit = findName(b, s, e, slot);
    if (hit !== null) return hit;
  }
  const name = str(b, s, e);
  checkName(name, what);
  const entry: NameEntry = { bytes: b.slice(s, e), name, local: localOf(name), next: null };
  if (slot >= 0 && namesKept < NAME_KEEP_MAX) {
    entry.next = nameTable[slot];
    nameTable[slot] = entry;
    namesKept++;
  }
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Runs: character data and attribute values, checked in one pass over their bytes.

function isXmlChar(n: number): boolean {
  return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

// Characters XML 1.0 forbids anywhere (lone surrogates cannot come out of TextDecoder).
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Byte classes for the pass over a run. */
const K_CTL = 1; // a control character XML forbids
const K_WS = 2; // tab, LF, CR: rewritten in attribute values, CR in text
const K_AMP = 3;
const K_LT = 4;
const K_GT = 5;
const K_HIGH = 6; // a byte of a multi-byte character
const CLASS = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) CLASS[c] = K_CTL;
CLASS[TAB] = CLASS[LF] = CLASS[CR] = K_WS;
CLASS[AMP] = K_AMP;
CLASS[LT] = K_LT;
CLASS[GT] = K_GT;
for (let c = 0x80; c < 0x100; c++) CLASS[c] = K_HIGH;

/** What a run holds beyond plain ASCII: bits for the decoder. */
const F_REWRITE = 1; // whitespace to normalise or an entity to replace
const F_HIGH = 2; // non-ASCII bytes

/** The entity starting at `amp` (its `&`), up to a `;` before `e`: its code point, or an error as in saxes. */
function entityAt(b: Uint8Array, amp: number, e: number): { code: number; end: number } {
  let semi = amp + 1;
  while (semi < e && b[semi] !== SEMI) semi++;
  if (semi >= e) throw new XmlError("unterminated entity");
  entityResult.end = semi + 1;
  const n = semi - amp - 1;
  const c1 = b[amp + 1];
  if (n === 4 && c1 === 0x71 && b[amp + 2] === 0x75 && b[amp + 3] === 0x6f && b[amp + 4] === 0x74) entityResult.code = QUOT;
  else if (n === 3 && c1 === 0x61 && b[amp + 2] === 0x6d && b[amp + 3] === 0x70) entityResult.code = AMP;
  else if (n === 2 && c1 === 0x6c && b[amp + 2] === 0x74) entityResult.code = LT;
  else if (n === 2 && c1 === 0x67 && b[amp + 2] === 0x74) entityResult.code = GT;
  else if (n === 4 && c1 === 0x61 && b[amp + 2] === 0x70 && b[amp + 3] === 0x6f && b[amp + 4] === 0x73) entityResult.code = APOS;
  else if (c1 === 0x23 && n >= 2) {
    // &#123; or &#x7B;
    const hex = b[amp + 2] === 0x78;
    let v = 0;
    let digits = 0;
    for (let i = amp + (hex ? 3 : 2); i < semi; i++) {
      const c = b[i];
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (hex && c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (hex && c >= 0x41 && c <= 0x46) d = c - 0x37;
      else throw new XmlError(`undefined entity: ${JSON.stringify(str(b, amp + 1, Math.min(semi, amp + 21)))}`);
      v = Math.min(v * (hex ? 16 : 10) + d, 0x7fffffff);
      digits++;
    }
    if (digits === 0) throw new XmlError(`undefined entity: ${JSON.stringify(str(b, amp + 1, Math.min(semi, amp + 21)))}`);
    if (!isXmlChar(v)) throw new XmlError("malformed character entity");
    entityResult.code = v;
  } else if (n === 0) throw new XmlError("empty entity name");
  else throw new XmlError(`undefined entity: ${JSON.stringify(str(b, amp + 1, Math.min(semi, amp + 21)))}`);
  return entityResult;
}
const entityResult = { code: 0, end: 0 };

/**
 * Check the run [s, e) — character data (`attr` false) or an attribute value — and say what decoding
 * it needs (F_ bits). Throws XmlError on a character XML forbids, a `<` in an attribute value, `]]>`
 * in text, or an entity other than the five predefined ones and character references.
 */
function checkRun(b: Uint8Array, s: number, e: number, attr: boolean): number {
  let f = 0;
  for (let i = s; i < e; i++) {
    const k = CLASS[b[i]];
    if (k === 0) continue;
    switch (k) {
      case K_CTL:
        throw new XmlError("disallowed character");
      case K_WS:
        if (attr || b[i] === CR) f |= F_REWRITE;
        break;
      case K_AMP:
        f |= F_REWRITE;
        i = entityAt(b, i, e).end - 1;
        break;
      case K_LT:
        // Text runs end at `<`; only an attribute value can hold one.
        throw new XmlError("disallowed character < in attribute value");
      case K_GT:
        if (!attr && i - 2 >= s && b[i - 1] === 0x5d && b[i - 2] === 0x5d) throw new XmlError('the string "]]>" is disallowed in char data');
        break;
      default:
        // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
        f |= F_HIGH;
        if (b[i] === 0xef && i + 2 < e && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) throw new XmlError("disallowed character");
    }
  }
  return f;
}

/** Scratch space for rewritten runs; grows as needed. */
let scratch = new Uint8Array(1 << 16);

/**
 * The run [s, e) that checkRun passed with flags `f`, as a string: CR LF / lone CR read as LF (text)
 * or tab, LF, CR, CR LF as a space (attributes: XML's attribute-value normalisation), entities decoded
 * (character references never normalised).
 */
function decodeRun(b: Uint8Array, s: number, e: number, attr: boolean, f: number): string {
  if (f === 0) return ascii(b, s, e);
  if (f === F_HIGH) return utf8String(b, s, e);
  // Each byte of input gives at most one byte of output, except &#x…; (≥ 4 bytes in, ≤ 4 out).
  if (scratch.length < e - s) scratch = new Uint8Array(Math.max(e - s, scratch.length * 2));
  const out = scratch;
  let k = 0;
  let high = (f & F_HIGH) !== 0;
  for (let i = s; i < e; ) {
    const c = b[i];
    if (c === AMP) {
      const { code, end } = entityAt(b, i, e);
      if (code < 0x80) out[k++] = code;
      else {
        high = true;
        k = putUtf8(out, k, code);
      }
      i = end;
    } else if (c === CR) {
      out[k++] = attr ? SPACE : LF;
      i += b[i + 1] === LF && i + 1 < e ? 2 : 1;
    } else if (attr && (c === TAB || c === LF)) {
      out[k++] = SPACE;
      i++;
    } else {
      out[k++] = c;
      i++;
    }
  }
  return high ? utf8String(out, 0, k) : ascii(out, 0, k);
}

/**
 * Character data [s, e) checked and decoded in one pass (what checkRun + decodeRun do for attribute
 * values, fused: text is always read, and a check formula holds hundreds of `&quot;`). Plain bytes
 * are scanned first; the first entity or CR switches to copying into the scratch space.
 */
function textRun(b: Uint8Array, s: number, e: number): string {
  let high = false;
  let i = s;
  for (; i < e; i++) {
    const k = CLASS[b[i]];
    if (k === 0) continue;
    if (k === K_HIGH) {
      high = true;
      if (b[i] === 0xef && i + 2 < e && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) throw new XmlError("disallowed character");
      continue;
    }
    if (k === K_GT) {
      if (i - 2 >= s && b[i - 1] === 0x5d && b[i - 2] === 0x5d) throw new XmlError('the string "]]>" is disallowed in char data');
      continue;
    }
    if (k === K_WS) {
      if (b[i] !== CR) continue;
      break;
    }
    if (k === K_CTL) throw new XmlError("disallowed character");
    break; // `&`
  }
  if (i === e) return high ? utf8String(b, s, e) : ascii(b, s, e);
  if (scratch.length < e - s) scratch = new Uint8Array(Math.max(e - s, scratch.length * 2));
  const out = scratch;
  let k = i - s;
  if (k > 32) out.set(b.subarray(s, i), 0);
  else for (let x = s; x < i; x++) out[x - s] = b[x];
  while (i < e) {
    const c = b[i];
    const cls = CLASS[c];
    if (cls === 0) {
      out[k++] = c;
      i++;
      continue;
    }
    switch (cls) {
      case K_AMP: {
        const { code, end } = entityAt(b, i, e);
        if (code < 0x80) out[k++] = code;
        else {
          high = true;
          k = putUtf8(out, k, code);
        }
        i = end;
        continue;
      }
      case K_WS:
        if (c === CR) {
          out[k++] = LF;
          i += i + 1 < e && b[i + 1] === LF ? 2 : 1;
          continue;
        }
        break;
      case K_CTL:
        throw new XmlError("disallowed character");
      case K_GT:
        if (i - 2 >= s && b[i - 1] === 0x5d && b[i - 2] === 0x5d) throw new XmlError('the string "]]>" is disallowed in char data');
        break;
      default:
        high = true;
        if (c === 0xef && i + 2 < e && b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) throw new XmlError("disallowed character");
    }
    out[k++] = c;
    i++;
  }
  return high ? utf8String(out, 0, k) : ascii(out, 0, k);
}

/** Code point `code` (≥ 0x80) as UTF-8 at out[k]; returns the next index. */
function putUtf8(out: Uint8Array, k: number, code: number): number {
  if (code < 0x800) {
    out[k++] = 0xc0 | (code >> 6);
    out[k++] = 0x80 | (code & 0x3f);
  } else if (code < 0x10000) {
    out[k++] = 0xe0 | (code >> 12);
    out[k++] = 0x80 | ((code >> 6) & 0x3f);
    out[k++] = 0x80 | (code & 0x3f);
  } else {
    out[k++] = 0xf0 | (code >> 18);
    out[k++] = 0x80 | ((code >> 12) & 0x3f);
    out[k++] = 0x80 | ((code >> 6) & 0x3f);
    out[k++] = 0x80 | (code & 0x3f);
  }
  return k;
}

/** Throws unless every character of [s, e) is allowed (comments, processing instructions, CDATA). */
function checkChars(b: Uint8Array, s: number, e: number): void {
  if (BAD_CHAR.test(str(b, s, e))) throw new XmlError("disallowed character");
}

/** The one attribute list of a parse, refilled for every tag. */
class Attributes implements XmlAttributes {
  b: Uint8Array = EMPTY;
  length = 0;
  private readonly names: string[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly flags: number[] = [];

  add(name: string, s: number, e: number, f: number): void {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) throw new XmlError(`duplicate attribute: ${name.slice(0, 40)}`);
    const i = this.length++;
    this.names[i] = name;
    this.from[i] = s;
    this.to[i] = e;
    this.flags[i] = f;
  }

  name(i: number): string {
    return this.names[i];
  }

  value(i: number): string {
    return decodeRun(this.b, this.from[i], this.to[i], true, this.flags[i]);
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return this.value(i);
    return undefined;
  }

  refRow = 0;

  cellRef(i: number): number {
    if (this.flags[i] !== 0) return 0;
    const b = this.b;
    const e = this.to[i];
    let k = this.from[i];
    let col = 0;
    let letters = 0;
    for (; k < e; k++) {
      const c = b[k];
      if (c < 0x41 || c > 0x5a) break;
      col = col * 26 + (c - 0x40);
      letters++;
    }
    if (letters === 0 || letters > 3 || col > 16_384 || k >= e || b[k] === 0x30) return 0;
    let row = 0;
    for (; k < e; k++) {
      const c = b[k];
      if (c < 0x30 || c > 0x39) return 0;
      row = row * 10 + (c - 0x30);
      if (row > 1_048_576) return 0;
    }
    this.refRow = row;
    return col;
  }

  digits(i: number): number {
    const s = this.from[i];
    const e = this.to[i];
    if (this.flags[i] !== 0 || e === s || e - s > 9) return -1;
    let v = 0;
    for (let k = s; k < e; k++) {
      const c = this.b[k];
      if (c < 0x30 || c > 0x39) return -1;
      v = v * 10 + (c - 0x30);
    }
    return v;
  }
}
const EMPTY = new Uint8Array(0);

function bytesAt(b: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (b[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** First index of the two bytes c1 c2 at or after `from`, or -1. */
function indexOf2(b: Uint8Array, c1: number, c2: number, from: number): number {
  for (let i = b.indexOf(c1, from); i !== -1; i = b.indexOf(c1, i + 1)) if (b[i + 1] === c2) return i;
  return -1;
}

function indexOf3(b: Uint8Array, c1: number, c2: number, c3: number, from: number): number {
  for (let i = b.indexOf(c1, from); i !== -1; i = b.indexOf(c1, i + 1)) if (b[i + 1] === c2 && b[i + 2] === c3) return i;
  return -1;
}

/**
 * Parse one whole XML document (UTF-8 bytes, as inflated from the package) and report its elements
 * and text to `h`. Throws XmlError on the first well-formedness error; errors thrown by the handler
 * pass through unchanged.
 */
export function parseXml(b: Uint8Array, h: XmlHandler): void {
  const n = b.length;
  // Open elements: their names as written (compared with end tags) and local names (reported on close).
  const stack: string[] = [];
  const locals: string[] = [];
  let depth = 0;
  let sawRoot = false;
  const attributes = new Attributes();
  attributes.b = b;
  // A UTF-8 byte-order mark is not part of the document (TextDecoder drops it too).
  let i = n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const docStart = i;
  for (;;) {
    // The next `<`: a few bytes by a plain loop (most runs between tags are short, and a call to the
    // typed array's indexOf costs a few hundred instructions before it reads one), then indexOf (a
    // check formula runs for hundreds of bytes, slow to walk while this code is still interpreted).
    let lt = i;
    const near = Math.min(n, i + 16);
    while (lt < near && b[lt] !== LT) lt++;
    if (lt === near) lt = near === n ? -1 : b.indexOf(LT, near);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      if (depth > 0) {
        h.text(textRun(b, i, end));
      } else {
        for (let k = i; k < end; k++) if (!isSpace(b[k])) throw new XmlError("text data outside of root node");
      }
    }
    if (lt === -1) break;
    const c1 = b[lt + 1];
    if (c1 === SLASH) {
      // End tag: the name, optional whitespace, '>'.
      let gt = lt + 2;
      while (gt < n && b[gt] !== GT) gt++;
      if (gt === n) throw new XmlError("unexpected end");
      let e = gt;
      while (e > lt + 2 && isSpace(b[e - 1])) e--;
      if (depth === 0) throw new XmlError(`unmatched closing tag: ${str(b, lt + 2, e).slice(0, 40)}`);
      const open = stack[--depth];
      // Same bytes as the start tag's name (it was decoded from them): compare without a string.
      let same = e - lt - 2 <= NAME_KEEP_BYTES;
      if (same) {
        const slot = nameHash(b, lt + 2, e);
        const hit = findName(b, lt + 2, e, slot);
        same = hit !== null && hit.name === open;
      }
      if (!same) {
        const name = str(b, lt + 2, e);
        if (open !== name) throw new XmlError(`unexpected close tag ${name.slice(0, 40)}, expected ${open.slice(0, 40)}`);
      }
      h.close(locals[depth]);
      i = gt + 1;
      continue;
    }
    if (c1 === QMARK) {
      // Processing instruction; the XML declaration only at the very start.
      const q = indexOf2(b, QMARK, GT, lt + 2);
      if (q === -1) throw new XmlError("unexpected end");
      checkChars(b, lt + 2, q);
      let t = lt + 2;
      while (t < q && t < lt + 64 && !isSpace(b[t]) && b[t] !== QMARK) t++;
      const target = str(b, lt + 2, t);
      if (target === "") throw new XmlError("processing instruction without a target");
      if (target.toLowerCase() === "xml" && (target !== "xml" || lt !== docStart)) throw new XmlError("the XML declaration must appear at the start of the document");
      i = q + 2;
      continue;
    }
    if (c1 === BANG) {
      if (bytesAt(b, lt, "<!--")) {
        const e = indexOf2(b, 0x2d, 0x2d, lt + 4);
        if (e === -1) throw new XmlError("unexpected end");
        if (b[e + 2] !== GT) throw new XmlError("malformed comment");
        checkChars(b, lt + 4, e);
        i = e + 3;
        continue;
      }
      if (bytesAt(b, lt, "<![CDATA[")) {
        if (depth === 0) throw new XmlError("text data outside of root node");
        const e = indexOf3(b, 0x5d, 0x5d, GT, lt + 9);
        if (e === -1) throw new XmlError("unexpected end");
        checkChars(b, lt + 9, e);
        let s = str(b, lt + 9, e);
        if (s.indexOf("\r") !== -1) s = s.replace(/\r\n?/g, "\n");
        if (s !== "") h.text(s);
        i = e + 3;
        continue;
      }
      // <!DOCTYPE …> never gets here (the guard refuses DTDs); anything else is not XML.
      throw new XmlError("incorrect syntax");
    }
    // Start tag: the name.
    let j = lt + 1;
    while (j < n) {
      const c = b[j];
      if (TAG_NAME_END[c] === 1) break;
      j++;
    }
    if (j >= n) throw new XmlError("unexpected end");
    const tag = nameAt(b, lt + 1, j, "tag");
    if (sawRoot && depth === 0) throw new XmlError("documents may contain only one root");
    sawRoot = true;
    // Attributes: whitespace, name, '=', quoted value; until '>' or '/>'.
    attributes.length = 0;
    let selfClosing = false;
    for (;;) {
      let k = j;
      while (k < n && SPACES[b[k]] === 1) k++;
      if (k >= n) throw new XmlError("unexpected end");
      const c = b[k];
      if (c === GT) {
        j = k + 1;
        break;
      }
      if (c === SLASH) {
        if (b[k + 1] !== GT) throw new XmlError("forward-slash in opening tag not followed by >");
        selfClosing = true;
        j = k + 2;
        break;
      }
      if (k === j) throw new XmlError("no whitespace between attributes");
      let a = k;
      while (a < n) {
        const ch = b[a];
        if (ATTR_NAME_END[ch] === 1) break;
        a++;
      }
      const attrName = nameAt(b, k, a, "attribute").name;
      while (a < n && SPACES[b[a]] === 1) a++;
      if (b[a] !== EQ) throw new XmlError("attribute without value");
      a++;
      while (a < n && SPACES[b[a]] === 1) a++;
      const q = b[a];
      if (q !== QUOT && q !== APOS) throw new XmlError(a >= n ? "unexpected end" : "unquoted attribute value");
      let close = a + 1;
      while (close < n && b[close] !== q) close++;
      if (close === n) throw new XmlError("unexpected end");
      attributes.add(attrName, a + 1, close, checkRun(b, a + 1, close, true));
      j = close + 1;
    }
    h.open(tag.name, attributes, tag.local);
    if (selfClosing) h.close(tag.local);
    else {
      if (depth >= MAX_DEPTH) throw new XmlError(`elements nested deeper than ${MAX_DEPTH} levels`);
      stack[depth] = tag.name;
      locals[depth] = tag.local;
      depth++;
    }
    i = j;
  }
  if (depth > 0) throw new XmlError(`unclosed tag: ${stack[depth - 1].slice(0, 40)}`);
  if (!sawRoot) throw new XmlError("document must contain a root element");
}
