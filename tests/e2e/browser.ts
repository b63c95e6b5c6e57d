// Playwright (playwright-core) driving Debian's Chromium: never a downloaded browser.
import { chromium, type Browser, type Page } from "playwright-core";

export const BASE_URL = process.env.SIJILL_E2E_BASE_URL ?? "";
export const ADMIN = { email: process.env.SIJILL_TEST_ADMIN_EMAIL ?? "", password: process.env.SIJILL_TEST_ADMIN_PASSWORD ?? "" };

if (!BASE_URL) throw new Error("Browser tests run through `npm test` (SIJILL_E2E_BASE_URL is not set).");

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SIJILL_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}

export async function newPage(browser: Browser, opts: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: opts.locale ?? "ar" });
  return context.newPage();
}

export async function signIn(page: Page, email: string, password: string, locale = "ar"): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
}
