"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteRecordAction } from "@/lib/records/actions";
import type { RecordKind } from "@/lib/records/kinds";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRecordEditor } from "./record-editor";

export function DeleteRecordButton({ kind, id, afterHref }: { kind: RecordKind; id: string; afterHref: string }) {
  const t = useTranslations("editor");
  const tw = useTranslations("workflow");
  const router = useRouter();
  const editor = useRecordEditor();
  return (
    <ConfirmDialog
      triggerLabel={t("delete")}
      triggerVariant="ghost"
      triggerSize="sm"
      title={t("delete")}
      description={t("deleteConfirm")}
      confirmLabel={t("delete")}
      cancelLabel={tw("cancel")}
      onConfirm={async () => {
        const r = await deleteRecordAction(kind, id, editor.version);
        if (!r.ok) throw new Error(r.error.message);
        router.replace(afterHref);
      }}
      errorLabel={t("error")}
      testId="delete-record"
    />
  );
}
