// Importing an export file (lib/export/schema.ts) in one transaction: either every
// record of the file is written, or nothing is.
//
// 1. check (no database): the file is read as a stream (lib/import/schema-check.ts),
//    every record checked, ids and references collected; a malformed file, another
//    version, a duplicate id or a wrong count is refused with the place of each problem.
// 2. check against the database (inside the transaction): every reference the file
//    does not satisfy itself must name an existing record; ids already in the database
//    are refused unless `replace`; slugs must be free.
// 3. write, section by section in dependency order (each section is read again from
//    its own byte range, a batch of records at a time), keeping the file's ids; a
//    revision (action "import") for every record and one audit event "import.file".
//
// Ids are the file's. A record whose id is already in the database is refused, or with
// `replace` overwritten: its columns and child rows (aliases, citations, items,
// redirects) become the file's, its version goes up by one (an editor with the old
// version open gets a conflict), and a pending version it had is dropped (it stays in
// its history). Nothing the file does not name is deleted.
//
// Who did what stays in the installation the file came from: the import is attributed
// to the importer (createdBy/updatedBy, the revisions, the audit event).
import { syncSearchDocuments } from "../search/data";
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db, type PrismaClient } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { recordAudit } from "../audit/data";
import { loadRowContent, reanchorArticlePassages, writeRevision, type Tx } from "../records/data";
import { CONTENT_SCHEMAS, type RecordKind } from "../records/kinds";
import { SECTIONS, type ExportCounts, type PendingFile, type SectionName, type SectionRecord } from "../export/schema";
import {
  aliasCols,
  annotationCols,
  articleCols,
  citationCols,
  dossierCols,
  dossierItemCols,
  entityCols,
  mentionCols,
  relationCols,
  workflowCols,
} from "../export/serialize";
import { checkFile, FileProblems, KIND_OF, parseRecord, ProblemList, scanJson, unknownRefMessage, type FileCheck } from "./schema-check";

// ───────────────────────────── where the file comes from

/** A file that can be read more than once, whole or one byte range (inclusive) at a time. */
export type ImportSource = {
  name: string;
  size: number | null;
  read(range?: { start: number; end: number }): AsyncIterable<Uint8Array>;
};

export function fileSource(file: string): ImportSource {
  const size = fs.statSync(file).size;
  return {
    name: path.basename(file),
    size,
    read: (range) => fs.createReadStream(file, { highWaterMark: 256 * 1024, ...(range ? { start: range.start, end: range.end } : {}) }),
  };
}

/** A file already in memory (tests, uploads); `chunkSize` only changes how it is fed to the reader. */
export function textSource(text: string | Uint8Array, name = "import.json", chunkSize = 64 * 1024): ImportSource {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return {
    name,
    size: bytes.length,
    async *read(range) {
      const b = range ? bytes.subarray(range.start, range.end + 1) : bytes;
      for (let i = 0; i < b.length; i += chunkSize) yield b.subarray(i, i + chunkSize);
    },
  };
}

// ───────────────────────────── the import

export type ImportProgress = { phase: "check" | "write"; done: number; total: number };

export type ImportOptions = {
  /** overwrite records whose id is already in the database (default: refuse the file) */
  replace?: boolean;
  /** who imports (null: the shell) */
  actorId?: string | null;
  /** another database (tests, tools); default the app's */
  client?: PrismaClient;
  onProgress?: (p: ImportProgress) => void;
};

export type ImportResult = {
  file: string;
  counts: ExportCounts;
  created: Record<SectionName, number>;
  replaced: Record<SectionName, number>;
};

const BATCH = 200;
/** a nullable JSON column: null is SQL NULL */
const json = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));
/** a required JSON column */
const doc = (v: unknown) => v as Prisma.InputJsonValue;
const zero = () => Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<SectionName, number>;

/** Imports a file in one transaction. Throws AppError("bad_request") naming the place of every problem; then nothing is written. */
export async function importFile(source: ImportSource, opts: ImportOptions = {}): Promise<ImportResult> {
  const client = opts.client ?? db();
  const actorId = opts.actorId ?? null;
  try {
    // 1. the file alone
    let bytes = 0;
    const counted = async function* () {
      for await (const chunk of source.read()) {
        bytes += chunk.length;
        opts.onProgress?.({ phase: "check", done: bytes, total: source.size ?? bytes });
        yield chunk;
      }
    };
    const check = await checkFile(counted());
    const total = SECTIONS.reduce((n, s) => n + check.sections[s].count, 0);

    return await client.$transaction(
      async (tx) => {
        // 2. the file against the database
        const known = await checkAgainstDatabase(tx, check, !!opts.replace);
        // 3. write
        const w = new Writer(tx, actorId, known, source.name);
        let done = 0;
        for (const section of SECTIONS) {
          let batch: { index: number; record: SectionRecord<SectionName> }[] = [];
          const flush = async () => {
            if (!batch.length) return;
            await w.write(section, batch);
            done += batch.length;
            opts.onProgress?.({ phase: "write", done, total });
            batch = [];
          };
          for await (const item of readSection(source, check, section)) {
            batch.push(item);
            if (batch.length >= BATCH) await flush();
          }
          await flush();
          if (section === "entities") await w.linkMerged();
        }
        await recordAudit(
          {
            actorId,
            action: "import.file",
            details: {
              file: source.name,
              version: check.header.version,
              exportedAt: check.header.exportedAt,
              scope: check.header.scope as Prisma.InputJsonValue,
              includesDrafts: check.header.includesDrafts,
              counts: check.counts,
              created: w.created,
              replaced: w.replaced,
            },
          },
          tx,
        );
        return { file: source.name, counts: check.counts, created: w.created, replaced: w.replaced };
      },
      { timeout: 60 * 60_000, maxWait: 30_000 },
    );
  } catch (e) {
    if (e instanceof FileProblems) throw new AppError("bad_request", e.message, { problems: e.problems, more: e.more });
    throw e;
  }
}

/** The records of one section, read again from its byte range. */
async function* readSection<S extends SectionName>(source: ImportSource, check: FileCheck, section: S): AsyncGenerator<{ index: number; record: SectionRecord<S> }> {
  const range = check.sections[section];
  async function* bytes() {
    yield Buffer.from(`{${JSON.stringify(section)}:`);
    yield* source.read({ start: range.start, end: range.end });
    yield Buffer.from("}");
  }
  let n = 0;
  for await (const ev of scanJson(bytes(), new Set([section]))) {
    if (ev.type !== "element") continue;
    const parsed = parseRecord(section, ev.index, ev.text, ev.line);
    if (!parsed.ok) throw new FileProblems(parsed.problems); // the file changed while it was imported
    n++;
    yield { index: ev.index, record: parsed.record };
  }
  if (n !== range.count) throw new FileProblems([{ path: section, message: "the file changed while it was being imported" }]);
}

// ───────────────────────────── against the database

type Known = {
  /** ids (per section) already in the database → their version (0 for mentions) */
  existing: Record<SectionName, Map<string, number>>;
  /** duplicateOf hints whose article is nowhere: dropped */
  dropDuplicateOf: Set<string>;
};

const ID_CHUNK = 1000;

function* chunksOf<T>(items: T[], size = ID_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

type IdDelegate = { findMany(args: { where: object; select: object }): Promise<{ id: string; version?: number; slug?: string }[]> };

async function checkAgainstDatabase(tx: Tx, check: FileCheck, replace: boolean): Promise<Known> {
  const problems = new ProblemList();
  const delegate = (section: SectionName) => tx[KIND_OF[section]] as unknown as IdDelegate;

  // references the file does not satisfy itself
  const dropDuplicateOf = new Set<string>();
  for (const kind of ["article", "entity"] as const) {
    const refs = check.openRefs.filter((r) => r.kind === kind);
    const found = new Set<string>();
    for (const ids of chunksOf([...new Set(refs.map((r) => r.id))])) {
      const rows = await delegate(kind === "article" ? "articles" : "entities").findMany({ where: { id: { in: ids } }, select: { id: true } });
      for (const r of rows) found.add(r.id);
    }
    for (const ref of refs) {
      if (found.has(ref.id)) continue;
      if (ref.weak) dropDuplicateOf.add(ref.id);
      else problems.add(ref.path, unknownRefMessage(ref));
    }
  }

  // ids already there
  const existing = Object.fromEntries(SECTIONS.map((s) => [s, new Map<string, number>()])) as Known["existing"];
  for (const section of SECTIONS) {
    const ids = check.ids[section];
    const hasVersion = section !== "mentions";
    for (const chunk of chunksOf([...ids.keys()])) {
      const rows = await delegate(section).findMany({ where: { id: { in: chunk } }, select: { id: true, ...(hasVersion ? { version: true } : {}) } });
      for (const row of rows) existing[section].set(row.id, row.version ?? 0);
    }
    if (!replace) {
      const kind = KIND_OF[section];
      const taken = [...existing[section].keys()].map((id) => [ids.get(id)!, id] as const).sort((a, b) => a[0] - b[0]);
      for (const [index, id] of taken) {
        problems.add(`${section}[${index}].id`, `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} with the id "${id}" is already in the database (import with --replace to overwrite it)`);
      }
    }
  }

  // slugs taken by other records
  for (const section of ["articles", "entities", "dossiers"] as const) {
    const slugs = check.slugs[section];
    for (const chunk of chunksOf([...slugs.keys()])) {
      const rows = await delegate(section).findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true } });
      for (const row of rows) {
        const index = slugs.get(row.slug!)!;
        if (!check.ids[section].has(row.id) || check.ids[section].get(row.id) !== index) {
          problems.add(`${section}[${index}].slug`, `"${row.slug}" is already used by another ${KIND_OF[section]} in the database (${row.id})`);
        }
      }
    }
  }
  problems.throwIfAny();
  return { existing, dropDuplicateOf };
}

// ───────────────────────────── writing

type Batch<S extends SectionName> = { index: number; record: SectionRecord<S> }[];
type WorkflowRecord = { id: string; version: number; updatedAt: string; pending: PendingFile | null };
type UpdateDelegate = { update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown> };

class Writer {
  readonly created = zero();
  readonly replaced = zero();
  private readonly merged: { id: string; into: string; updatedAt: Date | null }[] = [];
  private readonly message: string;

  constructor(
    private readonly tx: Tx,
    private readonly actorId: string | null,
    private readonly known: Known,
    file: string,
  ) {
    this.message = `Imported from ${file}`;
  }

  async write<S extends SectionName>(section: S, batch: Batch<S>): Promise<void> {
    try {
      switch (section) {
        case "articles":
          await this.articles(batch as Batch<"articles">);
          return await syncSearchDocuments(this.tx, { articles: batch.map((b) => (b.record as { id: string }).id) });
        case "entities":
          await this.entities(batch as Batch<"entities">);
          return await syncSearchDocuments(this.tx, { entities: batch.map((b) => (b.record as { id: string }).id) });
        case "mentions":
          return await this.mentions(batch as Batch<"mentions">);
        case "relations":
          return await this.relations(batch as Batch<"relations">);
        case "annotations":
          return await this.annotations(batch as Batch<"annotations">);
        case "dossiers":
          return await this.dossiers(batch as Batch<"dossiers">);
      }
    } catch (e) {
      throw explainWriteError(e, section, batch);
    }
  }

  /** split a batch into new records and records to overwrite */
  private split<S extends SectionName>(section: S, batch: Batch<S>) {
    const existing = this.known.existing[section];
    const fresh = batch.filter((b) => !existing.has((b.record as { id: string }).id));
    const old = batch.filter((b) => existing.has((b.record as { id: string }).id));
    this.created[section] += fresh.length;
    this.replaced[section] += old.length;
    return { fresh: fresh.map((b) => b.record), old: old.map((b) => b.record) };
  }

  private get by() {
    return { createdById: this.actorId, updatedById: this.actorId };
  }

  /** The columns an overwritten record gets besides its content: the next version, no pending version, no schedule. */
  private overwrite(section: SectionName, f: { id: string; state: "draft" | "in_review" | "published" | "archived"; publishedAt: string | null }) {
    return {
      state: f.state,
      publishedAt: f.publishedAt ? new Date(f.publishedAt) : null,
      version: this.known.existing[section].get(f.id)! + 1,
      pendingRevisionId: null,
      pendingState: null,
      publishAt: null,
      scheduledById: null,
      updatedById: this.actorId,
    };
  }

  /** The revision of each record (its content as the app loads it), then its pending version if it has one. */
  private async revise(kind: RecordKind, section: SectionName, records: WorkflowRecord[], fresh: boolean) {
    for (const f of records) {
      const version = fresh ? f.version : this.known.existing[section].get(f.id)! + 1;
      const content = await loadRowContent(this.tx, kind, f.id);
      if (!content) continue;
      await writeRevision(this.tx, { kind, id: f.id, version, content, action: "import", message: this.message, authorId: this.actorId });
      if (!f.pending) continue;
      const pending = CONTENT_SCHEMAS[kind].parse(f.pending.content);
      const revisionId = await writeRevision(this.tx, { kind, id: f.id, version, content: pending, action: "import", message: `${this.message} (pending version)`, authorId: this.actorId });
      await (this.tx[kind] as unknown as UpdateDelegate).update({
        where: { id: f.id },
        // a new record keeps the file's updatedAt (this update is part of writing it)
        data: { pendingRevisionId: revisionId, pendingState: f.pending.state, ...(fresh ? { updatedAt: new Date(f.updatedAt) } : {}) },
      });
    }
  }

  private async articles(batch: Batch<"articles">) {
    const { tx } = this;
    const { fresh, old } = this.split("articles", batch);
    const dup = (id: string | null) => (id && !this.known.dropDuplicateOf.has(id) ? id : null);
    if (fresh.length) {
      await tx.article.createMany({
        data: fresh.map((f) => ({ id: f.id, ...articleCols(f), body: doc(f.body), duplicateOfId: dup(f.duplicateOfId), ...workflowCols(f), ...this.by })),
      });
    }
    for (const f of old) {
      const before = await tx.article.findUniqueOrThrow({ where: { id: f.id }, select: { plainText: true } });
      await tx.article.update({ where: { id: f.id }, data: { ...articleCols(f), body: doc(f.body), duplicateOfId: dup(f.duplicateOfId), ...this.overwrite("articles", f) } });
      // passages the file does not carry find their words in the new text (or are flagged orphaned)
      await reanchorArticlePassages(tx, f.id, before.plainText, f.plainText);
    }
    await this.revise("article", "articles", fresh, true);
    await this.revise("article", "articles", old, false);
  }

  private async entities(batch: Batch<"entities">) {
    const { tx } = this;
    const { fresh, old } = this.split("entities", batch);
    const cols = (f: SectionRecord<"entities">) => ({ ...entityCols(f), descriptionAr: json(f.descriptionAr), descriptionEn: json(f.descriptionEn) });
    if (fresh.length) {
      await tx.entity.createMany({ data: fresh.map((f) => ({ id: f.id, ...cols(f), ...workflowCols(f), ...this.by })) });
    }
    for (const f of old) {
      await tx.entity.update({ where: { id: f.id }, data: { ...cols(f), mergedIntoId: null, ...this.overwrite("entities", f) } });
    }
    if (old.length) {
      const ids = old.map((f) => f.id);
      await tx.entityAlias.deleteMany({ where: { entityId: { in: ids } } });
      await tx.entityRedirect.deleteMany({ where: { entityId: { in: ids } } });
      await tx.citation.deleteMany({ where: { entityId: { in: ids }, relationId: null } });
    }
    const all = [...fresh, ...old];
    const now = new Date();
    await tx.entityAlias.createMany({ data: all.flatMap((f) => aliasCols(f, now).map(({ id, ...a }) => ({ ...(id ? { id } : {}), ...a, entityId: f.id }))) });
    await tx.entityRedirect.createMany({ data: all.flatMap((f) => f.redirects.map((r) => ({ ...r, entityId: f.id }))) });
    await tx.citation.createMany({ data: all.flatMap((f) => f.citations.map((c) => ({ ...citationCols(c), entityId: f.id, createdById: this.actorId }))) });
    for (const f of fresh) if (f.mergedIntoId) this.merged.push({ id: f.id, into: f.mergedIntoId, updatedAt: new Date(f.updatedAt) });
    for (const f of old) if (f.mergedIntoId) this.merged.push({ id: f.id, into: f.mergedIntoId, updatedAt: null });
    await this.revise("entity", "entities", fresh, true);
    await this.revise("entity", "entities", old, false);
  }

  /** Merged duplicates point at their survivor once every entity of the file is written. */
  async linkMerged() {
    for (const m of this.merged) {
      await this.tx.entity.update({ where: { id: m.id }, data: { mergedIntoId: m.into, ...(m.updatedAt ? { updatedAt: m.updatedAt } : {}) } });
    }
  }

  private async mentions(batch: Batch<"mentions">) {
    const { tx } = this;
    const { fresh, old } = this.split("mentions", batch);
    if (fresh.length) await tx.mention.createMany({ data: fresh.map((f) => ({ id: f.id, ...mentionCols(f), createdById: this.actorId })) });
    for (const f of old) {
      const { createdAt: _created, updatedAt: _updated, ...cols } = mentionCols(f);
      await tx.mention.update({ where: { id: f.id }, data: cols });
    }
  }

  private async relations(batch: Batch<"relations">) {
    const { tx } = this;
    const { fresh, old } = this.split("relations", batch);
    if (fresh.length) await tx.relation.createMany({ data: fresh.map((f) => ({ id: f.id, ...relationCols(f), ...workflowCols(f), ...this.by })) });
    for (const f of old) await tx.relation.update({ where: { id: f.id }, data: { ...relationCols(f), ...this.overwrite("relations", f) } });
    if (old.length) await tx.citation.deleteMany({ where: { relationId: { in: old.map((f) => f.id) } } });
    await tx.citation.createMany({ data: [...fresh, ...old].flatMap((f) => f.citations.map((c) => ({ ...citationCols(c), relationId: f.id, createdById: this.actorId }))) });
    await this.revise("relation", "relations", fresh, true);
    await this.revise("relation", "relations", old, false);
  }

  private async annotations(batch: Batch<"annotations">) {
    const { tx } = this;
    const { fresh, old } = this.split("annotations", batch);
    const cols = (f: SectionRecord<"annotations">) => ({ ...annotationCols(f), body: doc(f.body) });
    if (fresh.length) await tx.annotation.createMany({ data: fresh.map((f) => ({ id: f.id, ...cols(f), ...workflowCols(f), ...this.by })) });
    for (const f of old) await tx.annotation.update({ where: { id: f.id }, data: { ...cols(f), ...this.overwrite("annotations", f) } });
    await this.revise("annotation", "annotations", fresh, true);
    await this.revise("annotation", "annotations", old, false);
  }

  private async dossiers(batch: Batch<"dossiers">) {
    const { tx } = this;
    const { fresh, old } = this.split("dossiers", batch);
    const cols = (f: SectionRecord<"dossiers">) => ({ ...dossierCols(f), introAr: json(f.introAr), introEn: json(f.introEn) });
    if (fresh.length) await tx.dossier.createMany({ data: fresh.map((f) => ({ id: f.id, ...cols(f), ...workflowCols(f), ...this.by })) });
    for (const f of old) await tx.dossier.update({ where: { id: f.id }, data: { ...cols(f), ...this.overwrite("dossiers", f) } });
    if (old.length) await tx.dossierItem.deleteMany({ where: { dossierId: { in: old.map((f) => f.id) } } });
    await tx.dossierItem.createMany({
      data: [...fresh, ...old].flatMap((f) => dossierItemCols(f).map((i) => ({ ...i, noteAr: json(i.noteAr), noteEn: json(i.noteEn), dossierId: f.id }))),
    });
    await this.revise("dossier", "dossiers", fresh, true);
    await this.revise("dossier", "dossiers", old, false);
  }
}

/** A database refusal while writing a batch, said with the place in the file (never with the database's own wording). */
function explainWriteError(e: unknown, section: SectionName, batch: { index: number }[]): unknown {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return e;
  const first = batch[0]!.index;
  const last = batch[batch.length - 1]!.index;
  const where = first === last ? `${section}[${first}]` : `${section}[${first}…${last}]`;
  const meta = (e.meta ?? {}) as { target?: unknown; modelName?: string };
  // "mentions_articleId_entityId_start_end_key" → "articleId, entityId, start, end"
  const constraint = /constraint: `([^`]+)`/.exec(e.message)?.[1] ?? (typeof meta.target === "string" ? meta.target : null);
  const fields = Array.isArray(meta.target) ? (meta.target as string[]).join(", ") : constraint ? constraintFields(constraint) : null;
  const what = `${meta.modelName ?? "a row"}${fields ? ` (${fields})` : ""}`;
  const message =
    e.code === "P2002"
      ? `conflicts with a row already in the database: ${what} must be unique`
      : e.code === "P2003"
        ? `refers to a record that does not exist (${what})`
        : `the database refused it (${e.code})`;
  return new AppError("bad_request", `${where}: ${message}`, { problems: [{ path: where, message }] });
}

const TABLES = ["entity_aliases", "entity_redirects", "dossier_items", "mentions", "citations", "articles", "entities", "relations", "annotations", "dossiers"];

/** "mentions_articleId_entityId_start_end_key" → "articleId, entityId, start, end"; "dossier_items_pkey" → "id" */
export function constraintFields(constraint: string): string {
  const table = TABLES.find((t) => constraint.startsWith(`${t}_`));
  const rest = table ? constraint.slice(table.length + 1) : constraint;
  if (rest === "pkey") return "id";
  return rest.replace(/_(key|fkey)$/, "").split("_").join(", ");
}
