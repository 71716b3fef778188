import { createStore, type StoreApi } from "zustand/vanilla";
import type { StanceType } from "../model/schema";
import { normalizeQuery, type ParseContext } from "./parsers";
import {
  canonicalActors,
  canonicalStances,
  DEFAULT_VIEW,
  sameView,
  type FilterKey,
  type Focus,
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
  view: ViewState;
  /** How the latest change should be recorded in history; read by the URL subscription. */
  historyMode: HistoryMode;
  toggleActor(id: string): void;
  setActors(ids: readonly string[]): void;
  /** Sets the year range; null or the full span clears it. `continuous` for drags (replaces history). */
  setYears(range: YearRange | null, continuous?: boolean): void;
  setEpisode(id: string | null): void;
  toggleStance(type: StanceType): void;
  setStances(types: readonly StanceType[]): void;
  /** Focuses an item; focusing the focused item again clears the focus. */
  toggleFocus(focus: Focus): void;
  setFocus(focus: Focus | null): void;
  /** Sets the quote search; `continuous` while typing. */
  setQuery(q: string, continuous?: boolean): void;
  clearFilter(key: FilterKey): void;
  reset(): void;
  /** Replaces the whole view without writing history (back / forward). */
  restore(view: ViewState): void;
}

/** Creates one store per provider, seeded with the view parsed from the URL on the server. */
export function createViewStore(initial: ViewState, ctx: ParseContext): StoreApi<ViewStore> {
  return createStore<ViewStore>()((set, get) => {
    const update = (patch: Partial<ViewState>, historyMode: HistoryMode = "push") => {
      const view = { ...get().view, ...patch };
      if (sameView(view, get().view)) return;
      set({ view, historyMode });
    };
    const clampYears = (range: YearRange | null): YearRange | null => {
      if (!range) return null;
      const start = Math.max(ctx.span.start, Math.min(range.start, range.end));
      const end = Math.min(ctx.span.end, Math.max(range.start, range.end));
      if (start === ctx.span.start && end === ctx.span.end) return null;
      return { start, end };
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
        update({ years: clampYears(range) }, continuous ? "replace" : "push"),
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
      toggleFocus(focus) {
        const current = get().view.focus;
        update({ focus: current && current.kind === focus.kind && current.id === focus.id ? null : focus });
      },
      setFocus: (focus) => update({ focus }),
      setQuery: (q, continuous = false) => update({ q: normalizeQuery(q) }, continuous ? "replace" : "push"),
      clearFilter(key) {
        update({ [key]: DEFAULT_VIEW[key] });
      },
      reset: () => update({ ...DEFAULT_VIEW }),
      restore(view) {
        if (!sameView(view, get().view)) set({ view, historyMode: "none" });
      },
    };
  });
}
