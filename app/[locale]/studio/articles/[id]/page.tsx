import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { getWorkingCopy } from "@/lib/records/data";
import { getArticleStudioFacts, getArticleTitles } from "@/lib/articles/data";
import { RecordPage } from "@/components/studio/record-page";
import { ArticleForm } from "@/components/articles/article-form";

export const dynamic = "force-dynamic";

export default async function EditArticlePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/articles/${id}`);
  authorize(user, "studio.access");
  const [wc, facts] = await Promise.all([getWorkingCopy("article", id), getArticleStudioFacts(id)]);
  if (!wc || !facts) notFound();
  const t = await getTranslations({ locale, namespace: "articles" });
  const duplicate = facts.duplicateOfId ? (await getArticleTitles([facts.duplicateOfId])).get(facts.duplicateOfId) : undefined;
  return (
    <RecordPage
      locale={locale}
      kind="article"
      user={user}
      wc={wc}
      title={wc.content.title || t("edit")}
      publicHref={`/${locale}/articles/${facts.slug}`}
      form={
        <>
          {duplicate && (
            <p role="note" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" data-testid="duplicate-notice">
              {t("duplicateOf")}{" "}
              <a href={`/${locale}/studio/articles/${duplicate.id}`} dir="auto">
                {duplicate.title}
              </a>
            </p>
          )}
          <ArticleForm />
        </>
      }
      aside={
        <section className="rounded border border-stone-200 bg-white p-4 text-sm">
          <p className="mb-2 text-stone-700">{t("passages", { mentions: String(facts._count.mentions), annotations: String(facts._count.annotations) })}</p>
          <details>
            <summary className="cursor-pointer font-semibold">{t("original")}</summary>
            <p className="mt-1 text-xs text-stone-600">{t("originalHint")}</p>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-stone-50 p-2 font-sans text-xs" dir="auto" data-testid="original-text">
              {facts.originalText}
            </pre>
          </details>
        </section>
      }
    />
  );
}
