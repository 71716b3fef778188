import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { index } from "./dataset";

// Marks you can read and touch: every mark's hit area is at least 24 × 24 CSS px (WCAG 2.2 target size),
// a timeline mark's label selects its event as the glyph does, and a second tap keeps a selection.

const timeline = (page: Page) => page.getByRole("region", { name: "Escalation timeline" });
const network = (page: Page) => page.getByRole("region", { name: "Condemnation network" });
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const focusUrl = (kind: string, id: string) => new RegExp(`[?&]focus=${kind}(:|%3A)${esc(id)}(&|$)`);

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(timeline(page).getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

// The drawn marks (a quote's header names its actor with the same attribute, but is no mark).
const MARKS = 'svg [data-record^="event:"], svg [data-record^="actor:"]';

/**
 * Shows a view: below 1024 px one view shows at a time, picked in the tab bar; wider, all of them do. Returns
 * the view's region.
 */
async function showView(page: Page, name: "Timeline" | "Network"): Promise<Locator> {
  const tabs = page.getByRole("navigation", { name: "Views" });
  if (await tabs.isVisible()) await tabs.getByRole("button", { name: new RegExp(`^${name}`) }).click();
  const region = name === "Timeline" ? timeline(page) : network(page);
  await expect(region).toBeVisible();
  return region;
}

/** Marks whose hit area is under 24 × 24 (a float's hair aside). */
function smallTargets(view: Locator) {
  return view.locator(MARKS).evaluateAll((marks) =>
    marks.flatMap((mark) => {
      const name = mark.getAttribute("data-record");
      const hit = mark.querySelector('[data-part="hit"]');
      if (!hit) return [`${name}: no hit area`];
      const r = hit.getBoundingClientRect();
      return r.width < 23.99 || r.height < 23.99
        ? [`${name}: ${r.width.toFixed(2)} × ${r.height.toFixed(2)}`]
        : [];
    }),
  );
}

/** Marks whose centre lies under another mark's (enlarged) hit area: where a click could go wrong. */
function coveredMarks(view: Locator) {
  return view.locator(MARKS).evaluateAll((marks) =>
    marks.flatMap((mark) => {
      const hit = mark.querySelector('[data-part="hit"]');
      if (!hit) return [];
      hit.scrollIntoView({ block: "center", inline: "center" });
      const r = hit.getBoundingClientRect();
      const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return at?.closest("[data-record]") === mark ? [] : [mark.getAttribute("data-record")!];
    }),
  );
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`every event and actor mark is a target of at least 24 × 24 px at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    // The graph's marks: a phone opens the network on the matrix unless the link names the graph.
    for (const query of ["", "episode=us-strikes-2025", "episode=april-2024"]) {
      const url = `/?${[query, viewport.width < 1024 ? "network=graph" : ""].filter(Boolean).join("&")}`;
      await open(page, url);
      for (const name of ["Timeline", "Network"] as const) {
        const view = await showView(page, name);
        expect(await view.locator(MARKS).count()).toBeGreaterThan(0);
        expect(await smallTargets(view), url).toEqual([]);
        // Enlarged targets of close marks overlap: a click on a mark's centre still selects that mark.
        for (const record of await coveredMarks(view)) {
          const [kind, id] = record.split(/:(.*)/) as [string, string];
          const hit = view.locator(`[data-record="${record}"] [data-part="hit"]`).first();
          await hit.scrollIntoViewIfNeeded();
          const box = (await hit.boundingBox())!;
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          await expect(page, record).toHaveURL(focusUrl(kind, id));
          await page.keyboard.press("Escape");
          await page.goto(url);
          await expect(timeline(page).getByTestId("timeline")).toHaveAttribute("data-measured", "true");
          await showView(page, name);
        }
      }
    }
  });
}

test("clicking a timeline mark's label selects its event, as clicking the glyph does", async ({ page }) => {
  const prefix = "Russian Foreign Ministry sharply criticize";
  const event = index.data.events.find((e) => e.title.startsWith(prefix))!;
  expect(event).toBeDefined();
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, "/?episode=us-strikes-2025");
  const label = timeline(page).locator(`[data-record="event:${event.id}"] text`);
  await expect(label).toContainText(prefix);
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  // Well into the text, away from the glyph beside it.
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page).toHaveURL(focusUrl("event", event.id));
  await expect(timeline(page).locator(`[data-record="event:${event.id}"]`)).toHaveAttribute(
    "data-focused",
    "true",
  );
  // Same as the glyph: a second mouse click toggles the selection off.
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page).not.toHaveURL(/focus=/);
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

  test("a second tap on the selected timeline mark keeps it selected", async ({ page }) => {
    const event = index.data.events.find((e) => e.id === "russian-foreign-ministry-condemns-us-strikes")!;
    expect(event).toBeDefined();
    await open(page, "/?episode=us-strikes-2025");
    const glyph = timeline(page).locator(`[data-record="event:${event.id}"] [data-part="glyph"]`);
    await glyph.tap();
    await expect(page).toHaveURL(focusUrl("event", event.id));
    await glyph.tap();
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(focusUrl("event", event.id));
    await expect(timeline(page).locator(`[data-record="event:${event.id}"]`)).toHaveAttribute(
      "data-focused",
      "true",
    );
  });

  test("a second tap on the selected actor keeps it selected", async ({ page }) => {
    const actor = index.data.actors.find((a) => a.id === "russia")!;
    expect(actor).toBeDefined();
    // The graph, named: on a phone the network otherwise opens on the matrix.
    await open(page, "/?network=graph");
    await showView(page, "Network");
    const node = network(page).locator(`[data-record="actor:${actor.id}"]`);
    await node.locator("path").tap();
    await expect(page).toHaveURL(focusUrl("actor", actor.id));
    await node.locator("path").tap();
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(focusUrl("actor", actor.id));
    await expect(node).toHaveAttribute("data-focused", "true");
  });
});
