"use client";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Switches between Arabic and English on the same page. */
export function LanguageSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={pathname}
      locale={other}
      hrefLang={other}
      lang={other}
      data-testid="language-switch"
      className="rounded border border-stone-400 px-2 py-0.5 text-stone-800"
    >
      {label}
    </Link>
  );
}
