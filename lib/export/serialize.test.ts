import { describe, expect, it } from "vitest";
import {
  aliasCols,
  annotationToFile,
  articleCols,
  articleToFile,
  citationCols,
  citationToFile,
  dossierToFile,
  emptyCounts,
  entityCols,
  entityToFile,
  mentionCols,
  mentionToFile,
  preciseCols,
  relationToFile,
  tally,
  workflowCols,
  type ArticleRow,
  type CitationRow,
  type DossierRow,
  type EntityRow,
  type MentionRow,
  type RelationRow,
  type AnnotationRow,
} from "./serialize";
import { SECTION_SCHEMAS, exportFileSchema, exportJsonSchema, exportQuerySchema, fileErrorMap, formatPath, issuesAt, scopeInFile, scopeOfQuery } from "./schema";
import { checksumOf } from "../articles/clean";

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const t0 = new Date("2024-03-01T10:00:00.000Z");
const t1 = new Date("2024-03-02T11:30:00.000Z");
const wf = { state: "published" as const, version: 3, publishedAt: t1, createdAt: t0, updatedAt: t1 };
const anchor = { exact: "الكويت", prefix: "في ", suffix: ".", start: 41, end: 47, anchorStatus: "anchored" as const };

const article: ArticleRow = {
  id: "art1",
  slug: "nato-kuwait",
  title: "افتتاح المركز",
  titleEn: "The centre opens",
  kicker: null,
  summary: null,
  body: doc("افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت."),
  plainText: "افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت.",
  originalText: "افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت.\n",
  originalFormat: "txt",
  outlet: "كونا",
  outletEn: "KUNA",
  url: "https://www.kuna.net.kw/x",
  language: "ar",
  publishedOn: new Date("2017-01-01T00:00:00.000Z"),
  publishedOnPrecision: "month",
  byline: null,
  checksum: "abc",
  sourceFile: "001.txt",
  duplicateOfId: "art0",
  ...wf,
};

const citation: CitationRow = {
  id: "cit1",
  articleId: "art1",
  field: "date",
  claimStart: new Date("2017-01-23T00:00:00.000Z"),
  claimPrecision: "day",
  claimEnd: null,
  note: "المصدر يقول 23",
  createdAt: t0,
  ...anchor,
};

const entity: EntityRow = {
  id: "ent1",
  slug: "kuwait",
  type: "place",
  kind: "state",
  nameAr: "الكويت",
  nameEn: "Kuwait",
  descriptionAr: doc("دولة"),
  descriptionEn: null,
  startDate: new Date("1961-01-01T00:00:00.000Z"),
  startPrecision: "year",
  endDate: null,
  endPrecision: null,
  mergedIntoId: "ent9",
  aliases: [
    { id: "al1", name: "الكويت", lang: "ar", script: "Arab", preferred: true },
    { id: "al2", name: "Kuwait", lang: "en", script: "Latn", preferred: true },
    { id: "al3", name: "دولة الكويت", lang: "ar", script: "Arab", preferred: false },
  ],
  redirects: [{ id: "rd1", fromId: "old1", fromSlug: "kuwait-state" }],
  citations: [citation],
  ...wf,
};

const mention: MentionRow = { id: "men1", articleId: "art1", entityId: "ent1", state: "confirmed", source: "seed", decidedAt: t1, createdAt: t0, updatedAt: t1, ...anchor };
const relation: RelationRow = {
  id: "rel1",
  type: "located_in",
  sourceId: "ent2",
  targetId: "ent1",
  roleAr: null,
  roleEn: null,
  startDate: new Date("2017-01-23T00:00:00.000Z"),
  startPrecision: "day",
  endDate: null,
  endPrecision: null,
  note: null,
  citations: [{ ...citation, id: "cit2", field: null, claimStart: null, claimPrecision: null }],
  ...wf,
};
const annotation: AnnotationRow = { id: "ann1", articleId: "art1", body: doc("ملاحظة"), visibility: "public", ...anchor, ...wf };
const dossier: DossierRow = {
  id: "dos1",
  slug: "ici",
  titleAr: "مبادرة إسطنبول للتعاون",
  titleEn: "Istanbul Cooperation Initiative",
  introAr: doc("مقدمة"),
  introEn: null,
  items: [
    { id: "it1", position: 0, articleId: "art1", entityId: null, noteAr: doc("ملاحظة"), noteEn: null },
    { id: "it2", position: 2, articleId: null, entityId: "ent1", noteAr: null, noteEn: null },
  ],
  ...wf,
};
const pending = { state: "in_review" as const, content: { title: "عنوان جديد", body: doc("نص جديد"), language: "ar" } };

describe("rows → file records", () => {
  it("maps an article, dates at their precision and timestamps as ISO strings", () => {
    const f = articleToFile(article, "staff", pending);
    expect(f).toMatchObject({ id: "art1", slug: "nato-kuwait", publishedOn: "2017-01", state: "published", version: 3, publishedAt: t1.toISOString(), createdAt: t0.toISOString() });
    expect(f.duplicateOfId).toBe("art0");
    expect(f.pending).toEqual(pending);
    expect(SECTION_SCHEMAS.articles.parse(f)).toEqual(f);
  });

  it("keeps staff-only facts out of a public record", () => {
    const a = articleToFile(article, "public", pending);
    expect(a.pending).toBeNull();
    expect(a.duplicateOfId).toBeNull();
    const e = entityToFile(entity, "public", { state: "draft", content: {} });
    expect(e.pending).toBeNull();
    expect(e.mergedIntoId).toBeNull();
    expect(relationToFile(relation, "public", { state: "draft", content: {} }).pending).toBeNull();
    expect(annotationToFile(annotation, "public", { state: "draft", content: {} }).pending).toBeNull();
    expect(dossierToFile(dossier, "public", { state: "draft", content: {} }).pending).toBeNull();
  });

  it("maps an entity with its aliases, redirects and date claims", () => {
    const f = entityToFile(entity, "staff");
    expect(f.start).toBe("1961");
    expect(f.end).toBeNull();
    expect(f.mergedIntoId).toBe("ent9");
    expect(f.aliases.map((a) => a.name)).toEqual(["الكويت", "Kuwait", "دولة الكويت"]);
    expect(f.redirects).toEqual([{ id: "rd1", fromId: "old1", fromSlug: "kuwait-state" }]);
    expect(f.citations[0]).toEqual({
      id: "cit1",
      articleId: "art1",
      field: "date",
      claim: "2017-01-23",
      claimEnd: null,
      note: "المصدر يقول 23",
      anchor: { exact: "الكويت", prefix: "في ", suffix: ".", start: 41, end: 47, status: "anchored" },
      createdAt: t0.toISOString(),
    });
    expect(SECTION_SCHEMAS.entities.parse(f)).toEqual(f);
  });

  it("maps mentions, relations, annotations and dossiers to valid records", () => {
    const records = {
      mentions: mentionToFile(mention),
      relations: relationToFile(relation, "staff"),
      annotations: annotationToFile(annotation, "staff"),
      dossiers: dossierToFile(dossier, "staff"),
    } as const;
    for (const [section, record] of Object.entries(records)) expect(SECTION_SCHEMAS[section as keyof typeof records].parse(record)).toEqual(record);
    expect(records.mentions.anchor).toEqual({ exact: "الكويت", prefix: "في ", suffix: ".", start: 41, end: 47, status: "anchored" });
    expect(records.relations.start).toBe("2017-01-23");
    expect(records.dossiers.items.map((i) => [i.position, i.articleId, i.entityId])).toEqual([
      [0, "art1", null],
      [2, null, "ent1"],
    ]);
  });

  it("counts records and their child rows", () => {
    const counts = emptyCounts();
    tally(counts, "articles", articleToFile(article, "staff"));
    tally(counts, "entities", entityToFile(entity, "staff"));
    tally(counts, "relations", relationToFile(relation, "staff"));
    tally(counts, "dossiers", dossierToFile(dossier, "staff"));
    expect(counts).toEqual({ articles: 1, entities: 1, aliases: 3, mentions: 0, relations: 1, citations: 2, annotations: 0, dossiers: 1, dossierItems: 2 });
  });
});

describe("file records → columns (import)", () => {
  it("gives back the row an article came from", () => {
    const f = articleToFile(article, "staff");
    const cols = { id: f.id, ...articleCols(f), ...workflowCols(f), duplicateOfId: f.duplicateOfId };
    const { simhash, ...rest } = cols;
    expect(typeof simhash).toBe("bigint");
    expect(articleToFile({ ...article, ...rest } as ArticleRow, "staff")).toEqual(f);
    expect(rest.publishedOn).toEqual(article.publishedOn);
    expect(rest.publishedOnPrecision).toBe("month");
  });

  it("computes the checksum when a file has none", () => {
    const { checksum: _, ...f } = articleToFile(article, "staff");
    expect(articleCols(f as never).checksum).toBe(checksumOf(article.plainText));
  });

  it("gives back an entity's columns, its citations' and a mention's", () => {
    const f = entityToFile(entity, "staff");
    const cols = entityCols(f);
    expect(cols).toMatchObject({ startDate: entity.startDate, startPrecision: "year", endDate: null, endPrecision: null, descriptionEn: null });
    expect(citationCols(f.citations[0]!)).toEqual({
      id: "cit1",
      articleId: "art1",
      field: "date",
      claimStart: citation.claimStart,
      claimPrecision: "day",
      claimEnd: null,
      note: citation.note,
      ...anchor,
      createdAt: t0,
    });
    expect(mentionCols(mentionToFile(mention))).toEqual({ ...anchor, articleId: "art1", entityId: "ent1", state: "confirmed", source: "seed", decidedAt: t1, createdAt: t0, updatedAt: t1 });
  });

  it("keeps the order of aliases (a millisecond apart) and adds a missing primary name", () => {
    const f = entityToFile({ ...entity, aliases: [{ id: "al3", name: "دولة الكويت", lang: "ar", script: "Arab", preferred: false }] }, "staff");
    const base = new Date("2025-01-01T00:00:00.000Z");
    const rows = aliasCols(f, base);
    expect(rows.map((r) => [r.id, r.name, r.preferred])).toEqual([
      ["al3", "دولة الكويت", false],
      [undefined, "الكويت", true],
      [undefined, "Kuwait", true],
    ]);
    expect(rows.map((r) => r.createdAt.getTime() - base.getTime())).toEqual([0, 1, 2]);
    expect(rows.every((r) => r.normalized.length > 0)).toBe(true);
    // nothing added when they are there
    expect(aliasCols(entityToFile(entity, "staff"), base)).toHaveLength(3);
  });

  it("turns precise dates into a DATE and a precision", () => {
    expect(preciseCols("2017")).toEqual({ date: new Date("2017-01-01T00:00:00.000Z"), precision: "year" });
    expect(preciseCols("2017-01")).toEqual({ date: new Date("2017-01-01T00:00:00.000Z"), precision: "month" });
    expect(preciseCols("2017-01-23")).toEqual({ date: new Date("2017-01-23T00:00:00.000Z"), precision: "day" });
    expect(preciseCols(null)).toEqual({ date: null, precision: null });
  });
});

describe("the file schema", () => {
  const file = () =>
    structuredClone({
    version: "sijill.export/1",
    exportedAt: t1.toISOString(),
    scope: { type: "dossier", dossier: "ici" },
    includesDrafts: false,
    articles: [articleToFile(article, "public")],
    entities: [entityToFile(entity, "public")],
    mentions: [mentionToFile(mention)],
    relations: [relationToFile(relation, "public")],
    annotations: [annotationToFile(annotation, "public")],
    dossiers: [dossierToFile(dossier, "public")],
    counts: { articles: 1, entities: 1, aliases: 3, mentions: 1, relations: 1, citations: 2, annotations: 1, dossiers: 1, dossierItems: 2 },
    });

  it("accepts a whole file and says where a problem is", () => {
    expect(exportFileSchema.safeParse(file()).success).toBe(true);
    const bad = file() as Record<string, unknown>;
    (bad.entities as { aliases: { name?: string }[] }[])[0]!.aliases[0]!.name = undefined;
    (bad.mentions as Record<string, unknown>[])[0]!.colour = "red";
    const r = exportFileSchema.safeParse(bad, { error: fileErrorMap });
    expect(r.success).toBe(false);
    expect(issuesAt("", r.error!).map((p) => `${p.path}: ${p.message}`)).toEqual(["entities[0].aliases[0].name: required", "mentions[0].colour: unknown field"]);
  });

  it("refuses rich text the editor does not know, impossible dates, empty passages and a wrong version", () => {
    const f = file();
    const errors = (mutate: (x: ReturnType<typeof file>) => void) => {
      const x = file();
      mutate(x);
      const r = exportFileSchema.safeParse(x, { error: fileErrorMap });
      return r.success ? [] : issuesAt("", r.error).map((p) => `${p.path}: ${p.message}`);
    };
    expect(exportFileSchema.safeParse(f).success).toBe(true);
    expect(errors((x) => ((x.articles[0]!.body as unknown as { content: unknown[] }).content = [{ type: "script", text: "x" }]))[0]).toMatch(/^articles\[0\]\.body: Rich text is not valid/);
    expect(errors((x) => (x.entities[0]!.start = "2017-02-30"))).toEqual(["entities[0].start: not a real date"]);
    expect(errors((x) => (x.mentions[0]!.anchor.end = 41))).toEqual(["mentions[0].anchor.end: must be after start"]);
    expect(errors((x) => ((x as { version: string }).version = "sijill.export/2"))[0]).toMatch(/^version: /);
    expect(errors((x) => (x.dossiers[0]!.items[1]!.entityId = null))).toEqual(["dossiers[0].items[1].articleId: an item is one article or one entity"]);
  });

  it("checks a pending version against the studio's own schema", () => {
    const r = SECTION_SCHEMAS.articles.safeParse({ ...structuredClone(articleToFile(article, "staff")), pending: { state: "draft", content: { title: "", body: doc("x") } } }, { error: fileErrorMap });
    expect(r.success).toBe(false);
    expect(issuesAt("articles[0]", r.error!)[0]).toEqual({ path: "articles[0].pending.content.title", message: "Title is required." });
  });

  it("is served as a JSON Schema that names every field the exporter writes", () => {
    const schema = exportJsonSchema() as { required: string[]; properties: Record<string, { items?: { required: string[]; properties: Record<string, unknown>; additionalProperties: unknown } }> };
    expect(schema.required).toEqual(["version", "exportedAt", "scope", "includesDrafts", "articles", "entities", "mentions", "relations", "annotations", "dossiers", "counts"]);
    const f = file();
    for (const section of ["articles", "entities", "mentions", "relations", "annotations", "dossiers"] as const) {
      const items = schema.properties[section]!.items!;
      expect(items.additionalProperties).toBe(false);
      for (const record of f[section]) {
        for (const key of items.required) expect(record).toHaveProperty(key);
        for (const key of Object.keys(record)) expect(items.properties).toHaveProperty(key);
      }
    }
  });

  it("formats paths the way the import reports them", () => {
    expect(formatPath("entities[3]", ["aliases", 0, "name"])).toBe("entities[3].aliases[0].name");
    expect(formatPath("", ["counts", "articles"])).toBe("counts.articles");
    expect(formatPath("", [])).toBe("");
  });

  it("reads the download query", () => {
    expect(scopeOfQuery(exportQuerySchema.parse({ dossier: "ici" }))).toEqual({ dossier: "ici" });
    expect(scopeOfQuery(exportQuerySchema.parse({ entityType: "person" }))).toEqual({ entityType: "person" });
    expect(scopeOfQuery(exportQuerySchema.parse({}))).toBe("all");
    expect(exportQuerySchema.parse({ drafts: "1" }).drafts).toBe(true);
    expect(exportQuerySchema.parse({}).drafts).toBe(false);
    expect(exportQuerySchema.safeParse({ dossier: "ici", entityType: "person" }).success).toBe(false);
    expect(exportQuerySchema.safeParse({ entityType: "robot" }).success).toBe(false);
    expect(scopeInFile("all")).toEqual({ type: "all" });
    expect(scopeInFile({ entityType: "event" })).toEqual({ type: "entityType", entityType: "event" });
  });
});
