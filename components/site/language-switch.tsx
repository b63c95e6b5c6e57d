"use client";
import { Suspense } from "react";
import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

type Query = Record<string, string | string[]>;

/**
 * Switches between Arabic and English on the same page, query string included (a search,
 * a filtered timeline or network stays what it was). Until the query is known (a page
 * rendered ahead of time) the link goes to the bare page.
 */
export function LanguageSwitch({ label }: { label: string }) {
  return (
    <Suspense fallback={<SwitchLink label={label} />}>
      <WithQuery label={label} />
    </Suspense>
  );
}

function WithQuery({ label }: { label: string }) {
  const params = useSearchParams();
  const query: Query = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length > 1 ? values : values[0]!;
  }
  return <SwitchLink label={label} query={query} />;
}

function SwitchLink({ label, query }: { label: string; query?: Query }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={query && Object.keys(query).length ? { pathname, query } : pathname}
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
