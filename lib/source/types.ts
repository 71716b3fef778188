import type { Actor, Quote, StanceType } from "../model/schema";
import type { FilterView } from "../select/filters";

/**
 * What the views need from a dataset for one view state, as view-sized answers: counts, not records, except
 * for one page of quotes. Two sources answer it: the in-browser index (`indexSource`, the default) and DuckDB
 * on the server (`lib/source/duckdb.ts`) for datasets that outgrow the page. Both follow the filter semantics
 * of docs/ARCHITECTURE.md to the record; `tests/unit/source.test.ts` holds them to the same answers.
 *
 * Every method applies every filter of the view it is given, except where it says otherwise; a view that is
 * not filtered by its own control (the time axis and the year range) asks with that filter cleared.
 */
export interface DataSource {
  /** `index` (in the browser or the server's memory) or `duckdb`. */
  readonly kind: "index" | "duckdb";
  /** Records that pass, per kind: the summary line. */
  summary(view: FilterView): Promise<SummaryCounts>;
  /** Events per calendar period, sorted by period: the time axis's bins. */
  periods(view: FilterView, unit: PeriodUnit): Promise<PeriodCount[]>;
  /**
   * Stances that pass per (from, to, type): the network's directed edges, the `limit` with the most stances
   * first (ties as {@link TopRequest} says), and how many there are in all.
   */
  edges(view: FilterView, page: TopRequest): Promise<Top<EdgeCount>>;
  /** One page of the quotes that pass, in dataset order, and how many pass in all. */
  quotes(view: FilterView, page: QuotePageRequest): Promise<QuotePage>;
  /**
   * Records (events, stances, quotes) each actor is involved in, affiliations included, under every filter
   * but the actor one: the actor picker's counts. The `limit` actors with the most records first (actors
   * with none left out). No total: counting every actor with a record is a full pass over millions, and the
   * picker's "N more" counts the actors whose names match, whatever their records. With `match`, only the
   * actors whose name, short name or id contains it (lower-cased as JavaScript does), as the picker searches.
   */
  actorCounts(view: FilterView, page: TopRequest & { match?: string }): Promise<ActorCount[]>;
  /** The records of the actors with these ids, in the order asked, leaving out ids the dataset lacks. */
  actorRecords(ids: readonly string[]): Promise<Actor[]>;
  /** Frees what the source holds (a database connection); the in-browser source holds nothing. */
  close(): Promise<void>;
}

/** The calendar unit the time axis counts events by. */
export type PeriodUnit = "year" | "month" | "day";

/** Units a request may name, for the parsers of the routes. */
export const PERIOD_UNITS: readonly PeriodUnit[] = ["year", "month", "day"];

/** Records that pass, per kind. */
export interface SummaryCounts {
  events: number;
  stances: number;
  quotes: number;
}

/** Events in one calendar period. */
export interface PeriodCount {
  /** ISO date of the period's first day (`2024-04-01` for April 2024 by month). */
  start: string;
  count: number;
}

/** Stances of one type from one actor to another. */
export interface EdgeCount {
  from: string;
  to: string;
  type: StanceType;
  count: number;
}

/** Which quotes to return: `limit` of them after skipping `offset`. */
export interface QuotePageRequest {
  offset: number;
  limit: number;
}

/** Most quotes one page may ask for. */
export const MAX_QUOTE_PAGE = 200;

/** One page of quotes. */
export interface QuotePage {
  /** Quotes that pass in all. */
  total: number;
  quotes: Quote[];
}

/**
 * How many of the most counted items to return. Answers stay view-sized however big the dataset: a network
 * draws a few hundred edges, a picker lists a few dozen actors. Ties are broken by place in the dataset: an
 * actor's in the actor list, then (for edges) the target's, then the stance type's in the vocabulary.
 */
export interface TopRequest {
  limit: number;
}

/** Most items one top-k answer may ask for. */
export const MAX_TOP = 5000;

/** The most counted items and how many items have a count at all. */
export interface Top<T> {
  total: number;
  items: T[];
}

/** Records one actor is involved in. */
export interface ActorCount {
  id: string;
  count: number;
}
