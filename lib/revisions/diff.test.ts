import { describe, expect, it } from "vitest";
import { docFromParagraphs, type RichTextDoc } from "@/lib/rich-text/document";
import { changedFields, diffSnapshots, diffWordsUnicode, valueToText, type DiffPart, type FieldDiff } from "./diff";

const removed = (parts: DiffPart[]) => parts.filter((p) => p.removed).map((p) => p.value.trim());
const added = (parts: DiffPart[]) => parts.filter((p) => p.added).map((p) => p.value.trim());
/** The "before" and "after" texts rebuilt from the parts. */
const sides = (parts: DiffPart[]) => ({
  before: parts.filter((p) => !p.added).map((p) => p.value).join(""),
  after: parts.filter((p) => !p.removed).map((p) => p.value).join(""),
});
const byField = (diffs: FieldDiff[], field: string) => diffs.find((d) => d.field === field)!;

describe("diffSnapshots", () => {
  it("marks unchanged fields as same, with the value as one unchanged part", () => {
    const snap = { title: "قمة الكويت", year: 2004, featured: false, outlet: null };
    const diffs = diffSnapshots(snap, { ...snap });
    expect(diffs.map((d) => d.kind)).toEqual(["same", "same", "same", "same"]);
    expect(byField(diffs, "title").parts).toEqual([{ value: "قمة الكويت" }]);
    expect(byField(diffs, "year").after).toBe("2004");
    expect(byField(diffs, "outlet").parts).toEqual([]);
    expect(changedFields(snap, { ...snap })).toEqual([]);
  });

  it("marks only the changed Arabic words as removed/added, keeping words whole", () => {
    const before = { title: "زار الأمين العام لحلف الناتو دولة الكويت" };
    const after = { title: "زار الأمير العام لحلف الناتو دولة قطر" };
    const d = byField(diffSnapshots(before, after), "title");
    expect(d.kind).toBe("changed");
    expect(removed(d.parts)).toEqual(["الأمين", "الكويت"]);
    expect(added(d.parts)).toEqual(["الأمير", "قطر"]);
    expect(d.parts.filter((p) => !p.added && !p.removed).map((p) => p.value)).toEqual(["زار ", " العام لحلف الناتو دولة "]);
    expect(sides(d.parts)).toEqual({ before: before.title, after: after.title });
  });

  it("keeps Arabic words with diacritics, tatweel and attached punctuation apart correctly", () => {
    const parts = diffWordsUnicode("قالَ الـمتحدثُ، إنّ الاجتماع ناجح.", "قالَ الـمتحدثُ، إنّ اللقاء ناجح.");
    expect(removed(parts)).toEqual(["الاجتماع"]);
    expect(added(parts)).toEqual(["اللقاء"]);
    // the Arabic comma is its own token, not glued to the word
    expect(diffWordsUnicode("الكويت، قطر", "الكويت قطر").filter((p) => p.removed).map((p) => p.value)).toEqual(["،"]);
  });

  it("diffs mixed Arabic and English text by words", () => {
    const d = byField(diffSnapshots({ t: "مبادرة Istanbul Cooperation Initiative عام 2004" }, { t: "مبادرة Istanbul Cooperation Initiative عام 2005" }), "t");
    expect(removed(d.parts)).toEqual(["2004"]);
    expect(added(d.parts)).toEqual(["2005"]);
  });

  it("compares rich text documents on their plain text", () => {
    const before: RichTextDoc = docFromParagraphs(["الفقرة الأولى", "انعقدت القمة في إسطنبول"], { dir: "rtl" });
    const after: RichTextDoc = docFromParagraphs(["الفقرة الأولى", "انعقدت القمة في الكويت"]);
    const diffs = diffSnapshots({ body: before }, { body: after });
    const d = byField(diffs, "body");
    expect(d.kind).toBe("changed");
    expect(d.before).toBe("الفقرة الأولى\n\nانعقدت القمة في إسطنبول");
    expect(removed(d.parts)).toEqual(["إسطنبول"]);
    expect(added(d.parts)).toEqual(["الكويت"]);

    // the same text with other formatting/attributes compares as the same
    const bold: RichTextDoc = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "نص", marks: [{ type: "bold" }] }] }],
    };
    expect(diffSnapshots({ body: bold }, { body: docFromParagraphs(["نص"]) })[0]!.kind).toBe("same");
  });

  it("shows an array element added or removed as a line diff", () => {
    const aliases = [
      { name: "ينس ستولتنبرغ", lang: "ar", script: "arab", preferred: true },
      { name: "Jens Stoltenberg", lang: "en", script: "latn", preferred: true },
    ];
    const more = [...aliases, { name: "ستولتنبيرغ", lang: "ar", script: "arab", preferred: false }];
    const d = byField(diffSnapshots({ aliases }, { aliases: more }), "aliases");
    expect(d.kind).toBe("changed");
    expect(d.before.split("\n")).toHaveLength(2);
    expect(d.after.split("\n")[0]).toBe("name: ينس ستولتنبرغ · lang: ar · preferred: true · script: arab");
    expect(d.parts).toEqual([
      { value: "name: ينس ستولتنبرغ · lang: ar · preferred: true · script: arab\nname: Jens Stoltenberg · lang: en · preferred: true · script: latn\n" },
      { value: "name: ستولتنبيرغ · lang: ar · preferred: false · script: arab\n", added: true },
    ]);

    const fewer = byField(diffSnapshots({ aliases }, { aliases: aliases.slice(1) }), "aliases");
    expect(fewer.parts.filter((p) => p.removed).map((p) => p.value)).toEqual(["name: ينس ستولتنبرغ · lang: ar · preferred: true · script: arab\n"]);
    expect(fewer.parts.some((p) => p.added)).toBe(false);
  });

  it("turns rich text inside array elements into one line, and ignores JSONB key order", () => {
    const note: RichTextDoc = docFromParagraphs(["ملاحظة أولى", "وثانية"]);
    const items = [{ articleId: "a1", entityId: null, noteAr: note, noteEn: null }];
    const reordered = [{ noteEn: null, noteAr: note, entityId: null, articleId: "a1" }];
    expect(valueToText(items)).toBe("articleId: a1 · noteAr: ملاحظة أولى وثانية");
    expect(diffSnapshots({ items }, { items: reordered })[0]!.kind).toBe("same");

    const moved = [items[0], { articleId: "a2", entityId: "e1", noteAr: null, noteEn: "Second" }];
    const d = diffSnapshots({ items }, { items: moved })[0]!;
    expect(added(d.parts)).toEqual(["articleId: a2 · entityId: e1 · noteEn: Second"]);
  });

  it("reports null → value as added and value → null as removed", () => {
    const diffs = diffSnapshots({ titleEn: null, outlet: "الشرق الأوسط", tags: [] }, { titleEn: "ICI summit", outlet: null, tags: ["nato"] });
    expect(byField(diffs, "titleEn")).toEqual({ field: "titleEn", kind: "added", before: "", after: "ICI summit", parts: [{ value: "ICI summit", added: true }] });
    expect(byField(diffs, "outlet")).toMatchObject({ kind: "removed", before: "الشرق الأوسط", after: "", parts: [{ value: "الشرق الأوسط", removed: true }] });
    expect(byField(diffs, "tags").kind).toBe("added");
  });

  it("treats a missing snapshot as a record that did not exist", () => {
    const diffs = diffSnapshots(null, { title: "عنوان", summary: "" });
    expect(diffs.map((d) => [d.field, d.kind])).toEqual([
      ["title", "added"],
      ["summary", "same"],
    ]);
    expect(diffSnapshots({ title: "عنوان" }, null)[0]!.kind).toBe("removed");
  });

  it("takes the union of keys, or exactly opts.fields in that order", () => {
    expect(diffSnapshots({ a: 1, b: 2 }, { b: 2, c: 3 }).map((d) => d.field)).toEqual(["a", "b", "c"]);
    expect(diffSnapshots({ a: 1, b: 2 }, { b: 3, c: 3 }, { fields: ["c", "b"] }).map((d) => [d.field, d.kind])).toEqual([
      ["c", "added"],
      ["b", "changed"],
    ]);
  });

  it("lists changed fields", () => {
    expect(changedFields({ a: "س", b: 1, c: null }, { a: "ص", b: 1, c: "x" })).toEqual(["a", "c"]);
  });

  it("rebuilds both texts exactly from the parts", () => {
    const before = "السطر الأول\nThe second line, with  two spaces.\n\nفقرة ثالثة";
    const after = "السطر الأول المعدل\nThe second line, with one space.\n\nفقرة ثالثة وأخيرة";
    expect(sides(diffWordsUnicode(before, after))).toEqual({ before, after });
  });
});
