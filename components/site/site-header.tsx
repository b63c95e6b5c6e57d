import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const site = await getTranslations({ locale, namespace: "site" });
  const s = await getTranslations({ locale, namespace: "search" });
  const links = [
    { href: "/", label: t("home") },
    { href: "/people", label: t("people") },
    { href: "/organizations", label: t("organizations") },
    { href: "/events", label: t("events") },
    { href: "/places", label: t("places") },
    { href: "/timeline", label: t("timeline") },
    { href: "/network", label: t("network") },
  ];
  return (
    <header className="border-b border-stone-300 bg-white/70">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-2xl font-bold text-stone-900 no-underline">
          {site("name")}
        </Link>
        <nav aria-label={site("name")} className="flex flex-wrap gap-x-4 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-stone-700">
              {l.label}
            </Link>
          ))}
        </nav>
        {/* a plain GET form: search works before (and without) any JavaScript */}
        <form role="search" action={`/${locale}/search`} method="get" className="flex items-center gap-1">
          <label htmlFor="site-search" className="sr-only">
            {s("label")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder={s("placeholder")}
            className="w-40 rounded border border-stone-400 bg-white px-2 py-1 text-sm sm:w-56"
            data-testid="header-search"
          />
          <button type="submit" className="rounded border border-stone-500 px-2 py-1 text-sm text-stone-800">
            {s("submit")}
          </button>
        </form>
        <div className="ms-auto flex items-center gap-4 text-sm">
          <Link href="/studio" className="text-stone-700">
            {t("studio")}
          </Link>
          <LanguageSwitch label={site("switchLanguage")} />
        </div>
      </div>
    </header>
  );
}
