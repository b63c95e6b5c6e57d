// The one definition of "what the public may see". Every public read in the data
// layer composes these filters; nothing else decides visibility, so a forgotten
// check cannot leak a draft.
import type { Prisma } from "./generated/client";

const PUBLISHED = "published" as const;

export const published = {
  article: (): Prisma.ArticleWhereInput => ({ state: PUBLISHED }),
  entity: (): Prisma.EntityWhereInput => ({ state: PUBLISHED, mergedIntoId: null }),
  dossier: (): Prisma.DossierWhereInput => ({ state: PUBLISHED }),
  /** a confirmed mention whose article and entity are both public */
  mention: (): Prisma.MentionWhereInput => ({
    state: "confirmed",
    article: { state: PUBLISHED },
    entity: { state: PUBLISHED, mergedIntoId: null },
  }),
  /** a published relation between two public entities */
  relation: (): Prisma.RelationWhereInput => ({
    state: PUBLISHED,
    source: { state: PUBLISHED, mergedIntoId: null },
    target: { state: PUBLISHED, mergedIntoId: null },
  }),
  /** a citation from a public article */
  citation: (): Prisma.CitationWhereInput => ({ article: { state: PUBLISHED } }),
  /** a public, published note on a public article */
  annotation: (): Prisma.AnnotationWhereInput => ({
    visibility: "public",
    state: PUBLISHED,
    article: { state: PUBLISHED },
  }),
  /** a dossier item whose target is public */
  dossierItem: (): Prisma.DossierItemWhereInput => ({
    OR: [
      { article: { state: PUBLISHED } },
      { entity: { state: PUBLISHED, mergedIntoId: null } },
    ],
  }),
};

/** The same rules as predicates, for rows already loaded through a to-one relation. */
export const isPublished = {
  article: (a: { state: string } | null | undefined): boolean => a?.state === PUBLISHED,
  entity: (e: { state: string; mergedIntoId: string | null } | null | undefined): boolean =>
    e?.state === PUBLISHED && e.mergedIntoId === null,
};

/**
 * The same rules as SQL conditions, for the few public reads written in SQL (search).
 * `alias` is the table alias in the query. tests/integration/published.integration.test.ts
 * checks that these select exactly the rows the Prisma filters above select.
 */
export const publishedSql = {
  article: (a: string): string => `${a}."state" = 'published'`,
  entity: (e: string): string => `${e}."state" = 'published' AND ${e}."mergedIntoId" IS NULL`,
  /** a confirmed mention `m` whose article `a` and entity `e` (joined by the caller) are public */
  mention: (m: string, a: string, e: string): string =>
    `${m}."state" = 'confirmed' AND ${m}."articleId" = ${a}."id" AND ${m}."entityId" = ${e}."id" AND ${publishedSql.article(a)} AND ${publishedSql.entity(e)}`,
};
