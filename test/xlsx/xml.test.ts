/**
 * The reader's XML tokenizer (src/xlsx/xml.ts) against saxes, which the reader used before it (and
 * exceljs still uses): on every document below, both report the same elements, attributes and text,
 * or both refuse it. Well-formed corners (entities, CDATA, line ends, attribute whitespace) and the
 * malformed parts a damaged or forged workbook holds.
 */
import { SaxesParser } from "saxes";
import { attributesOf, MAX_DEPTH, parseXml, XmlError } from "../../src/xlsx/xml";

type Event = ["open", string, Record<string, string>] | ["text", string] | ["close", string];

const local = (n: string) => n.slice(n.indexOf(":") + 1);

/** Adjacent text events as one (saxes splits text at CDATA sections, the reader joins them anyway). */
function push(out: Event[], e: Event): void {
  const last = out[out.length - 1];
  if (e[0] === "text" && last?.[0] === "text") last[1] += e[1];
  else out.push(e);
}

function viaSaxes(xml: string): Event[] | "error" {
  const out: Event[] = [];
  const p = new SaxesParser({ position: false });
  let depth = 0; // text outside the root (whitespace) is not character data
  p.on("opentag", (t) => {
    depth++;
    push(out, ["open", t.name, { ...(t.attributes as Record<string, string>) }]);
  });
  p.on("text", (s) => {
    if (s !== "" && depth > 0) push(out, ["text", s]);
  });
  p.on("cdata", (s) => s !== "" && push(out, ["text", s]));
  p.on("closetag", (t) => {
    depth--;
    push(out, ["close", local(t.name)]);
  });
  try {
    p.write(xml).close();
    return out;
  } catch {
    return "error";
  }
}

function viaReader(xml: string): Event[] | "error" {
  const out: Event[] = [];
  try {
    parseXml(new TextEncoder().encode(xml), {
      open: (name, a) => push(out, ["open", name, { ...attributesOf(a) }]),
      text: (s) => push(out, ["text", s]),
      close: (n) => push(out, ["close", n]),
    });
    return out;
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    return "error";
  }
}

const WELL_FORMED: [string, string][] = [
  ["declaration, namespaces, self-closing", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<x:w xmlns:x="u" a="1"><x:c r="A1" s=\'2\'/><v>1</v></x:w>'],
  ["the five entities and character references", "<a t=\"&quot;&lt;&gt;&amp;&apos;&#x41;&#66;\">&quot;✗&quot;&amp;&amp;quot;&lt;&gt;&apos;&#x1F600;&#10;</a>"],
  ["CDATA between text", "<a>x<![CDATA[<b>&amp;]]>y</a>"],
  ["CR LF and lone CR in text", "<a>1\r\n2\r3\n4</a>"],
  ["tab, LF, CR LF in attribute values; entity-made whitespace kept", '<a v="x\ty\nz\r\nw&#10;&#9;"/>'],
  ["whitespace around = and in the end tag", '<a  b = "1"\n c=\'2\' ></a >'],
  ["comments and processing instructions", "<!-- c --><a><!-- inside --><?pi data?>t</a><!-- after -->"],
  ["a lone > and ]] in text", "<a>a > b ]] c</a>"],
  ["non-ASCII names and text", "<表 列=\"值\">预算数（万元）</表>"],
  ["an attribute named __proto__", '<a __proto__="x" constructor="y"/>'],
  ["empty elements and empty text", "<a><t></t><t/></a>"],
  ["a byte-order mark before the declaration", '\ufeff<?xml version="1.0"?><a>x</a>'],
  ["long text full of entities (more than the scratch space)", `<a b="${"&lt;y&#x4E2D;".repeat(9000)}">${"&quot;✗&quot;&amp;".repeat(20000)}</a>`],
  ["]] and > apart in text", "<a>]]x> ]>]</a>"],
  // The byte paths of the tokenizer: names found again by their bytes, short runs decoded by hand, text
  // checked and decoded in one pass (plain bytes first, then copied once an entity or CR turns up).
  ["a repeated tag closed by its remembered name", "<r><c s=\"1\"><v>1</v></c><c s=\"2\"><v>2</v></c><x:c s=\"3\"><v>3</v></x:c></r>"],
  ["names longer than the name table keeps", `<${"n".repeat(80)} ${"a".repeat(70)}="1"><${"n".repeat(80)}/></${"n".repeat(80)}>`],
  ["more distinct names than the name table keeps", `<r>${Array.from({ length: 4200 }, (_, i) => `<e${i} a${i}="${i}"/>`).join("")}<e7/></r>`],
  ["short runs of every UTF-8 length", "<a b=\"é✓中𠮷\">é<b>✓ 已填写</b><c>𠮷x</c><d>Ωω</d></a>"],
  ["entities then CR LF, CR and ]] in one text run", "<a>&quot;x&quot;\r\ny\rz ]] &amp;&#x4E2D;&#128512;\r</a>"],
  ["an entity-made character at the end of a run", "<a t=\"&#xE9;\">&#x7F;&#x80;&#x7FF;&#x800;&#xFFFD;&#x10000;</a>"],
  ["> after a single ] and after an entity", "<a>]> ]&amp;]> &gt;</a>"],
  ["CR right before the end of a run", "<a>x\r</a>"],
  ["a long run with only the five entities, CR LF and a lone CR", `<a>${'IF(A1=&quot;&quot;,&quot;待填写&quot;,&quot;✓ 已填写&quot;)&amp;&amp;quot;&lt;&gt;&apos;'.repeat(8)}\r\nx\ry</a>`],
  ["a long run with a character reference among the five", `<a>${"&quot;x&quot;".repeat(20)}&#x4E2D;\r\n</a>`],
  ["a long run without entities", `<a>${"预算数（万元）".repeat(20)}</a>`],
];

const MALFORMED: [string, string][] = [
  ["truncated", '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'],
  ["mismatched end tag", "<a><b></a></b>"],
  ["end tag without start", "<a></a></b>"],
  ["undefined entity", "<a>&nbsp;</a>"],
  ["entity without ;", "<a>R&D</a>"],
  ["empty entity", "<a>&;</a>"],
  ["character reference to NUL", "<a>&#0;</a>"],
  ["character reference past Unicode", "<a>&#x110000;</a>"],
  ["raw control character", "<a>\u0001</a>"],
  ["U+FFFF", "<a>\uffff</a>"],
  ["< in an attribute value", '<a b="1<2"/>'],
  ["unquoted attribute", "<a b=1/>"],
  ["attribute without value", "<a b/>"],
  ["duplicate attribute", '<a b="1" b="2"/>'],
  ["no space between attributes", '<a b="1"c="2"/>'],
  ["]]> in text", "<a>x]]>y</a>"],
  ["-- inside a comment", "<a><!-- a -- b --></a>"],
  ["text outside the root", "<a/>x"],
  ["two roots", "<a/><b/>"],
  ["no root", "<?xml version=\"1.0\"?>"],
  ["XML declaration not at the start", ' <?xml version="1.0"?><a/>'],
  ["tag name starting with a digit", "<1a/>"],
  ["slash not followed by >", "<a/ >"],
  ["unterminated comment", "<a><!-- x</a>"],
  ["unterminated CDATA", "<a><![CDATA[x</a>"],
  ["markup declaration", "<a><!ELEMENT a ANY></a>"],
  ["]]> after another > in the same text", "<a>a > b ]]> c</a>"],
  ["U+FFFE in an attribute value", '<a b="\ufffe"/>'],
  ["a control character in a comment", "<a><!-- \u0002 --></a>"],
  ["an undefined entity in an attribute nobody reads", '<a spans="1&nbsp;8"/>'],
  ["a control character in an attribute value", '<a b="x\u0001"/>'],
  ["a control character after an entity in text", "<a>&quot;\u0001</a>"],
  ["]]> after an entity in text", "<a>&amp;]]></a>"],
  ["U+FFFF after an entity in text", "<a>&lt;\uffff</a>"],
  ["a character reference without digits", "<a>&#x;</a>"],
  ["a decimal character reference with a letter", "<a>&#12a;</a>"],
  ["an upper-case X in a character reference", "<a>&#X41;</a>"],
  ["a character reference to a surrogate", "<a>&#xD800;</a>"],
  ["a huge character reference", "<a>&#99999999999999999999;</a>"],
  ["an entity without ; in an attribute", '<a b="R&D"/>'],
  ["an end tag naming a known element that is not open", "<a><b></b><c></b></c></a>"],
  ["an end tag with a prefix the start tag lacked", "<a><c></x:c></a>"],
  ["a tag name with a disallowed character", "<a><b\u00d7c/></a>"],
  ["a control character in a long run", `<a>${"&quot;x&quot;".repeat(20)}\u0001</a>`],
  ["]]> in a long run", `<a>${"&quot;x&quot;".repeat(20)}]]></a>`],
  ["U+FFFF in a long run", `<a>${"预算".repeat(40)}\uffff</a>`],
  ["an undefined entity in a long run", `<a>${"&quot;x&quot;".repeat(20)}&nbsp;</a>`],
];

describe("xml tokenizer agrees with saxes", () => {
  test.each(WELL_FORMED)("reads alike: %s", (_what, xml) => {
    const expected = viaSaxes(xml);
    expect(expected).not.toBe("error");
    expect(viaReader(xml)).toEqual(expected);
  });
  test.each(MALFORMED)("refused alike: %s", (_what, xml) => {
    expect(viaSaxes(xml)).toBe("error");
    expect(viaReader(xml)).toBe("error");
  });
  test("bytes that are not UTF-8 read as U+FFFD, as the decoder before the old parser made them", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode("<a t=\"x"), 0xff, ...new TextEncoder().encode("\">"), 0xc3, ...new TextEncoder().encode("</a>")]);
    const expected = viaSaxes(new TextDecoder().decode(bytes));
    const got: Event[] = [];
    parseXml(bytes, { open: (name, a) => push(got, ["open", name, { ...attributesOf(a) }]), text: (s) => push(got, ["text", s]), close: (n) => push(got, ["close", n]) });
    expect(got).toEqual(expected);
    expect(got[1]).toEqual(["text", "\ufffd"]);
  });
  test("short runs that are not UTF-8 read as the decoder reads them (overlong, surrogate, truncated, stray continuation)", () => {
    const enc = (t: string) => [...new TextEncoder().encode(t)];
    const bad = [
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe4, 0xb8],
      [0x80, 0x41],
      [0xc0, 0xaf],
      [0xf0, 0x9f, 0x98],
      [0xc3],
    ];
    for (const seq of bad) {
      const bytes = Uint8Array.from([...enc("<a t=\"x"), ...seq, ...enc("y\">中"), ...seq, ...enc("</a>")]);
      const expected = viaSaxes(new TextDecoder().decode(bytes));
      const got: Event[] = [];
      parseXml(bytes, { open: (name, a) => push(got, ["open", name, { ...attributesOf(a) }]), text: (s) => push(got, ["text", s]), close: (n) => push(got, ["close", n]) });
      expect(got).toEqual(expected);
    }
  });
  test("attributes are read by name or position, decoded when asked for, and only during the open call", () => {
    const seen: string[] = [];
    parseXml(new TextEncoder().encode('<a x:id="r1" t="&lt;s&gt;" s="2"><b/></a>'), {
      open: (name, a, local) => {
        if (local === "a") {
          expect(name).toBe("a");
          expect(a.length).toBe(3);
          expect([a.name(0), a.value(0), a.get("t"), a.get("s"), a.get("r"), a.get("x:id")]).toEqual(["x:id", "r1", "<s>", "2", undefined, "r1"]);
        } else expect(a.length).toBe(0);
        seen.push(local);
      },
      text: () => undefined,
      close: () => undefined,
    });
    expect(seen).toEqual(["a", "b"]);
  });
  test("cell references and digits read from the bytes: Excel's own spelling only, anything else left to the string", () => {
    const refs: [string, number, number][] = [];
    const nums: [string, number][] = [];
    parseXml(
      new TextEncoder().encode(
        '<a><r v="B7"/><r v="XFD1048576"/><r v="A1"/><r v="XFE1"/><r v="b7"/><r v="$B$7"/><r v="B07"/><r v="B0"/><r v=""/><r v="B"/><r v="7"/><r v="AAAA1"/><r v="&#66;7"/><r v="B7 "/><r v="A1048577"/>' +
          '<d v="3"/><d v="03"/><d v="123456789"/><d v="1234567890"/><d v=""/><d v=" 3"/><d v="3a"/><d v="&#51;"/><d v="-1"/></a>',
      ),
      {
        open: (_n, a, local) => {
          if (local === "r") {
            const col = a.cellRef(0);
            refs.push([a.value(0), col, col > 0 ? a.refRow : 0]);
          } else if (local === "d") nums.push([a.value(0), a.digits(0)]);
        },
        text: () => undefined,
        close: () => undefined,
      },
    );
    expect(refs).toEqual([
      ["B7", 2, 7],
      ["XFD1048576", 16384, 1048576],
      ["A1", 1, 1],
      ...["XFE1", "b7", "$B$7", "B07", "B0", "", "B", "7", "AAAA1", "B7", "B7 ", "A1048577"].map((v): [string, number, number] => [v, 0, 0]),
    ]);
    expect(nums).toEqual([
      ["3", 3],
      ["03", 3],
      ["123456789", 123456789],
      ...["1234567890", "", " 3", "3a", "3", "-1"].map((v): [string, number] => [v, -1]),
    ]);
  });
  test("decoded values, spelled out", () => {
    const got = viaReader('<a v="x\ty\r\nz&#10;">&quot;A&quot;&amp;&amp;lt;\r\n</a>');
    expect(got).toEqual([["open", "a", { v: "x y z\n" }], ["text", '"A"&&lt;\n'], ["close", "a"]]);
  });
});

describe("bounded where saxes was not", () => {
  const nested = (depth: number) => new TextEncoder().encode("<a>".repeat(depth) + "x" + "</a>".repeat(depth));
  const none = { open: () => undefined, text: () => undefined, close: () => undefined };
  test(`elements nest up to ${MAX_DEPTH} levels, one more is refused (a part of nothing but start tags held one stack entry per 3 bytes)`, () => {
    expect(() => parseXml(nested(MAX_DEPTH), none)).not.toThrow();
    expect(() => parseXml(nested(MAX_DEPTH + 1), none)).toThrow(new XmlError(`elements nested deeper than ${MAX_DEPTH} levels`));
    // Self-closing elements do not nest: any number of them at one level is fine.
    expect(() => parseXml(new TextEncoder().encode(`<a>${"<b/>".repeat(5 * MAX_DEPTH)}</a>`), none)).not.toThrow();
  });
});
