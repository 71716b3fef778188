import type { Selection } from "../model/viewState";
import type { Graph } from "../select/graph";
import type { Linked } from "../select/linked";

/** What the network draws at full strength; everything else is dimmed. Null: nothing is dimmed. */
export interface Spotlight {
  /** Ids of the nodes that stand out, or null when no node is dimmed. */
  nodes: ReadonlySet<string> | null;
  /** Ids of the edges that stand out, or null when no edge is dimmed. */
  edges: ReadonlySet<string> | null;
}

/** What the spotlight follows: the pointer and keyboard over the drawing, then the view's selection. */
export interface SpotlightInput {
  /** The actor hovered, else the one keyboard-focused, else null. */
  node: string | null;
  /** Id of the edge hovered, else null. */
  edge: string | null;
  /** The view's selected record (the URL's `focus`). */
  selection: Selection | null;
  /** What the selection links to. */
  linked: Linked;
  /** The drawn edges that draw a linked stance ({@link linkedEdgeIds} of the same graph and linked). */
  linkedEdges: ReadonlySet<string>;
}

const NONE: Spotlight = { nodes: null, edges: null };

/** Ids of the graph's edges that draw at least one stance linked to the selection; empty when none is set. */
export function linkedEdgeIds(graph: Graph, linked: Linked): Set<string> {
  if (!linked.active) return new Set();
  return new Set(
    graph.edges.filter((e) => e.stanceIds.some((id) => linked.stances.has(id))).map((e) => e.id),
  );
}

/**
 * What stands out, first match wins: the hovered or keyboard-focused actor with its neighbours and its
 * edges; else the hovered edge with its two actors; else what the selection links to (the selected actor
 * included, and the edges drawing a linked stance); else nothing is dimmed.
 */
export function networkSpotlight(graph: Graph, input: SpotlightInput): Spotlight {
  const { node, edge, selection, linked, linkedEdges } = input;
  if (node && graph.nodeById.has(node)) {
    return {
      nodes: new Set([node, ...(graph.neighbours.get(node) ?? [])]),
      edges: new Set(graph.edges.filter((e) => e.from === node || e.to === node).map((e) => e.id)),
    };
  }
  const hovered = edge ? graph.edges.find((e) => e.id === edge) : undefined;
  if (hovered) return { nodes: new Set([hovered.from, hovered.to]), edges: new Set([hovered.id]) };
  if (linked.active) {
    const nodes = new Set(linked.actors);
    if (selection?.kind === "actor") nodes.add(selection.id);
    return { nodes, edges: linkedEdges };
  }
  return NONE;
}
