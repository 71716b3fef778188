import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

// The lint config enforces the order of lib's layers: util → model → time → data → select → layout → source →
// view → story → export.
// Each case lints a one-line module as if it lived in a layer and reads the rule's verdict.
const eslint = new ESLint();

async function refused(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("lib's layers, as the lint config enforces them", { timeout: 60_000 }, () => {
  it("refuses an import from a later layer, relative or through @/", async () => {
    expect(await refused("lib/select/probe.ts", 'import type { ViewStore } from "../view/store";')).toEqual([
      expect.stringContaining("lib/select may not import lib/view"),
    ]);
    expect(
      await refused("lib/select/probe.ts", 'import { datasetLayout } from "@/lib/layout/network";'),
    ).toEqual([expect.stringContaining("lib/select may not import lib/layout")]);
    expect(
      await refused("lib/model/probe.ts", 'import { indexDataset } from "../data/indexDataset";'),
    ).toEqual([expect.stringContaining("lib/model may not import lib/data")]);
    expect(await refused("lib/util/probe.ts", 'import type { Stance } from "../model/schema";')).toEqual([
      expect.stringContaining("lib/util may not import lib/model"),
    ]);
    // Stories sit on the view layer (a step is a view state) and under the exports (a caption names the step).
    expect(await refused("lib/view/probe.ts", 'import { withStories } from "../story/steps";')).toEqual([
      expect.stringContaining("lib/view may not import lib/story"),
    ]);
    expect(
      await refused("lib/story/probe.ts", 'import { exportBaseName } from "@/lib/export/naming";'),
    ).toEqual([expect.stringContaining("lib/story may not import lib/export")]);
    // The data sources answer over the selectors and never reach up to the URL: the routes parse the view.
    expect(await refused("lib/source/probe.ts", 'import { parseViewState } from "../view";')).toEqual([
      expect.stringContaining("lib/source may not import lib/view"),
    ]);
    expect(
      await refused("lib/select/probe.ts", 'import { indexSource } from "@/lib/source/indexSource";'),
    ).toEqual([expect.stringContaining("lib/select may not import lib/source")]);
  });

  it("allows imports from the same or an earlier layer", async () => {
    expect(
      await refused("lib/layout/probe.ts", 'import { byCountThenLabel } from "../select/graph";'),
    ).toEqual([]);
    expect(await refused("lib/view/probe.ts", 'import { selectVisible } from "../select";')).toEqual([]);
    expect(await refused("lib/select/probe.ts", 'import { memoizeLast } from "../util/memo";')).toEqual([]);
    expect(await refused("lib/data/probe.ts", 'import { dayKey } from "../time";')).toEqual([]);
    expect(await refused("lib/story/probe.ts", 'import { parseViewState } from "../view";')).toEqual([]);
    expect(
      await refused("lib/source/probe.ts", 'import { binEvents } from "../layout/timelineBins";'),
    ).toEqual([]);
  });

  it("keeps React and Next out of lib", async () => {
    expect(await refused("lib/view/probe.ts", 'import { useState } from "react";')).toHaveLength(1);
    expect(await refused("lib/data/probe.ts", 'import { headers } from "next/headers";')).toHaveLength(1);
  });
});
