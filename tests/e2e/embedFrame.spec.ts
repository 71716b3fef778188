import { CHROMIUM_ARGS, resolveChromium } from "./chromium.mjs";
import { test, expect } from "./fixtures";

// The host page is served by Playwright under a public-looking name, the app from 127.0.0.1: Chrome's Local
// Network Access checks block a public page from loading a loopback one, which between two public sites (the
// real case) does not arise. Only these checks are switched off; framing is still the app's headers' call.
test.use({
  timezoneId: "Asia/Tokyo",
  launchOptions: {
    executablePath: (resolveChromium() as string | null | undefined) ?? undefined,
    args: [...CHROMIUM_ARGS, "--disable-features=LocalNetworkAccessChecks"],
  },
});

test("another site can frame the embed and hears its height; a non-embed page it cannot frame", async ({
  context,
  baseURL,
}) => {
  // The host is a page of its own: the refusal it logs is expected there (the fixture watches `page` only).
  const host = await context.newPage();
  const logged: string[] = [];
  host.on("console", (m) => logged.push(m.text()));
  const origin = "http://host.example.test/";
  await host.route(origin + "**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>host</title>
      <script>window.heights=[];addEventListener("message",e=>{if(e.data&&e.data.type==="stance-atlas:height")heights.push(e.data.height)})</script>
      <iframe id="embed" src="${baseURL}/?actors=russia&views=network&embed=1" width="800" height="600"></iframe>
      <iframe id="page" src="${baseURL}/?actors=russia" width="800" height="600"></iframe>`,
    }),
  );
  await host.goto(origin + "index.html");
  // The embed renders inside the other site's page and tells it its height (the iframe's 600 px).
  await expect
    .poll(() => host.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1) ?? 0))
    .toBe(600);
  await expect(
    host.frameLocator("#embed").getByRole("region", { name: "Condemnation network" }),
  ).toBeVisible();
  // The browser refuses the plain page inside another site, naming the policy; it never renders the dashboard.
  await expect.poll(() => logged.some((t) => t.includes("frame-ancestors 'none'"))).toBe(true);
  await expect(host.frameLocator("#page").getByRole("region", { name: "Condemnation network" })).toHaveCount(
    0,
  );
});
