// The network's query: entity types to draw, a time range on relation dates, and
// whether co-mentions become edges.
//   ?type=person&type=organization   (or type=person,organization)
//   ?from=2004&to=2010               (YYYY, YYYY-MM or YYYY-MM-DD; either may be left out)
//   ?comentions=1                    (two entities confirmed in the same published article)
//   ?limit=50                        (co-mention edges kept, strongest first)
import { z } from "zod";
import { ENTITY_TYPES, type EntityType } from "../entities/schemas";
import { parsePreciseDate } from "../dates";
import { spanOf } from "../timeline/span";

export const MAX_COMENTION_EDGES = 200;
export const DEFAULT_COMENTION_EDGES = 60;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const typesSchema = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return undefined;
    const list = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter(Boolean);
    return list.length ? [...new Set(list)] : undefined;
  },
  z.array(z.enum(ENTITY_TYPES, { error: "type must be person, organization, event or place" })).optional(),
);

/** A bound of the time range: the first day of its period (from) or the first day after it (to). */
const bound = (side: "from" | "to") =>
  z.preprocess(
    (v) => blank(one(v)),
    z
      .string()
      .trim()
      .max(10)
      .refine((v) => parsePreciseDate(v) !== null, `${side} must be a year (2004), a month (2004-06) or a day (2004-06-28)`)
      .transform((v) => {
        const p = parsePreciseDate(v)!;
        const span = spanOf(p.date, p.precision);
        return { value: v, at: side === "from" ? span.start : span.end };
      })
      .optional(),
  );

const flag = z.preprocess((v) => {
  const s = one(v);
  if (s === undefined || s === "") return false;
  return s;
}, z.union([z.boolean(), z.enum(["1", "true", "on", "yes"]).transform(() => true), z.enum(["0", "false", "off", "no"]).transform(() => false)], { error: "comentions must be 1 or 0" }));

export const networkQuerySchema = z
  .object({
    type: typesSchema,
    from: bound("from"),
    to: bound("to"),
    comentions: flag,
    limit: z.preprocess(
      (v) => blank(one(v)),
      z.coerce
        .number({ error: "limit must be a number" })
        .int("limit must be an integer")
        .min(1, "limit must be at least 1")
        .max(MAX_COMENTION_EDGES, `limit must be at most ${MAX_COMENTION_EDGES}`)
        .default(DEFAULT_COMENTION_EDGES),
    ),
  })
  .refine((q) => typeof q.from?.at !== "string" || typeof q.to?.at !== "string" || q.from.at < q.to.at, { message: "from must not be after to", path: ["to"] });

export type NetworkQuery = z.infer<typeof networkQuerySchema>;

/** What the data layer needs: the chosen types, the range as [from, to) ISO days. */
export type NetworkFilter = { types: EntityType[] | null; from: string | null; to: string | null; comentions: boolean; limit: number };

export function toNetworkFilter(q: NetworkQuery): NetworkFilter {
  return { types: q.type?.length ? q.type : null, from: q.from?.at ?? null, to: q.to?.at ?? null, comentions: q.comentions, limit: q.limit };
}
