import "server-only";
import { findPublishedEntityRef } from "../entities/data";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { published } from "../db/published";
import { formatPrecise, type Precision } from "../dates";
import type { EntityType } from "../entities/schemas";
import { drawnSpan, type DrawnSpan } from "./span";

// The public timeline: published events (entities of type event with a start date),
// each with the stretch of time it covers at its precision and its sources (the
// published articles that mention it or cite its date).
//
// Filtered by an entity, it keeps the events linked to that entity:
//  - by a published relation, either way (X participated_in E, E took_place_in P…),
//  - or co-mentioned with it: both confirmed in the same published article,
//  - and the entity itself when it is an event.

const articleRef = { id: true, slug: true, title: true, titleEn: true, publishedOn: true } satisfies Prisma.ArticleSelect;

const eventSelect = {
  id: true,
  slug: true,
  kind: true,
  nameAr: true,
  nameEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  mentions: { where: published.mention(), select: { article: { select: articleRef } } },
  citations: { where: { ...published.citation(), field: "date" }, select: { article: { select: articleRef } } },
} satisfies Prisma.EntitySelect;

type EventRow = Prisma.EntityGetPayload<{ select: typeof eventSelect }>;

export type TimelineSourceDto = { id: string; slug: string; title: string; titleEn: string | null };

export type TimelineEventDto = {
  id: string;
  slug: string;
  kind: string | null;
  nameAr: string;
  nameEn: string;
  /** "2004", "2004-06" or "2004-06-28", as stored */
  start: string;
  startPrecision: Precision;
  end: string | null;
  endPrecision: Precision | null;
  /** what is drawn: [start, end) in ISO days; a point for a single day */
  span: DrawnSpan;
  sources: TimelineSourceDto[];
};

export type TimelineEntityDto = { id: string; slug: string; type: EntityType; nameAr: string; nameEn: string };

export type TimelineDto = {
  /** the entity filtered on (null: every event) */
  entity: TimelineEntityDto | null;
  events: TimelineEventDto[];
};

const entityRef = { id: true, slug: true, type: true, nameAr: true, nameEn: true } satisfies Prisma.EntitySelect;

function toEvent(r: EventRow): TimelineEventDto | null {
  const start = formatPrecise(r.startDate, r.startPrecision ?? "day");
  if (!start) return null;
  const end = formatPrecise(r.endDate, r.endPrecision ?? "day");
  const span = drawnSpan(start, end);
  if (!span) return null;
  const sources = new Map<string, TimelineSourceDto & { publishedOn: Date | null }>();
  for (const { article } of [...r.citations, ...r.mentions]) if (!sources.has(article.id)) sources.set(article.id, article);
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    nameAr: r.nameAr,
    nameEn: r.nameEn,
    start,
    startPrecision: r.startPrecision ?? "day",
    end,
    endPrecision: end ? (r.endPrecision ?? "day") : null,
    span,
    sources: [...sources.values()]
      .sort((a, b) => (a.publishedOn?.getTime() ?? Infinity) - (b.publishedOn?.getTime() ?? Infinity) || a.id.localeCompare(b.id))
      .map(({ id, slug, title, titleEn }) => ({ id, slug, title, titleEn })),
  };
}

/** A published entity by slug or id (for the filter), or null. */
export function findTimelineEntity(idOrSlug: string): Promise<TimelineEntityDto | null> {
  return findPublishedEntityRef(idOrSlug);
}

/** Published events with a start date, oldest first; `entity` keeps those linked to it (see above). */
export async function listTimelineEvents(opts: { entity?: TimelineEntityDto | null } = {}): Promise<TimelineEventDto[]> {
  const e = opts.entity ?? null;
  const linked: Prisma.EntityWhereInput | null = e
    ? {
        OR: [
          { id: e.id },
          { relationsFrom: { some: { AND: [published.relation(), { targetId: e.id }] } } },
          { relationsTo: { some: { AND: [published.relation(), { sourceId: e.id }] } } },
          { mentions: { some: { AND: [published.mention(), { article: { mentions: { some: { AND: [published.mention(), { entityId: e.id }] } } } }] } } },
        ],
      }
    : null;
  const rows = await db().entity.findMany({
    where: { AND: [published.entity(), { type: "event", startDate: { not: null } }, ...(linked ? [linked] : [])] },
    orderBy: [{ startDate: "asc" }, { endDate: { sort: "asc", nulls: "first" } }, { nameEn: "asc" }],
    select: eventSelect,
  });
  return rows.map(toEvent).filter((x): x is TimelineEventDto => x !== null);
}

/** The timeline of everything, or of one entity (null entity: it is not public). */
export async function getTimeline(entityKey?: string): Promise<TimelineDto | null> {
  if (!entityKey) return { entity: null, events: await listTimelineEvents() };
  const entity = await findTimelineEntity(entityKey);
  if (!entity) return null;
  return { entity, events: await listTimelineEvents({ entity }) };
}

/** The published entities that have at least one event on the timeline, for the filter's choices. */
export async function listTimelineEntityChoices(): Promise<TimelineEntityDto[]> {
  const isEvent: Prisma.EntityWhereInput = { AND: [published.entity(), { type: "event", startDate: { not: null } }] };
  return db().entity.findMany({
    where: {
      AND: [
        published.entity(),
        {
          OR: [
            isEvent,
            { relationsFrom: { some: { AND: [published.relation(), { target: isEvent }] } } },
            { relationsTo: { some: { AND: [published.relation(), { source: isEvent }] } } },
            { mentions: { some: { AND: [published.mention(), { article: { mentions: { some: { AND: [published.mention(), { entity: isEvent }] } } } }] } } },
          ],
        },
      ],
    },
    orderBy: [{ type: "asc" }, { nameEn: "asc" }],
    take: 2000,
    select: entityRef,
  });
}
