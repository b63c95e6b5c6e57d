"use client";
// The studio's article reader: the article's text with every linked passage
// highlighted. Select words (with the mouse, or by typing them) to link them to an
// entity — found by any name or alias, or created on the spot — or to annotate them.
// Suggestions are confirmed or rejected one by one or in bulk; spelling variants can
// be added as aliases; passages orphaned by a text correction are fixed here.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createMentionAction, decideMentionsAction, deleteMentionAction, reanchorAction, addAliasAction, suggestAgainAction } from "@/lib/mentions/actions";
import { searchEntitiesAction } from "@/lib/entities/actions";
import { createRecordAction } from "@/lib/records/actions";
import type { StudioPassage } from "@/lib/mentions/data";
import { docToPlainText, type RichTextDoc } from "@/lib/rich-text/document";
import { Button } from "@/components/ui/button";
import { useSearch } from "@/components/studio/use-search";
import { Input, Label, Textarea, FieldError } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

type Proposal = { entityId: string; start: number; end: number; matched: string; name: string; entity: { nameAr: string; nameEn: string; type: string } };
type Sel = { start: number; end: number; exact: string };
type EntityHit = { id: string; type: string; nameAr: string; nameEn: string; state: string };
const TYPES = ["person", "organization", "event", "place"] as const;
type Act = <T>(work: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done: string) => Promise<boolean>;

/** Splits the text at every passage boundary: each piece knows which passages cover it. */
function segments(text: string, passages: StudioPassage[]) {
  const live = passages.filter((p) => p.anchorStatus === "anchored" && p.end <= text.length && p.start < p.end);
  const cuts = new Set<number>([0, text.length]);
  for (const p of live) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; covering: StudioPassage[] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, covering: live.filter((p) => p.start <= start && end <= p.end) });
  }
  return out;
}

export function ArticleReader({
  articleId,
  text,
  passages,
  proposals,
  canDecide,
}: {
  articleId: string;
  text: string;
  passages: StudioPassage[];
  proposals: Proposal[];
  canDecide: boolean;
}) {
  const t = useTranslations("reader");
  const te = useTranslations("entity.type");
  const locale = useLocale();
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const [sel, setSel] = useState<Sel | null>(null);
  const [focused, setFocused] = useState<string[]>([]);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const segs = useMemo(() => segments(text, passages), [text, passages]);
  const byId = useMemo(() => new Map(passages.map((p) => [p.id, p])), [passages]);
  const suggestions = passages.filter((p) => p.kind === "mention" && p.state === "suggested" && p.anchorStatus === "anchored");
  const orphaned = passages.filter((p) => p.anchorStatus === "orphaned");
  const name = (e: { nameAr: string; nameEn: string }) => (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr);

  // The selection inside the text, as UTF-16 offsets into the plain text.
  const readSelection = useCallback(() => {
    const box = textRef.current;
    const s = window.getSelection();
    if (!box || !s || s.rangeCount === 0 || s.isCollapsed) return;
    const range = s.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    const pre = document.createRange();
    pre.selectNodeContents(box);
    pre.setEnd(range.startContainer, range.startOffset);
    let start = pre.toString().length;
    let end = start + range.toString().length;
    // trim spaces the mouse caught at the edges
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) setSel({ start, end, exact: text.slice(start, end) });
  }, [text]);

  useEffect(() => {
    const onUp = () => setTimeout(readSelection, 0);
    document.addEventListener("mouseup", onUp);
    document.addEventListener("keyup", onUp);
    return () => {
      document.removeEventListener("mouseup", onUp);
      document.removeEventListener("keyup", onUp);
    };
  }, [readSelection]);

  async function act<T>(work: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done: string) {
    setBusy(true);
    setMessage(null);
    const r = await work();
    setBusy(false);
    if (!r.ok) {
      setMessage({ tone: "error", text: r.error.message });
      return false;
    }
    setMessage({ tone: "ok", text: done });
    router.refresh();
    return true;
  }

  const decide = (ids: string[], decision: "confirmed" | "rejected") =>
    act(() => decideMentionsAction({ ids, decision }), t(decision === "confirmed" ? "confirmedN" : "rejectedN", { count: ids.length })).then((ok) => ok && setChecked(new Set()));

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div>
        <p className="mb-2 text-sm text-stone-600">{t("howTo")}</p>
        <div
          ref={textRef}
          dir="rtl"
          lang="ar"
          className="prose-ar max-w-none rounded border border-stone-200 bg-white p-5 whitespace-pre-wrap"
          data-testid="reader-text"
        >
          {segs.map((s) => {
            const piece = text.slice(s.start, s.end);
            if (!s.covering.length) return <span key={s.start}>{piece}</span>;
            // a confirmed link colours the words before a mere suggestion
            const mention = s.covering.find((p) => p.kind === "mention" && p.state === "confirmed") ?? s.covering.find((p) => p.kind === "mention");
            const note = s.covering.find((p) => p.kind === "annotation");
            const firstOf = s.covering.find((p) => p.start === s.start);
            return (
              <mark
                key={s.start}
                id={firstOf ? `p-${s.start}` : undefined}
                tabIndex={0}
                data-passages={s.covering.map((p) => p.id).join(" ")}
                data-state={mention?.state}
                data-type={mention?.entity?.type}
                aria-label={s.covering.map((p) => (p.kind === "mention" && p.entity ? `${name(p.entity)} (${t(`state.${p.state}`)})` : t("note"))).join("، ")}
                onFocus={() => setFocused(s.covering.map((p) => p.id))}
                onMouseEnter={() => setFocused(s.covering.map((p) => p.id))}
                className={cn(
                  "cursor-pointer rounded-sm text-inherit",
                  mention ? "passage-mention" : "bg-transparent",
                  mention?.state === "suggested" && "passage-suggested",
                  note && "passage-note",
                  focused.some((id) => s.covering.some((p) => p.id === id)) && "outline outline-2 outline-sky-600",
                )}
              >
                {piece}
              </mark>
            );
          })}
        </div>
      </div>

      <aside className="space-y-4">
        {message && (
          <p role={message.tone === "error" ? "alert" : "status"} className={cn("rounded p-2 text-sm", message.tone === "error" ? "bg-red-50 text-red-900" : "bg-emerald-50 text-emerald-900")} data-testid="reader-message">
            {message.text}
          </p>
        )}

        <FindWords text={text} onFound={setSel} />

        {sel && (
          <SelectionPanel
            key={`${sel.start}-${sel.end}`}
            sel={sel}
            articleId={articleId}
            busy={busy}
            onAct={act}
            onClear={() => setSel(null)}
            orphaned={orphaned}
          />
        )}

        {focused.length > 0 && (
          <section className="rounded border border-stone-200 bg-white p-3" data-testid="passage-inspector" aria-live="polite">
            <h2 className="mb-2 font-semibold">{t("inspector")}</h2>
            <ul className="space-y-2 text-sm">
              {focused.map((id) => byId.get(id)).filter((p): p is StudioPassage => !!p).map((p) => (
                <li key={p.id} className="space-y-1">
                  {p.kind === "mention" && p.entity ? (
                    <>
                      <div className="flex flex-wrap items-center gap-2">
                        <a href={`/${locale}/studio/entities/${p.entity.id}`} className="font-semibold">
                          {name(p.entity)}
                        </a>
                        <Badge>{te(p.entity.type)}</Badge>
                        <Badge tone={p.state === "confirmed" ? "success" : "warning"}>{t(`state.${p.state}`)}</Badge>
                      </div>
                      {canDecide && (
                        <div className="flex gap-2">
                          {p.state !== "confirmed" && (
                            <Button size="sm" type="button" disabled={busy} onClick={() => void decide([p.id], "confirmed")}>
                              {t("confirm")}
                            </Button>
                          )}
                          <Button size="sm" type="button" variant="secondary" disabled={busy} onClick={() => void decide([p.id], "rejected")}>
                            {t("reject")}
                          </Button>
                          <Button size="sm" type="button" variant="ghost" disabled={busy} onClick={() => void act(() => deleteMentionAction(p.id), t("removed"))}>
                            {t("remove")}
                          </Button>
                        </div>
                      )}
                    </>
                  ) : (
                    <>
                      <div className="flex items-center gap-2">
                        <a href={`/${locale}/studio/annotations/${p.id}`} className="font-semibold">
                          {t("note")}
                        </a>
                        <Badge>{t(`visibility.${p.note?.visibility ?? "internal"}`)}</Badge>
                      </div>
                      <p dir="auto">{docToPlainText(p.note?.text as RichTextDoc)}</p>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="rounded border border-stone-200 bg-white p-3" data-testid="suggestions">
          <div className="mb-2 flex items-center gap-2">
            <h2 className="font-semibold">{t("suggestions", { count: suggestions.length })}</h2>
            <Button size="sm" variant="ghost" type="button" className="ms-auto" disabled={busy} onClick={() => void act(() => suggestAgainAction(articleId), t("searched"))} data-testid="suggest-again">
              {t("suggestAgain")}
            </Button>
          </div>
          {suggestions.length === 0 ? (
            <p className="text-sm text-stone-600">{t("noSuggestions")}</p>
          ) : (
            <>
              {canDecide && (
                <div className="mb-2 flex flex-wrap gap-2">
                  <label className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      checked={checked.size === suggestions.length}
                      onChange={(e) => setChecked(e.target.checked ? new Set(suggestions.map((s) => s.id)) : new Set())}
                      data-testid="select-all-suggestions"
                    />
                    {t("selectAll")}
                  </label>
                  <Button size="sm" type="button" disabled={busy || checked.size === 0} onClick={() => void decide([...checked], "confirmed")} data-testid="confirm-selected">
                    {t("confirmSelected", { count: checked.size })}
                  </Button>
                  <Button size="sm" variant="secondary" type="button" disabled={busy || checked.size === 0} onClick={() => void decide([...checked], "rejected")} data-testid="reject-selected">
                    {t("rejectSelected", { count: checked.size })}
                  </Button>
                </div>
              )}
              <ul className="max-h-80 space-y-1 overflow-auto text-sm">
                {suggestions.map((s) => (
                  <li key={s.id} className="flex items-start gap-2" data-testid="suggestion">
                    {canDecide && (
                      <input
                        type="checkbox"
                        aria-label={`${s.exact} → ${s.entity ? name(s.entity) : ""}`}
                        checked={checked.has(s.id)}
                        onChange={(e) => {
                          const next = new Set(checked);
                          if (e.target.checked) next.add(s.id);
                          else next.delete(s.id);
                          setChecked(next);
                        }}
                      />
                    )}
                    <a href={`#p-${s.start}`} dir="rtl" className="text-stone-900">
                      «{s.exact}»
                    </a>
                    <span className="text-stone-600">→ {s.entity ? name(s.entity) : ""}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        {proposals.length > 0 && (
          <section className="rounded border border-stone-200 bg-white p-3" data-testid="alias-proposals">
            <h2 className="mb-1 font-semibold">{t("proposals")}</h2>
            <p className="mb-2 text-xs text-stone-600">{t("proposalsHint")}</p>
            <ul className="space-y-2 text-sm">
              {proposals.map((p) => (
                <li key={`${p.entityId}-${p.start}`} className="flex flex-wrap items-center gap-2">
                  <span dir="rtl">«{p.matched}»</span>
                  <span className="text-stone-600">{t("looksLike", { name: p.name, entity: name(p.entity) })}</span>
                  <Button size="sm" variant="secondary" type="button" disabled={busy} onClick={() => void act(() => addAliasAction({ entityId: p.entityId, name: p.matched, lang: "ar" }), t("aliasAdded"))} data-testid="add-alias">
                    {t("addAlias")}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {orphaned.length > 0 && (
          <section className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="orphaned">
            <h2 className="mb-1 font-semibold">{t("orphanedTitle", { count: orphaned.length })}</h2>
            <p className="mb-2 text-xs">{t("orphanedHint")}</p>
            <ul className="space-y-1 text-sm">
              {orphaned.map((o) => (
                <li key={o.id} dir="rtl">
                  «{o.exact}» {o.kind === "mention" && o.entity ? `→ ${name(o.entity)}` : `(${t("note")})`}
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}

function FindWords({ text: full, onFound }: { text: string; onFound: (s: Sel) => void }) {
  const t = useTranslations("reader");
  const [q, setQ] = useState("");
  const [miss, setMiss] = useState(false);
  return (
    <form
      className="rounded border border-stone-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const i = full.indexOf(q.trim());
        setMiss(i < 0);
        if (i >= 0 && q.trim()) {
          onFound({ start: i, end: i + q.trim().length, exact: q.trim() });
          document.getElementById(`p-${i}`)?.scrollIntoView({ block: "center" });
        }
      }}
    >
      <Label htmlFor="find-words">{t("findWords")}</Label>
      <div className="flex gap-2">
        <Input id="find-words" value={q} onChange={(e) => setQ(e.target.value)} dir="auto" data-testid="find-words" />
        <Button type="submit" size="sm" variant="secondary">
          {t("select")}
        </Button>
      </div>
      {miss && <FieldError>{t("notFound")}</FieldError>}
    </form>
  );
}

function SelectionPanel({
  sel: s,
  articleId: aid,
  busy: working,
  onAct,
  onClear,
  orphaned: lost,
}: {
  sel: Sel;
  articleId: string;
  busy: boolean;
  onAct: Act;
  onClear: () => void;
  orphaned: StudioPassage[];
}) {
  const t = useTranslations("reader");
  const te = useTranslations("entity.type");
  const locale = useLocale();
  const name = (e: { nameAr: string; nameEn: string }) => (locale === "ar" ? e.nameAr || e.nameEn : e.nameEn || e.nameAr);
  const [mode, setMode] = useState<"link" | "note">("link");
  const [q, setQ] = useState(s.exact);
  const [creating, setCreating] = useState(false);
  const [newType, setNewType] = useState<(typeof TYPES)[number]>("person");
  const [nameAr, setNameAr] = useState(s.exact);
  const [nameEn, setNameEn] = useState("");
  const [note, setNote] = useState("");
  const [visibility, setVisibility] = useState<"internal" | "public">("internal");

  const search = useSearch<EntityHit>(mode === "link" ? q : "", (query) => searchEntitiesAction(query), "", 250);
  const hits = search.error ? [] : search.results;

  const passage = { articleId: aid, start: s.start, end: s.end, exact: s.exact };
  const link = (entityId: string) => onAct(() => createMentionAction({ ...passage, entityId }), t("linked")).then((ok) => ok && onClear());

  return (
    <section className="rounded border-2 border-sky-400 bg-white p-3" data-testid="selection-panel">
      <div className="mb-2 flex items-start gap-2">
        <p className="flex-1 text-sm">
          {t("selected")} <q dir="rtl" className="font-semibold">{s.exact}</q>
        </p>
        <Button size="sm" variant="ghost" type="button" onClick={onClear} aria-label={t("clear")}>
          ×
        </Button>
      </div>
      <div className="mb-3 flex gap-2" role="tablist">
        <Button size="sm" type="button" role="tab" aria-selected={mode === "link"} variant={mode === "link" ? "primary" : "secondary"} onClick={() => setMode("link")} data-testid="mode-link">
          {t("linkEntity")}
        </Button>
        <Button size="sm" type="button" role="tab" aria-selected={mode === "note"} variant={mode === "note" ? "primary" : "secondary"} onClick={() => setMode("note")} data-testid="mode-note">
          {t("annotate")}
        </Button>
      </div>
      {mode === "link" ? (
        <div className="space-y-2">
          <Label htmlFor="entity-search">{t("searchEntity")}</Label>
          <Input id="entity-search" value={q} onChange={(e) => setQ(e.target.value)} dir="auto" data-testid="entity-search" />
          {hits && hits.length === 0 && <p className="text-sm text-stone-600">{t("noEntity")}</p>}
          <ul className="space-y-1">
            {hits?.map((h) => (
              <li key={h.id}>
                <button type="button" className="w-full rounded border border-stone-200 px-2 py-1 text-start hover:bg-stone-50" disabled={working} onClick={() => void link(h.id)} data-testid="entity-result">
                  <span className="font-semibold">{name(h)}</span> <span className="text-xs text-stone-600">· {te(h.type)} · {h.nameEn}</span>
                </button>
              </li>
            ))}
          </ul>
          {!creating ? (
            <Button size="sm" variant="ghost" type="button" onClick={() => setCreating(true)} data-testid="create-entity">
              {t("createEntity")}
            </Button>
          ) : (
            <form
              className="space-y-2 rounded bg-stone-50 p-2"
              onSubmit={(e) => {
                e.preventDefault();
                void onAct(async () => {
                  const c = await createRecordAction("entity", { type: newType, nameAr, nameEn });
                  if (!c.ok) return c;
                  return createMentionAction({ ...passage, entityId: c.data.id });
                }, t("createdAndLinked")).then((ok) => ok && onClear());
              }}
              data-testid="create-entity-form"
            >
              <Label htmlFor="new-type">{t("type")}</Label>
              <Select id="new-type" value={newType} onChange={(e) => setNewType(e.target.value as (typeof TYPES)[number])} data-testid="new-entity-type">
                {TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {te(ty)}
                  </option>
                ))}
              </Select>
              <Label htmlFor="new-ar">{t("nameAr")}</Label>
              <Input id="new-ar" value={nameAr} onChange={(e) => setNameAr(e.target.value)} dir="rtl" required data-testid="new-entity-ar" />
              <Label htmlFor="new-en">{t("nameEn")}</Label>
              <Input id="new-en" value={nameEn} onChange={(e) => setNameEn(e.target.value)} dir="ltr" required data-testid="new-entity-en" />
              <Button size="sm" type="submit" disabled={working} data-testid="create-entity-submit">
                {t("createAndLink")}
              </Button>
            </form>
          )}
        </div>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const body = { type: "doc", content: note.split(/\n\s*\n/).filter(Boolean).map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) };
            void onAct(() => createRecordAction("annotation", { body, visibility }, passage), t("annotated")).then((ok) => ok && onClear());
          }}
        >
          <Label htmlFor="note-text">{t("noteText")}</Label>
          <Textarea id="note-text" rows={4} value={note} onChange={(e) => setNote(e.target.value)} required dir="auto" data-testid="note-text" />
          <Label htmlFor="note-visibility">{t("visibilityLabel")}</Label>
          <Select id="note-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as "internal" | "public")} data-testid="note-visibility">
            <option value="internal">{t("visibility.internal")}</option>
            <option value="public">{t("visibility.public")}</option>
          </Select>
          <Button size="sm" type="submit" disabled={working || !note.trim()} data-testid="note-submit">
            {t("saveNote")}
          </Button>
        </form>
      )}
      {lost.length > 0 && (
        <div className="mt-3 border-t border-stone-200 pt-2">
          <p className="mb-1 text-xs text-stone-600">{t("reanchorHint")}</p>
          <ul className="space-y-1">
            {lost.map((o) => (
              <li key={o.id}>
                <Button
                  size="sm"
                  variant="secondary"
                  type="button"
                  disabled={working}
                  onClick={() => void onAct(() => reanchorAction({ kind: o.kind, id: o.id, start: s.start, end: s.end, exact: s.exact }), t("reanchored")).then((ok) => ok && onClear())}
                  data-testid="reanchor"
                >
                  {t("reanchorTo", { old: o.exact })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
