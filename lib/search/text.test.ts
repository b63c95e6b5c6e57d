import { describe, expect, it } from "vitest";
import { buildSnippet, buildTsvector, nameGrams, parseQuery, queryLexemes, readingsOf, tsqueryAll, tsqueryPhrase, tsqueryTitle } from "./text";

describe("search text", () => {
  it("indexes every reading of a word at the word's position, with the field's weight", () => {
    const v = buildTsvector([
      { text: "والناتو", weight: "A" },
      { text: "إسطنبول للتعاون", weight: "D" },
    ]);
    // title at 1 (weight A), then a field gap; body words without a weight letter (D)
    expect(v).toContain("'والناتو':1A");
    expect(v).toContain("'الناتو':1A");
    expect(v).toContain("'ناتو':1A");
    expect(v).toMatch(/'اسطنبول':10(?![A-D])/);
    expect(v).toMatch(/'تعاون':11(?![A-D])/);
  });

  it("normalizes the query like the index: hamza seats, alef, ta marbuta, tatweel, diacritics", () => {
    const p = parseQuery("مسئولُ المبادرةِ الأطلسيـــة");
    expect(p.words).toEqual(["مسيول", "المبادره", "الاطلسيه"]);
    expect(parseQuery("رئيس").words).toEqual(parseQuery("ريِيس").words);
    expect(readingsOf("بالكويت")).toEqual(["بالكويت", "الكويت", "كويت"]);
    expect(readingsOf("nato")).toEqual(["nato"]);
  });

  it("builds tsqueries: every word through its readings, the title, the exact phrase", () => {
    const p = parseQuery("للناتو الكويت");
    // الكويت is implied by كويت (every word read as الكويت is also indexed as كويت)
    expect(tsqueryAll(p)).toBe("('للناتو' | 'لناتو' | 'ناتو') & 'كويت'");
    expect(tsqueryTitle(p)).toBe("('للناتو':A | 'لناتو':A | 'ناتو':A) & 'كويت':A");
    expect(tsqueryPhrase(p)).toBe("'للناتو' <-> 'الكويت'");
    expect(parseQuery('"الناتو في"').quoted).toBe(true);
    // quotes inside a lexeme cannot break out of the literal
    expect(tsqueryAll(parseQuery("it's"))).toBe("'it' & 's'");
  });

  it("asks the index only for readings not implied by a shorter one", () => {
    expect(queryLexemes(readingsOf("والامن"))).toEqual(["والامن", "امن"]);
    expect(queryLexemes(readingsOf("بروكسل"))).toEqual(["بروكسل", "روكسل"]);
    // what the index holds for والامن, بالامن and الامن all contains امن
    for (const w of ["والامن", "بالامن", "الامن", "للامن"]) expect(readingsOf(w)).toContain("امن");
  });

  it("gives the query's word n-grams with the words they stand for", () => {
    const g = nameGrams(parseQuery("ينس ستولتنبرغ بالكويت"));
    expect(g).toContainEqual({ gram: "ينس ستولتنبرغ", covers: [0, 1] });
    expect(g).toContainEqual({ gram: "الكويت", covers: [2] });
    expect(g).toContainEqual({ gram: "ستولتنبرغ بالكويت", covers: [1, 2] });
  });

  it("cuts a snippet around the densest hits and marks them, including given ranges", () => {
    const text = `${"كلام ".repeat(80)}قال الأمين العام للناتو إن الحلف باق. ${"حشو ".repeat(80)}`;
    const parts = buildSnippet(text, parseQuery("الناتو"), [], 60);
    expect(parts[0].text.startsWith("…")).toBe(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["للناتو"]);
    const start = text.indexOf("الأمين");
    const ranged = buildSnippet(text, parseQuery("غير موجود"), [[start, start + "الأمين العام".length]], 60);
    expect(ranged.filter((p) => p.hit).map((p) => p.text)).toEqual(["الأمين العام"]);
  });

  it("finds a hit deep in a long text, and marks every hit of a passage chosen by a given range", () => {
    const filler = "كلام ".repeat(3000); // 15,000 characters without a hit
    const deep = `${filler}قال الأمين العام للناتو إن الحلف باق. ${"حشو ".repeat(50)}`;
    expect(buildSnippet(deep, parseQuery("الناتو"), [], 60).filter((p) => p.hit).map((p) => p.text)).toEqual(["للناتو"]);
    // the reading stops at the first stretch with a hit, but given ranges later on can
    // still make the passage: its words are marked too
    const text = `الناتو ${filler}شتولتنبرغ الأمين العام للناتو والناتو شتولتنبرغ ${"حشو ".repeat(50)}`;
    const a = text.indexOf("شتولتنبرغ");
    const b = text.lastIndexOf("شتولتنبرغ");
    const parts = buildSnippet(text, parseQuery("الناتو"), [[a, a + 9], [b, b + 9]], 60);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["شتولتنبرغ", "للناتو", "والناتو", "شتولتنبرغ"]);
  });
});
