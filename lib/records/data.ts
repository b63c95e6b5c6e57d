// Curated records (articles, entities, relations, annotations, dossiers): their
// editable content, saving with optimistic concurrency, the live/pending split of
// published records, and revisions. The one place that reads and writes content.
//
// The row of a record is what the public sees once it is published. Editing a
// published record never touches the row: the new content is a Revision named by
// pendingRevisionId (with its own pendingState draft → in review) until a publish
// applies it. Every save writes a revision (a full content snapshot); a save based on
// an old version is refused with a conflict that says what changed and by whom.
import { syncSearchDocuments } from "../search/data";
import "server-only";
import { diffChars } from "diff";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/policy";
import { formatPrecise, parsePreciseDate, toDbDate, type Precision } from "../dates";
import { docToPlainText, type RichTextDoc } from "../rich-text/document";
import { checksumOf } from "../articles/clean";
import { simhash } from "../articles/fingerprint";
import { anchorAt, reanchor } from "../anchors/anchor";
import { normalizeNameKey } from "../arabic/normalize";
import { slugify } from "../validation";
import { changedFields } from "../revisions/diff";
import { suggestMentionsIn } from "../mentions/data";
import { CONTENT_SCHEMAS, createPermission, editPermission, type AnyContent, type ContentOf, type RecordKind } from "./kinds";
import type { ArticleContent } from "../articles/schemas";
import type { EntityContent } from "../entities/schemas";
import type { DossierContent } from "../dossiers/schemas";
import type { AnnotationContent, PassageInput } from "../annotations/schemas";
import type { RelationContent } from "../relations/schemas";

export type Tx = Prisma.TransactionClient;
type State = "draft" | "in_review" | "published" | "archived";

export const workflowSelect = {
  id: true,
  state: true,
  version: true,
  publishAt: true,
  publishedAt: true,
  pendingRevisionId: true,
  pendingState: true,
  scheduledById: true,
  createdById: true,
  updatedById: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type WorkflowRow = {
  id: string;
  state: State;
  version: number;
  publishAt: Date | null;
  publishedAt: Date | null;
  pendingRevisionId: string | null;
  pendingState: State | null;
  scheduledById: string | null;
  createdById: string | null;
  updatedById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type WorkflowUpdate = Partial<{
  state: State;
  version: number | { increment: number };
  publishAt: Date | null;
  publishedAt: Date | null;
  pendingRevisionId: string | null;
  pendingState: State | null;
  scheduledById: string | null;
  updatedById: string | null;
}>;

type WorkflowDelegate = {
  findUnique(args: { where: { id: string }; select: typeof workflowSelect }): Promise<WorkflowRow | null>;
  updateMany(args: { where: { id: string; version?: number }; data: WorkflowUpdate }): Promise<{ count: number }>;
};

const TABLE: Record<RecordKind, string> = {
  article: "articles",
  entity: "entities",
  relation: "relations",
  annotation: "annotations",
  dossier: "dossiers",
};

/** The Prisma delegate of a kind, seen through the workflow columns every kind shares. */
export function workflowDelegate(tx: Tx, kind: RecordKind): WorkflowDelegate {
  return tx[kind] as unknown as WorkflowDelegate;
}

/** Locks the row for the rest of the transaction and returns its workflow columns. */
export async function lockRecord(tx: Tx, kind: RecordKind, id: string): Promise<WorkflowRow> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM "${TABLE[kind]}" WHERE id = $1 FOR UPDATE`, id);
  const row = await workflowDelegate(tx, kind).findUnique({ where: { id }, select: workflowSelect });
  if (!row) throw new AppError("not_found", "This record does not exist (it may have been deleted).");
  return row;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;
const dateCols = (value: string | null, prefix: "start" | "end" | "publishedOn") => {
  const p = value ? parsePreciseDate(value) : null;
  const date = p ? toDbDate(p) : null;
  const precision = (p?.precision ?? null) as Precision | null;
  if (prefix === "publishedOn") return { publishedOn: date, publishedOnPrecision: precision };
  return prefix === "start" ? { startDate: date, startPrecision: precision } : { endDate: date, endPrecision: precision };
};

// ───────────────────────────── per-kind content: load from the row, apply to the row

async function uniqueSlug(tx: Tx, kind: "article" | "entity" | "dossier", base: string): Promise<string> {
  const root = slugify(base);
  for (let n = 0; n < 50; n++) {
    const candidate = n === 0 ? root : `${root}-${n + 1}`;
    const taken =
      kind === "article"
        ? await tx.article.findUnique({ where: { slug: candidate }, select: { id: true } })
        : kind === "entity"
          ? (await tx.entity.findUnique({ where: { slug: candidate }, select: { id: true } })) ??
            (await tx.entityRedirect.findUnique({ where: { fromSlug: candidate }, select: { id: true } }))
          : await tx.dossier.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `${root}-${Date.now().toString(36)}`;
}

async function loadArticle(tx: Tx, id: string): Promise<ArticleContent | null> {
  const r = await tx.article.findUnique({ where: { id } });
  if (!r) return null;
  return {
    title: r.title,
    titleEn: r.titleEn,
    kicker: r.kicker,
    summary: r.summary,
    body: r.body as RichTextDoc,
    outlet: r.outlet,
    outletEn: r.outletEn,
    url: r.url,
    language: r.language as ArticleContent["language"],
    publishedOn: formatPrecise(r.publishedOn, r.publishedOnPrecision),
    byline: r.byline,
  };
}

function articleColumns(c: ArticleContent) {
  const plainText = docToPlainText(c.body);
  return {
    title: c.title,
    titleEn: c.titleEn,
    kicker: c.kicker,
    summary: c.summary,
    body: json(c.body),
    plainText,
    checksum: checksumOf(plainText),
    simhash: simhash(plainText),
    outlet: c.outlet,
    outletEn: c.outletEn,
    url: c.url,
    language: c.language,
    ...dateCols(c.publishedOn, "publishedOn"),
    byline: c.byline,
  };
}

/** After the text of an article changed: every passage anchored on it finds its words again, or is flagged orphaned. */
export async function reanchorArticlePassages(tx: Tx, articleId: string, oldText: string, newText: string): Promise<{ orphaned: number }> {
  if (oldText === newText) return { orphaned: 0 };
  const changes = diffChars(oldText, newText);
  let orphaned = 0;
  const fix = async (
    rows: { id: string; exact: string; prefix: string; suffix: string; start: number; end: number }[],
    update: (id: string, data: { exact?: string; prefix?: string; suffix?: string; start?: number; end?: number; anchorStatus: "anchored" | "orphaned" }) => Promise<unknown>,
  ) => {
    for (const row of rows) {
      const r = reanchor(row, newText, changes);
      if (r.status === "anchored") await update(row.id, { ...r.anchor, anchorStatus: "anchored" });
      else {
        orphaned++;
        await update(row.id, { anchorStatus: "orphaned" });
      }
    }
  };
  const select = { id: true, exact: true, prefix: true, suffix: true, start: true, end: true } as const;
  await fix(await tx.mention.findMany({ where: { articleId }, select }), (id, data) => tx.mention.update({ where: { id }, data }));
  await fix(await tx.annotation.findMany({ where: { articleId }, select }), (id, data) => tx.annotation.update({ where: { id }, data }));
  await fix(await tx.citation.findMany({ where: { articleId }, select }), (id, data) => tx.citation.update({ where: { id }, data }));
  return { orphaned };
}

async function applyArticle(tx: Tx, id: string, c: ArticleContent): Promise<void> {
  const before = await tx.article.findUniqueOrThrow({ where: { id }, select: { plainText: true } });
  const cols = articleColumns(c);
  await tx.article.update({ where: { id }, data: cols });
  await syncSearchDocuments(tx, { articles: [id] });
  if (before.plainText !== cols.plainText) {
    await reanchorArticlePassages(tx, id, before.plainText, cols.plainText);
    await suggestMentionsIn(tx, id);
  }
}

export type ArticleCreateExtra = {
  originalText?: string;
  originalFormat?: string;
  sourceFile?: string | null;
  duplicateOfId?: string | null;
};

async function createArticle(tx: Tx, c: ArticleContent, base: BaseCols, extra: ArticleCreateExtra = {}) {
  const cols = articleColumns(c);
  const row = await tx.article.create({
    data: {
      ...cols,
      ...base,
      slug: await uniqueSlug(tx, "article", c.titleEn ?? c.title),
      originalText: extra.originalText ?? cols.plainText,
      originalFormat: extra.originalFormat ?? "txt",
      sourceFile: extra.sourceFile ?? null,
      duplicateOfId: extra.duplicateOfId ?? null,
    },
    select: { id: true },
  });
  await syncSearchDocuments(tx, { articles: [row.id] });
  return row.id;
}

async function loadEntity(tx: Tx, id: string): Promise<EntityContent | null> {
  const r = await tx.entity.findUnique({ where: { id }, include: { aliases: { orderBy: { createdAt: "asc" } } } });
  if (!r) return null;
  const primary = new Set([normalizeNameKey(r.nameAr), normalizeNameKey(r.nameEn)]);
  return {
    type: r.type,
    kind: r.kind,
    nameAr: r.nameAr,
    nameEn: r.nameEn,
    aliases: r.aliases
      .filter((a) => !primary.has(a.normalized))
      .map((a) => ({ name: a.name, lang: a.lang, script: a.script as "Arab" | "Latn" | "Other", preferred: a.preferred })),
    descriptionAr: (r.descriptionAr as RichTextDoc | null) ?? null,
    descriptionEn: (r.descriptionEn as RichTextDoc | null) ?? null,
    start: formatPrecise(r.startDate, r.startPrecision),
    end: formatPrecise(r.endDate, r.endPrecision),
  };
}

export function scriptOfName(name: string): "Arab" | "Latn" | "Other" {
  if (/[\u0600-\u06FF]/.test(name)) return "Arab";
  if (/[A-Za-z]/.test(name)) return "Latn";
  return "Other";
}

/** The alias rows of an entity: its two primary names (preferred) and its other spellings, one per normalized key. */
export function aliasRows(c: Pick<EntityContent, "nameAr" | "nameEn" | "aliases">) {
  const seen = new Set<string>();
  const out: { name: string; normalized: string; lang: string; script: string; preferred: boolean }[] = [];
  const add = (name: string, lang: string, preferred: boolean, script?: string) => {
    const normalized = normalizeNameKey(name);
    if (!normalized || seen.has(normalized)) return;
    seen.add(normalized);
    out.push({ name, normalized, lang, script: script ?? scriptOfName(name), preferred });
  };
  add(c.nameAr, "ar", true);
  add(c.nameEn, "en", true);
  for (const a of c.aliases) add(a.name, a.lang, a.preferred, a.script);
  return out;
}

function entityColumns(c: EntityContent) {
  return {
    type: c.type,
    kind: c.kind,
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    descriptionAr: c.descriptionAr ? json(c.descriptionAr) : ("DbNull" as const),
    descriptionEn: c.descriptionEn ? json(c.descriptionEn) : ("DbNull" as const),
    ...dateCols(c.start, "start"),
    ...dateCols(c.end, "end"),
  };
}

async function applyEntity(tx: Tx, id: string, c: EntityContent): Promise<void> {
  const { descriptionAr, descriptionEn, ...cols } = entityColumns(c);
  await tx.entity.update({
    where: { id },
    data: {
      ...cols,
      descriptionAr: descriptionAr === "DbNull" ? dbNull() : descriptionAr,
      descriptionEn: descriptionEn === "DbNull" ? dbNull() : descriptionEn,
    },
  });
  await tx.entityAlias.deleteMany({ where: { entityId: id } });
  await tx.entityAlias.createMany({ data: aliasRows(c).map((a) => ({ ...a, entityId: id })) });
  await syncSearchDocuments(tx, { entities: [id] });
}

const dbNull = () => Prisma.DbNull;

type BaseCols = { state: State; version: number; createdById: string | null; updatedById: string | null };

async function createEntity(tx: Tx, c: EntityContent, base: BaseCols): Promise<string> {
  const { descriptionAr, descriptionEn, ...cols } = entityColumns(c);
  const row = await tx.entity.create({
    data: {
      ...cols,
      ...(descriptionAr === "DbNull" ? {} : { descriptionAr }),
      ...(descriptionEn === "DbNull" ? {} : { descriptionEn }),
      ...base,
      slug: await uniqueSlug(tx, "entity", c.nameEn || c.nameAr),
      aliases: { create: aliasRows(c) },
    },
    select: { id: true },
  });
  await syncSearchDocuments(tx, { entities: [row.id] });
  return row.id;
}

async function loadDossier(tx: Tx, id: string): Promise<DossierContent | null> {
  const r = await tx.dossier.findUnique({ where: { id }, include: { items: { orderBy: { position: "asc" } } } });
  if (!r) return null;
  return {
    titleAr: r.titleAr,
    titleEn: r.titleEn,
    introAr: (r.introAr as RichTextDoc | null) ?? null,
    introEn: (r.introEn as RichTextDoc | null) ?? null,
    items: r.items.map((i) => ({
      articleId: i.articleId,
      entityId: i.entityId,
      noteAr: (i.noteAr as RichTextDoc | null) ?? null,
      noteEn: (i.noteEn as RichTextDoc | null) ?? null,
    })),
  };
}

async function assertItemsExist(tx: Tx, items: DossierContent["items"]): Promise<void> {
  const articleIds = [...new Set(items.flatMap((i) => (i.articleId ? [i.articleId] : [])))];
  const entityIds = [...new Set(items.flatMap((i) => (i.entityId ? [i.entityId] : [])))];
  const [a, e] = await Promise.all([
    tx.article.findMany({ where: { id: { in: articleIds } }, select: { id: true } }),
    tx.entity.findMany({ where: { id: { in: entityIds } }, select: { id: true } }),
  ]);
  const found = new Set([...a, ...e].map((r) => r.id));
  const missing = [...articleIds, ...entityIds].find((id) => !found.has(id));
  if (missing) throw new AppError("bad_request", `A dossier item points to a record that does not exist (${missing}).`);
}

const itemRows = (items: DossierContent["items"]) =>
  items.map((i, position) => ({
    position,
    articleId: i.articleId,
    entityId: i.entityId,
    ...(i.noteAr ? { noteAr: json(i.noteAr) } : {}),
    ...(i.noteEn ? { noteEn: json(i.noteEn) } : {}),
  }));

async function applyDossier(tx: Tx, id: string, c: DossierContent): Promise<void> {
  await assertItemsExist(tx, c.items);
  await tx.dossier.update({
    where: { id },
    data: {
      titleAr: c.titleAr,
      titleEn: c.titleEn,
      introAr: c.introAr ? json(c.introAr) : dbNull(),
      introEn: c.introEn ? json(c.introEn) : dbNull(),
    },
  });
  await tx.dossierItem.deleteMany({ where: { dossierId: id } });
  await tx.dossierItem.createMany({ data: itemRows(c.items).map((i) => ({ ...i, dossierId: id })) });
}

async function createDossier(tx: Tx, c: DossierContent, base: BaseCols): Promise<string> {
  await assertItemsExist(tx, c.items);
  const row = await tx.dossier.create({
    data: {
      titleAr: c.titleAr,
      titleEn: c.titleEn,
      ...(c.introAr ? { introAr: json(c.introAr) } : {}),
      ...(c.introEn ? { introEn: json(c.introEn) } : {}),
      ...base,
      slug: await uniqueSlug(tx, "dossier", c.titleEn || c.titleAr),
      items: { create: itemRows(c.items) },
    },
    select: { id: true },
  });
  return row.id;
}

async function loadAnnotation(tx: Tx, id: string): Promise<AnnotationContent | null> {
  const r = await tx.annotation.findUnique({ where: { id }, select: { body: true, visibility: true } });
  return r ? { body: r.body as RichTextDoc, visibility: r.visibility } : null;
}

async function applyAnnotation(tx: Tx, id: string, c: AnnotationContent): Promise<void> {
  await tx.annotation.update({ where: { id }, data: { body: json(c.body), visibility: c.visibility } });
}

/** Checks a passage against the article's text and returns its full anchor. */
export async function anchorPassage(tx: Tx, p: PassageInput) {
  const article = await tx.article.findUnique({ where: { id: p.articleId }, select: { plainText: true } });
  if (!article) throw new AppError("bad_request", "The article of this passage does not exist.");
  if (p.end > article.plainText.length || article.plainText.slice(p.start, p.end) !== p.exact) {
    // the text moved under the selection: find the same words again
    const r = reanchor({ exact: p.exact, prefix: "", suffix: "", start: p.start, end: p.end }, article.plainText);
    if (!r.anchor) throw new AppError("conflict", "The selected words are no longer in the article text; reload it and select again.");
    return r.anchor;
  }
  return anchorAt(article.plainText, p.start, p.end);
}

async function createAnnotation(tx: Tx, c: AnnotationContent, base: BaseCols, passage: PassageInput): Promise<string> {
  const anchor = await anchorPassage(tx, passage);
  const row = await tx.annotation.create({
    data: { ...anchor, articleId: passage.articleId, body: json(c.body), visibility: c.visibility, authorId: base.createdById, ...base },
    select: { id: true },
  });
  return row.id;
}

async function loadRelation(tx: Tx, id: string): Promise<RelationContent | null> {
  const r = await tx.relation.findUnique({ where: { id }, include: { citations: { orderBy: { createdAt: "asc" } } } });
  if (!r) return null;
  return {
    type: r.type,
    sourceId: r.sourceId,
    targetId: r.targetId,
    roleAr: r.roleAr,
    roleEn: r.roleEn,
    start: formatPrecise(r.startDate, r.startPrecision),
    end: formatPrecise(r.endDate, r.endPrecision),
    note: r.note,
    citations: r.citations.map((c) => ({ articleId: c.articleId, start: c.start, end: c.end, exact: c.exact, note: c.note, claim: formatPrecise(c.claimStart, c.claimPrecision) })),
  };
}

async function relationColumns(tx: Tx, c: RelationContent) {
  const ends = await tx.entity.count({ where: { id: { in: [c.sourceId, c.targetId] } } });
  if (ends !== 2) throw new AppError("bad_request", "Both ends of a relation must be existing entities.");
  return {
    type: c.type,
    sourceId: c.sourceId,
    targetId: c.targetId,
    roleAr: c.roleAr,
    roleEn: c.roleEn,
    ...dateCols(c.start, "start"),
    ...dateCols(c.end, "end"),
    note: c.note,
  };
}

async function citationRows(tx: Tx, c: RelationContent, actorId: string | null) {
  const rows = [];
  for (const cit of c.citations) {
    const claim = cit.claim ? parsePreciseDate(cit.claim) : null;
    rows.push({
      ...(await anchorPassage(tx, cit)),
      articleId: cit.articleId,
      note: cit.note,
      createdById: actorId,
      claimStart: claim ? toDbDate(claim) : null,
      claimPrecision: claim?.precision ?? null,
    });
  }
  return rows;
}

async function applyRelation(tx: Tx, id: string, c: RelationContent, actorId: string | null): Promise<void> {
  await tx.relation.update({ where: { id }, data: await relationColumns(tx, c) });
  await tx.citation.deleteMany({ where: { relationId: id } });
  await tx.citation.createMany({ data: (await citationRows(tx, c, actorId)).map((r) => ({ ...r, relationId: id })) });
}

async function createRelation(tx: Tx, c: RelationContent, base: BaseCols): Promise<string> {
  const row = await tx.relation.create({ data: { ...(await relationColumns(tx, c)), ...base }, select: { id: true } });
  await tx.citation.createMany({ data: (await citationRows(tx, c, base.createdById)).map((r) => ({ ...r, relationId: row.id })) });
  return row.id;
}

/** The content of the row (the live version of a published record). */
export async function loadRowContent<K extends RecordKind>(tx: Tx, kind: K, id: string): Promise<ContentOf<K> | null> {
  switch (kind) {
    case "article":
      return (await loadArticle(tx, id)) as ContentOf<K> | null;
    case "entity":
      return (await loadEntity(tx, id)) as ContentOf<K> | null;
    case "dossier":
      return (await loadDossier(tx, id)) as ContentOf<K> | null;
    case "annotation":
      return (await loadAnnotation(tx, id)) as ContentOf<K> | null;
    case "relation":
      return (await loadRelation(tx, id)) as ContentOf<K> | null;
  }
  return null;
}

/** Writes content onto the row (and its child rows: aliases, items, citations). */
export async function applyContent(tx: Tx, kind: RecordKind, id: string, content: AnyContent, actorId: string | null): Promise<void> {
  switch (kind) {
    case "article":
      return applyArticle(tx, id, content as ArticleContent);
    case "entity":
      return applyEntity(tx, id, content as EntityContent);
    case "dossier":
      return applyDossier(tx, id, content as DossierContent);
    case "annotation":
      return applyAnnotation(tx, id, content as AnnotationContent);
    case "relation":
      return applyRelation(tx, id, content as RelationContent, actorId);
  }
}

// ───────────────────────────── revisions

export type RevisionAction = "create" | "save" | "autosave" | "restore" | "publish" | "import" | "seed" | "merge" | "unmerge";

/** An autosave right after another autosave of the same author replaces it instead of piling up. */
const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;

export async function writeRevision(
  tx: Tx,
  input: { kind: RecordKind; id: string; version: number; content: AnyContent; action: RevisionAction; message?: string | null; authorId: string | null },
): Promise<string> {
  const snapshot = JSON.parse(JSON.stringify(input.content)) as Prisma.InputJsonValue;
  if (input.action === "autosave") {
    const last = await tx.revision.findFirst({
      where: { recordType: input.kind, recordId: input.id },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      select: { id: true, action: true, authorId: true, createdAt: true },
    });
    if (last && last.action === "autosave" && last.authorId === input.authorId && Date.now() - last.createdAt.getTime() < AUTOSAVE_COALESCE_MS) {
      await tx.revision.update({ where: { id: last.id }, data: { snapshot, version: input.version, createdAt: new Date() } });
      return last.id;
    }
  }
  const rev = await tx.revision.create({
    data: {
      recordType: input.kind,
      recordId: input.id,
      version: input.version,
      snapshot,
      action: input.action,
      message: input.message ?? null,
      authorId: input.authorId,
    },
    select: { id: true },
  });
  return rev.id;
}

// ───────────────────────────── reading a record for the studio

export type WorkingCopy<K extends RecordKind = RecordKind> = {
  kind: K;
  row: WorkflowRow;
  /** what the editor edits: the pending version when there is one, else the row */
  content: ContentOf<K>;
  /** the public version (only for a published record) */
  live: ContentOf<K> | null;
  hasPendingChanges: boolean;
};

async function pendingContent<K extends RecordKind>(tx: Tx, kind: K, row: WorkflowRow): Promise<ContentOf<K> | null> {
  if (!row.pendingRevisionId) return null;
  const rev = await tx.revision.findUnique({ where: { id: row.pendingRevisionId }, select: { snapshot: true } });
  return rev ? (CONTENT_SCHEMAS[kind].parse(rev.snapshot) as ContentOf<K>) : null;
}

export async function workingCopyIn<K extends RecordKind>(tx: Tx, kind: K, row: WorkflowRow): Promise<WorkingCopy<K>> {
  const rowContent = await loadRowContent(tx, kind, row.id);
  if (!rowContent) throw new AppError("not_found", "This record does not exist.");
  const pending = await pendingContent(tx, kind, row);
  return {
    kind,
    row,
    content: pending ?? rowContent,
    live: row.state === "published" ? rowContent : null,
    hasPendingChanges: pending !== null,
  };
}

/** For the studio (callers check "studio.access" first): the record as staff edit it. */
export async function getWorkingCopy<K extends RecordKind>(kind: K, id: string): Promise<WorkingCopy<K> | null> {
  const client = db();
  const row = await workflowDelegate(client as unknown as Tx, kind).findUnique({ where: { id }, select: workflowSelect });
  if (!row) return null;
  return workingCopyIn(client as unknown as Tx, kind, row);
}

// ───────────────────────────── saving

export type SaveResult = { id: string; version: number; pending: boolean; revisionId: string };

export type ConflictDetails = {
  currentVersion: number;
  changedFields: string[];
  by: string | null;
  at: string | null;
  current: Record<string, unknown>;
};

async function conflictError(tx: Tx, kind: RecordKind, row: WorkflowRow, expectedVersion: number): Promise<AppError> {
  const working = await workingCopyIn(tx, kind, row);
  const base = await tx.revision.findFirst({
    where: { recordType: kind, recordId: row.id, version: { lte: expectedVersion } },
    orderBy: [{ version: "desc" }, { createdAt: "desc" }],
    select: { snapshot: true },
  });
  const latest = await tx.revision.findFirst({
    where: { recordType: kind, recordId: row.id },
    orderBy: [{ createdAt: "desc" }],
    select: { createdAt: true, author: { select: { name: true } } },
  });
  const current = working.content as Record<string, unknown>;
  const changed = base ? changedFields(base.snapshot as Record<string, unknown>, current) : [];
  const details: ConflictDetails = {
    currentVersion: row.version,
    changedFields: changed,
    by: latest?.author?.name ?? null,
    at: latest?.createdAt.toISOString() ?? null,
    current,
  };
  const who = details.by ? `${details.by} saved` : "Someone saved";
  const what = changed.length ? ` (changed: ${changed.join(", ")})` : "";
  return new AppError(
    "conflict",
    `${who} a newer version of this record${what} after you opened it. Your changes were not saved and are still in the form: compare, then save again to keep yours.`,
    details,
  );
}

/**
 * Saves new content for a record. `expectedVersion` is the version the editor
 * started from; anything else is a conflict (nothing written). A published record
 * keeps its live version: the content becomes its pending version.
 */
export async function saveRecord<K extends RecordKind>(
  actor: Actor,
  kind: K,
  id: string,
  rawContent: unknown,
  opts: { expectedVersion: number; action?: "save" | "autosave" | "restore"; message?: string | null },
): Promise<SaveResult> {
  const content = CONTENT_SCHEMAS[kind].parse(rawContent) as ContentOf<K>;
  return db().$transaction(
    async (tx) => {
      const row = await lockRecord(tx, kind, id);
      authorize(actor, editPermission(kind), row);
      if (row.state === "archived") throw new AppError("conflict", "This record is archived: restore it from the archive before editing it.");
      if (row.version !== opts.expectedVersion) throw await conflictError(tx, kind, row, opts.expectedVersion);
      const version = row.version + 1;
      const action = opts.action ?? "save";
      if (row.state === "published") {
        const revisionId = await writeRevision(tx, { kind, id, version, content, action, message: opts.message, authorId: actor.id });
        await workflowDelegate(tx, kind).updateMany({
          where: { id },
          data: { version, pendingRevisionId: revisionId, pendingState: row.pendingState ?? "draft", updatedById: actor.id },
        });
        return { id, version, pending: true, revisionId };
      }
      await applyContent(tx, kind, id, content, actor.id);
      await workflowDelegate(tx, kind).updateMany({ where: { id }, data: { version, updatedById: actor.id } });
      const revisionId = await writeRevision(tx, { kind, id, version, content, action, message: opts.message, authorId: actor.id });
      return { id, version, pending: false, revisionId };
    },
    { timeout: 30_000 },
  );
}

export type CreateExtra = { article?: ArticleCreateExtra; passage?: PassageInput; action?: RevisionAction; message?: string | null };

/** Creates a draft record with its first revision, inside `tx` (callers that import several at once share one). */
export async function createRecordIn<K extends RecordKind>(tx: Tx, actor: Actor, kind: K, content: ContentOf<K>, extra: CreateExtra = {}): Promise<string> {
  const base: BaseCols = { state: "draft", version: 1, createdById: actor.id, updatedById: actor.id };
  let id: string;
  switch (kind) {
    case "article":
      id = await createArticle(tx, content as ArticleContent, base, extra.article);
      break;
    case "entity":
      id = await createEntity(tx, content as EntityContent, base);
      break;
    case "dossier":
      id = await createDossier(tx, content as DossierContent, base);
      break;
    case "annotation":
      if (!extra.passage) throw new AppError("bad_request", "An annotation needs a passage.");
      id = await createAnnotation(tx, content as AnnotationContent, base, extra.passage);
      break;
    case "relation":
      id = await createRelation(tx, content as RelationContent, base);
      break;
    default:
      throw new AppError("bad_request", "Unknown record type.");
  }
  await writeRevision(tx, { kind, id, version: 1, content, action: extra.action ?? "create", message: extra.message, authorId: actor.id });
  return id;
}

export async function createRecord<K extends RecordKind>(actor: Actor, kind: K, rawContent: unknown, extra: CreateExtra = {}): Promise<{ id: string; version: number }> {
  authorize(actor, createPermission(kind));
  const content = CONTENT_SCHEMAS[kind].parse(rawContent) as ContentOf<K>;
  const id = await db().$transaction((tx) => createRecordIn(tx, actor, kind, content, extra), { timeout: 30_000 });
  return { id, version: 1 };
}

/** Deletes a record that was never published (editors and admins). */
export async function deleteRecord(actor: Actor, kind: RecordKind, id: string, expectedVersion: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await lockRecord(tx, kind, id);
    authorize(actor, "record.delete", row);
    if (row.version !== expectedVersion) throw await conflictError(tx, kind, row, expectedVersion);
    if (row.state === "published") throw new AppError("conflict", "A published record cannot be deleted: unpublish or archive it first.");
    await (tx[kind] as unknown as { delete(a: { where: { id: string } }): Promise<unknown> }).delete({ where: { id } });
    await tx.auditEvent.create({ data: { actorId: actor.id, action: `${kind}.delete`, recordType: kind, recordId: id } });
  });
}

// ───────────────────────────── studio lists

/** The studio's front page: what needs attention. */
export async function getStudioOverview(actor: Actor) {
  authorize(actor, "studio.access");
  const client = db();
  const [articles, entities, dossiers, annotations, reviewQueue, myDrafts, orphaned] = await Promise.all([
    countStates("article", {}),
    countStates("entity", { mergedIntoId: null }),
    countStates("dossier", {}),
    countStates("annotation", {}),
    client.article.findMany({
      where: { OR: [{ state: "in_review" }, { pendingState: "in_review" }] },
      orderBy: { updatedAt: "asc" },
      take: 20,
      select: { id: true, title: true, updatedAt: true, state: true, pendingState: true },
    }),
    client.article.findMany({
      where: { createdById: actor.id, OR: [{ state: "draft" }, { pendingState: "draft" }] },
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { id: true, title: true, updatedAt: true, state: true, pendingState: true },
    }),
    client.mention.count({ where: { anchorStatus: "orphaned" } }),
  ]);
  return { counts: { article: articles, entity: entities, dossier: dossiers, annotation: annotations }, reviewQueue, myDrafts, orphaned };
}

export type StudioRowBase = {
  id: string;
  state: State;
  pendingState: State | null;
  hasPendingChanges: boolean;
  publishAt: Date | null;
  version: number;
  updatedAt: Date;
  createdAt: Date;
  author: string | null;
  authorId: string | null;
};

/** The workflow part of a studio list filter, the same for every kind. */
export function workflowWhere(q: { state?: string; author?: string; from?: string; to?: string }) {
  const where: Record<string, unknown> = {};
  if (q.state === "pending") where.pendingRevisionId = { not: null };
  else if (q.state === "scheduled") where.publishAt = { not: null };
  else if (q.state) where.state = q.state;
  if (q.author) where.createdById = q.author;
  if (q.from || q.to) {
    where.updatedAt = {
      ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
      ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  return where;
}

export function orderByOf(sort: string, titleField: string): Record<string, "asc" | "desc">[] {
  switch (sort) {
    case "updated_asc":
      return [{ updatedAt: "asc" }, { id: "asc" }];
    case "title_asc":
      return [{ [titleField]: "asc" }, { id: "asc" }];
    case "created_desc":
      return [{ createdAt: "desc" }, { id: "asc" }];
    default:
      return [{ updatedAt: "desc" }, { id: "asc" }];
  }
}

/** Counts per workflow state (plus pending changes and scheduled) of a filtered list, ignoring its own state filter. */
export async function countStates(kind: RecordKind, where: Record<string, unknown>): Promise<Record<string, number>> {
  const d = db()[kind] as unknown as {
    groupBy(a: object): Promise<{ state: string; _count: { _all: number } }[]>;
    count(a: object): Promise<number>;
  };
  const [byState, pending, scheduled] = await Promise.all([
    d.groupBy({ by: ["state"], where, _count: { _all: true } }),
    d.count({ where: { ...where, pendingRevisionId: { not: null } } }),
    d.count({ where: { ...where, publishAt: { not: null } } }),
  ]);
  const out: Record<string, number> = { draft: 0, in_review: 0, published: 0, archived: 0, pending, scheduled };
  for (const r of byState) out[r.state] = r._count._all;
  return out;
}

/** Names of the users who created the rows. */
export async function authorNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const users = await db().user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export function baseRow(
  r: { id: string; state: State; pendingState: State | null; pendingRevisionId: string | null; publishAt: Date | null; version: number; updatedAt: Date; createdAt: Date; createdById: string | null },
  names: Map<string, string>,
): StudioRowBase {
  return {
    id: r.id,
    state: r.state,
    pendingState: r.pendingState,
    hasPendingChanges: r.pendingRevisionId !== null,
    publishAt: r.publishAt,
    version: r.version,
    updatedAt: r.updatedAt,
    createdAt: r.createdAt,
    author: r.createdById ? (names.get(r.createdById) ?? null) : null,
    authorId: r.createdById,
  };
}

export const studioRowSelect = {
  id: true,
  state: true,
  pendingState: true,
  pendingRevisionId: true,
  publishAt: true,
  version: true,
  updatedAt: true,
  createdAt: true,
  createdById: true,
} as const;
