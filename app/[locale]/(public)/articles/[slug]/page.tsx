import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublishedArticle } from "@/lib/articles/data";
import { RichText, type Highlight } from "@/lib/rich-text/render";
import { Link } from "@/lib/i18n/navigation";
import { dirOf } from "@/lib/i18n/routing";
import { articleDate } from "@/components/articles/article-card";
import { CiteThis } from "@/components/articles/cite-this";
import { JsonLd } from "@/components/site/json-ld";
import { articleJsonLd } from "@/lib/seo/json-ld";
import { excerpt, pageMetadata } from "@/lib/seo/metadata";
import { pageUrl, siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

const pathOf = (slug: string) => `/articles/${encodeURIComponent(slug)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const a = await getPublishedArticle(decodeURIComponent(slug));
  if (!a) return {};
  const site = await getTranslations({ locale, namespace: "site" });
  return pageMetadata({
    locale,
    path: pathOf(a.slug),
    title: locale === "en" && a.titleEn ? a.titleEn : a.title,
    description: a.summary ? excerpt(a.summary) : excerpt(a.plainText),
    siteName: site("name"),
    type: "article",
    publishedTime: a.publishedOn,
  });
}

export default async function ArticlePage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const article = await getPublishedArticle(decodeURIComponent(slug));
  if (!article) notFound();
  const t = await getTranslations({ locale, namespace: "article" });
  const site = await getTranslations({ locale, namespace: "site" });
  const ar = locale === "ar";
  const dir = dirOf(locale);
  const textDir = article.language === "ar" ? "rtl" : "ltr";
  // public notes anchored in the current text, numbered in reading order
  const notes = article.annotations.map((a, i) => ({ ...a, n: i + 1 }));
  const highlights: Highlight[] = [
    ...article.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      href: `/${locale}/entities/${m.entity.slug}`,
      label: ar ? m.entity.nameAr : m.entity.nameEn,
      kind: m.entity.type,
    })),
    ...notes
      .filter((a) => a.anchorStatus === "anchored")
      .map((a) => ({ start: a.start, end: a.end, href: `#note-${a.id}`, label: t("noteMark", { n: a.n }), variant: "note" as const })),
  ];
  const entities = [...new Map(article.mentions.map((m) => [m.entity.id, m.entity])).values()];
  const date = articleDate(article, locale);
  const outlet = ar ? article.outlet : (article.outletEn ?? article.outlet);
  const url = pageUrl(locale, pathOf(article.slug));
  const title = !ar && article.titleEn ? article.titleEn : article.title;

  return (
    <article className="space-y-6" lang={article.language} dir={textDir}>
      <JsonLd
        data={articleJsonLd({
          url,
          headline: article.title,
          alternativeHeadline: article.titleEn,
          description: article.summary ?? undefined,
          datePublished: article.publishedOn,
          inLanguage: article.language,
          outlet,
          byline: article.byline,
          siteName: site("name"),
          siteUrl: siteUrl(),
          mentions: entities.map((e) => ({ type: e.type, name: ar ? e.nameAr : e.nameEn, url: pageUrl(locale, `/entities/${encodeURIComponent(e.slug)}`) })),
        })}
      />
      <header className="space-y-2">
        {article.kicker && <p className="text-sm font-semibold text-[--color-accent]">{article.kicker}</p>}
        <h1 className="font-serif text-3xl font-bold leading-snug">{article.title}</h1>
        {article.titleEn && (
          <p lang="en" dir="ltr" className="text-stone-700">
            {article.titleEn}
          </p>
        )}
        <dl className="flex flex-wrap gap-x-6 text-sm text-stone-700" lang={locale} dir={dir}>
          {article.byline && (
            <div data-testid="article-byline">
              <dt className="inline font-semibold">{t("byline")}: </dt>
              <dd className="inline" lang={article.language} dir={textDir}>
                {article.byline}
              </dd>
            </div>
          )}
          {outlet && (
            <div>
              <dt className="inline font-semibold">{t("outlet")}: </dt>
              <dd className="inline">{outlet}</dd>
            </div>
          )}
          <div>
            <dt className="inline font-semibold">{t("date")}: </dt>
            <dd className="inline">{date ?? t("unknownDate")}</dd>
          </div>
          {article.url && (
            <div>
              <dt className="inline font-semibold">{t("link")}: </dt>
              <dd className="inline">
                <a href={article.url} rel="noopener noreferrer nofollow" dir="ltr">
                  {new URL(article.url).hostname}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </header>
      <RichText doc={article.body} highlights={highlights} className="prose-ar" />
      {entities.length > 0 && (
        <section lang={locale} dir={dir} aria-labelledby="mentions">
          <h2 id="mentions" className="mb-2 text-xl font-semibold">{t("mentions")}</h2>
          <ul className="flex flex-wrap gap-2">
            {entities.map((e) => (
              <li key={e.id}>
                <Link href={`/entities/${e.slug}`} className="rounded-full border border-stone-300 bg-white px-3 py-1 text-sm">
                  {ar ? e.nameAr : e.nameEn}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <section lang={locale} dir={dir} aria-labelledby="notes" data-testid="article-notes">
          <h2 id="notes" className="mb-2 text-xl font-semibold">{t("annotations")}</h2>
          <ol className="space-y-3">
            {notes.map((a) => (
              <li key={a.id} id={`note-${a.id}`} className="scroll-mt-4 rounded border border-stone-200 bg-white p-3 target:ring-2 target:ring-emerald-600">
                <p className="text-sm text-stone-700">
                  <span className="font-semibold">{t("noteMark", { n: a.n })}</span> · {t("noteOn")}:{" "}
                  <q lang={article.language} dir={textDir} className="font-serif">
                    {a.exact}
                  </q>
                </p>
                <div dir="auto">
                  <RichText doc={a.body} className="mt-1" />
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
      <details className="rounded border border-stone-300 bg-white p-4" lang={locale} dir={dir} data-testid="original-text">
        <summary className="cursor-pointer font-semibold">
          {t("original")} <span className="text-sm font-normal text-stone-700">({t("originalHint")})</span>
        </summary>
        <pre className="mt-3 whitespace-pre-wrap font-serif text-sm" dir={textDir} lang={article.language}>
          {article.originalText}
        </pre>
      </details>
      <CiteThis
        locale={locale}
        article={{ id: article.id, title, outlet, byline: article.byline, publishedOn: article.publishedOn, language: article.language }}
        url={url}
      />
    </article>
  );
}
