import { precisionSpan } from "../time";
import { binEvents, type Bin, type BinUnit } from "./timelineBins";
import type { PlacedMark, TimelineEventInput } from "./timelineMarks";
import type { Tick, TimeDomain, TimeScale } from "./timelineScale";

/** A count of events per period, placed on a track (when there are too many events for one mark each). */
export interface PlacedBin extends Bin {
  x0: number;
  x1: number;
}

/** One horizontal time axis with its marks (or, past `MAX_MARKS`, its counts). */
export interface Track {
  width: number;
  domain: TimeDomain;
  scale: TimeScale;
  ticks: Tick[];
  marks: PlacedMark[];
  /** Counts per period instead of marks; null when every event has its own mark. */
  bins: PlacedBin[] | null;
  /** Lanes the marks use (at least 1). */
  lanes: number;
}

/** Places counts per period on a track. */
export function placeBins(
  events: readonly TimelineEventInput[],
  scale: TimeScale,
  unit: BinUnit,
): PlacedBin[] {
  return binEvents(events, unit).map((bin) => {
    const { start, end } = precisionSpan(bin.start, unit);
    return { ...bin, x0: scale(start), x1: Math.max(scale(end), scale(start) + 1) };
  });
}
