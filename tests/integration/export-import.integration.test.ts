// Export and import on a real PostgreSQL: a public export never carries anything
// unpublished (planted: a draft article, internal and draft annotations, a draft entity
// with a confirmed mention in a published article, a pending version, draft and
// half-public relations, a draft dossier, a dossier item pointing at a draft, a
// suggested mention); every scope's file is self-contained and matches the JSON Schema
// served at /api/v1/export/schema; the download route (headers, 404, 400, 401, staff
// exports with drafts and their audit event); refused files (malformed, another
// version, a broken reference, ids already there) name the place and write nothing;
// --replace overwrites; npm run export / npm run import from the shell; and a large
// export streams in chunks of about EXPORT_CHUNK characters.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, db, type Prisma, type PrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { ensureDatabase } from "@/lib/db/embedded";
import { createRecord, saveRecord } from "@/lib/records/data";
import { transitionRecord } from "@/lib/workflow/data";
import { createMention } from "@/lib/mentions/data";
import { EXPORT_CHUNK, exportCollection } from "@/lib/export/data";
import { fileSource, importFile, textSource } from "@/lib/import/data";
import { exportFileSchema, type ExportFile } from "@/lib/export/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/policy";
import { GET as exportRoute } from "@/app/api/v1/export/route";
import { GET as schemaRoute } from "@/app/api/v1/export/schema/route";
import { dbUrl, dropDatabase } from "../helpers/test-db";
import { articleContent, doc, staff } from "../helpers/fixtures";

// the route reads the session through currentUser(): here it is whoever the test says
const session = vi.hoisted(() => ({ user: null as null | { id: string; role: "admin" | "editor" | "contributor"; email: string; name: string } }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sijill-export-"));
const empties: string[] = [];
const clients: PrismaClient[] = [];

let editor: Actor;
const planted: Record<string, string> = {};

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}
const publicExport = (scope: Parameters<typeof exportCollection>[0]["scope"], client?: PrismaClient) => collect(exportCollection({ scope, includeDrafts: false, client }));
const withoutTimestamp = (text: string) => text.replace(/^"exportedAt": "[^"]+",$/m, "");

/** A new database with the schema and nothing else. */
async function emptyDatabase(): Promise<{ url: string; client: PrismaClient }> {
  const name = `empty_${randomBytes(5).toString("hex")}`;
  empties.push(name);
  await ensureDatabase(process.env.SIJILL_TEST_PG_URL!, name);
  await applyMigrations(dbUrl(name));
  const client = createPrismaClient(dbUrl(name));
  clients.push(client);
  return { url: dbUrl(name), client };
}

/** Rows in every table that holds content (and its history). */
async function tableCounts(client: PrismaClient) {
  return {
    articles: await client.article.count(),
    entities: await client.entity.count(),
    aliases: await client.entityAlias.count(),
    redirects: await client.entityRedirect.count(),
    mentions: await client.mention.count(),
    relations: await client.relation.count(),
    citations: await client.citation.count(),
    annotations: await client.annotation.count(),
    dossiers: await client.dossier.count(),
    items: await client.dossierItem.count(),
    revisions: await client.revision.count(),
    audit: await client.auditEvent.count(),
  };
}

async function passage(articleId: string, words: string) {
  const { plainText } = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { plainText: true } });
  const start = plainText.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  return { articleId, start, end: start + words.length, exact: words };
}

/** Every id a record of the file refers to is a record of the same file. */
function danglingReferences(f: ExportFile): string[] {
  const articles = new Set(f.articles.map((a) => a.id));
  const entities = new Set(f.entities.map((e) => e.id));
  const out: string[] = [];
  const need = (set: Set<string>, id: string | null, where: string) => {
    if (id !== null && !set.has(id)) out.push(`${where} → ${id}`);
  };
  f.entities.forEach((e, i) => e.citations.forEach((c, j) => need(articles, c.articleId, `entities[${i}].citations[${j}]`)));
  f.mentions.forEach((m, i) => (need(articles, m.articleId, `mentions[${i}]`), need(entities, m.entityId, `mentions[${i}]`)));
  f.relations.forEach((r, i) => {
    need(entities, r.sourceId, `relations[${i}].source`);
    need(entities, r.targetId, `relations[${i}].target`);
    r.citations.forEach((c, j) => need(articles, c.articleId, `relations[${i}].citations[${j}]`));
  });
  f.annotations.forEach((a, i) => need(articles, a.articleId, `annotations[${i}]`));
  f.dossiers.forEach((d, i) => d.items.forEach((it, j) => (need(articles, it.articleId, `dossiers[${i}].items[${j}]`), need(entities, it.entityId, `dossiers[${i}].items[${j}]`))));
  return out;
}

// ───────────────────────────── a small JSON Schema checker (the subset z.toJSONSchema writes)

type Schema = Record<string, unknown>;
function validate(schema: Schema, value: unknown, root: Schema, at = "$"): string[] {
  if (typeof schema.$ref === "string") return validate(resolveRef(root, schema.$ref), value, root, at);
  const errors: string[] = [];
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => validate(s, value, root, at).length === 0)) errors.push(`${at}: matches no alternative`);
  if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).filter((s) => validate(s, value, root, at).length === 0).length !== 1) errors.push(`${at}: does not match exactly one alternative`);
  if ("const" in schema && value !== schema.const) errors.push(`${at}: is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: is not one of ${JSON.stringify(schema.enum)}`);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((t) => typeMatches(t as string, value))) return [...errors, `${at}: is not of type ${types.join("|")}`];
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && [...value].length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && [...value].length > schema.maxLength) errors.push(`${at}: longer than ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...validate(schema.items as Schema, v, root, `${at}[${i}]`)));
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
      if (props[key]) errors.push(...validate(props[key], v, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
    }
  }
  return errors;
}
function typeMatches(t: string, v: unknown): boolean {
  if (t === "null") return v === null;
  if (t === "integer") return Number.isInteger(v);
  if (t === "array") return Array.isArray(v);
  if (t === "object") return !!v && typeof v === "object" && !Array.isArray(v);
  return typeof v === t;
}
function resolveRef(root: Schema, ref: string): Schema {
  if (ref === "#") return root;
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<Schema>((s, k) => s[k] as Schema, root);
}

// ───────────────────────────── the planted records

beforeAll(async () => {
  editor = await staff("editor");
  const contributor = await staff("contributor");
  const seeded = await db().article.findFirstOrThrow({ where: { state: "published", dossierItems: { some: { dossier: { slug: "ici" } } } }, orderBy: { id: "asc" } });
  const words = seeded.plainText.split(/\s+/).filter((w) => w.length > 3);
  const [p1, p2] = await db().entity.findMany({ where: { state: "published" }, orderBy: { id: "asc" }, take: 2, select: { id: true } });

  const draft = await createRecord(editor, "article", articleContent("SECRET-DRAFT-ARTICLE", "نص SECRET-DRAFT-BODY في الكويت."));
  planted.draftArticle = draft.id;

  const internal = await createRecord(editor, "annotation", { body: doc("SECRET-INTERNAL-NOTE"), visibility: "internal" }, { passage: await passage(seeded.id, words[2]!) });
  await transitionRecord(editor, { kind: "annotation", id: internal.id, transition: "publish", expectedVersion: 1 }); // published, but internal
  planted.internalAnnotation = internal.id;
  planted.draftAnnotation = (await createRecord(editor, "annotation", { body: doc("SECRET-DRAFT-NOTE"), visibility: "public" }, { passage: await passage(seeded.id, words[3]!) })).id;

  const hidden = await createRecord(editor, "entity", { type: "person", nameAr: "شخص سري", nameEn: "SECRET-DRAFT-ENTITY" });
  planted.draftEntity = hidden.id;
  planted.mentionOfDraft = (await createMention(editor, { ...(await passage(seeded.id, words[4]!)), entityId: hidden.id })).id; // confirmed
  planted.suggestedMention = (await createMention(contributor, { ...(await passage(seeded.id, words[6]!)), entityId: p1!.id })).id; // suggested

  await saveRecord(editor, "article", seeded.id, { ...articleContent("SECRET-PENDING-TITLE"), body: seeded.body }, { expectedVersion: seeded.version }); // pending, not published

  const relation = (note: string, targetId: string) => ({ type: "partner_of", sourceId: p1!.id, targetId, roleAr: null, roleEn: null, start: null, end: null, note, citations: [] });
  planted.draftRelation = (await createRecord(editor, "relation", relation("SECRET-DRAFT-RELATION", p2!.id))).id;
  planted.halfRelation = (await createRecord(editor, "relation", relation("SECRET-HALF-RELATION", hidden.id))).id;
  await db().relation.update({ where: { id: planted.halfRelation }, data: { state: "published", publishedAt: new Date() } }); // published, but one end is a draft

  planted.draftDossier = (await createRecord(editor, "dossier", { titleAr: "ملف سري", titleEn: "SECRET-DRAFT-DOSSIER", items: [{ articleId: seeded.id }] })).id;
  const ici = await db().dossier.findUniqueOrThrow({ where: { slug: "ici" } });
  planted.draftItem = (await db().dossierItem.create({ data: { dossierId: ici.id, position: 999, articleId: draft.id, noteAr: doc("SECRET-ITEM-NOTE") as unknown as Prisma.InputJsonValue } })).id;
});

afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  for (const name of empties) await dropDatabase(name);
  fs.rmSync(tmp, { recursive: true, force: true });
});

// ───────────────────────────── public exports

describe("a public export", () => {
  it("holds nothing unpublished, whatever the scope", async () => {
    for (const scope of ["all", { dossier: "ici" }, { entityType: "person" }, { entityType: "organization" }] as const) {
      const text = await publicExport(scope);
      expect(text, JSON.stringify(scope)).not.toContain("SECRET");
      for (const [what, id] of Object.entries(planted)) expect(text.includes(id), `${what} in ${JSON.stringify(scope)}`).toBe(false);
      const f = exportFileSchema.parse(JSON.parse(text));
      expect(f.includesDrafts).toBe(false);
      for (const section of ["articles", "entities", "relations", "annotations", "dossiers"] as const) for (const r of f[section]) expect(r.state).toBe("published");
      expect(f.annotations.every((a) => a.visibility === "public")).toBe(true);
      expect(f.mentions.every((m) => m.state === "confirmed")).toBe(true);
      expect([...f.articles, ...f.entities, ...f.relations, ...f.annotations, ...f.dossiers].every((r) => r.pending === null)).toBe(true);
      expect(f.entities.every((e) => e.mergedIntoId === null)).toBe(true);
      expect(danglingReferences(f)).toEqual([]);
    }
  });

  it("of a dossier holds the dossier, its articles and entities, their mentions and relations", async () => {
    const f = exportFileSchema.parse(JSON.parse(await publicExport({ dossier: "ici" })));
    expect(f.scope).toEqual({ type: "dossier", dossier: "ici" });
    expect(f.dossiers.map((d) => d.slug)).toEqual(["ici"]);
    expect(f.articles).toHaveLength(5);
    expect(f.mentions.length).toBeGreaterThan(10);
    expect(f.relations.length).toBeGreaterThan(0);
    expect(f.relations.some((r) => r.citations.length > 0)).toBe(true);
    expect(f.entities.every((e) => e.aliases.length >= 2)).toBe(true);
    expect(f.annotations.length).toBe(0);
    const items = f.dossiers[0]!.items;
    expect(items.map((i) => i.position)).toEqual([...items.map((i) => i.position)].sort((a, b) => a - b));
    expect(f.counts).toMatchObject({ articles: 5, dossiers: 1, dossierItems: items.length, mentions: f.mentions.length });
  });

  it("of an entity type holds those entities, the relations between them and the articles about them", async () => {
    const f = exportFileSchema.parse(JSON.parse(await publicExport({ entityType: "person" })));
    expect(f.entities.length).toBeGreaterThan(0);
    expect(f.entities.every((e) => e.type === "person")).toBe(true);
    expect(f.dossiers).toEqual([]);
    expect(f.articles.length).toBeGreaterThan(0);
    expect(f.mentions.every((m) => f.entities.some((e) => e.id === m.entityId))).toBe(true);
  });

  it("of an entity type holds exactly what its rules name, checked against the whole export", async () => {
    const sorted = (ids: Iterable<string>) => [...ids].sort();
    const idsOf = (rows: { id: string }[]) => sorted(rows.map((r) => r.id));
    for (const includeDrafts of [false, true]) {
      const read = async (scope: "all" | { entityType: "person" }) => exportFileSchema.parse(JSON.parse(await collect(exportCollection({ scope, includeDrafts, actor: "shell" }))));
      const [all, f] = [await read("all"), await read({ entityType: "person" })];
      // the persons (not merged away), the relations between two of them, the articles that
      // name one or are cited about one (or about such a relation), and what those articles hold
      const entities = all.entities.filter((e) => e.type === "person" && e.mergedIntoId === null);
      const persons = new Set(entities.map((e) => e.id));
      const relations = all.relations.filter((r) => persons.has(r.sourceId) && persons.has(r.targetId));
      const mentions = all.mentions.filter((m) => persons.has(m.entityId));
      const articles = new Set([...mentions.map((m) => m.articleId), ...[...entities, ...relations].flatMap((r) => r.citations.map((c) => c.articleId))]);
      const label = includeDrafts ? "with drafts" : "public";
      expect(idsOf(f.entities), label).toEqual(idsOf(entities));
      expect(idsOf(f.relations), label).toEqual(idsOf(relations));
      expect(idsOf(f.mentions), label).toEqual(idsOf(mentions));
      expect(idsOf(f.articles), label).toEqual(sorted(articles));
      expect(idsOf(f.annotations), label).toEqual(idsOf(all.annotations.filter((a) => articles.has(a.articleId))));
      expect(f.articles.length, label).toBeGreaterThan(0);
      expect(danglingReferences(f), label).toEqual([]);
    }
  });

  it("of an entity type is the same file whatever number of article ids is read ahead per query", async () => {
    const body = async (articleIdBatch?: number) =>
      (await collect(exportCollection({ scope: { entityType: "person" }, includeDrafts: true, actor: "shell", articleIdBatch }))).replace(/"exportedAt": "[^"]+"/, `"exportedAt": ""`);
    const whole = await body();
    expect(JSON.parse(whole).articles.length).toBeGreaterThan(3);
    for (const batch of [1, 2, 3]) expect(await body(batch), `batch ${batch}`).toBe(whole);
  });

  it("matches the JSON Schema served at /api/v1/export/schema", async () => {
    const res = await schemaRoute(new Request("http://test/api/v1/export/schema"), { params: Promise.resolve({}) } as never);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/schema\+json/);
    const schema = (await res.json()) as Schema;
    expect(schema.$schema).toMatch(/2020-12/);
    expect(schema.required).toEqual(["version", "exportedAt", "scope", "includesDrafts", "articles", "entities", "mentions", "relations", "annotations", "dossiers", "counts"]);
    const everything = JSON.parse(await collect(exportCollection({ scope: "all", includeDrafts: true, actor: "shell" })));
    expect(validate(schema, everything, schema)).toEqual([]);
    expect(validate(schema, JSON.parse(await publicExport({ dossier: "ici" })), schema)).toEqual([]);
    // and the checker is not blind
    const broken = structuredClone(everything);
    delete broken.entities[0].nameAr;
    broken.mentions[0].anchor.status = "lost";
    broken.version = "sijill.export/9";
    expect(validate(schema, broken, schema)).toEqual(expect.arrayContaining(["$.version: is not \"sijill.export/1\"", "$.entities[0].nameAr: required", expect.stringMatching(/^\$\.mentions\[0\]\.anchor\.status: /)]));
  });
});

// ───────────────────────────── the download route

describe("GET /api/v1/export", () => {
  const get = (query: string) => exportRoute(new Request(`http://test/api/v1/export${query}`), { params: Promise.resolve({}) } as never);

  it("streams a dossier as an attachment", async () => {
    session.user = null;
    const res = await get("?dossier=ici");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="sijill-ici-\d{4}-\d\d-\d\d\.json"/);
    expect(res.body).toBeInstanceOf(ReadableStream);
    const text = await res.text();
    expect(text).not.toContain("SECRET");
    expect(withoutTimestamp(text)).toBe(withoutTimestamp(await publicExport({ dossier: "ici" })));
  });

  it("answers 404 for a dossier that does not exist or is not published, 400 for a bad query", async () => {
    session.user = null;
    expect((await get("?dossier=no-such-dossier")).status).toBe(404);
    const draft = await db().dossier.findUniqueOrThrow({ where: { id: planted.draftDossier }, select: { slug: true } });
    const r = await get(`?dossier=${encodeURIComponent(draft.slug)}`);
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { code: "not_found", message: expect.stringContaining("No dossier") } });
    const bad = await get("?entityType=robot");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^entityType: /);
    expect((await get("?dossier=ici&entityType=person")).status).toBe(400);
  });

  it("gives drafts to signed-in staff only, and logs the download", async () => {
    session.user = null;
    const anonymous = await get("?drafts=1");
    expect(anonymous.status).toBe(401);
    session.user = { id: editor.id, role: "editor", email: "e@example.org", name: "Editor" };
    const before = await db().auditEvent.count({ where: { action: "export.download", actorId: editor.id } });
    const res = await get("?dossier=ici&drafts=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toMatch(/sijill-ici-with-drafts-/);
    const f = exportFileSchema.parse(JSON.parse(await res.text()));
    expect(f.includesDrafts).toBe(true);
    expect(f.articles.map((a) => a.id)).toContain(planted.draftArticle); // the draft is an item of the dossier
    expect(f.articles.some((a) => a.pending?.content.title === "SECRET-PENDING-TITLE")).toBe(true);
    expect(f.annotations.map((a) => a.id)).toEqual(expect.arrayContaining([planted.internalAnnotation, planted.draftAnnotation]));
    expect(await db().auditEvent.count({ where: { action: "export.download", actorId: editor.id } })).toBe(before + 1);
    // without drafts=1 a signed-in editor gets the public file, and nothing is logged
    const plain = await get("?dossier=ici");
    expect(await plain.text()).not.toContain("SECRET");
    expect(await db().auditEvent.count({ where: { action: "export.download", actorId: editor.id } })).toBe(before + 1);
    session.user = null;
  });
});

describe("exports at once", () => {
  it("run a quarter of the pool's worth at a time; the next waits, then is told to come back later", async () => {
    // the test pool has 10 connections: 2 exports at once
    const open = [exportCollection({ scope: { dossier: "ici" }, includeDrafts: false }), exportCollection({ scope: { dossier: "ici" }, includeDrafts: false })];
    for (const e of open) await e.next(); // both hold their snapshot
    const third = exportCollection({ scope: { dossier: "ici" }, includeDrafts: false, slotWaitMs: 300 });
    await expect(third.next()).rejects.toMatchObject({ code: "rate_limited" });
    // one ends: a waiting export takes its slot
    const fourth = exportCollection({ scope: { dossier: "ici" }, includeDrafts: false, slotWaitMs: 5_000 });
    const started = fourth.next();
    await open[0]!.return(undefined);
    expect((await started).value).toMatch(/^\{\n"version": "sijill.export\/1"/);
    await fourth.return(undefined);
    await open[1]!.return(undefined);
    // and the slots are all free again
    expect(await publicExport({ dossier: "ici" })).toMatch(/"counts"/);
  });
});

// ───────────────────────────── importing

describe("importing a file", () => {
  it("refuses a malformed file, another version and a broken reference, naming the place, and writes nothing", async () => {
    const { client } = await emptyDatabase();
    const text = await publicExport("all");
    const refused = async (file: string): Promise<string> => {
      try {
        await importFile(textSource(file, "bad.json", 4096), { client });
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe("bad_request");
        return (e as AppError).userMessage;
      }
      throw new Error("the file was imported");
    };
    const before = await tableCounts(client);

    expect(await refused(text.slice(0, Math.floor(text.length / 2)))).toMatch(/^not valid JSON at line \d+, column \d+: the file ends too early/);
    expect(await refused(text.replace('"version": "sijill.export/1"', '"version": "sijill.export/7"'))).toBe('version: unknown schema version "sijill.export/7" (this version of Sijill reads "sijill.export/1")');

    const f = JSON.parse(text);
    const m = Math.min(12, f.mentions.length - 1);
    const broken = structuredClone(f);
    broken.mentions[m].entityId = "abc";
    expect(await refused(JSON.stringify(broken, null, 2))).toContain(`mentions[${m}].entityId: unknown entity "abc" (it is neither in the file nor in the database)`);

    const missing = structuredClone(f);
    const e = missing.entities.findIndex((x: { aliases: unknown[] }) => x.aliases.length > 0);
    delete missing.entities[e].aliases[0].name;
    missing.dossiers[0].items[0].position = "first";
    expect((await refused(JSON.stringify(missing))).split("\n")).toEqual([`entities[${e}].aliases[0].name: required`, "dossiers[0].items[0].position: Invalid input: expected number, received string"]);

    const dangling = structuredClone(f);
    const r = dangling.relations.findIndex((x: { citations: unknown[] }) => x.citations.length > 0);
    dangling.relations[r].citations[0].articleId = "nowhere";
    dangling.dossiers[0].items.push({ id: "new-item", position: 5000, articleId: null, entityId: "ghost" });
    dangling.counts.dossierItems++;
    expect((await refused(JSON.stringify(dangling))).split("\n")).toEqual([
      `relations[${r}].citations[0].articleId: unknown article "nowhere" (it is neither in the file nor in the database)`,
      `dossiers[0].items[${dangling.dossiers[0].items.length - 1}].entityId: unknown entity "ghost" (it is neither in the file nor in the database)`,
    ]);

    expect(await tableCounts(client)).toEqual(before);
    expect(before.articles + before.revisions + before.audit).toBe(0);
  });

  it("imports a public dossier into an empty database as it was exported", async () => {
    const { client } = await emptyDatabase();
    const text = await publicExport({ dossier: "ici" });
    const result = await importFile(textSource(text, "ici.json", 1000), { client });
    expect(result.counts.articles).toBe(5);
    expect(result.created.dossiers).toBe(1);
    expect(withoutTimestamp(await publicExport({ dossier: "ici" }, client))).toBe(withoutTimestamp(text));
    const audit = await client.auditEvent.findFirstOrThrow({ where: { action: "import.file" } });
    expect(audit.details).toMatchObject({ file: "ici.json", includesDrafts: false, scope: { type: "dossier", dossier: "ici" } });
  });

  it("refuses ids already in the database unless replace, which overwrites them", async () => {
    const text = await publicExport({ dossier: "ici" });
    const before = await tableCounts(db());
    try {
      await importFile(textSource(text));
      throw new Error("imported");
    } catch (e) {
      expect((e as AppError).userMessage).toMatch(/^articles\[0\]\.id: an article with the id "\w+" is already in the database \(import with --replace to overwrite it\)/);
      expect((e as AppError).userMessage).toMatch(/…and \d+ more problems$/);
    }
    expect(await tableCounts(db())).toEqual(before);

    // new ids, but a slug already taken, or the same words linked to the same entity again
    const f0 = JSON.parse(text) as ExportFile;
    const only = (part: Partial<ExportFile>) =>
      JSON.stringify({
        ...f0,
        articles: [],
        entities: [],
        mentions: [],
        relations: [],
        annotations: [],
        dossiers: [],
        ...part,
        counts: { articles: part.articles?.length ?? 0, entities: 0, aliases: 0, mentions: part.mentions?.length ?? 0, relations: 0, citations: 0, annotations: 0, dossiers: 0, dossierItems: 0 },
      });
    const message = async (file: string) => {
      try {
        await importFile(textSource(file));
      } catch (e) {
        return (e as AppError).userMessage;
      }
      return "imported";
    };
    expect(await message(only({ articles: [{ ...f0.articles[0]!, id: "a-new-article" }] }))).toBe(
      `articles[0].slug: "${f0.articles[0]!.slug}" is already used by another article in the database (${f0.articles[0]!.id})`,
    );
    expect(await message(only({ mentions: [{ ...f0.mentions[0]!, id: "a-new-mention" }] }))).toBe(
      "mentions[0]: conflicts with a row already in the database: Mention (articleId, entityId, start, end) must be unique",
    );
    expect(await tableCounts(db())).toEqual(before);

    // the file says otherwise about one entity: replace makes the database say the same
    const f = JSON.parse(text) as ExportFile;
    const target = f.entities[0]!;
    const row = await db().entity.findUniqueOrThrow({ where: { id: target.id }, select: { version: true } });
    target.nameEn = "Renamed by the file";
    const kept = target.aliases.filter((a) => a.lang === "ar");
    f.counts.aliases -= target.aliases.length - kept.length; // the counts are checked
    target.aliases = kept;
    const result = await importFile(textSource(JSON.stringify(f), "ici-edited.json"), { replace: true, actorId: editor.id });
    expect(result.created).toEqual({ articles: 0, entities: 0, mentions: 0, relations: 0, annotations: 0, dossiers: 0 });
    expect(result.replaced.entities).toBe(f.entities.length);
    const after = await db().entity.findUniqueOrThrow({ where: { id: target.id }, include: { aliases: true } });
    expect(after.nameEn).toBe("Renamed by the file");
    expect(after.version).toBe(row.version + 1);
    expect(after.updatedById).toBe(editor.id);
    expect(after.aliases.map((a) => a.name)).toContain("Renamed by the file"); // a primary name is always an alias
    const rev = await db().revision.findFirstOrThrow({ where: { recordId: target.id, action: "import" }, orderBy: { createdAt: "desc" } });
    expect(rev).toMatchObject({ version: row.version + 1, authorId: editor.id, message: "Imported from ici-edited.json" });
    expect(await db().auditEvent.count({ where: { action: "import.file", actorId: editor.id } })).toBe(1);
    // the pending version of the seeded article was dropped (it stays in its history)
    expect(await db().article.count({ where: { pendingRevisionId: { not: null }, dossierItems: { some: { dossier: { slug: "ici" } } } } })).toBe(0);
  });
});

// ───────────────────────────── the shell

describe("npm run export / npm run import", () => {
  const cli = (script: string, args: string[], databaseUrl = process.env.DATABASE_URL!) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it("exports a dossier to a file and imports it into an empty database, with progress on stderr", async () => {
    const file = path.join(tmp, "ici.json");
    const exported = cli("export", ["--dossier", "ici", "--out", file]);
    expect(exported.err).toMatch(/export \[#+-*\] +\d+% /);
    expect(exported.err).toMatch(/exported 5 articles, \d+ entities, .*\(published records only\) to /);
    expect(exported.code).toBe(0);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    expect(withoutTimestamp(fs.readFileSync(file, "utf8"))).toBe(withoutTimestamp(await publicExport({ dossier: "ici" })));

    const { url, client } = await emptyDatabase();
    const imported = cli("import", [file], url);
    expect(imported.err).toMatch(/import \[#+-*\] +\d+% checking/);
    expect(imported.err).toMatch(/imported ici\.json: 5 articles, .* \(\d+ records created, 0 replaced\)/);
    expect(imported.code).toBe(0);
    expect(await client.article.count()).toBe(5);

    const again = cli("import", [file], url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^error: articles\[0\]\.id: an article with the id .* already in the database/m);
    expect(again.err).toMatch(/nothing was imported/);
    expect(cli("import", [file, "--replace"], url).code).toBe(0);
    expect(await client.article.count()).toBe(5);
  });

  it("writes a staff export to standard output, and refuses bad arguments and bad files", async () => {
    const staffExport = cli("export", ["--all", "--include-drafts", "--out", "-"]);
    expect(staffExport.code).toBe(0);
    const f = exportFileSchema.parse(JSON.parse(staffExport.out));
    expect(f.includesDrafts).toBe(true);
    expect(f.articles.map((a) => a.id)).toContain(planted.draftArticle);
    expect(await db().auditEvent.count({ where: { action: "export.download", actorId: null, details: { path: ["via"], equals: "shell" } } })).toBeGreaterThan(0);

    expect(cli("export", ["--out", "x.json"]).err).toMatch(/one of --dossier <slug>, --entity-type <type> or --all/);
    expect(cli("export", ["--entity-type", "robot", "--out", "-"]).err).toMatch(/--entity-type must be person, organization, event, place/);
    expect(cli("export", ["--all"]).err).toMatch(/--out file\.json/);
    const missing = cli("export", ["--dossier", "nope", "--out", path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/error: No dossier "nope"/);
    expect(fs.existsSync(path.join(tmp, "nope.json"))).toBe(false);
    expect(fs.existsSync(path.join(tmp, "nope.json.partial"))).toBe(false);

    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, '{"version": "sijill.export/1", "articles": [ {"id": "x"} ');
    const refused = cli("import", [bad]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: not valid JSON at line 1, column \d+: the file ends too early/m);
    expect(cli("import", [path.join(tmp, "none.json")]).err).toMatch(/cannot read .*none\.json: no such file/);
  });
});

// ───────────────────────────── streaming

describe("a large export", () => {
  it("streams in chunks with flat memory, and imports the same way", async () => {
    const paragraph = "افتتح حلف شمال الأطلسي مركزه الإقليمي لمبادرة إسطنبول للتعاون في الكويت بحضور الأمين العام. ".repeat(40); // ≈ 7 kB of UTF-8
    const n = 2000;
    for (let start = 0; start < n; start += 250) {
      await db().article.createMany({
        data: Array.from({ length: 250 }, (_, i) => ({
          id: `bulk${String(start + i).padStart(6, "0")}`,
          slug: `bulk-${start + i}`,
          title: `مقال ${start + i}`,
          body: doc(paragraph) as unknown as Prisma.InputJsonValue,
          plainText: paragraph,
          originalText: paragraph,
          checksum: `bulk-${start + i}`,
          state: "published" as const,
          publishedAt: new Date(),
        })),
      });
    }
    // a real measure needs a collection before each reading: expose V8's gc() in this process
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const heapBefore = heap();
    let peak = heapBefore;
    let chunks = 0;
    let bytes = 0;
    let largest = 0;
    let articles = 0;
    let lastProgress = { overallDone: 0, overallTotal: 0 };
    for await (const chunk of exportCollection({ scope: "all", includeDrafts: false, onProgress: (p) => (lastProgress = p) })) {
      chunks++;
      bytes += Buffer.byteLength(chunk);
      largest = Math.max(largest, chunk.length);
      articles += chunk.split('"id":"bulk').length - 1;
      if (chunks % 200 === 0) peak = Math.max(peak, heap());
    }
    const figures = `export of ${n} articles: ${chunks} chunks, ${(bytes / 1e6).toFixed(1)} MB, heap grew at most ${((peak - heapBefore) / 1e6).toFixed(1)} MB`;
    expect(articles).toBe(n);
    // chunks of about EXPORT_CHUNK characters (a record at most over it), never the whole collection at once
    expect(chunks).toBeGreaterThan(bytes / (4 * EXPORT_CHUNK));
    expect(largest).toBeLessThan(EXPORT_CHUNK + 50_000);
    expect(bytes).toBeGreaterThan(n * 20_000); // each article carries its text three times
    expect(lastProgress.overallDone).toBe(lastProgress.overallTotal);
    // loosely: holding the collection would take at least its size in the heap; a page of rows is far less
    expect(peak - heapBefore, figures).toBeLessThan(bytes / 3);

    // a download abandoned half-way (a page being read ahead) gives its snapshot back
    const abandoned = exportCollection({ scope: "all", includeDrafts: false });
    for (let i = 0; i < 5; i++) expect((await abandoned.next()).done).toBe(false);
    await abandoned.return(undefined);

    // the same collection through a file into an empty database: read a record at a time too
    const file = path.join(tmp, "large.json");
    const out = fs.createWriteStream(file);
    for await (const chunk of exportCollection({ scope: "all", includeDrafts: false })) if (!out.write(chunk)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    const { client } = await emptyDatabase();
    const importBefore = heap();
    let importPeak = importBefore;
    let calls = 0;
    const result = await importFile(fileSource(file), { client, onProgress: () => ++calls % 20 === 0 && (importPeak = Math.max(importPeak, heap())) });
    expect(result.created.articles).toBeGreaterThan(n);
    expect(await client.article.count({ where: { id: { startsWith: "bulk" } } })).toBe(n);
    const importFigures = `import of ${(fs.statSync(file).size / 1e6).toFixed(1)} MB: heap grew at most ${((importPeak - importBefore) / 1e6).toFixed(1)} MB`;
    expect(importPeak - importBefore, importFigures).toBeLessThan(fs.statSync(file).size / 3);
    await db().article.deleteMany({ where: { id: { startsWith: "bulk" } } });
  });
});
