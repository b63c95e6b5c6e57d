// /robots.txt: the public site is open to crawlers; the studio, sign-in and the API are not.
import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const base = siteUrl();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/ar/studio", "/en/studio", "/ar/sign-in", "/en/sign-in", "/api/auth"] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
