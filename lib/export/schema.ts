// The export file: one versioned JSON document (`sijill.export/1`) holding a
// collection with stable ids. This zod schema is the contract: the exporter writes
// it, the importer checks every record against it (with the path of each problem),
// and GET /api/v1/export/schema serves it as a JSON Schema (z.toJSONSchema).
//
// Pure: no I/O. Every field is a plain JSON type (no transforms), so the JSON Schema
// says exactly what the importer accepts; checks JSON Schema cannot express (rich
// text against the editor's schema, dates that exist, a pending version's content)
// are refinements.
import { z } from "zod";
import { assertValidDoc, type RichTextDoc } from "../rich-text/document";
import { parsePreciseDate } from "../dates";
import { LANGUAGES } from "../articles/schemas";
import { ENTITY_TYPES } from "../entities/schemas";
import { RELATION_TYPES } from "../relations/schemas";
import { normalizeNameKey } from "../arabic/normalize";
import { CONTENT_SCHEMAS, type RecordKind } from "../records/kinds";

/** The version of the file format. A file with another version is refused. */
export const EXPORT_VERSION = "sijill.export/1";

/** The sections of the file, in the order they are written and imported (references point backwards). */
export const SECTIONS = ["articles", "entities", "mentions", "relations", "annotations", "dossiers"] as const;
export type SectionName = (typeof SECTIONS)[number];

export const WORKFLOW_STATES = ["draft", "in_review", "published", "archived"] as const;

// ───────────────────────────── building blocks

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/, "not a valid id (letters, digits, - and _)")
  .meta({ description: "A stable id: the same record keeps it in every export and after an import." });

const slug = z.string().min(1).max(200).regex(/^[^\s/?#]+$/, "not a valid slug (no spaces, /, ? or #)");

const requiredText = (max: number) =>
  z
    .string()
    .min(1, "required")
    .max(max, `at most ${max} characters`)
    .refine((v) => v.trim() !== "", "required");
const optionalText = (max: number) => z.string().max(max, `at most ${max} characters`).nullable();

const timestamp = z.iso.datetime({ offset: true, error: "not an ISO 8601 date and time (2017-01-24T09:30:00.000Z)" });

/** "2017", "2017-01" or "2017-01-23": a date at its precision (year, month or day). */
export const preciseDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
  .refine((v) => parsePreciseDate(v) !== null, "not a real date")
  .meta({ description: "A date at its precision: YYYY (year), YYYY-MM (month) or YYYY-MM-DD (day)." });

/** A tiptap JSON document, checked against the same extension list the editor uses. */
export const richText = z
  .looseObject({ type: z.literal("doc") })
  .superRefine((doc, ctx) => {
    try {
      assertValidDoc(doc);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
    }
  })
  .meta({ description: 'A rich text document: tiptap (ProseMirror) JSON, {"type":"doc","content":[…]}.' }) as unknown as z.ZodType<RichTextDoc, RichTextDoc>;

/** A passage of an article's plain text (W3C Web Annotation TextQuote + TextPosition selectors). */
export const anchorSchema = z
  .strictObject({
    exact: z.string().min(1, "required"),
    prefix: z.string().default(""),
    suffix: z.string().default(""),
    start: z.int().min(0),
    end: z.int().min(1),
    status: z.enum(["anchored", "orphaned"]).default("anchored"),
  })
  .refine((a) => a.end > a.start, { message: "must be after start", path: ["end"] })
  .meta({
    description:
      "The passage: the exact words with the text just before and after them, and their UTF-16 offsets in the article's plainText. " +
      '"orphaned" when a corrected text no longer holds the words.',
  });

const pendingSchema = z
  .strictObject({
    state: z.enum(["draft", "in_review"]),
    content: z.record(z.string(), z.unknown()),
  })
  .meta({
    description:
      "Staff exports only: the next version of a published record, edited or in review but not yet published " +
      "(its content in the studio's format). Public exports never carry it.",
  });

/** The workflow columns every curated record carries. */
const workflow = {
  state: z.enum(WORKFLOW_STATES),
  version: z.int().min(1),
  publishedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  pending: pendingSchema.nullable().default(null),
};

/** The pending version's content must be what the studio itself would save for this kind. */
const pendingContentCheck = (kind: RecordKind) => (record: { pending: { content: Record<string, unknown> } | null }, ctx: z.RefinementCtx) => {
  if (!record.pending) return;
  const r = CONTENT_SCHEMAS[kind].safeParse(record.pending.content);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["pending", "content", ...issue.path] });
};

// ───────────────────────────── records

export const articleFileSchema = z
  .strictObject({
    id,
    slug,
    title: requiredText(500),
    titleEn: optionalText(500),
    kicker: optionalText(300),
    summary: optionalText(2000),
    body: richText,
    plainText: z.string().meta({ description: "The body as plain text (blocks separated by a blank line): every anchor's offsets count in it." }),
    originalText: z.string().meta({ description: "The text exactly as it was first imported, never altered." }),
    originalFormat: z.string().min(1).max(20).default("txt"),
    outlet: optionalText(200),
    outletEn: optionalText(200),
    url: optionalText(2000),
    language: z.enum(LANGUAGES),
    publishedOn: preciseDate.nullable(),
    byline: optionalText(300),
    checksum: z.string().min(1).optional().meta({ description: "sha256 of the normalized plain text (duplicate detection); computed when absent." }),
    sourceFile: optionalText(255).default(null),
    duplicateOfId: id.nullable().default(null).meta({ description: "Staff exports: an article this one (nearly) duplicates; dropped on import when that article is not there." }),
    ...workflow,
  })
  .superRefine(pendingContentCheck("article"))
  .meta({ title: "Article", description: "A source document (press article)." });

export const aliasFileSchema = z.strictObject({
  id: id.optional(),
  name: requiredText(300),
  lang: z.string().regex(/^[a-z]{2,3}$/, "a language code such as ar, en, fr"),
  script: z.enum(["Arab", "Latn", "Other"]),
  preferred: z.boolean().default(false),
});

export const citationFileSchema = z
  .strictObject({
    id,
    articleId: id,
    field: optionalText(60).default(null).meta({ description: 'For a claim about an entity: the field it is about ("date").' }),
    claim: preciseDate.nullable().default(null).meta({ description: "The date this source gives (sources may disagree)." }),
    claimEnd: preciseDate.nullable().default(null),
    note: optionalText(2000).default(null),
    anchor: anchorSchema,
    createdAt: timestamp,
  })
  .meta({ title: "Citation", description: "A passage cited as evidence for a relation or for a claim about an entity." });

const redirectFileSchema = z
  .strictObject({ id, fromId: id.nullable(), fromSlug: slug.nullable() })
  .meta({ description: "An old id or slug (of a merged or renamed entity) that now leads to this entity." });

export const entityFileSchema = z
  .strictObject({
    id,
    slug,
    type: z.enum(ENTITY_TYPES),
    kind: optionalText(60),
    nameAr: requiredText(300),
    nameEn: requiredText(300),
    aliases: z.array(aliasFileSchema).max(500).default([]).meta({ description: "Every spelling the entity is known by, its two primary names included." }),
    descriptionAr: richText.nullable().default(null),
    descriptionEn: richText.nullable().default(null),
    start: preciseDate.nullable(),
    end: preciseDate.nullable(),
    mergedIntoId: id.nullable().default(null).meta({ description: "Staff exports of everything: the entity this duplicate was merged into." }),
    redirects: z.array(redirectFileSchema).default([]),
    citations: z.array(citationFileSchema).default([]).meta({ description: "Passages cited for claims about this entity (e.g. the date of an event)." }),
    ...workflow,
  })
  .superRefine((e, ctx) => {
    pendingContentCheck("entity")(e, ctx);
    const seen = new Map<string, number>();
    e.aliases.forEach((a, i) => {
      const key = normalizeNameKey(a.name);
      if (!key) ctx.addIssue({ code: "custom", message: "has no letters to match on", path: ["aliases", i, "name"] });
      else if (seen.has(key)) ctx.addIssue({ code: "custom", message: `the same spelling as aliases[${seen.get(key)}] once normalized`, path: ["aliases", i, "name"] });
      else seen.set(key, i);
    });
    if (e.mergedIntoId === e.id) ctx.addIssue({ code: "custom", message: "an entity cannot be merged into itself", path: ["mergedIntoId"] });
    if (e.start && e.end && e.end < e.start.slice(0, e.end.length)) ctx.addIssue({ code: "custom", message: "before the start date", path: ["end"] });
  })
  .meta({ title: "Entity", description: "A person, organization, event or place, with its names and aliases." });

export const mentionFileSchema = z
  .strictObject({
    id,
    articleId: id,
    entityId: id,
    anchor: anchorSchema,
    state: z.enum(["suggested", "confirmed", "rejected"]),
    source: z.enum(["seed", "suggestion", "manual", "import"]),
    decidedAt: timestamp.nullable().default(null),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ title: "Mention", description: "An entity named in a passage of an article. Public exports hold confirmed mentions only." });

export const relationFileSchema = z
  .strictObject({
    id,
    type: z.enum(RELATION_TYPES),
    sourceId: id,
    targetId: id,
    roleAr: optionalText(300),
    roleEn: optionalText(300),
    start: preciseDate.nullable(),
    end: preciseDate.nullable(),
    note: optionalText(2000),
    citations: z.array(citationFileSchema).default([]),
    ...workflow,
  })
  .superRefine((r, ctx) => {
    pendingContentCheck("relation")(r, ctx);
    if (r.sourceId === r.targetId) ctx.addIssue({ code: "custom", message: "a relation links two different entities", path: ["targetId"] });
  })
  .meta({ title: "Relation", description: "A typed, dated link between two entities, citing the passages that support it." });

export const annotationFileSchema = z
  .strictObject({
    id,
    articleId: id,
    anchor: anchorSchema,
    body: richText,
    visibility: z.enum(["internal", "public"]).meta({ description: "Public exports hold public annotations only." }),
    ...workflow,
  })
  .superRefine(pendingContentCheck("annotation"))
  .meta({ title: "Annotation", description: "A note on a passage of an article." });

export const dossierItemFileSchema = z
  .strictObject({
    id,
    position: z.int().min(0),
    articleId: id.nullable(),
    entityId: id.nullable(),
    noteAr: richText.nullable().default(null),
    noteEn: richText.nullable().default(null),
  })
  .refine((i) => (i.articleId === null) !== (i.entityId === null), { message: "an item is one article or one entity", path: ["articleId"] });

export const dossierFileSchema = z
  .strictObject({
    id,
    slug,
    titleAr: requiredText(300),
    titleEn: requiredText(300),
    introAr: richText.nullable().default(null),
    introEn: richText.nullable().default(null),
    items: z.array(dossierItemFileSchema).max(5000).default([]).meta({ description: "In order (by position), each with the editor's note leading into it." }),
    ...workflow,
  })
  .superRefine((d, ctx) => {
    pendingContentCheck("dossier")(d, ctx);
    const seen = new Map<number, number>();
    d.items.forEach((item, i) => {
      if (seen.has(item.position)) ctx.addIssue({ code: "custom", message: `the same position as items[${seen.get(item.position)}]`, path: ["items", i, "position"] });
      seen.set(item.position, i);
    });
  })
  .meta({ title: "Dossier", description: "A curated, ordered collection with an introduction." });

// ───────────────────────────── the file

export const exportScopeSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("all") }),
  z.strictObject({ type: z.literal("dossier"), dossier: slug.meta({ description: "slug of the dossier" }) }),
  z.strictObject({ type: z.literal("entityType"), entityType: z.enum(ENTITY_TYPES) }),
]);
export type ExportScopeInFile = z.infer<typeof exportScopeSchema>;

const count = z.int().min(0);
export const countsSchema = z
  .strictObject({
    articles: count,
    entities: count,
    aliases: count,
    mentions: count,
    relations: count,
    citations: count,
    annotations: count,
    dossiers: count,
    dossierItems: count,
  })
  .meta({ description: "How many of each the file holds (checked on import)." });
export type ExportCounts = z.infer<typeof countsSchema>;
export const COUNT_KEYS = Object.keys(countsSchema.shape) as (keyof ExportCounts)[];

export const SECTION_SCHEMAS = {
  articles: articleFileSchema,
  entities: entityFileSchema,
  mentions: mentionFileSchema,
  relations: relationFileSchema,
  annotations: annotationFileSchema,
  dossiers: dossierFileSchema,
} as const;

export const headerSchema = z.strictObject({
  version: z.literal(EXPORT_VERSION).meta({ description: `The format version: "${EXPORT_VERSION}".` }),
  exportedAt: timestamp,
  scope: exportScopeSchema.meta({ description: "What was exported: everything, one dossier (by slug), or the entities of one type." }),
  includesDrafts: z.boolean().meta({
    description: "false: published records only (what the public site shows). true: a staff export with drafts, pending versions, internal annotations and every mention.",
  }),
});

export const exportFileSchema = z
  .strictObject({
    ...headerSchema.shape,
    articles: z.array(articleFileSchema),
    entities: z.array(entityFileSchema),
    mentions: z.array(mentionFileSchema),
    relations: z.array(relationFileSchema),
    annotations: z.array(annotationFileSchema),
    dossiers: z.array(dossierFileSchema),
    counts: countsSchema,
  })
  .meta({
    title: "Sijill export",
    description:
      "A collection of a Sijill archive: articles, entities with aliases, mentions anchored to passages, relations with citations, " +
      "annotations and dossiers, with stable ids. References (articleId, entityId, sourceId…) name records of the same file " +
      "(or of the database it is imported into).",
  });

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ArticleFile = z.infer<typeof articleFileSchema>;
export type EntityFile = z.infer<typeof entityFileSchema>;
export type AliasFile = z.infer<typeof aliasFileSchema>;
export type CitationFile = z.infer<typeof citationFileSchema>;
export type MentionFile = z.infer<typeof mentionFileSchema>;
export type RelationFile = z.infer<typeof relationFileSchema>;
export type AnnotationFile = z.infer<typeof annotationFileSchema>;
export type DossierFile = z.infer<typeof dossierFileSchema>;
export type DossierItemFile = z.infer<typeof dossierItemFileSchema>;
export type AnchorFile = z.infer<typeof anchorSchema>;
export type PendingFile = z.infer<typeof pendingSchema>;
export type SectionRecord<S extends SectionName> = z.infer<(typeof SECTION_SCHEMAS)[S]>;

/** Error map for checking a file: a missing field says "required". */
export const fileErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "required" : undefined;

/** "entities[3].aliases[0].name" */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** The problems of a zod error, each with its place in the file. */
export function issuesAt(prefix: string, error: z.ZodError): { path: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({ path: formatPath(prefix, [...issue.path, k]), message: "unknown field" }))
      : [{ path: formatPath(prefix, issue.path), message: issue.message }],
  );
}

// ───────────────────────────── the JSON Schema and the download query

let jsonSchema: Record<string, unknown> | undefined;

/** The file format as a JSON Schema (draft 2020-12), generated from the zod schema. */
export function exportJsonSchema(): Record<string, unknown> {
  jsonSchema ??= {
    ...z.toJSONSchema(exportFileSchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }),
    $id: "urn:sijill:export:1",
  };
  return jsonSchema;
}

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""], { error: "drafts must be 1 or 0" })
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** GET /api/v1/export?dossier=slug | ?entityType=person | (nothing: everything) [&drafts=1] */
export const exportQuerySchema = z
  .object({
    dossier: slug.optional(),
    entityType: z.enum(ENTITY_TYPES, { error: "entityType must be person, organization, event or place" }).optional(),
    drafts: flag.default(false),
  })
  .refine((q) => !(q.dossier && q.entityType), { message: "choose a dossier or an entityType, not both", path: ["entityType"] });

export type ExportScope = { dossier?: string; entityType?: (typeof ENTITY_TYPES)[number] } | "all";

export function scopeOfQuery(q: { dossier?: string; entityType?: (typeof ENTITY_TYPES)[number] }): ExportScope {
  if (q.dossier) return { dossier: q.dossier };
  if (q.entityType) return { entityType: q.entityType };
  return "all";
}

export function scopeInFile(scope: ExportScope): ExportScopeInFile {
  if (scope === "all" || (!scope.dossier && !scope.entityType)) return { type: "all" };
  if (scope.dossier) return { type: "dossier", dossier: scope.dossier };
  return { type: "entityType", entityType: scope.entityType! };
}
