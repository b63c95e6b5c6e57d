// The public exploration pages in Debian's Chromium: the timeline (vis-timeline) and
// the network (cytoscape), each with its server-rendered list; on a phone the network
// fits the screen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, launch, newPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("timeline", () => {
  it("draws the published events on a right-to-left time axis, lists them, and an event leads to its page", async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/ar/timeline");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("h1").innerText()).toBe("الخط الزمني");
    await page.locator(".vis-timeline").first().waitFor({ state: "visible" });
    await page.locator('[data-testid="timeline-canvas"][data-ready="true"]').waitFor();
    // a month-precision event is a range over the month, a single day a point
    expect(await page.locator(".vis-item.vis-range.precision-month").count()).toBeGreaterThan(0);
    expect(await page.locator(".vis-item.vis-range.precision-year").count()).toBeGreaterThan(0);
    expect(await page.locator(".vis-item.vis-point.precision-day").count()).toBeGreaterThan(0);
    expect(await page.locator(".vis-time-axis.vis-foreground").first().innerText()).toMatch(/20\d\d/);
    // zoomed in from the keyboard-reachable buttons, the axis names the months in Arabic
    const axis = page.locator(".vis-time-axis.vis-foreground").first();
    const arabicMonth = /يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر/;
    for (let i = 0; i < 10 && !arabicMonth.test(await axis.innerText()); i++) {
      await page.getByRole("button", { name: "تكبير" }).click();
      await page.waitForTimeout(150); // the axis redraws on a later frame
    }
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector(".vis-time-axis.vis-foreground")?.textContent ?? ""), arabicMonth.source);
    expect(await axis.innerText()).not.toMatch(/January|June|December/);

    const list = page.getByTestId("timeline-list");
    expect(await list.locator(":scope > li").count()).toBeGreaterThanOrEqual(14);
    expect(await list.innerText()).toContain("يونيو 2004"); // month names in Arabic, at the date's precision
    const link = list.locator('[data-testid="timeline-event-link"]').first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/ar\/entities\//);
    await link.click();
    await page.waitForURL(new RegExp(`${href}$`));
    expect(await page.locator("h1").innerText()).not.toBe("");
    expect(errors).toEqual([]);
  });

  it("filters by an entity chosen in the form, without JavaScript being needed", async () => {
    const page = await newPage(browser);
    await page.goto("/ar/timeline");
    const all = await page.getByTestId("timeline-list").locator(":scope > li").count();
    await page.locator('select[name="entity"]').selectOption("kuwait");
    await page.getByTestId("timeline-filter").locator('button[type="submit"]').click();
    await page.waitForURL(/entity=kuwait/);
    await page.getByTestId("timeline-filtered").waitFor();
    const some = await page.getByTestId("timeline-list").locator(":scope > li").count();
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    await page.locator('[data-testid="timeline-canvas"][data-ready="true"]').waitFor();
    expect(await page.locator(".vis-item.vis-range, .vis-item.vis-point").count()).toBe(some);
    // each row of the canvas is named by a link to the event's page
    const rowLink = page.locator(".vis-timeline .vis-label a").first();
    const href = await rowLink.getAttribute("href");
    expect(href).toMatch(/^\/ar\/entities\//);
    await rowLink.click();
    await page.waitForURL(new RegExp(`${href}$`));
  });
});

/**
 * Where the best-connected node that no other node overlaps is drawn, in page coordinates
 * (cytoscape keeps its instance on the container). On a phone-sized canvas cose can draw two
 * nodes over each other; a tap there would pick whichever is on top.
 */
async function busiestNode(page: Page): Promise<{ x: number; y: number; label: string }> {
  const node = await page.getByTestId("network-canvas").evaluate((el) => {
    type Box = { x1: number; x2: number; y1: number; y2: number };
    type Node = { id(): string; degree(loops: boolean): number; renderedPosition(): { x: number; y: number }; data(key: string): string; boundingBox(o: object): Box };
    const cy = (el as unknown as { _cyreg: { cy: { nodes(): { toArray(): Node[] }; center(n: Node): void } } })._cyreg.cy;
    const nodes = cy.nodes().toArray();
    const box = (n: Node) => n.boundingBox({ includeLabels: false, includeOverlays: false });
    const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const alone = (n: Node) => nodes.every((o) => o.id() === n.id() || !overlaps(box(n), box(o)));
    const best = nodes.filter(alone).sort((a, b) => b.degree(false) - a.degree(false))[0]!;
    // in the middle of the canvas, and the canvas in the middle of the screen
    cy.center(best);
    el.scrollIntoView({ block: "center" });
    return { ...best.renderedPosition(), label: best.data("label") };
  });
  const box = (await page.getByTestId("network-canvas").locator("canvas").first().boundingBox())!;
  return { x: box.x + node.x, y: box.y + node.y, label: node.label };
}

describe("network", () => {
  it("draws the cytoscape canvas and the list; an entity in the list leads to its page", async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/ar/network");
    expect(await page.locator("h1").innerText()).toBe("شبكة العلاقات");
    const canvas = page.locator('[data-testid="network-canvas"][data-ready="true"]');
    await canvas.waitFor();
    expect(await canvas.locator("canvas").count()).toBeGreaterThan(0);
    expect(Number(await canvas.getAttribute("data-nodes"))).toBeGreaterThanOrEqual(52);
    expect(await page.getByTestId("network-legend").innerText()).toContain("حدث");

    // clicking a node selects it and offers its page
    const node = await busiestNode(page);
    await page.mouse.click(node.x, node.y);
    const selected = page.getByTestId("network-selected");
    await selected.locator("a").waitFor();
    expect(await selected.innerText()).toContain(node.label);
    expect(await selected.locator("a").getAttribute("href")).toMatch(/^\/ar\/entities\//);

    const link = page.getByTestId("network-list").locator('[data-testid="network-entity-link"]').first();
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/ar\/entities\//);
    await link.click();
    await page.waitForURL(new RegExp(`${href}$`));
    expect(await page.locator("h1").innerText()).not.toBe("");
    expect(errors).toEqual([]);
  });

  it("fits a phone screen without sideways scrolling, and so does the timeline", async () => {
    const context = await browser.newContext({ baseURL: BASE_URL, locale: "ar", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto("/ar/network?type=person&type=organization&comentions=1");
    const canvas = page.locator('[data-testid="network-canvas"][data-ready="true"]');
    await canvas.waitFor();
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // tap a node: selected; tap it again: its page
    const node = await busiestNode(page);
    await page.touchscreen.tap(node.x, node.y);
    await page.getByTestId("network-selected").locator("a").waitFor();
    expect(await page.getByTestId("network-selected").innerText()).toContain(node.label);
    await page.touchscreen.tap(node.x, node.y);
    await page.waitForURL(/\/ar\/entities\//);
    expect(await page.locator("h1").innerText()).toBe(node.label);

    await page.goto("/ar/timeline");
    await page.locator('[data-testid="timeline-canvas"][data-ready="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
