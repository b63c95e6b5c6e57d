// Benchmark entities: people, organizations, places and events with Arabic names and
// the spelling variants real transliterations show (س/ش, غ/ج/ك, an optional ي), an
// English name, aliases, and their index rows; the generated articles name them
// (scripts/bench/corpus.ts) under any spelling, so search must expand through aliases.
import pg from "pg";
import { normalizeNameKey } from "../../lib/arabic/normalize";
import { entitySearchRow, UPSERT_ENTITY_DOCUMENTS_SQL } from "../../lib/search/rows";
import { benchId, prng } from "./corpus";

export type BenchEntity = {
  id: string;
  slug: string;
  type: "person" | "organization" | "place" | "event";
  nameAr: string;
  nameEn: string;
  /** every Arabic spelling (nameAr first); aliases are the others */
  spellings: string[];
  state: "published" | "draft";
};

const SYLLABLES: [ar: string, en: string][] = [
  ["ما", "ma"], ["ر", "r"], ["كو", "ko"], ["لين", "lin"], ["فان", "van"], ["دير", "der"], ["تو", "to"], ["بير", "ber"],
  ["سون", "son"], ["ها", "ha"], ["نس", "ns"], ["ري", "ri"], ["مو", "mo"], ["لا", "la"], ["دو", "do"], ["فيل", "vil"],
];
const FIRST = ["سالم", "خالد", "منى", "راشد", "عبدالله", "نورة", "فيصل", "هند", "طارق", "ليلى", "يوسف", "دانة", "حمد", "مريم", "ناصر", "عائشة"];
const FIRST_EN = ["Salem", "Khaled", "Mona", "Rashed", "Abdullah", "Noura", "Faisal", "Hind", "Tareq", "Layla", "Yousef", "Dana", "Hamad", "Maryam", "Nasser", "Aisha"];
const ORG_HEAD = ["مركز", "معهد", "مجلس", "هيئة", "منتدى", "اتحاد"];
const ORG_HEAD_EN = ["Centre", "Institute", "Council", "Authority", "Forum", "Union"];
const ORG_TAIL = ["للدراسات الاستراتيجية", "للتعاون الإقليمي", "للأمن البحري", "للحوار", "للطاقة", "للتدريب الدفاعي"];
const ORG_TAIL_EN = ["for Strategic Studies", "for Regional Cooperation", "for Maritime Security", "for Dialogue", "for Energy", "for Defence Training"];
const EVENT_HEAD = ["مؤتمر", "قمة", "اجتماع", "منتدى", "ندوة"];
const EVENT_HEAD_EN = ["Conference", "Summit", "Meeting", "Forum", "Seminar"];

/** a transliterated family name and its variants: initial س/ش, final غ/ج/ك, an inserted ي */
function foreignName(r: () => number): { spellings: string[]; en: string } {
  const n = 2 + Math.floor(r() * 2);
  let ar = "";
  let en = "";
  for (let i = 0; i < n; i++) {
    const [a, e] = SYLLABLES[Math.floor(r() * SYLLABLES.length)]!;
    ar += a;
    en += e;
  }
  const base = `ست${ar}غ`;
  const spellings = [base, `شت${ar}غ`, `ست${ar}ج`, `ست${ar}يغ`];
  return { spellings: spellings.slice(0, 2 + Math.floor(r() * 3)), en: `St${en}g`.replace(/^./, (c) => c.toUpperCase()) };
}

/** `count` entities (about 90 % published), deterministic for a seed. */
export function makeEntities(count: number, seed = 7): BenchEntity[] {
  const r = prng(seed);
  const out: BenchEntity[] = [];
  for (let i = 0; i < count; i++) {
    const x = r();
    const type: BenchEntity["type"] = x < 0.5 ? "person" : x < 0.75 ? "organization" : x < 0.9 ? "place" : "event";
    const k = Math.floor(r() * 16);
    const tag = ` ${i + 1}`;
    let spellings: string[];
    let nameEn: string;
    if (type === "person") {
      const f = foreignName(r);
      spellings = f.spellings.map((s) => `${FIRST[k]} ${s}`);
      nameEn = `${FIRST_EN[k]} ${f.en}`;
    } else if (type === "organization") {
      const h = Math.floor(r() * ORG_HEAD.length);
      const t = Math.floor(r() * ORG_TAIL.length);
      const f = foreignName(r);
      spellings = f.spellings.map((s) => `${ORG_HEAD[h]} ${s} ${ORG_TAIL[t]}`);
      nameEn = `${f.en} ${ORG_HEAD_EN[h]} ${ORG_TAIL_EN[t]}`;
    } else if (type === "place") {
      const f = foreignName(r);
      spellings = f.spellings.map((s) => `مدينة ${s}`);
      nameEn = `${f.en} City`;
    } else {
      const h = Math.floor(r() * EVENT_HEAD.length);
      const f = foreignName(r);
      spellings = f.spellings.map((s) => `${EVENT_HEAD[h]} ${s}`);
      nameEn = `${f.en} ${EVENT_HEAD_EN[h]}`;
    }
    out.push({ id: benchId(), slug: `bench-entity-${i + 1}`, type, nameAr: spellings[0]!, nameEn: `${nameEn}${tag}`, spellings, state: r() < 0.9 ? "published" : "draft" });
  }
  return out;
}

/** Writes the entities, their aliases and index rows in one transaction. */
export async function insertEntities(url: string, entities: readonly BenchEntity[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "entities" ("id", "slug", "type", "nameAr", "nameEn", "state", "publishedAt", "updatedAt")
       SELECT x.id, x.slug, x.type::"EntityType", x.ar, x.en, x.state::"WorkflowState", CASE WHEN x.state = 'published' THEN now() END, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(id, slug, type, ar, en, state)`,
      [entities.map((e) => e.id), entities.map((e) => e.slug), entities.map((e) => e.type), entities.map((e) => e.nameAr), entities.map((e) => e.nameEn), entities.map((e) => e.state)],
    );
    const aliases = entities.flatMap((e) => [
      ...e.spellings.map((name, i) => ({ entityId: e.id, name, lang: "ar", script: "Arab", preferred: i === 0 })),
      { entityId: e.id, name: e.nameEn, lang: "en", script: "Latn", preferred: true },
    ]);
    await client.query(
      `INSERT INTO "entity_aliases" ("id", "entityId", "name", "normalized", "lang", "script", "preferred")
       SELECT x.id, x.e, x.name, x.norm, x.lang, x.script, x.pref FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[]) AS x(id, e, name, norm, lang, script, pref)
       ON CONFLICT DO NOTHING`,
      [
        aliases.map(() => benchId()),
        aliases.map((a) => a.entityId),
        aliases.map((a) => a.name),
        aliases.map((a) => normalizeNameKey(a.name)),
        aliases.map((a) => a.lang),
        aliases.map((a) => a.script),
        aliases.map((a) => a.preferred),
      ],
    );
    const rows = entities.map((e) => entitySearchRow({ nameAr: e.nameAr, nameEn: e.nameEn, kind: null, descriptionAr: null, descriptionEn: null, aliases: e.spellings.map((name) => ({ name })) }));
    await client.query(UPSERT_ENTITY_DOCUMENTS_SQL, [entities.map((e) => e.id), rows.map((x) => x.tsv), rows.map((x) => x.head), rows.map((x) => x.names)]);
    await client.query("COMMIT");
    for (const table of ["entities", "entity_aliases"]) await client.query(`VACUUM (ANALYZE) "${table}"`);
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
