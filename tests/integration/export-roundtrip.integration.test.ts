// Export → import → export gives the same file: everything (drafts included) is
// exported from the test database (the seeded ICI dossier plus a draft article, an
// internal annotation, a relation with citations, a pending version of a published
// record, a merged duplicate and undecided mentions), imported into a fresh, EMPTY
// database (migrated, nothing else), and exported again from there. The two files are
// identical but for the export timestamp.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, db, type PrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { ensureDatabase } from "@/lib/db/embedded";
import { createRecord, saveRecord } from "@/lib/records/data";
import { transitionRecord } from "@/lib/workflow/data";
import { createMention } from "@/lib/mentions/data";
import { mergeEntities } from "@/lib/merges/data";
import { exportCollection } from "@/lib/export/data";
import { importFile, textSource } from "@/lib/import/data";
import { exportFileSchema } from "@/lib/export/schema";
import type { Actor } from "@/lib/auth/policy";
import { dbUrl, dropDatabase } from "../helpers/test-db";
import { articleContent, doc, staff } from "../helpers/fixtures";

let editor: Actor;
let target: PrismaClient;
const targetName = `roundtrip_${randomBytes(5).toString("hex")}`;

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

/** The passage of `words` in an article's plain text. */
async function passage(articleId: string, words: string) {
  const { plainText } = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { plainText: true } });
  const start = plainText.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the article`);
  return { articleId, start, end: start + words.length, exact: words };
}

beforeAll(async () => {
  editor = await staff("editor");
  const seeded = await db().article.findFirstOrThrow({ where: { state: "published" }, orderBy: { id: "asc" }, select: { id: true, plainText: true } });
  const words = seeded.plainText.split(/\s+/).filter((w) => w.length > 3);

  // a draft article with a suggested mention (a contributor's link is a suggestion)
  const draft = await createRecord(editor, "article", articleContent("مسودة لم تنشر بعد", "افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت.", "وقال الأمين العام إن المبادرة ناجحة."));
  const kuwait = await createRecord(editor, "entity", { type: "place", nameAr: "الكويت", nameEn: "Kuwait", aliases: [{ name: "دولة الكويت", lang: "ar" }], start: "1961-06" });
  const k = await passage(draft.id, "الكويت");
  await createMention(await staff("contributor"), { ...k, entityId: kuwait.id });

  // an internal annotation and a public one on a seeded article
  const w = words[3]!;
  await createRecord(editor, "annotation", { body: doc("ملاحظة داخلية للمحررين"), visibility: "internal" }, { passage: await passage(seeded.id, w) });
  const pub = await createRecord(editor, "annotation", { body: doc("ملاحظة عامة"), visibility: "public" }, { passage: await passage(seeded.id, words[5]!) });
  await transitionRecord(editor, { kind: "annotation", id: pub.id, transition: "publish", expectedVersion: 1 });

  // a relation with two citations (one giving its own date) between two seeded entities
  const [a, b] = await db().entity.findMany({ where: { state: "published" }, orderBy: { id: "asc" }, take: 2, select: { id: true } });
  await createRecord(editor, "relation", {
    type: "partner_of",
    sourceId: a!.id,
    targetId: b!.id,
    roleAr: null,
    roleEn: null,
    start: "2004-06",
    end: null,
    note: "للمراجعة",
    citations: [
      { ...(await passage(seeded.id, words[1]!)), note: "المصدر الأول", claim: "2004-06-28" },
      { ...(await passage(seeded.id, words[2]!)), note: null, claim: null },
    ],
  });

  // a published entity with a pending next version in review
  const live = await db().entity.findFirstOrThrow({ where: { state: "published", type: "person" }, orderBy: { id: "asc" }, select: { id: true, version: true, nameAr: true, nameEn: true } });
  const saved = await saveRecord(editor, "entity", live.id, { type: "person", nameAr: live.nameAr, nameEn: `${live.nameEn} (revised)`, aliases: [{ name: "اسم آخر", lang: "ar" }] }, { expectedVersion: live.version });
  await transitionRecord(editor, { kind: "entity", id: live.id, transition: "submit", expectedVersion: saved.version });

  // a duplicate merged into its survivor (leaves a merged entity and redirects)
  const survivor = await createRecord(editor, "entity", { type: "person", nameAr: "شخص باق", nameEn: "Survivor Person" });
  const duplicate = await createRecord(editor, "entity", { type: "person", nameAr: "شخص مكرر", nameEn: "Duplicate Person" });
  await mergeEntities(editor, { survivorId: survivor.id, mergedId: duplicate.id, expectedVersions: { survivor: 1, merged: 1 } });

  // an archived draft dossier holding the draft article
  const dossier = await createRecord(editor, "dossier", { titleAr: "ملف تجريبي", titleEn: "Trial dossier", introAr: doc("مقدمة"), introEn: null, items: [{ articleId: draft.id, noteAr: doc("ملاحظة المحرر") }, { entityId: kuwait.id }] });
  await transitionRecord(editor, { kind: "dossier", id: dossier.id, transition: "archive", expectedVersion: 1 });

  // the empty database: migrated, nothing in it
  await ensureDatabase(process.env.SIJILL_TEST_PG_URL!, targetName);
  await applyMigrations(dbUrl(targetName));
  target = createPrismaClient(dbUrl(targetName));
});

afterAll(async () => {
  await target?.$disconnect();
  await dropDatabase(targetName);
});

const withoutTimestamp = (text: string) => text.replace(/^"exportedAt": "[^"]+",$/m, '"exportedAt": "…",');

describe("export → import into an empty database → export", () => {
  it("gives the same file (but for the export time), drafts and all", async () => {
    const first = await collect(exportCollection({ scope: "all", includeDrafts: true, actor: "shell" }));
    const file = exportFileSchema.parse(JSON.parse(first));
    // everything planted is in it
    expect(file.includesDrafts).toBe(true);
    expect(file.articles.some((a) => a.state === "draft")).toBe(true);
    expect(file.annotations.map((a) => a.visibility).sort()).toEqual(expect.arrayContaining(["internal", "public"]));
    expect(file.relations.some((r) => r.state === "draft" && r.citations.length === 2 && r.citations.some((c) => c.claim === "2004-06-28"))).toBe(true);
    expect(file.entities.some((e) => e.pending?.state === "in_review")).toBe(true);
    expect(file.entities.some((e) => e.mergedIntoId !== null)).toBe(true);
    expect(file.entities.some((e) => e.redirects.length > 0)).toBe(true);
    expect(file.entities.some((e) => e.citations.length > 0)).toBe(true); // the seed's date claims
    expect(file.mentions.some((m) => m.state !== "confirmed")).toBe(true);
    expect(file.dossiers.map((d) => d.state).sort()).toEqual(["archived", "published"]);
    expect(file.counts.articles).toBe(file.articles.length);

    expect(await target.article.count()).toBe(0);
    const result = await importFile(textSource(first, "everything.json"), { client: target });
    expect(result.created.articles).toBe(file.articles.length);
    expect(Object.values(result.replaced).every((n) => n === 0)).toBe(true);

    const second = await collect(exportCollection({ scope: "all", includeDrafts: true, actor: "shell", client: target }));
    expect(withoutTimestamp(second)).toBe(withoutTimestamp(first));
    expect(withoutTimestamp(first)).not.toBe(first); // (the comparison above really set the timestamp aside, nothing else)

    // the public view of the copy is the public view of the original
    const publicFirst = await collect(exportCollection({ scope: { dossier: "ici" }, includeDrafts: false }));
    const publicSecond = await collect(exportCollection({ scope: { dossier: "ici" }, includeDrafts: false, client: target }));
    expect(withoutTimestamp(publicSecond)).toBe(withoutTimestamp(publicFirst));
  });

  it("wrote a revision (action import) for every record and one audit event", async () => {
    const records = (await target.article.count()) + (await target.entity.count()) + (await target.relation.count()) + (await target.annotation.count()) + (await target.dossier.count());
    const pending = (await target.entity.count({ where: { pendingRevisionId: { not: null } } })) + (await target.article.count({ where: { pendingRevisionId: { not: null } } }));
    expect(await target.revision.count({ where: { action: "import" } })).toBe(records + pending);
    expect(await target.revision.count({ where: { action: { not: "import" } } })).toBe(0);
    const audit = await target.auditEvent.findMany({ where: { action: "import.file" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ file: "everything.json", version: "sijill.export/1", includesDrafts: true });
    // the pending version is the one that was in review, and the live row is untouched
    const withPending = await target.entity.findFirstOrThrow({ where: { pendingRevisionId: { not: null } } });
    expect(withPending.state).toBe("published");
    expect(withPending.pendingState).toBe("in_review");
    const rev = await target.revision.findUniqueOrThrow({ where: { id: withPending.pendingRevisionId! } });
    expect((rev.snapshot as { nameEn: string }).nameEn).toMatch(/\(revised\)$/);
    expect(withPending.nameEn).not.toMatch(/\(revised\)$/);
  });
});
