"use client";
// The editing frame every studio editor shares: the content being edited, autosave,
// a local backup in the browser, a warning before leaving with unsaved changes, and
// the conflict dialog when someone else saved first. Saving goes through
// saveRecordAction (or createRecordAction for a new record) — the server validates
// and authorizes; this only keeps the person's typing safe.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { createRecordAction, saveRecordAction } from "@/lib/records/actions";
import type { RecordKind } from "@/lib/records/kinds";
import type { ActionError } from "@/lib/action-result";
import { diffSnapshots } from "@/lib/revisions/diff";
import { DiffView } from "@/components/revisions/diff-view";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatTime } from "./format";

type Content = Record<string, unknown>;
type Status = "idle" | "dirty" | "saving" | "saved" | "error" | "conflict";
type Conflict = { currentVersion: number; changedFields: string[]; by: string | null; at: string | null; current: Content };

export type RecordEditorState = {
  kind: RecordKind;
  id: string | null;
  content: Content;
  version: number;
  status: Status;
  dirty: boolean;
  error: ActionError | null;
  fieldErrors: Record<string, string>;
  lastSavedAt: Date | null;
  lastSaveWasAuto: boolean;
  readOnly: boolean;
  setField: (field: string, value: unknown) => void;
  save: (opts?: { autosave?: boolean }) => Promise<boolean>;
};

const Ctx = createContext<RecordEditorState | null>(null);

export function useRecordEditor(): RecordEditorState {
  const v = useContext(Ctx);
  if (!v) throw new Error("useRecordEditor outside RecordEditorProvider");
  return v;
}

const AUTOSAVE_MS = 3000;
/** Plain JSON: editor documents carry objects React cannot send to the server as they are. */
const plain = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const backupKey = (kind: string, id: string | null) => `sijill:unsaved:${kind}:${id ?? "new"}`;
type Backup = { version: number; content: Content; at: string };

export function RecordEditorProvider({
  kind,
  id,
  version: serverVersion,
  content: serverContent,
  readOnly = false,
  autosave = true,
  createExtra,
  editBase,
  children,
}: {
  kind: RecordKind;
  /** null: a new record, created on the first save */
  id: string | null;
  version: number;
  content: Content;
  readOnly?: boolean;
  autosave?: boolean;
  /** for new annotations: the passage */
  createExtra?: unknown;
  /** where a new record's editor lives: `${editBase}/${id}` */
  editBase?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [content, setContent] = useState<Content>(serverContent);
  const [version, setVersion] = useState(serverVersion);
  const [status, setStatus] = useState<Status>("idle");
  const [error, setError] = useState<ActionError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [lastSaveWasAuto, setLastSaveWasAuto] = useState(false);
  const [backup, setBackup] = useState<Backup | null>(null);
  const edits = useRef(0); // bumped on every change: a save only clears "dirty" if nothing changed meanwhile
  const savedEdits = useRef(0);
  const saving = useRef(false);
  const contentRef = useRef(content);
  contentRef.current = content;
  const versionRef = useRef(version);
  versionRef.current = version;
  const dirty = status === "dirty" || status === "error" || status === "conflict" || (status === "saving" && edits.current !== savedEdits.current);

  // A newer version from the server (a transition applied pending changes, a restore):
  // adopt it when nothing local is unsaved.
  useEffect(() => {
    if (serverVersion > versionRef.current && edits.current === savedEdits.current) {
      setContent(serverContent);
      setVersion(serverVersion);
    }
  }, [serverVersion, serverContent]);

  // A backup left in this browser by an earlier visit that never reached the server.
  useEffect(() => {
    try {
      const raw = localStorage.getItem(backupKey(kind, id));
      if (!raw) return;
      const b = JSON.parse(raw) as Backup;
      if (JSON.stringify(b.content) !== JSON.stringify(serverContent)) setBackup(b);
      else localStorage.removeItem(backupKey(kind, id));
    } catch {
      /* storage unavailable: nothing to offer */
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const writeBackup = useCallback(
    (c: Content) => {
      try {
        localStorage.setItem(backupKey(kind, id), JSON.stringify({ version: versionRef.current, content: c, at: new Date().toISOString() } satisfies Backup));
      } catch {
        /* quota or private mode: autosave still protects the work */
      }
    },
    [kind, id],
  );
  const clearBackup = useCallback(() => {
    try {
      localStorage.removeItem(backupKey(kind, id));
    } catch {
      /* ignore */
    }
  }, [kind, id]);

  const setField = useCallback(
    (field: string, value: unknown) => {
      if (readOnly) return;
      edits.current++;
      setContent((c) => {
        const next = { ...c, [field]: value };
        writeBackup(next);
        return next;
      });
      setStatus((s) => (s === "conflict" ? s : "dirty"));
    },
    [readOnly, writeBackup],
  );

  const save = useCallback(
    async (opts: { autosave?: boolean; expectedVersion?: number } = {}): Promise<boolean> => {
      if (saving.current || readOnly) return false;
      saving.current = true;
      const editsAtStart = edits.current;
      setStatus("saving");
      try {
        if (id === null) {
          const r = await createRecordAction(kind, plain(contentRef.current), createExtra);
          if (!r.ok) {
            setError(r.error);
            setStatus("error");
            return false;
          }
          clearBackup();
          savedEdits.current = editsAtStart;
          router.replace(editBase ? `${editBase}/${r.data.id}` : `./${r.data.id}`);
          return true;
        }
        const r = await saveRecordAction({
          kind,
          id,
          expectedVersion: opts.expectedVersion ?? versionRef.current,
          autosave: !!opts.autosave,
          content: plain(contentRef.current),
        });
        if (!r.ok) {
          if (r.error.code === "conflict" && r.error.details && typeof r.error.details === "object" && "currentVersion" in r.error.details && "current" in r.error.details) {
            setConflict(r.error.details as Conflict);
            setError(r.error);
            setStatus("conflict");
          } else {
            setError(r.error);
            setStatus("error");
          }
          return false;
        }
        setVersion(r.data.version);
        versionRef.current = r.data.version;
        setError(null);
        setConflict(null);
        setLastSavedAt(new Date());
        setLastSaveWasAuto(!!opts.autosave);
        savedEdits.current = editsAtStart;
        if (edits.current === editsAtStart) {
          clearBackup();
          setStatus("saved");
        } else setStatus("dirty");
        if (!opts.autosave) router.refresh();
        return true;
      } finally {
        saving.current = false;
      }
    },
    [id, kind, readOnly, createExtra, editBase, router, clearBackup],
  );

  // Autosave a few seconds after the last keystroke (existing records only).
  useEffect(() => {
    if (!autosave || id === null || status !== "dirty") return;
    const timer = setTimeout(() => void save({ autosave: true }), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [autosave, id, status, content, save]);

  // Warn before leaving with unsaved changes: closing the tab, and links inside the app.
  const t = useTranslations("editor");
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || a.origin !== window.location.origin || a.hasAttribute("download")) return;
      if (a.pathname === window.location.pathname && a.search === window.location.search) return;
      if (!window.confirm(t("leaveWarning"))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, t]);

  const fieldErrors = useMemo(() => error?.fieldErrors ?? {}, [error]);
  const value: RecordEditorState = {
    kind,
    id,
    content,
    version,
    status,
    dirty,
    error,
    fieldErrors,
    lastSavedAt,
    lastSaveWasAuto,
    readOnly,
    setField,
    save,
  };

  return (
    <Ctx.Provider value={value}>
      {backup && (
        <BackupBanner
          at={backup.at}
          onRestore={() => {
            edits.current++;
            setContent(backup.content);
            setStatus("dirty");
            setBackup(null);
          }}
          onDiscard={() => {
            clearBackup();
            setBackup(null);
          }}
        />
      )}
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          mine={content}
          onKeepMine={() => {
            setConflict(null);
            void save({ expectedVersion: conflict.currentVersion });
          }}
          onTakeTheirs={() => {
            savedEdits.current = ++edits.current;
            setContent(conflict.current);
            setVersion(conflict.currentVersion);
            versionRef.current = conflict.currentVersion;
            setConflict(null);
            setError(null);
            setStatus("idle");
            clearBackup();
            router.refresh();
          }}
        />
      )}
      {children}
    </Ctx.Provider>
  );
}

function BackupBanner({ at, onRestore, onDiscard }: { at: string; onRestore: () => void; onDiscard: () => void }) {
  const t = useTranslations("editor.backup");
  const locale = useLocale();
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded border border-sky-300 bg-sky-50 p-3 text-sky-950" data-testid="backup-banner">
      <span>{t("found", { time: formatDateTime(at, locale) })}</span>
      <Button type="button" size="sm" onClick={onRestore}>
        {t("restore")}
      </Button>
      <Button type="button" size="sm" variant="secondary" onClick={onDiscard}>
        {t("discard")}
      </Button>
    </div>
  );
}

function ConflictPanel({ conflict, mine, onKeepMine, onTakeTheirs }: { conflict: Conflict; mine: Content; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const t = useTranslations("editor.conflict");
  const locale = useLocale();
  const diffs = diffSnapshots(conflict.current, mine).filter((d) => d.kind !== "same");
  return (
    <section role="alert" aria-labelledby="conflict-title" className="mb-4 rounded border-2 border-red-400 bg-red-50 p-4 text-red-950" data-testid="conflict">
      <h2 id="conflict-title" className="text-lg font-bold">
        {t("title")}
      </h2>
      <p>{t("body", { who: conflict.by ?? t("someone"), time: conflict.at ? formatDateTime(conflict.at, locale) : "" })}</p>
      {conflict.changedFields.length > 0 && <p className="text-sm">{t("changed", { fields: conflict.changedFields.join(", ") })}</p>}
      <details className="mt-2" open>
        <summary className="cursor-pointer font-semibold">{t("compare")}</summary>
        <div className="mt-2 rounded bg-white p-2 text-stone-900">
          <DiffView diffs={diffs} labelFor={(f) => f} beforeLabel={t("theirs")} afterLabel={t("mine")} showUnchangedLabel={t("showUnchanged")} />
        </div>
      </details>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" variant="danger" onClick={onKeepMine} data-testid="conflict-keep-mine">
          {t("keepMine")}
        </Button>
        <Button type="button" variant="secondary" onClick={onTakeTheirs} data-testid="conflict-take-theirs">
          {t("takeTheirs")}
        </Button>
      </div>
    </section>
  );
}

/** "Saved 14:02" / "Unsaved changes" / "Saving…" and the Save button. */
export function SaveBar({ extra }: { extra?: ReactNode }) {
  const e = useRecordEditor();
  const t = useTranslations("editor");
  const locale = useLocale();
  const label =
    e.status === "saving"
      ? t("saving")
      : e.status === "dirty"
        ? t("unsaved")
        : e.status === "error" || e.status === "conflict"
          ? t("error")
          : e.lastSavedAt
            ? t(e.lastSaveWasAuto ? "autosaved" : "savedAt", { time: formatTime(e.lastSavedAt, locale) })
            : "";
  return (
    <div className="sticky top-0 z-10 -mx-1 mb-4 flex flex-wrap items-center gap-3 border-b border-stone-200 bg-[var(--color-paper)]/95 px-1 py-2 backdrop-blur">
      <Button type="button" onClick={() => void e.save()} disabled={e.readOnly || e.status === "saving" || (!e.dirty && e.id !== null)} data-testid="save">
        {e.id === null ? (e.status === "saving" ? t("creating") : t("create")) : e.status === "saving" ? t("saving") : t("save")}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-stone-700" data-testid="save-status" data-status={e.status}>
        {label}
      </span>
      {e.id !== null && <span className="text-xs text-stone-500">{t("version", { version: e.version })}</span>}
      {extra}
      {e.error && e.status === "error" && (
        <p role="alert" className="w-full rounded bg-red-50 p-2 text-sm text-red-900" data-testid="save-error">
          {e.error.message}
        </p>
      )}
    </div>
  );
}
