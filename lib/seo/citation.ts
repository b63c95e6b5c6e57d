// "Cite this" for an article page: a ready-to-copy citation in the page language and
// the same reference as BibTeX (biblatex fields). Pure: the page passes the labels
// from its messages, the canonical URL and the day it is read.
import { displayPrecise, parsePreciseDate, toDbDate } from "../dates";

export type CitationInput = {
  locale: string;
  siteName: string;
  title: string;
  outlet?: string | null;
  byline?: string | null;
  /** "2017-01-24", "2017-01", "2017" or null */
  publishedOn?: string | null;
  /** canonical URL of the article page */
  url: string;
  accessed: Date;
  /** "accessed" label and the mark of an unknown date, from the page's messages */
  labels: { accessed: string; noDate: string };
};

function shownDate(value: string | null | undefined, locale: string): string | null {
  const p = value ? parsePreciseDate(value) : null;
  return p ? displayPrecise(toDbDate(p), p.precision, locale) : null;
}

/** One line, e.g. `"Title", KUNA, January 2017. Sijill, https://… (accessed 3 May 2025).` */
export function formatCitation(c: CitationInput): string {
  const ar = c.locale === "ar";
  const sep = ar ? "، " : ", ";
  const date = shownDate(c.publishedOn, c.locale) ?? c.labels.noDate;
  const accessed = displayPrecise(c.accessed, "day", c.locale);
  const title = ar ? `«${c.title}»` : `“${c.title}”`;
  const source = [c.byline, title, c.outlet, date].filter(Boolean).join(sep);
  return `${source}. ${c.siteName}${sep}${c.url} (${c.labels.accessed}: ${accessed}).`;
}

function bib(value: string): string {
  return value.replace(/\\/g, "\\textbackslash{}").replace(/([{}%&#_$])/g, "\\$1");
}

const LANGID: Record<string, string> = { ar: "arabic", en: "english", fr: "french" };

/** The same reference as a biblatex @article entry; `key` should be stable (the article id). */
export function formatBibtex(c: Omit<CitationInput, "labels"> & { key: string; language?: string }): string {
  const fields: [string, string | null | undefined][] = [
    ["title", c.title],
    ["author", c.byline],
    ["journaltitle", c.outlet],
    ["date", c.publishedOn && parsePreciseDate(c.publishedOn) ? c.publishedOn : null],
    ["url", c.url],
    ["urldate", c.accessed.toISOString().slice(0, 10)],
    ["langid", c.language ? (LANGID[c.language] ?? c.language) : null],
    ["organization", c.siteName],
  ];
  const body = fields
    .filter((f): f is [string, string] => !!f[1])
    // urls are verbatim in biblatex (only braces would break the entry); a byline is
    // braced once more so it is kept as written, not split into first and last names
    .map(([k, v]) => `  ${k} = {${k === "url" ? v.replace(/[{}]/g, encodeURIComponent) : k === "author" ? `{${bib(v)}}` : bib(v)}}`)
    .join(",\n");
  return `@article{${c.key.replace(/[^A-Za-z0-9:_-]/g, "")},\n${body}\n}`;
}
