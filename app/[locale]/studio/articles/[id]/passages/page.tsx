import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize, can } from "@/lib/auth/policy";
import { getArticleStudioFacts } from "@/lib/articles/data";
import { getWorkingCopy } from "@/lib/records/data";
import { listAliasProposals, listArticlePassages } from "@/lib/mentions/data";
import { ArticleReader } from "@/components/mentions/article-reader";

export const dynamic = "force-dynamic";

export default async function ArticlePassagesPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/articles/${id}/passages`);
  authorize(user, "studio.access");
  const [facts, wc] = await Promise.all([getArticleStudioFacts(id), getWorkingCopy("article", id)]);
  if (!facts || !wc) notFound();
  const [passages, proposals] = await Promise.all([listArticlePassages(id), listAliasProposals(id)]);
  const t = await getTranslations({ locale, namespace: "reader" });
  return (
    <div>
      <a href={`/${locale}/studio/articles/${id}`} className="text-sm font-semibold">
        {t("back")}
      </a>
      <h1 className="mb-1 text-2xl font-bold" dir="auto">
        {t("title")}: {wc.live?.title ?? wc.content.title}
      </h1>
      <ArticleReader articleId={id} text={facts.plainText} passages={passages} proposals={proposals} canDecide={can(user, "mention.decide")} />
    </div>
  );
}
