"use client";

import { useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import type { Episode } from "@/lib/model";
import { yearDomain, type OverviewTrack, type PlacedMark } from "@/lib/layout/timeline";
import { normalizeYears, type YearRange } from "@/lib/view";
import { LANE_HEIGHT } from "./EventMark";
import { BinBars } from "./BinBars";
import { AxisBottom, GridLines } from "./TimeGrid";
import styles from "./Timeline.module.css";

const LABEL_ROW = 16;
const AXIS_HEIGHT = 24;
/** A pointer that moves less than this between down and up is a click (clears the brush), not a drag. */
const DRAG_THRESHOLD = 4;

/** Props of the overview strip. */
export interface OverviewProps {
  track: OverviewTrack;
  /** Episodes by id, for the bands' titles. */
  episodes: ReadonlyMap<string, Episode>;
  /** The dataset's span of years. */
  span: YearRange;
  /** The selected years (the brush), or null for all. */
  years: YearRange | null;
  /** The selected episode, or null. */
  episode: string | null;
  /** Draws one event mark with its lane's vertical centre. */
  renderMark(mark: PlacedMark, y: number): ReactNode;
  /** Id of the text that explains how to use the chart. */
  describedBy?: string;
  onEpisode(id: string | null): void;
  onYears(range: YearRange | null, continuous: boolean): void;
}

/**
 * The whole span: a year axis, the episodes as labelled bands, and the events outside any episode.
 * Dragging along it brushes a year range (the first step of a drag adds a history entry, the rest replace
 * it, as the year sliders do); a click without a drag clears the range. The view is not filtered by its
 * own brush: marks outside it are dimmed by the caller.
 */
export function Overview({
  track,
  episodes,
  span,
  years,
  episode,
  renderMark,
  describedBy,
  onEpisode,
  onYears,
}: OverviewProps) {
  const { width, scale } = track;
  const labelsHeight = track.labelRows > 0 ? track.labelRows * LABEL_ROW + 6 : 0;
  const plotHeight = Math.max(2, track.lanes) * LANE_HEIGHT + 8;
  const height = labelsHeight + plotHeight + AXIS_HEIGHT;
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x0: number; moved: boolean; last: string } | null>(null);

  // By hand, not with @visx/brush: it would push the first load over its budget, and the snapping to years,
  // the first-step history entry and the click that clears would stay by hand around it anyway.
  // Before the first measurement the SVG may be scaled by CSS; map client pixels back to layout pixels.
  const localX = (e: ReactPointerEvent) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return ((e.clientX - rect.left) * width) / rect.width;
  };
  const yearAt = (x: number) => scale.invert(Math.max(0, Math.min(width - 0.01, x))).getUTCFullYear();
  const onPointerDown = (e: ReactPointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    drag.current = { x0: localX(e), moved: false, last: "" };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGRectElement>) => {
    const d = drag.current;
    if (!d) return;
    const x = localX(e);
    if (!d.moved && Math.abs(x - d.x0) < DRAG_THRESHOLD) return;
    // Clipped to the span, and the whole span is no filter: the one rule of the URL and the store.
    const range = normalizeYears({ start: yearAt(Math.min(d.x0, x)), end: yearAt(Math.max(d.x0, x)) }, span);
    const key = range ? `${range.start}-${range.end}` : "all";
    if (key === d.last) return;
    onYears(range, d.moved);
    d.moved = true;
    d.last = key;
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved && years) onYears(null, false);
  };
  const onPointerCancel = () => {
    drag.current = null;
  };
  const brush = { onPointerDown, onPointerMove, onPointerUp, onPointerCancel };

  const selection = years ? yearDomain(years).map((d) => scale(d)) : null;
  const laneY = (lane: number) => labelsHeight + 4 + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
  const axisY = labelsHeight + plotHeight;

  return (
    <svg
      ref={svgRef}
      className={styles.svg}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`Overview, ${span.start} to ${span.end}: episodes as bands, and the events outside them`}
      aria-describedby={describedBy}
      data-testid="timeline-overview"
    >
      <rect
        className={styles.brushSurface}
        x={0}
        y={labelsHeight}
        width={width}
        height={plotHeight + AXIS_HEIGHT}
        {...brush}
      />
      <GridLines ticks={track.ticks} top={labelsHeight} bottom={axisY} />
      {selection && (
        <rect
          className={styles.selection}
          x={selection[0]}
          y={labelsHeight}
          width={Math.max(1, selection[1]! - selection[0]!)}
          height={plotHeight}
          data-testid="timeline-years"
        />
      )}
      {track.bands.map((b) => {
        const ep = episodes.get(b.id);
        const selected = episode === b.id;
        const labelY = b.label ? labelsHeight - 6 - b.label.row * LABEL_ROW : 0;
        const mid = (b.x0 + b.x1) / 2;
        return (
          <g
            key={b.id}
            className={styles.band}
            data-episode={b.id}
            data-selected={selected ? "true" : undefined}
            onClick={() => onEpisode(selected ? null : b.id)}
          >
            <title>
              {`${ep?.title ?? b.id}: ${b.count} event${b.count === 1 ? "" : "s"}. Click to ${selected ? "show all episodes" : "open this episode"}.`}
            </title>
            {b.label && (
              <>
                <line className={styles.leader} x1={mid} x2={mid} y1={labelY + 3} y2={labelsHeight} />
                <text className={styles.bandLabel} x={b.label.left} y={labelY}>
                  {b.label.text}
                </text>
              </>
            )}
            <rect
              className={styles.bandRect}
              x={b.x0}
              y={labelsHeight}
              width={b.x1 - b.x0}
              height={plotHeight}
            />
          </g>
        );
      })}
      <AxisBottom ticks={track.ticks} y={axisY} width={width} labelDy={16} />
      {track.bins ? (
        <BinBars bins={track.bins} top={labelsHeight + 4} height={plotHeight - 8} />
      ) : (
        track.marks.map((m) => renderMark(m, laneY(m.lane)))
      )}
    </svg>
  );
}
