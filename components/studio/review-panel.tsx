"use client";
// A record's review history (comments and every transition) and a comment box.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { addReviewCommentAction } from "@/lib/records/actions";
import type { RecordKind } from "@/lib/records/kinds";
import { Button } from "@/components/ui/button";
import { Label, Textarea, FieldError } from "@/components/ui/input";
import { formatDateTime } from "./format";

export type ReviewEntryDto = { id: string; body: string; transition: string | null; author: string | null; createdAt: string };

export function ReviewPanel({ kind, id, entries }: { kind: RecordKind; id: string; entries: ReviewEntryDto[] }) {
  const t = useTranslations("review");
  const tw = useTranslations("workflow");
  const locale = useLocale();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function post(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await addReviewCommentAction({ kind, id, body });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setBody("");
    router.refresh();
  }

  return (
    <section aria-labelledby="review-title" className="rounded border border-stone-200 bg-white p-4" data-testid="review-panel">
      <h2 id="review-title" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol className="mb-3 space-y-2 text-sm" data-testid="review-history">
          {entries.map((e) => (
            <li key={e.id} className="border-s-2 border-stone-300 ps-2">
              <div className="text-xs text-stone-600">
                {t("transition", { who: e.author ?? t("system"), action: e.transition ? tw(`transition.${e.transition}`) : t("add") })} · {formatDateTime(e.createdAt, locale)}
              </div>
              {e.body && (
                <p className="whitespace-pre-wrap" dir="auto">
                  {e.body}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={post} className="space-y-2">
        <Label htmlFor="review-comment">{t("add")}</Label>
        <Textarea id="review-comment" rows={2} value={body} onChange={(e) => setBody(e.target.value)} required data-testid="review-comment" />
        {error && <FieldError>{error}</FieldError>}
        <Button type="submit" size="sm" variant="secondary" disabled={busy || !body.trim()}>
          {t("post")}
        </Button>
      </form>
    </section>
  );
}
