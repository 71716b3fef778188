import { test, expect, axeViolations } from "./fixtures";
import { expectedActorCount, expectedCounts, index } from "./dataset";
import type { Page } from "@playwright/test";

/** The filter bar: its controls share names with marks in the views (episode bands, stance legends). */
const filterBar = (page: Page) => page.getByRole("region", { name: "Filters" });

async function counts(page: Page) {
  return {
    events: Number(await page.getByTestId("count-events").textContent()),
    stances: Number(await page.getByTestId("count-stances").textContent()),
    quotes: Number(await page.getByTestId("count-quotes").textContent()),
  };
}

test("a deep link shows its state in the filter bar and the matching counts", async ({ page }) => {
  await page.goto("/?actors=russia&years=2024");
  const filters = page.getByRole("region", { name: "Filters" });
  await expect(filters.getByRole("list", { name: "Selected actors" })).toContainText("Russia");
  await expect(filters.getByRole("slider", { name: "From year" })).toHaveValue("2024");
  await expect(filters.getByRole("slider", { name: "To year" })).toHaveValue("2024");
  const expected = expectedCounts({ actors: ["russia"], years: { start: 2024, end: 2024 } });
  expect(expected.events).toBeGreaterThan(0);
  expect(await counts(page)).toEqual(expected);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Actors: Russia");
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Years: 2024");
});

test("changing filters changes the URL; back and forward restore the views", async ({ page }) => {
  await page.goto("/");
  const all = await counts(page);
  await filterBar(page).getByRole("button", { name: "Damascus & April 2024", exact: true }).click();
  await expect(page).toHaveURL(/\/\?episode=april-2024$/);
  expect(await counts(page)).toEqual(expectedCounts({ episode: "april-2024" }));

  const picker = page.getByRole("combobox", { name: "Actors" });
  await picker.fill("lavr");
  await picker.press("ArrowDown");
  await picker.press("Enter");
  await expect(page).toHaveURL(/\/\?actors=sergey-lavrov&episode=april-2024$/);
  expect(await counts(page)).toEqual(expectedCounts({ episode: "april-2024", actors: ["sergey-lavrov"] }));

  await page.goBack();
  await expect(page).toHaveURL(/\/\?episode=april-2024$/);
  await expect(page.getByRole("list", { name: "Selected actors" })).toHaveCount(0);
  expect(await counts(page)).toEqual(expectedCounts({ episode: "april-2024" }));
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    filterBar(page).getByRole("button", { name: "Damascus & April 2024", exact: true }),
  ).toHaveAttribute("aria-pressed", "false");
  expect(await counts(page)).toEqual(all);
  await page.goForward();
  await expect(page).toHaveURL(/\/\?episode=april-2024$/);
  await expect(
    filterBar(page).getByRole("button", { name: "Damascus & April 2024", exact: true }),
  ).toHaveAttribute("aria-pressed", "true");
});

test("the year slider is keyboard operable; a drag replaces the history entry instead of piling them up", async ({
  page,
}) => {
  const { start, end } = index.span;
  await page.goto("/?episode=gaza-2023");
  const before = await page.evaluate(() => history.length);
  const from = page.getByRole("slider", { name: "From year" });
  await from.focus();
  await from.press("ArrowRight");
  await from.press("ArrowRight");
  await from.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`years=${start + 3}-${end}`));
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?episode=gaza-2023$/);
  await expect(from).toHaveValue(String(start));
});

test("stance toggles and the summary chips add and remove filters", async ({ page }) => {
  await page.goto("/");
  // The stance types sit behind "More filters".
  await filterBar(page)
    .getByRole("button", { name: /^More filters/ })
    .click();
  await filterBar(page).getByRole("button", { name: "Condemn", exact: true }).click();
  await expect(page).toHaveURL(/\/\?stances=condemn$/);
  expect(await counts(page)).toEqual(expectedCounts({ stances: ["condemn"] }));
  await page.getByRole("button", { name: /^Remove Stances: Condemn/ }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("reset clears everything", async ({ page }) => {
  await page.goto("/?actors=iran&years=2020-2024&episode=april-2024&stances=support");
  await filterBar(page).getByRole("button", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await counts(page)).toEqual(expectedCounts({}));
});

test("the actor list's counts follow every filter but the actor one, and ignore the focus", async ({
  page,
}) => {
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Actors" });
  const count = (name: string) =>
    page.getByRole("option", { name: new RegExp(`^${name} \\d+ records$`) }).locator(".option-count");
  const check = async (patch: Parameters<typeof expectedActorCount>[1]) => {
    await picker.focus();
    for (const [id, name] of [
      ["russia", "Russia"],
      ["iran", "Iran"],
    ])
      await expect(count(name!)).toHaveText(String(expectedActorCount(id!, patch)));
    await picker.blur();
  };
  await check({});
  await filterBar(page).getByRole("button", { name: "Gaza 2023" }).click();
  await check({ episode: "gaza-2023" });
  await filterBar(page)
    .getByRole("button", { name: /^More filters/ })
    .click();
  await filterBar(page).getByRole("button", { name: "Condemn" }).click();
  await check({ episode: "gaza-2023", stances: ["condemn"] });
  await page.goto("/?years=2024-2025&focus=actor:russia");
  await check({ years: { start: 2024, end: 2025 } });
  await picker.focus();
  await page.getByRole("option", { name: /^Russia \d+ records$/ }).dispatchEvent("mousedown");
  await expect(page).toHaveURL(/actors=russia/);
  await picker.blur();
  await check({ years: { start: 2024, end: 2025 }, actors: ["russia"] });
});

test("copy link copies the current URL and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?actors=russia");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test("copy link right after a change copies the changed view, not the one before it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?actors=russia");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  // Both clicks in one task: the URL write that follows a change's frame has not happened yet.
  await page.evaluate(() => {
    const bar = document.querySelector('[aria-label="Filters"]')!;
    const button = (name: string) =>
      [...bar.querySelectorAll("button")].find((b) => b.textContent?.trim() === name)!;
    button("Gaza 2023").click();
    button("Copy link").click();
  });
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.searchParams.get("episode")).toBe("gaza-2023");
  expect(copied.searchParams.get("actors")).toBe("russia");
  await expect(page).toHaveURL(copied.href);
});

test("a key or pointer press writes a change still waiting for its frame, so Back undoes exactly it", async ({
  page,
}) => {
  await page.goto("/?actors=russia");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
  const search = await page.evaluate(() => {
    const bar = document.querySelector('[aria-label="Filters"]')!;
    [...bar.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Gaza 2023")!.click();
    const before = location.search;
    // What the browser's Back key or the mouse's back button sends first.
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", altKey: true }));
    return { before, after: location.search };
  });
  expect(search.before).toBe("?actors=russia"); // the write waits for the frame…
  expect(search.after).toBe("?actors=russia&episode=gaza-2023"); // …unless a key comes first
  await page.goBack();
  await expect(page).toHaveURL(/\/\?actors=russia$/);
  await expect(filterBar(page).getByRole("button", { name: "Gaza 2023" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
});

test("a garbage URL renders the default view, names what it ignored, and runs no script", async ({
  page,
}) => {
  await page.addInitScript(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });
  await page.goto("/?actors=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E&years=abc");
  await expect(page.getByRole("status").filter({ hasText: "Ignored" })).toContainText('years "abc"');
  await expect(page.getByRole("status").filter({ hasText: "Ignored" })).toContainText("actors");
  expect(await counts(page)).toEqual(expectedCounts({}));
  expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  expect(
    await page
      .locator("script:not([src])")
      .evaluateAll((s) => s.some((el) => el.textContent?.includes("window.__xss=1</"))),
  ).toBe(false);
});

test("an impossible combination shows an empty state with a way back", async ({ page }) => {
  await page.goto("/?actors=turkey&episode=april-2024");
  const empty = page.getByRole("region", { name: "No matching records" });
  await expect(empty).toBeVisible();
  await empty.getByRole("button", { name: /Remove the episode/ }).click();
  await expect(page).toHaveURL(/\/\?actors=turkey$/);
  await expect(empty).toHaveCount(0);
});

test("zero axe-core violations with filters applied and a focus set", async ({ page }) => {
  await page.goto("/?actors=russia&years=2020-2025&stances=condemn,support&focus=actor:russia");
  await expect(page.getByRole("list", { name: "Active filters" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("combobox", { name: "Actors" }).focus();
  expect(await axeViolations(page)).toEqual([]);
});
