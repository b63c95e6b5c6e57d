// Importing articles: cleaning and metadata, the original kept, duplicates flagged
// and never silently doubled, bad input refused with nothing written.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importArticle, findDuplicateArticles } from "@/lib/articles/data";
import { getWorkingCopy } from "@/lib/records/data";
import { staff } from "../helpers/fixtures";

const uniq = () => Math.random().toString(36).slice(2, 8);

function story(tag: string) {
  return [
    `وزير الخارجية يستقبل وفدا من حلف شمال الأطلسي ${tag}`,
    "",
    "0 تعليق ارسل طباعة",
    "",
    "الكويت - 8 مايو 2025 (كونا) -- استقبل وزير الخارجية اليوم وفدا من حلف شمال الأطلسي برئاسة ممثل الأمين العام للجوار الجنوبي وبحث الجانبان سبل تعزيز التعاون في إطار مبادرة إسطنبول للتعاون.",
    "",
    "وأكد الوزير خلال اللقاء أهمية المركز الإقليمي للحلف في الكويت بوصفه منصة للحوار السياسي وتبادل الخبرات في مجالات التدريب وأمن الطاقة ومكافحة الإرهاب.",
    "",
    `من جانبه أشاد ممثل الحلف (${tag}) بالدور الذي تقوم به دولة الكويت في تقريب وجهات النظر بين دول الخليج العربي والحلف وبالأنشطة التي يستضيفها المركز طوال العام.`,
    "",
    "اقرأ أيضا:",
    "- الكويت تستضيف ورشة عمل حول الأمن البحري",
  ].join("\n");
}

describe("article import", () => {
  it("cleans boilerplate, reads title and date, keeps the original text unaltered, and audits it", async () => {
    const c = await staff("contributor");
    const text = story(uniq());
    const r = await importArticle(c, { fileName: "wire.txt", format: "txt", text, url: null });
    expect(r.status).toBe("imported");
    if (r.status !== "imported") return;
    const row = await db().article.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.state).toBe("draft");
    expect(row.originalText).toBe(text);
    expect(row.title).toMatch(/^وزير الخارجية يستقبل وفدا/);
    expect(row.plainText).not.toMatch(/تعليق ارسل طباعة|اقرأ أيضا/);
    expect(row.publishedOn?.toISOString().slice(0, 10)).toBe("2025-05-08");
    expect(row.createdById).toBe(c.id);
    const audit = await db().auditEvent.findFirst({ where: { action: "article.import", recordId: r.id } });
    expect(audit?.actorId).toBe(c.id);
    const wc = await getWorkingCopy("article", r.id);
    expect(wc?.row.version).toBe(1);
  });

  it("reads HTML and Markdown", async () => {
    const c = await staff("contributor");
    const tag = uniq();
    const html = `<html><head><title>قمة الناتو في إسطنبول ${tag} - كونا</title></head><body><h1>قمة الناتو في إسطنبول ${tag}</h1><p>أعلن الحلف في قمته في إسطنبول في يونيو 2004 مبادرة إسطنبول للتعاون مع دول الخليج العربي.</p><p>وانضمت الكويت والبحرين وقطر والإمارات إلى المبادرة.</p><div class="share">شارك على فيسبوك</div></body></html>`;
    const h = await importArticle(c, { fileName: "summit.html", format: "html", text: html, url: "https://example.org/a" });
    expect(h.status).toBe("imported");
    const hRow = await db().article.findUniqueOrThrow({ where: { id: (h as { id: string }).id } });
    expect(hRow.title).toContain(`قمة الناتو في إسطنبول ${tag}`);
    expect(hRow.plainText).not.toContain("<p>");
    expect(hRow.originalFormat).toBe("html");
    expect(hRow.url).toBe("https://example.org/a");

    const md = `# مركز الحلف الإقليمي ${tag}\n\nافتتح **الحلف** مركزه الإقليمي في الكويت في يناير 2017 بحضور الأمين العام.\n\nويعد المركز الأول من نوعه خارج المنطقة الأوروبية الأطلسية.`;
    const m = await importArticle(c, { fileName: "centre.md", format: "md", text: md, url: null });
    const mRow = await db().article.findUniqueOrThrow({ where: { id: (m as { id: string }).id } });
    expect(mRow.title).toBe(`مركز الحلف الإقليمي ${tag}`);
    expect(mRow.plainText).not.toContain("**");
  });

  it("refuses the same text twice unless asked, with a link to the match", async () => {
    const c = await staff("contributor");
    const text = story(uniq());
    const first = await importArticle(c, { fileName: "a.txt", format: "txt", text, url: null });
    const count = await db().article.count();
    const again = await importArticle(c, { fileName: "b.txt", format: "txt", text: `${text}\n\n`, url: null });
    expect(again.status).toBe("duplicate");
    expect(again.duplicates[0]).toMatchObject({ id: (first as { id: string }).id, kind: "same_text" });
    expect(await db().article.count()).toBe(count);
    const forced = await importArticle(c, { fileName: "b.txt", format: "txt", text, url: null, allowDuplicate: true });
    expect(forced.status).toBe("imported");
    const row = await db().article.findUniqueOrThrow({ where: { id: (forced as { id: string }).id } });
    expect(row.duplicateOfId).toBe((first as { id: string }).id);
  });

  it("flags a near duplicate (the same wire story republished elsewhere) but imports it", async () => {
    const c = await staff("contributor");
    const tag = uniq();
    const original = await importArticle(c, { fileName: null, format: "txt", text: story(tag), url: null });
    const republished = story(tag)
      .replace("استقبل وزير الخارجية اليوم", "استقبل وزير الخارجية الكويتي صباح اليوم")
      .replace("طوال العام.", "طوال العام، بحسب وكالة الأنباء.");
    const preview = await findDuplicateArticles(republished.split("\n").slice(4).join("\n"), "not-a-checksum");
    expect(preview.map((d) => d.id)).toContain((original as { id: string }).id);
    const r = await importArticle(c, { fileName: null, format: "txt", text: republished, url: null });
    expect(r.status).toBe("imported");
    expect(r.duplicates[0]).toMatchObject({ id: (original as { id: string }).id, kind: "near_duplicate" });
    expect(r.duplicates[0].similarity).toBeGreaterThan(0.6);
    const row = await db().article.findUniqueOrThrow({ where: { id: (r as { id: string }).id } });
    expect(row.duplicateOfId).toBe((original as { id: string }).id);
    // an unrelated article is not flagged
    const other = await importArticle(c, { fileName: null, format: "txt", text: `عنوان آخر ${tag}\n\nنص مختلف تماما عن الطقس في الخليج العربي هذا الأسبوع مع ارتفاع درجات الحرارة.`, url: null });
    expect(other.duplicates).toEqual([]);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const c = await staff("contributor");
    const before = await db().article.count();
    await expect(importArticle(c, { fileName: "x.pdf", format: "pdf", text: "abc", url: null })).rejects.toThrow(/Only .txt, .html and .md/);
    await expect(importArticle(c, { fileName: "x.txt", format: "txt", text: "   ", url: null })).rejects.toThrow(/empty/);
    await expect(importArticle(c, { fileName: "x.txt", format: "txt", text: "نص", url: "javascript:alert(1)" })).rejects.toThrow(/http/);
    await expect(importArticle(c, { fileName: "x.txt", format: "txt", text: "x".repeat(2 * 1024 * 1024 + 1), url: null })).rejects.toThrow(/2 MB/);
    expect(await db().article.count()).toBe(before);
  });
});
