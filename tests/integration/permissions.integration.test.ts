// Every cell of the permissions table (lib/auth/policy.ts), exercised through the
// real data-layer function that enforces it, on a real PostgreSQL. The number of
// cells checked is asserted, so the matrix cannot pass by checking nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS, ROLES, type Action, type Actor, type Role } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { createRecord, deleteRecord, getStudioOverview, saveRecord } from "@/lib/records/data";
import { transitionRecord } from "@/lib/workflow/data";
import { restoreRevision, listRevisions } from "@/lib/revisions/data";
import { importArticle } from "@/lib/articles/data";
import { listAuditEvents } from "@/lib/audit/data";
import { changeOwnPassword, createUserAsAdmin } from "@/lib/users/data";
import { db } from "@/lib/db/client";
import { createMention, decideMentions } from "@/lib/mentions/data";
import { mergeEntities } from "@/lib/merges/data";
import { exportCollection } from "@/lib/export/data";
import { articleContent, doc, dossierContent, PASSWORD, staff } from "../helpers/fixtures";

type Who = "own" | "other";
let admin: Actor;
const actors = {} as Record<Role, Actor & { email: string }>;

beforeAll(async () => {
  admin = await staff("admin");
  for (const role of ROLES) actors[role] = await staff(role);
});

/** A draft article created by `owner`, moved to `state` by an admin. */
async function article(owner: Actor, state: "draft" | "in_review" | "published" = "draft") {
  const { id } = await createRecord(owner, "article", articleContent());
  if (state !== "draft") await transitionRecord(admin, { kind: "article", id, transition: state === "in_review" ? "submit" : "publish", expectedVersion: 1 });
  return id;
}
const t = (actor: Actor, id: string, transition: string, extra: object = {}) =>
  transitionRecord(actor, { kind: "article", id, transition: transition as "submit", expectedVersion: 1, ...extra });

// action → what it takes to do it, on a record owned by `owner` when the action is about one
const OPERATIONS: Record<Action, { record: boolean; run: (actor: Actor & { email: string }, owner: Actor) => Promise<unknown> }> = {
  "studio.access": { record: false, run: (a) => getStudioOverview(a) },
  "record.create": { record: false, run: (a) => createRecord(a, "article", articleContent()) },
  "record.edit": { record: true, run: async (a, o) => saveRecord(a, "article", await article(o), articleContent("معدل"), { expectedVersion: 1 }) },
  "record.delete": { record: true, run: async (a, o) => deleteRecord(a, "article", await article(o), 1) },
  "record.submit": { record: true, run: async (a, o) => t(a, await article(o), "submit") },
  "record.request_changes": { record: true, run: async (a, o) => t(a, await article(o, "in_review"), "request_changes", { comment: "please fix" }) },
  "record.publish": { record: true, run: async (a, o) => t(a, await article(o, "in_review"), "publish") },
  "record.unpublish": { record: true, run: async (a, o) => t(a, await article(o, "published"), "unpublish") },
  "record.schedule": { record: true, run: async (a, o) => t(a, await article(o), "schedule", { publishAt: new Date(Date.now() + 3_600_000) }) },
  "record.archive": { record: true, run: async (a, o) => t(a, await article(o), "archive") },
  "record.restore_revision": {
    record: true,
    run: async (a, o) => {
      const id = await article(o);
      await saveRecord(o.role === "contributor" || o.id === a.id ? o : admin, "article", id, articleContent("ثانية"), { expectedVersion: 1 });
      const [, first] = await listRevisions("article", id);
      return restoreRevision(a, { kind: "article", id, revisionId: first.id, expectedVersion: 2 });
    },
  },
  "article.import": { record: false, run: (a) => importArticle(a, { fileName: null, format: "txt", text: `نص مستورد فريد ${Math.random()}`, url: null }) },
  "annotation.create": {
    record: false,
    run: async (a) => {
      const id = await article(admin);
      return createRecord(a, "annotation", { body: doc("ملاحظة"), visibility: "internal" }, { passage: { articleId: id, start: 0, end: 5, exact: "افتتح" } });
    },
  },
  "mention.suggest": {
    record: false,
    run: async (a) => createMention(a, { articleId: await article(admin), entityId: (await createRecord(admin, "entity", { type: "place", nameAr: "الكويت", nameEn: "Kuwait" })).id, start: 41, end: 47, exact: "الكويت" }),
  },
  "mention.decide": {
    record: false,
    run: async (a) => {
      const articleId = await article(admin);
      const entityId = (await createRecord(admin, "entity", { type: "place", nameAr: "الكويت", nameEn: "Kuwait" })).id;
      const m = await createMention(actors.contributor, { articleId, entityId, start: 41, end: 47, exact: "الكويت" }); // a suggestion
      return decideMentions(a, { ids: [m.id], decision: "confirmed" });
    },
  },
  "entity.merge": {
    record: false,
    run: async (a) => {
      const person = (nameEn: string) => createRecord(admin, "entity", { type: "person", nameAr: `شخص ${nameEn}`, nameEn });
      const tag = Math.random().toString(36).slice(2, 8);
      const [survivor, merged] = [await person(`Survivor ${tag}`), await person(`Duplicate ${tag}`)];
      return mergeEntities(a, { survivorId: survivor.id, mergedId: merged.id, expectedVersions: { survivor: 1, merged: 1 } });
    },
  },
  "dossier.curate": { record: false, run: (a) => createRecord(a, "dossier", dossierContent()) },
  "export.drafts": {
    record: false,
    run: async (a) => {
      let bytes = 0;
      for await (const chunk of exportCollection({ scope: { dossier: "ici" }, includeDrafts: true, actor: a })) bytes += chunk.length;
      return bytes;
    },
  },
  "audit.view": { record: false, run: (a) => listAuditEvents(a, {}) },
  "user.manage": { record: false, run: (a) => createUserAsAdmin(a, { email: `new-${Math.random().toString(36).slice(2)}@example.org`, name: "New", role: "contributor" }) },
  "user.change_own_password": {
    record: false,
    run: async (a) => {
      await changeOwnPassword(a, { current: PASSWORD, next: "another-long-password", confirm: "another-long-password" });
      // put it back for the next cell
      await changeOwnPassword(a, { current: "another-long-password", next: PASSWORD, confirm: PASSWORD });
    },
  },
};

async function outcome(p: Promise<unknown>): Promise<"allowed" | "forbidden"> {
  try {
    await p;
    return "allowed";
  } catch (e) {
    if (e instanceof AppError && e.code === "forbidden") return "forbidden";
    throw e;
  }
}

describe("permissions table × data layer", () => {
  it("every role × action does exactly what the table says", async () => {
    let cells = 0;
    let checks = 0;
    const failures: string[] = [];
    for (const action of ACTIONS) {
      const op = OPERATIONS[action];
      for (const role of ROLES) {
        const rule = PERMISSIONS[action][role];
        const actor = actors[role];
        const cases: [Who, Actor][] = op.record ? [["own", actor], ["other", admin]] : [["own", actor]];
        for (const [who, owner] of cases) {
          const expected = rule === "all" || (rule === "own" && who === "own") ? "allowed" : "forbidden";
          const got = await outcome(op.run(actor, owner));
          if (got !== expected) failures.push(`${role} ${action} (${who}'s record): expected ${expected}, got ${got}`);
          checks++;
        }
        cells++;
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(ACTIONS.length * ROLES.length);
    expect(cells).toBe(Object.keys(OPERATIONS).length * 3);
    expect(checks).toBeGreaterThan(cells);
  });

  it("a contributor cannot edit their own record once it is published", async () => {
    const c = actors.contributor;
    const id = await article(c, "published");
    expect(await outcome(saveRecord(c, "article", id, articleContent(), { expectedVersion: 1 }))).toBe("forbidden");
    const row = await db().article.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(1);
  });
});
