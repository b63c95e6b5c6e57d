import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  PREFIX_SPLITS,
  isAttachablePrefix,
  normalizeArabic,
  normalizeNameKey,
  normalizeWithMap,
  originalRange,
  stripPrefixes,
  tokenize,
} from "./normalize";

const SEED_DIR = path.resolve(import.meta.dirname, "../../seeds/articles");
const seeds = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(SEED_DIR, f), "utf8"));

/** Straightforward whole-string reference implementation of rules 1–7 (+ lowercase). */
const reference = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u0640\u064B-\u065F\u0670]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u200C-\u200F\u061C]/g, "")
    .toLowerCase();

describe("normalizeArabic: the rules of ARABIC.md", () => {
  it("equals the whole-string pipeline applied rule by rule", () => {
    const tricky =
      "إِسْطَنْبُولــ ﻻ ﻷ ﺍﻟﻜﻮﻳﺖ ١٢ ۳۴ ى ة \u200Cx\u061C ي\u0654 و\u0654 ا\u0653 ٱ هٰذا e\u0301 ｶﾞ \u1100\u1161 😀 ＩＰＣＰ ﹰ";
    for (const s of [tricky, ...seeds]) expect(normalizeArabic(s)).toBe(reference(s));
  });

  it("rule 1: NFKC folds presentation forms, lam-alef ligatures and compatibility characters", () => {
    expect(normalizeArabic("\uFEFB")).toBe("لا"); // ﻻ isolated lam-alef
    expect(normalizeArabic("\uFEFC")).toBe("لا"); // ﻼ final lam-alef
    expect(normalizeArabic("\uFEF7")).toBe("لا"); // ﻷ lam-alef with hamza: NFKC → لأ, rule 3 → لا
    expect(normalizeArabic("ﺍﻟﻜﻮﻳﺖ")).toBe("الكويت"); // presentation forms B
    expect(normalizeArabic("ＩＰＣＰ")).toBe("ipcp"); // full-width Latin
    expect(normalizeArabic("a\u00A0b")).toBe("a b"); // no-break space
  });

  it("rule 1 is applied before rule 3: a presentation-form or decomposed hamza alef folds to ا", () => {
    expect(normalizeArabic("\uFE83")).toBe("ا"); // ﺃ
    expect(normalizeArabic("\u0627\u0654")).toBe("ا"); // ا + hamza above → أ → ا
    expect(normalizeArabic("\u0627\u0655")).toBe("ا"); // ا + hamza below → إ → ا
    expect(normalizeArabic("\u0627\u0653")).toBe("ا"); // ا + madda → آ → ا
    // NFKC composes ي + hamza above into ئ, which rules 1–7 keep (rule 8 is for name keys).
    expect(normalizeArabic("\u064A\u0654")).toBe("ئ");
    expect(normalizeArabic("\u0648\u0654")).toBe("ؤ");
  });

  it("rule 2: deletes tatweel, every haraka U+064B–U+065F and the superscript alef", () => {
    expect(normalizeArabic("خــارج")).toBe("خارج");
    expect(normalizeArabic("التدريبيـــــة")).toBe("التدريبيه");
    expect(normalizeArabic("مُحَمَّدٌ")).toBe("محمد");
    expect(normalizeArabic("هٰذا")).toBe("هذا");
    for (let cp = 0x064b; cp <= 0x065f; cp++) {
      expect(normalizeArabic("ب" + String.fromCodePoint(cp) + "ت")).toBe("بت");
    }
  });

  it("rule 3: أ إ آ ٱ → ا", () => {
    expect(normalizeArabic("أ إ آ ٱ")).toBe("ا ا ا ا");
    expect(normalizeArabic("إسطنبول")).toBe(normalizeArabic("اسطنبول"));
    expect(normalizeArabic("الأطلسي")).toBe("الاطلسي");
    expect(normalizeArabic("ٱلله")).toBe("الله");
  });

  it("rule 4: ى → ي", () => {
    expect(normalizeArabic("مصطفى")).toBe("مصطفي");
    expect(normalizeArabic("إلى")).toBe("الي");
  });

  it("rule 5: ة → ه", () => {
    expect(normalizeArabic("مبادرة")).toBe("مبادره");
    expect(normalizeArabic("الكويتية")).toBe("الكويتيه");
  });

  it("rule 6: Arabic-Indic and Extended Arabic-Indic digits → ASCII", () => {
    expect(normalizeArabic("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(normalizeArabic("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(normalizeArabic("عام ٢٠٠٤")).toBe("عام 2004");
  });

  it("rule 7: deletes ZWNJ, ZWJ, LRM, RLM and the Arabic letter mark", () => {
    expect(normalizeArabic("ال\u200Cكويت")).toBe("الكويت");
    expect(normalizeArabic("ال\u200Dكويت")).toBe("الكويت");
    expect(normalizeArabic("\u200Eناتو\u200F")).toBe("ناتو");
    expect(normalizeArabic("\u061Cناتو")).toBe("ناتو");
  });

  it("rule 8 is only for name keys: ؤ → و, ئ → ي", () => {
    expect(normalizeArabic("مسؤول رئيس")).toBe("مسؤول رئيس");
    expect(normalizeNameKey("مسؤول رئيس")).toBe("مسوول رييس");
    expect(normalizeNameKey("للشؤون")).toBe("للشوون"); // seed 004 spelling
    expect(normalizeNameKey("للشئون")).toBe("للشيون"); // seed 001 spelling
  });

  it("lowercases Latin and leaves other text alone", () => {
    expect(normalizeArabic("James Appathurai IPCP")).toBe("james appathurai ipcp");
    expect(normalizeArabic("(PAG) 2016 - 2018.")).toBe("(pag) 2016 - 2018.");
  });

  it("applies all rules together and is idempotent", () => {
    expect(normalizeArabic("إِسْطَنْبُولــ ٢٠١٧ مُبَادَرَةٌ")).toBe("اسطنبول 2017 مبادره");
    for (const s of seeds) {
      const once = normalizeArabic(s);
      expect(normalizeArabic(once)).toBe(once);
    }
  });
});

describe("normalizeNameKey", () => {
  it("collapses whitespace and punctuation to single spaces and trims", () => {
    expect(normalizeNameKey("  «حلف   شمال»،\n الأطلسي!  ")).toBe("حلف شمال الاطلسي");
    expect(normalizeNameKey("(ناتو)")).toBe("ناتو");
    expect(normalizeNameKey("مبادرة إسطنبول للتعاون")).toBe(normalizeNameKey("مبادرة  اسطنبول\tللتعاون"));
  });

  it("splits words glued across scripts", () => {
    expect(normalizeNameKey("الأطلسيJames Appathurai")).toBe("الاطلسي james appathurai");
  });
});

describe("normalizeWithMap", () => {
  const check = (src: string) => {
    const n = normalizeWithMap(src);
    expect(n.text).toBe(normalizeArabic(src));
    expect(n.map.length).toBe(n.text.length + 1);
    expect(n.map[n.text.length]).toBe(src.length);
    for (let i = 1; i < n.map.length; i++) expect(n.map[i]).toBeGreaterThanOrEqual(n.map[i - 1]);
    return n;
  };

  it("agrees with normalizeArabic and is monotonic on every seed article", () => {
    for (const s of seeds) check(s);
  });

  it("maps across deleted tatweel (seed 003: التدريبيـــــة, خــارج)", () => {
    const src = "البرامج التدريبيـــــة خــارج";
    const n = check(src);
    expect(n.text).toBe("البرامج التدريبيه خارج");
    const ha = n.text.indexOf("ه");
    expect(n.map[ha]).toBe(src.indexOf("ة"));
    const alef = n.text.indexOf("ارج");
    expect(n.map[alef]).toBe(src.indexOf("ارج"));
    const k = n.text.indexOf("خارج");
    expect(originalRange(n, k, k + 4)).toEqual([src.indexOf("خــارج"), src.length]);
  });

  it("maps across deleted diacritics", () => {
    const src = "قال مُحَمَّدٌ";
    const n = check(src);
    expect(n.text).toBe("قال محمد");
    const i = n.text.indexOf("حمد");
    expect(n.map[i]).toBe(src.indexOf("حَ"));
    // The range of the word includes its final harakat.
    expect(originalRange(n, 4, 8)).toEqual([4, src.length]);
  });

  it("maps a lam-alef ligature (one unit → two) and widens ranges to the whole ligature", () => {
    const src = "ب\uFEFBعب"; // بﻻعب
    const n = check(src);
    expect(n.text).toBe("بلاعب");
    expect(n.map).toEqual([0, 1, 1, 2, 3, 4]);
    expect(originalRange(n, 1, 5)).toEqual([1, 4]); // "لاعب" → "ﻻعب"
    expect(originalRange(n, 0, 2)).toEqual([0, 2]); // ends inside the ligature → whole ligature
    expect(originalRange(n, 2, 5)).toEqual([1, 4]); // starts inside the ligature → whole ligature
  });

  it("keeps exact offsets after an emoji (two UTF-16 units)", () => {
    const src = "😀 الكويت 😀 وناتو";
    const n = check(src);
    const i = n.text.indexOf("الكويت");
    expect(originalRange(n, i, i + 6)).toEqual([3, 9]);
    expect(src.slice(3, 9)).toBe("الكويت");
    const j = n.text.indexOf("ناتو");
    const [s, e] = originalRange(n, j, j + 4);
    expect(src.slice(s, e)).toBe("ناتو");
  });

  it("maps composed clusters (decomposed hamza) to their start", () => {
    const src = "ر\u064A\u0654يس"; // ر + ي + hamza above + يس
    const n = check(src);
    expect(n.text).toBe("رئيس");
    expect(n.map).toEqual([0, 1, 3, 4, 5]);
    const withSeats = normalizeWithMap(src, { hamzaSeats: true });
    expect(withSeats.text).toBe("رييس");
  });

  it("excludes trailing invisible marks but not trailing harakat from a range end", () => {
    const src = "الكويتَ\u200F و";
    const n = check(src);
    expect(originalRange(n, 0, 6)).toEqual([0, 7]);
  });

  it("handles the empty string", () => {
    const n = check("");
    expect(n.map).toEqual([0]);
  });
});

describe("tokenize", () => {
  it("returns normalized words with exact original offsets", () => {
    const src = "مركز «الناتو» الإقليمي، خــارج حدود ٢٠١٧";
    const toks = tokenize(src);
    expect(toks.map((t) => t.text)).toEqual(["مركز", "الناتو", "الاقليمي", "خارج", "حدود", "2017"]);
    for (const t of toks) expect(normalizeArabic(src.slice(t.start, t.end))).toBe(t.text);
    expect(src.slice(toks[3].start, toks[3].end)).toBe("خــارج");
  });

  it("splits Arabic from Latin letters glued together but keeps digits with letters", () => {
    const src = "بحلف شمال الأطلسيJames Appathurai في 2004م ال45 G7";
    expect(tokenize(src).map((t) => t.text)).toEqual([
      "بحلف",
      "شمال",
      "الاطلسي",
      "james",
      "appathurai",
      "في",
      "2004م",
      "ال45",
      "g7",
    ]);
  });

  it("separates on punctuation, guillemets and tatweel-only words", () => {
    expect(tokenize("حلف»ناتو«مع الـ 20").map((t) => t.text)).toEqual(["حلف", "ناتو", "مع", "ال", "20"]);
  });

  it("applies rule 8 when asked", () => {
    expect(tokenize("مسؤول", { hamzaSeats: true })[0].text).toBe("مسوول");
  });
});

describe("stripPrefixes", () => {
  it("returns every reading, longest first, the word itself first", () => {
    expect(stripPrefixes("وبالكويت")).toEqual(["وبالكويت", "بالكويت", "الكويت", "كويت"]);
    expect(stripPrefixes("للناتو")).toEqual(["للناتو", "لناتو", "ناتو"]);
    expect(stripPrefixes("والناتو")).toEqual(["والناتو", "الناتو", "ناتو"]);
    expect(stripPrefixes("فالمبادرة")).toEqual(["فالمبادره", "المبادره", "مبادره"]);
    expect(stripPrefixes("وللتعاون")).toEqual(["وللتعاون", "للتعاون", "لتعاون", "تعاون"]);
    expect(stripPrefixes("كالناتو")).toEqual(["كالناتو", "الناتو", "ناتو"]);
    expect(stripPrefixes("فللكويت")).toContain("كويت");
    expect(stripPrefixes("وللـتعاون")).toContain("تعاون");
  });

  it("keeps words that genuinely start with prefix letters", () => {
    expect(stripPrefixes("بروكسل")[0]).toBe("بروكسل");
    expect(stripPrefixes("لبنان")[0]).toBe("لبنان");
    expect(stripPrefixes("ناتو")).toEqual(["ناتو"]);
  });

  it("never strips to fewer than 2 letters", () => {
    expect(stripPrefixes("ولد")).toEqual(["ولد", "لد"]);
    expect(stripPrefixes("بل")).toEqual(["بل"]);
    expect(stripPrefixes("الي")).toEqual(["الي"]);
    for (const r of stripPrefixes("وبالكو")) expect([...r].length).toBeGreaterThanOrEqual(2);
  });

  it("normalizes its input", () => {
    expect(stripPrefixes("بِالكُوَيْت")).toEqual(["بالكويت", "الكويت", "كويت"]);
  });
});

describe("isAttachablePrefix", () => {
  it("accepts conjunction, preposition and article combinations", () => {
    for (const p of ["و", "ف", "ب", "ك", "ل", "ال", "لل", "وال", "بال", "كال", "فال", "وبال", "ولل", "فلل", "وللـ", "وب", "فك"]) {
      expect(isAttachablePrefix(p), p).toBe(true);
    }
    expect(isAttachablePrefix("")).toBe(true);
  });

  it("rejects other letters and wrong orders", () => {
    for (const p of ["س", "بو", "لال", "الو", "وو", "بب", "لب", "a", "ت"]) {
      expect(isAttachablePrefix(p), p).toBe(false);
    }
  });

  it("agrees with PREFIX_SPLITS", () => {
    for (const s of PREFIX_SPLITS) expect(isAttachablePrefix(s.attached + s.article)).toBe(true);
    expect(new Set(PREFIX_SPLITS.map((s) => s.attached + s.article)).size).toBe(PREFIX_SPLITS.length);
  });
});
