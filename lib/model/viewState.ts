import type { StanceType } from "./schema";
import { STANCE_TYPES as TYPES } from "./vocabulary";

/** Kinds of record that can be focused; the prefix of a `focus` URL value. */
export const FOCUS_KINDS = ["event", "actor", "stance", "quote"] as const;
/** A kind of focusable record. */
export type FocusKind = (typeof FOCUS_KINDS)[number];
/** The one selected item, highlighted (not filtered) in every view. */
export interface Focus {
  kind: FocusKind;
  id: string;
}

/** An inclusive range of calendar years. */
export interface YearRange {
  start: number;
  end: number;
}

/**
 * The whole shareable view. Arrays are kept sorted and free of duplicates (actors by id, stances in schema
 * order) so that one state has exactly one URL.
 */
export interface ViewState {
  /** Selected actor ids; empty = all actors. */
  actors: readonly string[];
  /** Selected years; null = the dataset's full span. */
  years: YearRange | null;
  /** Selected episode id; null = none. */
  episode: string | null;
  /** Selected stance types; empty = all types. */
  stances: readonly StanceType[];
  /** The focused item; null = nothing selected. */
  focus: Focus | null;
  /** Quote text search; empty = no search. */
  q: string;
}

/** Filters that the summary can remove one at a time. */
export type FilterKey = "actors" | "years" | "episode" | "stances" | "focus" | "q";

/** The default view: nothing filtered, nothing focused. */
export const DEFAULT_VIEW: ViewState = Object.freeze({
  actors: [],
  years: null,
  episode: null,
  stances: [],
  focus: null,
  q: "",
});

/** Every stance type in schema order: the canonical order of the `stances` URL value. */
export const STANCE_TYPES: readonly StanceType[] = TYPES;

/** Sorted, de-duplicated actor ids. */
export function canonicalActors(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** De-duplicated stance types in schema order. */
export function canonicalStances(types: Iterable<StanceType>): StanceType[] {
  const set = new Set(types);
  return STANCE_TYPES.filter((t) => set.has(t));
}

/** True when two view states are the same view. */
export function sameView(a: ViewState, b: ViewState): boolean {
  return (
    a.actors.join(",") === b.actors.join(",") &&
    a.years?.start === b.years?.start &&
    a.years?.end === b.years?.end &&
    a.episode === b.episode &&
    a.stances.join(",") === b.stances.join(",") &&
    a.focus?.kind === b.focus?.kind &&
    a.focus?.id === b.focus?.id &&
    a.q === b.q
  );
}
