// Which passages of a text name which entities (pure): every known name and alias is
// looked for with the Arabic-aware matcher (lib/arabic/match.ts — the same module
// search uses), and close spelling variants are proposed as likely new aliases.
import { buildNameIndex, findLikelyAliases, findNameOccurrences, type NameIndex } from "../arabic/match";

export type KnownName = { entityId: string; name: string };

export type NameBook = { index: NameIndex; owners: string[][] };

/** Prepares every name once; a name shared by several entities proposes each of them. */
export function buildNameBook(names: KnownName[]): NameBook {
  const byName = new Map<string, string[]>();
  for (const n of names) {
    const key = n.name.trim();
    if (!key) continue;
    const owners = byName.get(key) ?? [];
    if (!owners.includes(n.entityId)) owners.push(n.entityId);
    byName.set(key, owners);
  }
  const list = [...byName.keys()];
  return { index: buildNameIndex(list), owners: list.map((n) => byName.get(n)!) };
}

export type SuggestedSpan = { entityId: string; start: number; end: number; name: string };

const wordCount = (s: string) => s.trim().split(/\s+/u).length;

/**
 * Every whole-word occurrence of a known name in `text`. Where names overlap the
 * longest wins, except that a name of several words inside a longer one is kept too
 * ("مبادرة اسطنبول للتعاون" inside "مركز الناتو الإقليمي لمبادرة اسطنبول للتعاون" names
 * the initiative; the single word "اسطنبول" inside it does not name the city).
 */
export function suggestSpans(text: string, book: NameBook): SuggestedSpan[] {
  const longest = findNameOccurrences(text, book.index);
  const kept = new Set(longest.map((o) => `${o.start}:${o.end}:${o.nameIndex}`));
  const nested = findNameOccurrences(text, book.index, { overlapping: true }).filter(
    (o) => !kept.has(`${o.start}:${o.end}:${o.nameIndex}`) && wordCount(o.name) >= 2 && longest.some((l) => l.start <= o.start && o.end <= l.end),
  );
  const out: SuggestedSpan[] = [];
  for (const occ of [...longest, ...nested].sort((a, b) => a.start - b.start || a.end - b.end)) {
    for (const entityId of book.owners[occ.nameIndex]) out.push({ entityId, start: occ.start, end: occ.end, name: occ.name });
  }
  return out;
}

export type AliasProposal = { entityId: string; start: number; end: number; matched: string; name: string; distance: number };

/** Words that look like another spelling of a known name (ستولتنبرغ / شتولتنبرغ): proposed, never merged silently. */
export function proposeAliases(text: string, book: NameBook): AliasProposal[] {
  const out: AliasProposal[] = [];
  for (const c of findLikelyAliases(text, book.index)) {
    for (const entityId of book.owners[c.nameIndex]) out.push({ entityId, start: c.start, end: c.end, matched: c.matched, name: c.name, distance: c.distance });
  }
  return out;
}

export type Span = { entityId: string; start: number; end: number };

/** Recall and precision of suggested spans against reference spans (a match: same entity, overlapping words). */
export function scoreSuggestions(suggested: Span[], reference: Span[]): { recall: number; precision: number; found: number; missed: Span[]; extra: Span[] } {
  const overlaps = (a: Span, b: Span) => a.entityId === b.entityId && a.start < b.end && b.start < a.end;
  const missed = reference.filter((r) => !suggested.some((s) => overlaps(s, r)));
  const extra = suggested.filter((s) => !reference.some((r) => overlaps(s, r)));
  const found = reference.length - missed.length;
  return {
    recall: reference.length ? found / reference.length : 1,
    precision: suggested.length ? (suggested.length - extra.length) / suggested.length : 1,
    found,
    missed,
    extra,
  };
}
