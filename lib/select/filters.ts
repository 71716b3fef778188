import { STANCE_TYPE_BIT, type DatasetIndex, type RecordColumns } from "../data/indexDataset";
import type { Event, Quote, Stance } from "../model/schema";
import { fromOutside, type WithOutside } from "../model/provenance";
import { PROVENANCE_REPORTS, type ViewState } from "../model/viewState";
import { memoizeLast } from "../util/memo";
import { FILTERS, type NarrowingKey } from "./filterTable";

/** Which filters to leave out, for cross-filtering: a view is not filtered by its own control. */
export interface FilterOptions {
  /** Leave out the year range (the time axis dims instead of hiding). */
  ignoreYears?: boolean;
  /** Leave out the actor filter (the actor picker's counts). */
  ignoreActors?: boolean;
}

/** The records that pass the filters, in dataset order. */
export interface VisibleRecords {
  events: readonly Event[];
  stances: readonly Stance[];
  quotes: readonly Quote[];
  /** Where those records sit in the data arrays, for selectors that work on positions. */
  positions: PassingRecords;
}

/** The filter part of a view: what the filters read (the selection never filters). */
export type FilterView = Pick<ViewState, NarrowingKey>;

/** True when the options leave this filter out. */
const leftOut = (options: FilterOptions, key: NarrowingKey) =>
  (key === "actors" && options.ignoreActors === true) || (key === "years" && options.ignoreYears === true);

/** Lower-cased searchable text of each quote, once per dataset: see {@link searchableText}. */
const lowerTexts = new WeakMap<DatasetIndex, readonly string[]>();
function lowerTextsOf(index: DatasetIndex): readonly string[] {
  let texts = lowerTexts.get(index);
  if (!texts)
    lowerTexts.set(index, (texts = index.data.quotes.map((q) => searchableText(index, q).toLowerCase())));
  return texts;
}

/**
 * What the quote search looks in: the quote's words, then its speaker's name, short name and role, so
 * "Lavrov" finds Lavrov's quotes and "Foreign Minister" those of every foreign minister. The parts are
 * joined by a control character, which a query never holds (it is normalised away), so no match spans two.
 */
function searchableText(index: DatasetIndex, quote: Quote): string {
  const speaker = index.actorById.get(quote.speaker);
  const parts = [quote.text];
  if (speaker) {
    parts.push(speaker.name);
    if (speaker.shortName !== undefined) parts.push(speaker.shortName);
    if (speaker.role !== undefined) parts.push(speaker.role);
  }
  return parts.join("\u0000");
}

/** Per kind of record, 1 where the record rests on something from outside its report (`outside`), once per dataset. */
const outsideFlags = new WeakMap<DatasetIndex, Record<"events" | "stances" | "quotes", Uint8Array>>();
function outsideFlagsOf(index: DatasetIndex) {
  let flags = outsideFlags.get(index);
  if (!flags) {
    const of = (records: readonly WithOutside[]) => Uint8Array.from(records, (r) => (fromOutside(r) ? 1 : 0));
    const { events, stances, quotes } = index.data;
    outsideFlags.set(index, (flags = { events: of(events), stances: of(stances), quotes: of(quotes) }));
  }
  return flags;
}

/** Positions (in the data arrays) of the records that pass, per kind, ascending. */
export interface PassingRecords {
  events: Int32Array;
  stances: Int32Array;
  quotes: Int32Array;
}

/**
 * The positions of one kind's records that pass the actor, year, episode and stance-type filters (and `keep`,
 * for the quote search), ascending. The loop runs over the fewest candidates the index can name: the
 * selected actors' posting lists, else the episode's records, else every record; the other filters are
 * checks on the columns.
 */
function passing(
  columns: RecordColumns,
  index: DatasetIndex,
  view: FilterView,
  options: FilterOptions,
  keep?: (i: number) => boolean,
  outside?: Uint8Array,
): Int32Array {
  const n = columns.year.length;
  // -2 never matches (records outside every episode have -1; an unknown id must match none).
  const episode = view.episode === null ? null : (index.episodeIndex.get(view.episode) ?? -2);
  let candidates: Int32Array | null = null;
  if (!options.ignoreActors && view.actors.length > 0) {
    const { recordStart, records } = columns;
    const lists = view.actors
      .map((id) => index.actorIndex.get(id))
      .filter((a): a is number => a !== undefined)
      .map((a) => records.subarray(recordStart[a]!, recordStart[a + 1]!));
    if (lists.length === 1) candidates = lists[0]!;
    else {
      // A union of ascending lists: mark, then collect in order.
      const mark = new Uint8Array(n);
      let count = 0;
      for (const list of lists)
        for (const i of list)
          if (mark[i] === 0) {
            mark[i] = 1;
            count++;
          }
      candidates = new Int32Array(count);
      for (let i = 0, k = 0; k < count; i++) if (mark[i] === 1) candidates[k++] = i;
    }
  } else if (episode !== null)
    candidates =
      episode < 0
        ? new Int32Array(0)
        : columns.episodeRecords.subarray(columns.episodeStart[episode]!, columns.episodeStart[episode + 1]!);
  const years = options.ignoreYears ? null : view.years;
  const lo = years ? years.start : -Infinity;
  const hi = years ? years.end : Infinity;
  let typeMask = 0;
  for (const t of view.stances) typeMask |= STANCE_TYPE_BIT[t] ?? 0;
  const typed = view.stances.length > 0;
  const { year, episode: episodeOf, typeBits } = columns;
  const m = candidates ? candidates.length : n;
  const out = new Int32Array(m);
  let count = 0;
  for (let k = 0; k < m; k++) {
    const i = candidates ? candidates[k]! : k;
    const y = year[i]!;
    if (y < lo || y > hi) continue;
    if (episode !== null && episodeOf[i] !== episode) continue;
    if (typed && (typeBits[i]! & typeMask) === 0) continue;
    if (outside && outside[i] === 1) continue;
    if (keep && !keep(i)) continue;
    out[count++] = i;
  }
  return out.subarray(0, count);
}

/** {@link filterRecords} as positions in the data arrays: what counting selectors need, without the records. */
export function filterPositions(
  index: DatasetIndex,
  view: FilterView,
  options: FilterOptions = {},
): PassingRecords {
  const { columns } = index;
  const q = view.q.toLowerCase();
  const texts = q.length > 0 ? lowerTextsOf(index) : null;
  const outside = view.provenance === PROVENANCE_REPORTS ? outsideFlagsOf(index) : null;
  const search = texts ? (i: number) => texts[i]!.includes(q) : undefined;
  return {
    events: passing(columns.events, index, view, options, undefined, outside?.events),
    stances: passing(columns.stances, index, view, options, undefined, outside?.stances),
    quotes: passing(columns.quotes, index, view, options, search, outside?.quotes),
  };
}

const pick = <T>(records: readonly T[], at: Int32Array): T[] => {
  const out = new Array<T>(at.length);
  for (let k = 0; k < at.length; k++) out[k] = records[at[k]!]!;
  return out;
};

/**
 * The filter semantics of docs/ARCHITECTURE.md, once for every view: a record passes the actor filter if
 * any actor it involves, or an actor up that actor's affiliation chain, is selected; the year filter if its
 * year is in the range; the episode filter if it belongs to the episode; the stance-type filter narrows
 * stances to those types and events and quotes to those tied to such a stance (a quote that is a
 * fact-checked claim counts as tied to a `dispute`); the quote search narrows quotes by their words and their
 * speaker's name and role; `provenance` ("only what the reports state") hides every event, stance and quote
 * whose own `outside` lists a fact from outside its report.
 */
export function filterRecords(
  index: DatasetIndex,
  view: FilterView,
  options: FilterOptions = {},
): VisibleRecords {
  if (FILTERS.every((row) => leftOut(options, row.key) || !row.isActive(view))) return everything(index);
  const at = filterPositions(index, view, options);
  return {
    events: pick(index.data.events, at.events),
    stances: pick(index.data.stances, at.stances),
    quotes: pick(index.data.quotes, at.quotes),
    positions: at,
  };
}

const everythingOf = new WeakMap<DatasetIndex, VisibleRecords>();

/**
 * Every record, when no filter applies: the dataset's own arrays, one object per index, so the unfiltered
 * view (the default, and every reset) costs nothing and keeps its identity for the views' memos.
 */
function everything(index: DatasetIndex): VisibleRecords {
  let all = everythingOf.get(index);
  if (!all) {
    const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
    const { events, stances, quotes } = index.data;
    all = {
      events,
      stances,
      quotes,
      positions: {
        events: range(events.length),
        stances: range(stances.length),
        quotes: range(quotes.length),
      },
    };
    everythingOf.set(index, all);
  }
  return all;
}

/**
 * The memo key of a filter view: only the parts a selector reads, so e.g. brushing years leaves the time
 * axis's context (which ignores years) untouched.
 */
export const filterMemoKey =
  (options: FilterOptions = {}) =>
  (view: FilterView): string =>
    FILTERS.map((row) => (leftOut(options, row.key) ? "" : row.memoKey(view))).join("|");

/** {@link filterRecords} with every filter: what the summary counts and the network and quotes show. */
export const selectVisible = memoizeLast(
  (index: DatasetIndex, view: FilterView) => filterRecords(index, view),
  filterMemoKey(),
);

/** {@link filterRecords} without the year range: the time axis dims out-of-range marks instead of hiding them. */
export const selectVisibleIgnoringYears = memoizeLast(
  // Without a year range it is the same set as the visible one: share it rather than filter twice.
  (index: DatasetIndex, view: FilterView) =>
    view.years === null ? selectVisible(index, view) : filterRecords(index, view, { ignoreYears: true }),
  filterMemoKey({ ignoreYears: true }),
);

/** Records per actor (0 for an actor with none). */
export interface ActorCounts {
  /** By actor id. */
  get(id: string): number;
  /** By the actor's position in `data.actors`. */
  at(position: number): number;
}

/**
 * How many records (events, stances, quotes) each actor is involved in, affiliations included, under every
 * filter but the actor one; by the actor's position in `data.actors`.
 */
export function countByActor(index: DatasetIndex, view: FilterView): Int32Array {
  const at = filterPositions(index, view, { ignoreActors: true });
  const counts = new Int32Array(index.actorIndex.size);
  for (const kind of ["events", "stances", "quotes"] as const) {
    const { actorStart, actors } = index.columns[kind];
    for (const i of at[kind]) for (let k = actorStart[i]!; k < actorStart[i + 1]!; k++) counts[actors[k]!]!++;
  }
  return counts;
}

/** {@link countByActor}, memoised, with lookups by id and by position. */
export const selectActorCounts = memoizeLast(
  (index: DatasetIndex, view: FilterView): ActorCounts => {
    const counts = countByActor(index, view);
    return { get: (id) => counts[index.actorIndex.get(id) ?? -1] ?? 0, at: (i) => counts[i] ?? 0 };
  },
  filterMemoKey({ ignoreActors: true }),
);

/**
 * The view the actor counts read: every filter but the actor one, as one object while those filters stay
 * put, so a callback over it keeps its identity when only the actors or the selection change.
 */
export const selectActorCountsView = memoizeLast(
  (_index: DatasetIndex, view: FilterView): FilterView => ({
    ...(Object.fromEntries(FILTERS.map((row) => [row.key, view[row.key]])) as FilterView),
    actors: [],
  }),
  filterMemoKey({ ignoreActors: true }),
);
