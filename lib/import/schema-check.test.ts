import { describe, expect, it } from "vitest";
import { checkFile, FileProblems, JsonSyntaxError, scanJson, type ScanEvent } from "./schema-check";

async function* chunked(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function events(text: string, size = 7, streamed = ["articles", "entities"]): Promise<ScanEvent[]> {
  const out: ScanEvent[] = [];
  for await (const ev of scanJson(chunked(text, size), new Set(streamed))) out.push(ev);
  return out;
}

const brief = (evs: ScanEvent[]) =>
  evs.map((e) => (e.type === "value" ? `${e.key}=${e.text}` : e.type === "element" ? `${e.key}[${e.index}]=${e.text}` : e.type === "arrayStart" ? `${e.key}:[` : `${e.key}:](${e.count})`));

describe("scanJson", () => {
  const text = `{"version":"v","articles":[{"t":"]}\\"[{ ،الكويت"},{"b":[1,{"c":"}"}]},null,"x"],"n":-12.5e3,"s":"\\u0041\\\\","ok":true,"entities":[],"o":{"a":[1]}}`;

  it("splits the records of the streamed arrays, whatever the chunk size", async () => {
    const expected = [
      'version="v"',
      "articles:[",
      'articles[0]={"t":"]}\\"[{ ،الكويت"}',
      'articles[1]={"b":[1,{"c":"}"}]}',
      "articles[2]=null",
      'articles[3]="x"',
      "articles:](4)",
      "n=-12.5e3",
      's="\\u0041\\\\"',
      "ok=true",
      "entities:[",
      "entities:](0)",
      'o={"a":[1]}',
    ];
    for (const size of [1, 2, 3, 5, 64, 4096]) expect(brief(await events(text, size))).toEqual(expected);
  });

  it("reads pretty-printed JSON and a byte order mark the same way", async () => {
    const obj = JSON.parse(text);
    const pretty = `\uFEFF${JSON.stringify(obj, null, 2)}\n`;
    const evs = await events(pretty, 3);
    expect(evs.filter((e) => e.type === "element").map((e) => JSON.parse((e as { text: string }).text))).toEqual(obj.articles);
    expect(evs.find((e) => e.type === "value" && e.key === "o")).toMatchObject({ line: expect.any(Number) });
  });

  it("notes the byte offsets of each array, so a section can be read again alone", async () => {
    const bytes = Buffer.from(`{"title":"عنوان عربي طويل","articles":[{"a":"ب"},{"b":2}],"x":1}`, "utf8");
    const evs = await events(bytes.toString("utf8"), 4);
    const start = evs.find((e) => e.type === "arrayStart") as { offset: number };
    const end = evs.find((e) => e.type === "arrayEnd") as { offset: number };
    expect(bytes.subarray(start.offset, end.offset + 1).toString("utf8")).toBe('[{"a":"ب"},{"b":2}]');
  });

  it("gives the line and column of broken structure", async () => {
    const err = async (t: string) => {
      try {
        await events(t, 5);
      } catch (e) {
        expect(e).toBeInstanceOf(JsonSyntaxError);
        return (e as Error).message;
      }
      return "no error";
    };
    expect(await err("")).toMatch(/the file is empty/);
    expect(await err("[1,2]")).toMatch(/must be one JSON object/);
    expect(await err('{"articles":[{"a":1}')).toMatch(/ends too early/);
    expect(await err('{"articles":[{"a":1}\n {"a":2}]}')).toBe('not valid JSON at line 2, column 2: expected "," or "]" after articles[0]');
    expect(await err('{"a":1} x')).toMatch(/more after the end/);
    expect(await err('{"a":1,"a":2}')).toMatch(/"a" appears twice/);
    expect(await err('{"a" 1}')).toMatch(/expected ":"/);
    expect(await err('{"a":,"b":1}')).toMatch(/"a" has no value/);
  });
});

// ───────────────────────────── the first pass

const T = "2024-03-01T10:00:00.000Z";
const wf = { state: "published", version: 1, publishedAt: T, createdAt: T, updatedAt: T };
const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "افتتح حلف شمال الأطلسي مركزه في الكويت." }] }] };
const plainText = "افتتح حلف شمال الأطلسي مركزه في الكويت.";
const at = plainText.indexOf("الكويت");
const anchor = { exact: "الكويت", start: at, end: at + 6 };

/** A small file as a person might write it (defaults left out). */
function file(): Record<string, unknown> & { articles: Record<string, unknown>[]; entities: Record<string, unknown>[]; mentions: Record<string, unknown>[]; counts: Record<string, number> } {
  return {
    version: "sijill.export/1",
    exportedAt: T,
    scope: { type: "all" },
    includesDrafts: false,
    articles: [{ id: "a1", slug: "a-1", title: "مقال", titleEn: null, kicker: null, summary: null, body: doc, plainText, originalText: plainText, outlet: null, outletEn: null, url: null, language: "ar", publishedOn: "2017-01", byline: null, ...wf }],
    entities: [
      { id: "e1", slug: "kuwait", type: "place", kind: null, nameAr: "الكويت", nameEn: "Kuwait", aliases: [{ name: "دولة الكويت", lang: "ar", script: "Arab" }], start: null, end: null, ...wf },
      { id: "e2", slug: "nato", type: "organization", kind: null, nameAr: "حلف شمال الأطلسي", nameEn: "NATO", start: "1949", end: null, ...wf },
    ],
    mentions: [{ id: "m1", articleId: "a1", entityId: "e1", anchor: { ...anchor }, state: "confirmed", source: "manual", createdAt: T, updatedAt: T }],
    relations: [{ id: "r1", type: "located_in", sourceId: "e2", targetId: "e1", roleAr: null, roleEn: null, start: null, end: null, note: null, citations: [{ id: "c1", articleId: "a1", anchor: { ...anchor }, createdAt: T }], ...wf }],
    annotations: [],
    dossiers: [{ id: "d1", slug: "ici", titleAr: "ملف", titleEn: "Dossier", items: [{ id: "i1", position: 0, articleId: "a1", entityId: null }], ...wf }],
    counts: { articles: 1, entities: 2, aliases: 1, mentions: 1, relations: 1, citations: 1, annotations: 0, dossiers: 1, dossierItems: 1 },
  };
}

async function check(f: unknown, size = 13) {
  return checkFile(chunked(typeof f === "string" ? f : JSON.stringify(f, null, 1), size));
}

async function problems(f: unknown): Promise<string[]> {
  try {
    await check(f);
    return [];
  } catch (e) {
    if (!(e instanceof FileProblems)) throw e;
    return e.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  }
}

describe("checkFile", () => {
  it("accepts a well-formed file and keeps only ids, slugs and byte ranges", async () => {
    const c = await check(file());
    expect([...c.ids.articles.keys()]).toEqual(["a1"]);
    expect([...c.ids.entities.entries()]).toEqual([
      ["e1", 0],
      ["e2", 1],
    ]);
    expect(c.slugs.dossiers.get("ici")).toBe(0);
    expect(c.sections.mentions.count).toBe(1);
    expect(c.openRefs).toEqual([]);
    expect(c.counts).toMatchObject({ entities: 2, aliases: 1, citations: 1, dossierItems: 1 });
    expect(c.header).toMatchObject({ version: "sijill.export/1", includesDrafts: false, scope: { type: "all" } });
  });

  it("names the place of a missing or wrong field", async () => {
    const f = file();
    (f.entities[0]!.aliases as Record<string, unknown>[])[0]!.name = undefined;
    f.articles[0]!.language = "klingon";
    f.mentions[0]!.colour = "red";
    expect(await problems(f)).toEqual([
      'articles[0].language: Invalid option: expected one of "ar"|"en"|"fr"|"tr"|"fa"|"he"|"other"',
      "entities[0].aliases[0].name: required",
      "mentions[0].colour: unknown field",
    ]);
  });

  it("refuses another version, and only says that", async () => {
    const f = file();
    f.version = "sijill.export/2";
    f.articles[0]!.title = undefined;
    expect(await problems(f)).toEqual(['version: unknown schema version "sijill.export/2" (this version of Sijill reads "sijill.export/1")']);
    const { version: _, ...none } = file();
    expect((await problems(none))[0]).toMatch(/^version: required/);
  });

  it("refuses broken JSON with its line", async () => {
    const text = JSON.stringify(file(), null, 1);
    expect(await problems(text.slice(0, text.length - 40))).toEqual([expect.stringMatching(/^not valid JSON at line \d+, column \d+: the file ends too early/)]);
    expect(await problems(text.replace('"slug": "nato"', '"slug": nato'))).toEqual([expect.stringMatching(/^entities\[1\]: not valid JSON \(line \d+: /)]);
  });

  it("finds duplicates, wrong counts, missing sections and passages beyond the text", async () => {
    const f = file();
    f.entities[1]!.id = "e1";
    (f.mentions[0]!.anchor as { end: number }).end = 999;
    f.counts.mentions = 7;
    expect(await problems(f)).toEqual([
      'entities[1].id: "e1" is already used by entities[0]',
      "mentions[0].anchor.end: beyond the end of the article's text (39 characters)",
    ]);
    const g = file();
    g.counts.mentions = 7;
    delete g.annotations;
    expect(await problems(g)).toEqual(["annotations: required"]);
    const h = file();
    h.counts.mentions = 7;
    expect(await problems(h)).toEqual(["counts.mentions: says 7, but the file holds 1 (is it complete?)"]);
  });

  it("lets a reference point forwards in the file, and keeps the others for the database", async () => {
    const f = file();
    const { mentions, ...rest } = f;
    // mentions written before the articles and entities they name
    const reordered = { version: rest.version, mentions, ...rest };
    expect((await check(reordered)).openRefs).toEqual([]);
    f.mentions[0]!.entityId = "abc";
    f.articles[0]!.duplicateOfId = "gone";
    expect((await check(f)).openRefs).toEqual([
      { kind: "article", id: "gone", path: "articles[0].duplicateOfId", weak: true },
      { kind: "entity", id: "abc", path: "mentions[0].entityId", weak: false },
    ]);
  });

  it("lists at most 25 problems and counts the rest", async () => {
    const f = file();
    f.entities = Array.from({ length: 40 }, (_, i) => ({ id: `x${i}` }));
    try {
      await check(f);
      expect.unreachable();
    } catch (e) {
      expect((e as FileProblems).problems).toHaveLength(25);
      expect((e as FileProblems).message).toMatch(/…and \d+ more problems$/);
    }
  });
});
