import type { DatasetIndex } from "../data/indexDataset";
import { binEvents } from "../layout/timelineBins";
import type { Actor, StanceType } from "../model/schema";
import { actorHaystacks } from "../select/actorOptions";
import { countByActor, filterPositions, type FilterView } from "../select/filters";
import { topActors, topEdges } from "./order";
import type {
  ActorCount,
  DataSource,
  EdgeCount,
  PeriodCount,
  PeriodUnit,
  QuotePage,
  QuotePageRequest,
  Top,
  TopRequest,
} from "./types";

/**
 * The in-browser source: the answers of {@link DataSource} over a dataset index, from the same filter pass
 * (`filterPositions`) every view already runs. Synchronous underneath; the promises only share the interface.
 */
export function indexSource(index: DatasetIndex): DataSource & { readonly sync: IndexAnswers } {
  const sync = indexAnswers(index);
  return {
    kind: "index",
    sync,
    summary: async (view) => sync.summary(view),
    periods: async (view, unit) => sync.periods(view, unit),
    edges: async (view, page) => sync.edges(view, page),
    quotes: async (view, page) => sync.quotes(view, page),
    actorCounts: async (view, page) => sync.actorCounts(view, page),
    actorRecords: async (ids) => sync.actorRecords(ids),
    close: async () => {},
  };
}

/** The in-browser source's answers without promises, for callers that measure or test the pass itself. */
export interface IndexAnswers {
  summary(view: FilterView): { events: number; stances: number; quotes: number };
  periods(view: FilterView, unit: PeriodUnit): PeriodCount[];
  edges(view: FilterView, page: TopRequest): Top<EdgeCount>;
  quotes(view: FilterView, page: QuotePageRequest): QuotePage;
  actorCounts(view: FilterView, page: TopRequest & { match?: string }): ActorCount[];
  actorRecords(ids: readonly string[]): Actor[];
}

function indexAnswers(index: DatasetIndex): IndexAnswers {
  const { events, stances, quotes } = index.data;
  const actorIds = index.data.actors.map((a) => a.id);
  return {
    summary(view) {
      const at = filterPositions(index, view);
      return { events: at.events.length, stances: at.stances.length, quotes: at.quotes.length };
    },
    periods(view, unit) {
      const at = filterPositions(index, view).events;
      const passing = new Array<{ date: string }>(at.length);
      for (let k = 0; k < at.length; k++) passing[k] = events[at[k]!]!;
      return binEvents(passing, unit).map(({ start, count }) => ({ start, count }));
    },
    edges(view, { limit }) {
      const counts = new Map<string, EdgeCount>();
      for (const i of filterPositions(index, view).stances) {
        const s = stances[i]!;
        // Ids are kebab-case: no ">" inside one, so the key cannot be ambiguous.
        const key = `${s.from}>${s.to}>${s.type}`;
        const edge = counts.get(key);
        if (edge) edge.count++;
        else counts.set(key, { from: s.from, to: s.to, type: s.type as StanceType, count: 1 });
      }
      return topEdges([...counts.values()], index.actorIndex, limit);
    },
    quotes(view, { offset, limit }) {
      const at = filterPositions(index, view).quotes;
      const page = at.subarray(Math.min(offset, at.length), Math.min(offset + limit, at.length));
      return { total: at.length, quotes: Array.from(page, (i) => quotes[i]!) };
    },
    actorCounts(view, { limit, match }) {
      const counts = countByActor(index, view);
      const text = match?.trim().toLowerCase() ?? "";
      if (text !== "") {
        // As the picker searches (lib/select/actorOptions.ts): an actor whose text lacks it counts none.
        const haystacks = actorHaystacks(index.data.actors);
        for (let i = 0; i < counts.length; i++) if (!haystacks[i]!.includes(text)) counts[i] = 0;
      }
      return topActors(counts, actorIds, limit);
    },
    actorRecords(ids) {
      return ids.map((id) => index.actorById.get(id)).filter((a): a is Actor => a !== undefined);
    },
  };
}
