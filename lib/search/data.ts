import "server-only";
// Search: the index (search_documents, one row per article and entity, kept in step in
// the same transaction as every write of their content) and the public query.
//
// The index holds every record whatever its state; the public query joins the
// published-only conditions of lib/db/published.ts, so a draft is indexed (for the day
// staff search uses it) but can never be found by the public.
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { publishedSql } from "../db/published";
import { formatPrecise, type Precision } from "../dates";
import { articleSearchRow, entitySearchRow } from "./rows";
import { buildSnippet, nameGrams, parseQuery, tsqueryAll, tsqueryPhrase, tsqueryPhraseLoose, tsqueryTitle, type ParsedQuery, type SnippetPart } from "./text";
import type { SearchQuery, SearchType } from "./schemas";

type Tx = Prisma.TransactionClient;

const BATCH = 200;

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Rewrites the index rows of these articles and entities from their current content.
 * Call inside the transaction that wrote the content: the index is never out of step.
 */
export async function syncSearchDocuments(tx: Tx, ids: { articles?: readonly string[]; entities?: readonly string[] }): Promise<void> {
  for (const batch of chunks([...new Set(ids.articles ?? [])], BATCH)) {
    const rows = await tx.article.findMany({
      where: { id: { in: batch } },
      select: { id: true, title: true, titleEn: true, kicker: true, summary: true, outlet: true, outletEn: true, plainText: true },
    });
    if (!rows.length) continue;
    const built = rows.map((r) => ({ id: r.id, ...articleSearchRow(r) }));
    await tx.$executeRawUnsafe(
      `INSERT INTO "search_documents" ("id", "kind", "articleId", "tsv", "names", "updatedAt")
       SELECT x.id, 'article', x.id, x.tsv::tsvector, x.names, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, tsv, names)
       ON CONFLICT ("articleId") DO UPDATE SET "tsv" = EXCLUDED."tsv", "names" = EXCLUDED."names", "updatedAt" = now()`,
      built.map((b) => b.id),
      built.map((b) => b.tsv),
      built.map((b) => b.names),
    );
  }
  for (const batch of chunks([...new Set(ids.entities ?? [])], BATCH)) {
    const rows = await tx.entity.findMany({
      where: { id: { in: batch } },
      select: { id: true, nameAr: true, nameEn: true, kind: true, descriptionAr: true, descriptionEn: true, aliases: { select: { name: true } } },
    });
    if (!rows.length) continue;
    const built = rows.map((r) => ({ id: r.id, ...entitySearchRow(r) }));
    await tx.$executeRawUnsafe(
      `INSERT INTO "search_documents" ("id", "kind", "entityId", "tsv", "names", "updatedAt")
       SELECT x.id, 'entity', x.id, x.tsv::tsvector, x.names, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, tsv, names)
       ON CONFLICT ("entityId") DO UPDATE SET "tsv" = EXCLUDED."tsv", "names" = EXCLUDED."names", "updatedAt" = now()`,
      built.map((b) => b.id),
      built.map((b) => b.tsv),
      built.map((b) => b.names),
    );
  }
}

/** Rebuilds the whole index (after a bulk load written straight to the tables). */
export async function rebuildSearchIndex(tx: Tx): Promise<{ articles: number; entities: number }> {
  const articles = (await tx.article.findMany({ select: { id: true } })).map((r) => r.id);
  const entities = (await tx.entity.findMany({ select: { id: true } })).map((r) => r.id);
  await syncSearchDocuments(tx, { articles, entities });
  return { articles: articles.length, entities: entities.length };
}

// ───────────────────────────── the public query

export type SearchArticleHit = {
  id: string;
  slug: string;
  title: string;
  titleEn: string | null;
  outlet: string | null;
  outletEn: string | null;
  publishedOn: string | null;
  precision: Precision | null;
  /** the title with the query's words marked */
  titleParts: SnippetPart[];
  /** a passage of the body around the hits, marked */
  snippet: SnippetPart[];
  /** found through an entity's other spelling rather than the words themselves */
  viaAlias: boolean;
};

export type SearchEntityHit = { id: string; slug: string; type: Exclude<SearchType, "article">; nameAr: string; nameEn: string };

export type Facet<V> = { value: V; count: number }[];

export type SearchResult = {
  query: string;
  /** the words searched for, normalized */
  words: string[];
  page: number;
  limit: number;
  /** matching articles (with the filters) */
  total: number;
  articles: SearchArticleHit[];
  entities: SearchEntityHit[];
  /** entities whose names the query spells: their articles are found under every spelling */
  expandedThrough: (SearchEntityHit & { spellings: string[] })[];
  facets: {
    type: Facet<SearchType>;
    year: Facet<number>;
    outlet: Facet<string>;
    entity: Facet<{ slug: string; nameAr: string; nameEn: string }>;
  };
};

/** pg_trgm similarity a query gram needs to name an entity (typos forgiven above it) */
const NAME_SIMILARITY = 0.5;
/** shorter grams must equal a name exactly */
const MIN_FUZZY_LENGTH = 5;
const MAX_EXPANSIONS = 8;

type Expansion = { entityId: string; gram: string; covers: number[] };

/** Entities (published) whose name or alias the query spells, exactly or with a typo. */
async function namedEntities(p: ParsedQuery): Promise<Expansion[]> {
  const grams = nameGrams(p).filter((g) => g.gram.length >= 3);
  if (!grams.length) return [];
  const rows = await db().$queryRawUnsafe<{ entityId: string; gram: string; sim: number }[]>(
    `SELECT DISTINCT ON (e."id") e."id" AS "entityId", g.t AS gram, similarity(a."normalized", g.t)::float8 AS sim
       FROM unnest($1::text[]) AS g(t)
       JOIN "entity_aliases" a ON (a."normalized" = g.t OR (char_length(g.t) >= ${MIN_FUZZY_LENGTH} AND a."normalized" % g.t))
       JOIN "entities" e ON e."id" = a."entityId" AND ${publishedSql.entity("e")}
      WHERE a."normalized" = g.t OR similarity(a."normalized", g.t) >= ${NAME_SIMILARITY}
      ORDER BY e."id", sim DESC, char_length(g.t) DESC`,
    grams.map((g) => g.gram),
  );
  const covers = new Map(grams.map((g) => [g.gram, g.covers]));
  rows.sort((a, b) => b.sim - a.sim || b.gram.length - a.gram.length);
  return rows.slice(0, MAX_EXPANSIONS).map((r) => ({ entityId: r.entityId, gram: r.gram, covers: covers.get(r.gram) ?? [] }));
}

function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** rest of the query, once the words an entity stands for are taken out */
function restQuery(p: ParsedQuery, covered: number[]): string | null {
  const rest: ParsedQuery = { ...p, words: p.words.filter((_, i) => !covered.includes(i)), readings: p.readings.filter((_, i) => !covered.includes(i)) };
  return tsqueryAll(rest);
}

/** `hits(id, score, via)`: articles matching the words, or naming an entity the query spells. */
function hitsSql(p: ParsedQuery, expansions: Expansion[], params: unknown[]): string {
  const all = p.quoted ? tsqueryPhraseLoose(p)! : tsqueryAll(p)!;
  const qAll = param(params, all);
  const qTitle = param(params, tsqueryTitle(p)!);
  const qPhrase = param(params, tsqueryPhrase(p)!);
  const branches = [
    `SELECT d."articleId" AS id,
            ts_rank_cd(d."tsv", ${qAll}::tsquery, 1)
              + CASE WHEN d."tsv" @@ ${qTitle}::tsquery THEN 4 ELSE 0 END
              + CASE WHEN d."tsv" @@ ${qPhrase}::tsquery THEN 2 ELSE 0 END AS score,
            0 AS via
       FROM "search_documents" d
      WHERE d."kind" = 'article' AND d."tsv" @@ ${qAll}::tsquery`,
  ];
  if (!p.quoted) {
    for (const x of expansions) {
      if (!x.covers.length) continue;
      const rest = restQuery(p, x.covers);
      const restCond = rest ? ` AND EXISTS (SELECT 1 FROM "search_documents" d WHERE d."articleId" = m."articleId" AND d."tsv" @@ ${param(params, rest)}::tsquery)` : "";
      branches.push(
        `SELECT m."articleId" AS id, 1 + least(count(*), 10) * 0.05 AS score, 1 AS via
           FROM "mentions" m
          WHERE m."entityId" = ${param(params, x.entityId)} AND m."state" = 'confirmed'${restCond}
          GROUP BY m."articleId"`,
      );
    }
  }
  return `hits AS (SELECT id, sum(score) AS score, min(via) AS via FROM (${branches.join("\nUNION ALL\n")}) b GROUP BY id)`;
}

type Filters = { year?: number; outlet?: string; entityId?: string | null };

function filterSql(f: Filters, params: unknown[], except?: keyof Filters): string {
  const conds: string[] = [];
  if (f.year !== undefined && except !== "year") conds.push(`x.year = ${param(params, f.year)}`);
  if (f.outlet !== undefined && except !== "outlet") conds.push(`x.outlet = ${param(params, f.outlet)}`);
  if (f.entityId !== undefined && except !== "entityId") {
    conds.push(
      `EXISTS (SELECT 1 FROM "mentions" fm JOIN "articles" fa ON fa."id" = fm."articleId" JOIN "entities" fe ON fe."id" = fm."entityId"
                WHERE fm."articleId" = x.id AND fm."entityId" = ${param(params, f.entityId ?? "")} AND ${publishedSql.mention("fm", "fa", "fe")})`,
    );
  }
  return conds.length ? `WHERE ${conds.join(" AND ")}` : "";
}

/** the matched, published articles with the columns the facets need */
function matchedSql(p: ParsedQuery, expansions: Expansion[], params: unknown[]): string {
  return `WITH ${hitsSql(p, expansions, params)},
    matched AS MATERIALIZED (
      SELECT a."id" AS id, h.score, h.via, extract(year FROM a."publishedOn")::int AS year, a."outlet" AS outlet, a."publishedOn" AS "publishedOn"
        FROM hits h JOIN "articles" a ON a."id" = h.id AND ${publishedSql.article("a")})`;
}

const ENTITY_TYPES_SEARCHED = ["person", "organization", "event", "place"] as const;

export async function searchPublic(query: SearchQuery): Promise<SearchResult> {
  const p = parseQuery(query.q);
  const empty: SearchResult = {
    query: query.q,
    words: p.words,
    page: query.page,
    limit: query.limit,
    total: 0,
    articles: [],
    entities: [],
    expandedThrough: [],
    facets: { type: [], year: [], outlet: [], entity: [] },
  };
  if (!p.words.length) return empty;

  const expansions = p.quoted ? [] : await namedEntities(p);
  const entityFilter = query.entity ? await publishedEntityIdBySlug(query.entity) : undefined;
  const filters: Filters = { year: query.year, outlet: query.outlet, entityId: entityFilter };

  // articles: the page, the total and the facets, in one round trip
  const params: unknown[] = [];
  const base = matchedSql(p, expansions, params);
  const offset = (query.page - 1) * query.limit;
  const pageSql = `SELECT 'row' AS k, x.id AS v, x.score::float8 AS score, x.via AS via, 0 AS n FROM matched x ${filterSql(filters, params)}
     ORDER BY score DESC, x."publishedOn" DESC NULLS LAST, x.id LIMIT ${param(params, query.type && query.type !== "article" ? 0 : query.limit)} OFFSET ${param(params, offset)}`;
  const countsSql = (k: string, select: string, group: string, except: keyof Filters | undefined) =>
    `SELECT '${k}' AS k, ${select} AS v, 0::float8 AS score, 0 AS via, count(*)::int AS n FROM matched x ${filterSql(filters, params, except)} ${group}`;
  const facetParts = [
    countsSql("total", "NULL::text", "", undefined),
    countsSql("year", "x.year::text", "GROUP BY x.year", "year"),
    countsSql("outlet", "x.outlet", "GROUP BY x.outlet", "outlet"),
  ];
  const entityFacet = `SELECT 'entity' AS k, fe."id" AS v, 0::float8 AS score, 0 AS via, count(DISTINCT x.id)::int AS n
      FROM (SELECT x.id FROM matched x ${filterSql(filters, params, "entityId")}) x
      JOIN "mentions" fm ON fm."articleId" = x.id
      JOIN "articles" fa ON fa."id" = fm."articleId"
      JOIN "entities" fe ON fe."id" = fm."entityId"
     WHERE ${publishedSql.mention("fm", "fa", "fe")}
     GROUP BY fe."id" ORDER BY n DESC LIMIT 12`;
  const rows = await db().$queryRawUnsafe<{ k: string; v: string | null; score: number; via: number; n: number }[]>(
    `${base}
     (${pageSql}) UNION ALL ${facetParts.join(" UNION ALL ")} UNION ALL (${entityFacet})`,
    ...params,
  );

  const pageRows = rows.filter((r) => r.k === "row");
  const total = rows.find((r) => r.k === "total")?.n ?? 0;
  const yearFacet = rows.filter((r) => r.k === "year" && r.v !== null).map((r) => ({ value: Number(r.v), count: r.n })).sort((a, b) => b.value - a.value);
  const outletFacet = rows.filter((r) => r.k === "outlet" && r.v !== null).map((r) => ({ value: r.v!, count: r.n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const entityCounts = rows.filter((r) => r.k === "entity").map((r) => ({ id: r.v!, count: r.n }));

  // entities: by their own words, or named by the query
  const eParams: unknown[] = [];
  const eAll = param(eParams, p.quoted ? tsqueryPhraseLoose(p) : tsqueryAll(p));
  const eIds = param(eParams, expansions.map((x) => x.entityId));
  const entityRows = await db().$queryRawUnsafe<{ id: string; slug: string; type: SearchEntityHit["type"]; nameAr: string; nameEn: string; score: number }[]>(
    `SELECT e."id", e."slug", e."type"::text AS type, e."nameAr", e."nameEn",
            (CASE WHEN e."id" = ANY(${eIds}::text[]) THEN 10 ELSE 0 END + coalesce(ts_rank_cd(d."tsv", ${eAll}::tsquery, 1), 0))::float8 AS score
       FROM "entities" e JOIN "search_documents" d ON d."entityId" = e."id"
      WHERE ${publishedSql.entity("e")} AND (d."tsv" @@ ${eAll}::tsquery OR e."id" = ANY(${eIds}::text[]))
      ORDER BY score DESC, e."nameAr" LIMIT 200`,
    ...eParams,
  );
  const typeFacet: Facet<SearchType> = [
    ...(total > 0 ? [{ value: "article" as const, count: total }] : []),
    ...ENTITY_TYPES_SEARCHED.map((t) => ({ value: t, count: entityRows.filter((e) => e.type === t).length })).filter((f) => f.count > 0),
  ];

  // names for the facet and the expansions
  const lookupIds = [...new Set([...entityCounts.map((e) => e.id), ...expansions.map((x) => x.entityId)])];
  const named = lookupIds.length
    ? await db().entity.findMany({
        where: { id: { in: lookupIds } },
        select: { id: true, slug: true, type: true, nameAr: true, nameEn: true, aliases: { select: { name: true, normalized: true } } },
      })
    : [];
  const byId = new Map(named.map((e) => [e.id, e]));

  const articles = pageRows.length ? await articleHits(pageRows, p, expansions.map((x) => x.entityId)) : [];
  const toHit = (e: { id: string; slug: string; type: string; nameAr: string; nameEn: string }): SearchEntityHit => ({
    id: e.id,
    slug: e.slug,
    type: e.type as SearchEntityHit["type"],
    nameAr: e.nameAr,
    nameEn: e.nameEn,
  });
  return {
    ...empty,
    total,
    articles,
    entities: entityRows.filter((e) => !query.type || query.type === e.type || query.type === "article").slice(0, query.type && query.type !== "article" ? query.limit : 8).map(toHit),
    expandedThrough: expansions
      .map((x) => byId.get(x.entityId))
      .filter((e): e is NonNullable<typeof e> => !!e)
      .map((e) => ({ ...toHit(e), spellings: [...new Set(e.aliases.map((a) => a.name))] })),
    facets: {
      type: typeFacet,
      year: yearFacet,
      outlet: outletFacet,
      entity: entityCounts
        .map((c) => ({ e: byId.get(c.id), count: c.count }))
        .filter((x): x is { e: NonNullable<typeof x.e>; count: number } => !!x.e)
        .map(({ e, count }) => ({ value: { slug: e.slug, nameAr: e.nameAr, nameEn: e.nameEn }, count })),
    },
  };
}

async function publishedEntityIdBySlug(slug: string): Promise<string | null> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(`SELECT e."id" FROM "entities" e WHERE e."slug" = $1 AND ${publishedSql.entity("e")}`, slug);
  return rows[0]?.id ?? null;
}

/** The page's articles with marked titles and snippets (the passages naming an expanded entity marked too). */
async function articleHits(rows: { v: string | null; via: number }[], p: ParsedQuery, expandedIds: string[]): Promise<SearchArticleHit[]> {
  const ids = rows.map((r) => r.v!);
  const articles = await db().$queryRawUnsafe<
    { id: string; slug: string; title: string; titleEn: string | null; outlet: string | null; outletEn: string | null; publishedOn: Date | null; publishedOnPrecision: Precision | null; plainText: string }[]
  >(
    `SELECT a."id", a."slug", a."title", a."titleEn", a."outlet", a."outletEn", a."publishedOn", a."publishedOnPrecision"::text AS "publishedOnPrecision", a."plainText"
       FROM "articles" a WHERE a."id" = ANY($1::text[]) AND ${publishedSql.article("a")}`,
    ids,
  );
  const mentions = expandedIds.length
    ? await db().$queryRawUnsafe<{ articleId: string; start: number; end: number }[]>(
        `SELECT m."articleId", m."start", m."end" FROM "mentions" m JOIN "articles" a ON a."id" = m."articleId" JOIN "entities" e ON e."id" = m."entityId"
          WHERE m."articleId" = ANY($1::text[]) AND m."entityId" = ANY($2::text[]) AND ${publishedSql.mention("m", "a", "e")}`,
        ids,
        expandedIds,
      )
    : [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  return rows.flatMap((r) => {
    const a = byId.get(r.v!);
    if (!a) return [];
    const ranges = mentions.filter((m) => m.articleId === a.id).map((m) => [m.start, m.end] as const);
    return [
      {
        id: a.id,
        slug: a.slug,
        title: a.title,
        titleEn: a.titleEn,
        outlet: a.outlet,
        outletEn: a.outletEn,
        publishedOn: formatPrecise(a.publishedOn, a.publishedOnPrecision),
        precision: a.publishedOnPrecision,
        titleParts: buildSnippet(a.title, p, [], a.title.length + 1),
        snippet: buildSnippet(a.plainText, p, ranges),
        viaAlias: r.via === 1,
      },
    ];
  });
}

/**
 * Indexes the articles and entities that have no index row yet: a database that
 * predates the index, or rows a bulk load wrote straight to the tables. Batched, each
 * batch in its own transaction; returns how many it indexed.
 */
export async function indexMissingSearchDocuments(onProgress?: (done: number) => void): Promise<{ articles: number; entities: number }> {
  const done = { articles: 0, entities: 0 };
  for (const kind of ["articles", "entities"] as const) {
    const table = kind === "articles" ? "articles" : "entities";
    const fk = kind === "articles" ? "articleId" : "entityId";
    for (;;) {
      const ids = await db().$queryRawUnsafe<{ id: string }[]>(
        `SELECT r."id" FROM "${table}" r WHERE NOT EXISTS (SELECT 1 FROM "search_documents" d WHERE d."${fk}" = r."id") LIMIT 1000`,
      );
      if (!ids.length) break;
      await db().$transaction((tx) => syncSearchDocuments(tx, { [kind]: ids.map((r) => r.id) }), { timeout: 120_000 });
      done[kind] += ids.length;
      onProgress?.(done.articles + done.entities);
    }
  }
  return done;
}
