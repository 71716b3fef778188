import { layoutEpisodePanels, type EpisodeTrack, type TimelineEpisodeInput } from "./timelineEpisodes";
import type { TimelineEventInput } from "./timelineMarks";
import { timeOrder } from "./timelineOrder";
import { layoutOverview, type OverviewTrack } from "./timelineOverview";

// The time axis's entry: the modules below each hold one concern; components and tests import from here.
export * from "./timelineBins";
export * from "./labels";
export * from "./timelineLanes";
export * from "./timelineScale";
export {
  INSIDE_GLYPH,
  LABEL_FONT,
  MARK_GAP,
  MARK_RADIUS,
  MIN_SPAN_WIDTH,
  placeMarks,
  type PlacedMark,
  type TimelineEventInput,
} from "./timelineMarks";
export { timeOrder } from "./timelineOrder";
export { TICK_FONT } from "./timelineTicks";
export type { PlacedBin, Track } from "./timelineTrack";
export { MAX_LABEL_ROWS, MIN_BAND_WIDTH, type OverviewTrack, type PlacedBand } from "./timelineOverview";
export { panelColumns, type EpisodeTrack, type TimelineEpisodeInput } from "./timelineEpisodes";
export { eventLabelRank, labelStripMarks, MIN_STRIP_LABEL } from "./timelineLabels";

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
  /** Without `detailLabels`, which marks of a panel label first where labels fit (lower first). */
  labelRank?: (id: string) => number;
  /**
   * When the events are counted rather than drawn, {@link TimelineLayout.order} holds only the earliest this
   * many (what a text alternative lists): picking them is a scan, sorting 100,000 events is not.
   */
  orderLimit?: number;
}

/**
 * Default of {@link TimelineOptions.maxMarks}: beyond it events are counted per period. 500 marks (about
 * 2,000 SVG elements) already crowd a 1,200 px axis; 1,700 made one actor pick at 100,000 events cost
 * ~400 ms.
 */
export const MAX_MARKS = 500;

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

  const overview = layoutOverview(episodes, byEpisode, background, options.span, width, aggregated);
  // Episode panels: only episodes with something to show, in the dataset's episode order.
  const { panels, columns, panelWidth } = layoutEpisodePanels(episodes, byEpisode, {
    width,
    gap,
    minPanelWidth: options.minPanelWidth ?? 280,
    detailLabels: options.detailLabels ?? false,
    aggregated,
    labelRank: options.labelRank,
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
