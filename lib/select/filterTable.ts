import type { DatasetIndex } from "../data/indexDataset";
import { DEFAULT_VIEW, type FilterKey, type ViewState } from "../model/viewState";
import { formatYears } from "../time";
import { actorName, selectionLabel, STANCE_LABEL } from "./wording";

/** The filters proper: every removable part of the view but the selection, which highlights and never narrows. */
export type NarrowingKey = Exclude<FilterKey, "selection">;

/**
 * One removable part of the view, as every reader sees it: the summary's chips, both empty states, the quote
 * relief, the selectors' memo keys and the store's `clearFilter`.
 */
export interface FilterRow<K extends FilterKey = FilterKey> {
  key: K;
  /** The summary chip's title: "Actors". */
  title: string;
  /** True when the view sets it (it differs from the default). */
  isActive(view: Pick<ViewState, K>): boolean;
  /** What it is set to, for the chip: "Russia, Iran". Read only while it is active. */
  value(index: DatasetIndex, view: Pick<ViewState, K>): string;
  /** How a sentence names it, for the empty states: "the actor filter (Russia, Iran)". */
  phrase(index: DatasetIndex, view: Pick<ViewState, K>): string;
  /** Its part of a selector's memo key: a string that changes exactly when it does. */
  memoKey(view: Pick<ViewState, K>): string;
  /** The value that removes it (the default). */
  cleared: ViewState[K];
}

/** Every removable part of the view, by key. */
export const FILTER_ROWS: { readonly [K in FilterKey]: FilterRow<K> } = {
  actors: {
    key: "actors",
    title: "Actors",
    isActive: (v) => v.actors.length > 0,
    value: (index, v) => v.actors.map((id) => actorName(index, id)).join(", "),
    phrase: (index, v) => `the actor filter (${FILTER_ROWS.actors.value(index, v)})`,
    memoKey: (v) => v.actors.join(","),
    cleared: DEFAULT_VIEW.actors,
  },
  years: {
    key: "years",
    title: "Years",
    isActive: (v) => v.years !== null,
    value: (_index, v) => (v.years ? formatYears(v.years) : ""),
    phrase: (index, v) => (v.years ? `the years ${formatYears(v.years)}` : "the years"),
    memoKey: (v) => (v.years ? `${v.years.start}-${v.years.end}` : ""),
    cleared: DEFAULT_VIEW.years,
  },
  episode: {
    key: "episode",
    title: "Episode",
    isActive: (v) => v.episode !== null,
    value: (index, v) => (v.episode ? (index.episodeById.get(v.episode)?.label ?? v.episode) : ""),
    phrase: (index, v) => `the episode “${FILTER_ROWS.episode.value(index, v)}”`,
    memoKey: (v) => v.episode ?? "",
    cleared: DEFAULT_VIEW.episode,
  },
  stances: {
    key: "stances",
    title: "Stances",
    isActive: (v) => v.stances.length > 0,
    value: (_index, v) => v.stances.map((t) => STANCE_LABEL[t]).join(", "),
    phrase: (index, v) => `the stance types (${FILTER_ROWS.stances.value(index, v)})`,
    memoKey: (v) => v.stances.join(","),
    cleared: DEFAULT_VIEW.stances,
  },
  q: {
    key: "q",
    title: "Search",
    isActive: (v) => v.q.length > 0,
    value: (_index, v) => `“${v.q}”`,
    phrase: (_index, v) => `the search “${v.q}”`,
    memoKey: (v) => v.q,
    cleared: DEFAULT_VIEW.q,
  },
  provenance: {
    key: "provenance",
    title: "Provenance",
    isActive: (v) => v.provenance !== null,
    value: () => "only what the reports state",
    phrase: () => "the filter to only what the reports state",
    memoKey: (v) => v.provenance ?? "",
    cleared: DEFAULT_VIEW.provenance,
  },
  selection: {
    key: "selection",
    // Named for users as the URL names it.
    title: "Focus",
    isActive: (v) => v.selection !== null,
    value: (index, v) => (v.selection ? selectionLabel(index, v.selection) : ""),
    phrase: (index, v) => `the highlight of the ${FILTER_ROWS.selection.value(index, v)}`,
    memoKey: (v) => (v.selection ? `${v.selection.kind}:${v.selection.id}` : ""),
    cleared: DEFAULT_VIEW.selection,
  },
};

/** The filters proper, in the order the summary and the empty states name them. */
export const FILTERS: readonly FilterRow<NarrowingKey>[] = [
  FILTER_ROWS.actors,
  FILTER_ROWS.years,
  FILTER_ROWS.episode,
  FILTER_ROWS.stances,
  FILTER_ROWS.q,
  FILTER_ROWS.provenance,
];

/** Every removable part of the view, in the summary's order: the filters, then the selection. */
export const REMOVABLE: readonly FilterRow[] = [...FILTERS, FILTER_ROWS.selection];

/** True when a filter of the view is set (not at its default). */
export function isFilterActive<K extends FilterKey>(view: Pick<ViewState, K>, key: K): boolean {
  return (FILTER_ROWS[key] as FilterRow<K>).isActive(view);
}

/** The active filters proper of a view, in order. */
export function activeFilters(view: Pick<ViewState, NarrowingKey>): FilterRow<NarrowingKey>[] {
  return FILTERS.filter((row) => row.isActive(view));
}
