// The graph's ego focus (`ego=1|2`) and the network's display on a phone. Expected values are written from
// data/escalations.json, read by hand: Russia's stances (from → to) are toward Bashar al-Assad and Syria
// (2015), Israel (Apr 2024), the United States (Jun 2025, three) and Iran (Jun 2025), and from Amir-Abdollahian
// (Apr 2024) and Araghchi (Jun 2025, two).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import { loadDataset } from "@/lib/data/loadDataset";
import { datasetLayout, focusLayout } from "@/lib/layout/network";
import { forcePlace } from "@/lib/layout/networkForces";
import { filterRecords } from "@/lib/select";
import { egoActors, egoStances, networkDisplay } from "@/lib/select/ego";
import { DEFAULT_VIEW, type ViewState } from "@/lib/view";

const data = loadDataset(path.resolve("data/escalations.json"));
const index = indexDataset(data);
const all = filterRecords(index, DEFAULT_VIEW).stances;
const in2025 = filterRecords(index, { ...DEFAULT_VIEW, years: { start: 2025, end: 2025 } }).stances;
const sorted = (s: Iterable<string>) => [...s].sort();

const RUSSIA_1 = [
  "abbas-araqchi",
  "bashar-al-assad",
  "hossein-amir-abdollahian",
  "iran",
  "israel",
  "russia",
  "syria",
  "united-states",
];

describe("egoActors", () => {
  it("Russia one step away over every stance: whom it took a stance toward and who toward it", () => {
    expect(sorted(egoActors(all, "russia", 1))).toEqual(RUSSIA_1);
  });

  it("Russia two steps away over every stance: also the neighbours of those eight", () => {
    expect(sorted(egoActors(all, "russia", 2))).toEqual([
      "abbas-araqchi",
      "afghanistan",
      "ali-bahadori-jahromi",
      "antony-blinken",
      "bashar-al-assad",
      "cuba",
      "dmitry-peskov",
      "france",
      "germany",
      "hamas",
      "hamas-representative-in-lebanon",
      "hossein-amir-abdollahian",
      "iran",
      "iranian-un-ambassador",
      "ismail-haniyeh",
      "israel",
      "jake-sullivan",
      "javad-zarif",
      "kremlin",
      "nasser-kanaani",
      "palestinian-resistance",
      "polygraph-info",
      "russia",
      "russian-foreign-ministry",
      "sergey-lavrov",
      "syria",
      "turkey",
      "united-kingdom",
      "united-states",
      "vladimir-putin",
    ]);
  });

  it("over years=2025 only the June 2025 stances count", () => {
    expect(sorted(egoActors(in2025, "russia", 1))).toEqual([
      "abbas-araqchi",
      "iran",
      "russia",
      "united-states",
    ]);
    expect(sorted(egoActors(in2025, "russia", 2))).toEqual([
      "abbas-araqchi",
      "dmitry-peskov",
      "iran",
      "kremlin",
      "russia",
      "russian-foreign-ministry",
      "united-states",
      "vladimir-putin",
    ]);
  });

  it("an actor in none of the stances is its own ego set", () => {
    expect(sorted(egoActors([], "russia", 2))).toEqual(["russia"]);
  });
});

describe("egoStances", () => {
  it("keeps the stances with both sides in the set (Russia, depth 1, in 2025)", () => {
    const set = egoActors(in2025, "russia", 1);
    expect(sorted(egoStances(in2025, set).map((s) => s.id))).toEqual([
      "araqchi-praises-russia-right-side-of-history",
      "araqchi-thanks-russia",
      "russia-calls-us-actions-destabilizing",
      "russia-condemns-us-actions-in-iran",
      "russia-pledges-diplomatic-support",
      "russia-warns-us-against-intervention",
    ]);
  });

  it("includes the stances between two neighbours (Russia, depth 1, every year)", () => {
    const ids = egoStances(all, egoActors(all, "russia", 1)).map((s) => s.id);
    expect(ids).toHaveLength(15);
    expect(ids).toContain("iran-supports-syrian-government");
    expect(ids).toContain("united-states-condemns-iran-attack-2024");
  });
});

describe("focusLayout", () => {
  it("keeps the positions, draws only the set and fits the bounds to it", () => {
    const layout = datasetLayout(index, "wide", forcePlace);
    const ids = new Set(RUSSIA_1);
    const focused = focusLayout(layout, ids);
    expect(focused.positions).toBe(layout.positions);
    expect(sorted(focused.marks.keys())).toEqual(RUSSIA_1);
    const b = focused.bounds;
    for (const id of RUSSIA_1) {
      const p = layout.positions.get(id)!;
      expect(p.x).toBeGreaterThan(b.x0);
      expect(p.x).toBeLessThan(b.x1);
      expect(p.y).toBeGreaterThan(b.y0);
      expect(p.y).toBeLessThan(b.y1);
    }
    expect((b.x1 - b.x0) * (b.y1 - b.y0)).toBeLessThan(
      (layout.bounds.x1 - layout.bounds.x0) * (layout.bounds.y1 - layout.bounds.y0),
    );
  });
});

describe("networkDisplay", () => {
  const russia: ViewState = { ...DEFAULT_VIEW, selection: { kind: "actor", id: "russia" } };
  it("wide: the graph, whole unless the URL asks for the ego focus of a selected actor", () => {
    expect(networkDisplay(DEFAULT_VIEW, false)).toMatchObject({
      form: "graph",
      ego: null,
      defaultForm: "graph",
    });
    expect(networkDisplay(russia, false)).toMatchObject({ form: "graph", ego: null, actor: "russia" });
    expect(networkDisplay({ ...russia, ego: 2 }, false)).toMatchObject({ form: "graph", ego: 2 });
    expect(networkDisplay({ ...DEFAULT_VIEW, ego: 2 }, false)).toMatchObject({ ego: null, actor: null });
    expect(networkDisplay({ ...russia, ego: 1, networkForm: "matrix" }, false)).toMatchObject({
      form: "matrix",
      ego: null,
    });
  });

  it("narrow with no form in the URL: the matrix, or the selected actor's neighbours one step away", () => {
    expect(networkDisplay(DEFAULT_VIEW, true)).toMatchObject({
      form: "matrix",
      ego: null,
      defaultForm: "matrix",
    });
    expect(networkDisplay(russia, true)).toMatchObject({ form: "graph", ego: 1, defaultForm: "graph" });
    expect(networkDisplay({ ...russia, ego: 2 }, true)).toMatchObject({ form: "graph", ego: 2 });
    const stance: ViewState = { ...DEFAULT_VIEW, selection: { kind: "stance", id: "araqchi-thanks-russia" } };
    expect(networkDisplay(stance, true)).toMatchObject({ form: "matrix", actor: null });
  });

  it("narrow with network=graph in the URL: the whole graph", () => {
    expect(networkDisplay({ ...DEFAULT_VIEW, networkForm: "graph" }, true)).toMatchObject({
      form: "graph",
      ego: null,
    });
    expect(networkDisplay({ ...russia, networkForm: "graph" }, true)).toMatchObject({
      form: "graph",
      ego: null,
    });
  });
});
