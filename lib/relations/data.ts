// Relations in the studio: the relations of an entity (both directions, any state),
// the evidence an entity page shows (mentions with their passages, annotations on
// those passages, what each source says about an event's date), the text of an
// article for the citation picker, and the studio list. Creating, saving and
// deleting relations goes through lib/records/data.ts like every curated record.
//
// Studio reads: callers authorize "studio.access" first.
import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { formatPrecise, type Precision } from "../dates";
import { normalizeNameKey } from "../arabic/normalize";
import { docToPlainText, type RichTextDoc } from "../rich-text/document";
import { authorNames, baseRow, countStates, orderByOf, studioRowSelect, workflowWhere, type StudioRowBase } from "../records/data";
import type { StudioListQuery } from "../records/schemas";
import type { EntityType } from "../entities/schemas";
import type { RELATION_TYPES } from "./schemas";

type State = "draft" | "in_review" | "published" | "archived";
export type RelationType = (typeof RELATION_TYPES)[number];
type AnchorStatus = "anchored" | "orphaned";

const entityRefSelect = { id: true, slug: true, type: true, nameAr: true, nameEn: true, state: true } satisfies Prisma.EntitySelect;
export type EntityRef = { id: string; slug: string; type: EntityType; nameAr: string; nameEn: string; state: State };

const articleRefSelect = { id: true, slug: true, title: true, state: true } satisfies Prisma.ArticleSelect;
export type ArticleRef = { id: string; slug: string; title: string; state: State };

const passageSelect = { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorStatus: true } as const;

// ───────── the relations of an entity

const relationCitationSelect = { ...passageSelect, note: true, article: { select: articleRefSelect } } satisfies Prisma.CitationSelect;

const entityRelationSelect = {
  id: true,
  type: true,
  roleAr: true,
  roleEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  note: true,
  state: true,
  pendingState: true,
  pendingRevisionId: true,
  version: true,
  updatedAt: true,
  source: { select: entityRefSelect },
  target: { select: entityRefSelect },
  citations: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: relationCitationSelect },
} satisfies Prisma.RelationSelect;

export type RelationCitationDto = {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  note: string | null;
  article: ArticleRef;
};

export type EntityRelationDto = {
  id: string;
  type: RelationType;
  /** outgoing: this entity is the source ("X holds a role at Y" read from X) */
  direction: "outgoing" | "incoming";
  source: EntityRef;
  target: EntityRef;
  /** the entity at the other end */
  other: EntityRef;
  roleAr: string | null;
  roleEn: string | null;
  start: string | null;
  end: string | null;
  note: string | null;
  state: State;
  pendingState: State | null;
  pendingRevisionId: string | null;
  version: number;
  updatedAt: Date;
  citations: RelationCitationDto[];
};

/**
 * Every relation of an entity, in both directions and in any workflow state, with
 * the entity at the other end and the cited passages (orphaned ones included and
 * flagged). The row's values are shown: a published relation's pending changes are
 * named by pendingRevisionId.
 */
export async function listRelationsForEntity(entityId: string): Promise<EntityRelationDto[]> {
  const rows = await db().relation.findMany({
    where: { OR: [{ sourceId: entityId }, { targetId: entityId }] },
    orderBy: [{ startDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    select: entityRelationSelect,
  });
  return rows.map(({ startDate, startPrecision, endDate, endPrecision, ...r }) => {
    const outgoing = r.source.id === entityId;
    return {
      ...r,
      direction: outgoing ? "outgoing" : "incoming",
      other: outgoing ? r.target : r.source,
      start: formatPrecise(startDate, startPrecision),
      end: formatPrecise(endDate, endPrecision),
    };
  });
}

// ───────── the evidence about an entity

export type EntityMentionDto = {
  id: string;
  state: "suggested" | "confirmed";
  anchorStatus: AnchorStatus;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  article: ArticleRef;
};

export type EntityAnnotationDto = {
  id: string;
  state: State;
  visibility: "internal" | "public";
  anchorStatus: AnchorStatus;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** the note's text, shortened */
  text: string;
  article: ArticleRef;
};

export type DateClaimDto = {
  id: string;
  /** what this source says: "2017", "2017-01" or "2017-01-23" */
  claim: string;
  precision: Precision;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  note: string | null;
  article: ArticleRef;
};

export type EntityEvidence = {
  /** the date recorded on the entity itself (events) */
  entityDate: string | null;
  mentions: EntityMentionDto[];
  annotations: EntityAnnotationDto[];
  dateClaims: DateClaimDto[];
  /** the claims that contradict another claim ("2017-01-23" and "2017-01-24"; "2017" agrees with both) */
  dateConflict: { disagree: boolean; values: string[] };
};

/** Two precise dates agree when one lies within the other ("2017" holds "2017-01-24"). */
function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** The distinct claims that disagree with at least one other claim, in date order. */
export function conflictingClaims(claims: string[]): string[] {
  const distinct = [...new Set(claims)].sort();
  return distinct.filter((a) => distinct.some((b) => !datesAgree(a, b)));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * What the studio shows about an entity besides its content: every mention (not the
 * rejected suggestions) with its passage, the annotations whose passage overlaps one
 * of the entity's passages (a mention, a date claim or a cited passage of one of its
 * relations), and what each source says about its date.
 */
export async function listEntityEvidence(entityId: string): Promise<EntityEvidence> {
  const client = db();
  const [entity, mentions, claims, relationCitations] = await Promise.all([
    client.entity.findUnique({ where: { id: entityId }, select: { startDate: true, startPrecision: true } }),
    client.mention.findMany({
      where: { entityId, state: { not: "rejected" } },
      orderBy: [{ article: { title: "asc" } }, { articleId: "asc" }, { start: "asc" }],
      select: { ...passageSelect, state: true, article: { select: articleRefSelect } },
    }),
    client.citation.findMany({
      where: { entityId, field: "date" },
      orderBy: [{ claimStart: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      select: { ...passageSelect, claimStart: true, claimPrecision: true, note: true, article: { select: articleRefSelect } },
    }),
    client.citation.findMany({
      where: { relation: { OR: [{ sourceId: entityId }, { targetId: entityId }] } },
      select: { articleId: true, start: true, end: true },
    }),
  ]);

  const dateClaims: DateClaimDto[] = claims.flatMap(({ claimStart, claimPrecision, ...c }) => {
    const claim = formatPrecise(claimStart, claimPrecision);
    return claim ? [{ ...c, claim, precision: claimPrecision ?? "day" }] : [];
  });

  // passages about this entity, by article
  const spans = new Map<string, { start: number; end: number }[]>();
  const addSpan = (articleId: string, s: { start: number; end: number }) => spans.set(articleId, [...(spans.get(articleId) ?? []), s]);
  for (const m of mentions) addSpan(m.article.id, m);
  for (const c of dateClaims) addSpan(c.article.id, c);
  for (const c of relationCitations) addSpan(c.articleId, c);

  const notes = spans.size
    ? await client.annotation.findMany({
        where: { articleId: { in: [...spans.keys()] } },
        orderBy: [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }],
        select: { ...passageSelect, state: true, visibility: true, body: true, articleId: true, article: { select: articleRefSelect } },
      })
    : [];
  const annotations: EntityAnnotationDto[] = notes
    .filter((a) => spans.get(a.articleId)?.some((s) => overlaps(a, s)))
    .map(({ body, articleId: _articleId, ...a }) => ({ ...a, text: docToPlainText(body as RichTextDoc).slice(0, 400) }));

  const values = conflictingClaims(dateClaims.map((c) => c.claim));
  return {
    entityDate: entity ? formatPrecise(entity.startDate, entity.startPrecision) : null,
    mentions: mentions.map((m) => ({ ...m, state: m.state as "suggested" | "confirmed" })),
    annotations,
    dateClaims,
    dateConflict: { disagree: values.length > 1, values },
  };
}

// ───────── the citation picker

/** An article's text as passages are anchored on it (UTF-16 offsets into plainText). */
export async function getArticleTextForCitation(articleId: string): Promise<{ id: string; title: string; plainText: string; state: State } | null> {
  return db().article.findUnique({ where: { id: articleId }, select: { id: true, title: true, plainText: true, state: true } });
}

// ───────── the studio list

export type StudioRelationRow = StudioRowBase & {
  type: RelationType;
  source: EntityRef;
  target: EntityRef;
  roleAr: string | null;
  roleEn: string | null;
  start: string | null;
  end: string | null;
  citations: number;
  orphaned: number;
};

/** The studio's relation list: workflow filters, a search on either end's names and the role, and optionally one relation type. */
export async function listRelationsForStudio(
  q: StudioListQuery,
  opts: { type?: RelationType } = {},
): Promise<{ rows: StudioRelationRow[]; total: number; counts: Record<string, number> }> {
  const names = (text: string): Prisma.EntityWhereInput => {
    const key = normalizeNameKey(text);
    return {
      OR: [
        { nameAr: { contains: text, mode: "insensitive" } },
        { nameEn: { contains: text, mode: "insensitive" } },
        ...(key ? [{ aliases: { some: { normalized: { contains: key } } } }] : []),
      ],
    };
  };
  const base: Prisma.RelationWhereInput = {
    ...(workflowWhere({ ...q, state: undefined }) as Prisma.RelationWhereInput),
    ...(opts.type ? { type: opts.type } : {}),
    ...(q.q
      ? {
          OR: [
            { source: names(q.q) },
            { target: names(q.q) },
            { roleAr: { contains: q.q, mode: "insensitive" } },
            { roleEn: { contains: q.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const where: Prisma.RelationWhereInput = { ...base, ...(workflowWhere({ state: q.state }) as Prisma.RelationWhereInput) };
  const [rows, total, counts] = await Promise.all([
    db().relation.findMany({
      where,
      orderBy: orderByOf(q.sort, "type") as Prisma.RelationOrderByWithRelationInput[],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        ...studioRowSelect,
        type: true,
        roleAr: true,
        roleEn: true,
        startDate: true,
        startPrecision: true,
        endDate: true,
        endPrecision: true,
        source: { select: entityRefSelect },
        target: { select: entityRefSelect },
        _count: { select: { citations: true } },
        citations: { where: { anchorStatus: "orphaned" }, select: { id: true } },
      },
    }),
    db().relation.count({ where }),
    countStates("relation", base as Record<string, unknown>),
  ]);
  const authors = await authorNames(rows.map((r) => r.createdById));
  return {
    rows: rows.map((r) => ({
      ...baseRow(r, authors),
      type: r.type,
      source: r.source,
      target: r.target,
      roleAr: r.roleAr,
      roleEn: r.roleEn,
      start: formatPrecise(r.startDate, r.startPrecision),
      end: formatPrecise(r.endDate, r.endPrecision),
      citations: r._count.citations,
      orphaned: r.citations.length,
    })),
    total,
    counts,
  };
}
