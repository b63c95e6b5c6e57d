// Relation input: one schema for the studio form, the server actions and the API.
import { z } from "zod";
import { idSchema, jsonField, optionalPreciseDate, optionalText } from "../validation";

export const RELATION_TYPES = [
  "holds_role_at",
  "member_of",
  "partner_of",
  "leads",
  "represents",
  "located_in",
  "took_place_in",
  "participated_in",
  "hosted",
  "organized",
] as const;
export const relationTypeSchema = z.enum(RELATION_TYPES, { error: "Not a known relation type." });

export const citationInputSchema = z.object({
  articleId: idSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1).max(5000),
  note: optionalText(1000, "Note").default(null),
  /** the date this source gives for the relation ("2017-01-23"…), when sources disagree */
  claim: optionalPreciseDate("Date this source gives").default(null),
});

/** The editable content of a relation: what a revision snapshots. */
export const relationContentSchema = z
  .object({
    type: relationTypeSchema,
    sourceId: idSchema,
    targetId: idSchema,
    roleAr: optionalText(300, "Role (Arabic)"),
    roleEn: optionalText(300, "Role (English)"),
    start: optionalPreciseDate("Start date"),
    end: optionalPreciseDate("End date"),
    note: optionalText(2000, "Note"),
    citations: jsonField(z.array(citationInputSchema).max(100)).default([]),
  })
  .refine((r) => r.sourceId !== r.targetId, { message: "A relation links two different entities.", path: ["targetId"] });
export type RelationContent = z.infer<typeof relationContentSchema>;
