import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ returnTo?: string; signedOut?: string }> }) {
  const { locale } = await params;
  const { returnTo, signedOut } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "signIn" });
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {signedOut && <p role="status" className="mb-4 rounded bg-green-50 p-3 text-green-900">{t("signedOut")}</p>}
      <SignInForm
        locale={locale}
        returnTo={returnTo}
        labels={{ email: t("email"), password: t("password"), submit: t("submit"), invalid: t("invalid"), throttled: t("throttled") }}
      />
    </section>
  );
}
