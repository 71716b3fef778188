import { LANE_PX, laneSpacing } from "@/lib/layout/network";
import type { GraphEdge } from "@/lib/select/graph";

/**
 * Stroke width of an edge: wider the more shown stances it draws, but no wider than its lane where a pair's
 * many lanes have closed up into a band, so every type's colour in the band stays visible.
 */
export function edgeWidth(edge: GraphEdge): number {
  return Math.min(2 + Math.log2(edge.stanceIds.length), Math.max(1.5, laneSpacing(edge.lanes) * 0.8));
}

/** Whether an edge carries the count of its stances: it merges several, and its lanes leave room for one. */
export function showsCount(edge: GraphEdge): boolean {
  return edge.stanceIds.length > 1 && laneSpacing(edge.lanes) >= LANE_PX;
}
