import type { Locator, Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { expectedCounts, index } from "./dataset";
import { filterRecords } from "@/lib/select";
import { timeOrder } from "@/lib/layout/timeline";
import { formatDate } from "@/lib/time";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";

// The escalation time axis: an overview of the whole span with the episodes as bands, detail panels per
// episode, marks that focus their event everywhere, a brush for years, and a keyboard path in time order.

const timeline = (page: Page) => page.getByRole("region", { name: "Escalation timeline" });
const overview = (page: Page) => timeline(page).getByTestId("timeline-overview");
const mark = (page: Page, id: string) => timeline(page).locator(`[data-record="event:${id}"]`);
const allMarks = (page: Page) => timeline(page).locator('[data-record^="event:"]');
/** Opens a URL and waits until the timeline has hydrated and measured its width. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(timeline(page).getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const focusUrl = (id: string) => new RegExp(`[?&]focus=event(:|%3A)${esc(id)}(&|$)`);

/** What the timeline draws under a view: every filter but the years (it dims those instead). */
const drawn = (patch: Partial<ViewState>) =>
  filterRecords(index, { ...DEFAULT_VIEW, ...patch }, { ignoreYears: true }).events;

async function counts(page: Page) {
  return {
    events: Number(await page.getByTestId("count-events").textContent()),
    stances: Number(await page.getByTestId("count-stances").textContent()),
    quotes: Number(await page.getByTestId("count-quotes").textContent()),
  };
}

/** Pairs of boxes (of the matched elements inside `scope`) that overlap by more than a hair. */
async function overlaps(scope: Locator, selector: string): Promise<string[]> {
  return scope.evaluate((root, sel) => {
    const boxes = [...root.querySelectorAll(sel)]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const name = (el: Element) =>
      el.closest("[data-record]")?.getAttribute("data-record") ?? el.textContent ?? el.tagName;
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        // A mark's own label may sit on its own bar; only different records must keep apart.
        const ra = boxes[i]!.el.closest("[data-record]");
        if (ra && ra === boxes[j]!.el.closest("[data-record]")) continue;
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0.5 && h > 0.5) out.push(`${name(boxes[i]!.el)} × ${name(boxes[j]!.el)}`);
      }
    return out;
  }, selector);
}

test("the overview shows the whole span with the four episodes as labelled bands, and every event once", async ({
  page,
}) => {
  await open(page, "/");
  const strip = overview(page);
  await expect(strip).toBeVisible();
  expect(index.data.episodes.length).toBe(4);
  for (const ep of index.data.episodes) {
    const band = strip.locator(`[data-episode="${ep.id}"]`);
    await expect(band).toHaveCount(1);
    await expect(band.locator("text")).toHaveText(ep.label);
    await expect(
      timeline(page).getByRole("heading", { level: 3, name: ep.label, exact: true }),
    ).toBeVisible();
  }
  await expect(strip).toContainText(String(index.span.start));
  await expect(strip).toContainText(String(index.span.end));
  await expect(allMarks(page)).toHaveCount(index.data.events.length);
  // Background events sit on the overview; episode events in their episode's panel.
  for (const e of index.data.events) {
    const scope = e.episode ? timeline(page).locator(`[data-episode-panel="${e.episode}"]`) : strip;
    await expect(scope.locator(`[data-record="event:${e.id}"]`)).toHaveCount(1);
  }
  // A month- or year-precision event is a bar over its span, a day-precision one a point.
  const vague = index.data.events.find((e) => e.datePrecision !== "day")!;
  await expect(mark(page, vague.id).locator('rect[data-part="glyph"]')).toHaveCount(1);
  const exact = index.data.events.find((e) => e.datePrecision === "day")!;
  await expect(mark(page, exact.id).locator('path[data-part="glyph"]')).toHaveCount(1);
  // Close events (13–15 April 2024, 21–23 June 2025) stay distinguishable: no mark hides another.
  const close = index.data.events.filter(
    (e) =>
      (e.date >= "2024-04-13" && e.date <= "2024-04-15") ||
      (e.date >= "2025-06-21" && e.date <= "2025-06-23"),
  );
  expect(close.length).toBeGreaterThan(4);
  expect(await overlaps(timeline(page), '[data-part="glyph"]')).toEqual([]);
});

test("clicking a mark focuses its event: the URL, the mark and its linked quotes stand out; Source opens it", async ({
  page,
}) => {
  const event = index.data.events
    .filter((e) => e.datePrecision === "day" && (index.quotesByEvent.get(e.id)?.length ?? 0) > 0)
    .sort((a, b) => a.date.localeCompare(b.date))[0]!;
  expect(event).toBeDefined();
  const quotes = index.quotesByEvent.get(event.id)!;
  await open(page, "/");
  await mark(page, event.id).click();
  await expect(page).toHaveURL(focusUrl(event.id));
  await expect(mark(page, event.id)).toHaveAttribute("data-focused", "true");
  await expect(mark(page, event.id)).toHaveAttribute("aria-pressed", "true");
  // Unlinked events step back here; the event's quotes stand out in the quote panel.
  const unlinked = index.data.events.find((e) => e.id !== event.id)!;
  await expect(mark(page, unlinked.id)).toHaveAttribute("data-dimmed", "true");
  await expect(mark(page, unlinked.id)).not.toHaveAttribute("data-linked", "true");
  const quotesRegion = page.getByRole("region", { name: "Quotes" });
  for (const q of quotes)
    await expect(quotesRegion.locator(`[data-record="quote:${q.id}"]`).first()).toHaveAttribute(
      "data-linked",
      "true",
    );

  const selected = timeline(page).getByTestId("timeline-selected");
  await expect(selected).toContainText(event.title);
  await expect(selected).toContainText(index.sourceById.get(event.sourceId)!.publisher);
  await selected.getByRole("button", { name: /^Source/ }).click();
  const panel = page.getByTestId("evidence-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(event.title);
  await panel.getByRole("button", { name: "Close evidence panel" }).click();

  // Clicking the mark again clears the focus.
  await mark(page, event.id).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(mark(page, event.id)).not.toHaveAttribute("data-focused", "true");
  await expect(mark(page, unlinked.id)).not.toHaveAttribute("data-dimmed", "true");
});

test("clicking an episode band filters the other views and zooms the axis into it; again clears it", async ({
  page,
}) => {
  const ep = index.data.episodes.find((e) => e.id === "april-2024") ?? index.data.episodes[0]!;
  await open(page, "/");
  await overview(page).locator(`[data-episode="${ep.id}"] rect`).click();
  await expect(page).toHaveURL(new RegExp(`/\\?episode=${ep.id}$`));
  const expected = expectedCounts({ episode: ep.id });
  expect(expected.events).toBeGreaterThan(0);
  expect(await counts(page)).toEqual(expected);
  await expect(page.getByRole("region", { name: "Quotes" }).getByTestId("quotes-status")).toContainText(
    new RegExp(`^${expected.quotes} quotes? from`),
  );
  // Only that episode's panel remains, full width, with the events' titles written beside their marks.
  const panels = timeline(page).locator("[data-episode-panel]");
  await expect(panels).toHaveCount(1);
  await expect(panels.first()).toHaveAttribute("data-episode-panel", ep.id);
  await expect(allMarks(page)).toHaveCount(expected.events);
  await expect(panels.first().locator('[data-record^="event:"] text')).toHaveCount(expected.events);
  expect(await overlaps(panels.first(), '[data-part="glyph"], [data-record] text')).toEqual([]);
  await expect(overview(page).locator(`[data-episode="${ep.id}"]`)).toHaveAttribute("data-selected", "true");

  await overview(page).locator(`[data-episode="${ep.id}"] rect`).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(panels).toHaveCount(index.data.episodes.length);
});

test("brushing the overview selects years and dims what is outside instead of hiding it", async ({
  page,
}) => {
  await open(page, "/");
  const strip = overview(page);
  await expect(allMarks(page)).toHaveCount(index.data.events.length);
  await strip.scrollIntoViewIfNeeded();
  const box = (await strip.boundingBox())!;
  const years = index.span.end - index.span.start + 1;
  const xOf = (year: number) => box.x + ((year - index.span.start + 0.5) / years) * box.width;
  const y = box.y + box.height - 6;
  const status = timeline(page).getByTestId("timeline-years-status");
  await expect(status).toHaveText(`All years shown, ${index.span.start}–${index.span.end}.`);
  /** The overview's top within the timeline (the summary above the views may grow a line of chips). */
  const chartTop = async () => (await strip.boundingBox())!.y - (await timeline(page).boundingBox())!.y;
  const top = await chartTop();
  const before = await page.evaluate(() => history.length);
  await page.mouse.move(xOf(2014), y);
  await page.mouse.down();
  await page.mouse.move(xOf(2017), y, { steps: 4 });
  await page.mouse.move(xOf(2020), y, { steps: 4 });
  await page.mouse.up();
  await expect(page).toHaveURL(/\/\?years=2014-2020$/);
  // One drag, one history entry.
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  const expected = expectedCounts({ years: { start: 2014, end: 2020 } });
  expect(await counts(page)).toEqual(expected);
  await expect(allMarks(page)).toHaveCount(index.data.events.length);
  await expect(timeline(page).locator('[data-record^="event:"]:not([data-dimmed])')).toHaveCount(
    expected.events,
  );
  await expect(strip.getByTestId("timeline-years")).toHaveCount(1);
  await expect(status).toContainText("Years 2014–2020 selected");
  // The status line rewrites itself in place: the chart under it does not move.
  expect(await chartTop()).toBeCloseTo(top, 0);

  // A click without a drag clears the brush.
  await page.mouse.click(xOf(2010), y);
  await expect(page).toHaveURL(/\/$/);
  await expect(timeline(page).locator('[data-record^="event:"][data-dimmed]')).toHaveCount(0);
  await expect(status).toHaveText(`All years shown, ${index.span.start}–${index.span.end}.`);
});

test("it follows the filters: other filters hide, the year range dims, consistently with the counts", async ({
  page,
}) => {
  const patch = { actors: ["russia"], years: { start: 2024, end: 2025 } };
  await open(page, "/?actors=russia&years=2024-2025");
  const shown = drawn(patch);
  const expected = expectedCounts(patch);
  expect(shown.length).toBeGreaterThan(expected.events);
  await expect(allMarks(page)).toHaveCount(shown.length);
  await expect(timeline(page).locator('[data-record^="event:"]:not([data-dimmed])')).toHaveCount(
    expected.events,
  );
  expect(await counts(page)).toEqual(expected);
  await expect(timeline(page)).toContainText("Years 2024–2025 selected");

  await open(page, "/?actors=turkey&episode=april-2024");
  await expect(allMarks(page)).toHaveCount(0);
  await expect(timeline(page)).toContainText("No events match the current filters.");
});

test("keyboard: one tab stop, arrows walk the marks in time order, Enter focuses, S opens the source", async ({
  page,
}) => {
  const order = timeOrder(index.data.events);
  const first = index.eventById.get(order[0]!)!;
  await open(page, "/");
  await expect(timeline(page).locator('[data-record^="event:"][tabindex="0"]')).toHaveCount(1);
  const toggle = timeline(page).getByRole("button", { name: "Show as table" });
  await toggle.focus();
  await page.keyboard.press("Tab");
  await expect(mark(page, first.id)).toBeFocused();
  await expect(mark(page, first.id)).toHaveAccessibleName(
    new RegExp(`^${esc(formatDate(first.date, first.datePrecision))}: ${esc(first.title)}`),
  );
  // Keyboard focus shows the tooltip: date, title, actors, source.
  const tip = timeline(page).getByTestId("timeline-tooltip");
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(first.title);
  await expect(tip).toContainText(formatDate(first.date, first.datePrecision));
  await expect(tip).toContainText(index.sourceById.get(first.sourceId)!.publisher);
  const actor = index.actorById.get(first.actors[0] ?? first.targets[0]!)!;
  await expect(tip).toContainText(actor.name);

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(mark(page, order[2]!)).toBeFocused();
  await expect(timeline(page).locator('[data-record^="event:"][tabindex="0"]')).toHaveCount(1);
  await expect(mark(page, order[2]!)).toHaveAttribute("tabindex", "0");
  await page.keyboard.press("End");
  await expect(mark(page, order[order.length - 1]!)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(mark(page, order[order.length - 2]!)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(mark(page, first.id)).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(focusUrl(first.id));
  await expect(mark(page, first.id)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("s");
  const panel = page.getByTestId("evidence-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(first.title);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(mark(page, first.id)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);

  // Tab leaves the chart: the marks are one stop, not dozens.
  await page.keyboard.press("Tab");
  await expect(timeline(page).locator('[data-record^="event:"]:focus')).toHaveCount(0);
});

test("the tooltip's Source button opens the event's evidence", async ({ page }) => {
  const event = index.data.events.find((e) => e.episode !== null)!;
  await open(page, "/");
  await mark(page, event.id).focus();
  await timeline(page)
    .getByTestId("timeline-tooltip")
    .getByRole("button", { name: /^Source/ })
    .click();
  await expect(page.getByTestId("evidence-panel").getByRole("heading", { level: 2 })).toHaveText(event.title);
});

test("a text alternative lists the shown events in time order, and can be shown instead of the chart", async ({
  page,
}) => {
  const order = timeOrder(index.data.events);
  await open(page, "/");
  const table = timeline(page).getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(order.length);
  await expect(table.locator("tbody tr").first()).toContainText(index.eventById.get(order[0]!)!.title);
  await expect(table.locator("tbody tr").last()).toContainText(
    index.eventById.get(order[order.length - 1]!)!.title,
  );
  // It follows the filters (hidden, a moment after the chart), then the way back.
  const filterBar = page.getByRole("region", { name: "Filters" });
  await filterBar.getByRole("button", { name: "Gaza 2023" }).click();
  const gaza = timeOrder(drawn({ episode: "gaza-2023" }));
  expect(gaza.length).toBeLessThan(order.length);
  await expect(table.locator("tbody tr")).toHaveCount(gaza.length);
  await expect(table.locator("tbody tr").first()).toContainText(index.eventById.get(gaza[0]!)!.title);
  await filterBar.getByRole("button", { name: "Gaza 2023" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(order.length);
  await timeline(page).getByRole("button", { name: "Show as table" }).click();
  await expect(timeline(page).getByRole("region", { name: "Timeline events table" })).toBeVisible();
  await expect(overview(page)).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await timeline(page).getByRole("button", { name: "Show as table" }).click();
  await expect(overview(page)).toBeVisible();
});

test("zero axe-core violations with a year range, a focused event and its tooltip", async ({ page }) => {
  const event = index.data.events.find((e) => e.episode === "april-2024") ?? index.data.events[0]!;
  await open(page, `/?years=2020-2025&focus=event:${event.id}`);
  await expect(mark(page, event.id)).toHaveAttribute("data-focused", "true");
  await mark(page, event.id).focus();
  await expect(timeline(page).getByTestId("timeline-tooltip")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("on a 390 px phone the axis fits, every band is labelled and no label or mark overlaps another", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await open(page, "/");
  const region = timeline(page);
  await expect(overview(page)).toBeVisible();
  const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
  for (const ep of index.data.episodes)
    await expect(overview(page).locator(`[data-episode="${ep.id}"] text`)).toHaveText(ep.label);
  // The svg must be laid out at the phone's width, not scaled down from a default one.
  const { svg, parent } = await overview(page).evaluate((el) => ({
    svg: el.getBoundingClientRect().width,
    parent: el.parentElement!.getBoundingClientRect().width,
  }));
  expect(Math.abs(svg - parent)).toBeLessThan(2);
  expect(await overlaps(overview(page), "text")).toEqual([]);
  for (const ep of index.data.episodes)
    expect(await overlaps(region.locator(`[data-episode-panel="${ep.id}"] svg`), "text")).toEqual([]);
  expect(await overlaps(region, '[data-part="glyph"]')).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
});
