import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

/** The modules a file's static value imports reach (`import type` and dynamic `import()` left out). */
function staticImports(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const text = readFileSync(file, "utf8");
  const re = /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s+)?["']([^"']+)["']/gm;
  for (const [, spec] of text.matchAll(re)) {
    if (!spec) continue;
    const base = spec.startsWith("@/")
      ? join(ROOT, spec.slice(2))
      : spec.startsWith(".")
        ? join(dirname(file), spec)
        : null;
    if (!base) {
      packages.add(spec);
      continue;
    }
    const found = ["", ".ts", ".tsx", "/index.ts"]
      .map((ext) => base + ext)
      .find((f) => existsSync(f) && f.match(/\.tsx?$/));
    if (found) staticImports(found, seen, packages);
  }
  return { seen, packages };
}

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
