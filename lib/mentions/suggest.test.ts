import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSeedFiles, prepareSeed } from "../seed/prepare";
import { buildNameBook, proposeAliases, scoreSuggestions, suggestSpans } from "./suggest";

describe("suggestSpans", () => {
  const book = buildNameBook([
    { entityId: "nato", name: "حلف شمال الأطلسي" },
    { entityId: "nato", name: "الناتو" },
    { entityId: "kuwait", name: "الكويت" },
    { entityId: "ici", name: "مبادرة إسطنبول للتعاون" },
    { entityId: "istanbul", name: "إسطنبول" },
    { entityId: "centre", name: "مركز الناتو الإقليمي لمبادرة اسطنبول للتعاون" },
  ]);
  const spans = (t: string) => suggestSpans(t, book).map((s) => [s.entityId, t.slice(s.start, s.end)]);

  it("finds names through attached prefixes and spelling variants, never inside a longer word", () => {
    expect(spans("وقال للناتو وبالكويت إن حلف شمال الاطلسي مستعد")).toEqual([
      ["nato", "لناتو"],
      ["kuwait", "الكويت"],
      ["nato", "حلف شمال الاطلسي"],
    ]);
    expect(spans("الصحافة الكويتية")).toEqual([]);
  });

  it("keeps a name of several words inside a longer one, but not a single word", () => {
    expect(spans("افتتح مركز الناتو الإقليمي لمبادرة اسطنبول للتعاون")).toEqual([
      ["centre", "مركز الناتو الإقليمي لمبادرة اسطنبول للتعاون"],
      ["ici", "مبادرة اسطنبول للتعاون"],
    ]);
    expect(spans("في مدينة إسطنبول")).toEqual([["istanbul", "إسطنبول"]]);
  });

  it("proposes a close variant of a known name as a likely alias", () => {
    const b = buildNameBook([{ entityId: "js", name: "ستولتنبرغ" }]);
    expect(proposeAliases("قال شتولتنبرغ اليوم", b).map((p) => p.matched)).toEqual(["شتولتنبرغ"]);
  });
});

describe("suggestions on the five seed articles", () => {
  it("find the curated, confirmed mentions: recall and precision stay above their thresholds", async () => {
    const { json, texts } = await readSeedFiles(path.resolve(import.meta.dirname, "../../seeds"));
    const seed = prepareSeed(json, texts);
    const book = buildNameBook(seed.aliases.map((a) => ({ entityId: a.entity, name: a.name })));
    const suggested = seed.articles.flatMap((a) => suggestSpans(a.plainText, book).map((s) => ({ ...s, entityId: `${a.file}:${s.entityId}` })));
    const reference = seed.mentions.map((m) => ({ entityId: `${m.article}:${m.entity}`, start: m.anchor.start, end: m.anchor.end }));
    const score = scoreSuggestions(suggested, reference);
    console.log(`[figure] suggestions on the seed articles: recall ${(score.recall * 100).toFixed(1)}% (${score.found}/${reference.length}), precision ${(score.precision * 100).toFixed(1)}% (${suggested.length - score.extra.length}/${suggested.length})`);
    expect(reference.length).toBeGreaterThan(200);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
  });
});
