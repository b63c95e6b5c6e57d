import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { authorNames, baseRow, countStates, orderByOf, studioRowSelect, workflowWhere, type StudioRowBase } from "../records/data";
import type { StudioListQuery } from "../records/schemas";
import { docToPlainText, type RichTextDoc } from "../rich-text/document";

// ───────── studio reads (signed-in staff; callers authorize "studio.access")

export type StudioAnnotationRow = StudioRowBase & {
  articleId: string;
  articleTitle: string;
  exact: string;
  text: string;
  visibility: "internal" | "public";
  anchorStatus: "anchored" | "orphaned";
};

export async function listAnnotationsForStudio(q: StudioListQuery): Promise<{ rows: StudioAnnotationRow[]; total: number; counts: Record<string, number> }> {
  const base: Prisma.AnnotationWhereInput = {
    ...(workflowWhere({ ...q, state: undefined }) as Prisma.AnnotationWhereInput),
    ...(q.visibility ? { visibility: q.visibility } : {}),
    ...(q.q ? { OR: [{ exact: { contains: q.q, mode: "insensitive" } }, { article: { title: { contains: q.q, mode: "insensitive" } } }] } : {}),
  };
  const where: Prisma.AnnotationWhereInput = { ...base, ...(workflowWhere({ state: q.state }) as Prisma.AnnotationWhereInput) };
  const [rows, total, counts] = await Promise.all([
    db().annotation.findMany({
      where,
      orderBy: orderByOf(q.sort, "exact") as Prisma.AnnotationOrderByWithRelationInput[],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { ...studioRowSelect, articleId: true, exact: true, body: true, visibility: true, anchorStatus: true, article: { select: { title: true } } },
    }),
    db().annotation.count({ where }),
    countStates("annotation", base as Record<string, unknown>),
  ]);
  const names = await authorNames(rows.map((r) => r.createdById));
  return {
    rows: rows.map((r) => ({
      ...baseRow(r, names),
      articleId: r.articleId,
      articleTitle: r.article.title,
      exact: r.exact,
      text: docToPlainText(r.body as RichTextDoc).slice(0, 300),
      visibility: r.visibility,
      anchorStatus: r.anchorStatus,
    })),
    total,
    counts,
  };
}

export async function getAnnotationStudioFacts(id: string) {
  return db().annotation.findUnique({
    where: { id },
    select: { id: true, articleId: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorStatus: true, article: { select: { title: true } } },
  });
}
