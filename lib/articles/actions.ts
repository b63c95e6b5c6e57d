"use server";
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import { authorize } from "../auth/policy";
import { findDuplicateArticles, importArticle, searchArticlesForPicker, type DuplicateMatch, type ImportOutcome } from "./data";
import { importSourceSchema } from "./schemas";
import { prepareImport } from "./import";
import { z } from "zod";

async function actor() {
  const user = await currentUser();
  if (!user) throw new AppError("unauthenticated", "Your session has ended: sign in again.");
  return user;
}

export type ImportPreview = {
  title: string;
  outlet: string | null;
  publishedOn: string | null;
  language: string;
  paragraphs: number;
  removed: string[];
  duplicates: DuplicateMatch[];
};

/** What an import would produce (clean title, date, outlet, dropped boilerplate, duplicates), writing nothing. */
export async function previewImportAction(source: unknown): Promise<ActionResult<ImportPreview>> {
  return runAction(async () => {
    authorize(await actor(), "article.import");
    const prepared = prepareImport(importSourceSchema.parse(source));
    return {
      title: prepared.content.title,
      outlet: prepared.content.outlet,
      publishedOn: prepared.content.publishedOn,
      language: prepared.content.language,
      paragraphs: prepared.content.body.content?.length ?? 0,
      removed: prepared.removed,
      duplicates: await findDuplicateArticles(prepared.plainText, prepared.checksum),
    };
  });
}

export async function importArticleAction(source: unknown): Promise<ActionResult<ImportOutcome>> {
  return runAction(async () => importArticle(await actor(), source));
}

export async function searchArticlesAction(q: string): Promise<ActionResult<{ id: string; title: string; state: string; outlet: string | null }[]>> {
  return runAction(async () => {
    authorize(await actor(), "studio.access");
    return searchArticlesForPicker(z.string().trim().max(200).parse(q));
  });
}
