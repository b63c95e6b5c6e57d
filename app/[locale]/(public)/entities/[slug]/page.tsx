import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { findEntityRedirect, getPublishedEntity } from "@/lib/entities/data";
import { RichText } from "@/lib/rich-text/render";
import { Link } from "@/lib/i18n/navigation";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

function showDate(s: string | null, locale: string) {
  const p = s ? parsePreciseDate(s) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const e = await getPublishedEntity(decodeURIComponent(slug));
  if (!e) return {};
  return { title: locale === "ar" ? e.nameAr : e.nameEn };
}

export default async function EntityPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const key = decodeURIComponent(slug);
  const entity = await getPublishedEntity(key);
  if (!entity) {
    const moved = await findEntityRedirect(key);
    // an old id or slug of an entity merged into another: 308 to the survivor's page
    if (moved) permanentRedirect(`/${locale}/entities/${encodeURIComponent(moved)}`);
    notFound();
  }
  const t = await getTranslations({ locale, namespace: "entity" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const ar = locale === "ar";
  const start = showDate(entity.start, locale);
  const end = showDate(entity.end, locale);

  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm text-stone-500">{t(`type.${entity.type}`)}</p>
        <h1 className="text-3xl font-bold">{ar ? entity.nameAr : entity.nameEn}</h1>
        <p className="text-lg text-stone-600" lang={ar ? "en" : "ar"} dir={ar ? "ltr" : "rtl"}>
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
              <li key={`${a.lang}-${a.name}`} lang={a.lang} className="rounded bg-stone-100 px-2 py-0.5">
                {a.name}
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
                    <blockquote key={c.id} className="mt-1 border-s-4 border-stone-200 ps-3 text-sm text-stone-600" lang="ar" dir="rtl">
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
        </section>
      )}
    </article>
  );
}
