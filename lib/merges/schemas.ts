// Merge input: one schema for the studio panel, the server actions and the data layer.
// (Merging an entity into itself is refused by the data layer with a clear message.)
import { z } from "zod";
import { idSchema, versionSchema } from "../validation";

export const mergeInputSchema = z.object({
  /** the entity that stays */
  survivorId: idSchema,
  /** the duplicate that is merged into it */
  mergedId: idSchema,
  /** the versions the editor saw: a merge over a newer edit of either is refused */
  expectedVersions: z.object({ survivor: versionSchema, merged: versionSchema }),
});
export type MergeInput = z.infer<typeof mergeInputSchema>;

export const mergePreviewSchema = z.object({ survivorId: idSchema, mergedId: idSchema });
export type MergePreviewInput = z.infer<typeof mergePreviewSchema>;

export const undoMergeSchema = z.object({ mergeId: idSchema });
export type UndoMergeInput = z.infer<typeof undoMergeSchema>;
