import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { signOutAction } from "@/lib/auth/actions";
import { StudioNav } from "@/components/studio/studio-nav";
import { LanguageSwitch } from "@/components/site/language-switch";

export default async function StudioLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio`);
  const t = await getTranslations({ locale, namespace: "studio" });
  const site = await getTranslations({ locale, namespace: "site" });
  const groups = [
    {
      items: [
        { href: "/studio", label: t("nav.dashboard"), exact: true },
        { href: "/studio/articles", label: t("nav.articles") },
        { href: "/studio/articles/import", label: t("nav.import") },
        { href: "/studio/entities", label: t("nav.entities") },
        { href: "/studio/relations", label: t("nav.relations") },
        { href: "/studio/dossiers", label: t("nav.dossiers") },
        { href: "/studio/annotations", label: t("nav.annotations") },
      ],
    },
    {
      items: [
        ...(can(user, "user.manage") ? [{ href: "/studio/users", label: t("nav.users") }] : []),
        ...(can(user, "audit.view") ? [{ href: "/studio/audit", label: t("nav.audit") }] : []),
        { href: "/studio/account", label: t("nav.account") },
      ],
    },
  ];
  return (
    <NextIntlClientProvider messages={await getMessages()}>
    <div className="min-h-screen lg:flex" data-testid="studio">
      <aside className="border-b border-stone-300 bg-stone-100 lg:sticky lg:top-0 lg:h-screen lg:w-60 lg:shrink-0 lg:border-b-0 lg:border-e">
        <div className="flex items-center gap-3 px-4 py-3 lg:block">
          <a href={`/${locale}/studio`} className="block text-xl font-bold text-stone-900 no-underline">
            {site("name")} · {t("title")}
          </a>
          <p className="text-xs text-stone-600" data-testid="studio-user">
            {t("signedInAs", { name: user.name, role: t(`role.${user.role}`) })}
          </p>
        </div>
        <StudioNav label={t("nav.label")} groups={groups} />
        <div className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
          <a href={`/${locale}`} className="text-stone-700">
            {t("nav.publicSite")}
          </a>
          <LanguageSwitch label={site("switchLanguage")} />
          <form action={signOutAction}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="text-stone-700 underline-offset-2 hover:underline">
              {t("nav.signOut")}
            </button>
          </form>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 lg:px-8">
        {children}
      </main>
    </div>
    </NextIntlClientProvider>
  );
}
