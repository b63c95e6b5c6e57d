// The editorial workflow on a real PostgreSQL: every transition, the live/pending
// split of published records, scheduling (two schedulers at once), concurrent saves.
import { describe, expect, it } from "vitest";
import { db, createPrismaClient } from "@/lib/db/client";
import { createRecord, getWorkingCopy, saveRecord } from "@/lib/records/data";
import { transitionRecord, listReviewHistory, publishDue } from "@/lib/workflow/data";
import { getPublishedArticle } from "@/lib/articles/data";
import { listRevisions, restoreRevision } from "@/lib/revisions/data";
import { AppError } from "@/lib/errors";
import { articleContent, doc, staff } from "../helpers/fixtures";

const publicText = async (id: string) => (await getPublishedArticle(id))?.plainText ?? null;

async function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  expect(e, `expected an AppError ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).userMessage).toMatch(message);
  return e as AppError;
}

describe("workflow", () => {
  it("draft → in review → changes requested → resubmitted → published, with a review history", async () => {
    const contributor = await staff("contributor");
    const editor = await staff("editor");
    const { id } = await createRecord(contributor, "article", articleContent("مقال للمراجعة"));
    expect(await publicText(id)).toBeNull();

    let r = await transitionRecord(contributor, { kind: "article", id, transition: "submit", expectedVersion: 1 });
    expect(r.state).toBe("in_review");
    // asking for changes needs a comment
    await expect(transitionRecord(editor, { kind: "article", id, transition: "request_changes", expectedVersion: 1 })).rejects.toThrow(/Say what needs to change/);
    r = await transitionRecord(editor, { kind: "article", id, transition: "request_changes", expectedVersion: 1, comment: "أضف المصدر" });
    expect(r.state).toBe("draft");

    const saved = await saveRecord(contributor, "article", id, articleContent("مقال للمراجعة", "نص مصحح مع المصدر."), { expectedVersion: 1 });
    expect(saved).toMatchObject({ version: 2, pending: false });
    await transitionRecord(contributor, { kind: "article", id, transition: "submit", expectedVersion: 2 });
    r = await transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 2 });
    expect(r.state).toBe("published");
    expect(await publicText(id)).toBe("نص مصحح مع المصدر.");

    const history = await listReviewHistory("article", id);
    expect(history.map((h) => h.transition)).toEqual(["submit", "request_changes", "submit", "publish"]);
    expect(history[1]).toMatchObject({ body: "أضف المصدر", fromState: "in_review", toState: "draft" });
    const audit = await db().auditEvent.findMany({ where: { recordId: id }, orderBy: { at: "asc" }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action)).toEqual(["article.submit", "article.request_changes", "article.submit", "article.publish"]);
    expect(audit[3].actorId).toBe(editor.id);
  });

  it("keeps the published version live while the next one is edited and reviewed; only publishing changes it", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent("مقال منشور", "النص الأول."));
    await transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 1 });

    const s = await saveRecord(editor, "article", id, articleContent("مقال منشور", "النص الثاني."), { expectedVersion: 1 });
    expect(s.pending).toBe(true);
    expect(await publicText(id)).toBe("النص الأول.");
    const wc = (await getWorkingCopy("article", id))!;
    expect(wc.hasPendingChanges).toBe(true);
    expect(JSON.stringify(wc.content.body)).toContain("النص الثاني.");
    expect(JSON.stringify(wc.live!.body)).toContain("النص الأول.");
    expect(wc.row.state).toBe("published");

    let r = await transitionRecord(editor, { kind: "article", id, transition: "submit", expectedVersion: 2 });
    expect(r).toMatchObject({ state: "published", pendingState: "in_review" });
    r = await transitionRecord(editor, { kind: "article", id, transition: "request_changes", expectedVersion: 2, comment: "not yet" });
    expect(r).toMatchObject({ state: "published", pendingState: "draft" });
    expect(await publicText(id)).toBe("النص الأول.");

    r = await transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 2 });
    expect(r).toMatchObject({ state: "published", pendingState: null, version: 3 });
    expect(await publicText(id)).toBe("النص الثاني.");

    // edit again, then discard: the live version stays, the pending one is gone
    await saveRecord(editor, "article", id, articleContent("مقال منشور", "مسودة ستُلغى."), { expectedVersion: 3 });
    r = await transitionRecord(editor, { kind: "article", id, transition: "discard_changes", expectedVersion: 4 });
    expect(r.pendingState).toBeNull();
    expect((await getWorkingCopy("article", id))!.hasPendingChanges).toBe(false);
    expect(await publicText(id)).toBe("النص الثاني.");
  });

  it("unpublish takes the record off the public site with its latest work; archive and restore", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent("للأرشيف", "منشور."));
    await transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 1 });
    await saveRecord(editor, "article", id, articleContent("للأرشيف", "عمل لاحق."), { expectedVersion: 1 });
    let r = await transitionRecord(editor, { kind: "article", id, transition: "unpublish", expectedVersion: 2 });
    expect(r).toMatchObject({ state: "draft", pendingState: null, version: 3 });
    expect(await publicText(id)).toBeNull();
    expect(JSON.stringify((await getWorkingCopy("article", id))!.content.body)).toContain("عمل لاحق.");

    r = await transitionRecord(editor, { kind: "article", id, transition: "archive", expectedVersion: 3 });
    expect(r.state).toBe("archived");
    await expectAppError(saveRecord(editor, "article", id, articleContent("x"), { expectedVersion: 3 }), "conflict", /archived/);
    await expectAppError(transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 3 }), "conflict", /Cannot publish a record that is archived/);
    r = await transitionRecord(editor, { kind: "article", id, transition: "restore", expectedVersion: 3 });
    expect(r.state).toBe("draft");
  });

  it("refuses a transition on a version the actor has not seen", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent());
    await saveRecord(editor, "article", id, articleContent("عنوان جديد"), { expectedVersion: 1 });
    const e = await expectAppError(transitionRecord(editor, { kind: "article", id, transition: "publish", expectedVersion: 1 }), "conflict", /changed since you opened it/);
    expect(e.details).toMatchObject({ currentVersion: 2 });
    expect(await publicText(id)).toBeNull();
  });

  it("works the same for entities and dossiers", async () => {
    const editor = await staff("editor");
    const e = await createRecord(editor, "entity", { type: "place", kind: "city", nameAr: "الدوحة", nameEn: "Doha", aliases: [{ name: "دوحة" }] });
    await transitionRecord(editor, { kind: "entity", id: e.id, transition: "publish", expectedVersion: 1 });
    const d = await createRecord(editor, "dossier", { titleAr: "ملف", titleEn: "File", items: [{ entityId: e.id }] });
    const r = await transitionRecord(editor, { kind: "dossier", id: d.id, transition: "publish", expectedVersion: 1 });
    expect(r.state).toBe("published");
    const row = await db().entity.findUniqueOrThrow({ where: { id: e.id }, include: { aliases: true } });
    expect(row.state).toBe("published");
    expect(row.aliases.map((a) => a.name).sort()).toEqual(["Doha", "الدوحة", "دوحة"].sort());
  });
});

describe("scheduled publishing", () => {
  it("refuses a time in the past; a due record goes live with no one signed in, on behalf of who scheduled it", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent("مجدول", "نص مجدول."));
    await expect(
      transitionRecord(editor, { kind: "article", id, transition: "schedule", expectedVersion: 1, publishAt: new Date(Date.now() - 60_000) }),
    ).rejects.toThrow(/must be in the future/);
    const at = new Date(Date.now() + 60 * 60_000);
    const r = await transitionRecord(editor, { kind: "article", id, transition: "schedule", expectedVersion: 1, publishAt: at });
    expect(r.publishAt).toBe(at.toISOString());

    expect((await publishDue(new Date())).published.map((p) => p.id)).not.toContain(id); // not yet
    expect(await publicText(id)).toBeNull();
    const { published } = await publishDue(new Date(at.getTime() + 1000)); // the time has come
    expect(published).toContainEqual({ kind: "article", id });
    expect(await publicText(id)).toBe("نص مجدول.");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { recordId: id, action: "article.publish" } });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.details).toMatchObject({ scheduled: true });
    const row = await db().article.findUniqueOrThrow({ where: { id } });
    expect(row.publishAt).toBeNull();
  });

  it("unschedule stops it", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent());
    const at = new Date(Date.now() + 60_000);
    await transitionRecord(editor, { kind: "article", id, transition: "schedule", expectedVersion: 1, publishAt: at });
    await transitionRecord(editor, { kind: "article", id, transition: "unschedule", expectedVersion: 1 });
    await publishDue(new Date(at.getTime() + 60_000));
    expect(await publicText(id)).toBeNull();
  });

  it("two schedulers running at once publish each due record exactly once", async () => {
    const editor = await staff("editor");
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const { id } = await createRecord(editor, "article", articleContent(`دفعة ${i}`, `نص ${i}.`));
      await transitionRecord(editor, { kind: "article", id, transition: "schedule", expectedVersion: 1, publishAt: new Date(Date.now() + 1000) });
      ids.push(id);
    }
    const later = new Date(Date.now() + 5000);
    // two separate connection pools, as two app instances would have
    const a = createPrismaClient(process.env.DATABASE_URL!);
    const b = createPrismaClient(process.env.DATABASE_URL!);
    try {
      const [ra, rb] = await Promise.all([publishDue(later, { batch: 5, client: a }), publishDue(later, { batch: 5, client: b })]);
      const byA = ra.published.filter((p) => ids.includes(p.id)).map((p) => p.id);
      const byB = rb.published.filter((p) => ids.includes(p.id)).map((p) => p.id);
      expect([...byA, ...byB].sort()).toEqual([...ids].sort());
      expect(byA.filter((id) => byB.includes(id))).toEqual([]);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    const publishes = await db().auditEvent.groupBy({ by: ["recordId"], where: { action: "article.publish", recordId: { in: ids } }, _count: { _all: true } });
    expect(publishes).toHaveLength(ids.length);
    expect(publishes.every((p) => p._count._all === 1)).toBe(true);
    const revisions = await db().revision.count({ where: { recordId: { in: ids }, action: "publish" } });
    expect(revisions).toBe(ids.length);
  });
});

describe("concurrent edits", () => {
  it("two saves based on the same version: one wins, the other is refused with what changed, nothing lost", async () => {
    const [alice, bob] = [await staff("editor"), await staff("editor")];
    const { id } = await createRecord(alice, "article", articleContent("نسخة أولى", "النص الأصلي."));
    const results = await Promise.allSettled([
      saveRecord(alice, "article", id, articleContent("نسخة أليس", "نص أليس."), { expectedVersion: 1 }),
      saveRecord(bob, "article", id, articleContent("نسخة بوب", "نص بوب."), { expectedVersion: 1 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const err = lost[0].reason as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("conflict");
    expect(err.userMessage).toMatch(/saved a newer version/);
    const details = err.details as { currentVersion: number; changedFields: string[]; current: { title: string } };
    expect(details.currentVersion).toBe(2);
    expect(details.changedFields).toEqual(expect.arrayContaining(["title", "body"]));
    const winnerTitle = results[0].status === "fulfilled" ? "نسخة أليس" : "نسخة بوب";
    expect(details.current.title).toBe(winnerTitle);
    // the winner's save is whole; the loser wrote nothing
    const wc = (await getWorkingCopy("article", id))!;
    expect(wc.content.title).toBe(winnerTitle);
    expect(wc.row.version).toBe(2);
    expect((await listRevisions("article", id)).map((r) => r.version)).toEqual([2, 1]);
  });
});

describe("revisions", () => {
  it("every save writes a revision; restoring an old one is itself a new revision", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent("تاريخ", "الصيغة الأولى."));
    await saveRecord(editor, "article", id, articleContent("تاريخ", "الصيغة الثانية."), { expectedVersion: 1, message: "second" });
    await saveRecord(editor, "article", id, articleContent("تاريخ", "الصيغة الثالثة."), { expectedVersion: 2 });
    const revs = await listRevisions("article", id);
    expect(revs.map((r) => [r.version, r.action])).toEqual([[3, "save"], [2, "save"], [1, "create"]]);
    const first = revs[2];
    const r = await restoreRevision(editor, { kind: "article", id, revisionId: first.id, expectedVersion: 3 });
    expect(r.version).toBe(4);
    const wc = (await getWorkingCopy("article", id))!;
    expect(wc.content.body).toEqual(doc("الصيغة الأولى."));
    const after = await listRevisions("article", id);
    expect(after[0]).toMatchObject({ version: 4, action: "restore" });
    expect(after[0].message).toMatch(/Restored version 1/);
  });

  it("autosaves in a row by the same person make one revision", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent("حفظ تلقائي", "أ."));
    await saveRecord(editor, "article", id, articleContent("حفظ تلقائي", "أب."), { expectedVersion: 1, action: "autosave" });
    await saveRecord(editor, "article", id, articleContent("حفظ تلقائي", "أبت."), { expectedVersion: 2, action: "autosave" });
    await saveRecord(editor, "article", id, articleContent("حفظ تلقائي", "أبتث."), { expectedVersion: 3, action: "save" });
    const revs = await listRevisions("article", id);
    expect(revs.map((r) => [r.version, r.action])).toEqual([[4, "save"], [3, "autosave"], [1, "create"]]);
  });

  it("rejects invalid rich text and unknown nodes, writing nothing", async () => {
    const editor = await staff("editor");
    const { id } = await createRecord(editor, "article", articleContent("صالح"));
    const bad = { ...articleContent("صالح"), body: { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "x" }] }] } };
    await expect(saveRecord(editor, "article", id, bad, { expectedVersion: 1 })).rejects.toThrow(/Rich text/);
    const html = { ...articleContent("صالح"), body: "<p>raw html</p>" };
    await expect(saveRecord(editor, "article", id, html, { expectedVersion: 1 })).rejects.toThrow();
    expect((await getWorkingCopy("article", id))!.row.version).toBe(1);
    expect(await listRevisions("article", id)).toHaveLength(1);
  });
});
