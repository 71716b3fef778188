"use client";

import { memo } from "react";
import type { EventKind } from "@/lib/model";
import { MARK_RADIUS, type PlacedMark } from "@/lib/layout/timeline";
import { glyphPath, KIND_STYLE } from "./kindStyle";
import styles from "./Timeline.module.css";

/** Height of one stacking lane, in pixels. */
export const LANE_HEIGHT = 20;
const HIT_RADIUS = 10;
const BAR_HALF = 4;
const BAR_HALF_LABELLED = 8;

/** Props of one event mark; handlers live on the timeline's root (one listener for every mark). */
export interface EventMarkProps {
  mark: PlacedMark;
  /** Vertical centre of the mark's lane. */
  y: number;
  kind: EventKind;
  /** Accessible name: date, title and kind. */
  name: string;
  /** Id of the tooltip that describes the mark while it is shown. */
  describedBy?: string;
  /** The focused item of the view state. */
  focused: boolean;
  /** In the linked set of an active focus. */
  linked: boolean;
  /** Outside the selected years, or not linked while a focus is active. */
  dimmed: boolean;
  /** The one mark in the tab order (roving tabindex). */
  tabbable: boolean;
}

/**
 * One event: a glyph of its kind at its day, or a bar over the month or year it is known to. Carries the
 * shared DOM contract (`data-record`, `data-focused`, `data-linked`) and is a toggle button for the focus.
 */
export const EventMark = memo(function EventMark({
  mark,
  y,
  kind,
  name,
  describedBy,
  focused,
  linked,
  dimmed,
  tabbable,
}: EventMarkProps) {
  const { color, glyph } = KIND_STYLE[kind];
  const r = MARK_RADIUS;
  // A title written inside a span gets a bar tall enough to hold it.
  const labelInside = mark.span && mark.label !== null && mark.label.x >= mark.x0 && mark.label.x < mark.x1;
  const half = labelInside ? BAR_HALF_LABELLED : BAR_HALF;
  return (
    <g
      className={styles.mark}
      data-record={`event:${mark.id}`}
      data-focused={focused ? "true" : undefined}
      data-linked={linked ? "true" : undefined}
      data-dimmed={dimmed ? "true" : undefined}
      role="button"
      aria-pressed={focused}
      aria-label={name}
      aria-describedby={describedBy}
      tabIndex={tabbable ? 0 : -1}
    >
      {mark.span ? (
        <>
          <rect
            className={styles.hit}
            x={mark.x0 - 2}
            y={y - LANE_HEIGHT / 2}
            width={mark.x1 - mark.x0 + 4}
            height={LANE_HEIGHT}
          />
          <rect
            className={styles.ring}
            x={mark.x0 - 3}
            y={y - half - 3}
            width={mark.x1 - mark.x0 + 6}
            height={2 * half + 6}
            rx={4}
          />
          <rect
            data-part="glyph"
            className={labelInside ? styles.barLabelled : styles.bar}
            x={mark.x0}
            y={y - half}
            width={mark.x1 - mark.x0}
            height={2 * half}
            rx={2}
            fill={color}
            stroke={color}
          />
          {mark.clipStart && (
            <path
              className={styles.clip}
              d={`M${mark.x0 + 6} ${y - 5}L${mark.x0 + 1} ${y}L${mark.x0 + 6} ${y + 5}`}
              stroke={color}
            />
          )}
          {mark.clipEnd && (
            <path
              className={styles.clip}
              d={`M${mark.x1 - 6} ${y - 5}L${mark.x1 - 1} ${y}L${mark.x1 - 6} ${y + 5}`}
              stroke={color}
            />
          )}
        </>
      ) : (
        <>
          <circle className={styles.hit} cx={mark.x0} cy={y} r={HIT_RADIUS} />
          <circle className={styles.ring} cx={mark.x0} cy={y} r={r + 4} />
          <path
            data-part="glyph"
            className={styles.glyph}
            d={glyphPath(glyph, r)}
            transform={`translate(${mark.x0} ${y})`}
            fill={color}
            fillRule="evenodd"
          />
        </>
      )}
      {mark.label && (
        <text
          className={styles.markLabel}
          x={mark.label.x}
          y={y}
          dy="0.35em"
          textAnchor={mark.label.anchor}
          aria-hidden="true"
        >
          {mark.label.text}
        </text>
      )}
    </g>
  );
});
