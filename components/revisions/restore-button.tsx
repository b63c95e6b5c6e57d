"use client";
// "Restore" on a row of the revision history: confirms, saves the revision's
// content as a new version (restoreRevisionAction checks the permission and the
// expected version), then refreshes the page so the new revision shows. A failure
// keeps the dialog open with the reason; a stale page (someone saved meanwhile) is
// refreshed so the next attempt starts from the current version.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { restoreRevisionAction } from "@/lib/records/actions";
import type { ActionError } from "@/lib/action-result";
import type { RecordKind } from "@/lib/records/kinds";

export type RestoreButtonProps = {
  kind: RecordKind;
  id: string;
  revisionId: string;
  /** the revision's version (names the button and its test id) */
  version: number;
  /** the record's current version, for the optimistic-concurrency check */
  expectedVersion: number;
  /** the record is published: restoring makes pending changes */
  published?: boolean;
};

/** Thrown inside onConfirm so ConfirmDialog keeps the dialog open and shows `errorLabel`. */
class RestoreFailed extends Error {}

export function RestoreButton({ kind, id, revisionId, version, expectedVersion, published }: RestoreButtonProps) {
  const t = useTranslations("history");
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<number>();

  function messageOf(e: ActionError): string {
    const current = (e.details as { currentVersion?: unknown } | undefined)?.currentVersion;
    if (e.code === "conflict" && typeof current === "number") return t("restore.stale", { version: current });
    if (e.code === "unauthenticated" || e.code === "forbidden" || e.code === "internal") return t(`errors.${e.code}`);
    return e.message;
  }

  async function restore() {
    setDone(undefined);
    const result = await restoreRevisionAction({ kind, id, revisionId, expectedVersion });
    if (!result.ok) {
      setError(messageOf(result.error));
      if (result.error.code === "conflict") router.refresh();
      throw new RestoreFailed(result.error.message);
    }
    setError(undefined);
    setDone(result.data.version);
    router.refresh();
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <ConfirmDialog
        triggerLabel={
          <>
            {t("restore.button")}
            <span className="sr-only"> {t("restore.srVersion", { version })}</span>
          </>
        }
        triggerVariant="secondary"
        triggerSize="sm"
        title={t("restore.title", { version })}
        description={
          <>
            {t("restore.description")}
            {published && <> {t("restore.descriptionPublished")}</>}
          </>
        }
        confirmLabel={t("restore.confirm")}
        cancelLabel={t("restore.cancel")}
        pendingLabel={t("restore.pending")}
        confirmVariant="primary"
        errorLabel={error}
        onConfirm={restore}
        testId={`restore-${version}`}
      />
      <p role="status" className="text-xs text-emerald-800">
        {done !== undefined ? t("restore.done", { version: done }) : ""}
      </p>
    </div>
  );
}
