import type { DatasetIndex } from "@/lib/data";
import type { Event } from "@/lib/model";
import { formatDate } from "@/lib/time";
import { OutsideNote } from "../OutsideNote";
import { EVENT_KIND_LABEL } from "../theme";
import type { EvidenceRef } from "../viewProps";
import type { Selection } from "@/lib/view";
import { actorsLine } from "./describeEvent";
import styles from "./Timeline.module.css";

/**
 * The focused event, spelled out in the timeline panel's head, with the way to its evidence: the tooltip only
 * shows on hover and keyboard selection, and touch screens have neither. On a wide screen it is one line
 * beside the panel's heading; on a narrow one a strip pinned to the foot of the screen (`data-pinned`,
 * app/globals.css); either way showing it moves nothing.
 */
export function SelectedEvent({
  index,
  event,
  shown,
  onSelect,
  onEvidence,
}: {
  index: DatasetIndex;
  event: Event;
  /** False when the filters hide the event from the timeline. */
  shown: boolean;
  onSelect(selection: Selection): void;
  onEvidence(ref: EvidenceRef): void;
}) {
  const source = index.sourceById.get(event.sourceId);
  const episode = event.episode ? index.episodeById.get(event.episode) : undefined;
  return (
    <div className={styles.selected} data-testid="timeline-selected" data-pinned="true">
      <p className={styles.selectedKicker}>
        Selected event{episode ? ` · ${episode.label}` : ""}
        {!shown && " · hidden by the filters"}
      </p>
      <p className={styles.selectedTitle}>{event.title}</p>
      <p className={styles.selectedMeta}>
        {formatDate(event.date, event.datePrecision)} · {EVENT_KIND_LABEL[event.kind]} ·{" "}
        {actorsLine(index, event)}
      </p>
      <OutsideNote record={event} />
      {source && (
        <p className={styles.selectedMeta} data-part="source">
          Source: {source.publisher}, “{source.title}”
        </p>
      )}
      <div className={styles.selectedActions}>
        <button type="button" className="button" onClick={() => onEvidence({ kind: "event", id: event.id })}>
          Source
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => onSelect({ kind: "event", id: event.id })}
        >
          Deselect event
        </button>
      </div>
    </div>
  );
}
