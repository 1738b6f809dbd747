/**
 * Node's zlib as the guard's inflater (faster than DecompressionStream). Node only: the CLI and the
 * tests pass it to loadGrid; the standalone page never imports this file (no `node:` in its bundle).
 */
import { inflateRawSync } from "node:zlib";
import { InflateOverflow, type Inflater } from "./guard";

export const nodeInflate: Inflater = async (raw, maxOutputBytes) => {
  try {
    // zlib stops at maxOutputLength and throws ERR_BUFFER_TOO_LARGE: the bomb never gets further than the cap.
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, maxOutputBytes) });
    // A plain Uint8Array view: Buffer's subarray and indexOf are JS wrappers, slow in the parser's inner loops.
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow();
    throw e;
  }
};
