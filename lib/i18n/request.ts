import { getRequestConfig } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing } from "./routing";

// Messages are split by area (the public site, the studio, its content editors, its
// admin pages) so each stays readable; every area has its own top-level namespaces.
const AREAS = ["", "search.", "explore.", "studio.", "studio-content.", "studio-admin.", "studio-relations.", "studio-merge."] as const;

async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const parts = await Promise.all(AREAS.map(async (area) => (await import(`./messages/${area}${locale}.json`)).default as Record<string, unknown>));
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [ns, value] of Object.entries(part)) {
      if (ns in merged) throw new Error(`i18n: namespace "${ns}" is defined twice (${locale})`);
      merged[ns] = value;
    }
  }
  return merged;
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});
