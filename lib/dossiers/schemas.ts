// Dossier input: one schema for the studio form, the server actions and the API.
import { z } from "zod";
import { richTextDocSchema } from "../rich-text/document";
import { idSchema, jsonField, requiredText } from "../validation";

const optionalDoc = jsonField(richTextDocSchema.nullable());

export const dossierItemSchema = z
  .object({
    articleId: idSchema.nullable().default(null),
    entityId: idSchema.nullable().default(null),
    noteAr: optionalDoc.default(null),
    noteEn: optionalDoc.default(null),
  })
  .refine((i) => (i.articleId === null) !== (i.entityId === null), "Each item is one article or one entity.");
export type DossierItemInput = z.infer<typeof dossierItemSchema>;

/** The editable content of a dossier: what a revision snapshots. Items are in order. */
export const dossierContentSchema = z.object({
  titleAr: requiredText(300, "Arabic title"),
  titleEn: requiredText(300, "English title"),
  introAr: optionalDoc.default(null),
  introEn: optionalDoc.default(null),
  items: jsonField(z.array(dossierItemSchema).max(2000)).default([]),
});
export type DossierContent = z.infer<typeof dossierContentSchema>;
