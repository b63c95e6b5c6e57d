// Near-duplicate detection: a 64-bit SimHash over word 3-shingles of the normalized
// text (the same wire story republished by another outlet lands a few bits away),
// confirmed by the Jaccard similarity of the shingle sets.
import { normalizeArabic } from "../arabic/normalize";

const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

function fnv1a64(s: string): bigint {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK64;
  }
  return h;
}

export function words(text: string): string[] {
  return normalizeArabic(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function shingles(text: string, size = 3): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < size) {
    if (w.length) out.add(w.join(" "));
    return out;
  }
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(" "));
  return out;
}

/** SimHash as a signed 64-bit integer (PostgreSQL BIGINT). */
export function simhash(text: string): bigint {
  const counts = new Array<number>(64).fill(0);
  for (const sh of shingles(text)) {
    const h = fnv1a64(sh);
    for (let bit = 0; bit < 64; bit++) counts[bit] += (h >> BigInt(bit)) & 1n ? 1 : -1;
  }
  let v = 0n;
  for (let bit = 0; bit < 64; bit++) if (counts[bit] > 0) v |= 1n << BigInt(bit);
  return BigInt.asIntN(64, v);
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Candidates within this many differing bits are compared in full. */
export const SIMHASH_RADIUS = 12;
/** Shingle overlap from which two texts are the same story. */
export const NEAR_DUPLICATE_JACCARD = 0.6;
