// What the sitemap lists: every public page of published records, through the one
// published-only filter (lib/db/published.ts). Nothing else decides what is public.
import "server-only";
import { db } from "../db/client";
import { published } from "../db/published";

export type SitemapEntry = { path: string; lastModified: Date };

/** Paths without the locale ("/articles/slug"), with when the public version last changed. */
export async function listPublicPaths(): Promise<SitemapEntry[]> {
  const [articles, entities, dossiers] = await Promise.all([
    db().article.findMany({ where: published.article(), select: { slug: true, publishedAt: true, updatedAt: true }, orderBy: { id: "asc" } }),
    db().entity.findMany({ where: published.entity(), select: { slug: true, publishedAt: true, updatedAt: true }, orderBy: { id: "asc" } }),
    db().dossier.findMany({ where: published.dossier(), select: { slug: true, publishedAt: true, updatedAt: true }, orderBy: { id: "asc" } }),
  ]);
  const when = (r: { publishedAt: Date | null; updatedAt: Date }) => r.publishedAt ?? r.updatedAt;
  return [
    { path: "", lastModified: new Date(Math.max(0, ...[...articles, ...dossiers].map((r) => when(r).getTime()))) },
    ...dossiers.map((d) => ({ path: `/dossiers/${encodeURIComponent(d.slug)}`, lastModified: when(d) })),
    ...articles.map((a) => ({ path: `/articles/${encodeURIComponent(a.slug)}`, lastModified: when(a) })),
    ...entities.map((e) => ({ path: `/entities/${encodeURIComponent(e.slug)}`, lastModified: when(e) })),
  ];
}
