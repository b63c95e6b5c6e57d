import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { findEntityRedirect, findPublishedEntityRef, getPublishedEntity, listPublishedEventsOf, listPublishedRoles, listRelatedEntities, type EntityDetailDto } from "@/lib/entities/data";
import { RichText } from "@/lib/rich-text/render";
import { docToPlainText } from "@/lib/rich-text/document";
import { Link } from "@/lib/i18n/navigation";
import { dirOf } from "@/lib/i18n/routing";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { JsonLd } from "@/components/site/json-ld";
import { entityJsonLd } from "@/lib/seo/json-ld";
import { excerpt, pageMetadata } from "@/lib/seo/metadata";
import { pageUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

function showDate(s: string | null, locale: string) {
  const p = s ? parsePreciseDate(s) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

const pathOf = (slug: string) => `/entities/${encodeURIComponent(slug)}`;

/** The description in this language as plain text ("" when there is none). */
function descriptionText(e: EntityDetailDto, locale: string): string {
  const doc = locale === "ar" ? e.descriptionAr : e.descriptionEn;
  return doc ? docToPlainText(doc) : "";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const e = await getPublishedEntity(decodeURIComponent(slug));
  if (!e) return {};
  const t = await getTranslations({ locale, namespace: "entity" });
  const site = await getTranslations({ locale, namespace: "site" });
  const name = locale === "ar" ? e.nameAr : e.nameEn;
  const type = t(`type.${e.type}`);
  const text = descriptionText(e, locale);
  return pageMetadata({
    locale,
    path: pathOf(e.slug),
    title: name,
    // the entity's type, then its description (or a sentence naming it)
    description: text ? `${type} — ${excerpt(text, 150)}` : t("metaDescription", { type, name }),
    siteName: site("name"),
  });
}

/** "2014 – March 2019", "from 2014", "until 2019" or "date unknown", at each date's precision. */
function span(start: string | null, end: string | null, locale: string, t: (key: "from" | "until" | "undated", v?: { date: string }) => string) {
  const s = showDate(start, locale);
  const e = showDate(end, locale);
  if (s && e) return s === e ? s : `${s} – ${e}`;
  if (s) return t("from", { date: s });
  if (e) return t("until", { date: e });
  return t("undated");
}

export default async function EntityPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const key = decodeURIComponent(slug);
  // its id and type first (one index lookup), then the record and everything around it at once
  const ref = await findPublishedEntityRef(key);
  const loaded =
    ref &&
    (await Promise.all([
      getPublishedEntity(key),
      ref.type === "person" ? listPublishedRoles(ref.id) : Promise.resolve([]),
      ref.type === "event" ? Promise.resolve([]) : listPublishedEventsOf(ref.id),
      listRelatedEntities(ref.id),
    ]));
  if (!loaded?.[0]) {
    const moved = await findEntityRedirect(key);
    // an old id or slug of an entity merged into another: 308 to the survivor's page
    if (moved) permanentRedirect(`/${locale}/entities/${encodeURIComponent(moved)}`);
    notFound();
  }
  const [entity, roles, events, related] = loaded;
  const t = await getTranslations({ locale, namespace: "entity" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const ar = locale === "ar";
  const otherLang = ar ? "en" : "ar";
  const start = showDate(entity.start, locale);
  const end = showDate(entity.end, locale);
  const linkedIds = new Set(related.linked.map((r) => r.id));
  const coMentioned = related.coMentioned.filter((r) => !linkedIds.has(r.id));
  const nameOf = (e: { nameAr: string; nameEn: string }) => (ar ? e.nameAr : e.nameEn);
  const urlOf = (s: string) => pageUrl(locale, pathOf(s));
  const places = entity.relations.filter((r) => r.type === "took_place_in" && r.source.id === entity.id).map((r) => r.target);
  const spanT = (key: "from" | "until" | "undated", v?: { date: string }) => (v ? t(key, v) : t(key));

  return (
    <article className="space-y-8">
      <JsonLd
        data={entityJsonLd({
          type: entity.type,
          url: urlOf(entity.slug),
          name: nameOf(entity),
          otherName: ar ? entity.nameEn : entity.nameAr,
          aliases: entity.aliases.map((a) => a.name),
          description: excerpt(descriptionText(entity, locale), 300) || null,
          start: entity.start,
          end: entity.end,
          location: places.map((p) => ({ type: p.type, name: nameOf(p), url: urlOf(p.slug) })),
          inLanguage: locale,
        })}
      />
      <header>
        <p className="text-sm text-stone-700">{t(`type.${entity.type}`)}</p>
        <h1 className="text-3xl font-bold">{ar ? entity.nameAr : entity.nameEn}</h1>
        <p className="text-lg text-stone-700" lang={otherLang} dir={dirOf(otherLang)}>
          {ar ? entity.nameEn : entity.nameAr}
        </p>
        {start && (
          <p className="mt-1" data-testid="entity-date">
            {t("date")}: {start}
            {end && end !== start ? ` – ${end}` : ""}
          </p>
        )}
      </header>
      <RichText doc={ar ? entity.descriptionAr : entity.descriptionEn} className="prose-ar" />
      {entity.aliases.length > 0 && (
        <section aria-labelledby="aliases">
          <h2 id="aliases" className="mb-2 text-xl font-semibold">{t("aliases")}</h2>
          <ul className="flex flex-wrap gap-2">
            {entity.aliases.map((a) => (
              <li key={`${a.lang}-${a.name}`} lang={a.lang} dir={a.script === "Arab" ? "rtl" : "ltr"} className="rounded bg-stone-100 px-2 py-0.5">
                {a.name}
              </li>
            ))}
          </ul>
        </section>
      )}
      {roles.length > 0 && (
        <section aria-labelledby="roles" data-testid="entity-roles">
          <h2 id="roles" className="mb-2 text-xl font-semibold">{t("roles")}</h2>
          <ol className="space-y-2 border-s-2 border-stone-300 ps-4">
            {roles.map((r) => {
              const role = ar ? r.roleAr : (r.roleEn ?? r.roleAr);
              return (
                <li key={r.id}>
                  <span className="block text-sm font-semibold text-stone-700">{span(r.start, r.end, locale, spanT)}</span>
                  {role ? <span>{role}</span> : <em>{tr(r.type)}</em>}
                  {" — "}
                  <Link href={`/entities/${r.at.slug}`}>{nameOf(r.at)}</Link>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {events.length > 0 && (
        <section aria-labelledby="events" data-testid="entity-events">
          <h2 id="events" className="mb-2 text-xl font-semibold">{t("events")}</h2>
          <ul className="space-y-2">
            {events.map((e) => (
              <li key={e.relationId}>
                <Link href={`/entities/${e.event.slug}`} className="font-semibold">
                  {nameOf(e.event)}
                </Link>
                <span className="ms-2 text-sm text-stone-700">
                  {[span(e.event.start, e.event.end, locale, spanT), tr(e.type)].join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.dateClaims.length > 1 && (
        <section aria-labelledby="claims">
          <h2 id="claims" className="mb-2 text-xl font-semibold">{t("dateClaims")}</h2>
          <ul className="space-y-2">
            {entity.dateClaims.map((c) => (
              <li key={c.id}>
                <strong>{showDate(c.claim, locale)}</strong> — «<span lang="ar">{c.exact}</span>» (
                <Link href={`/articles/${c.article.slug}`}>{c.article.title}</Link>)
              </li>
            ))}
          </ul>
        </section>
      )}
      {entity.relations.length > 0 && (
        <section aria-labelledby="relations">
          <h2 id="relations" className="mb-2 text-xl font-semibold">{t("relations")}</h2>
          <ul className="space-y-3">
            {entity.relations.map((r) => {
              const other = r.source.id === entity.id ? r.target : r.source;
              const outgoing = r.source.id === entity.id;
              const role = ar ? r.roleAr : r.roleEn;
              const when = [showDate(r.start, locale), showDate(r.end, locale)].filter(Boolean).join(" – ");
              return (
                <li key={r.id} className="rounded border border-stone-200 bg-white p-3">
                  <span>
                    {outgoing ? (ar ? entity.nameAr : entity.nameEn) : <Link href={`/entities/${other.slug}`}>{ar ? other.nameAr : other.nameEn}</Link>}{" "}
                    <em>{tr(r.type)}</em>{" "}
                    {outgoing ? <Link href={`/entities/${other.slug}`}>{ar ? other.nameAr : other.nameEn}</Link> : ar ? entity.nameAr : entity.nameEn}
                    {role ? ` (${role})` : ""}
                    {when ? ` · ${when}` : ""}
                  </span>
                  {new Set(r.citations.map((c) => c.claim).filter(Boolean)).size > 1 && (
                    <p className="mt-1 text-sm font-semibold text-amber-800" data-testid="relation-date-conflict">
                      {t("sourcesDisagree")}
                    </p>
                  )}
                  {r.citations.map((c) => (
                    <blockquote key={c.id} className="mt-1 border-s-4 border-stone-200 ps-3 text-sm text-stone-700" lang="ar" dir="rtl">
                      {c.claim && <strong className="me-1">{showDate(c.claim, locale)}:</strong>}
                      «{c.exact}» — <Link href={`/articles/${c.article.slug}`}>{c.article.title}</Link>
                    </blockquote>
                  ))}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {entity.mentions.length > 0 && (
        <section aria-labelledby="mentions">
          <h2 id="mentions" className="mb-2 text-xl font-semibold">{t("mentions")}</h2>
          <ul className="space-y-2" lang="ar" dir="rtl">
            {entity.mentions.map((m) => (
              <li key={m.id} className="text-sm">
                …{m.prefix.slice(-40)}
                <mark className="mention">{m.exact}</mark>
                {m.suffix.slice(0, 40)}… — <Link href={`/articles/${m.article.slug}`}>{m.article.title}</Link>
              </li>
            ))}
          </ul>
          {entity.mentionArticles > new Set(entity.mentions.map((m) => m.article.id)).size && (
            <p className="mt-3 text-sm" data-testid="entity-mentions-more">
              <Link href={{ pathname: "/search", query: { q: entity.nameAr, entity: entity.slug } }}>
                {t("mentionsMore", { count: entity.mentionArticles })}
              </Link>
            </p>
          )}
        </section>
      )}
      {(related.linked.length > 0 || coMentioned.length > 0) && (
        <section aria-labelledby="related" data-testid="entity-related">
          <h2 id="related" className="mb-2 text-xl font-semibold">{t("related")}</h2>
          {related.linked.length > 0 && (
            <ul className="mb-4 flex flex-wrap gap-2">
              {related.linked.map((r) => (
                <li key={r.id}>
                  <Link href={`/entities/${r.slug}`} className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 text-sm">
                    {nameOf(r)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {coMentioned.length > 0 && (
            <>
              <h3 className="mb-2 font-semibold">{t("coMentioned")}</h3>
              <ul className="flex flex-wrap gap-2" data-testid="entity-co-mentioned">
                {coMentioned.map((r) => (
                  <li key={r.id}>
                    <Link href={`/entities/${r.slug}`} className="inline-block rounded-full border border-stone-300 bg-white px-3 py-1 text-sm">
                      {nameOf(r)}
                    </Link>
                    <span className="ms-1 text-xs text-stone-700">({t("sharedArticles", { count: r.articles })})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </article>
  );
}
