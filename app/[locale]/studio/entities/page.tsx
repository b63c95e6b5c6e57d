import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listEntitiesForStudio } from "@/lib/entities/data";
import { ENTITY_TYPES } from "@/lib/entities/schemas";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { RecordFlags } from "@/components/studio/record-flags";
import { Badge } from "@/components/ui/badge";
import { StudioList, workflowColumns } from "@/components/studio/studio-list";
import { listHref } from "@/components/studio/list-filters";
import { buttonClasses } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn, focusRing } from "@/components/ui/cn";

export const dynamic = "force-dynamic";

export default async function StudioEntitiesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const base = `/${locale}/studio/entities`;
  const user = await requireUser(locale, base);
  authorize(user, "studio.access");
  const query = studioListQuerySchema.parse(await searchParams);
  const te = await getTranslations({ locale, namespace: "entities" });
  const [{ rows, total, counts }, authors, wf] = await Promise.all([listEntitiesForStudio(query), listStaffNames(), workflowColumns(locale)]);
  const kindLabel = (kind: string | null) => (kind && te.has(`kinds.${kind}`) ? te(`kinds.${kind}`) : (kind ?? ""));
  return (
    <StudioList
      locale={locale}
      base={base}
      query={query}
      total={total}
      counts={counts}
      authors={authors}
      title={te("title")}
      actions={
        <div className="flex flex-wrap gap-2" role="group" aria-label={te("newGroup")}>
          {ENTITY_TYPES.map((type) => (
            <a
              key={type}
              href={`${base}/new?type=${type}`}
              className={buttonClasses({ variant: query.type === type ? "primary" : "secondary", size: "sm" })}
              data-testid={`new-entity-${type}`}
            >
              {te(`new.${type}`)}
            </a>
          ))}
        </div>
      }
      beforeCounts={
      <nav aria-label={te("typeTabs.label")} className="mb-3" data-testid="entity-type-tabs">
        <ul className="flex flex-wrap gap-1 border-b border-stone-300">
          {([undefined, ...ENTITY_TYPES] as const).map((type) => {
            const current = query.type === type;
            return (
              <li key={type ?? "all"}>
                <a
                  href={listHref(base, query, { type, page: undefined })}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "-mb-px inline-block rounded-t border px-4 py-2 font-semibold no-underline hover:text-stone-950! hover:no-underline!",
                    current ? "border-stone-300 border-b-white bg-white text-stone-950!" : "border-transparent text-stone-700!",
                    focusRing,
                  )}
                >
                  {te(`typeTabs.${type ?? "all"}`)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      }
      searchPlaceholder={te("filter.searchPlaceholder")}
      extraFilters={
          <div>
            <Label htmlFor="f-type">{te("filter.type")}</Label>
            <Select id="f-type" name="type" defaultValue={query.type ?? ""}>
              <option value="">{te("filter.anyType")}</option>
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {te(`types.${type}`)}
                </option>
              ))}
            </Select>
          </div>
      }
      columns={[te("columns.names"), te("columns.type"), te("columns.kind"), te("columns.date"), te("columns.mentions"), ...wf.headers]}
      testId="entity-table"
      rowTestId="entity-row"
      rows={rows.map((r) => ({
        key: r.id,
        cells: [
          <>
            <a href={`${base}/${r.id}`} className="font-semibold">
              <span lang="ar" dir="rtl">
                {r.nameAr}
              </span>
            </a>
            <RecordFlags locale={locale} row={r} />
            <span className="block text-stone-700" lang="en" dir="ltr">
              {r.nameEn}
            </span>
          </>,
          <Badge tone="neutral">{te(`types.${r.type}`)}</Badge>,
          kindLabel(r.kind),
          <span dir="ltr" className="whitespace-nowrap">
            {r.type === "event" ? r.start : null}
          </span>,
          <span className="tabular-nums">{r.mentions}</span>,
          ...wf.cells(r),
        ],
      }))}
    />
  );
}
