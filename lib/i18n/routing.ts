import { defineRouting } from "next-intl/routing";

export const LOCALES = ["ar", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "ar",
  localePrefix: "always",
  // Arabic first: "/" always opens the Arabic site; the switch leads to English
  localeDetection: false,
});

export function dirOf(locale: string): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}
