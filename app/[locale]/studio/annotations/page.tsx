import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listAnnotationsForStudio } from "@/lib/annotations/data";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { RecordFlags } from "@/components/studio/record-flags";
import { Badge } from "@/components/ui/badge";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { StudioList, workflowColumns } from "@/components/studio/studio-list";

export const dynamic = "force-dynamic";

export default async function StudioAnnotationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const base = `/${locale}/studio/annotations`;
  const user = await requireUser(locale, base);
  authorize(user, "studio.access");
  const query = studioListQuerySchema.parse(await searchParams);
  const tn = await getTranslations({ locale, namespace: "annotations" });
  const [{ rows, total, counts }, authors, wf] = await Promise.all([listAnnotationsForStudio(query), listStaffNames(), workflowColumns(locale)]);
  return (
    <StudioList
      locale={locale}
      base={base}
      query={query}
      total={total}
      counts={counts}
      authors={authors}
      title={tn("title")}
      intro={tn("intro")}
      searchPlaceholder={tn("filter.searchPlaceholder")}
      extraFilters={
          <div>
            <Label htmlFor="f-visibility">{tn("filter.visibility")}</Label>
            <Select id="f-visibility" name="visibility" defaultValue={query.visibility ?? ""}>
              <option value="">{tn("filter.anyVisibility")}</option>
              {(["internal", "public"] as const).map((v) => (
                <option key={v} value={v}>
                  {tn(`visibility.${v}`)}
                </option>
              ))}
            </Select>
          </div>
      }
      columns={[tn("columns.passage"), tn("columns.article"), tn("columns.note"), tn("columns.visibility"), tn("columns.anchor"), ...wf.headers]}
      testId="annotation-table"
      rowTestId="annotation-row"
      rows={rows.map((r) => ({
        key: r.id,
        cells: [
          <div className="min-w-48">
            <a href={`${base}/${r.id}`} dir="auto" className="line-clamp-3 font-semibold" data-testid="annotation-link">
              {r.exact}
            </a>
            <RecordFlags locale={locale} row={r} />
          </div>,
          <a href={`/${locale}/studio/articles/${r.articleId}`} dir="auto">
            {r.articleTitle}
          </a>,
          r.text.trim() ? (
            <p dir="auto" className="line-clamp-3 min-w-48">
              {r.text}
            </p>
          ) : (
            <span className="text-stone-500">{tn("emptyNote")}</span>
          ),
          <Badge tone={r.visibility === "public" ? "info" : "neutral"}>{tn(`visibility.${r.visibility}`)}</Badge>,
          <Badge tone={r.anchorStatus === "orphaned" ? "danger" : "success"} data-anchor={r.anchorStatus}>
            {tn(`anchor.${r.anchorStatus}`)}
          </Badge>,
          ...wf.cells(r),
        ],
      }))}
    />
  );
}
