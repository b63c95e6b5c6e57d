// Passage anchors: W3C Web Annotation TextQuoteSelector (exact + prefix + suffix)
// and TextPositionSelector (start/end, UTF-16 offsets into the article's plain text).
import { isAttachablePrefix } from "../arabic/normalize";

export const CONTEXT_LENGTH = 32;

export type Anchor = { exact: string; prefix: string; suffix: string; start: number; end: number };

const LETTER = /[\p{L}\p{M}\p{Nd}]/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Letters of one script form a word; a change of script is a boundary
 * ("الأطلسيJames" is two words). */
function sameWord(a: string, b: string): boolean {
  return LETTER.test(a) && LETTER.test(b) && ARABIC.test(a) === ARABIC.test(b);
}

export function anchorAt(text: string, start: number, end: number): Anchor {
  if (start < 0 || end > text.length || end <= start) throw new Error(`Anchor ${start}-${end} is outside the text`);
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** Offsets where `quote` occurs as whole words: it may follow attached prefix letters
 * (و ف ب ك ل ال… — "بالكويت" holds "الكويت") but never ends inside a longer word
 * ("الكويتية" does not hold "الكويت"). */
export function findWholeWordOccurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  if (!quote) return out;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    const after = text.slice(i + quote.length, i + quote.length + 1);
    if (after && sameWord(after, quote[quote.length - 1])) continue;
    let wordStart = i;
    while (wordStart > 0 && sameWord(text[wordStart - 1], quote[0])) wordStart--;
    if (wordStart < i && !(ARABIC.test(quote[0]) && isAttachablePrefix(text.slice(wordStart, i)))) continue;
    out.push(i);
  }
  return out;
}

/** Anchor the n-th (0-based) exact occurrence of `quote`; null when absent. */
export function anchorQuote(text: string, quote: string, occurrence = 0): Anchor | null {
  let i = -1;
  for (let n = 0; n <= occurrence; n++) {
    i = text.indexOf(quote, i + 1);
    if (i === -1) return null;
  }
  return anchorAt(text, i, i + quote.length);
}

/** How many characters two strings share at their ends (a) / starts (b). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Maps an offset of `oldText` to `newText` through a character diff (changes = jsdiff output). */
export function mapOffset(changes: { value: string; added?: boolean; removed?: boolean }[], offset: number): number {
  let oldPos = 0;
  let newPos = 0;
  for (const c of changes) {
    const len = c.value.length;
    if (c.added) {
      newPos += len;
      continue;
    }
    if (c.removed) {
      if (offset < oldPos + len) return newPos; // inside deleted text: collapse to its place
      oldPos += len;
      continue;
    }
    if (offset <= oldPos + len) return newPos + (offset - oldPos);
    oldPos += len;
    newPos += len;
  }
  return newPos;
}

export type Reanchored = { anchor: Anchor; status: "anchored" } | { anchor: null; status: "orphaned" };

/**
 * Finds the same words again after the text changed (W3C: position first, quote as
 * the authority). Tried in order: the old offsets still hold the quote; the offsets
 * carried through the diff of old → new text hold it; the occurrence of the quote
 * whose surrounding text (prefix/suffix) matches best, nearest the carried position.
 * None: the words are gone — orphaned (never dropped: the caller keeps the old anchor
 * and flags it for a person to fix).
 */
export function reanchor(
  anchor: Anchor,
  newText: string,
  changes?: { value: string; added?: boolean; removed?: boolean }[],
): Reanchored {
  const { exact, prefix, suffix, start, end } = anchor;
  if (newText.slice(start, end) === exact) return { anchor: anchorAt(newText, start, end), status: "anchored" };
  const carried = changes ? mapOffset(changes, start) : start;
  if (changes && newText.slice(carried, carried + exact.length) === exact) {
    return { anchor: anchorAt(newText, carried, carried + exact.length), status: "anchored" };
  }
  let best: { at: number; score: number; distance: number } | null = null;
  for (let i = newText.indexOf(exact); i !== -1; i = newText.indexOf(exact, i + 1)) {
    const score =
      commonSuffix(prefix, newText.slice(Math.max(0, i - prefix.length), i)) +
      commonPrefix(suffix, newText.slice(i + exact.length, i + exact.length + suffix.length));
    const distance = Math.abs(i - carried);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { at: i, score, distance };
  }
  if (best) return { anchor: anchorAt(newText, best.at, best.at + exact.length), status: "anchored" };
  return { anchor: null, status: "orphaned" };
}
