import type { Actor, Claim, DatasetFile, Episode, Event, Quote, Source, Stance } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";

/** Facts about one dated record that every filter needs, computed once at load. */
export interface RecordFacts {
  /** Calendar year of the record's date. */
  year: number;
  /** Every actor the record involves, plus those actors' affiliations (transitively). */
  actors: ReadonlySet<string>;
  /** The episode the record belongs to: its event's, or the one whose span holds its date. */
  episode: string | null;
}

/**
 * One kind of dated record (events, stances or quotes) as columns aligned with its data array, so a filter
 * pass is a loop over typed arrays: no map lookups, no sets, no strings per record.
 */
export interface RecordColumns {
  /** Calendar year of record i. */
  year: Int32Array;
  /** Index in `data.episodes` of record i's episode, or -1. */
  episode: Int32Array;
  /**
   * Stance types tied to record i, one bit per type in {@link STANCE_TYPE_BIT}: a stance's own type, an
   * event's stances' types, a quote's event's stances' types plus `dispute` when the quote is a
   * fact-checked claim (`claimId`) (0 when none).
   */
  typeBits: Int32Array;
  /** Record i involves the actors `actors[actorStart[i]]` … `actors[actorStart[i + 1] - 1]` (indexes in
   * `data.actors`, affiliations included, as in {@link RecordFacts}). */
  actorStart: Int32Array;
  actors: Int32Array;
  /** The inverse: actor a is involved in records `records[recordStart[a]]` … `records[recordStart[a + 1] - 1]`,
   * ascending. */
  recordStart: Int32Array;
  records: Int32Array;
  /** Records of episode e, ascending: `episodeRecords[episodeStart[e]]` … `episodeRecords[episodeStart[e + 1] - 1]`. */
  episodeStart: Int32Array;
  episodeRecords: Int32Array;
}

/** The bit of each stance type in {@link RecordColumns.typeBits}. */
export const STANCE_TYPE_BIT: Readonly<Record<string, number>> = Object.fromEntries(
  STANCE_TYPES.map((t, i) => [t, 1 << i]),
);

const DISPUTE_BIT = STANCE_TYPE_BIT.dispute ?? 0;

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
  /** Each event's filter facts (the time axis reads its year). Stances' and quotes' facts live only in
   * {@link RecordColumns}. */
  eventFacts: ReadonlyMap<string, RecordFacts>;
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
  /** Position of each actor in `data.actors`: the actor indexes of {@link RecordColumns}. */
  actorIndex: ReadonlyMap<string, number>;
  /** Position of each episode in `data.episodes`. */
  episodeIndex: ReadonlyMap<string, number>;
  /** The filter facts again, as columns per kind of record. */
  columns: { events: RecordColumns; stances: RecordColumns; quotes: RecordColumns };
}

/** Items by key, each list in input order; items whose key is undefined are left out. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K | undefined): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const byId = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]));

/** Builds the {@link DatasetIndex} of a validated dataset. Pure: same input, same index. */
export function indexDataset(data: DatasetFile): DatasetIndex {
  const actorById = byId(data.actors);
  const eventById = byId(data.events);
  const claimById = byId(data.claims);

  const { chainOf, campOf } = affiliationChains(data.actors);
  /** The actors, with their affiliations, each once: chains are walked only until they meet one already in. */
  const withAffiliations = (ids: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (const id of ids) {
      const chain = chainOf.get(id);
      if (!chain) out.add(id);
      // Chains share their tails: once a link is in, the rest of its chain is too.
      for (let link: ChainLink | null | undefined = chain; link && !out.has(link.id); link = link.next)
        out.add(link.id);
    }
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

  const stancesByEvent = groupBy(data.stances, (s) => s.eventId);
  const stanceTypesByEvent = new Map(
    [...stancesByEvent].map(([id, list]) => [id, new Set(list.map((s) => s.type))]),
  );
  const eventsBySource = groupBy(data.events, (e) => e.sourceId);
  const stancesBySource = groupBy(data.stances, (s) => s.sourceId);
  const quotesBySource = groupBy(data.quotes, (q) => q.sourceId);
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

  const actorIndex = new Map(data.actors.map((a, i) => [a.id, i]));
  const episodeIndex = new Map(data.episodes.map((e, i) => [e.id, i]));
  const typeBitsOf = (types: ReadonlySet<string> | undefined) => {
    let bits = 0;
    if (types) for (const t of types) bits |= STANCE_TYPE_BIT[t] ?? 0;
    return bits;
  };
  const columns = {
    events: recordColumns(data.events, eventFacts, actorIndex, episodeIndex, (e) =>
      typeBitsOf(stanceTypesByEvent.get(e.id)),
    ),
    stances: recordColumns(
      data.stances,
      stanceFacts,
      actorIndex,
      episodeIndex,
      (s) => STANCE_TYPE_BIT[s.type] ?? 0,
    ),
    quotes: recordColumns(
      data.quotes,
      quoteFacts,
      actorIndex,
      episodeIndex,
      // A fact-checked claim is what a `dispute` is about, whichever event the words were said at.
      (q) =>
        (q.eventId ? typeBitsOf(stanceTypesByEvent.get(q.eventId)) : 0) |
        (q.claimId !== undefined && claimById.has(q.claimId) ? DISPUTE_BIT : 0),
    ),
  };

  return {
    data,
    actorById,
    sourceById: byId(data.sources),
    episodeById: byId(data.episodes),
    eventById,
    stanceById: byId(data.stances),
    quoteById: byId(data.quotes),
    claimById,
    eventFacts,
    campOf,
    stancesByEvent,
    quotesByEvent: groupBy(data.quotes, (q) => q.eventId),
    stanceTypesByEvent,
    recordsBySource,
    span,
    actorIndex,
    episodeIndex,
    columns,
  };
}

/** An actor's affiliation chain (itself, its affiliation, that one's, …) as a list sharing its tail. */
interface ChainLink {
  readonly id: string;
  readonly next: ChainLink | null;
}

/**
 * Every actor's affiliation chain and camp (the chain's last actor), in time linear in the number of actors:
 * a walk goes up only until an actor already resolved, whose chain and camp it then shares, so each actor is
 * resolved once however long the chains (a chain of 3,000 actors used to take seconds, walked from each of
 * its actors with a linear `includes` per step). An unknown affiliation ends a chain; a cycle, which a
 * validated dataset cannot have, is cut where the walk comes back to an actor already on it.
 */
function affiliationChains(actors: readonly Actor[]): {
  chainOf: Map<string, ChainLink>;
  campOf: Map<string, string>;
} {
  const affiliationOf = new Map<string, string | undefined>();
  for (const a of actors) affiliationOf.set(a.id, a.affiliation);
  const chainOf = new Map<string, ChainLink>();
  const campOf = new Map<string, string>();
  const onWalk = new Set<string>();
  for (const actor of actors) {
    if (chainOf.has(actor.id)) continue;
    const walk: string[] = [];
    let next: string | undefined = actor.id;
    while (next !== undefined && affiliationOf.has(next) && !chainOf.has(next) && !onWalk.has(next)) {
      walk.push(next);
      onWalk.add(next);
      next = affiliationOf.get(next);
    }
    let tail = (next !== undefined && chainOf.get(next)) || null;
    const camp = tail ? campOf.get(tail.id)! : walk[walk.length - 1]!;
    for (let k = walk.length - 1; k >= 0; k--) {
      tail = { id: walk[k]!, next: tail };
      chainOf.set(tail.id, tail);
      campOf.set(tail.id, camp);
      onWalk.delete(tail.id);
    }
  }
  return { chainOf, campOf };
}

/** The {@link RecordColumns} of one kind of record, from its facts. */
function recordColumns<T extends { id: string }>(
  records: readonly T[],
  facts: ReadonlyMap<string, RecordFacts>,
  actorIndex: ReadonlyMap<string, number>,
  episodeIndex: ReadonlyMap<string, number>,
  typeBitsOf: (record: T) => number,
): RecordColumns {
  const n = records.length;
  const year = new Int32Array(n);
  const episode = new Int32Array(n);
  const typeBits = new Int32Array(n);
  const actorStart = new Int32Array(n + 1);
  const involved: number[] = [];
  // Episodes as lists too (none or one per record), so both inverses come from one function.
  const episodeOfStart = new Int32Array(n + 1);
  const episodeOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    const f = facts.get(record.id);
    year[i] = f?.year ?? 0;
    episode[i] = f?.episode != null ? (episodeIndex.get(f.episode) ?? -1) : -1;
    typeBits[i] = typeBitsOf(record);
    if (f)
      for (const id of f.actors) {
        const a = actorIndex.get(id);
        if (a !== undefined) involved.push(a);
      }
    actorStart[i + 1] = involved.length;
    if (episode[i]! >= 0) episodeOf.push(episode[i]!);
    episodeOfStart[i + 1] = episodeOf.length;
  }
  const actors = Int32Array.from(involved);
  const byActor = invert(actorIndex.size, actorStart, actors);
  const byEpisode = invert(episodeIndex.size, episodeOfStart, Int32Array.from(episodeOf));
  return {
    year,
    episode,
    typeBits,
    actorStart,
    actors,
    recordStart: byActor.start,
    records: byActor.records,
    episodeStart: byEpisode.start,
    episodeRecords: byEpisode.records,
  };
}

/**
 * Inverts lists of keys per record (record i's keys are `keys[start[i]]` … `keys[start[i + 1] - 1]`) into
 * lists of records per key, each ascending: count per key, running offsets, then fill in record order.
 */
function invert(
  keyCount: number,
  start: Int32Array,
  keys: Int32Array,
): { start: Int32Array; records: Int32Array } {
  const offsets = new Int32Array(keyCount + 1);
  for (const k of keys) offsets[k + 1] = offsets[k + 1]! + 1;
  for (let k = 0; k < keyCount; k++) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
  const fill = offsets.slice(0, keyCount);
  const records = new Int32Array(keys.length);
  for (let i = 0; i + 1 < start.length; i++)
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const k = keys[j]!;
      records[fill[k]!] = i;
      fill[k] = fill[k]! + 1;
    }
  return { start: offsets, records };
}
