// Merging duplicate entities, and undoing a merge. The one place that moves rows from
// one entity to another.
//
// A merge, in one transaction with both entities locked: the duplicate's names and
// aliases become aliases of the survivor; its mentions, relations (either side), date
// citations and dossier items move to the survivor; addresses that led to it (its id,
// its slug, older redirects) lead to the survivor; it is marked merged (hidden from
// the public and from pickers, kept for undo) and both entities get a revision.
// Everything that moved is listed in the EntityMerge row (`moves`), with the rows that
// had to be removed kept whole — a mention identical to one the survivor already has,
// a relation between the two that would link the survivor to itself — so an undo puts
// back exactly what was there.
//
// Relations and dossiers whose content names the duplicate (their rows, or a pending
// next version of a published one) are content changes too: they get a new version
// and a revision, so an editor with one open gets a conflict instead of silently
// pointing it back at the duplicate, and a pending version published later does not
// bring the duplicate back.
import { syncSearchDocuments } from "../search/data";
import "server-only";
import { db } from "../db/client";
import type { Citation as CitationRow, Mention as MentionRow, Prisma, Relation as RelationRow } from "../db/generated/client";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/data";
import { normalizeNameKey } from "../arabic/normalize";
import { editDistance } from "../arabic/match";
import { aliasRows, loadRowContent, lockRecord, scriptOfName, workflowDelegate, workflowSelect, workingCopyIn, writeRevision, type Tx, type WorkflowRow } from "../records/data";
import type { EntityContent, EntityType } from "../entities/schemas";
import type { RelationContent } from "../relations/schemas";
import type { DossierContent } from "../dossiers/schemas";
import { mergeInputSchema, mergePreviewSchema, undoMergeSchema } from "./schemas";

const TX_OPTIONS = { timeout: 60_000 } as const;
const MAX_ALIASES = 200; // entityContentSchema's limit

// ───────────────────────────── what a merge records

type Side = "source" | "target";
type Stored<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** Everything a merge changed, enough to put it back (stored as `entity_merges.moves`). */
export type MergeMoves = {
  v: 1;
  /** alias rows added to the survivor (ids), and their normalized keys */
  aliases: { ids: string[]; keys: string[] };
  /** the survivor was published with unpublished changes: the keys of the names added to that pending version */
  survivorHadPending: boolean;
  pendingAliasKeys: string[];
  mentions: {
    moved: string[];
    /** duplicates of a mention the survivor already had: removed, kept whole */
    deleted: Stored<MentionRow>[];
    /** the survivor's mention of the same words took the duplicate's decision: what it was before */
    decided: { id: string; state: MentionRow["state"]; decidedById: string | null; decidedAt: string | null; setTo: MentionRow["state"] }[];
  };
  relations: {
    moved: { id: string; sides: Side[] }[];
    /** relations between the two entities (they would link the survivor to itself): removed, kept whole with their citations */
    deleted: { row: Stored<RelationRow>; citations: Stored<CitationRow>[] }[];
  };
  citations: string[];
  dossierItems: { id: string; dossierId: string; position: number }[];
  redirects: { moved: string[]; created: string[] };
  /** relations and dossiers given a new version because their content named the duplicate */
  records: { kind: "relation" | "dossier"; id: string; pendingSides?: Side[]; pendingIndexes?: number[] }[];
};

const stored = <T,>(row: T): Stored<T> => JSON.parse(JSON.stringify(row)) as Stored<T>;
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
const date = (s: string | null) => (s === null ? null : new Date(s));

function reviveMention(m: Stored<MentionRow>): MentionRow {
  return { ...m, decidedAt: date(m.decidedAt), createdAt: new Date(m.createdAt), updatedAt: new Date(m.updatedAt) };
}
function reviveRelation(r: Stored<RelationRow>): RelationRow {
  return {
    ...r,
    startDate: date(r.startDate),
    endDate: date(r.endDate),
    publishAt: date(r.publishAt),
    publishedAt: date(r.publishedAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}
function reviveCitation(c: Stored<CitationRow>): CitationRow {
  return { ...c, claimStart: date(c.claimStart), claimEnd: date(c.claimEnd), createdAt: new Date(c.createdAt) };
}

// ───────────────────────────── the two entities

const entityFacts = { id: true, slug: true, type: true, nameAr: true, nameEn: true, state: true, version: true, mergedIntoId: true } as const satisfies Prisma.EntitySelect;
type EntityFacts = Prisma.EntityGetPayload<{ select: typeof entityFacts }>;

const label = (e: Pick<EntityFacts, "nameAr" | "nameEn">) => `«${e.nameAr} · ${e.nameEn}»`;

type Locked = EntityFacts & { row: WorkflowRow };

/** Locks both entities (always in the same order, so two merges cannot deadlock) and loads them. */
async function lockPair(tx: Tx, a: string, b: string): Promise<[Locked, Locked]> {
  const locked = new Map<string, WorkflowRow>();
  for (const id of [a, b].sort()) locked.set(id, await lockRecord(tx, "entity", id));
  const rows = await tx.entity.findMany({ where: { id: { in: [a, b] } }, select: entityFacts });
  const byId = new Map(rows.map((r) => [r.id, { ...r, row: locked.get(r.id)! }]));
  return [byId.get(a)!, byId.get(b)!];
}

const TYPE_NAMES: Record<EntityType, string> = { person: "a person", organization: "an organization", event: "an event", place: "a place" };

/** Why these two cannot be merged (nothing is written then). */
function refuseMerge(survivor: EntityFacts, merged: EntityFacts): void {
  if (merged.mergedIntoId) throw new AppError("conflict", `${label(merged)} has already been merged into another entity.`);
  if (survivor.mergedIntoId) throw new AppError("conflict", `${label(survivor)} has itself been merged into another entity: merge into that one instead.`);
  if (survivor.type !== merged.type) {
    throw new AppError("bad_request", `Only entities of the same type can be merged: ${label(merged)} is ${TYPE_NAMES[merged.type]}, ${label(survivor)} ${TYPE_NAMES[survivor.type]}.`);
  }
  if (survivor.state === "archived") throw new AppError("conflict", `${label(survivor)} is archived: restore it before merging a duplicate into it.`);
}

// ───────────────────────────── the plan: what would move

type NameToAdd = { name: string; normalized: string; lang: string; script: string };

type Plan = {
  names: NameToAdd[];
  mentionsMoved: string[];
  mentionsDeleted: MentionRow[];
  mentionsDecided: { survivorMentionId: string; before: MergeMoves["mentions"]["decided"][number]; after: Pick<MentionRow, "state" | "decidedById" | "decidedAt"> }[];
  relationsMoved: { id: string; sides: Side[] }[];
  relationsDeleted: { row: RelationRow; citations: CitationRow[] }[];
  citations: string[];
  dossierItems: { id: string; dossierId: string; position: number }[];
  redirects: string[];
  pendingRelations: { id: string; sides: Side[] }[];
  pendingDossiers: { id: string; indexes: number[] }[];
};

const DECIDED = new Set(["confirmed", "rejected"]);

/** The names of the duplicate (primary names, aliases, and those of its unpublished version) the survivor does not have yet. */
async function namesToAdd(tx: Tx, survivorId: string, merged: EntityFacts & { row: WorkflowRow }): Promise<NameToAdd[]> {
  const [survivorAliases, mergedAliases, mergedCopy] = await Promise.all([
    tx.entityAlias.findMany({ where: { entityId: survivorId }, select: { normalized: true } }),
    tx.entityAlias.findMany({ where: { entityId: merged.id }, orderBy: [{ preferred: "desc" }, { createdAt: "asc" }], select: { name: true, normalized: true, lang: true, script: true } }),
    workingCopyIn(tx, "entity", merged.row),
  ]);
  const has = new Set(survivorAliases.map((a) => a.normalized));
  const out: NameToAdd[] = [];
  const add = (name: string, lang: string, script: string) => {
    const normalized = normalizeNameKey(name);
    if (!normalized || has.has(normalized)) return;
    has.add(normalized);
    out.push({ name, normalized, lang, script });
  };
  add(merged.nameAr, "ar", scriptOfName(merged.nameAr));
  add(merged.nameEn, "en", scriptOfName(merged.nameEn));
  for (const a of mergedAliases) add(a.name, a.lang, a.script);
  for (const a of aliasRows(mergedCopy.content)) add(a.name, a.lang, a.script);
  return out;
}

async function planMerge(tx: Tx, survivor: EntityFacts, merged: EntityFacts, mergedRow: WorkflowRow): Promise<Plan> {
  const names = await namesToAdd(tx, survivor.id, { ...merged, row: mergedRow });

  // mentions: an identical one on the survivor (same article, same words) keeps its place
  const mentions = await tx.mention.findMany({ where: { entityId: merged.id }, orderBy: { id: "asc" } });
  const survivorMentions = await tx.mention.findMany({
    where: { entityId: survivor.id, articleId: { in: [...new Set(mentions.map((m) => m.articleId))] } },
    select: { id: true, articleId: true, start: true, end: true, state: true, decidedById: true, decidedAt: true },
  });
  const spot = (m: { articleId: string; start: number; end: number }) => `${m.articleId}:${m.start}:${m.end}`;
  const taken = new Map(survivorMentions.map((m) => [spot(m), m]));
  const mentionsMoved: string[] = [];
  const mentionsDeleted: MentionRow[] = [];
  const mentionsDecided: Plan["mentionsDecided"] = [];
  for (const m of mentions) {
    const twin = taken.get(spot(m));
    if (!twin) {
      mentionsMoved.push(m.id);
      continue;
    }
    mentionsDeleted.push(m);
    // a person's decision beats a suggestion; between two decisions the survivor's stands
    if (!DECIDED.has(twin.state) && DECIDED.has(m.state)) {
      mentionsDecided.push({
        survivorMentionId: twin.id,
        before: { id: twin.id, state: twin.state, decidedById: twin.decidedById, decidedAt: twin.decidedAt?.toISOString() ?? null, setTo: m.state },
        after: { state: m.state, decidedById: m.decidedById, decidedAt: m.decidedAt },
      });
    }
  }

  // relations, either side; one between the two would link the survivor to itself
  const relations = await tx.relation.findMany({ where: { OR: [{ sourceId: merged.id }, { targetId: merged.id }] }, orderBy: { id: "asc" } });
  const relationsMoved: Plan["relationsMoved"] = [];
  const selfLinks: RelationRow[] = [];
  for (const r of relations) {
    const source = r.sourceId === merged.id ? survivor.id : r.sourceId;
    const target = r.targetId === merged.id ? survivor.id : r.targetId;
    if (source === target) selfLinks.push(r);
    else relationsMoved.push({ id: r.id, sides: [...(r.sourceId === merged.id ? (["source"] as const) : []), ...(r.targetId === merged.id ? (["target"] as const) : [])] });
  }
  const selfCitations = selfLinks.length ? await tx.citation.findMany({ where: { relationId: { in: selfLinks.map((r) => r.id) } }, orderBy: { id: "asc" } }) : [];
  const relationsDeleted = selfLinks.map((row) => ({ row, citations: selfCitations.filter((c) => c.relationId === row.id) }));

  const [citations, dossierItems, redirects] = await Promise.all([
    tx.citation.findMany({ where: { entityId: merged.id }, select: { id: true }, orderBy: { id: "asc" } }),
    tx.dossierItem.findMany({ where: { entityId: merged.id }, select: { id: true, dossierId: true, position: true }, orderBy: { id: "asc" } }),
    tx.entityRedirect.findMany({ where: { entityId: merged.id }, select: { id: true }, orderBy: { id: "asc" } }),
  ]);

  // pending (unpublished) versions of published relations and dossiers that name the duplicate
  const pendingRelations: Plan["pendingRelations"] = [];
  const relRows = await tx.$queryRawUnsafe<{ id: string; sourceId: string | null; targetId: string | null }[]>(
    `SELECT r.id, v.snapshot->>'sourceId' AS "sourceId", v.snapshot->>'targetId' AS "targetId"
       FROM "relations" r JOIN "revisions" v ON v.id = r."pendingRevisionId"
      WHERE v.snapshot->>'sourceId' = $1 OR v.snapshot->>'targetId' = $1`,
    merged.id,
  );
  const selfIds = new Set(selfLinks.map((r) => r.id));
  for (const r of relRows) {
    const source = r.sourceId === merged.id ? survivor.id : r.sourceId;
    const target = r.targetId === merged.id ? survivor.id : r.targetId;
    if (selfIds.has(r.id) || source === target) continue; // left as it is: it would link the survivor to itself
    pendingRelations.push({ id: r.id, sides: [...(r.sourceId === merged.id ? (["source"] as const) : []), ...(r.targetId === merged.id ? (["target"] as const) : [])] });
  }
  const dossierRows = await tx.$queryRawUnsafe<{ id: string; snapshot: { items?: { entityId?: string | null }[] } }[]>(
    `SELECT d.id, v.snapshot FROM "dossiers" d JOIN "revisions" v ON v.id = d."pendingRevisionId"
      WHERE v.snapshot->'items' @> jsonb_build_array(jsonb_build_object('entityId', $1::text))`,
    merged.id,
  );
  const pendingDossiers = dossierRows.map((d) => ({
    id: d.id,
    indexes: (d.snapshot.items ?? []).flatMap((item, i) => (item.entityId === merged.id ? [i] : [])),
  }));

  return {
    names,
    mentionsMoved,
    mentionsDeleted,
    mentionsDecided,
    relationsMoved,
    relationsDeleted,
    citations: citations.map((c) => c.id),
    dossierItems,
    redirects: redirects.map((r) => r.id),
    pendingRelations,
    pendingDossiers,
  };
}

export type MergePreview = {
  survivor: { id: string; nameAr: string; nameEn: string; version: number };
  merged: { id: string; nameAr: string; nameEn: string; version: number; state: string };
  counts: MergeCounts;
  /** the names that become aliases of the survivor */
  names: string[];
};

export type MergeCounts = {
  names: number;
  mentions: number;
  mentionDuplicates: number;
  relations: number;
  relationsRemoved: number;
  citations: number;
  dossierItems: number;
  redirects: number;
};

const countsOf = (p: Plan): MergeCounts => ({
  names: p.names.length,
  mentions: p.mentionsMoved.length,
  mentionDuplicates: p.mentionsDeleted.length,
  relations: p.relationsMoved.length,
  relationsRemoved: p.relationsDeleted.length,
  citations: p.citations.length,
  dossierItems: p.dossierItems.length,
  redirects: p.redirects.length + 1,
});

function selfMerge(survivorId: string, mergedId: string) {
  if (survivorId === mergedId) throw new AppError("bad_request", "An entity cannot be merged into itself: choose another entity.");
}

/** What merging `mergedId` into `survivorId` would do, for the confirmation (nothing is written). */
export async function previewMerge(actor: Actor, raw: unknown): Promise<MergePreview> {
  authorize(actor, "entity.merge");
  const input = mergePreviewSchema.parse(raw);
  selfMerge(input.survivorId, input.mergedId);
  return db().$transaction(async (tx) => {
    const rows = await tx.entity.findMany({ where: { id: { in: [input.survivorId, input.mergedId] } }, select: entityFacts });
    const survivor = rows.find((r) => r.id === input.survivorId);
    const merged = rows.find((r) => r.id === input.mergedId);
    if (!survivor || !merged) throw new AppError("not_found", "One of these entities does not exist (it may have been deleted).");
    refuseMerge(survivor, merged);
    const mergedRow = (await workflowDelegate(tx, "entity").findUnique({ where: { id: merged.id }, select: workflowSelect }))!;
    const plan = await planMerge(tx, survivor, merged, mergedRow);
    return {
      survivor: { id: survivor.id, nameAr: survivor.nameAr, nameEn: survivor.nameEn, version: survivor.version },
      merged: { id: merged.id, nameAr: merged.nameAr, nameEn: merged.nameEn, version: merged.version, state: merged.state },
      counts: countsOf(plan),
      names: plan.names.map((n) => n.name),
    };
  });
}

// ───────────────────────────── new versions of the records whose content changed

/**
 * A relation or dossier whose rows just changed (or whose pending version must):
 * a new version, and a revision of its content — the pending version rewritten by
 * `mapPending` when it has one, else the row as it now is.
 */
async function reviseRecord<C extends RelationContent | DossierContent>(
  tx: Tx,
  kind: "relation" | "dossier",
  id: string,
  mapPending: (content: C) => C,
  meta: { action: "merge" | "unmerge"; message: string; actorId: string },
): Promise<boolean> {
  const exists = await workflowDelegate(tx, kind).findUnique({ where: { id }, select: workflowSelect });
  if (!exists) return false; // deleted since
  const row = await lockRecord(tx, kind, id);
  const version = row.version + 1;
  if (row.pendingRevisionId) {
    const working = await workingCopyIn(tx, kind, row);
    const content = mapPending(structuredClone(working.content) as C);
    const revisionId = await writeRevision(tx, { kind, id, version, content, action: meta.action, message: meta.message, authorId: meta.actorId });
    await workflowDelegate(tx, kind).updateMany({ where: { id }, data: { version, pendingRevisionId: revisionId, updatedById: meta.actorId } });
  } else {
    const content = await loadRowContent(tx, kind, id);
    if (!content) return false;
    await writeRevision(tx, { kind, id, version, content, action: meta.action, message: meta.message, authorId: meta.actorId });
    await workflowDelegate(tx, kind).updateMany({ where: { id }, data: { version, updatedById: meta.actorId } });
  }
  return true;
}

/** Points the given sides of a relation's content from one entity to another (never into a link of an entity with itself). */
function mapRelationSides(content: RelationContent, sides: Iterable<Side>, from: string, to: string): RelationContent {
  const next = { ...content };
  for (const side of sides) {
    const key = side === "source" ? "sourceId" : "targetId";
    if (next[key] === from) next[key] = to;
  }
  return next.sourceId === next.targetId ? content : next;
}

function mapDossierItems(content: DossierContent, indexes: Iterable<number>, from: string, to: string): DossierContent {
  for (const i of indexes) {
    const item = content.items[i];
    if (item && item.entityId === from) item.entityId = to;
  }
  return content;
}

// ───────────────────────────── merge

export type MergeResult = { mergeId: string; survivorId: string; mergedId: string; survivorVersion: number; mergedVersion: number; counts: MergeCounts };

/**
 * Merges a duplicate into the survivor (editors and admins). Refused, with nothing
 * written, for an entity into itself, into or from an entity already merged, across
 * types, into an archived entity, or when either entity changed since the editor saw
 * it (`expectedVersions`).
 */
export async function mergeEntities(actor: Actor, raw: unknown): Promise<MergeResult> {
  authorize(actor, "entity.merge");
  const input = mergeInputSchema.parse(raw);
  selfMerge(input.survivorId, input.mergedId);
  return db().$transaction(async (tx) => {
    const [survivor, merged] = await lockPair(tx, input.survivorId, input.mergedId);
    refuseMerge(survivor, merged);
    if (survivor.version !== input.expectedVersions.survivor || merged.version !== input.expectedVersions.merged) {
      const which = survivor.version !== input.expectedVersions.survivor ? label(survivor) : label(merged);
      throw new AppError("conflict", `${which} changed since you opened this page: reload it and check both entities before merging.`, {
        currentVersions: { survivor: survivor.version, merged: merged.version },
      });
    }
    const survivorRow = survivor.row;
    const mergedRow = merged.row;
    const plan = await planMerge(tx, survivor, merged, mergedRow);
    const clash = await tx.entityRedirect.findFirst({ where: { OR: [{ fromId: merged.id }, { fromSlug: merged.slug }] }, select: { id: true } });
    if (clash) throw new AppError("conflict", `An old address of ${label(merged)} already leads elsewhere; this merge cannot redirect it.`);

    const moves: MergeMoves = {
      v: 1,
      aliases: { ids: [], keys: plan.names.map((n) => n.normalized) },
      survivorHadPending: survivorRow.pendingRevisionId !== null,
      pendingAliasKeys: [],
      mentions: {
        moved: plan.mentionsMoved,
        deleted: plan.mentionsDeleted.map(stored),
        decided: plan.mentionsDecided.map((d) => d.before),
      },
      relations: { moved: plan.relationsMoved, deleted: plan.relationsDeleted.map((d) => ({ row: stored(d.row), citations: d.citations.map(stored) })) },
      citations: plan.citations,
      dossierItems: plan.dossierItems,
      redirects: { moved: plan.redirects, created: [] },
      records: [],
    };

    // names → aliases of the survivor (on its row; and on its pending version, if any)
    if (plan.names.length) {
      const created = await tx.entityAlias.createManyAndReturn({
        data: plan.names.map((n) => ({ entityId: survivor.id, name: n.name, normalized: n.normalized, lang: n.lang, script: n.script, preferred: false })),
        select: { id: true },
      });
      moves.aliases.ids = created.map((a) => a.id);
    }
    const survivorVersion = survivor.version + 1;
    const mergeMessage = `Merged ${label(merged)} into this entity`;
    if (survivorRow.pendingRevisionId) {
      const working = await workingCopyIn(tx, "entity", survivorRow);
      const content = structuredClone(working.content) as EntityContent;
      const has = new Set(aliasRows(content).map((a) => a.normalized));
      const extra = plan.names.filter((n) => !has.has(n.normalized));
      if (content.aliases.length + extra.length > MAX_ALIASES) throw new AppError("bad_request", `Together the two entities have more than ${MAX_ALIASES} names; remove some aliases first.`);
      content.aliases.push(...extra.map((n) => ({ name: n.name, lang: n.lang, script: scriptEnum(n.script), preferred: false })));
      moves.pendingAliasKeys = extra.map((n) => n.normalized);
      const revisionId = await writeRevision(tx, { kind: "entity", id: survivor.id, version: survivorVersion, content, action: "merge", message: mergeMessage, authorId: actor.id });
      await tx.entity.update({ where: { id: survivor.id }, data: { version: survivorVersion, pendingRevisionId: revisionId, updatedById: actor.id } });
    } else {
      const content = (await loadRowContent(tx, "entity", survivor.id))!;
      if (content.aliases.length > MAX_ALIASES) throw new AppError("bad_request", `Together the two entities have more than ${MAX_ALIASES} names; remove some aliases first.`);
      await writeRevision(tx, { kind: "entity", id: survivor.id, version: survivorVersion, content, action: "merge", message: mergeMessage, authorId: actor.id });
      await tx.entity.update({ where: { id: survivor.id }, data: { version: survivorVersion, updatedById: actor.id } });
    }
    await syncSearchDocuments(tx, { entities: [survivor.id] });

    // mentions
    if (plan.mentionsDeleted.length) await tx.mention.deleteMany({ where: { id: { in: plan.mentionsDeleted.map((m) => m.id) } } });
    for (const d of plan.mentionsDecided) await tx.mention.update({ where: { id: d.survivorMentionId }, data: d.after });
    if (plan.mentionsMoved.length) await tx.mention.updateMany({ where: { id: { in: plan.mentionsMoved }, entityId: merged.id }, data: { entityId: survivor.id } });

    // relations (either side), citations of dates, dossier items
    if (plan.relationsDeleted.length) await tx.relation.deleteMany({ where: { id: { in: plan.relationsDeleted.map((d) => d.row.id) } } });
    const bySide = (side: Side) => plan.relationsMoved.filter((r) => r.sides.includes(side)).map((r) => r.id);
    if (bySide("source").length) await tx.relation.updateMany({ where: { id: { in: bySide("source") }, sourceId: merged.id }, data: { sourceId: survivor.id } });
    if (bySide("target").length) await tx.relation.updateMany({ where: { id: { in: bySide("target") }, targetId: merged.id }, data: { targetId: survivor.id } });
    if (plan.citations.length) await tx.citation.updateMany({ where: { id: { in: plan.citations }, entityId: merged.id }, data: { entityId: survivor.id } });
    if (plan.dossierItems.length) await tx.dossierItem.updateMany({ where: { id: { in: plan.dossierItems.map((i) => i.id) }, entityId: merged.id }, data: { entityId: survivor.id } });

    // addresses: old redirects, then the duplicate's own id and slug
    if (plan.redirects.length) await tx.entityRedirect.updateMany({ where: { id: { in: plan.redirects }, entityId: merged.id }, data: { entityId: survivor.id } });
    const redirect = await tx.entityRedirect.create({ data: { fromId: merged.id, fromSlug: merged.slug, entityId: survivor.id }, select: { id: true } });
    moves.redirects.created.push(redirect.id);

    // the relations and dossiers whose content changed get a new version
    const recordMessage = `${label(merged)} merged into ${label(survivor)}`;
    const meta = { action: "merge" as const, message: recordMessage, actorId: actor.id };
    const relationIds = new Map<string, Side[]>();
    for (const r of plan.relationsMoved) relationIds.set(r.id, []);
    for (const r of plan.pendingRelations) relationIds.set(r.id, r.sides);
    for (const [id, pendingSides] of [...relationIds].sort(([a], [b]) => a.localeCompare(b))) {
      const done = await reviseRecord<RelationContent>(tx, "relation", id, (c) => mapRelationSides(c, ["source", "target"], merged.id, survivor.id), meta);
      if (done) moves.records.push({ kind: "relation", id, pendingSides });
    }
    const dossierIds = new Map<string, number[]>();
    for (const i of plan.dossierItems) dossierIds.set(i.dossierId, dossierIds.get(i.dossierId) ?? []);
    for (const d of plan.pendingDossiers) dossierIds.set(d.id, d.indexes);
    for (const [id, pendingIndexes] of [...dossierIds].sort(([a], [b]) => a.localeCompare(b))) {
      const done = await reviseRecord<DossierContent>(tx, "dossier", id, (c) => mapDossierItems(c, c.items.keys(), merged.id, survivor.id), meta);
      if (done) moves.records.push({ kind: "dossier", id, pendingIndexes });
    }

    // the duplicate: merged, with a new version and a revision of what it was
    const mergedVersion = merged.version + 1;
    const mergedCopy = await workingCopyIn(tx, "entity", mergedRow);
    await tx.entity.update({ where: { id: merged.id }, data: { mergedIntoId: survivor.id, version: mergedVersion, updatedById: actor.id } });
    await writeRevision(tx, { kind: "entity", id: merged.id, version: mergedVersion, content: mergedCopy.content, action: "merge", message: `Merged into ${label(survivor)}`, authorId: actor.id });

    const row = await tx.entityMerge.create({ data: { survivorId: survivor.id, mergedId: merged.id, actorId: actor.id, moves: asJson(moves) }, select: { id: true } });
    const counts = countsOf(plan);
    await recordAudit(
      { actorId: actor.id, action: "entity.merge", recordType: "entity", recordId: survivor.id, details: asJson({ mergeId: row.id, survivorId: survivor.id, mergedId: merged.id, counts }) },
      tx,
    );
    return { mergeId: row.id, survivorId: survivor.id, mergedId: merged.id, survivorVersion, mergedVersion, counts };
  }, TX_OPTIONS);
}

const scriptEnum = (s: string): "Arab" | "Latn" | "Other" => (s === "Arab" || s === "Latn" || s === "Other" ? s : "Other");

// ───────────────────────────── undo

export type UndoResult = { mergeId: string; survivorId: string; mergedId: string; survivorVersion: number; mergedVersion: number };

/** A merge still in force made after `after` that involves one of `ids`. */
async function laterMergeInForce(tx: Tx, mergeId: string, after: Date, ids: string[]) {
  return tx.entityMerge.findFirst({
    where: { id: { not: mergeId }, undoneAt: null, createdAt: { gte: after }, OR: [{ survivorId: { in: ids } }, { mergedId: { in: ids } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, survivorId: true, mergedId: true },
  });
}

/**
 * Undoes a merge (editors and admins): every row goes back where it was, the rows it
 * removed come back, the names it added and the addresses it created go. Refused when
 * it was already undone, or while a later merge of either entity is in force (undo
 * that one first).
 */
export async function undoMerge(actor: Actor, raw: unknown): Promise<UndoResult> {
  authorize(actor, "entity.merge");
  const { mergeId } = undoMergeSchema.parse(raw);
  return db().$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "entity_merges" WHERE id = $1 FOR UPDATE`, mergeId);
    const m = await tx.entityMerge.findUnique({ where: { id: mergeId } });
    if (!m) throw new AppError("not_found", "This merge does not exist.");
    if (m.undoneAt) throw new AppError("conflict", "This merge has already been undone.");
    const [survivor, merged] = await lockPair(tx, m.survivorId, m.mergedId);
    const later = await laterMergeInForce(tx, m.id, m.createdAt, [survivor.id, merged.id]);
    if (later) {
      const names = await tx.entity.findMany({ where: { id: { in: [later.survivorId, later.mergedId] } }, select: { id: true, nameAr: true, nameEn: true } });
      const n = (id: string) => {
        const e = names.find((x) => x.id === id);
        return e ? label(e) : id;
      };
      throw new AppError("conflict", `A later merge (${n(later.mergedId)} into ${n(later.survivorId)}) involves one of these entities: undo it first.`, { blockingMergeId: later.id });
    }
    if (merged.mergedIntoId !== survivor.id) throw new AppError("conflict", `${label(merged)} is no longer merged into ${label(survivor)}: this merge cannot be undone.`);
    const moves = m.moves as unknown as MergeMoves;
    const survivorRow = survivor.row;

    // the duplicate comes back first (its rows point at it again below)
    const mergedVersion = merged.version + 1;
    await tx.entity.update({ where: { id: merged.id }, data: { mergedIntoId: null, version: mergedVersion, updatedById: actor.id } });

    // addresses
    if (moves.redirects.created.length) await tx.entityRedirect.deleteMany({ where: { id: { in: moves.redirects.created } } });
    if (moves.redirects.moved.length) await tx.entityRedirect.updateMany({ where: { id: { in: moves.redirects.moved }, entityId: survivor.id }, data: { entityId: merged.id } });

    // dossier items, date citations, relations
    const itemIds = moves.dossierItems.map((i) => i.id);
    if (itemIds.length) await tx.dossierItem.updateMany({ where: { id: { in: itemIds }, entityId: survivor.id }, data: { entityId: merged.id } });
    if (moves.citations.length) await tx.citation.updateMany({ where: { id: { in: moves.citations }, entityId: survivor.id }, data: { entityId: merged.id } });
    const bySide = (side: Side) => moves.relations.moved.filter((r) => r.sides.includes(side)).map((r) => r.id);
    if (bySide("source").length) await tx.relation.updateMany({ where: { id: { in: bySide("source") }, sourceId: survivor.id }, data: { sourceId: merged.id } });
    if (bySide("target").length) await tx.relation.updateMany({ where: { id: { in: bySide("target") }, targetId: survivor.id }, data: { targetId: merged.id } });
    for (const d of moves.relations.deleted) {
      const exists = await tx.relation.findUnique({ where: { id: d.row.id }, select: { id: true } });
      if (exists) continue;
      await tx.relation.create({ data: reviveRelation(d.row) });
      if (d.citations.length) await tx.citation.createMany({ data: d.citations.map(reviveCitation), skipDuplicates: true });
    }

    // mentions
    if (moves.mentions.moved.length) await tx.mention.updateMany({ where: { id: { in: moves.mentions.moved }, entityId: survivor.id }, data: { entityId: merged.id } });
    for (const d of moves.mentions.decided) {
      // unless someone decided it again since
      await tx.mention.updateMany({ where: { id: d.id, state: d.setTo }, data: { state: d.state, decidedById: d.decidedById, decidedAt: date(d.decidedAt) } });
    }
    if (moves.mentions.deleted.length) await tx.mention.createMany({ data: moves.mentions.deleted.map(reviveMention), skipDuplicates: true });

    // the names the merge added to the survivor (also when a later save rewrote its alias rows)
    if (moves.aliases.ids.length || moves.aliases.keys.length) {
      await tx.entityAlias.deleteMany({
        where: { entityId: survivor.id, OR: [{ id: { in: moves.aliases.ids } }, { normalized: { in: moves.aliases.keys }, preferred: false }] },
      });
    }

    // relations and dossiers: their content names the duplicate again
    const meta = { action: "unmerge" as const, message: `Undid the merge of ${label(merged)} into ${label(survivor)}`, actorId: actor.id };
    for (const r of moves.records) {
      if (r.kind === "relation") {
        const moved = moves.relations.moved.find((x) => x.id === r.id)?.sides ?? [];
        const sides = new Set<Side>([...moved, ...(r.pendingSides ?? [])]);
        await reviseRecord<RelationContent>(tx, "relation", r.id, (c) => mapRelationSides(c, sides, survivor.id, merged.id), meta);
      } else {
        const positions = moves.dossierItems.filter((i) => i.dossierId === r.id).map((i) => i.position);
        const indexes = new Set<number>([...positions, ...(r.pendingIndexes ?? [])]);
        await reviseRecord<DossierContent>(tx, "dossier", r.id, (c) => mapDossierItems(c, indexes, survivor.id, merged.id), meta);
      }
    }

    // the survivor: without the duplicate's names, in its row and its pending version
    const survivorVersion = survivor.version + 1;
    const undoMessage = `Undid the merge of ${label(merged)} into this entity`;
    if (survivorRow.pendingRevisionId) {
      const working = await workingCopyIn(tx, "entity", survivorRow);
      // the names the merge added to the pending version, or (a pending version begun after the merge) to the row
      const drop = new Set(moves.survivorHadPending ? moves.pendingAliasKeys : moves.aliases.keys);
      const content = structuredClone(working.content) as EntityContent;
      content.aliases = content.aliases.filter((a) => !drop.has(normalizeNameKey(a.name)));
      const revisionId = await writeRevision(tx, { kind: "entity", id: survivor.id, version: survivorVersion, content, action: "unmerge", message: undoMessage, authorId: actor.id });
      await tx.entity.update({ where: { id: survivor.id }, data: { version: survivorVersion, pendingRevisionId: revisionId, updatedById: actor.id } });
    } else {
      const content = (await loadRowContent(tx, "entity", survivor.id))!;
      await writeRevision(tx, { kind: "entity", id: survivor.id, version: survivorVersion, content, action: "unmerge", message: undoMessage, authorId: actor.id });
      await tx.entity.update({ where: { id: survivor.id }, data: { version: survivorVersion, updatedById: actor.id } });
    }
    await syncSearchDocuments(tx, { entities: [survivor.id] });
    const mergedCopy = await workingCopyIn(tx, "entity", { ...merged.row, version: mergedVersion });
    await writeRevision(tx, { kind: "entity", id: merged.id, version: mergedVersion, content: mergedCopy.content, action: "unmerge", message: `Undid the merge into ${label(survivor)}`, authorId: actor.id });

    await tx.entityMerge.update({ where: { id: m.id }, data: { undoneAt: new Date(), undoneById: actor.id } });
    await recordAudit(
      { actorId: actor.id, action: "entity.unmerge", recordType: "entity", recordId: survivor.id, details: asJson({ mergeId: m.id, survivorId: survivor.id, mergedId: merged.id }) },
      tx,
    );
    return { mergeId: m.id, survivorId: survivor.id, mergedId: merged.id, survivorVersion, mergedVersion };
  }, TX_OPTIONS);
}

// ───────────────────────────── studio reads (callers authorize "studio.access")

export type MergeEntityRef = { id: string; nameAr: string; nameEn: string; type: EntityType; state: string };

export type MergeSummary = {
  id: string;
  createdAt: Date;
  actor: string | null;
  undoneAt: Date | null;
  undoneBy: string | null;
  survivor: MergeEntityRef;
  merged: MergeEntityRef;
  /** not undone, and no later merge of either entity in force */
  undoable: boolean;
  moved: { names: number; mentions: number; relations: number; citations: number; dossierItems: number };
};

/** Every merge this entity took part in, as survivor or as the duplicate, newest first. */
export async function listMerges(entityId: string): Promise<MergeSummary[]> {
  const rows = await db().entityMerge.findMany({
    where: { OR: [{ survivorId: entityId }, { mergedId: entityId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!rows.length) return [];
  const entityIds = [...new Set(rows.flatMap((r) => [r.survivorId, r.mergedId]))];
  const [entities, users, inForce] = await Promise.all([
    db().entity.findMany({ where: { id: { in: entityIds } }, select: { id: true, nameAr: true, nameEn: true, type: true, state: true } }),
    db().user.findMany({ where: { id: { in: [...new Set(rows.flatMap((r) => [r.actorId, r.undoneById]).filter((x): x is string => !!x))] } }, select: { id: true, name: true } }),
    db().entityMerge.findMany({
      where: { undoneAt: null, OR: [{ survivorId: { in: entityIds } }, { mergedId: { in: entityIds } }] },
      select: { id: true, survivorId: true, mergedId: true, createdAt: true },
    }),
  ]);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const names = new Map(users.map((u) => [u.id, u.name]));
  const ref = (id: string): MergeEntityRef => byId.get(id) ?? { id, nameAr: "—", nameEn: "—", type: "person", state: "draft" };
  return rows.map((r) => {
    const moves = r.moves as unknown as Partial<MergeMoves>;
    const blocked = inForce.some((o) => o.id !== r.id && o.createdAt >= r.createdAt && [o.survivorId, o.mergedId].some((x) => x === r.survivorId || x === r.mergedId));
    return {
      id: r.id,
      createdAt: r.createdAt,
      actor: r.actorId ? (names.get(r.actorId) ?? null) : null,
      undoneAt: r.undoneAt,
      undoneBy: r.undoneById ? (names.get(r.undoneById) ?? null) : null,
      survivor: ref(r.survivorId),
      merged: ref(r.mergedId),
      undoable: !r.undoneAt && !blocked && byId.has(r.survivorId) && byId.has(r.mergedId),
      moved: {
        names: moves.aliases?.keys.length ?? 0,
        mentions: (moves.mentions?.moved.length ?? 0) + (moves.mentions?.deleted.length ?? 0),
        relations: (moves.relations?.moved.length ?? 0) + (moves.relations?.deleted.length ?? 0),
        citations: moves.citations?.length ?? 0,
        dossierItems: moves.dossierItems?.length ?? 0,
      },
    };
  });
}

export type DuplicateCandidate = {
  id: string;
  slug: string;
  type: EntityType;
  nameAr: string;
  nameEn: string;
  state: string;
  version: number;
  /** the candidate's name that is close to one of this entity's names, and how close (0: the same once normalized) */
  matchedName: string;
  distance: number;
};

/** Whether two normalized name keys are spellings of the same name: equal, or at most 2 edits apart and at most a quarter of the longer one. */
function closeness(a: string, b: string): number | null {
  if (a === b) return 0;
  const la = [...a].length;
  const lb = [...b].length;
  const longest = Math.max(la, lb);
  const allowed = Math.min(2, Math.floor(longest * 0.25));
  if (allowed === 0 || Math.abs(la - lb) > allowed) return null;
  const d = editDistance(a, b);
  return d <= allowed ? d : null;
}

/**
 * Other live entities of the same type with a name close to one of this entity's
 * names or aliases (the same once normalized, or a spelling variant a couple of
 * letters away), closest first. Compared in JS over the alias keys: no database
 * extension needed.
 */
export async function findDuplicateCandidates(entityId: string, limit = 10): Promise<DuplicateCandidate[]> {
  const e = await db().entity.findUnique({ where: { id: entityId }, select: { type: true, nameAr: true, nameEn: true, mergedIntoId: true, aliases: { select: { normalized: true } } } });
  if (!e || e.mergedIntoId) return [];
  const keys = [...new Set([normalizeNameKey(e.nameAr), normalizeNameKey(e.nameEn), ...e.aliases.map((a) => a.normalized)].filter(Boolean))];
  const others = await db().entity.findMany({
    where: { id: { not: entityId }, type: e.type, mergedIntoId: null, state: { not: "archived" } },
    select: { id: true, slug: true, type: true, nameAr: true, nameEn: true, state: true, version: true, aliases: { select: { name: true, normalized: true } } },
  });
  const found: DuplicateCandidate[] = [];
  for (const o of others) {
    const names = [{ name: o.nameAr, normalized: normalizeNameKey(o.nameAr) }, { name: o.nameEn, normalized: normalizeNameKey(o.nameEn) }, ...o.aliases];
    let best: { name: string; distance: number } | null = null;
    for (const n of names) {
      if (!n.normalized) continue;
      for (const k of keys) {
        const d = closeness(k, n.normalized);
        if (d !== null && (!best || d < best.distance)) best = { name: n.name, distance: d };
      }
      if (best?.distance === 0) break;
    }
    if (best) {
      const { aliases: _aliases, ...rest } = o;
      found.push({ ...rest, matchedName: best.name, distance: best.distance });
    }
  }
  return found.sort((a, b) => a.distance - b.distance || a.nameEn.localeCompare(b.nameEn)).slice(0, limit);
}
