"use server";
// Server actions of the studio's record editors: validate → authorize → data layer.
// The data functions parse their input with the shared zod schemas and pass the one
// authorize() gate themselves, so no action can skip either.
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import type { Actor } from "../auth/policy";
import { createRecord, deleteRecord, saveRecord, type SaveResult } from "./data";
import { recordKindSchema, type RecordKind } from "./kinds";
import { restoreInputSchema, saveInputSchema } from "./schemas";
import { transitionRecord, addReviewComment, type TransitionResult } from "../workflow/data";
import type { TransitionInput } from "../workflow/schemas";
import { restoreRevision } from "../revisions/data";
import { passageSchema } from "../annotations/schemas";
import { idSchema, versionSchema } from "../validation";

async function actor(): Promise<Actor> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended: sign in again (your changes are kept in this page).");
  return user;
}

export async function createRecordAction(kind: RecordKind, content: unknown, passage?: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction(async () => {
    const k = recordKindSchema.parse(kind);
    return createRecord(await actor(), k, content, k === "annotation" ? { passage: passageSchema.parse(passage) } : {});
  });
}

export async function saveRecordAction(input: unknown): Promise<ActionResult<SaveResult>> {
  return runAction(async () => {
    const i = saveInputSchema.parse(input);
    return saveRecord(await actor(), i.kind, i.id, i.content, { expectedVersion: i.expectedVersion, action: i.autosave ? "autosave" : "save", message: i.message });
  });
}

export async function transitionAction(input: TransitionInput): Promise<ActionResult<TransitionResult>> {
  return runAction(async () => transitionRecord(await actor(), input));
}

export async function addReviewCommentAction(input: { kind: RecordKind; id: string; body: string }): Promise<ActionResult<null>> {
  return runAction(async () => {
    await addReviewComment(await actor(), input);
    return null;
  });
}

export async function restoreRevisionAction(input: unknown): Promise<ActionResult<SaveResult>> {
  return runAction(async () => restoreRevision(await actor(), restoreInputSchema.parse(input)));
}

export async function deleteRecordAction(kind: RecordKind, id: string, expectedVersion: number): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteRecord(await actor(), recordKindSchema.parse(kind), idSchema.parse(id), versionSchema.parse(expectedVersion));
    return null;
  });
}
