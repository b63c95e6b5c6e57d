import { describe, expect, it } from "vitest";
import { excerpt, pageMetadata } from "./metadata";

describe("pageMetadata", () => {
  it("canonical in this locale, ar/en/x-default alternates, OpenGraph and a summary card", () => {
    const m = pageMetadata({ locale: "en", path: "/articles/a%20b", title: "T", description: "D", siteName: "Sijill", type: "article", publishedTime: "2004-06", base: "https://s.example" });
    expect(m.alternates).toEqual({
      canonical: "https://s.example/en/articles/a%20b",
      languages: { ar: "https://s.example/ar/articles/a%20b", en: "https://s.example/en/articles/a%20b", "x-default": "https://s.example/ar/articles/a%20b" },
    });
    expect(m.openGraph).toMatchObject({ title: "T", description: "D", url: "https://s.example/en/articles/a%20b", siteName: "Sijill", locale: "en_US", type: "article", publishedTime: "2004-06" });
    expect(m.twitter).toMatchObject({ card: "summary", title: "T" });
    expect(m.title).toBe("T");
  });

  it("the home page keeps the site's default title and is a website in Arabic", () => {
    const m = pageMetadata({ locale: "ar", path: "", title: null, description: "وصف", siteName: "سجل", base: "https://s.example" });
    expect(m).not.toHaveProperty("title");
    expect(m.alternates?.canonical).toBe("https://s.example/ar");
    expect(m.openGraph).toMatchObject({ title: "سجل", locale: "ar_AR", type: "website" });
  });
});

describe("excerpt", () => {
  it("cuts long text at a word boundary near the limit with an ellipsis", () => {
    const text = "كلمة ".repeat(60);
    const e = excerpt(text, 160);
    expect(e.length).toBeLessThanOrEqual(161);
    expect(e.endsWith("…")).toBe(true);
    expect(e).not.toMatch(/\s…$/);
    expect(excerpt("  short\n text ")).toBe("short text");
  });
});
