import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { diffSnapshots } from "@/lib/revisions/diff";
import { docFromParagraphs } from "@/lib/rich-text/document";
import { DiffView, columnLines } from "./diff-view";

const labels = { ar: { title: "العنوان", titleEn: "العنوان بالإنجليزية", aliases: "الأسماء البديلة", year: "السنة", body: "النص" } as Record<string, string> };
const props = {
  labelFor: (f: string) => labels.ar[f] ?? f,
  beforeLabel: "قبل",
  afterLabel: "بعد",
  showUnchangedLabel: "إظهار الحقول غير المتغيرة",
  emptyLabel: "(فارغ)",
};

describe("DiffView", () => {
  const diffs = diffSnapshots(
    { title: "زار الأمين العام الكويت", titleEn: null, year: 2004, aliases: [{ name: "ستولتنبرغ", lang: "ar" }] },
    { title: "زار الأمير العام الكويت", titleEn: "The visit", year: 2004, aliases: [{ name: "ستولتنبرغ", lang: "ar" }, { name: "Stoltenberg", lang: "en" }] },
  );
  const html = renderToStaticMarkup(<DiffView diffs={diffs} {...props} markLabels={{ removed: "محذوف", added: "مضاف" }} />);

  it("shows changed fields side by side with removed and added words marked", () => {
    const title = html.slice(html.indexOf('data-field="title"'), html.indexOf('data-field="titleEn"'));
    expect(title).toContain("<h3");
    expect(title).toContain(">العنوان</h3>");
    const [before, after] = title.split('data-side="after"');
    expect(before).toMatch(/<del [^>]*bg-red-100[^>]*><span class="sr-only">\[محذوف: <\/span>الأمين<span class="sr-only">\]<\/span><\/del>/);
    expect(before).not.toContain("<ins");
    expect(after).toMatch(/<ins [^>]*bg-green-100[^>]*><span class="sr-only">\[مضاف: <\/span>الأمير/);
    expect(after).not.toContain("<del");
    expect(title).toContain('dir="auto"');
    expect(html).toContain("قبل");
    expect(html).toContain("بعد");
  });

  it("shows an added field with an empty before column, and array lines one per block", () => {
    const added = html.slice(html.indexOf('data-field="titleEn"'));
    expect(added.slice(0, added.indexOf('data-side="after"'))).toContain("(فارغ)");
    const aliases = html.slice(html.indexOf('data-field="aliases"'), html.indexOf("<details"));
    expect(aliases).toMatch(/<div dir="auto"[^>]*><ins[^>]*>(<span class="sr-only">[^<]*<\/span>)?name: Stoltenberg · lang: en/);
  });

  it("collapses unchanged fields behind a details element", () => {
    const details = html.slice(html.indexOf("<details"));
    expect(details).toContain("<summary");
    expect(details).toContain("إظهار الحقول غير المتغيرة (1)");
    expect(details).toContain(">السنة</dt>");
    expect(details).toContain("2004");
    expect(html.slice(0, html.indexOf("<details"))).not.toContain('data-field="year"');
  });

  it("says when nothing changed", () => {
    const same = diffSnapshots({ body: docFromParagraphs(["نص"]) }, { body: docFromParagraphs(["نص"]) });
    const out = renderToStaticMarkup(<DiffView diffs={same} {...props} noChangesLabel="لا تغييرات" />);
    expect(out).toContain("لا تغييرات");
    expect(out).not.toContain("<del");
    expect(out).toContain("<details");
  });

  it("splits each column into lines", () => {
    expect(columnLines([{ value: "a\nb\n" }, { value: "c\n", added: true }], "before")).toEqual([[{ text: "a", marked: false }], [{ text: "b", marked: false }]]);
    expect(columnLines([{ value: "a\nb\n" }, { value: "c\n", added: true }], "after").at(-1)).toEqual([{ text: "c", marked: true }]);
    expect(columnLines([{ value: "x " }, { value: "y", removed: true }, { value: "z", added: true }], "before")).toEqual([
      [
        { text: "x ", marked: false },
        { text: "y", marked: true },
      ],
    ]);
  });
});
