/**
 * Near-duplicate texts across projects, in about O(n): each text gets a MinHash sketch over its
 * character bigrams; 3 bands of 2 hashes put similar texts in a shared bucket with high probability;
 * each bucket keeps at most a few "leaders" (the first texts seen), and a new text is verified only
 * against those leaders by exact bigram Jaccard (a linear merge of sorted bigram codes). So 10,000
 * near-identical goals cost 10,000 × a few comparisons, not 10,000².
 */

/**
 * Character-bigram Jaccard at or above this is a near-duplicate: one changed character changes two
 * bigrams, so 0.8 allows about one character in twenty (3 in a 60-character goal).
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;
const HASHES = 6;
const BAND = 2;
const LEADERS_PER_BUCKET = 4;
const SEEDS_A = [0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f, 0x165667b1, 0xd3a2646c];
const SEEDS_B = [0x7f4a7c15, 0x94d049bb, 0x2545f491, 0x6c8e9cf5, 0x1b873593, 0xe6546b64];

// Punctuation, whitespace and numbering do not make a text different.
const NOISE_CHAR = /[\x00-\x1f\s\u3000\u00a0，,。.．、；;：:！!？?“”"'‘’（）()【】[\]《》<>—\-－_~～·…]/;
// Per UTF-16 code unit: 0 not yet asked, 1 noise, 2 kept. Filled from NOISE_CHAR on first sight, so
// the set is written once (above) and a text is scanned without a regex or a new string per call.
const NOISE_TABLE = new Uint8Array(0x10000);

function isNoise(c: number): boolean {
  let v = NOISE_TABLE[c];
  if (v === 0) NOISE_TABLE[c] = v = NOISE_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

/**
 * The comparable form of a text: no whitespace, no punctuation. Removing characters is piecewise, so
 * normalizeForSimilarity(a + b) === normalizeForSimilarity(a) + normalizeForSimilarity(b). A text
 * with nothing to remove is returned as is.
 */
export function normalizeForSimilarity(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isNoise(s.charCodeAt(i))) continue;
    if (i > from) out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : from < s.length ? out + s.slice(from) : out;
}

function bigramCode(s: string, i: number): number {
  return (s.charCodeAt(i) * 65599 + s.charCodeAt(i + 1)) | 0;
}

/** Sorted distinct bigram codes of a text. */
function bigrams(s: string): Int32Array {
  const a = new Int32Array(Math.max(0, s.length - 1));
  for (let i = 0; i + 1 < s.length; i++) a[i] = bigramCode(s, i);
  a.sort();
  let k = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[k++] = a[i];
  return a.subarray(0, k);
}

function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** Character-bigram Jaccard similarity of two texts (1 for equal texts). */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : jaccard(bigrams(a), bigrams(b));
}

function sketch(s: string): number[] {
  const mins = new Array<number>(HASHES).fill(0xffffffff);
  for (let i = 0; i + 1 < s.length; i++) {
    const x = bigramCode(s, i);
    for (let h = 0; h < HASHES; h++) {
      const v = Math.imul(x ^ SEEDS_B[h], SEEDS_A[h]) >>> 0;
      const w = (v ^ (v >>> 15)) >>> 0;
      if (w < mins[h]) mins[h] = w;
    }
  }
  return mins;
}

/** An index of texts; `add` returns the id of an earlier near-duplicate, or null. */
export class NearDuplicateIndex<T> {
  private readonly buckets = new Map<string, { grams: Int32Array; nums: string; id: T }[]>();

  /**
   * Texts whose numbers differ are not near-duplicates: "完成 10 台采购" and "完成 12 台采购" are two
   * projects' own targets in the same wording, not a copy.
   */
  add(text: string, id: T): { id: T; similarity: number } | null {
    const nums = numbersOf(text);
    const sk = sketch(text);
    let grams: Int32Array | null = null;
    const keys: string[] = [];
    // "band:hash,hash", written without a slice and a join per band.
    for (let b = 0; b < HASHES; b += BAND) {
      let k = `${b}:${sk[b]}`;
      for (let j = 1; j < BAND; j++) k += `,${sk[b + j]}`;
      keys.push(k);
    }
    let found: { id: T; similarity: number } | null = null;
    // A leader sits in up to 3 buckets of this text: compare it once.
    let seen: Int32Array[] | null = null;
    for (const k of keys) {
      const leaders = this.buckets.get(k);
      if (!leaders || found) continue;
      for (const l of leaders) {
        if (l.nums !== nums || (seen && seen.includes(l.grams))) continue;
        (seen ??= []).push(l.grams);
        grams ??= bigrams(text);
        const sim = jaccard(l.grams, grams);
        if (sim >= NEAR_DUPLICATE_SIMILARITY) {
          found = { id: l.id, similarity: sim };
          break;
        }
      }
    }
    if (found) return found;
    for (const k of keys) {
      let leaders = this.buckets.get(k);
      if (!leaders) this.buckets.set(k, (leaders = []));
      if (leaders.length < LEADERS_PER_BUCKET) leaders.push({ grams: (grams ??= bigrams(text)), nums, id });
    }
    return null;
  }
}

function numbersOf(text: string): string {
  const m = text.match(DIGITS);
  return m ? m.join(",") : "";
}
const DIGITS = /\d+(?:\.\d+)?/g;
