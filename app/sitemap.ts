// /sitemap.xml: every published page in Arabic, with its English alternate.
import type { MetadataRoute } from "next";
import { listPublicPaths } from "@/lib/sitemap/data";
import { pageUrl, siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  return (await listPublicPaths()).map((p) => ({
    url: pageUrl("ar", p.path, base),
    lastModified: p.lastModified,
    alternates: { languages: { ar: pageUrl("ar", p.path, base), en: pageUrl("en", p.path, base) } },
  }));
}
