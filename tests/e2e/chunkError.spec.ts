// The plain Playwright `test`, not ./fixtures: these tests make chunks fail on purpose, and the browser logs
// each failure as a console error, which the fixture would count against them.
import { test, expect, type Page } from "@playwright/test";

const CHUNKS = "**/_next/static/chunks/**";

const notice = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "Part of the page failed to load." });

/** Hydrated: a filter button changes the URL, which only React can make it do. */
async function expectInteractive(page: Page) {
  await page
    .getByRole("region", { name: "Filters" })
    .getByRole("button", { name: "Damascus & April 2024", exact: true })
    .click();
  await expect(page).toHaveURL(/\/\?episode=april-2024$/);
}

test("when no script chunk loads, the server-rendered page says so and Reload recovers", async ({ page }) => {
  await page.route(CHUNKS, (route) => route.abort());
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Stance Atlas" })).toBeVisible();
  await expect(notice(page)).toBeVisible();
  const reload = notice(page).getByRole("button", { name: "Reload" });
  await expect(reload).toBeVisible();
  await reload.focus();
  await expect(reload).toBeFocused();

  // The server is back: Reload brings up a working dashboard, without the notice.
  await page.unroute(CHUNKS);
  await Promise.all([page.waitForEvent("load"), reload.press("Enter")]);
  await expectInteractive(page);
  await expect(notice(page)).toHaveCount(0);
});

test("when a single script chunk fails, the notice appears too", async ({ page }) => {
  const html = await (await page.request.get("/")).text();
  const chunks = [...html.matchAll(/<script\b[^>]*\ssrc="(\/_next\/static\/chunks\/[^"]+)"/g)].map(
    (m) => m[1]!,
  );
  expect(chunks.length).toBeGreaterThan(1);
  const victim = chunks[chunks.length - 1]!;
  let aborted = 0;
  await page.route(
    (url) => url.pathname === victim,
    (route) => {
      aborted++;
      return route.abort();
    },
  );
  await page.goto("/");
  await expect(notice(page)).toBeVisible();
  await expect(notice(page).getByRole("button", { name: "Reload" })).toBeVisible();
  expect(aborted).toBeGreaterThan(0);
});

test("a page that loads fully shows no notice, until a chunk loaded later fails", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/");
  await expectInteractive(page);
  await expect(notice(page)).toHaveCount(0);
  expect(errors).toEqual([]);

  // What Turbopack's runtime throws when a chunk requested later (a lazy import) cannot be fetched.
  await page.evaluate(() => {
    const error = new Error("Failed to load chunk /_next/static/chunks/lazy.js from module 1");
    error.name = "ChunkLoadError";
    void Promise.reject(error);
  });
  await expect(notice(page)).toBeVisible();
  await expect(notice(page).getByRole("button", { name: "Reload" })).toBeVisible();
});
