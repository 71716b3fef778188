"use client";

import type { ReactNode } from "react";
import type { EpisodeTrack, PlacedMark } from "@/lib/layout/timeline";
import { formatDate } from "@/lib/time";
import { LANE_HEIGHT } from "./EventMark";
import { BinBars } from "./BinBars";
import { AxisBottom, GridLines } from "./TimeGrid";
import styles from "./Timeline.module.css";

const AXIS_HEIGHT = 22;
const TOP_PAD = 6;

/** "1–31 Oct 2023", "28 Mar – 4 Apr 2024": a range that says the shared month and year once. */
function dateRange(start: string, end: string): string {
  const a = formatDate(start, "day", "short");
  const b = formatDate(end, "day", "short");
  if (start.slice(0, 7) === end.slice(0, 7)) return `${a.split(" ")[0]}–${b}`;
  if (start.slice(0, 4) === end.slice(0, 4)) return `${a.replace(/ \d+$/, "")} – ${b}`;
  return `${a} – ${b}`;
}

/** Props of one episode's detail panel. */
export interface EpisodePanelProps {
  track: EpisodeTrack;
  /** The episode's full title (the heading shows its short label). */
  title: string;
  /** True when this episode is the selected one (the panel then offers the way back). */
  selected: boolean;
  /** True when every event of the panel is outside the selected years. */
  dimmed: boolean;
  /** Draws one event mark with its lane's vertical centre. */
  renderMark(mark: PlacedMark, y: number): ReactNode;
  onEpisode(id: string | null): void;
}

/** One episode at day resolution, so events a day apart (13, 14, 15 April) stay apart, and same-day ones stack. */
export function EpisodePanel({ track, title, selected, dimmed, renderMark, onEpisode }: EpisodePanelProps) {
  const { episode: ep, width } = track;
  const plotHeight = Math.max(2, track.lanes) * LANE_HEIGHT + 2 * TOP_PAD;
  const height = plotHeight + AXIS_HEIGHT;
  const headingId = `timeline-episode-${ep.id}`;
  const laneY = (lane: number) => TOP_PAD + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
  return (
    <div
      className={styles.panel}
      role="group"
      aria-labelledby={headingId}
      data-episode-panel={ep.id}
      data-dimmed={dimmed ? "true" : undefined}
    >
      <div className={styles.panelHead}>
        <h3 id={headingId} className={styles.panelTitle} title={title}>
          {ep.label}
        </h3>
        <span className={styles.panelDates}>{dateRange(ep.start, ep.end)}</span>
        <button
          type="button"
          className={`link-button ${styles.panelButton}`}
          aria-describedby={headingId}
          onClick={() => onEpisode(selected ? null : ep.id)}
        >
          {selected ? "Back to all episodes" : "Open episode"}
        </button>
      </div>
      <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {track.band.x1 > track.band.x0 && (
          <rect
            className={styles.panelBand}
            x={track.band.x0}
            y={0}
            width={track.band.x1 - track.band.x0}
            height={plotHeight}
          />
        )}
        <GridLines ticks={track.ticks} top={0} bottom={plotHeight} />
        <AxisBottom ticks={track.ticks} y={plotHeight} width={width} labelDy={15} />
        {track.bins ? (
          <BinBars bins={track.bins} top={TOP_PAD} height={plotHeight - 2 * TOP_PAD} />
        ) : (
          track.marks.map((m) => renderMark(m, laneY(m.lane)))
        )}
      </svg>
    </div>
  );
}
