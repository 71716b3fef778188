"use client";

import { useLayoutEffect, useRef, useState } from "react";

/**
 * The width to store after measuring `measured` CSS pixels, or null to keep `stored`: whole pixels, rounded
 * down, and changed only when the box is a pixel or more away from the stored width (sub-pixel jitter and
 * height-only resizes leave it alone; the stored width never lags a whole pixel behind the box).
 */
export function widthUpdate(stored: number | null, measured: number): number | null {
  if (stored !== null && Math.abs(stored - measured) < 1) return null;
  return Math.floor(measured);
}

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
      const next = widthUpdate(last, w);
      if (next === null) return;
      last = next;
      setWidth(next);
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
