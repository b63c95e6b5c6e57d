import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { displayPrecise, parsePreciseDate, toDbDate } from "@/lib/dates";
import { ENTITY_TYPES } from "@/lib/entities/schemas";
import { parseLenient, type ParamRecord } from "@/lib/explore/params";
import { getTimeline, listTimelineEntityChoices, type TimelineEventDto } from "@/lib/timeline/data";
import { timelineQuerySchema } from "@/lib/timeline/schemas";
import { Timeline, type TimelineItem } from "@/components/site/timeline";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<ParamRecord> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "timeline" });
  return { title: t("title"), description: t("description") };
}

function show(s: string | null, locale: string) {
  const p = s ? parsePreciseDate(s) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

function dateLabel(e: TimelineEventDto, locale: string) {
  const start = show(e.start, locale)!;
  const end = show(e.end, locale);
  return end && end !== start ? `${start} – ${end}` : start;
}

export default async function TimelinePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "timeline" });
  const te = await getTranslations({ locale, namespace: "entity" });
  const ar = locale === "ar";
  const name = (x: { nameAr: string; nameEn: string }) => (ar ? x.nameAr : x.nameEn);

  const { query, ignored } = parseLenient(timelineQuerySchema, await searchParams);
  // an entity that is not public (or does not exist) shows every event, with a note
  const [found, choices] = await Promise.all([getTimeline(query.entity), listTimelineEntityChoices()]);
  const timeline = found ?? (await getTimeline())!;
  const unknownEntity = query.entity !== undefined && found === null;
  const { entity, events } = timeline;

  const items: TimelineItem[] = events.map((e) => ({
    id: e.id,
    label: name(e),
    dateLabel: dateLabel(e, locale),
    start: e.span.start,
    end: e.span.end,
    kind: e.span.kind,
    precision: e.startPrecision,
    href: `/${locale}/entities/${encodeURIComponent(e.slug)}`,
  }));
  const collator = new Intl.Collator(locale);
  const groups = ENTITY_TYPES.map((type) => ({ type, entities: choices.filter((c) => c.type === type).sort((a, b) => collator.compare(name(a), name(b))) })).filter((g) => g.entities.length);

  return (
    <section className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-stone-700">{t("description")}</p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-2" data-testid="timeline-filter">
        <label className="flex w-full min-w-0 flex-col text-sm sm:w-auto sm:max-w-md">
          <span className="font-semibold">{t("filterLabel")}</span>
          <select name="entity" defaultValue={entity?.slug ?? ""} className="w-full min-w-0 rounded border border-stone-400 bg-white px-2 py-1">
            <option value="">{t("allEntities")}</option>
            {groups.map((g) => (
              <optgroup key={g.type} label={te(`type.${g.type}`)}>
                {g.entities.map((c) => (
                  <option key={c.id} value={c.slug}>
                    {name(c)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-stone-500 bg-white px-3 py-1 text-sm text-stone-800 hover:bg-stone-100">
          {t("apply")}
        </button>
      </form>

      {(unknownEntity || ignored.length > 0) && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="timeline-notice">
          {unknownEntity ? t("unknownEntity") : t("ignored", { params: ignored.join(", ") })}
        </p>
      )}
      {entity && (
        <p data-testid="timeline-filtered">
          {t("filteredBy", { name: name(entity) })}{" "}
          <Link href="/timeline">{t("showAll")}</Link>
        </p>
      )}
      <p className="text-sm text-stone-600">{t("count", { count: events.length })}</p>

      {items.length > 0 && (
        <Timeline
          items={items}
          locale={locale}
          labels={{ canvas: t("canvasLabel"), loading: t("loading"), zoomIn: t("zoomIn"), zoomOut: t("zoomOut"), earlier: t("earlier"), later: t("later"), fit: t("fit") }}
        />
      )}

      <section aria-labelledby="timeline-list-heading">
        <h2 id="timeline-list-heading" className="mb-3 text-xl font-semibold">
          {t("listHeading")}
        </h2>
        {events.length === 0 ? (
          <p>{t("noEvents")}</p>
        ) : (
          <ol className="space-y-3 border-s-2 border-stone-300 ps-4" data-testid="timeline-list">
            {events.map((e) => (
              <li key={e.id} data-precision={e.startPrecision} data-slug={e.slug}>
                <time dateTime={e.end ? `${e.start}/${e.end}` : e.start} className="block text-sm font-semibold text-stone-700" title={t(`precision.${e.startPrecision}`)}>
                  {dateLabel(e, locale)}
                  <span className="sr-only"> ({t(`precision.${e.startPrecision}`)})</span>
                </time>
                <Link href={`/entities/${e.slug}`} className="text-lg font-semibold" data-testid="timeline-event-link">
                  {name(e)}
                </Link>
                <span className="mx-2 text-sm text-stone-600" lang={ar ? "en" : "ar"} dir={ar ? "ltr" : "rtl"}>
                  {ar ? e.nameEn : e.nameAr}
                </span>
                <p className="text-sm text-stone-700">
                  {t("sources")}{" "}
                  {e.sources.length === 0 ? (
                    <span className="text-stone-600">{t("noSources")}</span>
                  ) : (
                    e.sources.map((s, i) => (
                      <span key={s.id}>
                        {i > 0 && " · "}
                        <Link href={`/articles/${s.slug}`} lang={!ar && s.titleEn ? "en" : "ar"}>
                          {!ar && s.titleEn ? s.titleEn : s.title}
                        </Link>
                      </span>
                    ))
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
