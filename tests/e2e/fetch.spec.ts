import { test as plain, expect as plainExpect, type Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// The second server of playwright.config.ts: the same build with STANCE_ATLAS_INLINE_BYTES=0, so the page
// fetches the dataset from /dataset.json as it does for any dataset over a megabyte.
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
  const fetched = page.waitForResponse(`${FETCH_BASE}/dataset.json`);
  const columns = page.waitForResponse(`${FETCH_BASE}/dataset.columns`);
  await page.goto(`${FETCH_BASE}/?episode=april-2024`);
  expect((await fetched).headers()["content-encoding"]).toBe("gzip");
  expect((await columns).headers()["content-encoding"]).toBe("gzip");
  await expect(eventCount(page)).toHaveText(inlined!);
  await expect(page.getByRole("region", { name: "Escalation timeline" })).toBeVisible();
  await expect(loading(page)).toHaveCount(0);
  // The head asks for the records and their index columns while the scripts load; the dashboard's own
  // requests take those answers, so each is asked once.
  expect(await preloads(page)).toEqual(["/dataset.json", "/dataset.columns"]);
  expect(requested.filter((p) => p === "/dataset.json")).toHaveLength(1);
  expect(requested.filter((p) => p === "/dataset.columns")).toHaveLength(1);
});

test("without usable index columns the browser builds its own and draws the same view", async ({
  page,
  baseURL,
}) => {
  await page.goto(`${baseURL}/?episode=april-2024&actors=russia`);
  const inlined = await eventCount(page).textContent();
  const quotes = await page.getByTestId("count-quotes").textContent();
  // Bytes that are not columns: words of no format, then a body cut short.
  for (const answer of [
    { status: 200, body: Buffer.from(new Int32Array(4096).fill(1 << 30).buffer) },
    { status: 200, body: Buffer.from([0x53, 0x41, 0x43]) },
  ]) {
    await page.route("**/dataset.columns", (route) =>
      route.fulfill({ ...answer, contentType: "application/octet-stream" }),
    );
    await page.goto(`${FETCH_BASE}/?episode=april-2024&actors=russia`);
    await expect(eventCount(page)).toHaveText(inlined!);
    await expect(page.getByTestId("count-quotes")).toHaveText(quotes!);
    await expect(loading(page)).toHaveCount(0);
    await page.unroute("**/dataset.columns");
  }
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
    await page.route("**/dataset.json", async (route) => {
      if (stalled) return; // never answered
      await route.continue();
    });
    await page.goto(`${FETCH_BASE}/`);
    await plainExpect(loading(page)).toContainText("Loading the dataset…");
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
    await page.route("**/dataset.json", async (route) => {
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
