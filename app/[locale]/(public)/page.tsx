import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { listPublishedDossiers, getPublishedDossier } from "@/lib/dossiers/data";
import { listRecentPublishedArticles } from "@/lib/articles/data";
import { RichText } from "@/lib/rich-text/render";
import { ArticleCard } from "@/components/articles/article-card";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const site = await getTranslations({ locale, namespace: "site" });
  // the layout's default title (the site name) stays
  return pageMetadata({ locale, path: "", title: null, description: site("homeDescription"), siteName: site("name") });
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const site = await getTranslations({ locale, namespace: "site" });
  const [{ data: dossiers }, articles] = await Promise.all([listPublishedDossiers({ limit: 20 }), listRecentPublishedArticles(20)]);
  const featured = dossiers[0] ? await getPublishedDossier(dossiers[0].slug) : null;
  const ar = locale === "ar";

  return (
    <div className="space-y-10">
      <p className="text-lg text-stone-700">{site("tagline")}</p>
      <section aria-labelledby="dossiers">
        <h1 id="dossiers" className="mb-4 text-3xl font-bold">
          {t("dossiers")}
        </h1>
        {dossiers.length === 0 && <p>{t("empty")}</p>}
        {featured && (
          <article className="rounded-lg border border-stone-300 bg-white p-6 shadow-sm" data-testid="featured-dossier">
            <h2 className="mb-2 text-2xl font-semibold">
              <Link href={`/dossiers/${featured.slug}`}>{ar ? featured.titleAr : featured.titleEn}</Link>
            </h2>
            <p className="mb-3 text-sm text-stone-700">{t("items", { count: featured.items.length })}</p>
            <RichText doc={ar ? featured.introAr : featured.introEn} className="prose-ar line-clamp-6" />
          </article>
        )}
        {dossiers.slice(1).map((d) => (
          <p key={d.id} className="mt-3">
            <Link href={`/dossiers/${d.slug}`}>{ar ? d.titleAr : d.titleEn}</Link>
          </p>
        ))}
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest" className="mb-4 text-2xl font-bold">
          {t("latest")}
        </h2>
        <ul className="grid gap-4 md:grid-cols-2" data-testid="article-list">
          {articles.map((a) => (
            <li key={a.id}>
              <ArticleCard article={a} locale={locale} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
