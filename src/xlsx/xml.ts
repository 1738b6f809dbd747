/**
 * A small, strict XML 1.0 tokenizer for the parts of an .xlsx package (no namespaces, no DTDs).
 *
 * Why not saxes (which the reader used before): saxes reads one character at a time through a state
 * machine and rebuilds text around every entity; a template sheet's check formulas are mostly
 * `&quot;`, so reading a 224-project workbook spent a third of its CPU in saxes and half in the
 * garbage it left. Here the whole part is one string and the scanner jumps with `indexOf` from one
 * `<` to the next: text is a single slice, decoded only when it holds a `&`.
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

/** Attributes of one tag; a null prototype, so a name like `__proto__` is only a name. */
export type XmlAttributes = Record<string, string>;

export interface XmlHandler {
  /** A start tag (also for `<x/>`, followed at once by close). `name` is as written, prefix included. */
  open(name: string, attributes: XmlAttributes): void;
  /** Character data inside the root (entities decoded, CDATA included); never empty. */
  text(s: string): void;
  /** An end tag, by its local name (prefix removed). */
  close(local: string): void;
}

// NameStartChar / NameChar of XML 1.0 (5th edition); astral letters through their surrogate pairs.
const NAME =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|^[\uD800-\uDB7F][\uDC00-\uDFFF]/;
const NAME_REST =
  /^(?:[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|[\uD800-\uDB7F][\uDC00-\uDFFF])*$/;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const BANG = 0x21;
const QMARK = 0x3f;
const AMP = 0x26;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;

function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

const utf8 = new TextDecoder("utf-8");

/** Bytes [s, e) as a string; short ASCII (cell refs, numbers, style ids) without the decoder's call cost. */
function str(b: Uint8Array, s: number, e: number): string {
  const n = e - s;
  if (n <= 8) {
    let or = 0;
    for (let i = s; i < e; i++) or |= b[i];
    if (or < 0x80) {
      switch (n) {
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
        default:
          return String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]);
      }
    }
  }
  return utf8.decode(b.subarray(s, e));
}
const ONE: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/** Names seen before are valid (tags repeat: c, v, f, row); a Map hit is cheaper than the regexes. */
const knownNames = new Map<string, true>();

function checkName(name: string, what: string): void {
  if (knownNames.has(name)) return;
  if (name === "" || !NAME.test(name) || !NAME_REST.test(name.slice(name.charCodeAt(0) >= 0xd800 && name.charCodeAt(0) <= 0xdbff ? 2 : 1))) {
    throw new XmlError(`disallowed character in ${what} name: ${JSON.stringify(name.slice(0, 40))}`);
  }
  if (knownNames.size < 4096) knownNames.set(name, true);
}

function isXmlChar(n: number): boolean {
  return n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

// Characters XML 1.0 forbids anywhere (lone surrogates cannot come out of TextDecoder).
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const OTHER_AMP = /&(?!(?:quot|amp|lt|gt|apos);)/;

/** `&lt;` `&#x41;` … in `s` decoded, any entity; anything but the predefined ones and character references is an error, as in saxes. */
function decodeEntities(s: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let amp = s.indexOf("&"); amp !== -1; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp + 1);
    if (semi === -1) throw new XmlError("unterminated entity");
    if (amp > from) parts.push(s.slice(from, amp));
    parts.push(String.fromCodePoint(entityCode(s.slice(amp + 1, semi))));
    from = semi + 1;
  }
  if (from < s.length) parts.push(s.slice(from));
  return parts.join("");
}

const ENTITY: Record<string, number> = { quot: QUOT, amp: AMP, lt: LT, gt: GT, apos: APOS };

/** The code point of entity `e` (without & and ;), or an error as in saxes. */
function entityCode(e: string): number {
  const k = ENTITY[e];
  if (k !== undefined) return k;
  let n = NaN;
  if (/^#x[0-9a-fA-F]+$/.test(e)) n = parseInt(e.slice(2), 16);
  else if (/^#[0-9]+$/.test(e)) n = parseInt(e.slice(1), 10);
  else throw new XmlError(e === "" ? "empty entity name" : `undefined entity: ${JSON.stringify(e.slice(0, 20))}`);
  if (!isXmlChar(n)) throw new XmlError("malformed character entity");
  return n;
}

/**
 * Entities decoded. The common case (predefined entities only: what Excel writes, `&quot;` all over
 * formulas) is a few native split/join passes, each giving a flat string — appending piece by piece
 * would leave cons-strings of hundreds of nodes per formula, which the Grid keeps and every GC walks.
 * `&amp;` last, so `&amp;quot;` stays `&quot;`.
 */
function decodeText(s: string): string {
  if (OTHER_AMP.test(s)) return decodeEntities(s);
  let out = s;
  if (out.indexOf("&quot;") !== -1) out = out.split("&quot;").join('"');
  if (out.indexOf("&lt;") !== -1) out = out.split("&lt;").join("<");
  if (out.indexOf("&gt;") !== -1) out = out.split("&gt;").join(">");
  if (out.indexOf("&apos;") !== -1) out = out.split("&apos;").join("'");
  if (out.indexOf("&amp;") !== -1) out = out.split("&amp;").join("&");
  return out;
}

/**
 * Character data or an attribute value, bytes [s, e) → string: decoded from the part's bytes (no
 * string of the whole part is ever made), its characters checked, CR LF / lone CR read as LF (text)
 * or tab, LF, CR, CR LF as a space (attributes: XML's attribute-value normalisation), entities decoded.
 */
function decodeRun(b: Uint8Array, s: number, e: number, attr: boolean): string {
  let t = str(b, s, e);
  if (BAD_CHAR.test(t)) throw new XmlError("disallowed character");
  let rewritten = false;
  if (attr) {
    if (t.indexOf("<") !== -1) throw new XmlError("disallowed character < in attribute value");
    if (/[\t\n\r]/.test(t)) {
      t = t.replace(/\r\n?|[\t\n]/g, " ");
      rewritten = true;
    }
  } else if (t.indexOf("\r") !== -1) {
    t = t.replace(/\r\n?/g, "\n");
    rewritten = true;
  }
  if (t.indexOf("&") === -1) return t;
  // Whitespace rewritten, or an entity other than the five: the string way. Otherwise the bytes
  // between entities are copied natively and decoded once (a formula holds hundreds of &quot;).
  if (rewritten || OTHER_AMP.test(t)) return decodeText(t);
  return decodePredefined(b, s, e);
}

/** Scratch space for decodePredefined; grows as needed. */
let scratch = new Uint8Array(1 << 16);

/** Bytes [s, e) whose every `&` starts one of the five predefined entities, decoded. */
function decodePredefined(b: Uint8Array, s: number, e: number): string {
  if (scratch.length < e - s) scratch = new Uint8Array(Math.max(e - s, scratch.length * 2));
  const out = scratch;
  let k = 0;
  let from = s;
  for (;;) {
    let amp = from;
    while (amp < e && b[amp] !== AMP) amp++;
    const len = amp - from;
    if (len > 32) {
      out.set(b.subarray(from, amp), k);
      k += len;
    } else for (let i = from; i < amp; i++) out[k++] = b[i];
    if (amp >= e) break;
    // &quot; &amp; &apos; &lt; &gt; — told apart by their second and third letters.
    const c1 = b[amp + 1];
    if (c1 === 0x71) {
      out[k++] = QUOT;
      from = amp + 6;
    } else if (c1 === 0x6c) {
      out[k++] = LT;
      from = amp + 4;
    } else if (c1 === 0x67) {
      out[k++] = GT;
      from = amp + 4;
    } else if (b[amp + 2] === 0x6d) {
      out[k++] = AMP;
      from = amp + 5;
    } else {
      out[k++] = APOS;
      from = amp + 6;
    }
  }
  return utf8.decode(out.subarray(0, k));
}

/** Throws unless every character of [s, e) is allowed (comments, processing instructions, CDATA). */
function checkChars(b: Uint8Array, s: number, e: number): void {
  if (BAD_CHAR.test(str(b, s, e))) throw new XmlError("disallowed character");
}

function localOf(name: string): string {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
}

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
  const stack: string[] = [];
  let sawRoot = false;
  // A UTF-8 byte-order mark is not part of the document (TextDecoder drops it too).
  let i = n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const docStart = i;
  for (;;) {
    const lt = b.indexOf(LT, i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      if (stack.length > 0) {
        // "]]>" in text: look only at the '>' of this run (the next one after it closes the coming tag).
        for (let g = b.indexOf(GT, i); g !== -1 && g < end; g = b.indexOf(GT, g + 1)) {
          if (g - 2 >= i && b[g - 1] === 0x5d && b[g - 2] === 0x5d) throw new XmlError('the string "]]>" is disallowed in char data');
        }
        h.text(decodeRun(b, i, end, false));
      } else {
        for (let k = i; k < end; k++) if (!isSpace(b[k])) throw new XmlError("text data outside of root node");
      }
    }
    if (lt === -1) break;
    const c1 = b[lt + 1];
    if (c1 === SLASH) {
      // End tag: the name, optional whitespace, '>'.
      const gt = b.indexOf(GT, lt + 2);
      if (gt === -1) throw new XmlError("unexpected end");
      let e = gt;
      while (e > lt + 2 && isSpace(b[e - 1])) e--;
      const name = str(b, lt + 2, e);
      const open = stack.pop();
      if (open === undefined) throw new XmlError(`unmatched closing tag: ${name.slice(0, 40)}`);
      if (open !== name) throw new XmlError(`unexpected close tag ${name.slice(0, 40)}, expected ${open.slice(0, 40)}`);
      h.close(localOf(name));
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
        if (stack.length === 0) throw new XmlError("text data outside of root node");
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
      if (c === GT || c === SLASH || isSpace(c)) break;
      j++;
    }
    if (j >= n) throw new XmlError("unexpected end");
    const name = str(b, lt + 1, j);
    checkName(name, "tag");
    if (sawRoot && stack.length === 0) throw new XmlError("documents may contain only one root");
    sawRoot = true;
    // Attributes: whitespace, name, '=', quoted value; until '>' or '/>'.
    const attributes: XmlAttributes = Object.create(null) as XmlAttributes;
    let selfClosing = false;
    for (;;) {
      let k = j;
      while (k < n && isSpace(b[k])) k++;
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
        if (ch === EQ || ch === GT || ch === SLASH || isSpace(ch)) break;
        a++;
      }
      const attrName = str(b, k, a);
      checkName(attrName, "attribute");
      while (a < n && isSpace(b[a])) a++;
      if (b[a] !== EQ) throw new XmlError("attribute without value");
      a++;
      while (a < n && isSpace(b[a])) a++;
      const q = b[a];
      if (q !== QUOT && q !== APOS) throw new XmlError(a >= n ? "unexpected end" : "unquoted attribute value");
      const close = b.indexOf(q, a + 1);
      if (close === -1) throw new XmlError("unexpected end");
      if (attributes[attrName] !== undefined) throw new XmlError(`duplicate attribute: ${attrName.slice(0, 40)}`);
      attributes[attrName] = decodeRun(b, a + 1, close, true);
      j = close + 1;
    }
    h.open(name, attributes);
    if (selfClosing) h.close(localOf(name));
    else stack.push(name);
    i = j;
  }
  if (stack.length > 0) throw new XmlError(`unclosed tag: ${stack[stack.length - 1].slice(0, 40)}`);
  if (!sawRoot) throw new XmlError("document must contain a root element");
}
