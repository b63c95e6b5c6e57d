import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listArticlesForStudio } from "@/lib/articles/data";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { StudioList, workflowColumns } from "@/components/studio/studio-list";
import { RecordFlags } from "@/components/studio/record-flags";
import { buttonClasses } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export default async function StudioArticlesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const base = `/${locale}/studio/articles`;
  const user = await requireUser(locale, base);
  authorize(user, "studio.access");
  const query = studioListQuerySchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: "studio" });
  const ta = await getTranslations({ locale, namespace: "articles" });
  const [{ rows, total, counts }, authors, wf] = await Promise.all([listArticlesForStudio(query), listStaffNames(), workflowColumns(locale)]);
  return (
    <StudioList
      locale={locale}
      base={base}
      query={query}
      total={total}
      counts={counts}
      authors={authors}
      title={ta("title")}
      actions={
        <>
          <a href={`${base}/import`} className={buttonClasses({ variant: "secondary" })} data-testid="import-link">
            {ta("import")}
          </a>
          <a href={`${base}/new`} className={buttonClasses()} data-testid="new-article">
            {ta("new")}
          </a>
        </>
      }
      columns={[t("columns.title"), t("columns.outlet"), t("columns.date"), ...wf.headers]}
      testId="article-table"
      rowTestId="article-row"
      rows={rows.map((r) => ({
        key: r.id,
        cells: [
          <>
            <a href={`${base}/${r.id}`} dir="auto" className="font-semibold">
              {r.title}
            </a>
            <RecordFlags locale={locale} row={r} duplicate={!!r.duplicateOfId} orphaned={r.orphaned} />
          </>,
          <span dir="auto">{r.outlet}</span>,
          <span dir="ltr" className="whitespace-nowrap">
            {r.publishedOn}
          </span>,
          ...wf.cells(r),
        ],
      }))}
    />
  );
}
