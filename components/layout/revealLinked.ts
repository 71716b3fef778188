/** The marks a selection lights up in a view: the selected record, and the records linked to it. */
const LIT = '[data-focused="true"], [data-linked="true"]';
/** In the quote list, the quotes themselves come first: a lit speaker heading is not a linked quote. */
const LIT_QUOTES =
  '[data-record^="quote:"][data-focused="true"], [data-record^="quote:"][data-linked="true"]';

/**
 * True when `el`'s box shows in `box`: its centre, or for a tall box (a quote card) its first `depth` pixels
 * (a mark shows though the end of its label may not).
 */
function inside(box: DOMRect, el: DOMRect, depth: number): boolean {
  const x = el.left + el.width / 2;
  const y = el.top + Math.min(el.height, depth);
  return x >= box.left && x <= box.right && el.top >= box.top - 1 && y <= box.bottom;
}

/**
 * The part of a scroller where content can be seen: its box, less a head pinned to its top and a strip
 * pinned to the screen's foot (the selected event's details on a narrow screen), which hide what is under them.
 */
function sightOf(scroller: HTMLElement): DOMRect {
  const { left, top, width, bottom } = scroller.getBoundingClientRect();
  const head = scroller.querySelector(":scope > .view-head, :scope > h2")?.getBoundingClientRect();
  const foot = scroller.querySelector("[data-pinned]")?.getBoundingClientRect();
  const from = head ? Math.max(top, head.bottom) : top;
  // The details strip counts where it lies under the head's line (fixed at the screen's foot), not in it.
  const to = foot && foot.top > from ? Math.min(bottom, foot.top) : bottom;
  return new DOMRect(left, from, width, Math.max(0, to - from));
}

/**
 * Scrolls `scroller` (never the page) so that the first record the selection lights up in it is in sight,
 * unless one already is. Returns true when there is nothing left to do: a lit record is in sight, or the
 * scroller holds none.
 */
export function revealLit(scroller: HTMLElement, selector = LIT, depth = 0): boolean {
  const boxes = [...scroller.querySelectorAll<Element>(selector)]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 || r.height > 0);
  if (boxes.length === 0) return true;
  const sight = sightOf(scroller);
  if (boxes.some((r) => inside(sight, r, depth || r.height / 2))) return true;
  // The first in reading order: the topmost, then the leftmost.
  const first = boxes.reduce((a, b) =>
    b.top < a.top - 1 || (Math.abs(b.top - a.top) <= 1 && b.left < a.left) ? b : a,
  );
  const margin = Math.min(24, sight.height / 4);
  scroller.scrollTop += first.top - sight.top - margin;
  if (first.left < sight.left || first.right > sight.right)
    scroller.scrollLeft += first.left - sight.left - margin;
  return false;
}

/**
 * How many frames a new selection is followed while the views settle (rows measured, lazy cards drawn above
 * a linked quote push it down after it was brought into sight): about a third of a second.
 */
const FRAMES = 20;

/**
 * After a new selection, brings the first lit record of each shown view into sight, inside the view's own
 * scroller: the timeline's and the network's panels, and the quote list (whose cards are drawn lazily, so
 * their heights settle over a few frames). `primary` names the records that matter most (`kind:id`: the
 * selected record and what it is about, its speaker, its actors, its event); where a view draws some, one of
 * them is brought into sight first. Returns a cancel function.
 */
export function revealSelection(views: HTMLElement, primary: readonly string[]): () => void {
  const first = primary.map((r) => `[data-record="${CSS.escape(r)}"]`).join(", ");
  let frame = 0;
  let left = FRAMES;
  const step = () => {
    for (const panel of views.querySelectorAll<HTMLElement>(".view")) {
      if (panel.checkVisibility && !panel.checkVisibility({ visibilityProperty: true })) continue;
      const list = panel.querySelector<HTMLElement>('[data-testid="quote-list"]');
      const scroller = list ?? panel;
      // The quote list goes to its first linked quote, in its own order.
      if (list || !first || revealLit(scroller, first))
        if (!list || revealLit(list, LIT_QUOTES, 96)) revealLit(scroller);
    }
    if (--left > 0) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}
