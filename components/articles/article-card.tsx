import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import type { ArticleSummaryDto } from "@/lib/articles/data";

export function articleDate(a: { publishedOn: string | null }, locale: string): string | null {
  const p = a.publishedOn ? parsePreciseDate(a.publishedOn) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

export async function ArticleCard({ article, locale }: { article: ArticleSummaryDto; locale: string }) {
  const t = await getTranslations({ locale, namespace: "article" });
  const date = articleDate(article, locale);
  const showEn = locale === "en" && article.titleEn;
  return (
    <article className="h-full rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="mb-1 font-serif text-lg font-semibold leading-snug" lang={showEn ? "en" : article.language} dir={showEn ? "ltr" : "rtl"}>
        <Link href={`/articles/${article.slug}`}>{showEn ? article.titleEn : article.title}</Link>
      </h3>
      <p className="text-sm text-stone-700">
        {[locale === "en" ? (article.outletEn ?? article.outlet) : article.outlet, date ?? t("unknownDate")].filter(Boolean).join(" · ")}
      </p>
    </article>
  );
}
