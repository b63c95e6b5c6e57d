import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { published, publishedSql } from "../db/published";
import { decodeCursor, toPage, type Page, type PageQuery } from "../api/paging";
import { formatPrecise } from "../dates";
import type { RichTextDoc } from "../rich-text/document";

import { ENTITY_TYPES, type EntityType } from "./schemas";
import { normalizeNameKey } from "../arabic/normalize";
import { authorNames, baseRow, countStates, orderByOf, studioRowSelect, workflowWhere, type StudioRowBase } from "../records/data";
import type { StudioListQuery } from "../records/schemas";

export { ENTITY_TYPES, type EntityType };

const entitySummarySelect = {
  id: true,
  slug: true,
  type: true,
  kind: true,
  nameAr: true,
  nameEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  aliases: { orderBy: [{ lang: "asc" }, { name: "asc" }], select: { name: true, lang: true, script: true, preferred: true } },
} satisfies Prisma.EntitySelect;

type EntitySummaryRow = Prisma.EntityGetPayload<{ select: typeof entitySummarySelect }>;

export type EntitySummaryDto = Omit<EntitySummaryRow, "startDate" | "endDate"> & { start: string | null; end: string | null; startDate?: never; endDate?: never };

function toSummary(r: EntitySummaryRow): EntitySummaryDto {
  const { startDate, endDate, ...rest } = r;
  return {
    ...rest,
    start: formatPrecise(startDate, r.startPrecision),
    end: formatPrecise(endDate, r.endPrecision),
  } as EntitySummaryDto;
}

const relationSelect = {
  id: true,
  type: true,
  roleAr: true,
  roleEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  source: { select: { id: true, slug: true, type: true, nameAr: true, nameEn: true } },
  target: { select: { id: true, slug: true, type: true, nameAr: true, nameEn: true } },
  citations: {
    where: published.citation(),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, exact: true, start: true, end: true, claimStart: true, claimPrecision: true, article: { select: { id: true, slug: true, title: true } } },
  },
} satisfies Prisma.RelationSelect;

type RelationRow = Prisma.RelationGetPayload<{ select: typeof relationSelect }>;
export type RelationDto = Omit<RelationRow, "startDate" | "endDate" | "citations"> & {
  start: string | null;
  end: string | null;
  /** each cited passage, with the date it gives when sources disagree */
  citations: (Omit<RelationRow["citations"][number], "claimStart" | "claimPrecision"> & { claim: string | null })[];
};

function toRelation(r: RelationRow): RelationDto {
  const { startDate, endDate, citations, ...rest } = r;
  return {
    ...rest,
    start: formatPrecise(startDate, r.startPrecision),
    end: formatPrecise(endDate, r.endPrecision),
    citations: citations.map(({ claimStart, claimPrecision, ...c }) => ({ ...c, claim: formatPrecise(claimStart, claimPrecision) })),
  };
}

export type EntityDetailDto = EntitySummaryDto & {
  descriptionAr: RichTextDoc | null;
  descriptionEn: RichTextDoc | null;
  relations: RelationDto[];
  /** the public passages naming it in the latest articles that do (at most MENTIONS_SHOWN) */
  mentions: { id: string; exact: string; prefix: string; suffix: string; start: number; end: number; article: { id: string; slug: string; title: string } }[];
  /** how many public articles name it */
  mentionArticles: number;
  dateClaims: { id: string; claim: string | null; exact: string; article: { id: string; slug: string; title: string } }[];
};

// ───────── public reads (published only)

export async function listPublishedEntities(q: PageQuery & { type?: EntityType }): Promise<Page<EntitySummaryDto>> {
  const after = decodeCursor(q.cursor);
  const rows = await db().entity.findMany({
    where: { ...published.entity(), ...(q.type ? { type: q.type } : {}), ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: entitySummarySelect,
  });
  return toPage(rows, q.limit, toSummary);
}

/** All public entities of a type, by name, for index pages. */
export async function listPublishedEntitiesByType(type: EntityType, locale: string): Promise<EntitySummaryDto[]> {
  const rows = await db().entity.findMany({
    where: { ...published.entity(), type },
    orderBy: type === "event" ? [{ startDate: "asc" }] : locale === "ar" ? [{ nameAr: "asc" }] : [{ nameEn: "asc" }],
    select: entitySummarySelect,
  });
  return rows.map(toSummary);
}

/** passages listed on an entity's page (and in its API record); `mentionArticles` counts the articles naming it */
export const MENTIONS_SHOWN = 50;
/** related (and co-mentioned) entities listed on an entity's page: `listRelatedEntities`' default limit */
const RELATED_SHOWN = 12;

/** cached per request: the page and its metadata read it once */
export const getPublishedEntity = cache(loadPublishedEntity);

async function loadPublishedEntity(idOrSlug: string): Promise<EntityDetailDto | null> {
  // the id first (one index lookup), then the record and its passages side by side
  const ref = await findPublishedEntityRef(idOrSlug);
  if (!ref) return null;
  const [row, { mentions, mentionArticles }] = await Promise.all([
    db().entity.findFirst({
      where: { ...published.entity(), id: ref.id },
      select: {
        ...entitySummarySelect,
        descriptionAr: true,
        descriptionEn: true,
        relationsFrom: { where: published.relation(), select: relationSelect, orderBy: { startDate: { sort: "asc", nulls: "last" } } },
        relationsTo: { where: published.relation(), select: relationSelect, orderBy: { startDate: { sort: "asc", nulls: "last" } } },

        citations: {
          where: { ...published.citation(), field: "date" },
          select: { id: true, exact: true, claimStart: true, claimPrecision: true, article: { select: { id: true, slug: true, title: true } } },
        },
      },
    }),
    latestPublishedMentions(ref.id),
  ]);
  if (!row) return null;
  const { descriptionAr, descriptionEn, relationsFrom, relationsTo, citations, ...summary } = row;
  return {
    ...toSummary(summary),
    descriptionAr: descriptionAr as RichTextDoc | null,
    descriptionEn: descriptionEn as RichTextDoc | null,
    relations: [...relationsFrom, ...relationsTo].map(toRelation),
    mentions,
    mentionArticles,
    dateClaims: citations.map((c) => ({ id: c.id, exact: c.exact, article: c.article, claim: formatPrecise(c.claimStart, c.claimPrecision) })),
  };
}

// ───────── public reads for the entity page: roles over time, events, related entities

/** Relation types that give a person (or an organization) a role or a membership at another. */
export const ROLE_RELATION_TYPES = ["holds_role_at", "leads", "represents", "member_of"] as const;
/** Relation types that tie an entity to an event it took part in. */
export const EVENT_RELATION_TYPES = ["participated_in", "hosted", "organized"] as const;

const entityRefSelect = { id: true, slug: true, type: true, nameAr: true, nameEn: true } satisfies Prisma.EntitySelect;
export type EntityRefDto = Prisma.EntityGetPayload<{ select: typeof entityRefSelect }>;

/** A published entity's id, slug, type and names, by id or slug (filters of the public pages), or null. Cached per request. */
export const findPublishedEntityRef = cache(async (idOrSlug: string): Promise<EntityRefDto | null> => {
  return db().entity.findFirst({ where: { ...published.entity(), OR: [{ id: idOrSlug }, { slug: idOrSlug }] }, select: entityRefSelect });
});

export type EntityRoleDto = {
  id: string;
  type: (typeof ROLE_RELATION_TYPES)[number];
  roleAr: string | null;
  roleEn: string | null;
  start: string | null;
  end: string | null;
  /** where the role is held (the relation's other end) */
  at: EntityRefDto;
};

/**
 * The roles and memberships an entity holds (its outgoing published relations of the
 * role types), oldest first; undated ones last. Dates keep their precision.
 */
export async function listPublishedRoles(entityId: string): Promise<EntityRoleDto[]> {
  const rows = await db().relation.findMany({
    where: { AND: [published.relation(), { sourceId: entityId, type: { in: [...ROLE_RELATION_TYPES] } }] },
    orderBy: [{ startDate: { sort: "asc", nulls: "last" } }, { endDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: { id: true, type: true, roleAr: true, roleEn: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true, target: { select: entityRefSelect } },
  });
  return rows.map((r) => ({
    id: r.id,
    type: r.type as EntityRoleDto["type"],
    roleAr: r.roleAr,
    roleEn: r.roleEn,
    start: formatPrecise(r.startDate, r.startPrecision),
    end: formatPrecise(r.endDate, r.endPrecision),
    at: r.target,
  }));
}

export type EntityEventDto = {
  relationId: string;
  type: (typeof EVENT_RELATION_TYPES)[number];
  roleAr: string | null;
  roleEn: string | null;
  event: EntityRefDto & { start: string | null; end: string | null };
};

/** Published events the entity took part in, hosted or organized, by the event's date (undated last). */
export async function listPublishedEventsOf(entityId: string): Promise<EntityEventDto[]> {
  const rows = await db().relation.findMany({
    where: { AND: [published.relation(), { sourceId: entityId, type: { in: [...EVENT_RELATION_TYPES] }, target: { type: "event" } }] },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      roleAr: true,
      roleEn: true,
      target: { select: { ...entityRefSelect, startDate: true, startPrecision: true, endDate: true, endPrecision: true } },
    },
  });
  const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  return rows
    .sort((a, b) => time(a.target.startDate) - time(b.target.startDate) || a.target.nameEn.localeCompare(b.target.nameEn))
    .map((r) => {
      const { startDate, startPrecision, endDate, endPrecision, ...ref } = r.target;
      return {
        relationId: r.id,
        type: r.type as EntityEventDto["type"],
        roleAr: r.roleAr,
        roleEn: r.roleEn,
        event: { ...ref, start: formatPrecise(startDate, startPrecision), end: formatPrecise(endDate, endPrecision) },
      };
    });
}

export type RelatedEntitiesDto = {
  /** the other ends of its published relations, most connected first */
  linked: (EntityRefDto & { relations: number })[];
  /** entities confirmed in the same published articles, most shared articles first */
  coMentioned: (EntityRefDto & { articles: number })[];
};

/** Entities related to this one: by published relations, and by confirmed mentions in the same published articles. */
export async function listRelatedEntities(entityId: string, opts: { limit?: number } = {}): Promise<RelatedEntitiesDto> {
  const limit = opts.limit ?? RELATED_SHOWN;
  const byName = (a: EntityRefDto, b: EntityRefDto) => a.nameEn.localeCompare(b.nameEn);

  // its published relations, and the entities named in the same public articles (by how many they share)
  const [relations, { coMentioned: shared }] = await Promise.all([
    db().relation.findMany({
      where: { AND: [published.relation(), { OR: [{ sourceId: entityId }, { targetId: entityId }] }] },
      select: { source: { select: entityRefSelect }, target: { select: entityRefSelect } },
    }),
    namingArticles(entityId, limit),
  ]);
  const linked = new Map<string, EntityRefDto & { relations: number }>();
  for (const r of relations) {
    const other = r.source.id === entityId ? r.target : r.source;
    if (other.id === entityId) continue;
    const seen = linked.get(other.id);
    if (seen) seen.relations += 1;
    else linked.set(other.id, { ...other, relations: 1 });
  }

  const refs = shared.size
    ? await db().entity.findMany({ where: { AND: [published.entity(), { id: { in: [...shared.keys()] } }] }, select: entityRefSelect })
    : [];

  return {
    linked: [...linked.values()].sort((a, b) => b.relations - a.relations || byName(a, b)).slice(0, limit),
    coMentioned: refs
      .map((e) => ({ ...e, articles: shared.get(e.id) ?? 0 }))
      .sort((a, b) => b.articles - a.articles || byName(a, b))
      .slice(0, limit),
  };
}

type NamingArticles = {
  /** how many public articles name the entity */
  count: number;
  /** the latest of them (at most MENTIONS_SHOWN), newest first */
  latest: string[];
  /** entity id → how many of those articles also name it, most shared first */
  coMentioned: Map<string, number>;
};

/**
 * The public articles naming an entity, read once for its page: how many there are, the
 * latest, and the other entities they name (by how many articles they share, enough of
 * them to fill `related` after the entities it is linked to by relations are set aside).
 * One pass over the search index's copy of each article's named entities (GIN-indexed),
 * so an entity named in thousands of articles costs one scan, not a pass over its
 * mentions. Ids only: the records are read through the published filters by the callers.
 * Cached per request: the page's passages and related entities share it.
 */
const namingArticles = cache(async (entityId: string, related: number): Promise<NamingArticles> => {
  const rows = await db().$queryRawUnsafe<{ k: "n" | "a" | "e"; id: string | null; n: number }[]>(
    `WITH docs AS MATERIALIZED (
       SELECT d."articleId", d."sortDate", d."entityIds" FROM "search_documents" d
        WHERE d."kind" = 'article' AND d."public" AND d."entityIds" @> ARRAY[$1]::text[]
          AND EXISTS (SELECT 1 FROM "entities" e WHERE e."id" = $1 AND ${publishedSql.entity("e")}))
     SELECT 'n' AS k, NULL AS id, count(*)::int AS n FROM docs
     UNION ALL (SELECT 'a', "articleId", 0 FROM docs ORDER BY "sortDate" DESC, "articleId" LIMIT ${MENTIONS_SHOWN})
     UNION ALL (SELECT 'e', x.id, count(*)::int FROM (SELECT unnest("entityIds") AS id FROM docs) x WHERE x.id <> $1
                 GROUP BY x.id ORDER BY 3 DESC, 2
                 LIMIT $2::int + (SELECT count(*) FROM "relations" r WHERE r."sourceId" = $1 OR r."targetId" = $1))`,
    entityId,
    related * 2,
  );
  return {
    count: rows.find((r) => r.k === "n")?.n ?? 0,
    latest: rows.filter((r) => r.k === "a").map((r) => r.id!),
    coMentioned: new Map(rows.filter((r) => r.k === "e").map((r) => [r.id!, r.n] as const)),
  };
});

/**
 * The public passages naming an entity in the latest articles that name it (at most
 * MENTIONS_SHOWN), and how many public articles name it.
 */
async function latestPublishedMentions(entityId: string): Promise<{ mentions: EntityDetailDto["mentions"]; mentionArticles: number }> {
  // with the limit the page's related entities ask for: one query (cached) serves both
  const naming = await namingArticles(entityId, RELATED_SHOWN);
  const rows = naming.latest.length
    ? await db().$queryRawUnsafe<{ id: string; exact: string; prefix: string; suffix: string; start: number; end: number; articleId: string; slug: string; title: string }[]>(
        `SELECT m."id", m."exact", m."prefix", m."suffix", m."start", m."end", a."id" AS "articleId", a."slug", a."title"
           FROM unnest($2::text[]) WITH ORDINALITY t(id, ord)
           JOIN "articles" a ON a."id" = t.id
           JOIN "mentions" m ON m."articleId" = a."id" AND m."entityId" = $1
           JOIN "entities" e ON e."id" = m."entityId"
          WHERE ${publishedSql.mention("m", "a", "e")}
          ORDER BY t.ord, m."start" LIMIT ${MENTIONS_SHOWN}`,
        entityId,
        naming.latest,
      )
    : [];
  return {
    mentions: rows.map(({ articleId, slug, title, ...m }) => ({ ...m, article: { id: articleId, slug, title } })),
    mentionArticles: naming.count,
  };
}

/** Where an old id or slug of a merged entity now lives (public: only if published). */
export async function findEntityRedirect(idOrSlug: string): Promise<string | null> {
  const r = await db().entityRedirect.findFirst({
    where: { OR: [{ fromId: idOrSlug }, { fromSlug: idOrSlug }], entity: published.entity() },
    select: { entity: { select: { slug: true } } },
  });
  return r?.entity.slug ?? null;
}

export async function countEntitiesByTypeAndState() {
  return db().entity.groupBy({ by: ["type", "state"], _count: { _all: true } });
}

// ───────── studio reads (signed-in staff; callers authorize "studio.access")

export type StudioEntityRow = StudioRowBase & { slug: string; type: EntityType; kind: string | null; nameAr: string; nameEn: string; start: string | null; mentions: number; mergedIntoId: string | null };

export async function listEntitiesForStudio(q: StudioListQuery): Promise<{ rows: StudioEntityRow[]; total: number; counts: Record<string, number> }> {
  const base: Prisma.EntityWhereInput = {
    ...(workflowWhere({ ...q, state: undefined }) as Prisma.EntityWhereInput),
    mergedIntoId: null,
    ...(q.type ? { type: q.type } : {}),
    ...(q.q
      ? {
          OR: [
            { nameAr: { contains: q.q, mode: "insensitive" } },
            { nameEn: { contains: q.q, mode: "insensitive" } },
            { aliases: { some: { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { normalized: { contains: normalizeNameKey(q.q) } }] } } },
          ],
        }
      : {}),
  };
  const where: Prisma.EntityWhereInput = { ...base, ...(workflowWhere({ state: q.state }) as Prisma.EntityWhereInput) };
  const [rows, total, counts] = await Promise.all([
    db().entity.findMany({
      where,
      orderBy: orderByOf(q.sort, "nameEn") as Prisma.EntityOrderByWithRelationInput[],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { ...studioRowSelect, slug: true, type: true, kind: true, nameAr: true, nameEn: true, startDate: true, startPrecision: true, mergedIntoId: true, _count: { select: { mentions: true } } },
    }),
    db().entity.count({ where }),
    countStates("entity", base as Record<string, unknown>),
  ]);
  const names = await authorNames(rows.map((r) => r.createdById));
  return {
    rows: rows.map((r) => ({
      ...baseRow(r, names),
      slug: r.slug,
      type: r.type,
      kind: r.kind,
      nameAr: r.nameAr,
      nameEn: r.nameEn,
      start: formatPrecise(r.startDate, r.startPrecision),
      mentions: r._count.mentions,
      mergedIntoId: r.mergedIntoId,
    })),
    total,
    counts,
  };
}

/** For pickers (dossier items, relations): entities by any name or alias, any state. */
export async function searchEntitiesForPicker(q: string, opts: { type?: EntityType; limit?: number } = {}) {
  const key = normalizeNameKey(q);
  return db().entity.findMany({
    where: {
      mergedIntoId: null,
      ...(opts.type ? { type: opts.type } : {}),
      ...(q
        ? { OR: [{ nameAr: { contains: q, mode: "insensitive" } }, { nameEn: { contains: q, mode: "insensitive" } }, ...(key ? [{ aliases: { some: { normalized: { contains: key } } } }] : [])] }
        : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: opts.limit ?? 20,
    select: { id: true, type: true, nameAr: true, nameEn: true, state: true },
  });
}

export async function getEntityNames(ids: string[]) {
  const rows = await db().entity.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, type: true, nameAr: true, nameEn: true, state: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getEntityStudioFacts(id: string) {
  return db().entity.findUnique({ where: { id }, select: { id: true, slug: true, mergedIntoId: true, _count: { select: { mentions: true, relationsFrom: true, relationsTo: true } } } });
}
