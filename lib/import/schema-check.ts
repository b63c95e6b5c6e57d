// Reading and checking an export file before anything is written. Pure (no database):
//
// - scanJson: a streaming splitter over the file's bytes. The file is one object; each
//   element of its record arrays (articles, entities…) comes out on its own and is
//   parsed with JSON.parse, so a file of any size is read with the memory of one record.
//   It also notes where each array starts and ends (byte offsets), so the importer can
//   read one section again without the rest.
// - checkFile: the first pass. Every record is checked against the file schema; ids,
//   slugs and references are collected (ids only, never whole records); problems come
//   with their place in the file ("entities[3].aliases[0].name: required").
import {
  COUNT_KEYS,
  EXPORT_VERSION,
  SECTIONS,
  SECTION_SCHEMAS,
  countsSchema,
  fileErrorMap,
  headerSchema,
  issuesAt,
  type ExportCounts,
  type SectionName,
  type SectionRecord,
} from "../export/schema";
import { emptyCounts, tally } from "../export/serialize";

export type Problem = { path: string; message: string };

/** The file cannot be imported: every problem found (up to a limit), with its place. */
export class FileProblems extends Error {
  constructor(
    readonly problems: Problem[],
    readonly more = 0,
  ) {
    super(problemsMessage(problems, more));
    this.name = "FileProblems";
  }
}

export function problemsMessage(problems: Problem[], more = 0): string {
  const lines = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const rest = more > 0 ? `\n…and ${more} more problem${more === 1 ? "" : "s"}` : "";
  return lines.join("\n") + rest;
}

// ───────────────────────────── the streaming splitter

export type ScanEvent =
  | { type: "value"; key: string; text: string; line: number }
  | { type: "arrayStart"; key: string; offset: number }
  | { type: "element"; key: string; index: number; text: string; line: number }
  | { type: "arrayEnd"; key: string; offset: number; count: number };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`not valid JSON at line ${line}, column ${column}: ${message}`);
    this.name = "JsonSyntaxError";
  }
}

enum M {
  Start,
  KeyOrEnd,
  Key,
  InKey,
  Colon,
  Value,
  InValue,
  ArrayFirst,
  Element,
  InElement,
  ArrayNext,
  AfterValue,
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isWs = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isDelimiter = (b: number) => isWs(b) || b === 0x2c || b === 0x5d || b === 0x7d; // , ] }

/**
 * Splits a JSON object into its top-level values; the values of `streamed` keys that are
 * arrays come out element by element (with the byte offsets of their "[" and "]").
 * Anything malformed between values is a JsonSyntaxError with its line and column; a
 * value's own syntax is left to JSON.parse.
 */
export async function* scanJson(chunks: AsyncIterable<Uint8Array>, streamed: ReadonlySet<string>): AsyncGenerator<ScanEvent> {
  const scanner = new Scanner(streamed);
  for await (const chunk of chunks) yield* scanner.feed(chunk);
  yield* scanner.end();
}

class Scanner {
  private mode = M.Start;
  private offset = 0; // bytes before the current chunk
  private line = 1;
  private lineStart = 0; // offset of the current line's first byte
  private key = "";
  private readonly keys = new Set<string>();
  private index = 0;
  private started = false;
  // the value being captured
  private parts: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private valueLine = 1;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(private readonly streamed: ReadonlySet<string>) {}

  private fail(message: string, at: number): never {
    throw new JsonSyntaxError(message, this.line, at - this.lineStart + 1);
  }

  private take(): string {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    return this.decoder.decode(all);
  }

  private capturing(): boolean {
    return this.mode === M.InValue || this.mode === M.InElement || this.mode === M.InKey;
  }

  feed(input: Uint8Array): ScanEvent[] {
    let chunk = input;
    if (!this.started && chunk.length) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        chunk = chunk.subarray(3); // a UTF-8 byte order mark
        this.offset += 3;
      }
    }
    const events: ScanEvent[] = [];
    let segStart = this.capturing() ? 0 : -1;
    const endValue = (last: number) => {
      this.parts.push(chunk.subarray(segStart, last + 1));
      segStart = -1;
      const text = this.take();
      if (this.mode === M.InValue) {
        events.push({ type: "value", key: this.key, text, line: this.valueLine });
        this.mode = M.AfterValue;
      } else {
        events.push({ type: "element", key: this.key, index: this.index++, text, line: this.valueLine });
        this.mode = M.ArrayNext;
      }
    };

    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      const at = this.offset + i;
      if (b === 0x0a) {
        this.line++;
        this.lineStart = at + 1;
      }
      switch (this.mode) {
        case M.Start:
          if (isWs(b)) break;
          if (b !== 0x7b) this.fail("the file must be one JSON object ({ … })", at);
          this.mode = M.KeyOrEnd;
          break;
        case M.KeyOrEnd:
        case M.Key:
          if (isWs(b)) break;
          if (b === 0x7d && this.mode === M.KeyOrEnd) {
            this.mode = M.Done;
            break;
          }
          if (b !== QUOTE) this.fail("expected a key in double quotes", at);
          this.mode = M.InKey;
          this.parts = [];
          segStart = i;
          this.escaped = false;
          break;
        case M.InKey:
          if (this.escaped) this.escaped = false;
          else if (b === BACKSLASH) this.escaped = true;
          else if (b === QUOTE) {
            this.parts.push(chunk.subarray(segStart, i + 1));
            segStart = -1;
            this.key = JSON.parse(this.take()) as string;
            if (this.keys.has(this.key)) this.fail(`the key "${this.key}" appears twice`, at);
            this.keys.add(this.key);
            this.mode = M.Colon;
          }
          break;
        case M.Colon:
          if (isWs(b)) break;
          if (b !== 0x3a) this.fail(`expected ":" after "${this.key}"`, at);
          this.mode = M.Value;
          break;
        case M.Value:
        case M.Element:
          if (isWs(b)) break;
          if (this.mode === M.Value && b === 0x5b && this.streamed.has(this.key)) {
            events.push({ type: "arrayStart", key: this.key, offset: at });
            this.mode = M.ArrayFirst;
            this.index = 0;
            break;
          }
          if (b === 0x2c || b === 0x7d || b === 0x5d || b === 0x3a) {
            this.fail(this.mode === M.Value ? `"${this.key}" has no value` : `expected a value in "${this.key}"`, at);
          }
          this.parts = [];
          segStart = i;
          this.valueLine = this.line;
          this.depth = b === 0x7b || b === 0x5b ? 1 : 0;
          this.inString = b === QUOTE;
          this.escaped = false;
          this.scalar = this.depth === 0 && !this.inString;
          this.mode = this.mode === M.Value ? M.InValue : M.InElement;
          break;
        case M.ArrayFirst:
          if (isWs(b)) break;
          if (b === 0x5d) {
            events.push({ type: "arrayEnd", key: this.key, offset: at, count: 0 });
            this.mode = M.AfterValue;
            break;
          }
          this.mode = M.Element;
          i--; // read it again as the start of an element (not a newline: whitespace was skipped)
          break;
        case M.ArrayNext:
          if (isWs(b)) break;
          if (b === 0x2c) this.mode = M.Element;
          else if (b === 0x5d) {
            events.push({ type: "arrayEnd", key: this.key, offset: at, count: this.index });
            this.mode = M.AfterValue;
          } else this.fail(`expected "," or "]" after ${this.key}[${this.index - 1}]`, at);
          break;
        case M.InValue:
        case M.InElement:
          if (this.scalar) {
            if (isDelimiter(b)) {
              endValue(i - 1);
              i--; // the delimiter belongs to what follows
              if (b === 0x0a) this.line--;
            }
          } else if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (b === BACKSLASH) this.escaped = true;
            else if (b === QUOTE) {
              this.inString = false;
              if (this.depth === 0) endValue(i);
            }
          } else if (b === QUOTE) this.inString = true;
          else if (b === 0x7b || b === 0x5b) this.depth++;
          else if (b === 0x7d || b === 0x5d) {
            if (--this.depth === 0) endValue(i);
          }
          break;
        case M.AfterValue:
          if (isWs(b)) break;
          if (b === 0x2c) this.mode = M.Key;
          else if (b === 0x7d) this.mode = M.Done;
          else this.fail(`expected "," or "}" after the value of "${this.key}"`, at);
          break;
        case M.Done:
          if (!isWs(b)) this.fail("there is more after the end of the object", at);
          break;
      }
    }
    if (segStart >= 0 && this.capturing()) this.parts.push(chunk.subarray(segStart));
    this.offset += chunk.length;
    return events;
  }

  end(): ScanEvent[] {
    const events: ScanEvent[] = [];
    if (this.mode === M.InValue && this.scalar) {
      events.push({ type: "value", key: this.key, text: this.take(), line: this.valueLine });
      this.mode = M.AfterValue;
    }
    if (this.mode === M.Start) throw new JsonSyntaxError("the file is empty", this.line, 1);
    if (this.mode !== M.Done) throw new JsonSyntaxError("the file ends too early (is it complete?)", this.line, this.offset - this.lineStart + 1);
    return events;
  }
}

// ───────────────────────────── the first pass: check everything, keep only ids

export type RefKind = "article" | "entity";
export const KIND_OF: Record<SectionName, "article" | "entity" | "mention" | "relation" | "annotation" | "dossier"> = {
  articles: "article",
  entities: "entity",
  mentions: "mention",
  relations: "relation",
  annotations: "annotation",
  dossiers: "dossier",
};
const LABEL: Record<RefKind, string> = { article: "article", entity: "entity" };

/** A reference that names no record of the file: the database must have it. */
export type OpenRef = { kind: RefKind; id: string; path: string; weak: boolean };

export type FileCheck = {
  header: { version: string; exportedAt: string; includesDrafts: boolean; scope: unknown };
  /** byte offsets of each section's "[" and "]" */
  sections: Record<SectionName, { start: number; end: number; count: number }>;
  /** id → index in its section */
  ids: Record<SectionName, Map<string, number>>;
  /** slug → index, for the sections that have slugs */
  slugs: { articles: Map<string, number>; entities: Map<string, number>; dossiers: Map<string, number> };
  /** references to records that are not in the file */
  openRefs: OpenRef[];
  counts: ExportCounts;
};

const MAX_PROBLEMS = 25;

/** A bounded list of problems: the first ones in full, the rest counted. */
export class ProblemList {
  readonly list: Problem[] = [];
  more = 0;
  add(path: string, message: string) {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ path, message });
    else this.more++;
  }
  get empty() {
    return this.list.length === 0;
  }
  throwIfAny() {
    if (!this.empty) throw new FileProblems(this.list, this.more);
  }
}

type Ref = { kind: RefKind; id: string; path: string; weak?: boolean };

/** Every reference a record makes (its pending version's too), with its place. */
export function referencesOf<S extends SectionName>(section: S, index: number, r: SectionRecord<S>): Ref[] {
  const at = `${section}[${index}]`;
  const out: Ref[] = [];
  const cites = (list: { articleId: string }[], path: string) => list.forEach((c, i) => out.push({ kind: "article", id: c.articleId, path: `${path}[${i}].articleId` }));
  switch (section) {
    case "articles": {
      const a = r as SectionRecord<"articles">;
      if (a.duplicateOfId) out.push({ kind: "article", id: a.duplicateOfId, path: `${at}.duplicateOfId`, weak: true });
      break;
    }
    case "entities": {
      const e = r as SectionRecord<"entities">;
      if (e.mergedIntoId) out.push({ kind: "entity", id: e.mergedIntoId, path: `${at}.mergedIntoId` });
      cites(e.citations, `${at}.citations`);
      break;
    }
    case "mentions": {
      const m = r as SectionRecord<"mentions">;
      out.push({ kind: "article", id: m.articleId, path: `${at}.articleId` }, { kind: "entity", id: m.entityId, path: `${at}.entityId` });
      break;
    }
    case "relations": {
      const x = r as SectionRecord<"relations">;
      out.push({ kind: "entity", id: x.sourceId, path: `${at}.sourceId` }, { kind: "entity", id: x.targetId, path: `${at}.targetId` });
      cites(x.citations, `${at}.citations`);
      const p = x.pending?.content as { sourceId?: string; targetId?: string; citations?: { articleId: string }[] } | undefined;
      if (p) {
        if (p.sourceId) out.push({ kind: "entity", id: p.sourceId, path: `${at}.pending.content.sourceId` });
        if (p.targetId) out.push({ kind: "entity", id: p.targetId, path: `${at}.pending.content.targetId` });
        cites(p.citations ?? [], `${at}.pending.content.citations`);
      }
      break;
    }
    case "annotations": {
      const n = r as SectionRecord<"annotations">;
      out.push({ kind: "article", id: n.articleId, path: `${at}.articleId` });
      break;
    }
    case "dossiers": {
      const d = r as SectionRecord<"dossiers">;
      const items = (list: { articleId?: string | null; entityId?: string | null }[], path: string) =>
        list.forEach((item, i) => {
          if (item.articleId) out.push({ kind: "article", id: item.articleId, path: `${path}[${i}].articleId` });
          if (item.entityId) out.push({ kind: "entity", id: item.entityId, path: `${path}[${i}].entityId` });
        });
      items(d.items, `${at}.items`);
      const p = d.pending?.content as { items?: { articleId?: string | null; entityId?: string | null }[] } | undefined;
      if (p?.items) items(p.items, `${at}.pending.content.items`);
      break;
    }
  }
  return out;
}

/** Parses and checks one record (used by both passes). */
export function parseRecord<S extends SectionName>(section: S, index: number, text: string, line: number): { ok: true; record: SectionRecord<S> } | { ok: false; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: `${section}[${index}]`, message: `not valid JSON (line ${line}: ${(e as Error).message})` }] };
  }
  const r = SECTION_SCHEMAS[section].safeParse(json, { error: fileErrorMap });
  if (!r.success) return { ok: false, problems: issuesAt(`${section}[${index}]`, r.error) };
  return { ok: true, record: r.data as SectionRecord<S> };
}

/**
 * The first pass over a file: the header and every record checked, ids and references
 * collected. Throws FileProblems (nothing has been written) when anything is wrong.
 */
export async function checkFile(chunks: AsyncIterable<Uint8Array>): Promise<FileCheck> {
  const problems = new ProblemList();
  const header: Record<string, unknown> = {};
  const sections = {} as FileCheck["sections"];
  const ids = Object.fromEntries(SECTIONS.map((s) => [s, new Map<string, number>()])) as FileCheck["ids"];
  const slugs: FileCheck["slugs"] = { articles: new Map(), entities: new Map(), dossiers: new Map() };
  const childIds = { aliases: new Map<string, string>(), citations: new Map<string, string>(), redirects: new Map<string, string>(), items: new Map<string, string>() };
  const mentionKeys = new Map<string, number>();
  const textLength = new Map<string, number>(); // article id → length of its plain text, to check anchors
  const waiting: Ref[] = []; // references to records not (yet) seen
  const counts = emptyCounts();

  const known = (kind: RefKind, id: string) => (kind === "article" ? ids.articles.has(id) : ids.entities.has(id));
  const anchorFits = (articleId: string, end: number, path: string) => {
    const length = textLength.get(articleId);
    if (length !== undefined && end > length) problems.add(`${path}.end`, `beyond the end of the article's text (${length} characters)`);
  };

  try {
    for await (const ev of scanJson(chunks, new Set(SECTIONS))) {
      if (ev.type === "value") {
        if ((SECTIONS as readonly string[]).includes(ev.key)) {
          problems.add(ev.key, "must be an array");
          continue;
        }
        try {
          header[ev.key] = JSON.parse(ev.text);
        } catch (e) {
          problems.add(ev.key, `not valid JSON (line ${ev.line}: ${(e as Error).message})`);
        }
        continue;
      }
      const section = ev.key as SectionName;
      if (ev.type === "arrayStart") {
        sections[section] = { start: ev.offset, end: -1, count: 0 };
        continue;
      }
      if (ev.type === "arrayEnd") {
        sections[section]!.end = ev.offset;
        sections[section]!.count = ev.count;
        continue;
      }
      // one record
      const at = `${section}[${ev.index}]`;
      const parsed = parseRecord(section, ev.index, ev.text, ev.line);
      if (!parsed.ok) {
        for (const p of parsed.problems) problems.add(p.path, p.message);
        continue;
      }
      const r = parsed.record as SectionRecord<SectionName> & { id: string; slug?: string };
      tally(counts, section, r);
      const seen = ids[section].get(r.id);
      if (seen !== undefined) problems.add(`${at}.id`, `"${r.id}" is already used by ${section}[${seen}]`);
      else ids[section].set(r.id, ev.index);
      if (section === "articles" || section === "entities" || section === "dossiers") {
        const other = slugs[section].get(r.slug!);
        if (other !== undefined) problems.add(`${at}.slug`, `"${r.slug}" is already used by ${section}[${other}]`);
        else slugs[section].set(r.slug!, ev.index);
      }
      const child = (map: Map<string, string>, id: string | undefined, path: string) => {
        if (!id) return;
        const before = map.get(id);
        if (before) problems.add(`${path}.id`, `"${id}" is already used by ${before}`);
        else map.set(id, path);
      };
      switch (section) {
        case "articles": {
          const a = r as SectionRecord<"articles">;
          textLength.set(a.id, a.plainText.length);
          break;
        }
        case "entities": {
          const e = r as SectionRecord<"entities">;
          e.aliases.forEach((x, i) => child(childIds.aliases, x.id, `${at}.aliases[${i}]`));
          e.redirects.forEach((x, i) => child(childIds.redirects, x.id, `${at}.redirects[${i}]`));
          e.citations.forEach((x, i) => {
            child(childIds.citations, x.id, `${at}.citations[${i}]`);
            anchorFits(x.articleId, x.anchor.end, `${at}.citations[${i}].anchor`);
          });
          break;
        }
        case "mentions": {
          const m = r as SectionRecord<"mentions">;
          const key = `${m.articleId}\u0000${m.entityId}\u0000${m.anchor.start}\u0000${m.anchor.end}`;
          const same = mentionKeys.get(key);
          if (same !== undefined) problems.add(at, `links the same words to the same entity as mentions[${same}]`);
          else mentionKeys.set(key, ev.index);
          anchorFits(m.articleId, m.anchor.end, `${at}.anchor`);
          break;
        }
        case "relations": {
          const x = r as SectionRecord<"relations">;
          x.citations.forEach((c, i) => {
            child(childIds.citations, c.id, `${at}.citations[${i}]`);
            anchorFits(c.articleId, c.anchor.end, `${at}.citations[${i}].anchor`);
          });
          break;
        }
        case "annotations": {
          const n = r as SectionRecord<"annotations">;
          anchorFits(n.articleId, n.anchor.end, `${at}.anchor`);
          break;
        }
        case "dossiers": {
          const d = r as SectionRecord<"dossiers">;
          d.items.forEach((x, i) => child(childIds.items, x.id, `${at}.items[${i}]`));
          break;
        }
      }
      for (const ref of referencesOf(section, ev.index, r)) if (!known(ref.kind, ref.id)) waiting.push(ref);
    }
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new FileProblems([{ path: "", message: e.message }]);
    throw e;
  }

  // the version decides how everything else is read: a wrong one is the only problem worth saying
  if (header.version !== EXPORT_VERSION) {
    const v = header.version;
    throw new FileProblems([
      v === undefined
        ? { path: "version", message: `required (this is not a Sijill export file: it has no "version": "${EXPORT_VERSION}")` }
        : { path: "version", message: `unknown schema version ${JSON.stringify(v)} (this version of Sijill reads "${EXPORT_VERSION}")` },
    ]);
  }
  const { counts: declared, ...rest } = header;
  const h = headerSchema.safeParse(rest, { error: fileErrorMap });
  if (!h.success) for (const p of issuesAt("", h.error)) problems.add(p.path, p.message);
  for (const s of SECTIONS) if (!sections[s]) problems.add(s, "required");
  const c = countsSchema.safeParse(declared, { error: fileErrorMap });
  if (!c.success) for (const p of issuesAt("counts", c.error)) problems.add(p.path, p.message);
  else if (problems.empty) {
    for (const k of COUNT_KEYS) {
      if (c.data[k] !== counts[k]) problems.add(`counts.${k}`, `says ${c.data[k]}, but the file holds ${counts[k]} (is it complete?)`);
    }
  }

  const openRefs: OpenRef[] = [];
  for (const ref of waiting) if (!known(ref.kind, ref.id)) openRefs.push({ kind: ref.kind, id: ref.id, path: ref.path, weak: !!ref.weak });
  problems.throwIfAny();
  return {
    header: { version: EXPORT_VERSION, exportedAt: String(header.exportedAt), includesDrafts: header.includesDrafts === true, scope: header.scope },
    sections,
    ids,
    slugs,
    openRefs,
    counts,
  };
}

export function unknownRefMessage(ref: OpenRef): string {
  return `unknown ${LABEL[ref.kind]} "${ref.id}" (it is neither in the file nor in the database)`;
}
