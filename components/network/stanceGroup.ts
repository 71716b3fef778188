import type { DatasetIndex } from "@/lib/data";
import { fromOutside } from "@/lib/model/provenance";
import type { Selection } from "@/lib/view";
import type { EvidenceRef } from "../viewProps";

/**
 * Opening a group of stances (a graph's arrow, a matrix cell, a panel's arrow): its first stance selected and
 * its evidence opened; activating the group holding the selected stance again clears the selection, like
 * every other focusable mark.
 */
export function openStanceGroup(
  stanceIds: readonly string[],
  selection: Selection | null,
  onSelect: (selection: Selection) => void,
  onEvidence: (ref: EvidenceRef) => void,
): void {
  const current = selection?.kind === "stance" && stanceIds.includes(selection.id) ? selection.id : null;
  if (current) return onSelect({ kind: "stance", id: current });
  const first = stanceIds[0];
  if (!first) return;
  onSelect({ kind: "stance", id: first });
  onEvidence({ kind: "stance", id: first });
}

const outsideStances = new WeakMap<DatasetIndex, ReadonlySet<string>>();

/** The edges drawing a stance that rests on a fact from outside its report: they carry the provenance dot. */
export function outsideEdgeIds(
  index: DatasetIndex,
  edges: readonly { id: string; stanceIds: readonly string[] }[],
): Set<string> {
  // The few such stances, found once per dataset by a pass over the records: looking each edge's stances up
  // by id built a map of every stance (150,000 at 100,000 events) for the first paint.
  let outside = outsideStances.get(index);
  if (!outside) {
    outside = new Set(index.data.stances.filter((s) => fromOutside(s)).map((s) => s.id));
    outsideStances.set(index, outside);
  }
  const found = outside;
  if (found.size === 0) return new Set();
  return new Set(edges.filter((e) => e.stanceIds.some((id) => found.has(id))).map((e) => e.id));
}
