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
 * click on a timeline mark) and times each from the input event to the end of the frame that shows it.
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
export async function measureInteractions(page: Page, count: number): Promise<Latency> {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper that does not
  // exist in the page; define it there (as a string, so it is not itself wrapped).
  await page.evaluate("globalThis.__name = (f) => f");
  const samples = await page.evaluate(async (count: number) => {
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
    q<HTMLInputElement>('[role="combobox"]')?.focus();
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

    let cycle = 0;
    const steps: [string, () => void][] = [
      ["actor", () => mousedown(option(cycle % 3))],
      ["years", () => setRange(0, span.min + 3 + (cycle % 5))],
      ["episode", () => click(episodeButtons[cycle % episodeButtons.length]!)],
      ["focus", () => click(mark())],
      ["focus", () => click(q('[data-focused="true"]') ?? mark())],
      ["episode", () => click(q('[aria-labelledby="episode-label"] button[aria-pressed="true"]'))],
      ["years", () => setRange(0, span.min)],
      ["actor", () => mousedown(q('[role="option"][aria-selected="true"]'))],
    ];
    const out: { kind: string; ms: number; script: number; changed: boolean }[] = [];
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
      out.push({ kind, ms, script, changed: location.search !== before });
    }
    return { out, floor };
  }, count);
  const { out, floor } = samples;
  const unchanged = out.filter((s) => !s.changed);
  if (unchanged.length > 0)
    throw new Error(
      `${unchanged.length} of ${out.length} changes did not change the view (${unchanged.map((s) => s.kind).join(", ")})`,
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
