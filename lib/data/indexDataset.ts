import type { Actor, Claim, DatasetFile, Episode, Event, Quote, Source, Stance } from "../model/schema";
import type { PrecomputedIndex } from "./columnsCodec";
import { factsOf } from "./recordFacts";

export { STANCE_TYPE_BIT } from "./recordFacts";

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
   * `data.actors`: every actor the record involves, plus those actors' affiliations, transitively). */
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

/** The columns of {@link RecordColumns} that describe each record; the rest (the inverses) follow from them. */
export type RecordFactColumns = Pick<
  RecordColumns,
  "year" | "episode" | "typeBits" | "actorStart" | "actors"
>;

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
  /** The actor a person or institution ultimately speaks for (Lavrov → russia); itself when unaffiliated. */
  campOf: ReadonlyMap<string, string>;
  /** The same by position: actor i's camp is `data.actors[camp[i]]` (what the server sends, columnsCodec.ts). */
  camp: Int32Array;
  /** Stances tied to each event. */
  stancesByEvent: ReadonlyMap<string, readonly Stance[]>;
  /** Quotes tied to each event. */
  quotesByEvent: ReadonlyMap<string, readonly Quote[]>;
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

/**
 * Sets `key` on `target` to a getter that builds the value on first read and then keeps it. The lookups
 * the first paint does not read (the evidence panel's, the linked highlight's) cost nothing until used: at
 * 100,000 events building them all took a third of the index's time.
 */
function lazily<T, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true, writable: false });
      return value;
    },
  });
}

/**
 * Builds the {@link DatasetIndex} of a validated dataset. Pure: same input, same index. `pre`, the columns
 * and camps the server computed for the same dataset (lib/data/columnsCodec.ts), is taken as is: the same
 * function made them from the same records.
 */
export function indexDataset(data: DatasetFile, pre?: PrecomputedIndex): DatasetIndex {
  const actorIndex = new Map(data.actors.map((a, i) => [a.id, i]));
  const episodeIndex = new Map(data.episodes.map((e, i) => [e.id, i]));
  const claimById = byId(data.claims);
  // The facts the server sent, or the browser's own (lib/data/recordFacts.ts).
  const given = pre ?? factsOf(data, { actorIndex, episodeIndex });
  const facts = given.columns;
  const withInverses = (c: RecordFactColumns) => inverses(c, actorIndex.size, episodeIndex.size);
  const columns = {
    events: withInverses(facts.events),
    stances: withInverses(facts.stances),
    quotes: withInverses(facts.quotes),
  };
  // A loop, not Math.min(...years): spreading 100,000 arguments overflows the call stack.
  let start = Infinity;
  let end = -Infinity;
  for (const { year } of [columns.events, columns.stances, columns.quotes])
    for (const y of year) {
      if (y < start) start = y;
      if (y > end) end = y;
    }
  const span = Number.isFinite(start) ? { start, end } : { start: 2000, end: 2000 };

  const index = {
    data,
    actorById: byId(data.actors),
    episodeById: byId(data.episodes),
    claimById,
    span,
    actorIndex,
    episodeIndex,
    columns,
    camp: given.camp,
  } as Partial<DatasetIndex> as DatasetIndex;
  lazily(index, "campOf", () => new Map(data.actors.map((a, i) => [a.id, data.actors[given.camp[i]!]!.id])));
  lazily(index, "sourceById", () => byId(data.sources));
  lazily(index, "eventById", () => byId(data.events));
  lazily(index, "stanceById", () => byId(data.stances));
  lazily(index, "quoteById", () => byId(data.quotes));
  lazily(index, "stancesByEvent", () => groupBy(data.stances, (s) => s.eventId));
  lazily(index, "quotesByEvent", () => groupBy(data.quotes, (q) => q.eventId));
  lazily(index, "recordsBySource", () => {
    const eventsBySource = groupBy(data.events, (e) => e.sourceId);
    const stancesBySource = groupBy(data.stances, (s) => s.sourceId);
    const quotesBySource = groupBy(data.quotes, (q) => q.sourceId);
    return new Map(
      data.sources.map((s) => [
        s.id,
        {
          events: eventsBySource.get(s.id) ?? [],
          stances: stancesBySource.get(s.id) ?? [],
          quotes: quotesBySource.get(s.id) ?? [],
        },
      ]),
    );
  });
  return index;
}

/** The {@link RecordColumns} of one kind of record: its facts and their inverses, records per actor and per episode. */
function inverses(facts: RecordFactColumns, actorCount: number, episodeCount: number): RecordColumns {
  const n = facts.year.length;
  // Episodes as lists too (none or one per record), so both inverses come from one function.
  const episodeOfStart = new Int32Array(n + 1);
  const episodeOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = facts.episode[i]!;
    if (e >= 0) episodeOf.push(e);
    episodeOfStart[i + 1] = episodeOf.length;
  }
  const byActor = invert(actorCount, facts.actorStart, facts.actors);
  const byEpisode = invert(episodeCount, episodeOfStart, Int32Array.from(episodeOf));
  return {
    ...facts,
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
export function invert(
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
