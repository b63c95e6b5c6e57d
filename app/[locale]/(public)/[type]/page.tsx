import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listPublishedEntitiesByType, type EntityType } from "@/lib/entities/data";
import { Link } from "@/lib/i18n/navigation";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { dirOf } from "@/lib/i18n/routing";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

const TYPES: Record<string, EntityType> = { people: "person", organizations: "organization", events: "event", places: "place" };

type Props = { params: Promise<{ locale: string; type: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, type } = await params;
  if (!TYPES[type]) return {};
  const nav = await getTranslations({ locale, namespace: "nav" });
  const t = await getTranslations({ locale, namespace: "entity" });
  const site = await getTranslations({ locale, namespace: "site" });
  const key = type as "people" | "organizations" | "events" | "places";
  return pageMetadata({ locale, path: `/${type}`, title: nav(key), description: t(`index.${key}`), siteName: site("name") });
}

export default async function EntityIndexPage({ params }: Props) {
  const { locale, type } = await params;
  const entityType = TYPES[type];
  if (!entityType) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "nav" });
  const entities = await listPublishedEntitiesByType(entityType, locale);
  const ar = locale === "ar";
  return (
    <section>
      <h1 className="mb-6 text-3xl font-bold">{t(type as "people")}</h1>
      <ul className="grid gap-3 md:grid-cols-2" data-testid="entity-list">
        {entities.map((e) => {
          const p = e.start ? parsePreciseDate(e.start) : null;
          return (
            <li key={e.id} className="rounded border border-stone-200 bg-white p-3">
              <Link href={`/entities/${e.slug}`} className="font-semibold">
                {ar ? e.nameAr : e.nameEn}
              </Link>
              <span className="ms-2 text-sm text-stone-700" lang={ar ? "en" : "ar"} dir={dirOf(ar ? "en" : "ar")}>
                {ar ? e.nameEn : e.nameAr}
              </span>
              {p && <span className="block text-sm text-stone-700">{displayPrecise(toDbDate(p), p.precision, locale)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
