/**
 * Arabic text normalization for search, suggestions and name matching.
 *
 * Implements the rules of docs/ARABIC.md, in order:
 *   1. Unicode NFKC (folds presentation forms and lam-alef ligatures).
 *   2. Delete tatweel U+0640, harakat U+064B–U+065F, superscript alef U+0670.
 *   3. أ إ آ ٱ → ا
 *   4. ى → ي
 *   5. ة → ه
 *   6. Arabic-Indic digits ٠–٩ and ۰–۹ → 0–9.
 *   7. Delete invisible marks U+200C–U+200F and U+061C.
 *   8. (name keys only) ؤ → و, ئ → ي.
 * Latin (and any cased script) is lowercased as well.
 *
 * Rules 2–8 are per-character mappings, so they are applied in one pass over
 * the NFKC output. NFKC itself is applied per "cluster" (a base character and
 * whatever follows it that NFKC could compose with it: combining marks, Hangul
 * jamo, …) so that every normalized character can be traced back to the exact
 * UTF-16 offset it came from in the original string (see normalizeWithMap).
 *
 * Pure module: no dependencies beyond the standard library.
 */

export interface NormalizeOptions {
  /** Also apply rule 8 (ؤ → و, ئ → ي), as name keys and name matching do. */
  hamzaSeats?: boolean;
}

/** Normalized text plus an offset map back into the original string. */
export interface NormalizedText {
  /** The original string. */
  source: string;
  /** The normalized string. */
  text: string;
  /**
   * map[i] = UTF-16 offset in `source` of the character that produced
   * normalized UTF-16 unit i; map[text.length] = source.length.
   * Units produced by one original character (ﻻ → لا, an emoji's two units)
   * share the same offset. The map is non-decreasing.
   */
  map: number[];
}

/** A word token of normalized text, with offsets in both strings. */
export interface Token {
  /** The normalized word. */
  text: string;
  /** UTF-16 offset in the original string (inclusive). */
  start: number;
  /** UTF-16 offset in the original string (exclusive). */
  end: number;
  /** Offset in the normalized string (inclusive). */
  nStart: number;
  /** Offset in the normalized string (exclusive). */
  nEnd: number;
}

const ALEF = "ا";
const YA = "ي";
const HA = "ه";
const WAW = "و";

const MARK_RE = /^\p{M}$/u;
const WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;
const ARABIC_LETTER_RE = /^(?=\p{Script=Arabic})\p{L}$/u;
const LETTER_RE = /^\p{L}$/u;

/** Invisible formatting marks deleted by rule 7. */
function isInvisible(cp: number): boolean {
  return (cp >= 0x200c && cp <= 0x200f) || cp === 0x061c;
}

/**
 * Rules 2–8 and lowercasing for one code point of NFKC output.
 * Returns the replacement ("" = deleted).
 */
function foldCodePoint(cp: number, hamzaSeats: boolean): string {
  if (cp < 0x80) {
    // ASCII fast path: only case folding applies.
    return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  }
  // Rule 2: tatweel, harakat, superscript alef.
  if (cp === 0x0640 || (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670) return "";
  // Rule 3: hamza/madda/wasla alef forms.
  if (cp === 0x0623 || cp === 0x0625 || cp === 0x0622 || cp === 0x0671) return ALEF;
  // Rule 4: alef maksura.
  if (cp === 0x0649) return YA;
  // Rule 5: ta marbuta.
  if (cp === 0x0629) return HA;
  // Rule 6: Arabic-Indic and Extended Arabic-Indic digits.
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(0x30 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(0x30 + cp - 0x06f0);
  // Rule 7: invisible marks.
  if (isInvisible(cp)) return "";
  // Rule 8 (optional): hamza on waw / ya seats.
  if (hamzaSeats) {
    if (cp === 0x0624) return WAW;
    if (cp === 0x0626) return YA;
  }
  return String.fromCodePoint(cp).toLowerCase();
}

/** Applies foldCodePoint to every code point of an (already NFKC) string. */
function foldString(s: string, hamzaSeats: boolean): string {
  let out = "";
  for (const ch of s) out += foldCodePoint(ch.codePointAt(0)!, hamzaSeats);
  return out;
}

/** True if a single code point is certainly unchanged by NFKC. */
function isNfkcStable(cp: number): boolean {
  // ASCII/C1, and the Arabic block except U+0675–U+0678 (high-hamza letters
  // that have compatibility decompositions).
  return cp < 0xa0 || (cp >= 0x0600 && cp <= 0x06ff && (cp < 0x0675 || cp > 0x0678));
}

function nfkcCodePoint(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return isNfkcStable(cp) ? ch : ch.normalize("NFKC");
}

/** Combining marks (\p{M}) of the Arabic block U+0600–U+06FF. */
function isArabicBlockMark(cp: number): boolean {
  return (
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06dc) ||
    (cp >= 0x06df && cp <= 0x06e4) ||
    cp === 0x06e7 ||
    cp === 0x06e8 ||
    (cp >= 0x06ea && cp <= 0x06ed)
  );
}

/**
 * Whether code point `next` must be normalized together with the cluster
 * source[start, end) (i.e. NFKC could compose or reorder across the boundary).
 */
function joinsCluster(source: string, start: number, end: number, next: number): boolean {
  // Letters of ASCII/Latin-1 and of the Arabic block never compose with what
  // precedes them; Arabic harakat are marks and are handled below.
  if (next < 0x0300) return false;
  if (next >= 0x0600 && next <= 0x06ff) return isArabicBlockMark(next);
  const ch = String.fromCodePoint(next);
  if (MARK_RE.test(ch)) return true;
  // Rare starters that compose (Hangul V/T jamo, halfwidth kana voicing…).
  const cluster = source.slice(start, end);
  return (cluster + ch).normalize("NFKC") !== cluster.normalize("NFKC") + ch.normalize("NFKC");
}

/** the fold of each lone code point below U+0800 (ASCII, Latin, Arabic), computed once */
const FOLDED: [(string | undefined)[], (string | undefined)[]] = [[], []];

function foldSingle(cp: number, hamzaSeats: boolean): string {
  if (cp >= 0x800) return foldString(nfkcCodePoint(cp), hamzaSeats);
  const table = FOLDED[hamzaSeats ? 1 : 0];
  return (table[cp] ??= foldString(nfkcCodePoint(cp), hamzaSeats));
}

/**
 * Core pass shared by normalizeArabic and normalizeWithMap.
 * When `map` is given it receives one offset per output UTF-16 unit.
 */
function normalizeCore(source: string, hamzaSeats: boolean, map: number[] | null): string {
  const parts: string[] = [];
  const len = source.length;
  let i = 0;
  while (i < len) {
    const start = i;
    const first = source.codePointAt(i)!;
    i += first > 0xffff ? 2 : 1;
    // Extend the cluster over combining marks (and other composing chars).
    while (i < len) {
      const next = source.codePointAt(i)!;
      if (!joinsCluster(source, start, i, next)) break;
      i += next > 0xffff ? 2 : 1;
    }

    if (i - start === (first > 0xffff ? 2 : 1)) {
      // Single code point: the common case (folded once per code point and kept)
      const out = foldSingle(first, hamzaSeats);
      if (out) {
        parts.push(out);
        if (map) for (let k = 0; k < out.length; k++) map.push(start);
      }
      continue;
    }

    // Multi-code-point cluster: NFKC the whole cluster (so that e.g. ي + U+0654
    // composes to ئ exactly as whole-string NFKC would), then try to attribute
    // the output per code point; if composition changed things, attribute all
    // of it to the cluster start.
    const cluster = source.slice(start, i);
    const whole = foldString(cluster.normalize("NFKC"), hamzaSeats);
    if (!whole) continue;
    parts.push(whole);
    if (!map) continue;
    const perCp: Array<[string, number]> = [];
    let concat = "";
    for (let j = start; j < i; ) {
      const cp = source.codePointAt(j)!;
      const out = foldString(nfkcCodePoint(cp), hamzaSeats);
      perCp.push([out, j]);
      concat += out;
      j += cp > 0xffff ? 2 : 1;
    }
    if (concat === whole) {
      for (const [out, off] of perCp) for (let k = 0; k < out.length; k++) map.push(off);
    } else {
      for (let k = 0; k < whole.length; k++) map.push(start);
    }
  }
  if (map) map.push(len);
  return parts.join("");
}

/** Rules 1–7 of ARABIC.md (plus lowercasing). Apply to stored text and queries. */
export function normalizeArabic(text: string): string {
  return normalizeCore(text, false, null);
}

/**
 * Rules 1–7 with an exact offset map back into the original string.
 * `opts.hamzaSeats` also applies rule 8.
 * `result.text === normalizeArabic(text)` when hamzaSeats is off.
 */
export function normalizeWithMap(text: string, opts: NormalizeOptions = {}): NormalizedText {
  const map: number[] = [];
  const out = normalizeCore(text, !!opts.hamzaSeats, map);
  return { source: text, text: out, map };
}

/**
 * Converts a normalized range [nStart, nEnd) to an original UTF-16 range.
 * - A range that starts or ends inside an expanded character (a ligature, an
 *   emoji's surrogate pair) widens to the whole original character.
 * - The end includes deleted characters that follow the last character
 *   (its harakat, tatweel) but not trailing invisible marks (rule 7).
 */
export function originalRange(n: NormalizedText, nStart: number, nEnd: number): [number, number] {
  const { map, source } = n;
  const start = map[nStart];
  if (nEnd <= nStart) return [start, start];
  // Skip past the rest of the original character that produced unit nEnd-1.
  let k = nEnd;
  const last = map[nEnd - 1];
  while (k < map.length - 1 && map[k] === last) k++;
  let end = map[k];
  while (end > start && isInvisible(source.charCodeAt(end - 1))) end--;
  return [start, end];
}

/**
 * Rule 8 on top of rules 1–7, then every run of non-word characters
 * (whitespace, punctuation, symbols) becomes one space; trimmed.
 * Words glued across scripts (الأطلسيJames) are split like tokenize does.
 */
export function normalizeNameKey(text: string): string {
  return tokenizeNormalized(normalizeWithMap(text, { hamzaSeats: true }))
    .map((t) => t.text)
    .join(" ");
}

/** 0 = separator, 1 = Arabic-script letter, 2 = other letter, 3 = digit or mark. */
function charClass(ch: string, cp: number): 0 | 1 | 2 | 3 {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return 2;
    if (cp >= 0x30 && cp <= 0x39) return 3;
    return 0;
  }
  if (cp >= 0x0621 && cp <= 0x064a) return 1; // core Arabic letters
  if (!WORD_RE.test(ch)) return 0;
  if (!LETTER_RE.test(ch)) return 3;
  return ARABIC_LETTER_RE.test(ch) ? 1 : 2;
}

/**
 * Word tokens of already-normalized text. A word is a maximal run of letters,
 * digits and marks, additionally split where Arabic-script letters meet
 * letters of another script (e.g. "الأطلسيJames" → "الاطلسي", "james").
 * Digits and marks never force a split ("ال45", "G7", "2004م" stay whole).
 */
export function tokenizeNormalized(n: NormalizedText): Token[] {
  const tokens: Token[] = [];
  const s = n.text;
  let tokStart = -1;
  let tokScript = 0; // script class (1 or 2) of the letters in the current token
  const flush = (endIdx: number) => {
    if (tokStart < 0) return;
    const [start, end] = originalRange(n, tokStart, endIdx);
    tokens.push({ text: s.slice(tokStart, endIdx), start, end, nStart: tokStart, nEnd: endIdx });
    tokStart = -1;
    tokScript = 0;
  };
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const cls = charClass(s.slice(i, i + w), cp);
    if (cls === 0) {
      flush(i);
    } else {
      if (tokStart >= 0 && (cls === 1 || cls === 2) && tokScript !== 0 && tokScript !== cls) flush(i);
      if (tokStart < 0) tokStart = i;
      if (cls === 1 || cls === 2) tokScript = cls;
    }
    i += w;
  }
  flush(s.length);
  return tokens;
}

/** Normalizes `text` (rules 1–7, plus rule 8 if asked) and returns its word tokens. */
export function tokenize(text: string, opts: NormalizeOptions = {}): Token[] {
  return tokenizeNormalized(normalizeWithMap(text, opts));
}

// ---------------------------------------------------------------------------
// Attached prefixes (light stemming)
// ---------------------------------------------------------------------------

/**
 * One way to read the start of a word as attached material:
 * `attached` = conjunction and/or preposition (و ف, then ب ك ل),
 * `article`  = the article as it appears after them: "ال", or "ل" when the
 *              preposition ل swallowed the article's alef (لل = ل + ال).
 */
export interface PrefixSplit {
  attached: string;
  article: "" | "ال" | "ل";
}

const CONJUNCTIONS = ["", "و", "ف"];
const PREPOSITIONS = ["", "ب", "ك", "ل"];

/** Every conjunction+preposition combination: "", و, ف, ب, ك, ل, وب, وك, ول, فب, فك, فل. */
export const ATTACHED_PREFIXES: readonly string[] = CONJUNCTIONS.flatMap((c) => PREPOSITIONS.map((p) => c + p));

/**
 * Every prefix split, longest prefix first. Covers و ف ب ك ل ال لل and their
 * combinations (وال بال كال فال لل وبال ولل فلل …); exactly the strings that
 * isAttachablePrefix accepts.
 */
export const PREFIX_SPLITS: readonly PrefixSplit[] = ATTACHED_PREFIXES.flatMap((attached) => {
  // After the preposition ل the article loses its alef: ل + الناتو → للناتو.
  const article = attached.endsWith("ل") ? "ل" : "ال";
  return [
    { attached, article: "" },
    { attached, article },
  ] as PrefixSplit[];
}).sort((a, b) => b.attached.length + b.article.length - (a.attached.length + a.article.length));

const ATTACHABLE_RE = /^[وف]?(?:[بك](?:ال)?|لل?|ال)?$/;

/**
 * Whether `prefix` consists only of attachable prefix letters in a valid
 * order: optional و/ف, optional ب/ك/ل, optional article (ال, or the ل of لل).
 * Examples: و ف ب ك ل ال لل وال بال كال فال وبال ولل فلل "وللـ" → true;
 * "لال", "بو", "س" → false. The empty string is trivially attachable (true).
 * The input is normalized first (so tatweel, as in "الـ", is ignored).
 */
export function isAttachablePrefix(prefix: string): boolean {
  return ATTACHABLE_RE.test(normalizeArabic(prefix));
}

function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * Light stemming of attached prefixes. Returns every plausible reading of the
 * word, longest first, starting with the (normalized) word itself, since a
 * word may genuinely start with those letters ("بروكسل", "لبنان"). A reading
 * is never shorter than 2 letters. Duplicates are removed.
 *
 *   stripPrefixes("وبالكويت") → ["وبالكويت", "بالكويت", "الكويت", "كويت"]
 *   stripPrefixes("للناتو")   → ["للناتو", "لناتو", "ناتو"]
 *   stripPrefixes("بروكسل")   → ["بروكسل", "روكسل"]
 */
export function stripPrefixes(word: string): string[] {
  const w = normalizeArabic(word).trim();
  const readings = new Set<string>([w]);
  for (const { attached, article } of PREFIX_SPLITS) {
    const pre = attached + article;
    if (!pre || !w.startsWith(pre)) continue;
    const stem = w.slice(pre.length);
    if (cpLength(stem) >= 2) readings.add(stem);
  }
  return [...readings].sort((a, b) => cpLength(b) - cpLength(a));
}
