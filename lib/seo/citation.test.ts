import { describe, expect, it } from "vitest";
import { formatBibtex, formatCitation } from "./citation";

const base = {
  siteName: "Sijill",
  title: "The Regional Centre opens",
  outlet: "KUNA",
  url: "https://sijill.example/en/articles/centre",
  accessed: new Date("2025-05-03T10:00:00Z"),
  labels: { accessed: "accessed", noDate: "n.d." },
};

describe("formatCitation", () => {
  it("English: title, outlet, date at its precision, site, URL and the day it was read", () => {
    expect(formatCitation({ ...base, locale: "en", publishedOn: "2017-01" })).toBe(
      "“The Regional Centre opens”, KUNA, January 2017. Sijill, https://sijill.example/en/articles/centre (accessed: 3 May 2025).",
    );
  });

  it("Arabic: Arabic punctuation and month names, byline first; an unknown date is marked", () => {
    const c = formatCitation({
      ...base,
      locale: "ar",
      siteName: "سجل",
      title: "افتتاح المركز",
      outlet: "كونا",
      byline: "مراسل كونا",
      publishedOn: null,
      url: "https://sijill.example/ar/articles/centre",
      labels: { accessed: "تاريخ الاطلاع", noDate: "د.ت." },
    });
    expect(c).toBe("مراسل كونا، «افتتاح المركز»، كونا، د.ت.. سجل، https://sijill.example/ar/articles/centre (تاريخ الاطلاع: 3 مايو 2025).");
  });
});

describe("formatBibtex", () => {
  it("a biblatex @article with the date at its precision, the url and the day it was read", () => {
    const b = formatBibtex({ ...base, locale: "en", key: "sijill:abc123", publishedOn: "2004-06", byline: "A & B", language: "ar" });
    expect(b).toBe(
      [
        "@article{sijill:abc123,",
        "  title = {The Regional Centre opens},",
        "  author = {{A \\& B}},",
        "  journaltitle = {KUNA},",
        "  date = {2004-06},",
        "  url = {https://sijill.example/en/articles/centre},",
        "  urldate = {2025-05-03},",
        "  langid = {arabic},",
        "  organization = {Sijill}",
        "}",
      ].join("\n"),
    );
  });

  it("escapes braces in titles so the entry stays well-formed", () => {
    const b = formatBibtex({ ...base, locale: "en", key: "k", title: "a {b} 50%", publishedOn: null });
    expect(b).toContain("title = {a \\{b\\} 50\\%}");
    expect(b).not.toMatch(/^  date =/m);
  });
});
