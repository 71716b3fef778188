import type { DatePrecision } from "../model/schema";
import { cachedIn } from "../util/memo";
import { dayKey, precisionSpan } from "../time";
import { binEvents, type Bin, type BinUnit } from "./timelineBins";
import { fitText, placeLabelRows, textWidth, dropOverlapping } from "./labels";
import { stackLanes, type Interval } from "./timelineLanes";
import {
  dateExtent,
  dayTicks,
  episodeDomain,
  timeScale,
  yearDomain,
  yearTicks,
  type Tick,
  type TimeDomain,
  type TimeScale,
} from "./timelineScale";

export * from "./timelineBins";
export * from "./labels";
export * from "./timelineLanes";
export * from "./timelineScale";

/** What the layout needs of an event. */
export interface TimelineEventInput {
  id: string;
  date: string;
  datePrecision: DatePrecision;
  episode: string | null;
  title: string;
}

/** What the layout needs of an episode. */
export interface TimelineEpisodeInput {
  id: string;
  label: string;
  start: string;
  end: string;
}

/** Options of {@link layoutTimeline}. */
export interface TimelineOptions {
  /** Width available to the chart, in pixels. */
  width: number;
  /** The dataset's span of years: the overview's domain. */
  span: { start: number; end: number };
  /** Above this many events the timeline counts per period instead of drawing one mark per event. */
  maxMarks?: number;
  /** Horizontal gap between episode panels. */
  panelGap?: number;
  /** Narrowest an episode panel may get before panels wrap to more rows. */
  minPanelWidth?: number;
  /** Write event titles beside the marks of the episode panels (room permitting). */
  detailLabels?: boolean;
  /**
   * When the events are counted rather than drawn, {@link TimelineLayout.order} holds only the earliest this
   * many (what a text alternative lists): picking them is a scan, sorting 100,000 events is not.
   */
  orderLimit?: number;
}

/** Half the size of a point mark, in pixels. */
export const MARK_RADIUS = 6;
/** Least horizontal gap between two marks of one lane. */
export const MARK_GAP = 2;
/** Thinnest a month or year span is drawn, so that a month on the 20-year overview stays visible. */
export const MIN_SPAN_WIDTH = 6;
/** Thinnest an episode band is drawn on the overview. */
export const MIN_BAND_WIDTH = 8;
/** Font size of band labels and mark labels. */
export const LABEL_FONT = 12;
/** Font size of axis labels. */
export const TICK_FONT = 11;
/** Most rows of band labels above the overview. */
export const MAX_LABEL_ROWS = 4;
/**
 * Default of {@link TimelineOptions.maxMarks}: beyond it events are counted per period. 500 marks (about
 * 2,000 SVG elements) already crowd a 1,200 px axis; 1,700 made one actor pick at 100,000 events cost
 * ~400 ms.
 */
export const MAX_MARKS = 500;
const LABEL_PAD = 4;
/** Longest title written beside a point: longer ones are cut, so one label does not claim a whole lane. */
const LONGEST_MARK_LABEL = 320;
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

/** A count of events per period, placed on a track (when there are too many events for one mark each). */
export interface PlacedBin extends Bin {
  x0: number;
  x1: number;
}

/** One horizontal time axis with its marks (or, past {@link MAX_MARKS}, its counts). */
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

/** An episode on the overview: a band over its span, and its label placed in a row above. */
export interface PlacedBand {
  id: string;
  x0: number;
  x1: number;
  /** How many of the drawn events belong to the episode. */
  count: number;
  /** The label's left edge and row, or null when it fits no row. */
  label: { text: string; left: number; row: number; width: number } | null;
}

/** The overview strip: the whole span, episode bands and the events outside any episode. */
export interface OverviewTrack extends Track {
  bands: PlacedBand[];
  /** Rows of band labels in use. */
  labelRows: number;
}

/** The detail of one episode at day resolution. */
export interface EpisodeTrack extends Track {
  episode: TimelineEpisodeInput;
  /** Pixel extent of the episode's official span, clipped to the panel. */
  band: { x0: number; x1: number };
}

/** Everything the time axis draws, in pixels. */
export interface TimelineLayout {
  overview: OverviewTrack;
  /** Detail panels of the episodes that have drawn events, in episode order. */
  episodes: EpisodeTrack[];
  /** Panels per row, and the width of each. */
  columns: number;
  panelWidth: number;
  /**
   * Ids of the events in time order: the keyboard's path through the marks, and the text alternative's rows.
   * Every event, except when counted per period with an `orderLimit`: then the earliest that many.
   */
  order: string[];
  /** How many events the layout is of. */
  total: number;
  /** True when events are counted per period instead of drawn one by one. */
  aggregated: boolean;
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** Most events {@link timeOrder} packs into one sortable number each (index bits of the packed key). */
const PACK = 2 ** 21;

/**
 * Event ids in time order (ties keep input order), or only the first `limit` of them. Date key and index are
 * packed into one float and sorted as a typed array: a native numeric sort, several times faster than a
 * comparator on 100,000 events; with a limit, one pass keeps the smallest keys in a short sorted list.
 */
export function timeOrder(events: readonly TimelineEventInput[], limit = Infinity): string[] {
  const n = events.length;
  if (n >= PACK) {
    const keyed = events.map((e, i) => ({ id: e.id, t: dayKey(e.date), i }));
    keyed.sort((a, b) => a.t - b.t || a.i - b.i);
    return keyed.slice(0, limit).map((k) => k.id);
  }
  let packed: Float64Array;
  if (limit < n) {
    packed = new Float64Array(limit);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const key = dayKey(events[i]!.date) * PACK + i;
      if (kept === limit && key >= packed[limit - 1]!) continue;
      let at = Math.min(kept, limit - 1);
      while (at > 0 && packed[at - 1]! > key) {
        packed[at] = packed[at - 1]!;
        at--;
      }
      packed[at] = key;
      if (kept < limit) kept++;
    }
  } else {
    packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = dayKey(events[i]!.date) * PACK + i;
    packed.sort();
  }
  const out = new Array<string>(packed.length);
  for (let k = 0; k < packed.length; k++) out[k] = events[packed[k]! % PACK]!.id;
  return out;
}

/** How many panels per row: as many as fit at `minWidth`, then balanced so rows are evenly filled. */
export function panelColumns(width: number, count: number, minWidth: number, gap: number): number {
  if (count <= 1) return 1;
  const fit = Math.max(1, Math.min(count, Math.floor((width + gap) / (minWidth + gap))));
  const rows = Math.ceil(count / fit);
  return Math.ceil(count / rows);
}

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
    const lo = ext.span ? ext.x0 : ext.x0 - MARK_RADIUS;
    const hi = ext.span ? ext.x1 : ext.x1 + MARK_RADIUS;
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
    const inside = fitText(title, ext.x1 - ext.x0 - 2 * LABEL_PAD, LABEL_FONT);
    if (inside) return { text: inside, x: ext.x0 + LABEL_PAD, anchor: "start" };
  }
  const full = fitText(title, LONGEST_MARK_LABEL, LABEL_FONT);
  const w = textWidth(full, LABEL_FONT);
  const reach = ext.span ? 0 : MARK_RADIUS;
  const rightStart = ext.x1 + reach + LABEL_PAD;
  const leftEnd = ext.x0 - reach - LABEL_PAD;
  if (rightStart + w <= width) return { text: full, x: rightStart, anchor: "start" };
  if (leftEnd - w >= 0) return { text: full, x: leftEnd, anchor: "end" };
  const right = width - rightStart;
  const useRight = right >= leftEnd;
  const text = fitText(title, useRight ? right : leftEnd, LABEL_FONT);
  if (!text) return null;
  return useRight ? { text, x: rightStart, anchor: "start" } : { text, x: leftEnd, anchor: "end" };
}

/** Places counts per period on a track. */
function placeBins(events: readonly TimelineEventInput[], scale: TimeScale, unit: BinUnit): PlacedBin[] {
  return binEvents(events, unit).map((bin) => {
    const { start, end } = precisionSpan(bin.start, unit);
    return { ...bin, x0: scale(start), x1: Math.max(scale(end), scale(start) + 1) };
  });
}

/** Ticks thinned so no two labels overlap, with labels kept inside the track. */
function thinTicks(ticks: Tick[], width: number): Tick[] {
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
const overviewTicks = (scale: TimeScale, span: { start: number; end: number }, width: number): Tick[] =>
  cachedIn(
    tickCache,
    `${width}|${span.start}|${span.end}`,
    () => thinTicks(yearTicks(scale, span, textWidth("0000", TICK_FONT) + 12), width),
    32,
  );

/**
 * The whole time axis, in pixels: an overview strip of the full span with the episodes as labelled bands
 * and the background events as marks, and one detail panel per episode at day resolution where its
 * events (days apart, or on the same day) stay apart. Pure and deterministic; O(n log n) in the events.
 * Past `maxMarks` events it counts per period (month or year on the overview, day in the panels) instead
 * of drawing marks, so the DOM stays bounded whatever the dataset's size.
 */
export function layoutTimeline(
  events: readonly TimelineEventInput[],
  episodes: readonly TimelineEpisodeInput[],
  options: TimelineOptions,
): TimelineLayout {
  const width = Math.max(120, Math.floor(options.width));
  const maxMarks = options.maxMarks ?? MAX_MARKS;
  const gap = options.panelGap ?? 16;
  const aggregated = events.length > maxMarks;

  const episodeIds = new Set(episodes.map((e) => e.id));
  const background: TimelineEventInput[] = [];
  const byEpisode = new Map<string, TimelineEventInput[]>();
  for (const e of events) {
    if (e.episode === null || !episodeIds.has(e.episode)) background.push(e);
    else {
      const list = byEpisode.get(e.episode);
      if (list) list.push(e);
      else byEpisode.set(e.episode, [e]);
    }
  }

  // Overview.
  const domain = yearDomain(options.span);
  const scale = timeScale(domain, width);
  const years = options.span.end - options.span.start + 1;
  const perMonth = width / (years * 12);
  const ticks = overviewTicks(scale, options.span, width);
  const bandExtents = episodes.map((ep) => {
    let x0 = scale(precisionSpan(ep.start, "day").start);
    let x1 = scale(precisionSpan(ep.end, "day").end);
    if (x1 - x0 < MIN_BAND_WIDTH) {
      const mid = (x0 + x1) / 2;
      x0 = Math.max(0, Math.min(width - MIN_BAND_WIDTH, mid - MIN_BAND_WIDTH / 2));
      x1 = x0 + MIN_BAND_WIDTH;
    }
    return { x0, x1 };
  });
  const labelSizes = episodes.map((ep) => textWidth(ep.label, LABEL_FONT, true));
  const placed = placeLabelRows(
    bandExtents.map((b, i) => ({ x: b.x0, width: labelSizes[i]! })),
    width,
    MAX_LABEL_ROWS,
    10,
  );
  const bands: PlacedBand[] = episodes.map((ep, i) => {
    const p = placed[i]!;
    return {
      id: ep.id,
      ...bandExtents[i]!,
      count: byEpisode.get(ep.id)?.length ?? 0,
      label: p.row === null ? null : { text: ep.label, left: p.left, row: p.row, width: labelSizes[i]! },
    };
  });
  const labelRows = bands.reduce((m, b) => Math.max(m, b.label ? b.label.row + 1 : 0), 0);
  const overviewMarks = aggregated ? { marks: [], lanes: 1 } : placeMarks(background, scale, width, false);
  const overview: OverviewTrack = {
    width,
    domain,
    scale,
    ticks,
    ...overviewMarks,
    bins: aggregated ? placeBins(background, scale, perMonth >= 4 ? "month" : "year") : null,
    bands,
    labelRows,
  };

  // Episode panels: only episodes with something to show, in the dataset's episode order.
  const shown = episodes.filter((ep) => byEpisode.has(ep.id));
  const columns = panelColumns(width, shown.length, options.minPanelWidth ?? 280, gap);
  const panelWidth = Math.floor((width - (columns - 1) * gap) / columns);
  const panels: EpisodeTrack[] = shown.map((ep) => {
    const list = byEpisode.get(ep.id)!;
    const epDomain = episodeDomain(ep, list);
    const epScale = timeScale(epDomain, panelWidth);
    const placedMarks = aggregated
      ? { marks: [], lanes: 1 }
      : placeMarks(list, epScale, panelWidth, options.detailLabels ?? false);
    return {
      episode: ep,
      width: panelWidth,
      domain: epDomain,
      scale: epScale,
      ticks: thinTicks(dayTicks(epScale, 64), panelWidth),
      ...placedMarks,
      bins: aggregated ? placeBins(list, epScale, "day") : null,
      band: {
        x0: Math.max(0, epScale(precisionSpan(ep.start, "day").start)),
        x1: Math.min(panelWidth, epScale(precisionSpan(ep.end, "day").end)),
      },
    };
  });

  return {
    overview,
    episodes: panels,
    columns,
    panelWidth,
    order: timeOrder(events, aggregated ? (options.orderLimit ?? Infinity) : Infinity),
    total: events.length,
    aggregated,
  };
}
