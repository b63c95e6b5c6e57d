// Linking and annotating passages in the studio's article reader, in a real Chromium:
// a selection linked to an existing entity found under another spelling, a new
// entity created inline, suggestions confirmed in bulk, a passage annotated, and the
// annotation kept on the same words after the article text is corrected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ADMIN, launch, newPage, signIn } from "./browser";

let browser: Browser;
let articleId = "";
const stamp = Date.now().toString(36);
const BODY = [
  `قال الأمين العام شتولتنبرغ في الكويت إن مركز الحلف سيستضيف دورة تدريبية جديدة ${stamp}.`,
  `وشارك في الإعداد المعهد الخليجي للدراسات ${stamp} إلى جانب مبادرة إسطنبول للتعاون.`,
];

beforeAll(async () => {
  process.env.DATABASE_URL = process.env.SIJILL_E2E_DATABASE_URL;
  const { importArticle } = await import("@/lib/articles/data");
  const { db } = await import("@/lib/db/client");
  const admin = await db().user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true, role: true } });
  const r = await importArticle(admin, { fileName: null, format: "txt", text: [`تدريب جديد في الكويت ${stamp}`, "", ...BODY.flatMap((p) => [p, ""])].join("\n"), url: null });
  if (r.status !== "imported") throw new Error("import failed");
  articleId = r.id;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
});

async function reader(): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL(/\/ar\/studio$/);
  await page.goto(`/ar/studio/articles/${articleId}/passages`);
  await page.getByTestId("reader-text").waitFor();
  return page;
}

/** Selects words in the reader's text the way a mouse does (a DOM selection, then mouseup). */
async function selectWithMouse(page: Page, words: string) {
  await page.evaluate((w) => {
    const box = document.querySelector('[data-testid="reader-text"]')!;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(w);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + w.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
    }
    throw new Error(`"${w}" is not in the text`);
  }, words);
  await page.getByTestId("selection-panel").waitFor();
}

async function done(page: Page) {
  await page.getByTestId("reader-message").waitFor();
  const msg = page.getByTestId("reader-message");
  expect(await msg.getAttribute("role")).toBe("status");
}

const markText = (page: Page, passageId: string) => page.locator(`mark[data-passages~="${passageId}"]`).allTextContents().then((t) => t.join(""));

describe("passages in the studio's article reader", () => {
  it("links a selection to an existing entity found under another spelling", async () => {
    const page = await reader();
    await selectWithMouse(page, "شتولتنبرغ");
    // the search starts from the selected words: «شتولتنبرغ» is an alias of Jens Stoltenberg (written ستولتنبرغ in his name)
    const result = page.getByTestId("entity-result").filter({ hasText: "ينس ستولتنبرغ" });
    await result.first().waitFor();
    await result.first().click();
    await done(page);
    // (other entities may have suggested links on these words too: the confirmed link is the one shown)
    const mark = page.locator('mark[data-state="confirmed"]', { hasText: "شتولتنبرغ" });
    await mark.waitFor();
    await mark.focus();
    expect(await page.getByTestId("passage-inspector").innerText()).toContain("ينس ستولتنبرغ");
  });

  it("creates a new entity inline from a selection typed with the keyboard", async () => {
    const page = await reader();
    await page.getByTestId("find-words").fill(`المعهد الخليجي للدراسات ${stamp}`);
    await page.getByTestId("find-words").press("Enter");
    await page.getByTestId("selection-panel").waitFor();
    await page.getByTestId("create-entity").click();
    await page.getByTestId("new-entity-type").selectOption("organization");
    await page.getByTestId("new-entity-en").fill(`Gulf Institute for Studies ${stamp}`);
    await page.getByTestId("create-entity-submit").click();
    await done(page);
    await page.locator("mark", { hasText: `المعهد الخليجي للدراسات ${stamp}` }).waitFor();
  });

  it("confirms the suggested mentions in bulk", async () => {
    const page = await reader();
    const count = await page.getByTestId("suggestion").count();
    expect(count).toBeGreaterThanOrEqual(2); // الكويت, مبادرة إسطنبول للتعاون…
    // where each suggested passage starts (its link in the list points at it)
    const anchors = await page.getByTestId("suggestion").locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    await page.getByTestId("select-all-suggestions").check();
    await page.getByTestId("confirm-selected").click();
    await done(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="suggestion"]').length === 0);
    expect(await page.locator('mark[data-state="suggested"]').count()).toBe(0);
    for (const href of anchors) expect(await page.locator(`mark${href}`).getAttribute("data-state")).toBe("confirmed");
  });

  it("annotates a passage, and the note stays on the same words after the text is corrected", async () => {
    const page = await reader();
    await selectWithMouse(page, "دورة تدريبية جديدة");
    await page.getByTestId("mode-note").click();
    await page.getByTestId("note-text").fill("تحقق من موعد الدورة");
    await page.getByTestId("note-visibility").selectOption("public");
    await page.getByTestId("note-submit").click();
    await done(page);
    const noteMark = page.locator("mark.passage-note").first();
    await noteMark.waitFor();
    const noteId = (await noteMark.getAttribute("data-passages"))!.split(" ").find(Boolean)!;
    // find the annotation's id among the passages covering the mark
    const ids = (await noteMark.getAttribute("data-passages"))!.split(" ");
    expect(ids.length).toBeGreaterThan(0);

    // correct the article: new words before the annotated ones
    await page.goto(`/ar/studio/articles/${articleId}`);
    const body = page.getByTestId("field-body");
    await body.click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("في تصريح صحفي اليوم، ");
    await page.getByTestId("save").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-status") === "saved");

    await page.goto(`/ar/studio/articles/${articleId}/passages`);
    const text = await page.getByTestId("reader-text").innerText();
    expect(text.startsWith("في تصريح صحفي اليوم، ")).toBe(true);
    expect(await markText(page, noteId)).toBe("دورة تدريبية جديدة");
    expect(await page.getByTestId("orphaned").count()).toBe(0);
  });
});
