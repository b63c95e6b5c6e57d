"use client";
// The relation's editable content (lib/relations/schemas.ts relationContentSchema):
// its type, the two entities it links (picked by name or alias), the role label in
// both languages, dates at their precision, a note, and the passages that support
// it. A passage is cited by choosing an article and selecting its words in the
// article's plain text: offsets are UTF-16 offsets into that text, exactly as the
// server anchors them (it re-finds words that moved and refuses words that are gone).
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { parsePreciseDate } from "@/lib/dates";
import { RELATION_TYPES } from "@/lib/relations/schemas";
import { searchEntitiesAction } from "@/lib/entities/actions";
import { searchArticlesAction } from "@/lib/articles/actions";
import { TextField } from "@/components/studio/fields";
import { useSearch } from "@/components/studio/use-search";
import { useRecordEditor } from "@/components/studio/record-editor";
import { Badge, StateBadge, type WorkflowState } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn, focusRing } from "@/components/ui/cn";

/** An entity as the pickers show it. */
export type RelationEntityLabel = { id: string; type: string; nameAr: string; nameEn: string; state: string };

/** An article's text as citations are anchored on it. */
export type CitationArticle = { id: string; title: string; plainText: string; state: string };

/** Loads an article's plain text (a server action that checks the session). */
export type LoadCitationArticle = (articleId: string) => Promise<ActionResult<CitationArticle>>;

type Citation = { articleId: string; start: number; end: number; exact: string; note: string | null; claim?: string | null };
type Selection = { start: number; end: number; exact: string };

const WORKFLOW_STATES: readonly string[] = ["draft", "in_review", "published", "archived"];

const citationsOf = (v: unknown): Citation[] => (Array.isArray(v) ? (v as Citation[]) : []);

/** Where a citation stands against the article's current text. */
function citationStatus(c: Citation, article: CitationArticle | undefined): "anchored" | "moved" | "orphaned" | "unknown" {
  if (!article) return "unknown";
  if (article.plainText.slice(c.start, c.end) === c.exact) return "anchored";
  return article.plainText.includes(c.exact) ? "moved" : "orphaned";
}

function entityName(e: RelationEntityLabel | undefined, locale: string): string {
  if (!e) return "";
  return locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr;
}

export function RelationForm({
  entities: initialEntities,
  articles: initialArticles,
  loadArticle,
}: {
  /** labels of the entities the content already names, by id */
  entities: Record<string, RelationEntityLabel>;
  /** the cited articles' texts, by id */
  articles: Record<string, CitationArticle>;
  loadArticle: LoadCitationArticle;
}) {
  const t = useTranslations("relations");
  const tr = useTranslations("relation");
  const locale = useLocale();
  const e = useRecordEditor();
  const [entities, setEntities] = useState(initialEntities);
  const [articles, setArticles] = useState(initialArticles);
  const rememberEntity = useCallback((en: RelationEntityLabel) => setEntities((m) => ({ ...m, [en.id]: en })), []);
  const rememberArticle = useCallback((a: CitationArticle) => setArticles((m) => ({ ...m, [a.id]: a })), []);

  const type = String(e.content.type ?? "");
  const sourceId = String(e.content.sourceId ?? "");
  const targetId = String(e.content.targetId ?? "");
  const role = String((locale === "ar" ? e.content.roleAr : e.content.roleEn) ?? "");
  const typeId = useId();
  const typeError = e.fieldErrors.type;

  return (
    <div className="space-y-5" data-testid="relation-form">
      <p className="rounded border border-stone-200 bg-white p-3 text-lg" data-testid="relation-sentence">
        <span className="me-2 text-sm text-stone-600">{t("sentence.label")}</span>
        <strong>{entityName(entities[sourceId], locale) || t("sentence.source")}</strong> <em>{(RELATION_TYPES as readonly string[]).includes(type) ? tr(type) : "…"}</em>{" "}
        <strong>{entityName(entities[targetId], locale) || t("sentence.target")}</strong>
        {role.trim() ? ` (${role.trim()})` : ""}
      </p>

      <div>
        <Label htmlFor={typeId}>{t("fields.type")}</Label>
        <Select
          id={typeId}
          value={type}
          disabled={e.readOnly}
          invalid={!!typeError}
          aria-describedby={`${typeId}-hint${typeError ? ` ${typeId}-error` : ""}`}
          onChange={(ev) => e.setField("type", ev.target.value)}
          data-testid="relation-type"
        >
          {RELATION_TYPES.map((v) => (
            <option key={v} value={v}>
              {tr(v)}
            </option>
          ))}
        </Select>
        <FieldHint id={`${typeId}-hint`}>{(RELATION_TYPES as readonly string[]).includes(type) ? t(`typeHints.${type}`) : ""}</FieldHint>
        <FieldError id={`${typeId}-error`}>{typeError}</FieldError>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <EntityPicker field="sourceId" label={t("fields.source")} testId="relation-source" entities={entities} onPick={rememberEntity} />
        <EntityPicker field="targetId" label={t("fields.target")} testId="relation-target" entities={entities} onPick={rememberEntity} />
      </div>
      {!e.readOnly && (sourceId || targetId) && (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            e.setField("sourceId", targetId);
            e.setField("targetId", sourceId);
          }}
          data-testid="relation-swap"
        >
          {t("swap")}
        </Button>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="roleAr" label={t("fields.roleAr")} hint={t("fields.roleHint")} dir="rtl" />
        <TextField name="roleEn" label={t("fields.roleEn")} dir="ltr" />
      </div>

      <fieldset className="rounded border border-stone-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-stone-900">{t("fields.dates")}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <DateField name="start" label={t("fields.start")} />
          <DateField name="end" label={t("fields.end")} />
        </div>
      </fieldset>

      <TextField name="note" label={t("fields.note")} multiline />

      <CitationsEditor articles={articles} onArticle={rememberArticle} loadArticle={loadArticle} />
    </div>
  );
}

/** A date at its precision, with the precision read back as the person types. */
function DateField({ name, label }: { name: "start" | "end"; label: string }) {
  const t = useTranslations("relations");
  const e = useRecordEditor();
  const id = useId();
  const value = (e.content[name] as string | null | undefined) ?? "";
  const parsed = value.trim() ? parsePreciseDate(value) : null;
  const error = e.fieldErrors[name];
  const read = !value.trim() ? t("precision.none") : parsed ? t(`precision.${parsed.precision}`) : t("precision.invalid");
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        value={value}
        dir="ltr"
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        readOnly={e.readOnly}
        invalid={!!error || (!!value.trim() && !parsed)}
        aria-describedby={`${id}-hint ${id}-precision${error ? ` ${id}-error` : ""}`}
        onChange={(ev) => e.setField(name, ev.target.value)}
        data-testid={`field-${name}`}
      />
      <FieldHint id={`${id}-hint`}>{t("fields.dateHint")}</FieldHint>
      <p id={`${id}-precision`} className="mt-1 text-sm font-semibold text-stone-800" aria-live="polite" data-testid={`precision-${name}`}>
        {read}
      </p>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** Debounced search; a newer query cancels the answer of an older one. */
function EntityNames({ entity }: { entity: RelationEntityLabel }) {
  return (
    <>
      <span lang="ar" dir="rtl">
        {entity.nameAr}
      </span>
      <span className="text-stone-500"> · </span>
      <span lang="en" dir="ltr">
        {entity.nameEn}
      </span>
    </>
  );
}

function EntityPicker({
  field,
  label,
  testId,
  entities,
  onPick,
}: {
  field: "sourceId" | "targetId";
  label: string;
  testId: string;
  entities: Record<string, RelationEntityLabel>;
  onPick: (e: RelationEntityLabel) => void;
}) {
  const t = useTranslations("relations.picker");
  const te = useTranslations("entities");
  const ts = useTranslations("studio");
  const locale = useLocale();
  const e = useRecordEditor();
  const id = useId();
  const value = String(e.content[field] ?? "");
  const chosen = value ? entities[value] : undefined;
  const [searching, setSearching] = useState(!value);
  const [q, setQ] = useState("");
  const [type, setType] = useState("");
  const run = useCallback((query: string) => searchEntitiesAction(query, type || undefined), [type]);
  const search = useSearch<RelationEntityLabel>(q, run, type);
  const { results, loading } = search;
  const error = search.error?.message ?? null;
  const fieldError = e.fieldErrors[field];
  const other = String(e.content[field === "sourceId" ? "targetId" : "sourceId"] ?? "");
  const summary = !q.trim() ? t("hint") : loading ? t("searching") : error ? "" : results && results.length === 0 ? t("noResults") : results ? t("count", { count: results.length }) : "";

  return (
    <fieldset className="rounded border border-stone-200 bg-white p-3" aria-describedby={fieldError ? `${id}-error` : undefined} data-testid={testId}>
      <legend className="px-1 text-sm font-semibold text-stone-900">{label}</legend>
      {value ? (
        <div className="mb-2" data-testid="entity-picker-chosen" data-entity-id={value}>
          {chosen ? (
            <>
              <div className="mb-1 flex flex-wrap items-center gap-1.5">
                <Badge tone="neutral">{te.has(`types.${chosen.type}`) ? te(`types.${chosen.type}`) : chosen.type}</Badge>
                {WORKFLOW_STATES.includes(chosen.state) && <StateBadge state={chosen.state as WorkflowState} label={ts(`state.${chosen.state}`)} />}
              </div>
              <p className="font-semibold">
                <EntityNames entity={chosen} />
              </p>
              <a href={`/${locale}/studio/entities/${value}`} target="_blank" rel="noreferrer" className="text-sm">
                {t("open")}
              </a>
            </>
          ) : (
            <p className="text-sm text-stone-700" dir="ltr">
              {value}
            </p>
          )}
          {!e.readOnly && !searching && (
            <Button type="button" variant="ghost" size="sm" className="ms-2" onClick={() => setSearching(true)} data-testid="entity-picker-change">
              {t("change")}
            </Button>
          )}
        </div>
      ) : (
        <p className="mb-2 text-sm text-stone-600">{t("none")}</p>
      )}
      <FieldError id={`${id}-error`}>{fieldError}</FieldError>
      {!e.readOnly && searching && (
        <div>
          <div className="grid gap-2 sm:grid-cols-[9rem_minmax(0,1fr)]">
            <div>
              <Label htmlFor={`${id}-type`} className="text-xs">
                {t("type")}
              </Label>
              <Select id={`${id}-type`} value={type} onChange={(ev) => setType(ev.target.value)} data-testid="entity-picker-type">
                <option value="">{t("anyType")}</option>
                {(["person", "organization", "event", "place"] as const).map((v) => (
                  <option key={v} value={v}>
                    {te(`types.${v}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor={`${id}-q`} className="text-xs">
                {t("search")}
              </Label>
              <Input
                id={`${id}-q`}
                type="search"
                dir="auto"
                autoComplete="off"
                value={q}
                placeholder={t("placeholder")}
                onChange={(ev) => setQ(ev.target.value)}
                onKeyDown={(ev) => {
                  if (ev.key === "Enter") ev.preventDefault();
                }}
                aria-describedby={`${id}-summary`}
                data-testid="entity-picker-search"
              />
            </div>
          </div>
          <p id={`${id}-summary`} role="status" aria-live="polite" className="mt-1 text-sm text-stone-600">
            {summary}
          </p>
          {error && (
            <p role="alert" className="mt-1 rounded bg-red-50 p-2 text-sm text-red-900">
              {error}
            </p>
          )}
          {results && results.length > 0 && (
            <ul aria-label={t("results")} className="mt-2 max-h-64 divide-y divide-stone-200 overflow-y-auto rounded border border-stone-200">
              {results.map((r) => {
                const same = r.id === other;
                return (
                  <li key={r.id}>
                    <button
                      type="button"
                      aria-disabled={same || undefined}
                      onClick={() => {
                        if (same) return;
                        onPick(r);
                        e.setField(field, r.id);
                        setSearching(false);
                        setQ("");
                      }}
                      className={cn("flex w-full flex-wrap items-center gap-2 px-3 py-2 text-start hover:bg-stone-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60", focusRing)}
                      data-testid="entity-picker-result"
                    >
                      <Badge tone="neutral">{te.has(`types.${r.type}`) ? te(`types.${r.type}`) : r.type}</Badge>
                      <span className="min-w-0 flex-1">
                        <EntityNames entity={r} />
                      </span>
                      {WORKFLOW_STATES.includes(r.state) && <StateBadge state={r.state as WorkflowState} label={ts(`state.${r.state}`)} />}
                      <span className="text-sm font-semibold text-stone-700">{same ? t("otherEnd") : t("choose")}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {value && (
            <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => setSearching(false)}>
              {t("cancel")}
            </Button>
          )}
        </div>
      )}
    </fieldset>
  );
}

// ───────────────────────────── citations

function CitationsEditor({
  articles,
  onArticle,
  loadArticle,
}: {
  articles: Record<string, CitationArticle>;
  onArticle: (a: CitationArticle) => void;
  loadArticle: LoadCitationArticle;
}) {
  const t = useTranslations("relations.citations");
  const locale = useLocale();
  const e = useRecordEditor();
  const citations = citationsOf(e.content.citations);
  const headingId = useId();
  const [status, setStatus] = useState("");
  const listError = e.fieldErrors.citations;

  const setCitations = (next: Citation[]) => e.setField("citations", next);
  const remove = (index: number) => {
    setStatus(t("removed", { quote: citations[index]?.exact.slice(0, 60) ?? "" }));
    setCitations(citations.filter((_, i) => i !== index));
  };
  const setNote = (index: number, note: string) => setCitations(citations.map((c, i) => (i === index ? { ...c, note: note === "" ? null : note } : c)));
  const setClaim = (index: number, claim: string) => setCitations(citations.map((c, i) => (i === index ? { ...c, claim: claim.trim() === "" ? null : claim.trim() } : c)));

  return (
    <section aria-labelledby={headingId} className="rounded border border-stone-200 bg-stone-50 p-3" data-testid="citations">
      <h2 id={headingId} className="text-lg font-bold">
        {t("heading")}
      </h2>
      <FieldHint className="mt-0 mb-3">{t("hint")}</FieldHint>
      <FieldError>{listError}</FieldError>
      {citations.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-center text-sm text-stone-600" data-testid="citations-empty">
          {t("empty")}
        </p>
      ) : (
        <ol className="space-y-3">
          {citations.map((c, i) => {
            const article = articles[c.articleId];
            const st = citationStatus(c, article);
            const error = e.fieldErrors[`citations.${i}`] ?? e.fieldErrors[`citations.${i}.exact`] ?? e.fieldErrors[`citations.${i}.note`] ?? e.fieldErrors[`citations.${i}.claim`];
            return (
              <li
                key={`${c.articleId}:${c.start}:${c.end}:${i}`}
                className={cn("rounded border bg-white p-3", st === "orphaned" ? "border-red-400" : "border-stone-300")}
                data-testid="citation-row"
                data-status={st}
              >
                <blockquote dir="rtl" lang="ar" className="border-s-4 border-amber-300 ps-3 leading-loose" data-testid="citation-quote">
                  «{c.exact}»
                </blockquote>
                <p className="mt-1 text-sm">
                  {t("inArticle")}{" "}
                  <a href={`/${locale}/studio/articles/${c.articleId}#p-${c.start}`} target="_blank" rel="noreferrer" dir="auto" data-testid="citation-article">
                    {article?.title ?? c.articleId}
                  </a>
                </p>
                {st === "orphaned" && (
                  <p role="note" className="mt-2 rounded bg-red-50 p-2 text-sm font-semibold text-red-900" data-testid="citation-orphaned">
                    {t("orphaned")}
                  </p>
                )}
                {st === "moved" && (
                  <p role="note" className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-950" data-testid="citation-moved">
                    {t("moved")}
                  </p>
                )}
                <div className="mt-2 flex flex-wrap items-end gap-2">
                  <div className="min-w-48 flex-1">
                    <Label htmlFor={`${headingId}-note-${i}`} className="text-xs">
                      {t("note")}
                    </Label>
                    <Input
                      id={`${headingId}-note-${i}`}
                      dir="auto"
                      value={c.note ?? ""}
                      readOnly={e.readOnly}
                      onChange={(ev) => setNote(i, ev.target.value)}
                      data-testid="citation-note"
                    />
                  </div>
                  <div className="w-40">
                    <Label htmlFor={`${headingId}-claim-${i}`} className="text-xs">
                      {t("claim")}
                    </Label>
                    <Input
                      id={`${headingId}-claim-${i}`}
                      dir="ltr"
                      placeholder="YYYY-MM-DD"
                      value={c.claim ?? ""}
                      readOnly={e.readOnly}
                      onChange={(ev) => setClaim(i, ev.target.value)}
                      data-testid="citation-claim"
                    />
                  </div>
                  {!e.readOnly && (
                    <Button type="button" variant="ghost" size="sm" onClick={() => remove(i)} aria-label={t("removeLabel", { quote: c.exact.slice(0, 60) })} data-testid="citation-remove">
                      {t("remove")}
                    </Button>
                  )}
                </div>
                <FieldError>{error}</FieldError>
              </li>
            );
          })}
        </ol>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      {!e.readOnly && (
        <CitationPicker
          articles={articles}
          onArticle={onArticle}
          loadArticle={loadArticle}
          citations={citations}
          onAdd={(c) => {
            setCitations([...citations, c]);
            setStatus(t("added", { quote: c.exact.slice(0, 60) }));
          }}
        />
      )}
    </section>
  );
}

/** The UTF-16 offset of a DOM boundary point inside `root` (the text before it). */
function offsetWithin(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The DOM boundary point of a text offset inside `root`. */
function pointAt(root: Node, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.data.length) return { node: n, offset: left };
    left -= n.data.length;
    last = n;
  }
  return last ? { node: last, offset: last.data.length } : { node: root, offset: 0 };
}

/** A selection's offsets in `text`, without the spaces and line breaks at its ends. */
function trimmed(text: string, a: number, b: number): Selection | null {
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(text.length, Math.max(a, b));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, exact: text.slice(start, end) } : null;
}

function CitationPicker({
  articles,
  onArticle,
  loadArticle,
  citations,
  onAdd,
}: {
  articles: Record<string, CitationArticle>;
  onArticle: (a: CitationArticle) => void;
  loadArticle: LoadCitationArticle;
  citations: Citation[];
  onAdd: (c: Citation) => void;
}) {
  const t = useTranslations("relations.citationPicker");
  const ts = useTranslations("studio");
  const id = useId();
  const [q, setQ] = useState("");
  const [articleId, setArticleId] = useState<string | null>(null);
  const [loadingArticle, setLoadingArticle] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [note, setNote] = useState("");
  const [find, setFind] = useState("");
  const [findMessage, setFindMessage] = useState("");
  const [addError, setAddError] = useState("");
  const boxRef = useRef<HTMLDivElement>(null);
  const search = useSearch<{ id: string; title: string; state: string; outlet: string | null }>(articleId ? "" : q, searchArticlesAction);
  const { results, loading } = search;
  const error = search.error?.message ?? null;
  const article = articleId ? articles[articleId] : undefined;
  const text = article?.plainText ?? "";

  const choose = async (idToLoad: string) => {
    setLoadError(null);
    setSelection(null);
    if (!articles[idToLoad]) {
      setLoadingArticle(true);
      const r = await loadArticle(idToLoad);
      setLoadingArticle(false);
      if (!r.ok) {
        setLoadError(r.error.message);
        return;
      }
      onArticle(r.data);
    }
    setArticleId(idToLoad);
  };

  // The words selected inside the text box. A selection that leaves the box (the
  // focus moved to the note or the Add button) keeps the last one; a click in the
  // box without a selection clears it.
  useEffect(() => {
    if (!article) return;
    const onChange = () => {
      const box = boxRef.current;
      const sel = document.getSelection();
      if (!box || !sel || sel.rangeCount === 0) return;
      const range = sel.getRangeAt(0);
      if (!range.intersectsNode(box)) return;
      const startIn = box.contains(range.startContainer);
      const endIn = box.contains(range.endContainer);
      if (!startIn && !endIn) return; // the box lies inside a larger selection
      if (range.collapsed) {
        setSelection(null);
        return;
      }
      const a = startIn ? offsetWithin(box, range.startContainer, range.startOffset) : 0;
      const b = endIn ? offsetWithin(box, range.endContainer, range.endOffset) : text.length;
      setSelection(trimmed(text, a, b));
      setAddError("");
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [article, text]);

  /** Selects words found by typing them (for the keyboard), and shows them selected in the box. */
  const findWords = () => {
    const words = find.trim();
    if (!words || !text) return;
    const from = selection && text.slice(selection.start, selection.end) === words ? selection.start + 1 : 0;
    let at = text.indexOf(words, from);
    if (at === -1 && from > 0) at = text.indexOf(words);
    if (at === -1) {
      setFindMessage(t("notFound"));
      return;
    }
    setFindMessage(t("found"));
    const s = { start: at, end: at + words.length, exact: words };
    setSelection(s);
    const box = boxRef.current;
    if (box) {
      const a = pointAt(box, s.start);
      const b = pointAt(box, s.end);
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      const sel = document.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(r);
      (a.node.parentElement ?? box).scrollIntoView({ block: "nearest" });
    }
  };

  const add = () => {
    if (!articleId || !selection) return;
    if (citations.some((c) => c.articleId === articleId && c.start === selection.start && c.end === selection.end)) {
      setAddError(t("duplicate"));
      return;
    }
    onAdd({ articleId, start: selection.start, end: selection.end, exact: selection.exact, note: note.trim() || null });
    setSelection(null);
    setNote("");
    setAddError("");
    document.getSelection()?.removeAllRanges();
  };

  const summary = !q.trim() ? t("hint") : loading ? t("searching") : error ? "" : results && results.length === 0 ? t("noResults") : results ? t("count", { count: results.length }) : "";

  return (
    <div className="mt-4 border-t border-stone-200 pt-4" data-testid="citation-picker">
      <h3 className="mb-2 font-bold">{t("heading")}</h3>
      {!articleId ? (
        <div>
          <Label htmlFor={`${id}-q`}>{t("articleSearch")}</Label>
          <Input
            id={`${id}-q`}
            type="search"
            dir="auto"
            autoComplete="off"
            value={q}
            placeholder={t("placeholder")}
            onChange={(ev) => setQ(ev.target.value)}
            onKeyDown={(ev) => {
              if (ev.key === "Enter") ev.preventDefault();
            }}
            aria-describedby={`${id}-summary`}
            data-testid="citation-article-search"
          />
          <p id={`${id}-summary`} role="status" aria-live="polite" className="mt-1 text-sm text-stone-600">
            {loadingArticle ? t("loading") : summary}
          </p>
          {(error || loadError) && (
            <p role="alert" className="mt-1 rounded bg-red-50 p-2 text-sm text-red-900">
              {error ?? loadError}
            </p>
          )}
          {results && results.length > 0 && (
            <ul aria-label={t("results")} className="mt-2 max-h-64 divide-y divide-stone-200 overflow-y-auto rounded border border-stone-200 bg-white">
              {results.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    disabled={loadingArticle}
                    onClick={() => void choose(r.id)}
                    className={cn("flex w-full flex-wrap items-center gap-2 px-3 py-2 text-start hover:bg-stone-50 disabled:opacity-60", focusRing)}
                    data-testid="citation-article-result"
                  >
                    <span className="min-w-0 flex-1" dir="auto">
                      {r.outlet ? `${r.title} — ${r.outlet}` : r.title}
                    </span>
                    {WORKFLOW_STATES.includes(r.state) && <StateBadge state={r.state as WorkflowState} label={ts(`state.${r.state}`)} />}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : article ? (
        <div>
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <p className="min-w-0 flex-1 font-semibold" dir="auto" data-testid="citation-article-title">
              {article.title}
            </p>
            {WORKFLOW_STATES.includes(article.state) && <StateBadge state={article.state as WorkflowState} label={ts(`state.${article.state}`)} />}
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => {
                setArticleId(null);
                setSelection(null);
              }}
              data-testid="citation-article-change"
            >
              {t("chooseAnother")}
            </Button>
          </div>
          {article.state !== "published" && <p className="mb-2 text-sm text-amber-900">{t("unpublishedArticle")}</p>}
          <p id={`${id}-text-hint`} className="mb-1 text-sm text-stone-700">
            {t("textHint")}
          </p>
          <ArticleText boxRef={boxRef} text={text} cited={citations.filter((c) => c.articleId === articleId)} label={t("textLabel", { title: article.title })} describedBy={`${id}-text-hint`} />
          <div className="mt-2 rounded border border-stone-200 bg-white p-2 text-sm" aria-live="polite" data-testid="citation-selection" data-start={selection?.start} data-end={selection?.end}>
            {selection ? (
              <>
                <span className="font-semibold">{t("selected")}</span>{" "}
                <span dir="rtl" lang="ar" data-testid="citation-selection-text">
                  «{selection.exact}»
                </span>
              </>
            ) : (
              <span className="text-stone-600">{t("noSelection")}</span>
            )}
          </div>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <div className="min-w-48 flex-1">
              <Label htmlFor={`${id}-find`} className="text-xs">
                {t("find")}
              </Label>
              <Input
                id={`${id}-find`}
                dir="auto"
                value={find}
                onChange={(ev) => {
                  setFind(ev.target.value);
                  setFindMessage("");
                }}
                onKeyDown={(ev) => {
                  if (ev.key === "Enter") {
                    ev.preventDefault();
                    findWords();
                  }
                }}
                aria-describedby={`${id}-find-status`}
                data-testid="citation-find"
              />
            </div>
            <Button type="button" variant="secondary" size="sm" onClick={findWords} disabled={!find.trim()} data-testid="citation-find-button">
              {t("findButton")}
            </Button>
          </div>
          <p id={`${id}-find-status`} role="status" className="mt-1 text-sm text-stone-600">
            {findMessage}
          </p>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <div className="min-w-48 flex-1">
              <Label htmlFor={`${id}-note`} className="text-xs">
                {t("note")}
              </Label>
              <Input id={`${id}-note`} dir="auto" value={note} onChange={(ev) => setNote(ev.target.value)} data-testid="citation-new-note" />
            </div>
            <Button type="button" onClick={add} disabled={!selection} data-testid="citation-add">
              {t("add")}
            </Button>
          </div>
          <FieldError>{addError}</FieldError>
        </div>
      ) : (
        <p className="text-sm text-stone-600">{t("loading")}</p>
      )}
    </div>
  );
}

/**
 * The article's plain text, exactly: text nodes only (passages already cited are
 * marked), so the offsets of a selection are offsets into the plain text.
 */
function ArticleText({
  boxRef,
  text,
  cited,
  label,
  describedBy,
}: {
  boxRef: RefObject<HTMLDivElement | null>;
  text: string;
  cited: Citation[];
  label: string;
  describedBy: string;
}) {
  const parts = useMemo(() => {
    const spans = cited
      .filter((c) => text.slice(c.start, c.end) === c.exact)
      .map((c) => [c.start, c.end] as const)
      .sort((a, b) => a[0] - b[0]);
    const out: ReactNode[] = [];
    let at = 0;
    for (const [s, e] of spans) {
      if (e <= at) continue;
      const from = Math.max(s, at);
      if (from > at) out.push(text.slice(at, from));
      out.push(
        <mark key={`${from}-${e}`} className="rounded-sm bg-amber-100 text-stone-950" data-cited="">
          {text.slice(from, e)}
        </mark>,
      );
      at = e;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }, [text, cited]);
  return (
    <div
      ref={boxRef}
      dir="rtl"
      lang="ar"
      role="document"
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      style={{ whiteSpace: "pre-wrap" }}
      className={cn("max-h-96 overflow-y-auto rounded border border-stone-300 bg-white p-3 leading-loose select-text", focusRing)}
      data-testid="citation-text"
    >
      {parts}
    </div>
  );
}
