import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexDataset, type DatasetIndex } from "@/lib/data";
import { lcg } from "@/lib/layout/networkForces";
import type { Actor, DatasetFile, Stance } from "@/lib/model";
import { filterRecords } from "@/lib/select";
import {
  buildGraph,
  computeDatasetGraph,
  datasetGraph,
  filterGraph,
  GRAPH_OTHERS_ID,
  type DatasetGraph,
  type DatasetGraphOptions,
  type Graph,
  type GraphEdge,
} from "@/lib/select/graph";
import { DEFAULT_VIEW, STANCE_TYPES, type ViewState } from "@/lib/view";
import { miniIndex } from "./helpers";

const { data, index } = miniIndex();
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });
const template = data.stances[0]!;

/** The mini fixture plus extra stances (copies of its first one with new ends, types and dates). */
function withStances(extra: Partial<Stance>[]) {
  const stances = [
    ...data.stances,
    ...extra.map((s, i) => ({ ...template, id: `extra-${i}`, ...s }) as Stance),
  ];
  return indexDataset({ ...data, stances } as DatasetFile);
}

/** The graph of every stance of a dataset, built with the given options. */
const wholeGraph = (idx: DatasetIndex, options: DatasetGraphOptions = {}) =>
  filterGraph(computeDatasetGraph(idx, idx.data.stances, options), idx.data.stances);

describe("buildGraph over the mini fixture", () => {
  const graph = buildGraph(index, index.data.stances);

  it("has a node for every actor that takes part in a stance, sized by its stance count", () => {
    expect(graph.nodes.map((n) => [n.id, n.count])).toEqual([
      ["iran", 2],
      ["sergey-lavrov", 2],
      ["turkey", 1],
      ["united-states", 1],
    ]);
    // Russia takes part in no stance of the fixture (Lavrov speaks for it): no node.
    expect(graph.nodeById.has("russia")).toBe(false);
  });

  it("labels nodes with the short name and keeps the kind for the shape", () => {
    expect(graph.nodeById.get("sergey-lavrov")).toMatchObject({ label: "Lavrov", kind: "person" });
    expect(graph.nodeById.get("united-states")).toMatchObject({ label: "US", name: "United States" });
  });

  it("draws one directed, typed edge per stance; two types between one pair take separate lanes", () => {
    expect(graph.edges).toHaveLength(3);
    const lavrov = graph.edges.filter((e) => e.from === "sergey-lavrov" && e.to === "iran");
    expect(lavrov.map((e) => [e.type, e.lane])).toEqual([
      ["support", -0.5],
      ["condole", 0.5],
    ]);
    const turkey = graph.edges.find((e) => e.from === "turkey");
    expect(turkey).toMatchObject({ to: "united-states", type: "condemn", lane: 0 });
    expect(turkey?.stanceIds).toEqual(["turkey-condemns-us-2020"]);
  });

  it("records neighbours both ways and the edge of every stance", () => {
    expect(graph.neighbours.get("iran")).toEqual(["sergey-lavrov"]);
    expect(graph.neighbours.get("united-states")).toEqual(["turkey"]);
    for (const s of index.data.stances) expect(graph.edgeOfStance.get(s.id)?.stanceIds).toContain(s.id);
    expect(graph.undrawn).toEqual([]);
  });
});

describe("merging and lanes", () => {
  it("merges stances of one type from one actor to another beyond maxStrands, with a count, oldest first", () => {
    const idx = withStances([
      { date: "2020-01-09" },
      { date: "2020-01-05" },
      { date: "2020-01-06" },
      { date: "2020-01-07" },
    ]);
    const merged = wholeGraph(idx, { maxStrands: 3 });
    const edges = merged.edges.filter((e) => e.from === "turkey");
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ id: "turkey>united-states>condemn", type: "condemn", lane: 0 });
    expect(edges[0]!.stanceIds).toEqual([
      "turkey-condemns-us-2020",
      "extra-1",
      "extra-2",
      "extra-3",
      "extra-0",
    ]);
    expect(merged.nodeById.get("turkey")?.count).toBe(5);

    const strands = wholeGraph(idx, { maxStrands: 5 });
    const separate = strands.edges.filter((e) => e.from === "turkey");
    expect(separate).toHaveLength(5);
    expect(new Set(separate.map((e) => e.lane)).size).toBe(5);
  });

  it("with maxStrands 0 every (from, to, type) group is one edge; different types stay apart", () => {
    const graph = wholeGraph(index, { maxStrands: 0 });
    expect(graph.edges.map((e) => e.id).sort()).toEqual([
      "sergey-lavrov>iran>condole",
      "sergey-lavrov>iran>support",
      "turkey>united-states>condemn",
    ]);
  });

  it("stances in opposite directions between one pair bow to opposite sides", () => {
    const idx = withStances([{ from: "united-states", to: "turkey", type: "criticize" }]);
    const graph = buildGraph(idx, idx.data.stances);
    const pair = graph.edges.filter((e) => [e.from, e.to].sort().join() === "turkey,united-states");
    expect(pair.map((e) => e.lane).sort()).toEqual([-0.5, 0.5]);
    expect(new Set(pair.map((e) => `${e.from}>${e.to}`)).size).toBe(2);
  });

  it("lanes do not depend on the order of the input", () => {
    const idx = withStances([
      { from: "united-states", to: "turkey", type: "criticize" },
      { type: "warn", date: "2020-02-01" },
    ]);
    const a = computeDatasetGraph(idx, idx.data.stances);
    const b = computeDatasetGraph(idx, [...idx.data.stances].reverse());
    const lanes = (g: { edges: readonly GraphEdge[] }) => new Map(g.edges.map((e) => [e.id, e.lane]));
    expect(lanes(b)).toEqual(lanes(a));
    // Nor does a filtered graph depend on the order its stances come in.
    expect(lanes(buildGraph(idx, [...idx.data.stances].reverse()))).toEqual(lanes(a));
  });

  it("merges strands when strands of 3 would give the dataset more edges than can be drawn", () => {
    const idx = withStances([{ date: "2020-01-09" }, { date: "2020-01-05" }]);
    expect(computeDatasetGraph(idx, idx.data.stances).edges.filter((e) => e.from === "turkey")).toHaveLength(
      3,
    );
    // 160 pairs of stances, one pair per (from, to, type): 320 strands, more than MAX_DRAWN_EDGES.
    const pairs = Array.from({ length: 160 }, (_, i) => ({ from: `a${i}`, to: "iran" }));
    const many = withStances(pairs.flatMap((s) => [s, s]));
    const edges = computeDatasetGraph(many, many.data.stances).edges.filter((e) => e.to === "iran");
    expect(edges.filter((e) => e.from.startsWith("a"))).toHaveLength(160);
    expect(edges.every((e) => e.stanceIds.length === 2 || !e.from.startsWith("a"))).toBe(true);
  });
});

describe("filters and grouping", () => {
  it("draws exactly the stances that pass the filters, and only the actors taking part in them", () => {
    const visible = filterRecords(index, view({ stances: ["condemn"] }));
    const graph = buildGraph(index, visible.stances);
    expect(graph.edges.every((e) => e.type === "condemn")).toBe(true);
    expect(graph.edges.flatMap((e) => e.stanceIds).sort()).toEqual(visible.stances.map((s) => s.id).sort());
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(["turkey", "united-states"]);
  });

  it("an empty selection gives an empty graph", () => {
    const graph = buildGraph(index, []);
    expect(graph.nodes).toEqual([]);
    expect(graph.edges).toEqual([]);
  });

  it("actors outside `keep` share one 'others' node; stances inside it are counted, not drawn", () => {
    const idx = withStances([{ from: "iran", to: "united-states" }]);
    const graph = buildGraph(idx, idx.data.stances, { keep: new Set(["sergey-lavrov", "turkey"]) });
    const others = graph.nodeById.get(GRAPH_OTHERS_ID);
    expect(others).toMatchObject({ kind: "others", members: 2, count: 4 });
    expect(graph.undrawn).toEqual(["extra-0"]);
    expect(graph.edges.every((e) => e.from !== e.to)).toBe(true);
    expect(graph.edges.flatMap((e) => e.stanceIds)).toHaveLength(idx.data.stances.length - 1);
  });
});

describe("a filtered graph is the dataset graph narrowed", () => {
  const idx = withStances([
    { from: "united-states", to: "turkey", type: "criticize", date: "2020-01-10" },
    { date: "2020-01-05" },
    { date: "2020-01-06" },
    { date: "2020-01-07" },
  ]);
  const base = datasetGraph(idx);
  const without = (...ids: string[]) => idx.data.stances.filter((s) => !ids.includes(s.id));

  it("keeps every remaining edge's id, lane and lane count, so its drawn shape never changes", () => {
    // Turkey → US condemn (4 stances, merged) and US → Turkey criticize share the pair on two lanes.
    const merged = base.edges.find((e) => e.id === "turkey>united-states>condemn")!;
    expect(merged).toMatchObject({ lane: -0.5, lanes: 2 });
    const graph = buildGraph(idx, without("extra-0", "extra-1", "extra-2", "extra-3"));
    expect(graph.edges.map((e) => e.id)).toEqual(
      base.edges.map((e) => e.id).filter((id) => id !== "extra-0"),
    );
    for (const e of graph.edges) {
      const whole = base.edges.find((b) => b.id === e.id)!;
      expect([e.from, e.to, e.type, e.lane, e.lanes]).toEqual([
        whole.from,
        whole.to,
        whole.type,
        whole.lane,
        whole.lanes,
      ]);
    }
    // Alone on its pair with one stance left, the merged edge keeps its id and its bowed lane: it does not
    // straighten into a lone strand.
    expect(graph.edges.find((e) => e.id === merged.id)).toMatchObject({
      lane: -0.5,
      stanceIds: ["turkey-condemns-us-2020"],
    });
  });

  it("narrows each edge to its shown stances, oldest first, and counts nodes over the shown stances", () => {
    const graph = buildGraph(idx, without("extra-2"));
    expect(graph.edgeOfStance.get("extra-1")?.stanceIds).toEqual([
      "turkey-condemns-us-2020",
      "extra-1",
      "extra-3",
    ]);
    expect(graph.edgeOfStance.has("extra-2")).toBe(false);
    expect(graph.nodeById.get("turkey")?.count).toBe(base.nodes.find((n) => n.id === "turkey")!.count - 1);
    expect(graph.capped).toEqual({ edges: 0, stances: 0 });
  });

  it("hands back the dataset's own edge objects when all their stances are shown", () => {
    const graph = buildGraph(idx, idx.data.stances);
    graph.edges.forEach((e, i) => expect(e).toBe(base.edges[i]));
  });
});

describe("the cap on drawn edges", () => {
  // Turkey → US condemn ×3, Iran → Israel criticize ×2, Lavrov → Iran condole ×1 and support ×1.
  const idx = withStances([
    { date: "2020-01-05" },
    { date: "2020-01-06" },
    { from: "iran", to: "israel", type: "criticize" },
    { from: "iran", to: "israel", type: "criticize" },
  ]);
  const base = computeDatasetGraph(idx, idx.data.stances, { maxStrands: 0 });

  it("draws the edges with the most shown stances and reports how many edges and stances it left out", () => {
    const graph = filterGraph(base, idx.data.stances, { maxEdges: 2 });
    expect(graph.edges.map((e) => e.id).sort()).toEqual([
      "iran>israel>criticize",
      "turkey>united-states>condemn",
    ]);
    expect(graph.capped).toEqual({ edges: 2, stances: 2 });
    // Left-out edges still answer for their stances; neighbours and nodes follow the drawn edges and counts.
    expect(graph.edgeOfStance.get("lavrov-condoles-iran-2020")?.id).toBe("sergey-lavrov>iran>condole");
    expect(graph.neighbours.get("sergey-lavrov")).toBeUndefined();
    expect(graph.nodeById.get("sergey-lavrov")?.count).toBe(2);
  });

  it("ranks by shown stances, breaking ties by stances in the dataset, then by the dataset's order", () => {
    // Two Turkey stances hidden: every edge but Iran → Israel (2) has one shown stance; of the three tied,
    // Turkey → US has the most stances in the dataset.
    const shown = idx.data.stances.filter((s) => s.id !== "extra-0" && s.id !== "extra-1");
    const two = filterGraph(base, shown, { maxEdges: 2 });
    expect(two.edges.map((e) => e.id).sort()).toEqual([
      "iran>israel>criticize",
      "turkey>united-states>condemn",
    ]);
    expect(two.capped).toEqual({ edges: 2, stances: 2 });
    // Condole and support tie in the dataset too: the earlier edge of the dataset graph wins.
    const three = filterGraph(base, shown, { maxEdges: 3 });
    const lavrov = base.edges.filter((e) => e.from === "sergey-lavrov").map((e) => e.id);
    expect(three.edges.map((e) => e.id)).toContain(lavrov[0]);
    expect(three.edges.map((e) => e.id)).not.toContain(lavrov[1]);
    // Drawn edges keep the dataset graph's order, whatever their rank.
    const order = base.edges.map((e) => e.id);
    const drawn = three.edges.map((e) => order.indexOf(e.id));
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
  });
});

/** A dataset of `actors` states and random stances between them, with its unfiltered graph. */
function randomDataset(seed: number, actors: number, stances: number) {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const ids = Array.from({ length: actors }, (_, i) => `actor-${i}`);
  const file = {
    ...data,
    actors: ids.map((id) => ({ id, name: id, kind: "state" }) as Actor),
    stances: Array.from({ length: stances }, (_, i) => ({
      ...template,
      id: `s${i}`,
      // Skewed toward the first actors so that some (from, to, type) groups merge and others stay strands.
      from: ids[Math.floor(random() * random() * actors)]!,
      to: pick(ids),
      type: pick(STANCE_TYPES.slice(0, 3)),
      date: `20${10 + Math.floor(random() * 10)}-01-01`,
    })),
  } as DatasetFile;
  return indexDataset(file);
}

/**
 * The graph of `shown` recomputed the plain way, from the dataset graph's edges: each edge's shown stances by
 * looking every id up, nodes counted stance by stance, the "others" members gathered in a set.
 */
function recompute(base: DatasetGraph, shown: readonly Stance[], keep: ReadonlySet<string> | null) {
  const ids = new Set(shown.map((s) => s.id));
  const nodeOf = (a: string) => (keep === null || keep.has(a) ? a : GRAPH_OTHERS_ID);
  const counts = new Map<string, number>();
  const members = new Set<string>();
  for (const s of shown) {
    for (const end of new Set([nodeOf(s.from), nodeOf(s.to)])) counts.set(end, (counts.get(end) ?? 0) + 1);
    for (const a of [s.from, s.to]) if (nodeOf(a) === GRAPH_OTHERS_ID) members.add(a);
  }
  return {
    edges: base.edges
      .map((e) => ({ id: e.id, lane: e.lane, stanceIds: e.stanceIds.filter((id) => ids.has(id)) }))
      .filter((e) => e.stanceIds.length > 0),
    counts: Object.fromEntries(counts),
    members: members.size,
    undrawn: shown.filter((s) => nodeOf(s.from) === nodeOf(s.to)).map((s) => s.id),
  };
}

const summary = (graph: Graph) => ({
  edges: graph.edges.map((e) => ({ id: e.id, lane: e.lane, stanceIds: e.stanceIds })),
  counts: Object.fromEntries(graph.nodes.map((n) => [n.id, n.count])),
  members: graph.nodeById.get(GRAPH_OTHERS_ID)?.members ?? 0,
  undrawn: graph.undrawn,
});

describe("filterGraph equals a straightforward recomputation", () => {
  const idx = randomDataset(7, 30, 400);
  const keep = new Set(idx.data.actors.slice(0, 12).map((a) => a.id));
  const base = computeDatasetGraph(idx, idx.data.stances, { keep });

  it("for any subset of the stances, given in dataset order", () => {
    // The fixture holds merged edges and strands, grouped actors, and stances that cannot be drawn.
    expect(base.edges.some((e) => e.stanceIds.length > 3)).toBe(true);
    expect(base.edges.some((e) => e.stanceIds.length === 1)).toBe(true);
    expect(base.grouped).toBeGreaterThan(0);
    expect(base.edgeAt.includes(-1)).toBe(true);
    fc.assert(
      fc.property(fc.subarray([...idx.data.stances]), (shown) => {
        expect(summary(filterGraph(base, shown, { maxEdges: Infinity }))).toEqual(
          recompute(base, shown, keep),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("for stances in another order or as copies (looked up by id)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...idx.data.stances]), (shown) => {
        const copies = shown.map((s) => ({ ...s }));
        const expected = recompute(base, shown, keep);
        const got = summary(filterGraph(base, copies, { maxEdges: Infinity }));
        // Undrawn stances come in the order given; everything else in the dataset's.
        expect({ ...got, undrawn: [...got.undrawn].sort() }).toEqual({
          ...expected,
          undrawn: [...expected.undrawn].sort(),
        });
      }),
      { numRuns: 40 },
    );
  });
});
