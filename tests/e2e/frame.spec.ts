import { test, expect, axeViolations } from "./fixtures";

test("the dashboard frame: header with span and counts, three labelled regions", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Stance Atlas" })).toBeVisible();
  await expect(page.getByTestId("dataset-meta")).toContainText(
    /\d+ events · \d+ stances · \d+ quotes · \d+ actors · 5 reports/,
  );
  await expect(page.getByTestId("dataset-meta")).toContainText(/2006/);
  for (const name of ["Escalation timeline", "Condemnation network", "Quotes"]) {
    const region = page.getByRole("region", { name });
    await expect(region).toBeVisible();
    await expect(region.getByRole("heading", { level: 2, name })).toBeVisible();
  }
});

test("the default view has zero axe-core violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Quotes" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("security headers are set and Next is not advertised", async ({ request }) => {
  const res = await request.get("/");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("an unknown path shows the not-found page with a way back", async ({ page, consoleErrors }) => {
  const res = await page.goto("/no-such-page");
  // The browser itself logs the 404 of the document; that one is expected, nothing else is.
  expect(consoleErrors.every((e) => e.includes("404"))).toBe(true);
  consoleErrors.length = 0;
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Open the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stance Atlas" })).toBeVisible();
});
