import "server-only";
import { syncSearchDocuments } from "../search/data";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { docFromText } from "../rich-text/document";
import { toDbDate, type PreciseDate } from "../dates";
import { recordAudit } from "../audit/data";
import type { PreparedSeed } from "./prepare";
import { loadRowContent, writeRevision } from "../records/data";
import type { RecordKind } from "../records/kinds";
import { simhash } from "../articles/fingerprint";

export type SeedOutcome = { created: boolean; counts: Record<string, number> };

const dateCols = (p: PreciseDate | null, prefix: "start" | "end") =>
  prefix === "start"
    ? { startDate: p ? toDbDate(p) : null, startPrecision: p?.precision ?? null }
    : { endDate: p ? toDbDate(p) : null, endPrecision: p?.precision ?? null };

/** Writes the prepared seed dossier in one transaction. Idempotent: when the dossier
 * already exists nothing is written (staff edits to seeded records are kept). */
export async function applySeed(seed: PreparedSeed, opts: { actorId?: string | null } = {}): Promise<SeedOutcome> {
  const { file } = seed;
  const now = new Date();
  const pub = { state: "published" as const, publishedAt: now, createdById: opts.actorId ?? null, updatedById: opts.actorId ?? null };

  return db().$transaction(
    async (tx): Promise<SeedOutcome> => {
      // one seeder at a time, even with several instances starting together
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sijill.seed'))`;
      const existing = await tx.dossier.findUnique({ where: { slug: file.dossier.slug }, select: { id: true } });
      if (existing) return { created: false, counts: {} };

      const articles = await tx.article.createManyAndReturn({
        data: seed.articles.map((a) => ({
          slug: a.slug,
          title: a.title,
          titleEn: a.titleEn,
          kicker: a.kicker,
          summary: a.summary,
          body: a.body as Prisma.InputJsonValue,
          plainText: a.plainText,
          originalText: a.originalText,
          originalFormat: "txt",
          outlet: a.outlet,
          outletEn: a.outletEn,
          url: a.url,
          language: "ar",
          publishedOn: a.publishedOn ? toDbDate(a.publishedOn) : null,
          publishedOnPrecision: a.publishedOn?.precision ?? null,
          byline: a.byline,
          checksum: a.checksum,
          simhash: simhash(a.plainText),
          sourceFile: a.file,
          ...pub,
        })),
        select: { id: true, sourceFile: true },
      });
      const articleId = new Map(articles.map((a) => [a.sourceFile!, a.id]));

      const entities = await tx.entity.createManyAndReturn({
        data: file.entities.map((e) => ({
          slug: e.key,
          type: e.type,
          kind: e.kind ?? null,
          nameAr: e.nameAr,
          nameEn: e.nameEn,
          descriptionAr: e.descriptionAr ? (docFromText(e.descriptionAr, { dir: "rtl" }) as Prisma.InputJsonValue) : undefined,
          descriptionEn: e.descriptionEn ? (docFromText(e.descriptionEn, { dir: "ltr" }) as Prisma.InputJsonValue) : undefined,
          ...dateCols(e.start, "start"),
          ...dateCols(e.end, "end"),
          ...pub,
        })),
        select: { id: true, slug: true },
      });
      const entityId = new Map(entities.map((e) => [e.slug, e.id]));

      await tx.entityAlias.createMany({
        data: seed.aliases.map((a) => ({ entityId: entityId.get(a.entity)!, name: a.name, normalized: a.normalized, lang: a.lang, script: a.script, preferred: a.preferred })),
      });

      await syncSearchDocuments(tx, { articles: [...articleId.values()], entities: [...entityId.values()] });

      await tx.mention.createMany({
        data: seed.mentions.map((m) => ({
          articleId: articleId.get(m.article)!,
          entityId: entityId.get(m.entity)!,
          ...m.anchor,
          state: "confirmed" as const,
          source: "seed" as const,
          decidedAt: now,
          decidedById: opts.actorId ?? null,
          createdById: opts.actorId ?? null,
        })),
        skipDuplicates: true,
      });

      const relations = await tx.relation.createManyAndReturn({
        data: file.relations.map((r) => ({
          type: r.type,
          sourceId: entityId.get(r.from)!,
          targetId: entityId.get(r.to)!,
          roleAr: r.roleAr ?? null,
          roleEn: r.roleEn ?? null,
          ...dateCols(r.start, "start"),
          ...dateCols(r.end, "end"),
          ...pub,
        })),
        select: { id: true },
      });

      await tx.citation.createMany({
        data: [
          ...seed.relationCitations.map((c) => ({ relationId: relations[c.relationIndex].id, articleId: articleId.get(c.article)!, ...c.anchor })),
          ...seed.dateCitations.map((c) => ({
            entityId: entityId.get(c.entity)!,
            articleId: articleId.get(c.article)!,
            field: "date",
            claimStart: toDbDate(c.claim),
            claimPrecision: c.claim.precision,
            note: c.note,
            ...c.anchor,
          })),
        ],
      });

      const dossier = await tx.dossier.create({
        data: {
          slug: file.dossier.slug,
          titleAr: file.dossier.titleAr,
          titleEn: file.dossier.titleEn,
          introAr: docFromText(file.dossier.introAr, { dir: "rtl" }) as Prisma.InputJsonValue,
          introEn: docFromText(file.dossier.introEn, { dir: "ltr" }) as Prisma.InputJsonValue,
          ...pub,
          items: {
            create: file.dossier.items.map((item, position) => ({
              position,
              articleId: item.article ? articleId.get(item.article)! : null,
              entityId: item.entity ? entityId.get(item.entity)! : null,
              noteAr: item.noteAr ? (docFromText(item.noteAr, { dir: "rtl" }) as Prisma.InputJsonValue) : undefined,
              noteEn: item.noteEn ? (docFromText(item.noteEn, { dir: "ltr" }) as Prisma.InputJsonValue) : undefined,
            })),
          },
        },
        select: { id: true },
      });

      // the first revision of every seeded record: history starts at the seed
      const records: [RecordKind, string][] = [
        ...[...articleId.values()].map((id) => ["article", id] as [RecordKind, string]),
        ...[...entityId.values()].map((id) => ["entity", id] as [RecordKind, string]),
        ...relations.map((r) => ["relation", r.id] as [RecordKind, string]),
        ["dossier", dossier.id],
      ];
      const message = "Seeded from seeds/ici-dossier.json";
      for (const [kind, id] of records) {
        const content = await loadRowContent(tx, kind, id);
        if (content) await writeRevision(tx, { kind, id, version: 1, content, action: "seed", message, authorId: opts.actorId ?? null });
      }
      await recordAudit({ actorId: opts.actorId ?? null, action: "seed.apply", recordType: "dossier", recordId: dossier.id, details: { articles: articles.length, entities: entities.length } }, tx);

      return {
        created: true,
        counts: {
          articles: articles.length,
          entities: entities.length,
          aliases: seed.aliases.length,
          mentions: seed.mentions.length,
          relations: relations.length,
          citations: seed.relationCitations.length + seed.dateCitations.length,
          dossierItems: file.dossier.items.length,
        },
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
