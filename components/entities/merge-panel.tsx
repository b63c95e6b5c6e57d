"use client";
// "Merge a duplicate into this entity", beside an entity's editor: possible
// duplicates (same type, close names — found by the page), a search of entities of
// the same type, what a merge would move (asked from the server, nothing written),
// a confirmation, then the page is refreshed. Below, every merge this entity took
// part in, each with "Undo". The server checks the permission, both versions and
// every refusal (self, already merged, another type); this only asks and shows.
import { useEffect, useId, useState } from "react";
import { useSearch } from "@/components/studio/use-search";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { previewMergeAction, mergeEntitiesAction, undoMergeAction } from "@/lib/merges/actions";
import { searchEntitiesAction } from "@/lib/entities/actions";
import type { ActionError } from "@/lib/action-result";
import type { MergePreview } from "@/lib/merges/data";
import { useRecordEditor } from "@/components/studio/record-editor";
import { formatDateTime } from "@/components/studio/format";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { FieldHint, Input, Label } from "@/components/ui/input";
import { StateBadge, type WorkflowState } from "@/components/ui/badge";
import { cn, focusRing } from "@/components/ui/cn";

export type MergeCandidateDto = { id: string; nameAr: string; nameEn: string; state: string; matchedName?: string; distance?: number };

export type MergeEntryDto = {
  id: string;
  createdAt: string;
  actor: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  survivor: { id: string; nameAr: string; nameEn: string };
  merged: { id: string; nameAr: string; nameEn: string };
  undoable: boolean;
  moved: { names: number; mentions: number; relations: number; citations: number; dossierItems: number };
};

const SEARCH_DELAY_MS = 250;
const WORKFLOW_STATES: readonly string[] = ["draft", "in_review", "published", "archived"];

/** Thrown inside onConfirm so ConfirmDialog keeps the dialog open and shows the error. */
class MergeFailed extends Error {}

export function MergePanel({
  entityId,
  type,
  isMerged,
  candidates,
  merges,
}: {
  entityId: string;
  type: string;
  /** this entity was itself merged into another: nothing can be merged into it */
  isMerged: boolean;
  candidates: MergeCandidateDto[];
  merges: MergeEntryDto[];
}) {
  const t = useTranslations("merge");
  const locale = useLocale();
  const headingId = useId();
  const [status, setStatus] = useState("");
  const nameOf = (e: { nameAr: string; nameEn: string }) => (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr);

  return (
    <section aria-labelledby={headingId} className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="merge-panel">
      <h2 id={headingId} className="mb-2 text-base font-bold">
        {t("heading")}
      </h2>
      {isMerged ? (
        <p className="text-stone-700">{t("isMerged")}</p>
      ) : (
        <MergeChooser entityId={entityId} type={type} candidates={candidates} nameOf={nameOf} onDone={setStatus} />
      )}
      <p role="status" aria-live="polite" className="mt-2 text-emerald-800" data-testid="merge-status">
        {status}
      </p>
      <MergeHistory merges={merges} nameOf={nameOf} onDone={setStatus} />
    </section>
  );
}

function useErrorText() {
  const t = useTranslations("merge");
  return (e: ActionError) => (e.code === "unauthenticated" || e.code === "forbidden" || e.code === "internal" ? t(`errors.${e.code}`) : e.message);
}

function MergeChooser({
  entityId,
  type,
  candidates,
  nameOf,
  onDone,
}: {
  entityId: string;
  type: string;
  candidates: MergeCandidateDto[];
  nameOf: (e: { nameAr: string; nameEn: string }) => string;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("merge");
  const router = useRouter();
  const editor = useRecordEditor();
  const errorText = useErrorText();
  const id = useId();
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<MergeCandidateDto | null>(null);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [mergeError, setMergeError] = useState<string>();

  // search entities of the same type (debounced); the entity itself is left out
  const search = useSearch(q, (query) => searchEntitiesAction(query, type), type, SEARCH_DELAY_MS);
  const results = search.results?.filter((e) => e.id !== entityId) ?? null;
  const searching = search.loading;
  const searchError = search.error ? errorText(search.error) : null;

  // what merging the chosen one would move (asked again whenever the choice or this entity's version changes)
  useEffect(() => {
    if (!chosen) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    let cancelled = false;
    setPreview(null);
    setPreviewError(null);
    void previewMergeAction({ survivorId: entityId, mergedId: chosen.id }).then((r) => {
      if (cancelled) return;
      if (r.ok) setPreview(r.data);
      else setPreviewError(errorText(r.error));
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, entityId, editor.version]);

  async function merge() {
    if (!preview || !chosen) return false;
    const r = await mergeEntitiesAction({
      survivorId: entityId,
      mergedId: chosen.id,
      expectedVersions: { survivor: editor.version, merged: preview.merged.version },
    });
    if (!r.ok) {
      setMergeError(errorText(r.error));
      if (r.error.code === "conflict") router.refresh();
      throw new MergeFailed(r.error.message);
    }
    setMergeError(undefined);
    onDone(t("done", { merged: nameOf(chosen) }));
    setChosen(null);
    setQ("");
    router.refresh();
  }

  const summary = !q.trim() ? "" : searching ? t("searching") : searchError ? "" : results && results.length === 0 ? t("noResults") : results ? t("resultCount", { count: results.length }) : "";
  const shownCandidates = candidates.filter((c) => c.id !== entityId);

  const row = (c: MergeCandidateDto, hint?: string) => {
    const selected = chosen?.id === c.id;
    return (
      <li key={c.id}>
        <button
          type="button"
          aria-pressed={selected}
          onClick={() => {
            setMergeError(undefined);
            setChosen(c);
          }}
          className={cn("flex w-full flex-wrap items-center gap-2 px-3 py-2 text-start hover:bg-stone-50 aria-pressed:bg-amber-50", focusRing)}
          data-testid="merge-candidate"
        >
          <span className="min-w-0 flex-1">
            <span lang="ar" dir="rtl">
              {c.nameAr}
            </span>
            <span className="text-stone-500"> · </span>
            <span lang="en" dir="ltr">
              {c.nameEn}
            </span>
            {hint && <span className="block text-xs text-stone-600">{hint}</span>}
          </span>
          {WORKFLOW_STATES.includes(c.state) && <StateLabel state={c.state as WorkflowState} />}
          <span className="text-xs font-semibold text-stone-700">{selected ? t("chosen") : t("choose")}</span>
        </button>
      </li>
    );
  };

  return (
    <div>
      <FieldHint className="mt-0 mb-3">{t("intro")}</FieldHint>
      {shownCandidates.length > 0 && (
        <>
          <h3 className="mb-1 font-semibold">{t("candidates")}</h3>
          <ul aria-label={t("candidates")} className="mb-3 divide-y divide-stone-200 rounded border border-stone-200" data-testid="merge-candidates">
            {shownCandidates.map((c) => row(c, c.distance === 0 ? t("sameName") : c.matchedName ? t("closeTo", { name: c.matchedName }) : undefined))}
          </ul>
        </>
      )}
      <Label htmlFor={`${id}-q`}>{t("search")}</Label>
      <Input
        id={`${id}-q`}
        type="search"
        dir="auto"
        autoComplete="off"
        value={q}
        placeholder={t("searchPlaceholder")}
        onChange={(ev) => setQ(ev.target.value)}
        onKeyDown={(ev) => {
          if (ev.key === "Enter") ev.preventDefault();
        }}
        aria-describedby={`${id}-summary`}
        data-testid="merge-search"
      />
      <p id={`${id}-summary`} role="status" aria-live="polite" className="mt-1 text-stone-600">
        {summary}
      </p>
      {searchError && (
        <p role="alert" className="mt-1 rounded bg-red-50 p-2 text-red-900">
          {searchError}
        </p>
      )}
      {results && results.length > 0 && (
        <ul aria-label={t("results")} className="mt-1 divide-y divide-stone-200 rounded border border-stone-200" data-testid="merge-results">
          {results.map((c) => row(c))}
        </ul>
      )}

      {chosen && (
        <div className="mt-4 rounded border border-amber-300 bg-amber-50 p-3" data-testid="merge-chosen">
          <h3 className="mb-1 font-semibold">{t("chosenHeading", { merged: nameOf(chosen) })}</h3>
          {!preview && !previewError && <p role="status">{t("loadingPreview")}</p>}
          {previewError && (
            <p role="alert" className="rounded bg-red-50 p-2 text-red-900" data-testid="merge-refused">
              {previewError}
            </p>
          )}
          {preview && (
            <>
              <p>{t("previewHeading")}</p>
              <ul className="my-2 list-disc space-y-0.5 ps-5" data-testid="merge-preview">
                <li>
                  {t("counts.names", { count: preview.counts.names })}
                  {preview.names.length > 0 && (
                    <span className="text-stone-700">
                      {" "}
                      (
                      {preview.names.map((n, i) => (
                        <span key={n} dir="auto">
                          {i > 0 ? "، " : ""}
                          {n}
                        </span>
                      ))}
                      )
                    </span>
                  )}
                </li>
                <li>{t("counts.mentions", { count: preview.counts.mentions })}</li>
                {preview.counts.mentionDuplicates > 0 && <li>{t("counts.mentionDuplicates", { count: preview.counts.mentionDuplicates })}</li>}
                <li>{t("counts.relations", { count: preview.counts.relations })}</li>
                {preview.counts.relationsRemoved > 0 && <li>{t("counts.relationsRemoved", { count: preview.counts.relationsRemoved })}</li>}
                <li>{t("counts.citations", { count: preview.counts.citations })}</li>
                <li>{t("counts.dossierItems", { count: preview.counts.dossierItems })}</li>
                <li>{t("counts.redirects", { count: preview.counts.redirects })}</li>
              </ul>
              {editor.dirty && (
                <p role="note" className="mb-2 font-semibold text-amber-950">
                  {t("dirty")}
                </p>
              )}
            </>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <ConfirmDialog
              triggerLabel={t("mergeButton")}
              triggerVariant="danger"
              triggerSize="sm"
              triggerDisabled={!preview || editor.dirty}
              title={t("confirmTitle", { merged: nameOf(chosen), survivor: preview ? nameOf(preview.survivor) : "" })}
              description={t("confirmDescription", { survivor: preview ? nameOf(preview.survivor) : "" })}
              confirmLabel={t("confirm")}
              cancelLabel={t("cancel")}
              pendingLabel={t("pending")}
              errorLabel={mergeError}
              onConfirm={merge}
              testId="merge"
            />
            <Button type="button" variant="ghost" size="sm" onClick={() => setChosen(null)}>
              {t("clear")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

function StateLabel({ state }: { state: WorkflowState }) {
  const ts = useTranslations("studio");
  return <StateBadge state={state} label={ts(`state.${state}`)} />;
}

function MergeHistory({ merges, nameOf, onDone }: { merges: MergeEntryDto[]; nameOf: (e: { nameAr: string; nameEn: string }) => string; onDone: (message: string) => void }) {
  const t = useTranslations("merge");
  const locale = useLocale();
  return (
    <div className="mt-4 border-t border-stone-200 pt-3">
      <h3 className="mb-1 font-semibold">{t("history")}</h3>
      {merges.length === 0 ? (
        <p className="text-stone-600">{t("noHistory")}</p>
      ) : (
        <ul className="space-y-3" data-testid="merge-history">
          {merges.map((m) => (
            <li key={m.id} className={cn("rounded border border-stone-200 p-2", m.undoneAt && "bg-stone-50 text-stone-600")} data-testid="merge-entry" data-undone={m.undoneAt ? "true" : "false"}>
              <p className="font-semibold">
                {t("entry", { merged: nameOf(m.merged), survivor: nameOf(m.survivor) })}{" "}
                <a href={`/${locale}/studio/entities/${m.merged.id}`} className="text-xs font-normal">
                  ↗
                </a>
              </p>
              <p className="text-xs text-stone-600">{t("entryBy", { date: formatDateTime(m.createdAt, locale), actor: m.actor ?? t("someone") })}</p>
              <p className="text-xs text-stone-600">{t("entryMoved", { names: m.moved.names, mentions: m.moved.mentions, relations: m.moved.relations })}</p>
              {m.undoneAt ? (
                <p className="text-xs">{t("undone", { date: formatDateTime(m.undoneAt, locale), actor: m.undoneBy ?? t("someone") })}</p>
              ) : m.undoable ? (
                <UndoButton entry={m} nameOf={nameOf} onDone={onDone} />
              ) : (
                <p className="text-xs text-amber-900">{t("undoBlocked")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UndoButton({ entry, nameOf, onDone }: { entry: MergeEntryDto; nameOf: (e: { nameAr: string; nameEn: string }) => string; onDone: (message: string) => void }) {
  const t = useTranslations("merge");
  const router = useRouter();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  async function undo() {
    const r = await undoMergeAction({ mergeId: entry.id });
    if (!r.ok) {
      setError(errorText(r.error));
      if (r.error.code === "conflict") router.refresh();
      throw new MergeFailed(r.error.message);
    }
    setError(undefined);
    onDone(t("undoDone"));
    router.refresh();
  }
  return (
    <div className="mt-1">
      <ConfirmDialog
        triggerLabel={t("undo")}
        triggerVariant="secondary"
        triggerSize="sm"
        title={t("undoTitle", { merged: nameOf(entry.merged), survivor: nameOf(entry.survivor) })}
        description={t("undoDescription")}
        confirmLabel={t("undoConfirm")}
        cancelLabel={t("cancel")}
        pendingLabel={t("undoPending")}
        confirmVariant="primary"
        errorLabel={error}
        onConfirm={undo}
        testId="merge-undo"
      />
    </div>
  );
}
