import "server-only";
// Search: the index (search_documents, one row per article and entity, kept in step in
// the same transaction as every write of their content) and the public query.
//
// The index holds every record whatever its state (for the day staff search uses it).
// The public query counts and pages among rows whose `public` copy is set (kept by
// triggers from the records' own state, by the rules of lib/db/published.ts), and
// everything it shows (articles, entities, names) is read through those published-only
// conditions again, so a draft can never be found by the public.
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { published, publishedSql } from "../db/published";
import { findPublishedEntityRef } from "../entities/data";
import { formatPrecise, type Precision } from "../dates";
import { editDistance } from "../arabic/match";
import { articleSearchRow, entitySearchRow, UPSERT_ARTICLE_DOCUMENTS_SQL, UPSERT_ENTITY_DOCUMENTS_SQL } from "./rows";
import { buildSnippet, filterTerm, nameGrams, parseQuery, tsqueryAll, tsqueryMatch, tsqueryPhrase, tsqueryTitle, type ParsedQuery, type SnippetPart } from "./text";
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
    await tx.$executeRawUnsafe(UPSERT_ARTICLE_DOCUMENTS_SQL, built.map((b) => b.id), built.map((b) => b.tsv), built.map((b) => b.head), built.map((b) => b.names));
  }
  for (const batch of chunks([...new Set(ids.entities ?? [])], BATCH)) {
    const rows = await tx.entity.findMany({
      where: { id: { in: batch } },
      select: { id: true, nameAr: true, nameEn: true, kind: true, descriptionAr: true, descriptionEn: true, aliases: { select: { name: true } } },
    });
    if (!rows.length) continue;
    const built = rows.map((r) => ({ id: r.id, ...entitySearchRow(r) }));
    await tx.$executeRawUnsafe(UPSERT_ENTITY_DOCUMENTS_SQL, built.map((b) => b.id), built.map((b) => b.tsv), built.map((b) => b.head), built.map((b) => b.names));
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
  /** matching articles (with the filters); at most MATCH_CAP, see totalIsLowerBound */
  total: number;
  /** more than `total` match: the count and the facets describe the first `total` */
  totalIsLowerBound: boolean;
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
/** with no exact name, the names within this similarity of the closest one are kept … */
const FUZZY_BAND = 0.05;
/** … at most this many */
const MAX_FUZZY = 2;
/** a name with a typo is at most this many letters off (and a quarter of its length) */
const MAX_TYPOS = 2;

type Expansion = { entityId: string; gram: string; covers: number[] };

/** Entities (published) whose name or alias the query spells, exactly or with a typo. */
async function namedEntities(p: ParsedQuery): Promise<Expansion[]> {
  const grams = nameGrams(p).filter((g) => g.gram.length >= 3);
  if (!grams.length) return [];
  // the trigram index offers as candidates only names that may reach NAME_SIMILARITY
  // (under pg_trgm's default 0.3 a common word drew hundreds, each then compared)
  const candidates = await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${NAME_SIMILARITY}`);
    return tx.$queryRawUnsafe<{ entityId: string; gram: string; name: string; sim: number }[]>(
      `SELECT e."id" AS "entityId", g.t AS gram, a."normalized" AS name, similarity(a."normalized", g.t)::float8 AS sim
         FROM unnest($1::text[]) AS g(t)
         JOIN "entity_aliases" a ON (a."normalized" = g.t OR (char_length(g.t) >= ${MIN_FUZZY_LENGTH} AND a."normalized" % g.t))
         JOIN "entities" e ON e."id" = a."entityId" AND ${publishedSql.entity("e")}
        WHERE a."normalized" = g.t OR similarity(a."normalized", g.t) >= ${NAME_SIMILARITY}`,
      grams.map((g) => g.gram),
    );
  });
  // a typo is a letter or two: names that merely share most of their trigrams with the
  // query (الاقليمي / المركز الاقليمي, الامن الاقليمي / المركز الاقليمي) are other names
  const typo = (r: { gram: string; name: string }) => editDistance(r.gram, r.name) <= Math.min(MAX_TYPOS, Math.floor(Math.max(r.gram.length, r.name.length) / 4));
  const byEntity = new Map<string, { entityId: string; gram: string; sim: number }>();
  for (const r of candidates) {
    if (r.name !== r.gram && !typo(r)) continue;
    const sim = r.name === r.gram ? 1 : Math.min(r.sim, 0.99);
    const seen = byEntity.get(r.entityId);
    if (!seen || sim > seen.sim || (sim === seen.sim && r.gram.length > seen.gram.length)) byEntity.set(r.entityId, { entityId: r.entityId, gram: r.gram, sim });
  }
  const rows = [...byEntity.values()].sort((a, b) => b.sim - a.sim || b.gram.length - a.gram.length || a.entityId.localeCompare(b.entityId));
  const covers = new Map(grams.map((g) => [g.gram, g.covers]));
  // a spelling some entity has is what the reader meant: typos are forgiven only when
  // no name matches exactly, and then only the closest names (similar names abound)
  const best = rows[0]?.sim ?? 0;
  const kept = best >= 1 ? rows.filter((r) => r.sim >= 1) : rows.filter((r) => r.sim >= best - FUZZY_BAND).slice(0, MAX_FUZZY);
  return kept.slice(0, MAX_EXPANSIONS).map((r) => ({ entityId: r.entityId, gram: r.gram, covers: covers.get(r.gram) ?? [] }));
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

/** Up to this many matches, the page is ranked on the whole text (each article's vector is read). */
export const FULL_RANK_LIMIT = 400;
/**
 * Counting and faceting stop after this many matches: the total then reads "2,000+" and
 * the facets describe those matches. A word found in most of a 100,000-article archive
 * would otherwise cost a pass over all of them on every search (at 5,000 the count alone
 * took ~50 ms of the benchmark's common words).
 */
export const MATCH_CAP = 2000;
/** up to this many title matches in a large match set are sorted by date; more are read in date order */
const HEAD_SORT_LIMIT = 500;
/** a quoted phrase is checked against each article's positions: a lower cap */
export const PHRASE_MATCH_CAP = 200;

/** SQL conditions, any of which makes an article a match: the words, or naming an entity the query spells (with the rest of the words) */
function matchConditions(p: ParsedQuery, expansions: Expansion[], params: unknown[]): string[] {
  const base = `d."kind" = 'article' AND d."public"`;
  const conds = [`${base} AND d."tsv" @@ ${param(params, tsqueryMatch(p)!)}::tsquery`];
  for (const x of expansions) {
    if (!x.covers.length) continue;
    const rest = restQuery(p, x.covers);
    conds.push(`${base} AND d."entityIds" @> ARRAY[${param(params, x.entityId)}]::text[]${rest ? ` AND d."tsv" @@ ${param(params, rest)}::tsquery` : ""}`);
  }
  return conds;
}

/** the same as one condition (for queries read in date order) */
function matchCondition(p: ParsedQuery, expansions: Expansion[], params: unknown[]): string {
  return `((${matchConditions(p, expansions, params).join(") OR (")}))`;
}

type Filters = { year?: number; outlet?: string; entityId?: string | null };

function filterSql(f: Filters, params: unknown[], except?: keyof Filters, alias = "x"): string[] {
  const conds: string[] = [];
  if (f.year !== undefined && except !== "year") conds.push(`${alias}."sortDate" >= make_date(${param(params, f.year)}::int, 1, 1) AND ${alias}."sortDate" < make_date(${param(params, f.year + 1)}::int, 1, 1)`);
  if (f.outlet !== undefined && except !== "outlet") conds.push(`${alias}."outlet" = ${param(params, f.outlet)}`);
  if (f.entityId !== undefined && except !== "entityId") conds.push(`${param(params, f.entityId ?? "")} = ANY(${alias}."entityIds")`);
  return conds;
}

/**
 * The same filters as conditions the GIN indexes answer (outlet and year as index terms
 * of the vector `column`, the entity through entityIds), for the scans that find the
 * matches: the index meets the words' articles with the filter's before any row is read.
 */
function filterTerms(f: Filters, params: unknown[], column: "tsv" | "head"): string[] {
  const conds: string[] = [];
  if (f.year !== undefined) conds.push(`d."${column}" @@ ${param(params, filterTerm("year", f.year))}::tsquery`);
  if (f.outlet !== undefined) conds.push(`d."${column}" @@ ${param(params, filterTerm("outlet", f.outlet))}::tsquery`);
  if (f.entityId !== undefined) conds.push(`d."entityIds" @> ARRAY[${param(params, f.entityId ?? "")}]::text[]`);
  return conds;
}

const where = (conds: string[]) => (conds.length ? `WHERE ${conds.join(" AND ")}` : "");

const ENTITY_TYPES_SEARCHED = ["person", "organization", "event", "place"] as const;

type Counted = { k: string; v: string | null; n: number };

export async function searchPublic(query: SearchQuery, limits: { fullRank?: number; cap?: number; headSort?: number } = {}): Promise<SearchResult> {
  const p = parseQuery(query.q);
  const empty: SearchResult = {
    query: query.q,
    words: p.words,
    page: query.page,
    limit: query.limit,
    total: 0,
    totalIsLowerBound: false,
    articles: [],
    entities: [],
    expandedThrough: [],
    facets: { type: [], year: [], outlet: [], entity: [] },
  };
  if (!p.words.length) return empty;

  const expansions = p.quoted ? [] : await namedEntities(p);
  const entityFilter = query.entity ? ((await findPublishedEntityRef(query.entity))?.id ?? null) : undefined;
  const filters: Filters = { year: query.year, outlet: query.outlet, entityId: entityFilter };
  const wantArticles = !query.type || query.type === "article";
  const offset = (query.page - 1) * query.limit;

  const cap = limits.cap ?? (p.quoted ? PHRASE_MATCH_CAP : MATCH_CAP);
  const fullRank = limits.fullRank ?? FULL_RANK_LIMIT;
  const headSort = limits.headSort ?? HEAD_SORT_LIMIT;

  // entities: by their own words, or named by the query
  const eParams: unknown[] = [];
  const eAll = param(eParams, tsqueryMatch(p));
  const eIds = param(eParams, expansions.map((x) => x.entityId));
  const entityQuery = db().$queryRawUnsafe<{ id: string; slug: string; type: SearchEntityHit["type"]; nameAr: string; nameEn: string; score: number }[]>(
    `SELECT e."id", e."slug", e."type"::text AS type, e."nameAr", e."nameEn",
            (CASE WHEN e."id" = ANY(${eIds}::text[]) THEN 10 ELSE 0 END + coalesce(ts_rank_cd(d."head", ${eAll}::tsquery, 1), 0))::float8 AS score
       FROM "search_documents" d JOIN "entities" e ON e."id" = d."entityId"
      WHERE d."kind" = 'entity' AND d."entityId" IS NOT NULL -- (read through the entityId index: entities only, not every article's row)
        AND ${publishedSql.entity("e")} AND (d."tsv" @@ ${eAll}::tsquery OR d."entityId" = ANY(${eIds}::text[]))
      ORDER BY score DESC, e."nameAr" LIMIT 200`,
    ...eParams,
  );
  // … while the articles are counted and paged
  // the matches as a UNION of one indexed branch per match condition (an OR of them would
  // check the rest of the words article by article, reading each one's whole vector)
  const matchUnion = (params: unknown[], select: string, filter: string[], limit?: number) =>
    matchConditions(p, expansions, params)
      .map((c) => `(SELECT ${select} FROM "search_documents" d ${where([c, ...filter])}${limit ? ` LIMIT ${limit}` : ""})`)
      .join(" UNION ");
  const articleQuery = db().$transaction(async (tx) => {
    // a word in most articles makes the planner prefer reading the whole table, which
    // decompresses every vector; the indexes answer such a query without touching them
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");

    // 1. the total and the facets, reading at most `cap` matches each
    const params: unknown[] = [];
    const cols = `d."articleId" AS id, d."sortDate", d."outlet", d."entityIds", extract(year FROM d."sortDate")::int AS year`;
    const capped = (filter: string[]) => `(SELECT * FROM (${matchUnion(params, cols, filter, cap + 1)}) u LIMIT ${cap + 1})`;
    // x: the matches under every filter (its count is the total, exact up to the cap);
    // y: the matches under none, for the facets, each counted under the other filters
    const filtered = filterTerms(filters, params, "tsv");
    const base = filtered.length ? `WITH x AS MATERIALIZED ${capped(filtered)}, y AS MATERIALIZED ${capped([])}` : `WITH x AS MATERIALIZED ${capped([])}, y AS (SELECT * FROM x)`;
    const count = (k: string, select: string, group: string, except: keyof Filters) =>
      `SELECT '${k}' AS k, ${select} AS v, count(*)::int AS n FROM y AS x ${where(filterSql(filters, params, except))} ${group}`;
    const parts = [
      `SELECT 'total' AS k, NULL::text AS v, count(*)::int AS n FROM x`,
      count("year", "x.year::text", "GROUP BY x.year", "year"),
      count("outlet", `x."outlet"`, `GROUP BY x."outlet"`, "outlet"),
      `(SELECT 'entity' AS k, e.id AS v, count(*)::int AS n FROM (SELECT unnest(x."entityIds") AS id FROM y AS x ${where(filterSql(filters, params, "entityId"))}) e GROUP BY e.id ORDER BY n DESC, e.id LIMIT 24)`,
    ];
    const counted = await tx.$queryRawUnsafe<Counted[]>(`${base} ${parts.join(" UNION ALL ")}`, ...params);
    const total = counted.find((r) => r.k === "total")?.n ?? 0;
    if (!wantArticles || total === 0 || (total <= cap && offset >= total)) return { counted, pageRows: [] as { id: string }[] };

    const pp: unknown[] = [];
    const match = matchCondition(p, expansions, pp);
    const filter = filterSql(filters, pp, undefined, "d");
    const qAll = param(pp, tsqueryMatch(p));
    if (total <= Math.min(fullRank, cap)) {
      // 2a. a small match set: ranked on the whole text, title and exact phrase first
      const qTitle = param(pp, tsqueryTitle(p));
      const qPhrase = param(pp, tsqueryPhrase(p));
      const pageRows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT d."articleId" AS id,
                (CASE WHEN d."head" @@ ${qTitle}::tsquery THEN 4 ELSE 0 END
                 + CASE WHEN d."tsv" @@ ${qPhrase}::tsquery THEN 2 ELSE 0 END
                 + CASE WHEN d."tsv" @@ ${qAll}::tsquery THEN ts_rank_cd(d."tsv", ${qAll}::tsquery, 1) ELSE -0.5 END)::float8 AS score
           FROM "search_documents" d ${where([match, ...filter])}
          ORDER BY score DESC, d."sortDate" DESC, d."articleId"
          LIMIT ${param(pp, query.limit)} OFFSET ${param(pp, offset)}`,
        ...pp,
      );
      return { counted, pageRows };
    }
    if (total <= cap) {
      // 2b. a mid-sized one, every match known: title, kicker or summary matches first,
      // then the others, newest first in each — sorted from the matches themselves
      // (walking the dates for matches spread thin over the archive read far more rows)
      const pb: unknown[] = [];
      const qHead = param(pb, tsqueryMatch(p));
      const filtered = filterTerms(filters, pb, "tsv");
      const pageRows = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT u.id FROM (${matchUnion(pb, `d."articleId" AS id, d."sortDate", d."head" @@ ${qHead}::tsquery AS title`, filtered)}) u ORDER BY u.title DESC, u."sortDate" DESC, u.id LIMIT ${param(pb, query.limit)} OFFSET ${param(pb, offset)}`,
        ...pb,
      );
      return { counted, pageRows };
    }
    // 2c. a large one: articles whose title, kicker or summary match first, then the
    // others, newest first in each — read in date order, so a page costs a page
    const want = offset + query.limit;
    // (the title is in the whole text too: a title match is a match)
    const p1: unknown[] = [];
    const headMatch = where([`d."kind" = 'article' AND d."public"`, `d."head" @@ ${param(p1, tsqueryMatch(p))}::tsquery`, ...filterTerms(filters, p1, "head")]);
    const wantTier1 = param(p1, want);
    // a few title matches are found through the head index and sorted; many, read in
    // date order (walking the dates past thousands of articles for a rare title word
    // cost tens of milliseconds)
    const few = await tx.$queryRawUnsafe<{ id: string; n: number }[]>(
      `SELECT h.id, count(*) OVER ()::int AS n FROM (SELECT d."articleId" AS id, d."sortDate" FROM "search_documents" d ${headMatch} LIMIT ${headSort + 1}) h
        ORDER BY h."sortDate" DESC, h.id LIMIT ${wantTier1}`,
      ...p1,
    );
    const tier1 =
      (few[0]?.n ?? 0) <= headSort
        ? few
        : await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT d."articleId" AS id FROM "search_documents" d ${headMatch} ORDER BY d."sortDate" DESC, d."articleId" LIMIT ${wantTier1}`, ...p1);
    if (tier1.length >= want) return { counted, pageRows: tier1.slice(offset) };
    const pageRows = [
      ...tier1.slice(offset),
      ...(await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT d."articleId" AS id FROM "search_documents" d ${where([match, `NOT (d."head" @@ ${qAll}::tsquery)`, ...filter])}
          ORDER BY d."sortDate" DESC, d."articleId" LIMIT ${param(pp, want - Math.max(offset, tier1.length))} OFFSET ${param(pp, Math.max(0, offset - tier1.length))}`,
        ...pp,
      )),
    ];
    return { counted, pageRows };
  });
  const [{ counted, pageRows }, entityRows] = await Promise.all([articleQuery, entityQuery]);

  const counts = counted.find((r) => r.k === "total")?.n ?? 0;
  const total = Math.min(counts, cap);
  const yearFacet = counted.filter((r) => r.k === "year" && r.v !== null && Number(r.v) > 1).map((r) => ({ value: Number(r.v), count: r.n })).sort((a, b) => b.value - a.value);
  const outletFacet = counted.filter((r) => r.k === "outlet" && r.v !== null).map((r) => ({ value: r.v!, count: r.n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const entityCounts = counted.filter((r) => r.k === "entity").map((r) => ({ id: r.v!, count: r.n }));

  const typeFacet: Facet<SearchType> = [
    ...(total > 0 ? [{ value: "article" as const, count: total }] : []),
    ...ENTITY_TYPES_SEARCHED.map((t) => ({ value: t, count: entityRows.filter((e) => e.type === t).length })).filter((f) => f.count > 0),
  ];

  // names for the facet and the expansions, through the published filter (an entity
  // named in a public article but itself unpublished is not offered)
  const lookupIds = [...new Set([...entityCounts.map((e) => e.id), ...expansions.map((x) => x.entityId)])];
  const named = lookupIds.length
    ? await db().entity.findMany({
        where: { AND: [published.entity(), { id: { in: lookupIds } }] },
        select: { id: true, slug: true, type: true, nameAr: true, nameEn: true, aliases: { select: { name: true } } },
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
    totalIsLowerBound: counts > cap,
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
        .slice(0, 12)
        .map(({ e, count }) => ({ value: { slug: e.slug, nameAr: e.nameAr, nameEn: e.nameEn }, count })),
    },
  };
}

/** The page's articles with marked titles and snippets (the passages naming an expanded entity marked too). */
async function articleHits(rows: { id: string }[], p: ParsedQuery, expandedIds: string[]): Promise<SearchArticleHit[]> {
  const ids = rows.map((r) => r.id);
  const articles = await db().$queryRawUnsafe<
    { id: string; slug: string; title: string; titleEn: string | null; outlet: string | null; outletEn: string | null; publishedOn: Date | null; publishedOnPrecision: Precision | null; plainText: string; direct: boolean }[]
  >(
    `SELECT a."id", a."slug", a."title", a."titleEn", a."outlet", a."outletEn", a."publishedOn", a."publishedOnPrecision"::text AS "publishedOnPrecision", a."plainText",
            coalesce(d."tsv" @@ $2::tsquery, false) AS direct
       FROM "articles" a LEFT JOIN "search_documents" d ON d."articleId" = a."id"
      WHERE a."id" = ANY($1::text[]) AND ${publishedSql.article("a")}`,
    ids,
    tsqueryMatch(p),
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
    const a = byId.get(r.id);
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
        viaAlias: !a.direct,
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
