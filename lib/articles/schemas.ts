// Article input: one schema for the studio form, the server actions and the API.
import { z } from "zod";
import { richTextDocSchema } from "../rich-text/document";
import { jsonField, optionalPreciseDate, optionalText, optionalUrl, requiredText } from "../validation";

export const LANGUAGES = ["ar", "en", "fr", "tr", "fa", "he", "other"] as const;

/** The editable content of an article: what a revision snapshots. */
export const articleContentSchema = z.object({
  title: requiredText(500, "Title"),
  titleEn: optionalText(500, "English title"),
  kicker: optionalText(300, "Kicker"),
  summary: optionalText(2000, "Summary"),
  body: jsonField(richTextDocSchema),
  outlet: optionalText(200, "Outlet"),
  outletEn: optionalText(200, "Outlet (English)"),
  url: optionalUrl,
  language: z.enum(LANGUAGES, { error: "Choose a language." }).default("ar"),
  publishedOn: optionalPreciseDate("Publication date"),
  byline: optionalText(300, "Byline"),
});
export type ArticleContent = z.infer<typeof articleContentSchema>;

export const ARTICLE_FIELDS = Object.keys(articleContentSchema.shape) as (keyof ArticleContent)[];

/** Import: pasted text or uploaded files (.txt, .html, .md). */
export const IMPORT_FORMATS = ["txt", "html", "md"] as const;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const importSourceSchema = z.object({
  fileName: optionalText(255, "File name"),
  format: z.enum(IMPORT_FORMATS, { error: "Only .txt, .html and .md files can be imported." }),
  text: z
    .string()
    .max(MAX_IMPORT_BYTES, "The file is larger than 2 MB.")
    .refine((t) => t.trim().length > 0, "The file is empty."),
  url: optionalUrl,
  /** import even when it duplicates an existing article */
  allowDuplicate: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
});
export type ImportSource = z.infer<typeof importSourceSchema>;

export function formatOfFileName(name: string): (typeof IMPORT_FORMATS)[number] | null {
  const ext = name.toLowerCase().split(".").pop();
  if (ext === "txt" || ext === "text") return "txt";
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "md" || ext === "markdown") return "md";
  return null;
}
