// "Cite this": the reference to this page, in the page language, ready to copy, and
// the same reference as BibTeX. Rendered on the server; only the copy buttons are client code.
import { getTranslations } from "next-intl/server";
import { formatBibtex, formatCitation } from "@/lib/seo/citation";
import { dirOf } from "@/lib/i18n/routing";
import { CopyButton } from "@/components/site/copy-button";

type Props = {
  locale: string;
  article: { id: string; title: string; outlet: string | null; byline: string | null; publishedOn: string | null; language: string };
  /** canonical URL of the article page in this locale */
  url: string;
  accessed?: Date;
};

export async function CiteThis({ locale, article, url, accessed = new Date() }: Props) {
  const t = await getTranslations({ locale, namespace: "article" });
  const site = await getTranslations({ locale, namespace: "site" });
  const common = { locale, siteName: site("name"), title: article.title, outlet: article.outlet, byline: article.byline, publishedOn: article.publishedOn, url, accessed };
  const citation = formatCitation({ ...common, labels: { accessed: t("accessed"), noDate: t("noDate") } });
  const bibtex = formatBibtex({ ...common, key: `sijill:${article.id}`, language: article.language });
  const labels = { copiedLabel: t("copied"), failedLabel: t("copyFailed") };
  return (
    <section lang={locale} dir={dirOf(locale)} aria-labelledby="cite" className="rounded border border-stone-300 bg-white p-4" data-testid="cite-this">
      <h2 id="cite" className="mb-1 text-xl font-semibold">
        {t("cite")}
      </h2>
      <p className="mb-2 text-sm text-stone-700">{t("citeHint")}</p>
      <p className="mb-2 break-words rounded bg-stone-50 p-2 font-serif" data-testid="citation">
        {citation}
      </p>
      <CopyButton text={citation} label={t("copy")} {...labels} testId="copy-citation" />
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold">{t("bibtex")}</summary>
        <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs" dir="ltr" lang="en" data-testid="bibtex">
          {bibtex}
        </pre>
        <CopyButton text={bibtex} label={t("copyBibtex")} {...labels} />
      </details>
    </section>
  );
}
