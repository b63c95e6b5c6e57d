import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/policy";
import { listAnnotationsForStudio } from "@/lib/annotations/data";
import { listStaffNames } from "@/lib/users/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { ListFilters, listHref } from "@/components/studio/list-filters";
import { StateCounts } from "@/components/studio/state-counts";
import { RecordFlags } from "@/components/studio/record-flags";
import { formatDateTime } from "@/components/studio/format";
import { Table, THead, TBody, Tr, Th, Td } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Badge, StateBadge } from "@/components/ui/badge";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export const dynamic = "force-dynamic";

export default async function StudioAnnotationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const base = `/${locale}/studio/annotations`;
  const user = await requireUser(locale, base);
  authorize(user, "studio.access");
  const query = studioListQuerySchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: "studio" });
  const tn = await getTranslations({ locale, namespace: "annotations" });
  const [{ rows, total, counts }, authors] = await Promise.all([listAnnotationsForStudio(query), listStaffNames()]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  return (
    <div>
      <header className="mb-4">
        <h1 className="text-2xl font-bold">{tn("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{tn("intro")}</p>
      </header>
      <div className="mb-3">
        <StateCounts counts={counts} locale={locale} hrefFor={(s) => listHref(base, query, { state: s, page: undefined })} testId="state-counts" />
      </div>
      <ListFilters
        locale={locale}
        action={base}
        query={query}
        authors={authors}
        searchPlaceholder={tn("filter.searchPlaceholder")}
        extra={
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
      />
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t("list.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("list.empty")}</p>
      ) : (
        <Table data-testid="annotation-table">
          <THead>
            <Tr>
              <Th>{tn("columns.passage")}</Th>
              <Th>{tn("columns.article")}</Th>
              <Th>{tn("columns.note")}</Th>
              <Th>{tn("columns.visibility")}</Th>
              <Th>{tn("columns.anchor")}</Th>
              <Th>{t("columns.state")}</Th>
              <Th>{t("columns.author")}</Th>
              <Th>{t("columns.updated")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id} data-testid="annotation-row">
                <Td className="min-w-48">
                  <a href={`${base}/${r.id}`} dir="auto" className="line-clamp-3 font-semibold" data-testid="annotation-link">
                    {r.exact}
                  </a>
                  <RecordFlags locale={locale} row={r} />
                </Td>
                <Td>
                  <a href={`/${locale}/studio/articles/${r.articleId}`} dir="auto">
                    {r.articleTitle}
                  </a>
                </Td>
                <Td className="min-w-48">
                  {r.text.trim() ? (
                    <p dir="auto" className="line-clamp-3">
                      {r.text}
                    </p>
                  ) : (
                    <span className="text-stone-500">{tn("emptyNote")}</span>
                  )}
                </Td>
                <Td>
                  <Badge tone={r.visibility === "public" ? "info" : "neutral"}>{tn(`visibility.${r.visibility}`)}</Badge>
                </Td>
                <Td>
                  <Badge tone={r.anchorStatus === "orphaned" ? "danger" : "success"} data-anchor={r.anchorStatus}>
                    {tn(`anchor.${r.anchorStatus}`)}
                  </Badge>
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
