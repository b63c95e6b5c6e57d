// The public entity and article pages' reads, on a real PostgreSQL: roles over time
// in date order (at their precision), the events an entity took part in, its related
// and co-mentioned entities, and an article's public notes. Nothing unpublished ever
// comes back: not a draft entity, a draft relation, a suggested mention, a mention in
// a draft article, an internal note or a note in draft.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRecord } from "@/lib/records/data";
import { createMention } from "@/lib/mentions/data";
import { transitionRecord } from "@/lib/workflow/data";
import { getPublishedArticle } from "@/lib/articles/data";
import { getPublishedEntity, listPublishedEventsOf, listPublishedRoles, listRelatedEntities, MENTIONS_SHOWN } from "@/lib/entities/data";
import type { RecordKind } from "@/lib/records/kinds";
import { articleContent, doc, staff } from "../helpers/fixtures";

type Staff = Awaited<ReturnType<typeof staff>>;
const t = Math.random().toString(36).slice(2, 7);
let editor: Staff;
let contributor: Staff;

async function publish(kind: RecordKind, id: string) {
  await transitionRecord(editor, { kind, id, transition: "publish", expectedVersion: 1 });
}

async function entity(type: string, nameEn: string, opts: { start?: string; end?: string; live?: boolean } = {}) {
  const { id } = await createRecord(editor, "entity", { type, nameAr: `${nameEn} ع${t}`, nameEn: `${nameEn} ${t}`, start: opts.start ?? null, end: opts.end ?? null });
  if (opts.live !== false) await publish("entity", id);
  return id;
}

async function relation(type: string, sourceId: string, targetId: string, extra: { roleEn?: string; start?: string; end?: string; live?: boolean } = {}) {
  const { id } = await createRecord(editor, "relation", {
    type,
    sourceId,
    targetId,
    roleAr: extra.roleEn ? `دور ${extra.roleEn}` : null,
    roleEn: extra.roleEn ?? null,
    start: extra.start ?? null,
    end: extra.end ?? null,
    note: null,
    citations: [],
  });
  if (extra.live !== false) await publish("relation", id);
  return id;
}

async function passage(articleId: string, words: string) {
  const text = (await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { plainText: true } })).plainText;
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the article`);
  return { articleId, start, end: start + words.length, exact: words };
}

async function mention(actor: Staff, articleId: string, entityId: string, words: string) {
  return createMention(actor, { ...(await passage(articleId, words)), entityId });
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  editor = await staff("editor");
  contributor = await staff("contributor");
  ids.person = await entity("person", "Person");
  ids.org1 = await entity("organization", "Alliance");
  ids.org2 = await entity("organization", "Council");
  ids.eventLate = await entity("event", "Meeting", { start: "2016-06" });
  ids.eventEarly = await entity("event", "Summit", { start: "2004", end: "2004-06-29" });
  ids.eventOther = await entity("event", "Other event", { start: "2010" });
  ids.draft = await entity("person", "Draft person", { live: false });
  ids.friend = await entity("person", "Friend");
  ids.stranger = await entity("person", "Stranger");
  ids.suggested = await entity("person", "Suggested");

  // roles: one undated, one by month, one by month with an end; and one not a role
  ids.leads = await relation("leads", ids.person, ids.org1);
  ids.role = await relation("holds_role_at", ids.person, ids.org1, { roleEn: "Secretary General", start: "2019-03" });
  ids.member = await relation("member_of", ids.person, ids.org2, { start: "2004-06", end: "2010" });
  await relation("partner_of", ids.person, ids.org2);
  // never public: a relation in draft, a published relation to a draft entity
  await relation("represents", ids.person, ids.org2, { roleEn: "Draft role", start: "2001", live: false });
  await relation("holds_role_at", ids.person, ids.draft, { roleEn: "With a draft", start: "2000" });
  // events
  await relation("participated_in", ids.person, ids.eventLate);
  await relation("hosted", ids.person, ids.eventEarly);
  await relation("participated_in", ids.person, ids.eventOther, { live: false });
  await relation("participated_in", ids.person, ids.org2); // not an event: not among its events

  // articles: two published ones that mention the person with others, one in draft
  const p1 = ["ذكر الشخص والحلف معا في هذا الخبر.", "وحضر الصديق وشخص المسودة أيضا."];
  ids.a1 = (await createRecord(editor, "article", articleContent(`مقال أول ${t}`, ...p1))).id;
  ids.a2 = (await createRecord(editor, "article", articleContent(`مقال ثان ${t}`, "التقى الشخص الصديق مرة أخرى.", "واقترح النظام اسما آخر هنا."))).id;
  ids.a3 = (await createRecord(editor, "article", articleContent(`مسودة ${t}`, "الشخص والغريب في مقال لم ينشر."))).id;
  await mention(editor, ids.a1, ids.person, "الشخص");
  await mention(editor, ids.a1, ids.org1, "الحلف");
  await mention(editor, ids.a1, ids.friend, "الصديق");
  await mention(editor, ids.a1, ids.draft, "شخص المسودة");
  await mention(editor, ids.a2, ids.person, "الشخص");
  await mention(editor, ids.a2, ids.friend, "الصديق");
  const s = await mention(contributor, ids.a2, ids.suggested, "اسما آخر");
  expect(s.state).toBe("suggested");
  await mention(editor, ids.a3, ids.person, "الشخص");
  await mention(editor, ids.a3, ids.stranger, "الغريب");
  await publish("article", ids.a1);
  await publish("article", ids.a2);

  // notes on the first article: public and published, internal, public but in draft
  const note = async (words: string, body: string, visibility: "public" | "internal", live: boolean) => {
    const { id } = await createRecord(editor, "annotation", { body: doc(body), visibility }, { passage: await passage(ids.a1, words) });
    if (live) await publish("annotation", id);
    return id;
  };
  ids.publicNote = await note("معا في هذا الخبر", "ملاحظة عامة", "public", true);
  await note("ذكر الشخص", "ملاحظة داخلية", "internal", true);
  await note("حضر الصديق", "ملاحظة في المسودة", "public", false);
});

describe("public entity page reads", () => {
  it("roles over time: published role relations, oldest first, undated last, at their precision", async () => {
    const roles = await listPublishedRoles(ids.person!);
    expect(roles.map((r) => [r.id, r.type, r.start, r.end, r.at.id])).toEqual([
      [ids.member, "member_of", "2004-06", "2010", ids.org2],
      [ids.role, "holds_role_at", "2019-03", null, ids.org1],
      [ids.leads, "leads", null, null, ids.org1],
    ]);
    expect(roles[1]).toMatchObject({ roleEn: "Secretary General", roleAr: "دور Secretary General", at: { nameEn: `Alliance ${t}` } });
    expect(JSON.stringify(roles)).not.toMatch(/Draft role|With a draft/);
  });

  it("events it took part in: published relations to events, by the event's date", async () => {
    const events = await listPublishedEventsOf(ids.person!);
    expect(events.map((e) => [e.event.id, e.type, e.event.start, e.event.end])).toEqual([
      [ids.eventEarly, "hosted", "2004", "2004-06-29"],
      [ids.eventLate, "participated_in", "2016-06", null],
    ]);
  });

  it("related entities: the other ends of published relations, and entities confirmed in the same published articles", async () => {
    const related = await listRelatedEntities(ids.person!);
    const linked = related.linked.map((r) => [r.id, r.relations]);
    expect(linked.slice(0, 2)).toEqual(expect.arrayContaining([[ids.org1, 2], [ids.org2, 3]]));
    expect(new Set(related.linked.map((r) => r.id))).toEqual(new Set([ids.org1, ids.org2, ids.eventEarly, ids.eventLate]));

    // the friend is in both published articles, the alliance in one; the draft person,
    // the stranger (only in a draft article) and a suggested mention are not there
    expect(related.coMentioned.map((r) => [r.id, r.articles])).toEqual([
      [ids.friend, 2],
      [ids.org1, 1],
    ]);
  });

  it("a draft entity is never among related or co-mentioned entities, even seen from the other side", async () => {
    const all = await listRelatedEntities(ids.person!, { limit: 100 });
    const seen = [...all.linked, ...all.coMentioned].map((r) => r.id);
    expect(seen).not.toContain(ids.draft);
    expect(seen).not.toContain(ids.stranger);
    expect(seen).not.toContain(ids.suggested);
    const fromFriend = await listRelatedEntities(ids.friend!, { limit: 100 });
    expect(fromFriend.coMentioned.map((r) => r.id).sort()).toEqual([ids.org1, ids.person].sort());
    // and a draft entity has nothing public to show at all
    const fromDraft = await listRelatedEntities(ids.draft!);
    expect(fromDraft).toEqual({ linked: [], coMentioned: [] });
  });
});

describe("the passages on an entity's page", () => {
  it("come from the latest public articles naming it (at most MENTIONS_SHOWN), newest first, and count every public one", async () => {
    const busy = await entity("person", "Busy");
    const friend = await entity("person", "Busy friend");
    // MENTIONS_SHOWN + 2 published articles a day apart, and a draft newer than all of them
    const published: string[] = [];
    for (let i = 0; i < MENTIONS_SHOWN + 2; i++) {
      const day = new Date(Date.UTC(2001, 0, 1 + i)).toISOString().slice(0, 10);
      const { id } = await createRecord(editor, "article", { ...articleContent(`مقال مزدحم ${i} ${t}`, `ذكر المزدحم في اليوم ${i}.`, "ومعه رفيقه."), publishedOn: day });
      await mention(editor, id, busy, "المزدحم");
      if (i % 2 === 0) await mention(editor, id, friend, "رفيقه");
      await publish("article", id);
      published.push(id);
    }
    const { id: draft } = await createRecord(editor, "article", { ...articleContent(`مسودة مزدحمة ${t}`, "المزدحم في مسودة."), publishedOn: "2030-01-01" });
    await mention(editor, draft, busy, "المزدحم");

    const page = (await getPublishedEntity(busy))!;
    expect(page.mentionArticles).toBe(MENTIONS_SHOWN + 2);
    // one passage per article here: the newest MENTIONS_SHOWN published ones, newest first
    expect(page.mentions.map((m) => m.article.id)).toEqual(published.slice(-MENTIONS_SHOWN).reverse());
    expect(page.mentions[0]).toMatchObject({ exact: "المزدحم", article: { title: `مقال مزدحم ${MENTIONS_SHOWN + 1} ${t}` } });
    // and the same pass over those articles counts who else they name
    const related = await listRelatedEntities(busy);
    expect(related.coMentioned.map((r) => [r.id, r.articles])).toEqual([[friend, (MENTIONS_SHOWN + 2) / 2]]);
  });
});

describe("public article page reads", () => {
  it("returns only public, published notes, with the passage they are anchored to", async () => {
    const a = await getPublishedArticle(ids.a1!);
    expect(a).not.toBeNull();
    expect(a!.annotations.map((n) => n.id)).toEqual([ids.publicNote]);
    const text = a!.plainText;
    const n = a!.annotations[0]!;
    expect(n).toMatchObject({ exact: "معا في هذا الخبر", anchorStatus: "anchored" });
    expect(text.slice(n.start, n.end)).toBe(n.exact);
    expect(JSON.stringify(a)).not.toMatch(/ملاحظة داخلية|ملاحظة في المسودة/);
    // the draft article is not public at all
    expect(await getPublishedArticle(ids.a3!)).toBeNull();
  });
});
