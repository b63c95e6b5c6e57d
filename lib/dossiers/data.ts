import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isPublished, published } from "../db/published";
import { decodeCursor, toPage, type Page, type PageQuery } from "../api/paging";
import { formatPrecise } from "../dates";
import type { RichTextDoc } from "../rich-text/document";
import { authorNames, baseRow, countStates, orderByOf, studioRowSelect, workflowWhere, type StudioRowBase } from "../records/data";
import type { StudioListQuery } from "../records/schemas";

const dossierSummarySelect = {
  id: true,
  slug: true,
  titleAr: true,
  titleEn: true,
  publishedAt: true,
} satisfies Prisma.DossierSelect;

type DossierSummaryRow = Prisma.DossierGetPayload<{ select: typeof dossierSummarySelect }>;
export type DossierSummaryDto = Omit<DossierSummaryRow, "publishedAt"> & { publishedAt: string | null };

const toSummary = (r: DossierSummaryRow): DossierSummaryDto => ({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null });

export type DossierItemDto = {
  id: string;
  position: number;
  noteAr: RichTextDoc | null;
  noteEn: RichTextDoc | null;
  article: { id: string; slug: string; title: string; titleEn: string | null; outlet: string | null; publishedOn: string | null } | null;
  entity: { id: string; slug: string; type: string; nameAr: string; nameEn: string; start: string | null } | null;
};

export type DossierDetailDto = DossierSummaryDto & { introAr: RichTextDoc | null; introEn: RichTextDoc | null; items: DossierItemDto[] };

export async function listPublishedDossiers(q: PageQuery): Promise<Page<DossierSummaryDto>> {
  const after = decodeCursor(q.cursor);
  const rows = await db().dossier.findMany({
    where: { ...published.dossier(), ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: q.limit + 1,
    select: dossierSummarySelect,
  });
  return toPage(rows, q.limit, toSummary);
}

export async function getPublishedDossier(slug: string): Promise<DossierDetailDto | null> {
  const row = await db().dossier.findFirst({
    where: { ...published.dossier(), OR: [{ slug }, { id: slug }] },
    select: {
      ...dossierSummarySelect,
      introAr: true,
      introEn: true,
      items: {
        where: published.dossierItem(),
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          noteAr: true,
          noteEn: true,
          article: { select: { id: true, slug: true, title: true, titleEn: true, outlet: true, publishedOn: true, publishedOnPrecision: true, state: true } },
          entity: { select: { id: true, slug: true, type: true, nameAr: true, nameEn: true, startDate: true, startPrecision: true, state: true, mergedIntoId: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    introAr: row.introAr as RichTextDoc | null,
    introEn: row.introEn as RichTextDoc | null,
    items: row.items.map((i) => ({
      id: i.id,
      position: i.position,
      noteAr: i.noteAr as RichTextDoc | null,
      noteEn: i.noteEn as RichTextDoc | null,
      // an item may point at an article and nothing else, or an entity: only the
      // public side of it is returned
      article:
        isPublished.article(i.article) && i.article
          ? { id: i.article.id, slug: i.article.slug, title: i.article.title, titleEn: i.article.titleEn, outlet: i.article.outlet, publishedOn: formatPrecise(i.article.publishedOn, i.article.publishedOnPrecision) }
          : null,
      entity:
        isPublished.entity(i.entity) && i.entity
          ? { id: i.entity.id, slug: i.entity.slug, type: i.entity.type, nameAr: i.entity.nameAr, nameEn: i.entity.nameEn, start: formatPrecise(i.entity.startDate, i.entity.startPrecision) }
          : null,
    })),
  };
}

export async function countDossiersByState(): Promise<Record<string, number>> {
  const rows = await db().dossier.groupBy({ by: ["state"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

// ───────── studio reads (signed-in staff; callers authorize "studio.access")

export type StudioDossierRow = StudioRowBase & { slug: string; titleAr: string; titleEn: string; items: number };

export async function listDossiersForStudio(q: StudioListQuery): Promise<{ rows: StudioDossierRow[]; total: number; counts: Record<string, number> }> {
  const base: Prisma.DossierWhereInput = {
    ...(workflowWhere({ ...q, state: undefined }) as Prisma.DossierWhereInput),
    ...(q.q ? { OR: [{ titleAr: { contains: q.q, mode: "insensitive" } }, { titleEn: { contains: q.q, mode: "insensitive" } }] } : {}),
  };
  const where: Prisma.DossierWhereInput = { ...base, ...(workflowWhere({ state: q.state }) as Prisma.DossierWhereInput) };
  const [rows, total, counts] = await Promise.all([
    db().dossier.findMany({
      where,
      orderBy: orderByOf(q.sort, "titleEn") as Prisma.DossierOrderByWithRelationInput[],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { ...studioRowSelect, slug: true, titleAr: true, titleEn: true, _count: { select: { items: true } } },
    }),
    db().dossier.count({ where }),
    countStates("dossier", base as Record<string, unknown>),
  ]);
  const names = await authorNames(rows.map((r) => r.createdById));
  return { rows: rows.map((r) => ({ ...baseRow(r, names), slug: r.slug, titleAr: r.titleAr, titleEn: r.titleEn, items: r._count.items })), total, counts };
}

export async function getDossierSlug(id: string) {
  return db().dossier.findUnique({ where: { id }, select: { id: true, slug: true } });
}
