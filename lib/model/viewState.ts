import type { StanceType } from "./schema";
import { STANCE_TYPES as TYPES } from "./vocabulary";

/** Kinds of record that can be selected; the prefix of the URL's `focus` value. */
export const SELECTION_KINDS = ["event", "actor", "stance", "quote"] as const;
/** A kind of selectable record. */
export type SelectionKind = (typeof SELECTION_KINDS)[number];
/**
 * The one selected record, highlighted (not filtered) in every view. The URL calls it `focus` and the
 * marks `data-focused`; in code "focus" means keyboard (DOM) focus only.
 */
export interface Selection {
  kind: SelectionKind;
  id: string;
}

/** An inclusive range of calendar years. */
export interface YearRange {
  start: number;
  end: number;
}

/** True when the range shares at least one year with the span (its ends in either order). */
export function overlapsSpan(range: YearRange, span: YearRange): boolean {
  return Math.max(range.start, range.end) >= span.start && Math.min(range.start, range.end) <= span.end;
}

/**
 * The one rule for a year filter: its ends put in order and clipped to the dataset's span; null (no filter)
 * when the range covers the whole span or lies wholly outside it, so one filter has one form, in the store
 * and in the URL alike.
 */
export function normalizeYears(range: YearRange | null, span: YearRange): YearRange | null {
  if (!range || !overlapsSpan(range, span)) return null;
  const start = Math.max(span.start, Math.min(range.start, range.end));
  const end = Math.min(span.end, Math.max(range.start, range.end));
  return start === span.start && end === span.end ? null : { start, end };
}

/**
 * The whole shareable view. Arrays are kept sorted and free of duplicates (actors by id, stances in schema
 * order) so that one state has exactly one URL.
 */
export interface ViewState {
  /**
   * The dataset shown (URL key `data`): the first 8 hex digits of the SHA-256 of a dataset opened from a file
   * in this browser (`data=local:1a2b3c4d`); null = the bundled dataset.
   */
  data: string | null;
  /** Selected actor ids; empty = all actors. */
  actors: readonly string[];
  /** Selected years; null = the dataset's full span. */
  years: YearRange | null;
  /** Selected episode id; null = none. */
  episode: string | null;
  /** Selected stance types; empty = all types. */
  stances: readonly StanceType[];
  /** The selected record (the URL's `focus`); null = nothing selected. */
  selection: Selection | null;
  /** Search over quote text and speakers' names and roles; empty = no search. */
  q: string;
  /** `"reports"`: only records that rest on their report alone (none with an `outside` fact); null = all. */
  provenance: Provenance | null;
  /** Which views the page shows, in canonical order; empty = all three. */
  views: readonly ViewName[];
  /** True for the embed: the views without the site's header and filter bar, framable by other sites. */
  embed: boolean;
  /** `"episodes"`: the network as one small multiple per episode, nodes at the same places; null = one network. */
  compare: Compare | null;
  /**
   * How the network is drawn: a node-link graph or an adjacency matrix (URL key `network`); null = the link
   * does not say, and the page picks the form that reads at its width (the graph; on a phone the matrix, or
   * the selected actor's neighbours).
   */
  networkForm: NetworkForm | null;
  /**
   * The graph narrowed to the selected actor and its neighbours up to this many steps away (URL key `ego`);
   * null = the whole network. Without a selected actor it has no effect.
   */
  ego: EgoDepth | null;
  /**
   * The story being read (the URL's `story`), null = none. While it is set the filters are those of its
   * step; changing one leaves the story ("explore from here").
   */
  story: string | null;
  /** The story's step, 1-based (the URL's `step`); null exactly when `story` is. */
  step: number | null;
}

/** The views, in their canonical (URL and page) order. */
export const VIEW_NAMES = ["timeline", "network", "quotes"] as const;
/** One of the views. */
export type ViewName = (typeof VIEW_NAMES)[number];

/** De-duplicated views in canonical order; all three (the default) as the empty list, so it has one form. */
export function canonicalViews(names: Iterable<ViewName>): ViewName[] {
  const set = new Set(names);
  const views = VIEW_NAMES.filter((v) => set.has(v));
  return views.length === VIEW_NAMES.length ? [] : views;
}

/** True when the view state shows this view. */
export function showsView(view: Pick<ViewState, "views">, name: ViewName): boolean {
  return view.views.length === 0 || view.views.includes(name);
}

/** The one comparison: the network per episode. */
export const COMPARE_EPISODES = "episodes";
/** A comparison of the network across periods. */
export type Compare = typeof COMPARE_EPISODES;

/** The forms of the network view: node-link graph or adjacency matrix. */
export const NETWORK_FORMS = ["graph", "matrix"] as const;
/** One form of the network view. */
export type NetworkForm = (typeof NETWORK_FORMS)[number];

/** How far the graph's ego focus reaches: neighbours one or two steps from the selected actor. */
export const EGO_DEPTHS = [1, 2] as const;
/** A depth of the ego focus. */
export type EgoDepth = (typeof EGO_DEPTHS)[number];

/** The one value of the provenance filter: only what the reports state. */
export const PROVENANCE_REPORTS = "reports";
/** A provenance filter. */
export type Provenance = typeof PROVENANCE_REPORTS;

/** Parts of the view that the summary can remove one at a time: the filters and the selection. */
export type FilterKey = "actors" | "years" | "episode" | "stances" | "selection" | "q" | "provenance";

/** The default view: nothing filtered, nothing selected. */
export const DEFAULT_VIEW: ViewState = Object.freeze({
  data: null,
  actors: [],
  years: null,
  episode: null,
  stances: [],
  selection: null,
  q: "",
  provenance: null,
  views: [],
  embed: false,
  compare: null,
  networkForm: null,
  ego: null,
  story: null,
  step: null,
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
    a.data === b.data &&
    a.actors.join(",") === b.actors.join(",") &&
    a.years?.start === b.years?.start &&
    a.years?.end === b.years?.end &&
    a.episode === b.episode &&
    a.stances.join(",") === b.stances.join(",") &&
    a.selection?.kind === b.selection?.kind &&
    a.selection?.id === b.selection?.id &&
    a.q === b.q &&
    a.provenance === b.provenance &&
    a.views.join(",") === b.views.join(",") &&
    a.embed === b.embed &&
    a.compare === b.compare &&
    a.networkForm === b.networkForm &&
    a.ego === b.ego &&
    a.story === b.story &&
    a.step === b.step
  );
}
