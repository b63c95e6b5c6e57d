import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { searchPublic, type SearchResult } from "@/lib/search/data";
import { searchQuerySchema, type SearchQuery } from "@/lib/search/schemas";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { Marked } from "@/components/search/marked";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function single(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(sp).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) && v[0] ? [[k, v[0]]] : [])));
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "search" });
  const q = single(await searchParams).q?.trim();
  // result pages are not for search engines; the page itself is
  return { title: q ? t("resultsFor", { q }) : t("title"), robots: q ? { index: false, follow: true } : undefined };
}

const FILTER_KEYS = ["type", "year", "outlet", "entity"] as const;

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "search" });
  const raw = single(await searchParams);
  const ar = locale === "ar";

  let query: SearchQuery | null = null;
  let problem: string | null = null;
  if (raw.q?.trim()) {
    const parsed = searchQuerySchema.safeParse(raw);
    if (parsed.success) query = parsed.data;
    else problem = parsed.error.issues[0].message;
  }
  const result: SearchResult | null = query ? await searchPublic(query) : null;

  // links that change one parameter and go back to the first page
  const hrefWith = (changes: Record<string, string | undefined>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...raw, ...changes, page: changes.page })) if (v) next[k] = v;
    return { pathname: "/search" as const, query: next };
  };
  const filtered = FILTER_KEYS.some((k) => raw[k]);
  const pages = result ? Math.max(1, Math.ceil(result.total / result.limit)) : 1;

  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-bold">{result ? t("resultsFor", { q: result.query }) : t("title")}</h1>
      <form role="search" method="get" action={`/${locale}/search`} className="flex flex-wrap gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t("label")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={raw.q ?? ""}
          placeholder={t("placeholder")}
          className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-3 py-2"
          data-testid="search-input"
        />
        {FILTER_KEYS.filter((k) => raw[k]).map((k) => (
          <input key={k} type="hidden" name={k} value={raw[k]} />
        ))}
        <button type="submit" className="rounded bg-stone-800 px-4 py-2 text-white">
          {t("submit")}
        </button>
      </form>
      {!result && !problem && <p className="text-stone-700">{t("hint")}</p>}
      {problem && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900" data-testid="search-error">
          {t("invalid", { message: problem })}
        </p>
      )}

      {result && (
        <div className="grid gap-8 md:grid-cols-[14rem_1fr]">
          <aside aria-labelledby="facets" className="space-y-5 text-sm" data-testid="search-facets">
            <h2 id="facets" className="text-lg font-semibold">
              {t("facets")}
            </h2>
            {filtered && (
              <Link href={hrefWith({ type: undefined, year: undefined, outlet: undefined, entity: undefined })} className="block">
                {t("clear")}
              </Link>
            )}
            {result.totalIsLowerBound && <p className="text-stone-700">{t("capped", { count: result.total })}</p>}
            <FacetGroup
              title={t("facet.type")}
              param="type"
              current={raw.type}
              anyLabel={t("any")}
              items={result.facets.type.map((f) => ({ value: f.value, label: t(`types.${f.value}`), count: f.count }))}
              hrefWith={hrefWith}
            />
            <FacetGroup
              title={t("facet.year")}
              param="year"
              current={raw.year}
              anyLabel={t("any")}
              items={result.facets.year.map((f) => ({ value: String(f.value), label: String(f.value), count: f.count }))}
              hrefWith={hrefWith}
            />
            <FacetGroup
              title={t("facet.outlet")}
              param="outlet"
              current={raw.outlet}
              anyLabel={t("any")}
              items={result.facets.outlet.map((f) => ({ value: f.value, label: f.value, count: f.count }))}
              hrefWith={hrefWith}
            />
            <FacetGroup
              title={t("facet.entity")}
              param="entity"
              current={raw.entity}
              anyLabel={t("any")}
              items={result.facets.entity.map((f) => ({ value: f.value.slug, label: ar ? f.value.nameAr : f.value.nameEn, count: f.count }))}
              hrefWith={hrefWith}
            />
          </aside>

          <div className="min-w-0 space-y-6">
            {result.expandedThrough.length > 0 && (
              <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-stone-800" data-testid="search-expanded">
                {result.expandedThrough.map((e) => (
                  <p key={e.id}>
                    {t("expanded", { name: ar ? e.nameAr : e.nameEn })}{" "}
                    <span lang="ar">{e.spellings.join("، ")}</span>
                  </p>
                ))}
              </div>
            )}

            {result.entities.length > 0 && (
              <section aria-labelledby="entity-hits">
                <h2 id="entity-hits" className="mb-2 text-xl font-semibold">
                  {t("entities")}
                </h2>
                <ul className="flex flex-wrap gap-2" data-testid="search-entities">
                  {result.entities.map((e) => (
                    <li key={e.id}>
                      <Link href={`/entities/${e.slug}`} className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1">
                        {ar ? e.nameAr : e.nameEn}
                        <span className="ms-2 text-xs text-stone-600">{t(`types.${e.type}`)}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            )}

            {(!raw.type || raw.type === "article") && (
              <section aria-labelledby="article-hits">
                <h2 id="article-hits" className="mb-2 text-xl font-semibold">
                  {t("articles")} <span className="text-base font-normal text-stone-600">({result.totalIsLowerBound ? t("countAtLeast", { count: result.total }) : t("count", { count: result.total })})</span>
                </h2>
                {result.total === 0 && result.entities.length === 0 && <p>{t("none")}</p>}
                <ol className="space-y-4" data-testid="search-results" start={(result.page - 1) * result.limit + 1}>
                  {result.articles.map((a) => {
                    const p = a.publishedOn ? parsePreciseDate(a.publishedOn) : null;
                    const date = p ? displayPrecise(toDbDate(p), p.precision, locale) : t("unknownDate");
                    return (
                      <li key={a.id} className="rounded border border-stone-200 bg-white p-4">
                        <h3 className="font-serif text-lg font-semibold" lang="ar" dir="rtl">
                          <Link href={`/articles/${a.slug}`}>
                            <Marked parts={a.titleParts} />
                          </Link>
                        </h3>
                        <p className="text-sm text-stone-600">
                          {[ar ? a.outlet : (a.outletEn ?? a.outlet), date].filter(Boolean).join(" · ")}
                          {a.viaAlias && <span className="ms-2 rounded bg-amber-100 px-1.5 text-amber-900">{t("viaAlias")}</span>}
                        </p>
                        <p className="mt-2 leading-relaxed" lang="ar" dir="rtl" data-testid="search-snippet">
                          <Marked parts={a.snippet} />
                        </p>
                      </li>
                    );
                  })}
                </ol>
                {pages > 1 && (
                  <nav aria-label={t("page", { page: result.page, pages })} className="mt-4 flex items-center gap-4">
                    {result.page > 1 && (
                      <Link href={hrefWith({ page: String(result.page - 1) })} rel="prev">
                        {t("previous")}
                      </Link>
                    )}
                    <span className="text-sm text-stone-600">{t("page", { page: result.page, pages })}</span>
                    {result.page < pages && result.page < 50 && (
                      <Link href={hrefWith({ page: String(result.page + 1) })} rel="next">
                        {t("next")}
                      </Link>
                    )}
                  </nav>
                )}
              </section>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function FacetGroup({
  title,
  param,
  current,
  anyLabel,
  items,
  hrefWith,
}: {
  title: string;
  param: string;
  current: string | undefined;
  anyLabel: string;
  items: { value: string; label: string; count: number }[];
  hrefWith: (changes: Record<string, string | undefined>) => { pathname: "/search"; query: Record<string, string> };
}) {
  if (!items.length) return null;
  return (
    <div>
      <h3 className="mb-1 font-semibold">{title}</h3>
      <ul className="space-y-1" data-testid={`facet-${param}`}>
        {current && (
          <li>
            <Link href={hrefWith({ [param]: undefined })}>{anyLabel}</Link>
          </li>
        )}
        {items.map((i) => (
          <li key={i.value}>
            <Link href={hrefWith({ [param]: i.value })} aria-current={current === i.value ? "true" : undefined} className={current === i.value ? "font-bold" : undefined}>
              {i.label}
            </Link>{" "}
            <span className="text-stone-600">({i.count})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
