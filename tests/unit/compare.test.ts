// The comparison of episodes (`compare=episodes`): panels per episode over one layout, and what changed
// between consecutive episodes. Expected values are written from data/escalations.json, tests/fixtures/mini.json
// and data/README.md, read by hand.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexDataset } from "@/lib/data";
import { loadDataset } from "@/lib/data/loadDataset";
import { datasetLayout, fitTransform, screenMarks } from "@/lib/layout/network";
import { forcePlace } from "@/lib/layout/networkForces";
import type { DatasetFile, Stance } from "@/lib/model";
import { filterRecords } from "@/lib/select";
import {
  changeSentence,
  episodeChanges,
  episodePanels,
  leaningOf,
  panelName,
  STANCE_FAMILY_OF,
  type EpisodeChanges,
} from "@/lib/select/compare";
import { buildGraph } from "@/lib/select/graph";
import { DEFAULT_VIEW } from "@/lib/view";
import { miniIndex } from "./helpers";

const data = loadDataset(path.resolve("data/escalations.json"));
const index = indexDataset(data);
const all = filterRecords(index, DEFAULT_VIEW);

/** Each step as "from>to" → its changes as `kind from>to`, and its kept pairs. */
const summary = (c: EpisodeChanges) =>
  c.steps.map((s) => ({
    step: `${s.from.id}>${s.to.id}`,
    changes: s.changes.map((x) => `${x.kind} ${x.from}>${x.to}`),
    kept: s.kept.map((k) => `${k.from}>${k.to}`),
  }));
const ids = (stances: readonly Stance[] | undefined) => (stances ?? []).map((s) => s.id).sort();

describe("episodePanels", () => {
  it("splits the shown stances by episode, in date order, with their counts", () => {
    const panels = episodePanels(index, all);
    // Stances per episode (an event's episode, else the episode whose span holds the date), and the distinct
    // actors on either side, counted in the JSON.
    expect(panels.map((p) => [p.episode.id, p.stances.length, p.actorCount])).toEqual([
      ["soleimani-2020", 12, 8],
      ["gaza-2023", 21, 17],
      ["april-2024", 14, 10],
      ["us-strikes-2025", 13, 8],
    ]);
    expect(panels.map(panelName)).toEqual([
      "Soleimani 2020: 12 stances among 8 actors",
      "Gaza 2023: 21 stances among 17 actors",
      "Damascus & April 2024: 14 stances among 10 actors",
      "US strikes 2025: 13 stances among 8 actors",
    ]);
    // 60 of the 69 stances: the 9 outside every episode (background, e.g. Russia's support for Assad, 2015)
    // are in no panel.
    expect(data.stances).toHaveLength(69);
    expect(panels.reduce((n, p) => n + p.stances.length, 0)).toBe(60);
  });

  it("narrows each panel by the other filters", () => {
    const view = { ...DEFAULT_VIEW, actors: ["russia"] };
    const panels = episodePanels(index, filterRecords(index, view));
    // Russia's camp (Russia, Lavrov, Putin, Peskov, the foreign ministry, the Kremlin), given or received.
    expect(panels.map((p) => p.stances.length)).toEqual([3, 2, 4, 13]);
  });

  it("puts every actor at the same place in every panel: one layout for the dataset", () => {
    for (const shape of ["wide", "narrow"] as const) {
      const layout = datasetLayout(index, shape, forcePlace);
      const marks = screenMarks(layout, fitTransform(layout.bounds, 600, 400, 10, 1.25));
      const seen = new Map<string, { x: number; y: number }>();
      let shared = 0;
      for (const panel of episodePanels(index, all)) {
        const graph = buildGraph(index, panel.stances, { keep: layout.placed });
        for (const node of graph.nodes) {
          const p = marks.get(node.id)?.p;
          expect(p, node.id).toBeDefined();
          const before = seen.get(node.id);
          if (before) {
            shared++;
            expect(p).toEqual(before);
          } else seen.set(node.id, p!);
        }
      }
      // Russia, Iran and the United States are in several panels, so the check compares something.
      expect(shared).toBeGreaterThan(5);
      for (const id of ["russia", "iran", "united-states"]) expect(seen.has(id)).toBe(true);
    }
  });
});

describe("episodeChanges for Russia, bundled data", () => {
  const changes = episodeChanges(index, episodePanels(index, all), "russia");

  it("lists the new, gone and continued pairs of sides between consecutive episodes", () => {
    expect(changes.first).toMatchObject({ pairs: 2, stances: 3 });
    expect(summary(changes)).toEqual([
      {
        step: "soleimani-2020>gaza-2023",
        // Polygraph.info rates Lavrov's claim false (a dispute: never a flip); Lavrov's two criticisms of
        // the US in January 2020 have no follow-up in October 2023.
        changes: ["new polygraph-info>russia", "gone russia>united-states"],
        kept: ["russia>iran"],
      },
      {
        step: "gaza-2023>april-2024",
        changes: ["new iran>russia", "new russia>israel", "gone polygraph-info>russia"],
        kept: ["russia>iran"],
      },
      {
        step: "april-2024>us-strikes-2025",
        changes: ["new russia>united-states", "gone russia>israel"],
        kept: ["iran>russia", "russia>iran"],
      },
    ]);
  });

  it("compares Russia's stances toward the US in 2025 with those of 2020", () => {
    const step = changes.steps[2]!;
    const toUs = step.changes.find((c) => c.to === "united-states")!;
    expect(ids(toUs.after?.stances)).toEqual(
      [
        "russian-mfa-condemns-us-strikes",
        "russian-mfa-accuses-washington",
        "kremlin-accuses-us-of-violating-un-charter",
        "russia-calls-us-actions-destabilizing",
        "russia-condemns-us-actions-in-iran",
        "putin-condemns-us-bombing",
        "russia-warns-us-against-intervention",
        "peskov-condemns-us-attacks",
      ].sort(),
    );
    expect(toUs.before?.episode).toBe("soleimani-2020");
    expect(ids(toUs.before?.stances)).toEqual(
      ["lavrov-condemns-soleimani-killing", "lavrov-criticizes-us-actions-2020"].sort(),
    );
    // Criticism then, criticism and condemnation now: the same family, so new (after a gap), not flipped.
    expect(toUs.kind).toBe("new");
    expect(changeSentence(index, toUs, step)).toBe(
      "Russia → US: criticize ×5, condemn ×2, warn (Jun 2025); before, in Soleimani 2020: criticize ×2 (3 Jan 2020)",
    );
    const gone = step.changes.find((c) => c.kind === "gone")!;
    expect(changeSentence(index, gone, step)).toBe(
      "Russia → Israel: condemn (Apr 2024) in Damascus & April 2024; none in US strikes 2025",
    );
  });

  it("compares every shown stance when no actor is selected", () => {
    const whole = episodeChanges(index, episodePanels(index, all));
    // Pairs of sides per episode (by camp), counted in the JSON: 9, 12, 11, 3. No pair flips.
    expect(whole.first).toMatchObject({ pairs: 9, stances: 12 });
    const last = whole.steps[2]!;
    expect(last.kept.map((k) => `${k.from}>${k.to}`)).toEqual(["iran>russia", "russia>iran"]);
    expect(last.changes.filter((c) => c.kind === "new").map((c) => `${c.from}>${c.to}`)).toEqual([
      "russia>united-states",
    ]);
    expect(last.changes.filter((c) => c.kind === "gone")).toHaveLength(9);
    expect(whole.steps.flatMap((s) => s.changes).filter((c) => c.kind === "flipped")).toEqual([]);
  });
});

describe("stance families and flips", () => {
  it("are the dataset's own families (data/README.md, 'Stance types')", () => {
    const readme = readFileSync(path.resolve("data/README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z]+)` +\| (condemnation|support|distinct) +\|/gm)];
    expect(rows).toHaveLength(13);
    const word = { condemnation: "against", support: "for", distinct: "neither" } as const;
    for (const [, type, family] of rows)
      expect(STANCE_FAMILY_OF[type as keyof typeof STANCE_FAMILY_OF], type).toBe(
        word[family as keyof typeof word],
      );
  });

  it("lean for, against, mixed or neither", () => {
    const s = (type: Stance["type"]) => ({ type }) as Stance;
    expect(leaningOf([s("support"), s("warn")])).toBe("for");
    expect(leaningOf([s("condemn"), s("threaten")])).toBe("against");
    expect(leaningOf([s("condole"), s("criticize")])).toBe("mixed");
    expect(leaningOf([s("designate"), s("dispute")])).toBe("neither");
  });

  it("flip between the support and condemnation families, on the mini fixture", () => {
    const { data: mini } = miniIndex();
    const base = mini.stances.find((x) => x.id === "turkey-condemns-us-2020")!;
    const extra = (id: string, from: string, to: string, type: Stance["type"]): Stance => ({
      ...base,
      id,
      from,
      to,
      type,
      date: "2024-04-16",
      datePrecision: "day",
      eventId: undefined,
    });
    const changed: DatasetFile = {
      ...mini,
      stances: [
        ...mini.stances,
        // Turkey condemned the US in 2020 and supports it in April 2024: a flip.
        extra("turkey-supports-us-2024", "turkey", "united-states", "support"),
        // Lavrov condoled with Iran in 2020; in 2024 he supports (in the fixture) and criticises it: mixed, kept.
        extra("lavrov-criticizes-iran-2024", "sergey-lavrov", "iran", "criticize"),
        // A warning is neither family: new, never a flip.
        extra("turkey-warns-iran-2024", "turkey", "iran", "warn"),
      ],
    };
    const idx = indexDataset(changed);
    const c = episodeChanges(idx, episodePanels(idx, filterRecords(idx, DEFAULT_VIEW)));
    expect(summary(c)).toEqual([
      {
        step: "soleimani-2020>april-2024",
        changes: ["new turkey>iran", "flipped turkey>united-states"],
        kept: ["russia>iran"],
      },
    ]);
    const flip = c.steps[0]!.changes[1]!;
    expect(ids(flip.before?.stances)).toEqual(["turkey-condemns-us-2020"]);
    expect(ids(flip.after?.stances)).toEqual(["turkey-supports-us-2024"]);
    expect(changeSentence(idx, flip, c.steps[0]!)).toBe(
      "Turkey → US: support (16 Apr 2024); before, in Soleimani 2020: condemn (4 Jan 2020)",
    );
    // For Russia only: Turkey's stances drop out.
    const russia = episodeChanges(idx, episodePanels(idx, filterRecords(idx, DEFAULT_VIEW)), "russia");
    expect(summary(russia)).toEqual([
      { step: "soleimani-2020>april-2024", changes: [], kept: ["russia>iran"] },
    ]);
  });
});
