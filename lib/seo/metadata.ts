// The metadata every public page shares: localized title and description, the
// canonical URL of the page in this locale, its hreflang alternates (ar, en,
// x-default → Arabic, the site's first language), OpenGraph and a Twitter card.
import type { Metadata } from "next";
import { pageUrl, siteUrl } from "../site-url";

const OG_LOCALE: Record<string, string> = { ar: "ar_AR", en: "en_US" };

/** Plain text cut to about `max` characters at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string | null | undefined, max = 160): string {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:،؛-]+$/, "")}…`;
}

export type PageMetadataInput = {
  locale: string;
  /** the path after the locale, already URL-encoded: "/articles/slug", "" for home */
  path: string;
  /** page title (the layout's template adds the site name); null keeps the site's default */
  title: string | null;
  description?: string | null;
  siteName: string;
  type?: "website" | "article";
  /** articles: publication date at its precision */
  publishedTime?: string | null;
  base?: string;
};

export function pageMetadata(m: PageMetadataInput): Metadata {
  const base = m.base ?? siteUrl();
  const url = pageUrl(m.locale, m.path, base);
  const title = m.title ?? m.siteName;
  const description = m.description || undefined;
  const other = m.locale === "ar" ? "en" : "ar";
  return {
    ...(m.title !== null ? { title: m.title } : {}),
    ...(description ? { description } : {}),
    alternates: {
      canonical: url,
      languages: { ar: pageUrl("ar", m.path, base), en: pageUrl("en", m.path, base), "x-default": pageUrl("ar", m.path, base) },
    },
    openGraph: {
      title,
      ...(description ? { description } : {}),
      url,
      siteName: m.siteName,
      locale: OG_LOCALE[m.locale] ?? m.locale,
      alternateLocale: [OG_LOCALE[other] ?? other],
      ...(m.type === "article" ? { type: "article", ...(m.publishedTime ? { publishedTime: m.publishedTime } : {}) } : { type: "website" }),
    },
    twitter: { card: "summary", title, ...(description ? { description } : {}) },
  };
}
