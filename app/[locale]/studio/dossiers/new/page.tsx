import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { RecordEditorProvider, SaveBar } from "@/components/studio/record-editor";
import { DossierForm } from "@/components/dossiers/dossier-form";

export const dynamic = "force-dynamic";

const EMPTY = {
  titleAr: "",
  titleEn: "",
  introAr: null,
  introEn: null,
  items: [],
};

export default async function NewDossierPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/dossiers/new`);
  authorize(user, "dossier.curate");
  const t = await getTranslations({ locale, namespace: "dossiers" });
  return (
    <RecordEditorProvider kind="dossier" id={null} version={0} content={EMPTY} editBase={`/${locale}/studio/dossiers`}>
      <h1 className="mb-2 text-2xl font-bold">{t("new")}</h1>
      <SaveBar />
      <DossierForm />
    </RecordEditorProvider>
  );
}
