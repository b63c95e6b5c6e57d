// Relations on a real PostgreSQL: created, edited and deleted through the record
// data layer with their cited passages; a citation of words that are not in the
// article is refused with nothing written; citations follow a corrected text; and
// the studio's evidence about an entity (relations both ways, mentions, annotations
// on its passages, and the seeded event whose sources disagree about its date).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRecord, deleteRecord, getWorkingCopy, saveRecord } from "@/lib/records/data";
import { createMention } from "@/lib/mentions/data";
import { transitionRecord } from "@/lib/workflow/data";
import { conflictingClaims, getArticleTextForCitation, listEntityEvidence, listRelationsForEntity, listRelationsForStudio } from "@/lib/relations/data";
import { studioListQuerySchema } from "@/lib/records/schemas";
import { articleContent, doc, staff } from "../helpers/fixtures";

const tag = () => Math.random().toString(36).slice(2, 7);

async function twoEntities(actor: Awaited<ReturnType<typeof staff>>, t: string) {
  const person = await createRecord(actor, "entity", { type: "person", nameAr: `ينس ستولتنبرغ${t}`, nameEn: `Jens Stoltenberg ${t}` });
  const org = await createRecord(actor, "entity", { type: "organization", nameAr: `حلف شمال الأطلسي${t}`, nameEn: `NATO ${t}` });
  return { person: person.id, org: org.id };
}

async function plainTextOf(articleId: string) {
  return (await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { plainText: true } })).plainText;
}

/** A citation of `words` (the first occurrence) in the article. */
async function cite(articleId: string, words: string, note: string | null = null) {
  const text = await plainTextOf(articleId);
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the article`);
  return { articleId, start, end: start + words.length, exact: words, note };
}

const relationContent = (sourceId: string, targetId: string, citations: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "holds_role_at",
  sourceId,
  targetId,
  roleAr: "الأمين العام",
  roleEn: "Secretary General",
  start: "2014-10",
  end: null,
  note: null,
  citations,
  ...extra,
});

const counts = async () => ({ relations: await db().relation.count(), citations: await db().citation.count() });

describe("relations through the data layer", () => {
  it("creates, edits and deletes a relation with its cited passages", async () => {
    const editor = await staff("editor");
    const t = tag();
    const { person, org } = await twoEntities(editor, t);
    const article = await createRecord(
      editor,
      "article",
      articleContent(`الأمين العام ${t}`, `ألقى أمين عام حلف شمال الأطلسي ينس ستولتنبرغ${t} كلمة بهذه المناسبة.`, `وقال الأمين العام إن الشراكة مع دول الخليج راسخة.`),
    );
    const first = await cite(article.id, `أمين عام حلف شمال الأطلسي ينس ستولتنبرغ${t}`, "المصدر الأول");

    const { id, version } = await createRecord(editor, "relation", relationContent(person, org, [first]));
    expect(version).toBe(1);
    const row = await db().relation.findUniqueOrThrow({ where: { id }, include: { citations: true } });
    expect(row).toMatchObject({ type: "holds_role_at", sourceId: person, targetId: org, roleAr: "الأمين العام", startPrecision: "month", state: "draft" });
    expect(row.citations).toHaveLength(1);
    expect(row.citations[0]).toMatchObject({ articleId: article.id, exact: first.exact, start: first.start, end: first.end, anchorStatus: "anchored", note: "المصدر الأول" });
    expect(row.citations[0]!.prefix.length).toBeGreaterThan(0);
    expect(row.citations[0]!.suffix).toContain("كلمة");

    // both ends see it, each in its own direction, with the cited article
    const fromPerson = await listRelationsForEntity(person);
    expect(fromPerson).toHaveLength(1);
    expect(fromPerson[0]).toMatchObject({ id, direction: "outgoing", start: "2014-10", end: null, state: "draft", pendingRevisionId: null });
    expect(fromPerson[0]!.other).toMatchObject({ id: org, nameEn: `NATO ${t}`, type: "organization" });
    expect(fromPerson[0]!.citations[0]).toMatchObject({ exact: first.exact, anchorStatus: "anchored", article: { id: article.id, title: `الأمين العام ${t}` } });
    const fromOrg = await listRelationsForEntity(org);
    expect(fromOrg.map((r) => [r.id, r.direction, r.other.id])).toEqual([[id, "incoming", person]]);

    // the studio list finds it by either end's name and by role, and filters by type
    const q = (over: Record<string, string>) => studioListQuerySchema.parse(over);
    expect((await listRelationsForStudio(q({ q: `NATO ${t}` }))).rows.map((r) => r.id)).toEqual([id]);
    expect((await listRelationsForStudio(q({ q: `ستولتنبرغ${t}` }))).rows.map((r) => r.id)).toEqual([id]);
    expect((await listRelationsForStudio(q({ q: `NATO ${t}` }), { type: "member_of" })).rows).toEqual([]);
    const listed = (await listRelationsForStudio(q({ q: `NATO ${t}`, state: "draft" }))).rows[0]!;
    expect(listed).toMatchObject({ citations: 1, orphaned: 0, start: "2014-10", roleEn: "Secretary General" });

    // edit: another type and date, a second citation, the first one's note changed
    const second = await cite(article.id, "الشراكة مع دول الخليج راسخة");
    const saved = await saveRecord(editor, "relation", id, relationContent(person, org, [{ ...first, note: null }, second], { type: "represents", start: "2014", end: "2024-10-01" }), {
      expectedVersion: 1,
    });
    expect(saved).toMatchObject({ version: 2, pending: false });
    const wc = await getWorkingCopy("relation", id);
    expect(wc!.content).toMatchObject({ type: "represents", start: "2014", end: "2024-10-01" });
    expect(wc!.content.citations.map((c) => [c.exact, c.note])).toEqual([
      [first.exact, null],
      [second.exact, null],
    ]);
    expect(await db().citation.count({ where: { relationId: id } })).toBe(2);

    // a save from an older version is a conflict and changes nothing
    await expect(saveRecord(editor, "relation", id, relationContent(person, org, [first]), { expectedVersion: 1 })).rejects.toThrow(/newer version/);
    expect(await db().citation.count({ where: { relationId: id } })).toBe(2);

    // a contributor may not delete; an editor deletes the draft and its citations go with it
    const contributor = await staff("contributor");
    await expect(deleteRecord(contributor, "relation", id, 2)).rejects.toThrow(/not allowed/);
    await deleteRecord(editor, "relation", id, 2);
    expect(await db().relation.findUnique({ where: { id } })).toBeNull();
    expect(await db().citation.count({ where: { relationId: id } })).toBe(0);
    expect(await listRelationsForEntity(person)).toEqual([]);
  });

  it("refuses a citation whose words are not in the article, writing nothing", async () => {
    const editor = await staff("editor");
    const t = tag();
    const { person, org } = await twoEntities(editor, t);
    const article = await createRecord(editor, "article", articleContent(`رفض ${t}`, "افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت."));
    const good = await cite(article.id, "مركزه الإقليمي");
    const missing = { articleId: article.id, start: 0, end: 12, exact: "كلمات مختلقة", note: null };

    const before = await counts();
    await expect(createRecord(editor, "relation", relationContent(person, org, [good, missing]))).rejects.toThrow(/no longer in the article/);
    expect(await counts()).toEqual(before);
    expect(await db().revision.count({ where: { recordType: "relation", snapshot: { path: ["sourceId"], equals: person } } })).toBe(0);

    // an existing relation keeps its version and its citations when a save cites missing words
    const { id } = await createRecord(editor, "relation", relationContent(person, org, [good]));
    const kept = await counts();
    await expect(saveRecord(editor, "relation", id, relationContent(person, org, [good, missing]), { expectedVersion: 1 })).rejects.toThrow(/no longer in the article/);
    expect(await counts()).toEqual(kept);
    const row = await db().relation.findUniqueOrThrow({ where: { id }, include: { citations: true } });
    expect(row.version).toBe(1);
    expect(row.citations.map((c) => c.exact)).toEqual(["مركزه الإقليمي"]);

    // an article that does not exist is refused too
    await expect(createRecord(editor, "relation", relationContent(person, org, [{ ...good, articleId: "nonexistentarticle1" }]))).rejects.toThrow(/does not exist/);
    // and a relation needs two different, existing entities
    await expect(createRecord(editor, "relation", relationContent(person, person, [good]))).rejects.toThrow();
    await expect(createRecord(editor, "relation", relationContent(person, "nonexistententity1", [good]))).rejects.toThrow(/existing entities/);
    expect(await counts()).toEqual(kept);
  });

  it("re-finds quoted words that moved, and citations follow a corrected article text", async () => {
    const editor = await staff("editor");
    const t = tag();
    const { person, org } = await twoEntities(editor, t);
    const article = await createRecord(editor, "article", articleContent(`تصحيح ${t}`, "قال الوزير إن المركز الإقليمي يعد منصة للحوار.", "وأضاف أن التدريب مستمر."));
    const centre = await cite(article.id, "المركز الإقليمي");
    const training = await cite(article.id, "التدريب");

    // offsets from an older text (shifted by 3): the same words are found again
    const { id } = await createRecord(editor, "relation", relationContent(person, org, [{ ...centre, start: centre.start + 3, end: centre.end + 3 }, training]));
    let rows = await db().citation.findMany({ where: { relationId: id }, orderBy: { start: "asc" } });
    expect(rows.map((c) => [c.exact, c.start])).toEqual([
      ["المركز الإقليمي", centre.start],
      ["التدريب", training.start],
    ]);

    // the article's text is corrected: one quote moves, the other is gone (flagged, kept)
    await saveRecord(editor, "article", article.id, articleContent(`تصحيح ${t}`, "صرّح معالي الوزير اليوم إن المركز الإقليمي يعد منصة للحوار.", "وأضاف أن العمل مستمر."), { expectedVersion: 1 });
    const newText = await plainTextOf(article.id);
    rows = await db().citation.findMany({ where: { relationId: id }, orderBy: { createdAt: "asc" } });
    const moved = rows.find((c) => c.exact === "المركز الإقليمي")!;
    expect(moved.anchorStatus).toBe("anchored");
    expect(moved.start).toBe(newText.indexOf("المركز الإقليمي"));
    expect(newText.slice(moved.start, moved.end)).toBe("المركز الإقليمي");
    const gone = rows.find((c) => c.exact === "التدريب")!;
    expect(gone.anchorStatus).toBe("orphaned");

    // the studio sees the new place and the orphaned flag
    const [rel] = await listRelationsForEntity(person);
    expect(rel!.citations.map((c) => [c.exact, c.start, c.anchorStatus])).toEqual([
      ["المركز الإقليمي", moved.start, "anchored"],
      ["التدريب", training.start, "orphaned"],
    ]);
    expect((await listRelationsForStudio(studioListQuerySchema.parse({ q: `NATO ${t}` }))).rows[0]).toMatchObject({ citations: 2, orphaned: 1 });

    // the picker reads the corrected text; saving with the orphaned quote is refused,
    // saving without it (or with the words selected again) is accepted
    expect((await getArticleTextForCitation(article.id))!.plainText).toBe(newText);
    const wc = (await getWorkingCopy("relation", id))!;
    await expect(saveRecord(editor, "relation", id, wc.content, { expectedVersion: wc.row.version })).rejects.toThrow(/no longer in the article/);
    const work = await cite(article.id, "العمل");
    await saveRecord(editor, "relation", id, { ...wc.content, citations: [wc.content.citations[0], work] }, { expectedVersion: wc.row.version });
    const fixed = await db().citation.findMany({ where: { relationId: id }, orderBy: { start: "asc" } });
    expect(fixed.map((c) => [c.exact, c.anchorStatus])).toEqual([
      ["المركز الإقليمي", "anchored"],
      ["العمل", "anchored"],
    ]);
  });

  it("keeps a published relation's public version until its next version is published", async () => {
    const editor = await staff("editor");
    const t = tag();
    const { person, org } = await twoEntities(editor, t);
    const article = await createRecord(editor, "article", articleContent(`نشر ${t}`, "عُيّن الأمين العام في منصبه عام 2014، وما زال فيه."));
    const c = await cite(article.id, "عُيّن الأمين العام في منصبه عام 2014");
    const { id } = await createRecord(editor, "relation", relationContent(person, org, [c]));
    await transitionRecord(editor, { kind: "relation", id, transition: "publish", expectedVersion: 1 });
    await saveRecord(editor, "relation", id, relationContent(person, org, [c], { roleEn: "Secretary-General", start: "2014-10-01" }), { expectedVersion: 1 });

    const [pending] = await listRelationsForEntity(person);
    expect(pending).toMatchObject({ state: "published", roleEn: "Secretary General", start: "2014-10", pendingState: "draft" });
    expect(pending!.pendingRevisionId).not.toBeNull();
    const wc = (await getWorkingCopy("relation", id))!;
    expect(wc.content).toMatchObject({ roleEn: "Secretary-General", start: "2014-10-01" });

    await transitionRecord(editor, { kind: "relation", id, transition: "publish", expectedVersion: wc.row.version });
    const [live] = await listRelationsForEntity(person);
    expect(live).toMatchObject({ state: "published", roleEn: "Secretary-General", start: "2014-10-01", pendingRevisionId: null });
    expect(live!.citations.map((x) => x.exact)).toEqual([c.exact]);
  });
});

describe("the evidence about an entity", () => {
  it("lists its mentions with their passages and the annotations on those passages", async () => {
    const editor = await staff("editor");
    const t = tag();
    const e = await createRecord(editor, "entity", { type: "organization", nameAr: `منظمة${t}`, nameEn: `Org ${t}` });
    const article = await createRecord(editor, "article", articleContent(`أدلة ${t}`, `أعلنت منظمة${t} عن برنامج جديد للتعاون.`, "وفي خبر آخر، هطلت أمطار غزيرة."));
    const text = await plainTextOf(article.id);
    const start = text.indexOf(`منظمة${t}`);
    await createMention(editor, { articleId: article.id, entityId: e.id, start, end: start + `منظمة${t}`.length, exact: `منظمة${t}` });

    const over = text.indexOf(`منظمة${t} عن برنامج`);
    const onIt = await createRecord(editor, "annotation", { body: doc("ملاحظة على الإعلان"), visibility: "internal" }, {
      passage: { articleId: article.id, start: over, end: over + `منظمة${t} عن برنامج`.length, exact: `منظمة${t} عن برنامج` },
    });
    const rain = text.indexOf("هطلت أمطار");
    await createRecord(editor, "annotation", { body: doc("لا علاقة له"), visibility: "public" }, { passage: { articleId: article.id, start: rain, end: rain + 10, exact: "هطلت أمطار" } });

    const ev = await listEntityEvidence(e.id);
    expect(ev.mentions).toHaveLength(1);
    expect(ev.mentions[0]).toMatchObject({ exact: `منظمة${t}`, start, state: "confirmed", anchorStatus: "anchored", article: { id: article.id, title: `أدلة ${t}` } });
    expect(ev.mentions[0]!.suffix).toContain("عن برنامج");
    expect(ev.annotations.map((a) => [a.id, a.text, a.visibility])).toEqual([[onIt.id, "ملاحظة على الإعلان", "internal"]]);
    expect(ev.dateClaims).toEqual([]);
    expect(ev.dateConflict).toEqual({ disagree: false, values: [] });
  });

  it("returns both dates of the seeded regional centre inauguration, with their passages", async () => {
    const event = await db().entity.findUniqueOrThrow({ where: { slug: "nato-ici-regional-centre-inauguration-2017" }, select: { id: true } });
    const ev = await listEntityEvidence(event.id);
    expect(ev.entityDate).toBe("2017-01-24");
    const claims = ev.dateClaims.map((c) => c.claim);
    expect(claims).toEqual(expect.arrayContaining(["2017-01-23", "2017-01-24"]));
    expect(ev.dateConflict).toEqual({ disagree: true, values: ["2017-01-23", "2017-01-24"] });

    const on23 = ev.dateClaims.find((c) => c.claim === "2017-01-23")!;
    expect(on23).toMatchObject({ precision: "day", anchorStatus: "anchored" });
    expect(on23.exact).toContain("23 يناير عام 2017");
    expect(on23.article.title.length).toBeGreaterThan(0);
    const on24 = ev.dateClaims.find((c) => c.claim === "2017-01-24")!;
    expect(on24.exact).toContain("اليوم الثلاثاء");
    expect(on24.note).toMatch(/Tuesday/);
    expect(on24.article.id).not.toBe(on23.article.id);
    // each quote is where its offsets say, in its article's text
    for (const c of [on23, on24]) expect((await plainTextOf(c.article.id)).slice(c.start, c.end)).toBe(c.exact);
    // the less precise "2017" claims agree with both days
    expect(ev.dateClaims.filter((c) => c.claim === "2017").length).toBeGreaterThanOrEqual(1);
    expect(ev.mentions.length).toBeGreaterThan(0);
  });

  it("tells disagreeing claims from claims that are only less precise", () => {
    expect(conflictingClaims(["2017", "2017-01-24", "2017-01"])).toEqual([]);
    expect(conflictingClaims(["2017", "2017-01-24", "2017-01-23", "2017-01-24"])).toEqual(["2017-01-23", "2017-01-24"]);
    expect(conflictingClaims(["2016", "2017"])).toEqual(["2016", "2017"]);
    expect(conflictingClaims([])).toEqual([]);
  });
});

describe("a relation whose sources disagree on its date", () => {
  it("keeps each source's date with its citation, and the public page shows both", async () => {
    const ed = await staff("editor");
    const t = tag();
    const ids = await twoEntities(ed, t);
    const a1 = await createRecord(ed, "article", articleContent(`مصدر أول ${t}`, "تولى الأمين العام منصبه في الأول من أكتوبر 2014."));
    const a2 = await createRecord(ed, "article", articleContent(`مصدر ثان ${t}`, "تسلم الأمين العام مهامه في الثاني من أكتوبر 2014."));
    const c1 = { ...(await cite(a1.id, "تولى الأمين العام منصبه")), claim: "2014-10-01" };
    const c2 = { ...(await cite(a2.id, "تسلم الأمين العام مهامه")), claim: "2014-10-02" };
    const r = await createRecord(ed, "relation", relationContent(ids.person, ids.org, [c1, c2], { start: "2014-10" }));
    const wc = await getWorkingCopy("relation", r.id);
    expect(wc!.content.citations.map((c) => c.claim)).toEqual(["2014-10-01", "2014-10-02"]);
    await expect(createRecord(ed, "relation", relationContent(ids.person, ids.org, [{ ...c1, claim: "1 October" }]))).rejects.toThrow(/Date this source gives/);

    for (const [kind, id] of [["entity", ids.person], ["entity", ids.org], ["article", a1.id], ["article", a2.id], ["relation", r.id]] as const) {
      await transitionRecord(ed, { kind, id, transition: "publish", expectedVersion: 1 });
    }
    const { getPublishedEntity } = await import("@/lib/entities/data");
    const pub = await getPublishedEntity(ids.person);
    const rel = pub!.relations.find((x) => x.id === r.id)!;
    expect(rel.citations.map((c) => [c.claim, c.article.id])).toEqual([
      ["2014-10-01", a1.id],
      ["2014-10-02", a2.id],
    ]);
  });
});
