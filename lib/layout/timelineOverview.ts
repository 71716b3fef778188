import { precisionSpan } from "../time";
import { spreadLabelRows, textWidth } from "./labels";
import type { TimelineEpisodeInput } from "./timelineEpisodes";
import { LABEL_FONT, placeMarks, type TimelineEventInput } from "./timelineMarks";
import { timeScale, yearDomain } from "./timelineScale";
import { overviewTicks } from "./timelineTicks";
import { placeBins, type Track } from "./timelineTrack";

/** Thinnest an episode band is drawn on the overview. */
export const MIN_BAND_WIDTH = 8;
/** Most rows of band labels above the overview. */
export const MAX_LABEL_ROWS = 4;

/** An episode on the overview: a band over its span, and its label placed in a row above (maybe aside). */
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

/**
 * The overview strip over the dataset's whole span: the episodes as bands with their labels in rows above,
 * and the events outside any episode (`background`) as marks, or, when `aggregated`, as counts per month or
 * per year (whichever the width can show).
 */
export function layoutOverview(
  episodes: readonly TimelineEpisodeInput[],
  byEpisode: ReadonlyMap<string, readonly TimelineEventInput[]>,
  background: readonly TimelineEventInput[],
  span: { start: number; end: number },
  width: number,
  aggregated: boolean,
): OverviewTrack {
  const domain = yearDomain(span);
  const scale = timeScale(domain, width);
  const years = span.end - span.start + 1;
  const perMonth = width / (years * 12);
  const ticks = overviewTicks(scale, span, width);
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
  // As few rows as hold the labels, each centred over its band where the others leave room (a leader line
  // joins a label moved aside to its band): one row on a desktop, not three stacked over 2023–2025.
  const placed = spreadLabelRows(
    bandExtents.map((b, i) => ({ x: (b.x0 + b.x1) / 2, width: labelSizes[i]! })),
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
  return {
    width,
    domain,
    scale,
    ticks,
    ...overviewMarks,
    bins: aggregated ? placeBins(background, scale, perMonth >= 4 ? "month" : "year") : null,
    bands,
    labelRows,
  };
}
