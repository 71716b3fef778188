"use client";

import { memo } from "react";
import type { EventKind } from "@/lib/model";
import { INSIDE_GLYPH, MARK_RADIUS, type PlacedMark } from "@/lib/layout/timeline";
import { TARGET_SIZE } from "../theme";
import { glyphPath, KIND_STYLE } from "./kindStyle";
import styles from "./Timeline.module.css";

/** Height of one stacking lane, in pixels. */
export const LANE_HEIGHT = 20;
const BAR_HALF = 4;
const BAR_HALF_LABELLED = 8;
/** Radius of the kind's glyph drawn on a span (a little smaller than a point's, to sit on the bar). */
const SPAN_GLYPH = 5;
/** Radius of the provenance dot. */
const OUTSIDE_DOT = 3.5;

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
  /** The event rests on a fact from outside its report: drawn with the provenance dot. */
  outside: boolean;
}

/** Same mark, drawn the same: a new layout object for an unchanged mark does not re-render it. */
function sameMark(a: PlacedMark, b: PlacedMark): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.x0 === b.x0 &&
      a.x1 === b.x1 &&
      a.span === b.span &&
      a.clipStart === b.clipStart &&
      a.clipEnd === b.clipEnd &&
      a.lane === b.lane &&
      a.label?.text === b.label?.text &&
      a.label?.x === b.label?.x &&
      a.label?.anchor === b.label?.anchor)
  );
}

const sameProps = (a: EventMarkProps, b: EventMarkProps) =>
  sameMark(a.mark, b.mark) &&
  a.y === b.y &&
  a.kind === b.kind &&
  a.name === b.name &&
  a.describedBy === b.describedBy &&
  a.focused === b.focused &&
  a.linked === b.linked &&
  a.dimmed === b.dimmed &&
  a.tabbable === b.tabbable &&
  a.outside === b.outside;

/**
 * One event: a glyph of its kind at its day, or a bar over the month or year it is known to. Carries the
 * shared DOM contract (`data-record`, `data-focused`, `data-linked`) and is a toggle button for the focus.
 * The group is placed by one transform at the mark's start and lane, its parts drawn relative to it, so a
 * mark that moves to another lane changes one attribute.
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
  outside,
}: EventMarkProps) {
  const { color, glyph } = KIND_STYLE[kind];
  const r = MARK_RADIUS;
  // A title written inside a span gets a bar tall enough to hold it.
  const labelInside = mark.span && mark.label !== null && mark.label.x >= mark.x0 && mark.label.x < mark.x1;
  const half = labelInside ? BAR_HALF_LABELLED : BAR_HALF;
  const w = mark.x1 - mark.x0;
  // The ring shows focus, a link, or keyboard focus (only ever on the tab stop): other marks go without,
  // one element fewer each to build when a filter brings marks back.
  const ringed = focused || linked || tabbable;
  return (
    <g
      className={styles.mark}
      transform={`translate(${mark.x0} ${y})`}
      data-record={`event:${mark.id}`}
      data-focused={focused ? "true" : undefined}
      data-linked={linked ? "true" : undefined}
      data-dimmed={dimmed ? "true" : undefined}
      data-outside={outside ? "true" : undefined}
      role="button"
      aria-pressed={focused}
      aria-label={name}
      aria-describedby={describedBy}
      tabIndex={tabbable ? 0 : -1}
    >
      {mark.span ? (
        <>
          <rect
            data-part="hit"
            className={styles.hit}
            x={Math.min(-2, (w - TARGET_SIZE) / 2)}
            y={-TARGET_SIZE / 2}
            width={Math.max(w + 4, TARGET_SIZE)}
            height={TARGET_SIZE}
          />
          {ringed && (
            <rect className={styles.ring} x={-3} y={-half - 3} width={w + 6} height={2 * half + 6} rx={4} />
          )}
          <rect
            data-part="glyph"
            className={labelInside ? styles.barLabelled : styles.bar}
            x={0}
            y={-half}
            width={w}
            height={2 * half}
            rx={2}
            fill={color}
            stroke={color}
          />
          {/* The kind's glyph on the span, as the legend draws it: at its start when its title is inside. */}
          <path
            className={styles.glyph}
            transform={`translate(${labelInside ? (INSIDE_GLYPH + 4) / 2 : w / 2} 0)`}
            d={glyphPath(glyph, SPAN_GLYPH)}
            fill={color}
            fillRule="evenodd"
          />
          {mark.clipStart && <path className={styles.clip} d="M6 -5L1 0L6 5" stroke={color} />}
          {mark.clipEnd && (
            <path className={styles.clip} d={`M${w - 6} -5L${w - 1} 0L${w - 6} 5`} stroke={color} />
          )}
        </>
      ) : (
        <>
          <circle data-part="hit" className={styles.hit} r={TARGET_SIZE / 2} />
          {ringed && <circle className={styles.ring} r={r + 4} />}
          <path
            data-part="glyph"
            className={styles.glyph}
            d={glyphPath(glyph, r)}
            fill={color}
            fillRule="evenodd"
          />
        </>
      )}
      {outside && (
        // The provenance dot, on the glyph's top right (a bar's top right end, inside the panel when the bar
        // runs past it); its meaning is in the mark's name.
        <circle
          className={styles.outside}
          cx={mark.span ? (mark.clipEnd ? Math.max(0, w - 10) : w) : r}
          cy={mark.span ? -half : -r}
          r={OUTSIDE_DOT}
        />
      )}
      {mark.label && (
        <text
          className={styles.markLabel}
          x={mark.label.x - mark.x0}
          dy="0.35em"
          textAnchor={mark.label.anchor}
          aria-hidden="true"
        >
          {mark.label.text}
        </text>
      )}
    </g>
  );
}, sameProps);
