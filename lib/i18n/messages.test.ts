// The message files stay in step: every area (the public site, the studio, its
// content editors, its admin pages) has an Arabic and an English file with exactly
// the same keys, every top-level namespace belongs to one area only (request.ts
// throws on a duplicate), request.ts loads every area that exists on disk, and
// every message is valid ICU syntax (a broken plural fails here, not on a page).
import { describe, expect, it } from "vitest";
import { createTranslator, IntlErrorCode } from "next-intl";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const DIR = path.join(import.meta.dirname, "messages");
const LOCALES = ["ar", "en"] as const;

type Messages = { [key: string]: string | Messages };

function load(file: string): Messages {
  const parsed: unknown = JSON.parse(readFileSync(path.join(DIR, file), "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: not a JSON object`);
  return parsed as Messages;
}

/** "a.b.c" for every leaf; a branch that is not an object or a string is reported as such. */
function keyPaths(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const p = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") return [p];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return keyPaths(value, p);
    return [`${p} (not a string or an object)`];
  });
}

/** Areas on disk, as request.ts names them: "" for ar.json, "studio." for studio.ar.json … */
function areasOnDisk(): string[] {
  const areas = new Set<string>();
  for (const file of readdirSync(DIR)) {
    const m = /^(?:(.+)\.)?(ar|en)\.json$/.exec(file);
    if (m) areas.add(m[1] ? `${m[1]}.` : "");
  }
  return [...areas].sort();
}

function areasInRequestConfig(): string[] {
  const source = readFileSync(path.join(import.meta.dirname, "request.ts"), "utf8");
  const list = /const AREAS = \[([^\]]*)\]/.exec(source);
  if (!list) throw new Error("request.ts no longer declares `const AREAS = [...]`: update this test");
  return [...list[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!).sort();
}

const areas = areasOnDisk();
const fileOf = (area: string, locale: string) => `${area}${locale}.json`;

describe("message files", () => {
  it("are the areas request.ts loads", () => {
    expect(areas.length).toBeGreaterThanOrEqual(4);
    expect(areas).toEqual(areasInRequestConfig());
  });

  it.each(areas.map((a) => [a || "(site)", a]))("%s: Arabic and English have the same keys", (_name, area) => {
    const [ar, en] = LOCALES.map((locale) => new Set(keyPaths(load(fileOf(area, locale)))));
    const onlyAr = [...ar!].filter((k) => !en!.has(k));
    const onlyEn = [...en!].filter((k) => !ar!.has(k));
    expect({ onlyInArabic: onlyAr, onlyInEnglish: onlyEn }).toEqual({ onlyInArabic: [], onlyInEnglish: [] });
    expect([...ar!].filter((k) => k.endsWith("(not a string or an object)"))).toEqual([]);
  });

  it.each(areas.map((a) => [a || "(site)", a]))("%s: no message is empty", (_name, area) => {
    for (const locale of LOCALES) {
      const empty: string[] = [];
      const walk = (m: Messages, prefix: string) => {
        for (const [k, v] of Object.entries(m)) {
          if (typeof v === "string") {
            if (v.trim() === "") empty.push(`${locale}: ${prefix}${k}`);
          } else walk(v, `${prefix}${k}.`);
        }
      };
      walk(load(fileOf(area, locale)), "");
      expect(empty).toEqual([]);
    }
  });

  it.each(LOCALES)("%s: every message is valid ICU syntax", (locale) => {
    const messages = Object.assign({}, ...areas.map((area) => load(fileOf(area, locale)))) as Messages;
    const invalid: string[] = [];
    const t = createTranslator({
      locale,
      messages,
      // missing values and rich-text tags are expected here (none are passed): only syntax counts
      onError: (error) => {
        if (error.code === IntlErrorCode.INVALID_MESSAGE) invalid.push(error.message);
      },
    }) as unknown as (key: string) => string;
    for (const key of keyPaths(messages)) t(key);
    expect(invalid).toEqual([]);
  });

  it("never define a top-level namespace in two areas", () => {
    for (const locale of LOCALES) {
      const owner = new Map<string, string>();
      const duplicates: string[] = [];
      for (const area of areas) {
        const file = fileOf(area, locale);
        for (const ns of Object.keys(load(file))) {
          const first = owner.get(ns);
          if (first) duplicates.push(`"${ns}" in ${first} and ${file}`);
          else owner.set(ns, file);
        }
      }
      expect(duplicates).toEqual([]);
    }
  });
});
