import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listArticlesForStudio } from "@/lib/articles/data";
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
  const [{ rows, total, counts }, authors] = await Promise.all([listArticlesForStudio(query), listStaffNames()]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  return (
    <div>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{ta("title")}</h1>
        <div className="ms-auto flex gap-2">
          <a href={`${base}/import`} className={buttonClasses({ variant: "secondary" })} data-testid="import-link">
            {ta("import")}
          </a>
          <a href={`${base}/new`} className={buttonClasses()} data-testid="new-article">
            {ta("new")}
          </a>
        </div>
      </header>
      <div className="mb-3">
        <StateCounts counts={counts} locale={locale} hrefFor={(s) => listHref(base, query, { state: s, page: undefined })} testId="state-counts" />
      </div>
      <ListFilters locale={locale} action={base} query={query} authors={authors} />
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t("list.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("list.empty")}</p>
      ) : (
        <Table data-testid="article-table">
          <THead>
            <Tr>
              <Th>{t("columns.title")}</Th>
              <Th>{t("columns.outlet")}</Th>
              <Th>{t("columns.date")}</Th>
              <Th>{t("columns.state")}</Th>
              <Th>{t("columns.author")}</Th>
              <Th>{t("columns.updated")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id} data-testid="article-row">
                <Td>
                  <a href={`${base}/${r.id}`} dir="auto" className="font-semibold">
                    {r.title}
                  </a>
                  <RecordFlags locale={locale} row={r} duplicate={!!r.duplicateOfId} orphaned={r.orphaned} />
                </Td>
                <Td dir="auto">{r.outlet}</Td>
                <Td dir="ltr" className="whitespace-nowrap text-start">
                  {r.publishedOn}
                </Td>
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
