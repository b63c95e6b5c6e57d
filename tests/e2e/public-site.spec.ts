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

describe("public site", () => {
  it("a visitor sees the seeded articles in Arabic, right to left, and switches to English", async () => {
    const page = await newPage(browser);
    await page.goto("/");
    await page.waitForURL(/\/ar$/);
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const items = page.getByTestId("article-list").locator("li");
    // the five seeded articles (other browser tests may have published more)
    expect(await items.count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId("featured-dossier").innerText()).toContain("مبادرة إسطنبول");

    await page.getByTestId("language-switch").click();
    await page.waitForURL(/\/en$/);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
    expect(await page.getByTestId("featured-dossier").innerText()).toMatch(/Istanbul Cooperation Initiative/);
  });

  it("an article shows its linked passages, which lead to the entity page", async () => {
    const page = await newPage(browser);
    await page.goto("/ar");
    await page.getByTestId("article-list").locator("a").first().click();
    await page.waitForURL(/\/ar\/articles\//);
    const marks = page.locator("mark.mention");
    expect(await marks.count()).toBeGreaterThan(5);
    const link = marks.first().locator("a");
    const target = await link.getAttribute("href");
    expect(target).toMatch(/^\/ar\/entities\//);
    await link.click();
    await page.waitForURL(new RegExp(target!));
    expect(await page.locator("h1").innerText()).not.toBe("");
  });
});
