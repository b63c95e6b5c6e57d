// Dates and times in the studio: the reader's language, always UTC (the newsroom's clock).
export function formatDateTime(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale === "ar" ? "ar-u-nu-latn" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d);
}

export function formatDate(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale === "ar" ? "ar-u-nu-latn" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

export function formatTime(value: Date | string | null | undefined, locale: string): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale === "ar" ? "ar-u-nu-latn" : "en-GB", { timeStyle: "short", timeZone: "UTC" }).format(d);
}
