import { cachedIn } from "../util/memo";
import { dropOverlapping, textWidth } from "./labels";
import { yearTicks, type Tick, type TimeScale } from "./timelineScale";

/** Font size of axis labels. */
export const TICK_FONT = 11;

/** Ticks thinned so no two labels overlap, with labels kept inside the track. */
export function thinTicks(ticks: Tick[], width: number): Tick[] {
  const kept = dropOverlapping(
    ticks.map((t) => ({ x: t.x, width: textWidth(t.label, TICK_FONT) })),
    width,
    8,
  );
  const out: Tick[] = [];
  ticks.forEach((t, i) => {
    const left = kept[i];
    // The label moves inward at the edges (so it is not clipped); its tick line stays where it belongs.
    if (left !== null && left !== undefined) out.push({ ...t, x: left + textWidth(t.label, TICK_FONT) / 2 });
  });
  return out;
}

// The overview's ticks depend on the width and the span only, not on the events: one array per pair, so a
// filter change hands the axis the same ticks and its memoised labels are left alone. Bounded: widths come
// from resizes.
const tickCache = new Map<string, Tick[]>();

/** The overview's year ticks, thinned, one shared array per width and span. */
export const overviewTicks = (
  scale: TimeScale,
  span: { start: number; end: number },
  width: number,
): Tick[] =>
  cachedIn(
    tickCache,
    `${width}|${span.start}|${span.end}`,
    () => thinTicks(yearTicks(scale, span, textWidth("0000", TICK_FONT) + 12), width),
    32,
  );
