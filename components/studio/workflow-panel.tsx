"use client";
// The workflow actions open to this person on this record (computed on the server
// from the transition table and the permissions table; the server checks again).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { transitionAction } from "@/lib/records/actions";
import type { RecordKind } from "@/lib/records/kinds";
import type { Transition, WorkflowState } from "@/lib/workflow/transitions";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea, FieldError } from "@/components/ui/input";
import { StateBadge, Badge } from "@/components/ui/badge";
import { useRecordEditor } from "./record-editor";
import { formatDateTime } from "./format";

const DESTRUCTIVE: Transition[] = ["unpublish", "archive", "discard_changes"];

export function WorkflowPanel({
  kind,
  id,
  state,
  pendingState,
  hasPendingChanges,
  publishAt,
  transitions,
}: {
  kind: RecordKind;
  id: string;
  state: WorkflowState;
  pendingState: WorkflowState | null;
  hasPendingChanges: boolean;
  publishAt: string | null;
  transitions: Transition[];
}) {
  const t = useTranslations("workflow");
  const ts = useTranslations("studio");
  const locale = useLocale();
  const router = useRouter();
  const editor = useRecordEditor();
  const [open, setOpen] = useState<Transition | null>(null);
  const [comment, setComment] = useState("");
  const [when, setWhen] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<Transition | null>(null);

  async function run(transition: Transition) {
    setBusy(true);
    setError(null);
    const r = await transitionAction({
      kind,
      id,
      transition,
      expectedVersion: editor.version,
      comment: comment || null,
      publishAt: transition === "schedule" && when ? new Date(`${when.length === 16 ? `${when}:00` : when}Z`).toISOString() : null,
    });
    setBusy(false);
    if (!r.ok) {
      const field = Object.keys(r.error.fieldErrors ?? {})[0];
      setError({ message: field ? r.error.fieldErrors![field] : r.error.message, field });
      return;
    }
    setDone(transition);
    setOpen(null);
    setComment("");
    setWhen("");
    router.refresh();
  }

  const needsForm = (tr: Transition) => tr === "request_changes" || tr === "schedule" || DESTRUCTIVE.includes(tr) || tr === "publish" || tr === "submit";
  const label = (tr: Transition) => (tr === "publish" && hasPendingChanges ? t("publishPending") : t(`transition.${tr}`));

  return (
    <section aria-labelledby="workflow-title" className="rounded border border-stone-200 bg-white p-4" data-testid="workflow-panel">
      <h2 id="workflow-title" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      <div className="mb-3 flex flex-wrap items-center gap-2" data-testid="workflow-state" data-state={state} data-pending-state={pendingState ?? ""}>
        <StateBadge state={state} label={ts(`state.${state}`)} />
        {hasPendingChanges && <Badge tone="warning">{t("pendingState", { state: ts(`state.${pendingState ?? "draft"}`) })}</Badge>}
        {publishAt && <Badge tone="info">{t("scheduledFor", { at: formatDateTime(publishAt, locale) })}</Badge>}
      </div>
      {done && (
        <p role="status" className="mb-2 text-sm text-emerald-800">
          {t(`done.${done}`)}
        </p>
      )}
      {transitions.length === 0 ? (
        <p className="text-sm text-stone-600">{t("none")}</p>
      ) : editor.dirty ? (
        <p className="text-sm text-amber-800" data-testid="save-first">
          {t("saveFirst")}
        </p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {transitions.map((tr) => (
            <Button
              key={tr}
              type="button"
              size="sm"
              variant={tr === "publish" ? "primary" : DESTRUCTIVE.includes(tr) ? "danger" : "secondary"}
              aria-expanded={needsForm(tr) ? open === tr : undefined}
              onClick={() => {
                setError(null);
                setOpen(open === tr ? null : tr);
              }}
              data-testid={`transition-${tr}`}
            >
              {label(tr)}
            </Button>
          ))}
        </div>
      )}
      {open && !editor.dirty && (
        <form
          className="mt-3 space-y-2 rounded border border-stone-200 bg-stone-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void run(open);
          }}
          data-testid="transition-form"
        >
          {open === "schedule" && (
            <div>
              <Label htmlFor="publish-at">{t("publishAt")}</Label>
              <Input id="publish-at" type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} required dir="ltr" invalid={error?.field === "publishAt"} data-testid="publish-at" />
            </div>
          )}
          <div>
            <Label htmlFor="transition-comment">{open === "request_changes" ? t("commentRequired") : t("commentOptional")}</Label>
            <Textarea id="transition-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} required={open === "request_changes"} invalid={error?.field === "comment"} data-testid="transition-comment" />
          </div>
          {error && <FieldError>{error.message}</FieldError>}
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant={DESTRUCTIVE.includes(open) ? "danger" : "primary"} disabled={busy} data-testid="transition-confirm">
              {label(open)}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(null)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
