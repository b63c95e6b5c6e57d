import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const site = await getTranslations({ locale, namespace: "site" });
  const links = [
    { href: "/", label: t("home") },
    { href: "/people", label: t("people") },
    { href: "/organizations", label: t("organizations") },
    { href: "/events", label: t("events") },
    { href: "/places", label: t("places") },
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
