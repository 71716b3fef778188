import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";

// One screen, linked (issue 15): from 1024 px the three views share the window and each scrolls inside its
// own panel; a click's linked marks come into sight in the other two views without the page moving. Below,
// one view at a time behind a tab bar that counts the links, the filters in a sheet, and Back closing a sheet
// or drawer before it changes the view. Expected records are read from the dataset's JSON by hand.

interface Raw {
  events: { id: string; actors: string[]; targets: string[] }[];
  stances: { id: string; from: string; to: string; eventId?: string | null }[];
  quotes: { id: string; speaker: string; eventId?: string | null }[];
  actors: { id: string; affiliation?: string | null }[];
}
const data = JSON.parse(readFileSync("data/escalations.json", "utf8")) as Raw;

/** An event of April 2024 with stances and quotes of two speakers: a call between two foreign ministers. */
const EVENT = "lavrov-amir-abdollahian-call-2024";
const event = data.events.find((e) => e.id === EVENT)!;
const eventStances = data.stances.filter((s) => s.eventId === EVENT);
const eventQuotes = data.quotes.filter((q) => q.eventId === EVENT);
/** What the event lights up in the network: its actors, its stances' two sides, its quotes' speakers. */
const eventActors = new Set([
  ...event.actors,
  ...event.targets,
  ...eventStances.flatMap((s) => [s.from, s.to]),
  ...eventQuotes.map((q) => q.speaker),
]);

const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const timeline = (page: Page) => region(page, "Escalation timeline");
const network = (page: Page) => region(page, "Condemnation network");
const quotes = (page: Page) => region(page, "Quotes");

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

/**
 * The records among `records` whose marks in `view` are in sight: inside the window, inside the view's box
 * (and its list's, for quotes), and not under a pinned strip or heading; the point at their centre belongs
 * to the view.
 */
async function inSight(view: Locator, records: readonly string[]): Promise<string[]> {
  return view.evaluate((el, wanted) => {
    const boxes = [el, ...el.querySelectorAll('[data-testid="quote-list"]')].map((b) =>
      b.getBoundingClientRect(),
    );
    const shown: string[] = [];
    for (const record of wanted) {
      for (const mark of el.querySelectorAll(`[data-record="${CSS.escape(record)}"]`)) {
        const r = mark.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        // A quote card can be taller than its list: its top lines in sight are enough there.
        const bottom = Math.min(r.bottom, r.top + 48);
        const inWindow = r.top >= 0 && r.left >= 0 && bottom <= innerHeight && r.right <= innerWidth;
        const inBoxes = boxes.every(
          (b) =>
            r.top >= b.top - 1 && bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1,
        );
        const hit = document.elementFromPoint(r.left + r.width / 2, (r.top + bottom) / 2);
        const uncovered = !!hit && el.contains(hit) && !hit.closest("[data-pinned], .view-head, h2");
        if (inWindow && inBoxes && uncovered) {
          shown.push(record);
          break;
        }
      }
    }
    return shown;
  }, records);
}

/** How many rows the filter bar's controls take: controls of one row each start above every other's bottom. */
async function filterRows(page: Page): Promise<number> {
  const boxes = await page.getByRole("region", { name: "Filters" }).evaluate((bar) =>
    [...bar.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => [r.top, r.bottom]),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  const lowestTop = Math.max(...boxes.map(([top]) => top!));
  const highestBottom = Math.min(...boxes.map(([, bottom]) => bottom!));
  return lowestTop < highestBottom ? 1 : 2;
}

/** The page itself never scrolls: everything moves inside the panels. */
async function expectPageStill(page: Page) {
  expect(await page.evaluate(() => [scrollX, scrollY])).toEqual([0, 0]);
  expect(
    await page.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight),
    "the page is one screen tall",
  ).toBe(true);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport, timezoneId: "America/Los_Angeles" });

    test("the dashboard is one screen: three views of at least 200 px each, inside the window", async ({
      page,
    }) => {
      await open(page, "/");
      await expectPageStill(page);
      for (const view of [timeline(page), network(page), quotes(page)]) {
        const box = (await view.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(200);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      }
      // The network and the quotes side by side under the time axis.
      const [t, n, q] = await Promise.all(
        [timeline(page), network(page), quotes(page)].map((v) => v.boundingBox()),
      );
      expect(n!.y).toBeGreaterThanOrEqual(t!.y + t!.height);
      expect(Math.abs(n!.y - q!.y)).toBeLessThan(2);
      expect(q!.x).toBeGreaterThanOrEqual(n!.x + n!.width);
      // The header is at most two lines, the filters one row.
      expect((await page.locator(".site-header").boundingBox())!.height).toBeLessThanOrEqual(52);
      expect(await filterRows(page)).toBe(1);
    });

    test("a timeline mark's links come into sight in the network and the quotes", async ({ page }) => {
      await open(page, "/");
      const mark = timeline(page).locator(`[data-record="event:${EVENT}"]`).first();
      await mark.scrollIntoViewIfNeeded();
      await mark.locator('[data-part="hit"]').first().click();
      await expect(page).toHaveURL(new RegExp(`focus=event(:|%3A)${EVENT}`));
      const actors = [...eventActors].map((a) => `actor:${a}`);
      await expect.poll(() => inSight(network(page), actors)).not.toEqual([]);
      await expect
        .poll(() =>
          inSight(
            quotes(page),
            eventQuotes.map((q) => `quote:${q.id}`),
          ),
        )
        .not.toEqual([]);
      await expectPageStill(page);
    });

    test("a network actor's links come into sight in the timeline and the quotes", async ({ page }) => {
      const actor = "sergey-lavrov";
      const camp = new Set([actor, ...data.actors.filter((a) => a.affiliation === actor).map((a) => a.id)]);
      const events = data.events.filter((e) => [...e.actors, ...e.targets].some((a) => camp.has(a)));
      const said = data.quotes.filter((q) => camp.has(q.speaker));
      expect(events.length).toBeGreaterThan(0);
      expect(said.length).toBeGreaterThan(0);
      await open(page, "/");
      const node = network(page).locator(`svg [data-record="actor:${actor}"]`);
      await node.scrollIntoViewIfNeeded();
      await node.locator("path").first().click();
      await expect(page).toHaveURL(new RegExp(`focus=actor(:|%3A)${actor}`));
      await expect
        .poll(() =>
          inSight(
            timeline(page),
            events.map((e) => `event:${e.id}`),
          ),
        )
        .not.toEqual([]);
      await expect
        .poll(() =>
          inSight(
            quotes(page),
            said.map((q) => `quote:${q.id}`),
          ),
        )
        .not.toEqual([]);
      await expectPageStill(page);
    });

    test("a quote's links come into sight in the timeline and the network", async ({ page }) => {
      const quote = eventQuotes.at(-1)!;
      await open(page, "/");
      const card = quotes(page).locator(`[data-record="quote:${quote.id}"]`);
      await card.scrollIntoViewIfNeeded();
      // The card's blank margin, away from its buttons and links.
      await card.click({ position: { x: 4, y: 4 } });
      await expect(page).toHaveURL(new RegExp(`focus=quote(:|%3A)${quote.id}`));
      await expect.poll(() => inSight(timeline(page), [`event:${EVENT}`])).toEqual([`event:${EVENT}`]);
      await expect
        .poll(() => inSight(network(page), [`actor:${quote.speaker}`]))
        .toEqual([`actor:${quote.speaker}`]);
      await expectPageStill(page);
    });

    test("the evidence drawer lies over the view not looked at, Back closes it first, Highlight moves it away", async ({
      page,
    }) => {
      const quote = eventQuotes[0]!;
      await open(page, `/?focus=event:${EVENT}`);
      const url = page.url();
      // From a quote: over the network.
      await quotes(page)
        .locator(`[data-record="quote:${quote.id}"]`)
        .getByRole("button", { name: /^Source/ })
        .click();
      const drawer = page.getByTestId("evidence-panel");
      await expect(drawer).toBeVisible();
      const over = async (view: Locator) => {
        const [d, v] = [(await drawer.boundingBox())!, (await view.boundingBox())!];
        return Math.abs(d.x - v.x) < 2 && Math.abs(d.width - v.width) < 2 && Math.abs(d.y - v.y) < 2;
      };
      expect(await over(network(page))).toBe(true);
      await expectPageStill(page);
      await page.goBack();
      await expect(drawer).toHaveCount(0);
      expect(page.url()).toBe(url);
      await expect(timeline(page).locator(`[data-record="event:${EVENT}"]`).first()).toHaveAttribute(
        "data-focused",
        "true",
      );
      // From the timeline's selected event: over the quotes.
      await timeline(page).getByTestId("timeline-selected").getByRole("button", { name: "Source" }).click();
      await expect(drawer).toBeVisible();
      expect(await over(quotes(page))).toBe(true);
      // Highlighting lights records up in every view, so the drawer steps aside rather than hide them.
      await drawer.getByRole("button", { name: "Highlight in the views" }).click();
      await expect(drawer).toHaveCount(0);
      expect(page.url()).toBe(url);
    });

    test("with three actors picked the filter bar keeps its one row; each chip is removable by pointer and key", async ({
      page,
    }) => {
      const bar = page.getByRole("region", { name: "Filters" });
      await open(page, "/");
      const unfiltered = (await bar.boundingBox())!.height;
      // Iran, Russia, United States: ids of data/escalations.json's actors[].
      await open(page, "/?actors=russia,iran,united-states");
      expect((await bar.boundingBox())!.height).toBe(unfiltered);
      expect(await filterRows(page)).toBe(1);
      await expectPageStill(page);
      for (const view of [timeline(page), network(page), quotes(page)])
        expect((await view.boundingBox())!.height).toBeGreaterThanOrEqual(200);
      expect(await axeViolations(page)).toEqual([]);
      const chips = bar.getByRole("list", { name: "Selected actors" });
      const chip = (name: string) => chips.getByRole("button", { name: `Remove actor ${name}` });
      await expect(chips.getByRole("button")).toHaveCount(3);
      for (const box of await chips
        .getByRole("button")
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.width).toBeGreaterThanOrEqual(24);
        expect(box.height).toBeGreaterThanOrEqual(24);
      }
      /** The chip wholly inside the strip's box (not scrolled out of it). */
      const inStrip = (name: string) =>
        chip(name).evaluate((el) => {
          const [r, s] = [el.getBoundingClientRect(), el.closest("ul")!.getBoundingClientRect()];
          return r.left >= s.left - 1 && r.right <= s.right + 1;
        });

      // Pointer: the chips the strip hides are counted ("+2"); each click on the count brings the next one
      // into sight.
      await expect
        .poll(
          async () => {
            if (await inStrip("United States")) return true;
            await bar.getByText(/^\+\d$/).click();
            return false;
          },
          { intervals: [800] },
        )
        .toBe(true);
      await chip("United States").click();
      await expect(page).not.toHaveURL(/united-states/);
      await expect(chips.getByRole("button")).toHaveCount(2);

      // Keyboard: Tab from the picker's text field goes through the chips, each scrolled into sight.
      await bar.getByRole("combobox", { name: "Actors" }).focus();
      await page.keyboard.press("Tab");
      await expect(chip("Iran")).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(chip("Russia")).toBeFocused();
      expect(await inStrip("Russia")).toBe(true);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/actors=iran(&|$)/);
      expect((await bar.boundingBox())!.height).toBe(unfiltered);
    });

    test("More filters holds the stance types and provenance and counts the active ones", async ({
      page,
    }) => {
      await open(page, "/?stances=condemn,support&provenance=reports&episode=april-2024");
      // Two of them active: the stance types (one filter, two types) and provenance; the episode is in the row.
      const more = page.getByRole("button", { name: /^More filters/ });
      await expect(more).toHaveText(/^More filters \(2\)/);
      // Still one row, with its count, the episode picked and the summary's chips.
      expect(await filterRows(page)).toBe(1);
      await expect(more).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("button", { name: "Condemn", exact: true })).toBeHidden();
      await more.click();
      await expect(page.getByRole("button", { name: "Condemn", exact: true })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
      await expect(page.getByTestId("provenance-filter")).toBeChecked();
      await page.getByTestId("provenance-filter").uncheck();
      await expect(more).toHaveText(/^More filters \(1\)/);
      await open(page, "/");
      await expect(page.getByRole("button", { name: /^More filters/ })).toHaveText(/^More filters\s*▾$/);
    });

    test("the year range is one track with two thumbs: keys move each, a typed year sets it", async ({
      page,
    }) => {
      await open(page, "/");
      const from = page.getByRole("slider", { name: "From year" });
      const to = page.getByRole("slider", { name: "To year" });
      const [a, b] = [(await from.boundingBox())!, (await to.boundingBox())!];
      expect(a).toEqual(b);
      const thumb = await from.evaluate((el) => getComputedStyle(el, "::-webkit-slider-thumb").height);
      expect(parseFloat(thumb)).toBeGreaterThanOrEqual(24);
      await to.focus();
      await page.keyboard.press("ArrowLeft");
      await expect(page).toHaveURL(/years=2006-2024/);
      await from.focus();
      await page.keyboard.press("End");
      await expect(page).toHaveURL(/years=2024(&|$)/);
      await page.keyboard.press("Home");
      await expect(page).toHaveURL(/years=2006-2024/);
      await page.getByRole("spinbutton", { name: "First year" }).fill("2019");
      await expect(page).toHaveURL(/years=2019-2024/);
      await page.getByRole("spinbutton", { name: "Last year" }).fill("2020");
      await expect(page).toHaveURL(/years=2019-2020/);
      await expect(from).toHaveValue("2019");
      await expect(to).toHaveValue("2020");
    });
  });
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, timezoneId: "Asia/Tokyo" });

  test("one view at a time; the tabs count a selection's links and one tap shows them", async ({ page }) => {
    await open(page, "/");
    await expectPageStill(page);
    const tabs = page.getByRole("navigation", { name: "Views" });
    await expect(timeline(page)).toBeVisible();
    await expect(network(page)).toBeHidden();
    await expect(quotes(page)).toBeHidden();
    await expect(tabs.getByRole("button")).toHaveText(["Timeline", "Network", "Quotes"]);

    const mark = timeline(page).locator(`[data-record="event:${EVENT}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.locator('[data-part="glyph"]').tap();
    await expect(page).toHaveURL(new RegExp(`focus=event(:|%3A)${EVENT}`));
    // The network lights the event's stances (arrows) and the actors they join (nodes).
    const stanceActors = new Set(data.stances.flatMap((s) => [s.from, s.to]));
    const networkLinks = eventStances.length + [...eventActors].filter((a) => stanceActors.has(a)).length;
    await expect(tabs.getByRole("button")).toHaveText([
      "Timeline · 1 linked",
      `Network · ${networkLinks} linked`,
      `Quotes · ${eventQuotes.length} linked`,
    ]);

    await tabs.getByRole("button", { name: /^Quotes/ }).tap();
    await expect(quotes(page)).toBeVisible();
    await expect(timeline(page)).toBeHidden();
    await expect
      .poll(() =>
        inSight(
          quotes(page),
          eventQuotes.map((q) => `quote:${q.id}`),
        ),
      )
      .not.toEqual([]);
    await tabs.getByRole("button", { name: /^Network/ }).tap();
    await expect(network(page)).toBeVisible();
    await expect
      .poll(() =>
        inSight(
          network(page),
          [...eventActors].map((a) => `actor:${a}`),
        ),
      )
      .not.toEqual([]);
    await expectPageStill(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the header takes two short lines: title and lede, then the dataset's span and About", async ({
    page,
  }) => {
    await open(page, "/");
    const header = page.locator(".site-header");
    // Four lines (110 px) before: title, lede, the counts over two lines, the About link.
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
    await expect(header.getByRole("heading", { name: "Stance Atlas" })).toBeVisible();
    await expect(header.getByRole("link", { name: "About the data" })).toBeInViewport({ ratio: 1 });
    // Cut texts stay whole in the page; nothing runs past the window.
    await expect(page.getByTestId("dataset-meta")).toContainText("events");
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  test("the filters fold into a sheet; Back closes it before it undoes a filter", async ({ page }) => {
    await open(page, "/?episode=april-2024&stances=condemn");
    const url = page.url();
    const button = page.getByRole("button", { name: "Filters (2)" });
    const sheet = page.getByRole("region", { name: "Filters" });
    await expect(sheet).toBeHidden();
    await button.tap();
    await expect(sheet).toBeVisible();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    expect(page.url()).toBe(url);
    await page.goBack();
    await expect(sheet).toBeHidden();
    expect(page.url()).toBe(url);
    await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();

    // A filter changed in the sheet stays when Back closes it; the next Back undoes it.
    await button.tap();
    await sheet.getByRole("button", { name: "Gaza 2023" }).tap();
    await expect(page).toHaveURL(/episode=gaza-2023/);
    const changed = page.url();
    await page.goBack();
    await expect(sheet).toBeHidden();
    expect(page.url()).toBe(changed);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Episode: Gaza 2023");
    await page.goBack();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText(
      "Episode: Damascus & April 2024",
    );
  });

  test("a skip link to a hidden view picks its tab", async ({ page }) => {
    await open(page, "/");
    await page.getByRole("link", { name: "Skip to the quotes" }).focus();
    await page.keyboard.press("Enter");
    await expect(quotes(page)).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby")))
      .toBe("quotes-heading");
  });
});

test("dark mode follows the system: dark page, no axe violations", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, `/?focus=event:${EVENT}`);
  // --paper of the dark scheme, #15181e.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 24, 30)");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: /^More filters/ }).click();
  expect(await axeViolations(page)).toEqual([]);
});
