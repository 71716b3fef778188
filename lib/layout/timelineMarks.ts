import type { DatePrecision } from "../model/schema";
import { dayKey } from "../time";
import { fitWords, textWidth } from "./labels";
import { stackLanes, type Interval } from "./timelineLanes";
import { dateExtent, type TimeScale } from "./timelineScale";

/** What the layout needs of an event. */
export interface TimelineEventInput {
  id: string;
  date: string;
  datePrecision: DatePrecision;
  episode: string | null;
  title: string;
}

/** Half the size of a point mark, in pixels. */
export const MARK_RADIUS = 6;
/** Least horizontal gap between two marks of one lane. */
export const MARK_GAP = 2;
/** Thinnest a month or year span is drawn, so that a month on the 20-year overview stays visible. */
export const MIN_SPAN_WIDTH = 6;
/** Font size of band labels and mark labels. */
export const LABEL_FONT = 12;
const LABEL_PAD = 4;
/** Longest title written beside a point: longer ones are cut, so one label does not claim a whole lane. */
const LONGEST_MARK_LABEL = 320;
/** Room a span with its title inside keeps at its start for its kind's glyph. */
export const INSIDE_GLYPH = 2 * MARK_RADIUS + 2;
/** A span narrower than this gets its title beside it rather than inside. */
const MIN_INSIDE_LABEL = 80;

/** One event drawn as a mark: a point (day precision) or a bar over its month or year. */
export interface PlacedMark {
  id: string;
  /** Left and right pixel edges of the mark; equal for a point. */
  x0: number;
  x1: number;
  /** True for a month- or year-precision date drawn as the span it covers. */
  span: boolean;
  /** True when the span goes on past the track's left or right edge (drawn cut, with an arrow). */
  clipStart: boolean;
  clipEnd: boolean;
  /** Stacking lane, 0 at the top: marks that would touch go to different lanes. */
  lane: number;
  /** The title written beside (or inside) the mark, or null when there is no room or labels are off. */
  label: { text: string; x: number; anchor: "start" | "end" } | null;
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * Places events on a track: each gets its extent (point or span, spans at least {@link MIN_SPAN_WIDTH}
 * wide and clipped to the track), an optional label beside it, and a lane such that no mark or label
 * touches another in its lane. Close events (13, 14 and 15 April) thus stay apart or stack.
 */
export function placeMarks(
  events: readonly TimelineEventInput[],
  scale: TimeScale,
  width: number,
  labels: boolean,
): { marks: PlacedMark[]; lanes: number } {
  const extents = events.map((e) => {
    const { x0, x1, span } = dateExtent(scale, e.date, e.datePrecision);
    if (!span) {
      const x = Math.max(0, Math.min(width, x0));
      return { x0: x, x1: x, span, clipStart: false, clipEnd: false };
    }
    let a = Math.max(0, Math.min(width, x0));
    let b = Math.max(0, Math.min(width, x1));
    if (b - a < MIN_SPAN_WIDTH) {
      const mid = (a + b) / 2;
      a = Math.max(0, Math.min(width - MIN_SPAN_WIDTH, mid - MIN_SPAN_WIDTH / 2));
      b = a + MIN_SPAN_WIDTH;
    }
    return { x0: a, x1: b, span, clipStart: x0 < 0, clipEnd: x1 > width };
  });
  const placedLabels = extents.map((ext, i) => (labels ? labelBeside(events[i]!.title, ext, width) : null));
  const intervals: Interval[] = extents.map((ext, i) => {
    // A span is at least as wide as the kind's glyph drawn at its middle.
    const mid = (ext.x0 + ext.x1) / 2;
    const lo = ext.span ? Math.min(ext.x0, mid - MARK_RADIUS) : ext.x0 - MARK_RADIUS;
    const hi = ext.span ? Math.max(ext.x1, mid + MARK_RADIUS) : ext.x1 + MARK_RADIUS;
    const label = placedLabels[i];
    if (!label) return { x0: lo, x1: hi };
    const w = textWidth(label.text, LABEL_FONT);
    return label.anchor === "start"
      ? { x0: lo, x1: Math.max(hi, label.x + w) }
      : { x0: Math.min(lo, label.x - w), x1: hi };
  });
  let lane: number[];
  let count: number;
  if (labels) {
    // Labelled marks read as a list: stack them in time order, vaguer dates (month bars) first on a tie.
    const order = events.map((_, i) => i);
    const keys = events.map((e) => dayKey(e.date));
    order.sort(
      (a, b) =>
        keys[a]! - keys[b]! ||
        PRECISION_RANK[events[a]!.datePrecision] - PRECISION_RANK[events[b]!.datePrecision] ||
        a - b,
    );
    const stacked = stackLanes(
      order.map((i) => intervals[i]!),
      MARK_GAP,
      true,
    );
    lane = new Array<number>(events.length);
    order.forEach((i, k) => (lane[i] = stacked.lane[k]!));
    count = stacked.count;
  } else ({ lane, count } = stackLanes(intervals, MARK_GAP));
  const marks = events.map((e, i) => ({
    id: e.id,
    ...extents[i]!,
    lane: lane[i]!,
    label: placedLabels[i] ?? null,
  }));
  return { marks, lanes: Math.max(1, count) };
}

/**
 * Where a mark's title goes: inside a span that is wide enough (cut to fit), else to the right of the
 * mark if it fits, else to the left, cut to the wider side when neither holds all of it.
 */
function labelBeside(
  title: string,
  ext: { x0: number; x1: number; span: boolean },
  width: number,
): PlacedMark["label"] {
  if (ext.span && ext.x1 - ext.x0 >= MIN_INSIDE_LABEL) {
    // After the kind's glyph, which a span draws at its start when its title is written inside.
    const inside = fitWords(title, ext.x1 - ext.x0 - 2 * LABEL_PAD - INSIDE_GLYPH, LABEL_FONT);
    if (inside) return { text: inside, x: ext.x0 + LABEL_PAD + INSIDE_GLYPH, anchor: "start" };
  }
  const full = fitWords(title, LONGEST_MARK_LABEL, LABEL_FONT);
  const w = textWidth(full, LABEL_FONT);
  const reach = ext.span ? 0 : MARK_RADIUS;
  const rightStart = ext.x1 + reach + LABEL_PAD;
  const leftEnd = ext.x0 - reach - LABEL_PAD;
  if (rightStart + w <= width) return { text: full, x: rightStart, anchor: "start" };
  if (leftEnd - w >= 0) return { text: full, x: leftEnd, anchor: "end" };
  const right = width - rightStart;
  const useRight = right >= leftEnd;
  const text = fitWords(title, useRight ? right : leftEnd, LABEL_FONT);
  if (!text) return null;
  return useRight ? { text, x: rightStart, anchor: "start" } : { text, x: leftEnd, anchor: "end" };
}
