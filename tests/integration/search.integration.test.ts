// Public search on the seeded dossier (real PostgreSQL): Arabic normalization on both
// sides, attached prefixes, alias expansion across spellings, typos in names, ranking,
// facets, and the index kept in step with writes — and never a draft.
import { describe, expect, it } from "vitest";
import { searchPublic, type SearchResult } from "@/lib/search/data";
import { searchQuerySchema } from "@/lib/search/schemas";
import { createRecord, saveRecord } from "@/lib/records/data";
import { transitionRecord } from "@/lib/workflow/data";
import { db } from "@/lib/db/client";
import { GET } from "@/app/api/v1/search/route";
import { articleContent, doc, staff } from "../helpers/fixtures";

const search = (q: string, extra: Record<string, string> = {}) => searchPublic(searchQuerySchema.parse({ q, ...extra }));
const files = (r: SearchResult) => r.articles.map((a) => a.slug);

const version = async (id: string) => (await db().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

async function sourceFileOf(slug: string) {
  return (await db().article.findUniqueOrThrow({ where: { slug }, select: { sourceFile: true } })).sourceFile;
}

async function sourceFiles(r: SearchResult) {
  return Promise.all(r.articles.map((a) => sourceFileOf(a.slug)));
}

describe("search: Arabic-aware", () => {
  it("finds the article that writes شتولتنبرغ when searching ستولتنبرغ, through the entity's aliases", async () => {
    const r = await search("ستولتنبرغ");
    const found = await sourceFiles(r);
    expect(found.some((f) => f?.startsWith("002_"))).toBe(true); // writes شتولتنبرغ only
    expect(found.some((f) => f?.startsWith("003_"))).toBe(true); // writes ستولتنبرغ
    const via = r.articles.find((a, i) => found[i]?.startsWith("002_"))!;
    expect(via.viaAlias).toBe(true);
    // the snippet marks the other spelling
    expect(via.snippet.filter((p) => p.hit).map((p) => p.text).join(" ")).toContain("شتولتنبرغ");
    expect(r.expandedThrough.map((e) => e.nameEn)).toContain("Jens Stoltenberg");
    expect(r.entities[0]?.nameEn).toBe("Jens Stoltenberg");
    // the other way round too
    const back = await sourceFiles(await search("شتولتنبرغ"));
    expect(back.some((f) => f?.startsWith("003_"))).toBe(true);
  });

  it("forgives a typo in a name (trigram similarity)", async () => {
    const r = await search("ستولتنبيرغ");
    expect(r.expandedThrough.map((e) => e.nameEn)).toContain("Jens Stoltenberg");
    expect(r.total).toBeGreaterThanOrEqual(2);
    // … but a common word is not a misspelt name that shares most of its letters
    // (الإقليمي and الأمن الإقليمي look like المركز الإقليمي to trigrams)
    for (const q of ["الإقليمي", "الأمن الإقليمي"]) {
      const common = await search(q);
      expect(common.expandedThrough.map((e) => e.nameAr), q).toEqual([]);
    }
  });

  it("normalizes hamza, alef maqsura, ta marbuta and tatweel on both sides, and reads through attached prefixes", async () => {
    // the seeds write both إسطنبول and اسطنبول
    const a = await search("إسطنبول");
    const b = await search("اسطنبول");
    expect(files(a).sort()).toEqual(files(b).sort());
    expect(a.total).toBeGreaterThanOrEqual(4);
    // the text says الكويت / في الكويت; the query carries a preposition
    const k = await search("بالكويت");
    const kk = await search("الكويت");
    expect(k.total).toBe(kk.total);
    expect(k.total).toBeGreaterThan(0);
    // tatweel and diacritics in the query
    expect((await search("الكُوَيـــت")).total).toBe(kk.total);
  });

  it("ranks title matches and exact phrases first, and a quoted phrase must appear as written", async () => {
    const ed = await staff("editor");
    const stamp = Date.now().toString(36);
    const word = `قرنفلية${stamp.replace(/\d/g, "")}`;
    const inBody = await createRecord(ed, "article", articleContent(`مقال عادي ${stamp}`, `ذكر النص كلمة ${word} مرة في الوسط.`, "ثم مضى."));
    const inTitle = await createRecord(ed, "article", articleContent(`${word} في العنوان`, "نص لا يذكرها."));
    for (const r of [inBody, inTitle]) await transitionRecord(ed, { kind: "article", id: r.id, transition: "publish", expectedVersion: 1 });
    const r = await search(word);
    expect(r.articles.map((a) => a.id)).toEqual([inTitle.id, inBody.id]);
    expect(r.articles[0].titleParts.some((p) => p.hit && p.text.includes(word))).toBe(true);

    const phrase = await search(`"وسط ${word}"`);
    expect(phrase.total).toBe(0); // the words are there, not in that order
    const phrase2 = await search(`"كلمة ${word}"`);
    expect(phrase2.articles.map((a) => a.id)).toEqual([inBody.id]);
  });
});

describe("search: facets and filters", () => {
  it("counts by type, year, outlet and entity, and filters by each", async () => {
    const r = await search("الناتو");
    expect(r.total).toBeGreaterThanOrEqual(4);
    expect(r.facets.type.find((f) => f.value === "article")?.count).toBe(r.total);
    const years = r.facets.year.reduce((n, f) => n + f.count, 0);
    expect(years).toBeLessThanOrEqual(r.total);
    expect(r.facets.outlet.length).toBeGreaterThan(0);
    const outlet = r.facets.outlet[0];
    const byOutlet = await search("الناتو", { outlet: outlet.value });
    expect(byOutlet.total).toBe(outlet.count);
    // the other facets still count within the outlet; the outlet facet still offers the others
    expect(byOutlet.facets.outlet.length).toBe(r.facets.outlet.length);
    const year = r.facets.year[0];
    expect((await search("الناتو", { year: String(year.value) })).total).toBe(year.count);
    const ent = r.facets.entity[0];
    expect(ent.count).toBeGreaterThan(0);
    expect((await search("الناتو", { entity: ent.value.slug })).total).toBe(ent.count);
    // type: entities only → no article rows, the entity list filtered
    const people = await search("ستولتنبرغ", { type: "person" });
    expect(people.articles).toEqual([]);
    expect(people.entities.every((e) => e.type === "person")).toBe(true);
  });

  it("pages through the results", async () => {
    const first = await search("الحلف", { limit: "2" });
    const second = await search("الحلف", { limit: "2", page: "2" });
    expect(first.articles).toHaveLength(2);
    expect(second.articles.map((a) => a.id)).not.toContain(first.articles[0].id);
  });
});

describe("search: a large match set", () => {
  it("counts up to the cap, and ranks title matches first, then the rest, newest first, page after page", async () => {
    const all = await search("الناتو", { limit: "50" });
    expect(all.totalIsLowerBound).toBe(false);
    // a filter applies before the cap: the total under it stays exact
    for (const o of all.facets.outlet) {
      const r = await searchPublic(searchQuerySchema.parse({ q: "الناتو", outlet: o.value }), { cap: o.count, fullRank: 1 });
      expect([r.total, r.totalIsLowerBound], o.value).toEqual([o.count, false]);
    }
    const capped = await searchPublic(searchQuerySchema.parse({ q: "الناتو" }), { cap: 3, fullRank: 1 });
    expect(capped.total).toBe(3);
    expect(capped.totalIsLowerBound).toBe(true);

    // ranked cheaply (fullRank 1): every title match before every other match, newest first
    // within each — sorted from the matches when they are all counted (under the cap), read
    // in date order when they are not (cap 3), the title matches sorted or, when there are
    // many (headSort 1), read in date order too: the same order every way
    const orders: string[][] = [];
    for (const limits of [{ fullRank: 1 }, { fullRank: 1, cap: 3 }, { fullRank: 1, cap: 3, headSort: 1 }]) {
      const p1 = await searchPublic(searchQuerySchema.parse({ q: "الناتو", limit: "2" }), limits);
      const p2 = await searchPublic(searchQuerySchema.parse({ q: "الناتو", limit: "2", page: "2" }), limits);
      const p3 = await searchPublic(searchQuerySchema.parse({ q: "الناتو", limit: "50" }), limits);
      const ids = p3.articles.map((a) => a.id);
      orders.push([...ids]);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...p1.articles, ...p2.articles].map((a) => a.id)).toEqual(ids.slice(0, 4));
      expect(ids.sort()).toEqual(all.articles.map((a) => a.id).sort());
      const inTitle = (a: { titleParts: { hit: boolean }[] }) => a.titleParts.some((t) => t.hit);
      const firstOther = p3.articles.findIndex((a) => !inTitle(a));
      expect(firstOther).toBeGreaterThan(0);
      expect(p3.articles.slice(firstOther).some(inTitle)).toBe(false);
      const dates = (xs: typeof p3.articles) => xs.map((a) => a.publishedOn ?? "");
      const sortedDesc = (xs: string[]) => xs.every((d, i) => i === 0 || xs[i - 1] >= d);
      expect(sortedDesc(dates(p3.articles.slice(0, firstOther)))).toBe(true);
      expect(sortedDesc(dates(p3.articles.slice(firstOther)))).toBe(true);
    }
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
  });
});

describe("search: the copies the triggers keep", () => {
  it("follow the article's state, date and outlet, and its confirmed passages", async () => {
    const ed = await staff("editor");
    const a = await createRecord(ed, "article", articleContent(`مقال ${Date.now()}`));
    const doc = () => db().searchDocument.findUniqueOrThrow({ where: { articleId: a.id }, select: { public: true, sortDate: true, outlet: true, entityIds: true } });
    expect((await doc()).public).toBe(false);
    expect((await doc()).sortDate.toISOString().slice(0, 10)).toBe("2017-01-24");
    await transitionRecord(ed, { kind: "article", id: a.id, transition: "publish", expectedVersion: 1 });
    expect((await doc()).public).toBe(true);
    const nato = await db().entity.findFirstOrThrow({ where: { nameEn: { contains: "NATO" } }, select: { id: true } });
    const m = await db().mention.create({ data: { articleId: a.id, entityId: nato.id, exact: "حلف", start: 6, end: 10, state: "confirmed" } });
    expect((await doc()).entityIds).toEqual([nato.id]);
    await db().mention.update({ where: { id: m.id }, data: { state: "rejected" } });
    expect((await doc()).entityIds).toEqual([]);
    await db().mention.update({ where: { id: m.id }, data: { state: "confirmed" } });
    await db().mention.delete({ where: { id: m.id } });
    expect((await doc()).entityIds).toEqual([]);
    await transitionRecord(ed, { kind: "article", id: a.id, transition: "unpublish", expectedVersion: await version(a.id) });
    expect((await doc()).public).toBe(false);
  });
});

describe("search: filters", () => {
  it("find an article under its outlet and year, and follow a change of either (the index terms the trigger keeps)", async () => {
    const ed = await staff("editor");
    const token = `كركميه${Date.now().toString(36).replace(/\d/g, "")}`;
    const a = await createRecord(ed, "article", articleContent(`مقال ${token}`, `نص ${token}.`));
    await transitionRecord(ed, { kind: "article", id: a.id, transition: "publish", expectedVersion: 1 });
    const { outlet } = await db().article.findUniqueOrThrow({ where: { id: a.id }, select: { outlet: true } });
    const found = async (filters: Record<string, string>) => (await search(token, filters)).articles.map((x) => x.id);
    expect(outlet).toBeTruthy();
    expect(await found({ outlet: outlet! })).toEqual([a.id]);
    expect(await found({ year: "2017" })).toEqual([a.id]);
    expect(await found({ outlet: "صحيفة أخرى" })).toEqual([]);
    // the outlet and the date change outside the studio's save: the trigger refreshes the terms
    await db().article.update({ where: { id: a.id }, data: { outlet: "صحيفة أخرى", publishedOn: new Date("2011-05-01T00:00:00Z") } });
    expect(await found({ outlet: "صحيفة أخرى" })).toEqual([a.id]);
    expect(await found({ outlet: outlet! })).toEqual([]);
    expect(await found({ year: "2011", outlet: "صحيفة أخرى" })).toEqual([a.id]);
    expect(await found({ year: "2017" })).toEqual([]);
    // and the words are still there
    expect(await found({})).toEqual([a.id]);
  });
});

describe("search: the index follows writes, and nothing unpublished is found", () => {
  it("a draft, an article in review and a pending edit are never found; publishing makes them findable in the same transaction", async () => {
    const ed = await staff("editor");
    const token = `زعفرانيه${Date.now().toString(36).replace(/\d/g, "")}`;
    const draft = await createRecord(ed, "article", articleContent(`مسودة ${token}`, `نص سري ${token}.`));
    expect((await search(token)).total).toBe(0);
    await transitionRecord(ed, { kind: "article", id: draft.id, transition: "submit", expectedVersion: 1 });
    expect((await search(token)).total).toBe(0);
    await transitionRecord(ed, { kind: "article", id: draft.id, transition: "publish", expectedVersion: await version(draft.id) });
    expect((await search(token)).articles.map((a) => a.id)).toEqual([draft.id]);

    // a pending edit of the published article is not public until published
    const other = `بنفسجيه${Date.now().toString(36).replace(/\d/g, "")}`;
    const row = await db().article.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
    const saved = await saveRecord(ed, "article", draft.id, { ...articleContent(`مسودة ${token}`, `نص جديد ${other}.`), body: doc(`نص جديد ${other}.`) }, { expectedVersion: row.version });
    expect(saved.pending).toBe(true);
    expect((await search(other)).total).toBe(0);
    expect((await search(token)).total).toBe(1);
    await transitionRecord(ed, { kind: "article", id: draft.id, transition: "publish", expectedVersion: saved.version });
    expect((await search(other)).total).toBe(1);

    // unpublished again: gone
    const v = (await db().article.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } })).version;
    await transitionRecord(ed, { kind: "article", id: draft.id, transition: "unpublish", expectedVersion: v });
    expect((await search(other)).total).toBe(0);
  });

  it("a draft entity is neither a result nor an expansion, and its alias finds nothing", async () => {
    const ed = await staff("editor");
    const name = `طرخونيان${Date.now().toString(36).replace(/\d/g, "")}`;
    await createRecord(ed, "entity", { type: "person", kind: null, nameAr: name, nameEn: `Tarkhunian ${Date.now()}`, aliases: [{ name: "شتولتنبرغ الصغير", lang: "ar" }], descriptionAr: null, descriptionEn: null, start: null, end: null });
    const r = await search(name);
    expect(r.entities).toEqual([]);
    expect(r.expandedThrough).toEqual([]);
    expect(r.total).toBe(0);
    // an indexed draft exists (the index holds every state), the public query never sees it
    expect(await db().searchDocument.count({ where: { entity: { nameAr: name } } })).toBe(1);
  });
});

describe("GET /api/v1/search", () => {
  it("answers JSON, and a bad query gets a clear 400", async () => {
    const ok = await GET(new Request("http://x/api/v1/search?q=%D8%B3%D8%AA%D9%88%D9%84%D8%AA%D9%86%D8%A8%D8%B1%D8%BA"), { params: Promise.resolve({}) });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as SearchResult;
    expect(body.total).toBeGreaterThanOrEqual(2);
    for (const [qs, msg] of [
      ["", /q is required/],
      ["q=x&type=draft", /type must be/],
      ["q=x&page=0", /page must be at least 1/],
      ["q=x&year=abc", /year must be a year/],
    ] as const) {
      const res = await GET(new Request(`http://x/api/v1/search?${qs}`), { params: Promise.resolve({}) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(msg);
    }
  });
});
