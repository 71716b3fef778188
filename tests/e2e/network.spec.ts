import type { Locator, Page } from "@playwright/test";
import { nodeInDirection, type Direction } from "@/lib/layout/network";
import { filterRecords, linkedTo } from "@/lib/select";
import { buildGraph } from "@/lib/select/graph";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";
import { test, expect, axeViolations } from "./fixtures";
import { index } from "./dataset";

const network = (page: Page) => page.getByRole("region", { name: "Condemnation network" });
const visibleStances = (patch: Partial<ViewState> = {}) =>
  filterRecords(index, { ...DEFAULT_VIEW, ...patch }).stances;
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();

/**
 * Waits until the drawing has been measured on the client: the server renders it at a default width, and
 * positions are only final once it matches its box.
 */
async function settled(region: Locator) {
  await expect
    .poll(() =>
      region
        .getByTestId("network-svg")
        .evaluate(
          (svg) =>
            Number(svg.getAttribute("width")) ===
            Math.round(svg.parentElement!.getBoundingClientRect().width),
        ),
    )
    .toBe(true);
}

/** Every stance id the drawn edges stand for. */
async function drawnStances(region: Locator): Promise<string[]> {
  const lists = await region
    .locator("[data-edge]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-stances") ?? ""));
  return lists.flatMap((l) => l.split(" ")).sort();
}

/** Size of every drawn actor mark, by actor id. */
async function nodeSizes(region: Locator): Promise<Record<string, { width: number; height: number }>> {
  return region.locator("[data-node]").evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const { width, height } = el.querySelector("path")!.getBoundingClientRect();
        return [el.getAttribute("data-node"), { width, height }];
      }),
    ),
  );
}

/** The path drawn for every edge, by edge id. */
async function edgePaths(region: Locator): Promise<Record<string, string>> {
  return region
    .locator("[data-edge]")
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => [
          el.getAttribute("data-edge"),
          el.querySelector("path[marker-end]")!.getAttribute("d"),
        ]),
      ),
    );
}

/** Centre of every drawn actor mark within the drawing, by actor id. */
async function nodeCentres(region: Locator): Promise<Record<string, { x: number; y: number }>> {
  return region.locator("[data-node]").evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        // Relative to the drawing, so a legend that changes height above it does not count as a move.
        const origin = (el as SVGGElement).ownerSVGElement!.getBoundingClientRect();
        const r = el.querySelector("path")!.getBoundingClientRect();
        return [
          el.getAttribute("data-node"),
          { x: r.x + r.width / 2 - origin.x, y: r.y + r.height / 2 - origin.y },
        ];
      }),
    ),
  );
}

test("draws every shown stance as an edge, between a node per actor taking part", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  const stances = visibleStances();
  expect(stances.length).toBeGreaterThan(0);
  const actors = new Set(stances.flatMap((s) => [s.from, s.to]));
  await expect(region.locator("[data-node]")).toHaveCount(actors.size);
  expect(await drawnStances(region)).toEqual(ids(stances));
  // Kind and count are in each node's accessible name; types are in the legend.
  const russia = stances.filter((s) => s.from === "russia" || s.to === "russia").length;
  await expect(region.getByRole("button", { name: `Russia, state, ${russia} stances shown` })).toBeVisible();
  await expect(region.getByRole("group", { name: "Legend" })).toContainText("Condemn");
  // Directed: every edge line ends in an arrowhead.
  const markers = await region
    .locator("[data-edge] path[marker-end]")
    .evaluateAll((els) => els.filter((e) => /^url\(#.+\)$/.test(e.getAttribute("marker-end") ?? "")).length);
  expect(markers).toBe(await region.locator("[data-edge]").count());
});

test("focus=actor:russia highlights Russia's stances and dims the rest", async ({ page }) => {
  await page.goto("/?focus=actor:russia");
  const region = network(page);
  const linked = linkedTo(index, { kind: "actor", id: "russia" });
  await expect(region.locator('[data-record="actor:russia"]')).toHaveAttribute("data-focused", "true");
  await expect(region.getByRole("button", { name: /^Russia, state/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const edges = await region.locator("[data-edge]").evaluateAll((els) =>
    els.map((e) => ({
      stances: (e.getAttribute("data-stances") ?? "").split(" "),
      linked: e.getAttribute("data-linked") === "true",
      opacity: Number(getComputedStyle(e).opacity),
    })),
  );
  const expectLinked = (e: (typeof edges)[number]) => e.stances.some((id) => linked.stances.has(id));
  expect(edges.filter(expectLinked).length).toBeGreaterThan(0);
  expect(edges.filter((e) => !expectLinked(e)).length).toBeGreaterThan(0);
  for (const e of edges) {
    expect(e.linked).toBe(expectLinked(e));
    if (e.linked) expect(e.opacity).toBe(1);
    else expect(e.opacity).toBeLessThan(0.5);
  }
  // The side panel lists Russia's shown stances, each a way to its evidence.
  const shown = visibleStances().filter((s) => linked.stances.has(s.id));
  await expect(
    region.getByRole("list", { name: "Stances linked to Russia" }).getByRole("button"),
  ).toHaveCount(shown.length);
});

test("a focused event elsewhere highlights its actors and stances here", async ({ page }) => {
  const event = index.data.events.find((e) => (index.stancesByEvent.get(e.id) ?? []).length > 0)!;
  const tied = index.stancesByEvent.get(event.id)!;
  await page.goto(`/?focus=event:${event.id}`);
  const region = network(page);
  for (const s of tied) {
    const edge = region.locator(`[data-edge][data-stances~="${s.id}"]`);
    await expect(edge).toHaveAttribute("data-linked", "true");
    await expect(region.locator(`[data-record="actor:${s.from}"]`)).toHaveAttribute("data-linked", "true");
    await expect(region.locator(`[data-record="actor:${s.to}"]`)).toHaveAttribute("data-linked", "true");
  }
  const tiedIds = new Set(tied.map((s) => s.id));
  const others = visibleStances().filter(
    (s) => !tiedIds.has(s.id) && !linkedTo(index, { kind: "event", id: event.id }).stances.has(s.id),
  );
  if (others[0])
    await expect(region.locator(`[data-edge][data-stances~="${others[0].id}"]`)).not.toHaveAttribute(
      "data-linked",
      "true",
    );
});

test("clicking an edge puts focus=stance:<id> in the URL and shows its evidence and source", async ({
  page,
}) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  await region.getByTestId("network-svg").scrollIntoViewIfNeeded();
  // A point halfway along an edge, in the viewport, that nothing else covers: a real click on the line itself.
  const target = await region.locator("[data-edge]").evaluateAll((els) => {
    for (const el of els) {
      const path = el.querySelector("path") as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!);
      if (el.contains(document.elementFromPoint(p.x, p.y)))
        return { x: p.x, y: p.y, stance: (el.getAttribute("data-stances") ?? "").split(" ")[0]! };
    }
    return null;
  });
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

test("picking a stance type removes the other types' edges; nodes and edges that remain stay put", async ({
  page,
}) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  const before = await nodeCentres(region);
  const sizesBefore = await nodeSizes(region);
  const pathsBefore = await edgePaths(region);
  await page.getByRole("button", { name: "Condemn", exact: true }).click();
  await expect(page).toHaveURL(/\/\?stances=condemn$/);
  const condemn = visibleStances({ stances: ["condemn"] });
  await expect(region.locator("[data-edge]")).toHaveCount(buildGraph(index, condemn).edges.length);
  await expect(region.locator('[data-edge]:not([data-type="condemn"])')).toHaveCount(0);
  expect(await drawnStances(region)).toEqual(ids(condemn));
  const actors = new Set(condemn.flatMap((s) => [s.from, s.to]));
  await expect(region.locator("[data-node]")).toHaveCount(actors.size);
  await expect(region.getByRole("group", { name: "Legend" })).not.toContainText("Support");
  const after = await nodeCentres(region);
  for (const [id, p] of Object.entries(after)) {
    expect(before[id], id).toBeDefined();
    expect(Math.abs(p.x - before[id]!.x)).toBeLessThan(0.5);
    expect(Math.abs(p.y - before[id]!.y)).toBeLessThan(0.5);
  }
  // Marks keep their size (it counts the dataset's stances, not the shown ones) and edges their exact shape
  // (the same lanes, trimmed to the same marks): a filter change rewrites no path.
  for (const [id, size] of Object.entries(await nodeSizes(region))) {
    expect(Math.abs(size.width - sizesBefore[id]!.width), id).toBeLessThan(0.5);
    expect(Math.abs(size.height - sizesBefore[id]!.height), id).toBeLessThan(0.5);
  }
  const pathsAfter = Object.entries(await edgePaths(region));
  expect(pathsAfter.length).toBeGreaterThan(0);
  for (const [id, d] of pathsAfter) expect(d, id).toBe(pathsBefore[id]);
});

test("keyboard: one tab stop into the nodes, arrow keys move to linked actors, Enter focuses", async ({
  page,
}) => {
  await page.goto("/?focus=actor:russia");
  const region = network(page);
  await settled(region);
  // Start sequential navigation at the view's heading, then Tab into the view.
  await region.getByRole("heading", { name: "Condemnation network" }).click();
  await page.keyboard.press("Tab");
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

test("an impossible filter shows an empty message instead of a graph", async ({ page }) => {
  const episode = index.data.episodes.find(
    (e) => visibleStances({ episode: e.id, stances: ["dispute"] }).length === 0,
  );
  test.skip(!episode, "every episode has a dispute");
  await page.goto(`/?episode=${episode!.id}&stances=dispute`);
  await expect(network(page).getByTestId("network-empty")).toBeVisible();
  await expect(network(page).locator("[data-node]")).toHaveCount(0);
});

for (const width of [1280, 390]) {
  test(`at ${width} px the graph fits its box, labels do not collide, zoom works`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const region = network(page);
    await settled(region);
    const svg = region.getByTestId("network-svg");
    const box = (await svg.boundingBox())!;
    const regionBox = (await region.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(regionBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 0.5);
    const geometry = await region.locator("[data-node]").evaluateAll((els) =>
      els.map((el) => {
        const mark = el.querySelector("path")!.getBoundingClientRect();
        const text = el.querySelector("text")?.getBoundingClientRect();
        return {
          id: el.getAttribute("data-node")!,
          mark: { x0: mark.left, y0: mark.top, x1: mark.right, y1: mark.bottom },
          label: text ? { x0: text.left, y0: text.top, x1: text.right, y1: text.bottom } : null,
        };
      }),
    );
    const inside = (b: { x0: number; y0: number; x1: number; y1: number }) =>
      b.x0 >= box.x - 0.5 &&
      b.x1 <= box.x + box.width + 0.5 &&
      b.y0 >= box.y - 0.5 &&
      b.y1 <= box.y + box.height + 0.5;
    const hit = (
      a: { x0: number; y0: number; x1: number; y1: number },
      b: { x0: number; y0: number; x1: number; y1: number },
    ) => a.x0 + 1 < b.x1 && b.x0 + 1 < a.x1 && a.y0 + 1 < b.y1 && b.y0 + 1 < a.y1;
    for (const g of geometry) {
      expect(inside(g.mark), `${g.id} mark inside`).toBe(true);
      if (g.label) expect(inside(g.label), `${g.id} label inside`).toBe(true);
    }
    const labelled = geometry.filter((g) => g.label);
    // Nearly every actor is labelled at the default zoom (the rest on hover, focus or zoom).
    expect(labelled.length).toBeGreaterThanOrEqual(Math.ceil(geometry.length * 0.9));
    for (const a of labelled)
      for (const b of geometry)
        if (a !== b) {
          expect(hit(a.label!, b.mark), `${a.id} label over ${b.id} mark`).toBe(false);
          if (b.label && a.id < b.id)
            expect(hit(a.label!, b.label), `${a.id} label over ${b.id} label`).toBe(false);
        }

    // Zoom spreads the marks apart (their size stays), Fit brings them back.
    const spread = async () => {
      const c = await nodeCentres(region);
      return Math.hypot(c.russia!.x - c.iran!.x, c.russia!.y - c.iran!.y);
    };
    const fitted = await spread();
    await region.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(spread).toBeGreaterThan(fitted * 1.5);
    await region.getByRole("button", { name: "Fit the whole network" }).click();
    await expect.poll(spread).toBeCloseTo(fitted, 1);
  });
}

test("zero axe-core violations with the network focused on an actor", async ({ page }) => {
  // axe-core over the whole page takes tens of seconds on a busy two-core machine.
  test.slow();
  await page.goto("/?focus=actor:russia");
  await expect(network(page).locator('[data-record="actor:russia"]')).toHaveAttribute("data-focused", "true");
  expect(await axeViolations(page)).toEqual([]);
});

test("zero axe-core violations with a stance focused and the text alternative open", async ({ page }) => {
  test.slow();
  const stance = visibleStances()[0]!;
  await page.goto(`/?focus=stance:${stance.id}`);
  await expect(network(page).getByTestId("network-details")).toBeVisible();
  await network(page)
    .getByText(/shown stances as text/)
    .click();
  await expect(network(page).getByRole("list", { name: "Shown stances" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("hovering an edge shows its stances in a tooltip kept inside the drawing", async ({ page }) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  const svg = region.getByTestId("network-svg");
  await svg.scrollIntoViewIfNeeded();
  // A point halfway along an edge that nothing else covers, as in the click test above.
  const target = await region.locator("[data-edge]").evaluateAll((els) => {
    for (const el of els) {
      const path = el.querySelector("path") as SVGPathElement;
      const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!);
      if (el.contains(document.elementFromPoint(p.x, p.y)))
        return { x: p.x, y: p.y, stance: (el.getAttribute("data-stances") ?? "").split(" ")[0]! };
    }
    return null;
  });
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
  await page.keyboard.press("Tab");
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
