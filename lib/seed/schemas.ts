// The curated seed dossier file (seeds/ici-dossier.json), validated before any write.
import { z } from "zod";
import { preciseDateSchema } from "../dates";

const key = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "keys are kebab-case");
const dateOrNull = preciseDateSchema.nullable().optional().transform((v) => v ?? null);

export const RELATION_TYPES = [
  "holds_role_at",
  "member_of",
  "partner_of",
  "leads",
  "represents",
  "located_in",
  "took_place_in",
  "participated_in",
  "hosted",
  "organized",
] as const;

const citation = z.object({ article: z.string().min(1), quote: z.string().min(1), note: z.string().nullable().optional() });

export const seedFileSchema = z.object({
  dossier: z.object({
    slug: key,
    titleAr: z.string().min(1),
    titleEn: z.string().min(1),
    introAr: z.string().min(1),
    introEn: z.string().min(1),
    items: z.array(
      z.object({
        article: z.string().nullable().optional(),
        entity: key.nullable().optional(),
        noteAr: z.string().nullable().optional(),
        noteEn: z.string().nullable().optional(),
      }),
    ),
  }),
  articles: z
    .array(
      z.object({
        file: z.string().regex(/^[\w.-]+\.txt$/, "article files are .txt names"),
        slug: key,
        titleAr: z.string().min(1),
        titleEn: z.string().nullable().optional(),
        kicker: z.string().nullable().optional(),
        outlet: z.string().nullable().optional(),
        outletEn: z.string().nullable().optional(),
        url: z.string().url().nullable().optional(),
        publishedOn: dateOrNull,
        byline: z.string().nullable().optional(),
        summaryEn: z.string().nullable().optional(),
      }),
    )
    .min(1),
  entities: z.array(
    z.object({
      key,
      type: z.enum(["person", "organization", "event", "place"]),
      kind: z.string().nullable().optional(),
      nameAr: z.string().min(1),
      nameEn: z.string().min(1),
      aliases: z.array(z.object({ name: z.string().min(1), lang: z.string().min(2).max(8) })).default([]),
      descriptionAr: z.string().nullable().optional(),
      descriptionEn: z.string().nullable().optional(),
      start: dateOrNull,
      end: dateOrNull,
      dateCitations: z.array(citation.extend({ claim: preciseDateSchema })).default([]),
    }),
  ),
  relations: z.array(
    z.object({
      type: z.enum(RELATION_TYPES),
      from: key,
      to: key,
      roleAr: z.string().nullable().optional(),
      roleEn: z.string().nullable().optional(),
      start: dateOrNull,
      end: dateOrNull,
      citations: z.array(citation).min(1, "every relation cites at least one passage"),
    }),
  ),
  mentions: z.array(z.object({ article: z.string().min(1), entity: key, quote: z.string().min(1) })),
});

export type SeedFile = z.infer<typeof seedFileSchema>;
