// The timeline's query: `?entity=<slug or id>` keeps the events linked to that entity.
import { z } from "zod";

export const entityKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200, "entity is too long")
  .regex(/^[\p{L}\p{N}_.-]+$/u, "entity must be an entity's slug or id");

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const timelineQuerySchema = z.object({
  entity: z.preprocess((v) => blank(one(v)), entityKeySchema.optional()),
});
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;
