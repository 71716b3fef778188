/** How a drawn record stands in the linked views: the focused item, linked to it, or stepped back. */
export interface RecordState {
  /** The record is `view.focus`. */
  focused: boolean;
  /** The record is in the linked set of an active focus. */
  linked: boolean;
  /** A focus is active and the record is not linked to it. */
  dim: boolean;
}

// Shared constants, so memoised rows see the same object while their state is unchanged.
const NONE: RecordState = Object.freeze({ focused: false, linked: false, dim: false });
const FOCUSED: RecordState = Object.freeze({ focused: true, linked: true, dim: false });
const LINKED: RecordState = Object.freeze({ focused: false, linked: true, dim: false });
const DIM: RecordState = Object.freeze({ focused: false, linked: false, dim: true });

/** The state of a record, given whether a focus is active and the record is focused or linked. */
export function recordState(active: boolean, focused: boolean, linked: boolean): RecordState {
  if (!active) return NONE;
  if (focused) return FOCUSED;
  return linked ? LINKED : DIM;
}
