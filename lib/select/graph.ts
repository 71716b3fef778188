import type { DatasetIndex } from "../data/indexDataset";
import type { ActorKind, Stance, StanceType } from "../model/schema";
import { STANCE_TYPES } from "../view/viewState";

/** Id of the node that stands for actors not drawn one by one (see `MAX_NETWORK_NODES` in lib/layout). */
export const GRAPH_OTHERS_ID = "_others";

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
  /** How many actors it stands for: 1, or the size of the "others" group. */
  members: number;
}

/**
 * One drawn edge: a single stance, or several stances of one type from one actor to another merged into one
 * edge with a count. `lane` separates every edge between the same two actors (either direction, any type):
 * it is a signed offset measured against the pair's canonical direction (lower id → higher id), so A→B and
 * B→A with lanes −½ and +½ bow to opposite sides and never lie on top of each other.
 */
export interface GraphEdge {
  /** The stance id when the edge draws one stance, else `from>to>type`. */
  id: string;
  from: string;
  to: string;
  type: StanceType;
  /** The stances drawn by this edge, oldest first. */
  stanceIds: readonly string[];
  /** Signed lane among the edges of the pair; 0 = straight (the pair's only edge). */
  lane: number;
}

/** The network drawn for a set of stances. */
export interface Graph {
  /** Nodes by stance count, most first, then by label: the keyboard and label-placement order. */
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  nodeById: ReadonlyMap<string, GraphNode>;
  /** Nodes linked to each node by an edge, either way. */
  neighbours: ReadonlyMap<string, readonly string[]>;
  /** The edge drawing each stance. */
  edgeOfStance: ReadonlyMap<string, GraphEdge>;
  /** Stances that cannot be drawn as an edge (both ends inside "others", or an actor toward itself). */
  undrawn: readonly string[];
}

/** Options of {@link buildGraph}. */
export interface GraphOptions {
  /** Actors drawn one by one; the others are grouped into one node. Null = every actor. */
  keep?: ReadonlySet<string> | null;
  /**
   * Stances of one type from one actor to another are drawn as separate curves up to this many, and merged
   * into one edge with a count beyond it (a 100k-event dataset can hold hundreds between two states).
   */
  maxStrands?: number;
}

const typeOrder = new Map(STANCE_TYPES.map((t, i) => [t, i]));

/**
 * Builds the network of a set of stances (pure): every actor that takes part in one becomes a node sized by
 * its stance count; stances become directed, typed edges, one per stance or merged per (from, to, type), each
 * pair's edges spread over distinct lanes.
 */
export function buildGraph(
  index: DatasetIndex,
  stances: readonly Stance[],
  { keep = null, maxStrands = 3 }: GraphOptions = {},
): Graph {
  const nodeOf = (id: string) => (keep === null || keep.has(id) ? id : GRAPH_OTHERS_ID);
  const counts = new Map<string, number>();
  const grouped = new Set<string>();
  const groups = new Map<string, Stance[]>();
  const undrawn: string[] = [];
  for (const s of stances) {
    const from = nodeOf(s.from);
    const to = nodeOf(s.to);
    counts.set(from, (counts.get(from) ?? 0) + 1);
    if (to !== from) counts.set(to, (counts.get(to) ?? 0) + 1);
    if (from === GRAPH_OTHERS_ID) grouped.add(s.from);
    if (to === GRAPH_OTHERS_ID) grouped.add(s.to);
    if (from === to) {
      undrawn.push(s.id);
      continue;
    }
    const key = `${from}>${to}>${s.type}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }

  const nodes: GraphNode[] = [...counts].map(([id, count]) => {
    if (id === GRAPH_OTHERS_ID)
      return {
        id,
        label: `Others (${grouped.size})`,
        name: `${grouped.size} other actors`,
        kind: "others",
        count,
        members: grouped.size,
      };
    const actor = index.actorById.get(id);
    return {
      id,
      label: actor?.shortName ?? actor?.name ?? id,
      name: actor?.name ?? id,
      kind: actor?.kind ?? "group",
      count,
      members: 1,
    };
  });
  // Code-unit order rather than localeCompare: it only needs to be fixed, and collation is slow.
  nodes.sort(
    (a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : 1),
  );

  // Edges per unordered pair, in a fixed order (canonical direction first, then type, then date), so that
  // lanes do not depend on the order of the input.
  const byDate = (a: Stance, b: Stance) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1;
  const pairs = new Map<string, GraphEdge[]>();
  for (const [key, list] of groups) {
    list.sort(byDate);
    const first = list[0]!;
    const from = nodeOf(first.from);
    const to = nodeOf(first.to);
    const pair = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
    const edges =
      list.length <= maxStrands
        ? list.map((s) => ({ id: s.id, from, to, type: s.type, stanceIds: [s.id], lane: 0 }))
        : [{ id: key, from, to, type: first.type, stanceIds: list.map((s) => s.id), lane: 0 }];
    const bucket = pairs.get(pair);
    if (bucket) bucket.push(...edges);
    else pairs.set(pair, edges);
  }
  const edges: GraphEdge[] = [];
  const edgeOfStance = new Map<string, GraphEdge>();
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = neighbours.get(a);
    if (set) set.add(b);
    else neighbours.set(a, new Set([b]));
  };
  for (const bucket of pairs.values()) {
    bucket.sort((a, b) => {
      const da = a.from < a.to ? 0 : 1;
      const db = b.from < b.to ? 0 : 1;
      return da - db || typeOrder.get(a.type)! - typeOrder.get(b.type)! || (a.id < b.id ? -1 : 1);
    });
    bucket.forEach((e, i) => {
      e.lane = i - (bucket.length - 1) / 2;
      edges.push(e);
      for (const id of e.stanceIds) edgeOfStance.set(id, e);
      link(e.from, e.to);
      link(e.to, e.from);
    });
  }

  const order = new Map(nodes.map((n, i) => [n.id, i]));
  return {
    nodes,
    edges,
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    neighbours: new Map(
      [...neighbours].map(([id, set]) => [id, [...set].sort((a, b) => order.get(a)! - order.get(b)!)]),
    ),
    edgeOfStance,
    undrawn,
  };
}
