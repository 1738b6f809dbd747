/**
 * Node-only fix for exceljs's zip writer, imported for its side effect by Node callers (the CLI and the
 * jest setup); the browser bundle never loads it.
 *
 * Why: in Node, exceljs hands JSZip each part as a JS string; JSZip encodes strings to UTF-8 in blocks
 * of 16,384 UTF-16 units and splits a surrogate pair that straddles a block edge, so an emoji or a
 * CJK Extension B character (𠮷) deep in a long sheet becomes two U+FFFD. exceljs already encodes to
 * bytes itself in browsers; we do the same in Node.
 */
const zipStream = require("exceljs/lib/utils/zip-stream") as {
  ZipWriter: { prototype: { append(data: unknown, options: Record<string, unknown>): void; __jxmbUtf8?: boolean } };
};

const proto = zipStream.ZipWriter.prototype;
if (!proto.__jxmbUtf8) {
  const append = proto.append;
  proto.append = function (this: unknown, data: unknown, options: Record<string, unknown>) {
    const bytes = typeof data === "string" && !options?.base64 ? Buffer.from(data, "utf8") : data;
    return append.call(this, bytes, options);
  };
  proto.__jxmbUtf8 = true;
}

export {};
