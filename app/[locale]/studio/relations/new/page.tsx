import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { idSchema } from "@/lib/validation";
import { getEntityNames } from "@/lib/entities/data";
import { RecordEditorProvider, SaveBar } from "@/components/studio/record-editor";
import { loadCitationArticleAction } from "@/lib/relations/actions";
import { RelationForm, type CitationArticle } from "@/components/relations/relation-form";

export const dynamic = "force-dynamic";


export default async function NewRelationPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const parsed = idSchema.safeParse((await searchParams).source);
  const requested = parsed.success ? parsed.data : null;
  const user = await requireUser(locale, `/${locale}/studio/relations/new${requested ? `?source=${requested}` : ""}`);
  authorize(user, "record.create");
  const t = await getTranslations({ locale, namespace: "relations" });
  // ?source=<entityId> (the "New relation" link of an entity page): that entity is the source
  const source = requested ? (await getEntityNames([requested])).get(requested) : undefined;
  const empty = {
    type: "holds_role_at",
    sourceId: source?.id ?? "",
    targetId: "",
    roleAr: null,
    roleEn: null,
    start: null,
    end: null,
    note: null,
    citations: [],
  };
  return (
    <RecordEditorProvider kind="relation" id={null} version={0} content={empty} editBase={`/${locale}/studio/relations`}>
      <h1 className="mb-2 text-2xl font-bold">{t("new")}</h1>
      <SaveBar />
      <RelationForm
        entities={source ? { [source.id]: { id: source.id, type: source.type, nameAr: source.nameAr, nameEn: source.nameEn, state: source.state } } : {}}
        articles={{}}
        loadArticle={loadCitationArticleAction}
      />
    </RecordEditorProvider>
  );
}
