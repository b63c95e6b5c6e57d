// Merging duplicate entities on a real PostgreSQL: names become aliases; mentions,
// relations (both sides), date citations, dossier items and redirects move; rows that
// would collide are removed and kept; old ids and slugs redirect (data layer and public
// API); revisions and audit are written; undo puts every row back exactly; refusals
// write nothing; a later merge blocks undoing an earlier one; possible duplicates.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/policy";
import { createRecord, getWorkingCopy, saveRecord } from "@/lib/records/data";
import { createMention } from "@/lib/mentions/data";
import { transitionRecord } from "@/lib/workflow/data";
import { listRevisions } from "@/lib/revisions/data";
import { findEntityRedirect, getPublishedEntity } from "@/lib/entities/data";
import { normalizeNameKey } from "@/lib/arabic/normalize";
import { findDuplicateCandidates, listMerges, mergeEntities, previewMerge, undoMerge } from "@/lib/merges/data";
import { GET as getEntityApi } from "@/app/api/v1/entities/[idOrSlug]/route";
import { articleContent, dossierContent, staff } from "../helpers/fixtures";

let editor: Actor;
let contributor: Actor;
beforeAll(async () => {
  editor = await staff("editor");
  contributor = await staff("contributor");
});

const tag = () => Math.random().toString(36).slice(2, 7);

type EntityInput = { type?: "person" | "organization" | "event" | "place"; nameAr: string; nameEn: string; aliases?: { name: string; lang?: string }[] };
async function entity(e: EntityInput, opts: { publish?: boolean } = {}) {
  const { id } = await createRecord(editor, "entity", { type: "person", ...e });
  if (opts.publish) await transitionRecord(editor, { kind: "entity", id, transition: "publish", expectedVersion: 1 });
  return db().entity.findUniqueOrThrow({ where: { id } });
}
const version = async (id: string) => (await db().entity.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const versions = async (survivorId: string, mergedId: string) => ({ survivor: await version(survivorId), merged: await version(mergedId) });

async function publishedArticle(title: string, ...paragraphs: string[]) {
  const { id } = await createRecord(editor, "article", articleContent(title, ...paragraphs));
  await transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 1 });
  return db().article.findUniqueOrThrow({ where: { id }, select: { id: true, plainText: true } });
}

/** The passage of `words` (its n-th occurrence) in an article's text. */
function passage(article: { id: string; plainText: string }, words: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = article.plainText.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  return { articleId: article.id, start, end: start + words.length, exact: words };
}

const api = async (idOrSlug: string) => {
  const res = await getEntityApi(new Request(`http://test/api/v1/entities/${encodeURIComponent(idOrSlug)}`), { params: Promise.resolve({ idOrSlug }) } as never);
  return { status: res.status, location: res.headers.get("location"), body: res.status === 200 ? await res.json() : null };
};

const without = <T extends object>(rows: T[], ...keys: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

/** Every row that belongs to these entities, whole (minus the columns any update touches). */
async function rowsOf(ids: string[]) {
  const relWhere = { OR: [{ sourceId: { in: ids } }, { targetId: { in: ids } }] };
  const [entities, aliases, mentions, relations, citations, items, redirects] = await Promise.all([
    db().entity.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
    db().entityAlias.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" } }),
    db().mention.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" } }),
    db().relation.findMany({ where: relWhere, orderBy: { id: "asc" } }),
    db().citation.findMany({ where: { OR: [{ entityId: { in: ids } }, { relation: relWhere }] }, orderBy: { id: "asc" } }),
    db().dossierItem.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" } }),
    db().entityRedirect.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" } }),
  ]);
  return {
    // versions only ever grow (an editor's stale form must not match again); the rest is exact
    entities: without(entities, "version", "updatedAt", "updatedById", "pendingRevisionId"),
    aliases,
    mentions: without(mentions, "updatedAt"),
    relations: without(relations, "version", "updatedAt", "updatedById", "pendingRevisionId"),
    citations,
    items: without(items, "updatedAt"),
    redirects,
  };
}

async function writes() {
  const [merges, revisions, audit, aliases, redirects] = await Promise.all([
    db().entityMerge.count(),
    db().revision.count(),
    db().auditEvent.count(),
    db().entityAlias.count(),
    db().entityRedirect.count(),
  ]);
  return { merges, revisions, audit, aliases, redirects };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("merging a duplicate entity", () => {
  it("moves names, mentions, relations, citations, dossier items and addresses; undo puts every row back", async () => {
    const t = tag();
    const survivor = await entity({ nameAr: `ينس ستولتنبرغ ${t}`, nameEn: `Jens Stoltenberg ${t}`, aliases: [{ name: `ستولتنبرغ ${t}` }] }, { publish: true });
    const merged = await entity(
      { nameAr: `ينس شتولتنبرغ ${t}`, nameEn: `Jens Stoltenberg ${t}`, aliases: [{ name: `J. Stoltenberg ${t}`, lang: "en" }, { name: `ستولتنبرغ ${t}` }] },
      { publish: true },
    );
    const nato = await entity({ type: "organization", nameAr: `حلف ${t}`, nameEn: `Alliance ${t}` }, { publish: true });
    const article = await publishedArticle(`مقال ${t}`, `استقبل ينس ستولتنبرغ ${t} وفدا من الكويت.`, `وقال ينس شتولتنبرغ ${t} إن الحلف باق.`, `افتتح المركز في 23 يناير 2017.`);

    // mentions: the same words linked to both (the survivor's only suggested), and one only to the duplicate
    const shared = passage(article, `ينس ستولتنبرغ ${t}`);
    const survivorShared = await createMention(contributor, { ...shared, entityId: survivor.id });
    expect(survivorShared.state).toBe("suggested");
    const mergedShared = await createMention(editor, { ...shared, entityId: merged.id });
    const mergedOnly = await createMention(editor, { ...passage(article, `ينس شتولتنبرغ ${t}`), entityId: merged.id });
    // relations on both sides, and one between the two (it would link the survivor to itself)
    const cite = passage(article, "إن الحلف باق");
    const memberOf = await createRecord(editor, "relation", { type: "member_of", sourceId: merged.id, targetId: nato.id, citations: [cite] });
    const partner = await createRecord(editor, "relation", { type: "partner_of", sourceId: nato.id, targetId: merged.id });
    const between = await createRecord(editor, "relation", { type: "partner_of", sourceId: merged.id, targetId: survivor.id, citations: [cite] });
    for (const r of [memberOf, partner]) await transitionRecord(editor, { kind: "relation", id: r.id, transition: "publish", expectedVersion: 1 });
    // a date claim, a dossier item, and an older redirect to the duplicate
    const date = passage(article, "23 يناير 2017");
    const citation = await db().citation.create({ data: { ...date, entityId: merged.id, field: "date", claimStart: new Date("2017-01-23"), claimPrecision: "day" } });
    const dossier = await createRecord(editor, "dossier", { ...dossierContent(), items: [{ entityId: merged.id }, { articleId: article.id }] });
    const oldRedirect = await db().entityRedirect.create({ data: { fromSlug: `old-name-${t}`, entityId: merged.id } });

    // before: the duplicate is public, its slug answers 200, an unknown slug 404
    expect((await api(merged.slug)).status).toBe(200);
    expect((await api(`no-such-entity-${t}`)).status).toBe(404);

    const ids = [survivor.id, merged.id];
    const before = await rowsOf(ids);
    const preview = await previewMerge(editor, { survivorId: survivor.id, mergedId: merged.id });
    expect(preview.counts).toEqual({ names: 2, mentions: 1, mentionDuplicates: 1, relations: 2, relationsRemoved: 1, citations: 1, dossierItems: 1, redirects: 2 });
    expect(preview.names.sort()).toEqual([`J. Stoltenberg ${t}`, `ينس شتولتنبرغ ${t}`].sort());

    const result = await mergeEntities(editor, { survivorId: survivor.id, mergedId: merged.id, expectedVersions: await versions(survivor.id, merged.id) });
    expect(result.counts.mentions).toBe(1);

    // the duplicate is merged; both have a new version
    const m = await db().entity.findUniqueOrThrow({ where: { id: merged.id } });
    expect(m.mergedIntoId).toBe(survivor.id);
    expect(m.version).toBe(merged.version + 1);
    expect(await version(survivor.id)).toBe(survivor.version + 1);

    // its names are aliases of the survivor (the English name it shared and the alias it shared are not doubled)
    const aliases = await db().entityAlias.findMany({ where: { entityId: survivor.id } });
    const keys = aliases.map((a) => a.normalized);
    expect(keys).toEqual(expect.arrayContaining([normalizeNameKey(`ينس شتولتنبرغ ${t}`), normalizeNameKey(`J. Stoltenberg ${t}`)]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(aliases.find((a) => a.name === `J. Stoltenberg ${t}`)).toMatchObject({ lang: "en", script: "Latn", preferred: false });
    expect((await getWorkingCopy("entity", survivor.id))!.content.aliases.map((a) => a.name)).toEqual(expect.arrayContaining([`ينس شتولتنبرغ ${t}`, `J. Stoltenberg ${t}`]));

    // mentions: the one only the duplicate had moved; the identical one was removed and its decision kept
    expect((await db().mention.findUniqueOrThrow({ where: { id: mergedOnly.id } })).entityId).toBe(survivor.id);
    expect(await db().mention.findUnique({ where: { id: mergedShared.id } })).toBeNull();
    expect((await db().mention.findUniqueOrThrow({ where: { id: survivorShared.id } })).state).toBe("confirmed");
    expect(await db().mention.count({ where: { entityId: merged.id } })).toBe(0);

    // relations on both sides moved; the one between the two is gone with its citation
    expect(await db().relation.findUniqueOrThrow({ where: { id: memberOf.id } })).toMatchObject({ sourceId: survivor.id, targetId: nato.id, version: 2 });
    expect(await db().relation.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ sourceId: nato.id, targetId: survivor.id });
    expect(await db().relation.findUnique({ where: { id: between.id } })).toBeNull();
    expect(await db().citation.count({ where: { relationId: between.id } })).toBe(0);
    expect((await listRevisions("relation", memberOf.id))[0]).toMatchObject({ action: "merge", version: 2 });

    // the date claim and the dossier item moved; the dossier has a new version saying so
    expect((await db().citation.findUniqueOrThrow({ where: { id: citation.id } })).entityId).toBe(survivor.id);
    expect((await db().dossierItem.findFirstOrThrow({ where: { dossierId: dossier.id, articleId: null } })).entityId).toBe(survivor.id);
    expect((await getWorkingCopy("dossier", dossier.id))!.content.items[0]!.entityId).toBe(survivor.id);
    expect((await listRevisions("dossier", dossier.id))[0]!.action).toBe("merge");

    // addresses: the old redirect, the duplicate's id and slug all lead to the survivor
    expect((await db().entityRedirect.findUniqueOrThrow({ where: { id: oldRedirect.id } })).entityId).toBe(survivor.id);
    expect(await findEntityRedirect(merged.id)).toBe(survivor.slug);
    expect(await findEntityRedirect(merged.slug)).toBe(survivor.slug);
    expect(await findEntityRedirect(`old-name-${t}`)).toBe(survivor.slug);
    for (const key of [merged.slug, merged.id]) {
      const r = await api(key);
      expect(r.status).toBe(308);
      expect(new URL(r.location!).pathname).toBe(`/api/v1/entities/${survivor.slug}`);
    }
    const pub = (await getPublishedEntity(survivor.slug))!;
    expect(pub.aliases.map((a) => a.name)).toContain(`ينس شتولتنبرغ ${t}`);
    expect(pub.mentions.map((x) => x.id)).toContain(mergedOnly.id);
    expect(pub.relations.map((x) => x.id).sort()).toEqual([memberOf.id, partner.id].sort());
    expect(await getPublishedEntity(merged.slug)).toBeNull();

    // history: a revision on each, naming the other; an audit event; the merge in both lists
    const [sRev] = await listRevisions("entity", survivor.id);
    const [mRev] = await listRevisions("entity", merged.id);
    expect(sRev).toMatchObject({ action: "merge", version: survivor.version + 1 });
    expect(sRev!.message).toContain(`ينس شتولتنبرغ ${t}`);
    expect(mRev).toMatchObject({ action: "merge", version: merged.version + 1 });
    expect(mRev!.message).toContain(`ينس ستولتنبرغ ${t}`);
    expect(await db().auditEvent.count({ where: { action: "entity.merge", recordId: survivor.id } })).toBe(1);
    for (const id of ids) expect((await listMerges(id)).map((x) => ({ id: x.id, undoable: x.undoable }))).toEqual([{ id: result.mergeId, undoable: true }]);

    // a merged entity takes no part in another merge
    const third = await entity({ nameAr: `شخص ثالث ${t}`, nameEn: `Third ${t}` });
    expect((await refusal(mergeEntities(editor, { survivorId: merged.id, mergedId: third.id, expectedVersions: await versions(merged.id, third.id) }))).code).toBe("conflict");
    expect((await refusal(mergeEntities(editor, { survivorId: third.id, mergedId: merged.id, expectedVersions: await versions(third.id, merged.id) }))).code).toBe("conflict");

    // undo: every row is back exactly as it was
    const undone = await undoMerge(editor, { mergeId: result.mergeId });
    expect(undone.mergedVersion).toBe(merged.version + 2);
    expect(await rowsOf(ids)).toEqual(before);
    expect((await db().entity.findUniqueOrThrow({ where: { id: merged.id } })).mergedIntoId).toBeNull();
    expect((await db().mention.findUniqueOrThrow({ where: { id: survivorShared.id } })).state).toBe("suggested");
    expect((await getWorkingCopy("dossier", dossier.id))!.content.items[0]!.entityId).toBe(merged.id);
    expect((await listRevisions("relation", memberOf.id))[0]).toMatchObject({ action: "unmerge", version: 3 });
    expect((await listRevisions("entity", survivor.id))[0]!.action).toBe("unmerge");
    expect((await listRevisions("entity", merged.id))[0]!.action).toBe("unmerge");
    expect(await db().auditEvent.count({ where: { action: "entity.unmerge", recordId: survivor.id } })).toBe(1);
    expect(await findEntityRedirect(merged.slug)).toBeNull();
    expect(await findEntityRedirect(`old-name-${t}`)).toBe(merged.slug);
    expect((await api(merged.slug)).status).toBe(200);
    const [entry] = await listMerges(survivor.id);
    expect(entry).toMatchObject({ id: result.mergeId, undoable: false, undoneBy: expect.any(String) });
    expect(entry!.undoneAt).toBeInstanceOf(Date);

    // once undone, it cannot be undone again; the two can be merged again
    expect((await refusal(undoMerge(editor, { mergeId: result.mergeId }))).message).toMatch(/already been undone/);
    const again = await mergeEntities(editor, { survivorId: survivor.id, mergedId: merged.id, expectedVersions: await versions(survivor.id, merged.id) });
    expect(await findEntityRedirect(merged.slug)).toBe(survivor.slug);
    await undoMerge(editor, { mergeId: again.mergeId });
    expect(await rowsOf(ids)).toEqual(before);
  });

  it("a published survivor with unpublished changes gets the names in both versions; a pending relation follows", async () => {
    const t = tag();
    const survivor = await entity({ nameAr: `منظمة ${t}`, nameEn: `Org ${t}` }, { publish: true });
    const merged = await entity({ type: "person", nameAr: `منضمة ${t}`, nameEn: `Orgg ${t}` }, { publish: true });
    const other = await entity({ nameAr: `آخر ${t}`, nameEn: `Other ${t}` }, { publish: true });
    // the survivor's next version (not public yet) renames it
    await saveRecord(editor, "entity", survivor.id, { type: "person", nameAr: `منظمة ${t}`, nameEn: `Organisation ${t}` }, { expectedVersion: 1 });
    // a published relation whose pending version points at the duplicate
    const rel = await createRecord(editor, "relation", { type: "partner_of", sourceId: other.id, targetId: survivor.id });
    await transitionRecord(editor, { kind: "relation", id: rel.id, transition: "publish", expectedVersion: 1 });
    await saveRecord(editor, "relation", rel.id, { type: "partner_of", sourceId: other.id, targetId: merged.id }, { expectedVersion: 1 });

    const before = await rowsOf([survivor.id, merged.id]);
    const r = await mergeEntities(editor, { survivorId: survivor.id, mergedId: merged.id, expectedVersions: await versions(survivor.id, merged.id) });
    const wc = (await getWorkingCopy("entity", survivor.id))!;
    expect(wc.hasPendingChanges).toBe(true);
    expect(wc.content.nameEn).toBe(`Organisation ${t}`);
    expect(wc.content.aliases.map((a) => a.name)).toEqual(expect.arrayContaining([`منضمة ${t}`, `Orgg ${t}`]));
    expect(wc.live!.aliases.map((a) => a.name)).toEqual(expect.arrayContaining([`منضمة ${t}`, `Orgg ${t}`]));
    const relWc = (await getWorkingCopy("relation", rel.id))!;
    expect(relWc.content.targetId).toBe(survivor.id);
    expect(relWc.live!.targetId).toBe(survivor.id); // the live row never pointed at the duplicate

    await undoMerge(editor, { mergeId: r.mergeId });
    expect(await rowsOf([survivor.id, merged.id])).toEqual(before);
    const after = (await getWorkingCopy("entity", survivor.id))!;
    expect(after.content.nameEn).toBe(`Organisation ${t}`);
    expect(after.content.aliases.map((a) => a.name)).not.toContain(`منضمة ${t}`);
    expect((await getWorkingCopy("relation", rel.id))!.content.targetId).toBe(merged.id);
  });

  it("refuses self, another type, stale versions, a contributor — and writes nothing", async () => {
    const t = tag();
    const a = await entity({ nameAr: `أحمد ${t}`, nameEn: `Ahmad ${t}` });
    const b = await entity({ nameAr: `احمد ${t}`, nameEn: `Ahmed ${t}` });
    const place = await entity({ type: "place", nameAr: `أحمدي ${t}`, nameEn: `Ahmadi ${t}` });
    await saveRecord(editor, "entity", b.id, { type: "person", nameAr: `احمد ${t}`, nameEn: `Ahmed ${t}`, aliases: [{ name: `Ahmad ${t}` }] }, { expectedVersion: 1 });
    const before = { writes: await writes(), rows: await rowsOf([a.id, b.id, place.id]), versions: [await version(a.id), await version(b.id), await version(place.id)] };

    const self = await refusal(mergeEntities(editor, { survivorId: a.id, mergedId: a.id, expectedVersions: { survivor: 1, merged: 1 } }));
    expect(self).toMatchObject({ code: "bad_request" });
    expect(self.message).toMatch(/itself/);
    const type = await refusal(mergeEntities(editor, { survivorId: a.id, mergedId: place.id, expectedVersions: { survivor: 1, merged: 1 } }));
    expect(type).toMatchObject({ code: "bad_request" });
    expect(type.message).toMatch(/same type.*a place.*a person/);
    const stale = await refusal(mergeEntities(editor, { survivorId: a.id, mergedId: b.id, expectedVersions: { survivor: 1, merged: 1 } }));
    expect(stale).toMatchObject({ code: "conflict", details: { currentVersions: { survivor: 1, merged: 2 } } });
    expect((await refusal(mergeEntities(contributor, { survivorId: a.id, mergedId: b.id, expectedVersions: { survivor: 1, merged: 2 } }))).code).toBe("forbidden");
    expect((await refusal(undoMerge(contributor, { mergeId: "nonexistent" }))).code).toBe("forbidden");
    expect((await refusal(previewMerge(contributor, { survivorId: a.id, mergedId: b.id }))).code).toBe("forbidden");
    expect((await refusal(previewMerge(editor, { survivorId: a.id, mergedId: place.id }))).code).toBe("bad_request");
    expect((await refusal(undoMerge(editor, { mergeId: "nonexistent" }))).code).toBe("not_found");

    expect(await writes()).toEqual(before.writes);
    expect(await rowsOf([a.id, b.id, place.id])).toEqual(before.rows);
    expect([await version(a.id), await version(b.id), await version(place.id)]).toEqual(before.versions);
  });

  it("an earlier merge cannot be undone while a later merge of either entity is in force", async () => {
    const t = tag();
    const [x, y, z] = [
      await entity({ nameAr: `سين ${t}`, nameEn: `X ${t}` }),
      await entity({ nameAr: `صاد ${t}`, nameEn: `Y ${t}` }),
      await entity({ nameAr: `زاي ${t}`, nameEn: `Z ${t}` }),
    ];
    const first = await mergeEntities(editor, { survivorId: y.id, mergedId: x.id, expectedVersions: await versions(y.id, x.id) });
    const second = await mergeEntities(editor, { survivorId: z.id, mergedId: y.id, expectedVersions: await versions(z.id, y.id) });
    // x's old addresses now lead to z
    expect((await db().entityRedirect.findFirstOrThrow({ where: { fromId: x.id } })).entityId).toBe(z.id);
    expect((await listMerges(y.id)).map((m) => [m.id, m.undoable])).toEqual([
      [second.mergeId, true],
      [first.mergeId, false],
    ]);
    const blocked = await refusal(undoMerge(editor, { mergeId: first.mergeId }));
    expect(blocked).toMatchObject({ code: "conflict" });
    expect(blocked.message).toMatch(/later merge/);
    await undoMerge(editor, { mergeId: second.mergeId });
    expect((await db().entityRedirect.findFirstOrThrow({ where: { fromId: x.id } })).entityId).toBe(y.id);
    await undoMerge(editor, { mergeId: first.mergeId });
    expect(await db().entityRedirect.count({ where: { entityId: { in: [x.id, y.id, z.id] } } })).toBe(0);
    expect(await db().entity.count({ where: { id: { in: [x.id, y.id, z.id] }, mergedIntoId: { not: null } } })).toBe(0);
  });
});

describe("possible duplicates", () => {
  it("finds live entities of the same type with the same or a close name", async () => {
    const t = tag();
    const a = await entity({ nameAr: `ستولتنبرغ${t}`, nameEn: `Stoltenberg ${t}` });
    const close = await entity({ nameAr: `شتولتنبرغ${t}`, nameEn: `Shtoltenberg X${t}` });
    const same = await entity({ nameAr: `أحد ما ${t}`, nameEn: `Someone ${t}`, aliases: [{ name: `STOLTENBERG ${t}`, lang: "en" }] });
    const place = await entity({ type: "place", nameAr: `ستولتنبرغ${t}`, nameEn: `Stoltenberg ${t}` });
    const far = await entity({ nameAr: `مختلف تماما ${t}`, nameEn: `Different ${t}` });
    const gone = await entity({ nameAr: `ستولتنبيرغ${t}`, nameEn: `Stoltenbergg ${t}` });
    const keeper = await entity({ nameAr: `حافظ ${t}`, nameEn: `Keeper ${t}` });
    await mergeEntities(editor, { survivorId: keeper.id, mergedId: gone.id, expectedVersions: await versions(keeper.id, gone.id) });

    const found = await findDuplicateCandidates(a.id);
    const ids = found.map((c) => c.id);
    expect(ids).toContain(close.id);
    expect(ids).toContain(same.id);
    for (const not of [a.id, place.id, far.id, gone.id]) expect(ids).not.toContain(not);
    expect(found.find((c) => c.id === same.id)).toMatchObject({ distance: 0, matchedName: `STOLTENBERG ${t}` });
    expect(found.find((c) => c.id === close.id)!.distance).toBe(1);
    expect(ids.indexOf(same.id)).toBeLessThan(ids.indexOf(close.id));
    expect(await findDuplicateCandidates(gone.id)).toEqual([]);
  });
});
