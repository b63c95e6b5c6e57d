// The sitemap lists published pages only: a draft article, an entity in review and a
// merged-away entity never appear.
import { describe, expect, it } from "vitest";
import sitemap from "@/app/sitemap";
import { createRecord } from "@/lib/records/data";
import { transitionRecord } from "@/lib/workflow/data";
import { db } from "@/lib/db/client";
import { articleContent, staff } from "../helpers/fixtures";

describe("sitemap.xml", () => {
  it("lists the published dossier, articles and entities in both languages, and nothing unpublished", async () => {
    const ed = await staff("editor");
    const draft = await createRecord(ed, "article", articleContent(`مسودة سرية ${Date.now()}`));
    const inReview = await createRecord(ed, "entity", { type: "person", nameAr: "شخص قيد المراجعة", nameEn: `Person In Review ${Date.now()}` });
    await transitionRecord(ed, { kind: "entity", id: inReview.id, transition: "submit", expectedVersion: 1 });
    const live = await createRecord(ed, "article", articleContent(`مقال منشور ${Date.now()}`));
    await transitionRecord(ed, { kind: "article", id: live.id, transition: "publish", expectedVersion: 1 });

    const urls = (await sitemap()).map((e) => e.url);
    const slug = async (kind: "article" | "entity", id: string) =>
      kind === "article" ? (await db().article.findUniqueOrThrow({ where: { id } })).slug : (await db().entity.findUniqueOrThrow({ where: { id } })).slug;
    expect(urls).toContain(`http://localhost:3000/ar/articles/${encodeURIComponent(await slug("article", live.id))}`);
    expect(urls.some((u) => u.endsWith("/ar/dossiers/ici"))).toBe(true);
    expect(urls.filter((u) => u.includes("/ar/articles/")).length).toBeGreaterThanOrEqual(6);
    expect(urls.filter((u) => u.includes("/ar/entities/")).length).toBeGreaterThanOrEqual(40);
    expect(urls.join("\n")).not.toContain(encodeURIComponent(await slug("article", draft.id)));
    expect(urls.join("\n")).not.toContain(encodeURIComponent(await slug("entity", inReview.id)));
    const entry = (await sitemap()).find((e) => e.url.endsWith("/ar/dossiers/ici"))!;
    expect(entry.alternates?.languages).toMatchObject({ en: expect.stringMatching(/\/en\/dossiers\/ici$/) });
  });
});
