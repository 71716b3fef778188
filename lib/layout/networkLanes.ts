import type { Point } from "./networkGeometry";

/** Pixels between the lanes of the edges that join one pair of actors: room for a count between two. */
export const LANE_PX = 16;
/**
 * Widest a pair's fan of lanes may spread, from its outermost lane on one side to the other's: room for the
 * 5 lanes the bundled dataset needs at most. Past that the lanes close up into a band rather than bowing
 * ever wider, so the 26 typed edges a pair can have in a generated dataset do not loop across the drawing.
 */
export const MAX_FAN_PX = 4 * LANE_PX;

/** Pixels between adjacent lanes of a pair with `lanes` lanes. */
export function laneSpacing(lanes: number): number {
  return lanes > 1 ? Math.min(LANE_PX, MAX_FAN_PX / (lanes - 1)) : LANE_PX;
}

/** The bow (in pixels, for {@link edgeGeometry}) of the edge on `lane` among a pair's `lanes`. */
export function laneBow(lane: number, lanes: number): number {
  return lane * laneSpacing(lanes);
}

/** The drawn shape of one edge on screen: an SVG path and the point halfway along it (for its count). */
export interface EdgeGeometry {
  d: string;
  mid: Point;
  /** The path's ends and, for a bowed edge, its quadratic control point (null for a straight line). */
  a: Point;
  b: Point;
  c: Point | null;
}

const fmt = (v: number) => String(Math.round(v * 10) / 10);

/**
 * The path of an edge from `s` to `t` (screen points), trimmed to the marks' radii so the arrowhead touches
 * the target's outline. `bow` bends it sideways by that many pixels at its middle, measured along the normal of the
 * pair's canonical direction (`canonical` false when this edge runs against it), so that edges on different
 * lanes never lie on top of each other; 0 draws a straight line.
 */
export function edgeGeometry(
  s: Point,
  t: Point,
  rs: number,
  rt: number,
  bow: number,
  canonical = true,
): EdgeGeometry {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len = Math.hypot(dx, dy) || 1;
  // The normal of this edge's own direction, flipped for edges that run against the canonical one, so a lane
  // means the same side of the pair whichever way an edge runs.
  const sign = canonical ? 1 : -1;
  const nx = (-dy / len) * sign;
  const ny = (dx / len) * sign;
  // A quadratic curve reaches half its control point's offset at its middle.
  const c = { x: (s.x + t.x) / 2 + nx * bow * 2, y: (s.y + t.y) / 2 + ny * bow * 2 };
  const toward = (from: Point, to: Point, by: number): Point => {
    const ux = to.x - from.x;
    const uy = to.y - from.y;
    const l = Math.hypot(ux, uy) || 1;
    return { x: from.x + (ux / l) * by, y: from.y + (uy / l) * by };
  };
  const a = toward(s, bow === 0 ? t : c, rs + 1);
  const b = toward(t, bow === 0 ? s : c, rt + 2);
  if (bow === 0)
    return {
      d: `M${fmt(a.x)},${fmt(a.y)}L${fmt(b.x)},${fmt(b.y)}`,
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      a,
      b,
      c: null,
    };
  return {
    d: `M${fmt(a.x)},${fmt(a.y)}Q${fmt(c.x)},${fmt(c.y)} ${fmt(b.x)},${fmt(b.y)}`,
    mid: { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y },
    a,
    b,
    c,
  };
}

/** Straight pieces a curved edge is measured along by {@link edgeDistance}: well under a pixel off at our bows. */
const CURVE_STEPS = 24;

/** An edge's drawn path as a polyline: its two ends, or its curve in {@link CURVE_STEPS} straight pieces. */
export function edgePolyline(g: Pick<EdgeGeometry, "a" | "b" | "c">): Point[] {
  const { a, b, c } = g;
  if (!c) return [a, b];
  const out = [a];
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const t = i / CURVE_STEPS;
    const u = 1 - t;
    out.push({
      x: u * u * a.x + 2 * u * t * c.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * c.y + t * t * b.y,
    });
  }
  return out;
}

/** Distance from `p` to the segment from `a` to `b`. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Distance from a point to an edge's drawn path (its line or its quadratic curve), in pixels. */
export function edgeDistance(g: Pick<EdgeGeometry, "a" | "b" | "c">, p: Point): number {
  const line = edgePolyline(g);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1]!, line[i]!));
  return best;
}

/**
 * The edge whose path passes nearest `p`, within `within` pixels, or null: where two arrows cross, a click
 * picks the one nearer the pointer rather than the one drawn last (whose hit area lies on top). Ties go to
 * the edge listed first.
 */
export function nearestEdge(
  p: Point,
  edges: Iterable<readonly [string, Pick<EdgeGeometry, "a" | "b" | "c">]>,
  within: number,
): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const [id, g] of edges) {
    const d = edgeDistance(g, p);
    if (d <= within && d < bestDistance) {
      best = id;
      bestDistance = d;
    }
  }
  return best;
}
