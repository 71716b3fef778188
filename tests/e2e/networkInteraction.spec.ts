import type { Locator, Page } from "@playwright/test";
import { nodeInDirection, type Direction } from "@/lib/layout/network";
import { buildGraph } from "@/lib/select/graph";
import { test, expect } from "./fixtures";
import { index } from "./dataset";
import { network, nodeCentres, settled, uncoveredEdgeMidpoint, visibleStances } from "./networkHelpers";

test("clicking an edge puts focus=stance:<id> in the URL and shows its evidence and source", async ({
  page,
}) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  await region.getByTestId("network-svg").scrollIntoViewIfNeeded();
  // A real click on the line itself, halfway along an edge that nothing else covers.
  const target = await uncoveredEdgeMidpoint(region);
  expect(target).not.toBeNull();
  const stance = index.stanceById.get(target!.stance)!;
  const source = index.sourceById.get(stance.sourceId)!;
  await page.mouse.click(target!.x, target!.y);
  await expect(page).toHaveURL(new RegExp(`[?&]focus=stance:${stance.id}$`));
  const panel = page.getByTestId("evidence-panel");
  await expect(panel.getByTestId("evidence-excerpt")).toHaveText(stance.evidence);
  await expect(panel.getByTestId("evidence-source")).toContainText(source.publisher);
  await expect(region.locator(`[data-edge][data-stances~="${stance.id}"]`)).toHaveAttribute(
    "data-focused",
    "true",
  );
  // The network's own panel shows the same evidence once the shared panel is closed.
  await panel.getByRole("button", { name: "Close evidence panel" }).click();
  await expect(region.getByTestId("network-evidence")).toHaveText(stance.evidence);
  await expect(region.getByTestId("network-details")).toContainText(source.publisher);
});

/**
 * From the view's heading, Tab through its head (Graph, Matrix, By episode, with an actor selected the
 * Neighbours buttons, Download) into the drawing.
 */
async function tabPastTheHead(page: Page, region: Locator, actorSelected = false) {
  const neighbours = actorSelected ? ["All", "1 step", "2 steps"] : [];
  for (const name of ["Graph", "Matrix", "By episode", ...neighbours, "Download"]) {
    await page.keyboard.press("Tab");
    await expect(region.getByRole("button", { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press("Tab");
}

test("keyboard: one tab stop into the nodes, arrow keys move to linked actors, Enter focuses", async ({
  page,
}) => {
  await page.goto("/?focus=actor:russia");
  const region = network(page);
  await settled(region);
  // Start sequential navigation at the view's heading, then Tab past the view's head into the view.
  await region.getByRole("heading", { name: "Condemnation network" }).click();
  await tabPastTheHead(page, region, true);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-node") ?? null);
  expect(await focused()).toBe("russia");

  const centres = await nodeCentres(region);
  const graph = buildGraph(index, visibleStances());
  const around = (id: string) =>
    (graph.neighbours.get(id) ?? []).filter((n) => centres[n]).map((n) => ({ id: n, p: centres[n]! }));
  const keys: Record<Direction, string> = {
    left: "ArrowLeft",
    right: "ArrowRight",
    up: "ArrowUp",
    down: "ArrowDown",
  };
  let moved = 0;
  for (const dir of Object.keys(keys) as Direction[]) {
    const expected = nodeInDirection(centres.russia!, dir, around("russia"));
    if (!expected) continue;
    await region.locator('[data-node="russia"]').focus();
    await page.keyboard.press(keys[dir]);
    expect(await focused()).toBe(expected);
    moved++;
  }
  expect(moved).toBeGreaterThan(0);
  const next = (await focused())!;
  expect(graph.neighbours.get("russia")).toContain(next);
  // Only the current node is a tab stop.
  await expect(region.locator('[data-node][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]focus=actor:${next}$`));
  await expect(region.locator(`[data-record="actor:${next}"]`)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("Tab");
  expect(await focused()).toBeNull();
});

test("the text alternative lists every shown stance as a sentence, and reaches its evidence", async ({
  page,
}) => {
  await page.goto("/?episode=april-2024");
  const region = network(page);
  const stances = visibleStances({ episode: "april-2024" });
  await region.getByText(`All ${stances.length} shown stances as text`).click();
  const list = region.getByRole("list", { name: "Shown stances" });
  await expect(list.getByRole("listitem")).toHaveCount(stances.length);
  const first = stances[0]!;
  const publisher = index.sourceById.get(first.sourceId)!.publisher;
  const item = list.locator(`[data-sentence="${first.id}"]`);
  await expect(item).toContainText(` — `);
  await expect(item).toContainText(`source: ${publisher}`);
  await item.getByRole("button").click();
  await expect(page).toHaveURL(new RegExp(`focus=stance:${first.id}$`));
  await expect(page.getByTestId("evidence-excerpt")).toHaveText(first.evidence);
});

test("hovering an edge shows its stances in a tooltip kept inside the drawing", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  const svg = region.getByTestId("network-svg");
  await svg.scrollIntoViewIfNeeded();
  const target = await uncoveredEdgeMidpoint(region);
  expect(target).not.toBeNull();
  const stance = index.stanceById.get(target!.stance)!;
  await page.mouse.move(target!.x, target!.y);
  const tip = region.getByText("Click for the evidence").locator("..");
  await expect(tip).toBeVisible();
  // One sentence per stance, naming both actors of the first one.
  for (const id of [stance.from, stance.to])
    await expect(tip).toContainText(index.actorById.get(id)!.name.replace(/^the /i, ""));
  const box = (await svg.boundingBox())!;
  const tipBox = (await tip.boundingBox())!;
  expect(tipBox.x).toBeGreaterThanOrEqual(box.x - 0.5);
  expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  // Leaving the drawing hides it.
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await expect(region.getByText("Click for the evidence")).toHaveCount(0);
});

test("keyboard: Home and End reach the first and last actor in keyboard order", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  await region.getByRole("heading", { name: "Condemnation network" }).click();
  await tabPastTheHead(page, region);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-node") ?? null);
  // Keyboard order is the graph's node order (most stances first), without the grouped "others".
  const order = buildGraph(index, visibleStances())
    .nodes.map((n) => n.id)
    .filter((id) => id !== "_others");
  expect(await focused()).toBe(order[0]);
  await page.keyboard.press("End");
  expect(await focused()).toBe(order[order.length - 1]);
  await expect(region.locator('[data-node][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Home");
  expect(await focused()).toBe(order[0]);
});

test("zoomed in, dragging the background pans the drawing; Fit brings it back", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  const svg = region.getByTestId("network-svg");
  await svg.scrollIntoViewIfNeeded();
  await region.getByRole("button", { name: "Zoom in" }).click();
  const russia = async () => (await nodeCentres(region)).russia!;
  const before = await russia();
  // A point of the background: the drawing itself is under the pointer, no mark.
  const start = await svg.evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (let y = r.top + 20; y < r.bottom - 20; y += 7)
      for (let x = r.left + 20; x < r.right - 60; x += 7)
        if (document.elementFromPoint(x, y) === el) return { x, y };
    return null;
  });
  expect(start).not.toBeNull();
  await page.mouse.move(start!.x, start!.y);
  await page.mouse.down();
  await page.mouse.move(start!.x + 30, start!.y + 20, { steps: 4 });
  await page.mouse.move(start!.x + 60, start!.y + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await russia()).x - before.x).toBeCloseTo(60, 0);
  expect((await russia()).y - before.y).toBeCloseTo(40, 0);
  await region.getByRole("button", { name: "Fit the whole network" }).click();
  await expect(region.getByRole("button", { name: "Fit the whole network" })).toBeDisabled();
  await expect(region.getByRole("button", { name: "Zoom out" })).toBeDisabled();
});
