import type { DatasetIndex } from "@/lib/data";
import type { Linked, VisibleRecords } from "@/lib/select";
import type { Selection, ViewState } from "@/lib/view";

/** A record whose evidence (verbatim excerpt and source) the shared evidence panel can show. */
export interface EvidenceRef {
  kind: "event" | "stance" | "quote" | "claim";
  id: string;
}

/** What every linked view receives: views are pure over these props and report actions through callbacks. */
export interface LinkedViewProps {
  /** The dataset with its lookups. */
  index: DatasetIndex;
  /** The current view state (filters and selection). */
  view: ViewState;
  /** Records that pass every filter. */
  visible: VisibleRecords;
  /** What the selected record links to; `linked.active` is false when nothing is selected. */
  linked: Linked;
  /** Select a record, or clear the selection when it is already selected. */
  onSelect(selection: Selection): void;
  /** Open the evidence panel on a record. */
  onEvidence(ref: EvidenceRef): void;
}
