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
 * Writes a history entry without Next's router noticing. Next patches `history.pushState` on the instance
 * so that every call becomes a router transition and a second `replaceState` with the router tree (about
 * 2–3 ms a change here, then a re-render of the router). The view lives in the store, not in the router,
 * so the prototype's method is called instead; its entries carry `null` state, which Next's popstate
 * handler leaves alone, and our own popstate listener restores the store.
 */
function write(host: HistoryHost, mode: "push" | "replace", url: string) {
  const history = host.history as History;
  const proto = typeof History !== "undefined" && history instanceof History ? History.prototype : null;
  if (mode === "replace") (proto?.replaceState ?? history.replaceState).call(history, null, "", url);
  else (proto?.pushState ?? history.pushState).call(history, null, "", url);
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
    write(host, next.historyMode, url);
  });
  const onPopState = () =>
    store.getState().restore(parseViewState(new URLSearchParams(host.location.search), ctx).state);
  host.addEventListener("popstate", onPopState);
  return () => {
    unsubscribe();
    host.removeEventListener("popstate", onPopState);
  };
}
