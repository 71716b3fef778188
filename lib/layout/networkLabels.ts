import type { GraphEdge } from "../select/graph";
import { labelBox, placeLabelsClear, type LabelObstacle } from "./labels";
import type { DatasetNetworkLayout } from "./networkDataset";
import { toScreen, type Box, type Point, type ViewTransform } from "./networkGeometry";
import { edgeGeometry, edgePolyline, laneBow, type EdgeGeometry } from "./networkLanes";

/** A mark laid out on screen: its centre and radius. */
export interface ScreenMark {
  p: Point;
  r: number;
}

/** Every mark a dataset's layout can draw, on screen under the transform `t`, in the layout's order. */
export function screenMarks(layout: DatasetNetworkLayout, t: ViewTransform): Map<string, ScreenMark> {
  const out = new Map<string, ScreenMark>();
  for (const [id, { r }] of layout.marks) {
    const at = layout.positions.get(id);
    if (at) out.set(id, { p: toScreen(t, at), r });
  }
  return out;
}

/** The drawn shape of each edge whose two ends are on screen, by edge id. */
export function edgeShapes(
  edges: readonly GraphEdge[],
  marks: ReadonlyMap<string, ScreenMark>,
): Map<string, EdgeGeometry> {
  const out = new Map<string, EdgeGeometry>();
  for (const e of edges) {
    const s = marks.get(e.from);
    const d = marks.get(e.to);
    if (s && d) out.set(e.id, edgeGeometry(s.p, d.p, s.r, d.r, laneBow(e.lane, e.lanes), e.from < e.to));
  }
  return out;
}

/** A placed node label: its baseline centre relative to its mark, its box on screen, and whether on a plate. */
export interface NodeLabel extends Point {
  box: Box;
  plate: boolean;
}

/**
 * Where each mark's label goes, as the offset of its baseline centre from the mark (null: no room, shown on
 * hover or focus only). Labels claim room in the layout's order (most stances first) on the side of their
 * mark that overlaps no other mark or label and that no arrow of `edges` crosses (else on a plate over the
 * arrows). Pass the dataset's edges, not a filtered view's, so that filtering never moves a label.
 */
export function nodeLabels(
  layout: DatasetNetworkLayout,
  marks: ReadonlyMap<string, ScreenMark>,
  edges: ReadonlyMap<string, EdgeGeometry>,
  view: { width: number; height: number },
): Map<string, NodeLabel | null> {
  const font = layout.fontPx;
  const inputs = [...marks].map(([id, { p, r }]) => ({
    id,
    x: p.x,
    y: p.y,
    r: r + 1,
    width: layout.marks.get(id)!.labelWidth,
    height: font + 3,
  }));
  const lines: LabelObstacle[] = [...edges.values()].map(edgePolyline);
  const sides = placeLabelsClear(inputs, view, lines);
  return new Map(
    inputs.map((l) => {
      const placed = sides.get(l.id);
      if (!placed) return [l.id, null] as const;
      const box = labelBox(l, placed.side, placed.push);
      const label: NodeLabel = {
        x: (box.x0 + box.x1) / 2 - l.x,
        y: box.y1 - 3.5 - l.y,
        box,
        plate: placed.plate,
      };
      return [l.id, label] as const;
    }),
  );
}
