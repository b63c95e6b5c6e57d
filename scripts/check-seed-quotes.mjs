#!/usr/bin/env node
// Validates seeds/ici-dossier.json against the article texts in seeds/articles/*.txt.
//
//   node scripts/check-seed-quotes.mjs [path/to/dossier.json] [--verbose]
//
// Checks: article files exist; every citation / dateCitation / mention quote is an exact
// substring of its article; mention quotes occur at least once as a whole word; entity
// keys are unique and every referenced key exists; entity types, relation types and
// dates are valid; minimum counts. Prints a summary, errors and warnings; exit code 1
// when there is any error. Plain Node ESM, no dependencies.
//
// Whole-word rule for mentions (the seed loader should use the same rule):
//   * the character after the match must not be a word character of the same script
//     as the quote's last character;
//   * before the match there may be up to three attached prefix letters (و ف ب ك ل)
//     when the quote starts with an Arabic letter, and the character before those must
//     not be a word character of the same script as the quote's first character.
//   Word characters: letters and combining marks of that script (Arabic includes the
//   tatweel ـ), plus ASCII and Arabic-Indic digits. A change of script is a boundary,
//   so "الأطلسيJames Appathurai" contains the whole words "الأطلسي" and "James".
//   Quotes that begin or end with punctuation (« » ( ) ") need no boundary on that side.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const jsonPath = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'seeds', 'ici-dossier.json'));
const articlesDir = join(root, 'seeds', 'articles');

const errors = [];
const warnings = [];
const err = (m) => errors.push(m);
const warn = (m) => warnings.push(m);

// ───────────────────────────── word matching

const PREFIX_LETTERS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;

function scriptOf(ch) {
  if (ch === undefined) return null;
  if (ch === '\u0640' || /[\p{Script=Arabic}]/u.test(ch) && /[\p{L}\p{M}]/u.test(ch)) return 'Arab';
  if (/[\p{Script=Latin}]/u.test(ch) && /[\p{L}\p{M}]/u.test(ch)) return 'Latn';
  if (/[\p{L}\p{M}]/u.test(ch)) return 'Other';
  return null;
}
function isWordChar(ch, script) {
  if (ch === undefined) return false;
  if (DIGIT.test(ch)) return true;
  return scriptOf(ch) === script;
}

/** Offsets [start, end) of every whole-word occurrence of quote in text. */
export function findWholeWord(text, quote) {
  const out = [];
  if (!quote) return out;
  const first = [...quote][0];
  const last = [...quote].at(-1);
  const sFirst = DIGIT.test(first) ? 'digit' : scriptOf(first);
  const sLast = DIGIT.test(last) ? 'digit' : scriptOf(last);
  let from = 0;
  for (;;) {
    const i = text.indexOf(quote, from);
    if (i < 0) break;
    from = i + 1;
    const j = i + quote.length;
    // right boundary
    if (sLast) {
      const next = text[j];
      if (sLast === 'digit' ? next !== undefined && DIGIT.test(next) : isWordChar(next, sLast)) continue;
    }
    // left boundary (with optional attached prefix letters for Arabic)
    if (sFirst) {
      let k = i;
      let ok = false;
      for (let n = 0; n <= 3; n++) {
        const prev = text[k - 1];
        const boundary = sFirst === 'digit' ? prev === undefined || !DIGIT.test(prev) : !isWordChar(prev, sFirst);
        if (boundary) { ok = true; break; }
        if (sFirst === 'Arab' && PREFIX_LETTERS.has(prev) && n < 3) { k--; continue; }
        break;
      }
      if (!ok) continue;
    }
    out.push([i, j]);
  }
  return out;
}

// ───────────────────────────── validators

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
function parseDate(s) {
  if (typeof s !== 'string') return null;
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = +m[1];
  const mo = m[2] ? +m[2] : null;
  const d = m[3] ? +m[3] : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null) {
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  }
  const precision = d !== null ? 'day' : mo !== null ? 'month' : 'year';
  // comparable range [lo, hi] as YYYYMMDD numbers
  const lo = y * 10000 + (mo ?? 1) * 100 + (d ?? 1);
  const hi = y * 10000 + (mo ?? 12) * 100 + (d ?? 31);
  return { y, mo, d, precision, lo, hi };
}
function checkDate(value, where, { nullable = true } = {}) {
  if (value === null || value === undefined) {
    if (!nullable) err(`${where}: date is required`);
    return null;
  }
  const p = parseDate(value);
  if (!p) err(`${where}: invalid date ${JSON.stringify(value)} (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return p;
}
function checkRange(start, end, where) {
  if (start && end && end.hi < start.lo) err(`${where}: end is before start`);
}
const isNonEmpty = (s) => typeof s === 'string' && s.trim().length > 0;
function requireString(obj, key, where, { nullable = false } = {}) {
  const v = obj?.[key];
  if (v === null && nullable) return;
  if (!isNonEmpty(v)) err(`${where}: "${key}" must be a non-empty string${nullable ? ' or null' : ''}`);
}
const hasArabic = (s) => /\p{Script=Arabic}/u.test(s);
const hasLatin = (s) => /\p{Script=Latin}/u.test(s);

const ENTITY_TYPES = new Set(['person', 'organization', 'event', 'place']);
const RELATION_TYPES = new Set([
  'holds_role_at', 'member_of', 'partner_of', 'leads', 'represents',
  'located_in', 'took_place_in', 'participated_in', 'hosted', 'organized',
]);
const KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CITATION_MIN = 20;
const CITATION_MAX = 200;

// ───────────────────────────── load

let data;
try {
  data = JSON.parse(readFileSync(jsonPath, 'utf8'));
} catch (e) {
  console.error(`cannot read ${jsonPath}: ${e.message}`);
  process.exit(1);
}
const articleFiles = existsSync(articlesDir) ? readdirSync(articlesDir).filter((f) => f.endsWith('.txt')).sort() : [];
if (!articleFiles.length) err(`no article files in ${articlesDir}`);
const texts = new Map(articleFiles.map((f) => [f, readFileSync(join(articlesDir, f), 'utf8')]));

function articleText(file, where) {
  if (typeof file !== 'string') { err(`${where}: article must be a file name`); return null; }
  const t = texts.get(file);
  if (t === undefined) err(`${where}: article file not found: ${file}`);
  return t ?? null;
}
function checkQuote(file, quote, where, { citation = false } = {}) {
  const t = articleText(file, where);
  if (!isNonEmpty(quote)) { err(`${where}: empty quote`); return; }
  if (t === null) return;
  if (!t.includes(quote)) err(`${where}: quote is not an exact substring of ${file}: «${quote}»`);
  if (citation) {
    const n = [...quote].length;
    if (n < CITATION_MIN || n > CITATION_MAX) err(`${where}: citation quote is ${n} chars (want ${CITATION_MIN}-${CITATION_MAX}): «${quote}»`);
    if (quote !== quote.trim()) warn(`${where}: quote has leading/trailing whitespace`);
  }
}

// ───────────────────────────── articles

const articles = Array.isArray(data.articles) ? data.articles : (err('"articles" must be an array'), []);
const articleSet = new Set();
const slugs = new Set();
articles.forEach((a, i) => {
  const where = `articles[${i}] (${a?.file})`;
  if (articleSet.has(a.file)) err(`${where}: duplicate article file`);
  articleSet.add(a.file);
  articleText(a.file, where);
  if (!KEY_RE.test(a.slug ?? '')) err(`${where}: slug must be kebab-case: ${a.slug}`);
  if (slugs.has(a.slug)) err(`${where}: duplicate slug ${a.slug}`);
  slugs.add(a.slug);
  requireString(a, 'titleAr', where);
  requireString(a, 'titleEn', where);
  requireString(a, 'summaryEn', where);
  for (const k of ['outlet', 'outletEn', 'url', 'byline']) {
    if (!(k in a)) err(`${where}: missing "${k}" (use null when unknown)`);
    else requireString(a, k, where, { nullable: true });
  }
  if ((a.outlet === null) !== (a.outletEn === null)) warn(`${where}: outlet and outletEn should both be set or both be null`);
  if (!('publishedOn' in a)) err(`${where}: missing "publishedOn" (use null when unknown)`);
  else checkDate(a.publishedOn, `${where}.publishedOn`);
  if (a.titleAr && !hasArabic(a.titleAr)) err(`${where}: titleAr has no Arabic`);
  if ('kicker' in a) requireString(a, 'kicker', where, { nullable: true });
});
for (const f of articleFiles) if (!articleSet.has(f)) err(`article file ${f} is not described in "articles"`);

// ───────────────────────────── entities

const entities = Array.isArray(data.entities) ? data.entities : (err('"entities" must be an array'), []);
const entityByKey = new Map();
entities.forEach((e, i) => {
  const where = `entities[${i}] (${e?.key})`;
  if (!KEY_RE.test(e.key ?? '')) err(`${where}: key must be kebab-case`);
  if (entityByKey.has(e.key)) err(`${where}: duplicate entity key`);
  entityByKey.set(e.key, e);
  if (!ENTITY_TYPES.has(e.type)) err(`${where}: invalid type ${e.type}`);
  if ('kind' in e && e.kind !== null && !KEY_RE.test(e.kind)) err(`${where}: kind must be a kebab-case string or null`);
  requireString(e, 'nameAr', where);
  requireString(e, 'nameEn', where);
  requireString(e, 'descriptionAr', where);
  requireString(e, 'descriptionEn', where);
  if (e.nameAr && !hasArabic(e.nameAr)) err(`${where}: nameAr has no Arabic`);
  if (!Array.isArray(e.aliases)) err(`${where}: aliases must be an array`);
  const seen = new Set();
  for (const [j, al] of (e.aliases ?? []).entries()) {
    const w = `${where}.aliases[${j}]`;
    if (!isNonEmpty(al?.name)) { err(`${w}: empty name`); continue; }
    if (al.lang !== 'ar' && al.lang !== 'en') err(`${w}: lang must be "ar" or "en"`);
    if (al.lang === 'ar' && !hasArabic(al.name)) err(`${w}: Arabic alias without Arabic letters: ${al.name}`);
    if (al.lang === 'en' && !hasLatin(al.name)) err(`${w}: English alias without Latin letters: ${al.name}`);
    if (al.name !== al.name.trim()) err(`${w}: leading/trailing whitespace`);
    if (seen.has(al.name)) err(`${w}: duplicate alias ${al.name}`);
    seen.add(al.name);
  }
  const s = checkDate(e.start, `${where}.start`, { nullable: e.type !== 'event' });
  const en = checkDate(e.end, `${where}.end`);
  checkRange(s, en, where);
  if (e.type === 'event') {
    if (!Array.isArray(e.dateCitations) || !e.dateCitations.length) err(`${where}: events need dateCitations`);
  } else if (e.dateCitations?.length) err(`${where}: dateCitations are for events only`);
  for (const [j, c] of (e.dateCitations ?? []).entries()) {
    const w = `${where}.dateCitations[${j}]`;
    checkQuote(c.article, c.quote, w, { citation: true });
    const cs = checkDate(c.claim, `${w}.claim`, { nullable: false });
    const ce = checkDate(c.claimEnd, `${w}.claimEnd`);
    checkRange(cs, ce, w);
    if ('note' in c && c.note !== null && !isNonEmpty(c.note)) err(`${w}: note must be a non-empty string or null`);
  }
  if (e.type === 'event' && s && e.dateCitations?.length) {
    const claims = e.dateCitations.map((c) => parseDate(c.claim)).filter(Boolean);
    // the chosen start must agree with at least one source claim (same day/month/year range)
    if (!claims.some((c) => c.lo <= s.lo && s.hi <= c.hi || s.lo <= c.lo && c.hi <= s.hi)) {
      err(`${where}: start ${e.start} agrees with none of its dateCitations`);
    }
    const days = new Set(claims.filter((c) => c.precision === 'day').map((c) => c.lo));
    if (days.size > 1 && !/(conflict|disagree|تختلف|تتعارض|خلاف)/i.test(`${e.descriptionEn} ${e.descriptionAr}`)) {
      warn(`${where}: sources give different days; say so in the description`);
    }
  }
});

// ───────────────────────────── relations

const relations = Array.isArray(data.relations) ? data.relations : (err('"relations" must be an array'), []);
const relKeys = new Set();
relations.forEach((r, i) => {
  const where = `relations[${i}] (${r?.from} ${r?.type} ${r?.to})`;
  if (!RELATION_TYPES.has(r.type)) err(`${where}: invalid relation type ${r.type}`);
  for (const k of ['from', 'to']) if (!entityByKey.has(r[k])) err(`${where}: unknown entity key ${r[k]}`);
  if (r.from === r.to) err(`${where}: relation to itself`);
  for (const k of ['roleAr', 'roleEn']) requireString(r, k, where, { nullable: true });
  if ((r.roleAr == null) !== (r.roleEn == null)) warn(`${where}: roleAr and roleEn should both be set or both be null`);
  if (r.type === 'holds_role_at' && !r.roleEn) err(`${where}: holds_role_at needs a role`);
  const s = checkDate(r.start, `${where}.start`);
  const en = checkDate(r.end, `${where}.end`);
  checkRange(s, en, where);
  if (!Array.isArray(r.citations) || !r.citations.length) err(`${where}: needs at least one citation`);
  for (const [j, c] of (r.citations ?? []).entries()) checkQuote(c.article, c.quote, `${where}.citations[${j}]`, { citation: true });
  const k = `${r.from}|${r.type}|${r.to}|${r.roleEn ?? ''}`;
  if (relKeys.has(k)) warn(`${where}: duplicate relation`);
  relKeys.add(k);
});

// ───────────────────────────── mentions

const mentions = Array.isArray(data.mentions) ? data.mentions : (err('"mentions" must be an array'), []);
const mentionKeys = new Set();
const spans = []; // {file, entity, quote, start, end}
const normalizeForAlias = (s) => s
  .replace(/[\u064B-\u065F\u0640]/g, '')
  .replace(/[«»"()\u201C\u201D]/g, ' ')
  .replace(/\s+/g, ' ')
  .trim();
mentions.forEach((m, i) => {
  const where = `mentions[${i}] (${m?.article} ${m?.entity} «${m?.quote}»)`;
  if (!entityByKey.has(m.entity)) err(`${where}: unknown entity key`);
  const t = articleText(m.article, where);
  if (!isNonEmpty(m.quote)) { err(`${where}: empty quote`); return; }
  if (m.quote !== m.quote.trim()) err(`${where}: leading/trailing whitespace`);
  const key = `${m.article}|${m.entity}|${m.quote}`;
  if (mentionKeys.has(key)) err(`${where}: duplicate mention row`);
  mentionKeys.add(key);
  if (t === null) return;
  if (!t.includes(m.quote)) { err(`${where}: not an exact substring`); return; }
  const hits = findWholeWord(t, m.quote);
  if (!hits.length) { err(`${where}: occurs only inside other words (whole-word rule)`); return; }
  for (const [s, e] of hits) spans.push({ file: m.article, entity: m.entity, quote: m.quote, start: s, end: e });
  // names used in the text should be aliases (events are described, not named)
  const ent = entityByKey.get(m.entity);
  if (ent && ent.type !== 'event') {
    const q = normalizeForAlias(m.quote);
    // "لل" = preposition ل + article ال with its alef dropped (للجوار = ل + الجوار)
    const forms = q.startsWith('لل') ? [q, `ا${q.slice(1)}`] : [q];
    const names = [ent.nameAr, ent.nameEn, ...(ent.aliases ?? []).map((a) => a.name)].filter(Boolean).map(normalizeForAlias);
    if (!names.some((n) => forms.some((f) => f === n || f.includes(n)))) warn(`${where}: quote contains none of the entity's names/aliases`);
  }
});

// overlaps between anchored spans
const sameEntityNested = [];
const crossEntity = [];
const byFile = Map.groupBy ? Map.groupBy(spans, (s) => s.file) : spans.reduce((m, s) => m.set(s.file, [...(m.get(s.file) ?? []), s]), new Map());
for (const [file, list] of byFile) {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length && list[j].start < list[i].end; j++) {
      const a = list[i];
      const b = list[j];
      if (a.entity === b.entity) {
        if (a.start === b.start && a.end === b.end) err(`${file}: the same span is anchored twice for ${a.entity} («${a.quote}» / «${b.quote}»)`);
        else sameEntityNested.push({ file, a, b });
      } else {
        crossEntity.push({ file, a, b });
      }
    }
  }
}

// ───────────────────────────── dossier

const dossier = data.dossier;
if (!dossier || typeof dossier !== 'object') err('"dossier" missing');
else {
  if (!KEY_RE.test(dossier.slug ?? '')) err('dossier.slug must be kebab-case');
  for (const k of ['titleAr', 'titleEn', 'introAr', 'introEn']) requireString(dossier, k, 'dossier');
  for (const k of ['introAr', 'introEn']) {
    const n = (dossier[k] ?? '').split(/\n\n+/).filter((p) => p.trim()).length;
    if (n < 2 || n > 4) err(`dossier.${k}: want 2-4 paragraphs separated by blank lines, got ${n}`);
  }
  if (!Array.isArray(dossier.items) || !dossier.items.length) err('dossier.items must be a non-empty array');
  const seenItems = new Set();
  for (const [i, it] of (dossier.items ?? []).entries()) {
    const where = `dossier.items[${i}]`;
    const hasA = it.article !== null && it.article !== undefined;
    const hasE = it.entity !== null && it.entity !== undefined;
    if (hasA === hasE) err(`${where}: exactly one of article / entity must be set`);
    if (hasA && !articleSet.has(it.article)) err(`${where}: unknown article ${it.article}`);
    if (hasE && !entityByKey.has(it.entity)) err(`${where}: unknown entity ${it.entity}`);
    const k = hasA ? `a:${it.article}` : `e:${it.entity}`;
    if (seenItems.has(k)) err(`${where}: duplicate item ${k}`);
    seenItems.add(k);
    requireString(it, 'noteAr', where);
    requireString(it, 'noteEn', where);
  }
  for (const f of articleSet) if (!seenItems.has(`a:${f}`)) warn(`dossier: article ${f} is not an item`);
}

// ───────────────────────────── coverage

const count = (type, pred = () => true) => entities.filter((e) => e.type === type && pred(e)).length;
const counts = {
  articles: articles.length,
  people: count('person'),
  organizations: count('organization'),
  events: count('event'),
  eventsWithStart: count('event', (e) => !!parseDate(e.start)),
  places: count('place'),
  relations: relations.length,
  relationCitations: relations.reduce((n, r) => n + (r.citations?.length ?? 0), 0),
  dateCitations: entities.reduce((n, e) => n + (e.dateCitations?.length ?? 0), 0),
  mentionRows: mentions.length,
  anchoredSpans: spans.length,
  dossierItems: dossier?.items?.length ?? 0,
};
const minimum = { articles: 5, people: 8, organizations: 12, eventsWithStart: 12, relations: 20 };
for (const [k, min] of Object.entries(minimum)) if (counts[k] < min) err(`coverage: ${k} = ${counts[k]}, want >= ${min}`);
if (counts.articles !== articleFiles.length) err(`coverage: ${counts.articles} articles described, ${articleFiles.length} files`);

const mentioned = new Set(mentions.map((m) => m.entity));
const unmentioned = entities.filter((e) => !mentioned.has(e.key)).map((e) => e.key);
const referenced = new Set([...relations.flatMap((r) => [r.from, r.to]), ...(dossier?.items ?? []).map((i) => i.entity).filter(Boolean)]);
const orphan = entities.filter((e) => !referenced.has(e.key)).map((e) => e.key);

// ───────────────────────────── report

console.log(`checked ${jsonPath}`);
console.log('counts:', Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(', '));
const perArticle = articleFiles.map((f) => `${f.slice(0, 3)}: ${spans.filter((s) => s.file === f).length}`).join(', ');
console.log(`anchored mention spans per article: ${perArticle}`);
const conflicts = entities.filter((e) => new Set((e.dateCitations ?? []).map((c) => c.claim)).size > 1);
for (const e of conflicts) {
  console.log(`date claims for ${e.key} (start ${e.start}): ${e.dateCitations.map((c) => `${c.article.slice(0, 3)}→${c.claim}`).join(', ')}`);
}
if (unmentioned.length) console.log(`entities without any mention: ${unmentioned.join(', ')}`);
if (orphan.length) console.log(`entities in no relation and no dossier item: ${orphan.join(', ')}`);
console.log(`same-entity nested spans (a short form inside a longer form of the same entity; a loader should keep the longest): ${sameEntityNested.length}`);
console.log(`cross-entity overlapping spans (a name inside another name that genuinely refers to it): ${crossEntity.length}`);
if (verbose) {
  for (const { file, a, b } of crossEntity) console.log(`  ${file.slice(0, 3)} ${a.entity} «${a.quote}» ⊇ ${b.entity} «${b.quote}» @${b.start}`);
  for (const { file, a, b } of sameEntityNested) console.log(`  ${file.slice(0, 3)} ${a.entity}: «${a.quote}» ⊇ «${b.quote}» @${b.start}`);
}
for (const w of warnings) console.log(`WARNING ${w}`);
for (const e of errors) console.log(`ERROR ${e}`);
console.log(errors.length ? `${errors.length} error(s), ${warnings.length} warning(s)` : `OK — no errors, ${warnings.length} warning(s)`);
process.exit(errors.length ? 1 : 0);
