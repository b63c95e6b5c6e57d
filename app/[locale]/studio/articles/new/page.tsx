import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { RecordEditorProvider, SaveBar } from "@/components/studio/record-editor";
import { ArticleForm } from "@/components/articles/article-form";

export const dynamic = "force-dynamic";

const EMPTY = {
  title: "",
  titleEn: null,
  kicker: null,
  summary: null,
  body: { type: "doc", content: [{ type: "paragraph" }] },
  outlet: null,
  outletEn: null,
  url: null,
  language: "ar",
  publishedOn: null,
  byline: null,
};

export default async function NewArticlePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/articles/new`);
  authorize(user, "record.create");
  const t = await getTranslations({ locale, namespace: "articles" });
  return (
    <RecordEditorProvider kind="article" id={null} version={0} content={EMPTY} editBase={`/${locale}/studio/articles`}>
      <h1 className="mb-2 text-2xl font-bold">{t("new")}</h1>
      <SaveBar />
      <ArticleForm />
    </RecordEditorProvider>
  );
}
