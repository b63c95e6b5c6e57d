// The seeded ICI dossier: complete, anchored, idempotent.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadSeed } from "@/lib/setup/prepare";
import { applySeed } from "@/lib/seed/data";

async function counts() {
  const d = db();
  const [articles, entities, aliases, mentions, relations, citations, dossiers, items, revisions, lastUpdate] = await Promise.all([
    d.article.count(),
    d.entity.count(),
    d.entityAlias.count(),
    d.mention.count(),
    d.relation.count(),
    d.citation.count(),
    d.dossier.count(),
    d.dossierItem.count(),
    d.revision.count(),
    d.entity.aggregate({ _max: { updatedAt: true } }),
  ]);
  return { articles, entities, aliases, mentions, relations, citations, dossiers, items, revisions, lastUpdate: lastUpdate._max.updatedAt?.toISOString() };
}

describe("seed", () => {
  it("is idempotent: seeding again changes nothing", async () => {
    const before = await counts();
    expect(before.articles).toBe(5);
    const again = await applySeed(await loadSeed());
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("keeps each article's original text unaltered and a clean body without boilerplate", async () => {
    const seed = await loadSeed();
    const rows = await db().article.findMany({ select: { sourceFile: true, originalText: true, plainText: true, title: true, outlet: true, publishedOn: true } });
    for (const row of rows) {
      const source = seed.articles.find((a) => a.file === row.sourceFile)!;
      expect(row.originalText).toBe(source.originalText);
    }
    const boiler = rows.find((r) => r.originalText.includes("0 تعليق"))!;
    expect(boiler.plainText).not.toContain("تعليق ارسل طباعة");
    expect(boiler.plainText).not.toContain("فيسبوك");
    expect(boiler.plainText).not.toContain("أخبار ذات صلة");
    expect(boiler.outlet).toBe("عرب فايف");
    expect(boiler.publishedOn?.toISOString().slice(0, 10)).toBe("2025-05-08");
  });

  it("anchors every confirmed mention and citation on the exact words", async () => {
    const articles = await db().article.findMany({ select: { id: true, plainText: true } });
    const text = new Map(articles.map((a) => [a.id, a.plainText]));
    const mentions = await db().mention.findMany({ select: { articleId: true, exact: true, start: true, end: true, state: true } });
    expect(mentions.length).toBeGreaterThan(100);
    for (const m of mentions) {
      expect(m.state).toBe("confirmed");
      expect(text.get(m.articleId)!.slice(m.start, m.end)).toBe(m.exact);
    }
    const citations = await db().citation.findMany({ select: { articleId: true, exact: true, start: true, end: true } });
    for (const c of citations) expect(text.get(c.articleId)!.slice(c.start, c.end)).toBe(c.exact);
    const uncited = await db().relation.count({ where: { citations: { none: {} } } });
    expect(uncited).toBe(0);
  });

  it("keeps both claims where the sources disagree on a date", async () => {
    const conflicted = await db().entity.findMany({
      where: { type: "event", citations: { some: { field: "date" } } },
      select: { slug: true, citations: { where: { field: "date" }, select: { claimStart: true } } },
    });
    const withConflict = conflicted.filter((e) => new Set(e.citations.map((c) => c.claimStart?.toISOString())).size > 1);
    expect(withConflict.length).toBeGreaterThanOrEqual(1);
  });
});
