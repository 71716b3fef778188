import { describe, expect, it } from "vitest";
import { generateDataset, PROPORTIONS } from "@/bench/generateDataset";
import { validateDataset } from "@/lib/data";

describe("the benchmark dataset generator", () => {
  it("produces a dataset that passes the same validation as the bundled one", () => {
    const data = generateDataset({ events: 2000, seed: 7 });
    expect(() => validateDataset(data, "generated.json")).not.toThrow();
    expect(data.events).toHaveLength(2000);
    expect(data.stances).toHaveLength(2000 * PROPORTIONS.stances);
    expect(data.quotes).toHaveLength(2000 * PROPORTIONS.quotes);
    expect(data.actors).toHaveLength(2000 * PROPORTIONS.actors);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateDataset({ events: 300, seed: 1 })).toEqual(generateDataset({ events: 300, seed: 1 }));
    expect(generateDataset({ events: 300, seed: 1 })).not.toEqual(generateDataset({ events: 300, seed: 2 }));
  });
});
