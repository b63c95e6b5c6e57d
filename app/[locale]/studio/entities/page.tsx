import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listEntitiesForStudio } from "@/lib/entities/data";
import { ENTITY_TYPES } from "@/lib/entities/schemas";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { ListFilters, listHref } from "@/components/studio/list-filters";
import { StateCounts } from "@/components/studio/state-counts";
import { RecordFlags } from "@/components/studio/record-flags";
import { formatDateTime } from "@/components/studio/format";
import { Table, THead, TBody, Tr, Th, Td } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Badge, StateBadge } from "@/components/ui/badge";
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
  const t = await getTranslations({ locale, namespace: "studio" });
  const te = await getTranslations({ locale, namespace: "entities" });
  const [{ rows, total, counts }, authors] = await Promise.all([listEntitiesForStudio(query), listStaffNames()]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const kindLabel = (kind: string | null) => (kind && te.has(`kinds.${kind}`) ? te(`kinds.${kind}`) : (kind ?? ""));
  return (
    <div>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{te("title")}</h1>
        <div className="ms-auto flex flex-wrap gap-2" role="group" aria-label={te("newGroup")}>
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
      </header>
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
      <div className="mb-3">
        <StateCounts counts={counts} locale={locale} hrefFor={(s) => listHref(base, query, { state: s, page: undefined })} testId="state-counts" />
      </div>
      <ListFilters
        locale={locale}
        action={base}
        query={query}
        authors={authors}
        searchPlaceholder={te("filter.searchPlaceholder")}
        extra={
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
      />
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t("list.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("list.empty")}</p>
      ) : (
        <Table data-testid="entity-table">
          <THead>
            <Tr>
              <Th>{te("columns.names")}</Th>
              <Th>{te("columns.type")}</Th>
              <Th>{te("columns.kind")}</Th>
              <Th>{te("columns.date")}</Th>
              <Th>{te("columns.mentions")}</Th>
              <Th>{t("columns.state")}</Th>
              <Th>{t("columns.author")}</Th>
              <Th>{t("columns.updated")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id} data-testid="entity-row">
                <Td>
                  <a href={`${base}/${r.id}`} className="font-semibold">
                    <span lang="ar" dir="rtl">
                      {r.nameAr}
                    </span>
                  </a>
                  <RecordFlags locale={locale} row={r} />
                  <span className="block text-stone-700" lang="en" dir="ltr">
                    {r.nameEn}
                  </span>
                </Td>
                <Td>
                  <Badge tone="neutral">{te(`types.${r.type}`)}</Badge>
                </Td>
                <Td>{kindLabel(r.kind)}</Td>
                <Td dir="ltr" className="whitespace-nowrap text-start">
                  {r.type === "event" ? r.start : null}
                </Td>
                <Td className="tabular-nums">{r.mentions}</Td>
                <Td>
                  <StateBadge state={r.state} label={t(`state.${r.state}`)} />
                </Td>
                <Td>{r.author}</Td>
                <Td className="whitespace-nowrap text-sm">{formatDateTime(r.updatedAt, locale)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination
        className="mt-4"
        page={query.page}
        pageCount={pageCount}
        hrefFor={(page) => listHref(base, query, { page })}
        labels={{ navigation: t("list.pagination.label"), previous: t("list.pagination.previous"), next: t("list.pagination.next"), page: (p: number) => t("list.pagination.page", { page: p }) }}
      />
    </div>
  );
}
