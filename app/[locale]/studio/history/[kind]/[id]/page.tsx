// The revision history of one record: every saved revision, any two compared side
// by side, any older one restored (as a new revision, through the usual save gate).
import type { Metadata } from "next";
import Form from "next/form";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { authorize, can } from "@/lib/auth/policy";
import { getWorkingCopy } from "@/lib/records/data";
import { editPermission, labelOf, recordKindSchema, STUDIO_SEGMENT, type RecordKind } from "@/lib/records/kinds";
import { getRevision, listRevisions, type RevisionSummary } from "@/lib/revisions/data";
import { diffSnapshots } from "@/lib/revisions/diff";
import { idSchema } from "@/lib/validation";
import { Link } from "@/lib/i18n/navigation";
import { DiffView } from "@/components/revisions/diff-view";
import { RestoreButton } from "@/components/revisions/restore-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export const dynamic = "force-dynamic";

type Params = { locale: string; kind: string; id: string };
type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "history" });
  return { title: t("title"), robots: { index: false } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The two revisions to compare: the ones asked for when they belong to this record, else the newest and the one before it. */
function pickPair(revisions: RevisionSummary[], sp: SearchParams): { a?: RevisionSummary; b?: RevisionSummary } {
  const find = (id: string | undefined) => (id ? revisions.find((r) => r.id === id) : undefined);
  const b = find(first(sp.b)) ?? revisions[0];
  const a = find(first(sp.a)) ?? (b ? revisions[revisions.indexOf(b) + 1] : undefined);
  return { a, b };
}

export default async function HistoryPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const { locale, kind: rawKind, id: rawId } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/studio/history/${rawKind}/${rawId}`);
  authorize(user, "studio.access");

  const kindParsed = recordKindSchema.safeParse(rawKind);
  const idParsed = idSchema.safeParse(rawId);
  if (!kindParsed.success || !idParsed.success) notFound();
  const kind: RecordKind = kindParsed.data;
  const id = idParsed.data;

  const wc = await getWorkingCopy(kind, id);
  if (!wc) notFound();
  const sp = await searchParams;
  const revisions = await listRevisions(kind, id);
  const pair = pickPair(revisions, sp);
  const revB = pair.b ? await getRevision(kind, id, pair.b.id) : null;
  let revA = pair.a ? await getRevision(kind, id, pair.a.id) : null;
  // Unless asked for a pair, compare with the newest earlier revision whose content
  // differs (a publish repeats the content of the save before it: nothing to see).
  if (!first(sp.a) && revB && pair.b) {
    const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
    for (const older of revisions.slice(revisions.indexOf(pair.b) + 1, revisions.indexOf(pair.b) + 25)) {
      const candidate = await getRevision(kind, id, older.id);
      if (candidate && !same(candidate.snapshot, revB.snapshot)) {
        revA = candidate;
        pair.a = older;
        break;
      }
    }
  }

  const t = await getTranslations({ locale, namespace: "history" });
  const tRelation = await getTranslations({ locale, namespace: "relation" });
  const dateFmt = new Intl.DateTimeFormat(locale === "ar" ? "ar" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const num = new Intl.NumberFormat(locale);

  const currentVersion = wc.row.version;
  // The same checks restoreRevision and saveRecord make, so no button leads to a refusal.
  const mayRestore =
    wc.row.state !== "archived" && can(user, "record.restore_revision", wc.row) && can(user, editPermission(kind), wc.row);
  const published = wc.row.state === "published";

  const rawLabel = labelOf(kind, wc.content as Record<string, unknown>);
  const label =
    kind === "annotation" ? t("kind.annotation") : kind === "relation" && tRelation.has(rawLabel) ? tRelation(rawLabel) : rawLabel;
  const actionLabel = (action: string) => (t.has(`action.${action}`) ? t(`action.${action}`) : action);
  const fieldLabel = (field: string) => (t.has(`field.${field}`) ? t(`field.${field}`) : field);
  const path = `/${locale}/studio/history/${kind}/${id}`;
  const editorHref = `/studio/${STUDIO_SEGMENT[kind]}/${id}`;
  const comparable = revisions.length > 1;

  return (
    <div className="space-y-8" data-testid="history">
      <header className="space-y-3">
        <Link href={editorHref} className="inline-flex items-center gap-1 text-sm font-semibold" data-testid="back-to-editor">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M10 3L5 8l5 5" />
          </svg>
          {t("backToEditor")}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <Badge tone="neutral">{t(`kind.${kind}`)}</Badge>
        </div>
        <p className="text-lg" dir="auto">
          {label}
        </p>
        <p className="text-sm text-stone-700">{t("currentVersion", { version: currentVersion })}</p>
      </header>

      {revisions.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-stone-700">{t("empty")}</p>
      ) : (
        <Form action={path} key={`${pair.a?.id}-${pair.b?.id}`} className="space-y-3" data-testid="compare-form">
          <fieldset className="space-y-3">
            <legend className="text-xl font-semibold">{comparable ? t("compareLegend") : t("caption")}</legend>
            {comparable && (
              <p id="compare-hint" className="text-sm text-stone-600">
                {t("compareHint")}
              </p>
            )}
            <Table caption={t("caption")} captionClassName="sr-only" data-testid="revisions" aria-describedby={comparable ? "compare-hint" : undefined}>
              <THead>
                <Tr>
                  {comparable && <Th className="w-12 text-center">{t("col.from")}</Th>}
                  {comparable && <Th className="w-12 text-center">{t("col.to")}</Th>}
                  <Th>{t("col.version")}</Th>
                  <Th>{t("col.action")}</Th>
                  <Th>{t("col.author")}</Th>
                  <Th>{t("col.time")}</Th>
                  <Th>{t("col.message")}</Th>
                  {mayRestore && <Th>{t("col.restore")}</Th>}
                </Tr>
              </THead>
              <TBody>
                {revisions.map((r) => {
                  const isCurrent = r.version === currentVersion;
                  return (
                    <Tr key={r.id} data-testid={`revision-${r.version}`} className={isCurrent ? "bg-amber-50/60" : undefined}>
                      {comparable && (
                      <Td className="text-center">
                        <input
                          type="radio"
                          name="a"
                          value={r.id}
                          defaultChecked={r.id === pair.a?.id}
                          aria-label={t("compareFrom", { version: r.version })}
                          className="size-4 accent-stone-900"
                        />
                      </Td>
                      )}
                      {comparable && (
                      <Td className="text-center">
                        <input
                          type="radio"
                          name="b"
                          value={r.id}
                          defaultChecked={r.id === pair.b?.id}
                          aria-label={t("compareTo", { version: r.version })}
                          className="size-4 accent-stone-900"
                        />
                      </Td>
                      )}
                      <Td className="font-semibold whitespace-nowrap">
                        {num.format(r.version)}
                        {isCurrent && (
                          <Badge tone="warning" className="ms-2">
                            {t("current")}
                          </Badge>
                        )}
                      </Td>
                      <Td className="whitespace-nowrap">{actionLabel(r.action)}</Td>
                      <Td dir="auto" className="text-start">
                        {r.author ?? <span className="text-stone-600">{t("system")}</span>}
                      </Td>
                      <Td className="whitespace-nowrap">
                        <time dateTime={r.createdAt.toISOString()}>{dateFmt.format(r.createdAt)}</time>
                      </Td>
                      <Td className="max-w-md text-stone-700">
                        {r.message ? (
                          <span dir="auto" className="block text-start break-words">
                            {r.message}
                          </span>
                        ) : (
                          <span aria-hidden="true">—</span>
                        )}
                      </Td>
                      {mayRestore && (
                        <Td>
                          {!isCurrent && (
                            <RestoreButton kind={kind} id={id} revisionId={r.id} version={r.version} expectedVersion={currentVersion} published={published} />
                          )}
                        </Td>
                      )}
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          </fieldset>
          {comparable && (
            <Button type="submit" variant="secondary" data-testid="compare">
              {t("compare")}
            </Button>
          )}
        </Form>
      )}

      {revisions.length === 1 && <p className="text-stone-700">{t("onlyOne")}</p>}

      {revA && revB && comparable && (
        <section aria-labelledby="diff-heading" className="space-y-4" data-testid="revision-diff">
          <h2 id="diff-heading" className="text-xl font-semibold">
            {t("diffHeading", { from: revA.version, to: revB.version })}
          </h2>
          <DiffView
            diffs={diffSnapshots(revA.snapshot, revB.snapshot)}
            labelFor={fieldLabel}
            beforeLabel={t("versionAt", { version: revA.version, date: dateFmt.format(revA.createdAt) })}
            afterLabel={t("versionAt", { version: revB.version, date: dateFmt.format(revB.createdAt) })}
            showUnchangedLabel={t("showUnchanged")}
            noChangesLabel={t("noChanges")}
            emptyLabel={t("emptyValue")}
            markLabels={{ removed: t("mark.removed"), added: t("mark.added") }}
          />
        </section>
      )}
    </div>
  );
}
