import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublishedDossier } from "@/lib/dossiers/data";
import { RichText } from "@/lib/rich-text/render";
import { Link } from "@/lib/i18n/navigation";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { docToPlainText } from "@/lib/rich-text/document";
import { dirOf } from "@/lib/i18n/routing";
import { JsonLd } from "@/components/site/json-ld";
import { dossierJsonLd } from "@/lib/seo/json-ld";
import { excerpt, pageMetadata } from "@/lib/seo/metadata";
import { pageUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

const pathOf = (slug: string) => `/dossiers/${encodeURIComponent(slug)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const d = await getPublishedDossier(decodeURIComponent(slug));
  if (!d) return {};
  const t = await getTranslations({ locale, namespace: "dossier" });
  const site = await getTranslations({ locale, namespace: "site" });
  const intro = locale === "ar" ? d.introAr : d.introEn;
  return pageMetadata({
    locale,
    path: pathOf(d.slug),
    title: locale === "ar" ? d.titleAr : d.titleEn,
    description: (intro && excerpt(docToPlainText(intro))) || t("description"),
    siteName: site("name"),
  });
}

function showDate(s: string | null, locale: string) {
  const p = s ? parsePreciseDate(s) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

export default async function DossierPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const dossier = await getPublishedDossier(decodeURIComponent(slug));
  if (!dossier) notFound();
  const t = await getTranslations({ locale, namespace: "dossier" });
  const te = await getTranslations({ locale, namespace: "entity" });
  const ar = locale === "ar";
  const intro = ar ? dossier.introAr : dossier.introEn;
  const jsonLd = dossierJsonLd({
    url: pageUrl(locale, pathOf(dossier.slug)),
    name: ar ? dossier.titleAr : dossier.titleEn,
    description: intro ? excerpt(docToPlainText(intro), 300) : null,
    inLanguage: locale,
    items: dossier.items.flatMap((i) =>
      i.article
        ? [{ type: "article", name: ar || !i.article.titleEn ? i.article.title : i.article.titleEn, url: pageUrl(locale, `/articles/${encodeURIComponent(i.article.slug)}`) }]
        : i.entity
          ? [{ type: i.entity.type, name: ar ? i.entity.nameAr : i.entity.nameEn, url: pageUrl(locale, `/entities/${encodeURIComponent(i.entity.slug)}`) }]
          : [],
    ),
  });
  return (
    <article className="space-y-8">
      <JsonLd data={jsonLd} />
      <h1 className="text-3xl font-bold">{ar ? dossier.titleAr : dossier.titleEn}</h1>
      <RichText doc={ar ? dossier.introAr : dossier.introEn} className="prose-ar" />
      <section aria-labelledby="items">
        <h2 id="items" className="mb-4 text-2xl font-semibold">{t("items")}</h2>
        <ol className="space-y-6">
          {dossier.items.map((item) => (
            <li key={item.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <RichText doc={ar ? item.noteAr : item.noteEn} className="mb-2 text-stone-700" />
              {item.article && (
                <p>
                  <Link
                    href={`/articles/${item.article.slug}`}
                    className="font-serif text-lg font-semibold"
                    lang={ar || !item.article.titleEn ? "ar" : "en"}
                    dir={dirOf(ar || !item.article.titleEn ? "ar" : "en")}
                  >
                    {ar || !item.article.titleEn ? item.article.title : item.article.titleEn}
                  </Link>
                  <span className="ms-2 text-sm text-stone-700">{[item.article.outlet, showDate(item.article.publishedOn, locale)].filter(Boolean).join(" · ")}</span>
                </p>
              )}
              {item.entity && (
                <p>
                  <span className="me-2 text-sm text-stone-700">{te(`type.${item.entity.type as "person"}`)}</span>
                  <Link href={`/entities/${item.entity.slug}`} className="text-lg font-semibold">
                    {ar ? item.entity.nameAr : item.entity.nameEn}
                  </Link>
                  {item.entity.start && <span className="ms-2 text-sm text-stone-700">{showDate(item.entity.start, locale)}</span>}
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
