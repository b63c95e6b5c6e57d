import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize, can } from "@/lib/auth/policy";
import { getWorkingCopy } from "@/lib/records/data";
import { getEntityNames, getEntityStudioFacts } from "@/lib/entities/data";
import { RecordPage } from "@/components/studio/record-page";
import { MergePanel } from "@/components/entities/merge-panel";
import { findDuplicateCandidates, listMerges } from "@/lib/merges/data";
import { EntityForm } from "@/components/entities/entity-form";
import { EntityEvidence } from "@/components/entities/entity-evidence";

export const dynamic = "force-dynamic";

export default async function EditEntityPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/entities/${id}`);
  authorize(user, "studio.access");
  const [wc, facts] = await Promise.all([getWorkingCopy("entity", id), getEntityStudioFacts(id)]);
  if (!wc || !facts) notFound();
  const t = await getTranslations({ locale, namespace: "entities" });
  const merged = facts.mergedIntoId ? (await getEntityNames([facts.mergedIntoId])).get(facts.mergedIntoId) : undefined;
  const name = locale === "ar" ? wc.content.nameAr || wc.content.nameEn : wc.content.nameEn || wc.content.nameAr;
  return (
    <RecordPage
      locale={locale}
      kind="entity"
      user={user}
      wc={wc}
      title={name || t("edit")}
      publicHref={`/${locale}/entities/${facts.slug}`}
      form={
        <>
          {merged && (
            <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="merged-notice">
              {t("merged")}{" "}
              <a href={`/${locale}/studio/entities/${merged.id}`}>
                <span lang="ar" dir="rtl">
                  {merged.nameAr}
                </span>{" "}
                ·{" "}
                <span lang="en" dir="ltr">
                  {merged.nameEn}
                </span>
              </a>
            </p>
          )}
          <EntityForm />
          <EntityEvidence locale={locale} entityId={id} />
        </>
      }
      aside={
        <>
          <section className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-700" data-testid="entity-facts">
            <p>{t("facts.mentions", { count: facts._count.mentions })}</p>
            <p>{t("facts.relations", { count: facts._count.relationsFrom + facts._count.relationsTo })}</p>
          </section>
          {can(user, "entity.merge") && <EntityMergeAside id={id} type={wc.content.type} isMerged={!!facts.mergedIntoId} />}
        </>
      }
    />
  );
}

/** The merge panel with what it needs from the server: possible duplicates and this entity's merges. */
async function EntityMergeAside({ id, type, isMerged }: { id: string; type: string; isMerged: boolean }) {
  const [candidates, merges] = await Promise.all([isMerged ? [] : findDuplicateCandidates(id), listMerges(id)]);
  return (
    <MergePanel
      entityId={id}
      type={type}
      isMerged={isMerged}
      candidates={candidates.map((c) => ({ id: c.id, nameAr: c.nameAr, nameEn: c.nameEn, state: c.state, matchedName: c.matchedName, distance: c.distance }))}
      merges={merges.map((m) => ({
        id: m.id,
        createdAt: m.createdAt.toISOString(),
        actor: m.actor,
        undoneAt: m.undoneAt?.toISOString() ?? null,
        undoneBy: m.undoneBy,
        survivor: { id: m.survivor.id, nameAr: m.survivor.nameAr, nameEn: m.survivor.nameEn },
        merged: { id: m.merged.id, nameAr: m.merged.nameAr, nameEn: m.merged.nameEn },
        undoable: m.undoable,
        moved: m.moved,
      }))}
    />
  );
}
