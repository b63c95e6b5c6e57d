// Relations in the studio, in a real Chromium: a relation between a seeded person and
// a seeded organization, citing words selected with the mouse in a seeded article's
// text, is saved, published and read on the person's public page with its citation;
// the studio page of an entity lists it; and the seeded event whose sources disagree
// about its date shows both dates side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, launch, newPage, signIn } from "./browser";

let browser: Browser;
const stamp = Date.now().toString(36);

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

/** Selects `phrase` in the citation text box by dragging the mouse from its first letter to its last (right to left). */
async function dragSelect(page: Page, phrase: string) {
  const box = page.getByTestId("citation-text");
  await box.scrollIntoViewIfNeeded();
  const points = await box.evaluate((el, words) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const start = node.data.indexOf(words);
    if (start === -1) throw new Error("phrase not in the text box");
    const rectOf = (i: number) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      const rects = [...r.getClientRects()].filter((x) => x.width > 0);
      return rects[0]!;
    };
    // bring the phrase into the box's view
    el.scrollTop += rectOf(start).top - el.getBoundingClientRect().top - 24;
    const first = rectOf(start);
    const last = rectOf(start + words.length - 1);
    // right to left: a letter's logical start is its right edge, its end its left edge
    return { x1: first.right - 1, y1: first.top + first.height / 2, x2: last.left + 1, y2: last.top + last.height / 2 };
  }, phrase);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 5 });
  await page.mouse.move(points.x2, points.y2, { steps: 10 });
  await page.mouse.up();
}

describe("relations in the studio", () => {
  it("creates a relation citing a passage selected with the mouse, publishes it and shows it publicly", async () => {
    const page = await admin();
    await page.goto("/ar/studio/relations/new");
    await page.getByTestId("relation-form").waitFor();
    await page.getByTestId("relation-type").selectOption("holds_role_at");

    const source = page.getByTestId("relation-source");
    await source.getByTestId("entity-picker-search").fill("Appathurai");
    await source.getByTestId("entity-picker-result").filter({ hasText: "James Appathurai" }).first().click();
    expect(await source.getByTestId("entity-picker-chosen").innerText()).toContain("جيمس أباثوراي");

    const target = page.getByTestId("relation-target");
    await target.getByTestId("entity-picker-search").fill("Treaty Organization");
    await target.getByTestId("entity-picker-result").filter({ hasText: "North Atlantic Treaty Organization" }).first().click();
    expect(await target.getByTestId("entity-picker-chosen").innerText()).toContain("حلف شمال الأطلسي");

    const role = `نائب مساعد الأمين العام ${stamp}`;
    await page.getByTestId("field-roleAr").fill(role);
    await page.getByTestId("field-roleEn").fill(`Deputy Assistant Secretary General ${stamp}`);
    await page.getByTestId("field-start").fill("2016");
    expect(await page.getByTestId("precision-start").innerText()).toBe("الدقة: السنة");

    // the seeded Brussels article: choose it, then select the words with the mouse
    await page.getByTestId("citation-article-search").fill("بروكسل");
    const article = page.getByTestId("citation-article-result").first();
    await article.waitFor();
    await article.click();
    await page.getByTestId("citation-text").waitFor();
    const phrase = "نائب مساعد الأمين العام للشئون السياسية والسياسات الأمنية";
    await dragSelect(page, phrase);
    await page.waitForFunction((words) => document.querySelector('[data-testid="citation-selection-text"]')?.textContent === `«${words}»`, phrase);
    // the offsets are the words' offsets in the article's plain text
    const { start, end, text } = await page.evaluate(() => {
      const sel = document.querySelector('[data-testid="citation-selection"]')!;
      return { start: Number(sel.getAttribute("data-start")), end: Number(sel.getAttribute("data-end")), text: document.querySelector('[data-testid="citation-text"]')!.textContent! };
    });
    expect(text.slice(start, end)).toBe(phrase);
    await page.getByTestId("citation-new-note").fill("يذكر المنصب صراحة");
    await page.getByTestId("citation-add").click();
    const row = page.getByTestId("citation-row");
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId("citation-quote").innerText()).toContain(phrase);
    expect(await page.getByTestId("relation-sentence").innerText()).toContain(role);

    await page.getByTestId("save").click();
    await page.waitForURL(/\/ar\/studio\/relations\/(?!new)\w+$/);
    await page.getByTestId("citation-row").first().waitFor();
    expect(await page.getByTestId("citation-row").count()).toBe(1);
    expect(await page.getByTestId("citation-row").first().getAttribute("data-status")).toBe("anchored");
    expect(await page.getByTestId("field-roleAr").inputValue()).toBe(role);
    await publish(page);

    // the person's studio page lists the relation with its citation
    await page.getByTestId("relation-ends").getByRole("link").first().click();
    await page.waitForURL(/\/ar\/studio\/entities\/\w+$/);
    const relations = page.getByTestId("entity-relations");
    await relations.waitFor();
    const mine = page.getByTestId("entity-relation").filter({ hasText: role });
    expect(await mine.count()).toBe(1);
    expect(await mine.innerText()).toContain(phrase);
    expect(await page.getByTestId("entity-mentions").innerText()).toContain("James Appathurai");
    // its "New relation" link starts a relation from this entity
    await relations.getByTestId("new-relation").click();
    await page.waitForURL(/\/ar\/studio\/relations\/new\?source=\w+$/);
    expect(await page.getByTestId("relation-source").getByTestId("entity-picker-chosen").innerText()).toContain("جيمس أباثوراي");

    // and the public page shows it, with the cited words and their article
    const visitor = await newPage(browser);
    await visitor.goto("/ar/entities/james-appathurai");
    const main = await visitor.locator("main").innerText();
    expect(main).toContain(role);
    expect(main).toContain(phrase);
    expect(main).toContain("بروكسل");
  });

  it("shows both dates the sources give for the regional centre's inauguration", async () => {
    const page = await admin();
    const api = await page.request.get("/api/v1/entities/nato-ici-regional-centre-inauguration-2017");
    expect(api.ok()).toBe(true);
    const { data } = (await api.json()) as { data: { id: string } };
    await page.goto(`/ar/studio/entities/${data.id}`);
    const conflict = page.getByTestId("date-conflict");
    await conflict.waitFor();
    const claims = await conflict.getByTestId("date-conflict-claim").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim")));
    expect(claims).toEqual(["2017-01-23", "2017-01-24"]);
    const text = await conflict.innerText();
    expect(text).toContain("23 يناير 2017");
    expect(text).toContain("24 يناير 2017");
    expect(text).toContain("المصادر مختلفة");
    // each date with the passage that gives it
    expect(text).toContain("في 23 يناير عام 2017");
    expect(text).toContain("اليوم الثلاثاء");
  });
});
