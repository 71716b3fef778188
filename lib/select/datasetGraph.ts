import type { DatasetIndex } from "../data/indexDataset";
import type { Stance } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";
import { mergeEdges, typeOrder, type GraphEdge } from "./graphEdges";
import { actorNode, byCountThenLabel, GRAPH_OTHERS_ID, othersNode, type GraphNode } from "./graphNodes";

/**
 * The network of a whole set of stances (the dataset), from which every filtered graph is cut: nodes and
 * edges with all their stances, and columns indexed by position in `stances` so that a filter pass touches
 * numbers only.
 */
export interface DatasetGraph {
  /** Every node with its count over all the stances, in `Graph.nodes` order. */
  nodes: readonly GraphNode[];
  /** Every edge with all its stances, pair by pair. */
  edges: readonly GraphEdge[];
  /** The stances it is built from; the columns below are indexed by position in this list. */
  stances: readonly Stance[];
  /** Id of stance i (read from a flat list rather than from scattered records in the filter pass). */
  ids: readonly string[];
  /** Index in `edges` of the edge drawing stance i, or -1 when it cannot be drawn. */
  edgeAt: Int32Array;
  /** Index in `nodes` of stance i's source and target. */
  fromAt: Int32Array;
  toAt: Int32Array;
  /** Index among the grouped actors of stance i's source and target, or -1 for an actor drawn on its own. */
  groupedFromAt: Int32Array;
  groupedToAt: Int32Array;
  /** How many actors the "others" node groups. */
  grouped: number;
  /** Edge e's stances, oldest first: `edgeStances[edgeStart[e]]` … `edgeStances[edgeStart[e + 1] - 1]`. */
  edgeStart: Int32Array;
  edgeStances: Int32Array;
  /** Edge e's place when all edges are ranked by stance count, most first: the cap's tie-break. */
  rank: Int32Array;
}

/** Options of {@link computeDatasetGraph}. */
export interface DatasetGraphOptions {
  /** Actors drawn one by one; the others are grouped into one node. Null = every actor. */
  keep?: ReadonlySet<string> | null;
  /**
   * Stances of one type from one actor to another are drawn as separate curves up to this many, and merged
   * into one edge with a count beyond it. By default 3, or 1 when strands of 3 would give the dataset more
   * than `MAX_DRAWN_EDGES` edges: at that scale strands would only crowd out heavier edges.
   */
  maxStrands?: number;
}

/**
 * Builds the network of a set of stances (pure, uncached; {@link datasetGraph} caches it per dataset): every
 * actor that takes part in one becomes a node; stances become directed, typed edges, one per stance or merged
 * per (from, to, type), each pair's edges spread over distinct lanes in a fixed order (canonical direction
 * first, then type, then id), so that nothing depends on the order of the input.
 */
export function computeDatasetGraph(
  index: DatasetIndex,
  stances: readonly Stance[],
  { keep = null, maxStrands }: DatasetGraphOptions = {},
): DatasetGraph {
  const n = stances.length;
  const ids = stances.map((s) => s.id);
  const nodeIndex = new Map<string, number>();
  const nodeIds: string[] = [];
  const nodeCounts: number[] = [];
  const groupedIndex = new Map<string, number>();
  const nodeOf = (id: string) => {
    let k = nodeIndex.get(id);
    if (k === undefined) {
      nodeIndex.set(id, (k = nodeIds.length));
      nodeIds.push(id);
      nodeCounts.push(0);
    }
    return k;
  };
  /** The node of one end of stance i, noting in `grouped` which grouped actor it is (or -1). */
  const endOf = (actor: string, grouped: Int32Array, i: number) => {
    if (keep === null || keep.has(actor)) {
      grouped[i] = -1;
      return nodeOf(actor);
    }
    let g = groupedIndex.get(actor);
    if (g === undefined) groupedIndex.set(actor, (g = groupedIndex.size));
    grouped[i] = g;
    return nodeOf(GRAPH_OTHERS_ID);
  };

  const fromAt = new Int32Array(n);
  const toAt = new Int32Array(n);
  const groupedFromAt = new Int32Array(n);
  const groupedToAt = new Int32Array(n);
  // Stances per (from, to, type), keyed by a number built from the three indexes.
  const groups = new Map<number, number[]>();
  const types = STANCE_TYPES.length;
  for (let i = 0; i < n; i++) {
    const s = stances[i]!;
    const f = (fromAt[i] = endOf(s.from, groupedFromAt, i));
    const t = (toAt[i] = endOf(s.to, groupedToAt, i));
    nodeCounts[f]!++;
    if (t !== f) nodeCounts[t]!++;
    if (f === t) continue;
    const key = (f * 2 * n + t) * types + typeOrder.get(s.type)!;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  const merged = mergeEdges({ stances, ids, fromAt, toAt, nodeIds, groups, maxStrands });

  const nodes = nodeIds.map((id, k) =>
    id === GRAPH_OTHERS_ID
      ? othersNode(nodeCounts[k]!, groupedIndex.size)
      : actorNode(index, id, nodeCounts[k]!),
  );
  // The columns index nodes in their sorted order, the order of `nodes`.
  const order = nodes.map((_, k) => k).sort((a, b) => byCountThenLabel(nodes[a]!, nodes[b]!));
  const renumber = new Int32Array(nodes.length);
  order.forEach((k, i) => (renumber[k] = i));
  for (let i = 0; i < n; i++) {
    fromAt[i] = renumber[fromAt[i]!]!;
    toAt[i] = renumber[toAt[i]!]!;
  }
  return {
    nodes: order.map((k) => nodes[k]!),
    edges: merged.edges,
    stances,
    ids,
    edgeAt: merged.edgeAt,
    fromAt,
    toAt,
    groupedFromAt,
    groupedToAt,
    grouped: groupedIndex.size,
    edgeStart: merged.edgeStart,
    edgeStances: merged.edgeStances,
    rank: merged.rank,
  };
}

const graphCache = new WeakMap<DatasetIndex, Map<ReadonlySet<string> | null, DatasetGraph>>();

/** The network of a whole dataset, computed once per dataset index and `keep` set, and memoised. */
export function datasetGraph(index: DatasetIndex, keep: ReadonlySet<string> | null = null): DatasetGraph {
  let byKeep = graphCache.get(index);
  if (!byKeep) graphCache.set(index, (byKeep = new Map()));
  let graph = byKeep.get(keep);
  if (!graph) byKeep.set(keep, (graph = computeDatasetGraph(index, index.data.stances, { keep })));
  return graph;
}

const positionMaps = new WeakMap<DatasetGraph, Map<string, number>>();

/** Position of each stance id in the dataset graph's stances, built on first use. */
export function positionById(base: DatasetGraph): Map<string, number> {
  let map = positionMaps.get(base);
  if (!map) positionMaps.set(base, (map = new Map(base.ids.map((id, i) => [id, i]))));
  return map;
}
