import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cleanImportedText,
  findDates,
  normalizeForChecksum,
  parseArabicDate,
  type CleanResult,
} from "./clean";

const SEED_DIR = path.resolve(import.meta.dirname, "../../seeds/articles");
const seeds: Record<string, string> = {};
for (const f of readdirSync(SEED_DIR).filter((f) => f.endsWith(".txt")).sort()) {
  seeds[f.slice(0, 3)] = readFileSync(path.join(SEED_DIR, f), "utf8");
}
const nonEmptyLines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Every line of the input is accounted for exactly once across the output fields. */
function accountedLines(r: CleanResult): number {
  return (
    (r.title ? 1 : 0) + (r.kicker ? 1 : 0) + r.highlights.length + r.paragraphs.length + r.removed.length
  );
}

describe("seed articles", () => {
  it("has the five seeds", () => {
    expect(Object.keys(seeds)).toEqual(["000", "001", "002", "003", "004"]);
  });

  for (const [id, raw] of Object.entries(seeds)) {
    it(`${id}: original unchanged, no empty paragraphs, plainText/checksum consistent`, () => {
      const copy = String(raw);
      const r = cleanImportedText(raw);
      expect(r.original).toBe(copy);
      expect(raw).toBe(copy);
      expect(r.paragraphs.length).toBeGreaterThan(0);
      expect(r.paragraphs.every((p) => p.trim() === p && p.length > 0)).toBe(true);
      expect(r.plainText).toBe(r.paragraphs.join("\n\n"));
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(accountedLines(r)).toBe(nonEmptyLines(raw).length);
    });
  }

  it("004: drops all boilerplate, keeps all paragraphs, reads title/outlet/date", () => {
    const r = cleanImportedText(seeds["004"]);
    const title =
      'ممثل أمين عام "الناتو" يثمن التعاون والعلاقات الثنائية "المتميزة" التي تجمع الكويت والحلف';
    expect(r.title).toBe(title);
    expect(r.outlet).toBe("عرب فايف");
    expect(r.publishedOn).toEqual({ date: "2025-05-08", precision: "day" });
    expect(r.kicker).toBeNull();
    expect(r.highlights).toEqual([]);

    const boilerplate = [
      "0 تعليق ارسل طباعة",
      "نعرض لكم زوارنا أهم وأحدث الأخبار فى المقال الاتي:",
      `${title} - عرب فايف, اليوم الخميس 8 مايو 2025 06:17 مساءً`,
      "للمزيد تابع",
      "خليجيون نيوز على: فيسبوك | إكس | يوتيوب | إنستغرام | تيك توك",
      "إخترنا لك",
      "أخبار ذات صلة",
      "0 تعليق",
    ];
    for (const b of boilerplate) {
      expect(r.removed).toContain(b);
      expect(r.paragraphs).not.toContain(b);
      expect(r.plainText).not.toContain(b);
    }
    for (const word of ["تعليق", "طباعة", "زوارنا", "فيسبوك", "إخترنا", "ذات صلة", "للمزيد", "عرب فايف"]) {
      expect(r.plainText).not.toContain(word);
    }

    expect(r.paragraphs[0].startsWith("ثمن ممثل أمين عام")).toBe(true);
    expect(r.paragraphs.at(-1)!.startsWith("وأكد الجارالله")).toBe(true);
    // Every real paragraph of the source is kept verbatim, in order.
    const lines = nonEmptyLines(seeds["004"]);
    const from = lines.findIndex((l) => l.startsWith("ثمن ممثل أمين عام"));
    const to = lines.findIndex((l) => l.startsWith("وأكد الجارالله"));
    expect(r.paragraphs).toEqual(lines.slice(from, to + 1));
    expect(r.paragraphs).toHaveLength(13);
  });

  it("002: kicker above the headline", () => {
    const r = cleanImportedText(seeds["002"]);
    expect(r.kicker).toBe("ضمن إطار مبادرة اسطنبول");
    expect(r.title).toBe("«ناتو»: اجتماع مجلس الحلف الإقليمي في الكويت لتقييم التقدم الذي تحقق");
    expect(r.paragraphs[0].startsWith("كشف مسؤول من حلف شمال الاطلسي")).toBe(true);
    expect(r.paragraphs.at(-1)!.startsWith("ورحب الامين العام")).toBe(true);
    expect(r.paragraphs).toHaveLength(13);
    expect(r.removed).toEqual([]);
    expect(r.publishedOn).toBeNull();
  });

  it("003: leading bullet lines are highlights", () => {
    const r = cleanImportedText(seeds["003"]);
    expect(r.highlights).toEqual([
      "تعزيز التواصل بين الدول الشريكة وحلف شمال الأطلسي ورفع مستوى الحوار السياسي والأمني والتعاون الفني والتدريبي بين الجانبين بما يفضي إلى استقرار المنطقة",
      "الكويت انضمت إلى مبادرة إسطنبول للتعاون عام 2004 وتحتضن أول مركز من نوعه خارج حدود الحلف",
    ]);
    expect(r.title).toBeNull();
    expect(r.paragraphs[0].startsWith("تحت رعاية وحضور سمو ولي العهد")).toBe(true);
    expect(r.paragraphs).toEqual(nonEmptyLines(seeds["003"]).slice(2));
    // Dates mentioned in the body are not the publication date.
    expect(r.publishedOn).toBeNull();
  });

  for (const id of ["000", "001"]) {
    it(`${id}: keeps all the text (no title, nothing removed, no publication date)`, () => {
      const r = cleanImportedText(seeds[id]);
      expect(r.title).toBeNull();
      expect(r.kicker).toBeNull();
      expect(r.highlights).toEqual([]);
      expect(r.removed).toEqual([]);
      expect(r.outlet).toBeNull();
      expect(r.paragraphs).toEqual(nonEmptyLines(seeds[id]));
      expect(r.plainText).toBe(nonEmptyLines(seeds[id]).join("\n\n"));
      expect(r.publishedOn).toBeNull();
    });
  }

  it("000: a content line starting with شارك is not a share button", () => {
    const r = cleanImportedText(seeds["000"]);
    expect(r.paragraphs[0].startsWith("شارك معالي الشيخ")).toBe(true);
  });

  it("001: the event date in the body is found but is not the publication date", () => {
    const found = findDates(seeds["001"]);
    expect(found.map((d) => d.date)).toContain("2016-06-01");
    const d = found.find((x) => x.date === "2016-06-01")!;
    expect(seeds["001"].slice(d.start, d.end)).toBe("1 يونيو/ حزيران 2016");
    expect(cleanImportedText(seeds["001"]).publishedOn).toBeNull();
  });
});

describe("checksum", () => {
  it("collides for trivially different copies", () => {
    const a = cleanImportedText("ثمن الوزير التعاون بين البلدين.\n\nوأكد أهمية الشراكة.");
    const b = cleanImportedText("  ثمــن   الوزيرُ التعاونَ  بين البلدين.\n\n\n وأكـــد أهمية\u00A0الشراكة.  ");
    const c = cleanImportedText("ثمن الوزير التعاون بين البلدين.\nوأكد أهمية الشراكة.");
    expect(a.checksum).toBe(b.checksum);
    expect(a.checksum).toBe(c.checksum);
    expect(normalizeForChecksum("ﻻ  ـ  تأكيد")).toBe(normalizeForChecksum("لا تأكيد"));
  });

  it("differs for different text", () => {
    const a = cleanImportedText("ثمن الوزير التعاون بين البلدين.");
    const b = cleanImportedText("ثمن الوزير التعاون بين الدولتين.");
    expect(a.checksum).not.toBe(b.checksum);
    expect(cleanImportedText(seeds["000"]).checksum).not.toBe(cleanImportedText(seeds["001"]).checksum);
  });

  it("ignores boilerplate around the same article", () => {
    const body = nonEmptyLines(seeds["004"]).slice(4, 17).join("\n\n");
    expect(cleanImportedText(body).checksum).toBe(cleanImportedText(seeds["004"]).checksum);
  });
});

describe("html input", () => {
  const html = `<!doctype html>
<html lang="ar"><head>
<title>الوزير يستقبل السفير | جريدة الأخبار</title>
<meta property="article:published_time" content="2024-03-15T10:00:00Z">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>
<article>
<h1>الوزير يستقبل السفير</h1>
<p>استقبل الوزير اليوم السفير &amp; الوفد&nbsp;المرافق له في مكتبه.</p>
<p>وبحث الجانبان <b>العلاقات</b> الثنائية مع <a href="https://x.test/a?b=1&amp;c=2" title="a>b">وسبل</a> تعزيزها.<br>وتناول اللقاء القضايا الإقليمية.</p>
<ul><li>البند الأول</li><li>البند الثاني</li></ul>
<p>&lt;script&gt;alert(1)&lt;/script&gt;انتهى اللقاء &#1576;&#x62D;&#1590;&#1608;&#1585; المسؤولين.</p>
<div class="share">شارك</div><div>فيسبوك | تويتر | واتساب</div>
<img src=x onerror="alert(2)">
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>`;

  it("strips markup, keeps paragraphs, reads title/outlet/date", () => {
    const r = cleanImportedText(html, { format: "html" });
    expect(r.original).toBe(html);
    expect(r.title).toBe("الوزير يستقبل السفير");
    expect(r.outlet).toBe("جريدة الأخبار");
    expect(r.publishedOn).toEqual({ date: "2024-03-15", precision: "day" });
    expect(r.paragraphs).toEqual([
      "استقبل الوزير اليوم السفير & الوفد المرافق له في مكتبه.",
      "وبحث الجانبان العلاقات الثنائية مع وسبل تعزيزها.",
      "وتناول اللقاء القضايا الإقليمية.",
      "البند الأول",
      "البند الثاني",
      "alert(1)انتهى اللقاء بحضور المسؤولين.",
    ]);
    expect(r.removed).toEqual(["شارك", "فيسبوك | تويتر | واتساب"]);
    for (const s of [r.plainText, r.title!, ...r.removed]) {
      expect(s).not.toMatch(/<[a-z/!]/i);
      expect(s).not.toMatch(/&(amp|lt|gt|nbsp);/);
      expect(s).not.toContain("not text");
      expect(s).not.toContain("color");
      expect(s).not.toContain("الرئيسية");
    }
  });

  it("uses <title> when there is no <h1>, and handles fragments", () => {
    const r = cleanImportedText(
      "<title>خبر عاجل - الموقع</title><p>نص أول طويل بما يكفي ليكون فقرة في الخبر.</p><p>نص ثان.",
      { format: "html" },
    );
    expect(r.title).toBe("خبر عاجل - الموقع");
    expect(r.paragraphs).toEqual(["نص أول طويل بما يكفي ليكون فقرة في الخبر.", "نص ثان."]);
    const r2 = cleanImportedText("<title>خبر عاجل | الموقع</title><p>نص.</p>", { format: "html" });
    expect(r2.title).toBe("خبر عاجل");
    expect(r2.outlet).toBe("الموقع");
  });

  it("takes <h1> and a kicker line above it", () => {
    const r = cleanImportedText(
      "<p>ضمن إطار مبادرة اسطنبول</p><h1>اجتماع الحلف في الكويت</h1><p>كشف مسؤول عن هدف الاجتماع.</p>",
      { format: "html" },
    );
    expect(r.kicker).toBe("ضمن إطار مبادرة اسطنبول");
    expect(r.title).toBe("اجتماع الحلف في الكويت");
    expect(r.paragraphs).toEqual(["كشف مسؤول عن هدف الاجتماع."]);
  });
});

describe("markdown input", () => {
  const md = `# عنوان **المقال** الرئيسي

![صورة الاجتماع](https://example.com/img.png)

هذه _فقرة_ أولى مع [رابط مهم](https://example.com/a_(b)) و**نص عريض** و\`رمز\`.

## عنوان فرعي

- بند أول
* بند *ثان*

> اقتباس من التصريح.

---

سعر \\*النجمة\\* يبقى كما هو، و snake_case_name كذلك.

[ref]: https://example.com
`;

  it("strips markdown syntax and takes the leading # line as title", () => {
    const r = cleanImportedText(md, { format: "md" });
    expect(r.original).toBe(md);
    expect(r.title).toBe("عنوان المقال الرئيسي");
    expect(r.paragraphs).toEqual([
      "هذه فقرة أولى مع رابط مهم ونص عريض ورمز.",
      "عنوان فرعي",
      "- بند أول",
      "- بند ثان",
      "اقتباس من التصريح.",
      "سعر *النجمة* يبقى كما هو، و snake_case_name كذلك.",
    ]);
    expect(r.plainText).not.toMatch(/[#!\[\]]|https?:/);
    expect(r.plainText).not.toContain("صورة الاجتماع");
  });

  it("reads YAML front matter", () => {
    const r = cleanImportedText("---\ntitle: عنوان\ndate: 2024-01-02\nsource: المصدر\n---\nنص الخبر.", { format: "md" });
    expect(r.title).toBe("عنوان");
    expect(r.outlet).toBe("المصدر");
    expect(r.publishedOn).toEqual({ date: "2024-01-02", precision: "day" });
    expect(r.paragraphs).toEqual(["نص الخبر."]);
  });
});

describe("generic boilerplate rules", () => {
  const body1 = "استقبل وزير الخارجية اليوم سفير الدولة الصديقة وبحث معه العلاقات الثنائية بين البلدين.";
  const body2 = "وأكد الوزير حرص بلاده على تطوير التعاون في مختلف المجالات بما يخدم المصالح المشتركة.";
  const body3 = "من جانبه أشاد السفير بالعلاقات المتميزة بين البلدين وأعرب عن تطلعه إلى مزيد من التعاون.";

  it("drops share/print/comment counters and social rows that differ from the seeds", () => {
    const raw = [
      "Share | Print | 12 comments",
      "شارك",
      "5 تعليقات",
      body1,
      "تابعونا على فيسبوك وتويتر",
      body2,
      "Facebook • X • WhatsApp",
      "مرحبا بكم زوارنا الكرام، نقدم لكم تفاصيل الخبر",
      body3,
    ].join("\n");
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([body1, body2, body3]);
    expect(r.removed).toHaveLength(6);
  });

  it("drops an inline 'read also' link but keeps the paragraphs after it", () => {
    const raw = [body1, "اقرأ أيضاً: الوزير يستقبل وفداً برلمانياً", body2, body3].join("\n\n");
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([body1, body2, body3]);
    expect(r.removed).toEqual(["اقرأ أيضاً: الوزير يستقبل وفداً برلمانياً"]);
  });

  it("cuts everything after a related-news trailer at the end", () => {
    const raw = [
      body1,
      body2,
      body3,
      "Related articles:",
      "الوزير يلتقي نظيره الفرنسي",
      "افتتاح معرض الكتاب الدولي",
      "اقرأ أيضا",
      "ارتفاع أسعار النفط",
    ].join("\n");
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([body1, body2, body3]);
    expect(r.removed).toEqual(nonEmptyLines(raw).slice(3));
  });

  it("does not cut at a related header that is followed by article prose", () => {
    const raw = [body1, "اقرأ أيضا", "الوزير يلتقي نظيره الفرنسي", body2, body3].join("\n");
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([body1, "الوزير يلتقي نظيره الفرنسي", body2, body3]);
    expect(r.removed).toEqual(["اقرأ أيضا"]);
  });

  it("drops copyright and ad lines", () => {
    const raw = [body1, "إعلان", body2, "© 2025 جميع الحقوق محفوظة لموقع الخبر"].join("\n");
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([body1, body2]);
    expect(r.removed).toEqual(["إعلان", "© 2025 جميع الحقوق محفوظة لموقع الخبر"]);
  });

  it("keeps short genuine lines such as a date in prose", () => {
    const raw = [body1, "الخميس 8 مايو 2025.", "وقال: شكراً.", body2].join("\n");
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([body1, "الخميس 8 مايو 2025.", "وقال: شكراً.", body2]);
    expect(r.publishedOn).toBeNull();
  });
});

describe("header detection", () => {
  const body = "ثمن الوزير التعاون القائم بين البلدين في مختلف المجالات مؤكدا حرصه على تطويره.";

  it("short first line followed by body is a headline; dateline under it is the publication date", () => {
    const r = cleanImportedText(`الوزير يثمن التعاون مع الحلف\nالخميس ٨ أيار ٢٠٢٥ - ١٠:٣٠ ص\n\n${body}`);
    expect(r.title).toBe("الوزير يثمن التعاون مع الحلف");
    expect(r.kicker).toBeNull();
    expect(r.publishedOn).toEqual({ date: "2025-05-08", precision: "day" });
    expect(r.paragraphs).toEqual([body]);
    expect(r.removed).toEqual(["الخميس ٨ أيار ٢٠٢٥ - ١٠:٣٠ ص"]);
  });

  it("title line with outlet and date at the top", () => {
    const r = cleanImportedText(`الوزير يثمن التعاون - جريدة الوطن، 3 March 2024\n${body}`);
    expect(r.title).toBe("الوزير يثمن التعاون");
    expect(r.outlet).toBe("جريدة الوطن");
    expect(r.publishedOn).toEqual({ date: "2024-03-03", precision: "day" });
    expect(r.paragraphs).toEqual([body]);
  });

  it("opening dateline in the first paragraph", () => {
    const r = cleanImportedText(`الكويت - 8 مايو 2025 (كونا) -- ${body}\n${body}`);
    expect(r.publishedOn).toEqual({ date: "2025-05-08", precision: "day" });
    expect(r.title).toBeNull();
  });

  it("no title when the text starts with a sentence", () => {
    const r = cleanImportedText(`${body}\nوأضاف أن الزيارة ناجحة.`);
    expect(r.title).toBeNull();
    expect(r.paragraphs).toHaveLength(2);
  });

  it("joins hard-wrapped lines inside paragraphs", () => {
    const raw =
      "ثمن الوزير التعاون القائم بين البلدين\nفي مختلف المجالات مؤكدا حرصه\nعلى تطويره.\n\n" +
      "وأضاف أن الزيارة ناجحة وأن\nالجانبين اتفقا على مواصلة التشاور.";
    const r = cleanImportedText(raw);
    expect(r.paragraphs).toEqual([
      "ثمن الوزير التعاون القائم بين البلدين في مختلف المجالات مؤكدا حرصه على تطويره.",
      "وأضاف أن الزيارة ناجحة وأن الجانبين اتفقا على مواصلة التشاور.",
    ]);
  });

  it("handles empty input", () => {
    const r = cleanImportedText("");
    expect(r).toMatchObject({ title: null, paragraphs: [], plainText: "", removed: [], publishedOn: null });
  });
});

describe("date parsing", () => {
  it.each([
    ["اليوم الخميس 8 مايو 2025", "2025-05-08", "day"],
    ["(1 يونيو/ حزيران 2016)", "2016-06-01", "day"],
    ["23 يناير عام 2017", "2017-01-23", "day"],
    ["8 إبريل 2020", "2020-04-08", "day"],
    ["٨ مايو ٢٠٢٥", "2025-05-08", "day"],
    ["۱۵ اکتبر", null, null],
    ["١٥/٠٣/٢٠٢٤", "2024-03-15", "day"],
    ["٢٠٢٥-٠٥-٠٨", "2025-05-08", "day"],
    ["8 May 2025", "2025-05-08", "day"],
    ["May 8, 2025", "2025-05-08", "day"],
    ["8th of May, 2025", "2025-05-08", "day"],
    ["Thursday, 8 May 2025 18:17", "2025-05-08", "day"],
    ["2025-05-08", "2025-05-08", "day"],
    ["2025-05-08T18:17:00+03:00", "2025-05-08", "day"],
    ["8 أيار 2025", "2025-05-08", "day"],
    ["15 تشرين الأول 2019", "2019-10-15", "day"],
    ["كانون الثاني 2020", "2020-01", "month"],
    ["2 كانون الأول 1999", "1999-12-02", "day"],
    ["آب 2021", "2021-08", "month"],
    ["ديسمبر 2006", "2006-12", "month"],
    ["في نوفمبر عام 2018", "2018-11", "month"],
    ["September 2001", "2001-09", "month"],
    ["2016", "2016", "year"],
    ["عام 2004م", "2004", "year"],
    ["العام ٢٠١٤", "2014", "year"],
    ["1446هـ", null, null],
    ["30 فبراير 2024", "2024-02", "month"],
    ["أكثر من 1000 ضابط", null, null],
    ["الساعة 06:17", null, null],
  ])("parseArabicDate(%s)", (s, date, precision) => {
    expect(parseArabicDate(s)).toEqual(date ? { date, precision } : null);
  });

  it("findDates returns all dates with source offsets", () => {
    const s = "افتتح في ٢٣ يناير عام ٢٠١٧ واستضاف في ديسمبر 2006 مؤتمرا، وانضم عام 2014.";
    const found = findDates(s);
    expect(found.map(({ date, precision }) => [date, precision])).toEqual([
      ["2017-01-23", "day"],
      ["2006-12", "month"],
      ["2014", "year"],
    ]);
    expect(found.map((d) => s.slice(d.start, d.end))).toEqual(["٢٣ يناير عام ٢٠١٧", "ديسمبر 2006", "عام 2014"]);
  });

  it("offsets survive diacritics and tatweel", () => {
    const s = "فـي يـومِ 8 مـايـو 2025 وصل";
    const [d] = findDates(s);
    expect(d.date).toBe("2025-05-08");
    expect(s.slice(d.start, d.end)).toBe("8 مـايـو 2025");
  });
});

describe("robustness", () => {
  // no timing assertions here (speed belongs in `npm run bench`); a regex that
  // backtracks catastrophically on these inputs hangs past the test timeout
  it("handles pathological input (no catastrophic backtracking)", () => {
    const inputs: Array<[string, "txt" | "md" | "html"]> = [
      ['<a "'.repeat(50_000), "html"],
      ["<a".repeat(50_000), "html"],
      ["<script>".repeat(20_000) + "<nav>".repeat(20_000), "html"],
      ["**a ".repeat(20_000) + "\n" + "![x](".repeat(20_000) + "\n" + "~~a ".repeat(20_000), "md"],
      ["!".repeat(200_000), "txt"],
      [Array(20_000).fill("أخبار ذات صلة").join("\n"), "txt"],
      ["عنوان - ".repeat(50_000) + ", 8 مايو 2025", "txt"],
    ];
    for (const [input, format] of inputs) {
      const r = cleanImportedText(input, { format });
      expect(typeof r.plainText).toBe("string");
      if (format === "html") expect(r.plainText).not.toMatch(/<[a-z]/i);
    }
    expect(findDates("عام 2004 8 مايو/ حزيران 2016 ".repeat(20_000)).length).toBeGreaterThan(20_000);
  });
});
