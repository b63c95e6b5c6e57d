// The public site's base URL, from the one configuration module: SIJILL_PUBLIC_URL,
// or the local server (http://localhost:PORT). Canonical links, hreflang alternates,
// OpenGraph URLs, JSON-LD and the sitemap all build their absolute URLs from it.
import { env } from "./env";

/** "https://example.org" (never a trailing slash). */
export function siteUrl(): string {
  return (env().SIJILL_PUBLIC_URL ?? `http://localhost:${env().PORT}`).replace(/\/+$/, "");
}

/** Absolute URL of a public page: `path` is the part after the locale ("/articles/slug", or "" for home). */
export function pageUrl(locale: string, path = "", base = siteUrl()): string {
  return `${base}/${locale}${path}`;
}
