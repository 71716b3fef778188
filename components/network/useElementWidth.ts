"use client";

import { useEffect, useLayoutEffect, useState, type RefObject } from "react";

// Measure before the first client paint where there is a DOM; the server has none.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * The content width of an element, tracked with a ResizeObserver; `fallback` until the first measurement, so
 * the server render and the client's first render agree.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useIsomorphicLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const initial = el.getBoundingClientRect().width;
    if (initial > 0) setWidth(Math.round(initial));
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
