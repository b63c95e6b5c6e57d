// Search text, on both sides of the index: the same normalization as suggestions and
// name matching (lib/arabic/normalize.ts, rules 1–8 of ARABIC.md) and the same light
// stemming of attached prefixes, turned into PostgreSQL tsvector / tsquery literals.
//
// Why literals built here and not to_tsvector(): the normalization lives in one module
// (this codebase's TypeScript), and PostgreSQL's `arabic` stemmer mangles foreign names
// (ستولتنبرغ → تولتنبرغ). Every word is indexed with each of its readings
// (stripPrefixes: "والناتو" → والناتو, الناتو, ناتو …) at one position, so a query
// word matches through any attached prefix on either side and phrases still work.
import { stripPrefixes, tokenize, type Token } from "../arabic/normalize";

export type Weight = "A" | "B" | "C" | "D";

/** PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383. */
const MAX_POSITIONS = 256;
const MAX_POSITION = 16383;
/** a gap between fields so a phrase never spans the title and the body */
const FIELD_GAP = 8;

const ARABIC_LETTER = /[\u0621-\u064a]/;

/** Search tokens of a text: rules 1–8 of ARABIC.md applied (hamza seats too: ؤ → و, ئ → ي). */
export function searchTokens(text: string): Token[] {
  return tokenize(text, { hamzaSeats: true });
}

/** The readings a normalized word is indexed and searched under. */
export function readingsOf(word: string): string[] {
  return ARABIC_LETTER.test(word) ? stripPrefixes(word) : [word];
}

function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * A filter as a tsquery of one index term: an article's vectors carry its outlet and
 * year as "outlet:…" and "year:…" (migration "search_filter_tags"). No word is indexed
 * with a colon, so these never meet a word.
 */
export function filterTerm(kind: "outlet" | "year", value: string | number): string {
  return quoteLexeme(`${kind}:${value}`);
}

/** A tsvector literal of the fields, each word at its position with its readings. */
export function buildTsvector(fields: readonly { text: string | null | undefined; weight: Weight }[]): string {
  const entries = new Map<string, { positions: number[]; weights: Weight[] }>();
  let pos = 0;
  for (const field of fields) {
    if (!field.text) continue;
    for (const token of searchTokens(field.text)) {
      pos = Math.min(pos + 1, MAX_POSITION);
      for (const reading of readingsOf(token.text)) {
        let e = entries.get(reading);
        if (!e) entries.set(reading, (e = { positions: [], weights: [] }));
        if (e.positions.length >= MAX_POSITIONS || e.positions[e.positions.length - 1] === pos) continue;
        e.positions.push(pos);
        e.weights.push(field.weight);
      }
    }
    pos = Math.min(pos + FIELD_GAP, MAX_POSITION);
  }
  const parts: string[] = [];
  for (const [lexeme, e] of entries) {
    parts.push(`${quoteLexeme(lexeme)}:${e.positions.map((p, i) => `${p}${e.weights[i] === "D" ? "" : e.weights[i]}`).join(",")}`);
  }
  return parts.join(" ");
}

/** A parsed query: its words (normalized) and whether the visitor quoted a phrase. */
export type ParsedQuery = {
  /** normalized words in order */
  words: string[];
  /** the readings each word is searched under */
  readings: string[][];
  /** the visitor wrapped (part of) the query in quotes: an exact phrase is required */
  quoted: boolean;
  /** normalized query as one string (for name lookups) */
  key: string;
};

const MAX_QUERY_WORDS = 12;

export function parseQuery(q: string): ParsedQuery {
  const quoted = /["«»“”]/.test(q);
  const words = searchTokens(q)
    .map((t) => t.text)
    .slice(0, MAX_QUERY_WORDS);
  return { words, readings: words.map(readingsOf), quoted, key: words.join(" ") };
}

/**
 * The readings worth asking the index for: "الامن" is dropped when "امن" is there too,
 * since every word read as الامن (والامن, بالامن …) is also indexed as امن. Half the
 * posting lists for most nouns, the same matches.
 */
export function queryLexemes(readings: string[]): string[] {
  const set = new Set(readings);
  return readings.filter((r) => !(r.startsWith("ال") && set.has(r.slice(2))));
}

function group(readings: string[], weight?: "A"): string {
  const lexemes = queryLexemes(readings).map((r) => quoteLexeme(r) + (weight ? `:${weight}` : ""));
  return lexemes.length === 1 ? lexemes[0] : `(${lexemes.join(" | ")})`;
}

/** What a match must satisfy: every word, and in order when the query is quoted. */
export function tsqueryMatch(p: ParsedQuery): string | null {
  return p.quoted ? tsqueryPhraseLoose(p) : tsqueryAll(p);
}

/** Every word (under any reading) somewhere in the document. */
export function tsqueryAll(p: ParsedQuery): string | null {
  return p.words.length ? p.readings.map((r) => group(r)).join(" & ") : null;
}

/** Every word in the title (weight A). */
export function tsqueryTitle(p: ParsedQuery): string | null {
  return p.words.length ? p.readings.map((r) => group(r, "A")).join(" & ") : null;
}

/** The words as written (normalized, no prefix stripping), one after the other. */
export function tsqueryPhrase(p: ParsedQuery): string | null {
  return p.words.length ? p.words.map((w) => quoteLexeme(w)).join(" <-> ") : null;
}

/** The words in order through any reading: what a quoted query requires. */
export function tsqueryPhraseLoose(p: ParsedQuery): string | null {
  return p.words.length ? p.readings.map((r) => group(r)).join(" <-> ") : null;
}

/**
 * Word n-grams of the query (1 to 4 words) as name keys, each with the query words it
 * stands for, for finding the entities a query names: "ينس ستولتنبرغ الكويت" →
 * "ينس" [0], "ينس ستولتنبرغ" [0, 1], …, "الكويت" [2]. A gram's first word also comes
 * without its attached prefixes ("والناتو" → "الناتو", "ناتو").
 */
export function nameGrams(p: ParsedQuery): { gram: string; covers: number[] }[] {
  const grams = new Map<string, number[]>();
  for (let i = 0; i < p.words.length; i++) {
    for (let n = 1; n <= 4 && i + n <= p.words.length; n++) {
      const covers = Array.from({ length: n }, (_, k) => i + k);
      const rest = p.words.slice(i + 1, i + n);
      for (const first of readingsOf(p.words[i])) {
        if (first.length < 3 && first !== p.words[i]) continue;
        const gram = [first, ...rest].join(" ");
        if (!grams.has(gram)) grams.set(gram, covers);
      }
    }
  }
  return [...grams].map(([gram, covers]) => ({ gram, covers }));
}

export type SnippetPart = { text: string; hit: boolean };

/** how much of a text is read at a time when looking for hits (normalizing whole articles took ~13 ms of a 20-result page) */
const SNIPPET_SCAN = 1500;

/** A finder of the query's word hits in text[from, to), at their places in text. */
function wordHits(query: ParsedQuery): (text: string, from: number, to: number) => [number, number][] {
  const wanted = new Set(query.readings.flat());
  const suffixes = [...wanted];
  return (text, from, to) => {
    const hits: [number, number][] = [];
    for (const t of searchTokens(text.slice(from, to))) {
      // every reading of a word is a suffix of it: most words are ruled out without stemming them
      if (wanted.has(t.text) || (suffixes.some((r) => t.text.endsWith(r)) && readingsOf(t.text).some((r) => wanted.has(r)))) hits.push([from + t.start, from + t.end]);
    }
    return hits;
  };
}

/** hits sorted, overlapping ones merged */
function mergeHits(hits: [number, number][]): [number, number][] {
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return merged;
}

/**
 * A passage of `text` around the best cluster of hits, with the hits marked: a word
 * whose readings meet the query's, or a given range (a mention of an entity the query
 * named, under whatever spelling the article uses). The text is read a few thousand
 * characters at a time, up to the first stretch with a hit: the passage is the best
 * cluster from the start of the text to there.
 */
export function buildSnippet(
  text: string,
  query: ParsedQuery,
  ranges: readonly (readonly [number, number])[] = [],
  radius = 110,
): SnippetPart[] {
  const hitsIn = wordHits(query);
  const hits: [number, number][] = ranges.map(([s, e]) => [s, e]);
  for (let at = 0, found = false; at < text.length && !found; ) {
    let end = Math.min(text.length, at + SNIPPET_SCAN);
    while (end < text.length && !/\s/.test(text[end]!)) end++; // not through a word
    const more = hitsIn(text, at, end);
    hits.push(...more);
    found = more.length > 0;
    at = end;
  }
  // the window [c - radius, c + radius] holding the most hits
  const clusters = mergeHits(hits);
  let center = 0;
  if (clusters.length) {
    let best = -1;
    let j = 0;
    for (let i = 0; i < clusters.length; i++) {
      while (clusters[j]![0] < clusters[i]![0] - 2 * radius) j++;
      if (i - j > best) {
        best = i - j;
        center = Math.round((clusters[j]![0] + clusters[i]![1]) / 2);
      }
    }
  }
  let from = Math.max(0, center - radius);
  let to = Math.min(text.length, center + radius);
  // widen to word boundaries
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  while (to < text.length && !/\s/.test(text[to])) to++;
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += s;
    else parts.push({ text: s, hit });
  };
  if (from > 0) push("… ", false);
  // marked: every hit in the passage (read again: it may lie past the part read above)
  const merged = mergeHits([...ranges.map(([s, e]): [number, number] => [s, e]), ...hitsIn(text, from, to)]);
  let at = from;
  for (const [s, e] of merged) {
    if (e <= from || s >= to) continue;
    push(text.slice(at, Math.max(at, s)), false);
    push(text.slice(Math.max(at, s), Math.min(e, to)), true);
    at = Math.min(e, to);
  }
  push(text.slice(at, to).replace(/\s+$/, ""), false);
  if (to < text.length) push(" …", false);
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, " ") }));
}
