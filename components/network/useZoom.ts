"use client";

import { useCallback, useRef, useState, type PointerEvent } from "react";
import {
  composeMatrices,
  identityMatrix,
  scaleMatrix,
  translateMatrix,
  type TransformMatrix,
} from "@visx/zoom";

/** Largest zoom over the fitted drawing. */
export const MAX_ZOOM = 8;
/** Zoom factor of one press of "Zoom in" (its inverse for "Zoom out"). */
export const ZOOM_STEP = 1.6;

/** The fitted view: no zoom, no pan. One object, so "is it fitted?" is a comparison. */
const FITTED: TransformMatrix = identityMatrix();

/** Zoom and pan over the fitted drawing, and the handlers that drive them. */
export interface NetworkZoom {
  /** Screen transform applied over the fitted drawing (`screen = fitted × scale + translate`). */
  matrix: TransformMatrix;
  /** Zoomed in past the fitted view: the background can be dragged. */
  zoomed: boolean;
  /** Exactly the fitted view. */
  fitted: boolean;
  /** Zooms by `factor` about the centre of the box, within [1, {@link MAX_ZOOM}]; back at 1 it refits. */
  zoomBy(factor: number): void;
  /** Pans by a number of screen pixels. */
  panBy(dx: number, dy: number): void;
  /** Back to the fitted view. */
  reset(): void;
  /** Pointer handlers for the drawing: a drag on its background pans it while zoomed in. */
  onPointerDown(e: PointerEvent<SVGSVGElement>): void;
  onPointerMove(e: PointerEvent<SVGSVGElement>): void;
  onPointerUp(): void;
}

/**
 * The network's zoom and pan, kept as a @visx/zoom transform matrix and changed with its matrix helpers.
 * Not its `<Zoom>` component: that one binds wheel, pinch and drag through a gesture library on the first
 * load, and a wheel over the drawing must scroll the page, so the drag is bound here, to the background only.
 */
export function useZoom(width: number, height: number): NetworkZoom {
  const [matrix, setMatrix] = useState<TransformMatrix>(FITTED);
  const drag = useRef<{ id: number; x: number; y: number; tx: number; ty: number } | null>(null);

  const zoomBy = useCallback(
    (factor: number) =>
      setMatrix((m) => {
        const k = Math.min(MAX_ZOOM, Math.max(1, m.scaleX * factor));
        if (k === 1) return FITTED;
        const cx = width / 2;
        const cy = height / 2;
        return composeMatrices(
          translateMatrix(cx, cy),
          scaleMatrix(k / m.scaleX),
          translateMatrix(-cx, -cy),
          m,
        );
      }),
    [width, height],
  );
  const panBy = useCallback(
    (dx: number, dy: number) =>
      setMatrix((m) => ({ ...m, translateX: m.translateX + dx, translateY: m.translateY + dy })),
    [],
  );
  const reset = useCallback(() => setMatrix(FITTED), []);

  const zoomed = matrix.scaleX > 1;
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (!zoomed || e.button !== 0) return;
    if ((e.target as Element).closest("[data-record],[data-edge]")) return;
    drag.current = {
      id: e.pointerId,
      x: e.clientX,
      y: e.clientY,
      tx: matrix.translateX,
      ty: matrix.translateY,
    };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    setMatrix((m) => ({ ...m, translateX: d.tx + e.clientX - d.x, translateY: d.ty + e.clientY - d.y }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return {
    matrix,
    zoomed,
    fitted: matrix === FITTED,
    zoomBy,
    panBy,
    reset,
    onPointerDown,
    onPointerMove,
    onPointerUp,
  };
}
