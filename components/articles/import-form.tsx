"use client";
// Import: pasted text or .txt/.html/.md files, checked first (detected title, outlet,
// date, removed boilerplate, duplicates), then imported one by one with a progress bar.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { importArticleAction, previewImportAction, type ImportPreview } from "@/lib/articles/actions";
import { formatOfFileName, MAX_IMPORT_BYTES } from "@/lib/articles/schemas";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea, FieldError } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { Badge } from "@/components/ui/badge";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

type Item = {
  key: string;
  fileName: string | null;
  format: "txt" | "html" | "md";
  text: string;
  url: string | null;
  preview?: ImportPreview;
  error?: string;
  include: boolean;
  allowDuplicate: boolean;
  result?: { status: "imported"; id: string } | { status: "skipped" } | { status: "duplicate" } | { status: "error"; message: string };
};

export function ImportForm() {
  const t = useTranslations("articles.importPage");
  const locale = useLocale();
  const [items, setItems] = useState<Item[]>([]);
  const [pasted, setPasted] = useState("");
  const [pastedUrl, setPastedUrl] = useState("");
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const importing = progress !== null && progress.done < progress.total;

  async function check(next: Item[]) {
    setChecking(true);
    const out: Item[] = [];
    for (const item of next) {
      const r = await previewImportAction({ fileName: item.fileName, format: item.format, text: item.text, url: item.url });
      if (r.ok) {
        const sameText = r.data.duplicates.some((d) => d.kind === "same_text");
        out.push({ ...item, preview: r.data, include: !sameText });
      } else out.push({ ...item, error: r.error.message, include: false });
    }
    setItems((old) => [...old, ...out]);
    setChecking(false);
  }

  async function addFiles(files: FileList | null) {
    if (!files) return;
    const errors: string[] = [];
    const next: Item[] = [];
    for (const file of Array.from(files)) {
      const format = formatOfFileName(file.name);
      if (!format) {
        errors.push(`${file.name}: ${t("unsupported")}`);
        continue;
      }
      if (file.size > MAX_IMPORT_BYTES) {
        errors.push(`${file.name}: ${t("tooLarge")}`);
        continue;
      }
      next.push({ key: `${file.name}-${file.size}-${file.lastModified}`, fileName: file.name, format, text: await file.text(), url: null, include: true, allowDuplicate: false });
    }
    setFileErrors(errors);
    await check(next);
  }

  async function addPasted() {
    if (!pasted.trim()) return;
    await check([{ key: `paste-${Date.now()}`, fileName: null, format: "txt", text: pasted, url: pastedUrl.trim() || null, include: true, allowDuplicate: false }]);
    setPasted("");
    setPastedUrl("");
  }

  async function runImport() {
    const queue = items.filter((i) => i.include && !i.result && !i.error);
    setProgress({ done: 0, total: queue.length });
    for (const [n, item] of queue.entries()) {
      const r = await importArticleAction({ fileName: item.fileName, format: item.format, text: item.text, url: item.url, allowDuplicate: item.allowDuplicate });
      const result: Item["result"] = !r.ok ? { status: "error", message: r.error.message } : r.data.status === "imported" ? { status: "imported", id: r.data.id } : { status: "duplicate" };
      setItems((old) => old.map((o) => (o.key === item.key ? { ...o, result } : o)));
      setProgress({ done: n + 1, total: queue.length });
    }
  }

  const update = (key: string, change: Partial<Item>) => setItems((old) => old.map((o) => (o.key === key ? { ...o, ...change } : o)));
  const selected = items.filter((i) => i.include && !i.result && !i.error).length;
  const imported = items.filter((i) => i.result?.status === "imported").length;

  return (
    <div className="space-y-6">
      <Tabs defaultValue="paste" dir={locale === "ar" ? "rtl" : "ltr"}>
        <TabsList>
          <TabsTrigger value="paste">{t("paste")}</TabsTrigger>
          <TabsTrigger value="files">{t("files")}</TabsTrigger>
        </TabsList>
        <TabsContent value="paste" className="space-y-3">
          <div>
            <Label htmlFor="import-text">{t("pasteLabel")}</Label>
            <Textarea id="import-text" rows={10} value={pasted} onChange={(e) => setPasted(e.target.value)} dir="auto" data-testid="import-text" />
          </div>
          <div>
            <Label htmlFor="import-url">{t("pasteUrl")}</Label>
            <Input id="import-url" type="url" value={pastedUrl} onChange={(e) => setPastedUrl(e.target.value)} dir="ltr" />
          </div>
          <Button type="button" onClick={() => void addPasted()} disabled={checking || !pasted.trim()} data-testid="import-check">
            {t("preview")}
          </Button>
        </TabsContent>
        <TabsContent value="files" className="space-y-3">
          <Label htmlFor="import-files">{t("filesLabel")}</Label>
          <Input id="import-files" type="file" multiple accept=".txt,.text,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" onChange={(e) => void addFiles(e.target.files)} data-testid="import-files" />
          {fileErrors.map((e) => (
            <FieldError key={e}>{e}</FieldError>
          ))}
        </TabsContent>
      </Tabs>

      {items.length > 0 && (
        <section aria-live="polite">
          <ul className="space-y-3" data-testid="import-items">
            {items.map((item) => {
              const p = item.preview;
              const same = p?.duplicates.find((d) => d.kind === "same_text");
              const near = p?.duplicates.find((d) => d.kind === "near_duplicate");
              return (
                <li key={item.key} className="rounded border border-stone-200 bg-white p-3" data-testid="import-item">
                  <div className="flex flex-wrap items-center gap-2">
                    <input
                      type="checkbox"
                      id={`inc-${item.key}`}
                      checked={item.include}
                      disabled={!!item.result || !!item.error}
                      onChange={(e) => update(item.key, { include: e.target.checked, allowDuplicate: e.target.checked && !!same })}
                      aria-label={p?.title ?? item.fileName ?? ""}
                    />
                    <label htmlFor={`inc-${item.key}`} className="font-semibold" dir="auto">
                      {p?.title ?? item.fileName}
                    </label>
                    {item.fileName && <span className="text-xs text-stone-600" dir="ltr">{item.fileName}</span>}
                    <span className="ms-auto">
                      {item.result?.status === "imported" ? (
                        <Badge tone="success">{t("status.imported")}</Badge>
                      ) : item.result?.status === "duplicate" ? (
                        <Badge tone="danger">{t("status.duplicate")}</Badge>
                      ) : item.result?.status === "error" || item.error ? (
                        <Badge tone="danger">{t("status.error")}</Badge>
                      ) : same ? (
                        <Badge tone="danger" data-testid="duplicate-flag">{t("status.duplicate")}</Badge>
                      ) : near ? (
                        <Badge tone="warning" data-testid="near-duplicate-flag">{t("status.near")}</Badge>
                      ) : (
                        <Badge tone="info">{t("status.ready")}</Badge>
                      )}
                    </span>
                  </div>
                  {p && (
                    <p className="mt-1 text-sm text-stone-700">
                      {t("detected", { title: p.title, outlet: p.outlet ?? t("unknown"), date: p.publishedOn ?? t("unknown") })} · {t("removed", { count: p.removed.length })}
                    </p>
                  )}
                  {p?.duplicates.map((d) => (
                    <p key={d.id} className="mt-1 text-sm">
                      {t("match", { title: "" })}
                      <a href={`/${locale}/studio/articles/${d.id}`} target="_blank" rel="noreferrer" dir="auto">
                        {d.title}
                      </a>{" "}
                      <span className="text-xs text-stone-600">({Math.round(d.similarity * 100)}%)</span>
                    </p>
                  ))}
                  {same && !item.result && (
                    <label className="mt-1 flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={item.allowDuplicate} onChange={(e) => update(item.key, { allowDuplicate: e.target.checked, include: e.target.checked })} />
                      {t("importAnyway")}
                    </label>
                  )}
                  {(item.error || (item.result?.status === "error" && item.result.message)) && <FieldError>{item.error ?? (item.result as { message: string }).message}</FieldError>}
                  {item.result?.status === "imported" && (
                    <a href={`/${locale}/studio/articles/${item.result.id}`} className="mt-1 inline-block text-sm" data-testid="imported-link">
                      {t("open")}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <Button type="button" onClick={() => void runImport()} disabled={importing || checking || selected === 0} data-testid="import-run">
              {t("importAll", { count: selected })}
            </Button>
            {progress && (
              <div className="min-w-64 flex-1">
                <Progress value={progress.done} max={progress.total} label={t("progress")} valueText={t("importing", { done: progress.done, total: progress.total })} />
              </div>
            )}
          </div>
          {progress && !importing && (
            <p role="status" className="mt-2 text-sm" data-testid="import-done">
              {t("done", { imported, skipped: items.length - imported })}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
