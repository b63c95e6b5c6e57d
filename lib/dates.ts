// Dates with a precision (day / month / year). Stored as a DATE (first day of the
// month or year for coarser precisions); written and shown at their precision.
import { z } from "zod";

export type Precision = "day" | "month" | "year";
export type PreciseDate = { date: string; precision: Precision };

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2017-01-23" → day, "2017-01" → month, "2017" → year. */
export function parsePreciseDate(value: string): PreciseDate | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d) {
    const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (dt.getUTCMonth() !== Number(mo) - 1) return null;
    return { date: `${y}-${mo}-${d}`, precision: "day" };
  }
  if (mo) return { date: `${y}-${mo}-01`, precision: "month" };
  return { date: `${y}-01-01`, precision: "year" };
}

export const preciseDateSchema = z
  .string()
  .transform((v, ctx) => {
    const p = parsePreciseDate(v);
    if (!p) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)` });
      return z.NEVER;
    }
    return p;
  });

export function toDbDate(p: PreciseDate): Date {
  return new Date(`${p.date}T00:00:00.000Z`);
}

/** A stored date back to its precise string form: "2017", "2017-01", "2017-01-23". */
export function formatPrecise(date: Date | null, precision: Precision | null): string | null {
  if (!date) return null;
  const iso = date.toISOString().slice(0, 10);
  if (precision === "year") return iso.slice(0, 4);
  if (precision === "month") return iso.slice(0, 7);
  return iso;
}

const MONTHS: Record<string, string[]> = {
  ar: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** Human form at the date's precision; a month-precision date never shows a day. */
export function displayPrecise(date: Date | null, precision: Precision | null, locale: string): string | null {
  if (!date) return null;
  const y = date.getUTCFullYear();
  const m = MONTHS[locale === "ar" ? "ar" : "en"][date.getUTCMonth()];
  if (precision === "year") return String(y);
  if (precision === "month") return `${m} ${y}`;
  return `${date.getUTCDate()} ${m} ${y}`;
}
