import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { index } from "./dataset";
import { network, settled } from "./networkHelpers";

test.use({ timezoneId: "America/New_York" });

const SHOTS = "/tmp/mat-shots";
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

/** Opens a URL and waits until the matrix has hydrated (its clicks and keys are handled). */
async function open(page: Page, url: string) {
  await page.goto(url);
  // By test id, not inside the region: on a phone the network's tab may be hidden until picked.
  await expect(page.getByTestId("network-matrix")).toHaveAttribute("data-ready", "true");
}

/** The matrix's grid inside the network view. */
const grid = (page: Page) => network(page).getByRole("grid");
/** The accessible name of the element holding the keyboard focus. */
const focusedName = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent,
  );

// `actors=russia&years=2025`, read from data/escalations.json: 13 stances. Sources (rows), ordered by camp
// (Russia's camp: 13 stances; the US: 8; Iran's: 5), then degree, then name: Russia (6), Dmitry Peskov,
// Russian Foreign Ministry, Vladimir Putin (2 each), Kremlin (1), then Abbas Araqchi (Iran's camp).
// Targets (columns): Russia, United States, Iran.
const RUSSIA_2025 = "/?network=matrix&actors=russia&years=2025";
const ROWS = ["Russia", "Peskov", "Russian MFA", "Putin", "Kremlin", "Araqchi"];
const COLS = ["Russia", "US", "Iran"];

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the matrix has a row per source and a column per target, in camp order", async ({ page }) => {
    await open(page, RUSSIA_2025);
    const g = grid(page);
    await expect(g).toBeVisible();
    await expect(g.getByRole("rowheader")).toHaveText(ROWS);
    // The corner heads the row headers' column; then one header per target.
    await expect(g.getByRole("columnheader")).toHaveText([/from/, ...COLS]);
    await expect(g.getByRole("gridcell")).toHaveCount(ROWS.length * COLS.length);
    await expect(g.locator('[data-record="actor:dmitry-peskov"]')).toHaveAttribute("title", "Dmitry Peskov");
    // Russia → United States in 2025: russia-calls-us-actions-destabilizing (criticize),
    // russia-condemns-us-actions-in-iran (condemn), russia-warns-us-against-intervention (warn).
    const cell = g.getByRole("gridcell", {
      name: "Russia → United States: condemn ×1, criticize ×1, warn ×1",
    });
    await expect(cell).toHaveAttribute("title", "Russia → United States: condemn ×1, criticize ×1, warn ×1");
    await expect(cell).toHaveText("3");
    await expect(cell).toHaveAttribute("data-type", "condemn");
    await expect(g.getByRole("gridcell", { name: "Russia → Russia: no stance" })).toBeVisible();
    await expect(g.locator('[data-record="stance:araqchi-thanks-russia"]')).toHaveCount(0);
    await expect(
      g.getByRole("gridcell", { name: "Abbas Araqchi → Russia: praise ×1, thank ×1" }),
    ).toHaveAttribute("data-stances", "araqchi-thanks-russia araqchi-praises-russia-right-side-of-history");
    await shot(page, "matrix-1280-russia-2025");
  });

  test("keyboard: one tab stop, arrows and Home/End move, Enter selects the stance and opens its evidence", async ({
    page,
  }) => {
    await open(page, RUSSIA_2025);
    const g = grid(page);
    await expect(g.locator('[tabindex="0"]')).toHaveCount(1);
    await g.locator('[tabindex="0"]').focus();
    expect(await focusedName(page)).toBe("Russia → Russia: no stance");
    await page.keyboard.press("ArrowRight");
    expect(await focusedName(page)).toBe("Russia → United States: condemn ×1, criticize ×1, warn ×1");
    await page.keyboard.press("ArrowDown");
    expect(await focusedName(page)).toBe("Dmitry Peskov → United States: condemn ×1");
    await page.keyboard.press("End");
    expect(await focusedName(page)).toBe("Dmitry Peskov → Iran: support ×1");
    // Still one tab stop: it follows the keyboard.
    await expect(g.locator('[tabindex="0"]')).toHaveCount(1);
    await expect(g.locator('[tabindex="0"]')).toBeFocused();
    await page.keyboard.press("Home");
    expect(await focusedName(page)).toBe("Peskov");
    await page.keyboard.press("ArrowLeft");
    expect(await focusedName(page)).toBe("Peskov");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    const id = "peskov-offers-mediation-as-support";
    await expect(page).toHaveURL(new RegExp(`[?&]focus=stance:${id}(&|$)`));
    const stance = index.stanceById.get(id)!;
    await expect(page.getByTestId("evidence-panel").getByTestId("evidence-excerpt")).toHaveText(
      stance.evidence,
    );
    const cell = g.locator(`[data-record="stance:${id}"]`);
    await expect(cell).toHaveAttribute("data-focused", "true");
    // Its two actors' headers are marked as linked.
    await expect(g.locator('[data-record="actor:dmitry-peskov"]').first()).toHaveAttribute(
      "data-linked",
      "true",
    );
    await expect(g.locator('th[data-record="actor:iran"]')).toHaveAttribute("data-linked", "true");
    await shot(page, "matrix-1280-selected");
  });

  test("a header selects its actor; cells of the actor's stances light up", async ({ page }) => {
    await open(page, RUSSIA_2025);
    const g = grid(page);
    await g.getByRole("rowheader", { name: "Putin" }).click();
    await expect(page).toHaveURL(/[?&]focus=actor:vladimir-putin(&|$)/);
    await expect(g.getByRole("rowheader", { name: "Putin" })).toHaveAttribute("data-focused", "true");
    // Putin's 2025 stances: putin-condemns-us-bombing (→ US), putin-pledges-assistance-to-iranian-people (→ Iran).
    await expect(g.locator('td[data-linked="true"]')).toHaveCount(2);
    await expect(g.locator('[data-record="stance:putin-condemns-us-bombing"]')).toHaveAttribute(
      "data-linked",
      "true",
    );
  });

  test("the toggle switches between graph and matrix and the URL follows", async ({ page }) => {
    await page.goto("/");
    const region = network(page);
    await settled(region);
    await region.getByRole("button", { name: "Matrix", exact: true }).click();
    await expect(page).toHaveURL(/[?&]network=matrix(&|$)/);
    await expect(grid(page)).toBeVisible();
    await expect(region.getByTestId("network-svg")).toHaveCount(0);
    await region.getByRole("button", { name: "Graph", exact: true }).click();
    await expect(page).not.toHaveURL(/network=/);
    await expect(region.getByTestId("network-svg")).toBeVisible();
    await expect(grid(page)).toHaveCount(0);
  });

  test("every shown stance is in a cell; the matrix scrolls inside the panel; axe is clean", async ({
    page,
  }) => {
    await open(page, "/?network=matrix");
    const g = grid(page);
    await expect(g).toBeVisible();
    const ids = await g
      .locator("td[data-stances]")
      .evaluateAll((els) => els.flatMap((e) => e.getAttribute("data-stances")!.split(" ")));
    // The default view shows every stance of the bundled dataset.
    expect(ids.sort()).toEqual(index.data.stances.map((s) => s.id).sort());
    const sources = new Set(index.data.stances.map((s) => s.from));
    const targets = new Set(index.data.stances.map((s) => s.to));
    await expect(g.getByRole("rowheader")).toHaveCount(sources.size);
    await expect(g.getByRole("columnheader")).toHaveCount(targets.size + 1);
    const scroller = network(page).getByTestId("matrix-scroller");
    const box = (await scroller.boundingBox())!;
    const region = (await network(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(region.x + region.width + 0.5);
    await shot(page, "matrix-1280-all");
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    await g.getByRole("rowheader").first().click();
    await expect(page).toHaveURL(/focus=actor:/);
    await shot(page, "matrix-1280-dark-selected");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("no stance passes the filters: the empty state", async ({ page }) => {
    await open(page, "/?network=matrix&actors=russia&years=2025&stances=designate");
    await expect(network(page).getByTestId("network-empty")).toBeVisible();
    await expect(grid(page)).toHaveCount(0);
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the matrix is on the Network tab and scrolls inside its panel", async ({ page }) => {
    await open(page, "/?network=matrix");
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("button", { name: /^Network/ })
      .tap();
    const g = grid(page);
    await expect(g).toBeVisible();
    const scroller = network(page).getByTestId("matrix-scroller");
    await scroller.scrollIntoViewIfNeeded();
    const box = (await scroller.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const sizes = await scroller.evaluate((el) => ({
      sw: el.scrollWidth,
      cw: el.clientWidth,
      sh: el.scrollHeight,
      ch: el.clientHeight,
    }));
    expect(sizes.sw).toBeGreaterThan(sizes.cw);
    expect(sizes.sh).toBeGreaterThan(sizes.ch);
    await scroller.evaluate((el) => el.scrollTo(10_000, 150));
    expect(await scroller.evaluate((el) => [el.scrollLeft, el.scrollTop])).toEqual([
      sizes.sw - sizes.cw,
      150,
    ]);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The sticky headers stay in view while the cells scroll.
    const head = g.getByRole("rowheader").first();
    const headBox = (await head.boundingBox())!;
    expect(headBox.x).toBeGreaterThanOrEqual(box.x - 0.5);
    await shot(page, "matrix-390-scrolled");
    expect(await axeViolations(page)).toEqual([]);
  });
});

// A matrix past 60 rows draws only the rows near its view (lib/layout/matrixWindow.ts). The dataset, opened
// from a file as a reader would: 70 people (Actor 01 … Actor 70, no affiliation), each condemning one state,
// Target, once. Every row has degree 1 and a camp of its own, so the rows read in name order, Actor 01 to
// Actor 70, over one column, Target.
const many = {
  sources: [
    { id: "s1", publisher: "P", title: "T", published: "2024-01-01", datePrecision: "day", document: "d" },
  ],
  actors: [
    { id: "target", name: "Target", kind: "state" },
    ...Array.from({ length: 70 }, (_, i) => {
      const n = String(i + 1).padStart(2, "0");
      return { id: `a${n}`, name: `Actor ${n}`, kind: "person" };
    }),
  ],
  episodes: [],
  events: [],
  stances: Array.from({ length: 70 }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return {
      id: `st${n}`,
      from: `a${n}`,
      to: "target",
      type: "condemn",
      date: "2024-01-02",
      datePrecision: "day",
      sourceId: "s1",
      evidence: "condemned",
      cameo: "111",
    };
  }),
  quotes: [],
  claims: [],
};

test("a matrix of 70 rows draws those near its view; the keyboard reaches every row", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, "/?network=matrix");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("main").getByRole("button", { name: "Open your data" }).click();
  await (
    await chooser
  ).setFiles({
    name: "many.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(many)),
  });
  await expect(page.getByTestId("local-summary")).toContainText("70 stances");
  // A dataset opened from a file starts from its own default view: pick the matrix again.
  await network(page).getByRole("button", { name: "Matrix", exact: true }).click();
  await expect(page.getByTestId("network-matrix")).toHaveAttribute("data-ready", "true");
  const g = grid(page);
  // The grid says its size (70 rows and the header row) though it draws fewer.
  await expect(g).toHaveAttribute("aria-rowcount", "71");
  await expect(g.getByRole("rowheader").first()).toHaveText("Actor 01");
  const drawn = await g.getByRole("rowheader").count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(70);
  await expect(g.getByRole("rowheader", { name: "Actor 70" })).toHaveCount(0);

  await g.locator('[tabindex="0"]').focus();
  expect(await focusedName(page)).toBe("Actor 01 → Target: condemn ×1");
  await page.keyboard.press("Control+End");
  await expect.poll(() => focusedName(page)).toBe("Actor 70 → Target: condemn ×1");
  await expect(page.locator(":focus").locator("xpath=..")).toHaveAttribute("aria-rowindex", "71");
  await expect(g.getByRole("rowheader", { name: "Actor 70" })).toBeVisible();
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => focusedName(page)).toBe("Actor 69 → Target: condemn ×1");
  await page.keyboard.press("Control+Home");
  await expect.poll(() => focusedName(page)).toBe("Actor 01 → Target: condemn ×1");

  await g.evaluate((el) => {
    const scroller = el.closest<HTMLElement>('[data-testid="matrix-scroller"]')!;
    scroller.scrollTop = scroller.scrollHeight;
  });
  // Scrolling the matrix to its end draws the last rows, and keeps the tab stop's (Actor 01's) row drawn,
  // so Tab still enters the grid; the rows between are left out.
  await expect(g.getByRole("rowheader", { name: "Actor 70" })).toBeAttached();
  await expect(g.getByRole("rowheader", { name: "Actor 20" })).toHaveCount(0);
  await expect(g.getByRole("rowheader", { name: "Actor 01" })).toBeAttached();
  await expect(g.locator('[tabindex="0"]')).toHaveCount(1);
});
