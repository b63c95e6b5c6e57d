import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ADMIN, launch, newPage, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("staff sign-in", () => {
  it("the seeded admin signs in, sees the studio, and signs out", async () => {
    const page = await newPage(browser);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/ar\/studio$/);
    await expect(page.getByTestId("studio").isVisible()).resolves.toBe(true);
    const text = await page.getByTestId("studio").innerText();
    expect(text).toContain("الاستوديو");
    // the seeded, published articles are counted (other browser tests may have published more)
    const published = Number(/(\d+) منشور/.exec(await page.getByTestId("counts-article").innerText())?.[1]);
    expect(published).toBeGreaterThanOrEqual(5);
    await page.getByRole("button", { name: "خروج" }).click();
    await page.waitForURL(/\/ar\/sign-in\?signedOut=1/);
    await page.goto("/ar/studio");
    await page.waitForURL(/\/ar\/sign-in/);
  });

  it("a wrong password is refused with the same message as an unknown account", async () => {
    const page = await newPage(browser);
    await signIn(page, ADMIN.email, "definitely-not-the-password");
    const error = page.getByTestId("sign-in-error");
    await error.waitFor();
    const wrongPassword = await error.innerText();
    expect(page.url()).toContain("/ar/sign-in");

    const other = await newPage(browser);
    await signIn(other, "nobody@example.org", "definitely-not-the-password");
    await other.getByTestId("sign-in-error").waitFor();
    expect(await other.getByTestId("sign-in-error").innerText()).toBe(wrongPassword);

    await page.goto("/ar/studio");
    await page.waitForURL(/\/ar\/sign-in/);
  });

  it("the studio is closed to visitors", async () => {
    const page = await newPage(browser);
    await page.goto("/en/studio");
    await page.waitForURL(/\/en\/sign-in\?returnTo=/);
  });
});
