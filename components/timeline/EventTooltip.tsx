import type { Ref } from "react";
import { Tooltip } from "@visx/tooltip";
import type { DatasetIndex } from "@/lib/data";
import type { Event } from "@/lib/model";
import { fromOutside } from "@/lib/model/provenance";
import { formatDate } from "@/lib/time";
import { OutsideNote } from "../OutsideNote";
import { EVENT_KIND_LABEL } from "../theme";
import { actorsLine, sourceLine } from "./describeEvent";
import styles from "./Timeline.module.css";

/** Where a tooltip points: the mark's centre and edges, in the timeline root's pixels. */
export interface TipAnchor {
  x: number;
  top: number;
  bottom: number;
}

const TIP_HALF = 150;
/** Gap between the mark and the tooltip's edge. */
const TIP_GAP = 8;

/**
 * The tooltip of a mark: date (as precise as known), title, actors and source. On hover it only describes
 * and lets the pointer through to the marks around; on keyboard focus it stays until focus leaves (or Esc)
 * and offers the Source button, which the pointer can reach. Drawn by visx's Tooltip, in the timeline's own
 * DOM (not a portal), so that Tab reaches the Source button and focus can move into it from the mark.
 */
export function EventTooltip({
  ref,
  id,
  index,
  event,
  anchor,
  rootWidth,
  interactive,
  onSource,
}: {
  /** The tooltip's element, so the timeline can tell focus moving into it from focus leaving. */
  ref?: Ref<HTMLDivElement>;
  /** DOM id, referenced by the mark's aria-describedby. */
  id: string;
  /** The dataset's index, to name the actors and the source. */
  index: DatasetIndex;
  /** The event described. */
  event: Event;
  /** The mark pointed at. */
  anchor: TipAnchor;
  /** Width of the timeline root, to keep the tooltip inside it. */
  rootWidth: number;
  /** True when summoned by keyboard focus: it then holds a Source button and takes the pointer. */
  interactive: boolean;
  /** Opens the event's evidence. */
  onSource(): void;
}) {
  const below = anchor.top < 130;
  // Centred on the mark and kept inside the timeline, above it (below near the top): visx's
  // TooltipWithBounds only flips a tooltip beside its point, and measures itself a render late to do so.
  const x =
    rootWidth <= 2 * TIP_HALF + 8
      ? rootWidth / 2
      : Math.max(TIP_HALF + 4, Math.min(rootWidth - TIP_HALF - 4, anchor.x));
  return (
    <Tooltip
      ref={ref}
      id={id}
      className={styles.tooltip}
      unstyled
      applyPositionStyle
      left={x}
      offsetLeft={0}
      top={below ? anchor.bottom : anchor.top}
      offsetTop={below ? TIP_GAP : -TIP_GAP}
      data-placement={below ? "below" : "above"}
      data-interactive={interactive ? "true" : undefined}
      data-testid="timeline-tooltip"
    >
      <p className={styles.tipDate}>
        {formatDate(event.date, event.datePrecision)}
        {event.datePrecision !== "day" && " (date known only to the " + event.datePrecision + ")"} ·{" "}
        {EVENT_KIND_LABEL[event.kind]}
      </p>
      <p className={styles.tipTitle}>{event.title}</p>
      {fromOutside(event) && (
        <p className={styles.tipOutside} data-testid="timeline-tooltip-outside">
          <OutsideNote record={event} />
        </p>
      )}
      <p className={styles.tipLine}>
        <span className={styles.tipKey}>Actors</span> {actorsLine(index, event)}
      </p>
      {interactive ? (
        <p className={styles.tipLine}>
          <button type="button" className="link-button" onClick={onSource}>
            Source: {sourceLine(index, event)}
          </button>
        </p>
      ) : (
        <p className={styles.tipLine}>
          <span className={styles.tipKey}>Source</span> {sourceLine(index, event)}
        </p>
      )}
      <p className={styles.tipHint}>
        {interactive ? "Enter selects · S opens the source excerpt · Esc hides this" : "Click to select"}
      </p>
    </Tooltip>
  );
}
