import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { entityTypeSchema } from "@/lib/entities/schemas";
import { RecordEditorProvider, SaveBar } from "@/components/studio/record-editor";
import { EntityForm } from "@/components/entities/entity-form";

export const dynamic = "force-dynamic";

export default async function NewEntityPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const parsed = entityTypeSchema.safeParse((await searchParams).type);
  const type = parsed.success ? parsed.data : "person";
  const user = await requireUser(locale, `/${locale}/studio/entities/new?type=${type}`);
  authorize(user, "record.create");
  const t = await getTranslations({ locale, namespace: "entities" });
  const empty = {
    type,
    kind: null,
    nameAr: "",
    nameEn: "",
    aliases: [],
    descriptionAr: null,
    descriptionEn: null,
    start: null,
    end: null,
  };
  return (
    <RecordEditorProvider kind="entity" id={null} version={0} content={empty} editBase={`/${locale}/studio/entities`}>
      <h1 className="mb-2 text-2xl font-bold">{t(`new.${type}`)}</h1>
      <SaveBar />
      <EntityForm />
    </RecordEditorProvider>
  );
}
