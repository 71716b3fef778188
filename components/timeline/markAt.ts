/** Selector of the timeline's event marks. */
export const MARK_SELECTOR = '[data-record^="event:"]';

/**
 * The mark a press or click at a point is for. A glyph or label belongs to its own mark; the invisible hit
 * areas (24 px, larger than most glyphs) of close marks overlap, and there the mark whose centre is nearest
 * wins, not the one drawn last, so that a click on a glyph never selects its neighbour.
 */
export function markAt(target: EventTarget | null, x: number, y: number): Element | null {
  const own = target instanceof Element ? target.closest(MARK_SELECTOR) : null;
  if (!own || !(target instanceof Element) || target.getAttribute("data-part") !== "hit") return own;
  let best = own;
  let least = Infinity;
  for (const el of document.elementsFromPoint(x, y)) {
    const mark = el.getAttribute("data-part") === "hit" ? el.closest(MARK_SELECTOR) : null;
    if (!mark) continue;
    const r = el.getBoundingClientRect();
    const d = Math.hypot(r.left + r.width / 2 - x, r.top + r.height / 2 - y);
    if (d < least) [best, least] = [mark, d];
  }
  return best;
}
