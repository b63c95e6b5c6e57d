import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { ImportForm } from "@/components/articles/import-form";

export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/articles/import`);
  authorize(user, "article.import");
  const t = await getTranslations({ locale, namespace: "articles.importPage" });
  return (
    <div className="max-w-4xl">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-stone-700">{t("intro")}</p>
      <ImportForm />
    </div>
  );
}
