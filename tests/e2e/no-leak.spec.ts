// Nothing unpublished leaks: drafts, records in review, an archived article, a pending
// edit of a published article, an internal note and a draft note, a draft event with a
// date, a published relation to a draft entity and a confirmed passage naming it are
// planted in the app's database; then every public page, feed, graph, timeline, search
// and export of the running app is read and none of them shows any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL } from "./browser";

const stamp = Date.now().toString(36).replace(/\d/g, "");
/** words no public response may contain */
const SECRET = {
  draftArticle: `مسودةسرية${stamp}`,
  reviewArticle: `قيدالمراجعة${stamp}`,
  archivedArticle: `مؤرشفسري${stamp}`,
  pendingEdit: `تعديلمعلق${stamp}`,
  internalNote: `ملاحظةداخلية${stamp}`,
  draftNote: `ملاحظةمسودة${stamp}`,
  draftEntity: `Secretperson${stamp}`,
  draftEntityAr: `شخصسري${stamp}`,
  draftEvent: `Secretsummit${stamp}`,
  draftEventAr: `قمةسرية${stamp}`,
};
const ids: string[] = [];
const slugs: string[] = [];
let linkedSlug = "";

beforeAll(async () => {
  process.env.DATABASE_URL = process.env.SIJILL_E2E_DATABASE_URL;
  const { createUser } = await import("@/lib/users/data");
  const { createRecord, saveRecord } = await import("@/lib/records/data");
  const { transitionRecord } = await import("@/lib/workflow/data");
  const { db } = await import("@/lib/db/client");
  const u = await createUser({ email: `leak-${stamp}@example.org`, name: "Leak Editor", role: "editor", password: "a-long-enough-password" });
  const ed = { id: u.id, role: "editor" as const };
  const version = async (kind: "article" | "entity", id: string) =>
    kind === "article" ? (await db().article.findUniqueOrThrow({ where: { id } })).version : (await db().entity.findUniqueOrThrow({ where: { id } })).version;
  const doc = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const article = (title: string, text: string) => ({
    title,
    titleEn: null,
    kicker: null,
    summary: null,
    body: doc(text),
    outlet: "كونا",
    outletEn: "KUNA",
    url: null,
    language: "ar",
    publishedOn: "2017-01-24",
    byline: null,
  });
  const keep = async (kind: "article" | "entity", id: string) => {
    ids.push(id);
    const row = kind === "article" ? await db().article.findUniqueOrThrow({ where: { id } }) : await db().entity.findUniqueOrThrow({ where: { id } });
    slugs.push(row.slug);
  };

  // articles: a draft, one in review, one archived after publishing
  const draft = await createRecord(ed, "article", article(`عنوان ${SECRET.draftArticle}`, `افتتح حلف شمال الأطلسي مركزه في الكويت ${SECRET.draftArticle}.`));
  await keep("article", draft.id);
  const review = await createRecord(ed, "article", article(`عنوان ${SECRET.reviewArticle}`, `نص ${SECRET.reviewArticle} عن الناتو.`));
  await transitionRecord(ed, { kind: "article", id: review.id, transition: "submit", expectedVersion: 1 });
  await keep("article", review.id);
  const archived = await createRecord(ed, "article", article(`عنوان ${SECRET.archivedArticle}`, `نص ${SECRET.archivedArticle} عن الناتو.`));
  await transitionRecord(ed, { kind: "article", id: archived.id, transition: "publish", expectedVersion: 1 });
  await transitionRecord(ed, { kind: "article", id: archived.id, transition: "archive", expectedVersion: await version("article", archived.id) });
  await keep("article", archived.id);

  // a published seed article with a pending edit, an internal note and a draft public note
  const seeded = await db().article.findFirstOrThrow({ where: { state: "published", sourceFile: { not: null } }, orderBy: { id: "asc" } });
  const before = await db().article.findUniqueOrThrow({ where: { id: seeded.id } });
  const content = {
    title: before.title,
    titleEn: before.titleEn,
    kicker: before.kicker,
    summary: before.summary,
    body: doc(`${before.plainText} ${SECRET.pendingEdit}`),
    outlet: before.outlet,
    outletEn: before.outletEn,
    url: before.url,
    language: "ar",
    publishedOn: before.publishedOn ? before.publishedOn.toISOString().slice(0, 10) : null,
    byline: before.byline,
  };
  const saved = await saveRecord(ed, "article", seeded.id, content, { expectedVersion: before.version });
  if (!saved.pending) throw new Error("the edit of a published article should be pending");
  const word = before.plainText.split(/\s+/).find((w) => w.length > 4)!;
  const at = before.plainText.indexOf(word);
  await createRecord(ed, "annotation", { body: doc(SECRET.internalNote), visibility: "internal" }, { passage: { articleId: seeded.id, start: at, end: at + word.length, exact: word } });
  await createRecord(ed, "annotation", { body: doc(SECRET.draftNote), visibility: "public" }, { passage: { articleId: seeded.id, start: at, end: at + word.length, exact: word } });

  // a draft person and a draft dated event; a published relation from a public entity to
  // each; a confirmed passage of a published article naming the draft person
  const person = await createRecord(ed, "entity", { type: "person", kind: null, nameAr: SECRET.draftEntityAr, nameEn: SECRET.draftEntity, aliases: [{ name: "ستولتنبرغ", lang: "ar" }], descriptionAr: null, descriptionEn: null, start: null, end: null });
  await keep("entity", person.id);
  const event = await createRecord(ed, "entity", { type: "event", kind: null, nameAr: SECRET.draftEventAr, nameEn: SECRET.draftEvent, aliases: [], descriptionAr: null, descriptionEn: null, start: "2019-03", end: null });
  await keep("entity", event.id);
  const linked = await db().entity.findFirstOrThrow({ where: { state: "published", type: "organization" }, orderBy: { id: "asc" } });
  linkedSlug = linked.slug;
  for (const targetId of [person.id, event.id]) {
    const rel = await createRecord(ed, "relation", {
      type: targetId === person.id ? "member_of" : "participated_in",
      sourceId: targetId === person.id ? person.id : linked.id,
      targetId: targetId === person.id ? linked.id : event.id,
      roleAr: null,
      roleEn: null,
      start: "2019",
      end: null,
      note: null,
      citations: [],
    });
    await transitionRecord(ed, { kind: "relation", id: rel.id, transition: "publish", expectedVersion: 1 });
  }
  await db().mention.create({ data: { articleId: seeded.id, entityId: person.id, exact: word, start: at, end: at + word.length, state: "confirmed", source: "manual" } });
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
});

async function get(path: string): Promise<string> {
  const res = await fetch(`${BASE_URL}${path}`, { redirect: "follow" });
  expect(res.status, path).toBe(200);
  return res.text();
}

function expectClean(path: string, body: string) {
  for (const [what, secret] of Object.entries(SECRET)) {
    expect(body.includes(secret), `${path} shows the ${what}`).toBe(false);
  }
  for (const id of ids) expect(body.includes(id), `${path} names the id ${id}`).toBe(false);
  for (const slug of slugs) expect(body.includes(slug), `${path} names the slug ${slug}`).toBe(false);
}

describe("nothing unpublished leaks", () => {
  it("on any public page, list, feed, graph, timeline, search, sitemap or export", async () => {
    const paths = [
      "/ar",
      "/en",
      "/ar/people",
      "/en/people",
      "/ar/organizations",
      "/ar/events",
      "/ar/places",
      "/ar/timeline",
      "/en/timeline",
      "/ar/network",
      "/ar/network?comentions=1",
      "/en/network",
      "/ar/dossiers/ici",
      `/ar/entities/${linkedSlug}`,
      `/en/entities/${linkedSlug}`,
      "/sitemap.xml",
      "/robots.txt",
      "/api/v1/articles?limit=100",
      "/api/v1/entities?limit=100",
      "/api/v1/dossiers",
      "/api/v1/export",
      "/api/v1/timeline",
      "/api/v1/graph",
      "/api/v1/graph?comentions=1",
      `/api/v1/entities/${linkedSlug}`,
    ];
    // searching for each secret word finds nothing (the page repeats the query itself, nothing else)
    for (const secret of Object.values(SECRET)) {
      const api = JSON.parse(await get(`/api/v1/search?q=${encodeURIComponent(secret)}`)) as { total: number; articles: unknown[]; entities: unknown[]; expandedThrough: unknown[] };
      expect([api.total, api.articles.length, api.entities.length, api.expandedThrough.length], secret).toEqual([0, 0, 0, 0]);
      const html = await get(`/ar/search?q=${encodeURIComponent(secret)}`);
      expect(html.includes('data-testid="search-snippet"'), secret).toBe(false);
      expect(html.includes('data-testid="search-entities"'), secret).toBe(false);
    }
    // a search that finds the published article the draft entity is named in, and the draft person's alias
    paths.push(`/ar/search?q=${encodeURIComponent("ستولتنبرغ")}`, `/api/v1/search?q=${encodeURIComponent("ستولتنبرغ")}`);
    // every published article's page, in both languages, and its API record
    const list = JSON.parse(await get("/api/v1/articles?limit=100")) as { data: { slug: string }[] };
    expect(list.data.length).toBeGreaterThanOrEqual(5);
    for (const a of list.data) paths.push(`/ar/articles/${encodeURIComponent(a.slug)}`, `/en/articles/${encodeURIComponent(a.slug)}`, `/api/v1/articles/${encodeURIComponent(a.slug)}`);
    for (const path of paths) expectClean(path, await get(path));
    // and the records themselves do not exist for the public
    for (const slug of slugs) {
      const kind = slug === slugs[0] || slug === slugs[1] || slug === slugs[2] ? "articles" : "entities";
      expect((await fetch(`${BASE_URL}/ar/${kind}/${encodeURIComponent(slug)}`)).status).toBe(404);
    }
  });
});
