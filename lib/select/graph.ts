import type { DatasetIndex } from "../data/indexDataset";
import type { ActorKind, Stance, StanceType } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";
import { actorName, actorShortName } from "./wording";

/** Id of the node that stands for actors not drawn one by one (see `MAX_NETWORK_NODES` in lib/layout). */
export const GRAPH_OTHERS_ID = "_others";

/** The label of the "others" node grouping `members` actors. */
export const othersLabel = (members: number) => `Others (${members})`;

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

/**
 * The network of a whole set of stances (the dataset), from which every filtered graph is cut: nodes and
 * edges with all their stances, and columns indexed by position in `stances` so that a filter pass touches
 * numbers only.
 */
export interface DatasetGraph {
  /** Every node with its count over all the stances, in {@link Graph.nodes} order. */
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
   * than {@link MAX_DRAWN_EDGES} edges: at that scale strands would only crowd out heavier edges.
   */
  maxStrands?: number;
}

const typeOrder = new Map(STANCE_TYPES.map((t, i) => [t, i]));
/**
 * Most stances first, then by label, then id: the order of a graph's nodes and of the layout's labels.
 * Code-unit order rather than localeCompare: it only needs to be fixed, and collation is slow.
 */
export const byCountThenLabel = (
  a: { count: number; label: string; id: string },
  b: { count: number; label: string; id: string },
) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : 1);

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
  const edgeAt = new Int32Array(n).fill(-1);
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
    edges,
    stances,
    ids,
    edgeAt,
    fromAt,
    toAt,
    groupedFromAt,
    groupedToAt,
    grouped: groupedIndex.size,
    edgeStart: Int32Array.from(edgeStart),
    edgeStances: edgeStances.subarray(0, filled),
    rank,
  };
}

/** The "others" node, standing for `members` grouped actors. */
const othersNode = (count: number, members: number): GraphNode => ({
  id: GRAPH_OTHERS_ID,
  label: othersLabel(members),
  name: `${members} other actors`,
  kind: "others",
  count,
  members,
});

function actorNode(index: DatasetIndex, id: string, count: number): GraphNode {
  return {
    id,
    label: actorShortName(index, id),
    name: actorName(index, id),
    kind: index.actorById.get(id)?.kind ?? "group",
    count,
    members: 1,
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
function positionById(base: DatasetGraph): Map<string, number> {
  let map = positionMaps.get(base);
  if (!map) positionMaps.set(base, (map = new Map(base.ids.map((id, i) => [id, i]))));
  return map;
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

/** Options of {@link buildGraph}. */
export interface GraphOptions extends FilterGraphOptions {
  /** Actors drawn one by one; the others are grouped into one node. Null = every actor. */
  keep?: ReadonlySet<string> | null;
}

/** The graph of some of the dataset's stances: {@link filterGraph} over the memoised {@link datasetGraph}. */
export function buildGraph(
  index: DatasetIndex,
  stances: readonly Stance[],
  { keep = null, ...options }: GraphOptions = {},
): Graph {
  return filterGraph(datasetGraph(index, keep), stances, options);
}
