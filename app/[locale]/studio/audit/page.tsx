// The audit log (admins only): who did what, when, to which record, from where;
// filtered by the URL's search params (parsed by the data layer's zod schema).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Form from "next/form";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listAuditEvents, type AuditRow } from "@/lib/audit/data";
import type { AuditQuery } from "@/lib/audit/schemas";
import { listUsers } from "@/lib/users/data";
import { RECORD_KINDS, STUDIO_SEGMENT, type RecordKind } from "@/lib/records/kinds";
import { Link } from "@/lib/i18n/navigation";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { NotAllowed } from "@/components/users/not-allowed";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 50;
const ACTION_PREFIXES = ["auth", "article", "entity", "dossier", "user"] as const;
const RECORD_TYPES = [...RECORD_KINDS, "mention", "user"] as const;
/** The filters kept in every link (the page number is added per link). */
const FILTER_KEYS = ["actor", "action", "recordType", "recordId", "from", "to"] as const;

type Params = { locale: string };
type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "audit" });
  return { title: t("title"), robots: { index: false } };
}

function isRecordKind(type: string | null): type is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(type ?? "");
}

function hrefWith(base: string, query: AuditQuery, page: number): string {
  const qs = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value) qs.set(key, value);
  }
  if (page > 1) qs.set("page", String(page));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

export default async function AuditPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/audit`);
  const t = await getTranslations({ locale, namespace: "audit" });
  const sp = await searchParams;
  const raw = Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

  let result: Awaited<ReturnType<typeof listAuditEvents>>;
  try {
    result = await listAuditEvents(user, { ...raw, pageSize: PAGE_SIZE });
  } catch (e) {
    if (isAppError(e) && e.code === "forbidden") {
      return <NotAllowed title={t("notAllowed.title")} message={t("notAllowed.message")} backLabel={t("notAllowed.back")} />;
    }
    throw e;
  }
  // only reached by those allowed to read the audit log (admins)
  const users = await listUsers();
  const userNames = new Map(users.map((u) => [u.id, u.name]));

  const { rows, total, actions, query } = result;
  const base = `/${locale}/studio/audit`;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const num = new Intl.NumberFormat(locale);
  const dateFmt = new Intl.DateTimeFormat(locale === "ar" ? "ar" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const prefixes = ACTION_PREFIXES.map((p) => `${p}.`);
  // an action asked for in the URL but no longer in the list still shows as chosen
  const extraAction = query.action && !prefixes.includes(query.action) && !actions.includes(query.action) ? query.action : null;
  const filtered = FILTER_KEYS.some((k) => query[k]);

  const recordCell = (r: AuditRow): ReactNode => {
    if (!r.recordType) return <span aria-hidden="true">—</span>;
    const typeLabel = t.has(`recordType.${r.recordType}`) ? t(`recordType.${r.recordType}`) : r.recordType;
    if (!r.recordId) return typeLabel;
    const id = (
      <code dir="ltr" className="text-xs">
        {r.recordId}
      </code>
    );
    if (isRecordKind(r.recordType)) {
      return (
        <Link href={`/studio/${STUDIO_SEGMENT[r.recordType]}/${r.recordId}`} className="inline-flex flex-wrap items-baseline gap-x-1.5">
          <span>{typeLabel}</span>
          {id}
        </Link>
      );
    }
    if (r.recordType === "user") {
      const name = userNames.get(r.recordId);
      return (
        <Link href="/studio/users" className="inline-flex flex-wrap items-baseline gap-x-1.5">
          <span>{typeLabel}</span>
          {name ? <bdi>{name}</bdi> : id}
        </Link>
      );
    }
    return (
      <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
        <span>{typeLabel}</span>
        {id}
      </span>
    );
  };

  return (
    <div className="space-y-6" data-testid="audit">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("intro")}</p>
      </header>

      <Form action={base} key={JSON.stringify(query)} className="rounded border border-stone-200 bg-white p-4" data-testid="audit-filters">
        <fieldset>
          <legend className="mb-3 text-lg font-semibold">{t("filters.legend")}</legend>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <div>
              <Label htmlFor="audit-actor">{t("filters.actor")}</Label>
              <Select id="audit-actor" name="actor" defaultValue={query.actor ?? ""}>
                <option value="">{t("filters.anyActor")}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="audit-action">{t("filters.action")}</Label>
              <Select id="audit-action" name="action" defaultValue={query.action ?? ""}>
                <option value="">{t("filters.anyAction")}</option>
                <optgroup label={t("filters.groups")}>
                  {ACTION_PREFIXES.map((p) => (
                    <option key={p} value={`${p}.`}>
                      {t(`filters.prefix.${p}`)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("filters.actions")}>
                  {extraAction && <option value={extraAction}>{extraAction}</option>}
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </optgroup>
              </Select>
            </div>
            <div>
              <Label htmlFor="audit-type">{t("filters.recordType")}</Label>
              <Select id="audit-type" name="recordType" defaultValue={query.recordType ?? ""}>
                <option value="">{t("filters.anyType")}</option>
                {RECORD_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`recordType.${type}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="audit-from">{t("filters.from")}</Label>
              <Input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} max={query.to} />
            </div>
            <div>
              <Label htmlFor="audit-to">{t("filters.to")}</Label>
              <Input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} min={query.from} />
            </div>
          </div>
          {query.recordId && (
            <p className="mt-3 text-sm text-stone-700">
              <input type="hidden" name="recordId" value={query.recordId} />
              {t.rich("filters.recordId", { id: query.recordId, ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
            </p>
          )}
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button type="submit" data-testid="audit-apply">
              {t("filters.apply")}
            </Button>
            {filtered && (
              <Link href="/studio/audit" className={buttonClasses({ variant: "ghost" })} data-testid="audit-clear">
                {t("filters.clear")}
              </Link>
            )}
          </div>
        </fieldset>
      </Form>

      <div className="space-y-2">
        <p className="text-sm text-stone-700" aria-live="polite">
          {total > 0 && query.page <= pageCount
            ? t("range", { from: (query.page - 1) * PAGE_SIZE + 1, to: Math.min(query.page * PAGE_SIZE, total), total })
            : t("count", { total })}
        </p>
        <Table caption={t("caption")} captionClassName="sr-only" data-testid="audit-table">
          <THead>
            <Tr>
              <Th>{t("col.time")}</Th>
              <Th>{t("col.actor")}</Th>
              <Th>{t("col.action")}</Th>
              <Th>{t("col.record")}</Th>
              <Th>{t("col.ip")}</Th>
              <Th>{t("col.details")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.length === 0 ? (
              <Tr>
                <Td colSpan={6} className="py-6 text-center text-stone-700">
                  {t("empty")}
                </Td>
              </Tr>
            ) : (
              rows.map((r) => (
                <Tr key={r.id} data-testid="audit-row" data-action={r.action}>
                  <Td className="whitespace-nowrap">
                    <time dateTime={r.at.toISOString()}>{dateFmt.format(r.at)}</time>
                  </Td>
                  <Td>
                    {r.actor ? <bdi>{r.actor}</bdi> : <span className="text-stone-600">{r.actorId ? t("unknownActor") : t("system")}</span>}
                  </Td>
                  <Td>
                    <code dir="ltr" className="text-xs font-semibold whitespace-nowrap">
                      {r.action}
                    </code>
                  </Td>
                  <Td>{recordCell(r)}</Td>
                  <Td className="whitespace-nowrap">
                    {r.ip ? (
                      <code dir="ltr" className="text-xs">
                        {r.ip}
                      </code>
                    ) : (
                      <span aria-hidden="true">—</span>
                    )}
                  </Td>
                  <Td className="min-w-48">
                    {r.details == null ? (
                      <span aria-hidden="true">—</span>
                    ) : (
                      <code dir="ltr" className="block max-w-md text-start text-xs break-all whitespace-pre-wrap text-stone-800">
                        {JSON.stringify(r.details)}
                      </code>
                    )}
                  </Td>
                </Tr>
              ))
            )}
          </TBody>
        </Table>
      </div>

      <Pagination
        page={query.page}
        pageCount={pageCount}
        hrefFor={(p) => hrefWith(base, query, p)}
        labels={{ navigation: t("pagination.navigation"), previous: t("pagination.previous"), next: t("pagination.next"), page: (n) => t("pagination.page", { page: n }) }}
        formatNumber={(n) => num.format(n)}
      />
    </div>
  );
}
