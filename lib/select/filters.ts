import type { DatasetIndex, RecordFacts } from "../data/indexDataset";
import type { Event, Quote, Stance } from "../model/schema";
import type { ViewState } from "../view/viewState";
import { memoizeLast } from "./memo";

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
}

/** The filter part of a view: what the filters read (focus never filters). */
export type FilterView = Pick<ViewState, "actors" | "years" | "episode" | "stances" | "q">;

/** A predicate over a record's facts for the actor, year and episode filters. */
function factsFilter(view: FilterView, options: FilterOptions): (facts: RecordFacts | undefined) => boolean {
  const actors = options.ignoreActors || view.actors.length === 0 ? null : view.actors;
  const years = options.ignoreYears ? null : view.years;
  const episode = view.episode;
  return (facts) => {
    if (!facts) return false;
    if (years && (facts.year < years.start || facts.year > years.end)) return false;
    if (episode !== null && facts.episode !== episode) return false;
    if (actors && !actors.some((a) => facts.actors.has(a))) return false;
    return true;
  };
}

/** True when a quote's text contains the search (case-insensitive); an empty search matches all. */
export function matchesQuery(quote: Quote, q: string): boolean {
  return q.length === 0 || quote.text.toLowerCase().includes(q.toLowerCase());
}

/**
 * The filter semantics of DESIGN.md, once for every view: a record passes the actor filter if any actor it
 * involves, or that actor's affiliation, is selected; the year filter if its year is in the range; the
 * episode filter if it belongs to the episode; the stance-type filter narrows stances to those types and
 * events and quotes to those tied to such a stance; the quote search narrows quotes.
 */
export function filterRecords(
  index: DatasetIndex,
  view: FilterView,
  options: FilterOptions = {},
): VisibleRecords {
  const pass = factsFilter(view, options);
  const types = view.stances.length > 0 ? new Set<string>(view.stances) : null;
  const eventHasType = (eventId: string | undefined) => {
    if (!types) return true;
    if (!eventId) return false;
    const tied = index.stanceTypesByEvent.get(eventId);
    return !!tied && [...tied].some((t) => types.has(t));
  };
  return {
    events: index.data.events.filter((e) => pass(index.eventFacts.get(e.id)) && eventHasType(e.id)),
    stances: index.data.stances.filter(
      (s) => pass(index.stanceFacts.get(s.id)) && (!types || types.has(s.type)),
    ),
    quotes: index.data.quotes.filter(
      (q) => pass(index.quoteFacts.get(q.id)) && eventHasType(q.eventId) && matchesQuery(q, view.q),
    ),
  };
}

/** The memo key of a filter view: only the parts a selector reads, so e.g. brushing years leaves the
 * time axis's context (which ignores years) untouched. */
const filterKey =
  (options: FilterOptions = {}) =>
  (view: FilterView) =>
    [
      options.ignoreActors ? "" : view.actors.join(","),
      options.ignoreYears || !view.years ? "" : `${view.years.start}-${view.years.end}`,
      view.episode ?? "",
      view.stances.join(","),
      view.q,
    ].join("|");

/** {@link filterRecords} with every filter: what the summary counts and the network and quotes show. */
export const selectVisible = memoizeLast(
  (index: DatasetIndex, view: FilterView) => filterRecords(index, view),
  filterKey(),
);

/** {@link filterRecords} without the year range: the time axis dims out-of-range marks instead of hiding them. */
export const selectVisibleIgnoringYears = memoizeLast(
  (index: DatasetIndex, view: FilterView) => filterRecords(index, view, { ignoreYears: true }),
  filterKey({ ignoreYears: true }),
);

/** How many records (events, stances, quotes) each actor is involved in under every filter but the actor one. */
export const selectActorCounts = memoizeLast(
  (index: DatasetIndex, view: FilterView): ReadonlyMap<string, number> => {
    const visible = filterRecords(index, view, { ignoreActors: true });
    const counts = new Map<string, number>();
    const add = (facts: RecordFacts | undefined) => {
      if (facts) for (const a of facts.actors) counts.set(a, (counts.get(a) ?? 0) + 1);
    };
    for (const e of visible.events) add(index.eventFacts.get(e.id));
    for (const s of visible.stances) add(index.stanceFacts.get(s.id));
    for (const q of visible.quotes) add(index.quoteFacts.get(q.id));
    return counts;
  },
  filterKey({ ignoreActors: true }),
);
