import type { Stance, StanceType } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";

/**
 * Most edges drawn at once: past it, the edges with the most shown stances are drawn and the rest counted
 * (the text alternative still lists their stances). The bundled dataset stays well under it, so only
 * generated datasets reach it; there the busiest edges already carry a large share of the drawable stances, and
 * drawing the long tail would multiply the SVG elements only to thicken the bands between "others" and the
 * busiest actors.
 */
export const MAX_DRAWN_EDGES = 300;

/** Separate strands drawn per (from, to, type) while the dataset is small enough for them (see below). */
const STRANDS = 3;

/** Position of each stance type in the vocabulary: the order of edge lanes and part of a group's key. */
export const typeOrder = new Map(STANCE_TYPES.map((t, i) => [t, i]));

/**
 * One edge: a single stance, or several stances of one type from one actor to another merged into one edge
 * with a count. `lane` separates every edge between the same two actors (either direction, any type): it is
 * a signed offset measured against the pair's canonical direction (lower id → higher id), so A→B and B→A
 * with lanes −½ and +½ bow to opposite sides and never lie on top of each other. Which stances an edge
 * merges and its lane come from the whole dataset, so filtering never reshapes an edge.
 */
export interface GraphEdge {
  /** The stance id when the edge stands for one stance of the dataset, else `from>to>type`. */
  id: string;
  from: string;
  to: string;
  type: StanceType;
  /** The shown stances drawn by this edge, oldest first. */
  stanceIds: readonly string[];
  /** Signed lane among the edges of the pair; 0 = straight (the pair's only edge). */
  lane: number;
  /** How many edges (lanes) the pair has in the dataset, either way. */
  lanes: number;
}

/** What {@link mergeEdges} needs: the stances, their ends as node indexes, and their groups. */
export interface EdgeInput {
  /** The stances the graph is built from; the columns below are indexed by position in this list. */
  stances: readonly Stance[];
  /** Id of stance i. */
  ids: readonly string[];
  /** Node index of stance i's source and target. */
  fromAt: Int32Array;
  toAt: Int32Array;
  /** Id of node k. */
  nodeIds: readonly string[];
  /** Positions of the drawable stances per (from, to, type), in first-seen order; sorted here, in place. */
  groups: ReadonlyMap<number, number[]>;
  /** Strands per (from, to, type) before they merge; by default chosen from the dataset's size. */
  maxStrands: number | undefined;
}

/** The edges of a dataset graph with the columns that tie them to its stances (see `DatasetGraph`). */
export interface MergedEdges {
  /** Every edge, pair by pair, each pair's edges in lane order. */
  edges: GraphEdge[];
  /** Index in `edges` of the edge drawing stance i, or -1 when it cannot be drawn. */
  edgeAt: Int32Array;
  /** Edge e's stances, oldest first: `edgeStances[edgeStart[e]]` … `edgeStances[edgeStart[e + 1] - 1]`. */
  edgeStart: Int32Array;
  edgeStances: Int32Array;
  /** Edge e's place when all edges are ranked by stance count, most first. */
  rank: Int32Array;
}

/**
 * Turns groups of stances into edges: a group of up to `strands` stances draws one edge per stance, a bigger
 * one merges into one edge; then each pair's edges get distinct lanes in a fixed order (canonical direction
 * first, then type, then id), so that nothing depends on the order of the input.
 */
export function mergeEdges({
  stances,
  ids,
  fromAt,
  toAt,
  nodeIds,
  groups,
  maxStrands,
}: EdgeInput): MergedEdges {
  const n = stances.length;
  const edgeAt = new Int32Array(n).fill(-1);
  const strands =
    maxStrands ??
    ([...groups.values()].reduce((sum, list) => sum + (list.length <= STRANDS ? list.length : 1), 0) >
    MAX_DRAWN_EDGES
      ? 1
      : STRANDS);
  const byDate = (a: number, b: number) => {
    const x = stances[a]!;
    const y = stances[b]!;
    return x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1;
  };
  // Edges (with their stances' positions) per unordered pair.
  const pairs = new Map<number, { edge: GraphEdge; at: number[] }[]>();
  for (const list of groups.values()) {
    list.sort(byDate);
    const first = stances[list[0]!]!;
    const f = fromAt[list[0]!]!;
    const t = toAt[list[0]!]!;
    const from = nodeIds[f]!;
    const to = nodeIds[t]!;
    const edge = (id: string, at: number[]) => ({
      edge: { id, from, to, type: first.type, stanceIds: at.map((i) => ids[i]!), lane: 0, lanes: 0 },
      at,
    });
    const edges =
      list.length <= strands
        ? list.map((i) => edge(ids[i]!, [i]))
        : [edge(`${from}>${to}>${first.type}`, list)];
    const pair = Math.min(f, t) * nodeIds.length + Math.max(f, t);
    const bucket = pairs.get(pair);
    if (bucket) bucket.push(...edges);
    else pairs.set(pair, edges);
  }

  const edges: GraphEdge[] = [];
  const edgeStart = [0];
  const edgeStances = new Int32Array(n);
  let filled = 0;
  for (const bucket of pairs.values()) {
    bucket.sort(({ edge: a }, { edge: b }) => {
      const da = a.from < a.to ? 0 : 1;
      const db = b.from < b.to ? 0 : 1;
      return da - db || typeOrder.get(a.type)! - typeOrder.get(b.type)! || (a.id < b.id ? -1 : 1);
    });
    bucket.forEach(({ edge, at }, i) => {
      edge.lane = i - (bucket.length - 1) / 2;
      edge.lanes = bucket.length;
      for (const p of at) {
        edgeAt[p] = edges.length;
        edgeStances[filled++] = p;
      }
      edges.push(edge);
      edgeStart.push(filled);
    });
  }
  const rank = new Int32Array(edges.length);
  edges
    .map((_, i) => i)
    .sort((a, b) => edges[b]!.stanceIds.length - edges[a]!.stanceIds.length || a - b)
    .forEach((e, r) => (rank[e] = r));
  return {
    edges,
    edgeAt,
    edgeStart: Int32Array.from(edgeStart),
    edgeStances: edgeStances.subarray(0, filled),
    rank,
  };
}
