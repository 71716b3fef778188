"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import { bindUrl, createViewStore, type ParseContext, type ViewState, type ViewStore } from "@/lib/view";

const ViewStoreContext = createContext<StoreApi<ViewStore> | null>(null);

/**
 * One view-state store per provider (never a module-level store), seeded with the view the server parsed
 * from the URL, and bound to the browser history after mount.
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
  const [store] = useState(() => createViewStore(initialView, parseContext));
  useEffect(() => bindUrl(store, parseContext, window), [store, parseContext]);
  return <ViewStoreContext.Provider value={store}>{children}</ViewStoreContext.Provider>;
}

/** Reads from the nearest view store; pass a selector that returns stable values (or wrap it in useShallow). */
export function useViewStore<T>(selector: (state: ViewStore) => T): T {
  const store = useContext(ViewStoreContext);
  if (!store) throw new Error("useViewStore must be used inside <ViewStoreProvider>");
  return useStore(store, selector);
}
