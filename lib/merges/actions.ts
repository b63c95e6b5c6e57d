"use server";
// Server actions of the studio's merge panel: validate → authorize → data layer.
// The data functions parse their input with the shared zod schemas and pass the one
// authorize("entity.merge") gate themselves, so no action can skip either.
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import type { Actor } from "../auth/policy";
import { mergeEntities, previewMerge, undoMerge, type MergePreview, type MergeResult, type UndoResult } from "./data";

async function actor(): Promise<Actor> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended: sign in again.");
  return user;
}

/** What a merge would move (nothing is written): for the confirmation dialog. */
export async function previewMergeAction(input: unknown): Promise<ActionResult<MergePreview>> {
  return runAction(async () => previewMerge(await actor(), input));
}

export async function mergeEntitiesAction(input: unknown): Promise<ActionResult<MergeResult>> {
  return runAction(async () => mergeEntities(await actor(), input));
}

export async function undoMergeAction(input: unknown): Promise<ActionResult<UndoResult>> {
  return runAction(async () => undoMerge(await actor(), input));
}
