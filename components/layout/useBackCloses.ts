"use client";

import { useEffect, useRef } from "react";

const here = () => `${location.pathname}${location.search}${location.hash}`;

/**
 * Overlays (the filter sheet, the evidence drawer) that Back closes before it changes the view. Opening one
 * pushes a history entry for the same address; the first Back lands on it and closes the overlay, while the
 * URL ⇄ store binding reads an unchanged address and leaves the view alone. Closing an overlay any other way
 * takes its entry back out, so the history holds no dead step.
 *
 * The entry carries `null` state, as the binding's own do (Next's router reloads the page on a popstate
 * whose state it does not recognise); whether the overlay's entry is there lives in `marked`.
 *
 * `viewUrl` gives the address of the view as it stands: when a view change was made while the overlay was
 * open (a filter set in the sheet), Back lands on the overlay's older address; the overlay closes, the
 * binding is kept from restoring that address, and the view's own is put back, so the view changes with
 * the next Back, not with this one.
 */
export function useBackCloses(
  open: boolean,
  close: () => void,
  {
    viewUrl,
    writtenUrl,
  }: {
    /** The address of the view as rendered last. */
    viewUrl(): string;
    /** The page's address once every view change waiting for its frame is written (useCurrentUrl). */
    writtenUrl(): string;
  },
): void {
  const state = useRef({ close, viewUrl, writtenUrl, marked: false, markedUrl: "" });
  useEffect(() => {
    state.current.close = close;
    state.current.viewUrl = viewUrl;
    state.current.writtenUrl = writtenUrl;
  }, [close, viewUrl, writtenUrl]);

  // Listening from mount, once: window listeners run in the order they were added, and this one must run
  // before the URL binding's (ViewStoreProvider binds in its own effect, which React runs after those of
  // the components inside it), so that it can keep the binding from restoring an overlay's address.
  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const s = state.current;
      if (!s.marked) return;
      s.marked = false;
      const view = s.viewUrl();
      if (view !== here()) {
        e.stopImmediatePropagation();
        History.prototype.replaceState.call(history, null, "", view);
      }
      s.close();
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    if (!open) return;
    const s = state.current;
    History.prototype.pushState.call(history, null, "", here());
    s.marked = true;
    s.markedUrl = here();
    return () => {
      // Closed by its own button or Escape: take the overlay's entry back out while it is the current one. A
      // view change made with the closing ("Highlight in the views") is written first: its entry then follows
      // the overlay's, which stays.
      if (!s.marked) return;
      s.marked = false;
      s.writtenUrl();
      if (here() === s.markedUrl) history.back();
    };
  }, [open]);
}
