import { z } from "zod";
import { idSchema } from "../validation";
import { passageSchema } from "../annotations/schemas";

export const createMentionSchema = passageSchema.and(z.object({ entityId: idSchema }));
export const decideMentionsSchema = z.object({
  ids: z.array(idSchema).min(1, "Choose at least one suggestion.").max(1000),
  decision: z.enum(["confirmed", "rejected"], { error: "Decide confirmed or rejected." }),
});
export const reanchorSchema = z.object({
  kind: z.enum(["mention", "annotation", "citation"]),
  id: idSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1).max(5000),
});
