// The public pages as a crawler and a keyboard user meet them: canonical link,
// hreflang alternates, OpenGraph, schema.org JSON-LD, the "cite this" block, roles
// over time on a person's page, lang/dir in English, and a visible focus ring.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Ld = { "@type": string; [k: string]: unknown };

async function jsonLd(page: Page): Promise<Ld[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Ld);
}

/** A person of the seed with roles: Jens Stoltenberg when listed, else the first person. */
async function openPerson(page: Page): Promise<string> {
  await page.goto("/ar/people");
  const list = page.getByTestId("entity-list").locator("a");
  expect(await list.count()).toBeGreaterThan(0);
  const jens = page.getByTestId("entity-list").locator('a[href$="/entities/jens-stoltenberg"]');
  const link = (await jens.count()) ? jens.first() : list.first();
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await page.waitForURL(new RegExp(`${href}$`));
  return href;
}

describe("public pages: SEO, citation and accessibility", () => {
  it("an article page has its canonical URL, hreflang alternates, OpenGraph, NewsArticle JSON-LD and a citation with its URL", async () => {
    const page = await newPage(browser);
    await page.goto("/ar");
    await page.getByTestId("article-list").locator("a").first().click();
    await page.waitForURL(/\/ar\/articles\//);
    const path = new URL(page.url()).pathname;

    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(canonical).toMatch(/^https?:\/\//);
    expect(new URL(canonical!).pathname).toBe(path);
    const alternate = async (lang: string) => page.locator(`link[rel="alternate"][hreflang="${lang}"]`).getAttribute("href");
    expect(new URL((await alternate("ar"))!).pathname).toBe(path);
    expect(new URL((await alternate("en"))!).pathname).toBe(path.replace(/^\/ar\//, "/en/"));
    expect(new URL((await alternate("x-default"))!).pathname).toBe(path);

    const h1 = (await page.locator("h1").innerText()).trim();
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(h1);
    expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toBe(canonical);
    expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("article");
    expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary");
    expect(((await page.locator('meta[name="description"]').getAttribute("content")) ?? "").length).toBeGreaterThan(20);

    const article = (await jsonLd(page)).find((d) => d["@type"] === "NewsArticle");
    expect(article).toBeDefined();
    expect(article!.headline).toBe(h1);
    expect(article!.url).toBe(canonical);
    expect(article!.inLanguage).toBe("ar");
    expect((article!.mentions as Ld[]).length).toBeGreaterThan(0);

    const cite = page.getByTestId("cite-this");
    expect(await cite.getByTestId("citation").innerText()).toContain(canonical!);
    expect(await cite.getByTestId("copy-citation").isVisible()).toBe(true);
    expect(await cite.getByTestId("bibtex").textContent()).toContain(`url = {${canonical}}`);

    // the original text opens from the keyboard
    const original = page.getByTestId("original-text");
    await original.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await original.getAttribute("open")).not.toBeNull();
  });

  it("a person's page shows roles over time and Person JSON-LD; in English it is lang=en, dir=ltr", async () => {
    const page = await newPage(browser);
    const href = await openPerson(page);
    const roles = page.getByTestId("entity-roles");
    expect(await roles.locator("li").count()).toBeGreaterThan(0);
    const person = (await jsonLd(page)).find((d) => d["@type"] === "Person");
    expect(person).toBeDefined();
    expect(person!.name).toBe((await page.locator("h1").innerText()).trim());
    expect(person!.url).toBe(await page.locator('link[rel="canonical"]').getAttribute("href"));
    expect(Array.isArray(person!.alternateName)).toBe(true);

    await page.goto(href.replace(/^\/ar\//, "/en/"));
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    expect(await page.getByTestId("entity-roles").locator("h2").innerText()).toBe("Roles over time");
    expect(await page.locator('meta[property="og:locale"]').getAttribute("content")).toBe("en_US");
    const en = (await jsonLd(page)).find((d) => d["@type"] === "Person");
    expect(en!.url).toMatch(/\/en\/entities\//);
  });

  it("Tab from the top reaches the skip link, then links, each with a visible focus ring", async () => {
    const page = await newPage(browser);
    await page.goto("/ar");
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { tag: el.tagName, href: el.getAttribute("href"), outline: style.outlineStyle, width: style.outlineWidth, visible: el.getBoundingClientRect().width > 1 };
      });
    await page.keyboard.press("Tab");
    const skip = await focused();
    expect(skip).toMatchObject({ tag: "A", href: "#main", visible: true });
    expect(skip.outline).not.toBe("none");
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      expect(["A", "BUTTON", "INPUT", "SUMMARY"]).toContain(f.tag);
      expect(f.outline).not.toBe("none");
      expect(f.width).not.toBe("0px");
    }
  });
});
