// Annotation input: one schema for the studio form, the server actions and the API.
import { z } from "zod";
import { richTextDocSchema } from "../rich-text/document";
import { idSchema, jsonField } from "../validation";

export const visibilitySchema = z.enum(["internal", "public"], { error: "Visibility must be internal or public." });

/** The editable content of an annotation: what a revision snapshots. */
export const annotationContentSchema = z.object({
  body: jsonField(richTextDocSchema),
  visibility: visibilitySchema.default("internal"),
});
export type AnnotationContent = z.infer<typeof annotationContentSchema>;

/** A passage of an article's plain text, chosen by offsets (UTF-16) and checked against its quote. */
export const passageSchema = z
  .object({
    articleId: idSchema,
    start: z.coerce.number().int().min(0),
    end: z.coerce.number().int().min(1),
    exact: z.string().min(1).max(5000),
  })
  .refine((p) => p.end > p.start, "The passage is empty.");
export type PassageInput = z.infer<typeof passageSchema>;
