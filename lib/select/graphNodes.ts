import type { DatasetIndex } from "../data/indexDataset";
import type { ActorKind } from "../model/schema";
import { actorName, actorShortName } from "./wording";

/** Id of the node that stands for actors not drawn one by one (see `MAX_NETWORK_NODES` in lib/layout). */
export const GRAPH_OTHERS_ID = "_others";

/** The label of the "others" node grouping `members` actors. */
export const othersLabel = (members: number) => `Others (${members})`;

/** One actor of the network (or the "others" node). */
export interface GraphNode {
  id: string;
  /** Short label for the chart (`shortName ?? name`). */
  label: string;
  /** Full name, for accessible names and sentences. */
  name: string;
  /** What the mark's shape says; "others" for the grouped node. */
  kind: ActorKind | "others";
  /** How many shown stances it takes part in (as source or target). */
  count: number;
  /** How many actors it stands for: 1, or how many grouped actors take part in the shown stances. */
  members: number;
}

/**
 * Most stances first, then by label, then id: the order of a graph's nodes and of the layout's labels.
 * Code-unit order rather than localeCompare: it only needs to be fixed, and collation is slow.
 */
export const byCountThenLabel = (
  a: { count: number; label: string; id: string },
  b: { count: number; label: string; id: string },
) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : 1);

/** The "others" node, standing for `members` grouped actors. */
export const othersNode = (count: number, members: number): GraphNode => ({
  id: GRAPH_OTHERS_ID,
  label: othersLabel(members),
  name: `${members} other actors`,
  kind: "others",
  count,
  members,
});

/** The node of one actor drawn on its own, named from the dataset. */
export function actorNode(index: DatasetIndex, id: string, count: number): GraphNode {
  return {
    id,
    label: actorShortName(index, id),
    name: actorName(index, id),
    kind: index.actorById.get(id)?.kind ?? "group",
    count,
    members: 1,
  };
}
