// Entity input: one schema for the studio form, the server actions and the API.
import { z } from "zod";
import { richTextDocSchema } from "../rich-text/document";
import { jsonField, optionalPreciseDate, optionalText, requiredText } from "../validation";

export const ENTITY_TYPES = ["person", "organization", "event", "place"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const entityTypeSchema = z.enum(ENTITY_TYPES, { error: "Type must be person, organization, event or place." });

export const aliasSchema = z.object({
  name: requiredText(300, "Alias"),
  lang: z.string().trim().regex(/^[a-z]{2,3}$/, "Language must be a code such as ar, en, fr.").default("ar"),
  script: z.enum(["Arab", "Latn", "Other"]).optional(),
  preferred: z.boolean().default(false),
});
export type AliasInput = z.infer<typeof aliasSchema>;

const optionalDoc = jsonField(richTextDocSchema.nullable());

/** The editable content of an entity: what a revision snapshots. */
export const entityContentSchema = z
  .object({
    type: entityTypeSchema,
    kind: optionalText(60, "Kind"),
    nameAr: requiredText(300, "Arabic name"),
    nameEn: requiredText(300, "English name"),
    aliases: jsonField(z.array(aliasSchema).max(200, "At most 200 aliases.")).default([]),
    descriptionAr: optionalDoc.default(null),
    descriptionEn: optionalDoc.default(null),
    start: optionalPreciseDate("Start date"),
    end: optionalPreciseDate("End date"),
  })
  .refine((e) => !e.start || !e.end || e.end >= e.start.slice(0, e.end.length), { message: "The end date is before the start date.", path: ["end"] });
export type EntityContent = z.infer<typeof entityContentSchema>;
