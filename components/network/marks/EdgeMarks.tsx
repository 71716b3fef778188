import type { GraphEdge } from "@/lib/select/graph";
import { edgeWidth, showsCount } from "../edgeStyle";
import { arrowId } from "./ArrowDefs";
import { EdgeMark } from "./EdgeMark";

/**
 * The arrows of a drawing, one EdgeMark per edge that has a shape, hidden from assistive technology (the
 * nodes and the text list carry the stances): the graph's and each of the comparison's panels.
 */
export function EdgeMarks({
  edges,
  geometry,
  uid,
  dimmed,
  selectedEdge,
  linkedEdges,
  outsideEdges,
}: {
  edges: readonly GraphEdge[];
  /** Each edge's path and middle, on screen. */
  geometry: ReadonlyMap<string, { d: string; mid: { x: number; y: number } }>;
  /** The drawing's id, for its arrowhead markers. */
  uid: string;
  /** The edges that stand out, when some do (the others are drawn faint); null = none dimmed. */
  dimmed: ReadonlySet<string> | null;
  selectedEdge: string | undefined;
  linkedEdges: ReadonlySet<string>;
  outsideEdges: ReadonlySet<string>;
}) {
  return (
    <g aria-hidden="true">
      {edges.map((e) => {
        const g = geometry.get(e.id);
        if (!g) return null;
        return (
          <EdgeMark
            key={e.id}
            id={e.id}
            d={g.d}
            midX={g.mid.x}
            midY={g.mid.y}
            type={e.type}
            stanceIds={e.stanceIds}
            width={edgeWidth(e)}
            badge={showsCount(e)}
            arrow={`url(#${arrowId(uid, e.type)})`}
            dim={dimmed !== null && !dimmed.has(e.id)}
            focused={e.id === selectedEdge}
            linked={linkedEdges.has(e.id)}
            outside={outsideEdges.has(e.id)}
          />
        );
      })}
    </g>
  );
}
