import type { DatasetIndex } from "@/lib/data";
import type { Stance } from "@/lib/model";
import type { Linked } from "@/lib/select";
import type { Graph } from "@/lib/select/graph";
import { formatDate } from "@/lib/time";
import type { Selection } from "@/lib/view";
import type { EvidenceRef } from "../viewProps";
import { actorName, stanceAbout } from "@/lib/select";
import { OutsideNote } from "../OutsideNote";
import { stanceLine } from "./describe";
import styles from "./Network.module.css";

/** Props of the panel under the network that details the focused item's stances. */
export interface NetworkDetailsProps {
  index: DatasetIndex;
  graph: Graph;
  /** The stances shown under the filters. */
  stances: readonly Stance[];
  selection: Selection | null;
  linked: Linked;
  /** Focus a stance (or clear the selection if it is focused). */
  onSelect(selection: Selection): void;
  /** Open the shared evidence panel. */
  onEvidence(ref: EvidenceRef): void;
}

/** Most stances listed for one focused item; the text alternative below the graph lists them all. */
const MAX_LISTED = 40;

/**
 * The side panel of the network: for a focused stance, its sentence, verbatim evidence and source, and the
 * other stances its edge merges; for any other selection, the shown stances it links to, each a button that opens
 * its evidence. This is also how the keyboard reaches edges from a focused actor.
 */
export function NetworkDetails({
  index,
  graph,
  stances,
  selection,
  linked,
  onSelect,
  onEvidence,
}: NetworkDetailsProps) {
  if (!selection || !linked.active)
    return (
      <p className={styles.hint}>
        Click an actor to highlight its stances, or an arrow to read its evidence and source.
      </p>
    );

  const open = (s: Stance) => {
    if (!(selection.kind === "stance" && selection.id === s.id)) onSelect({ kind: "stance", id: s.id });
    onEvidence({ kind: "stance", id: s.id });
  };
  const list = (items: readonly Stance[], label: string) => (
    <ul className={styles.detailList} aria-label={label}>
      {items.slice(0, MAX_LISTED).map((s) => (
        <li key={s.id}>
          <button
            type="button"
            className="link-button"
            onClick={() => open(s)}
            aria-current={selection.kind === "stance" && selection.id === s.id ? "true" : undefined}
          >
            {stanceLine(index, s)}
          </button>
          <OutsideNote record={s} />
        </li>
      ))}
      {items.length > MAX_LISTED && (
        <li>…and {items.length - MAX_LISTED} more in the list of all stances below.</li>
      )}
    </ul>
  );

  if (selection.kind === "stance") {
    const s = index.stanceById.get(selection.id);
    const shown = s && graph.edgeOfStance.has(s.id);
    if (!s || !shown)
      return (
        <div className={styles.details} data-testid="network-details">
          <p>The focused stance is not shown under the current filters.</p>
        </div>
      );
    const source = index.sourceById.get(s.sourceId);
    const siblings = (graph.edgeOfStance.get(s.id)?.stanceIds ?? [])
      .filter((id) => id !== s.id)
      .map((id) => index.stanceById.get(id))
      .filter((x): x is Stance => !!x);
    return (
      <div className={styles.details} data-testid="network-details">
        <h3>{stanceAbout(index, s)}</h3>
        <blockquote className={styles.excerpt} data-testid="network-evidence">
          {s.evidence}
        </blockquote>
        <p className={styles.meta}>
          {formatDate(s.date, s.datePrecision)}
          {source && (
            <>
              {" "}
              · source: {source.publisher}, “{source.title}”
            </>
          )}
        </p>
        <OutsideNote record={s} />
        <p>
          <button type="button" className="button" onClick={() => onEvidence({ kind: "stance", id: s.id })}>
            Open evidence and source
          </button>
        </p>
        {siblings.length > 0 && (
          <>
            <h4 className={styles.subhead}>This arrow also stands for</h4>
            {list(siblings, "Other stances on this arrow")}
          </>
        )}
      </div>
    );
  }

  const shown = stances.filter((s) => linked.stances.has(s.id));
  const what =
    selection.kind === "actor"
      ? actorName(index, selection.id)
      : selection.kind === "event"
        ? `the event “${index.eventById.get(selection.id)?.title ?? selection.id}”`
        : "the focused quote";
  return (
    <div className={styles.details} data-testid="network-details">
      <h3>
        {selection.kind === "actor" ? "Stances of" : "Stances tied to"} {what}: {shown.length} shown
      </h3>
      {shown.length === 0 ? (
        <p>None of its stances are shown under the current filters.</p>
      ) : (
        list(shown, `Stances linked to ${what}`)
      )}
    </div>
  );
}
