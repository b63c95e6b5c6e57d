import { describe, expect, it } from "vitest";
import { anchorAt, anchorQuote, findWholeWordOccurrences } from "./anchor";

describe("anchors", () => {
  const text = "زار الأمين العام الكويت ثم عاد إلى بالكويت ووكالة الأنباء الكويتية";

  it("finds whole-word occurrences through attached prefixes, not inside longer words", () => {
    const hits = findWholeWordOccurrences(text, "الكويت");
    expect(hits).toEqual([text.indexOf(" الكويت ") + 1, text.indexOf("بالكويت") + 1]);
  });

  it("refuses a quote glued to a non-prefix before it", () => {
    expect(findWholeWordOccurrences("سالكويت", "الكويت")).toEqual([]);
    expect(findWholeWordOccurrences("وللناتو دور", "الناتو")).toEqual([]); // لل absorbs the article: not this exact quote
    expect(findWholeWordOccurrences("وللناتو دور", "لناتو")).toEqual([2]);
  });

  it("treats a change of script as a word boundary", () => {
    const t = "بحلف شمال الأطلسيJames Appathurai، فيما";
    expect(findWholeWordOccurrences(t, "James Appathurai")).toEqual([t.indexOf("James")]);
    expect(findWholeWordOccurrences(t, "الأطلسي")).toEqual([t.indexOf("الأطلسي")]);
    expect(findWholeWordOccurrences("xJames", "James")).toEqual([]);
  });

  it("keeps quote, context and offsets (UTF-16) together", () => {
    const t = "😀 حلف شمال الأطلسي";
    const a = anchorQuote(t, "الأطلسي")!;
    expect(t.slice(a.start, a.end)).toBe("الأطلسي");
    expect(a.start).toBe(t.indexOf("الأطلسي"));
    expect(a.prefix.endsWith("شمال ")).toBe(true);
    expect(anchorQuote(t, "غير موجود")).toBeNull();
    expect(() => anchorAt(t, 5, 2)).toThrow();
  });
});
