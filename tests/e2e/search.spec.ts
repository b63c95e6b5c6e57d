// Search in a real Chromium: the header box, a name spelled differently from the
// text, the marked snippet, a facet, the language switch keeping the search, and English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("public search", () => {
  it("finds the article that spells Stoltenberg شتولتنبرغ when the visitor types ستولتنبرغ, and refines by a facet", async () => {
    const page = await newPage(browser);
    await page.goto("/ar");
    await page.getByTestId("header-search").fill("ستولتنبرغ");
    await page.getByTestId("header-search").press("Enter");
    await page.waitForURL(/\/ar\/search\?q=/);
    expect(await page.locator("h1").innerText()).toContain("ستولتنبرغ");
    const results = page.getByTestId("search-results").locator("li");
    expect(await results.count()).toBeGreaterThanOrEqual(2);
    // one result is there only through the other spelling, which its snippet marks
    const marks = await page.getByTestId("search-results").locator("mark.search-hit").allInnerTexts();
    expect(marks.some((m) => m.includes("شتولتنبرغ"))).toBe(true);
    expect(marks.some((m) => m.includes("ستولتنبرغ") && !m.includes("شتولتنبرغ"))).toBe(true);
    expect(await page.getByTestId("search-expanded").innerText()).toContain("شتولتنبرغ");
    expect(await page.getByTestId("search-entities").innerText()).toContain("ينس ستولتنبرغ");

    // a facet narrows the list, and the result leads to the article with its passage highlighted
    const yearLinks = page.getByTestId("facet-year").locator("a");
    const before = await results.count();
    await yearLinks.first().click();
    await page.waitForURL(/year=/);
    const filtered = await results.count();
    expect(filtered).toBeLessThanOrEqual(before);
    // the same search, filter included, in English and back
    const year = new URL(page.url()).searchParams.get("year");
    await page.getByTestId("language-switch").click();
    await page.waitForURL(/\/en\/search\?/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("ستولتنبرغ");
    expect(new URL(page.url()).searchParams.get("year")).toBe(year);
    expect(await results.count()).toBe(filtered);
    await page.getByTestId("language-switch").click();
    await page.waitForURL(/\/ar\/search\?/);
    expect(new URL(page.url()).searchParams.get("year")).toBe(year);
    await results.first().locator("h3 a").click();
    await page.waitForURL(/\/ar\/articles\//);
    expect(await page.locator("mark.mention").count()).toBeGreaterThan(0);
  });

  it("works in English, and a bad filter gets a clear message instead of an error page", async () => {
    const page = await newPage(browser, { locale: "en" });
    await page.goto("/en/search?q=%D8%A7%D9%84%D9%83%D9%88%D9%8A%D8%AA");
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    expect(await page.getByTestId("search-results").locator("li").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("search-facets").innerText()).toMatch(/Outlet/);
    await page.goto("/en/search?q=x&year=nineteen");
    expect(await page.getByTestId("search-error").innerText()).toMatch(/year must be a year/);
  });
});
