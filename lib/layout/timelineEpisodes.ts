import { precisionSpan } from "../time";
import { labelStripMarks } from "./timelineLabels";
import { placeMarks, type TimelineEventInput } from "./timelineMarks";
import { dayTicks, episodeDomain, timeScale } from "./timelineScale";
import { thinTicks } from "./timelineTicks";
import { placeBins, type Track } from "./timelineTrack";

/** What the layout needs of an episode. */
export interface TimelineEpisodeInput {
  id: string;
  label: string;
  start: string;
  end: string;
}

/** The detail of one episode at day resolution. */
export interface EpisodeTrack extends Track {
  episode: TimelineEpisodeInput;
  /** Pixel extent of the episode's official span, clipped to the panel. */
  band: { x0: number; x1: number };
}

/** How many panels per row: as many as fit at `minWidth`, then balanced so rows are evenly filled. */
export function panelColumns(width: number, count: number, minWidth: number, gap: number): number {
  if (count <= 1) return 1;
  const fit = Math.max(1, Math.min(count, Math.floor((width + gap) / (minWidth + gap))));
  const rows = Math.ceil(count / fit);
  return Math.ceil(count / rows);
}

/** Options of {@link layoutEpisodePanels}. */
export interface EpisodePanelOptions {
  /** Width available to all the panels, in pixels. */
  width: number;
  /** Horizontal gap between panels. */
  gap: number;
  /** Narrowest a panel may get before panels wrap to more rows. */
  minPanelWidth: number;
  /** Write event titles beside the marks. */
  detailLabels: boolean;
  /** Count events per day instead of drawing one mark each. */
  aggregated: boolean;
  /**
   * Without `detailLabels`: which marks label first where labels fit (lower first; stances by Russia and Iran,
   * strikes). Unset, marks label in time order.
   */
  labelRank?: (id: string) => number;
}

/**
 * One detail panel per episode that has events in `byEpisode`, in the dataset's episode order, each at day
 * resolution over its events' days, laid out in as many columns as fit.
 */
export function layoutEpisodePanels(
  episodes: readonly TimelineEpisodeInput[],
  byEpisode: ReadonlyMap<string, readonly TimelineEventInput[]>,
  { width, gap, minPanelWidth, detailLabels, aggregated, labelRank = () => 0 }: EpisodePanelOptions,
): { panels: EpisodeTrack[]; columns: number; panelWidth: number } {
  const shown = episodes.filter((ep) => byEpisode.has(ep.id));
  const columns = panelColumns(width, shown.length, minPanelWidth, gap);
  const panelWidth = Math.floor((width - (columns - 1) * gap) / columns);
  const panels: EpisodeTrack[] = shown.map((ep) => {
    const list = byEpisode.get(ep.id)!;
    const epDomain = episodeDomain(ep, list);
    const epScale = timeScale(epDomain, panelWidth);
    const placedMarks = aggregated
      ? { marks: [], lanes: 1 }
      : placeMarks(list, epScale, panelWidth, detailLabels);
    // A strip among others labels its marks where they fit, without moving one (a zoomed one labels all).
    if (!aggregated && !detailLabels)
      placedMarks.marks = labelStripMarks(
        placedMarks.marks,
        new Map(list.map((e) => [e.id, e.title])),
        panelWidth,
        labelRank,
      );
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
  return { panels, columns, panelWidth };
}
