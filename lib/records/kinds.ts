// The curated record kinds and what each one's editable content is. Pure: shared
// by the data layer, the server actions, the studio forms and the tests.
import { z } from "zod";
import { articleContentSchema } from "../articles/schemas";
import { entityContentSchema } from "../entities/schemas";
import { dossierContentSchema } from "../dossiers/schemas";
import { annotationContentSchema } from "../annotations/schemas";
import { relationContentSchema } from "../relations/schemas";
import type { Action } from "../auth/policy";

export const RECORD_KINDS = ["article", "entity", "relation", "annotation", "dossier"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const recordKindSchema = z.enum(RECORD_KINDS, { error: "Unknown record type." });

export const CONTENT_SCHEMAS = {
  article: articleContentSchema,
  entity: entityContentSchema,
  relation: relationContentSchema,
  annotation: annotationContentSchema,
  dossier: dossierContentSchema,
} as const;

export type ContentOf<K extends RecordKind> = z.infer<(typeof CONTENT_SCHEMAS)[K]>;
export type AnyContent = ContentOf<RecordKind>;

/** The permission that creating / editing a record of this kind needs. */
export function editPermission(kind: RecordKind): Action {
  return kind === "dossier" ? "dossier.curate" : "record.edit";
}
export function createPermission(kind: RecordKind): Action {
  return kind === "dossier" ? "dossier.curate" : kind === "annotation" ? "annotation.create" : "record.create";
}

/** Human label of a record from its content (lists, audit log, history). */
export function labelOf(kind: RecordKind, content: Record<string, unknown>): string {
  switch (kind) {
    case "article":
      return String(content.title ?? "");
    case "entity":
      return `${content.nameAr ?? ""} · ${content.nameEn ?? ""}`;
    case "dossier":
      return `${content.titleAr ?? ""} · ${content.titleEn ?? ""}`;
    case "relation":
      return String(content.type ?? "relation");
    case "annotation":
      return "annotation";
  }
}

/** Studio path segment of each kind. */
export const STUDIO_SEGMENT: Record<RecordKind, string> = {
  article: "articles",
  entity: "entities",
  relation: "relations",
  annotation: "annotations",
  dossier: "dossiers",
};
