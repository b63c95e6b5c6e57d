import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getPublishedArticle } from "@/lib/articles/data";
import { RichText, type Highlight } from "@/lib/rich-text/render";
import { Link } from "@/lib/i18n/navigation";
import { articleDate } from "@/components/articles/article-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const a = await getPublishedArticle(decodeURIComponent(slug));
  if (!a) return {};
  return { title: locale === "en" && a.titleEn ? a.titleEn : a.title, description: a.plainText.slice(0, 160) };
}

export default async function ArticlePage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const article = await getPublishedArticle(decodeURIComponent(slug));
  if (!article) notFound();
  const t = await getTranslations({ locale, namespace: "article" });
  const ar = locale === "ar";
  const highlights: Highlight[] = article.mentions.map((m) => ({
    start: m.start,
    end: m.end,
    href: `/${locale}/entities/${m.entity.slug}`,
    label: ar ? m.entity.nameAr : m.entity.nameEn,
    kind: m.entity.type,
  }));
  const entities = [...new Map(article.mentions.map((m) => [m.entity.id, m.entity])).values()];
  const date = articleDate(article, locale);

  return (
    <article className="space-y-6" lang={article.language} dir={article.language === "ar" ? "rtl" : "ltr"}>
      <header className="space-y-2">
        {article.kicker && <p className="text-sm font-semibold text-[--color-accent]">{article.kicker}</p>}
        <h1 className="font-serif text-3xl font-bold leading-snug">{article.title}</h1>
        {article.titleEn && (
          <p lang="en" dir="ltr" className="text-stone-600">
            {article.titleEn}
          </p>
        )}
        <dl className="flex flex-wrap gap-x-6 text-sm text-stone-600" lang={locale} dir={ar ? "rtl" : "ltr"}>
          {article.outlet && (
            <div>
              <dt className="inline font-semibold">{t("outlet")}: </dt>
              <dd className="inline">{ar ? article.outlet : (article.outletEn ?? article.outlet)}</dd>
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
                <a href={article.url} rel="noopener noreferrer nofollow">{new URL(article.url).hostname}</a>
              </dd>
            </div>
          )}
        </dl>
      </header>
      <RichText doc={article.body} highlights={highlights} className="prose-ar" />
      {entities.length > 0 && (
        <section lang={locale} dir={ar ? "rtl" : "ltr"} aria-labelledby="mentions">
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
      <details className="rounded border border-stone-300 bg-white p-4" lang={locale}>
        <summary className="cursor-pointer font-semibold">{t("original")}</summary>
        <pre className="mt-3 whitespace-pre-wrap font-serif text-sm" dir="rtl" lang={article.language}>
          {article.originalText}
        </pre>
      </details>
    </article>
  );
}
