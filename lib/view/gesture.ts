/** Changes closer together than this belong to one gesture (a drag, or arrow keys pressed in a row). */
export const GESTURE_GAP_MS = 800;

/**
 * The push-or-replace rule of a control that changes continuously (the year slider): the first change of a
 * gesture pushes a history entry and every later change of the same gesture replaces it, so Back returns to
 * where the gesture began rather than stepping through every value passed. A change belongs to the gesture
 * of the previous one when it comes less than `gap` milliseconds after it; `previousAt` is -Infinity before
 * the first change. Pure, so the rule is tested without a browser.
 */
export function gestureHistoryMode(
  previousAt: number,
  now: number,
  gap: number = GESTURE_GAP_MS,
): "push" | "replace" {
  return now - previousAt < gap ? "replace" : "push";
}
