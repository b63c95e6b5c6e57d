// Mentions on a real PostgreSQL: suggestions when an article is imported or saved,
// found through Arabic spelling and attached prefixes; manual links; bulk decisions;
// passages that follow a corrected text or are flagged orphaned, never dropped.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createRecord, getWorkingCopy, saveRecord } from "@/lib/records/data";
import { importArticle } from "@/lib/articles/data";
import { createMention, decideMentions, listAliasProposals, listArticlePassages, reanchorPassage } from "@/lib/mentions/data";
import { transitionRecord } from "@/lib/workflow/data";
import { articleContent, doc, staff } from "../helpers/fixtures";

const tag = () => Math.random().toString(36).slice(2, 7);

describe("suggested mentions", () => {
  it("an imported article gets suggestions for known names, through prefixes and spelling variants", async () => {
    const editor = await staff("editor");
    const t = tag();
    const person = await createRecord(editor, "entity", { type: "person", nameAr: `ينس ستولتنبرغ${t}`, nameEn: `Jens Stoltenberg ${t}`, aliases: [{ name: `شتولتنبرغ${t}` }] });
    const text = [
      `اجتماع في الكويت ${t}`,
      "",
      `استقبل الأمين العام شتولتنبرغ${t} وفدا من الكويت، وقال ينس ستولتنبرغ${t} إن التعاون مستمر مع دولة الكويت.`,
    ].join("\n");
    const r = await importArticle(editor, { fileName: null, format: "txt", text, url: null });
    if (r.status !== "imported") throw new Error("not imported");
    const passages = (await listArticlePassages(r.id)).filter((p) => p.kind === "mention" && p.entity?.id === person.id);
    expect(passages.map((p) => p.exact).sort()).toEqual([`شتولتنبرغ${t}`, `ينس ستولتنبرغ${t}`].sort());
    expect(passages.every((p) => p.state === "suggested")).toBe(true);
    // the seeded State of Kuwait is found in «الكويت» and «دولة الكويت»
    const kuwait = (await listArticlePassages(r.id)).filter((p) => p.kind === "mention" && p.entity?.nameEn === "State of Kuwait");
    expect(kuwait.length).toBeGreaterThanOrEqual(2);
  });

  it("confirms in bulk, and a rejected suggestion is not proposed again when the article is saved", async () => {
    const editor = await staff("editor");
    const t = tag();
    const e = await createRecord(editor, "entity", { type: "organization", nameAr: `منظمة${t}`, nameEn: `Org ${t}` });
    const { id } = await createRecord(editor, "article", articleContent(`مقال ${t}`, `ذكرت منظمة${t} في النص.`, `ثم عادت منظمة${t} إلى الواجهة.`));
    // creating an article from the studio does not suggest; saving it does
    await saveRecord(editor, "article", id, articleContent(`مقال ${t}`, `ذكرت منظمة${t} في النص.`, `ثم عادت منظمة${t} إلى الواجهة!`), { expectedVersion: 1 });
    const found = (await listArticlePassages(id)).filter((p) => p.entity?.id === e.id);
    expect(found).toHaveLength(2);
    await decideMentions(editor, { ids: [found[0].id], decision: "rejected" });
    await decideMentions(editor, { ids: [found[1].id], decision: "confirmed" });
    await saveRecord(editor, "article", id, articleContent(`مقال ${t}`, `ذكرت منظمة${t} في النص.`, `ثم عادت منظمة${t} إلى الواجهة.`), { expectedVersion: 2 });
    const rows = await db().mention.findMany({ where: { articleId: id, entityId: e.id }, orderBy: { start: "asc" } });
    expect(rows.map((m) => m.state)).toEqual(["rejected", "confirmed"]);
    await expect(decideMentions(editor, { ids: ["nonexistent1"], decision: "confirmed" })).rejects.toThrow(/no longer exist/);
  });

  it("proposes a close spelling variant as a likely alias", async () => {
    const editor = await staff("editor");
    const t = tag();
    const e = await createRecord(editor, "entity", { type: "person", nameAr: `خافيير كولومينا${t}`, nameEn: `Javier Colomina ${t}` });
    const { id } = await createRecord(editor, "article", articleContent(`زيارة ${t}`, `وصل خافيير كولومبينا${t} إلى الكويت.`));
    const proposals = await listAliasProposals(id);
    expect(proposals.find((p) => p.entityId === e.id)?.matched).toBe(`خافيير كولومبينا${t}`);
  });
});

describe("manual links and anchors", () => {
  it("a contributor's link is a suggestion, an editor's is confirmed; a merged entity's link goes to the survivor", async () => {
    const [c, ed] = [await staff("contributor"), await staff("editor")];
    const { id } = await createRecord(ed, "article", articleContent(`رابط ${tag()}`, "افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت."));
    const e = await createRecord(ed, "entity", { type: "organization", nameAr: "حلف شمال الأطلسي", nameEn: "NATO" });
    const passage = { articleId: id, start: 6, end: 22, exact: "حلف شمال الأطلسي", entityId: e.id };
    expect((await createMention(c, passage)).state).toBe("suggested");
    expect((await createMention(ed, passage)).state).toBe("confirmed");
    await expect(createMention(ed, { ...passage, exact: "كلمات أخرى" })).rejects.toThrow(/no longer in the article/);
  });

  it("a corrected text keeps annotations and mentions on the same words; words that are gone are flagged orphaned, not dropped", async () => {
    const ed = await staff("editor");
    const { id } = await createRecord(ed, "article", articleContent(`تصحيح ${tag()}`, "قال الوزير إن المركز الإقليمي يعد منصة للحوار.", "وأضاف أن التدريب مستمر."));
    const text = (await db().article.findUniqueOrThrow({ where: { id } })).plainText;
    const start = text.indexOf("المركز الإقليمي");
    const note = await createRecord(ed, "annotation", { body: doc("ملاحظة"), visibility: "public" }, { passage: { articleId: id, start, end: start + "المركز الإقليمي".length, exact: "المركز الإقليمي" } });
    const s2 = text.indexOf("التدريب");
    const gone = await createRecord(ed, "annotation", { body: doc("ستختفي"), visibility: "internal" }, { passage: { articleId: id, start: s2, end: s2 + 7, exact: "التدريب" } });

    await saveRecord(ed, "article", id, articleContent(undefined, "صرّح معالي الوزير اليوم إن المركز الإقليمي يعد منصة للحوار.", "وأضاف أن العمل مستمر."), { expectedVersion: 1 });
    const newText = (await db().article.findUniqueOrThrow({ where: { id } })).plainText;
    const a = await db().annotation.findUniqueOrThrow({ where: { id: note.id } });
    expect(a.anchorStatus).toBe("anchored");
    expect(newText.slice(a.start, a.end)).toBe("المركز الإقليمي");
    expect(a.start).toBe(newText.indexOf("المركز الإقليمي"));
    const b = await db().annotation.findUniqueOrThrow({ where: { id: gone.id } });
    expect(b.anchorStatus).toBe("orphaned");
    expect(b.exact).toBe("التدريب");

    // a person fixes it by choosing the words again
    const s3 = newText.indexOf("العمل");
    await reanchorPassage(ed, { kind: "annotation", id: gone.id, start: s3, end: s3 + 5, exact: "العمل" });
    const fixed = await db().annotation.findUniqueOrThrow({ where: { id: gone.id } });
    expect(fixed).toMatchObject({ anchorStatus: "anchored", exact: "العمل", start: s3 });
  });

  it("a published article's passages move only when its corrected text is published", async () => {
    const ed = await staff("editor");
    const { id } = await createRecord(ed, "article", articleContent(`منشور ${tag()}`, "افتتح الأمين العام المركز الإقليمي في الكويت."));
    const text = (await db().article.findUniqueOrThrow({ where: { id } })).plainText;
    const start = text.indexOf("المركز الإقليمي");
    const note = await createRecord(ed, "annotation", { body: doc("ملاحظة"), visibility: "public" }, { passage: { articleId: id, start, end: start + 15, exact: "المركز الإقليمي" } });
    await transitionRecord(ed, { kind: "article", id, transition: "publish", expectedVersion: 1 });
    await saveRecord(ed, "article", id, articleContent(undefined, "في حفل رسمي افتتح الأمين العام المركز الإقليمي في الكويت."), { expectedVersion: 1 });
    expect((await db().annotation.findUniqueOrThrow({ where: { id: note.id } })).start).toBe(start);
    const wc = await getWorkingCopy("article", id);
    await transitionRecord(ed, { kind: "article", id, transition: "publish", expectedVersion: wc!.row.version });
    const after = await db().annotation.findUniqueOrThrow({ where: { id: note.id } });
    expect(after.start).toBe(start + "في حفل رسمي ".length);
  });
});
