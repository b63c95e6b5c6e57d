// Benchmark corpus: N realistic Arabic press articles inserted straight with `pg`
// (batches of ~1000 rows, one multi-row INSERT … SELECT FROM unnest(…) per batch in
// its own transaction, the next batch generated while PostgreSQL stores the last),
// plus a few staff users to author them.
//
// The text is recombined from the five seed articles (seeds/articles/*.txt, read and
// cleaned at run time with the app's own import cleaner): shuffled sentences with a
// few words swapped for other words of the same vocabulary, so every article is
// unique but reads like the real ones. Everything but ids is drawn from a seeded PRNG,
// so two runs with the same seed produce the same corpus.
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { cleanImportedText, checksumOf } from "../../lib/articles/clean";
import { shingles, simhash as appSimhash } from "../../lib/articles/fingerprint";
import { hashPassword } from "../../lib/auth/password";
import { ROOT } from "../../lib/setup/generate";
import { articleSearchRow, UPSERT_ARTICLE_DOCUMENTS_SQL } from "../../lib/search/rows";
import type { BenchEntity } from "./entities";

// ───────────────────────────── staff

export const BENCH_STAFF_PASSWORD = "bench-staff-password-1234";

const STAFF: { email: string; name: string; role: "editor" | "contributor" }[] = [
  { email: "layla.haddad@bench.test", name: "ليلى حداد", role: "editor" },
  { email: "yousef.alkhatib@bench.test", name: "يوسف الخطيب", role: "editor" },
  { email: "maryam.alali@bench.test", name: "مريم العلي", role: "contributor" },
  { email: "omar.alnajjar@bench.test", name: "عمر النجار", role: "contributor" },
  { email: "huda.alsaleh@bench.test", name: "هدى الصالح", role: "contributor" },
];

/** A cuid-like id: "c" + 24 random base-36 characters. */
export function benchId(): string {
  const bytes = randomBytes(24);
  let out = "c";
  for (const b of bytes) out += (b % 36).toString(36);
  return out;
}

/** Creates (or finds) a few staff users (password BENCH_STAFF_PASSWORD); returns their ids. */
export async function seedStaff(url: string): Promise<string[]> {
  const passwordHash = await hashPassword(BENCH_STAFF_PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids: string[] = [];
    for (const s of STAFF) {
      const r = await client.query<{ id: string }>(
        `INSERT INTO "users" ("id", "email", "name", "passwordHash", "role", "updatedAt")
         VALUES ($1, $2, $3, $4, $5::"Role", now())
         ON CONFLICT ("email") DO UPDATE SET "name" = EXCLUDED."name"
         RETURNING "id"`,
        [benchId(), s.email, s.name, passwordHash, s.role],
      );
      ids.push(r.rows[0]!.id);
    }
    return ids;
  } finally {
    await client.end();
  }
}

// ───────────────────────────── vocabulary from the seed articles

export type Vocabulary = {
  /** sentences of the seed bodies */
  sentences: string[];
  /** every word of the seed bodies (with repetitions: frequent words stay frequent) */
  words: string[];
  /** paragraphs as word lists, for titles cut out of running text */
  runs: string[][];
};

const EDGE_PUNCT = /^[\s"'«»“”()\[\]\-–—.,،:;؛!?؟]+|[\s"'«»“”()\[\]\-–—.,،:;؛!?؟]+$/gu;
const ARABIC_WORD = /^[\u0621-\u064A\u0671-\u06D3]{2,}$/u;

export async function loadVocabulary(seedDir = path.join(ROOT, "seeds", "articles")): Promise<Vocabulary> {
  const files = (await readdir(seedDir)).filter((f) => f.endsWith(".txt")).sort();
  if (files.length === 0) throw new Error(`no seed articles (*.txt) in ${seedDir}`);
  const sentences: string[] = [];
  const words: string[] = [];
  const runs: string[][] = [];
  for (const f of files) {
    const cleaned = cleanImportedText(await readFile(path.join(seedDir, f), "utf8"));
    for (const para of cleaned.paragraphs) {
      const paraWords = para.split(/\s+/).filter(Boolean);
      if (paraWords.length >= 8) runs.push(paraWords);
      for (const s of para.split(/(?<=[.!؟?])\s+/u)) {
        if (s.split(/\s+/).length >= 6) sentences.push(s.trim());
      }
      for (const w of paraWords) {
        const bare = w.replace(EDGE_PUNCT, "");
        if (ARABIC_WORD.test(bare)) words.push(bare);
      }
    }
  }
  if (sentences.length < 10 || runs.length < 3) throw new Error(`the seed articles in ${seedDir} hold too little text for a corpus`);
  return { sentences, words, runs };
}

// ───────────────────────────── random helpers (seeded)

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/** picks a key of `weights` with probability proportional to its weight */
function weighted<K extends string>(r: Rand, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}

// ───────────────────────────── article content

export const OUTLETS: readonly { ar: string; en: string; host: string }[] = [
  { ar: "الشرق الأوسط", en: "Asharq Al-Awsat", host: "aawsat.com" },
  { ar: "القبس", en: "Al-Qabas", host: "alqabas.com" },
  { ar: "الرأي", en: "Al-Rai", host: "alraimedia.com" },
  { ar: "الوطن", en: "Al-Watan", host: "alwatan.com" },
  { ar: "الأيام", en: "Al-Ayam", host: "alayam.com" },
  { ar: "الخليج", en: "Al Khaleej", host: "alkhaleej.ae" },
  { ar: "الاتحاد", en: "Al Ittihad", host: "aletihad.ae" },
  { ar: "وكالة أنباء البحرين", en: "Bahrain News Agency", host: "bna.bh" },
  { ar: "وكالة الأنباء الكويتية", en: "Kuwait News Agency", host: "kuna.net.kw" },
  { ar: "العربي الجديد", en: "The New Arab", host: "alaraby.co.uk" },
  { ar: "عرب فايف", en: "Arab Five", host: "arab5.com" },
];

const BYLINES = ["مراسل الصحيفة", "خاص", "أحمد السيد", "فاطمة الزهراني", "محمد العنزي", "سارة المطيري", "وكالات"];

type State = "published" | "draft" | "in_review" | "archived";
const STATE_WEIGHTS: Record<State, number> = { published: 60, draft: 20, in_review: 15, archived: 5 };
const PRECISION_WEIGHTS = { day: 85, month: 10, year: 5 } as const;

export type GeneratedArticle = {
  id: string;
  slug: string;
  title: string;
  body: string; // tiptap JSON, serialized
  plainText: string;
  outlet: string;
  outletEn: string;
  url: string | null;
  publishedOn: string; // YYYY-MM-DD
  publishedOnPrecision: "day" | "month" | "year";
  byline: string | null;
  checksum: string;
  simhash: string; // signed 64-bit, decimal
  state: State;
  publishedAt: string | null;
  createdById: string;
  updatedById: string;
  createdAt: string;
  updatedAt: string;
  /** passages naming generated entities (confirmed when the entity is published) */
  mentions: { entityId: string; confirmed: boolean; exact: string; start: number; end: number; prefix: string; suffix: string }[];
};

const MENTION_TEMPLATES: Record<BenchEntity["type"], [string, string]> = {
  person: ["وقال ", " إن التعاون مع الحلف مستمر."],
  organization: ["وأشار بيان صادر عن ", " إلى أهمية الشراكة الإقليمية."],
  place: ["وعقد الاجتماع في ", " بحضور ممثلين عن الدول الأعضاء."],
  event: ["وجاء ذلك على هامش ", " في حضور عدد من السفراء."],
};

function paragraphOf(r: Rand, v: Vocabulary, targetWords: number): string {
  const parts: string[] = [];
  let count = 0;
  while (count < targetWords) {
    let words = pick(r, v.sentences).split(" ");
    // swap a word or two for another word of the vocabulary: every article is unique
    if (r() < 0.5) {
      words = words.slice();
      for (let k = int(r, 1, 2); k > 0; k--) {
        const i = int(r, 0, words.length - 1);
        if (ARABIC_WORD.test(words[i]!)) words[i] = pick(r, v.words);
      }
    }
    parts.push(words.join(" "));
    count += words.length;
  }
  return parts.join(" ");
}

function titleOf(r: Rand, v: Vocabulary): string {
  const run = pick(r, v.runs);
  const len = Math.min(int(r, 8, 16), run.length);
  const start = int(r, 0, run.length - len);
  const words = run
    .slice(start, start + len)
    .map((w) => w.replace(/["«»“”()]/gu, ""))
    .filter(Boolean);
  return words.join(" ").replace(EDGE_PUNCT, "");
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function articleOf(r: Rand, v: Vocabulary, index: number, slugPrefix: string, staffIds: string[], now: number, entities: readonly BenchEntity[]): GeneratedArticle {
  const targetWords = int(r, 400, 850); // the last sentence overshoots: ~400–900 words
  const paragraphs: string[] = [];
  for (let total = 0; total < targetWords; ) {
    const p = paragraphOf(r, v, Math.min(int(r, 40, 120), Math.max(25, targetWords - total)));
    paragraphs.push(p);
    total += p.split(" ").length;
  }
  // a few sentences naming entities (popular ones more often), under any of their spellings
  const named: { paragraph: number; at: number; entity: BenchEntity; exact: string }[] = [];
  if (entities.length) {
    for (let k = int(r, 3, 7); k > 0; k--) {
      const entity = entities[Math.floor(entities.length * r() * r())]!;
      const exact = pick(r, entity.spellings);
      const [before, after] = MENTION_TEMPLATES[entity.type];
      const paragraph = int(r, 0, paragraphs.length - 1);
      const at = paragraphs[paragraph]!.length + 1 + before.length;
      paragraphs[paragraph] += ` ${before}${exact}${after}`;
      named.push({ paragraph, at, entity, exact });
    }
  }
  const plainText = paragraphs.join("\n\n");
  const paragraphStart: number[] = [];
  for (let i = 0, off = 0; i < paragraphs.length; off += paragraphs[i]!.length + 2, i++) paragraphStart.push(off);
  const mentions = named.map((m) => {
    const start = paragraphStart[m.paragraph]! + m.at;
    const end = start + m.exact.length;
    return { entityId: m.entity.id, confirmed: m.entity.state === "published", exact: m.exact, start, end, prefix: plainText.slice(Math.max(0, start - 32), start), suffix: plainText.slice(end, end + 32) };
  });
  const body = {
    type: "doc",
    content: paragraphs.map((text) => ({ type: "paragraph", attrs: { dir: "rtl" }, content: [{ type: "text", text }] })),
  };

  const outlet = pick(r, OUTLETS);
  const precision = weighted(r, PRECISION_WEIGHTS);
  const y = int(r, 2004, 2025);
  const m = precision === "year" ? 1 : int(r, 1, 12);
  const d = precision === "day" ? int(r, 1, new Date(Date.UTC(y, m, 0)).getUTCDate()) : 1;
  const publishedOn = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

  const state = weighted(r, STATE_WEIGHTS);
  const updatedAt = now - Math.floor(r() * 365 * DAY);
  const createdAt = updatedAt - Math.floor(r() * 60 * DAY);
  const publishedAt = state === "published" || state === "archived" ? createdAt + Math.floor(r() * (updatedAt - createdAt)) : null;
  const createdById = pick(r, staffIds);
  const slug = `${slugPrefix}-${index}`;

  return {
    id: benchId(),
    slug,
    title: titleOf(r, v),
    body: JSON.stringify(body),
    plainText,
    outlet: outlet.ar,
    outletEn: outlet.en,
    url: r() < 0.7 ? `https://${outlet.host}/news/${slug}` : null,
    publishedOn,
    publishedOnPrecision: precision,
    byline: r() < 0.4 ? pick(r, BYLINES) : null,
    checksum: checksumOf(plainText),
    simhash: fastSimhash(plainText).toString(),
    state,
    publishedAt: publishedAt === null ? null : iso(publishedAt),
    createdById,
    updatedById: r() < 0.7 ? createdById : pick(r, staffIds),
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    mentions,
  };
}

// ───────────────────────────── SimHash, the app's algorithm without BigInt

/**
 * lib/articles/fingerprint.ts `simhash`, computed with 32-bit halves instead of BigInt
 * (about 3× faster: it matters for 100,000 articles). Checked against the app's
 * function on the first article of every run, so the two cannot drift apart silently.
 */
export function fastSimhash(text: string): bigint {
  const counts = new Int32Array(64);
  for (const sh of shingles(text)) {
    // FNV-1a 64: h ^= c; h *= 0x100000001b3 (= 2^40 + 0x1b3), modulo 2^64
    let hi = 0xcbf29ce4;
    let lo = 0x84222325;
    for (let i = 0; i < sh.length; i++) {
      lo = (lo ^ sh.charCodeAt(i)) >>> 0;
      const loMul = lo * 0x1b3; // < 2^41: exact
      const carry = Math.floor(loMul / 4294967296);
      hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
      lo = loMul >>> 0;
    }
    for (let bit = 0; bit < 32; bit++) {
      counts[bit] += (lo >>> bit) & 1 ? 1 : -1;
      counts[bit + 32] += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (counts[bit]! > 0) lo |= 1 << bit;
    if (counts[bit + 32]! > 0) hi |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

// ───────────────────────────── insertion

const COLUMNS: [name: string, type: string][] = [
  ["id", "text"],
  ["slug", "text"],
  ["title", "text"],
  ["body", "jsonb"],
  ["plainText", "text"],
  ["originalText", "text"],
  ["outlet", "text"],
  ["outletEn", "text"],
  ["url", "text"],
  ["publishedOn", "date"],
  ["publishedOnPrecision", '"DatePrecision"'],
  ["byline", "text"],
  ["checksum", "text"],
  ["simhash", "bigint"],
  ["state", '"WorkflowState"'],
  ["publishedAt", "timestamp(3)"],
  ["createdById", "text"],
  ["updatedById", "text"],
  ["createdAt", "timestamp(3)"],
  ["updatedAt", "timestamp(3)"],
];

// one parameter per column (an array of the batch's values): no 65,535-parameter limit
const INSERT_SQL = `INSERT INTO "articles" (${COLUMNS.map(([c]) => `"${c}"`).join(", ")}, "originalFormat", "language", "version")
SELECT *, 'txt', 'ar', 1 FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ")})`;

const MENTIONS_SQL = `INSERT INTO "mentions" ("id", "articleId", "entityId", "exact", "prefix", "suffix", "start", "end", "state", "source", "createdAt", "updatedAt")
SELECT x.id, x.a, x.e, x.exact, x.prefix, x.suffix, x.s, x.f, x.state::"MentionState", 'import', x.at, x.at
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::timestamp(3)[]) AS x(id, a, e, exact, prefix, suffix, s, f, state, at)
ON CONFLICT DO NOTHING`;

function columnsOf(batch: GeneratedArticle[]): unknown[][] {
  return COLUMNS.map(([c]) => batch.map((a) => (c === "originalText" ? a.plainText : (a as Record<string, unknown>)[c])));
}

export type GenerateOptions = {
  /** PRNG seed: the same seed gives the same texts, dates and states (default 1) */
  seed?: number;
  /** rows per INSERT / transaction (default 1000) */
  batchSize?: number;
  /** slugs are `${slugPrefix}-${offset + i}` (default "bench", 0): pass another offset to add more later */
  slugPrefix?: string;
  offset?: number;
  /** authors; default: seedStaff(url) */
  staffIds?: string[];
  /** entities the articles name (see generateEntities); none: articles without mentions */
  entities?: readonly BenchEntity[];
  /** called after every committed batch */
  onProgress?: (inserted: number, total: number) => void;
};

export type GenerateResult = {
  inserted: number;
  ms: number;
  /** of which spent waiting for PostgreSQL (INSERTs not overlapped with generation, VACUUM ANALYZE) */
  waitMs: number;
  staffIds: string[];
  /** how many articles of each state */
  states: Record<State, number>;
  /** the most frequent title word of 5+ letters (a realistic search term) and in how many titles it occurs */
  commonTitleWord: { word: string; titles: number };
};

/** Inserts `n` realistic articles into the database at `url`, then VACUUM ANALYZEs the table. */
export async function generateArticles(url: string, n: number, opts: GenerateOptions = {}): Promise<GenerateResult> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 1000;
  const slugPrefix = opts.slugPrefix ?? "bench";
  const offset = opts.offset ?? 0;
  const vocab = await loadVocabulary();
  const staffIds = opts.staffIds ?? (await seedStaff(url));
  if (staffIds.length === 0) throw new Error("generateArticles: no staff ids to author the articles");
  const r = prng(opts.seed ?? 1);
  const now = Date.now();
  const states: Record<State, number> = { published: 0, draft: 0, in_review: 0, archived: 0 };
  const titleWords = new Map<string, number>();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const insert = async (batch: GeneratedArticle[]) => {
    const search = batch.map((a) => articleSearchRow({ title: a.title, titleEn: null, kicker: null, summary: null, outlet: a.outlet, outletEn: a.outletEn, plainText: a.plainText }));
    const mentions = batch.flatMap((a) => a.mentions.map((m) => ({ ...m, articleId: a.id, id: benchId(), at: a.createdAt })));
    await client.query("BEGIN");
    try {
      await client.query(INSERT_SQL, columnsOf(batch));
      await client.query(UPSERT_ARTICLE_DOCUMENTS_SQL, [batch.map((a) => a.id), search.map((x) => x.tsv), search.map((x) => x.head), search.map((x) => x.names)]);
      if (mentions.length) {
        await client.query(MENTIONS_SQL, [
          mentions.map((m) => m.id),
          mentions.map((m) => m.articleId),
          mentions.map((m) => m.entityId),
          mentions.map((m) => m.exact),
          mentions.map((m) => m.prefix),
          mentions.map((m) => m.suffix),
          mentions.map((m) => m.start),
          mentions.map((m) => m.end),
          mentions.map((m) => (m.confirmed ? "confirmed" : "suggested")),
          mentions.map((m) => m.at),
        ]);
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
  };
  // Pipelined: PostgreSQL stores batch k while this process generates batch k+1.
  let inFlight: { done: Promise<void>; size: number } | null = null;
  let committed = 0;
  let waitMs = 0;
  const settle = async () => {
    if (!inFlight) return;
    const t = performance.now();
    const { done, size } = inFlight;
    inFlight = null;
    await done;
    waitMs += performance.now() - t;
    committed += size;
    opts.onProgress?.(committed, n);
  };
  try {
    for (let generated = 0; generated < n; ) {
      const batch: GeneratedArticle[] = [];
      for (const end = Math.min(n, generated + batchSize); generated < end; generated++) {
        const a = articleOf(r, vocab, offset + generated + 1, slugPrefix, staffIds, now, opts.entities ?? []);
        if (generated === 0 && BigInt(a.simhash) !== appSimhash(a.plainText)) {
          throw new Error("corpus fastSimhash disagrees with lib/articles/fingerprint.ts simhash: update scripts/bench/corpus.ts");
        }
        states[a.state]++;
        for (const w of new Set(a.title.split(" "))) if (w.length >= 5 && ARABIC_WORD.test(w)) titleWords.set(w, (titleWords.get(w) ?? 0) + 1);
        batch.push(a);
        // let the previous batch's bytes flow to PostgreSQL, and signals be handled, while generating
        if (generated % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await settle();
      const done = insert(batch);
      done.catch(() => {}); // awaited by settle(); this only marks a failure as handled meanwhile
      inFlight = { done, size: batch.length };
    }
    await settle();
    const tAnalyze = performance.now();
    // steady state: visibility map, hint bits and planner statistics
    for (const table of ["articles", "mentions", "search_documents"]) await client.query(`VACUUM (ANALYZE) "${table}"`);
    waitMs += performance.now() - tAnalyze;
  } finally {
    await client.end().catch(() => {});
  }

  const [word, titles] = [...titleWords].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ["", 0];
  return { inserted: n, ms: performance.now() - t0, waitMs, staffIds, states, commonTitleWord: { word, titles } };
}
