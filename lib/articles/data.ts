import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { published } from "../db/published";
import { decodeCursor, toPage, type Page, type PageQuery } from "../api/paging";
import { formatPrecise } from "../dates";
import type { RichTextDoc } from "../rich-text/document";

const articleSummarySelect = {
  id: true,
  slug: true,
  title: true,
  titleEn: true,
  kicker: true,
  summary: true,
  outlet: true,
  outletEn: true,
  url: true,
  language: true,
  publishedOn: true,
  publishedOnPrecision: true,
  byline: true,
  publishedAt: true,
} satisfies Prisma.ArticleSelect;

type ArticleSummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;

export type ArticleSummaryDto = Omit<ArticleSummaryRow, "publishedOn" | "publishedOnPrecision" | "publishedAt"> & {
  publishedOn: string | null;
  publishedOnPrecision: ArticleSummaryRow["publishedOnPrecision"];
  publishedAt: string | null;
};

function toSummary(r: ArticleSummaryRow): ArticleSummaryDto {
  return {
    ...r,
    publishedOn: formatPrecise(r.publishedOn, r.publishedOnPrecision),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

const articleDetailSelect = {
  ...articleSummarySelect,
  body: true,
  plainText: true,
  originalText: true,
  checksum: true,
  mentions: {
    where: published.mention(),
    orderBy: { start: "asc" },
    select: {
      id: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      entity: { select: { id: true, slug: true, type: true, nameAr: true, nameEn: true } },
    },
  },
  annotations: {
    where: published.annotation(),
    orderBy: { start: "asc" },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, body: true },
  },
} satisfies Prisma.ArticleSelect;

type ArticleDetailRow = Prisma.ArticleGetPayload<{ select: typeof articleDetailSelect }>;

export type ArticleDetailDto = ArticleSummaryDto &
  Pick<ArticleDetailRow, "plainText" | "originalText" | "checksum" | "mentions"> & {
    body: RichTextDoc;
    annotations: (Omit<ArticleDetailRow["annotations"][number], "body"> & { body: RichTextDoc })[];
  };

// ───────── public reads (published only)

export async function listPublishedArticles(q: PageQuery): Promise<Page<ArticleSummaryDto>> {
  const after = decodeCursor(q.cursor);
  const rows = await db().article.findMany({
    where: { ...published.article(), ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: articleSummarySelect,
  });
  return toPage(rows, q.limit, toSummary);
}

/** Newest first, for the home page. */
export async function listRecentPublishedArticles(limit = 20): Promise<ArticleSummaryDto[]> {
  const rows = await db().article.findMany({
    where: published.article(),
    orderBy: [{ publishedOn: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: limit,
    select: articleSummarySelect,
  });
  return rows.map(toSummary);
}

export async function getPublishedArticle(idOrSlug: string): Promise<ArticleDetailDto | null> {
  const row = await db().article.findFirst({
    where: { ...published.article(), OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: articleDetailSelect,
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    plainText: row.plainText,
    originalText: row.originalText,
    checksum: row.checksum,
    body: row.body as RichTextDoc,
    mentions: row.mentions,
    annotations: row.annotations.map((a) => ({ ...a, body: a.body as RichTextDoc })),
  };
}

// ───────── studio reads (signed-in staff; callers authorize first)

export async function countArticlesByState(): Promise<Record<string, number>> {
  const rows = await db().article.groupBy({ by: ["state"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

export async function listArticlesForStudio(limit = 50) {
  return db().article.findMany({
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, slug: true, title: true, outlet: true, state: true, publishedOn: true, publishedOnPrecision: true, updatedAt: true, version: true },
  });
}
