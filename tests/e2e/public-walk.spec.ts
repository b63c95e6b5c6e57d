// A reader's walk through the public site, in Arabic and in English: home → dossier →
// article → a highlighted passage → its entity → timeline → an event → network → an
// entity; every page in the right language and direction.
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

async function expectLanguage(page: Page, locale: "ar" | "en") {
  expect(await page.locator("html").getAttribute("lang")).toBe(locale);
  expect(await page.locator("html").getAttribute("dir")).toBe(locale === "ar" ? "rtl" : "ltr");
}

async function walk(locale: "ar" | "en", labels: { timeline: string; network: string }) {
  const page = await newPage(browser, { locale });
  await page.goto(`/${locale}`);
  await expectLanguage(page, locale);

  // the dossier, then its first article
  await page.getByTestId("featured-dossier").locator("h2 a, h3 a, a").first().click();
  await page.waitForURL(new RegExp(`/${locale}/dossiers/`));
  await expectLanguage(page, locale);
  await page.locator(`main a[href^="/${locale}/articles/"]`).first().click();
  await page.waitForURL(new RegExp(`/${locale}/articles/`));

  // a highlighted passage names its entity on focus, and leads to it
  const mark = page.locator("mark.mention").first();
  await mark.waitFor();
  const link = mark.locator("a");
  await link.focus();
  const label = await link.getAttribute("title") ?? (await mark.getAttribute("title"));
  expect(label ?? "").not.toBe("");
  const target = (await link.getAttribute("href"))!;
  expect(target).toMatch(new RegExp(`^/${locale}/entities/`));
  await link.click();
  await page.waitForURL(new RegExp(target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  expect(await page.locator("h1").innerText()).not.toBe("");
  await expectLanguage(page, locale);

  // the timeline, from the header, then an event's page
  await page.locator("header nav a", { hasText: labels.timeline }).click();
  await page.waitForURL(new RegExp(`/${locale}/timeline`));
  await page.locator('[data-testid="timeline-canvas"][data-ready="true"]').waitFor();
  const event = page.getByTestId("timeline-event-link").first();
  const eventHref = (await event.getAttribute("href"))!;
  await event.click();
  await page.waitForURL(new RegExp(`${eventHref.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expectLanguage(page, locale);

  // the network, from the header, then an entity's page
  await page.locator("header nav a", { hasText: labels.network }).click();
  await page.waitForURL(new RegExp(`/${locale}/network`));
  await page.locator('[data-testid="network-canvas"][data-ready="true"]').waitFor();
  expect(await page.getByTestId("network-canvas").locator("canvas").count()).toBeGreaterThan(0);
  await page.getByTestId("network-entity-link").first().click();
  await page.waitForURL(new RegExp(`/${locale}/entities/`));
  expect(await page.locator("h1").innerText()).not.toBe("");
  await expectLanguage(page, locale);
}

describe("a reader walks the public site", () => {
  it("in Arabic", async () => {
    await walk("ar", { timeline: "الخط الزمني", network: "الشبكة" });
  });
  it("in English", async () => {
    await walk("en", { timeline: "Timeline", network: "Network" });
  });
});
