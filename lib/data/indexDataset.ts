import type { Actor, Claim, DatasetFile, Episode, Event, Quote, Source, Stance } from "../model/schema";

/** Facts about one dated record that every filter needs, computed once at load. */
export interface RecordFacts {
  /** Calendar year of the record's date. */
  year: number;
  /** Every actor the record involves, plus those actors' affiliations (transitively). */
  actors: ReadonlySet<string>;
  /** The episode the record belongs to: its event's, or the one whose span holds its date. */
  episode: string | null;
}

/** The validated dataset with lookups built once at load; views and selectors never rescan the arrays. */
export interface DatasetIndex {
  data: DatasetFile;
  actorById: ReadonlyMap<string, Actor>;
  sourceById: ReadonlyMap<string, Source>;
  episodeById: ReadonlyMap<string, Episode>;
  eventById: ReadonlyMap<string, Event>;
  stanceById: ReadonlyMap<string, Stance>;
  quoteById: ReadonlyMap<string, Quote>;
  claimById: ReadonlyMap<string, Claim>;
  eventFacts: ReadonlyMap<string, RecordFacts>;
  stanceFacts: ReadonlyMap<string, RecordFacts>;
  quoteFacts: ReadonlyMap<string, RecordFacts>;
  /** The actor a person or institution ultimately speaks for (Lavrov → russia); itself when unaffiliated. */
  campOf: ReadonlyMap<string, string>;
  /** Stances tied to each event. */
  stancesByEvent: ReadonlyMap<string, readonly Stance[]>;
  /** Quotes tied to each event. */
  quotesByEvent: ReadonlyMap<string, readonly Quote[]>;
  /** Stance types tied to each event, for the stance-type filter. */
  stanceTypesByEvent: ReadonlyMap<string, ReadonlySet<string>>;
  /** Quotes in each source, stances in each source, events in each source: the evidence panel's "same source". */
  recordsBySource: ReadonlyMap<
    string,
    { events: readonly Event[]; stances: readonly Stance[]; quotes: readonly Quote[] }
  >;
  /** First and last year of any dated record: the default year range. */
  span: { start: number; end: number };
}

const byId = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]));

/** Builds the {@link DatasetIndex} of a validated dataset. Pure: same input, same index. */
export function indexDataset(data: DatasetFile): DatasetIndex {
  const actorById = byId(data.actors);
  const eventById = byId(data.events);

  // Affiliation chains (ministry → state) are short; walk them once per actor, guarding against cycles.
  const chainOf = new Map<string, string[]>();
  const campOf = new Map<string, string>();
  for (const actor of data.actors) {
    const chain = [actor.id];
    let next = actor.affiliation;
    while (next && !chain.includes(next) && actorById.has(next)) {
      chain.push(next);
      next = actorById.get(next)?.affiliation;
    }
    chainOf.set(actor.id, chain);
    campOf.set(actor.id, chain[chain.length - 1] ?? actor.id);
  }
  const withAffiliations = (ids: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (const id of ids) for (const a of chainOf.get(id) ?? [id]) out.add(a);
    return out;
  };
  const episodeByDate = (date: string): string | null =>
    data.episodes.find((e) => date >= e.start && date <= e.end)?.id ?? null;
  const yearOf = (date: string) => Number(date.slice(0, 4));

  const eventFacts = new Map<string, RecordFacts>();
  for (const e of data.events)
    eventFacts.set(e.id, {
      year: yearOf(e.date),
      actors: withAffiliations([...e.actors, ...e.targets]),
      episode: e.episode,
    });
  const linkedEpisode = (eventId: string | undefined, date: string) => {
    const event = eventId ? eventById.get(eventId) : undefined;
    return event ? event.episode : episodeByDate(date);
  };
  const stanceFacts = new Map<string, RecordFacts>();
  for (const s of data.stances)
    stanceFacts.set(s.id, {
      year: yearOf(s.date),
      actors: withAffiliations([s.from, s.to]),
      episode: linkedEpisode(s.eventId, s.date),
    });
  const quoteFacts = new Map<string, RecordFacts>();
  for (const q of data.quotes)
    quoteFacts.set(q.id, {
      year: yearOf(q.date),
      actors: withAffiliations([q.speaker]),
      episode: linkedEpisode(q.eventId, q.date),
    });

  // A loop, not Math.min(...years): spreading 100,000 arguments overflows the call stack.
  let start = Infinity;
  let end = -Infinity;
  for (const facts of [eventFacts, stanceFacts, quoteFacts])
    for (const { year } of facts.values()) {
      if (year < start) start = year;
      if (year > end) end = year;
    }
  const span = Number.isFinite(start) ? { start, end } : { start: 2000, end: 2000 };

  const group = <T>(records: readonly T[], key: (r: T) => string | undefined) => {
    const out = new Map<string, T[]>();
    for (const r of records) {
      const k = key(r);
      if (k === undefined) continue;
      const list = out.get(k);
      if (list) list.push(r);
      else out.set(k, [r]);
    }
    return out;
  };
  const stancesByEvent = group(data.stances, (s) => s.eventId);
  const stanceTypesByEvent = new Map(
    [...stancesByEvent].map(([id, list]) => [id, new Set(list.map((s) => s.type))]),
  );
  const eventsBySource = group(data.events, (e) => e.sourceId);
  const stancesBySource = group(data.stances, (s) => s.sourceId);
  const quotesBySource = group(data.quotes, (q) => q.sourceId);
  const recordsBySource = new Map(
    data.sources.map((s) => [
      s.id,
      {
        events: eventsBySource.get(s.id) ?? [],
        stances: stancesBySource.get(s.id) ?? [],
        quotes: quotesBySource.get(s.id) ?? [],
      },
    ]),
  );

  return {
    data,
    actorById,
    sourceById: byId(data.sources),
    episodeById: byId(data.episodes),
    eventById,
    stanceById: byId(data.stances),
    quoteById: byId(data.quotes),
    claimById: byId(data.claims),
    eventFacts,
    stanceFacts,
    quoteFacts,
    campOf,
    stancesByEvent,
    quotesByEvent: group(data.quotes, (q) => q.eventId),
    stanceTypesByEvent,
    recordsBySource,
    span,
  };
}
