// The index row of an article or an entity (pure: also used by the benchmark's corpus
// generator, which writes rows straight to PostgreSQL).
import { normalizeNameKey } from "../arabic/normalize";
import { docToPlainText, type RichTextNode } from "../rich-text/document";
import { buildTsvector } from "./text";

const plain = (doc: unknown): string | null => (doc && typeof doc === "object" ? docToPlainText(doc as RichTextNode) : null);

/** The index row of an article: title (A), kicker and summary (B), outlet (C), body (D). */
export function articleSearchRow(a: { title: string; titleEn: string | null; kicker: string | null; summary: string | null; outlet: string | null; outletEn: string | null; plainText: string }) {
  return {
    tsv: buildTsvector([
      { text: a.title, weight: "A" },
      { text: a.titleEn, weight: "A" },
      { text: a.kicker, weight: "B" },
      { text: a.summary, weight: "B" },
      { text: [a.outlet, a.outletEn].filter(Boolean).join(" "), weight: "C" },
      { text: a.plainText, weight: "D" },
    ]),
    names: [a.title, a.titleEn].filter(Boolean).map((t) => normalizeNameKey(t!)).join(" | "),
  };
}

/** The index row of an entity: names and aliases (A), descriptions (B), kind (C). */
export function entitySearchRow(e: { nameAr: string; nameEn: string; kind: string | null; descriptionAr: unknown; descriptionEn: unknown; aliases: { name: string }[] }) {
  const names = [e.nameAr, e.nameEn, ...e.aliases.map((a) => a.name)];
  return {
    tsv: buildTsvector([
      ...names.map((text) => ({ text, weight: "A" as const })),
      { text: plain(e.descriptionAr), weight: "B" },
      { text: plain(e.descriptionEn), weight: "B" },
      { text: e.kind, weight: "C" },
    ]),
    names: [...new Set(names.map(normalizeNameKey))].join(" | "),
  };
}

