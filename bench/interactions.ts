import type { Page } from "@playwright/test";

/** Median and 95th percentile of a set of durations, in milliseconds. */
export interface Stats {
  median: number;
  p95: number;
  n: number;
}

/** Latencies of filter changes: to the next frame (all, and per kind of change) and of the synchronous work alone. */
export interface Latency {
  all: Stats;
  work: Stats;
  byKind: Record<string, Stats>;
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
 * click on a timeline mark) and times each from the dispatch of the input event to the next animation frame
 * after React has committed — the frame in which all three views show the change. The views share one
 * store, so React renders them in one synchronous commit for these discrete events.
 */
export async function measureInteractions(page: Page, count: number): Promise<Latency> {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in a `__name` helper that does not
  // exist in the page; define it there (as a string, so it is not itself wrapped).
  await page.evaluate("globalThis.__name = (f) => f");
  const samples = await page.evaluate(async (count: number) => {
    const q = <T extends Element>(sel: string) => document.querySelector<T>(sel);
    const nextFrame = () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          // The rAF callback runs before paint; a message posted from it lands right after that frame.
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve();
          ch.port2.postMessage(null);
        }),
      );
    // The actor list renders its options only while open: open it, as a user about to pick would.
    q<HTMLInputElement>('[role="combobox"]')?.focus();
    await nextFrame();
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
    const out: { kind: string; frame: number; work: number; changed: boolean }[] = [];
    for (let i = 0; i < count; i++) {
      const [kind, act] = steps[i % steps.length]!;
      if (i > 0 && i % steps.length === 0) cycle++;
      await nextFrame(); // start from an idle frame
      const before = location.search;
      const t0 = performance.now();
      act();
      // React commits a discrete update in a microtask queued during the event; wait for it, then force
      // style and layout so "work" covers script, render, commit and layout — everything but paint.
      await Promise.resolve();
      void document.body.offsetHeight;
      const work = performance.now() - t0;
      await nextFrame();
      out.push({ kind, frame: performance.now() - t0, work, changed: location.search !== before });
    }
    return out;
  }, count);
  const unchanged = samples.filter((s) => !s.changed);
  if (unchanged.length > 0)
    throw new Error(
      `${unchanged.length} of ${samples.length} changes did not change the view (${unchanged.map((s) => s.kind).join(", ")})`,
    );
  const byKind: Record<string, Stats> = {};
  for (const kind of new Set(samples.map((s) => s.kind)))
    byKind[kind] = stats(samples.filter((s) => s.kind === kind).map((s) => s.frame));
  return { all: stats(samples.map((s) => s.frame)), work: stats(samples.map((s) => s.work)), byKind };
}
