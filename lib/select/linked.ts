import { groupBy, type DatasetIndex, type RecordColumns } from "../data/indexDataset";
import type { Selection } from "../model/viewState";
import { memoizeLast } from "../util/memo";

/** Everything linked to the selected record, by kind of record; empty sets when nothing is selected. */
export interface Linked {
  events: ReadonlySet<string>;
  stances: ReadonlySet<string>;
  quotes: ReadonlySet<string>;
  actors: ReadonlySet<string>;
  /** True when a record is selected (so views can dim what is not linked). */
  active: boolean;
}

const EMPTY: Linked = {
  events: new Set(),
  stances: new Set(),
  quotes: new Set(),
  actors: new Set(),
  active: false,
};

const affiliates = new WeakMap<DatasetIndex, ReadonlyMap<string, readonly string[]>>();

/** An actor and every actor affiliated to it, directly or through others (a breadth-first walk). */
function campOf(index: DatasetIndex, id: string): string[] {
  let children = affiliates.get(index);
  if (!children) {
    const byAffiliation = groupBy(index.data.actors, (a) => a.affiliation);
    children = new Map([...byAffiliation].map(([id, list]) => [id, list.map((a) => a.id)]));
    affiliates.set(index, children);
  }
  const camp = [id];
  const seen = new Set(camp);
  for (let k = 0; k < camp.length; k++)
    for (const c of children.get(camp[k]!) ?? [])
      if (!seen.has(c)) {
        seen.add(c);
        camp.push(c);
      }
  return camp;
}

/**
 * What the selected record links to: an event → its actors, stances and quotes; an actor (and the people and
 * bodies that speak for it) → its stances, quotes and events; a stance → its two actors, its event and that
 * event's quotes by either side; a quote → its speaker, its event and that event's stances.
 */
export function linkedTo(index: DatasetIndex, selection: Selection | null): Linked {
  if (!selection) return EMPTY;
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
  switch (selection.kind) {
    case "event": {
      addEvent(selection.id);
      for (const s of index.stancesByEvent.get(selection.id) ?? []) {
        stances.add(s.id);
        actors.add(s.from);
        actors.add(s.to);
      }
      for (const q of index.quotesByEvent.get(selection.id) ?? []) {
        quotes.add(q.id);
        actors.add(q.speaker);
      }
      break;
    }
    case "actor": {
      // An actor's camp: itself and every actor affiliated to it (Russia → Lavrov, the foreign ministry).
      for (const a of campOf(index, selection.id)) actors.add(a);
      // The records involving someone of the camp are those whose actors, affiliations included, hold the
      // selected actor: its posting lists in the index.
      const a = index.actorIndex.get(selection.id);
      if (a === undefined) break;
      const { columns, data } = index;
      const each = (c: RecordColumns, f: (i: number) => void) => {
        for (let k = c.recordStart[a]!; k < c.recordStart[a + 1]!; k++) f(c.records[k]!);
      };
      each(columns.stances, (i) => {
        const s = data.stances[i]!;
        stances.add(s.id);
        actors.add(s.from);
        actors.add(s.to);
      });
      each(columns.quotes, (i) => quotes.add(data.quotes[i]!.id));
      each(columns.events, (i) => events.add(data.events[i]!.id));
      break;
    }
    case "stance": {
      const s = index.stanceById.get(selection.id);
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
      const q = index.quoteById.get(selection.id);
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

/** {@link linkedTo}, memoised on the index and the selection. */
export const selectLinked = memoizeLast(linkedTo, (selection: Selection | null) =>
  selection ? `${selection.kind}:${selection.id}` : "",
);
