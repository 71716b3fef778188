import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import type { Actor, DatasetFile, Stance } from "@/lib/model";
import {
  computeDatasetLayout,
  edgeGeometry,
  LANE_PX,
  datasetLayout,
  fitHeight,
  fitTransform,
  labelBox,
  labelWidth,
  laneBow,
  MAX_FAN_PX,
  MAX_NETWORK_NODES,
  NODE_RADIUS,
  nodeInDirection,
  nodeRadius,
  placeLabels,
  placedAt,
  sentLayouts,
  toScreen,
  adoptSentLayouts,
  type DatasetNetworkLayout,
  type LabelInput,
  type PlaceNodes,
} from "@/lib/layout/network";
import { forceLayout, forcePlace, lcg } from "@/lib/layout/networkForces";
import { filterRecords } from "@/lib/select";
import { buildGraph, GRAPH_OTHERS_ID } from "@/lib/select/graph";
import { DEFAULT_VIEW } from "@/lib/view";
import { miniIndex } from "./helpers";

const { data, index } = miniIndex();
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** `n` actors a0 … a(n-1), each with one stance towards the next (the mini dataset's first stance, renamed). */
const chainOf = (n: number) => ({
  actors: Array.from({ length: n }, (_, i): Actor => ({ id: `a${i}`, name: `Actor ${i}`, kind: "state" })),
  stances: Array.from({ length: n - 1 }, (_, i): Stance => ({
    ...data.stances[0]!,
    id: `s${i}`,
    from: `a${i}`,
    to: `a${i + 1}`,
  })),
});

describe("lcg", () => {
  it("is a seeded sequence in [0, 1): same seed, same numbers", () => {
    const a = lcg(7);
    const b = lcg(7);
    const xs = Array.from({ length: 50 }, a);
    expect(Array.from({ length: 50 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 50 }, lcg(8))).not.toEqual(xs);
  });

  it("uses d3-force's constants (its first value from seed 1)", () => {
    expect(lcg(1)()).toBe((1664525 + 1013904223) / 4294967296);
  });
});

describe("forceLayout", () => {
  const nodes = ["a", "b", "c", "d", "e"].map((id) => ({ id, r: 10, labelWidth: 40 }));
  const links = [
    { source: "a", target: "b", weight: 1 },
    { source: "b", target: "c", weight: 2 },
    { source: "d", target: "e", weight: 1 },
  ];

  it("is deterministic: the same seed gives identical positions, another seed others", () => {
    const one = forceLayout(nodes, links, { seed: 3 });
    const two = forceLayout(nodes, links, { seed: 3 });
    expect([...two.positions]).toEqual([...one.positions]);
    expect(two.bounds).toEqual(one.bounds);
    const other = forceLayout(nodes, links, { seed: 4 });
    expect([...other.positions]).not.toEqual([...one.positions]);
  });

  it("does not depend on the order of its input", () => {
    const one = forceLayout(nodes, links, { seed: 3 });
    const reversed = forceLayout([...nodes].reverse(), [...links].reverse(), { seed: 3 });
    expect(new Map(reversed.positions)).toEqual(new Map(one.positions));
  });

  it("keeps marks apart (collision radius) and pulls an anchored node close to its anchor", () => {
    const layout = forceLayout([...nodes, { id: "f", r: 10, labelWidth: 40, anchor: "a" }], links, {
      seed: 1,
    });
    const p = (id: string) => layout.positions.get(id)!;
    for (const a of "abcdef")
      for (const b of "abcdef") if (a < b) expect(dist(p(a), p(b))).toBeGreaterThan(36);
    const nearestToF = [..."abcde"].sort((x, y) => dist(p(x), p("f")) - dist(p(y), p("f")))[0];
    expect(nearestToF).toBe("a");
  });
});

describe("datasetLayout", () => {
  it("lays out every actor that takes part in a stance, once per dataset index", () => {
    const layout = datasetLayout(index, "wide", forcePlace);
    expect(datasetLayout(index, "wide", forcePlace)).toBe(layout);
    for (const s of index.data.stances) {
      expect(layout.positions.has(s.from)).toBe(true);
      expect(layout.positions.has(s.to)).toBe(true);
    }
    expect(layout.othersId).toBeNull();
    // Marks are sized on the dataset's counts: Iran and Lavrov take part in 2 stances (the most), the US 1.
    expect(layout.marks.get("iran")?.r).toBe(NODE_RADIUS.max);
    expect(layout.marks.get("sergey-lavrov")?.r).toBe(NODE_RADIUS.max);
    expect(layout.marks.get("united-states")?.r).toBe(NODE_RADIUS.min);
  });

  it("sizes every mark from the whole dataset, so no filter resizes a node", () => {
    const layout = datasetLayout(index, "wide", forcePlace);
    const all = buildGraph(index, index.data.stances, { keep: layout.placed });
    const top = Math.max(...all.nodes.map((n) => n.count));
    expect([...layout.marks.keys()]).toEqual(all.nodes.map((n) => n.id));
    for (const n of all.nodes) expect(layout.marks.get(n.id)?.r).toBe(nodeRadius(n.count, top));
    // Filtered, Iran takes part in one shown stance, yet the drawing reads its size from the layout alone.
    const visible = filterRecords(index, { ...DEFAULT_VIEW, years: { start: 2024, end: 2024 } });
    const filtered = buildGraph(index, visible.stances, { keep: layout.placed });
    expect(filtered.nodeById.get("iran")?.count).toBe(1);
    expect(layout.marks.get("iran")?.r).toBe(NODE_RADIUS.max);
  });

  it("is identical when computed again (a fresh index of the same data: server and client)", () => {
    const again = computeDatasetLayout(indexDataset(structuredClone(data)), data.stances, {
      place: forcePlace,
    });
    expect(new Map(again.positions)).toEqual(new Map(datasetLayout(index, "wide", forcePlace).positions));
  });

  it("is stable under filtering: nodes of a filtered graph sit exactly where they sit unfiltered", () => {
    const layout = datasetLayout(index, "wide", forcePlace);
    const at = (g: ReturnType<typeof buildGraph>) =>
      new Map(g.nodes.map((n) => [n.id, layout.positions.get(n.id)]));
    const all = at(buildGraph(index, index.data.stances, { keep: layout.placed }));
    for (const patch of [
      { stances: ["condemn" as const] },
      { episode: "april-2024" },
      { actors: ["iran"] },
    ]) {
      const visible = filterRecords(index, { ...DEFAULT_VIEW, ...patch });
      const filtered = at(buildGraph(index, visible.stances, { keep: layout.placed }));
      expect(filtered.size).toBeGreaterThan(0);
      expect(filtered.size).toBeLessThan(all.size);
      for (const [id, p] of filtered) expect(p).toEqual(all.get(id));
    }
  });

  it("has a taller variant for narrow boxes, just as deterministic, with room for its smaller labels", () => {
    const wide = datasetLayout(index, "wide", forcePlace);
    const narrow = datasetLayout(index, "narrow", forcePlace);
    expect(datasetLayout(index, "narrow", forcePlace)).toBe(narrow);
    const aspect = (b: typeof wide.bounds) => (b.y1 - b.y0) / (b.x1 - b.x0);
    expect(aspect(narrow.bounds)).toBeGreaterThan(aspect(wide.bounds));
    expect(narrow.fontPx).toBeLessThan(wide.fontPx);
    const again = computeDatasetLayout(index, index.data.stances, { shape: "narrow", place: forcePlace });
    expect(new Map(again.positions)).toEqual(new Map(narrow.positions));
  });

  it("places a person near the state they speak for (Lavrov near Russia, through the ministry)", () => {
    const layout = datasetLayout(index, "wide", forcePlace);
    const p = (id: string) => layout.positions.get(id)!;
    const others = ["iran", "turkey", "united-states"];
    expect(Math.min(...others.map((o) => dist(p("sergey-lavrov"), p(o))))).toBeGreaterThan(
      dist(p("sergey-lavrov"), p("russia")),
    );
  });

  it("caps the actors laid out one by one and groups the rest as 'others'", () => {
    const n = MAX_NETWORK_NODES + 20;
    const { actors, stances } = chainOf(n);
    // a0 gets extra stances so the ranking is not a tie all along.
    stances.push({ ...data.stances[0]!, id: "extra", from: "a0", to: "a5" });
    const big = indexDataset({ ...data, actors, stances } as DatasetFile);
    const layout = computeDatasetLayout(big, stances, { place: forcePlace });
    expect(layout.placed.size).toBe(MAX_NETWORK_NODES);
    expect(layout.placed.has("a0")).toBe(true);
    expect(layout.othersId).toBe(GRAPH_OTHERS_ID);
    expect(layout.positions.has(GRAPH_OTHERS_ID)).toBe(true);
    // The "others" mark is drawn (and its label gets room) with every grouped actor in its label.
    expect(layout.marks.size).toBe(MAX_NETWORK_NODES + 1);
    expect(layout.marks.get(GRAPH_OTHERS_ID)?.labelWidth).toBe(
      labelWidth(`Others (${n - MAX_NETWORK_NODES})`),
    );
    const graph = buildGraph(big, stances, { keep: layout.placed });
    expect(graph.nodes).toHaveLength(MAX_NETWORK_NODES + 1);
    expect(graph.nodeById.get(GRAPH_OTHERS_ID)?.members).toBe(n - MAX_NETWORK_NODES);
  });
});

describe("a layout sent with the page", () => {
  /** A layout as plain values, maps and sets in their order, for comparing two of them whole. */
  const plain = (l: DatasetNetworkLayout) => ({
    positions: [...l.positions],
    placed: [...l.placed],
    marks: [...l.marks],
    bounds: l.bounds,
    othersId: l.othersId,
    fontPx: l.fontPx,
  });
  /** A placer that fails the test if the browser lays the nodes out again. */
  const refuse: PlaceNodes = () => {
    throw new Error("laid out again");
  };

  it("draws every shape exactly as the force layout does, from the positions alone", () => {
    const sent = placedAt(JSON.parse(JSON.stringify(sentLayouts(index, forcePlace))));
    for (const shape of ["wide", "narrow"] as const) {
      const forced = computeDatasetLayout(index, index.data.stances, { shape, place: forcePlace });
      const fromSent = computeDatasetLayout(indexDataset(structuredClone(data)), data.stances, {
        shape,
        place: sent(shape),
      });
      expect(new Map(fromSent.positions)).toEqual(new Map(forced.positions));
      expect(fromSent.bounds).toEqual(forced.bounds);
      expect(fromSent.placed).toEqual(forced.placed);
    }
  });

  it("is taken whole by the browser's index of the same dataset: nothing is laid out again", () => {
    const sent = JSON.parse(JSON.stringify(sentLayouts(index, forcePlace)));
    const browser = indexDataset(structuredClone(data));
    adoptSentLayouts(browser, sent);
    for (const shape of ["wide", "narrow"] as const) {
      const forced = computeDatasetLayout(index, index.data.stances, { shape, place: forcePlace });
      expect(plain(datasetLayout(browser, shape, refuse))).toEqual(plain(forced));
    }
    // Another index of the dataset (a dataset opened from a file) still works its layout out.
    expect(() => datasetLayout(indexDataset(structuredClone(data)), "wide", refuse)).toThrow(
      "laid out again",
    );
  });

  it("carries the 'others' node of a dataset with more actors than are laid out one by one", () => {
    const { actors, stances } = chainOf(MAX_NETWORK_NODES + 5);
    const big = { ...data, actors, stances } as DatasetFile;
    const sent = JSON.parse(JSON.stringify(sentLayouts(indexDataset(big), forcePlace)));
    expect(sent.wide.othersId).toBe(GRAPH_OTHERS_ID);
    expect(sent.wide.placed).toHaveLength(MAX_NETWORK_NODES);
    const browser = indexDataset(structuredClone(big));
    adoptSentLayouts(browser, sent);
    const forced = computeDatasetLayout(indexDataset(big), stances, { shape: "narrow", place: forcePlace });
    expect(plain(datasetLayout(browser, "narrow", refuse))).toEqual(plain(forced));
  });

  it("is sent as rows of numbers: an actor of the mini dataset at the force layout's position", () => {
    const rows = sentLayouts(index, forcePlace);
    const russia = rows.wide.positions.find(([id]) => id === "russia");
    expect(russia).toEqual(["russia", forceAt("russia").x, forceAt("russia").y]);
    expect(rows.narrow.positions.map(([id]) => id).sort()).toEqual(
      rows.wide.positions.map(([id]) => id).sort(),
    );
    // Every actor of the mini dataset that takes part in a stance is laid out and drawn (it has fewer than the cap).
    const inStances = new Set(data.stances.flatMap((s) => [s.from, s.to]));
    expect(new Set(rows.wide.placed)).toEqual(inStances);
    expect(rows.wide.othersId).toBeNull();
  });
});

const forceAt = (id: string) =>
  computeDatasetLayout(index, index.data.stances, { place: forcePlace }).positions.get(id)!;

describe("fitting, labels and keyboard moves", () => {
  it("fits the bounds inside the box, with the margin", () => {
    const bounds = { x0: -300, y0: -100, x1: 500, y1: 300 };
    const t = fitTransform(bounds, 400, 300, 10);
    for (const corner of [
      { x: bounds.x0, y: bounds.y0 },
      { x: bounds.x1, y: bounds.y1 },
    ]) {
      const s = toScreen(t, corner);
      expect(s.x).toBeGreaterThanOrEqual(9.99);
      expect(s.x).toBeLessThanOrEqual(390.01);
      expect(s.y).toBeGreaterThanOrEqual(9.99);
      expect(s.y).toBeLessThanOrEqual(290.01);
    }
    expect(fitTransform({ x0: 0, y0: 0, x1: 10, y1: 10 }, 400, 300).scale).toBe(1.5);
  });

  it("keeps a band at the top clear (the zoom buttons' corner): nothing is drawn above it", () => {
    // A tall drawing: without the band its top edge would sit at the margin, y = 10.
    const bounds = { x0: 0, y0: 0, x1: 100, y1: 400 };
    const t = fitTransform(bounds, 400, 300, 10, 1.5, 40);
    expect(toScreen(t, { x: 0, y: bounds.y0 }).y).toBeCloseTo(50, 6);
    expect(toScreen(t, { x: 0, y: bounds.y1 }).y).toBeCloseTo(290, 6);
    // The height a box asks for grows by the band, so the drawing keeps its scale.
    expect(fitHeight(bounds, 400, { pad: 10, top: 40, max: 2000 })).toBe(
      fitHeight(bounds, 400, { pad: 10, max: 2000 }) + 40,
    );
  });

  it("places labels so that none overlaps another label or a mark, or leaves the view", () => {
    const labels: LabelInput[] = [
      { id: "a", x: 100, y: 100, r: 10, width: 60, height: 14 },
      { id: "b", x: 100, y: 128, r: 10, width: 60, height: 14 },
      { id: "c", x: 390, y: 100, r: 10, width: 60, height: 14 },
      { id: "d", x: 200, y: 295, r: 4, width: 420, height: 14 },
    ];
    const sides = placeLabels(labels, { width: 400, height: 300 });
    // Below "a" lies the mark of "b": the label moves to the right.
    expect(sides.get("a")).toBe("right");
    expect(sides.get("b")).toBe("below");
    expect(sides.get("c")).toBe("left");
    expect(sides.get("d")).toBeNull();
    const boxes = labels.filter((l) => sides.get(l.id)).map((l) => labelBox(l, sides.get(l.id)!));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
  });

  it("an arrow key picks the nearest node in its direction, or none", () => {
    const c = [
      { id: "east", p: { x: 100, y: 5 } },
      { id: "far-east", p: { x: 300, y: 0 } },
      { id: "north", p: { x: 0, y: -50 } },
    ];
    expect(nodeInDirection({ x: 0, y: 0 }, "right", c)).toBe("east");
    expect(nodeInDirection({ x: 0, y: 0 }, "up", c)).toBe("north");
    expect(nodeInDirection({ x: 0, y: 0 }, "down", c)).toBeNull();
  });
});

describe("edgeGeometry", () => {
  it("draws a lone edge straight, trimmed to the marks", () => {
    const g = edgeGeometry({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 10, 0);
    expect(g.d).toBe("M11,0L88,0");
  });

  it("bends edges on opposite lanes to opposite sides, whichever way each runs", () => {
    const s = { x: 0, y: 0 };
    const t = { x: 100, y: 0 };
    // A→B on lane −½ and B→A on lane +½: measured against the canonical direction A→B.
    const ab = edgeGeometry(s, t, 10, 10, -0.5 * LANE_PX, true);
    const ba = edgeGeometry(t, s, 10, 10, 0.5 * LANE_PX, false);
    expect(Math.sign(ab.mid.y)).toBe(-Math.sign(ba.mid.y));
    expect(Math.abs(ab.mid.y - ba.mid.y)).toBeGreaterThan(LANE_PX * 0.9);
    // The same lane in both directions lands on the same side: no overlap needs the sign convention.
    const ba2 = edgeGeometry(t, s, 10, 10, -0.5 * LANE_PX, false);
    expect(ba2.mid.y).toBeCloseTo(ab.mid.y, 5);
  });

  it("spaces a pair's lanes LANE_PX apart, closing them up so a fan never spreads past MAX_FAN_PX", () => {
    expect(laneBow(0, 1)).toBe(0);
    expect(laneBow(0.5, 2) - laneBow(-0.5, 2)).toBe(LANE_PX);
    expect(laneBow(3, 7) - laneBow(-3, 7)).toBe(MAX_FAN_PX);
    expect(laneBow(12.5, 26) - laneBow(-12.5, 26)).toBeCloseTo(MAX_FAN_PX, 9);
    expect(laneBow(0.5, 26) - laneBow(-0.5, 26)).toBeLessThan(LANE_PX);
  });
});
