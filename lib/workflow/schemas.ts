import { z } from "zod";
import { recordKindSchema } from "../records/kinds";
import { idSchema, optionalText, versionSchema } from "../validation";
import { TRANSITION_NAMES, type Transition } from "./transitions";

export const transitionSchema = z
  .object({
    kind: recordKindSchema,
    id: idSchema,
    transition: z.enum(TRANSITION_NAMES as [Transition, ...Transition[]], { error: "Unknown workflow action." }),
    expectedVersion: versionSchema,
    comment: optionalText(5000, "Comment").default(null),
    /** for "schedule": when the record goes live (ISO date-time, in the future) */
    publishAt: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce.date({ error: "Choose a valid date and time." }).nullable(),
    ).default(null),
  })
  .superRefine((v, ctx) => {
    if (v.transition === "request_changes" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Say what needs to change." });
    if (v.transition === "schedule") {
      if (!v.publishAt) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose when to publish." });
      else if (v.publishAt.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "The publishing time must be in the future." });
    }
  });
export type TransitionInput = z.input<typeof transitionSchema>;

export const reviewCommentSchema = z.object({
  kind: recordKindSchema,
  id: idSchema,
  body: z.string().trim().min(1, "Write a comment.").max(5000, "Comments have at most 5000 characters."),
});
