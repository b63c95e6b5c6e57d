import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-16 text-center">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <Link href="/">{t("back")}</Link>
    </main>
  );
}
