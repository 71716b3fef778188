import type { DatasetIndex } from "@/lib/data";
import type { Linked, VisibleRecords } from "@/lib/select";
import type { Focus, ViewState } from "@/lib/view";

/** A record whose evidence (verbatim excerpt and source) the shared evidence panel can show. */
export interface EvidenceRef {
  kind: "event" | "stance" | "quote" | "claim";
  id: string;
}

/** What every linked view receives: views are pure over these props and report actions through callbacks. */
export interface LinkedViewProps {
  /** The dataset with its lookups. */
  index: DatasetIndex;
  /** The current view state (filters and focus). */
  view: ViewState;
  /** Records that pass every filter. */
  visible: VisibleRecords;
  /** What the focused item links to; `linked.active` is false when nothing is focused. */
  linked: Linked;
  /** Focus an item, or clear the focus when it is already focused. */
  onFocus(focus: Focus): void;
  /** Open the evidence panel on a record. */
  onEvidence(ref: EvidenceRef): void;
}
