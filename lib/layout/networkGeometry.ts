import { LABEL_FONT_PX } from "./labels";
import type { LayoutNodeInput } from "./networkForces";

/** A point in layout (or screen) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** How layout coordinates map to the screen: `screen = (p - centre) × scale + offset`. */
export interface ViewTransform {
  scale: number;
  cx: number;
  cy: number;
  ox: number;
  oy: number;
}

/**
 * The transform that fits `bounds` into a `width` × `height` box with `pad` pixels of margin, no larger than
 * `maxScale` (a handful of actors should not be blown up to fill the box), below a band of `top` pixels kept
 * clear (for controls drawn over the box).
 */
export function fitTransform(
  bounds: Box,
  width: number,
  height: number,
  pad = 12,
  maxScale = 1.5,
  top = 0,
): ViewTransform {
  const bw = Math.max(1, bounds.x1 - bounds.x0);
  const bh = Math.max(1, bounds.y1 - bounds.y0);
  const scale = Math.min(
    maxScale,
    Math.max(0.05, (width - 2 * pad) / bw),
    Math.max(0.05, (height - top - 2 * pad) / bh),
  );
  return {
    scale,
    cx: (bounds.x0 + bounds.x1) / 2,
    cy: (bounds.y0 + bounds.y1) / 2,
    ox: width / 2,
    oy: top + (height - top) / 2,
  };
}

/**
 * The height of a box `width` wide that shows `bounds` at the scale the width allows (at most `maxScale`),
 * within `[min, max]`: the drawing takes the height it needs instead of a fixed one, so labels keep the room
 * the layout gave them.
 */
export function fitHeight(
  bounds: Box,
  width: number,
  {
    pad = 14,
    maxScale = 1.25,
    min = 280,
    max = 680,
    top = 0,
  }: { pad?: number; maxScale?: number; min?: number; max?: number; top?: number } = {},
): number {
  const bw = Math.max(1, bounds.x1 - bounds.x0);
  const bh = Math.max(1, bounds.y1 - bounds.y0);
  const scale = Math.min(maxScale, (width - 2 * pad) / bw);
  return Math.round(Math.min(max, Math.max(min, bh * scale + 2 * pad + top)));
}

/** A layout point on screen. */
export function toScreen(t: ViewTransform, p: Point): Point {
  return { x: (p.x - t.cx) * t.scale + t.ox, y: (p.y - t.cy) * t.scale + t.oy };
}

/** A zoom applied over the fitted drawing, in screen pixels: `screen = fitted × scaleX + translate`. */
export interface ZoomMatrix {
  scaleX: number;
  translateX: number;
  translateY: number;
}

/** The fitted transform `fit` with the user's zoom and pan on top of it: one transform from layout to screen. */
export function zoomTransform(fit: ViewTransform, zoom: ZoomMatrix): ViewTransform {
  const k = zoom.scaleX;
  return {
    scale: fit.scale * k,
    cx: fit.cx,
    cy: fit.cy,
    ox: fit.ox * k + zoom.translateX,
    oy: fit.oy * k + zoom.translateY,
  };
}

/** Arrow-key directions for moving between linked actors. */
export type Direction = "left" | "right" | "up" | "down";

const DIRECTION: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The node an arrow key moves to from `from`: among `candidates`, the one lying within 60° of the arrow's
 * direction that is nearest once the angle is weighed in; null if none lies that way.
 */
export function nodeInDirection(
  from: Point,
  direction: Direction,
  candidates: readonly { id: string; p: Point }[],
): string | null {
  const d = DIRECTION[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const vx = c.p.x - from.x;
    const vy = c.p.y - from.y;
    const dist = Math.hypot(vx, vy);
    if (dist < 1e-6) continue;
    const cos = (vx * d.x + vy * d.y) / dist;
    if (cos < 0.5) continue;
    const score = dist * (1 + 2 * (1 - cos));
    if (score < bestScore) {
      bestScore = score;
      best = c.id;
    }
  }
  return best;
}

/** Extent of a node's mark and the label under it around the node's centre: half-width, above, below. */
export interface NodeExtent {
  /** Half the width of the mark or the label, whichever is wider, and a margin. */
  hw: number;
  /** Reach above the centre and below it (the label included). */
  top: number;
  bottom: number;
}

/** The box a node and the label under it take up, around its centre. */
export function extent(n: LayoutNodeInput): NodeExtent {
  return {
    hw: Math.max(n.r, n.labelWidth / 2) + 3,
    top: n.r + 3,
    bottom: n.labelWidth > 0 ? n.r + 3 + (n.labelHeight ?? LABEL_FONT_PX + 3) : n.r + 3,
  };
}

/** The box around the given nodes' marks and labels. */
export function boundsOf(
  nodes: readonly { id: string; hw: number; top: number; bottom: number }[],
  positions: ReadonlyMap<string, Point>,
): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const p = positions.get(n.id);
    if (!p) continue;
    x0 = Math.min(x0, p.x - n.hw);
    y0 = Math.min(y0, p.y - n.top);
    x1 = Math.max(x1, p.x + n.hw);
    y1 = Math.max(y1, p.y + n.bottom);
  }
  return Number.isFinite(x0) ? { x0, y0, x1, y1 } : { x0: -1, y0: -1, x1: 1, y1: 1 };
}
