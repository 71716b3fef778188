import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { staticImports } from "./helpers";

const ROOT = resolve(__dirname, "../..");

describe("what the browser's first load imports", () => {
  it("reaches the views but not d3-force: a page gets the network's positions, or loads the layout later", () => {
    const { seen, packages } = staticImports(join(ROOT, "components/Dashboard.tsx"));
    // The walk does reach the network and its layout (so the check below is not vacuous)…
    expect([...seen].some((f) => f.endsWith("lib/layout/networkDataset.ts"))).toBe(true);
    expect(packages.has("d3-time")).toBe(true);
    // …but not the force simulation, which only the server and a fetched dataset's dynamic import load.
    expect([...packages].filter((p) => p.startsWith("d3-force"))).toEqual([]);
    expect([...seen].filter((f) => f.endsWith("lib/layout/networkForces.ts"))).toEqual([]);
  });
});

describe("what the page at / imports", () => {
  it("reaches the dashboard over a dataset served by DuckDB only through a lazy import: not in the first load", () => {
    const { seen } = staticImports(join(ROOT, "app/page.tsx"));
    // The walk reaches the served page and the dashboard's module that loads it (so the check is not vacuous)…
    expect([...seen].some((f) => f.endsWith("app/servedPage.tsx"))).toBe(true);
    expect([...seen].some((f) => f.endsWith("components/Dashboard.tsx"))).toBe(true);
    // …but none of the served views, which a page's client components would otherwise all load.
    expect(
      [...seen].filter((f) => f.includes("components/served/") && !f.endsWith("ServedLoader.tsx")),
    ).toEqual([]);
  });
});
