import type { Page } from "@playwright/test";

/** Median and 95th percentile of a set of durations, in milliseconds. */
export interface Stats {
  median: number;
  p95: number;
  n: number;
}

/**
 * Latencies of filter changes (all, and per kind of change); the part of them spent in script (event
 * handlers, React's render and commit, effects), the rest being style, layout and paint; and the floor of
 * the method: the same measurement around a change that does nothing.
 */
export interface Latency {
  all: Stats;
  script: Stats;
  /** Per kind of change, with the median of its script part. */
  byKind: Record<string, Stats & { script: number }>;
  floor: Stats;
}

/**
 * Which scripted changes to run: `filters`, the four filter controls (actor, years, episode, focus);
 * `network`, the network view's display (issue 19): the comparison of episodes (`compare=episodes`) on and
 * off, the matrix (`network=matrix`) and back to the graph, and filter changes while each is shown.
 */
export type Suite = "filters" | "network";

/** The kinds of change each suite times, in the order the table prints them. */
export const KINDS: Record<Suite, readonly string[]> = {
  filters: ["actor", "years", "episode", "focus"],
  network: ["compare toggle", "compare filter", "matrix toggle", "matrix filter"],
};

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const stats = (values: readonly number[]): Stats => ({
  median: percentile(values, 50),
  p95: percentile(values, 95),
  n: values.length,
});

/**
 * Performs `count` filter changes through the real controls (actor option, year slider, episode chip, a
 * click on a timeline mark), or with `suite` "network" the network view's display changes (see Suite), and
 * times each from the input event to the end of the frame that shows it.
 *
 * Each change is dispatched at the start of a frame, inside a requestAnimationFrame callback, the way input
 * that arrives during an idle frame is handled: React commits the discrete update in the microtask after
 * the event, then the browser runs style, layout and paint for that same frame. A message posted from the
 * callback lands once that frame is done, so the figure is everything the main thread does for the change
 * (script, render, commit, effects, style, layout, paint) and none of the idle wait for the display's next
 * vsync. Timing from an arbitrary moment to "the next frame" instead would add up to 16.7 ms of waiting to
 * every change: a change that does nothing measures 16.7 ms median that way on this machine, the whole
 * one-frame budget. `floor` reports what this method measures for a change that does nothing.
 */
export async function measureInteractions(
  page: Page,
  count: number,
  suite: Suite = "filters",
): Promise<Latency> {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper that does not
  // exist in the page; define it there (as a string, so it is not itself wrapped).
  await page.evaluate("globalThis.__name = (f) => f");
  if (suite === "network") await warmNetwork(page);
  const samples = await page.evaluate(
    async ([count, suite]: readonly [number, Suite]) => {
      const q = <T extends Element>(sel: string) => document.querySelector<T>(sel);
      /**
       * Runs `act` at the start of the next frame; resolves with its duration to the end of that frame and
       * the part of it spent in script (up to the microtask queued after React's commit).
       */
      const inFrame = (act: () => void) =>
        new Promise<{ ms: number; script: number }>((resolve) =>
          requestAnimationFrame(() => {
            const t0 = performance.now();
            let script = NaN;
            act();
            queueMicrotask(() => (script = performance.now() - t0));
            // The rAF callback runs before style, layout and paint; a message posted from it lands right
            // after that frame.
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ ms: performance.now() - t0, script });
            ch.port2.postMessage(null);
          }),
        );
      const idle = () => inFrame(() => {});
      // The actor list renders its options only while open: open it, as a user about to pick would.
      if (suite === "filters") q<HTMLInputElement>('[role="combobox"]')?.focus();
      await idle();
      const option = (n: number) => document.querySelectorAll<HTMLElement>('[role="option"]')[n] ?? null;
      const span = (() => {
        const input = q<HTMLInputElement>('input[type="range"]');
        return { min: Number(input?.min), max: Number(input?.max) };
      })();
      const setRange = (index: number, value: number) => {
        const input = document.querySelectorAll<HTMLInputElement>('input[type="range"]')[index]!;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
        setter.call(input, String(value));
        input.dispatchEvent(new Event("input", { bubbles: true }));
      };
      const episodeButtons = [
        ...document.querySelectorAll<HTMLButtonElement>('[aria-labelledby="episode-label"] button'),
      ];
      const click = (el: Element | null) =>
        el?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      const mousedown = (el: Element | null) =>
        el?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
      const mark = () => q('[data-record^="event:"]') ?? q('[data-record^="quote:"]');

      const modeButton = (label: string) =>
        [...document.querySelectorAll<HTMLButtonElement>('[aria-label="Network display"] button')].find(
          (b) => b.textContent?.trim() === label,
        ) ?? null;
      const pressedEpisode = () => q('[aria-labelledby="episode-label"] button[aria-pressed="true"]');

      let cycle = 0;
      // Each cycle of steps leaves the view as it found it: half the changes add a filter or a display,
      // half take it away.
      const networkSteps: [string, () => void][] = [
        ["compare toggle", () => click(modeButton("By episode"))],
        ["compare filter", () => setRange(0, span.min + 3 + (cycle % 5))],
        ["compare filter", () => setRange(0, span.min)],
        ["compare toggle", () => click(modeButton("By episode"))],
        ["matrix toggle", () => click(modeButton("Matrix"))],
        ["matrix filter", () => click(episodeButtons[cycle % episodeButtons.length]!)],
        ["matrix filter", () => click(pressedEpisode())],
        ["matrix toggle", () => click(modeButton("Graph"))],
      ];
      const filterSteps: [string, () => void][] = [
        ["actor", () => mousedown(option(cycle % 3))],
        ["years", () => setRange(0, span.min + 3 + (cycle % 5))],
        ["episode", () => click(episodeButtons[cycle % episodeButtons.length]!)],
        ["focus", () => click(mark())],
        ["focus", () => click(q('[data-focused="true"]') ?? mark())],
        ["episode", () => click(pressedEpisode())],
        ["years", () => setRange(0, span.min)],
        ["actor", () => mousedown(q('[role="option"][aria-selected="true"]'))],
      ];
      const steps = suite === "network" ? networkSteps : filterSteps;
      const out: { kind: string; ms: number; script: number; changed: boolean; at: string }[] = [];
      const floor: number[] = [];
      // Work left from a change (a deferred render, the URL write after its frame) done, then a fresh frame.
      const quiet = async () => {
        await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
        await idle();
      };
      for (let i = 0; i < count; i++) {
        const [kind, act] = steps[i % steps.length]!;
        if (i > 0 && i % steps.length === 0) cycle++;
        await quiet();
        floor.push((await idle()).ms);
        const before = location.search;
        const { ms, script } = await inFrame(act);
        // The URL follows once the change's frame is painted: check that it did change, off the clock.
        await quiet();
        out.push({
          kind,
          ms,
          script,
          changed: location.search !== before,
          at: `#${i} (cycle ${cycle}, URL ${before || "(none)"})`,
        });
      }
      return { out, floor };
    },
    [count, suite] as const,
  );
  const { out, floor } = samples;
  const unchanged = out.filter((s) => !s.changed);
  if (unchanged.length > 0)
    throw new Error(
      `${unchanged.length} of ${out.length} changes did not change the view (${unchanged.map((s) => `${s.kind} ${s.at}`).join(", ")})`,
    );
  const byKind: Latency["byKind"] = {};
  for (const kind of new Set(out.map((s) => s.kind))) {
    const of = out.filter((s) => s.kind === kind);
    byKind[kind] = {
      ...stats(of.map((s) => s.ms)),
      script: percentile(
        of.map((s) => s.script),
        50,
      ),
    };
  }
  return {
    all: stats(out.map((s) => s.ms)),
    script: stats(out.map((s) => s.script)),
    byKind,
    floor: stats(floor),
  };
}

/** The network view's display buttons (components/network/NetworkModeBar.tsx). */
const modeButton = (page: Page, name: string) =>
  page.getByRole("group", { name: "Network display" }).getByRole("button", { name, exact: true });

/**
 * The matrix and the comparison load on first use (React.lazy): show each once, off the clock, and wait for
 * it to be drawn, so the timed toggles measure the view and not the download of its code. Scrolls the
 * network view into sight first, since views out of sight skip style, layout and paint.
 */
async function warmNetwork(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const bar = page.getByRole("group", { name: "Network display" });
  await bar.evaluate((el) => el.closest("section, .view")?.scrollIntoView({ block: "start" }));
  await modeButton(page, "By episode").click();
  await page.locator('[data-testid="network-compare"]').waitFor({ timeout: 60_000 });
  await modeButton(page, "By episode").click();
  await modeButton(page, "Matrix").click();
  await page.locator('[data-testid="network-matrix"]').waitFor({ timeout: 60_000 });
  await modeButton(page, "Graph").click();
  await page.locator('[data-testid="network-matrix"]').waitFor({ state: "detached", timeout: 60_000 });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
}

/** INP figures of a set of interactions: the 75th percentile and the worst, in milliseconds. */
export interface InpStats {
  p75: number;
  worst: number;
  n: number;
  /** Interactions with no Event Timing entry: under the observer's 16 ms threshold (counted as 16). */
  under16: number;
}

export interface Inp extends InpStats {
  byKind: Record<string, InpStats>;
}

/** The floor the Event Timing API can report with the smallest durationThreshold it accepts. */
const EVENT_TIMING_THRESHOLD_MS = 16;

const inpStats = (values: readonly (number | null)[]): InpStats => {
  const ms = values.map((v) => v ?? EVENT_TIMING_THRESHOLD_MS);
  return {
    p75: percentile(ms, 75),
    worst: ms.length ? Math.max(...ms) : NaN,
    n: values.length,
    under16: values.filter((v) => v === null).length,
  };
};

/**
 * INP as browsers measure it. The timed changes above are dispatched from script (dispatchEvent inside a
 * requestAnimationFrame callback), and the Event Timing API records only trusted input, so they leave no
 * entry. This pass performs the same changes with real input from Playwright (mouse clicks through the
 * compositor, key presses), on the same controls, and reads the browser's own Event Timing entries: a
 * PerformanceObserver on `event` entries with `durationThreshold: 16` (the smallest the API allows) and
 * `buffered: true`, registered before the first interaction. Entries with an `interactionId` are grouped
 * by it and each interaction's duration is the longest of its entries (pointerdown, mousedown, pointerup,
 * click; keydown, keyup), as web-vitals does: from the input's hardware timestamp to the next paint after
 * its handlers, rounded by the browser to 8 ms. An interaction with no entry took less than 16 ms and is
 * counted as 16. Each interaction waits for the previous one's work to be over (an idle callback), as a
 * user's separate clicks would.
 */
export async function measureInp(page: Page, count: number, suite: Suite = "filters"): Promise<Inp> {
  await page.evaluate((threshold: number) => {
    const w = window as unknown as { __benchEvents: { id: number; ms: number }[] };
    w.__benchEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceEventTiming[])
        if (e.interactionId > 0) w.__benchEvents.push({ id: e.interactionId, ms: e.duration });
    }).observe({ type: "event", durationThreshold: threshold, buffered: true } as PerformanceObserverInit);
  }, EVENT_TIMING_THRESHOLD_MS);

  const settle = () =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestIdleCallback(() => requestAnimationFrame(() => setTimeout(resolve, 50)), { timeout: 2000 }),
        ),
    );
  const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  /** A click at the middle of an element, through the mouse (a timeline mark is a small SVG shape). */
  const clickAt = async (selector: string) => {
    const el = page.locator(selector).first();
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    if (!box) throw new Error(`INP pass: ${selector} has no box`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  };
  const episodes = page.locator('[aria-labelledby="episode-label"] button');
  const pressedEpisode = page.locator('[aria-labelledby="episode-label"] button[aria-pressed="true"]');
  const fromYear = page.locator('input[type="range"]').first();
  const option = (n: number) => page.locator('[role="option"]').nth(n);
  const mark = '[data-record^="event:"], [data-record^="quote:"]';
  const episodeCount = await episodes.count();

  let cycle = 0;
  const filterSteps: [string, () => Promise<void>][] = [
    [
      "actor",
      async () => {
        await page.locator('[role="combobox"]').focus(); // opens the list, as a user about to pick would
        await option(cycle % 3).click();
      },
    ],
    ["years", async () => (await fromYear.focus(), await page.keyboard.press("ArrowRight"))],
    ["episode", () => episodes.nth(cycle % episodeCount).click()],
    ["focus", () => clickAt(mark)],
    ["focus", () => clickAt('[data-focused="true"]')],
    ["episode", () => pressedEpisode.click()],
    ["years", async () => (await fromYear.focus(), await page.keyboard.press("Home"))],
    [
      "actor",
      async () => {
        await page.locator('[role="combobox"]').focus();
        await page.locator('[role="option"][aria-selected="true"]').first().click();
      },
    ],
  ];
  const networkSteps: [string, () => Promise<void>][] = [
    ["compare toggle", () => modeButton(page, "By episode").click()],
    ["compare filter", async () => (await fromYear.focus(), await page.keyboard.press("ArrowRight"))],
    ["compare filter", async () => (await fromYear.focus(), await page.keyboard.press("Home"))],
    ["compare toggle", () => modeButton(page, "By episode").click()],
    ["matrix toggle", () => modeButton(page, "Matrix").click()],
    ["matrix filter", () => episodes.nth(cycle % episodeCount).click()],
    ["matrix filter", () => pressedEpisode.click()],
    ["matrix toggle", () => modeButton(page, "Graph").click()],
  ];
  const steps = suite === "network" ? networkSteps : filterSteps;

  const out: { kind: string; ms: number | null }[] = [];
  const unchanged: string[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, act] = steps[i % steps.length]!;
    if (i > 0 && i % steps.length === 0) cycle++;
    await blur();
    await settle();
    const before = await page.evaluate(() => ({
      search: location.search,
      seen: (window as unknown as { __benchEvents: unknown[] }).__benchEvents.length,
    }));
    await act();
    await settle();
    const after = await page.evaluate((seen: number) => {
      const events = (window as unknown as { __benchEvents: { id: number; ms: number }[] }).__benchEvents;
      return { search: location.search, entries: events.slice(seen) };
    }, before.seen);
    if (after.search === before.search) unchanged.push(kind);
    // One interaction per step; the longest entry of any interaction the step produced is its INP.
    const perInteraction = new Map<number, number>();
    for (const e of after.entries) perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.ms));
    out.push({ kind, ms: perInteraction.size ? Math.max(...perInteraction.values()) : null });
  }
  await blur();
  if (unchanged.length > 0)
    throw new Error(
      `INP pass: ${unchanged.length} of ${out.length} interactions did not change the view (${unchanged.join(", ")})`,
    );
  const byKind: Inp["byKind"] = {};
  for (const kind of new Set(out.map((s) => s.kind)))
    byKind[kind] = inpStats(out.filter((s) => s.kind === kind).map((s) => s.ms));
  return { ...inpStats(out.map((s) => s.ms)), byKind };
}
