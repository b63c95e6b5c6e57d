"use client";
// The entity's editable content (lib/entities/schemas.ts entityContentSchema): type,
// kind, the two primary names, other spellings, dates at their precision and the
// two descriptions. The aliases editor sends name / lang / preferred only: the
// script of a changed name is derived again on the server.
import { useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ENTITY_TYPES, type EntityType } from "@/lib/entities/schemas";
import { RichTextField, SelectField, TextField } from "@/components/studio/fields";
import { useRecordEditor } from "@/components/studio/record-editor";
import { Button } from "@/components/ui/button";
import { FieldError, FieldHint, Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { focusRing } from "@/components/ui/cn";

/** Suggested kinds per type (lowercase codes; the list of kinds stays open). */
const KIND_SUGGESTIONS: Record<EntityType, readonly string[]> = {
  person: ["head-of-state", "head-of-government", "minister", "diplomat", "official", "military-officer", "journalist", "researcher"],
  organization: ["state", "alliance", "international-organization", "regional-organization", "agency", "ministry", "council", "committee", "programme", "centre", "mission", "media"],
  event: ["summit", "meeting", "visit", "conference", "dialogue", "accession", "adoption", "launch", "opening", "inauguration", "anniversary", "exercise"],
  place: ["country", "city", "region", "building", "base"],
};

/** Alias languages offered; "und" (undetermined, ISO 639) is "other". */
const ALIAS_LANGS = ["ar", "en", "fr", "und"] as const;

type Alias = { name: string; lang: string; script?: "Arab" | "Latn" | "Other"; preferred: boolean };

const isEntityType = (v: unknown): v is EntityType => (ENTITY_TYPES as readonly unknown[]).includes(v);

/** Stable React keys for the rows of an array that has no ids of its own. */
function useRowKeys(count: number) {
  const next = useRef(0);
  const keys = useRef<string[]>([]);
  if (keys.current.length > count) keys.current = keys.current.slice(0, count);
  while (keys.current.length < count) keys.current.push(`row-${next.current++}`);
  return {
    keys: keys.current,
    push: () => void keys.current.push(`row-${next.current++}`),
    remove: (index: number) => void keys.current.splice(index, 1),
  };
}

export function EntityForm() {
  const t = useTranslations("entities");
  const { content } = useRecordEditor();
  const type: EntityType = isEntityType(content.type) ? content.type : "person";
  const hasDates = !!(content.start || content.end);
  const [datesOpen, setDatesOpen] = useState(hasDates);
  return (
    <div className="space-y-5" data-testid="entity-form">
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField name="type" label={t("fields.type")} options={ENTITY_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} />
        <KindField type={type} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="nameAr" label={t("fields.nameAr")} dir="rtl" required />
        <TextField name="nameEn" label={t("fields.nameEn")} dir="ltr" required />
      </div>
      {type === "event" ? (
        <fieldset className="rounded border border-stone-200 bg-white p-3" data-testid="entity-dates">
          <legend className="px-1 text-sm font-semibold text-stone-900">{t("dates.legend")}</legend>
          <DateFields type={type} />
        </fieldset>
      ) : (
        <details className="rounded border border-stone-200 bg-white p-3" open={datesOpen} onToggle={(ev) => setDatesOpen(ev.currentTarget.open)} data-testid="entity-dates">
          <summary className={`cursor-pointer rounded text-sm font-semibold text-stone-900 ${focusRing}`}>{t("dates.optional")}</summary>
          <div className="mt-3">
            <DateFields type={type} />
          </div>
        </details>
      )}
      <AliasesEditor />
      <RichTextField name="descriptionAr" label={t("fields.descriptionAr")} dir="rtl" lang="ar" nullable />
      <RichTextField name="descriptionEn" label={t("fields.descriptionEn")} dir="ltr" lang="en" nullable />
    </div>
  );
}

/** Free text with suggestions for the current type (a native <datalist>). */
function KindField({ type }: { type: EntityType }) {
  const t = useTranslations("entities");
  const e = useRecordEditor();
  const id = useId();
  const error = e.fieldErrors.kind;
  return (
    <div>
      <Label htmlFor={id}>{t("fields.kind")}</Label>
      <Input
        id={id}
        name="kind"
        list={`${id}-kinds`}
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        value={(e.content.kind as string | null | undefined) ?? ""}
        onChange={(ev) => e.setField("kind", ev.target.value)}
        readOnly={e.readOnly}
        invalid={!!error}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
        data-testid="field-kind"
      />
      <datalist id={`${id}-kinds`}>
        {KIND_SUGGESTIONS[type].map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </datalist>
      <FieldHint id={`${id}-hint`}>{t("fields.kindHint")}</FieldHint>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

function DateFields({ type }: { type: EntityType }) {
  const t = useTranslations("entities.dates");
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField name="start" label={t(`start.${type}`)} hint={t("precisionHint")} dir="ltr" />
      <TextField name="end" label={t(`end.${type}`)} hint={type === "event" ? t("endHintEvent") : t("endHint")} dir="ltr" />
    </div>
  );
}

function AliasesEditor() {
  const t = useTranslations("entities.aliases");
  const e = useRecordEditor();
  const aliases: Alias[] = Array.isArray(e.content.aliases) ? (e.content.aliases as Alias[]) : [];
  const rows = useRowKeys(aliases.length);
  const baseId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // after adding or removing a row, where the keyboard focus goes once React has rendered
  const pendingFocus = useRef<number | "add" | null>(null);
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    if (target === "add") addRef.current?.focus();
    else listRef.current?.querySelectorAll<HTMLInputElement>("input[data-alias-name]")[target]?.focus();
  });

  const update = (index: number, change: (a: Alias) => Alias) => e.setField("aliases", aliases.map((a, i) => (i === index ? change(a) : a)));
  const add = () => {
    rows.push();
    pendingFocus.current = aliases.length;
    e.setField("aliases", [...aliases, { name: "", lang: "ar", preferred: false }]);
  };
  const remove = (index: number) => {
    rows.remove(index);
    const left = aliases.length - 1;
    pendingFocus.current = left === 0 ? "add" : Math.min(index, left - 1);
    e.setField("aliases", aliases.filter((_, i) => i !== index));
  };

  const listError = e.fieldErrors.aliases;
  return (
    <fieldset className="rounded border border-stone-200 bg-white p-3" aria-describedby={`${baseId}-hint`} data-testid="aliases">
      <legend className="px-1 text-sm font-semibold text-stone-900">{t("legend")}</legend>
      <FieldHint id={`${baseId}-hint`} className="mt-0 mb-3">
        {t("hint")}
      </FieldHint>
      {aliases.length === 0 ? (
        <p className="mb-3 text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol ref={listRef} className="mb-3 space-y-3">
          {aliases.map((a, i) => {
            const rowId = `${baseId}-${rows.keys[i]}`;
            const nameError = e.fieldErrors[`aliases.${i}.name`] ?? e.fieldErrors[`aliases.${i}`];
            const langError = e.fieldErrors[`aliases.${i}.lang`];
            const langs: string[] = (ALIAS_LANGS as readonly string[]).includes(a.lang) ? [...ALIAS_LANGS] : [...ALIAS_LANGS, a.lang];
            return (
              <li key={rows.keys[i]} className="border-b border-stone-100 pb-3 last:border-b-0 last:pb-0" data-testid="alias-row">
                <div role="group" aria-label={t("row", { n: i + 1 })} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto_auto] sm:items-end">
                  <div>
                    <Label htmlFor={`${rowId}-name`} className="text-xs">
                      {t("name")}
                    </Label>
                    <Input
                      id={`${rowId}-name`}
                      data-alias-name=""
                      dir="auto"
                      value={a.name}
                      readOnly={e.readOnly}
                      required
                      invalid={!!nameError}
                      aria-describedby={nameError ? `${rowId}-name-error` : undefined}
                      // a new spelling may be in another script: let the server derive it again
                      onChange={(ev) => update(i, ({ script: _script, ...rest }) => ({ ...rest, name: ev.target.value }))}
                      data-testid="alias-name"
                    />
                    <FieldError id={`${rowId}-name-error`}>{nameError}</FieldError>
                  </div>
                  <div>
                    <Label htmlFor={`${rowId}-lang`} className="text-xs">
                      {t("lang")}
                    </Label>
                    <Select
                      id={`${rowId}-lang`}
                      value={a.lang}
                      disabled={e.readOnly}
                      invalid={!!langError}
                      aria-describedby={langError ? `${rowId}-lang-error` : undefined}
                      onChange={(ev) => update(i, (x) => ({ ...x, lang: ev.target.value }))}
                      data-testid="alias-lang"
                    >
                      {langs.map((l) => (
                        <option key={l} value={l}>
                          {(ALIAS_LANGS as readonly string[]).includes(l) ? t(`langs.${l}`) : l}
                        </option>
                      ))}
                    </Select>
                    <FieldError id={`${rowId}-lang-error`}>{langError}</FieldError>
                  </div>
                  <div className="flex items-center gap-2 sm:pb-2.5">
                    <input
                      id={`${rowId}-preferred`}
                      type="checkbox"
                      className={`size-4 accent-stone-900 ${focusRing}`}
                      checked={a.preferred}
                      disabled={e.readOnly}
                      onChange={(ev) => update(i, (x) => ({ ...x, preferred: ev.target.checked }))}
                      data-testid="alias-preferred"
                    />
                    <label htmlFor={`${rowId}-preferred`} className="text-sm text-stone-900">
                      {t("preferred")}
                    </label>
                  </div>
                  {!e.readOnly && (
                    <div className="sm:pb-1">
                      <Button type="button" variant="ghost" size="sm" onClick={() => remove(i)} aria-label={t("removeLabel", { name: a.name.trim() || t("row", { n: i + 1 }) })} data-testid="alias-remove">
                        {t("remove")}
                      </Button>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <FieldError>{listError}</FieldError>
      {!e.readOnly && (
        <Button ref={addRef} type="button" variant="secondary" size="sm" onClick={add} data-testid="alias-add">
          {t("add")}
        </Button>
      )}
    </fieldset>
  );
}
