import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { published } from "../db/published";
import { decodeCursor, toPage, type Page, type PageQuery } from "../api/paging";
import { formatPrecise } from "../dates";
import type { RichTextDoc } from "../rich-text/document";
import { authorize, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/data";
import { authorNames, baseRow, countStates, createRecordIn, orderByOf, studioRowSelect, workflowWhere, type StudioRowBase } from "../records/data";
import type { StudioListQuery } from "../records/schemas";
import { suggestMentionsIn } from "../mentions/data";
import { articleContentSchema, importSourceSchema } from "./schemas";
import { prepareImport } from "./import";
import { jaccard, NEAR_DUPLICATE_JACCARD, shingles, simhash, SIMHASH_RADIUS } from "./fingerprint";

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
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorStatus: true, body: true },
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

/** cached per request: the page and its metadata read it once */
export const getPublishedArticle = cache(loadPublishedArticle);

async function loadPublishedArticle(idOrSlug: string): Promise<ArticleDetailDto | null> {
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

export type StudioArticleRow = StudioRowBase & { slug: string; title: string; outlet: string | null; publishedOn: string | null; duplicateOfId: string | null; orphaned: number };

/** The studio's article list: filters, sort, page, and counts per state (callers authorize "studio.access"). */
export async function listArticlesForStudio(q: StudioListQuery): Promise<{ rows: StudioArticleRow[]; total: number; counts: Record<string, number> }> {
  const base: Prisma.ArticleWhereInput = {
    ...(workflowWhere({ ...q, state: undefined }) as Prisma.ArticleWhereInput),
    ...(q.q
      ? { OR: [{ title: { contains: q.q, mode: "insensitive" } }, { titleEn: { contains: q.q, mode: "insensitive" } }, { outlet: { contains: q.q, mode: "insensitive" } }] }
      : {}),
  };
  const where: Prisma.ArticleWhereInput = { ...base, ...(workflowWhere({ state: q.state }) as Prisma.ArticleWhereInput) };
  const [rows, total, counts] = await Promise.all([
    db().article.findMany({
      where,
      orderBy: orderByOf(q.sort, "title") as Prisma.ArticleOrderByWithRelationInput[],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        ...studioRowSelect,
        slug: true,
        title: true,
        outlet: true,
        publishedOn: true,
        publishedOnPrecision: true,
        duplicateOfId: true,
        _count: { select: { mentions: { where: { anchorStatus: "orphaned" } }, annotations: { where: { anchorStatus: "orphaned" } } } },
      },
    }),
    db().article.count({ where }),
    countStates("article", base as Record<string, unknown>),
  ]);
  const names = await authorNames(rows.map((r) => r.createdById));
  return {
    rows: rows.map((r) => ({
      ...baseRow(r, names),
      slug: r.slug,
      title: r.title,
      outlet: r.outlet,
      publishedOn: formatPrecise(r.publishedOn, r.publishedOnPrecision),
      duplicateOfId: r.duplicateOfId,
      orphaned: r._count.mentions + r._count.annotations,
    })),
    total,
    counts,
  };
}

/** Extra facts the article editor shows beside the content. */
export async function getArticleStudioFacts(id: string) {
  return db().article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      originalText: true,
      originalFormat: true,
      sourceFile: true,
      checksum: true,
      plainText: true,
      duplicateOfId: true,
      createdAt: true,
      _count: { select: { mentions: true, annotations: true } },
    },
  });
}

export async function getArticleTitles(ids: string[]): Promise<Map<string, { id: string; slug: string; title: string; state: string }>> {
  const rows = await db().article.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true, state: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** For pickers (dossier items): articles by title, any state. */
export async function searchArticlesForPicker(q: string, limit = 20) {
  return db().article.findMany({
    where: q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { titleEn: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, title: true, state: true, outlet: true },
  });
}

// ───────── duplicates and import

export type DuplicateMatch = { id: string; slug: string; title: string; outlet: string | null; state: string; kind: "same_text" | "near_duplicate"; similarity: number };

/** Existing articles with the same text (checksum) or nearly the same (SimHash neighbours confirmed by shingle overlap). */
export async function findDuplicateArticles(plainText: string, checksum: string, opts: { excludeId?: string } = {}): Promise<DuplicateMatch[]> {
  const hash = simhash(plainText);
  const rows = await db().$queryRaw<{ id: string; slug: string; title: string; outlet: string | null; state: string; checksum: string; plainText: string }[]>`
    SELECT id, slug, title, outlet, state::text AS state, checksum, "plainText"
      FROM articles
     WHERE (checksum = ${checksum} OR (simhash IS NOT NULL AND bit_count((simhash # ${hash})::bit(64)) <= ${SIMHASH_RADIUS}))
       AND id <> ${opts.excludeId ?? ""}
     LIMIT 20`;
  const mine = shingles(plainText);
  const out: DuplicateMatch[] = [];
  for (const r of rows) {
    if (r.checksum === checksum) {
      out.push({ id: r.id, slug: r.slug, title: r.title, outlet: r.outlet, state: r.state, kind: "same_text", similarity: 1 });
      continue;
    }
    const similarity = jaccard(mine, shingles(r.plainText));
    if (similarity >= NEAR_DUPLICATE_JACCARD) out.push({ id: r.id, slug: r.slug, title: r.title, outlet: r.outlet, state: r.state, kind: "near_duplicate", similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

export type ImportOutcome =
  | { status: "imported"; id: string; title: string; duplicates: DuplicateMatch[] }
  | { status: "duplicate"; title: string; duplicates: DuplicateMatch[] };

/**
 * Imports one article as a draft. One with the same text as an existing article is
 * refused (status "duplicate", with the match) unless `allowDuplicate`; a near
 * duplicate is imported and flagged with a link to the closest match.
 */
export async function importArticle(actor: Actor, raw: unknown): Promise<ImportOutcome> {
  authorize(actor, "article.import");
  const source = importSourceSchema.parse(raw);
  const prepared = prepareImport(source);
  const content = articleContentSchema.parse(prepared.content);
  return db().$transaction(
    async (tx) => {
      // one import of the same text at a time, so two uploads cannot both miss each other
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"sijill.import:" + prepared.checksum}))`;
      const duplicates = await findDuplicateArticles(prepared.plainText, prepared.checksum);
      if (duplicates.some((d) => d.kind === "same_text") && !source.allowDuplicate) {
        return { status: "duplicate" as const, title: content.title, duplicates };
      }
      const id = await createRecordIn(tx, actor, "article", content, {
        action: "import",
        message: source.fileName ? `Imported from ${source.fileName}` : "Imported from pasted text",
        article: { originalText: prepared.originalText, originalFormat: prepared.format, sourceFile: source.fileName, duplicateOfId: duplicates[0]?.id ?? null },
      });
      const { suggested } = await suggestMentionsIn(tx, id);
      await recordAudit(
        { actorId: actor.id, action: "article.import", recordType: "article", recordId: id, details: { file: source.fileName, format: source.format, duplicateOf: duplicates[0]?.id ?? null, suggestedMentions: suggested } },
        tx,
      );
      return { status: "imported" as const, id, title: content.title, duplicates };
    },
    { timeout: 30_000 },
  );
}
