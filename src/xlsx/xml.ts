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

// Characters XML 1.0 forbids anywhere (lone surrogates cannot come out of TextDecoder).
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// NameStartChar / NameChar of XML 1.0 (5th edition); astral letters through their surrogate pairs.
const NAME =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|^[\uD800-\uDB7F][\uDC00-\uDFFF]/;
const NAME_REST =
  /^(?:[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]|[\uD800-\uDB7F][\uDC00-\uDFFF])*$/;

const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QMARK = 63;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

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

/**
 * `&lt;` `&#x41;` … in `s` (which holds a `&`) decoded; anything else is an error, as in saxes.
 * The pieces are joined once: appending them one by one would leave a cons-string of hundreds of
 * nodes per formula, which the Grid keeps and every later GC walks.
 */
function decodeEntities(s: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let amp = s.indexOf("&"); amp !== -1; amp = s.indexOf("&", from)) {
    const semi = s.indexOf(";", amp + 1);
    if (semi === -1) throw new XmlError("unterminated entity");
    if (amp > from) parts.push(s.slice(from, amp));
    parts.push(entity(s.slice(amp + 1, semi)));
    from = semi + 1;
  }
  if (from < s.length) parts.push(s.slice(from));
  return parts.join("");
}

function entity(e: string): string {
  switch (e) {
    case "quot":
      return '"';
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "apos":
      return "'";
  }
  let n = NaN;
  if (/^#x[0-9a-fA-F]+$/.test(e)) n = parseInt(e.slice(2), 16);
  else if (/^#[0-9]+$/.test(e)) n = parseInt(e.slice(1), 10);
  else throw new XmlError(e === "" ? "empty entity name" : `undefined entity: ${JSON.stringify(e.slice(0, 20))}`);
  if (!isXmlChar(n)) throw new XmlError("malformed character entity");
  return String.fromCodePoint(n);
}

/** Every `&` starts one of the five predefined entities (what Excel writes: `&quot;` all over formulas). */
const OTHER_AMP = /&(?!(?:quot|amp|lt|gt|apos);)/;

/**
 * Entities decoded. The common case (predefined entities only) is a few native split/join passes,
 * each giving a flat string; `&amp;` last, so `&amp;quot;` stays `&quot;`.
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

/** Character data: CR LF and lone CR read as LF, then entities. */
function textOf(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") !== -1) s = s.replace(/\r\n?/g, "\n");
  return s.indexOf("&") === -1 ? s : decodeText(s);
}

/** An attribute value: raw tab, LF, CR (CR LF once) read as a space, then entities. */
function attrValueOf(raw: string): string {
  let s = raw;
  if (s.indexOf("<") !== -1) throw new XmlError("disallowed character < in attribute value");
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?|[\t\n]/g, " ");
  return s.indexOf("&") === -1 ? s : decodeText(s);
}

function localOf(name: string): string {
  const i = name.indexOf(":");
  return i === -1 ? name : name.slice(i + 1);
}

/**
 * Parse `src` (one whole XML document) and report its elements and text to `h`. Throws XmlError on
 * the first well-formedness error; errors thrown by the handler pass through unchanged.
 */
export function parseXml(src: string, h: XmlHandler): void {
  if (BAD_CHAR.test(src)) throw new XmlError("disallowed character");
  const n = src.length;
  const stack: string[] = [];
  let sawRoot = false;
  let i = 0;
  for (;;) {
    const lt = src.indexOf("<", i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const raw = src.slice(i, end);
      if (stack.length > 0) {
        if (raw.indexOf("]]>") !== -1) throw new XmlError('the string "]]>" is disallowed in char data');
        h.text(textOf(raw));
      } else if (!/^[ \t\r\n]*$/.test(raw)) throw new XmlError("text data outside of root node");
    }
    if (lt === -1) break;
    const c1 = src.charCodeAt(lt + 1);
    if (c1 === SLASH) {
      // End tag: the name, optional whitespace, '>'.
      const gt = src.indexOf(">", lt + 2);
      if (gt === -1) throw new XmlError("unexpected end");
      let e = gt;
      while (e > lt + 2 && isSpace(src.charCodeAt(e - 1))) e--;
      const name = src.slice(lt + 2, e);
      const open = stack.pop();
      if (open === undefined) throw new XmlError(`unmatched closing tag: ${name.slice(0, 40)}`);
      if (open !== name) throw new XmlError(`unexpected close tag ${name.slice(0, 40)}, expected ${open.slice(0, 40)}`);
      h.close(localOf(name));
      i = gt + 1;
      continue;
    }
    if (c1 === QMARK) {
      // Processing instruction; the XML declaration only at the very start.
      const q = src.indexOf("?>", lt + 2);
      if (q === -1) throw new XmlError("unexpected end");
      const target = /^[^\s?]*/.exec(src.slice(lt + 2, Math.min(q, lt + 64)))?.[0] ?? "";
      if (target === "") throw new XmlError("processing instruction without a target");
      if (target.toLowerCase() === "xml" && (target !== "xml" || lt !== 0)) throw new XmlError("the XML declaration must appear at the start of the document");
      i = q + 2;
      continue;
    }
    if (c1 === BANG) {
      if (src.startsWith("<!--", lt)) {
        const e = src.indexOf("--", lt + 4);
        if (e === -1) throw new XmlError("unexpected end");
        if (src.charCodeAt(e + 2) !== GT) throw new XmlError("malformed comment");
        i = e + 3;
        continue;
      }
      if (src.startsWith("<![CDATA[", lt)) {
        if (stack.length === 0) throw new XmlError("text data outside of root node");
        const e = src.indexOf("]]>", lt + 9);
        if (e === -1) throw new XmlError("unexpected end");
        let s = src.slice(lt + 9, e);
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
      const c = src.charCodeAt(j);
      if (c === GT || c === SLASH || isSpace(c)) break;
      j++;
    }
    if (j >= n) throw new XmlError("unexpected end");
    const name = src.slice(lt + 1, j);
    checkName(name, "tag");
    if (sawRoot && stack.length === 0) throw new XmlError("documents may contain only one root");
    sawRoot = true;
    // Attributes: whitespace, name, '=', quoted value; until '>' or '/>'.
    const attributes: XmlAttributes = Object.create(null) as XmlAttributes;
    let selfClosing = false;
    for (;;) {
      let k = j;
      while (k < n && isSpace(src.charCodeAt(k))) k++;
      if (k >= n) throw new XmlError("unexpected end");
      const c = src.charCodeAt(k);
      if (c === GT) {
        j = k + 1;
        break;
      }
      if (c === SLASH) {
        if (src.charCodeAt(k + 1) !== GT) throw new XmlError("forward-slash in opening tag not followed by >");
        selfClosing = true;
        j = k + 2;
        break;
      }
      if (k === j) throw new XmlError("no whitespace between attributes");
      let a = k;
      while (a < n) {
        const ch = src.charCodeAt(a);
        if (ch === EQ || ch === GT || ch === SLASH || isSpace(ch)) break;
        a++;
      }
      const attrName = src.slice(k, a);
      checkName(attrName, "attribute");
      while (a < n && isSpace(src.charCodeAt(a))) a++;
      if (src.charCodeAt(a) !== EQ) throw new XmlError("attribute without value");
      a++;
      while (a < n && isSpace(src.charCodeAt(a))) a++;
      const q = src.charCodeAt(a);
      if (q !== QUOT && q !== APOS) throw new XmlError(a >= n ? "unexpected end" : "unquoted attribute value");
      const close = src.indexOf(q === QUOT ? '"' : "'", a + 1);
      if (close === -1) throw new XmlError("unexpected end");
      if (attributes[attrName] !== undefined) throw new XmlError(`duplicate attribute: ${attrName.slice(0, 40)}`);
      attributes[attrName] = attrValueOf(src.slice(a + 1, close));
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

/** Exported for the reader's handlers, which compare local names. */
export { localOf as localName };
