import { test, expect } from "./fixtures";
import { index } from "./dataset";
import type { Page } from "@playwright/test";

/** The filter bar: its controls share names with marks in the views (episode bands, stance legends). */
const filterBar = (page: Page) => page.getByRole("region", { name: "Filters" });
const picker = (page: Page) => filterBar(page).getByRole("combobox", { name: "Actors" });
const option = (page: Page, name: string) =>
  page.getByRole("option", { name: new RegExp(`^${name} \\d+ records$`) });

/** Whether the focused element is the first one after the picker's input that Tab should reach (not <body>). */
function focusIsNextControl(page: Page) {
  return page.evaluate(() => {
    const input = document.querySelector('[role="combobox"]')!;
    const tabbable = [
      ...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]"),
    ].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        el.getClientRects().length > 0 &&
        input.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const active = document.activeElement;
    return { next: tabbable[0]?.outerHTML.slice(0, 80), active: active?.outerHTML.slice(0, 80) ?? null };
  });
}

test("after a pick the picker's text is cleared, and the next name is found", async ({ page }) => {
  await page.goto("/");
  await picker(page).fill("Russia");
  await option(page, "Russia").click();
  await expect(page).toHaveURL(/\/\?actors=russia$/);
  await expect(picker(page)).toHaveValue("");
  await picker(page).pressSequentially("Iran");
  await expect(option(page, "Iran")).toBeVisible();
  await option(page, "Iran").click();
  await expect(page).toHaveURL(/\/\?actors=iran,russia$/);
  await expect(picker(page)).toHaveValue("");
});

test("Tab out of the picker moves on to the next control, not to the page", async ({ page }) => {
  await page.goto("/");
  await picker(page).click();
  await expect(page.getByRole("listbox", { name: "Actors" })).toBeVisible();
  await page.keyboard.press("Tab");
  const { next, active } = await focusIsNextControl(page);
  expect(active).not.toMatch(/^<body/);
  expect(active).toBe(next);
  await expect(filterBar(page).getByRole("slider", { name: "From year" })).toBeFocused();

  // With a pick made, the next control is the pick's chip.
  await picker(page).fill("Russia");
  await picker(page).press("Enter");
  await expect(page).toHaveURL(/\/\?actors=russia$/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Remove actor Russia" })).toBeFocused();
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true });

  test("a tapped pick closes the list; a tap on the input opens it again", async ({ page }) => {
    await page.goto("/");
    await picker(page).tap();
    await picker(page).fill("Russia");
    const list = page.getByRole("listbox", { name: "Actors" });
    await expect(list).toBeVisible();
    await option(page, "Russia").tap();
    await expect(page).toHaveURL(/\/\?actors=russia$/);
    await expect(list).toBeHidden();
    await expect(picker(page)).toHaveAttribute("aria-expanded", "false");
    await expect(picker(page)).toHaveValue("");
    await picker(page).tap();
    await expect(list).toBeVisible();
  });
});

/**
 * Opens a URL and waits until the timeline has hydrated and measured its width. The dashboard streams in a
 * Suspense boundary that React reveals a moment after the HTML has loaded: under load a CI run measured the
 * status line while it still sat in the hidden streamed part (no box), after its text had matched.
 */
async function settledAt(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  await expect(page.getByTestId("timeline-years-status")).toBeVisible();
}

test("the timeline's status line names the picked episode instead of every year", async ({ page }) => {
  const episode = index.episodeById.get("april-2024")!;
  // data/escalations.json: "Damascus & April 2024", 2024-04-01 to 2024-04-30.
  expect([episode.start, episode.end]).toEqual(["2024-04-01", "2024-04-30"]);
  await settledAt(page, "/");
  const status = page.getByTestId("timeline-years-status");
  await expect(status).toContainText("All years shown");
  const oneLine = (await status.boundingBox())!.height;
  await settledAt(page, "/?episode=april-2024");
  await expect(status).not.toContainText("All years shown");
  await expect(status).toContainText(`Episode ${episode.label}, 1–30 Apr 2024`);
  // Still one line: the chart under it stays where it was.
  expect((await status.boundingBox())!.height).toBeCloseTo(oneLine, 0);

  await settledAt(page, "/?episode=april-2024&years=2024");
  await expect(status).toContainText(`Episode ${episode.label}, 1–30 Apr 2024; years 2024 selected`);
  expect((await status.boundingBox())!.height).toBeCloseTo(oneLine, 0);
});

test("values the notice names are dropped from the address bar, in place", async ({ page }) => {
  await page.goto("/?stances=condemn");
  await expect(picker(page)).toBeVisible();
  const before = await page.evaluate(() => history.length);
  await page.goto("/?actors=russia,nope&toString=1");
  await expect(page).toHaveURL(/\/\?actors=russia$/);
  const notice = page.getByTestId("ignored-notice");
  await expect(notice).toContainText('actors "nope"');
  await expect(notice).toContainText('toString "1"');
  await expect(filterBar(page).getByRole("list", { name: "Selected actors" })).toContainText("Russia");
  // Replaced, not pushed: one entry for the visit, and Back goes where it went before.
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?stances=condemn$/);
  await page.goForward();
  await expect(page).toHaveURL(/\/\?actors=russia$/);
});

test("picked actors past the chip strip's room are counted on its +N button, and picking one more updates it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // Eight actors of the bundled dataset: more chips than the strip beside the picker holds at 1280 px.
  const ids = ["iran", "russia", "united-states", "israel", "hamas", "syria", "turkey", "france"];
  for (const id of ids) expect(index.actorById.has(id), id).toBe(true);
  await page.goto(`/?actors=${ids.join(",")}`);
  const strip = filterBar(page).getByRole("list", { name: "Selected actors" });
  await expect(strip.getByRole("listitem")).toHaveCount(ids.length);
  /** The chips whose box is not wholly inside the strip's, measured in the page. */
  const outside = () =>
    strip.evaluate((ul) => {
      const box = ul.getBoundingClientRect();
      return [...ul.children].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1;
      }).length;
    });
  const more = filterBar(page).locator(".chip-more");
  /** The +N button's count and the chips measured outside the strip, once the two agree (the button takes room). */
  const settled = () =>
    expect
      .poll(async () => {
        const [text, n] = [await more.textContent(), await outside()];
        return text === `+${n}` ? n : `button ${text}, ${n} outside`;
      })
      .toEqual(expect.any(Number));
  await expect(more).toBeVisible();
  await settled();
  const hidden = await outside();
  expect(hidden).toBeGreaterThan(0);
  await expect(strip).toHaveAttribute("data-more", "end");
  // One more pick: the count follows.
  await picker(page).fill("Lebanon");
  await option(page, "Lebanon").click();
  await expect(strip.getByRole("listitem")).toHaveCount(ids.length + 1);
  await settled();
  expect(await outside()).toBe(hidden + 1);
  await expect(more).toHaveText(`+${hidden + 1}`);
});
