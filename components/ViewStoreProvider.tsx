"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import {
  afterNextPaint,
  bindUrl,
  createViewStore,
  type ParseContext,
  type UrlBinding,
  type ViewState,
  type ViewStore,
} from "@/lib/view";

interface ViewStoreContextValue {
  store: StoreApi<ViewStore>;
  /** The page's URL with every change written to it. */
  currentUrl(): string;
}

const ViewStoreContext = createContext<ViewStoreContextValue | null>(null);

/**
 * One view-state store per provider (never a module-level store), seeded with the view the server parsed
 * from the URL, and bound to the browser history after mount. A change reaches the URL once the frame
 * that shows it has been painted; a key or pointer press, leaving the page, or asking for the link writes
 * it at once.
 */
export function ViewStoreProvider({
  initialView,
  parseContext,
  children,
}: {
  /** The view parsed from the request's search params. */
  initialView: ViewState;
  /** Known ids and span of the dataset, for reading the URL on back / forward. */
  parseContext: ParseContext;
  children: ReactNode;
}) {
  const binding = useRef<UrlBinding | null>(null);
  const [value] = useState<ViewStoreContextValue>(() => ({
    store: createViewStore(initialView, parseContext),
    currentUrl() {
      binding.current?.flush();
      return window.location.href;
    },
  }));
  useEffect(() => {
    const bound = bindUrl(value.store, parseContext, window, afterNextPaint);
    binding.current = bound;
    // A change waits at most a frame for its URL. Anything that could navigate in that frame (a key, a
    // pointer button, leaving the page) writes it first, so Back undoes exactly the last change. Capture
    // phase: before the handler of a key or click that makes the next change.
    const flush = () => bound.flush();
    const options = { capture: true, passive: true };
    window.addEventListener("keydown", flush, options);
    window.addEventListener("pointerdown", flush, options);
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("keydown", flush, options);
      window.removeEventListener("pointerdown", flush, options);
      window.removeEventListener("pagehide", flush);
      // Unmounted (a navigation away): a change still waiting belongs to a page no longer shown.
      bound.unbind();
      binding.current = null;
    };
  }, [value, parseContext]);
  return <ViewStoreContext.Provider value={value}>{children}</ViewStoreContext.Provider>;
}

function useViewStoreContext(): ViewStoreContextValue {
  const value = useContext(ViewStoreContext);
  if (!value) throw new Error("useViewStore must be used inside <ViewStoreProvider>");
  return value;
}

/** Reads from the nearest view store; pass a selector that returns stable values (or wrap it in useShallow). */
export function useViewStore<T>(selector: (state: ViewStore) => T): T {
  return useStore(useViewStoreContext().store, selector);
}

/** A function returning the page's URL with every view change written to it: the link to share. */
export function useCurrentUrl(): () => string {
  return useViewStoreContext().currentUrl;
}
