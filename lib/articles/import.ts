// Turning an imported file into article content (pure): the same cleaning and
// metadata detection as the seed articles, a clean body, the original kept as is.
import { cleanImportedText } from "./clean";
import { docFromParagraphs } from "../rich-text/document";
import type { ArticleContent, ImportSource } from "./schemas";

export type PreparedImport = {
  content: ArticleContent;
  originalText: string;
  format: ImportSource["format"];
  fileName: string | null;
  checksum: string;
  plainText: string;
  /** boilerplate lines that were dropped, for the preview */
  removed: string[];
};

const isArabic = (s: string) => (s.match(/[\u0600-\u06FF]/g)?.length ?? 0) > s.length * 0.3;

export function prepareImport(source: ImportSource): PreparedImport {
  const cleaned = cleanImportedText(source.text, { format: source.format });
  const paragraphs = cleaned.paragraphs.length ? cleaned.paragraphs : [source.text.trim()];
  const plain = paragraphs.join("\n\n");
  const arabic = isArabic(plain);
  const fallbackTitle = (source.fileName ?? paragraphs[0] ?? "").replace(/\.(txt|text|html?|md|markdown)$/i, "").slice(0, 200).trim();
  const date = cleaned.publishedOn;
  return {
    content: {
      title: (cleaned.title ?? fallbackTitle) || "Untitled",
      titleEn: null,
      kicker: cleaned.kicker,
      summary: cleaned.highlights.length ? cleaned.highlights.join("\n") : null,
      body: docFromParagraphs(paragraphs, { dir: arabic ? "rtl" : "ltr" }),
      outlet: cleaned.outlet,
      outletEn: null,
      url: source.url,
      language: arabic ? "ar" : "en",
      publishedOn: date ? date.date : null,
      byline: null,
    },
    originalText: source.text,
    format: source.format,
    fileName: source.fileName,
    checksum: cleaned.checksum,
    plainText: plain,
    removed: cleaned.removed,
  };
}
