import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { index } from "./dataset";
import { filterRecords } from "@/lib/select";
import { DEFAULT_VIEW } from "@/lib/view";

const activeRecord = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-record") ?? null);
const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);

test("the first Tab reaches a skip link, shown once focused", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  await page.keyboard.press("Tab");
  expect(await activeText(page)).toBe("Skip to the timeline");
  const box = await page.getByRole("link", { name: "Skip to the timeline" }).boundingBox();
  expect(box!.width).toBeGreaterThan(20);
  expect(box!.height).toBeGreaterThan(10);
  await page.keyboard.press("Tab");
  expect(await activeText(page)).toBe("Skip to the network");
  await page.keyboard.press("Tab");
  expect(await activeText(page)).toBe("Skip to the quotes");
  expect(await axeViolations(page)).toEqual([]);
});

test("skipping to the timeline puts its first mark within five Tab presses of the top", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby")))
    .toBe("timeline-heading");
  let presses = 1;
  while (presses < 5 && !(await activeRecord(page))?.startsWith("event:")) {
    await page.keyboard.press("Tab");
    presses += 1;
  }
  expect(await activeRecord(page)).toMatch(/^event:/);
  expect(presses).toBeLessThanOrEqual(5);
});

test("the other skip links move focus to the network and the quotes", async ({ page }) => {
  await page.goto("/");
  for (const [name, heading] of [
    ["Skip to the network", "network-heading"],
    ["Skip to the quotes", "quotes-heading"],
  ] as const) {
    await page.getByRole("link", { name }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby")))
      .toBe(heading);
  }
});

test("print shows the views without their controls, every quote, the permalink and the sources, and makes a PDF", async ({
  page,
}) => {
  const quotes = filterRecords(index, { ...DEFAULT_VIEW, episode: "april-2024" }).quotes;
  expect(quotes.length).toBeGreaterThan(0);
  // A list this short is drawn whole rather than windowed.
  expect(quotes.length).toBeLessThan(200);
  await page.goto("/?episode=april-2024");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  await expect(page.getByTestId("print-footer")).toBeHidden();
  expect(await axeViolations(page)).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".filter-bar")).toBeHidden();
  await expect(page.getByRole("link", { name: "Skip to the timeline" })).toBeHidden();
  const footer = page.getByTestId("print-footer");
  await expect(footer).toBeVisible();
  await expect(footer.getByTestId("print-permalink")).toHaveText(page.url());
  expect(page.url()).toContain("episode=april-2024");
  expect(index.data.sources).toHaveLength(5);
  for (const s of index.data.sources) await expect(footer).toContainText(s.title);

  const region = page.getByRole("region", { name: "Quotes" });
  const cards = region.locator("[data-record^='quote:']");
  await expect(cards).toHaveCount(quotes.length);
  const boxes = await cards.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      // The nearest ancestor that clips (a scroll box), if any, and whether the card lies wholly inside it.
      let clip: Element | null = el.parentElement;
      while (clip && getComputedStyle(clip).overflowY === "visible") clip = clip.parentElement;
      const inside =
        !clip || clip === document.documentElement || clip === document.body
          ? true
          : r.bottom <= clip.getBoundingClientRect().bottom + 1;
      return { height: r.height, inside, hidden: getComputedStyle(el).contentVisibility === "auto" };
    }),
  );
  for (const b of boxes) expect(b).toEqual({ height: expect.any(Number), inside: true, hidden: false });
  expect(Math.min(...boxes.map((b) => b.height))).toBeGreaterThan(0);
  expect(
    await region.getByTestId("quote-list").evaluate((el) => el.scrollHeight <= el.clientHeight + 1),
  ).toBe(true);

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);
});
