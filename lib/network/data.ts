import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { published } from "../db/published";
import { formatPrecise } from "../dates";
import type { NetworkFilter } from "./schemas";
import { comentionPairs } from "./comentions";

// The public network: published entities as nodes, published relations between them
// as edges, and optionally co-mentions (two entities confirmed in the same published
// article) weighted by the number of such articles, strongest first, bounded.
//
// Filters
//  - types: only entities of these types; an edge needs both ends among them.
//  - from/to ([from, to) ISO days): a relation is kept when its dates overlap the range,
//    each date read at its precision (an end "2004" lasts until the end of 2004).
//    A relation without an end date is taken as still running; one without any date
//    (most seeded relations) is always kept. Co-mentions use the article's date the
//    same way (undated articles kept). With a range, only entities touched by a kept
//    edge are drawn.

const MAX_NODES = 2000;
const MAX_MENTION_ROWS = 50_000;

const nodeSelect = { id: true, slug: true, type: true, kind: true, nameAr: true, nameEn: true } satisfies Prisma.EntitySelect;

const edgeSelect = {
  id: true,
  type: true,
  sourceId: true,
  targetId: true,
  roleAr: true,
  roleEn: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
} satisfies Prisma.RelationSelect;

export type NetworkNodeDto = Prisma.EntityGetPayload<{ select: typeof nodeSelect }> & { degree: number };

export type NetworkRelationEdgeDto = {
  kind: "relation";
  id: string;
  type: Prisma.RelationGetPayload<{ select: typeof edgeSelect }>["type"];
  source: string;
  target: string;
  roleAr: string | null;
  roleEn: string | null;
  start: string | null;
  end: string | null;
};

export type NetworkComentionEdgeDto = {
  kind: "comention";
  id: string;
  source: string;
  target: string;
  /** number of published articles where both are confirmed */
  weight: number;
};

export type NetworkEdgeDto = NetworkRelationEdgeDto | NetworkComentionEdgeDto;

export type NetworkDto = {
  nodes: NetworkNodeDto[];
  edges: NetworkEdgeDto[];
  /** co-mention pairs found before keeping the strongest `limit` */
  comentionPairs: number;
};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Rows whose (date, precision) period ends after `from`: a year-precision date lasts
 * until the end of its year, a month one until the end of its month.
 */
function endsAfter(from: string, date: string, precision: string): Record<string, unknown>[] {
  return [
    { [precision]: "year", [date]: { gte: day(`${from.slice(0, 4)}-01-01`) } },
    { [precision]: "month", [date]: { gte: day(`${from.slice(0, 7)}-01`) } },
    { OR: [{ [precision]: "day" }, { [precision]: null }], [date]: { gte: day(from) } },
  ];
}

function relationInRange(from: string | null, to: string | null): Prisma.RelationWhereInput[] {
  const where: Prisma.RelationWhereInput[] = [];
  // begins before the range ends (a stored date is the first day of its period)
  if (to) where.push({ OR: [{ startDate: null }, { startDate: { lt: day(to) } }] });
  // ends after the range begins; no end date = still running
  if (from) where.push({ OR: [{ endDate: null }, ...(endsAfter(from, "endDate", "endPrecision") as Prisma.RelationWhereInput[])] });
  return where;
}

function articleInRange(from: string | null, to: string | null): Prisma.ArticleWhereInput[] {
  const where: Prisma.ArticleWhereInput[] = [];
  if (to) where.push({ OR: [{ publishedOn: null }, { publishedOn: { lt: day(to) } }] });
  if (from) where.push({ OR: [{ publishedOn: null }, ...(endsAfter(from, "publishedOn", "publishedOnPrecision") as Prisma.ArticleWhereInput[])] });
  return where;
}

export async function getNetwork(filter: NetworkFilter): Promise<NetworkDto> {
  const typeIn: Prisma.EntityWhereInput = filter.types ? { type: { in: filter.types } } : {};
  const ranged = filter.from !== null || filter.to !== null;

  const [entities, relations, mentions] = await Promise.all([
    db().entity.findMany({
      where: { AND: [published.entity(), typeIn] },
      orderBy: [{ type: "asc" }, { nameEn: "asc" }],
      take: MAX_NODES,
      select: nodeSelect,
    }),
    db().relation.findMany({
      where: { AND: [published.relation(), { source: typeIn, target: typeIn }, ...relationInRange(filter.from, filter.to)] },
      orderBy: [{ startDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: edgeSelect,
    }),
    filter.comentions
      ? db().mention.findMany({
          where: { AND: [published.mention(), { entity: typeIn }, ...(ranged ? [{ article: { AND: articleInRange(filter.from, filter.to) } }] : [])] },
          distinct: ["articleId", "entityId"],
          select: { articleId: true, entityId: true },
          take: MAX_MENTION_ROWS,
        })
      : Promise.resolve([]),
  ]);

  const known = new Set(entities.map((e) => e.id));
  const edges: NetworkEdgeDto[] = relations
    .filter((r) => known.has(r.sourceId) && known.has(r.targetId))
    .map((r) => ({
      kind: "relation" as const,
      id: r.id,
      type: r.type,
      source: r.sourceId,
      target: r.targetId,
      roleAr: r.roleAr,
      roleEn: r.roleEn,
      start: formatPrecise(r.startDate, r.startPrecision),
      end: formatPrecise(r.endDate, r.endPrecision),
    }));

  const pairs = comentionPairs(mentions.filter((m) => known.has(m.entityId)));
  for (const p of pairs.slice(0, filter.limit)) edges.push({ kind: "comention", id: `co-${p.a}-${p.b}`, source: p.a, target: p.b, weight: p.weight });

  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const nodes = entities.filter((e) => !ranged || degree.has(e.id)).map((e) => ({ ...e, degree: degree.get(e.id) ?? 0 }));
  return { nodes, edges, comentionPairs: pairs.length };
}

