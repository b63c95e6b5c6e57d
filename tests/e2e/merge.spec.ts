// Merging duplicates in a real Chromium: two published people spelled two ways are
// created in the studio; the second shows among the first one's possible duplicates,
// is found by the merge search and merged from the panel; its old public address now
// redirects (308) to the survivor, whose page lists the merged name among its aliases;
// the duplicate's studio page says where it went; undo brings it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, launch, newPage, signIn } from "./browser";

let browser: Browser;
const stamp = Date.now().toString(36);
const SURVIVOR = { ar: `ينس ستولتنبرغ ${stamp}`, en: `Jens Merge ${stamp}` };
const DUPLICATE = { ar: `ينس شتولتنبرغ ${stamp}`, en: `Jens Shtoltenberg ${stamp}` };

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function admin(): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL(/\/ar\/studio$/);
  return page;
}

async function publish(page: Page) {
  await page.getByTestId("transition-publish").click();
  await page.getByTestId("transition-confirm").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="workflow-state"]')?.getAttribute("data-state") === "published");
}

/** Creates and publishes a person in the studio; returns its studio URL and its public path. */
async function publishedPerson(page: Page, name: { ar: string; en: string }) {
  await page.goto("/ar/studio/entities/new?type=person");
  await page.getByTestId("field-nameAr").fill(name.ar);
  await page.getByTestId("field-nameEn").fill(name.en);
  await page.getByTestId("save").click();
  await page.waitForURL(/\/ar\/studio\/entities\/(?!new)\w+$/);
  await publish(page);
  const studioUrl = page.url();
  const link = page.locator('a[href^="/ar/entities/"]').first();
  await link.waitFor();
  return { studioUrl, publicPath: (await link.getAttribute("href"))! };
}

const entryUndone = (page: Page) =>
  page.waitForFunction(() => document.querySelector('[data-testid="merge-entry"]')?.getAttribute("data-undone") === "true");

describe("merging duplicate entities", () => {
  let survivor: { studioUrl: string; publicPath: string };
  let duplicate: { studioUrl: string; publicPath: string };
  let page: Page;

  it("creates two published people who are one person spelled two ways", async () => {
    page = await admin();
    survivor = await publishedPerson(page, SURVIVOR);
    duplicate = await publishedPerson(page, DUPLICATE);
    expect(survivor.publicPath).not.toBe(duplicate.publicPath);
    const visitor = await newPage(browser);
    const res = await visitor.goto(duplicate.publicPath);
    expect(res?.status()).toBe(200);
    expect(await visitor.locator("h1").innerText()).toContain(DUPLICATE.ar);
  });

  it("merges the duplicate from the survivor's panel", async () => {
    await page.goto(survivor.studioUrl);
    await page.getByTestId("merge-panel").waitFor();
    // proposed as a possible duplicate (a letter apart), and found by the search
    expect(await page.getByTestId("merge-candidates").innerText()).toContain(DUPLICATE.ar);
    await page.getByTestId("merge-search").fill(`شتولتنبرغ ${stamp}`);
    const result = page.getByTestId("merge-results").getByTestId("merge-candidate").filter({ hasText: DUPLICATE.ar });
    await result.waitFor();
    await result.click();
    const preview = page.getByTestId("merge-preview");
    await preview.waitFor();
    expect(await preview.innerText()).toContain(DUPLICATE.ar); // its Arabic name becomes an alias
    await page.getByTestId("merge").click();
    expect(await page.getByTestId("merge-dialog").innerText()).toContain(SURVIVOR.ar);
    await page.getByTestId("merge-confirm").click();
    const entry = page.getByTestId("merge-entry");
    await entry.waitFor();
    expect(await entry.innerText()).toContain(DUPLICATE.ar);
    expect(await entry.getAttribute("data-undone")).toBe("false");
    // the survivor's form now has the duplicate's name among its aliases
    await page.waitForFunction((name) => [...document.querySelectorAll<HTMLInputElement>('[data-testid="alias-name"]')].some((i) => i.value === name), DUPLICATE.ar);
  });

  it("the duplicate's old address redirects to the survivor, which lists the merged name among its aliases", async () => {
    const visitor = await newPage(browser);
    const direct = await visitor.request.get(duplicate.publicPath, { maxRedirects: 0 });
    expect(direct.status()).toBe(308);
    await visitor.goto(duplicate.publicPath);
    await visitor.waitForURL((url) => decodeURIComponent(url.pathname) === decodeURIComponent(survivor.publicPath));
    expect(await visitor.locator("h1").innerText()).toContain(SURVIVOR.ar);
    expect(await visitor.locator('section[aria-labelledby="aliases"]').innerText()).toContain(DUPLICATE.ar);
    // the public API answers the old slug with a redirect too
    const slug = duplicate.publicPath.split("/").pop()!;
    const api = await visitor.request.get(`/api/v1/entities/${slug}`, { maxRedirects: 0 });
    expect(api.status()).toBe(308);
    expect(api.headers()["location"]).toContain(`/api/v1/entities/${survivor.publicPath.split("/").pop()}`);
  });

  it("the duplicate's studio page points to the survivor, and undo brings the duplicate back", async () => {
    await page.goto(duplicate.studioUrl);
    const notice = page.getByTestId("merged-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain(SURVIVOR.ar);

    await page.goto(survivor.studioUrl);
    await page.getByTestId("merge-undo").click();
    await page.getByTestId("merge-undo-confirm").click();
    await entryUndone(page);

    const visitor = await newPage(browser);
    const res = await visitor.goto(duplicate.publicPath);
    expect(res?.status()).toBe(200);
    expect(await visitor.locator("h1").innerText()).toContain(DUPLICATE.ar);
  });
});
