import { describe, expect, it } from "vitest";
import { articleJsonLd, dossierJsonLd, entityJsonLd, jsonLdDate, serializeJsonLd } from "./json-ld";

const SITE = { siteName: "Sijill", siteUrl: "https://sijill.example" };

describe("JSON-LD dates keep their precision", () => {
  it("passes day, month and year precision through, and drops anything else", () => {
    expect(jsonLdDate("2017-01-24")).toBe("2017-01-24");
    expect(jsonLdDate("2004-06")).toBe("2004-06");
    expect(jsonLdDate("2004")).toBe("2004");
    expect(jsonLdDate(null)).toBeUndefined();
    expect(jsonLdDate("June 2004")).toBeUndefined();
  });
});

describe("articleJsonLd", () => {
  const input = {
    url: "https://sijill.example/ar/articles/kuwait-centre",
    headline: "افتتاح المركز الإقليمي",
    alternativeHeadline: "The Regional Centre opens",
    description: "ملخص",
    datePublished: "2004-06",
    inLanguage: "ar",
    outlet: "كونا",
    byline: "مراسل",
    ...SITE,
    mentions: [
      { type: "person", name: "ينس ستولتنبرغ", url: "https://sijill.example/ar/entities/jens-stoltenberg" },
      { type: "organization", name: "الناتو", url: "https://sijill.example/ar/entities/nato" },
    ],
  };

  it("is a NewsArticle with headline, url, language, outlet as publisher and the linked entities", () => {
    const ld = articleJsonLd(input);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "افتتاح المركز الإقليمي",
      alternativeHeadline: "The Regional Centre opens",
      url: input.url,
      mainEntityOfPage: input.url,
      inLanguage: "ar",
      publisher: { "@type": "Organization", name: "كونا" },
      author: { "@type": "Person", name: "مراسل" },
      isPartOf: { "@type": "WebSite", name: "Sijill", url: "https://sijill.example" },
    });
    expect(ld.mentions).toEqual([
      { "@type": "Person", name: "ينس ستولتنبرغ", url: "https://sijill.example/ar/entities/jens-stoltenberg" },
      { "@type": "Organization", name: "الناتو", url: "https://sijill.example/ar/entities/nato" },
    ]);
    expect(ld.about).toEqual(ld.mentions);
  });

  it("writes a month-precision date as YYYY-MM, never with an invented day", () => {
    expect(articleJsonLd(input).datePublished).toBe("2004-06");
    expect(articleJsonLd({ ...input, datePublished: "2004" }).datePublished).toBe("2004");
    expect(articleJsonLd({ ...input, datePublished: "2017-01-24" }).datePublished).toBe("2017-01-24");
  });

  it("leaves out what is unknown: no date, no outlet, no byline, no entities", () => {
    const ld = articleJsonLd({ ...input, datePublished: null, outlet: null, byline: null, mentions: [], alternativeHeadline: null });
    expect(Object.keys(ld)).not.toEqual(expect.arrayContaining(["datePublished"]));
    for (const k of ["datePublished", "publisher", "author", "mentions", "about", "alternativeHeadline"]) expect(ld).not.toHaveProperty(k);
  });
});

describe("entityJsonLd", () => {
  const url = "https://sijill.example/en/entities/x";

  it("a person: name in the page language, the other language and aliases as alternateName, no sameAs", () => {
    const ld = entityJsonLd({ type: "person", url, name: "Jens Stoltenberg", otherName: "ينس ستولتنبرغ", aliases: ["شتولتنبرغ", "Jens Stoltenberg", "ينس ستولتنبرغ"], description: "Person — NATO Secretary General" });
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "Person",
      name: "Jens Stoltenberg",
      alternateName: ["ينس ستولتنبرغ", "شتولتنبرغ"],
      description: "Person — NATO Secretary General",
      url,
      mainEntityOfPage: url,
    });
  });

  it("an organization and a place have their schema.org types and no dates", () => {
    expect(entityJsonLd({ type: "organization", url, name: "NATO", start: "1949" })).toMatchObject({ "@type": "Organization", name: "NATO" });
    expect(entityJsonLd({ type: "organization", url, name: "NATO", start: "1949" })).not.toHaveProperty("startDate");
    expect(entityJsonLd({ type: "place", url, name: "Kuwait" })).toMatchObject({ "@type": "Place", name: "Kuwait", url });
  });

  it("an event: start and end at their precision, and where it took place", () => {
    const ld = entityJsonLd({
      type: "event",
      url,
      name: "Istanbul Summit",
      start: "2004-06",
      end: "2004-06-29",
      location: [{ type: "place", name: "Istanbul", url: "https://sijill.example/en/entities/istanbul" }],
    });
    expect(ld).toMatchObject({
      "@type": "Event",
      startDate: "2004-06",
      endDate: "2004-06-29",
      location: { "@type": "Place", name: "Istanbul", url: "https://sijill.example/en/entities/istanbul" },
    });
    const two = entityJsonLd({ type: "event", url, name: "E", start: "2024", location: [{ type: "place", name: "A", url: "u1" }, { type: "place", name: "B", url: "u2" }] });
    expect(two.startDate).toBe("2024");
    expect(two.location).toHaveLength(2);
    expect(entityJsonLd({ type: "event", url, name: "E" })).not.toHaveProperty("location");
  });
});

describe("dossierJsonLd", () => {
  it("is a CollectionPage whose main entity is the ordered ItemList of its items", () => {
    const ld = dossierJsonLd({
      url: "https://sijill.example/ar/dossiers/ici",
      name: "مبادرة إسطنبول للتعاون",
      inLanguage: "ar",
      items: [
        { type: "event", name: "قمة إسطنبول", url: "https://sijill.example/ar/entities/istanbul-summit-2004" },
        { type: "article", name: "افتتاح المركز", url: "https://sijill.example/ar/articles/a" },
      ],
    });
    expect(ld).toMatchObject({ "@type": "CollectionPage", name: "مبادرة إسطنبول للتعاون", url: "https://sijill.example/ar/dossiers/ici" });
    expect(ld.mainEntity).toEqual({
      "@type": "ItemList",
      itemListOrder: "https://schema.org/ItemListOrderAscending",
      numberOfItems: 2,
      itemListElement: [
        { "@type": "ListItem", position: 1, item: { "@type": "Event", name: "قمة إسطنبول", url: "https://sijill.example/ar/entities/istanbul-summit-2004" } },
        { "@type": "ListItem", position: 2, item: { "@type": "NewsArticle", name: "افتتاح المركز", url: "https://sijill.example/ar/articles/a" } },
      ],
    });
  });
});

describe("serializeJsonLd", () => {
  it("cannot close the script element or open a comment, and parses back to the same data", () => {
    const data = { "@type": "NewsArticle", headline: `</script><script>alert("x")</script> <!-- & \u2028` };
    const out = serializeJsonLd(data);
    expect(out).not.toContain("<");
    expect(out).not.toContain(">");
    expect(out).not.toMatch(/<\/script/i);
    expect(out).toContain("\\u003c/script\\u003e");
    expect(out).not.toContain("\u2028");
    expect(JSON.parse(out)).toEqual(data);
  });

  it("keeps Arabic text as is", () => {
    expect(serializeJsonLd({ name: "سجل" })).toBe('{"name":"سجل"}');
  });
});
