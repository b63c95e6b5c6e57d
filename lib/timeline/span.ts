// Pure helpers: the stretch of time a precise date covers, as drawn on the timeline.
// A day is one day, a month-precision date covers its whole month, a year-precision
// date its whole year; a start–end pair covers from the start of its start to the
// end of its end. Ends are exclusive ("2004-06" → [2004-06-01, 2004-07-01)).
import { parsePreciseDate, type Precision } from "../dates";

export type Span = { start: string; end: string };
export type DrawnSpan = Span & { kind: "point" | "range" };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the precise date's period and the first day after it. */
export function spanOf(date: string, precision: Precision): Span {
  const p = parsePreciseDate(date.slice(0, precision === "year" ? 4 : precision === "month" ? 7 : 10));
  if (!p) throw new Error(`not a precise date: ${date}`);
  const [y, m, d] = p.date.split("-").map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1, d));
  const end =
    precision === "year" ? new Date(Date.UTC(y + 1, 0, 1)) : precision === "month" ? new Date(Date.UTC(y, m, 1)) : new Date(Date.UTC(y, m - 1, d + 1));
  return { start: iso(start), end: iso(end) };
}

/** "2017" / "2017-01" / "2017-01-23" (a stored precise string) → its span. */
export function spanOfPrecise(value: string): Span | null {
  const p = parsePreciseDate(value);
  return p ? spanOf(p.date, p.precision) : null;
}

/**
 * What the timeline draws for an event: a single day-precision date is a point (on
 * its day), anything coarser or any start–end pair is a range over the whole period.
 */
export function drawnSpan(start: string, end: string | null): DrawnSpan | null {
  const s = parsePreciseDate(start);
  if (!s) return null;
  const from = spanOf(s.date, s.precision);
  const e = end ? parsePreciseDate(end) : null;
  const to = e ? spanOf(e.date, e.precision) : from;
  const kind = !e && s.precision === "day" ? "point" : "range";
  // an end before its start (bad data) never draws backwards
  return { start: from.start, end: to.end > from.end ? to.end : from.end, kind };
}

/** Does [span.start, span.end) overlap [from, to)? Open bounds (null) always match. */
export function overlaps(span: Partial<Span>, from: string | null, to: string | null): boolean {
  if (to && span.start && span.start >= to) return false;
  if (from && span.end && span.end <= from) return false;
  return true;
}
