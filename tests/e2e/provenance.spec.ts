import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";

// Visible provenance (issue 22): a record resting on a fact from outside its report carries a marker and its
// note in every view; "Only what the reports state" (`provenance=reports`) hides those records in all three
// views; /about lists the five reports. Expected values are read from data/escalations.json by hand: the
// Lavrov–Zarif call of January 2020 (`lavrov-zarif-call-2020`) and its stances are dated from other
// reporting ("date from other reporting: 3 or 4 Jan 2020"); the Soleimani killing itself is dated by the report.
// The views show dates, so the browser runs in a zone far from UTC.
test.use({ timezoneId: "Pacific/Kiritimati" });

const CALL = "lavrov-zarif-call-2020";
const CALL_STANCE = "lavrov-condoles-iran-soleimani";
const CALL_QUOTE = "russian-mfa-ministers-emphasized";
const REPORTED_EVENT = "soleimani-killing";
const NOTE = "date from other reporting: 3 or 4 Jan 2020";
const FORT_RUSS = "fort-russ-2020-01-lavrov-condolences-soleimani";
const SOURCES = [
  "anadolu-2024-04-15-russia-defend-support-iran",
  "share4all-2025-06-russia-support-iran",
  FORT_RUSS,
  "polygraph-2023-10-lavrov-iran-peacekeeper",
  "igbere-2025-06-23-putin-araqchi",
];

interface Outsider {
  id: string;
  eventId?: string;
  outside?: unknown[];
}
/** The raw dataset, for what the JSON says (never through the app's selectors). */
const raw = JSON.parse(readFileSync("data/escalations.json", "utf8")) as Record<
  "events" | "stances" | "quotes",
  Outsider[]
>;
const marked = (r: Outsider) => (r.outside?.length ?? 0) > 0;
/** Every stance of the call, all dated from other reporting like the call. */
const callStances = raw.stances.filter((s) => s.eventId === CALL);

const timeline = (page: Page) => page.getByRole("region", { name: "Escalation timeline" });
const network = (page: Page) => page.getByRole("region", { name: "Condemnation network" });
const quotes = (page: Page) => page.getByRole("region", { name: "Quotes" });
const mark = (page: Page, id: string) => timeline(page).locator(`[data-record="event:${id}"]`);

async function open(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status()).toBeLessThan(500);
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-measured", "true");
}

/** Every stance id the network's drawn edges stand for. */
async function drawnStances(page: Page): Promise<string[]> {
  const lists = await network(page)
    .locator("[data-edge]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-stances") ?? ""));
  return lists.flatMap((l) => l.split(" ")).filter(Boolean);
}

/** The provenance control sits behind "More filters" in the filter bar. */
async function openMoreFilters(page: Page) {
  await page.getByRole("button", { name: /^More filters/ }).click();
}

test("the JSON holds what this spec expects", () => {
  expect(raw.events.find((e) => e.id === CALL)?.outside).toEqual([{ field: "date", note: NOTE }]);
  expect(marked(raw.events.find((e) => e.id === REPORTED_EVENT)!)).toBe(false);
  expect(callStances.map((s) => s.id)).toContain(CALL_STANCE);
  expect(callStances.every(marked)).toBe(true);
  expect(marked(raw.quotes.find((q) => q.id === CALL_QUOTE)!)).toBe(true);
});

test("the call's mark carries the marker and its note: mark, tooltip, table, evidence panel", async ({
  page,
}) => {
  await open(page, `/?focus=event:${CALL}`);
  const marks = mark(page, CALL);
  await expect(marks.first()).toBeVisible();
  for (const m of await marks.all()) {
    await expect(m).toHaveAttribute("data-outside", "true");
    await expect(m).toHaveAttribute("data-focused", "true");
    // A screen reader hears the note: it is in the mark's name, not only drawn as a dot.
    await expect(m).toHaveAccessibleName(new RegExp(`from outside the reports: ${NOTE}$`));
  }
  const reported = mark(page, REPORTED_EVENT).first();
  await expect(reported).toBeVisible();
  await expect(reported).not.toHaveAttribute("data-outside", "true");
  await expect(timeline(page).locator('[data-legend="outside"]')).toHaveText(
    "A fact from outside the reports (see its note)",
  );

  // The keyboard's tooltip, with the note.
  await marks.last().focus();
  const tip = timeline(page).getByTestId("timeline-tooltip");
  await expect(tip).toBeVisible();
  await expect(tip.getByTestId("timeline-tooltip-outside")).toHaveText(`From outside the reports: ${NOTE}`);

  // The evidence panel lists each outside fact with its note.
  await page.keyboard.press("s");
  const panel = page.getByTestId("evidence-panel");
  await expect(panel.getByTestId("evidence-outside")).toContainText("From outside the reports");
  await expect(panel.getByTestId("evidence-outside").locator("li")).toHaveText([
    "Date: from other reporting: 3 or 4 Jan 2020",
  ]);
  await page.keyboard.press("Escape");

  // The table alternative says it too.
  await timeline(page).getByRole("button", { name: "Show as table" }).click();
  const row = timeline(page)
    .getByTestId("timeline-table")
    .locator("tbody tr", { hasText: "Lavrov and Zarif speak by phone" });
  await expect(row.locator('td[data-outside="true"]')).toHaveText(`From outside the reports: ${NOTE}`);
});

test("a stance of the call: its edge, the network's details and list, the quote card", async ({ page }) => {
  await open(page, `/?focus=stance:${CALL_STANCE}`);
  const edges = await network(page)
    .locator("[data-edge]")
    .evaluateAll(
      (els, id) =>
        els
          .filter((e) => (e.getAttribute("data-stances") ?? "").split(" ").includes(id))
          .map((e) => e.getAttribute("data-outside")),
      CALL_STANCE,
    );
  // The one edge drawing the stance carries the marker.
  expect(edges).toEqual(["true"]);
  await expect(network(page).locator('[data-legend="outside"]')).toBeVisible();
  // Hovering the edge: its tooltip gives the note under the stance's sentence.
  const edge = network(page).locator(`[data-edge][data-stances~="${CALL_STANCE}"]`);
  await expect(edge).toHaveAttribute("data-outside", "true");
  await edge.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const point = await edge.evaluate((el) => {
    const path = el.querySelector("path") as SVGPathElement | null;
    if (!path) return null;
    for (let f = 0.5, k = 1; k < 18; f = 0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 0.05, k++) {
      const p = path.getPointAtLength(path.getTotalLength() * f).matrixTransform(path.getScreenCTM()!);
      if (el.contains(document.elementFromPoint(p.x, p.y))) return { x: p.x, y: p.y };
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.move(point!.x, point!.y);
  const tip = network(page).getByText("Click for the evidence").locator("..");
  await expect(tip).toBeVisible();
  await expect(tip.locator('[data-outside="true"]').first()).toContainText(
    `From outside the reports: ${NOTE}`,
  );
  await page.mouse.move(0, 0);
  await expect(network(page).getByTestId("network-details")).toContainText(
    `From outside the reports: ${NOTE}`,
  );
  await network(page).locator("details > summary").click();
  await expect(network(page).locator(`[data-sentence="${CALL_STANCE}"]`)).toContainText(
    `From outside the reports: ${NOTE}`,
  );

  const card = quotes(page).locator(`[data-record="quote:${CALL_QUOTE}"]`);
  await expect(card).toHaveAttribute("data-outside", "true");
  await expect(card).toContainText(`From outside the reports: ${NOTE}`);
});

test("?provenance=reports hides the call, its stances and its quote in all three views", async ({ page }) => {
  await open(page, "/?provenance=reports");
  await openMoreFilters(page);
  await expect(page.getByRole("checkbox", { name: "Only what the reports state" })).toBeChecked();
  await expect(
    page.getByRole("button", { name: "Remove Provenance: only what the reports state" }),
  ).toBeVisible();
  const kept = (k: "events" | "stances" | "quotes") => raw[k].filter((r) => !marked(r)).length;
  await expect(page.getByTestId("count-events")).toHaveText(String(kept("events")));
  await expect(page.getByTestId("count-stances")).toHaveText(String(kept("stances")));
  await expect(page.getByTestId("count-quotes")).toHaveText(String(kept("quotes")));

  await expect(mark(page, CALL)).toHaveCount(0);
  await expect(mark(page, REPORTED_EVENT).first()).toBeVisible();
  await expect(timeline(page).locator('[data-outside="true"]')).toHaveCount(0);
  const drawn = await drawnStances(page);
  expect(drawn.length).toBeGreaterThan(0);
  for (const s of callStances) expect(drawn).not.toContain(s.id);
  await expect(network(page).locator('[data-edge][data-outside="true"]')).toHaveCount(0);
  await expect(quotes(page).locator(`[data-record="quote:${CALL_QUOTE}"]`)).toHaveCount(0);
  await expect(quotes(page).locator('[data-outside="true"]')).toHaveCount(0);
  // The URL keeps the filter.
  expect(new URL(page.url()).search).toBe("?provenance=reports");
});

test("the control toggles the filter and the URL", async ({ page }) => {
  await open(page, "/");
  await expect(mark(page, CALL).first()).toBeVisible();
  expect(await drawnStances(page)).toContain(CALL_STANCE);
  await openMoreFilters(page);
  const box = page.getByRole("checkbox", { name: "Only what the reports state" });
  await expect(box).not.toBeChecked();
  const size = await box.evaluate((el) => el.closest("label")!.getBoundingClientRect());
  expect(size.height).toBeGreaterThanOrEqual(24);

  await box.check();
  await expect(page).toHaveURL(/\?provenance=reports$/);
  await expect(mark(page, CALL)).toHaveCount(0);
  expect(await drawnStances(page)).not.toContain(CALL_STANCE);

  await box.uncheck();
  await expect(page).toHaveURL((u) => !u.search.includes("provenance"));
  await expect(mark(page, CALL).first()).toBeVisible();
  expect(await drawnStances(page)).toContain(CALL_STANCE);

  // Back restores the filtered view.
  await page.goBack();
  await expect(page).toHaveURL(/\?provenance=reports$/);
  await expect(box).toBeChecked();
});

test("/?provenance=nope: the ignored notice, everything shown, no server error", async ({ page }) => {
  await open(page, "/?provenance=nope");
  await expect(page.getByTestId("ignored-notice")).toContainText('Ignored provenance "nope"');
  await openMoreFilters(page);
  await expect(page.getByRole("checkbox", { name: "Only what the reports state" })).not.toBeChecked();
  await expect(page.getByTestId("count-events")).toHaveText(String(raw.events.length));
  await expect(mark(page, CALL).first()).toBeVisible();
});

test("/about lists the five reports with anchors, and passes axe", async ({ page }) => {
  const res = await page.goto("/about");
  expect(res?.status()).toBe(200);
  await expect(page).toHaveTitle("About the data — Stance Atlas");
  await expect(page.getByRole("heading", { level: 1, name: "About the data" })).toBeVisible();
  const articles = page.getByTestId("about-source");
  await expect(articles).toHaveCount(5);
  expect(await articles.evaluateAll((els) => els.map((e) => e.id))).toEqual(
    SOURCES.map((s) => `source-${s}`),
  );
  await expect(page.locator(`#source-${FORT_RUSS}`)).toContainText(
    "3ec7e27ab68b9576d94926c90329d0805e8139ef40a9c8e03399caea0dd2d579",
  );
  await expect(page.locator(`#source-${FORT_RUSS}`)).toContainText("002_27cceee1a52b0f37.txt");
  for (const h of ["How statements are coded", "Provenance", "How to cite", "Licence"])
    await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
  await expect(page.getByTestId("about-citation")).toContainText("version");
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "← Back to the dashboard" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Stance Atlas" })).toBeVisible();
});

test("the header and the evidence panel link to the About page", async ({ page }) => {
  await open(page, `/?focus=event:${CALL}`);
  await expect(page.getByRole("link", { name: "About the data" })).toHaveAttribute("href", "/about");
  await timeline(page).getByTestId("timeline-selected").getByRole("button", { name: "Source" }).click();
  const link = page.getByTestId("evidence-panel").getByTestId("evidence-about-link");
  await expect(link).toHaveAttribute("href", `/about#source-${FORT_RUSS}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/about#source-${FORT_RUSS}$`));
  await expect(page.locator(`#source-${FORT_RUSS}`)).toBeInViewport();
});
