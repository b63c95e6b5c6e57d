// The signed-in user's own account: who they are, and changing their password.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { getUserById } from "@/lib/users/data";
import { ChangePasswordForm } from "@/components/users/change-password-form";

export const dynamic = "force-dynamic";

type Params = { locale: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AccountPage({ params }: { params: Promise<Params> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/account`);
  authorize(user, "studio.access");
  const t = await getTranslations({ locale, namespace: "account" });
  // the stored account (fresher than the session's copy); only ever one's own
  const account = await getUserById(user.id);
  const dateFmt = new Intl.DateTimeFormat(locale === "ar" ? "ar" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const when = (d: Date | null | undefined) => (d ? <time dateTime={d.toISOString()}>{dateFmt.format(d)}</time> : t("never"));

  const details: Array<[string, ReactNode]> = [
    [t("name"), <bdi key="name">{account?.name ?? user.name}</bdi>],
    [
      t("email"),
      <span key="email" dir="ltr">
        {account?.email ?? user.email}
      </span>,
    ],
    [t("role"), t(`roleName.${account?.role ?? user.role}`)],
    ...(account ? ([[t("since"), when(account.createdAt)], [t("lastSignIn"), when(account.lastSignInAt)]] as Array<[string, ReactNode]>) : []),
  ];

  return (
    <div className="space-y-8" data-testid="account">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <section aria-labelledby="account-details" className="max-w-2xl rounded border border-stone-200 bg-white p-4">
        <h2 id="account-details" className="mb-3 text-xl font-semibold">
          {t("details")}
        </h2>
        <dl className="divide-y divide-stone-200" data-testid="account-details">
          {details.map(([term, value]) => (
            <div key={term} className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr] sm:gap-4">
              <dt className="font-semibold text-stone-700">{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="max-w-2xl rounded border border-stone-200 bg-white p-4">
        <ChangePasswordForm />
      </section>
    </div>
  );
}
