"use client";
import { useTranslations } from "next-intl";
import { LANGUAGES } from "@/lib/articles/schemas";
import { RichTextField, SelectField, TextField } from "@/components/studio/fields";
import { useRecordEditor } from "@/components/studio/record-editor";

/** The article's editable content (lib/articles/schemas.ts articleContentSchema). */
export function ArticleForm() {
  const t = useTranslations("articles");
  const { content } = useRecordEditor();
  const rtl = content.language === "ar" || content.language === "fa" || content.language === "he";
  return (
    <div className="space-y-4" data-testid="article-form">
      <TextField name="title" label={t("fields.title")} required />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="titleEn" label={t("fields.titleEn")} dir="ltr" />
        <TextField name="kicker" label={t("fields.kicker")} />
      </div>
      <TextField name="summary" label={t("fields.summary")} multiline />
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="outlet" label={t("fields.outlet")} />
        <TextField name="outletEn" label={t("fields.outletEn")} dir="ltr" />
        <TextField name="byline" label={t("fields.byline")} />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="url" label={t("fields.url")} dir="ltr" type="url" />
        <TextField name="publishedOn" label={t("fields.publishedOn")} hint={t("fields.publishedOnHint")} dir="ltr" />
        <SelectField name="language" label={t("fields.language")} options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
      </div>
      <RichTextField name="body" label={t("fields.body")} dir={rtl ? "rtl" : "ltr"} lang={String(content.language ?? "ar")} />
    </div>
  );
}
