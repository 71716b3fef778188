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
 * so that every call becomes a router transition and a second `replaceState` with the router tree, then a
 * re-render of the router: main-thread work on every change for a router that holds none of the view. The
 * view lives in the store, not in the router, so the prototype's method is called instead; its entries
 * carry `null` state, which Next's popstate handler leaves alone, and our own popstate listener restores
 * the store.
 */
function write(host: HistoryHost, mode: "push" | "replace", url: string) {
  const history = host.history as History;
  const proto = typeof History !== "undefined" && history instanceof History ? History.prototype : null;
  if (mode === "replace") (proto?.replaceState ?? history.replaceState).call(history, null, "", url);
  else (proto?.pushState ?? history.pushState).call(history, null, "", url);
}

/**
 * Runs `flush` after the next frame has been painted: in a task queued from a requestAnimationFrame
 * callback, which the browser runs once that frame's style, layout and paint are done. A timer backs it
 * up, since a hidden tab gets no frames.
 */
export function afterNextPaint(flush: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 250);
}

/** Writes the store's changes to the URL; `flush` writes a pending change now. */
export interface UrlBinding {
  /** Writes the change still waiting for its frame, if any (before the URL is read or the page left). */
  flush(): void;
  /** Undoes both bindings; a pending write is dropped. */
  unbind(): void;
}

/**
 * Mirrors the store into the URL and back. Writes hang off a store subscription (never off render): a
 * discrete change pushes a history entry, a continuous one replaces it. Back and forward parse the URL and
 * restore the store without writing. A URL holding values that were ignored is replaced, once, by the
 * view's own.
 *
 * `defer` decides when a write happens; by default at once. The dashboard passes {@link afterNextPaint}:
 * `history.pushState` is synchronous main-thread work the user cannot see, so it has no business inside
 * the frame that shows a filter change. Deferring keeps every entry: a push still waiting when another
 * change arrives is written first, and a replace folds into the write still waiting (a replace of a fresh push leaves
 * one entry either way).
 */
export function bindUrl(
  store: StoreApi<ViewStore>,
  ctx: ParseContext,
  host: HistoryHost,
  defer: (flush: () => void) => void = (flush) => flush(),
): UrlBinding {
  // The URL is made when the change happens (the path it was made on), written when `defer` says.
  const urlOf = (view: ViewStore["view"]) => {
    const query = serializeViewState(view, ctx);
    return `${host.location.pathname}${query ? `?${query}` : ""}${host.location.hash}`;
  };
  let pending: { mode: "push" | "replace"; url: string } | null = null;
  const flush = () => {
    if (!pending) return;
    const { mode, url } = pending;
    pending = null;
    if (url === `${host.location.pathname}${host.location.search}${host.location.hash}`) return;
    write(host, mode, url);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.view === prev.view || next.historyMode === "none") return;
    if (pending && next.historyMode === "replace") {
      pending.url = urlOf(next.view);
      return;
    }
    flush();
    pending = { mode: next.historyMode, url: urlOf(next.view) };
    defer(flush);
  });
  const onPopState = () => {
    // Back or forward acts on the history as written: a change still waiting loses to it.
    pending = null;
    store.getState().restore(parseViewState(new URLSearchParams(host.location.search), ctx).state);
  };
  host.addEventListener("popstate", onPopState);
  // A link with values the page could not use (the notice names them) is rewritten to the view it shows,
  // in place: reloading or sharing it must not bring the bad values back, and Back must not land on it.
  const current = `${host.location.pathname}${host.location.search}${host.location.hash}`;
  if (parseViewState(new URLSearchParams(host.location.search), ctx).ignored.length > 0) {
    const canonical = urlOf(store.getState().view);
    if (canonical !== current) write(host, "replace", canonical);
  }
  return {
    flush,
    unbind() {
      pending = null;
      unsubscribe();
      host.removeEventListener("popstate", onPopState);
    },
  };
}
