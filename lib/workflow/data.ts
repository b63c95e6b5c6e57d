// Workflow transitions, review comments and scheduled publishing. Every transition is
// checked here, on the server, against the one permissions table and the transition
// table; the row is locked and its version compared, so a publish never goes out on
// content the reviewer has not seen.
import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/data";
import { applyContent, lockRecord, workflowDelegate, workflowSelect, workingCopyIn, writeRevision, type Tx, type WorkflowRow } from "../records/data";
import { RECORD_KINDS, type RecordKind } from "../records/kinds";
import { TRANSITIONS, canTransition, effectiveState, refusal, type Transition, type WorkflowState, type WorkflowView } from "./transitions";
import { transitionSchema, reviewCommentSchema, type TransitionInput } from "./schemas";

export function viewOf(row: WorkflowRow): WorkflowView {
  return { state: row.state, pendingState: row.pendingState, hasPendingChanges: row.pendingRevisionId !== null, publishAt: row.publishAt };
}

export type TransitionResult = { state: WorkflowState; pendingState: WorkflowState | null; version: number; publishAt: string | null };

/** Publishes inside `tx`: applies a pending version, writes the publish revision. */
async function publishIn(tx: Tx, kind: RecordKind, row: WorkflowRow, actorId: string | null, scheduled: boolean): Promise<number> {
  const working = await workingCopyIn(tx, kind, row);
  const contentChanged = working.hasPendingChanges;
  if (contentChanged) await applyContent(tx, kind, row.id, working.content, actorId);
  const version = contentChanged ? row.version + 1 : row.version;
  const now = new Date();
  await workflowDelegate(tx, kind).updateMany({
    where: { id: row.id },
    data: { state: "published", pendingRevisionId: null, pendingState: null, publishAt: null, scheduledById: null, publishedAt: now, version, updatedById: actorId ?? row.updatedById },
  });
  await writeRevision(tx, { kind, id: row.id, version, content: working.content, action: "publish", message: scheduled ? "Published on schedule" : null, authorId: actorId });
  await recordAudit(
    { actorId, action: `${kind}.publish`, recordType: kind, recordId: row.id, details: { from: effectiveState(viewOf(row)), scheduled, version } as Prisma.InputJsonValue },
    tx,
  );
  return version;
}

/** Moves the pending version (if any) onto the row: the record leaves "published" and its latest work must not be lost. */
async function absorbPending(tx: Tx, kind: RecordKind, row: WorkflowRow, actorId: string): Promise<number> {
  if (!row.pendingRevisionId) return row.version;
  const working = await workingCopyIn(tx, kind, row);
  await applyContent(tx, kind, row.id, working.content, actorId);
  return row.version + 1;
}

export async function transitionRecord(actor: Actor, input: TransitionInput): Promise<TransitionResult> {
  const { kind, id, transition, expectedVersion, comment, publishAt } = transitionSchema.parse(input);
  const rule = TRANSITIONS[transition];
  return db().$transaction(
    async (tx) => {
      const row = await lockRecord(tx, kind, id);
      authorize(actor, rule.permission, row);
      const view = viewOf(row);
      if (!canTransition(view, transition)) throw new AppError("conflict", refusal(view, transition));
      if (row.version !== expectedVersion) {
        throw new AppError("conflict", "This record changed since you opened it: reload it and review the latest version before you do this.", {
          currentVersion: row.version,
        });
      }
      const from = effectiveState(view);
      const d = workflowDelegate(tx, kind);
      let data: Parameters<typeof d.updateMany>[0]["data"] = {};
      let version = row.version;
      switch (transition as Transition) {
        case "submit":
        case "request_changes": {
          const to: WorkflowState = transition === "submit" ? "in_review" : "draft";
          data = row.state === "published" ? { pendingState: to } : { state: to };
          break;
        }
        case "publish":
          version = await publishIn(tx, kind, row, actor.id, false);
          break;
        case "schedule":
          data = { publishAt, scheduledById: actor.id };
          break;
        case "unschedule":
          data = { publishAt: null, scheduledById: null };
          break;
        case "discard_changes":
          version = row.version + 1;
          data = { pendingRevisionId: null, pendingState: null, publishAt: null, scheduledById: null, version };
          break;
        case "unpublish":
        case "archive":
          version = await absorbPending(tx, kind, row, actor.id);
          data = { state: transition === "unpublish" ? "draft" : "archived", pendingRevisionId: null, pendingState: null, publishAt: null, scheduledById: null, version };
          break;
        case "restore":
          data = { state: "draft" };
          break;
      }
      if (Object.keys(data).length) await d.updateMany({ where: { id }, data: { ...data, updatedById: actor.id } });
      const after = (await d.findUnique({ where: { id }, select: workflowSelect }))!;
      const to = effectiveState(viewOf(after));
      await tx.reviewComment.create({
        data: { recordType: kind, recordId: id, body: comment ?? "", transition, fromState: from, toState: to, authorId: actor.id },
      });
      if (transition !== "publish") {
        await recordAudit(
          {
            actorId: actor.id,
            action: `${kind}.${transition}`,
            recordType: kind,
            recordId: id,
            details: { from, to, ...(publishAt ? { publishAt: publishAt.toISOString() } : {}), ...(comment ? { comment } : {}) },
          },
          tx,
        );
      }
      return { state: after.state, pendingState: after.pendingState, version: after.version, publishAt: after.publishAt?.toISOString() ?? null };
    },
    { timeout: 30_000 },
  );
}

// ───────────────────────────── review comments and history

export async function addReviewComment(actor: Actor, input: unknown): Promise<void> {
  const { kind, id, body } = reviewCommentSchema.parse(input);
  authorize(actor, "studio.access");
  const exists = await workflowDelegate(db() as unknown as Tx, kind).findUnique({ where: { id }, select: workflowSelect });
  if (!exists) throw new AppError("not_found", "This record does not exist.");
  await db().reviewComment.create({ data: { recordType: kind, recordId: id, body, authorId: actor.id } });
}

export type ReviewEntry = {
  id: string;
  body: string;
  transition: string | null;
  fromState: WorkflowState | null;
  toState: WorkflowState | null;
  author: string | null;
  createdAt: Date;
};

/** The review history of a record: comments and every transition, oldest first. */
export async function listReviewHistory(kind: RecordKind, id: string): Promise<ReviewEntry[]> {
  const rows = await db().reviewComment.findMany({
    where: { recordType: kind, recordId: id },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, transition: true, fromState: true, toState: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map(({ author, ...r }) => ({ ...r, author: author?.name ?? null }));
}

// ───────────────────────────── scheduled publishing

const TABLES: Record<RecordKind, string> = { article: "articles", entity: "entities", relation: "relations", annotation: "annotations", dossier: "dossiers" };

/**
 * Publishes every record whose publish-at time has come. Safe with any number of
 * app instances running it at once: due rows are claimed with FOR UPDATE SKIP
 * LOCKED, so each is published by exactly one of them.
 */
export async function publishDue(
  now: Date = new Date(),
  opts: { batch?: number; client?: ReturnType<typeof db> } = {},
): Promise<{ published: { kind: RecordKind; id: string }[] }> {
  const batch = opts.batch ?? 50;
  const client = opts.client ?? db();
  const published: { kind: RecordKind; id: string }[] = [];
  for (const kind of RECORD_KINDS) {
    for (;;) {
      const done = await client.$transaction(
        async (tx) => {
          const due = await tx.$queryRawUnsafe<{ id: string }[]>(
            `SELECT id FROM "${TABLES[kind]}"
              WHERE "publishAt" IS NOT NULL AND "publishAt" <= $1
                AND (state IN ('draft', 'in_review') OR (state = 'published' AND "pendingRevisionId" IS NOT NULL))
              ORDER BY "publishAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
            now,
            batch,
          );
          for (const { id } of due) {
            const row = await lockRecord(tx, kind, id);
            await publishIn(tx, kind, row, row.scheduledById, true);
            published.push({ kind, id });
          }
          return due.length < batch;
        },
        { timeout: 60_000 },
      );
      if (done) break;
    }
  }
  return { published };
}
