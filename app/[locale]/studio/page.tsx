import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getStudioOverview } from "@/lib/records/data";
import { StateCounts } from "@/components/studio/state-counts";
import { formatDateTime } from "@/components/studio/format";

export const dynamic = "force-dynamic";

export default async function StudioPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio`);
  const t = await getTranslations({ locale, namespace: "studio" });
  const o = await getStudioOverview(user);
  const cards = [
    { kind: "article", title: t("nav.articles"), href: `/${locale}/studio/articles` },
    { kind: "entity", title: t("nav.entities"), href: `/${locale}/studio/entities` },
    { kind: "dossier", title: t("nav.dossiers"), href: `/${locale}/studio/dossiers` },
    { kind: "annotation", title: t("nav.annotations"), href: `/${locale}/studio/annotations` },
  ] as const;
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-stone-600">{t("welcome", { name: user.name })}</p>
      </header>
      <section className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {cards.map((c) => (
          <div key={c.kind} className="rounded border border-stone-200 bg-white p-4" data-testid={`counts-${c.kind}`}>
            <h2 className="mb-2 font-semibold">
              <a href={c.href} className="text-stone-900">
                {c.title}
              </a>
            </h2>
            <StateCounts counts={o.counts[c.kind]} locale={locale} hrefFor={(s) => `${c.href}?state=${s}`} />
          </div>
        ))}
      </section>
      {o.orphaned > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t("dashboard.orphaned", { count: o.orphaned })}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <section>
          <h2 className="mb-2 text-xl font-semibold">{t("dashboard.reviewQueue")}</h2>
          {o.reviewQueue.length === 0 ? (
            <p className="text-stone-600">{t("dashboard.emptyQueue")}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="review-queue">
              {o.reviewQueue.map((a) => (
                <li key={a.id} className="flex items-baseline justify-between gap-4 p-3">
                  <a href={`/${locale}/studio/articles/${a.id}`} dir="auto">
                    {a.title}
                  </a>
                  <span className="shrink-0 text-xs text-stone-600">{formatDateTime(a.updatedAt, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2 className="mb-2 text-xl font-semibold">{t("dashboard.myDrafts")}</h2>
          {o.myDrafts.length === 0 ? (
            <p className="text-stone-600">{t("dashboard.emptyDrafts")}</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
              {o.myDrafts.map((a) => (
                <li key={a.id} className="flex items-baseline justify-between gap-4 p-3">
                  <a href={`/${locale}/studio/articles/${a.id}`} dir="auto">
                    {a.title}
                  </a>
                  <span className="shrink-0 text-xs text-stone-600">{formatDateTime(a.updatedAt, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
