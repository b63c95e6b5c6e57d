import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listRelationsForStudio } from "@/lib/relations/data";
import { RELATION_TYPES, relationTypeSchema } from "@/lib/relations/schemas";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { RecordFlags } from "@/components/studio/record-flags";
import { buttonClasses } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { StudioList, workflowColumns } from "@/components/studio/studio-list";

export const dynamic = "force-dynamic";

export default async function StudioRelationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const base = `/${locale}/studio/relations`;
  const user = await requireUser(locale, base);
  authorize(user, "studio.access");
  const raw = await searchParams;
  const query = studioListQuerySchema.parse(raw);
  const parsedType = relationTypeSchema.safeParse(raw.rtype);
  const rtype = parsedType.success ? parsedType.data : undefined;
  // the relation type filter travels with every list link
  const linkQuery = { ...query, rtype };
  const tl = await getTranslations({ locale, namespace: "relations" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const [{ rows, total, counts }, authors, wf] = await Promise.all([listRelationsForStudio(query, { type: rtype }), listStaffNames(), workflowColumns(locale)]);
  const name = (e: { nameAr: string; nameEn: string }) => (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr);
  return (
    <StudioList
      locale={locale}
      base={base}
      query={query}
      hrefQuery={linkQuery}
      total={total}
      counts={counts}
      authors={authors}
      title={tl("title")}
      actions={
        <a href={`${base}/new`} className={buttonClasses()} data-testid="new-relation">
          {tl("new")}
        </a>
      }
      searchPlaceholder={tl("list.searchPlaceholder")}
      extraFilters={
          <div>
            <Label htmlFor="f-rtype">{tl("list.type")}</Label>
            <Select id="f-rtype" name="rtype" defaultValue={rtype ?? ""}>
              <option value="">{tl("list.anyType")}</option>
              {RELATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {tr(type)}
                </option>
              ))}
            </Select>
          </div>
      }
      columns={[tl("list.columns.relation"), tl("list.columns.role"), tl("list.columns.dates"), tl("list.columns.citations"), ...wf.headers]}
      testId="relation-table"
      rowTestId="relation-row"
      rows={rows.map((r) => ({
        key: r.id,
        cells: [
          <>
            <a href={`${base}/${r.id}`} className="font-semibold">
              {name(r.source)} <em className="font-normal">{tr(r.type)}</em> {name(r.target)}
            </a>
            <RecordFlags locale={locale} row={r} orphaned={r.orphaned} />
          </>,
          <span dir="auto">{locale === "ar" ? r.roleAr || r.roleEn : r.roleEn || r.roleAr}</span>,
          <span dir="ltr" className="whitespace-nowrap">
            {[r.start, r.end].filter(Boolean).join(" – ")}
          </span>,
          <span className="tabular-nums">{r.citations}</span>,
          ...wf.cells(r),
        ],
      }))}
    />
  );
}
