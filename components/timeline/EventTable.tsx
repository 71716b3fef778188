import { memo, useDeferredValue, useMemo } from "react";
import type { DatasetIndex } from "@/lib/data";
import { fromOutside } from "@/lib/model/provenance";
import { formatDate } from "@/lib/time";
import { OutsideNote } from "../OutsideNote";
import { EVENT_KIND_LABEL } from "../theme";
import { actorsLine, sourceLine } from "./describeEvent";
import styles from "./Timeline.module.css";

/**
 * The table lists at most this many rows; beyond that it says how many it left out. A hundred rows is
 * already more than one reads through, and each row is seven cells re-rendered on every filter change.
 */
export const TABLE_ROWS = 100;

/**
 * The text alternative of the chart: the shown events in time order, as a table. Visually hidden (but read
 * by screen readers) until "Show as table" reveals it. Memoised: a focus or tooltip change leaves its
 * hundreds of cells alone. While hidden it follows a filter change in a deferred render, right after the
 * frame that redraws the chart: nobody sees it, and building and dropping dozens of seven-cell rows inside
 * that frame cost about 2 ms of an actor or episode change. Shown, it follows at once.
 */
export const EventTable = memo(function EventTable({
  index,
  order,
  total,
  inYears,
  shown,
}: {
  index: DatasetIndex;
  /** Ids of the drawn events in time order (at least the first {@link TABLE_ROWS}). */
  order: readonly string[];
  /** How many events there are in all. */
  total: number;
  /** True for an event inside the selected years (the others are dimmed on the chart). */
  inYears(id: string): boolean;
  /** True when the table is revealed. */
  shown: boolean;
}) {
  const current = useMemo(() => ({ order, total, inYears }), [order, total, inYears]);
  const later = useDeferredValue(current);
  const now = shown ? current : later;
  const rows = now.order.slice(0, TABLE_ROWS);
  return (
    <div
      className={shown ? styles.tableWrap : "visually-hidden"}
      role={shown ? "region" : undefined}
      aria-label={shown ? "Timeline events table" : undefined}
      tabIndex={shown ? 0 : undefined}
      data-testid="timeline-table"
    >
      <table className={styles.table}>
        <caption>
          Events on the timeline in time order: {now.total}
          {now.total > rows.length &&
            ` (the first ${rows.length} listed; narrow the filters to see the rest)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Event</th>
            <th scope="col">Kind</th>
            <th scope="col">Actors</th>
            <th scope="col">Episode</th>
            <th scope="col">Source</th>
            <th scope="col">Provenance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((id) => (
            <EventRow key={id} index={index} id={id} inYears={now.inYears(id)} />
          ))}
        </tbody>
      </table>
    </div>
  );
});

/** One event's row; memoised, so a row that stays is not rebuilt. */
const EventRow = memo(function EventRow({
  index,
  id,
  inYears,
}: {
  index: DatasetIndex;
  id: string;
  inYears: boolean;
}) {
  const e = index.eventById.get(id);
  if (!e) return null;
  const ep = e.episode ? index.episodeById.get(e.episode) : undefined;
  return (
    <tr className={inYears ? undefined : styles.rowDimmed}>
      <td>
        {formatDate(e.date, e.datePrecision)}
        {!inYears && <span className="visually-hidden"> (outside the selected years)</span>}
      </td>
      <td>{e.title}</td>
      <td>{EVENT_KIND_LABEL[e.kind]}</td>
      <td>{actorsLine(index, e)}</td>
      <td>{ep?.label ?? "—"}</td>
      <td>{sourceLine(index, e)}</td>
      <td data-outside={fromOutside(e) ? "true" : undefined}>
        {fromOutside(e) ? <OutsideNote record={e} /> : "from the report"}
      </td>
    </tr>
  );
});
