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
