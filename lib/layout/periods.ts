// The time axis of a dataset served by DuckDB draws counts per period: its own module, which only that
// view's chunk imports (the dashboard's first load stays as it was).
import type { BinUnit } from "./timelineBins";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Every year or month from the first counted period's to the last's, the empty ones with a count of 0: a
 * time axis of counts per period leaves no gap unsaid. `counts` are sorted by `start` (as the sources answer).
 * Day counts are returned as they are (a span of years has thousands of days).
 */
export function fillPeriods(
  counts: readonly { start: string; count: number }[],
  unit: BinUnit,
): { start: string; count: number }[] {
  if (unit === "day" || counts.length === 0) return counts.map(({ start, count }) => ({ start, count }));
  const byStart = new Map(counts.map((c) => [c.start, c.count]));
  const key = (iso: string) =>
    Number(iso.slice(0, 4)) * 12 + (unit === "month" ? Number(iso.slice(5, 7)) - 1 : 0);
  const step = unit === "month" ? 1 : 12;
  const out: { start: string; count: number }[] = [];
  for (let k = key(counts[0]!.start); k <= key(counts[counts.length - 1]!.start); k += step) {
    const start = `${pad(Math.floor(k / 12), 4)}-${pad((k % 12) + 1, 2)}-01`;
    out.push({ start, count: byStart.get(start) ?? 0 });
  }
  return out;
}
