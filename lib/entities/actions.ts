"use server";
import { z } from "zod";
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import { authorize } from "../auth/policy";
import { searchEntitiesForPicker } from "./data";
import { entityTypeSchema } from "./schemas";

export async function searchEntitiesAction(
  q: string,
  type?: string,
): Promise<ActionResult<{ id: string; type: string; nameAr: string; nameEn: string; state: string }[]>> {
  return runAction(async () => {
    const user = await currentUser();
    if (!user) throw new AppError("unauthenticated", "Your session has ended: sign in again.");
    authorize(user, "studio.access");
    return searchEntitiesForPicker(z.string().trim().max(200).parse(q), { type: type ? entityTypeSchema.parse(type) : undefined });
  });
}
