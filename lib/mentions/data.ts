// Mentions: the links between a passage of an article and an entity. Suggested by
// the system when an article is imported or saved (every known name and alias,
// matched the Arabic-aware way), created by hand from a selection, confirmed or
// rejected by an editor — one by one or in bulk.
import "server-only";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize, can, type Actor } from "../auth/policy";
import { recordAudit } from "../audit/data";
import { anchorAt } from "../anchors/anchor";
import { anchorPassage, type Tx } from "../records/data";
import { buildNameBook, proposeAliases, suggestSpans, type KnownName, type NameBook } from "./suggest";
import { createMentionSchema, decideMentionsSchema, reanchorSchema } from "./schemas";

/** Every name and alias of every live (not merged) entity. */
export async function loadKnownNames(tx: Tx | ReturnType<typeof db> = db()): Promise<KnownName[]> {
  const rows = await tx.entityAlias.findMany({ where: { entity: { mergedIntoId: null, state: { not: "archived" } } }, select: { entityId: true, name: true } });
  return rows.map((r) => ({ entityId: r.entityId, name: r.name }));
}

/**
 * Proposes a suggested mention for every occurrence of a known name in the article's
 * text that has no mention yet (a rejected one is not proposed again). Runs in the
 * caller's transaction: the suggestions land with the text they were found in.
 */
export async function suggestMentionsIn(tx: Tx, articleId: string, book?: NameBook): Promise<{ suggested: number }> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { plainText: true } });
  if (!article) return { suggested: 0 };
  const names = book ?? buildNameBook(await loadKnownNames(tx));
  const spans = suggestSpans(article.plainText, names);
  if (!spans.length) return { suggested: 0 };
  const result = await tx.mention.createMany({
    data: spans.map((s) => ({ articleId, entityId: s.entityId, ...anchorAt(article.plainText, s.start, s.end), state: "suggested" as const, source: "suggestion" as const })),
    skipDuplicates: true,
  });
  return { suggested: result.count };
}

/** Looks for mentions in an article again (a button in the studio, and after new aliases). */
export async function suggestMentions(actor: Actor, articleId: string): Promise<{ suggested: number }> {
  authorize(actor, "mention.suggest");
  return db().$transaction((tx) => suggestMentionsIn(tx, articleId), { timeout: 60_000 });
}

/** Links a selected passage to an entity: confirmed when the person may decide, else a suggestion for an editor. */
export async function createMention(actor: Actor, raw: unknown): Promise<{ id: string; state: "confirmed" | "suggested" }> {
  authorize(actor, "mention.suggest");
  const input = createMentionSchema.parse(raw);
  const state = can(actor, "mention.decide") ? ("confirmed" as const) : ("suggested" as const);
  return db().$transaction(async (tx) => {
    const entity = await tx.entity.findUnique({ where: { id: input.entityId }, select: { mergedIntoId: true } });
    if (!entity) throw new AppError("bad_request", "This entity does not exist.");
    const entityId = entity.mergedIntoId ?? input.entityId;
    const anchor = await anchorPassage(tx, input);
    const existing = await tx.mention.findUnique({ where: { articleId_entityId_start_end: { articleId: input.articleId, entityId, start: anchor.start, end: anchor.end } }, select: { id: true } });
    const now = new Date();
    const decided = state === "confirmed" ? { decidedById: actor.id, decidedAt: now } : {};
    const m = existing
      ? await tx.mention.update({ where: { id: existing.id }, data: { state, anchorStatus: "anchored", ...decided }, select: { id: true } })
      : await tx.mention.create({ data: { articleId: input.articleId, entityId, ...anchor, state, source: "manual", createdById: actor.id, ...decided }, select: { id: true } });
    await recordAudit({ actorId: actor.id, action: "mention.create", recordType: "mention", recordId: m.id, details: { articleId: input.articleId, entityId, state } }, tx);
    return { id: m.id, state };
  });
}

/** Confirms or rejects suggestions, one or many at once. */
export async function decideMentions(actor: Actor, raw: unknown): Promise<{ count: number }> {
  authorize(actor, "mention.decide");
  const { ids, decision } = decideMentionsSchema.parse(raw);
  return db().$transaction(async (tx) => {
    const r = await tx.mention.updateMany({ where: { id: { in: ids } }, data: { state: decision, decidedById: actor.id, decidedAt: new Date() } });
    if (r.count !== ids.length) throw new AppError("conflict", "Some of these suggestions no longer exist; reload the page.");
    await recordAudit({ actorId: actor.id, action: `mention.${decision === "confirmed" ? "confirm" : "reject"}`, recordType: "mention", details: { ids, count: r.count } }, tx);
    return { count: r.count };
  });
}

export async function deleteMention(actor: Actor, id: string): Promise<void> {
  authorize(actor, "mention.decide");
  await db().$transaction(async (tx) => {
    const r = await tx.mention.deleteMany({ where: { id } });
    if (!r.count) throw new AppError("not_found", "This link does not exist.");
    await recordAudit({ actorId: actor.id, action: "mention.delete", recordType: "mention", recordId: id }, tx);
  });
}

/** A person fixes an orphaned passage by choosing the words again. */
export async function reanchorPassage(actor: Actor, raw: unknown): Promise<void> {
  const input = reanchorSchema.parse(raw);
  authorize(actor, input.kind === "mention" ? "mention.decide" : "record.edit");
  await db().$transaction(async (tx) => {
    const row =
      input.kind === "mention"
        ? await tx.mention.findUnique({ where: { id: input.id }, select: { articleId: true } })
        : input.kind === "annotation"
          ? await tx.annotation.findUnique({ where: { id: input.id }, select: { articleId: true, createdById: true, state: true } })
          : await tx.citation.findUnique({ where: { id: input.id }, select: { articleId: true } });
    if (!row) throw new AppError("not_found", "This passage does not exist.");
    if (input.kind === "annotation") authorize(actor, "record.edit", row as unknown as { createdById: string | null; state: string });
    const anchor = await anchorPassage(tx, { articleId: row.articleId, start: input.start, end: input.end, exact: input.exact });
    const data = { ...anchor, anchorStatus: "anchored" as const };
    if (input.kind === "mention") await tx.mention.update({ where: { id: input.id }, data });
    else if (input.kind === "annotation") await tx.annotation.update({ where: { id: input.id }, data });
    else await tx.citation.update({ where: { id: input.id }, data });
    await recordAudit({ actorId: actor.id, action: `${input.kind}.reanchor`, recordType: input.kind === "citation" ? null : input.kind, recordId: input.id }, tx);
  });
}

// ───────── studio reads (callers authorize "studio.access")

export type StudioPassage = {
  id: string;
  kind: "mention" | "annotation";
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: "anchored" | "orphaned";
  state: string;
  entity?: { id: string; type: string; nameAr: string; nameEn: string; state: string };
  note?: { visibility: "internal" | "public"; text: unknown };
};

/** Everything anchored on an article's text, for the studio reader. */
export async function listArticlePassages(articleId: string): Promise<StudioPassage[]> {
  const [mentions, annotations] = await Promise.all([
    db().mention.findMany({
      where: { articleId, state: { not: "rejected" } },
      orderBy: [{ start: "asc" }, { end: "desc" }],
      select: {
        id: true,
        start: true,
        end: true,
        exact: true,
        prefix: true,
        suffix: true,
        anchorStatus: true,
        state: true,
        entity: { select: { id: true, type: true, nameAr: true, nameEn: true, state: true } },
      },
    }),
    db().annotation.findMany({
      where: { articleId },
      orderBy: { start: "asc" },
      select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchorStatus: true, state: true, visibility: true, body: true },
    }),
  ]);
  return [
    ...mentions.map((m) => ({ ...m, kind: "mention" as const })),
    ...annotations.map(({ visibility, body, ...a }) => ({ ...a, kind: "annotation" as const, note: { visibility, text: body } })),
  ];
}

/** Close spelling variants of known names in the article: proposed to an editor as new aliases. */
export async function listAliasProposals(articleId: string) {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { plainText: true } });
  if (!article) return [];
  const proposals = proposeAliases(article.plainText, buildNameBook(await loadKnownNames()));
  const entities = await db().entity.findMany({ where: { id: { in: [...new Set(proposals.map((p) => p.entityId))] } }, select: { id: true, nameAr: true, nameEn: true, type: true } });
  const byId = new Map(entities.map((e) => [e.id, e]));
  const seen = new Set<string>();
  return proposals
    .filter((p) => {
      const key = `${p.entityId}:${p.matched}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((p) => ({ ...p, entity: byId.get(p.entityId)! }));
}
