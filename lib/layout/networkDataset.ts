import type { DatasetIndex } from "../data/indexDataset";
import type { Stance } from "../model/schema";
import { byCountThenLabel, GRAPH_OTHERS_ID, othersLabel } from "../select/graph";
import { actorShortName } from "../select/wording";
import { LABEL_FONT_PX, labelWidth } from "./labels";
import type { ForceLayoutOptions, LayoutLinkInput, LayoutNodeInput, NetworkLayout } from "./networkForces";
import { boundsOf, extent, type Box, type Point } from "./networkGeometry";

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

/**
 * What places a dataset's nodes: the seeded force layout (`forceLayout` of `networkForces`, which the server
 * and a browser that opened a dataset itself load), or positions the server computed with it and sent along
 * (`placedAt`), so the page ships no force simulation for a dataset that came with its layout.
 */
export type PlaceNodes = (
  nodes: readonly LayoutNodeInput[],
  links: readonly LayoutLinkInput[],
  options: Pick<ForceLayoutOptions, "seed" | "gravity">,
) => ReadonlyMap<string, Point>;

const layoutCache: Record<LayoutShape, WeakMap<DatasetIndex, DatasetNetworkLayout>> = {
  wide: new WeakMap(),
  narrow: new WeakMap(),
};

/** One shape of a dataset's layout as it travels to the browser: rows of numbers and ids, no maps. */
export interface SentLayout {
  /** `[id, x, y]` per node laid out, the never-drawn anchors included. */
  positions: readonly (readonly [string, number, number])[];
  /** The actors laid out one by one, in the layout's order. */
  placed: readonly string[];
  /** `[id, radius, label width]` per mark, in the layout's order. */
  marks: readonly (readonly [string, number, number])[];
  bounds: Box;
  othersId: string | null;
  fontPx: number;
}

/** Both shapes of a dataset's layout, in the form they travel in. */
export type SentLayouts = Record<LayoutShape, SentLayout>;

/** Both shapes of a dataset's layout (as `datasetLayout` lays them out with `place`), to send to a browser. */
export function sentLayouts(index: DatasetIndex, place: PlaceNodes): SentLayouts {
  const sent = (shape: LayoutShape): SentLayout => {
    const { positions, placed, marks, bounds, othersId, fontPx } = datasetLayout(index, shape, place);
    return {
      positions: [...positions].map(([id, p]) => [id, p.x, p.y] as const),
      placed: [...placed],
      marks: [...marks].map(([id, m]) => [id, m.r, m.labelWidth] as const),
      bounds,
      othersId,
      fontPx,
    };
  };
  return { wide: sent("wide"), narrow: sent("narrow") };
}

/** How a page places each shape of its dataset's layout. */
export type NodePlacer = (shape: LayoutShape) => PlaceNodes;

/** Places nodes where {@link sentLayouts} said; a node it does not know sits at the origin. */
export function placedAt(sent: SentLayouts): NodePlacer {
  const maps = {
    wide: new Map(sent.wide.positions.map(([id, x, y]) => [id, { x, y }])),
    narrow: new Map(sent.narrow.positions.map(([id, x, y]) => [id, { x, y }])),
  };
  return (shape) => (nodes) => new Map(nodes.map((n) => [n.id, maps[shape].get(n.id) ?? { x: 0, y: 0 }]));
}

/**
 * Takes the layouts the server sent with the page as the dataset's own, for `index` (which must be of the
 * dataset they were made from): {@link datasetLayout} then returns them instead of working them out again
 * over every stance (0.1 s of the first render at 100,000 events).
 */
export function adoptSentLayouts(index: DatasetIndex, sent: SentLayouts): void {
  for (const shape of ["wide", "narrow"] as const) {
    if (layoutCache[shape].has(index)) continue;
    const { positions, placed, marks, bounds, othersId, fontPx } = sent[shape];
    layoutCache[shape].set(index, {
      positions: new Map(positions.map(([id, x, y]) => [id, { x, y }])),
      placed: new Set(placed),
      marks: new Map(marks.map(([id, r, labelWidth]) => [id, { r, labelWidth }])),
      bounds,
      othersId,
      fontPx,
    });
  }
}

/**
 * The network layout of a whole dataset: every actor that takes part in any stance (the top
 * {@link MAX_NETWORK_NODES} by stance count, the rest grouped as "others"), with each actor tied to the one
 * it speaks for (Lavrov → ministry → Russia). Computed once per dataset index and shape, and memoised, outside
 * any filter, so a filtered view draws a subset at the same positions. `place` must place a dataset's nodes
 * the same way every time it is called for that index and shape.
 */
export function datasetLayout(
  index: DatasetIndex,
  shape: LayoutShape,
  place: PlaceNodes,
): DatasetNetworkLayout {
  const cache = layoutCache[shape];
  let layout = cache.get(index);
  if (!layout) {
    layout = computeDatasetLayout(index, index.data.stances, { shape, place });
    cache.set(index, layout);
  }
  return layout;
}

/** {@link datasetLayout} over a given set of stances, uncached (the unit tests call it directly). */
export function computeDatasetLayout(
  index: DatasetIndex,
  stances: readonly Stance[],
  { seed = 1, shape = "wide", place }: { seed?: number; shape?: LayoutShape; place: PlaceNodes },
): DatasetNetworkLayout {
  const font = LAYOUT_FONT_PX[shape];
  const counts = new Map<string, number>();
  for (const s of stances) {
    counts.set(s.from, (counts.get(s.from) ?? 0) + 1);
    if (s.to !== s.from) counts.set(s.to, (counts.get(s.to) ?? 0) + 1);
  }
  const ranked = topByCount(counts, MAX_NETWORK_NODES);
  const placed = new Set(ranked.map(([id]) => id));
  const othersId = counts.size > MAX_NETWORK_NODES ? GRAPH_OTHERS_ID : null;
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
    const label = actorShortName(index, id);
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
    const label = othersLabel(counts.size - placed.size);
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

  const positions = place(nodes, [...weights.values()], { seed, gravity: GRAVITY[shape] });
  // The anchors that take no part in any stance shaped the layout but are never drawn: leave them out of
  // the bounds so the drawing fits the marks it actually shows.
  const bounds = boundsOf(
    drawn.map((n) => ({ id: n.id, ...extent(n) })),
    positions,
  );
  const marks = new Map(drawn.map((n) => [n.id, { r: n.r, labelWidth: n.labelWidth }]));
  return { positions, bounds, placed, marks, othersId, fontPx: font };
}

/**
 * The layout narrowed to some of its marks (an ego focus): the same positions, so no node moves, with only
 * those marks drawn and labelled and the bounds around them, so the drawing fits them.
 */
export function focusLayout(layout: DatasetNetworkLayout, ids: ReadonlySet<string>): DatasetNetworkLayout {
  const marks = new Map([...layout.marks].filter(([id]) => ids.has(id)));
  const bounds: Box = boundsOf(
    [...marks].map(([id, m]) => ({ id, ...extent({ id, ...m, labelHeight: layout.fontPx + 3 }) })),
    layout.positions,
  );
  return { ...layout, marks, bounds };
}

/**
 * The `k` entries with the highest counts, ties by id, in that order: one pass keeping a sorted list of k,
 * where sorting all of a large dataset's 140,000 actors to keep 80 cost its first render a tenth of a second.
 */
export function topByCount(counts: ReadonlyMap<string, number>, k: number): [string, number][] {
  const before = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const top: [string, number][] = [];
  for (const entry of counts) {
    if (top.length === k && (k === 0 || before(entry, top[k - 1]!) >= 0)) continue;
    let i = top.length;
    top.push(entry);
    for (; i > 0 && before(entry, top[i - 1]!) < 0; i--) top[i] = top[i - 1]!;
    top[i] = entry;
    if (top.length > k) top.pop();
  }
  return top;
}
