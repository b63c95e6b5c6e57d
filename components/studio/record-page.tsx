import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/auth/policy";
import { listReviewHistory } from "@/lib/workflow/data";
import { allowedTransitions } from "@/lib/workflow/transitions";
import { editPermission, STUDIO_SEGMENT, type RecordKind } from "@/lib/records/kinds";
import type { WorkingCopy } from "@/lib/records/data";
import { RecordEditorProvider, SaveBar } from "./record-editor";
import { WorkflowPanel } from "./workflow-panel";
import { ReviewPanel } from "./review-panel";
import { DeleteRecordButton } from "./delete-record-button";

/**
 * The page frame of every record editor: save bar, notices (pending changes,
 * archived, read-only), the kind's form, and beside it the workflow and review
 * panels, with links to the history and the public page.
 */
export async function RecordPage({
  locale,
  kind,
  user,
  wc,
  title,
  form,
  aside,
  publicHref,
}: {
  locale: string;
  kind: RecordKind;
  user: Actor;
  wc: WorkingCopy;
  title: ReactNode;
  form: ReactNode;
  aside?: ReactNode;
  publicHref?: string | null;
}) {
  const t = await getTranslations({ locale, namespace: "editor" });
  const row = wc.row;
  const history = await listReviewHistory(kind, row.id);
  const editable = row.state !== "archived" && can(user, editPermission(kind), row);
  const transitions = allowedTransitions(user, { state: row.state, pendingState: row.pendingState, hasPendingChanges: wc.hasPendingChanges, publishAt: row.publishAt, createdById: row.createdById });
  const canDelete = row.state !== "published" && can(user, "record.delete", row);
  return (
    <RecordEditorProvider kind={kind} id={row.id} version={row.version} content={wc.content as Record<string, unknown>} readOnly={!editable}>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          <h1 className="mb-2 text-2xl font-bold" dir="auto">
            {title}
          </h1>
          <SaveBar
            extra={
              <span className="ms-auto flex flex-wrap gap-3 text-sm">
                {kind === "article" && (
                  <a href={`/${locale}/studio/articles/${row.id}/passages`} className="font-semibold" data-testid="passages-link">
                    {t("passages")}
                  </a>
                )}
                <a href={`/${locale}/studio/history/${kind}/${row.id}`} data-testid="history-link">
                  {t("history")}
                </a>
                {publicHref && row.state === "published" && (
                  <a href={publicHref} target="_blank" rel="noreferrer">
                    {t("viewPublic")}
                  </a>
                )}
              </span>
            }
          />
          {row.state === "published" && editable && (
            <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="pending-notice">
              {t("pendingNotice")}
            </p>
          )}
          {row.state === "archived" && (
            <p role="note" className="mb-4 rounded border border-stone-300 bg-stone-100 p-3 text-sm">
              {t("archivedNotice")}
            </p>
          )}
          {row.state !== "archived" && !editable && (
            <p role="note" className="mb-4 rounded border border-stone-300 bg-stone-100 p-3 text-sm">
              {t("readOnly")}
            </p>
          )}
          {form}
        </div>
        <aside className="space-y-4">
          <WorkflowPanel
            kind={kind}
            id={row.id}
            state={row.state}
            pendingState={row.pendingState}
            hasPendingChanges={wc.hasPendingChanges}
            publishAt={row.publishAt?.toISOString() ?? null}
            transitions={transitions}
          />
          <ReviewPanel kind={kind} id={row.id} entries={history.map((h) => ({ id: h.id, body: h.body, transition: h.transition, author: h.author, createdAt: h.createdAt.toISOString() }))} />
          {aside}
          {canDelete && <DeleteRecordButton kind={kind} id={row.id} afterHref={`/${locale}/studio/${STUDIO_SEGMENT[kind]}`} />}
        </aside>
      </div>
    </RecordEditorProvider>
  );
}
