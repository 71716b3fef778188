"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { useParentSize } from "@visx/responsive";

/**
 * The width to store after measuring `measured` CSS pixels, or null to keep `stored`: whole pixels, rounded
 * down, and changed only when the box is a pixel or more away from the stored width (sub-pixel jitter and
 * height-only resizes leave it alone; the stored width never lags a whole pixel behind the box).
 */
export function widthUpdate(stored: number | null, measured: number): number | null {
  if (stored !== null && Math.abs(stored - measured) < 1) return null;
  return Math.floor(measured);
}

/** What useParentSize reports before its first measurement: no box is narrower than nothing. */
const UNMEASURED = -1;
const INITIAL_SIZE = { width: UNMEASURED };
/**
 * Only the width lays a view out: a change of the others (a filter that shortens a view) renders nothing.
 * One array for every call, as useParentSize rebuilds its observer when this changes identity.
 */
const IGNORED: ("height" | "top" | "left")[] = ["height", "top", "left"];

/**
 * The content width of an element, measured by visx's `useParentSize` (a ResizeObserver) and stored in whole
 * pixels by `widthUpdate`. Until the first measurement (and on the server) it is `fallback`, so the first
 * paint lays out at a plausible width instead of crashing. `ref` goes on the element; `elementRef` holds it
 * once mounted, for handlers and effects.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const elementRef = useRef<T>(null);
  const {
    parentRef,
    node,
    width: box,
    resize,
  } = useParentSize<T>({
    externalRef: elementRef,
    initialSize: INITIAL_SIZE,
    ignoreDimensions: IGNORED,
    // Follow the box as it changes: for visx's default 300 ms the view would be stretched by CSS instead.
    debounceTime: 0,
  });
  // The observer reports after the first paint: measure in a layout effect so that the first client paint
  // is already laid out at the real width, not the fallback.
  useLayoutEffect(() => {
    if (!node) return;
    const { width, height, top, left } = node.getBoundingClientRect();
    resize({ width, height, top, left });
  }, [node, resize]);
  // The stored width follows the box through `widthUpdate` (adjusted during render, React's pattern for
  // state derived from a changing input), so sub-pixel jitter keeps the width every layout is keyed on.
  const [stored, setStored] = useState<number | null>(null);
  const next = box === UNMEASURED ? null : widthUpdate(stored, box);
  if (next !== null && next !== stored) setStored(next);
  const width = next ?? stored;
  return { ref: parentRef, elementRef, width: width ?? fallback, measured: width !== null };
}
