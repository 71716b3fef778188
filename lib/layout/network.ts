import { forceLink, forceSimulation, forceX, forceY } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import type { DatasetIndex } from "../data/indexDataset";
import type { Stance } from "../model/schema";
import { byCountThenLabel, GRAPH_OTHERS_ID, othersLabel } from "../select/graph";

/**
 * A linear congruential generator with d3-force's own constants (`src/lcg.js`, not exported by the
 * package): the same seed gives the same sequence in every engine, so server and client lay out alike.
 */
export function lcg(seed = 1): () => number {
  const a = 1664525;
  const c = 1013904223;
  const m = 4294967296;
  let s = seed >>> 0;
  return () => (s = (a * s + c) % m) / m;
}

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

/** One node handed to the force layout. */
export interface LayoutNodeInput {
  id: string;
  /** The actor this one speaks for; people are pulled close to it so a camp reads as one group. */
  anchor?: string;
  /** Radius of the node's mark, in layout units (CSS pixels at scale 1). */
  r: number;
  /** Width of the label drawn under the mark; 0 for a node drawn without one. */
  labelWidth: number;
  /** Height of that label (its font size and a little leading). */
  labelHeight?: number;
}

/** A weighted undirected tie between two nodes (the stances between them, either way). */
export interface LayoutLinkInput {
  source: string;
  target: string;
  /** How many stances tie the two; heavier ties sit a little closer. */
  weight: number;
}

/** Options of {@link forceLayout}. */
export interface ForceLayoutOptions {
  /** Seed of the random source: same seed, same positions. */
  seed?: number;
  /** Simulation steps run synchronously (no timer, no animation). */
  ticks?: number;
  /**
   * Pull toward the centre, horizontally and vertically: a stronger horizontal pull gives a taller layout
   * (for narrow boxes), a stronger vertical one a wider layout.
   */
  gravity?: { x: number; y: number };
}

/** Where every node sits, and the box they fill. */
export interface NetworkLayout {
  positions: ReadonlyMap<string, Point>;
  bounds: Box;
}

/** Font size of node labels, in CSS pixels (the narrow layout uses one pixel less). */
export const LABEL_FONT_PX = 12;

interface SimNode extends SimulationNodeDatum {
  id: string;
  /** Extent of the mark and its label around the node's centre: half-width, above, below. */
  hw: number;
  top: number;
  bottom: number;
}

/** The box a node and the label under it take up, around its centre. */
function extent(n: LayoutNodeInput): Pick<SimNode, "hw" | "top" | "bottom"> {
  return {
    hw: Math.max(n.r, n.labelWidth / 2) + 3,
    top: n.r + 3,
    bottom: n.labelWidth > 0 ? n.r + 3 + (n.labelHeight ?? LABEL_FONT_PX + 3) : n.r + 3,
  };
}

/**
 * Collision between boxes (a mark and the label under it), for d3-force: overlapping pairs are pushed apart
 * along the axis that overlaps least. Labels are wide and short, so boxes pack far tighter than d3's
 * circles of the label's half-width would. Pairwise, which is fine for the {@link MAX_NETWORK_NODES} nodes a
 * layout holds; ties are broken with the simulation's seeded random source.
 */
function forceBoxCollide(strength = 0.8) {
  let nodes: SimNode[] = [];
  let random: () => number = () => 0.5;
  const force = () => {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        const ax = a.x! + a.vx!;
        const ay = a.y! + a.vy!;
        const bx = b.x! + b.vx!;
        const by = b.y! + b.vy!;
        const ox = a.hw + b.hw - Math.abs(bx - ax);
        if (ox <= 0) continue;
        const oy = Math.min(ay + a.bottom, by + b.bottom) - Math.max(ay - a.top, by - b.top);
        if (oy <= 0) continue;
        if (ox < oy) {
          const dir = bx - ax || random() - 0.5;
          const push = (ox / 2) * strength * Math.sign(dir);
          a.vx! -= push;
          b.vx! += push;
        } else {
          const dir = by + (b.bottom - b.top) / 2 - (ay + (a.bottom - a.top) / 2) || random() - 0.5;
          const push = (oy / 2) * strength * Math.sign(dir);
          a.vy! -= push;
          b.vy! += push;
        }
      }
    }
  };
  force.initialize = (n: SimNode[], r: () => number) => {
    nodes = n;
    random = r;
  };
  return force;
}

/**
 * Many-body repulsion summed over every pair, with d3's `forceManyBody` formula at θ = 0. For the at most
 * {@link MAX_NETWORK_NODES} nodes of a layout this is several times faster than building a Barnes–Hut
 * quadtree on every tick, and it is exact.
 */
function forcePairCharge(strength: number, distanceMax: number) {
  let nodes: SimNode[] = [];
  let random: () => number = () => 0.5;
  const max2 = distanceMax * distanceMax;
  const force = (alpha: number) => {
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        let dx = b.x! - a.x!;
        let dy = b.y! - a.y!;
        if (dx === 0) dx = (random() - 0.5) * 1e-6;
        if (dy === 0) dy = (random() - 0.5) * 1e-6;
        let l = dx * dx + dy * dy;
        if (l >= max2) continue;
        if (l < 1) l = Math.sqrt(l);
        const w = (strength * alpha) / l;
        a.vx! += dx * w;
        a.vy! += dy * w;
        b.vx! -= dx * w;
        b.vy! -= dy * w;
      }
    }
  };
  force.initialize = (n: SimNode[], r: () => number) => {
    nodes = n;
    random = r;
  };
  return force;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * A seeded, deterministic force layout: `forceSimulation(nodes).randomSource(lcg(seed)).stop()`, then a fixed
 * number of ticks. Nodes start from seeded positions (not d3's phyllotaxis, which calls Math.cos/sin) so the
 * result depends only on +, −, ×, ÷ and √, which every engine computes alike; positions are rounded so the
 * server-rendered SVG and the client's agree to the character.
 */
export function forceLayout(
  nodes: readonly LayoutNodeInput[],
  links: readonly LayoutLinkInput[],
  { seed = 1, ticks = 200, gravity = { x: 0.05, y: 0.08 } }: ForceLayoutOptions = {},
): NetworkLayout {
  // Sort by id so the layout does not depend on the order records happen to appear in the file.
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = lcg(seed ^ 0x5eed);
  const spread = 40 * Math.sqrt(sorted.length + 1);
  const sim: SimNode[] = sorted.map((n) => ({
    id: n.id,
    ...extent(n),
    x: (start() - 0.5) * spread,
    y: (start() - 0.5) * spread,
  }));
  const ids = new Set(sim.map((n) => n.id));
  type Tie = SimulationLinkDatum<SimNode> & {
    source: string;
    target: string;
    weight: number;
    anchor: boolean;
  };
  const ties: Tie[] = [];
  for (const l of links)
    if (ids.has(l.source) && ids.has(l.target) && l.source !== l.target)
      ties.push({ source: l.source, target: l.target, weight: l.weight, anchor: false });
  for (const n of sorted)
    if (n.anchor && ids.has(n.anchor) && n.anchor !== n.id)
      ties.push({ source: n.id, target: n.anchor, weight: 1, anchor: true });
  // forceLink applies its ties one after another, so their order matters too.
  const tieKey = (t: Tie) => `${t.anchor ? 1 : 0}\u0000${t.source}\u0000${t.target}`;
  ties.sort((a, b) => (tieKey(a) < tieKey(b) ? -1 : tieKey(a) > tieKey(b) ? 1 : 0));

  const simulation = forceSimulation<SimNode>(sim)
    .randomSource(lcg(seed))
    // Cool from 1 to d3's alphaMin in exactly `ticks` steps, however many that is.
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .stop()
    .force(
      "link",
      forceLink<SimNode, Tie>(ties)
        .id((d) => d.id)
        .distance((l) => {
          const s = l.source as unknown as SimNode;
          const t = l.target as unknown as SimNode;
          const gap = (s.hw + t.hw) * 0.7;
          return l.anchor ? gap + 4 : gap + 50 / Math.sqrt(l.weight);
        })
        .strength((l) => (l.anchor ? 0.8 : 0.2)),
    )
    .force("charge", forcePairCharge(-180, 400))
    .force("collide", forceBoxCollide())
    // A weak pull to the centre keeps unconnected groups (Turkey and the US in 2020) near the rest.
    .force("x", forceX<SimNode>(0).strength(gravity.x))
    .force("y", forceY<SimNode>(0).strength(gravity.y));
  simulation.tick(ticks);

  const positions = new Map<string, Point>();
  for (const n of sim) positions.set(n.id, { x: round(n.x ?? 0), y: round(n.y ?? 0) });
  return { positions, bounds: boundsOf(sim, positions) };
}

/** The box around the given nodes' marks and labels. */
function boundsOf(
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

/** Most actors the network lays out one by one; the rest share one "others" node (100k-event datasets). */
export const MAX_NETWORK_NODES = 80;
/** Smallest and largest node radius, in CSS pixels. */
export const NODE_RADIUS = { min: 6, max: 17 } as const;

/** Node radius for an actor taking part in `count` stances, on a square-root scale up to `maxCount`. */
export function nodeRadius(count: number, maxCount: number): number {
  if (maxCount <= 1 || count <= 1) return NODE_RADIUS.min;
  const t = Math.sqrt((Math.min(count, maxCount) - 1) / (maxCount - 1));
  return NODE_RADIUS.min + (NODE_RADIUS.max - NODE_RADIUS.min) * t;
}

/**
 * Estimated width of a label in CSS pixels. Text cannot be measured on the server, and the layout must be
 * the same on both sides, so this is a per-character estimate for the system UI font, rounded up.
 */
export function labelWidth(label: string, fontPx = LABEL_FONT_PX): number {
  let units = 0;
  for (const ch of label) units += /[A-Z]/.test(ch) ? 0.68 : /[il.,' -]/.test(ch) ? 0.3 : 0.56;
  return Math.ceil(units * fontPx) + 4;
}

/** The label drawn for an actor: its short name where it has one. */
export function actorLabel(index: DatasetIndex, id: string): string {
  const a = index.actorById.get(id);
  return a ? (a.shortName ?? a.name) : id;
}

/** A node the layout draws: the size of its mark and of its label, which no filter changes. */
export interface LayoutMark {
  /** Radius of the mark, from the stances the actor takes part in over the whole dataset. */
  r: number;
  /** Width of its label at the layout's font size (the "others" label with every grouped actor). */
  labelWidth: number;
}

/**
 * The one layout of a dataset, shared by every filtered view so that filtering never moves or resizes a node
 * (or, since edges are trimmed to the marks, reshapes an edge).
 */
export interface DatasetNetworkLayout extends NetworkLayout {
  /** Actors laid out one by one; every other actor is drawn as part of the "others" node. */
  placed: ReadonlySet<string>;
  /**
   * The marks of the placed actors and of the "others" node, most stances over the dataset first, then by
   * label: the order in which their labels claim room.
   */
  marks: ReadonlyMap<string, LayoutMark>;
  /** Id of the "others" node when some actors were grouped, else null. */
  othersId: string | null;
  /** Font size of the labels the layout left room for. */
  fontPx: number;
}

/** Which box a layout is made for: wider than tall (desktop) or taller than wide (phone). */
export type LayoutShape = "wide" | "narrow";

/** Font size of the labels a layout leaves room for, and draws. */
export const LAYOUT_FONT_PX: Record<LayoutShape, number> = { wide: LABEL_FONT_PX, narrow: LABEL_FONT_PX - 1 };

const GRAVITY: Record<LayoutShape, { x: number; y: number }> = {
  wide: { x: 0.05, y: 0.08 },
  narrow: { x: 0.25, y: 0.03 },
};

const layoutCache: Record<LayoutShape, WeakMap<DatasetIndex, DatasetNetworkLayout>> = {
  wide: new WeakMap(),
  narrow: new WeakMap(),
};

/**
 * The network layout of a whole dataset: every actor that takes part in any stance (the top
 * {@link MAX_NETWORK_NODES} by stance count, the rest grouped as "others"), with each actor tied to the one
 * it speaks for (Lavrov → ministry → Russia). Computed once per dataset index and shape, and memoised, outside
 * any filter, so a filtered view draws a subset at the same positions.
 */
export function datasetLayout(index: DatasetIndex, shape: LayoutShape = "wide"): DatasetNetworkLayout {
  const cache = layoutCache[shape];
  let layout = cache.get(index);
  if (!layout) {
    layout = computeDatasetLayout(index, index.data.stances, { shape });
    cache.set(index, layout);
  }
  return layout;
}

/** {@link datasetLayout} over a given set of stances, uncached (the unit tests call it directly). */
export function computeDatasetLayout(
  index: DatasetIndex,
  stances: readonly Stance[],
  { seed = 1, shape = "wide" }: { seed?: number; shape?: LayoutShape } = {},
): DatasetNetworkLayout {
  const font = LAYOUT_FONT_PX[shape];
  const counts = new Map<string, number>();
  for (const s of stances) {
    counts.set(s.from, (counts.get(s.from) ?? 0) + 1);
    if (s.to !== s.from) counts.set(s.to, (counts.get(s.to) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const placed = new Set(ranked.slice(0, MAX_NETWORK_NODES).map(([id]) => id));
  const othersId = ranked.length > MAX_NETWORK_NODES ? GRAPH_OTHERS_ID : null;
  const maxCount = ranked[0]?.[1] ?? 1;

  // Ties between laid-out nodes, and how many stances the "others" node takes part in.
  const weights = new Map<string, LayoutLinkInput>();
  let othersCount = 0;
  for (const s of stances) {
    const a = placed.has(s.from) ? s.from : othersId;
    const b = placed.has(s.to) ? s.to : othersId;
    if (a === othersId || b === othersId) othersCount++;
    if (!a || !b || a === b) continue;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const tie = weights.get(key);
    if (tie) tie.weight++;
    else weights.set(key, { source: a < b ? a : b, target: a < b ? b : a, weight: 1 });
  }

  // Anchors: an actor's nearest affiliation that is laid out, else the next one up the chain. Affiliations
  // that take no part in any stance are laid out too (never drawn) so people of one camp still cluster.
  const anchorOf = (id: string): string | undefined => {
    let next = index.actorById.get(id)?.affiliation;
    for (let depth = 0; next && depth < 8; depth++) {
      if (placed.has(next)) return next;
      next = index.actorById.get(next)?.affiliation;
    }
    const camp = index.campOf.get(id);
    return camp && camp !== id ? camp : undefined;
  };
  const drawn: (LayoutNodeInput & { label: string; count: number })[] = [];
  const hidden = new Set<string>();
  for (const id of placed) {
    const anchor = anchorOf(id);
    if (anchor && !placed.has(anchor)) hidden.add(anchor);
    const count = counts.get(id) ?? 1;
    const label = actorLabel(index, id);
    drawn.push({
      id,
      anchor,
      r: nodeRadius(count, maxCount),
      labelWidth: labelWidth(label, font),
      labelHeight: font + 3,
      label,
      count,
    });
  }
  if (othersId) {
    const label = othersLabel(ranked.length - placed.size);
    drawn.push({
      id: othersId,
      r: NODE_RADIUS.max,
      labelWidth: labelWidth(label, font),
      labelHeight: font + 3,
      label,
      count: othersCount,
    });
  }
  // The order of the graph's nodes (count, then label), so the default view labels the marks it did before.
  drawn.sort(byCountThenLabel);
  const nodes: LayoutNodeInput[] = [...drawn];
  for (const id of hidden) nodes.push({ id, r: NODE_RADIUS.min, labelWidth: 0 });

  const layout = forceLayout(nodes, [...weights.values()], { seed, gravity: GRAVITY[shape] });
  // The anchors that take no part in any stance shaped the layout but are never drawn: leave them out of
  // the bounds so the drawing fits the marks it actually shows.
  const bounds = boundsOf(
    drawn.map((n) => ({ id: n.id, ...extent(n) })),
    layout.positions,
  );
  const marks = new Map(drawn.map((n) => [n.id, { r: n.r, labelWidth: n.labelWidth }]));
  return { positions: layout.positions, bounds, placed, marks, othersId, fontPx: font };
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
 * `maxScale` (a handful of actors should not be blown up to fill the box).
 */
export function fitTransform(
  bounds: Box,
  width: number,
  height: number,
  pad = 12,
  maxScale = 1.5,
): ViewTransform {
  const bw = Math.max(1, bounds.x1 - bounds.x0);
  const bh = Math.max(1, bounds.y1 - bounds.y0);
  const scale = Math.min(
    maxScale,
    Math.max(0.05, (width - 2 * pad) / bw),
    Math.max(0.05, (height - 2 * pad) / bh),
  );
  return {
    scale,
    cx: (bounds.x0 + bounds.x1) / 2,
    cy: (bounds.y0 + bounds.y1) / 2,
    ox: width / 2,
    oy: height / 2,
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
  }: { pad?: number; maxScale?: number; min?: number; max?: number } = {},
): number {
  const bw = Math.max(1, bounds.x1 - bounds.x0);
  const bh = Math.max(1, bounds.y1 - bounds.y0);
  const scale = Math.min(maxScale, (width - 2 * pad) / bw);
  return Math.round(Math.min(max, Math.max(min, bh * scale + 2 * pad)));
}

/** A layout point on screen. */
export function toScreen(t: ViewTransform, p: Point): Point {
  return { x: (p.x - t.cx) * t.scale + t.ox, y: (p.y - t.cy) * t.scale + t.oy };
}

/** Where a label sits relative to its mark; null = no room (shown on hover or focus only). */
export type LabelSide =
  "below" | "above" | "right" | "left" | "below-right" | "below-left" | "above-right" | "above-left";

/** One label to place: its mark's centre and radius on screen, and the label's size. */
export interface LabelInput {
  id: string;
  x: number;
  y: number;
  r: number;
  width: number;
  height: number;
}

/** Sides tried in order: under the mark reads best, then beside it, then above, then the corners. */
const SIDES: readonly LabelSide[] = [
  "below",
  "right",
  "left",
  "above",
  "below-right",
  "below-left",
  "above-right",
  "above-left",
];

/** The box a label occupies on a side of its mark. */
export function labelBox(l: LabelInput, side: LabelSide): Box {
  const gap = 2;
  const { x, y, r, width: w, height: h } = l;
  const d = r * 0.7 + gap;
  switch (side) {
    case "below":
      return { x0: x - w / 2, x1: x + w / 2, y0: y + r + gap, y1: y + r + gap + h };
    case "above":
      return { x0: x - w / 2, x1: x + w / 2, y0: y - r - gap - h, y1: y - r - gap };
    case "right":
      return { x0: x + r + gap + 1, x1: x + r + gap + 1 + w, y0: y - h / 2, y1: y + h / 2 };
    case "left":
      return { x0: x - r - gap - 1 - w, x1: x - r - gap - 1, y0: y - h / 2, y1: y + h / 2 };
    case "below-right":
      return { x0: x + d, x1: x + d + w, y0: y + d, y1: y + d + h };
    case "below-left":
      return { x0: x - d - w, x1: x - d, y0: y + d, y1: y + d + h };
    case "above-right":
      return { x0: x + d, x1: x + d + w, y0: y - d - h, y1: y - d };
    case "above-left":
      return { x0: x - d - w, x1: x - d, y0: y - d - h, y1: y - d };
  }
}

// A pixel of slack: glyphs rarely fill their estimated box to the edge.
const overlaps = (a: Box, b: Box) => a.x0 + 1 < b.x1 && b.x0 + 1 < a.x1 && a.y0 + 1 < b.y1 && b.y0 + 1 < a.y1;

/**
 * Greedy label placement on screen: labels in the given order (most important first) take the first side of
 * their mark (below, right, left, above, then the corners) that overlaps no mark, no placed label and stays
 * inside the view.
 * Quadratic in the number of labels, which {@link MAX_NETWORK_NODES} bounds.
 */
export function placeLabels(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
): Map<string, LabelSide | null> {
  const marks: Box[] = labels.map((l) => ({ x0: l.x - l.r, y0: l.y - l.r, x1: l.x + l.r, y1: l.y + l.r }));
  const placed: Box[] = [];
  const out = new Map<string, LabelSide | null>();
  labels.forEach((l, i) => {
    let chosen: LabelSide | null = null;
    for (const side of SIDES) {
      const box = labelBox(l, side);
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > view.width || box.y1 > view.height) continue;
      if (marks.some((m, j) => j !== i && overlaps(box, m))) continue;
      if (placed.some((p) => overlaps(box, p))) continue;
      chosen = side;
      placed.push(box);
      break;
    }
    out.set(l.id, chosen);
  });
  return out;
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
    };
  return {
    d: `M${fmt(a.x)},${fmt(a.y)}Q${fmt(c.x)},${fmt(c.y)} ${fmt(b.x)},${fmt(b.y)}`,
    mid: { x: 0.25 * a.x + 0.5 * c.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * c.y + 0.25 * b.y },
  };
}
