/** How a drawn record stands in the linked views: the selected record, linked to it, or stepped back. */
export interface RecordState {
  /** The record is `view.selection` (drawn with `data-focused`, the attribute's name for it). */
  selected: boolean;
  /** The record is in the linked set of an active selection. */
  linked: boolean;
  /** A selection is active and the record is not linked to it. */
  dim: boolean;
}

// Shared constants, so memoised rows see the same object while their state is unchanged.
const NONE: RecordState = Object.freeze({ selected: false, linked: false, dim: false });
const SELECTED: RecordState = Object.freeze({ selected: true, linked: true, dim: false });
const LINKED: RecordState = Object.freeze({ selected: false, linked: true, dim: false });
const DIM: RecordState = Object.freeze({ selected: false, linked: false, dim: true });

/** The state of a record, given whether a selection is active and the record is selected or linked. */
export function recordState(active: boolean, selected: boolean, linked: boolean): RecordState {
  if (!active) return NONE;
  if (selected) return SELECTED;
  return linked ? LINKED : DIM;
}
