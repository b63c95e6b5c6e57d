// Pure helpers of the timeline canvas: axis labels in the page's language (the
// standalone vis-timeline bundles a moment that knows English only) and the window
// that shows every event.
import { displayPrecise } from "../dates";

export type MomentLike = { year(): number; month(): number; date(): number };

export const DAY = 24 * 60 * 60 * 1000;
export const utcDay = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * The window that shows every event: a date label runs past its bar towards later
 * times, so leave more room on that side than vis-timeline's own fit() does.
 */
export function fullWindow(items: { start: string; end: string }[]): { start: Date; end: Date } | null {
  if (items.length === 0) return null;
  const min = Math.min(...items.map((i) => utcDay(i.start).getTime()));
  const max = Math.max(...items.map((i) => utcDay(i.end).getTime()));
  const width = Math.max(max - min, 60 * DAY);
  return { start: new Date(min - width * 0.04), end: new Date(max + width * 0.14) };
}

/** Axis labels in the page's language (the standalone build's moment knows English only). */
export function axisFormat(locale: string) {
  const month = new Intl.DateTimeFormat(locale === "ar" ? "ar-u-nu-latn" : "en", { month: locale === "ar" ? "long" : "short", timeZone: "UTC" });
  const asDate = (m: MomentLike) => new Date(Date.UTC(m.year(), m.month(), m.date()));
  return {
    minorLabels: (m: MomentLike, scale: string) => {
      if (scale === "year") return String(m.year());
      if (scale === "month") return month.format(asDate(m));
      return String(m.date());
    },
    majorLabels: (m: MomentLike, scale: string) => {
      if (scale === "year") return "";
      if (scale === "month") return String(m.year());
      if (scale === "day" || scale === "weekday" || scale === "week") return displayPrecise(asDate(m), "month", locale) ?? "";
      return displayPrecise(asDate(m), "day", locale) ?? "";
    },
  };
}
