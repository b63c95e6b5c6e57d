// The editorial studio in a real Chromium: a contributor imports and submits, an
// editor requests changes, the contributor fixes and resubmits, the editor publishes;
// the public sees it; a published article edited stays old until the new version is
// published; a scheduled article goes live on its own; the history diff shows a
// change and restore brings the old text back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, newPage, signIn } from "./browser";

let browser: Browser;
const password = "a-long-enough-password";
const stamp = Date.now().toString(36);
const people = {
  contributor: { email: `contrib-${stamp}@example.org`, name: "Contributor One", role: "contributor" as const },
  editor: { email: `editor-${stamp}@example.org`, name: "Editor One", role: "editor" as const },
};

beforeAll(async () => {
  // staff accounts written straight into the app's database, as `npm run user` would
  process.env.DATABASE_URL = process.env.SIJILL_E2E_DATABASE_URL;
  const { createUser } = await import("@/lib/users/data");
  for (const p of Object.values(people)) await createUser({ ...p, password });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
});

async function signedIn(who: keyof typeof people): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, people[who].email, password);
  await page.waitForURL(/\/ar\/studio$/);
  return page;
}

async function transition(page: Page, name: string, comment?: string) {
  await page.getByTestId(`transition-${name}`).click();
  if (comment) await page.getByTestId("transition-comment").fill(comment);
  await page.getByTestId("transition-confirm").click();
  await page.waitForFunction((n) => !document.querySelector(`[data-testid="transition-form"]`) && document.body.innerText.length > 0, name);
}

async function workflowState(page: Page) {
  const el = page.getByTestId("workflow-state");
  return { state: await el.getAttribute("data-state"), pending: await el.getAttribute("data-pending-state") };
}

async function waitForState(page: Page, state: string, pending = "") {
  await page.waitForFunction(
    ([s, p]) => {
      const el = document.querySelector('[data-testid="workflow-state"]');
      return el?.getAttribute("data-state") === s && el?.getAttribute("data-pending-state") === p;
    },
    [state, pending] as const,
  );
}

async function replaceBody(page: Page, text: string) {
  const body = page.getByTestId("field-body");
  await body.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

async function saveAndWait(page: Page) {
  await page.getByTestId("save").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute("data-status") === "saved");
}

const ARTICLE = [
  "الكويت تستضيف ورشة عمل للناتو حول أمن الطاقة " + stamp,
  "",
  "الكويت - 12 مارس 2024 (كونا) -- استضاف مركز حلف شمال الأطلسي الإقليمي في الكويت اليوم ورشة عمل حول أمن الطاقة بمشاركة دول مبادرة إسطنبول للتعاون.",
  "",
  "وقال المتحدث إن الورشة تناولت حماية البنية التحتية الحيوية.",
].join("\n");

describe("editorial workflow in the studio", () => {
  let articleUrl = "";
  let publicUrl = "";

  it("a contributor imports an article and submits it", async () => {
    const page = await signedIn("contributor");
    await page.goto("/ar/studio/articles/import");
    await page.getByTestId("import-text").fill(ARTICLE);
    await page.getByTestId("import-check").click();
    const item = page.getByTestId("import-item");
    await item.waitFor();
    expect(await item.innerText()).toContain("الكويت تستضيف ورشة عمل للناتو");
    await page.getByTestId("import-run").click();
    await page.getByTestId("imported-link").waitFor();
    articleUrl = (await page.getByTestId("imported-link").getAttribute("href"))!;
    expect(articleUrl).toMatch(/^\/ar\/studio\/articles\/\w+$/);

    await page.goto(articleUrl);
    expect(await page.getByTestId("field-title").inputValue()).toContain("الكويت تستضيف ورشة عمل للناتو");
    expect(await page.getByTestId("field-publishedOn").inputValue()).toBe("2024-03-12");
    await transition(page, "submit");
    await waitForState(page, "in_review");
    // a contributor cannot publish
    expect(await page.getByTestId("transition-publish").count()).toBe(0);
  });

  it("an editor requests changes; the contributor edits and resubmits; the editor publishes; a visitor sees it", async () => {
    const editor = await signedIn("editor");
    await editor.goto(articleUrl);
    await transition(editor, "request_changes", "اذكر اسم المتحدث");
    await waitForState(editor, "draft");

    const contributor = await signedIn("contributor");
    await contributor.goto(articleUrl);
    expect(await contributor.getByTestId("review-history").innerText()).toContain("اذكر اسم المتحدث");
    await replaceBody(contributor, "قال المتحدث باسم الحلف إن الورشة تناولت حماية البنية التحتية الحيوية.");
    await saveAndWait(contributor);
    await transition(contributor, "submit");
    await waitForState(contributor, "in_review");

    await editor.reload();
    await transition(editor, "publish");
    await waitForState(editor, "published");

    const visitor = await newPage(browser);
    await visitor.goto("/ar");
    const link = visitor.getByRole("link", { name: new RegExp(`ورشة عمل للناتو حول أمن الطاقة ${stamp}`) }).first();
    await link.waitFor();
    publicUrl = (await link.getAttribute("href"))!;
    await visitor.goto(publicUrl);
    expect(await visitor.locator("main").innerText()).toContain("قال المتحدث باسم الحلف");
  });

  it("editing the published article leaves the public text as it was until the new version is published", async () => {
    const editor = await signedIn("editor");
    await editor.goto(articleUrl);
    await editor.getByTestId("pending-notice").waitFor();
    await replaceBody(editor, "نص منقح: أكد المتحدث باسم الحلف أهمية أمن الطاقة.");
    await saveAndWait(editor);
    await editor.reload();
    expect(await workflowState(editor)).toEqual({ state: "published", pending: "draft" });

    const visitor = await newPage(browser);
    await visitor.goto(publicUrl);
    let text = await visitor.locator("main").innerText();
    expect(text).toContain("قال المتحدث باسم الحلف");
    expect(text).not.toContain("نص منقح");

    await transition(editor, "publish");
    await waitForState(editor, "published", "");
    await visitor.reload();
    text = await visitor.locator("main").innerText();
    expect(text).toContain("نص منقح");
    expect(text).not.toContain("قال المتحدث باسم الحلف إن الورشة");
  });

  it("the revision diff shows the change and restore brings the old text back", async () => {
    const editor = await signedIn("editor");
    const id = articleUrl.split("/").pop();
    await editor.goto(`/ar/studio/history/article/${id}`);
    await editor.getByTestId("compare").waitFor();
    // the newest two versions by default: the published edit against the one before
    const added = (await editor.locator("main ins").allTextContents()).join(" ");
    const removed = (await editor.locator("main del").allTextContents()).join(" ");
    expect(added).toContain("منقح");
    expect(removed).toContain("تناولت");

    // restore the contributor's corrected text (version 2, the one published first)
    await editor.locator('[data-testid="restore-2"]').first().click();
    await editor.locator('[data-testid="restore-2-confirm"]').click();
    await editor.locator('[data-testid="restore-2-dialog"]').waitFor({ state: "detached" });
    await editor.waitForLoadState("networkidle");
    await editor.goto(articleUrl);
    expect(await editor.getByTestId("field-body").innerText()).toContain("قال المتحدث باسم الحلف");
    expect(await workflowState(editor)).toEqual({ state: "published", pending: "draft" });
  });

  it("a scheduled article goes live on its own", async () => {
    const editor = await signedIn("editor");
    await editor.goto("/ar/studio/articles/new");
    await editor.getByTestId("field-title").fill(`مقال مجدول ${stamp}`);
    await replaceBody(editor, "هذا نص سيُنشر في موعده.");
    await editor.getByTestId("save").click();
    await editor.waitForURL(/\/ar\/studio\/articles\/(?!new)\w+$/);
    await editor.getByTestId("transition-schedule").click();
    // seconds are allowed: a few seconds from now, in UTC as the field says
    await editor.getByTestId("publish-at").fill(new Date(Date.now() + 8000).toISOString().slice(0, 19));
    await editor.getByTestId("transition-confirm").click();
    await editor.getByTestId("transition-unschedule").waitFor();

    const visitor = await newPage(browser);
    const deadline = Date.now() + 45_000;
    let live = false;
    while (Date.now() < deadline && !live) {
      await visitor.goto("/ar");
      live = (await visitor.getByText(`مقال مجدول ${stamp}`).count()) > 0;
      if (!live) await new Promise((r) => setTimeout(r, 2000));
    }
    expect(live).toBe(true);
  });
});
