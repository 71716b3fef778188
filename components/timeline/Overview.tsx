"use client";

import { useRef, type ComponentProps, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import { Brush, type Scale as BrushScale } from "@visx/brush";
import { Group } from "@visx/group";
import type { Episode } from "@/lib/model";
import { yearDomain, type OverviewTrack, type PlacedMark } from "@/lib/layout/timeline";
import { normalizeYears, type YearRange } from "@/lib/view";
import { LANE_HEIGHT } from "./EventMark";
import { BinBars } from "./BinBars";
import { AxisBottom, GridLines } from "./TimeGrid";
import styles from "./Timeline.module.css";

const LABEL_ROW = 16;
/** Room under the labels for the leader lines that join a label moved aside to its band. */
const LEADER = 12;
const AXIS_HEIGHT = 24;
/** A pointer that moves less than this between down and up is a click (clears the brush), not a drag. */
const DRAG_THRESHOLD = 4;
/** visx's Brush draws its box at the pointer's pixels; a range snaps to whole years, so the box is ours. */
const HIDDEN_SELECTION = { fill: "none", stroke: "none" };
/** The component behind visx's Brush, whose state holds the drag in pixels. */
type BrushInstance = NonNullable<ComponentProps<typeof Brush>["innerRef"]>["current"];

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
  const labelsHeight = track.labelRows > 0 ? track.labelRows * LABEL_ROW + 6 + LEADER : 0;
  const plotHeight = Math.max(2, track.lanes) * LANE_HEIGHT + 8;
  const height = labelsHeight + plotHeight + AXIS_HEIGHT;
  const brushRef = useRef<BrushInstance>(null);
  // The press being dragged; visx's Brush does not tell a click from a drag, nor a drag's first step.
  const drag = useRef<{ moved: boolean; last: string } | null>(null);

  const yearAt = (x: number) => scale.invert(Math.max(0, Math.min(width - 0.01, x))).getUTCFullYear();
  // Each step of a drag: the years under the press and the pointer, in layout pixels (visx maps client pixels
  // through the drawing's transform, so a drawing still scaled by CSS before the first measurement brushes
  // right). The first step that changes the range adds a history entry, the rest replace it.
  const onBrushChange = () => {
    const d = drag.current;
    const state = brushRef.current?.state;
    if (!d || !state || state.brushingType !== "select") return;
    const x0 = state.start.x;
    const x = state.end.x;
    if (!d.moved && Math.abs(x - x0) < DRAG_THRESHOLD) return;
    // Clipped to the span, and the whole span is no filter: the one rule of the URL and the store.
    const range = normalizeYears({ start: yearAt(Math.min(x0, x)), end: yearAt(Math.max(x0, x)) }, span);
    const key = range ? `${range.start}-${range.end}` : "all";
    if (key === d.last) return;
    onYears(range, d.moved);
    d.moved = true;
    d.last = key;
  };
  const press = {
    // Only the primary button brushes (visx's Brush starts on any).
    onPointerDownCapture: (e: ReactPointerEvent) => {
      if (e.button !== 0) e.stopPropagation();
    },
    // After visx's own handler: keep the pointer while it crosses the bands and marks drawn over the brush.
    onPointerDown: (e: ReactPointerEvent) => {
      drag.current = { moved: false, last: "" };
      if (e.target instanceof Element) e.target.setPointerCapture(e.pointerId);
    },
    onPointerUp: () => {
      const d = drag.current;
      drag.current = null;
      if (d && !d.moved && years) onYears(null, false);
    },
    onPointerCancel: () => {
      drag.current = null;
    },
  };

  const selection = years ? yearDomain(years).map((d) => scale(d)) : null;
  const laneY = (lane: number) => labelsHeight + 4 + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
  const axisY = labelsHeight + plotHeight;
  // The brush reads invert, domain and range, which the timeline's own UTC scale has (lib/layout/timelineScale.ts).
  const brushScale = scale as unknown as BrushScale;

  return (
    <svg
      className={styles.svg}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`Overview, ${span.start} to ${span.end}: episodes as bands, and the events outside them`}
      aria-describedby={describedBy}
      data-testid="timeline-overview"
    >
      <GridLines ticks={track.ticks} top={labelsHeight} bottom={axisY} />
      {/* Keyboard users pick years with the filter bar's year fields: visx's Brush is pointer-only. */}
      <Group top={labelsHeight} className={styles.brush} {...press}>
        <Brush
          innerRef={brushRef}
          xScale={brushScale}
          // Brush renders nothing without a y scale, even brushing x only (its y bounds go unused).
          yScale={brushScale}
          width={width}
          height={plotHeight + AXIS_HEIGHT}
          brushDirection="horizontal"
          resizeTriggerAreas={[]}
          disableDraggingSelection
          resetOnEnd
          selectedBoxStyle={HIDDEN_SELECTION}
          handleSize={0}
          onChange={onBrushChange}
        />
      </Group>
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
      {/* Every leader before every label, so that a label's halo covers a leader that passes behind it. */}
      <g aria-hidden="true">
        {track.bands.map((b) => {
          const l = b.label;
          if (!l) return null;
          const labelY = labelsHeight - 6 - LEADER - l.row * LABEL_ROW;
          const mid = (b.x0 + b.x1) / 2;
          // The leader leaves the label at the point nearest the band's middle and turns at right angles, so
          // that one moved aside never runs under its neighbour; from an upper row, between the labels below.
          let from = Math.max(l.left + 3, Math.min(l.left + l.width - 3, mid));
          const below = track.bands.flatMap((o) => (o.label && o.label.row < l.row ? [o.label] : []));
          const free = (x: number) => below.every((o) => x < o.left - 3 || x > o.left + o.width + 3);
          for (let d = 0; d < l.width && !free(from); d++)
            for (const x of [from - d, from + d])
              if (x >= l.left + 3 && x <= l.left + l.width - 3 && free(x)) {
                from = x;
                break;
              }
          return (
            <path
              key={b.id}
              className={styles.leader}
              data-leader={b.id}
              fill="none"
              d={`M${from} ${labelY + 4}V${labelsHeight - LEADER / 2}H${mid}V${labelsHeight}`}
            />
          );
        })}
      </g>
      {track.bands.map((b) => {
        const ep = episodes.get(b.id);
        const selected = episode === b.id;
        const labelY = b.label ? labelsHeight - 6 - LEADER - b.label.row * LABEL_ROW : 0;
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
              <text className={styles.bandLabel} x={b.label.left} y={labelY}>
                {b.label.text}
              </text>
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
