import type { DatasetIndex } from "../data/indexDataset";
import type { Focus } from "../view/viewState";
import { memoizeLast } from "./memo";

/** Everything linked to the focused item, by kind of record; empty sets when nothing is focused. */
export interface Linked {
  events: ReadonlySet<string>;
  stances: ReadonlySet<string>;
  quotes: ReadonlySet<string>;
  actors: ReadonlySet<string>;
  /** True when a focus is set (so views can dim what is not linked). */
  active: boolean;
}

const EMPTY: Linked = {
  events: new Set(),
  stances: new Set(),
  quotes: new Set(),
  actors: new Set(),
  active: false,
};

/**
 * What the focused item links to: an event → its actors, stances and quotes; an actor (and the people and
 * bodies that speak for it) → its stances, quotes and events; a stance → its two actors, its event and that
 * event's quotes by either side; a quote → its speaker, its event and that event's stances.
 */
export function linkedTo(index: DatasetIndex, focus: Focus | null): Linked {
  if (!focus) return EMPTY;
  const events = new Set<string>();
  const stances = new Set<string>();
  const quotes = new Set<string>();
  const actors = new Set<string>();
  const addEvent = (id: string | undefined) => {
    const e = id ? index.eventById.get(id) : undefined;
    if (!e) return;
    events.add(e.id);
    for (const a of e.actors) actors.add(a);
    for (const a of e.targets) actors.add(a);
  };
  switch (focus.kind) {
    case "event": {
      addEvent(focus.id);
      for (const s of index.stancesByEvent.get(focus.id) ?? []) {
        stances.add(s.id);
        actors.add(s.from);
        actors.add(s.to);
      }
      for (const q of index.quotesByEvent.get(focus.id) ?? []) {
        quotes.add(q.id);
        actors.add(q.speaker);
      }
      break;
    }
    case "actor": {
      // An actor's camp: itself and every actor affiliated to it (Russia → Lavrov, the foreign ministry).
      const camp = new Set([focus.id]);
      for (const [id] of index.actorById) {
        let a = index.actorById.get(id);
        for (let depth = 0; a?.affiliation && depth < 8; depth++) {
          if (a.affiliation === focus.id) {
            camp.add(id);
            break;
          }
          a = index.actorById.get(a.affiliation);
        }
      }
      for (const a of camp) actors.add(a);
      for (const s of index.data.stances)
        if (camp.has(s.from) || camp.has(s.to)) {
          stances.add(s.id);
          actors.add(s.from);
          actors.add(s.to);
        }
      for (const q of index.data.quotes) if (camp.has(q.speaker)) quotes.add(q.id);
      for (const e of index.data.events)
        if (e.actors.some((a) => camp.has(a)) || e.targets.some((a) => camp.has(a))) events.add(e.id);
      break;
    }
    case "stance": {
      const s = index.stanceById.get(focus.id);
      if (!s) return EMPTY;
      stances.add(s.id);
      actors.add(s.from);
      actors.add(s.to);
      addEvent(s.eventId);
      const sides = new Set([index.campOf.get(s.from) ?? s.from, index.campOf.get(s.to) ?? s.to]);
      for (const q of s.eventId ? (index.quotesByEvent.get(s.eventId) ?? []) : [])
        if (sides.has(index.campOf.get(q.speaker) ?? q.speaker)) quotes.add(q.id);
      break;
    }
    case "quote": {
      const q = index.quoteById.get(focus.id);
      if (!q) return EMPTY;
      quotes.add(q.id);
      actors.add(q.speaker);
      addEvent(q.eventId);
      const camp = index.campOf.get(q.speaker) ?? q.speaker;
      for (const s of q.eventId ? (index.stancesByEvent.get(q.eventId) ?? []) : [])
        if ((index.campOf.get(s.from) ?? s.from) === camp || s.from === q.speaker) stances.add(s.id);
      break;
    }
  }
  return { events, stances, quotes, actors, active: true };
}

/** {@link linkedTo}, memoised on the index and the focus. */
export const selectLinked = memoizeLast(linkedTo, (focus: Focus | null) =>
  focus ? `${focus.kind}:${focus.id}` : "",
);
