import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { StudioListQuery } from "@/lib/records/schemas";
import type { StudioRowBase } from "@/lib/records/data";
import { ListFilters, listHref } from "./list-filters";
import { StateCounts } from "./state-counts";
import { formatDateTime } from "./format";
import { Table, THead, TBody, Tr, Th, Td } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { StateBadge } from "@/components/ui/badge";

export type StudioListRow = { key: string; cells: ReactNode[] };

/**
 * The frame of every studio list: title and actions, counts per state (each a link to
 * the filtered list), the filter bar, the total, the table and the page links. Pages
 * give their own columns; `workflowColumns` adds the state, author and updated ones.
 */
export async function StudioList({
  locale,
  base,
  query,
  total,
  counts,
  authors,
  title,
  intro,
  hrefQuery,
  actions,
  beforeCounts,
  extraFilters,
  searchPlaceholder,
  columns,
  rows,
  testId,
  rowTestId,
}: {
  locale: string;
  base: string;
  query: StudioListQuery;
  total: number;
  counts: Record<string, number>;
  authors: { id: string; name: string }[];
  title: ReactNode;
  intro?: ReactNode;
  /** the query that list links carry (default: `query`; a page's own extra filters join it) */
  hrefQuery?: Record<string, unknown>;
  actions?: ReactNode;
  beforeCounts?: ReactNode;
  extraFilters?: ReactNode;
  searchPlaceholder?: string;
  columns: ReactNode[];
  rows: StudioListRow[];
  testId: string;
  rowTestId: string;
}) {
  const t = await getTranslations({ locale, namespace: "studio" });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const links = hrefQuery ?? query;
  return (
    <div>
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{title}</h1>
        {actions && <div className="ms-auto flex flex-wrap gap-2">{actions}</div>}
        {intro && <p className="w-full text-sm text-stone-600">{intro}</p>}
      </header>
      {beforeCounts}
      <div className="mb-3">
        <StateCounts counts={counts} locale={locale} hrefFor={(s) => listHref(base, links, { state: s, page: undefined })} testId="state-counts" />
      </div>
      <ListFilters locale={locale} action={base} query={query} authors={authors} extra={extraFilters} searchPlaceholder={searchPlaceholder} />
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t("list.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("list.empty")}</p>
      ) : (
        <Table data-testid={testId}>
          <THead>
            <Tr>
              {columns.map((c, i) => (
                <Th key={i}>{c}</Th>
              ))}
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.key} data-testid={rowTestId}>
                {r.cells.map((c, i) => (
                  <Td key={i}>{c}</Td>
                ))}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination
        className="mt-4"
        page={query.page}
        pageCount={pageCount}
        hrefFor={(page) => listHref(base, links, { page })}
        labels={{ navigation: t("list.pagination.label"), previous: t("list.pagination.previous"), next: t("list.pagination.next"), page: (p: number) => t("list.pagination.page", { page: p }) }}
      />
    </div>
  );
}

/** The state, author and last-updated columns every list ends with. */
export async function workflowColumns(locale: string) {
  const t = await getTranslations({ locale, namespace: "studio" });
  return {
    headers: [t("columns.state"), t("columns.author"), t("columns.updated")],
    cells: (r: StudioRowBase) => [
      <StateBadge key="s" state={r.state} label={t(`state.${r.state}`)} />,
      r.author,
      <span key="u" className="whitespace-nowrap text-sm">
        {formatDateTime(r.updatedAt, locale)}
      </span>,
    ],
  };
}
