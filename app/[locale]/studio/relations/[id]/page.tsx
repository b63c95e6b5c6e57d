import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { getWorkingCopy } from "@/lib/records/data";
import { getEntityNames } from "@/lib/entities/data";
import { RecordPage } from "@/components/studio/record-page";
import { loadCitationArticleAction } from "@/lib/relations/actions";
import { getArticleTextForCitation } from "@/lib/relations/data";
import { RelationForm, type CitationArticle } from "@/components/relations/relation-form";

export const dynamic = "force-dynamic";


export default async function EditRelationPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/relations/${id}`);
  authorize(user, "studio.access");
  const wc = await getWorkingCopy("relation", id);
  if (!wc) notFound();
  const c = wc.content;
  const articleIds = [...new Set(c.citations.map((x) => x.articleId))];
  const [names, texts] = await Promise.all([getEntityNames([c.sourceId, c.targetId]), Promise.all(articleIds.map((a) => getArticleTextForCitation(a)))]);
  const t = await getTranslations({ locale, namespace: "relations" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const nameOf = (eid: string) => {
    const e = names.get(eid);
    return e ? (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr) : "…";
  };
  const source = names.get(c.sourceId);
  return (
    <RecordPage
      locale={locale}
      kind="relation"
      user={user}
      wc={wc}
      title={
        <>
          <span className="sr-only">{t("edit")}: </span>
          {nameOf(c.sourceId)} — {tr(c.type)} — {nameOf(c.targetId)}
        </>
      }
      // a published relation is read on the public pages of its entities
      publicHref={source?.state === "published" ? `/${locale}/entities/${source.slug}` : null}
      form={
        <RelationForm
          entities={Object.fromEntries([...names.values()].map((e) => [e.id, { id: e.id, type: e.type, nameAr: e.nameAr, nameEn: e.nameEn, state: e.state }]))}
          articles={Object.fromEntries(texts.flatMap((a) => (a ? [[a.id, a]] : [])))}
          loadArticle={loadCitationArticleAction}
        />
      }
      aside={
        <section className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="relation-ends">
          <h2 className="mb-2 font-bold">{t("ends")}</h2>
          <ul className="space-y-1">
            {[c.sourceId, c.targetId].map((eid) => (
              <li key={eid}>
                <a href={`/${locale}/studio/entities/${eid}`}>{nameOf(eid)}</a>
              </li>
            ))}
          </ul>
        </section>
      }
    />
  );
}
