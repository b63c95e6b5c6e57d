import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { getWorkingCopy } from "@/lib/records/data";
import { getDossierSlug } from "@/lib/dossiers/data";
import { getArticleTitles } from "@/lib/articles/data";
import { getEntityNames } from "@/lib/entities/data";
import { RecordPage } from "@/components/studio/record-page";
import { DossierForm, type DossierItemLabels } from "@/components/dossiers/dossier-form";

export const dynamic = "force-dynamic";

export default async function EditDossierPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/dossiers/${id}`);
  authorize(user, "studio.access");
  const [wc, dossier] = await Promise.all([getWorkingCopy("dossier", id), getDossierSlug(id)]);
  if (!wc || !dossier) notFound();
  const t = await getTranslations({ locale, namespace: "dossiers" });

  // What each item points at, for the items editor (items added later carry their own label).
  const articleIds = [...new Set(wc.content.items.flatMap((i) => (i.articleId ? [i.articleId] : [])))];
  const entityIds = [...new Set(wc.content.items.flatMap((i) => (i.entityId ? [i.entityId] : [])))];
  const [titles, names] = await Promise.all([
    articleIds.length ? getArticleTitles(articleIds) : Promise.resolve(new Map<string, never>()),
    entityIds.length ? getEntityNames(entityIds) : Promise.resolve(new Map<string, never>()),
  ]);
  const labels: DossierItemLabels = {};
  for (const a of titles.values()) labels[`article:${a.id}`] = { kind: "article", title: a.title, state: a.state };
  for (const e of names.values()) labels[`entity:${e.id}`] = { kind: "entity", type: e.type, nameAr: e.nameAr, nameEn: e.nameEn, state: e.state };

  const title = locale === "ar" ? wc.content.titleAr || wc.content.titleEn : wc.content.titleEn || wc.content.titleAr;
  return (
    <RecordPage
      locale={locale}
      kind="dossier"
      user={user}
      wc={wc}
      title={title || t("edit")}
      publicHref={`/${locale}/dossiers/${dossier.slug}`}
      form={<DossierForm labels={labels} />}
    />
  );
}
