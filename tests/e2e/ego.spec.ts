import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { network, nodeCentres, settled, visibleStances } from "./networkHelpers";

test.use({ timezoneId: "Europe/Berlin" });

const SHOTS = "/tmp/ego-shots";
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

// From data/escalations.json, read by hand: Russia's stances run to Bashar al-Assad and Syria (2015), Israel
// (Apr 2024), the United States and Iran (Jun 2025), and come from Amir-Abdollahian (Apr 2024) and Araghchi
// (Jun 2025): with Russia, eight actors one step away. Two steps away: 30 actors.
const RUSSIA_1 = [
  "abbas-araqchi",
  "bashar-al-assad",
  "hossein-amir-abdollahian",
  "iran",
  "israel",
  "russia",
  "syria",
  "united-states",
].sort();
const RUSSIA_2_COUNT = 30;
/** Every actor that takes part in a stance: the whole graph (the dataset has fewer actors than the cap). */
const ALL_ACTORS = new Set(visibleStances().flatMap((s) => [s.from, s.to])).size;

/** The actors drawn in the network's graph. */
const drawnActors = (page: Page) =>
  network(page)
    .getByTestId("network-svg")
    .locator('[data-record^="actor:"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-record")!.slice("actor:".length)).sort());
const neighbours = (page: Page) => network(page).getByRole("group", { name: "Neighbours:" });
const query = (page: Page) => new URL(page.url()).searchParams;

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("ego=1 draws Russia and its neighbours, at the places the whole graph gives them", async ({
    page,
  }) => {
    await page.goto("/?focus=actor:russia");
    await settled(network(page));
    expect((await drawnActors(page)).length).toBe(ALL_ACTORS);
    const full = await nodeCentres(network(page));
    await expect(neighbours(page).getByRole("button", { name: "All" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await page.goto("/?focus=actor:russia&ego=1");
    await settled(network(page));
    expect(await drawnActors(page)).toEqual(RUSSIA_1);
    await expect(neighbours(page).getByRole("button", { name: "1 step" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(network(page).getByTestId("network-ego")).toContainText("8 actors");
    const ego = await nodeCentres(network(page));
    // The same layout, only fitted to the eight: one scale and shift maps the whole graph's places to these.
    const [a, b] = ["russia", "united-states"].map((id) => ({ f: full[id]!, e: ego[id]! }));
    const k = (b!.e.x - a!.e.x) / (b!.f.x - a!.f.x);
    expect(k).toBeGreaterThan(1); // zoomed in: the ego set is drawn larger
    for (const id of RUSSIA_1) {
      expect(ego[id]!.x).toBeCloseTo(a!.e.x + (full[id]!.x - a!.f.x) * k, 0);
      expect(ego[id]!.y).toBeCloseTo(a!.e.y + (full[id]!.y - a!.f.y) * k, 0);
    }
    await shot(page, "ego1-1280");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the Neighbours control switches the depth, the URL follows, Back restores", async ({ page }) => {
    await page.goto("/?focus=actor:russia&ego=1");
    await settled(network(page));
    expect(await drawnActors(page)).toEqual(RUSSIA_1);

    await neighbours(page).getByRole("button", { name: "2 steps" }).click();
    await expect(page).toHaveURL(/[?&]ego=2(&|$)/);
    await expect.poll(async () => (await drawnActors(page)).length).toBe(RUSSIA_2_COUNT);
    await expect(neighbours(page).getByRole("button", { name: "2 steps" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await shot(page, "ego2-1280");

    await neighbours(page).getByRole("button", { name: "All" }).click();
    await expect.poll(() => query(page).has("ego")).toBe(false);
    expect(query(page).get("focus")).toBe("actor:russia");
    expect(query(page).has("network")).toBe(false);
    await expect.poll(async () => (await drawnActors(page)).length).toBe(ALL_ACTORS);

    await page.goBack();
    await expect(page).toHaveURL(/[?&]ego=2(&|$)/);
    await expect.poll(async () => (await drawnActors(page)).length).toBe(RUSSIA_2_COUNT);
    await page.goBack();
    await expect(page).toHaveURL(/[?&]ego=1(&|$)/);
    await expect.poll(() => drawnActors(page)).toEqual(RUSSIA_1);
  });

  test("the control shows only with an actor selected and the graph drawn; ego is kept without one", async ({
    page,
  }) => {
    await page.goto("/?ego=2");
    await settled(network(page));
    await expect(neighbours(page)).toHaveCount(0);
    expect((await drawnActors(page)).length).toBe(ALL_ACTORS);
    await expect(page.getByRole("status").filter({ hasText: "Ignored" })).toHaveCount(0);
    await page.goto("/?focus=actor:russia&ego=1&network=matrix");
    await expect(page.getByTestId("network-matrix")).toHaveAttribute("data-ready", "true");
    await expect(neighbours(page)).toHaveCount(0);
    await page.goto("/?focus=actor:russia&ego=5");
    await expect(page.getByText('Ignored ego "5" in the link')).toBeVisible();
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  const showNetwork = (page: Page) =>
    page
      .getByRole("navigation", { name: "Views" })
      .getByRole("button", { name: /^Network/ })
      .tap();

  test("with no form in the URL the network opens on the matrix, and the URL stays as it was", async ({
    page,
  }) => {
    await page.goto("/");
    await showNetwork(page);
    await expect(page.getByTestId("network-matrix")).toHaveAttribute("data-ready", "true");
    await expect(network(page).getByTestId("network-svg")).toHaveCount(0);
    const bar = network(page).getByRole("group", { name: "Network display" });
    await expect(bar.getByRole("button", { name: "Matrix" })).toHaveAttribute("aria-pressed", "true");
    await expect(bar.getByRole("button", { name: "Graph" })).toHaveAttribute("aria-pressed", "false");
    expect(page.url()).not.toContain("network=");
    expect(query(page).toString()).toBe("");
    await shot(page, "phone-default-matrix-390");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("with an actor selected it opens on that actor's neighbours one step away", async ({ page }) => {
    await page.goto("/?focus=actor:russia");
    await showNetwork(page);
    await settled(network(page));
    await expect.poll(() => drawnActors(page)).toEqual(RUSSIA_1);
    await expect(neighbours(page).getByRole("button", { name: "1 step" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(query(page).toString()).toBe("focus=actor%3Arussia");
    // Every target is at least 24 px each way.
    for (const button of await neighbours(page).getByRole("button").all()) {
      const box = (await button.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await shot(page, "phone-ego1-390");
    expect(await axeViolations(page)).toEqual([]);
    // "All" names the graph, so the whole network shows, on a phone too.
    await neighbours(page).getByRole("button", { name: "All" }).tap();
    await expect(page).toHaveURL(/network=graph/);
    await expect.poll(async () => (await drawnActors(page)).length).toBe(ALL_ACTORS);
  });

  test("network=graph in the URL shows the whole graph", async ({ page }) => {
    await page.goto("/?network=graph");
    await showNetwork(page);
    await settled(network(page));
    expect((await drawnActors(page)).length).toBe(ALL_ACTORS);
    await expect(page.getByTestId("network-matrix")).toHaveCount(0);
  });
});
