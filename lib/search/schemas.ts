// The search query, shared by the search page and GET /api/v1/search.
import { z } from "zod";

export const SEARCH_TYPES = ["article", "person", "organization", "event", "place"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_PAGE_SIZE = 20;
export const MAX_SEARCH_PAGE = 50;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const searchQuerySchema = z.object({
  q: z
    .string({ error: "q is required" })
    .trim()
    .min(1, "q is required")
    .max(200, "q must be at most 200 characters"),
  type: z.preprocess(emptyToUndefined, z.enum(SEARCH_TYPES, { error: "type must be article, person, organization, event or place" }).optional()),
  year: z.preprocess(emptyToUndefined, z.coerce.number({ error: "year must be a year" }).int("year must be a year").min(1000, "year must be a year").max(3000, "year must be a year").optional()),
  outlet: z.preprocess(emptyToUndefined, z.string().trim().max(200, "outlet must be at most 200 characters").optional()),
  entity: z.preprocess(emptyToUndefined, z.string().trim().max(200, "entity must be at most 200 characters").regex(/^[^/?#]+$/, "entity is not a valid slug").optional()),
  page: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "page must be a number" }).int("page must be a whole number").min(1, "page must be at least 1").max(MAX_SEARCH_PAGE, `page must be at most ${MAX_SEARCH_PAGE}`).default(1),
  ),
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(50, "limit must be at most 50").default(SEARCH_PAGE_SIZE),
  ),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;
