import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { assertValidDoc, docFromParagraphs } from "@/lib/rich-text/document";
import { RichTextEditor, emptyDoc, safeLinkHref, type RichTextEditorLabels } from "./rich-text-editor";

const labels: RichTextEditorLabels = {
  bold: "عريض",
  italic: "مائل",
  heading2: "عنوان 2",
  heading3: "عنوان 3",
  bulletList: "قائمة نقطية",
  orderedList: "قائمة مرقمة",
  blockquote: "اقتباس",
  link: "رابط",
  unlink: "إزالة الرابط",
  rtl: "من اليمين إلى اليسار",
  ltr: "من اليسار إلى اليمين",
  undo: "تراجع",
  redo: "إعادة",
};

describe("RichTextEditor", () => {
  it("has a valid empty document", () => {
    expect(() => assertValidDoc(emptyDoc())).not.toThrow();
  });

  it("accepts only http(s) and mailto links", () => {
    expect(safeLinkHref("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(safeLinkHref("  http://aljazeera.net ")).toBe("http://aljazeera.net");
    expect(safeLinkHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(safeLinkHref("example.org/path")).toBe("https://example.org/path");
    expect(safeLinkHref("javascript:alert(1)")).toBeNull();
    expect(safeLinkHref("data:text/html,<b>x</b>")).toBeNull();
    expect(safeLinkHref("ftp://example.org")).toBeNull();
    expect(safeLinkHref("https://")).toBeNull();
    expect(safeLinkHref("mailto:")).toBeNull();
    expect(safeLinkHref("not a url")).toBeNull();
    expect(safeLinkHref("/relative/path")).toBeNull();
  });

  it("renders on the server: a labelled toolbar, the editing box and the hidden input", () => {
    const doc = docFromParagraphs(["نص المقال"]);
    const html = renderToStaticMarkup(<RichTextEditor value={doc} onChange={() => {}} label="نص المقال" labels={labels} name="body" testId="body-editor" />);
    expect(html).toContain('role="toolbar" aria-label="نص المقال"');
    expect(html).toContain('data-testid="body-editor-toolbar"');
    for (const l of Object.values(labels)) expect(html).toContain(`aria-label="${l}"`);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1); // one tab stop in the toolbar
    expect(html).toContain('dir="rtl"');
    const hidden = html.match(/<input type="hidden" name="body" value="([^"]*)"/);
    expect(hidden).not.toBeNull();
    expect(JSON.parse(hidden![1]!.replace(/&quot;/g, '"'))).toEqual(doc);
  });

  it("holds an empty document when the value is null", () => {
    const html = renderToStaticMarkup(<RichTextEditor value={null} onChange={() => {}} dir="ltr" label="Body" labels={labels} name="bodyEn" />);
    const hidden = html.match(/name="bodyEn" value="([^"]*)"/)![1]!.replace(/&quot;/g, '"');
    expect(JSON.parse(hidden)).toEqual(emptyDoc());
    expect(html).toContain('dir="ltr"');
  });
});
