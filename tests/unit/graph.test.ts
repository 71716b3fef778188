import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import type { DatasetFile, Stance } from "@/lib/model";
import { filterRecords } from "@/lib/select";
import { buildGraph, GRAPH_OTHERS_ID } from "@/lib/select/graph";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";
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
    const merged = buildGraph(idx, idx.data.stances, { maxStrands: 3 });
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

    const strands = buildGraph(idx, idx.data.stances, { maxStrands: 5 });
    const separate = strands.edges.filter((e) => e.from === "turkey");
    expect(separate).toHaveLength(5);
    expect(new Set(separate.map((e) => e.lane)).size).toBe(5);
  });

  it("with maxStrands 0 every (from, to, type) group is one edge; different types stay apart", () => {
    const graph = buildGraph(index, index.data.stances, { maxStrands: 0 });
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
    const a = buildGraph(idx, idx.data.stances);
    const b = buildGraph(idx, [...idx.data.stances].reverse());
    const lanes = (g: typeof a) => new Map(g.edges.map((e) => [e.id, e.lane]));
    expect(lanes(b)).toEqual(lanes(a));
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
