import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { getWorkingCopy } from "@/lib/records/data";
import { getAnnotationStudioFacts } from "@/lib/annotations/data";
import { getArticleTitles } from "@/lib/articles/data";
import { RecordPage } from "@/components/studio/record-page";
import { AnnotationForm } from "@/components/annotations/annotation-form";

export const dynamic = "force-dynamic";

export default async function EditAnnotationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/annotations/${id}`);
  authorize(user, "studio.access");
  const [wc, facts] = await Promise.all([getWorkingCopy("annotation", id), getAnnotationStudioFacts(id)]);
  if (!wc || !facts) notFound();
  const t = await getTranslations({ locale, namespace: "annotations" });
  const article = (await getArticleTitles([facts.articleId])).get(facts.articleId);
  return (
    <RecordPage
      locale={locale}
      kind="annotation"
      user={user}
      wc={wc}
      title={t("edit")}
      // a public note is read beside its passage, on the article's public page
      publicHref={article && wc.content.visibility === "public" ? `/${locale}/articles/${article.slug}` : null}
      form={
        <AnnotationForm
          passage={{ exact: facts.exact, prefix: facts.prefix, suffix: facts.suffix, anchorStatus: facts.anchorStatus }}
          article={{ title: facts.article.title, href: `/${locale}/studio/articles/${facts.articleId}` }}
        />
      }
    />
  );
}
