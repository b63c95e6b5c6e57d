import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listRelationsForStudio } from "@/lib/relations/data";
import { RELATION_TYPES, relationTypeSchema } from "@/lib/relations/schemas";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { ListFilters, listHref } from "@/components/studio/list-filters";
import { StateCounts } from "@/components/studio/state-counts";
import { RecordFlags } from "@/components/studio/record-flags";
import { formatDateTime } from "@/components/studio/format";
import { Table, THead, TBody, Tr, Th, Td } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { StateBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

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
  const t = await getTranslations({ locale, namespace: "studio" });
  const tl = await getTranslations({ locale, namespace: "relations" });
  const tr = await getTranslations({ locale, namespace: "relation" });
  const [{ rows, total, counts }, authors] = await Promise.all([listRelationsForStudio(query, { type: rtype }), listStaffNames()]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const name = (e: { nameAr: string; nameEn: string }) => (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr);
  return (
    <div>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{tl("title")}</h1>
        <div className="ms-auto flex gap-2">
          <a href={`${base}/new`} className={buttonClasses()} data-testid="new-relation">
            {tl("new")}
          </a>
        </div>
      </header>
      <div className="mb-3">
        <StateCounts counts={counts} locale={locale} hrefFor={(s) => listHref(base, linkQuery, { state: s, page: undefined })} testId="state-counts" />
      </div>
      <ListFilters
        locale={locale}
        action={base}
        query={query}
        authors={authors}
        searchPlaceholder={tl("list.searchPlaceholder")}
        extra={
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
      />
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t("list.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("list.empty")}</p>
      ) : (
        <Table data-testid="relation-table">
          <THead>
            <Tr>
              <Th>{tl("list.columns.relation")}</Th>
              <Th>{tl("list.columns.role")}</Th>
              <Th>{tl("list.columns.dates")}</Th>
              <Th>{tl("list.columns.citations")}</Th>
              <Th>{t("columns.state")}</Th>
              <Th>{t("columns.author")}</Th>
              <Th>{t("columns.updated")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => {
              const role = locale === "ar" ? r.roleAr || r.roleEn : r.roleEn || r.roleAr;
              return (
                <Tr key={r.id} data-testid="relation-row">
                  <Td>
                    <a href={`${base}/${r.id}`} className="font-semibold">
                      {name(r.source)} <em className="font-normal">{tr(r.type)}</em> {name(r.target)}
                    </a>
                    <RecordFlags locale={locale} row={r} orphaned={r.orphaned} />
                  </Td>
                  <Td dir="auto">{role}</Td>
                  <Td dir="ltr" className="whitespace-nowrap text-start">
                    {[r.start, r.end].filter(Boolean).join(" – ")}
                  </Td>
                  <Td className="tabular-nums">{r.citations}</Td>
                  <Td>
                    <StateBadge state={r.state} label={t(`state.${r.state}`)} />
                  </Td>
                  <Td>{r.author}</Td>
                  <Td className="whitespace-nowrap text-sm">{formatDateTime(r.updatedAt, locale)}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      <Pagination
        className="mt-4"
        page={query.page}
        pageCount={pageCount}
        hrefFor={(page) => listHref(base, linkQuery, { page })}
        labels={{ navigation: t("list.pagination.label"), previous: t("list.pagination.previous"), next: t("list.pagination.next"), page: (p: number) => t("list.pagination.page", { page: p }) }}
      />
    </div>
  );
}
