// Entities and dossiers in the studio, in a real Chromium: an entity with an alias is
// created and published; a dossier gets items from the picker, is reordered with the
// keyboard and by drag and drop, keeps that order after saving, and shows it publicly.
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

async function saved(page: Page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-status") === "saved");
}

async function publish(page: Page) {
  await page.getByTestId("transition-publish").click();
  await page.getByTestId("transition-confirm").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="workflow-state"]')?.getAttribute("data-state") === "published");
}

const itemTitles = async (page: Page) => (await page.getByTestId("dossier-item").allInnerTexts()).map((t) => t.replace(/\s+/g, " "));

describe("entities and dossiers in the studio", () => {
  it("creates and publishes a person with an alias spelled another way", async () => {
    const page = await admin();
    await page.goto("/ar/studio/entities/new?type=person");
    await page.getByTestId("field-nameAr").fill(`ينس ستولتنبرغ ${stamp}`);
    await page.getByTestId("field-nameEn").fill(`Jens Test ${stamp}`);
    await page.getByTestId("alias-add").click();
    await page.getByTestId("alias-name").last().fill(`شتولتنبرغ ${stamp}`);
    await page.getByTestId("save").click();
    await page.waitForURL(/\/ar\/studio\/entities\/(?!new)\w+$/);
    expect(await page.getByTestId("alias-name").last().inputValue()).toBe(`شتولتنبرغ ${stamp}`);
    await publish(page);

    const visitor = await newPage(browser);
    await visitor.goto("/ar/people");
    await visitor.getByText(`ينس ستولتنبرغ ${stamp}`).first().click();
    await visitor.waitForURL(/\/ar\/entities\//);
    expect(await visitor.locator("main").innerText()).toContain(`شتولتنبرغ ${stamp}`);
  });

  it("builds a dossier from the picker, reorders it by keyboard and drag and drop, and keeps the order", async () => {
    const page = await admin();
    await page.goto("/ar/studio/dossiers/new");
    await page.getByTestId("field-titleAr").fill(`ملف تجريبي ${stamp}`);
    await page.getByTestId("field-titleEn").fill(`Test dossier ${stamp}`);
    await page.getByTestId("save").click();
    await page.waitForURL(/\/ar\/studio\/dossiers\/(?!new)\w+$/);
    const editorUrl = page.url();

    // two seeded articles and the person created above
    for (const [type, q] of [["article", "بروكسل"], ["article", "نيويورك"], ["person", stamp]] as const) {
      await page.getByTestId("item-add-type").selectOption(type);
      await page.getByTestId("item-add-search").fill(q);
      const result = page.getByTestId("item-add-result").first();
      await result.waitFor();
      await result.click();
    }
    let titles = await itemTitles(page);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toContain("بروكسل");
    expect(titles[1]).toContain("نيويورك");
    expect(titles[2]).toContain(stamp);

    // keyboard: move the person up twice with its "move up" button
    const up = page.getByTestId("dossier-item").nth(2).getByRole("button", { name: /إلى الأعلى|أعلى|up/i });
    await up.click();
    await page.getByTestId("dossier-item").nth(1).getByRole("button", { name: /إلى الأعلى|أعلى|up/i }).click();
    titles = await itemTitles(page);
    expect(titles[0]).toContain(stamp);

    // drag and drop with the keyboard (dnd-kit's keyboard sensor): the last item (نيويورك) two places up
    await page.getByTestId("show-notes").uncheck(); // compact rows
    const handle = page.getByTestId("dossier-item").nth(2).getByTestId("drag-handle");
    await handle.focus();
    for (const key of ["Space", "ArrowUp", "ArrowUp", "Space"]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250); // dnd-kit measures and animates between steps
    }
    await page.waitForTimeout(300);
    titles = await itemTitles(page);
    expect(titles[0]).toContain("نيويورك");
    expect(titles[1]).toContain(stamp);
    expect(titles[2]).toContain("بروكسل");

    // and with the mouse: the first item (نيويورك) dragged below the last one, then back
    const box = async (i: number) => (await page.getByTestId("dossier-item").nth(i).getByTestId("drag-handle").boundingBox())!;
    const drag = async (from: number, to: number) => {
      const a = await box(from);
      const b = await box(to);
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + (b.y > a.y ? 12 : -12), { steps: 4 });
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + (b.y > a.y ? 8 : -8), { steps: 15 });
      await page.mouse.up();
      await page.waitForTimeout(300);
    };
    await drag(0, 2);
    titles = await itemTitles(page);
    expect(titles[2]).toContain("نيويورك");
    await drag(2, 0);
    titles = await itemTitles(page);
    expect(titles[0]).toContain("نيويورك");
    expect(titles[1]).toContain(stamp);
    expect(titles[2]).toContain("بروكسل");

    await page.getByTestId("save").click();
    await saved(page);
    await page.goto(editorUrl);
    titles = await itemTitles(page);
    expect(titles[0]).toContain("نيويورك");
    expect(titles[1]).toContain(stamp);
    expect(titles[2]).toContain("بروكسل");

    await publish(page);
    const visitor = await newPage(browser);
    await visitor.goto("/ar");
    await visitor.getByText(`ملف تجريبي ${stamp}`).first().click();
    await visitor.waitForURL(/\/ar\/dossiers\//);
    const text = await visitor.locator("main").innerText();
    const order = ["نيويورك", `ينس ستولتنبرغ ${stamp}`, "بروكسل"].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
