import { forceLink, forceSimulation, forceX, forceY } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import { boundsOf, extent, type Box, type NodeExtent, type Point } from "./networkGeometry";

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

/** One node handed to the force layout. */
export interface LayoutNodeInput {
  /** Actor id (or the grouped node's). */
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
  /** Ids of the two nodes it ties. */
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
  /** Centre of every node, in layout units. */
  positions: ReadonlyMap<string, Point>;
  /** The box around every node's mark and label. */
  bounds: Box;
}

/** A node as the simulation moves it, with the extent it keeps clear. */
interface SimNode extends SimulationNodeDatum, NodeExtent {
  id: string;
}

/**
 * Collision between boxes (a mark and the label under it), for d3-force: overlapping pairs are pushed apart
 * along the axis that overlaps least. Labels are wide and short, so boxes pack far tighter than d3's
 * circles of the label's half-width would. Pairwise, which is fine for the few dozen nodes a layout holds
 * (the dataset layout caps them); ties are broken with the simulation's seeded random source.
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
 * Many-body repulsion summed over every pair, with d3's `forceManyBody` formula at θ = 0. For the few dozen
 * nodes of a layout (the dataset layout caps them) this is several times faster than building a Barnes–Hut
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

// By hand on d3-force: visx has no layout for a network (@visx/network only draws nodes where it is told).
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

/** {@link forceLayout} as a dataset layout's way of placing nodes (`PlaceNodes` of `networkDataset`). */
export const forcePlace = (
  nodes: readonly LayoutNodeInput[],
  links: readonly LayoutLinkInput[],
  options: ForceLayoutOptions,
): ReadonlyMap<string, Point> => forceLayout(nodes, links, options).positions;
