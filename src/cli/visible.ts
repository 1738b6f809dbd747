/**
 * Text from workbooks and file names reaches the terminal only with its control characters made
 * visible: a cell holding ESC sequences (`_x001B_` in the XML) or a file name with a newline must
 * not be able to erase, recolour or forge report lines. One notation everywhere (README, --help):
 *   - C0 controls, DEL and C1 controls → \xHH (ESC → \x1b, a newline inside a name → \x0a);
 *   - bidirectional controls and line/paragraph separators → \uHHHH (e.g. RIGHT-TO-LEFT OVERRIDE → \u202e);
 *   - unpaired surrogates → \uHHHH.
 * Everything else (CJK, emoji, full-width punctuation) is left as it is. JSON output keeps the data
 * exact; only characters a terminal acts on are written as JSON \u escapes there.
 */

/** Characters a terminal acts on, or that reorder what is shown around them. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, "0");
}

/** `s` with every unsafe character written as \xHH or \uHHHH. */
export function visible(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return c <= 0x9f ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}

/** Our own multi-line text (messages with a list under them): each line made visible, the line breaks kept. */
export function visibleLines(s: string): string {
  return s.split("\n").map(visible).join("\n");
}

/** JSON text with the characters a terminal acts on (C1, bidi, separators) as \u escapes: same data, safe to cat. */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}
