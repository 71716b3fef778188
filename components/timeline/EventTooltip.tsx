import type { DatasetIndex } from "@/lib/data";
import type { Event } from "@/lib/model";
import { formatDate } from "@/lib/time";
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

/**
 * The tooltip of a mark: date (as precise as known), title, actors and source. On hover it only describes
 * and lets the pointer through to the marks around; on keyboard focus it stays until focus leaves (or Esc)
 * and offers the Source button, which the pointer can reach.
 */
export function EventTooltip({
  id,
  index,
  event,
  anchor,
  rootWidth,
  interactive,
  onSource,
}: {
  /** DOM id, referenced by the mark's aria-describedby. */
  id: string;
  index: DatasetIndex;
  event: Event;
  anchor: TipAnchor;
  /** Width of the timeline root, to keep the tooltip inside it. */
  rootWidth: number;
  /** True when summoned by keyboard focus: it then holds a Source button and takes the pointer. */
  interactive: boolean;
  /** Opens the event's evidence. */
  onSource(): void;
}) {
  const below = anchor.top < 130;
  const x =
    rootWidth <= 2 * TIP_HALF + 8
      ? rootWidth / 2
      : Math.max(TIP_HALF + 4, Math.min(rootWidth - TIP_HALF - 4, anchor.x));
  return (
    <div
      id={id}
      className={styles.tooltip}
      data-placement={below ? "below" : "above"}
      data-interactive={interactive ? "true" : undefined}
      data-testid="timeline-tooltip"
      style={{ left: x, top: below ? anchor.bottom + 8 : anchor.top - 8 }}
    >
      <p className={styles.tipDate}>
        {formatDate(event.date, event.datePrecision)}
        {event.datePrecision !== "day" && " (date known only to the " + event.datePrecision + ")"} ·{" "}
        {EVENT_KIND_LABEL[event.kind]}
      </p>
      <p className={styles.tipTitle}>{event.title}</p>
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
    </div>
  );
}
