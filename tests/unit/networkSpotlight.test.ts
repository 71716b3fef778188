import { describe, expect, it } from "vitest";
import { linkedEdgeIds, networkSpotlight, type Spotlight } from "@/lib/layout/network";
import { linkedTo } from "@/lib/select";
import { buildGraph } from "@/lib/select/graph";
import type { Selection } from "@/lib/view";
import { miniIndex } from "./helpers";

// tests/fixtures/mini.json draws three edges, one per stance: Turkey → US (condemn, 2020), and two from
// Lavrov to Iran (condole, 2020; support, 2024). Russia and its foreign ministry take part in no stance, so
// they are not drawn; Lavrov is affiliated to the ministry, the ministry to Russia.
const { data, index } = miniIndex();
const graph = buildGraph(index, data.stances);
const TURKEY_US = "turkey-condemns-us-2020";
const CONDOLE = "lavrov-condoles-iran-2020";
const SUPPORT = "russia-supports-iran-2024";

/** The spotlight for a hover and a selection, the linked records read from the index. */
function spotlight(node: string | null, edge: string | null, selection: Selection | null): Spotlight {
  const linked = linkedTo(index, selection);
  return networkSpotlight(graph, {
    node,
    edge,
    selection,
    linked,
    linkedEdges: linkedEdgeIds(graph, linked),
  });
}

const sorted = (s: ReadonlySet<string> | null) => (s ? [...s].sort() : null);

describe("networkSpotlight", () => {
  it("dims nothing when nothing is hovered, keyboard-focused or selected", () => {
    expect(spotlight(null, null, null)).toEqual({ nodes: null, edges: null });
  });

  it("lights a hovered actor, its neighbours and its edges", () => {
    const iran = spotlight("iran", null, null);
    expect(sorted(iran.nodes)).toEqual(["iran", "sergey-lavrov"]);
    expect(sorted(iran.edges)).toEqual([CONDOLE, SUPPORT]);
    const turkey = spotlight("turkey", null, null);
    expect(sorted(turkey.nodes)).toEqual(["turkey", "united-states"]);
    expect(sorted(turkey.edges)).toEqual([TURKEY_US]);
  });

  it("lights a hovered edge and its two actors", () => {
    const s = spotlight(null, TURKEY_US, null);
    expect(sorted(s.nodes)).toEqual(["turkey", "united-states"]);
    expect(sorted(s.edges)).toEqual([TURKEY_US]);
  });

  it("puts the actor before the edge, and both before the selection", () => {
    const s = spotlight("iran", TURKEY_US, { kind: "actor", id: "turkey" });
    expect(sorted(s.nodes)).toEqual(["iran", "sergey-lavrov"]);
    expect(sorted(s.edges)).toEqual([CONDOLE, SUPPORT]);
    const e = spotlight(null, TURKEY_US, { kind: "actor", id: "russia" });
    expect(sorted(e.edges)).toEqual([TURKEY_US]);
  });

  it("ignores an actor that is not drawn and an edge that is not drawn", () => {
    // Russia takes part in no stance of the fixture: hovering it in a stale event falls through.
    expect(spotlight("russia", null, null)).toEqual({ nodes: null, edges: null });
    expect(spotlight(null, "no-such-edge", null)).toEqual({ nodes: null, edges: null });
    expect(sorted(spotlight("russia", TURKEY_US, null).edges)).toEqual([TURKEY_US]);
  });

  it("lights what a selected actor links to: its camp, their stances, and the other side", () => {
    // Russia's camp is Russia, its foreign ministry and Lavrov; Lavrov's two stances reach Iran.
    const s = spotlight(null, null, { kind: "actor", id: "russia" });
    expect(sorted(s.nodes)).toEqual(["iran", "russia", "russian-foreign-ministry", "sergey-lavrov"]);
    expect(sorted(s.edges)).toEqual([CONDOLE, SUPPORT]);
  });

  it("lights a selected stance's edge, its two actors and its event's actors", () => {
    // The US strike that killed Soleimani (the stance's event) has the US as actor and Iran as target.
    const s = spotlight(null, null, { kind: "stance", id: TURKEY_US });
    expect(sorted(s.nodes)).toEqual(["iran", "turkey", "united-states"]);
    expect(sorted(s.edges)).toEqual([TURKEY_US]);
  });

  it("lights a selected event's actors, stances and speakers", () => {
    // The 2024 phone call: Lavrov and Amir-Abdollahian, the support stance toward Iran, and both quoted.
    const s = spotlight(null, null, { kind: "event", id: "lavrov-call-2024" });
    expect(sorted(s.nodes)).toEqual(["hossein-amir-abdollahian", "iran", "sergey-lavrov"]);
    expect(sorted(s.edges)).toEqual([SUPPORT]);
  });
});

describe("linkedEdgeIds", () => {
  it("is empty without a selection, and holds the edges drawing a linked stance with one", () => {
    expect(linkedEdgeIds(graph, linkedTo(index, null)).size).toBe(0);
    expect(sorted(linkedEdgeIds(graph, linkedTo(index, { kind: "actor", id: "iran" })))).toEqual([
      CONDOLE,
      SUPPORT,
    ]);
  });
});
