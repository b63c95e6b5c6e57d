"use client";
// Form fields bound to the record being edited (useRecordEditor): the value comes
// from the editor's content, changes go back through setField, and the server's
// per-field errors show under the field.
import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { RichTextEditor, emptyDoc, type RichTextEditorLabels } from "@/components/rich-text/rich-text-editor";
import type { RichTextDoc } from "@/lib/rich-text/document";
import { Input, Label, Textarea, FieldError, FieldHint } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useRecordEditor } from "./record-editor";

export function useRichTextLabels(): RichTextEditorLabels {
  const t = useTranslations("richText");
  return {
    bold: t("bold"),
    italic: t("italic"),
    heading2: t("heading2"),
    heading3: t("heading3"),
    bulletList: t("bulletList"),
    orderedList: t("orderedList"),
    blockquote: t("blockquote"),
    link: t("link"),
    unlink: t("unlink"),
    rtl: t("rtl"),
    ltr: t("ltr"),
    undo: t("undo"),
    redo: t("redo"),
    linkPrompt: t("linkPrompt"),
    invalidLink: t("invalidLink"),
    toolbar: t("toolbar"),
  };
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && <FieldHint id={`${id}-hint`}>{hint}</FieldHint>}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

export function TextField({
  name,
  label,
  hint,
  dir,
  multiline,
  type = "text",
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  dir?: "rtl" | "ltr" | "auto";
  multiline?: boolean;
  type?: string;
  required?: boolean;
}) {
  const e = useRecordEditor();
  const id = useId();
  const value = (e.content[name] as string | null | undefined) ?? "";
  const error = e.fieldErrors[name];
  const common = {
    id,
    name,
    value,
    dir: dir ?? "auto",
    required,
    readOnly: e.readOnly,
    invalid: !!error,
    "aria-describedby": [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
    "data-testid": `field-${name}`,
  };
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <Textarea {...common} rows={3} onChange={(ev) => e.setField(name, ev.target.value)} />
      ) : (
        <Input {...common} type={type} onChange={(ev) => e.setField(name, ev.target.value)} />
      )}
    </Field>
  );
}

export function SelectField({ name, label, options }: { name: string; label: string; options: { value: string; label: string }[] }) {
  const e = useRecordEditor();
  const id = useId();
  const error = e.fieldErrors[name];
  return (
    <Field id={id} label={label} error={error}>
      <Select id={id} name={name} value={String(e.content[name] ?? "")} disabled={e.readOnly} invalid={!!error} onChange={(ev) => e.setField(name, ev.target.value)} data-testid={`field-${name}`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function RichTextField({ name, label, dir = "rtl", lang, nullable }: { name: string; label: string; dir?: "rtl" | "ltr"; lang?: string; nullable?: boolean }) {
  const e = useRecordEditor();
  const labels = useRichTextLabels();
  const error = e.fieldErrors[name];
  const value = (e.content[name] as RichTextDoc | null) ?? (nullable ? null : emptyDoc());
  return (
    <div>
      <span className="mb-1 block text-sm font-semibold text-stone-900">{label}</span>
      <RichTextEditor
        value={value}
        onChange={(doc) => {
          const empty = !doc.content?.some((n) => (n.content?.length ?? 0) > 0 || n.type !== "paragraph");
          e.setField(name, nullable && empty ? null : doc);
        }}
        dir={dir}
        lang={lang}
        label={label}
        labels={labels}
        readOnly={e.readOnly}
        testId={`field-${name}`}
      />
      <FieldError>{error}</FieldError>
    </div>
  );
}
