"use server";
// Server actions of the studio's article reader: link a passage, decide suggestions,
// fix orphaned passages, add a spelling variant as an alias.
import { z } from "zod";
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import type { Actor } from "../auth/policy";
import { createMention, decideMentions, deleteMention, reanchorPassage, suggestMentions } from "./data";
import { getWorkingCopy, saveRecord } from "../records/data";
import { idSchema } from "../validation";

async function actor(): Promise<Actor> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended: sign in again.");
  return user;
}

export async function createMentionAction(input: unknown): Promise<ActionResult<{ id: string; state: "confirmed" | "suggested" }>> {
  return runAction(async () => createMention(await actor(), input));
}
export async function decideMentionsAction(input: unknown): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => decideMentions(await actor(), input));
}
export async function deleteMentionAction(id: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await deleteMention(await actor(), idSchema.parse(id));
    return null;
  });
}
export async function reanchorAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await reanchorPassage(await actor(), input);
    return null;
  });
}
export async function suggestAgainAction(articleId: string): Promise<ActionResult<{ suggested: number }>> {
  return runAction(async () => suggestMentions(await actor(), idSchema.parse(articleId)));
}

const addAliasSchema = z.object({ entityId: idSchema, name: z.string().trim().min(1).max(300), lang: z.string().regex(/^[a-z]{2,3}$/).default("ar") });

/** Adds a spelling variant found in a text to an entity's aliases (a normal save: a revision, a conflict check). */
export async function addAliasAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => {
    const a = await actor();
    const { entityId, name, lang } = addAliasSchema.parse(input);
    const wc = await getWorkingCopy("entity", entityId);
    if (!wc) throw new AppError("not_found", "This entity does not exist.");
    const content = { ...wc.content, aliases: [...wc.content.aliases, { name, lang, preferred: false }] };
    const r = await saveRecord(a, "entity", entityId, content, { expectedVersion: wc.row.version, message: `Alias added: ${name}` });
    return { version: r.version };
  });
}
