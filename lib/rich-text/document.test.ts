import { describe, expect, it } from "vitest";
import { assertValidDoc, docFromText, docToPlainText, richTextDocSchema } from "./document";

describe("rich text documents", () => {
  it("accepts headings, lists, quotes, links, bold/italic and dir", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2, dir: "rtl" }, content: [{ type: "text", text: "عنوان" }] },
        {
          type: "paragraph",
          attrs: { dir: "ltr" },
          content: [
            { type: "text", text: "NATO", marks: [{ type: "bold" }] },
            { type: "text", text: " site", marks: [{ type: "link", attrs: { href: "https://www.nato.int" } }] },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "italic" }] }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "q" }] }] },
      ],
    };
    expect(() => assertValidDoc(doc)).not.toThrow();
    expect(richTextDocSchema.safeParse(doc).success).toBe(true);
  });

  it("refuses unknown nodes, raw HTML nodes, unknown marks and unsafe links", () => {
    const bad = [
      { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "x" }] }] },
      { type: "doc", content: [{ type: "html", attrs: { html: "<img onerror=x>" } }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "underline" }] }] }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      { type: "paragraph", content: [] },
      "<p>hello</p>",
    ];
    for (const doc of bad) {
      expect(() => assertValidDoc(doc)).toThrow(/Rich text/);
      expect(richTextDocSchema.safeParse(doc).success).toBe(false);
    }
  });

  it("round-trips paragraphs to plain text", () => {
    const text = "الفقرة الأولى\n\nالفقرة الثانية";
    expect(docToPlainText(docFromText(text))).toBe(text);
  });
});
