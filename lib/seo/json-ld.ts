// schema.org JSON-LD for the public pages, built from plain DTO fields (pure: no
// database, no configuration; the pages pass absolute URLs). Dates are written at
// their precision: a month-precision date is "2004-06", a year "2004" (ISO 8601
// reduced precision, which schema.org's Date accepts); never an invented day.

export type JsonLd = { "@context"?: string; "@type": string; [key: string]: unknown };

const CONTEXT = "https://schema.org";

/** A precise date string ("2017", "2017-01", "2017-01-24") checked and passed through; anything else is dropped. */
export function jsonLdDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) ? value : undefined;
}

/** Drops undefined, null, empty strings and empty arrays, so the output carries only what is known. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

export type EntityType = "person" | "organization" | "event" | "place";

const SCHEMA_TYPE: Record<EntityType, string> = { person: "Person", organization: "Organization", event: "Event", place: "Place" };

/** A reference to an entity page (for about / mentions / location / items). */
export type EntityRef = { type: EntityType | string; name: string; url: string };

function entityRef(e: EntityRef): JsonLd {
  return { "@type": SCHEMA_TYPE[e.type as EntityType] ?? "Thing", name: e.name, url: e.url };
}

export type ArticleJsonLdInput = {
  url: string;
  headline: string;
  /** the other-language title, if any */
  alternativeHeadline?: string | null;
  description?: string | null;
  /** "2017-01-24", "2017-01" or "2017" */
  datePublished?: string | null;
  /** BCP-47 language of the article text */
  inLanguage: string;
  outlet?: string | null;
  outletUrl?: string | null;
  byline?: string | null;
  /** the archive that publishes this page */
  siteName: string;
  siteUrl: string;
  /** entities linked from the article's passages */
  mentions?: EntityRef[];
};

export function articleJsonLd(a: ArticleJsonLdInput): JsonLd {
  const mentions = (a.mentions ?? []).map(entityRef);
  return compact({
    "@context": CONTEXT,
    "@type": "NewsArticle",
    headline: a.headline,
    alternativeHeadline: a.alternativeHeadline ?? undefined,
    description: a.description ?? undefined,
    datePublished: jsonLdDate(a.datePublished),
    inLanguage: a.inLanguage,
    url: a.url,
    mainEntityOfPage: a.url,
    author: a.byline ? { "@type": "Person", name: a.byline } : undefined,
    publisher: a.outlet ? compact({ "@type": "Organization", name: a.outlet, url: a.outletUrl ?? undefined }) : undefined,
    isPartOf: { "@type": "WebSite", name: a.siteName, url: a.siteUrl },
    about: mentions,
    mentions,
  });
}

export type EntityJsonLdInput = {
  type: EntityType;
  url: string;
  /** name in the page language first, then the other language */
  name: string;
  otherName?: string | null;
  aliases?: string[];
  description?: string | null;
  /** events: start and end at their precision */
  start?: string | null;
  end?: string | null;
  /** events: where it took place */
  location?: EntityRef[];
  inLanguage?: string;
};

export function entityJsonLd(e: EntityJsonLdInput): JsonLd {
  const alternateName = [...new Set([e.otherName, ...(e.aliases ?? [])].filter((n): n is string => !!n && n !== e.name))];
  const base = {
    "@context": CONTEXT,
    "@type": SCHEMA_TYPE[e.type],
    name: e.name,
    alternateName,
    description: e.description ?? undefined,
    url: e.url,
    mainEntityOfPage: e.url,
  };
  if (e.type !== "event") return compact(base);
  const location = (e.location ?? []).map((l) => ({ "@type": "Place", name: l.name, url: l.url }));
  return compact({
    ...base,
    startDate: jsonLdDate(e.start),
    endDate: jsonLdDate(e.end),
    location: location.length === 1 ? location[0] : location,
  });
}

export type DossierJsonLdInput = {
  url: string;
  name: string;
  description?: string | null;
  inLanguage: string;
  items: { name: string; url: string; type: "article" | EntityType | string }[];
};

/** A dossier: a CollectionPage whose main entity is the ordered list of its items. */
export function dossierJsonLd(d: DossierJsonLdInput): JsonLd {
  return compact({
    "@context": CONTEXT,
    "@type": "CollectionPage",
    name: d.name,
    description: d.description ?? undefined,
    url: d.url,
    inLanguage: d.inLanguage,
    mainEntity: {
      "@type": "ItemList",
      itemListOrder: "https://schema.org/ItemListOrderAscending",
      numberOfItems: d.items.length,
      itemListElement: d.items.map((item, i) => ({
        "@type": "ListItem",
        position: i + 1,
        item: { "@type": item.type === "article" ? "NewsArticle" : (SCHEMA_TYPE[item.type as EntityType] ?? "Thing"), name: item.name, url: item.url },
      })),
    },
  });
}

/**
 * JSON for an inline <script type="application/ld+json">: `<` (so no "</script>" or
 * "<!--" can close or confuse the element), `>`, `&` and the JavaScript line
 * separators are written as \u escapes, which JSON parsers read back unchanged.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
