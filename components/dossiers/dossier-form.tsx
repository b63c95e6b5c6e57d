"use client";
// The dossier's editable content (lib/dossiers/schemas.ts dossierContentSchema): the
// titles, the introductions and the ordered items, each an article or an entity
// with an editor's note in both languages. Items are reordered by dragging or with
// the move buttons, and added from a search of articles and entities.
import { useId, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { useSearch } from "@/components/studio/use-search";
import type { ActionResult } from "@/lib/action-result";
import { useLocale, useTranslations } from "next-intl";
import type { RichTextDoc } from "@/lib/rich-text/document";
import { searchArticlesAction } from "@/lib/articles/actions";
import { searchEntitiesAction } from "@/lib/entities/actions";
import { ENTITY_TYPES, type EntityType } from "@/lib/entities/schemas";
import { RichTextEditor } from "@/components/rich-text/rich-text-editor";
import { RichTextField, TextField, useRichTextLabels } from "@/components/studio/fields";
import { useRecordEditor } from "@/components/studio/record-editor";
import { DragHandle, MoveButtons, SortableList, type SortableListAnnouncements } from "@/components/ui/sortable-list";
import { Badge, StateBadge, type WorkflowState } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn, focusRing } from "@/components/ui/cn";

/** What an item points at, as shown in the editor (loaded by the page, or carried from the picker). */
export type DossierItemLabel =
  | { kind: "article"; title: string; state: string }
  | { kind: "entity"; type: string; nameAr: string; nameEn: string; state: string };

/** Labels by item reference: `article:<id>` or `entity:<id>`. */
export type DossierItemLabels = Record<string, DossierItemLabel>;

type Item = { articleId: string | null; entityId: string | null; noteAr: RichTextDoc | null; noteEn: RichTextDoc | null };
type PickerType = "article" | EntityType;

const refOf = (i: Pick<Item, "articleId" | "entityId">) => (i.articleId ? `article:${i.articleId}` : `entity:${i.entityId ?? ""}`);
const WORKFLOW_STATES: readonly string[] = ["draft", "in_review", "published", "archived"];
const isEmptyDoc = (doc: RichTextDoc) => !doc.content?.some((n) => (n.content?.length ?? 0) > 0 || n.type !== "paragraph");

/** Stable React keys for the rows of an array that has no ids of its own. */
function useRowKeys(count: number) {
  const next = useRef(0);
  const keys = useRef<string[]>([]);
  if (keys.current.length > count) keys.current = keys.current.slice(0, count);
  while (keys.current.length < count) keys.current.push(`item-${next.current++}`);
  return {
    keys: keys.current,
    push: () => void keys.current.push(`item-${next.current++}`),
    remove: (index: number) => void keys.current.splice(index, 1),
    set: (order: string[]) => void (keys.current = order),
  };
}

export function DossierForm({ labels: initialLabels = {} }: { labels?: DossierItemLabels }) {
  const t = useTranslations("dossiers");
  return (
    <div className="space-y-5" data-testid="dossier-form">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="titleAr" label={t("fields.titleAr")} dir="rtl" required />
        <TextField name="titleEn" label={t("fields.titleEn")} dir="ltr" required />
      </div>
      <RichTextField name="introAr" label={t("fields.introAr")} dir="rtl" lang="ar" nullable />
      <RichTextField name="introEn" label={t("fields.introEn")} dir="ltr" lang="en" nullable />
      <ItemsEditor initialLabels={initialLabels} />
    </div>
  );
}

function ItemsEditor({ initialLabels }: { initialLabels: DossierItemLabels }) {
  const t = useTranslations("dossiers.items");
  const te = useTranslations("entities");
  const ts = useTranslations("studio");
  const locale = useLocale();
  const richTextLabels = useRichTextLabels();
  const e = useRecordEditor();
  const items: Item[] = Array.isArray(e.content.items) ? (e.content.items as Item[]) : [];
  const rows = useRowKeys(items.length);
  const [labels, setLabels] = useState<DossierItemLabels>(initialLabels);
  const [showNotes, setShowNotes] = useState(true);
  const [status, setStatus] = useState("");
  const headingId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const pendingFocus = useRef<number | "search" | null>(null);
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === "search") searchRef.current?.focus();
    else listRef.current?.querySelectorAll<HTMLElement>('[data-testid="dossier-item"] [data-testid="drag-handle"]')[target]?.focus();
  });

  const labelText = (item: Pick<Item, "articleId" | "entityId">): string => {
    const l = labels[refOf(item)];
    if (!l) return t("unknown", { id: item.articleId ?? item.entityId ?? "" });
    if (l.kind === "article") return l.title;
    return locale === "ar" ? l.nameAr || l.nameEn : l.nameEn || l.nameAr;
  };

  const setItems = (next: Item[]) => e.setField("items", next);
  const updateNote = (index: number, field: "noteAr" | "noteEn", doc: RichTextDoc) =>
    setItems(items.map((it, i) => (i === index ? { ...it, [field]: isEmptyDoc(doc) ? null : doc } : it)));
  const remove = (index: number) => {
    const removed = items[index];
    if (!removed) return;
    rows.remove(index);
    const left = items.length - 1;
    pendingFocus.current = left === 0 ? "search" : Math.min(index, left - 1);
    setStatus(t("removed", { label: labelText(removed) }));
    setItems(items.filter((_, i) => i !== index));
  };
  const add = (ref: Pick<Item, "articleId" | "entityId">, label: DossierItemLabel) => {
    setLabels((prev) => ({ ...prev, [refOf(ref)]: label }));
    rows.push();
    setItems([...items, { ...ref, noteAr: null, noteEn: null }]);
  };

  const announcements: SortableListAnnouncements = {
    instructions: t("sortable.instructions"),
    roleDescription: t("sortable.roleDescription"),
    pickedUp: (label, position, count) => t("sortable.pickedUp", { label, position, count }),
    movedTo: (label, position, count) => t("sortable.movedTo", { label, position, count }),
    dropped: (label, position, count) => t("sortable.dropped", { label, position, count }),
    cancelled: (label, position, count) => t("sortable.cancelled", { label, position, count }),
  };
  const wrapped = items.map((item, i) => ({ id: rows.keys[i] ?? `item-${i}`, item, index: i }));
  const listError = e.fieldErrors.items;

  return (
    <section aria-labelledby={headingId} className="rounded border border-stone-200 bg-stone-50 p-3" data-testid="dossier-items-editor">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="text-lg font-bold">
          {t("heading")}
        </h2>
        {items.length > 0 && (
          <label className="ms-auto inline-flex items-center gap-2 text-sm text-stone-800">
            <input type="checkbox" className={cn("size-4 accent-stone-900", focusRing)} checked={showNotes} onChange={(ev) => setShowNotes(ev.target.checked)} data-testid="show-notes" />
            {t("showNotes")}
          </label>
        )}
      </div>
      <FieldHint className="mt-0 mb-3">{t("hint")}</FieldHint>
      <FieldError>{listError}</FieldError>
      <div ref={listRef}>
        {items.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-center text-sm text-stone-600" data-testid="dossier-items-empty">
            {t("empty")}
          </p>
        ) : (
          <SortableList
            items={wrapped}
            label={t("list")}
            testId="dossier-items"
            disabled={e.readOnly}
            announcements={announcements}
            getItemLabel={(w) => labelText(w.item)}
            onReorder={(next) => {
              rows.set(next.map((w) => w.id));
              setItems(next.map((w) => w.item));
            }}
            renderItem={(w, handleProps, controls) => {
              const { item, index } = w;
              const label = labelText(item);
              const info = labels[refOf(item)];
              const error = e.fieldErrors[`items.${index}`] ?? e.fieldErrors[`items.${index}.articleId`] ?? e.fieldErrors[`items.${index}.entityId`];
              const href = item.articleId ? `/${locale}/studio/articles/${item.articleId}` : `/${locale}/studio/entities/${item.entityId}`;
              return (
                <div className="rounded border border-stone-300 bg-white p-3" data-testid="dossier-item" data-ref={refOf(item)}>
                  <div className="flex flex-wrap items-start gap-2">
                    {!e.readOnly && <DragHandle {...handleProps} label={t("drag", { label })} />}
                    <span className="pt-1 font-semibold text-stone-600 tabular-nums" aria-hidden="true">
                      {index + 1}.
                    </span>
                    <div className="min-w-0 flex-1 pt-1">
                      <div className="mb-1 flex flex-wrap items-center gap-1.5">
                        <Badge tone="neutral">{info?.kind === "entity" ? (te.has(`types.${info.type}`) ? te(`types.${info.type}`) : info.type) : t("article")}</Badge>
                        {info && WORKFLOW_STATES.includes(info.state) && <StateBadge state={info.state as WorkflowState} label={ts(`state.${info.state}`)} />}
                      </div>
                      {info?.kind === "entity" ? (
                        <p className="font-semibold">
                          <span lang="ar" dir="rtl">
                            {info.nameAr}
                          </span>
                          <span className="text-stone-500"> · </span>
                          <span lang="en" dir="ltr">
                            {info.nameEn}
                          </span>
                        </p>
                      ) : (
                        <p className={cn("font-semibold", !info && "text-red-800")} dir="auto">
                          {label}
                        </p>
                      )}
                      {info && (
                        <a href={href} target="_blank" rel="noreferrer" className="text-sm">
                          {t("open")}
                        </a>
                      )}
                    </div>
                    {!e.readOnly && (
                      <div className="flex items-center gap-1">
                        <MoveButtons controls={controls} upLabel={t("up", { label })} downLabel={t("down", { label })} />
                        <Button type="button" variant="ghost" size="sm" onClick={() => remove(index)} aria-label={t("removeLabel", { label })} data-testid="dossier-item-remove">
                          {t("remove")}
                        </Button>
                      </div>
                    )}
                  </div>
                  <FieldError>{error}</FieldError>
                  {showNotes && (
                    <div className="mt-3 grid gap-3 lg:grid-cols-2">
                      <div>
                        <span className="mb-1 block text-sm font-semibold text-stone-900">{t("noteAr")}</span>
                        <RichTextEditor
                          value={item.noteAr}
                          onChange={(doc) => updateNote(index, "noteAr", doc)}
                          dir="rtl"
                          lang="ar"
                          label={t("noteArOf", { label })}
                          labels={richTextLabels}
                          readOnly={e.readOnly}
                          testId="dossier-item-note-ar"
                        />
                      </div>
                      <div>
                        <span className="mb-1 block text-sm font-semibold text-stone-900">{t("noteEn")}</span>
                        <RichTextEditor
                          value={item.noteEn}
                          onChange={(doc) => updateNote(index, "noteEn", doc)}
                          dir="ltr"
                          lang="en"
                          label={t("noteEnOf", { label })}
                          labels={richTextLabels}
                          readOnly={e.readOnly}
                          testId="dossier-item-note-en"
                        />
                      </div>
                    </div>
                  )}
                </div>
              );
            }}
          />
        )}
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      {!e.readOnly && <ItemPicker existing={new Set(items.map(refOf))} onAdd={add} onAnnounce={setStatus} searchRef={searchRef} />}
    </section>
  );
}

type PickerResult = { ref: string; item: Pick<Item, "articleId" | "entityId">; label: DossierItemLabel; text: string };

const SEARCH_DELAY_MS = 300;

function ItemPicker({
  existing,
  onAdd,
  onAnnounce,
  searchRef,
}: {
  existing: Set<string>;
  onAdd: (item: Pick<Item, "articleId" | "entityId">, label: DossierItemLabel) => void;
  onAnnounce: (message: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations("dossiers.picker");
  const te = useTranslations("entities");
  const ts = useTranslations("studio");
  const locale = useLocale();
  const id = useId();
  const [q, setQ] = useState("");
  const [type, setType] = useState<PickerType>("article");
  // Debounced search; a newer query or type cancels the answer of an older one.
  const search = useSearch<PickerResult>(
    q,
    async (query): Promise<ActionResult<PickerResult[]>> => {
      if (type === "article") {
        const r = await searchArticlesAction(query);
        return !r.ok
          ? r
          : {
              ok: true,
              data: r.data.map((a) => ({
                ref: `article:${a.id}`,
                item: { articleId: a.id, entityId: null },
                label: { kind: "article", title: a.title, state: a.state },
                text: a.outlet ? `${a.title} — ${a.outlet}` : a.title,
              })),
            };
      }
      const r = await searchEntitiesAction(query, type);
      return !r.ok
        ? r
        : {
            ok: true,
            data: r.data.map((en) => ({
              ref: `entity:${en.id}`,
              item: { articleId: null, entityId: en.id },
              label: { kind: "entity", type: en.type, nameAr: en.nameAr, nameEn: en.nameEn, state: en.state },
              text: locale === "ar" ? en.nameAr || en.nameEn : en.nameEn || en.nameAr,
            })),
          };
    },
    `${type}:${locale}`,
    SEARCH_DELAY_MS,
  );
  const { results, loading } = search;
  const error = search.error?.message ?? null;

  const summary = !q.trim() ? t("hint") : loading ? t("searching") : error ? "" : results && results.length === 0 ? t("noResults") : results ? t("count", { count: results.length }) : "";

  return (
    <div className="mt-4 border-t border-stone-200 pt-4" data-testid="item-picker">
      <h3 className="mb-2 font-bold">{t("heading")}</h3>
      <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <div>
          <Label htmlFor={`${id}-type`}>{t("type")}</Label>
          <Select id={`${id}-type`} value={type} onChange={(ev) => setType(ev.target.value as PickerType)} data-testid="item-add-type">
            {(["article", ...ENTITY_TYPES] as const).map((v) => (
              <option key={v} value={v}>
                {t(`types.${v}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-q`}>{t("search")}</Label>
          <Input
            ref={searchRef}
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
            data-testid="item-add-search"
          />
        </div>
      </div>
      <p id={`${id}-summary`} role="status" aria-live="polite" className="mt-2 text-sm text-stone-600">
        {summary}
      </p>
      {error && (
        <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-sm text-red-900">
          {error}
        </p>
      )}
      {results && results.length > 0 && (
        <ul aria-label={t("results")} className="mt-2 divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {results.map((r) => {
            const already = existing.has(r.ref);
            return (
              <li key={r.ref}>
                <button
                  type="button"
                  aria-disabled={already || undefined}
                  onClick={() => {
                    if (already) return;
                    onAdd(r.item, r.label);
                    onAnnounce(t("added", { label: r.text }));
                  }}
                  className={cn("flex w-full flex-wrap items-center gap-2 px-3 py-2 text-start hover:bg-stone-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60", focusRing)}
                  data-testid="item-add-result"
                >
                  <Badge tone="neutral">{r.label.kind === "entity" ? te(`types.${r.label.type}`) : t("types.article")}</Badge>
                  {r.label.kind === "entity" ? (
                    <span className="min-w-0 flex-1">
                      <span lang="ar" dir="rtl">
                        {r.label.nameAr}
                      </span>
                      <span className="text-stone-500"> · </span>
                      <span lang="en" dir="ltr">
                        {r.label.nameEn}
                      </span>
                    </span>
                  ) : (
                    <span className="min-w-0 flex-1" dir="auto">
                      {r.text}
                    </span>
                  )}
                  {WORKFLOW_STATES.includes(r.label.state) && <StateBadge state={r.label.state as WorkflowState} label={ts(`state.${r.label.state}`)} />}
                  <span className="text-sm font-semibold text-stone-700">{already ? t("alreadyAdded") : t("add")}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
