"use server";
import { runAction, type ActionResult } from "../action-result";
import { AppError } from "../errors";
import { currentUser } from "../auth/session";
import { authorize } from "../auth/policy";
import { idSchema } from "../validation";
import { getArticleTextForCitation } from "./data";
import type { CitationArticle } from "@/components/relations/relation-form";

/** The citation picker's article text: staff only, read through the data layer. */
export async function loadCitationArticleAction(articleId: string): Promise<ActionResult<CitationArticle>> {
  return runAction(async () => {
    authorize(await currentUser(), "studio.access");
    const article = await getArticleTextForCitation(idSchema.parse(articleId));
    if (!article) throw new AppError("not_found", "This article does not exist (it may have been deleted).");
    return article;
  });
}
