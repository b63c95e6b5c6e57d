import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { RichText } from "./render";
import { docFromParagraphs, docToPlainText, type RichTextDoc } from "./document";

describe("RichText", () => {
  it("draws highlights on the plain-text offsets, across paragraphs", () => {
    const doc = docFromParagraphs(["أعلن حلف الناتو", "زار ستولتنبرغ الكويت"]);
    const text = docToPlainText(doc);
    const start = text.indexOf("ستولتنبرغ");
    const html = renderToStaticMarkup(
      <RichText doc={doc} highlights={[{ start, end: start + "ستولتنبرغ".length, href: "/ar/entities/jens-stoltenberg", label: "Jens Stoltenberg", kind: "person" }]} />,
    );
    expect(html).toContain('<mark class="mention" data-type="person"');
    expect(html).toMatch(/<a href="\/ar\/entities\/jens-stoltenberg"[^>]*>ستولتنبرغ<\/a><\/mark>/);
    expect(html.replace(/<[^>]+>/g, "")).toBe("أعلن حلف الناتوزار ستولتنبرغ الكويت");
  });

  it("renders lists and keeps offsets of later blocks right", () => {
    const doc: RichTextDoc = {
      type: "doc",
      content: [
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "نقطة" }] }] }] },
        { type: "paragraph", content: [{ type: "text", text: "الكويت" }] },
      ],
    };
    const text = docToPlainText(doc);
    const start = text.indexOf("الكويت");
    const html = renderToStaticMarkup(<RichText doc={doc} highlights={[{ start, end: start + 6, label: "Kuwait" }]} />);
    expect(html).toContain("<ul><li><p><span>نقطة</span></p></li></ul>");
    expect(html).toContain('<mark class="mention"');
    expect(html).toContain(">الكويت</mark>");
  });

  it("never renders unknown nodes or unsafe links", () => {
    const doc = { type: "doc", content: [{ type: "iframe" }, { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] } as RichTextDoc;
    const html = renderToStaticMarkup(<RichText doc={doc} />);
    expect(html).not.toContain("iframe");
    expect(html).not.toContain("javascript");
  });
});
