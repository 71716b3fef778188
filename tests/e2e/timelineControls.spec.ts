import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { index } from "./dataset";

// The time axis' controls drawn with visx: the overview's year brush, the width the views are laid out at,
// and the marks' tooltips (timeline.spec.ts has the rest of the time axis).

const timeline = (page: Page) => page.getByRole("region", { name: "Escalation timeline" });
const overview = (page: Page) => timeline(page).getByTestId("timeline-overview");
const mark = (page: Page, id: string) => timeline(page).locator(`[data-record="event:${id}"]`);
/** Opens a URL and waits until the timeline has hydrated and measured its width. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(timeline(page).getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

/** Fraction of the overview's width at 1 January of `year` (the axis runs from the first year to after the last). */
const yearAt = (year: number) =>
  (Date.UTC(year, 0, 1) - Date.UTC(index.span.start, 0, 1)) /
  (Date.UTC(index.span.end + 1, 0, 1) - Date.UTC(index.span.start, 0, 1));

test("the brush snaps to whole years, keeps a drag released over a band, and ignores other buttons", async ({
  page,
}) => {
  const ep = index.data.episodes.find((e) => e.id === "soleimani-2020") ?? index.data.episodes[0]!;
  const [from, to] = [Number(ep.start.slice(0, 4)) - 4, Number(ep.start.slice(0, 4))];
  await open(page, `/?years=${from}-${to - 1}`);
  const strip = overview(page);
  await strip.scrollIntoViewIfNeeded();
  const box = (await strip.boundingBox())!;
  const xOf = (year: number) => box.x + (yearAt(year) + yearAt(year + 1)) * 0.5 * box.width;
  const y = box.y + box.height - 6;
  // Drawn from 1 January of the first year to 1 January after the last (laid out in whole pixels).
  const expectDrawn = async (start: number, end: number) => {
    const drawn = (await strip.getByTestId("timeline-years").boundingBox())!;
    expect(Math.abs(drawn.x - box.x - yearAt(start) * box.width)).toBeLessThan(1.5);
    expect(Math.abs(drawn.x + drawn.width - box.x - yearAt(end + 1) * box.width)).toBeLessThan(1.5);
  };
  await expectDrawn(from, to - 1);
  // Released over the band (drawn over the brush), the drag ends there: the band's episode is left alone, and
  // a later move changes nothing.
  const band = (await strip.locator(`[data-episode="${ep.id}"] rect`).boundingBox())!;
  const over = { x: band.x + band.width / 2, y: band.y + band.height / 2 };
  const hit = await page.evaluate(
    (p) => document.elementFromPoint(p.x, p.y)?.closest("[data-episode]")?.getAttribute("data-episode"),
    over,
  );
  expect(hit).toBe(ep.id);
  await page.mouse.move(xOf(from), y);
  await page.mouse.down();
  await page.mouse.move(over.x, over.y, { steps: 6 });
  await page.mouse.up();
  const brushed = new RegExp(`/\\?years=${from}-${to}$`);
  await expect(page).toHaveURL(brushed);
  await page.mouse.move(xOf(index.span.start), y, { steps: 4 });
  await expectDrawn(from, to);
  // The secondary button neither brushes nor clears.
  await page.mouse.down({ button: "right" });
  await page.mouse.move(xOf(index.span.start + 3), y, { steps: 4 });
  await page.mouse.up({ button: "right" });
  await expect(page).toHaveURL(brushed);
});

test("the overview is laid out at its box's width in whole pixels, and a change of height alone keeps it", async ({
  page,
}) => {
  await open(page, "/");
  const laidOut = () =>
    overview(page).evaluate((el) => ({
      width: el.getAttribute("width"),
      viewBox: el.getAttribute("viewBox")!.split(" ")[2],
      box: String(Math.floor(el.parentElement!.getBoundingClientRect().width)),
    }));
  const wide = await laidOut();
  expect(wide).toEqual({ width: wide.box, viewBox: wide.box, box: wide.box });
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(async () => Number((await laidOut()).width)).toBeLessThan(Number(wide.width));
  const narrow = await laidOut();
  expect(narrow).toEqual({ width: narrow.box, viewBox: narrow.box, box: narrow.box });
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await laidOut()).toEqual(narrow);
});

test("a hovered mark's tooltip only describes it and goes with the pointer; a focused one stays until Esc", async ({
  page,
}) => {
  const event = index.data.events.find((e) => e.episode === null) ?? index.data.events[0]!;
  await open(page, "/");
  const tip = timeline(page).getByTestId("timeline-tooltip");
  await mark(page, event.id).hover();
  await expect(tip).toContainText(event.title);
  await expect(tip).not.toHaveAttribute("data-interactive", "true");
  await expect(tip.getByRole("button")).toHaveCount(0);
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  await mark(page, event.id).focus();
  await expect(tip.getByRole("button", { name: /^Source/ })).toBeVisible();
  await expect(mark(page, event.id)).toHaveAttribute("aria-describedby", (await tip.getAttribute("id"))!);
  await page.keyboard.press("Escape");
  await expect(tip).toHaveCount(0);
  await expect(mark(page, event.id)).toBeFocused();
});
