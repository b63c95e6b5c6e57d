// Field-by-field comparison of two snapshots of a record (a revision and the
// record now, or two revisions). Pure: no React, no Prisma.
//
// Every value is first turned into text: rich text documents into their plain
// text, arrays (aliases, dossier items…) into one line per element. Text is then
// compared word by word and arrays line by line, with jsdiff.
//
// Why not jsdiff's diffWordsWithSpace as is: its "word characters" are Latin only,
// so Arabic text falls apart into single letters (الأمين → الأمير shows as
// ن → ر inside a kept "الأمي"). WordsWithSpaceDiff below is the same algorithm
// (jsdiff's Diff class) with the same tokens — words, runs of spaces, newlines,
// single punctuation marks — where a word is any run of Unicode letters, combining
// marks (Arabic diacritics), digits and joiners, so Arabic words stay whole.
import { Diff, diffLines, type ChangeObject } from "diff";
import { docToPlainText, type RichTextNode } from "@/lib/rich-text/document";

export type DiffPart = { value: string; added?: boolean; removed?: boolean };

export type FieldDiff = {
  field: string;
  kind: "added" | "removed" | "changed" | "same";
  /** the value before, as text ("" when absent) */
  before: string;
  /** the value after, as text ("" when absent) */
  after: string;
  /** the diff: unchanged parts have neither flag; removed parts appear in `before`, added in `after` */
  parts: DiffPart[];
};

export type Snapshot = Record<string, unknown>;

const WORD_CHARS = "\\p{L}\\p{M}\\p{N}_\\u00AD\\u200C\\u200D";
const TOKEN = new RegExp(`(\\r?\\n)|[${WORD_CHARS}]+|[^\\S\\r\\n]+|[^${WORD_CHARS}\\s]`, "gu");

class WordsWithSpaceDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(TOKEN) ?? [];
  }
}
const wordsWithSpace = new WordsWithSpaceDiff();

/** Like jsdiff's diffWordsWithSpace, with Unicode words (Arabic kept whole). */
export function diffWordsUnicode(before: string, after: string): DiffPart[] {
  return toParts(wordsWithSpace.diff(before, after, { timeout: DIFF_TIMEOUT_MS }), before, after);
}

// A complete rewrite of a long text makes Myers' algorithm slow; past this the
// diff gives up and shows "all removed, all added", which is what it is anyway.
const DIFF_TIMEOUT_MS = 1500;

function toParts(changes: ChangeObject<string>[] | undefined, before: string, after: string): DiffPart[] {
  if (!changes) {
    return [...(before ? [{ value: before, removed: true }] : []), ...(after ? [{ value: after, added: true }] : [])];
  }
  return changes
    .filter((c) => c.value !== "")
    .map((c) => (c.added ? { value: c.value, added: true } : c.removed ? { value: c.value, removed: true } : { value: c.value }));
}

export function isRichTextDoc(value: unknown): value is RichTextNode & { type: "doc" } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as { type?: unknown }).type === "doc";
}

// Keys that name an element go first on its line; the rest alphabetically, so a
// snapshot read back from JSONB (which reorders keys) gives the same line.
const LEADING_KEYS = ["name", "title", "label", "value"];
function orderedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).sort((a, b) => {
    const ia = LEADING_KEYS.indexOf(a);
    const ib = LEADING_KEYS.indexOf(b);
    if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** A value on one line (array elements; values nested inside them). */
function inlineText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.replace(/\s*\r?\n\s*/g, " ");
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (isRichTextDoc(value)) return inlineText(docToPlainText(value));
  if (Array.isArray(value)) return value.map(inlineText).filter((s) => s !== "").join(", ");
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return orderedKeys(obj)
      .map((k) => [k, inlineText(obj[k])] as const)
      .filter(([, v]) => v !== "")
      .map(([k, v]) => `${k}: ${v}`)
      .join(" · ");
  }
  return String(value);
}

/** The text a snapshot value is compared on. Arrays give one line per element. */
export function valueToText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (isRichTextDoc(value)) return docToPlainText(value);
  if (Array.isArray(value)) return value.map(inlineText).join("\n");
  return inlineText(value);
}

// null, undefined, "", [] and an empty document all read as "no value".
function kindOf(before: string, after: string): FieldDiff["kind"] {
  if (before === after) return "same";
  if (before === "") return "added";
  if (after === "") return "removed";
  return "changed";
}

function lineParts(before: string, after: string): DiffPart[] {
  // Every line ends with "\n" so the last line compares like the others.
  const terminated = (s: string) => (s === "" ? "" : `${s}\n`);
  return toParts(diffLines(terminated(before), terminated(after), { timeout: DIFF_TIMEOUT_MS }), terminated(before), terminated(after));
}

function fieldsOf(before: Snapshot | null, after: Snapshot | null, fields?: string[]): string[] {
  if (fields) return fields;
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
}

export function diffField(field: string, beforeValue: unknown, afterValue: unknown): FieldDiff {
  const before = valueToText(beforeValue);
  const after = valueToText(afterValue);
  const kind = kindOf(before, after);
  let parts: DiffPart[];
  if (kind === "same") parts = after === "" ? [] : [{ value: after }];
  else if (kind === "added") parts = [{ value: after, added: true }];
  else if (kind === "removed") parts = [{ value: before, removed: true }];
  else if (Array.isArray(beforeValue) || Array.isArray(afterValue)) parts = lineParts(before, after);
  else parts = diffWordsUnicode(before, after);
  return { field, kind, before, after, parts };
}

/**
 * One entry per field: the union of both snapshots' keys (before's order, then
 * after's new keys), or exactly `opts.fields` in that order. A null snapshot is a
 * record that did not exist (every field "added") or no longer exists ("removed").
 */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null, opts: { fields?: string[] } = {}): FieldDiff[] {
  return fieldsOf(before, after, opts.fields).map((field) => diffField(field, before?.[field], after?.[field]));
}

/** The fields whose kind is not "same" (computed without building the diffs). */
export function changedFields(before: Snapshot | null, after: Snapshot | null, opts: { fields?: string[] } = {}): string[] {
  return fieldsOf(before, after, opts.fields).filter((field) => valueToText(before?.[field]) !== valueToText(after?.[field]));
}
