/**
 * A deliberately naive zip writer for the hostile corpus: it writes whatever sizes, names, flags and
 * compressed bytes it is told to, so the corpus can lie the way a crafted attachment lies.
 */
import * as zlib from "node:zlib";

export interface ZEntry {
  name: string;
  /** Uncompressed content; deflated here unless `raw` is given. */
  data?: Uint8Array | string;
  /** Ready-made raw-deflate bytes (method 8). */
  raw?: Uint8Array;
  /** Size to declare (default: the real one). */
  declaredSize?: number;
  crc?: number;
  /** Store instead of deflate. */
  stored?: boolean;
  flags?: number;
  /** Name written in the local header (default: same as the central one). */
  localName?: string;
  /** Extra field written in the central directory. */
  centralExtra?: Uint8Array;
  /** External file attributes in the central directory (0x10: the DOS directory attribute). */
  externalAttr?: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

export function buildZip(entries: ZEntry[], opts: { prepend?: Uint8Array } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = opts.prepend?.length ?? 0;
  for (const e of entries) {
    const data = e.data === undefined ? undefined : typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const body = e.raw ? Buffer.from(e.raw) : e.stored ? (data ?? Buffer.alloc(0)) : zlib.deflateRawSync(data ?? Buffer.alloc(0), { level: 6 });
    const method = e.stored && !e.raw ? 0 : 8;
    const size = e.declaredSize ?? data?.length ?? 0;
    const crc = e.crc ?? (data ? zlib.crc32(data) : 0);
    const name = Buffer.from(e.name, "utf8");
    const lname = Buffer.from(e.localName ?? e.name, "utf8");
    const flags = (e.flags ?? 0) | 0x800; // UTF-8 names
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(body.length), u32(size), u16(lname.length), u16(0), lname]);
    const extra = Buffer.from(e.centralExtra ?? new Uint8Array(0));
    const central = Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(body.length), u32(size),
      u16(name.length), u16(extra.length), u16(0), u16(0), u16(0), u32(e.externalAttr ?? 0), u32(offset), name, extra,
    ]);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([Buffer.from(opts.prepend ?? new Uint8Array(0)), ...locals, cd, eocd]);
}

/**
 * Raw deflate of `total` bytes of `byte`, built from one flushed chunk repeated (a full flush resets
 * the dictionary, so the chunks concatenate into one valid stream): 1 GB in ~1 MB, in milliseconds.
 */
export function repeatedByteDeflate(byte: number, total: number, chunk = 1 << 20): { raw: Buffer; crc: number } {
  if (total % chunk !== 0) throw new Error("total must be a multiple of chunk");
  const plain = Buffer.alloc(chunk, byte);
  const d = zlib.deflateRawSync(plain, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < total / chunk; i++) {
    parts.push(d);
    crc = zlib.crc32(plain, crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // final, empty fixed-Huffman block
  return { raw: Buffer.concat(parts), crc };
}

/** The entries of a well-formed zip (a real workbook), inflated: to rebuild it with one part edited. */
export function readZip(zip: Buffer): { name: string; data: Buffer }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const skip = nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + csize);
    out.push({ name: zip.subarray(p + 46, p + 46 + nameLen).toString("utf8"), data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + skip;
  }
  return out;
}

/** `zip` with the text of part `name` replaced by `edit(text)`. */
export function editPart(zip: Buffer, name: string, edit: (xml: string) => string): Buffer {
  return buildZip(readZip(zip).map((e) => ({ name: e.name, data: e.name === name ? edit(e.data.toString("utf8")) : e.data })));
}
