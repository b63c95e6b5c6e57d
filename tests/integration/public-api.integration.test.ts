// The public JSON API against a real PostgreSQL holding the seeded dossier.
import { describe, expect, it } from "vitest";
import { GET as listArticles } from "@/app/api/v1/articles/route";
import { GET as getArticle } from "@/app/api/v1/articles/[idOrSlug]/route";
import { GET as listEntities } from "@/app/api/v1/entities/route";
import { GET as getEntity } from "@/app/api/v1/entities/[idOrSlug]/route";
import { GET as listDossiers } from "@/app/api/v1/dossiers/route";
import { GET as getDossier } from "@/app/api/v1/dossiers/[slug]/route";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { docFromText } from "@/lib/rich-text/document";

const noParams = { params: Promise.resolve({}) } as never;
const call = async (handler: (req: Request, ctx: never) => Promise<Response>, url: string, params: Record<string, string> = {}) => {
  const res = await handler(new Request(`http://test${url}`), { params: Promise.resolve(params) } as never);
  return { status: res.status, body: await res.json() };
};

async function listAll(path: string) {
  const out: { id: string; [k: string]: unknown }[] = [];
  let next: string | null = null;
  do {
    const r = await call(path.includes("entities") ? listEntities : listArticles, `${path}${path.includes("?") ? "&" : "?"}limit=3${next ? `&cursor=${next}` : ""}`);
    expect(r.status).toBe(200);
    out.push(...r.body.data);
    next = r.body.next;
  } while (next);
  return out;
}

describe("GET /api/health", () => {
  it("reports the database", async () => {
    const r = await health(new Request("http://test/api/health"), noParams);
    expect(r.status).toBe(200);
    expect((await r.json()).database.ok).toBe(true);
  });
});

describe("GET /api/v1/articles", () => {
  it("lists the five seeded articles with cursor paging", async () => {
    const all = await listAll("/api/v1/articles");
    expect(all).toHaveLength(5);
    expect(new Set(all.map((a) => a.id)).size).toBe(5);
    for (const a of all) expect(a.title).toEqual(expect.any(String));
  });

  it("refuses a limit over 100 and a broken cursor with a clear error", async () => {
    const r = await call(listArticles, "/api/v1/articles?limit=101");
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/limit must be at most 100/);
    const c = await call(listArticles, "/api/v1/articles?cursor=!!");
    expect(c.status).toBe(400);
  });

  it("returns one article by slug or id with its confirmed mentions", async () => {
    const { body } = await call(listArticles, "/api/v1/articles?limit=1");
    const first = body.data[0];
    const bySlug = await call(getArticle, `/api/v1/articles/${first.slug}`, { idOrSlug: first.slug });
    const byId = await call(getArticle, `/api/v1/articles/${first.id}`, { idOrSlug: first.id });
    expect(bySlug.status).toBe(200);
    expect(byId.body.data.id).toBe(first.id);
    const article = bySlug.body.data;
    expect(article.mentions.length).toBeGreaterThan(0);
    for (const m of article.mentions) expect(article.plainText.slice(m.start, m.end)).toBe(m.exact);
  });
});

describe("GET /api/v1/entities", () => {
  it("has at least 8 people, 10 organizations and 10 dated events, named in Arabic and English", async () => {
    const people = await listAll("/api/v1/entities?type=person");
    const orgs = await listAll("/api/v1/entities?type=organization");
    const events = await listAll("/api/v1/entities?type=event");
    expect(people.length).toBeGreaterThanOrEqual(8);
    expect(orgs.length).toBeGreaterThanOrEqual(10);
    expect(events.length).toBeGreaterThanOrEqual(10);
    for (const e of [...people, ...orgs, ...events]) {
      expect(e.nameAr).toMatch(/[\u0600-\u06FF]/);
      expect(e.nameEn).toMatch(/[A-Za-z]/);
    }
    for (const e of events) expect(e.start).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    expect(people.every((p) => p.type === "person")).toBe(true);
  });

  it("refuses an unknown type", async () => {
    const r = await call(listEntities, "/api/v1/entities?type=animal");
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/type must be/);
  });

  it("gives an entity with aliases, relations and the passages that mention it", async () => {
    const r = await call(getEntity, "/api/v1/entities/x", { idOrSlug: "jens-stoltenberg" });
    expect(r.status).toBe(200);
    const names = r.body.data.aliases.map((a: { name: string }) => a.name).join(" ");
    expect(names).toContain("ستولتنبرغ");
    expect(names).toContain("شتولتنبرغ");
    expect(r.body.data.mentions.length).toBeGreaterThanOrEqual(2);
    expect(r.body.data.relations.length).toBeGreaterThanOrEqual(1);
  });
});

describe("GET /api/v1/dossiers", () => {
  it("lists and returns the published ICI dossier with its ordered items", async () => {
    const list = await call(listDossiers, "/api/v1/dossiers");
    expect(list.body.data.map((d: { slug: string }) => d.slug)).toContain("ici");
    const d = await call(getDossier, "/api/v1/dossiers/ici", { slug: "ici" });
    expect(d.status).toBe(200);
    expect(d.body.data.items.length).toBeGreaterThan(3);
    const positions = d.body.data.items.map((i: { position: number }) => i.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe("nothing unpublished exists publicly", () => {
  it("a draft article, a draft entity and their mentions are 404 and absent from lists", async () => {
    const text = "مسودة سرية عن ستولتنبرغ";
    const draft = await db().article.create({
      data: { slug: "secret-draft", title: "مسودة سرية", body: docFromText(text) as object, plainText: text, originalText: text, checksum: "x", state: "draft" },
    });
    const inReview = await db().entity.create({ data: { slug: "secret-person", type: "person", nameAr: "شخص سري", nameEn: "Secret Person", state: "in_review" } });
    const stoltenberg = await db().entity.findUniqueOrThrow({ where: { slug: "jens-stoltenberg" } });
    await db().mention.create({ data: { articleId: draft.id, entityId: stoltenberg.id, exact: "ستولتنبرغ", start: 14, end: 23, state: "confirmed" } });
    const published = await db().article.findFirstOrThrow({ where: { state: "published" } });
    await db().mention.create({ data: { articleId: published.id, entityId: inReview.id, exact: published.plainText.slice(0, 4), start: 0, end: 4, state: "confirmed" } });

    expect((await call(getArticle, "/x", { idOrSlug: "secret-draft" })).status).toBe(404);
    expect((await call(getArticle, "/x", { idOrSlug: draft.id })).status).toBe(404);
    expect((await call(getEntity, "/x", { idOrSlug: "secret-person" })).status).toBe(404);
    expect((await listAll("/api/v1/articles")).map((a) => a.id)).not.toContain(draft.id);
    expect((await listAll("/api/v1/entities?type=person")).map((e) => e.id)).not.toContain(inReview.id);

    const st = await call(getEntity, "/x", { idOrSlug: "jens-stoltenberg" });
    expect(st.body.data.mentions.map((m: { article: { id: string } }) => m.article.id)).not.toContain(draft.id);
    const pub = await call(getArticle, "/x", { idOrSlug: published.id });
    expect(pub.body.data.mentions.map((m: { entity: { id: string } }) => m.entity.id)).not.toContain(inReview.id);
    expect(JSON.stringify(pub.body)).not.toContain("Secret Person");
  });

  it("an archived dossier disappears", async () => {
    await db().dossier.create({ data: { slug: "old", titleAr: "قديم", titleEn: "Old", state: "archived" } });
    expect((await call(getDossier, "/x", { slug: "old" })).status).toBe(404);
    const list = await call(listDossiers, "/api/v1/dossiers");
    expect(list.body.data.map((d: { slug: string }) => d.slug)).not.toContain("old");
  });
});
