/**
 * Cleaning of imported press articles (mostly Arabic) for Sijill.
 *
 * Pure module: no I/O, no globals mutated. Takes scraped text (plain text,
 * Markdown or HTML) and returns the clean body paragraphs plus whatever
 * metadata can be read off the header (title, kicker, highlights, outlet,
 * publication date), the boilerplate lines that were dropped, and a checksum
 * for duplicate detection.
 *
 * All rules are generic and line based; see the section comments below.
 */
import { createHash } from "node:crypto";

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export type DatePrecision = "day" | "month" | "year";

export interface ParsedDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY depending on precision. */
  date: string;
  precision: DatePrecision;
}

export interface FoundDate extends ParsedDate {
  /** Offsets into the string given to findDates (end exclusive). */
  start: number;
  end: number;
}

export interface CleanOptions {
  format?: "txt" | "md" | "html";
}

export interface CleanResult {
  /** The raw input, unchanged. */
  original: string;
  title: string | null;
  kicker: string | null;
  highlights: string[];
  /** The clean body paragraphs, in order. */
  paragraphs: string[];
  /** paragraphs joined with "\n\n". */
  plainText: string;
  outlet: string | null;
  publishedOn: ParsedDate | null;
  /** Lines that were dropped (boilerplate, repeated title/dateline lines), in input order. */
  removed: string[];
  /** sha256 hex of normalizeForChecksum(plainText). */
  checksum: string;
}

// ---------------------------------------------------------------------------
// Character level normalisation
// ---------------------------------------------------------------------------

/** Arabic harakat, Quranic marks, superscript alef. */
const DIACRITIC_RE = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/;
const DIACRITICS_G = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const TATWEEL = "\u0640";
/** Zero-width and bidi control characters, BOM, soft hyphen (ZWNJ/ZWJ are kept). */
const INVISIBLE_RE = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
const INVISIBLE_G = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const SPACE_LIKE_G = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(48 + cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(48 + cp - 0x06f0);
  if (ch === TATWEEL || DIACRITIC_RE.test(ch) || INVISIBLE_RE.test(ch)) return "";
  if (/\s/u.test(ch)) return " ";
  let n = ch.normalize("NFKC");
  if (n !== ch) {
    // Presentation forms etc. may decompose into several chars: fold each.
    let out = "";
    for (const c of n) out += c === ch ? c : foldChar(c);
    n = out;
  }
  return n
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .toLowerCase();
}

/**
 * Folded text used for matching (digits to ASCII, alef/yaa/taa-marbuta folded,
 * diacritics/tatweel removed, lower case) with a map back to the source offsets.
 */
function foldWithMap(s: string): { text: string; starts: number[]; ends: number[] } {
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of s) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      text += f[k];
      starts.push(i);
      ends.push(i + ch.length);
    }
    i += ch.length;
  }
  return { text, starts, ends };
}

/** Folded, whitespace collapsed text for rule matching. */
function fold(s: string): string {
  return foldWithMap(s).text.replace(/\s+/g, " ").trim();
}

/**
 * Normalisation used for the checksum: NFKC, Arabic tatweel and diacritics
 * removed, invisible characters removed, all whitespace collapsed to one space.
 */
export function normalizeForChecksum(s: string): string {
  return s
    .normalize("NFKC")
    .replace(DIACRITICS_G, "")
    .replace(INVISIBLE_G, "")
    .replace(/\s+/gu, " ")
    .trim();
}

export function checksumOf(text: string): string {
  return createHash("sha256").update(normalizeForChecksum(text), "utf8").digest("hex");
}

/** Clean one line for output: invisible chars removed, spaces collapsed, trimmed. */
function tidyLine(s: string): string {
  return s.replace(INVISIBLE_G, "").replace(SPACE_LIKE_G, " ").replace(/ {2,}/g, " ").trim();
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/** Month names in folded form (see foldChar). Multi-word names use single spaces. */
const MONTH_NAMES: Array<[string, number]> = [
  // Egyptian / Gulf (transliterated)
  ["يناير", 1], ["فبراير", 2], ["مارس", 3], ["ابريل", 4], ["مايو", 5], ["يونيو", 6], ["يونيه", 6],
  ["يوليو", 7], ["يوليه", 7], ["اغسطس", 8], ["سبتمبر", 9], ["اكتوبر", 10], ["نوفمبر", 11], ["ديسمبر", 12],
  // Levantine / Iraqi (Syriac)
  ["كانون الثاني", 1], ["كانون ثاني", 1], ["شباط", 2], ["اذار", 3], ["نيسان", 4], ["ايار", 5],
  ["حزيران", 6], ["تموز", 7], ["اب", 8], ["ايلول", 9], ["تشرين الاول", 10], ["تشرين اول", 10],
  ["تشرين الثاني", 11], ["تشرين ثاني", 11], ["كانون الاول", 12], ["كانون اول", 12],
  // Maghrebi
  ["جانفي", 1], ["فيفري", 2], ["افريل", 4], ["ماي", 5], ["جوان", 6], ["جويليه", 7], ["اوت", 8],
  // English
  ["january", 1], ["february", 2], ["march", 3], ["april", 4], ["may", 5], ["june", 6], ["july", 7],
  ["august", 8], ["september", 9], ["october", 10], ["november", 11], ["december", 12],
  ["jan", 1], ["feb", 2], ["mar", 3], ["apr", 4], ["jun", 6], ["jul", 7], ["aug", 8], ["sept", 9],
  ["sep", 9], ["oct", 10], ["nov", 11], ["dec", 12],
];
const MONTH_LOOKUP = new Map(MONTH_NAMES);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const MONTH_ALT = [...MONTH_NAMES]
  .map(([n]) => n)
  .sort((a, b) => b.length - a.length)
  .map((n) => escapeRe(n).replace(/ /g, "\\s+"))
  .join("|");

const L = "(?<![\\p{L}\\p{N}])"; // left word boundary (works for Arabic)
const R = "(?![\\p{L}\\p{N}])"; // right word boundary
/** One month, optionally followed by its alternate name: "يونيو/ حزيران", "حزيران (يونيو)". */
const MONTH_TOKEN =
  `(?:شهر\\s+)?(${MONTH_ALT})(?:\\.(?!\\d))?${R}` +
  `(?:\\s*[/\\\\-]\\s*(?:${MONTH_ALT})${R}|\\s*\\(\\s*(?:${MONTH_ALT})\\s*\\))?`;
const YEAR_INTRO = "(?:(?:عام|العام|لعام|بعام|سنه|لسنه|year)\\s*)?";
const YEAR = "(\\d{4})(?!\\d)(?:\\s*م(?![\\p{L}]))?";
const ORD = "(?:st|nd|rd|th)?";

interface DatePattern {
  re: RegExp;
  build: (m: RegExpExecArray) => ParsedDate | null;
}

function mkDay(y: number, m: number, d: number): ParsedDate | null {
  if (!validYear(y) || m < 1 || m > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return { date: `${y}-${pad(m)}-${pad(d)}`, precision: "day" };
}
function mkMonth(y: number, m: number): ParsedDate | null {
  if (!validYear(y) || m < 1 || m > 12) return null;
  return { date: `${y}-${pad(m)}`, precision: "month" };
}
function mkYear(y: number): ParsedDate | null {
  return validYear(y) ? { date: String(y), precision: "year" } : null;
}
const pad = (n: number) => String(n).padStart(2, "0");
const validYear = (y: number) => y >= 1800 && y <= 2100;
const monthOf = (name: string) => MONTH_LOOKUP.get(name.replace(/\s+/g, " ").replace(/\.$/, "")) ?? 0;

/** Ordered from most to least specific; later matches may not overlap earlier ones. */
const DATE_PATTERNS: DatePattern[] = [
  {
    // ISO 2025-05-08, 2025/05/08, optionally followed by a time.
    re: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?/gu,
    build: (m) => mkDay(+m[1], +m[3], +m[4]),
  },
  {
    // Numeric D/M/Y (Arabic convention); M/D/Y only when the first field cannot be a month.
    re: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/gu,
    build: (m) => {
      const a = +m[1];
      const b = +m[3];
      return b > 12 && a <= 12 ? mkDay(+m[4], a, b) : mkDay(+m[4], b, a);
    },
  },
  {
    // 8 مايو 2025 / (1 يونيو/ حزيران 2016) / 23 يناير عام 2017 / 8th of May, 2025
    re: new RegExp(
      `${L}(\\d{1,2})${ORD}\\s*(?:of\\s+)?(?:من\\s+)?${MONTH_TOKEN}[\\s,،.]*(?:من\\s+)?${YEAR_INTRO}${YEAR}`,
      "gu",
    ),
    build: (m) => mkDay(+m[3], monthOf(m[2]), +m[1]),
  },
  {
    // May 8, 2025
    re: new RegExp(`${L}${MONTH_TOKEN}\\s+(\\d{1,2})${ORD},?\\s+${YEAR_INTRO}${YEAR}`, "gu"),
    build: (m) => mkDay(+m[3], monthOf(m[1]), +m[2]),
  },
  {
    // ديسمبر 2006 / نوفمبر عام 2018 / May 2025
    re: new RegExp(`${L}${MONTH_TOKEN}[\\s,،]*(?:من\\s+)?${YEAR_INTRO}${YEAR}`, "gu"),
    build: (m) => mkMonth(+m[2], monthOf(m[1])),
  },
  {
    // ISO month 2025-05
    re: /(?<![\d/.-])(\d{4})-(\d{2})(?![\d/.-])/gu,
    build: (m) => mkMonth(+m[1], +m[2]),
  },
  {
    // Year alone: 2004, عام 2004, 2004م
    re: new RegExp(`${L}${YEAR_INTRO}(?<![\\d:.,/-])${YEAR}`, "gu"),
    build: (m) => mkYear(+m[1]),
  },
];

/**
 * Find every Gregorian date in a text (Arabic, English or numeric forms,
 * Arabic-Indic digits accepted). Offsets refer to the given string.
 * Years followed by "هـ" (Hijri) are ignored.
 */
export function findDates(text: string): FoundDate[] {
  const { text: f, starts, ends } = foldWithMap(text);
  const taken = new Uint8Array(f.length + 1);
  const found: FoundDate[] = [];
  for (const p of DATE_PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(f))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = m.index + m[0].length;
      if (/^\s*ه(?![\p{L}])/u.test(f.slice(e, e + 4))) continue; // Hijri year
      if (taken.subarray(s, e).some((x) => x === 1)) continue;
      const d = p.build(m);
      if (!d) continue;
      taken.fill(1, s, e);
      found.push({ ...d, start: starts[s], end: ends[e - 1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Parse the first date found in s (see findDates), or null. */
export function parseArabicDate(s: string): ParsedDate | null {
  const d = findDates(s)[0];
  return d ? { date: d.date, precision: d.precision } : null;
}

// ---------------------------------------------------------------------------
// Boilerplate rules (all applied to folded text, see fold())
// ---------------------------------------------------------------------------

const SOCIAL_NAMES = [
  "فيسبوك", "فيس بوك", "تويتر", "اكس", "يوتيوب", "يوتيوپ", "انستغرام", "انستجرام", "انستقرام",
  "انستاغرام", "انستا", "تيك توك", "تيكتوك", "واتساب", "واتس اب", "واتسب", "تلغرام", "تليغرام",
  "تليجرام", "تيليجرام", "لينكد ان", "لينكدان", "سناب شات", "سناب", "ثريدز", "بنترست", "جوجل نيوز",
  "قوقل نيوز", "نبض", "facebook", "twitter", "x", "youtube", "instagram", "tiktok", "tik tok",
  "whatsapp", "telegram", "linkedin", "snapchat", "threads", "pinterest", "google news", "rss",
  "messenger", "ماسنجر", "reddit", "email", "بريد الكتروني",
].map(fold);
/** Multi-word names are joined into one token before tokenising. */
const SOCIAL_JOIN = SOCIAL_NAMES.filter((n) => n.includes(" ")).sort((a, b) => b.length - a.length);
const joinName = (n: string) => n.replace(/ /g, "_");
const SOCIAL = new Set(SOCIAL_NAMES.map(joinName));

/** Tokens of share / print / comment / counter widgets. */
const SHARE_WORDS = new Set(
  [
    "تعليق", "تعليقات", "التعليقات", "تعليقا", "علق", "ارسل", "ارسال", "أرسل", "طباعة", "اطبع", "طباعه",
    "شارك", "مشاركة", "المشاركة", "شاركها", "شاركوا", "مشاركات", "حفظ", "نسخ", "الرابط", "رابط",
    "مشاهدة", "مشاهدات", "قراءة", "قراءات", "اعجاب", "تغريد", "غرد", "تابعونا", "تابعنا", "تابع",
    "share", "shares", "shared", "print", "comment", "comments", "tweet", "save", "copy", "link",
    "views", "likes", "follow", "mail", "e-mail", "pin", "a+", "a-",
  ].map(fold),
);
const FILLER_WORDS = new Set(
  ["على", "عبر", "في", "من", "عن", "هذا", "هذه", "الخبر", "المقال", "المقاله", "الان", "لنا", "us",
    "on", "via", "this", "the", "article", "post", "story", "to", "with", "now", "or", "and", "و"].map(fold),
);

function tokensOf(folded: string): string[] {
  let s = folded;
  for (const n of SOCIAL_JOIN) s = s.split(n).join(joinName(n));
  return s
    .replace(/[|•·/\\,،:;؛()[\]{}«»"'“”‘’!?؟.…<>=~^*#]+/g, " ")
    .replace(/(^|\s)[-–—]+(?=\s|$)/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}

/** "0 تعليق ارسل طباعة", "شارك", "Share | Print", "تابعونا على فيسبوك" … */
function isShareCounterLine(folded: string): boolean {
  if (folded.length > 300) return false;
  const toks = tokensOf(folded);
  if (toks.length === 0 || toks.length > 14) return false;
  let action = 0;
  let social = 0;
  for (const tok of toks) {
    // Conjunction prefix: "وتويتر", "ومشاركة".
    const t = tok.length > 2 && tok[0] === "و" && !SHARE_WORDS.has(tok) && !SOCIAL.has(tok) ? tok.slice(1) : tok;
    if (SHARE_WORDS.has(t)) action++;
    else if (SOCIAL.has(t)) social++;
    else if (/^\d+(?:[.,]\d+)?[kmك]?$/.test(t) || FILLER_WORDS.has(t)) continue;
    else return false;
  }
  return action > 0 || social >= 2;
}

/** A row of social links separated by | or • ("… على: فيسبوك | إكس | يوتيوب"). */
function isSocialRow(folded: string): boolean {
  if (folded.length > 220 || !/[|•·]/.test(folded)) return false;
  const segs = folded.split(/[|•·]/).map((s) => s.trim()).filter(Boolean);
  if (segs.length < 2) return false;
  let n = 0;
  for (const seg of segs) {
    const toks = tokensOf(seg.split(/[:：]/).pop()!.trim());
    const last = toks[toks.length - 1];
    if (toks.length > 0 && toks.length <= 6 && last && SOCIAL.has(last)) n++;
  }
  return n >= 2 && n >= segs.length - 1;
}

/** Section headers that introduce related links / site promo; they start a trailer. */
const RELATED_HEADER_RES: RegExp[] = [
  /^(?:ال)?(?:اخبار|مواضيع|موضوعات|مقالات|قصص|تقارير) (?:ذات صله|متعلقه|مشابهه|مرتبطه|اخري|قد تهمك)$/,
  /^(?:ذات صله|مواد ذات صله)$/,
  /^(?:ا)?قرا (?:ايضا|كذلك|المزيد)$/,
  /^(?:شاهد|طالع) (?:ايضا|كذلك)$/,
  /^(?:ا)?خترنا (?:لك|لكم)$/,
  /^(?:قد|ربما) (?:يهمك|يعجبك|تهمك)(?: (?:ايضا|كذلك))?$/,
  /^(?:ال)?(?:اكثر|الاكثر) (?:قراءه|مشاهده|تداولا)$/,
  /^(?:ال)?مزيد من (?:الاخبار|الاخبار المتعلقه).{0,60}$/,
  /^للمزيد(?: من (?:الاخبار|التفاصيل|المعلومات))?(?: (?:تابع|تابعوا|تابعونا|زوروا|زورو|اضغط|انقر|يرجي)(?: .{0,60})?)?$/,
  /^تابعونا (?:علي|عبر).{0,80}$/,
  /^related(?: (?:news|articles|posts|stories|content|topics|coverage))?$/,
  /^(?:read|see) (?:also|more)$/,
  /^you (?:may|might) also (?:like|be interested in)$/,
  /^more (?:from|stories|news|on)\b.{0,50}$/,
  /^recommended(?: for you)?$/,
];
/** "اقرأ أيضا: <headline>" style inline links (dropped as a line, not a trailer). */
const INLINE_RELATED_RE =
  /^(?:(?:ا)?قرا (?:ايضا|كذلك|المزيد)|(?:شاهد|طالع) (?:ايضا|كذلك)|ذات صله|related|read (?:also|more)|see also)\s*[:：\-–—]\s*\S.{0,220}$/;

function stripEdgePunct(folded: string): string {
  return folded
    .replace(/^[\s\p{P}\p{S}]+/u, "")
    .replace(/[\s\p{P}\p{S}]+$/u, "")
    .replace(/\s+/g, " ");
}
function isRelatedHeader(folded: string): boolean {
  if (folded.length > 200) return false;
  const s = stripEdgePunct(folded);
  return s.length > 0 && s.length <= 90 && RELATED_HEADER_RES.some((re) => re.test(s));
}

/** "نعرض لكم زوارنا أهم وأحدث الأخبار فى المقال الاتي:" and similar site filler. */
function isGreetingFiller(folded: string): boolean {
  if (folded.length > 260) return false;
  const audience = /(?:زوارنا|زوار موقعنا|متابعينا|متابعي موقعنا|قرائنا|قراءنا|قراء موقعنا|dear readers|our visitors)/;
  const verb = /(?:نعرض|نقدم|نستعرض|نوافيكم|اليكم|نرحب|مرحبا|اهلا|نتابع|نواصل|يسعدنا|welcome)/;
  if (audience.test(folded) && verb.test(folded)) return true;
  return /^(?:نعرض|نقدم|نستعرض|نوافيكم|نتابع|نرصد)\s+(?:لكم|لحضراتكم|معكم).{0,160}(?:في|خلال)\s+(?:المقال|المقاله|الخبر|التقرير|السطور|الفقره|الموضوع)\s+(?:الاتي|التالي|التاليه|القادم|القادمه)/.test(
    folded,
  );
}

const AD_RE =
  /^(?:advertisement|اعلان|اعلانات|sponsored|محتوي مدفوع|ads?|(?:اضغط|انقر) هنا.{0,60}|click here.{0,60}|(?:©|\(c\)|copyright|جميع الحقوق محفوظه|حقوق النشر محفوظه|all rights reserved).{0,80})$/;

/** Returns a truthy reason when the (trimmed) line is boilerplate. */
function boilerplateReason(line: string): string | null {
  if (line.length > 600) return null; // long lines are prose
  const f = fold(line);
  if (!f) return null;
  if (isRelatedHeader(f)) return "related-header";
  if (INLINE_RELATED_RE.test(f)) return "related-link";
  if (isSocialRow(f)) return "social-row";
  if (isShareCounterLine(f)) return "share-counter";
  if (isGreetingFiller(f)) return "greeting";
  if (f.length <= 120 && (AD_RE.test(f) || AD_RE.test(stripEdgePunct(f)))) return "ad";
  return null;
}

// ---------------------------------------------------------------------------
// Line shapes
// ---------------------------------------------------------------------------

const BULLET_RE = /^(?:[-–—•●▪▫◦■□◆◇►▶➤✓✔*·○◉◾◽]|\u2043)\s+/;
const isBullet = (t: string) => BULLET_RE.test(t);
const stripBullet = (t: string) => t.replace(BULLET_RE, "").trim();
const charLen = (t: string) => [...t].length;
const endsWithSentence = (t: string) => /[.!?؟…。۔]["'»”’)\]]*$/.test(t);
const endsWithPeriod = (t: string) => /[.。۔][\s"'»”’)\]]*$/.test(t);
const wordCount = (t: string) => t.split(/\s+/).filter(Boolean).length;

const BYLINE_RE = /^(?:بقلم|كتب|كتبت|كتبه|كتبها|تقرير|اعداد|تحرير|ترجمه|حوار|متابعه|by|written by|reporting by)(?:\s|:|$)/;

const WEEKDAYS_RE =
  /(?:^|\s)(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)(?=\s|$)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b/g;
const DATE_FILLER_RE =
  /(?:^|\s)(?:اليوم|يوم|الموافق|بتاريخ|تاريخ|النشر|نشر|نشرت|في|فى|اخر|تحديث|محدث|منذ|الساعه|ساعه|توقيت|ص|م|صباحا|مساء|ظهرا|published|updated|posted|last|on|at|am|pm|gmt|utc|date)(?=\s|$)/g;

/** A line that is (almost) only a date: "الخميس 8 مايو 2025 06:17 مساءً", "نشر في: 2025-05-08". */
function dateLineInfo(t: string): ParsedDate | null {
  if (charLen(t) > 120) return null;
  const ds = findDates(t);
  if (ds.length === 0) return null;
  let rest = "";
  let pos = 0;
  for (const d of ds) {
    rest += t.slice(pos, d.start) + " ";
    pos = d.end;
  }
  rest += t.slice(pos);
  let r = fold(rest)
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, " ")
    .replace(/[\p{P}\p{S}]+/gu, " ");
  r = ` ${r} `.replace(WEEKDAYS_RE, " ").replace(DATE_FILLER_RE, " ").replace(DATE_FILLER_RE, " ");
  if (wordCount(r) > 3) return null;
  return { date: ds[0].date, precision: ds[0].precision };
}

function isHeadlineLike(t: string): boolean {
  const n = charLen(t);
  if (n < 2 || n > 120) return false;
  if (/[.。۔:،,;؛]$/.test(t)) return false;
  if (isBullet(t) || /^\d+$/.test(t)) return false;
  if (BYLINE_RE.test(fold(t))) return false;
  if (dateLineInfo(t)) return false;
  return /\p{L}/u.test(t);
}

const isBodyLike = (t: string) => charLen(t) >= 80 || endsWithSentence(t);

/**
 * "<title> - <outlet>, <date…>" as in repeated title lines of aggregator sites.
 */
function splitTitleLine(t: string): { title: string; outlet: string; date: ParsedDate } | null {
  if (t.length > 400) return null;
  const m = /^(.*\S)\s+[-–—|]\s+((?:(?!\s[-–—|]\s)[^,،])+?)\s*[,،]\s*(.+)$/u.exec(t);
  if (!m) return null;
  const outlet = m[2].trim();
  if (!outlet || wordCount(outlet) > 6 || !/\p{L}/u.test(outlet)) return null;
  const ds = findDates(m[3]);
  if (ds.length === 0 || ds[0].start > 30) return null;
  return { title: m[1].trim(), outlet, date: { date: ds[0].date, precision: ds[0].precision } };
}

function sameText(a: string, b: string): boolean {
  return stripEdgePunct(fold(a)) === stripEdgePunct(fold(b));
}
/** line equals title, or title followed by " - outlet" / " | outlet". */
function isTitleLine(line: string, title: string, outlet: string | null): boolean {
  if (sameText(line, title)) return true;
  const fl = fold(line);
  const ft = fold(title);
  if (!fl.startsWith(ft)) return false;
  const rest = fl.slice(ft.length);
  if (!/^\s+[-–—|:]\s+/.test(rest)) return false;
  const suffix = stripEdgePunct(rest);
  return outlet ? suffix === stripEdgePunct(fold(outlet)) : wordCount(suffix) <= 5;
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0", ensp: "\u2002", emsp: "\u2003",
  thinsp: "\u2009", ndash: "–", mdash: "—", hellip: "…", laquo: "«", raquo: "»", lsquo: "‘",
  rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", bull: "•", middot: "·", copy: "©",
  reg: "®", trade: "™", zwnj: "\u200C", zwj: "\u200D", lrm: "\u200E", rlm: "\u200F", shy: "\u00AD",
  times: "×", divide: "÷", deg: "°", euro: "€", pound: "£", yen: "¥", cent: "¢", sect: "§",
  para: "¶", prime: "′", Prime: "″", frac12: "½", frac14: "¼", frac34: "¾", plusmn: "±",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", iexcl: "¡", iquest: "¿", ordm: "º", ordf: "ª",
  minus: "−", lsaquo: "‹", rsaquo: "›", dagger: "†", Dagger: "‡", permil: "‰", micro: "µ",
};
const LEGACY_NO_SEMI = new Set(["amp", "lt", "gt", "quot", "nbsp"]);

export function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,8}|#[xX][0-9a-fA-F]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31})(;?)/g, (m, body: string, semi: string) => {
    if (body[0] === "#") {
      const cp = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\uFFFD";
      if (cp < 0x20 && cp !== 9 && cp !== 10) return " ";
      if (cp >= 0x7f && cp <= 0x9f) return " ";
      return String.fromCodePoint(cp);
    }
    const v = NAMED_ENTITIES[body];
    if (v === undefined) return m;
    if (!semi && !LEGACY_NO_SEMI.has(body)) return m;
    return v;
  });
}

interface TagInfo {
  /** Lower-case element name; "!" for comments, doctypes, CDATA and processing instructions. */
  name: string;
  closing: boolean;
  raw: string;
  start: number;
}

const MAX_QUOTED = 4096;

/**
 * Linear-time HTML tag scanner: every tag (with quoted attribute values that
 * may contain ">"), comment, doctype, CDATA section and processing
 * instruction is replaced by repl(tag). An unterminated tag at the end of the
 * input is dropped. A "<" that does not start a tag is kept as text.
 */
function replaceTags(s: string, repl: (t: TagInfo) => string): string {
  let out = "";
  let i = 0;
  const n = s.length;
  while (i < n) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, lt);
    const c1 = s[lt + 1] ?? "";
    let end: number;
    if (s.startsWith("<!--", lt)) {
      const e = s.indexOf("-->", lt + 4);
      end = e < 0 ? n : e + 3;
      out += repl({ name: "!", closing: false, raw: s.slice(lt, end), start: lt });
      i = end;
      continue;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const e = s.indexOf("]]>", lt + 9);
      end = e < 0 ? n : e + 3;
      out += repl({ name: "!", closing: false, raw: s.slice(lt, end), start: lt });
      i = end;
      continue;
    }
    if (c1 === "!" || c1 === "?") {
      const e = s.indexOf(">", lt + 2);
      end = e < 0 ? n : e + 1;
      out += repl({ name: "!", closing: false, raw: s.slice(lt, end), start: lt });
      i = end;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(s.slice(lt, lt + 80));
    if (!m) {
      out += "<";
      i = lt + 1;
      continue;
    }
    let j = lt + m[0].length;
    let close = -1;
    let quote = "";
    let quoteStart = 0;
    for (; j < n; j++) {
      const c = s[j];
      if (quote) {
        if (c === quote) quote = "";
        else if (j - quoteStart > MAX_QUOTED) break; // runaway quote: give up on quoting
      } else if (c === '"' || c === "'") {
        quote = c;
        quoteStart = j;
      } else if (c === ">") {
        close = j;
        break;
      }
    }
    if (close < 0) {
      const e = s.indexOf(">", lt);
      close = e < 0 ? n - 1 : e;
    }
    end = close + 1;
    out += repl({ name: m[2].toLowerCase(), closing: m[1] === "/", raw: s.slice(lt, end), start: lt });
    i = end;
  }
  return out;
}

function stripTags(s: string): string {
  return replaceTags(s, () => "");
}

/** Remove anything still looking like markup (e.g. produced by decoding "&lt;b&gt;"). */
function safeText(s: string): string {
  let cur = s;
  for (let pass = 0; pass < 4; pass++) {
    const next = stripTags(cur);
    if (next === cur) return cur;
    cur = next;
  }
  // Pathologically nested pseudo-markup: drop the angle brackets themselves.
  return cur.replace(/[<>]/g, "");
}

/** Text content of an HTML fragment on one line. */
function inlineHtmlText(s: string): string {
  return tidyLine(safeText(decodeEntities(stripTags(s))).replace(/\s+/g, " "));
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  let m: RegExpExecArray | null;
  const inner = tag.replace(/^<\s*[a-zA-Z][-a-zA-Z0-9:]*/, "").replace(/\/?>$/, "");
  while ((m = re.exec(inner))) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

interface Prepared {
  text: string;
  title?: string;
  outlet?: string;
  date?: ParsedDate;
}

/** Elements dropped with their content. Raw-text ones are dropped to the end when unclosed. */
const DROP_ELEMENTS = new Set([
  "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas",
  "select", "button", "form", "nav", "aside", "head", "textarea", "audio", "video", "picture",
]);
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "textarea", "template", "noscript", "iframe"]);
const BLOCK_ELEMENTS = new Set(
  ("p div h1 h2 h3 h4 h5 h6 li ul ol section article header footer blockquote tr table thead tbody tfoot " +
    "figure figcaption main pre dd dt dl hr address details summary caption").split(" "),
);

/** ASCII-only lower casing (keeps offsets stable). */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (c) => c.toLowerCase());

/** Remove DROP_ELEMENTS with their content, in one linear pass. */
function dropElements(h: string): string {
  const lower = asciiLower(h);
  const lastClose = new Map<string, number>();
  for (const el of DROP_ELEMENTS) lastClose.set(el, lower.lastIndexOf(`</${el}`));
  const openRe = new RegExp(`<(${[...DROP_ELEMENTS].join("|")})(?![a-z0-9:-])`, "g");
  let out = "";
  let i = 0;
  let m: RegExpExecArray | null;
  openRe.lastIndex = 0;
  while ((m = openRe.exec(lower))) {
    const el = m[1];
    const at = m.index;
    let end: number;
    const closeAt = lastClose.get(el)! > at ? lower.indexOf(`</${el}`, at) : -1;
    if (closeAt >= 0) {
      const gt = lower.indexOf(">", closeAt);
      end = gt < 0 ? h.length : gt + 1;
    } else if (RAW_TEXT_ELEMENTS.has(el)) {
      end = h.length;
    } else {
      continue; // unclosed container: leave the tag to the tag stripper
    }
    out += h.slice(i, at) + "\n\n";
    i = end;
    openRe.lastIndex = end;
  }
  return out + h.slice(i);
}

/** Inner HTML of the first <name> element ("last" = up to the last closing tag). */
function elementInner(h: string, lower: string, name: string, last = false): string | null {
  const open = new RegExp(`<${name}(?![a-z0-9:-])`).exec(lower);
  if (!open) return null;
  const gt = lower.indexOf(">", open.index);
  if (gt < 0) return null;
  const close = last ? lower.lastIndexOf(`</${name}`) : lower.indexOf(`</${name}`, gt);
  return h.slice(gt + 1, close > gt ? close : h.length);
}

function htmlToText(html: string): Prepared {
  const out: Prepared = { text: "" };

  // Metadata from the whole document: <meta>, <title>, <time>.
  let siteName: string | undefined;
  let firstP = -1;
  const times: TagInfo[] = [];
  replaceTags(html, (t) => {
    if (t.closing) return "";
    if (t.name === "p" && firstP < 0) firstP = t.start;
    if (t.name === "time") times.push(t);
    if (t.name !== "meta") return "";
    const a = attrsOf(t.raw);
    const key = (a.property ?? a.name ?? a.itemprop ?? "").toLowerCase();
    const content = tidyLine(a.content ?? "");
    if (!content) return "";
    if (!siteName && (key === "og:site_name" || key === "application-name")) siteName = content;
    if (
      !out.date &&
      ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
        "sailthru.date", "parsely-pub-date"].includes(key)
    ) {
      out.date = parseArabicDate(content) ?? undefined;
    }
    return "";
  });
  if (!out.date) {
    for (const t of times) {
      const a = attrsOf(t.raw);
      const explicit = "pubdate" in a || (a.itemprop ?? "").toLowerCase() === "datepublished";
      if (!explicit && firstP >= 0 && t.start > firstP) continue;
      const d = a.datetime ? parseArabicDate(a.datetime) : null;
      if (d) {
        out.date = d;
        break;
      }
    }
  }
  const htmlLower = asciiLower(html);
  const titleInner = elementInner(html, htmlLower, "title");
  const docTitle = titleInner ? inlineHtmlText(titleInner) : "";

  // Content: <article> if any, else <body>, else everything; non-content elements dropped.
  let h = dropElements(html);
  const lower = asciiLower(h);
  h = elementInner(h, lower, "article", true) ?? elementInner(h, lower, "body", true) ?? h;
  const h1Inner = elementInner(h, asciiLower(h), "h1");
  const h1Text = h1Inner ? inlineHtmlText(h1Inner) : "";

  h = replaceTags(h, (t) =>
    t.name === "br" ? "\n" : BLOCK_ELEMENTS.has(t.name) ? "\n\n" : t.name === "td" || t.name === "th" ? " " : "",
  );
  out.text = safeText(decodeEntities(h));

  // Title candidates: <h1>, else <title> without its " | site" suffix.
  if (h1Text) {
    out.title = h1Text;
    const m = docTitle.length <= 400 ? /^(.*\S)\s+[-–—|:]\s+(\S.*)$/.exec(docTitle) : null;
    if (!siteName && m && sameText(m[1], h1Text) && wordCount(m[2]) <= 5) siteName = m[2].trim();
  } else if (docTitle) {
    let t = docTitle;
    if (siteName) {
      const re = new RegExp(`\\s*[-–—|:]\\s*${escapeRe(siteName)}\\s*$`);
      t = t.replace(re, "");
    } else {
      const m = t.length <= 400 ? /^(.*\S)\s+\|\s+([^|]{1,60})$/.exec(t) : null;
      if (m && wordCount(m[2]) <= 5) {
        t = m[1];
        siteName = m[2].trim();
      }
    }
    out.title = t.trim() || undefined;
  }
  if (siteName) out.outlet = siteName;
  return out;
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

function mdInline(s: string): string {
  // Protect backslash escapes.
  let t = s.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  t = t
    .replace(/!\[[^\][]{0,1000}\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "") // images
    .replace(/!\[[^\][]{0,1000}\]\[[^\][]{0,200}\]/g, "")
    .replace(/\[([^\][]{0,1000})\]\((?:[^()\n]|\([^()\n]*\))*\)/g, "$1") // links keep text
    .replace(/\[([^\][]{1,1000})\]\[[^\][]{0,200}\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, "$1") // autolinks
    .replace(/(`+)([\s\S]*?)\1/g, (_, __, code: string) => code.trim());
  t = stripTags(t);
  for (let k = 0; k < 2; k++) {
    t = t
      .replace(/(\*\*|__)(?=\S)([^\n]{0,1000}?\S)\1/g, "$2")
      .replace(/~~(?=\S)([^\n]{0,1000}?\S)~~/g, "$1")
      .replace(/\*(?=\S)([^*\n]{0,1000}?\S)\*/g, "$1")
      .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]{0,1000}?\S)_(?![\p{L}\p{N}_])/gu, "$1");
  }
  t = decodeEntities(t);
  return safeText(t).replace(/[\uE000-\uE07F]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

function markdownToText(md: string): Prepared {
  const out: Prepared = { text: "" };
  let lines = md.replace(/\r\n?|\u2028|\u2029/g, "\n").split("\n");

  // YAML front matter.
  if (/^---\s*$/.test(lines[0] ?? "")) {
    const end = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      for (const l of lines.slice(1, end)) {
        const m = /^\s*([A-Za-z_]+)\s*:\s*["']?(.*?)["']?\s*$/.exec(l);
        if (!m || !m[2]) continue;
        const key = m[1].toLowerCase();
        if (key === "title" && !out.title) out.title = tidyLine(mdInline(m[2]));
        else if (["date", "published", "publishedon", "published_at"].includes(key) && !out.date)
          out.date = parseArabicDate(m[2]) ?? undefined;
        else if (["outlet", "source", "publisher", "site"].includes(key) && !out.outlet) out.outlet = tidyLine(m[2]);
      }
      lines = lines.slice(end + 1);
    }
  }

  const res: string[] = [];
  let inFence = false;
  let nonEmptySeen = 0;
  for (const line of lines) {
    if (/^\s{0,3}(?:```|~~~)/.test(line)) {
      inFence = !inFence;
      res.push("");
      continue;
    }
    if (inFence) {
      res.push(line);
      nonEmptySeen += line.trim() ? 1 : 0;
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // reference definition
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) {
      res.push(""); // horizontal rule (or setext h2 underline)
      continue;
    }
    if (/^\s{0,3}=+\s*$/.test(line)) {
      // setext h1 underline: the previous line is a heading
      const prev = res.length - 1;
      if (prev >= 0 && res[prev].trim() && !out.title && nonEmptySeen <= 3) out.title = tidyLine(res[prev]);
      res.push("");
      continue;
    }
    let l = line.replace(/^\s{0,3}(?:>\s?)+/, "");
    const h = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(l) ?? /^\s{0,3}(#{1,6})()\s*$/.exec(l);
    if (h) {
      const text = tidyLine(mdInline(h[2]));
      if (h[1].length === 1 && !out.title && nonEmptySeen < 3 && text) out.title = text;
      res.push("", text, "");
      if (text) nonEmptySeen++;
      continue;
    }
    l = l.replace(/^\s*[-*+]\s+(?:\[[ xX]\]\s+)?/, "- ");
    const text = mdInline(l);
    res.push(text);
    if (text.trim()) nonEmptySeen++;
  }
  out.text = res.join("\n");
  return out;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

interface Line {
  text: string;
  blankBefore: boolean;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = false;
  for (const rawLine of text.replace(/\r\n?|\u2028|\u2029/g, "\n").split("\n")) {
    const t = tidyLine(rawLine);
    if (!t) {
      blank = true;
      continue;
    }
    out.push({ text: t, blankBefore: blank || out.length === 0 });
    blank = false;
  }
  return out;
}

/**
 * Index of the first "related news"-type header after which nothing looks
 * like article prose any more; everything from there on is dropped.
 */
function findTrailerStart(lines: Line[], flagged: boolean[]): number {
  // Suffix sums over the non-boilerplate lines: characters, and whether any prose sentence follows.
  const n = lines.length;
  const afterChars = new Array<number>(n + 1).fill(0);
  const proseAfter = new Array<boolean>(n + 1).fill(false);
  for (let j = n - 1; j >= 0; j--) {
    const t = lines[j].text;
    const counted = !flagged[j];
    afterChars[j] = afterChars[j + 1] + (counted ? charLen(t) : 0);
    proseAfter[j] = proseAfter[j + 1] || (counted && endsWithPeriod(t) && wordCount(t) >= 8);
  }
  let before = 0;
  for (let i = 0; i < n; i++) {
    if (before > 0 && isRelatedHeader(fold(lines[i].text))) {
      if (!proseAfter[i + 1] && afterChars[i + 1] < before) return i;
    }
    if (!flagged[i]) before += charLen(lines[i].text);
  }
  return n;
}

interface Unit extends Line {
  /** Index of the first source line (for ordering `removed`). */
  src: number;
}

const isDateLineText = (t: string) => dateLineInfo(t) !== null;

/**
 * Join hard-wrapped lines inside blank-line separated blocks, but only when
 * the text as a whole looks hard-wrapped (most non-final lines of multi-line
 * blocks end mid-sentence and are short). Bullets and datelines are never joined.
 */
function unwrap(lines: Unit[]): Unit[] {
  const blocks: Unit[][] = [];
  for (const l of lines) {
    if (l.blankBefore || blocks.length === 0) blocks.push([l]);
    else blocks[blocks.length - 1].push(l);
  }
  const candidates = blocks.filter((b) => b.length > 1).flatMap((b) => b.slice(0, -1));
  const open = candidates.filter((l) => !endsWithSentence(l.text) && !/[:؛;]$/.test(l.text));
  const lengths = candidates.map((l) => charLen(l.text)).sort((a, b) => a - b);
  const median = lengths.length ? lengths[Math.floor(lengths.length / 2)] : 0;
  const wrapped =
    blocks.length > 1 && candidates.length >= 2 && open.length / candidates.length >= 0.6 && median <= 120;
  if (!wrapped) return lines;
  const out: Unit[] = [];
  for (const b of blocks) {
    let cur: Unit | null = null;
    for (const l of b) {
      const separate = isBullet(l.text) || isDateLineText(l.text) || (cur !== null && isDateLineText(cur.text));
      if (cur && !separate) cur = { text: `${cur.text} ${l.text}`, blankBefore: cur.blankBefore, src: cur.src };
      else {
        if (cur) out.push(cur);
        cur = { text: l.text, blankBefore: l.blankBefore, src: l.src };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/**
 * Clean an imported article. See module docs and CleanResult for the fields.
 *
 * Rules, in order:
 *  1. format conversion (html: tags stripped, block tags -> paragraph breaks,
 *     entities decoded, <h1>/<title>/meta as hints; md: syntax stripped,
 *     leading "# " heading as title);
 *  2. line-level boilerplate (share/print/comment counters, social rows,
 *     related headers and "read also:" links, visitor greetings, ads);
 *  3. trailer cut: everything from a related-news header after which no
 *     article prose follows;
 *  4. header: repeated "title - outlet, date" line, datelines, kicker + title,
 *     leading bullet highlights;
 *  5. body: remaining lines (hard-wrapped blocks are re-joined), publication
 *     date also from an opening dateline such as "الكويت - 8 مايو 2025 (كونا) --".
 */
export function cleanImportedText(raw: string, opts: CleanOptions = {}): CleanResult {
  const format = opts.format ?? "txt";
  const prep: Prepared =
    format === "html" ? htmlToText(raw) : format === "md" ? markdownToText(raw) : { text: raw };

  const lines = splitLines(prep.text);
  const flagged = lines.map((l) => boilerplateReason(l.text) !== null);
  const cut = findTrailerStart(lines, flagged);

  const removedAt: Array<[number, string]> = [];
  const kept: Unit[] = [];
  let gap = false;
  for (let i = 0; i < lines.length; i++) {
    if (i >= cut || flagged[i]) {
      removedAt.push([i, lines[i].text]);
      gap = true; // a dropped line also separates paragraphs
      continue;
    }
    kept.push({ ...lines[i], blankBefore: lines[i].blankBefore || gap, src: i });
    gap = false;
  }
  const content = unwrap(kept);

  /** Output role of each content unit: undefined = body paragraph. */
  const role: Array<"removed" | "title" | "kicker" | "highlight" | undefined> = content.map(() => undefined);
  const text = (k: number) => content[k].text;
  const HEAD = Math.min(content.length, 8);

  let title: string | null = prep.title ? tidyLine(prep.title) || null : null;
  let kicker: string | null = null;
  let outlet: string | null = prep.outlet ? tidyLine(prep.outlet) || null : null;
  let publishedOn: ParsedDate | null = prep.date ?? null;
  const highlights: string[] = [];
  const setRole = (k: number, r: "removed" | "title" | "kicker" | "highlight") => {
    role[k] = r;
  };
  const free = (k: number) => k < content.length && !role[k];
  let p = 0; // next header position (index into content)

  // 4a. Title known from the markup: find and consume its line (and a kicker right above it).
  if (title) {
    for (let k = 0; k < HEAD; k++) {
      if (free(k) && isTitleLine(text(k), title, outlet)) {
        setRole(k, "title");
        if (k === 1 && free(0) && isHeadlineLike(text(0))) {
          kicker = text(0);
          setRole(0, "kicker");
        }
        p = k + 1;
        break;
      }
    }
  }

  // 4b. "<title> - <outlet>, <date>" line repeating an earlier title line (or opening the text).
  for (let m = 0; m < HEAD; m++) {
    if (!free(m)) continue;
    const st = splitTitleLine(text(m));
    if (!st) continue;
    if (title && !sameText(st.title, title)) continue;
    let l = -1;
    for (let k = 0; k < m; k++) if (free(k) && isTitleLine(text(k), st.title, st.outlet)) l = k;
    if (l < 0 && !(m === 0 || title)) continue;
    const hadTitle = title !== null;
    if (!title) {
      title = st.title;
      if (l >= 0) {
        setRole(l, "title");
        if (l === 1 && free(0) && isHeadlineLike(text(0))) {
          kicker = text(0);
          setRole(0, "kicker");
        }
      }
    } else if (l >= 0) setRole(l, "removed");
    outlet ??= st.outlet;
    publishedOn ??= st.date;
    // The line itself: it is the title source when nothing else was, else a dropped repeat.
    setRole(m, !hadTitle && l < 0 ? "title" : "removed");
    p = Math.max(p, m + 1);
    break;
  }
  while (p < content.length && !free(p) && p < HEAD) p++;

  const takeDateLines = () => {
    while (p < HEAD && free(p)) {
      const d = dateLineInfo(text(p));
      if (!d) break;
      publishedOn ??= d;
      setRole(p, "removed");
      p++;
    }
  };

  // 4c. Leading datelines, then kicker/title heuristics.
  takeDateLines();
  if (!title && p < content.length) {
    const a = text(p);
    const b = free(p + 1) ? text(p + 1) : null;
    const c = free(p + 2) ? text(p + 2) : null;
    const startsBody = (t: string | null) => t !== null && (isBodyLike(t) || isBullet(t) || dateLineInfo(t) !== null);
    if (isHeadlineLike(a)) {
      if (b !== null && isHeadlineLike(b) && startsBody(c)) {
        kicker = a;
        title = b;
        setRole(p, "kicker");
        setRole(p + 1, "title");
        p += 2;
      } else if (startsBody(b)) {
        title = a;
        setRole(p, "title");
        p += 1;
      }
    }
  }
  takeDateLines();

  // 4d. Leading bullet lines are highlights, provided body text follows.
  let q = p;
  while (free(q) && isBullet(text(q))) q++;
  if (q > p && q < content.length) {
    for (let k = p; k < q; k++) {
      highlights.push(stripBullet(text(k)));
      setRole(k, "highlight");
    }
    p = q;
  }
  takeDateLines();

  // 5. Body.
  const paragraphs: string[] = [];
  content.forEach((u, k) => {
    if (role[k] === "removed") removedAt.push([u.src, u.text]);
    else if (!role[k]) paragraphs.push(u.text);
  });
  const removed = removedAt.sort((a, b) => a[0] - b[0]).map(([, t]) => t);

  // Opening dateline inside the first paragraph: "<place> (في)? <date> -|/|(…) text".
  if (!publishedOn && paragraphs.length > 0) {
    const first = paragraphs[0];
    const d = findDates(first.slice(0, 120))[0];
    if (d && d.start <= 50 && wordCount(first.slice(0, d.start)) <= 5) {
      const after = first.slice(d.end).trimStart();
      if (/^(?:[-–—/|:(]|\(?(?:كونا|واس|وام|بنا|قنا|رويترز|ا ف ب|أ ف ب|afp|reuters|ap)(?![\p{L}]))/iu.test(after)) {
        publishedOn = { date: d.date, precision: d.precision };
      }
    }
  }

  const plainText = paragraphs.join("\n\n");
  return {
    original: raw,
    title,
    kicker,
    highlights,
    paragraphs,
    plainText,
    outlet,
    publishedOn,
    removed,
    checksum: checksumOf(plainText),
  };
}
