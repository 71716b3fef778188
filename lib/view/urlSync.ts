import type { StoreApi } from "zustand/vanilla";
import type { ParseContext } from "./parsers";
import type { ViewStore } from "./store";
import { parseViewState, serializeViewState } from "./urlCodec";

/** The parts of `window` the URL sync touches; a fake in unit tests. */
export interface HistoryHost {
  location: { pathname: string; search: string; hash: string };
  history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
  addEventListener(type: "popstate", listener: () => void): void;
  removeEventListener(type: "popstate", listener: () => void): void;
}

/**
 * Mirrors the store into the URL and back. Writes hang off a store subscription (never off render): a
 * discrete change pushes a history entry, a continuous one replaces it. Back and forward parse the URL and
 * restore the store without writing. Returns the function that undoes both bindings.
 */
export function bindUrl(store: StoreApi<ViewStore>, ctx: ParseContext, host: HistoryHost): () => void {
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.view === prev.view || next.historyMode === "none") return;
    const query = serializeViewState(next.view, ctx);
    const url = `${host.location.pathname}${query ? `?${query}` : ""}${host.location.hash}`;
    if (url === `${host.location.pathname}${host.location.search}${host.location.hash}`) return;
    // Next's router patches pushState/replaceState and adds its own entry state; null is what it expects.
    if (next.historyMode === "replace") host.history.replaceState(null, "", url);
    else host.history.pushState(null, "", url);
  });
  const onPopState = () =>
    store.getState().restore(parseViewState(new URLSearchParams(host.location.search), ctx).state);
  host.addEventListener("popstate", onPopState);
  return () => {
    unsubscribe();
    host.removeEventListener("popstate", onPopState);
  };
}
