// Events bubble from the marks to one handler per event on the drawing, which finds the mark by these
// attributes: no mark holds a closure of its own, so memoised marks stay put when the handlers change.

/** The actor whose mark holds the event's target (never the grouped "others"), or null. */
export const actorOf = (target: EventTarget) =>
  (target as Element).closest?.("[data-record^='actor:']")?.getAttribute("data-node") ?? null;

/** Id of the edge whose marks hold the event's target, or null. */
export const edgeOf = (target: EventTarget) =>
  (target as Element).closest?.("[data-edge]")?.getAttribute("data-edge") ?? null;
