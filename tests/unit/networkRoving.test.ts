import { describe, expect, it } from "vitest";
import {
  ROVING_KEYS,
  rovingOrder,
  rovingTabStop,
  rovingTarget,
  type Point,
  type RovingGraph,
} from "@/lib/layout/network";
import { buildGraph, GRAPH_OTHERS_ID, type GraphNode } from "@/lib/select/graph";
import { miniIndex } from "./helpers";

// tests/fixtures/mini.json draws four actors: Iran and Lavrov take part in two stances each (Lavrov → Iran,
// twice), Turkey and the US in one (Turkey → US). Keyboard order: most stances first, then by label, so
// Iran, Lavrov, Turkey, US.
const { data, index } = miniIndex();
const graph = buildGraph(index, data.stances);

// Placed by hand on a square: Iran top left, Lavrov top right, Turkey bottom left, the US bottom right.
const SQUARE = new Map<string, Point>([
  ["iran", { x: 0, y: 0 }],
  ["sergey-lavrov", { x: 100, y: 0 }],
  ["turkey", { x: 0, y: 100 }],
  ["united-states", { x: 100, y: 100 }],
]);
const at = (id: string) => SQUARE.get(id);

describe("roving keyboard focus over the network", () => {
  it("maps the arrows, Home and End, and nothing else", () => {
    expect(ROVING_KEYS.ArrowLeft).toBe("left");
    expect(ROVING_KEYS.ArrowRight).toBe("right");
    expect(ROVING_KEYS.ArrowUp).toBe("up");
    expect(ROVING_KEYS.ArrowDown).toBe("down");
    expect(ROVING_KEYS.Home).toBe("first");
    expect(ROVING_KEYS.End).toBe("last");
    expect(ROVING_KEYS.Enter).toBeUndefined();
    expect(ROVING_KEYS.Tab).toBeUndefined();
  });

  it("orders the actors as the keyboard reaches them", () => {
    expect(rovingOrder(graph)).toEqual(["iran", "sergey-lavrov", "turkey", "united-states"]);
  });

  it("an arrow goes to the linked actor that way", () => {
    expect(rovingTarget(graph, "iran", "right", at)).toBe("sergey-lavrov");
    expect(rovingTarget(graph, "sergey-lavrov", "left", at)).toBe("iran");
    expect(rovingTarget(graph, "turkey", "right", at)).toBe("united-states");
  });

  it("with no linked actor that way, an arrow goes to the nearest actor that way", () => {
    // Iran's only neighbour, Lavrov, lies to its right; below it lie Turkey (straight down) and the US.
    expect(rovingTarget(graph, "iran", "down", at)).toBe("turkey");
    expect(rovingTarget(graph, "united-states", "up", at)).toBe("sergey-lavrov");
  });

  it("an arrow with no actor that way goes nowhere", () => {
    expect(rovingTarget(graph, "iran", "up", at)).toBeNull();
    expect(rovingTarget(graph, "iran", "left", at)).toBeNull();
    expect(rovingTarget(graph, "united-states", "right", at)).toBeNull();
  });

  it("Home and End go to the first and last actor from anywhere", () => {
    for (const from of SQUARE.keys()) {
      expect(rovingTarget(graph, from, "first", at)).toBe("iran");
      expect(rovingTarget(graph, from, "last", at)).toBe("united-states");
    }
  });

  it("an actor that is not drawn on screen moves nowhere by arrow", () => {
    expect(rovingTarget(graph, "iran", "right", (id) => (id === "iran" ? undefined : at(id)))).toBeNull();
  });

  it("never lands on the grouped 'others' node, even when it is nearest or last", () => {
    const node = (id: string, count: number): GraphNode => ({
      id,
      label: id,
      name: id,
      kind: id === GRAPH_OTHERS_ID ? "others" : "state",
      count,
      members: 1,
    });
    const nodes = [node("a", 3), node("b", 2), node(GRAPH_OTHERS_ID, 1)];
    const small: RovingGraph = {
      nodes,
      nodeById: new Map(nodes.map((n) => [n.id, n])),
      neighbours: new Map([
        ["a", [GRAPH_OTHERS_ID, "b"]],
        ["b", ["a"]],
        [GRAPH_OTHERS_ID, ["a"]],
      ]),
    };
    const points = new Map<string, Point>([
      ["a", { x: 0, y: 0 }],
      [GRAPH_OTHERS_ID, { x: 10, y: 0 }],
      ["b", { x: 200, y: 0 }],
    ]);
    expect(rovingOrder(small)).toEqual(["a", "b"]);
    expect(rovingTarget(small, "a", "right", (id) => points.get(id))).toBe("b");
    expect(rovingTarget(small, "a", "last", (id) => points.get(id))).toBe("b");
    expect(rovingTabStop(small, GRAPH_OTHERS_ID, GRAPH_OTHERS_ID)).toBe("a");
  });
});

describe("rovingTabStop", () => {
  it("is the actor last reached while drawn, else the selected actor, else the first", () => {
    expect(rovingTabStop(graph, "turkey", "iran")).toBe("turkey");
    expect(rovingTabStop(graph, null, "united-states")).toBe("united-states");
    // Russia is not drawn (it takes part in no stance of the fixture).
    expect(rovingTabStop(graph, "russia", "turkey")).toBe("turkey");
    expect(rovingTabStop(graph, "russia", "russia")).toBe("iran");
    expect(rovingTabStop(graph, null, null)).toBe("iran");
  });

  it("is null when no actor is drawn", () => {
    const empty = buildGraph(index, []);
    expect(rovingTabStop(empty, null, null)).toBeNull();
  });
});
