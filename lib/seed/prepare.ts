// Turns the seed files into rows (pure: no database), so every reference and every
// quoted passage is checked before anything is written.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cleanImportedText } from "../articles/clean";
import { docFromText, docToPlainText, type RichTextDoc } from "../rich-text/document";
import { anchorAt, anchorQuote, findWholeWordOccurrences, type Anchor } from "../anchors/anchor";
import { normalizeNameKey } from "../arabic/normalize";
import { parsePreciseDate, type PreciseDate } from "../dates";
import { seedFileSchema, type SeedFile } from "./schemas";

export type PreparedArticle = {
  file: string;
  slug: string;
  title: string;
  titleEn: string | null;
  kicker: string | null;
  summary: string | null;
  body: RichTextDoc;
  plainText: string;
  originalText: string;
  outlet: string | null;
  outletEn: string | null;
  url: string | null;
  publishedOn: PreciseDate | null;
  byline: string | null;
  checksum: string;
};

export type PreparedSeed = {
  file: SeedFile;
  articles: PreparedArticle[];
  mentions: { article: string; entity: string; anchor: Anchor }[];
  relationCitations: { relationIndex: number; article: string; anchor: Anchor }[];
  dateCitations: { entity: string; article: string; claim: PreciseDate; note: string | null; anchor: Anchor }[];
  aliases: { entity: string; name: string; normalized: string; lang: string; script: string; preferred: boolean }[];
  warnings: string[];
};

export class SeedError extends Error {}

export function scriptOf(name: string): string {
  return /[\u0600-\u06FF]/.test(name) ? "Arab" : "Latn";
}

export async function readSeedFiles(seedDir: string): Promise<{ json: unknown; texts: Map<string, string> }> {
  const jsonPath = path.join(seedDir, "ici-dossier.json");
  let raw: string;
  try {
    raw = await readFile(jsonPath, "utf8");
  } catch {
    throw new SeedError(`Seed file missing: ${jsonPath}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new SeedError(`Seed file ${jsonPath} is not valid JSON: ${(e as Error).message}`);
  }
  const files = (json as { articles?: { file?: string }[] })?.articles?.map((a) => a.file).filter((f): f is string => typeof f === "string") ?? [];
  const texts = new Map<string, string>();
  for (const f of files) {
    const p = path.join(seedDir, "articles", f);
    try {
      texts.set(f, await readFile(p, "utf8"));
    } catch {
      throw new SeedError(`Seed article missing: ${p}`);
    }
  }
  return { json, texts };
}

export function prepareSeed(json: unknown, texts: Map<string, string>): PreparedSeed {
  const parsed = seedFileSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new SeedError(`Seed file is not valid at ${i.path.join(".")}: ${i.message}`);
  }
  const file = parsed.data;
  const warnings: string[] = [];
  const entityKeys = new Set<string>();
  for (const e of file.entities) {
    if (entityKeys.has(e.key)) throw new SeedError(`Duplicate entity key "${e.key}"`);
    entityKeys.add(e.key);
  }
  const needEntity = (k: string, where: string) => {
    if (!entityKeys.has(k)) throw new SeedError(`${where} names unknown entity "${k}"`);
  };

  const articles: PreparedArticle[] = file.articles.map((a) => {
    const original = texts.get(a.file);
    if (original === undefined) throw new SeedError(`Seed article missing: ${a.file}`);
    const clean = cleanImportedText(original, { format: "txt" });
    const body = docFromText([...clean.highlights, ...clean.paragraphs].join("\n\n"), { dir: "rtl" });
    return {
      file: a.file,
      slug: a.slug,
      // what the text states wins; the curated file fills what it does not
      title: clean.title ?? a.titleAr,
      titleEn: a.titleEn ?? null,
      kicker: clean.kicker ?? a.kicker ?? null,
      summary: a.summaryEn ?? null,
      body,
      plainText: docToPlainText(body),
      originalText: original,
      outlet: clean.outlet ?? a.outlet ?? null,
      outletEn: a.outletEn ?? null,
      url: a.url ?? null,
      publishedOn: clean.publishedOn ? parsePreciseDate(clean.publishedOn.date) : a.publishedOn,
      byline: a.byline ?? null,
      checksum: clean.checksum,
    };
  });
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const articleOf = (f: string, where: string) => {
    const a = byFile.get(f);
    if (!a) throw new SeedError(`${where} cites unknown article "${f}"`);
    return a;
  };
  // a passage quoted from a line the cleaning removed (a dateline, boilerplate) cannot
  // be anchored in the body: it is reported, not fatal
  const cite = (f: string, quote: string, where: string): Anchor | null => {
    const a = articleOf(f, where);
    const anchor = anchorQuote(a.plainText, quote);
    if (!anchor) warnings.push(`${where}: «${quote}» is not in the clean body of ${f}`);
    return anchor;
  };

  const mentions: PreparedSeed["mentions"] = [];
  const seen = new Set<string>();
  for (const [i, m] of file.mentions.entries()) {
    needEntity(m.entity, `mentions[${i}]`);
    const a = articleOf(m.article, `mentions[${i}]`);
    const hits = findWholeWordOccurrences(a.plainText, m.quote);
    if (hits.length === 0) {
      warnings.push(`mentions[${i}]: «${m.quote}» (${m.entity}) is not in the body of ${m.article}`);
      continue;
    }
    for (const start of hits) {
      const k = `${m.article}|${m.entity}|${start}|${m.quote.length}`;
      if (seen.has(k)) continue;
      seen.add(k);
      mentions.push({ article: m.article, entity: m.entity, anchor: anchorAt(a.plainText, start, start + m.quote.length) });
    }
  }

  // where the curated forms of one entity nest ("البحرين" inside "مملكة البحرين"),
  // the longest span is the mention
  const nested = (m: PreparedSeed["mentions"][number]) =>
    mentions.some(
      (o) => o !== m && o.article === m.article && o.entity === m.entity && o.anchor.start <= m.anchor.start && o.anchor.end >= m.anchor.end && o.anchor.end - o.anchor.start > m.anchor.end - m.anchor.start,
    );
  const longest = mentions.filter((m) => !nested(m));
  mentions.length = 0;
  mentions.push(...longest);

  const relationCitations: PreparedSeed["relationCitations"] = [];
  for (const [i, r] of file.relations.entries()) {
    needEntity(r.from, `relations[${i}]`);
    needEntity(r.to, `relations[${i}]`);
    for (const c of r.citations) {
      const anchor = cite(c.article, c.quote, `relations[${i}]`);
      if (anchor) relationCitations.push({ relationIndex: i, article: c.article, anchor });
    }
  }

  const dateCitations: PreparedSeed["dateCitations"] = [];
  const aliases: PreparedSeed["aliases"] = [];
  for (const e of file.entities) {
    for (const c of e.dateCitations) {
      const anchor = cite(c.article, c.quote, `entity ${e.key}`);
      if (anchor) dateCitations.push({ entity: e.key, article: c.article, claim: c.claim, note: c.note ?? null, anchor });
    }
    const names = [
      { name: e.nameAr, lang: "ar", preferred: true },
      { name: e.nameEn, lang: "en", preferred: true },
      ...e.aliases.map((a) => ({ ...a, preferred: false })),
    ];
    const keys = new Set<string>();
    for (const n of names) {
      const normalized = normalizeNameKey(n.name);
      if (!normalized || keys.has(normalized)) continue;
      keys.add(normalized);
      aliases.push({ entity: e.key, name: n.name, normalized, lang: n.lang, script: scriptOf(n.name), preferred: n.preferred });
    }
  }

  for (const [i, item] of file.dossier.items.entries()) {
    if (item.article) articleOf(item.article, `dossier.items[${i}]`);
    if (item.entity) needEntity(item.entity, `dossier.items[${i}]`);
    if (!item.article === !item.entity) throw new SeedError(`dossier.items[${i}] must name exactly one article or entity`);
  }

  return { file, articles, mentions, relationCitations, dateCitations, aliases, warnings };
}
