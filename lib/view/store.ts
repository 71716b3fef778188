import { createStore, type StoreApi } from "zustand/vanilla";
import type { StanceType } from "../model/schema";
import { FILTER_ROWS } from "../select/filterTable";
import { normalizeQuery, type ParseContext } from "./parsers";
import { followsStory } from "./urlCodec";
import {
  canonicalActors,
  canonicalStances,
  DEFAULT_VIEW,
  normalizeYears,
  PROVENANCE_REPORTS,
  sameView,
  type Provenance,
  type Compare,
  type NetworkForm,
  type EgoDepth,
  COMPARE_EPISODES,
  EGO_DEPTHS,
  NETWORK_FORMS,
  type FilterKey,
  type Selection,
  type ViewState,
  type YearRange,
} from "../model/viewState";

/**
 * How a change is written to the browser history: a discrete change adds an entry, a continuous one
 * (dragging the year range, typing a search) replaces the current entry, and a restore from history
 * (back / forward) writes nothing.
 */
export type HistoryMode = "push" | "replace" | "none";

/** The view-state store: the live form of the URL, and nothing else (the dataset never enters it). */
export interface ViewStore {
  /** The current view. */
  view: ViewState;
  /** How the latest change should be recorded in history; read by the URL subscription. */
  historyMode: HistoryMode;
  /** Adds an actor to the filter, or removes it when it is in. */
  toggleActor(id: string): void;
  /** Sets the actor filter (unknown ids dropped). */
  setActors(ids: readonly string[]): void;
  /** Sets the year range, normalised by `normalizeYears` (the full span clears it); `continuous` for drags. */
  setYears(range: YearRange | null, continuous?: boolean): void;
  /** Sets or clears the episode (an unknown id clears it). */
  setEpisode(id: string | null): void;
  /** Adds a stance type to the filter, or removes it when it is in. */
  toggleStance(type: StanceType): void;
  /** Sets the stance-type filter. */
  setStances(types: readonly StanceType[]): void;
  /** Selects a record; selecting the selected record again clears the selection. */
  toggleSelection(selection: Selection): void;
  /** Sets or clears the selection. */
  setSelection(selection: Selection | null): void;
  /** Sets the quote search; `continuous` while typing. */
  setQuery(q: string, continuous?: boolean): void;
  /** Sets or clears the provenance filter ("only what the reports state"). */
  setProvenance(provenance: Provenance | null): void;
  /** Removes one filter (or the selection), as the filter table says. */
  clearFilter(key: FilterKey): void;
  /** Back to the default view: no filter, no selection. */
  reset(): void;
  /** Replaces the whole view without writing history (back / forward). */
  restore(view: ViewState): void;
  /** Shows the network per episode (small multiples), or one network. */
  setCompare(compare: Compare | null): void;
  /** Draws the network as a graph or as a matrix; null leaves the form to the page's width. */
  setNetworkForm(form: NetworkForm | null): void;
  /**
   * Narrows the graph to the selected actor's neighbours `ego` steps away, or shows all of it (null); `form`,
   * when given, sets the network's form in the same history entry.
   */
  setEgo(ego: EgoDepth | null, form?: NetworkForm | null): void;
  /** Shows a story's step (1-based, clamped to the story): its view state; an unknown story does nothing. */
  showStep(story: string, step: number): void;
  /** Leaves the story and keeps its step's view ("Explore from here"). */
  leaveStory(): void;
}

const networkForm = (form: NetworkForm | null) =>
  form !== null && NETWORK_FORMS.includes(form) ? form : null;

/** Creates one store per provider, seeded with the view parsed from the URL on the server. */
export function createViewStore(initial: ViewState, ctx: ParseContext): StoreApi<ViewStore> {
  return createStore<ViewStore>()((set, get) => {
    const update = (patch: Partial<ViewState>, historyMode: HistoryMode = "push") => {
      let view = { ...get().view, ...patch };
      // A change to the step's filters leaves the story: the reader explores from there.
      if (view.story !== null && !followsStory(view, ctx)) view = { ...view, story: null, step: null };
      if (sameView(view, get().view)) return;
      set({ view, historyMode });
    };
    return {
      view: initial,
      historyMode: "none",
      toggleActor(id) {
        const actors = get().view.actors;
        update({
          actors: actors.includes(id) ? actors.filter((a) => a !== id) : canonicalActors([...actors, id]),
        });
      },
      setActors: (ids) => update({ actors: canonicalActors(ids.filter((id) => ctx.actorIds.has(id))) }),
      setYears: (range, continuous = false) =>
        update({ years: normalizeYears(range, ctx.span) }, continuous ? "replace" : "push"),
      setEpisode: (id) => update({ episode: id !== null && ctx.episodeIds.has(id) ? id : null }),
      toggleStance(type) {
        const stances = get().view.stances;
        update({
          stances: stances.includes(type)
            ? stances.filter((t) => t !== type)
            : canonicalStances([...stances, type]),
        });
      },
      setStances: (types) => update({ stances: canonicalStances(types) }),
      toggleSelection(selection) {
        const current = get().view.selection;
        const same = current !== null && current.kind === selection.kind && current.id === selection.id;
        update({ selection: same ? null : selection });
      },
      setSelection: (selection) => update({ selection }),
      setQuery: (q, continuous = false) => update({ q: normalizeQuery(q) }, continuous ? "replace" : "push"),
      setProvenance: (provenance) =>
        update({ provenance: provenance === PROVENANCE_REPORTS ? provenance : null }),
      clearFilter(key) {
        update({ [key]: FILTER_ROWS[key].cleared });
      },
      // Reset clears the filters and the selection, not the dataset nor how the page is shown (an embed stays an
      // embed, a matrix a matrix, a comparison a comparison). The ego focus goes with the selection it centres on.
      reset: () => {
        const { data, views, embed, compare, networkForm } = get().view;
        update({ ...DEFAULT_VIEW, data, views, embed, compare, networkForm });
      },
      restore(view) {
        if (!sameView(view, get().view)) set({ view, historyMode: "none" });
      },
      showStep(story, step) {
        const steps = ctx.stories.get(story);
        if (!steps || steps.length === 0) return;
        const n = Math.min(Math.max(1, Math.trunc(step) || 1), steps.length);
        const { data, embed, views } = get().view;
        // An embed that shows some of the views keeps showing those; elsewhere the step says which.
        update({
          ...steps[n - 1]!,
          data,
          embed,
          views: embed && views.length > 0 ? views : steps[n - 1]!.views,
          story,
          step: n,
        });
      },
      leaveStory: () => update({ story: null, step: null }),
      setCompare: (compare) => update({ compare: compare === COMPARE_EPISODES ? compare : null }),
      // Picking the graph or the matrix leaves the comparison, in the same history entry.
      setNetworkForm: (form) => update({ networkForm: networkForm(form), compare: null }),
      setEgo: (ego, form) =>
        update({
          ego: ego !== null && EGO_DEPTHS.includes(ego) ? ego : null,
          ...(form === undefined ? {} : { networkForm: networkForm(form) }),
        }),
    };
  });
}
