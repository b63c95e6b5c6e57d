// Small zod building blocks shared by every form, action and API schema.
import { z } from "zod";
import { parsePreciseDate } from "./dates";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v === undefined ? null : v);

/** Optional text: "" and missing become null; trimmed; bounded. */
export const optionalText = (max: number, label = "This field") =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${label} has at most ${max} characters.`).nullable());

/** Required text: trimmed, non-empty, bounded. */
export const requiredText = (max: number, label = "This field") =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} has at most ${max} characters.`);

/** An http(s) URL or null. */
export const optionalUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(2000)
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), "Enter a full http(s):// address.")
    .nullable(),
);

/** "2017", "2017-01" or "2017-01-23" (kept as the string), or null. */
export const optionalPreciseDate = (label = "Date") =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .refine((v) => parsePreciseDate(v) !== null, `${label} must be YYYY, YYYY-MM or YYYY-MM-DD.`)
      .transform((v) => {
        const p = parsePreciseDate(v)!;
        return p.precision === "day" ? p.date : p.precision === "month" ? p.date.slice(0, 7) : p.date.slice(0, 4);
      })
      .nullable(),
  );

/** A positive integer version number (optimistic concurrency). */
export const versionSchema = z.coerce.number({ error: "version is required" }).int().min(1);

/** Record ids are cuids: letters and digits. */
export const idSchema = z.string().trim().min(1).max(64).regex(/^[a-zA-Z0-9_-]+$/, "Not a valid id.");

/** Parses a JSON string field (hidden inputs of rich text editors), leaving objects as they are. */
export const jsonField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    if (v.trim() === "") return null;
    try {
      return JSON.parse(v);
    } catch {
      return v; // the inner schema reports it
    }
  }, schema);

/** A stable slug from a title: Latin letters, digits and Arabic letters kept, others → "-". */
export function slugify(text: string, max = 80): string {
  const s = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[^a-z0-9\u0621-\u064A]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return s || "untitled";
}
