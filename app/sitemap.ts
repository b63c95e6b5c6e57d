// /sitemap.xml: every published page in Arabic, with its English alternate.
import type { MetadataRoute } from "next";
import { listPublicPaths } from "@/lib/sitemap/data";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = (env().SIJILL_PUBLIC_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");
  return (await listPublicPaths()).map((p) => ({
    url: `${base}/ar${p.path}`,
    lastModified: p.lastModified,
    alternates: { languages: { ar: `${base}/ar${p.path}`, en: `${base}/en${p.path}` } },
  }));
}
