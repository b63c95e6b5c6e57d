import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { signOutAction } from "@/lib/auth/actions";
import { countArticlesByState, listArticlesForStudio } from "@/lib/articles/data";
import { countEntitiesByTypeAndState } from "@/lib/entities/data";
import { countDossiersByState } from "@/lib/dossiers/data";

export const dynamic = "force-dynamic";

const STATES = ["draft", "in_review", "published", "archived"] as const;

export default async function StudioPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio`);
  authorize(user, "studio.access");
  const t = await getTranslations({ locale, namespace: "studio" });
  const nav = await getTranslations({ locale, namespace: "nav" });
  const [articleCounts, entityCounts, dossierCounts, articles] = await Promise.all([
    countArticlesByState(),
    countEntitiesByTypeAndState(),
    countDossiersByState(),
    listArticlesForStudio({ sort: "updated_desc", page: 1, pageSize: 50 }).then((r) => r.rows),
  ]);
  const entityTotals: Record<string, number> = {};
  for (const row of entityCounts) entityTotals[row.state] = (entityTotals[row.state] ?? 0) + row._count._all;

  const counts = (c: Record<string, number>) => STATES.filter((s) => c[s]).map((s) => `${c[s]} ${t(`state.${s}`)}`).join(" · ") || "0";

  return (
    <div className="space-y-8" data-testid="studio">
      <header className="flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-stone-600">
          {t("welcome", { name: user.name })} · {t(`role.${user.role}`)}
        </p>
        <form action={signOutAction} className="ms-auto">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="rounded border border-stone-400 px-3 py-1">
            {nav("signOut")}
          </button>
        </form>
      </header>
      <section className="grid gap-4 md:grid-cols-3">
        <div className="rounded border border-stone-200 bg-white p-4"><h2 className="font-semibold">{t("articles")}</h2><p>{counts(articleCounts)}</p></div>
        <div className="rounded border border-stone-200 bg-white p-4"><h2 className="font-semibold">{t("entities")}</h2><p>{counts(entityTotals)}</p></div>
        <div className="rounded border border-stone-200 bg-white p-4"><h2 className="font-semibold">{t("dossiers")}</h2><p>{counts(dossierCounts)}</p></div>
      </section>
      <section>
        <h2 className="mb-3 text-xl font-semibold">{t("articles")}</h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-start">
              <th className="p-2 text-start">{t("articles")}</th>
              <th className="p-2 text-start">{t("counts")}</th>
              <th className="p-2 text-start">{t("updated")}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} className="border-b border-stone-200">
                <td className="p-2" lang="ar" dir="rtl">{a.title}</td>
                <td className="p-2">{t(`state.${a.state}`)}</td>
                <td className="p-2">{a.updatedAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
