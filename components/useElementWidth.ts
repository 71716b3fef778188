"use client";

import { useLayoutEffect, useRef, useState } from "react";

/**
 * The content width of an element, kept current by a ResizeObserver. Until the first measurement (and on
 * the server) it is `fallback`, so the first paint lays out at a plausible width instead of crashing.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  // A layout effect: the first client paint already has the measured width, not the fallback.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The observer also fires when only the height changes (a filter that shortens a view): compare here,
    // so that such a change schedules no render at all.
    let last: number | null = null;
    const measure = (w: number) => {
      if (last !== null && Math.abs(last - w) < 1) return;
      last = w;
      setWidth(Math.floor(w));
    };
    measure(el.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width: width ?? fallback, measured: width !== null };
}
