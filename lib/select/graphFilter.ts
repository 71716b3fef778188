import type { Stance } from "../model/schema";
import { positionById, type DatasetGraph } from "./datasetGraph";
import { MAX_DRAWN_EDGES, type GraphEdge } from "./graphEdges";
import { byCountThenLabel, GRAPH_OTHERS_ID, othersNode, type GraphNode } from "./graphNodes";

/** The edge of each shown stance, looked up on demand: a map of them all would cost more than the pass. */
export interface StanceEdges {
  get(stanceId: string): GraphEdge | undefined;
  has(stanceId: string): boolean;
}

/** The network drawn for a set of stances. */
export interface Graph {
  /** Nodes by stance count, most first, then by label: the keyboard order. */
  nodes: readonly GraphNode[];
  /** The edges drawn, at most {@link MAX_DRAWN_EDGES}, in the dataset graph's order. */
  edges: readonly GraphEdge[];
  nodeById: ReadonlyMap<string, GraphNode>;
  /** Nodes linked to each node by a drawn edge, either way. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /** The edge of each shown stance, drawn or left out by the cap. */
  edgeOfStance: StanceEdges;
  /** Stances that cannot be drawn as an edge (both ends inside "others", or an actor toward itself). */
  undrawn: readonly string[];
  /** Edges of shown stances left out by the cap on drawn edges, and how many stances they stand for. */
  capped: { edges: number; stances: number };
}

/** Options of {@link filterGraph}. */
export interface FilterGraphOptions {
  /** Most edges drawn; the rest are counted in {@link Graph.capped}. */
  maxEdges?: number;
}

/**
 * The graph of the shown stances, cut from the dataset graph: every edge keeps its id, lane and merging, with
 * its stances narrowed to the shown ones; edges with none are dropped, and beyond `maxEdges` only the edges
 * with the most shown stances are drawn (ties go to the edge with more stances in the dataset, then to the
 * earlier one). Node counts are the shown stances. One pass over the stances, touching numbers only.
 */
export function filterGraph(
  base: DatasetGraph,
  stances: readonly Stance[],
  { maxEdges = MAX_DRAWN_EDGES }: FilterGraphOptions = {},
): Graph {
  const shown = new Uint8Array(base.stances.length);
  const edgeCounts = new Int32Array(base.edges.length);
  const nodeCounts = new Int32Array(base.nodes.length);
  const seen = new Uint8Array(base.grouped);
  let members = 0;
  // Positions first, ids after: pushing ids one by one into a growing array costs more than the pass.
  const undrawnAt = new Int32Array(stances.length);
  let undrawnCount = 0;
  const { stances: all, fromAt, toAt, groupedFromAt, groupedToAt, edgeAt } = base;
  // Filtered stances are the dataset's own records in dataset order, so a walk along both lists finds each
  // one's position without hashing a string; any other input falls back to a lookup by id from there on.
  let j = 0;
  let byId: Map<string, number> | null = null;
  for (let k = 0; k < stances.length; k++) {
    const s = stances[k]!;
    let i = -1;
    if (byId === null) {
      while (j < all.length && all[j] !== s) j++;
      if (j < all.length) i = j++;
      else byId = positionById(base);
    }
    if (byId !== null) i = byId.get(s.id) ?? -1;
    if (i < 0 || shown[i]) continue;
    shown[i] = 1;
    const f = fromAt[i]!;
    const t = toAt[i]!;
    nodeCounts[f]!++;
    if (t !== f) nodeCounts[t]!++;
    const gf = groupedFromAt[i]!;
    const gt = groupedToAt[i]!;
    if (gf >= 0 && !seen[gf]) {
      seen[gf] = 1;
      members++;
    }
    if (gt >= 0 && !seen[gt]) {
      seen[gt] = 1;
      members++;
    }
    const e = edgeAt[i]!;
    if (e >= 0) edgeCounts[e]!++;
    else undrawnAt[undrawnCount++] = i;
  }
  const undrawn = new Array<string>(undrawnCount);
  for (let k = 0; k < undrawnCount; k++) undrawn[k] = base.ids[undrawnAt[k]!]!;

  // The shown edges, their stances narrowed (an edge with all its stances shown is the dataset's own).
  const edgeOf: (GraphEdge | undefined)[] = new Array(base.edges.length);
  const present: number[] = [];
  base.edges.forEach((edge, e) => {
    const count = edgeCounts[e]!;
    if (count === 0) return;
    present.push(e);
    if (count === edge.stanceIds.length) {
      edgeOf[e] = edge;
      return;
    }
    const stanceIds: string[] = [];
    for (let k = base.edgeStart[e]!; k < base.edgeStart[e + 1]!; k++) {
      const i = base.edgeStances[k]!;
      if (shown[i]) stanceIds.push(base.ids[i]!);
    }
    edgeOf[e] = { ...edge, stanceIds };
  });

  let drawn = present;
  const capped = { edges: 0, stances: 0 };
  if (present.length > maxEdges) {
    const keep = new Uint8Array(base.edges.length);
    [...present]
      .sort((a, b) => edgeCounts[b]! - edgeCounts[a]! || base.rank[a]! - base.rank[b]!)
      .slice(0, maxEdges)
      .forEach((e) => (keep[e] = 1));
    drawn = present.filter((e) => keep[e]);
    capped.edges = present.length - drawn.length;
    for (const e of present) if (!keep[e]) capped.stances += edgeCounts[e]!;
  }
  const edges = drawn.map((e) => edgeOf[e]!);

  const nodes: GraphNode[] = [];
  base.nodes.forEach((node, k) => {
    const count = nodeCounts[k]!;
    if (count === 0) return;
    nodes.push(node.id === GRAPH_OTHERS_ID ? othersNode(count, members) : { ...node, count });
  });
  nodes.sort(byCountThenLabel);

  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a);
    if (set) set.add(b);
    else neighbours.set(a, new Set([b]));
  };
  for (const e of edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const edgeOfStance = (id: string) => {
    const i = positionById(base).get(id);
    return i === undefined || !shown[i] || base.edgeAt[i]! < 0 ? undefined : edgeOf[base.edgeAt[i]!];
  };
  return {
    nodes,
    edges,
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    neighbours: new Map(
      [...neighbours].map(([id, set]) => [id, [...set].sort((a, b) => order.get(a)! - order.get(b)!)]),
    ),
    edgeOfStance: { get: edgeOfStance, has: (id) => edgeOfStance(id) !== undefined },
    undrawn,
    capped,
  };
}
