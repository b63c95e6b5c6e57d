// Query parameters of the public exploration pages (timeline, network) and their JSON
// APIs: one record shape for both (a repeated key becomes an array), and a lenient
// parse for pages: a bad parameter is dropped and reported, never a crash.
import type { z } from "zod";

export type ParamRecord = Record<string, string | string[] | undefined>;

/** URLSearchParams (route handlers) → a record where a repeated key is an array. */
export function paramsOf(search: URLSearchParams): ParamRecord {
  const out: ParamRecord = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/**
 * Parses `raw` with `schema`; a parameter that fails is left out (falls back to its
 * default) and its message returned, so a page still renders with the rest.
 */
export function parseLenient<S extends z.ZodType>(schema: S, raw: ParamRecord): { query: z.output<S>; errors: string[]; ignored: string[] } {
  const input: ParamRecord = { ...raw };
  const errors: string[] = [];
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const r = schema.safeParse(input);
    if (r.success) return { query: r.data, errors, ignored };
    const keys = new Set<string>();
    for (const issue of r.error.issues) {
      const key = issue.path[0];
      errors.push(issue.message);
      if (typeof key === "string" && key in input) keys.add(key);
    }
    // an issue that names no parameter we can drop (e.g. "from after to"): drop them all
    if (keys.size === 0) for (const k of Object.keys(input)) keys.add(k);
    for (const k of keys) {
      ignored.push(k);
      delete input[k];
    }
  }
  return { query: schema.parse({}), errors, ignored };
}
