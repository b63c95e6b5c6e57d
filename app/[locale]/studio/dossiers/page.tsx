import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize, can } from "@/lib/auth/policy";
import { listDossiersForStudio } from "@/lib/dossiers/data";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { StudioList, workflowColumns } from "@/components/studio/studio-list";
import { RecordFlags } from "@/components/studio/record-flags";
import { buttonClasses } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export default async function StudioDossiersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const base = `/${locale}/studio/dossiers`;
  const user = await requireUser(locale, base);
  authorize(user, "studio.access");
  const query = studioListQuerySchema.parse(await searchParams);
  const td = await getTranslations({ locale, namespace: "dossiers" });
  const [{ rows, total, counts }, authors, wf] = await Promise.all([listDossiersForStudio(query), listStaffNames(), workflowColumns(locale)]);
  return (
    <StudioList
      locale={locale}
      base={base}
      query={query}
      total={total}
      counts={counts}
      authors={authors}
      title={td("title")}
      actions={
        can(user, "dossier.curate") && (
          <a href={`${base}/new`} className={buttonClasses()} data-testid="new-dossier">
            {td("new")}
          </a>
        )
      }
      columns={[td("columns.titles"), td("columns.items"), ...wf.headers]}
      testId="dossier-table"
      rowTestId="dossier-row"
      rows={rows.map((r) => ({
        key: r.id,
        cells: [
          <>
            <a href={`${base}/${r.id}`} className="font-semibold">
              <span lang="ar" dir="rtl">
                {r.titleAr}
              </span>
            </a>
            <RecordFlags locale={locale} row={r} />
            <span className="block text-stone-700" lang="en" dir="ltr">
              {r.titleEn}
            </span>
          </>,
          <span className="tabular-nums">{r.items}</span>,
          ...wf.cells(r),
        ],
      }))}
    />
  );
}
