// Exporting a collection as the versioned JSON file (lib/export/schema.ts), streamed:
// an async generator of string chunks (one record per chunk) fed by keyset-paged
// queries, so memory stays flat however large the collection. The only Prisma user
// for exporting.
//
// Visibility: a public export composes every query with lib/db/published.ts (the one
// published-only filter); a staff export (drafts, pending versions, internal
// annotations, every mention) needs "export.drafts" — or the trusted shell.
//
// Consistency: the whole export reads one REPEATABLE READ, read-only snapshot, so a
// record saved while the file is being written cannot leave a reference dangling
// (a mention of an entity that was not there when the entities were read). The
// snapshot holds a pooled connection while the download runs (a slow client keeps it),
// so an app instance runs at most a quarter of its pool's worth of exports at once; a
// download that finds no free slot within a few seconds is told to come back later
// (429), and the rest of the app keeps its connections.
import "server-only";
import { db, type PrismaClient } from "../db/client";
import { env } from "../env";
import { Prisma } from "../db/generated/client";
import { published } from "../db/published";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/data";
import { EXPORT_VERSION, scopeInFile, type ExportScope, type SectionName } from "./schema";
import {
  annotationToFile,
  articleToFile,
  dossierToFile,
  emptyCounts,
  entityToFile,
  mentionToFile,
  relationToFile,
  tally,
  type Audience,
  type PendingVersion,
} from "./serialize";

type Tx = Prisma.TransactionClient;

export type ExportProgress = { section: SectionName; done: number; total: number; overallDone: number; overallTotal: number };

export type ExportOptions = {
  scope: ExportScope;
  /** drafts, pending versions, internal annotations and every mention: needs `actor` */
  includeDrafts: boolean;
  /** who exports: a signed-in user (checked against "export.drafts"), or "shell" (npm run export, trusted like npm run user) */
  actor?: Actor | "shell" | null;
  /** another database (tests, tools); default the app's */
  client?: PrismaClient;
  onProgress?: (p: ExportProgress) => void;
  /** for the audit log */
  ip?: string | null;
  /** how long the read snapshot may stay open (a slow download holds it); default 30 minutes */
  snapshotTimeoutMs?: number;
  /** how long to wait for a free export slot before answering rate_limited; default 10 s */
  slotWaitMs?: number;
  /** an entity type's article ids read per query, ahead of their pages; default ARTICLE_ID_BATCH (tests use a small one) */
  articleIdBatch?: number;
};

/** characters per streamed chunk (≈ 1 MB of Arabic UTF-8; a record larger than that is one chunk) */
export const EXPORT_CHUNK = 512 * 1024;
const CHUNK = EXPORT_CHUNK;
/** Rows per query. Articles carry their full texts, so they come in smaller pages. */
const PAGE = { articles: 100, entities: 500, mentions: 500, relations: 500, annotations: 500, dossiers: 20 } as const;

/**
 * The export file as a stream of string chunks. Authorization is checked at once
 * (a staff export without the permission throws before anything is read); the scope
 * (e.g. an unknown or unpublished dossier → not_found) when the first chunk is asked for.
 */
export function exportCollection(opts: ExportOptions): AsyncGenerator<string> {
  if (opts.includeDrafts && opts.actor !== "shell") authorize(opts.actor ?? null, "export.drafts");
  return generate(opts);
}

async function* generate(opts: ExportOptions): AsyncGenerator<string> {
  const client = opts.client ?? db();
  const audience: Audience = opts.includeDrafts ? "staff" : "public";
  const release = await exportSlot(opts.slotWaitMs ?? 10_000);
  try {
    yield* snapshotExport(client, audience, opts);
  } finally {
    release();
  }
}

// ───────────────────────────── a few exports at a time per app instance

let running = 0;
const queue: (() => void)[] = [];
async function exportSlot(waitMs: number): Promise<() => void> {
  const slots = Math.max(1, Math.floor(env().DATABASE_POOL_SIZE / 4));
  if (running >= slots) {
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(wake), 1);
        reject(new AppError("rate_limited", "Too many exports are running right now: try again in a minute."));
      }, waitMs);
      queue.push(wake);
    });
  } else running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = queue.shift();
    if (next) next(); // the slot passes on
    else running--;
  };
}

async function* snapshotExport(client: PrismaClient, audience: Audience, opts: ExportOptions): AsyncGenerator<string> {
  yield* inSnapshot(client, opts.snapshotTimeoutMs ?? 30 * 60_000, async function* (tx) {
    const scope = await resolveScope(tx, opts.scope, audience);
    const where = whereOf(scope, audience);

    if (audience === "staff") {
      const actorId = opts.actor && opts.actor !== "shell" ? opts.actor.id : null;
      await recordAudit(
        {
          actorId,
          action: "export.download",
          recordType: scope.dossierId ? "dossier" : null,
          recordId: scope.dossierId,
          ip: opts.ip ?? null,
          details: { scope: scopeInFile(opts.scope), includesDrafts: true, via: opts.actor === "shell" ? "shell" : "api" },
        },
        client,
      );
    }

    const totals = opts.onProgress ? await countAll(tx, where) : null;
    const overallTotal = totals ? Object.values(totals).reduce((a, b) => a + b, 0) : 0;
    let overallDone = 0;
    const progress = (section: SectionName, done: number, step: number) => {
      overallDone += step;
      if (totals) opts.onProgress!({ section, done, total: totals[section], overallDone, overallTotal });
    };

    const counts = emptyCounts();
    yield `{\n"version": ${JSON.stringify(EXPORT_VERSION)},\n"exportedAt": ${JSON.stringify(new Date().toISOString())},\n` +
      `"scope": ${JSON.stringify(scopeInFile(opts.scope))},\n"includesDrafts": ${opts.includeDrafts},\n`;

    const sections: [SectionName, AsyncGenerator<unknown[]>][] = [
      // an entity type's articles are found through every mention and citation: their ids first, in batches
      ["articles", articlePages(tx, where, audience, scope.kind === "entityType" ? (opts.articleIdBatch ?? ARTICLE_ID_BATCH) : null)],
      ["entities", entityPages(tx, where, audience)],
      ["mentions", mentionPages(tx, where)],
      ["relations", relationPages(tx, where, audience)],
      ["annotations", annotationPages(tx, where, audience)],
      ["dossiers", dossierPages(tx, where, audience)],
    ];
    // chunks of about CHUNK characters, whatever the records: a stream pull per record
    // costs more than serializing it, and the server flushes (and, compressing, syncs
    // its gzip stream) after every chunk
    let chunk = "";
    for (const [name, pages] of sections) {
      chunk += `"${name}": [`;
      let done = 0;
      for await (const records of pages) {
        for (const record of records) {
          tally(counts, name, record);
          chunk += `${done++ === 0 ? "\n" : ",\n"}${JSON.stringify(record)}`;
          if (chunk.length >= CHUNK) {
            yield chunk;
            chunk = "";
          }
        }
        progress(name, done, records.length);
      }
      progress(name, done, 0);
      chunk += done ? "\n],\n" : "],\n";
    }
    yield `${chunk}"counts": ${JSON.stringify(counts)}\n}\n`;
  });
}

// ───────────────────────────── one consistent, read-only snapshot

async function* inSnapshot<T>(client: PrismaClient, timeout: number, body: (tx: Tx) => AsyncGenerator<T>): AsyncGenerator<T> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let handOver!: (tx: Tx) => void;
  const txReady = new Promise<Tx>((r) => (handOver = r));
  const finished = client
    .$transaction(
      async (tx) => {
        handOver(tx);
        await released;
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout, maxWait: 30_000 },
    )
    .then(
      () => null,
      (e: unknown) => e, // surfaced below, never unhandled
    );
  const tx = await Promise.race([
    txReady,
    finished.then((e) => {
      throw e ?? new Error("the export's database snapshot ended before it began");
    }),
  ]);
  try {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    yield* body(tx);
  } finally {
    release();
    await finished;
  }
}

// ───────────────────────────── what a scope covers

type ResolvedScope = { kind: "all" } | { kind: "dossier"; dossierId: string } | { kind: "entityType"; entityType: NonNullable<Exclude<ExportScope, "all">["entityType"]> };

async function resolveScope(tx: Tx, scope: ExportScope, audience: Audience): Promise<ResolvedScope & { dossierId: string | null }> {
  if (scope === "all" || (!scope.dossier && !scope.entityType)) return { kind: "all", dossierId: null };
  if (scope.entityType) return { kind: "entityType", entityType: scope.entityType, dossierId: null };
  const key = scope.dossier!;
  const visible = audience === "public" ? published.dossier() : {};
  const row = await tx.dossier.findFirst({ where: { AND: [visible, { OR: [{ slug: key }, { id: key }] }] }, select: { id: true } });
  // for the public a dossier that is not published does not exist
  if (!row) throw new AppError("not_found", `No dossier "${key}".`);
  return { kind: "dossier", dossierId: row.id };
}

export type ExportWhere = {
  article: Prisma.ArticleWhereInput;
  entity: Prisma.EntityWhereInput;
  mention: Prisma.MentionWhereInput;
  relation: Prisma.RelationWhereInput;
  citation: Prisma.CitationWhereInput;
  annotation: Prisma.AnnotationWhereInput;
  /** null: the scope holds no dossiers */
  dossier: Prisma.DossierWhereInput | null;
  dossierItem: Prisma.DossierItemWhereInput;
};

/** What the audience may see at all: for the public, lib/db/published.ts and nothing else. */
function visibility(audience: Audience, scope: ResolvedScope): ExportWhere {
  if (audience === "public") {
    return {
      article: published.article(),
      entity: published.entity(),
      mention: published.mention(),
      relation: published.relation(),
      citation: published.citation(),
      annotation: published.annotation(),
      dossier: published.dossier(),
      dossierItem: published.dossierItem(),
    };
  }
  // staff: everything; merged duplicates only travel with everything (their survivor is then in the file too)
  return {
    article: {},
    entity: scope.kind === "all" ? {} : { mergedIntoId: null },
    mention: {},
    relation: {},
    citation: {},
    annotation: {},
    dossier: {},
    dossierItem: {},
  };
}

/**
 * The rows of each section. A file is self-contained: every reference in it names a
 * record of the same file.
 * - all: everything the audience may see.
 * - dossier: the dossier, its articles, its entities and the entities its articles
 *   mention; the mentions, annotations and citations of those articles; the relations
 *   between those entities.
 * - entityType: the entities of that type, the relations between them, the articles that
 *   mention them or are cited about them, and those articles' mentions of them and annotations.
 */
function whereOf(scope: ResolvedScope, audience: Audience): ExportWhere {
  const v = visibility(audience, scope);
  if (scope.kind === "all") return v;

  if (scope.kind === "dossier") {
    const inDossier = { dossierItems: { some: { dossierId: scope.dossierId } } };
    const article: Prisma.ArticleWhereInput = { AND: [v.article, inDossier] };
    const entity: Prisma.EntityWhereInput = {
      AND: [v.entity, { OR: [inDossier, { mentions: { some: { AND: [v.mention, { article }] } } }] }],
    };
    return {
      article,
      entity,
      mention: { AND: [v.mention, { article }, { entity }] },
      relation: { AND: [v.relation, { source: entity }, { target: entity }] },
      citation: { AND: [v.citation, { article }] },
      annotation: { AND: [v.annotation, { article }] },
      dossier: { AND: [v.dossier!, { id: scope.dossierId }] },
      dossierItem: { AND: [v.dossierItem, { OR: [{ article }, { entity }] }] },
    };
  }

  const entity: Prisma.EntityWhereInput = { AND: [v.entity, { type: scope.entityType, mergedIntoId: null }] };
  const relation: Prisma.RelationWhereInput = { AND: [v.relation, { source: entity }, { target: entity }] };
  const article: Prisma.ArticleWhereInput = {
    AND: [
      v.article,
      {
        OR: [
          { mentions: { some: { AND: [v.mention, { entity }] } } },
          { citations: { some: { AND: [v.citation, { OR: [{ relationId: null, entity }, { relation }] }] } } },
        ],
      },
    ],
  };
  // A mention of one of these entities, or a citation about one of them or about a relation
  // between them, puts its article in the scope: their filters need not repeat the article's
  // (two joins through every mention and citation, evaluated again for each page).
  return {
    article,
    entity,
    mention: { AND: [v.mention, { entity }] },
    relation,
    citation: v.citation,
    annotation: { AND: [v.annotation, { article }] },
    dossier: null,
    dossierItem: { AND: [v.dossierItem, { OR: [{ article }, { entity }] }] },
  };
}

/** How many records each section will hold (for the progress bar), one query after the other on the snapshot. */
async function countAll(tx: Tx, w: ExportWhere): Promise<Record<SectionName, number>> {
  return {
    articles: await tx.article.count({ where: w.article }),
    entities: await tx.entity.count({ where: w.entity }),
    mentions: await tx.mention.count({ where: w.mention }),
    relations: await tx.relation.count({ where: w.relation }),
    annotations: await tx.annotation.count({ where: w.annotation }),
    dossiers: w.dossier ? await tx.dossier.count({ where: w.dossier }) : 0,
  };
}

// ───────────────────────────── keyset-paged reads

const workflowSelect = {
  id: true,
  state: true,
  version: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  pendingRevisionId: true,
  pendingState: true,
} as const;

const anchorSelect = { exact: true, prefix: true, suffix: true, start: true, end: true, anchorStatus: true } as const;

const citationSelect = {
  id: true,
  articleId: true,
  field: true,
  claimStart: true,
  claimPrecision: true,
  claimEnd: true,
  note: true,
  createdAt: true,
  ...anchorSelect,
} satisfies Prisma.CitationSelect;

const articleSelect = {
  ...workflowSelect,
  slug: true,
  title: true,
  titleEn: true,
  kicker: true,
  summary: true,
  body: true,
  plainText: true,
  originalText: true,
  originalFormat: true,
  outlet: true,
  outletEn: true,
  url: true,
  language: true,
  publishedOn: true,
  publishedOnPrecision: true,
  byline: true,
  checksum: true,
  sourceFile: true,
  duplicateOfId: true,
} satisfies Prisma.ArticleSelect;

const entitySelect = {
  ...workflowSelect,
  slug: true,
  type: true,
  kind: true,
  nameAr: true,
  nameEn: true,
  descriptionAr: true,
  descriptionEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  mergedIntoId: true,
} satisfies Prisma.EntitySelect;

const mentionSelect = {
  id: true,
  articleId: true,
  entityId: true,
  state: true,
  source: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
  ...anchorSelect,
} satisfies Prisma.MentionSelect;

const relationSelect = {
  ...workflowSelect,
  type: true,
  sourceId: true,
  targetId: true,
  roleAr: true,
  roleEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  note: true,
} satisfies Prisma.RelationSelect;

const annotationSelect = { ...workflowSelect, ...anchorSelect, articleId: true, body: true, visibility: true } satisfies Prisma.AnnotationSelect;

const dossierSelect = { ...workflowSelect, slug: true, titleAr: true, titleEn: true, introAr: true, introEn: true } satisfies Prisma.DossierSelect;

/**
 * Pages of rows ordered by id: `WHERE id > last ORDER BY id LIMIT size` (stable, no
 * offsets). The next page is asked for as soon as a page arrives, so the database reads
 * it while this one is serialized and sent (the connection still runs one query at a time).
 */
async function* keyset<T extends { id: string }>(size: number, fetch: (after: Prisma.StringFilter | undefined, take: number) => Promise<T[]>): AsyncGenerator<T[]> {
  let next: Promise<T[]> | null = fetch(undefined, size);
  try {
    while (next) {
      const rows: T[] = await next;
      next = rows.length < size ? null : fetch({ gt: rows[rows.length - 1]!.id }, size);
      // an abandoned download must not leave the read ahead to fail unobserved
      next?.catch(() => {});
      if (rows.length) yield rows;
    }
  } finally {
    // stopped early: the read ahead finishes before the snapshot's connection is given back
    if (next) await next.catch(() => {});
  }
}

const and = <W extends object>(where: W, id: Prisma.StringFilter | undefined) => (id ? { AND: [where, { id }] } : where);

/** The pending next version of each published record of a page (staff only). */
async function pendingOf(tx: Tx, audience: Audience, rows: { id: string; pendingRevisionId: string | null; pendingState: string | null }[]): Promise<Map<string, PendingVersion>> {
  const out = new Map<string, PendingVersion>();
  if (audience !== "staff") return out;
  const ids = rows.flatMap((r) => (r.pendingRevisionId ? [r.pendingRevisionId] : []));
  if (!ids.length) return out;
  const revisions = await tx.revision.findMany({ where: { id: { in: ids } }, select: { id: true, snapshot: true } });
  const byId = new Map(revisions.map((r) => [r.id, r.snapshot]));
  for (const r of rows) {
    const snapshot = r.pendingRevisionId ? byId.get(r.pendingRevisionId) : undefined;
    if (snapshot && typeof snapshot === "object" && !Array.isArray(snapshot)) {
      out.set(r.id, { state: r.pendingState === "in_review" ? "in_review" : "draft", content: snapshot as Record<string, unknown> });
    }
  }
  return out;
}

/** article ids read per query, ahead of their pages */
const ARTICLE_ID_BATCH = 5000;

/**
 * A keyset `fetch` in two steps: the ids of the rows matching the scope, `batch` at a time,
 * then each page's rows by id. A scope's filter may join through every mention and
 * citation (an entity type's articles): evaluated once per batch, not once per page.
 * Calls come one after the other (keyset reads one page ahead), each for the page after
 * the last one returned: the queue holds exactly the ids not yet returned.
 */
function idsThenRows<T>(batch: number, ids: (after: Prisma.StringFilter | undefined, take: number) => Promise<string[]>, rows: (ids: string[]) => Promise<T[]>) {
  const queue: string[] = [];
  let last: string | undefined;
  let exhausted = false;
  return async (_after: Prisma.StringFilter | undefined, take: number): Promise<T[]> => {
    while (queue.length < take && !exhausted) {
      const more = await ids(last === undefined ? undefined : { gt: last }, batch);
      exhausted = more.length < batch;
      if (more.length) last = more[more.length - 1];
      queue.push(...more);
    }
    const page = queue.splice(0, take);
    return page.length ? rows(page) : [];
  };
}

/** `idBatch`: read the ids first, that many at a time (a costly filter); null: pages straight from the filter */
async function* articlePages(tx: Tx, w: ExportWhere, audience: Audience, idBatch: number | null) {
  const fetch =
    idBatch === null
      ? (id: Prisma.StringFilter | undefined, take: number) => tx.article.findMany({ where: and(w.article, id), orderBy: { id: "asc" }, take, select: articleSelect })
      : idsThenRows(
          idBatch,
          async (id, take) => (await tx.article.findMany({ where: and(w.article, id), orderBy: { id: "asc" }, take, select: { id: true } })).map((r) => r.id),
          (ids) => tx.article.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: articleSelect }),
        );
  for await (const rows of keyset(PAGE.articles, fetch)) {
    const pending = await pendingOf(tx, audience, rows);
    yield rows.map((r) => articleToFile(r, audience, pending.get(r.id) ?? null));
  }
}

// Child rows (aliases, citations, items…) are read by a query of their own per page,
// one after the other: the snapshot is one connection, which runs one query at a time.

/** rows grouped by their parent's id, in the order they came */
function byParent<T>(rows: T[], parent: (r: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const key = parent(r);
    if (key === null) continue;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

async function* entityPages(tx: Tx, w: ExportWhere, audience: Audience) {
  for await (const rows of keyset(PAGE.entities, (id, take) => tx.entity.findMany({ where: and(w.entity, id), orderBy: { id: "asc" }, take, select: entitySelect }))) {
    const ids = rows.map((r) => r.id);
    const aliases = byParent(
      await tx.entityAlias.findMany({
        where: { entityId: { in: ids } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { entityId: true, id: true, name: true, lang: true, script: true, preferred: true },
      }),
      (a) => a.entityId,
    );
    const redirects = byParent(
      await tx.entityRedirect.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" }, select: { entityId: true, id: true, fromId: true, fromSlug: true } }),
      (r) => r.entityId,
    );
    const citations = byParent(
      await tx.citation.findMany({
        where: { AND: [{ entityId: { in: ids }, relationId: null }, w.citation] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { entityId: true, ...citationSelect },
      }),
      (c) => c.entityId,
    );
    const pending = await pendingOf(tx, audience, rows);
    yield rows.map((r) =>
      entityToFile({ ...r, aliases: aliases.get(r.id) ?? [], redirects: redirects.get(r.id) ?? [], citations: citations.get(r.id) ?? [] }, audience, pending.get(r.id) ?? null),
    );
  }
}

async function* mentionPages(tx: Tx, w: ExportWhere) {
  for await (const rows of keyset(PAGE.mentions, (id, take) => tx.mention.findMany({ where: and(w.mention, id), orderBy: { id: "asc" }, take, select: mentionSelect }))) {
    yield rows.map(mentionToFile);
  }
}

async function* relationPages(tx: Tx, w: ExportWhere, audience: Audience) {
  for await (const rows of keyset(PAGE.relations, (id, take) => tx.relation.findMany({ where: and(w.relation, id), orderBy: { id: "asc" }, take, select: relationSelect }))) {
    const citations = byParent(
      await tx.citation.findMany({
        where: { AND: [{ relationId: { in: rows.map((r) => r.id) } }, w.citation] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { relationId: true, ...citationSelect },
      }),
      (c) => c.relationId,
    );
    const pending = await pendingOf(tx, audience, rows);
    yield rows.map((r) => relationToFile({ ...r, citations: citations.get(r.id) ?? [] }, audience, pending.get(r.id) ?? null));
  }
}

async function* annotationPages(tx: Tx, w: ExportWhere, audience: Audience) {
  for await (const rows of keyset(PAGE.annotations, (id, take) => tx.annotation.findMany({ where: and(w.annotation, id), orderBy: { id: "asc" }, take, select: annotationSelect }))) {
    const pending = await pendingOf(tx, audience, rows);
    yield rows.map((r) => annotationToFile(r, audience, pending.get(r.id) ?? null));
  }
}

async function* dossierPages(tx: Tx, w: ExportWhere, audience: Audience) {
  const where = w.dossier;
  if (!where) return;
  for await (const rows of keyset(PAGE.dossiers, (id, take) => tx.dossier.findMany({ where: and(where, id), orderBy: { id: "asc" }, take, select: dossierSelect }))) {
    const items = byParent(
      await tx.dossierItem.findMany({
        where: { AND: [{ dossierId: { in: rows.map((r) => r.id) } }, w.dossierItem] },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { dossierId: true, id: true, position: true, articleId: true, entityId: true, noteAr: true, noteEn: true },
      }),
      (i) => i.dossierId,
    );
    const pending = await pendingOf(tx, audience, rows);
    yield rows.map((r) => dossierToFile({ ...r, items: items.get(r.id) ?? [] }, audience, pending.get(r.id) ?? null));
  }
}
