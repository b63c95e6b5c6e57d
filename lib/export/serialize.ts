// Rows ↔ export file records. Pure (no I/O): the exporter maps the rows it reads to
// the file's records, the importer maps the file's records back to column values.
// What a public export may carry is decided here too (and unit-tested): nothing that
// only staff see (pending versions, the duplicate flag, merged entities).
import { formatPrecise, parsePreciseDate, toDbDate, type Precision } from "../dates";
import { checksumOf } from "../articles/clean";
import { simhash } from "../articles/fingerprint";
import { normalizeNameKey } from "../arabic/normalize";
import type { RichTextDoc } from "../rich-text/document";
import type {
  AnchorFile,
  AnnotationFile,
  ArticleFile,
  CitationFile,
  DossierFile,
  EntityFile,
  ExportCounts,
  MentionFile,
  PendingFile,
  RelationFile,
} from "./schema";

type State = "draft" | "in_review" | "published" | "archived";
type AnchorStatus = "anchored" | "orphaned";

/** public: only what the public site shows; staff: everything, drafts included. */
export type Audience = "public" | "staff";

// ───────────────────────────── rows, as the exporter selects them

export type WorkflowCols = {
  id: string;
  state: State;
  version: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type AnchorCols = { exact: string; prefix: string; suffix: string; start: number; end: number; anchorStatus: AnchorStatus };

export type ArticleRow = WorkflowCols & {
  slug: string;
  title: string;
  titleEn: string | null;
  kicker: string | null;
  summary: string | null;
  body: unknown;
  plainText: string;
  originalText: string;
  originalFormat: string;
  outlet: string | null;
  outletEn: string | null;
  url: string | null;
  language: string;
  publishedOn: Date | null;
  publishedOnPrecision: Precision | null;
  byline: string | null;
  checksum: string;
  sourceFile: string | null;
  duplicateOfId: string | null;
};

export type CitationRow = AnchorCols & {
  id: string;
  articleId: string;
  field: string | null;
  claimStart: Date | null;
  claimPrecision: Precision | null;
  claimEnd: Date | null;
  note: string | null;
  createdAt: Date;
};

export type AliasRow = { id: string; name: string; lang: string; script: string; preferred: boolean };
export type RedirectRow = { id: string; fromId: string | null; fromSlug: string | null };

export type EntityRow = WorkflowCols & {
  slug: string;
  type: EntityFile["type"];
  kind: string | null;
  nameAr: string;
  nameEn: string;
  descriptionAr: unknown;
  descriptionEn: unknown;
  startDate: Date | null;
  startPrecision: Precision | null;
  endDate: Date | null;
  endPrecision: Precision | null;
  mergedIntoId: string | null;
  aliases: AliasRow[];
  redirects: RedirectRow[];
  citations: CitationRow[];
};

export type MentionRow = AnchorCols & {
  id: string;
  articleId: string;
  entityId: string;
  state: MentionFile["state"];
  source: MentionFile["source"];
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type RelationRow = WorkflowCols & {
  type: RelationFile["type"];
  sourceId: string;
  targetId: string;
  roleAr: string | null;
  roleEn: string | null;
  startDate: Date | null;
  startPrecision: Precision | null;
  endDate: Date | null;
  endPrecision: Precision | null;
  note: string | null;
  citations: CitationRow[];
};

export type AnnotationRow = WorkflowCols & AnchorCols & { articleId: string; body: unknown; visibility: "internal" | "public" };

export type DossierItemRow = { id: string; position: number; articleId: string | null; entityId: string | null; noteAr: unknown; noteEn: unknown };
export type DossierRow = WorkflowCols & {
  slug: string;
  titleAr: string;
  titleEn: string;
  introAr: unknown;
  introEn: unknown;
  items: DossierItemRow[];
};

/** The next version of a published record (staff exports only). */
export type PendingVersion = PendingFile | null;

// ───────────────────────────── rows → file

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const doc = (v: unknown) => (v ?? null) as RichTextDoc | null;

function workflowOf(r: WorkflowCols, audience: Audience, pending: PendingVersion) {
  return {
    state: r.state,
    version: r.version,
    publishedAt: iso(r.publishedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    // the public sees the live version only, never the one being edited
    pending: audience === "staff" ? pending : null,
  };
}

export function anchorOf(r: AnchorCols): AnchorFile {
  return { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end, status: r.anchorStatus };
}

export function citationToFile(c: CitationRow): CitationFile {
  return {
    id: c.id,
    articleId: c.articleId,
    field: c.field,
    claim: formatPrecise(c.claimStart, c.claimPrecision),
    claimEnd: formatPrecise(c.claimEnd, c.claimPrecision),
    note: c.note,
    anchor: anchorOf(c),
    createdAt: c.createdAt.toISOString(),
  };
}

export function articleToFile(r: ArticleRow, audience: Audience, pending: PendingVersion = null): ArticleFile {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    titleEn: r.titleEn,
    kicker: r.kicker,
    summary: r.summary,
    body: r.body as RichTextDoc,
    plainText: r.plainText,
    originalText: r.originalText,
    originalFormat: r.originalFormat,
    outlet: r.outlet,
    outletEn: r.outletEn,
    url: r.url,
    language: r.language as ArticleFile["language"],
    publishedOn: formatPrecise(r.publishedOn, r.publishedOnPrecision),
    byline: r.byline,
    checksum: r.checksum,
    sourceFile: r.sourceFile,
    // a studio flag that may name an unpublished article: staff only
    duplicateOfId: audience === "staff" ? r.duplicateOfId : null,
    ...workflowOf(r, audience, pending),
  };
}

export function entityToFile(r: EntityRow, audience: Audience, pending: PendingVersion = null): EntityFile {
  return {
    id: r.id,
    slug: r.slug,
    type: r.type,
    kind: r.kind,
    nameAr: r.nameAr,
    nameEn: r.nameEn,
    aliases: r.aliases.map((a) => ({ id: a.id, name: a.name, lang: a.lang, script: a.script as "Arab" | "Latn" | "Other", preferred: a.preferred })),
    descriptionAr: doc(r.descriptionAr),
    descriptionEn: doc(r.descriptionEn),
    start: formatPrecise(r.startDate, r.startPrecision),
    end: formatPrecise(r.endDate, r.endPrecision),
    mergedIntoId: audience === "staff" ? r.mergedIntoId : null,
    redirects: r.redirects.map((x) => ({ id: x.id, fromId: x.fromId, fromSlug: x.fromSlug })),
    citations: r.citations.map(citationToFile),
    ...workflowOf(r, audience, pending),
  };
}

export function mentionToFile(r: MentionRow): MentionFile {
  return {
    id: r.id,
    articleId: r.articleId,
    entityId: r.entityId,
    anchor: anchorOf(r),
    state: r.state,
    source: r.source,
    decidedAt: iso(r.decidedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function relationToFile(r: RelationRow, audience: Audience, pending: PendingVersion = null): RelationFile {
  return {
    id: r.id,
    type: r.type,
    sourceId: r.sourceId,
    targetId: r.targetId,
    roleAr: r.roleAr,
    roleEn: r.roleEn,
    start: formatPrecise(r.startDate, r.startPrecision),
    end: formatPrecise(r.endDate, r.endPrecision),
    note: r.note,
    citations: r.citations.map(citationToFile),
    ...workflowOf(r, audience, pending),
  };
}

export function annotationToFile(r: AnnotationRow, audience: Audience, pending: PendingVersion = null): AnnotationFile {
  return {
    id: r.id,
    articleId: r.articleId,
    anchor: anchorOf(r),
    body: r.body as RichTextDoc,
    visibility: r.visibility,
    ...workflowOf(r, audience, pending),
  };
}

export function dossierToFile(r: DossierRow, audience: Audience, pending: PendingVersion = null): DossierFile {
  return {
    id: r.id,
    slug: r.slug,
    titleAr: r.titleAr,
    titleEn: r.titleEn,
    introAr: doc(r.introAr),
    introEn: doc(r.introEn),
    items: r.items.map((i) => ({ id: i.id, position: i.position, articleId: i.articleId, entityId: i.entityId, noteAr: doc(i.noteAr), noteEn: doc(i.noteEn) })),
    ...workflowOf(r, audience, pending),
  };
}

// ───────────────────────────── file → column values (the importer)

const date = (s: string | null) => (s ? new Date(s) : null);

/** "2017-01" → its DATE column and precision. */
export function preciseCols(value: string | null): { date: Date | null; precision: Precision | null } {
  const p = value ? parsePreciseDate(value) : null;
  return p ? { date: toDbDate(p), precision: p.precision } : { date: null, precision: null };
}

export function anchorCols(a: AnchorFile): AnchorCols {
  return { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end, anchorStatus: a.status };
}

/** The workflow columns of a record from the file (who created it stays in the original installation). */
export function workflowCols(f: { state: State; version: number; publishedAt: string | null; createdAt: string; updatedAt: string }) {
  return { state: f.state, version: f.version, publishedAt: date(f.publishedAt), createdAt: new Date(f.createdAt), updatedAt: new Date(f.updatedAt) };
}

export function articleCols(f: ArticleFile) {
  const publishedOn = preciseCols(f.publishedOn);
  return {
    slug: f.slug,
    title: f.title,
    titleEn: f.titleEn,
    kicker: f.kicker,
    summary: f.summary,
    body: f.body,
    plainText: f.plainText,
    originalText: f.originalText,
    originalFormat: f.originalFormat,
    outlet: f.outlet,
    outletEn: f.outletEn,
    url: f.url,
    language: f.language,
    publishedOn: publishedOn.date,
    publishedOnPrecision: publishedOn.precision,
    byline: f.byline,
    checksum: f.checksum ?? checksumOf(f.plainText),
    simhash: simhash(f.plainText),
    sourceFile: f.sourceFile,
  };
}

export function entityCols(f: EntityFile) {
  const start = preciseCols(f.start);
  const end = preciseCols(f.end);
  return {
    slug: f.slug,
    type: f.type,
    kind: f.kind,
    nameAr: f.nameAr,
    nameEn: f.nameEn,
    descriptionAr: f.descriptionAr,
    descriptionEn: f.descriptionEn,
    startDate: start.date,
    startPrecision: start.precision,
    endDate: end.date,
    endPrecision: end.precision,
  };
}

/**
 * The alias rows of an entity, in the file's order (kept by `createdAt`, a millisecond
 * apart from `base`). Like the studio, the two primary names are always among them.
 */
export function aliasCols(f: EntityFile, base: Date) {
  const rows: { id: string | undefined; name: string; normalized: string; lang: string; script: string; preferred: boolean }[] = f.aliases.map((a) => ({
    id: a.id,
    name: a.name,
    normalized: normalizeNameKey(a.name),
    lang: a.lang,
    script: a.script,
    preferred: a.preferred,
  }));
  const have = new Set(rows.map((r) => r.normalized));
  const primary = (name: string, lang: string, script: string) => {
    const normalized = normalizeNameKey(name);
    if (normalized && !have.has(normalized)) {
      have.add(normalized);
      rows.push({ id: undefined, name, normalized, lang, script, preferred: true });
    }
  };
  primary(f.nameAr, "ar", "Arab");
  primary(f.nameEn, "en", /[A-Za-z]/.test(f.nameEn) ? "Latn" : "Other");
  return rows.map((r, i) => ({ ...r, createdAt: new Date(base.getTime() + i) }));
}

export function citationCols(c: CitationFile) {
  const claim = preciseCols(c.claim);
  const claimEnd = preciseCols(c.claimEnd);
  return {
    id: c.id,
    articleId: c.articleId,
    field: c.field,
    claimStart: claim.date,
    claimPrecision: claim.precision ?? claimEnd.precision,
    claimEnd: claimEnd.date,
    note: c.note,
    ...anchorCols(c.anchor),
    createdAt: new Date(c.createdAt),
  };
}

export function mentionCols(f: MentionFile) {
  return {
    articleId: f.articleId,
    entityId: f.entityId,
    ...anchorCols(f.anchor),
    state: f.state,
    source: f.source,
    decidedAt: date(f.decidedAt),
    createdAt: new Date(f.createdAt),
    updatedAt: new Date(f.updatedAt),
  };
}

export function relationCols(f: RelationFile) {
  const start = preciseCols(f.start);
  const end = preciseCols(f.end);
  return {
    type: f.type,
    sourceId: f.sourceId,
    targetId: f.targetId,
    roleAr: f.roleAr,
    roleEn: f.roleEn,
    startDate: start.date,
    startPrecision: start.precision,
    endDate: end.date,
    endPrecision: end.precision,
    note: f.note,
  };
}

export function annotationCols(f: AnnotationFile) {
  return { articleId: f.articleId, ...anchorCols(f.anchor), body: f.body, visibility: f.visibility };
}

export function dossierCols(f: DossierFile) {
  return { slug: f.slug, titleAr: f.titleAr, titleEn: f.titleEn, introAr: f.introAr, introEn: f.introEn };
}

export function dossierItemCols(f: DossierFile) {
  return f.items.map((i) => ({ id: i.id, position: i.position, articleId: i.articleId, entityId: i.entityId, noteAr: i.noteAr, noteEn: i.noteEn }));
}

// ───────────────────────────── counts

export const emptyCounts = (): ExportCounts => ({
  articles: 0,
  entities: 0,
  aliases: 0,
  mentions: 0,
  relations: 0,
  citations: 0,
  annotations: 0,
  dossiers: 0,
  dossierItems: 0,
});

/** Adds one record of a section to the counts (its child rows too). */
export function tally(counts: ExportCounts, section: "articles" | "entities" | "mentions" | "relations" | "annotations" | "dossiers", record: unknown): void {
  counts[section]++;
  const r = record as { aliases?: unknown[]; citations?: unknown[]; items?: unknown[] };
  if (section === "entities") {
    counts.aliases += r.aliases?.length ?? 0;
    counts.citations += r.citations?.length ?? 0;
  } else if (section === "relations") counts.citations += r.citations?.length ?? 0;
  else if (section === "dossiers") counts.dossierItems += r.items?.length ?? 0;
}
