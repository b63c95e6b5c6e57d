import { z } from "zod";
import { AppError } from "../errors";

export const MAX_LIMIT = 100;

export const pageQuerySchema = z.object({
  limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be an integer").min(1, "limit must be at least 1").max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`).default(20),
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]+$/, "cursor is not valid").optional(),
});

export type PageQuery = z.infer<typeof pageQuerySchema>;
export type Page<T> = { data: T[]; next: string | null };

/** Keyset paging on the id column: stable under inserts, no offset scans. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-z0-9]{8,40}$/i.test(id)) throw new AppError("bad_request", "cursor is not valid");
  return id;
}

/** Given limit+1 rows ordered by id, the page and the next cursor. */
export function toPage<T extends { id: string }, U>(rows: T[], limit: number, map: (r: T) => U): Page<U> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return { data: slice.map(map), next: more ? encodeCursor(slice[slice.length - 1].id) : null };
}
