import type { DatasetIndex } from "../data/indexDataset";
import type { Episode, Stance, StanceType } from "../model/schema";
import { STANCE_FAMILY } from "../model/vocabulary";
import { formatDate } from "../time";
import type { VisibleRecords } from "./filters";
import { actorName, actorShortName } from "./wording";

/**
 * The stance families a flip is measured in, the dataset's own (data/README.md, "Stance types"; the legend's
 * colours follow them too): the condemnation family (`against`) and the support family (`for`). The
 * "distinct" types — `designate` (an administrative sanction), `dispute` (a fact-check of a claim), `warn` and
 * `threaten` — are `neither`: they are new or gone like any stance, but never make a flip, so a flip is
 * always a change the reader sees as red ↔ blue. One table with the network's drawing (lib/model/vocabulary.ts).
 */
export const STANCE_FAMILY_OF = STANCE_FAMILY;

/** Where a set of stances leans: only `for`, only `against`, both (`mixed`), or none of either (`neither`). */
export type Leaning = "for" | "against" | "mixed" | "neither";

/** The leaning of some stances, from their families (`neither` types do not count). */
export function leaningOf(stances: readonly Stance[]): Leaning {
  let pro = false;
  let contra = false;
  for (const s of stances) {
    const f = STANCE_FAMILY_OF[s.type];
    if (f === "for") pro = true;
    else if (f === "against") contra = true;
  }
  return pro && contra ? "mixed" : pro ? "for" : contra ? "against" : "neither";
}

/** One panel of the comparison: an episode and its shown stances. */
export interface EpisodePanel {
  episode: Episode;
  /** The shown stances of the episode, in dataset order. */
  stances: readonly Stance[];
  /** How many distinct actors those stances join (source or target). */
  actorCount: number;
}

/** The dataset's episodes in date order (by start, then end, then id). */
export function episodesInOrder(index: DatasetIndex): Episode[] {
  return [...index.data.episodes].sort((a, b) =>
    a.start !== b.start
      ? a.start < b.start
        ? -1
        : 1
      : a.end !== b.end
        ? a.end < b.end
          ? -1
          : 1
        : a.id < b.id
          ? -1
          : 1,
  );
}

/**
 * The shown stances split by episode, one panel per episode in date order. A stance's episode is the one the
 * index gave it (its event's, else the episode whose span holds its date: `columns.stances.episode`); a
 * stance in no episode is in no panel.
 */
export function episodePanels(index: DatasetIndex, visible: Pick<VisibleRecords, "stances" | "positions">) {
  const order = episodesInOrder(index);
  const lists = index.data.episodes.map((): Stance[] => []);
  const column = index.columns.stances.episode;
  const at = visible.positions.stances;
  for (let k = 0; k < at.length; k++) {
    const e = column[at[k]!]!;
    if (e >= 0) lists[e]!.push(visible.stances[k]!);
  }
  return order.map((episode): EpisodePanel => {
    const stances = lists[index.episodeIndex.get(episode.id)!]!;
    const actors = new Set<string>();
    for (const s of stances) actors.add(s.from).add(s.to);
    return { episode, stances, actorCount: actors.size };
  });
}

/** The accessible name of a panel: "Soleimani 2020: 12 stances among 13 actors". */
export function panelName(panel: EpisodePanel): string {
  const n = panel.stances.length;
  const a = panel.actorCount;
  return `${panel.episode.label}: ${n} ${n === 1 ? "stance" : "stances"} among ${a} ${a === 1 ? "actor" : "actors"}`;
}

/** Stances of one pair of sides in one episode. */
export interface PairStances {
  /** Id of the episode. */
  episode: string;
  stances: readonly Stance[];
}

/** A change of one pair of sides (camp → camp) between episodes. */
export interface PairChange {
  /**
   * `new`: stances in this episode, none in the one before (perhaps some earlier: `before`); `gone`: stances
   * in the episode before, none in this one; `flipped`: stances in this episode leaning the other way
   * (support ↔ condemnation family) from the pair's latest earlier stances.
   */
  kind: "new" | "gone" | "flipped";
  /** The camps (`index.campOf`) of the two sides: Lavrov's stances count as Russia's. */
  from: string;
  to: string;
  /** new, flipped: the pair's stances in this episode; gone: null. */
  after: PairStances | null;
  /** gone: the stances in the episode before; new, flipped: the pair's latest earlier stances, if any. */
  before: PairStances | null;
}

/** The changes from one episode to the next. */
export interface EpisodeStep {
  from: Episode;
  to: Episode;
  /** New, then flipped, then gone; each by source then target name. */
  changes: readonly PairChange[];
  /** Pairs with stances in both episodes that did not flip, each as "from → to" camps. */
  kept: readonly { from: string; to: string }[];
}

/** What changed between consecutive episodes, for one actor or for every shown stance. */
export interface EpisodeChanges {
  /** The actor whose stances (its camp's, given or received) are compared, or null for every shown stance. */
  actor: string | null;
  /** The first episode's pairs (what the later ones are compared with). */
  first: { episode: Episode; pairs: number; stances: number } | null;
  steps: readonly EpisodeStep[];
}

const KIND_ORDER = { new: 0, flipped: 1, gone: 2 } as const;

/**
 * The changes between consecutive episodes of the panels' stances. Stances are paired by the camps of their
 * two sides (`index.campOf`: Lavrov, the foreign ministry and Putin all speak for Russia), so "Russia → the
 * United States" compares whoever spoke for Russia in each episode. With `actor`, only the stances that
 * involve it or someone speaking for it (the actor filter's rule: the actor up either side's affiliation
 * chain) are compared.
 */
export function episodeChanges(
  index: DatasetIndex,
  panels: readonly EpisodePanel[],
  actor: string | null = null,
): EpisodeChanges {
  const a = actor === null ? undefined : index.actorIndex.get(actor);
  const involves = (s: Stance): boolean => {
    if (actor === null) return true;
    if (a === undefined) return false;
    const { actorStart, actors } = index.columns.stances;
    const i = positionOf(index, s);
    for (let k = actorStart[i]!; k < actorStart[i + 1]!; k++) if (actors[k] === a) return true;
    return false;
  };
  const camp = (id: string) => index.campOf.get(id) ?? id;
  const key = (from: string, to: string) => `${from}\u0000${to}`;
  // Per episode, the pairs with their stances, in first-seen order.
  const byPair = panels.map((p) => {
    const m = new Map<string, { from: string; to: string; stances: Stance[] }>();
    for (const s of p.stances) {
      if (!involves(s)) continue;
      const from = camp(s.from);
      const to = camp(s.to);
      const k = key(from, to);
      const entry = m.get(k);
      if (entry) entry.stances.push(s);
      else m.set(k, { from, to, stances: [s] });
    }
    return m;
  });
  // Names looked up once each and compared by code unit (fixed, and far cheaper than collation).
  const names = new Map<string, string>();
  const name = (id: string) => {
    let n = names.get(id);
    if (n === undefined) names.set(id, (n = actorName(index, id)));
    return n;
  };
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byNames = (x: { from: string; to: string }, y: { from: string; to: string }) =>
    cmp(name(x.from), name(y.from)) || cmp(name(x.to), name(y.to));

  const steps: EpisodeStep[] = [];
  for (let e = 1; e < panels.length; e++) {
    const prev = byPair[e - 1]!;
    const here = byPair[e]!;
    const changes: PairChange[] = [];
    const kept: { from: string; to: string }[] = [];
    for (const [k, { from, to, stances }] of here) {
      // The pair's latest earlier stances: the episode before, else the last episode that had any.
      let before: PairStances | null = null;
      for (let j = e - 1; j >= 0 && !before; j--) {
        const got = byPair[j]!.get(k);
        if (got) before = { episode: panels[j]!.episode.id, stances: got.stances };
      }
      const after = { episode: panels[e]!.episode.id, stances };
      const was = before ? leaningOf(before.stances) : null;
      const now = leaningOf(stances);
      const flipped = (was === "for" && now === "against") || (was === "against" && now === "for");
      if (flipped) changes.push({ kind: "flipped", from, to, after, before });
      else if (!prev.has(k)) changes.push({ kind: "new", from, to, after, before });
      else kept.push({ from, to });
    }
    for (const [k, { from, to, stances }] of prev)
      if (!here.has(k))
        changes.push({
          kind: "gone",
          from,
          to,
          after: null,
          before: { episode: panels[e - 1]!.episode.id, stances },
        });
    changes.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || byNames(x, y));
    kept.sort(byNames);
    steps.push({ from: panels[e - 1]!.episode, to: panels[e]!.episode, changes, kept });
  }
  const first = panels[0];
  return {
    actor,
    first: first
      ? {
          episode: first.episode,
          pairs: byPair[0]!.size,
          stances: [...byPair[0]!.values()].reduce((n, p) => n + p.stances.length, 0),
        }
      : null,
    steps,
  };
}

const positions = new WeakMap<DatasetIndex, ReadonlyMap<Stance, number>>();
/** The position of a stance in `data.stances` (the rows of the index's columns). */
function positionOf(index: DatasetIndex, s: Stance): number {
  let m = positions.get(index);
  if (!m) positions.set(index, (m = new Map(index.data.stances.map((x, i) => [x, i]))));
  return m.get(s) ?? index.data.stances.findIndex((x) => x.id === s.id);
}

/** A date span of some stances, no more exact than they are: "3 Jan 2020", "Jun 2025", "Jun 2025 – 23 Jun 2025". */
export function stancesWhen(stances: readonly Stance[]): string {
  if (stances.length === 0) return "";
  const sorted = [...stances].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const one = (s: Stance) => formatDate(s.date, s.datePrecision, "short");
  if (one(first) === one(last)) return one(first);
  const sameMonth =
    sorted.every((s) => s.datePrecision !== "year") && first.date.slice(0, 7) === last.date.slice(0, 7);
  if (sameMonth) return formatDate(first.date, "month", "short");
  return `${one(first)} – ${one(last)}`;
}

/** The types of some stances with their counts, most first then in vocabulary order: "criticize ×5, condemn ×2, warn". */
export function stanceTypes(stances: readonly Stance[]): string {
  const counts = new Map<StanceType, number>();
  for (const s of stances) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([t, n]) => (n > 1 ? `${t} ×${n}` : t))
    .join(", ");
}

/** "Russia → United States", in the sides' short names. */
export function pairLabel(index: DatasetIndex, change: { from: string; to: string }): string {
  return `${actorShortName(index, change.from)} → ${actorShortName(index, change.to)}`;
}

/**
 * A change as one sentence: "Russia → US: criticize ×5, condemn ×2, warn (Jun 2025); before, in Soleimani
 * 2020: criticize ×2 (3 Jan 2020)".
 */
export function changeSentence(index: DatasetIndex, change: PairChange, step: EpisodeStep): string {
  const label = (id: string) => index.episodeById.get(id)?.label ?? id;
  const part = (p: PairStances) => `${stanceTypes(p.stances)} (${stancesWhen(p.stances)})`;
  const pair = pairLabel(index, change);
  if (change.kind === "gone")
    return `${pair}: ${part(change.before!)} in ${label(change.before!.episode)}; none in ${step.to.label}`;
  const now = `${pair}: ${part(change.after!)}`;
  if (!change.before) return `${now}; none before`;
  return `${now}; before, in ${label(change.before.episode)}: ${part(change.before)}`;
}
