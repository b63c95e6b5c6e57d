// Studio list filters, shared by every list page (parsed from the URL's search params).
import { z } from "zod";
import { idSchema, versionSchema } from "../validation";
import { recordKindSchema } from "./kinds";

export const STATE_FILTERS = ["draft", "in_review", "published", "archived", "pending", "scheduled"] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const SORTS = ["updated_desc", "updated_asc", "title_asc", "created_desc"] as const;
export type Sort = (typeof SORTS)[number];

const blank = (v: unknown) => (v === "" ? undefined : v);

export const studioListQuerySchema = z.object({
  state: z.preprocess(blank, z.enum(STATE_FILTERS).optional()).catch(undefined),
  author: z.preprocess(blank, idSchema.optional()).catch(undefined),
  q: z.preprocess(blank, z.string().trim().max(200).optional()).catch(undefined),
  from: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()).catch(undefined),
  to: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()).catch(undefined),
  sort: z.preprocess(blank, z.enum(SORTS).default("updated_desc")).catch("updated_desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(50).catch(50),
  /** entities only */
  type: z.preprocess(blank, z.enum(["person", "organization", "event", "place"]).optional()).catch(undefined),
  /** annotations only */
  visibility: z.preprocess(blank, z.enum(["internal", "public"]).optional()).catch(undefined),
});
export type StudioListQuery = z.infer<typeof studioListQuerySchema>;

export const saveInputSchema = z.object({
  kind: recordKindSchema,
  id: idSchema,
  expectedVersion: versionSchema,
  autosave: z.boolean().default(false),
  message: z.string().trim().max(500).nullable().default(null),
  content: z.unknown(),
});

export const restoreInputSchema = z.object({
  kind: recordKindSchema,
  id: idSchema,
  revisionId: idSchema,
  expectedVersion: versionSchema,
});
