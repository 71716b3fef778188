// The dashboard of a dataset too big for the browser (components/served), measured as a reader meets it: a
// production server already holding the dataset in DuckDB, Chromium loading `/` in a fresh context (nothing
// cached), and clicks on the filter bar and the time axis. "Ready" is the page's own mark: <main data-ready>
// once every view's answer for the current view has arrived and rendered (components/served/ServedDashboard).
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, resolveChromium } from "../tests/e2e/chromium.mjs";

/** What one measurement gives: ms from navigation to the views drawn, and from a click to them redrawn. */
export interface DashboardTimes {
  firstRenders: number[];
  changes: number[];
}

/**
 * The clicks of a change, by selector: each stance type and each episode on then off, then each year with
 * events on then off. Each one changes the view, so each one asks the routes again.
 */
async function changeTargets(page: Page): Promise<string[]> {
  const stances = ["condemn", "support", "criticize", "defend"].map(
    (t) => `.filter-bar [data-stance="${t}"]`,
  );
  const episodes = await page
    .locator('.filter-bar [aria-labelledby="episode-label"] button')
    .evaluateAll((els) =>
      els.map((_, i) => `.filter-bar [aria-labelledby="episode-label"] button >> nth=${i}`),
    );
  const years = await page
    .locator('[data-testid="served-timeline"] button[data-year]')
    .evaluateAll((els) =>
      els.map((el) => `[data-testid="served-timeline"] button[data-year="${el.getAttribute("data-year")}"]`),
    );
  return [...stances, ...episodes, ...years].flatMap((s) => [s, s]);
}

/** Clicks and waits until the page marks itself ready again (after it has left ready), then a frame. */
async function timedClick(page: Page, selector: string): Promise<number> {
  const handle = await page.locator(selector).elementHandle();
  return page.evaluate(
    (el) =>
      new Promise<number>((resolve, reject) => {
        const main = document.querySelector("main")!;
        let left = false;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!main.hasAttribute("data-ready")) left = true;
          else if (left) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - started));
          }
        });
        observer.observe(main, { attributes: true, attributeFilter: ["data-ready"] });
        setTimeout(() => reject(new Error("no redraw within 60 s")), 60_000);
        (el as HTMLElement).click();
      }),
    handle,
  );
}

/** Loads `base`/ `loads` times (first render each), then runs the change clicks once, timing each. */
export async function measureServedDashboard(base: string, loads = 5): Promise<DashboardTimes> {
  const browser = await chromium.launch({
    executablePath: resolveChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  try {
    const firstRenders: number[] = [];
    let page: Page | null = null;
    for (let k = 0; k < loads; k++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: "commit", timeout: 120_000 });
      await page.locator("main[data-served][data-ready]").waitFor({ timeout: 120_000 });
      // From the navigation's start, as the browser counts it, to a frame after the views are drawn.
      firstRenders.push(
        await page.evaluate(
          () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
        ),
      );
      if (k < loads - 1) await context.close();
    }
    const changes: number[] = [];
    for (const selector of await changeTargets(page!)) changes.push(await timedClick(page!, selector));
    return { firstRenders, changes };
  } finally {
    await browser.close();
  }
}
