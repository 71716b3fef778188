/** The calendar unit events are counted by when there are too many to draw one by one. */
export type BinUnit = "year" | "month" | "day";

/** A count of events in one calendar period. */
export interface Bin {
  /** ISO date of the period's first day. */
  start: string;
  unit: BinUnit;
  count: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Counts events per year, month or day, sorted by date. O(n) on numeric keys read off the ISO digits
 * (no string building or date parsing per event), so it holds for 100,000 events. A date coarser than the
 * unit (a year-precision event in month bins) counts in the period where it starts, which is where its
 * span is drawn from.
 */
export function binEvents(events: readonly { date: string }[], unit: BinUnit): Bin[] {
  const counts = new Map<number, number>();
  const digits = unit === "year" ? 4 : unit === "month" ? 7 : 10;
  for (const e of events) {
    const iso = e.date;
    // The digits of YYYY-MM-DD up to the unit, as one number (20240413), without slicing strings.
    let key = 0;
    for (let i = 0; i < digits; i++) if (i !== 4 && i !== 7) key = key * 10 + iso.charCodeAt(i) - 48;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([key, count]) => ({ start: periodStart(key, unit), unit, count }));
}

/** The ISO date of a period's first day from its numeric key: 2024, 202404 or 20240413 by the unit. */
export function periodStart(key: number, unit: BinUnit): string {
  return unit === "year"
    ? `${pad(key, 4)}-01-01`
    : unit === "month"
      ? `${pad(Math.floor(key / 100), 4)}-${pad(key % 100, 2)}-01`
      : `${pad(Math.floor(key / 10000), 4)}-${pad(Math.floor(key / 100) % 100, 2)}-${pad(key % 100, 2)}`;
}
