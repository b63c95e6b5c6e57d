import { getTranslations } from "next-intl/server";

const ORDER = ["draft", "in_review", "published", "archived", "pending", "scheduled"] as const;

/** "3 in review · 5 published", each a link to the list filtered on that state. */
export async function StateCounts({ counts, hrefFor, locale, testId }: { counts: Record<string, number>; hrefFor: (state: string) => string; locale: string; testId?: string }) {
  const t = await getTranslations({ locale, namespace: "studio" });
  const shown = ORDER.filter((s) => counts[s]);
  if (!shown.length) return <p className="text-sm text-stone-600">0</p>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid={testId}>
      {shown.map((s) => (
        <li key={s}>
          <a href={hrefFor(s)} className="text-stone-800">
            {t("stateCount", { count: String(counts[s]), state: t(`state.${s}`) })}
          </a>
        </li>
      ))}
    </ul>
  );
}
