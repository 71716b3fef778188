import { linkedTo } from "@/lib/select";
import { buildGraph } from "@/lib/select/graph";
import { test, expect, axeViolations } from "./fixtures";
import { index } from "./dataset";
import {
  drawnStances,
  edgePaths,
  ids,
  network,
  nodeCentres,
  nodeSizes,
  settled,
  visibleStances,
} from "./networkHelpers";

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

test("picking a stance type removes the other types' edges; nodes and edges that remain stay put", async ({
  page,
}) => {
  await page.goto("/");
  const region = network(page);
  await settled(region);
  const before = await nodeCentres(region);
  const sizesBefore = await nodeSizes(region);
  const pathsBefore = await edgePaths(region);
  // The stance types sit behind "More filters".
  await page.getByRole("button", { name: /^More filters/ }).click();
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
    // A phone opens the network on the matrix unless the link names the graph (issue 19, part 5).
    await page.goto(width < 560 ? "/?network=graph" : "/");
    // Below 1024 px one view shows at a time: pick the network's tab.
    const tabs = page.getByRole("navigation", { name: "Views" });
    if (width < 1024) await tabs.getByRole("button", { name: /^Network/ }).click();
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
