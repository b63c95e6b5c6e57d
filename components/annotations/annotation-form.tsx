"use client";
// The annotation's editable content (lib/annotations/schemas.ts annotationContentSchema):
// visibility and body. The passage it annotates is shown read-only, with its
// context; it is chosen on the article's page and re-anchored by the server.
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { dirOf } from "@/lib/i18n/routing";
import { RichTextField, SelectField } from "@/components/studio/fields";
import { FieldHint } from "@/components/ui/input";

export type AnnotatedPassage = {
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: "anchored" | "orphaned";
};

export function AnnotationForm({ passage, article }: { passage: AnnotatedPassage; article: { title: string; href: string } }) {
  const t = useTranslations("annotations");
  const locale = useLocale();
  const headingId = useId();
  return (
    <div className="space-y-5" data-testid="annotation-form">
      {passage.anchorStatus === "orphaned" && (
        <p role="note" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" data-testid="orphaned-warning">
          {t("orphaned")}
        </p>
      )}
      <section aria-labelledby={headingId} className="rounded border border-stone-200 bg-white p-4" data-testid="annotated-passage">
        <h2 id={headingId} className="text-base font-bold">
          {t("passage.heading")}
        </h2>
        <FieldHint className="mt-0 mb-2">{t("passage.hint")}</FieldHint>
        <p className="mb-2 text-sm">
          {t("passage.inArticle")}{" "}
          <a href={article.href} dir="auto" data-testid="annotation-article">
            {article.title}
          </a>
        </p>
        <blockquote dir="auto" className="border-s-4 border-stone-300 bg-stone-50 px-3 py-2 leading-loose whitespace-pre-wrap">
          {passage.prefix && <span className="text-stone-600">…{passage.prefix}</span>}
          <mark className="rounded-sm bg-amber-100 px-0.5 text-stone-950" data-testid="annotation-exact">
            {passage.exact}
          </mark>
          {passage.suffix && <span className="text-stone-600">{passage.suffix}…</span>}
        </blockquote>
      </section>
      <div>
        <SelectField
          name="visibility"
          label={t("fields.visibility")}
          options={(["internal", "public"] as const).map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
        />
        <FieldHint>{t("visibilityHint")}</FieldHint>
      </div>
      <RichTextField name="body" label={t("fields.body")} dir={dirOf(locale)} lang={locale} />
    </div>
  );
}
