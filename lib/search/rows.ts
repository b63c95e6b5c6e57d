// The index row of an article or an entity (pure: also used by the benchmark's corpus
// generator, which writes rows straight to PostgreSQL).
import { normalizeNameKey } from "../arabic/normalize";
import { docToPlainText, type RichTextNode } from "../rich-text/document";
import { buildTsvector } from "./text";

const plain = (doc: unknown): string | null => (doc && typeof doc === "object" ? docToPlainText(doc as RichTextNode) : null);

/** The index row of an article: title (A), kicker and summary (B), outlet (C), body (D). */
export function articleSearchRow(a: { title: string; titleEn: string | null; kicker: string | null; summary: string | null; outlet: string | null; outletEn: string | null; plainText: string }) {
  return {
    head: buildTsvector([
      { text: a.title, weight: "A" },
      { text: a.titleEn, weight: "A" },
      { text: a.kicker, weight: "B" },
      { text: a.summary, weight: "B" },
    ]),
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
    head: buildTsvector(names.map((text) => ({ text, weight: "A" as const }))),
    tsv: buildTsvector([
      ...names.map((text) => ({ text, weight: "A" as const })),
      { text: plain(e.descriptionAr), weight: "B" },
      { text: plain(e.descriptionEn), weight: "B" },
      { text: e.kind, weight: "C" },
    ]),
    names: [...new Set(names.map(normalizeNameKey))].join(" | "),
  };
}


/**
 * Upserts index rows ($1 ids, $2 tsv, $3 head, $4 names, as text arrays) with the copies
 * the triggers keep afterwards (public, date, outlet, named entities) read from the records;
 * an article's vectors also get its outlet and year as terms (migration
 * "search_filter_tags": outlet:…, year:…), for filtered searches.
 */
export const UPSERT_ARTICLE_DOCUMENTS_SQL = `INSERT INTO "search_documents" ("id", "kind", "articleId", "tsv", "head", "names", "public", "sortDate", "outlet", "entityIds", "updatedAt")
SELECT x.id, 'article', x.id, x.tsv::tsvector || sijill_search_tags(a."outlet", a."publishedOn"), x.head::tsvector || sijill_search_tags(a."outlet", a."publishedOn"), x.names, a."state" = 'published', coalesce(a."publishedOn", DATE '0001-01-01'), a."outlet",
       coalesce((SELECT array_agg(DISTINCT m."entityId" ORDER BY m."entityId") FROM "mentions" m WHERE m."articleId" = a."id" AND m."state" = 'confirmed'), ARRAY[]::text[]),
       now()
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, tsv, head, names) JOIN "articles" a ON a."id" = x.id
ON CONFLICT ("articleId") DO UPDATE SET "tsv" = EXCLUDED."tsv", "head" = EXCLUDED."head", "names" = EXCLUDED."names", "public" = EXCLUDED."public",
  "sortDate" = EXCLUDED."sortDate", "outlet" = EXCLUDED."outlet", "entityIds" = EXCLUDED."entityIds", "updatedAt" = now()`;

export const UPSERT_ENTITY_DOCUMENTS_SQL = `INSERT INTO "search_documents" ("id", "kind", "entityId", "tsv", "head", "names", "public", "updatedAt")
SELECT x.id, 'entity', x.id, x.tsv::tsvector, x.head::tsvector, x.names, e."state" = 'published' AND e."mergedIntoId" IS NULL, now()
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, tsv, head, names) JOIN "entities" e ON e."id" = x.id
ON CONFLICT ("entityId") DO UPDATE SET "tsv" = EXCLUDED."tsv", "head" = EXCLUDED."head", "names" = EXCLUDED."names", "public" = EXCLUDED."public", "updatedAt" = now()`;
