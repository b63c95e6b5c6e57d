/**
 * Finding known names (entities, aliases) in Arabic/Latin article text.
 *
 * Everything is compared on normalized forms (normalize.ts, rules 1–8: alef
 * variants, ى/ي, ة/ه, tatweel, harakat, digits, ؤ/ئ, Latin case), on whole
 * words, and offsets are reported in UTF-16 units of the ORIGINAL text.
 *
 * Span rule for attached prefixes (see findNameOccurrences):
 *   the span starts after the attached conjunction/preposition letters
 *   (و ف ب ك ل and their combinations) and includes whatever article part the
 *   text has (ال, or the single ل left of it after the preposition ل):
 *     "والناتو"  → "الناتو"      "بالكويت" → "الكويت"
 *     "للناتو"   → "لناتو"       "لمبادرة اسطنبول" → "مبادرة اسطنبول"
 *   It ends at the end of the last word (including its trailing harakat or
 *   tatweel, excluding trailing invisible marks).
 */
import {
  ATTACHED_PREFIXES,
  PREFIX_SPLITS,
  type NormalizedText,
  type PrefixSplit,
  type Token,
  normalizeNameKey,
  normalizeWithMap,
  originalRange,
  tokenizeNormalized,
} from "./normalize";

export interface NameOccurrence {
  /** UTF-16 offset in the original text (inclusive). */
  start: number;
  /** UTF-16 offset in the original text (exclusive). */
  end: number;
  /** The name (as given) that matched. */
  name: string;
  /** Index of that name in the list given to buildNameIndex/findNameOccurrences. */
  nameIndex: number;
  /** text.slice(start, end). */
  matched: string;
}

export interface MatchOptions {
  /**
   * Let a name written with the article also match the bare word
   * ("الناتو" finds «ناتو»). Default false: a bare name finds the word with
   * or without the article ("ناتو" finds الناتو and «ناتو»), but a name with
   * the article needs it in the text (ال, or لل after the preposition ل).
   */
  articleOptional?: boolean;
  /** Return every match, even overlapping ones. Default false. */
  overlapping?: boolean;
}

/** A name prepared for matching. */
interface NameEntry {
  name: string;
  index: number;
  /** Normalized tokens of the name. */
  tokens: string[];
  /** Non-whitespace separator required before tokens[j+1] (usually ""). */
  gaps: string[];
  /** First token starts with the article ال (and has ≥ 2 letters after it). */
  hasArticle: boolean;
  /** First token without its article. */
  core: string;
  /** Whole normalized key, tokens joined by one space. */
  key: string;
}

interface IndexHit {
  entry: NameEntry;
  /** "core": keyed by the article-less first token; "full": by the first token as written. */
  kind: "core" | "full";
}

/** Names prepared once, reusable across many texts. */
export interface NameIndex {
  entries: NameEntry[];
  /** First-token lookup (core form, and full form for names with the article). */
  byFirst: Map<string, IndexHit[]>;
}

const ARTICLE = "ال";

function codePointLength(s: string): number {
  return Array.from(s).length;
}

/** Separator between two tokens with whitespace removed ("" for plain spaces). */
function gapSignature(n: NormalizedText, a: Token, b: Token): string {
  return n.text.slice(a.nEnd, b.nStart).replace(/\s+/gu, "");
}

function prepareName(name: string, index: number): NameEntry | null {
  const n = normalizeWithMap(name, { hamzaSeats: true });
  const toks = tokenizeNormalized(n);
  if (toks.length === 0) return null;
  const tokens = toks.map((t) => t.text);
  const gaps = toks.slice(1).map((t, j) => gapSignature(n, toks[j], t));
  const first = tokens[0];
  const hasArticle = first.startsWith(ARTICLE) && codePointLength(first) - 2 >= 2;
  const core = hasArticle ? first.slice(ARTICLE.length) : first;
  return { name, index, tokens, gaps, hasArticle, core, key: tokens.join(" ") };
}

/** Normalizes and indexes names by their first token. */
export function buildNameIndex(names: readonly string[]): NameIndex {
  const entries: NameEntry[] = [];
  const byFirst = new Map<string, IndexHit[]>();
  const add = (key: string, hit: IndexHit) => {
    const list = byFirst.get(key);
    if (list) list.push(hit);
    else byFirst.set(key, [hit]);
  };
  names.forEach((name, i) => {
    const entry = prepareName(name, i);
    if (!entry) return;
    entries.push(entry);
    add(entry.core, { entry, kind: "core" });
    if (entry.hasArticle) add(entry.tokens[0], { entry, kind: "full" });
  });
  return { entries, byFirst };
}

/**
 * Whether a text word read as `split` + (indexed form of the name's first
 * token) is an acceptable occurrence of the name.
 */
function acceptsSplit(hit: IndexHit, split: PrefixSplit, opts: MatchOptions): boolean {
  const { entry } = hit;
  const { attached, article } = split;
  if (hit.kind === "full") {
    // The name's first word exactly as written, behind any attached letters
    // ("والكويت", "لإلياس" for a name إلياس whose ال is not an article).
    return article === "";
  }
  if (codePointLength(entry.core) < 2) {
    // Never read a one-letter word out of a longer one.
    return attached === "" && article === "";
  }
  if (!entry.hasArticle) return true; // "ناتو" ← ناتو, الناتو, والناتو, للناتو
  if (article !== "") return true; // "الناتو" ← الناتو, بالناتو, للناتو
  // ل + اللجنة is written للجنة: the article's lam merges into the core's.
  if (attached.endsWith("ل") && entry.core.startsWith("ل")) return true;
  return !!opts.articleOptional;
}

interface Candidate {
  nStart: number;
  nEnd: number;
  /** Index of the first and last text token covered. */
  first: number;
  last: number;
  entry: NameEntry;
}

/** All matches (overlapping) in normalized coordinates. */
function collectCandidates(n: NormalizedText, toks: Token[], index: NameIndex, opts: MatchOptions): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const word = toks[i].text;
    for (const split of PREFIX_SPLITS) {
      const pre = split.attached + split.article;
      if (pre.length >= word.length || !word.startsWith(pre)) continue;
      const hits = index.byFirst.get(word.slice(pre.length));
      if (!hits) continue;
      for (const hit of hits) {
        if (!acceptsSplit(hit, split, opts)) continue;
        const { entry } = hit;
        const last = i + entry.tokens.length - 1;
        if (last >= toks.length) continue;
        let ok = true;
        for (let j = 1; j < entry.tokens.length && ok; j++) {
          ok = toks[i + j].text === entry.tokens[j] && gapSignature(n, toks[i + j - 1], toks[i + j]) === entry.gaps[j - 1];
        }
        if (!ok) continue;
        const nStart = toks[i].nStart + split.attached.length;
        const nEnd = toks[last].nEnd;
        const key = `${nStart}:${nEnd}:${entry.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ nStart, nEnd, first: i, last, entry });
      }
    }
  }
  return out;
}

/** Greedy selection of non-overlapping items, in the given preference order. */
function selectNonOverlapping<T extends { nStart: number; nEnd: number }>(sorted: T[], length: number): T[] {
  const taken = new Uint8Array(length + 1);
  const kept: T[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.nStart; k < c.nEnd && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, c.nStart, c.nEnd);
    kept.push(c);
  }
  return kept;
}

function toIndex(names: readonly string[] | NameIndex): NameIndex {
  return Array.isArray(names) ? buildNameIndex(names) : (names as NameIndex);
}

/**
 * Every occurrence of any of `names` in `text`, sorted by start.
 *
 * - Words are compared on normalized forms (rules 1–8), whole words only:
 *   "الكويت" does not match inside "الكويتية", "ناتو" not inside "الناتوية".
 * - The first word may carry attached prefixes (و ف ب ك ل, ال, لل and
 *   combinations): "للناتو" and "والناتو" match "الناتو"; "بالكويت" and
 *   "وبالكويت" match both "الكويت" and "كويت". See the span rule at the top.
 * - Words of multi-word names are separated in the text by any run of
 *   whitespace (tatweel and invisible marks are ignored); a name whose words
 *   are joined by punctuation (Jean-Claude) needs the same punctuation.
 * - Latin names match case-insensitively on word boundaries.
 * - Overlaps: unless opts.overlapping, the longest match wins (ties: earlier
 *   start, then earlier name in the list); identical spans are reported once.
 *
 * Pass a NameIndex (buildNameIndex) to reuse prepared names across texts.
 */
export function findNameOccurrences(
  text: string,
  names: readonly string[] | NameIndex,
  opts: MatchOptions = {},
): NameOccurrence[] {
  const index = toIndex(names);
  const n = normalizeWithMap(text, { hamzaSeats: true });
  const toks = tokenizeNormalized(n);
  let cands = collectCandidates(n, toks, index, opts);

  // Identical spans: keep the earliest name.
  cands.sort((a, b) => a.nStart - b.nStart || a.nEnd - b.nEnd || a.entry.index - b.entry.index);
  cands = cands.filter((c, k) => k === 0 || c.nStart !== cands[k - 1].nStart || c.nEnd !== cands[k - 1].nEnd);

  if (!opts.overlapping) {
    cands.sort(
      (a, b) => b.nEnd - b.nStart - (a.nEnd - a.nStart) || a.nStart - b.nStart || a.entry.index - b.entry.index,
    );
    cands = selectNonOverlapping(cands, n.text.length);
    cands.sort((a, b) => a.nStart - b.nStart || a.nEnd - b.nEnd);
  }

  return cands.map((c) => {
    const [start, end] = originalRange(n, c.nStart, c.nEnd);
    return { start, end, name: c.entry.name, nameIndex: c.entry.index, matched: text.slice(start, end) };
  });
}

// ---------------------------------------------------------------------------
// Edit distance and likely aliases
// ---------------------------------------------------------------------------

/**
 * Levenshtein distance between code-point arrays. With a finite `max` only the
 * diagonal band |i - j| <= max is computed, and `max + 1` is returned as soon
 * as the distance is certain to exceed `max`.
 */
function levenshtein(a: number[], b: number[], max = Infinity): number {
  const m = a.length;
  const nb = b.length;
  if (Math.abs(m - nb) > max) return max + 1;
  if (m === 0 || nb === 0) return Math.max(m, nb);
  const band = Math.min(max, Math.max(m, nb));
  const BIG = Number.MAX_SAFE_INTEGER;
  let prev = new Array<number>(nb + 1).fill(BIG);
  let cur = new Array<number>(nb + 1).fill(BIG);
  for (let j = 0; j <= Math.min(nb, band); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(nb, i + band);
    cur.fill(BIG);
    if (i <= band) cur[0] = i;
    let rowMin = cur[0];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[nb], max + 1);
}

const codePoints = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);

/** Levenshtein distance (in code points) between the name keys of a and b. */
export function editDistance(a: string, b: string): number {
  return levenshtein(codePoints(normalizeNameKey(a)), codePoints(normalizeNameKey(b)));
}

export interface AliasCandidate {
  /** UTF-16 offsets in the original text (end exclusive). */
  start: number;
  end: number;
  /** text.slice(start, end). */
  matched: string;
  /** Normalized key of the matched words (attached prefixes removed). */
  key: string;
  /** The known name it resembles, and its index in the list. */
  name: string;
  nameIndex: number;
  /** Edit distance between `key` and the name's key. */
  distance: number;
}

export interface AliasOptions {
  /** Maximum distance / length of the longer key. Default 0.25. */
  maxRelative?: number;
}

/** Strips a leading article if at least 2 letters remain. */
function withoutArticle(key: string): string {
  return key.startsWith(ARTICLE) && codePointLength(key) - 2 >= 2 ? key.slice(2) : key;
}

/**
 * Whether `cand` is a different word from `name` rather than another spelling
 * of it: one extends the other (الكويت → الكويتيه, a derivation), or they
 * differ only by the article.
 */
function isDerivationOrArticle(cand: string, name: string): boolean {
  return cand.startsWith(name) || name.startsWith(cand) || withoutArticle(cand) === withoutArticle(name);
}

/** Readings of a first word without its attached letters, with how many normalized units were dropped. */
function firstWordReadings(word: string): Array<{ text: string; drop: number }> {
  const out: Array<{ text: string; drop: number }> = [];
  for (const p of ATTACHED_PREFIXES) {
    if (!word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (codePointLength(rest) < 2) continue;
    out.push({ text: rest, drop: p.length });
    // للناتو → also read as ل + الناتو.
    if (p.endsWith("ل") && rest.startsWith("ل")) out.push({ text: "ا" + rest, drop: p.length });
  }
  return out;
}

/**
 * Word sequences of `text` that look like a spelling variant of a known name
 * without being one of its exact (normalized, prefix-stripped) occurrences:
 * edit distance 1..maxDistance between normalized keys and distance / length
 * ≤ 0.25 (opts.maxRelative). Knowing "ستولتنبرغ" finds "شتولتنبرغ".
 *
 * Not reported: exact occurrences of any known name (as findNameOccurrences
 * would find them, with article and prefixes), derivations that merely extend
 * a name (الكويتية for الكويت), and forms that differ only by the article.
 * Spans follow the same rule as findNameOccurrences (attached و ف ب ك ل are
 * left out). Overlapping candidates: the closest (then longest) wins.
 * Results are sorted by start. Meant for proposing aliases to an editor.
 */
export function findLikelyAliases(
  text: string,
  names: readonly string[] | NameIndex,
  maxDistance = 2,
  opts: AliasOptions = {},
): AliasCandidate[] {
  const maxRelative = opts.maxRelative ?? 0.25;
  const index = toIndex(names);
  if (index.entries.length === 0 || maxDistance < 1) return [];
  const n = normalizeWithMap(text, { hamzaSeats: true });
  const toks = tokenizeNormalized(n);

  // Token ranges that are exact occurrences of some known name.
  const exact = new Set<string>();
  for (const c of collectCandidates(n, toks, index, { articleOptional: true })) exact.add(`${c.first}:${c.last}`);
  // Every known key, for "this window spells another known name exactly".
  const knownKeys = new Set<string>();
  for (const e of index.entries) knownKeys.add(withoutArticle(e.key));

  // Names bucketed by key length (code points) for a cheap length filter, each
  // with its key cut into maxDistance + 1 pieces: a string within distance
  // maxDistance contains at least one piece unchanged (pigeonhole), which is a
  // fast native pre-check before the Levenshtein computation.
  const byLength = new Map<number, Array<{ entry: NameEntry; cps: number[]; pieces: string[] }>>();
  let maxTokens = 1;
  for (const entry of index.entries) {
    const cps = codePoints(entry.key);
    const pieces: string[] = [];
    const k = Math.min(maxDistance + 1, cps.length);
    for (let p = 0; p < k; p++) {
      pieces.push(String.fromCodePoint(...cps.slice(Math.floor((p * cps.length) / k), Math.floor(((p + 1) * cps.length) / k))));
    }
    const list = byLength.get(cps.length) ?? [];
    list.push({ entry, cps, pieces });
    byLength.set(cps.length, list);
    maxTokens = Math.max(maxTokens, entry.tokens.length);
  }

  const hasLetter = (t: Token) => /\p{L}/u.test(t.text);
  interface Found {
    nStart: number;
    nEnd: number;
    key: string;
    entry: NameEntry;
    distance: number;
    relative: number;
  }
  const found: Found[] = [];

  for (let i = 0; i < toks.length; i++) {
    if (!hasLetter(toks[i])) continue;
    const readings = firstWordReadings(toks[i].text);
    let rest = "";
    for (let w = 1; w <= maxTokens + 1 && i + w - 1 < toks.length; w++) {
      const last = i + w - 1;
      if (w > 1) {
        // Only across plain whitespace, and only through words.
        if (gapSignature(n, toks[last - 1], toks[last]) !== "" || !hasLetter(toks[last])) break;
        rest += " " + toks[last].text;
      }
      if (exact.has(`${i}:${last}`)) continue;
      const variants = readings.map((r) => ({ key: r.text + rest, drop: r.drop }));
      if (variants.some((v) => knownKeys.has(withoutArticle(v.key)))) continue;

      let best: Found | null = null;
      for (const v of variants) {
        const cps = codePoints(v.key);
        for (let len = cps.length - maxDistance; len <= cps.length + maxDistance; len++) {
          const longer = Math.max(cps.length, len);
          const allowed = Math.min(maxDistance, Math.floor(maxRelative * longer + 1e-9));
          if (allowed < 1 || Math.abs(cps.length - len) > allowed) continue;
          for (const { entry, cps: nameCps, pieces } of byLength.get(len) ?? []) {
            if (!pieces.some((p) => v.key.includes(p))) continue;
            const d = levenshtein(cps, nameCps, allowed);
            if (d < 1 || d > allowed) continue;
            const relative = d / longer;
            if (isDerivationOrArticle(v.key, entry.key)) continue;
            if (
              !best ||
              d < best.distance ||
              (d === best.distance && relative < best.relative) ||
              (d === best.distance && relative === best.relative && entry.index < best.entry.index)
            ) {
              best = { nStart: toks[i].nStart + v.drop, nEnd: toks[last].nEnd, key: v.key, entry, distance: d, relative };
            }
          }
        }
      }
      if (best) found.push(best);
    }
  }

  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.relative - b.relative ||
      b.nEnd - b.nStart - (a.nEnd - a.nStart) ||
      a.nStart - b.nStart,
  );
  const kept = selectNonOverlapping(found, n.text.length).sort((a, b) => a.nStart - b.nStart);
  return kept.map((f) => {
    const [start, end] = originalRange(n, f.nStart, f.nEnd);
    return {
      start,
      end,
      matched: text.slice(start, end),
      key: f.key,
      name: f.entry.name,
      nameIndex: f.entry.index,
      distance: f.distance,
    };
  });
}
