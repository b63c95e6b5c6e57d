// Revisions: the history of every record (a full content snapshot per save), any
// two compared, any one restored (which saves it again as a new revision).
import "server-only";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize, type Actor } from "../auth/policy";
import { saveRecord, workflowDelegate, workflowSelect, type SaveResult, type Tx } from "../records/data";
import { CONTENT_SCHEMAS, type RecordKind } from "../records/kinds";

export type RevisionSummary = {
  id: string;
  version: number;
  action: string;
  message: string | null;
  author: string | null;
  createdAt: Date;
};

export async function listRevisions(kind: RecordKind, recordId: string): Promise<RevisionSummary[]> {
  const rows = await db().revision.findMany({
    where: { recordType: kind, recordId },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: { id: true, version: true, action: true, message: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map(({ author, ...r }) => ({ ...r, author: author?.name ?? null }));
}

export type RevisionDetail = RevisionSummary & { snapshot: Record<string, unknown> };

/** A revision of this record (the record id is part of the lookup: a revision of another record is not found). */
export async function getRevision(kind: RecordKind, recordId: string, revisionId: string): Promise<RevisionDetail | null> {
  const r = await db().revision.findFirst({
    where: { id: revisionId, recordType: kind, recordId },
    select: { id: true, version: true, action: true, message: true, createdAt: true, snapshot: true, author: { select: { name: true } } },
  });
  if (!r) return null;
  const { author, snapshot, ...rest } = r;
  return { ...rest, author: author?.name ?? null, snapshot: snapshot as Record<string, unknown> };
}

/** Restores a revision's content as a new save (itself a new revision). */
export async function restoreRevision(
  actor: Actor,
  input: { kind: RecordKind; id: string; revisionId: string; expectedVersion: number },
): Promise<SaveResult> {
  const rev = await getRevision(input.kind, input.id, input.revisionId);
  if (!rev) throw new AppError("not_found", "This revision does not exist.");
  const row = await workflowDelegate(db() as unknown as Tx, input.kind).findUnique({ where: { id: input.id }, select: workflowSelect });
  authorize(actor, "record.restore_revision", row ?? undefined);
  const parsed = CONTENT_SCHEMAS[input.kind].safeParse(rev.snapshot);
  if (!parsed.success) throw new AppError("bad_request", "This revision was saved in an older format and cannot be restored automatically.");
  const when = rev.createdAt.toISOString().slice(0, 16).replace("T", " ");
  return saveRecord(actor, input.kind, input.id, parsed.data, {
    expectedVersion: input.expectedVersion,
    action: "restore",
    message: `Restored version ${rev.version} (${when} UTC${rev.author ? `, ${rev.author}` : ""})`,
  });
}
