// The network by episode (`compare=episodes`): four panels over one layout, the selection highlighted in each,
// and "What changed" in words. Expected values are read from data/escalations.json by hand.
import { mkdirSync } from "node:fs";
import type { Locator } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { index } from "./dataset";
import { network } from "./networkHelpers";

test.use({ timezoneId: "Asia/Tokyo" });

const SHOTS = "/tmp/cmp-shots";
const PANELS = [
  ["soleimani-2020", "Soleimani 2020", "Soleimani 2020: 12 stances among 8 actors"],
  ["gaza-2023", "Gaza 2023", "Gaza 2023: 21 stances among 17 actors"],
  ["april-2024", "Damascus & April 2024", "Damascus & April 2024: 14 stances among 10 actors"],
  ["us-strikes-2025", "US strikes 2025", "US strikes 2025: 13 stances among 8 actors"],
] as const;

const panels = (region: Locator) => region.locator("section[data-episode]");

/** Waits until every panel is drawn at its measured width (the server renders at a default one). */
async function settledPanels(region: Locator) {
  await expect(panels(region)).toHaveCount(4);
  await expect
    .poll(() =>
      region.getByTestId("network-compare").evaluate((box) => {
        const svgs = [...box.querySelectorAll<SVGSVGElement>("[data-testid=compare-svg]")];
        const grid = box.querySelector<HTMLElement>("[data-columns]")!;
        const columns = Number(grid.dataset.columns);
        const inner = box.getBoundingClientRect().width;
        const expected = Math.max(200, Math.floor((Math.floor(inner) - 12 * (columns - 1)) / columns));
        return svgs.length === 4 && svgs.every((s) => Number(s.getAttribute("width")) === expected);
      }),
    )
    .toBe(true);
}

/** Centre of an actor's mark relative to its panel's drawing, per panel in order. */
async function centres(region: Locator, actor: string) {
  return region.locator("[data-testid=compare-svg]").evaluateAll(
    (svgs, id) =>
      svgs.map((svg) => {
        // Drawn where the actor has stances in the episode, faint (a "ghost") where it has none.
        const mark = svg.querySelector(`[data-record="actor:${id}"] path, [data-ghost="${id}"] path`);
        if (!mark) return null;
        const o = svg.getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return { x: Math.round(r.x + r.width / 2 - o.x), y: Math.round(r.y + r.height / 2 - o.y) };
      }),
    actor,
  );
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test("compare=episodes shows the four episodes, each actor at the same place in every panel", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?compare=episodes");
  const region = network(page);
  await settledPanels(region);
  for (const [i, [id, label, name]] of PANELS.entries()) {
    const panel = panels(region).nth(i);
    await expect(panel).toHaveAttribute("data-episode", id);
    await expect(panel.getByRole("heading", { level: 3 })).toContainText(label);
    await expect(panel.getByRole("group", { name })).toBeVisible();
  }
  // Iran and the United States take part in every episode, Russia itself (not its ministers) only in April
  // 2024 and June 2025, Hamas only in Gaza 2023: one place for each, in all four panels, drawn or faint.
  for (const actor of ["russia", "iran", "united-states", "hamas"]) {
    const at = await centres(region, actor);
    expect(at.every((p) => p !== null)).toBe(true);
    for (const p of at) expect(p).toEqual(at[0]);
  }
  // Two by two on a desktop.
  const boxes = await panels(region).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  expect(boxes[0].y).toBe(boxes[1].y);
  expect(boxes[2].y).toBeGreaterThan(boxes[0].y);
  expect(boxes[1].x).toBeGreaterThan(boxes[0].x);
  // Hamas takes no part in the Soleimani episode: drawn faint there, not removed; a mark in Gaza 2023.
  await expect(panels(region).nth(0).locator('[data-ghost="hamas"]')).toHaveCount(1);
  await expect(panels(region).nth(0).locator('[data-record="actor:hamas"]')).toHaveCount(0);
  await expect(panels(region).nth(1).locator('[data-record="actor:hamas"]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/compare-1280.png` });
  // The network alone, at full width: the panels and the change list.
  await page.goto("/?compare=episodes&views=network");
  await settledPanels(region);
  await region.screenshot({ path: `${SHOTS}/compare-1280-network.png` });
});

test("clicking Russia highlights it in all four panels and names its changes", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?compare=episodes");
  const region = network(page);
  await settledPanels(region);
  await panels(region).nth(2).locator('[data-record="actor:russia"] [data-part="hit"]').click();
  await expect(page).toHaveURL(/[?&]focus=actor:russia(&|$)/);
  // Drawn in the last two panels; faint in the first two, where only Lavrov spoke for Russia (linked).
  for (const i of [2, 3])
    await expect(panels(region).nth(i).locator('[data-record="actor:russia"]')).toHaveAttribute(
      "data-focused",
      "true",
    );
  for (const i of [0, 1])
    await expect(panels(region).nth(i).locator('[data-ghost="russia"]')).toHaveAttribute(
      "data-focused",
      "true",
    );
  await expect(panels(region).nth(0).locator('[data-record="actor:sergey-lavrov"]')).toHaveAttribute(
    "data-linked",
    "true",
  );
  const changes = region.getByTestId("compare-changes");
  await expect(changes.getByRole("heading", { level: 3 })).toHaveText("What changed for Russia");
  // Russia's stances toward the US: two criticisms by Lavrov in January 2020, none in 2023 or April 2024,
  // eight in June 2025.
  const toUs = changes.locator(
    '[data-step="us-strikes-2025"] li[data-change="new"][data-pair="russia>united-states"]',
  );
  await expect(toUs).toContainText(
    "Russia → US: criticize ×5, condemn ×2, warn (Jun 2025); before, in Soleimani 2020: criticize ×2 (3 Jan 2020)",
  );
  const gone = changes.locator(
    '[data-step="gaza-2023"] li[data-change="gone"][data-pair="russia>united-states"]',
  );
  await expect(gone).toContainText(
    "Russia → US: criticize ×2 (3 Jan 2020) in Soleimani 2020; none in Gaza 2023",
  );
  // A stance's evidence, from its button.
  await toUs.getByRole("button", { name: "Peskov condemn 23 Jun 2025" }).click();
  await expect(page.getByTestId("evidence-excerpt")).toHaveText(
    index.stanceById.get("peskov-condemns-us-attacks")!.evidence,
  );
  await page.screenshot({ path: `${SHOTS}/compare-russia-1280.png` });
});

test("the By episode toggle turns the comparison on and off, and the URL follows", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  const toggle = page.getByRole("button", { name: "By episode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(page).toHaveURL(/[?&]compare=episodes(&|$)/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await settledPanels(region);
  await toggle.click();
  await expect(page).not.toHaveURL(/compare=/);
  await expect(region.getByTestId("network-compare")).toHaveCount(0);
  await expect(region.getByTestId("network-svg")).toBeVisible();
});

test("the episode filter marks its panel instead of hiding the others", async ({ page }) => {
  await page.goto("/?compare=episodes&episode=april-2024");
  const region = network(page);
  await settledPanels(region);
  await expect(region.locator("section[data-current]")).toHaveAttribute("data-episode", "april-2024");
  await expect(region.getByTestId("compare-episode-note")).toContainText("Damascus & April 2024");
  await expect(panels(region).nth(0).getByRole("group", { name: PANELS[0][2] })).toBeVisible();
});

test("no axe violations in the comparison, with an actor selected", async ({ page }) => {
  await page.goto("/?compare=episodes&focus=actor:russia");
  await settledPanels(network(page));
  expect(await axeViolations(page)).toEqual([]);
});

test("on a phone the panels stack in one column and stay inside the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?compare=episodes&views=network");
  const region = network(page);
  await settledPanels(region);
  const boxes = await panels(region).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (let i = 1; i < 4; i++) {
    expect(boxes[i].x).toBe(boxes[0].x);
    expect(boxes[i].y).toBeGreaterThan(boxes[i - 1].y);
  }
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
  }
  // Russia is still drawn at one place in every panel.
  const at = await centres(region, "russia");
  for (const p of at) expect(p).toEqual(at[0]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/compare-390.png` });
  await region.getByTestId("compare-changes").getByRole("heading", { level: 3 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/compare-390-changes.png` });
  await panels(region)
    .nth(0)
    .screenshot({ path: `${SHOTS}/compare-390-panel.png` });
});
