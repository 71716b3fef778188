import { test as plain, expect as plainExpect, type Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// The second server of playwright.config.ts: the same build with STANCE_ATLAS_INLINE_BYTES=0, so the page
// fetches the dataset from /dataset.jsonl as it does for any dataset over a megabyte.
const FETCH_BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;

const loading = (page: Page) => page.getByTestId("dataset-loading");
const eventCount = (page: Page) => page.getByTestId("count-events");

/** The page's preload links, as `href` values. */
const preloads = (page: Page) =>
  page
    .locator('link[rel="preload"][as="fetch"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute("href")));

test("a fetched dataset draws the same view as an inlined one", async ({ page, baseURL }) => {
  await page.goto(`${baseURL}/?episode=april-2024`);
  const inlined = await eventCount(page).textContent();
  expect(Number(inlined)).toBeGreaterThan(0);
  // An inlined dataset asks for nothing more.
  expect(await preloads(page)).toEqual([]);

  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const fetched = page.waitForResponse(`${FETCH_BASE}/dataset.jsonl`);
  await page.goto(`${FETCH_BASE}/?episode=april-2024`);
  const answer = await fetched;
  expect(answer.headers()["content-encoding"]).toBe("gzip");
  expect(answer.headers()["content-type"]).toBe("application/x-ndjson; charset=utf-8");
  await expect(eventCount(page)).toHaveText(inlined!);
  await expect(page.getByRole("region", { name: "Escalation timeline" })).toBeVisible();
  await expect(loading(page)).toHaveCount(0);
  // The head asks for the records while the scripts load; the dashboard's own request takes that answer, so
  // they are asked once. A dataset this small is indexed as its lines come: no index columns are asked for
  // (lib/data/fetchIndexable.ts; the choice on a large one is unit-tested in tests/unit/columns.test.ts).
  expect(await preloads(page)).toEqual(["/dataset.jsonl"]);
  expect(requested.filter((p) => p === "/dataset.jsonl")).toHaveLength(1);
  expect(requested.filter((p) => p === "/dataset.columns")).toHaveLength(0);
});

// These tests make the download fail on purpose: the browser logs the failed request, so they use
// Playwright's plain test and check for uncaught errors themselves.
plain.describe("a download that fails says why and offers Try again", () => {
  const noPageErrors = (page: Page) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    return errors;
  };

  plain("a stalled server times out instead of loading forever", async ({ page }) => {
    const errors = noPageErrors(page);
    await page.clock.install();
    let stalled = true;
    await page.route("**/dataset.jsonl", async (route) => {
      if (stalled) return; // never answered
      await route.continue();
    });
    await page.goto(`${FETCH_BASE}/`);
    await plainExpect(loading(page)).toContainText("Loading the dataset…");
    // The download's code loads lazily: its stall timer runs from then on the page's clock.
    await plainExpect(loading(page)).toHaveAttribute("data-download", "started");
    await page.clock.runFor(19_000);
    await plainExpect(loading(page)).toContainText("Loading the dataset…");
    await page.clock.runFor(2_000);
    await plainExpect(loading(page)).toContainText(
      "Could not load the dataset: the server sent nothing for 20 seconds.",
    );
    stalled = false;
    await loading(page).getByRole("button", { name: "Try again" }).click();
    await plainExpect(page.getByRole("region", { name: "Escalation timeline" })).toBeVisible();
    plainExpect(errors).toEqual([]);
  });

  plain("an answer that is not a dataset is named, not the generic error page", async ({ page }) => {
    const errors = noPageErrors(page);
    let answer: { status: number; body: string } | null = { status: 200, body: '{"foo":1}' };
    await page.route("**/dataset.jsonl", async (route) => {
      if (answer) await route.fulfill({ ...answer, contentType: "application/json" });
      else await route.continue();
    });
    await page.goto(`${FETCH_BASE}/`);
    await plainExpect(loading(page)).toContainText(
      "Could not load the dataset: the server's answer is not a Stance Atlas dataset (no sources, actors, episodes, events, stances, quotes, claims list).",
    );
    answer = { status: 502, body: "Bad gateway" };
    await loading(page).getByRole("button", { name: "Try again" }).click();
    await plainExpect(loading(page)).toContainText("Could not load the dataset: the server answered 502.");
    answer = null;
    await loading(page).getByRole("button", { name: "Try again" }).click();
    await plainExpect(page.getByRole("region", { name: "Escalation timeline" })).toBeVisible();
    plainExpect(errors).toEqual([]);
  });
});
