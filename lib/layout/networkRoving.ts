import { GRAPH_OTHERS_ID, type Graph } from "../select/graph";
import { nodeInDirection, type Direction, type Point } from "./networkGeometry";

/** Where a key moves the keyboard focus among the actors: an arrow's way, or the first or last actor. */
export type RovingMove = Direction | "first" | "last";

/** The keys that move the keyboard focus, by `KeyboardEvent.key`. */
export const ROVING_KEYS: Readonly<Record<string, RovingMove>> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
  Home: "first",
  End: "last",
};

/** The graph a roving focus moves over: its nodes in keyboard order and who neighbours whom. */
export type RovingGraph = Pick<Graph, "nodes" | "nodeById" | "neighbours">;

/** The actors the keyboard reaches, in the graph's keyboard order: every node but the grouped "others". */
export function rovingOrder(graph: RovingGraph): string[] {
  return graph.nodes.filter((n) => n.id !== GRAPH_OTHERS_ID).map((n) => n.id);
}

/**
 * The drawing's one tab stop: the actor last reached by keyboard or pointer while it is still drawn, else
 * the selected actor when drawn, else the first actor in keyboard order; null when no actor is drawn.
 */
export function rovingTabStop(
  graph: RovingGraph,
  last: string | null,
  selectedActor: string | null,
): string | null {
  const drawn = (id: string | null) => id !== null && id !== GRAPH_OTHERS_ID && graph.nodeById.has(id);
  if (drawn(last)) return last;
  if (drawn(selectedActor)) return selectedActor;
  return rovingOrder(graph)[0] ?? null;
}

/**
 * The actor a key moves the keyboard focus to from `from`, given where each actor is drawn (`at`, on screen):
 * an arrow goes to the nearest linked actor that way, else (an actor with no neighbour that way) to the
 * nearest actor that way, so the arrows reach every actor; Home and End go to the first and last actor in
 * keyboard order. Null when there is none to go to.
 */
export function rovingTarget(
  graph: RovingGraph,
  from: string,
  move: RovingMove,
  at: (id: string) => Point | undefined,
): string | null {
  const order = rovingOrder(graph);
  if (move === "first") return order[0] ?? null;
  if (move === "last") return order[order.length - 1] ?? null;
  const p = at(from);
  if (!p) return null;
  const around = (ids: readonly string[]) => {
    const out: { id: string; p: Point }[] = [];
    for (const id of ids) {
      const q = id !== GRAPH_OTHERS_ID && graph.nodeById.has(id) ? at(id) : undefined;
      if (q) out.push({ id, p: q });
    }
    return out;
  };
  return (
    nodeInDirection(p, move, around(graph.neighbours.get(from) ?? [])) ??
    nodeInDirection(p, move, around(order))
  );
}
