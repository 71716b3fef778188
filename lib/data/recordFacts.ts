import type { Actor, DatasetFile, Episode, Event, Quote, Stance } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";
import type { PrecomputedIndex } from "./columnsCodec";
import type { RecordFactColumns } from "./indexDataset";

/** The bit of each stance type in a record's `typeBits` (lib/data/indexDataset.ts `RecordColumns`). */
export const STANCE_TYPE_BIT: Readonly<Record<string, number>> = Object.fromEntries(
  STANCE_TYPES.map((t, i) => [t, 1 << i]),
);

const DISPUTE_BIT = STANCE_TYPE_BIT.dispute ?? 0;

/**
 * The order in which {@link FactsBuilder} takes the collections, and in which `/dataset.jsonl` sends them:
 * every actor before the first record (affiliations may point forward), the episodes and claims before the
 * records that refer to them, the events before their stances and quotes, the stances before the quotes
 * (a quote carries its event's stance types).
 */
export const FACT_ORDER = ["sources", "actors", "episodes", "claims", "events", "stances", "quotes"] as const;

/** The calendar year of an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
const yearOf = (date: string) => Number(date.slice(0, 4));

/** An actor's affiliation chain (itself, its affiliation, that one's, …) as a list sharing its tail. */
export interface ChainLink {
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
export function affiliationChains(actors: readonly Actor[]): {
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

/** One kind of record's facts as they grow, one entry per record. */
class GrowingFacts {
  readonly year: number[] = [];
  readonly episode: number[] = [];
  readonly bits: number[] = [];
  readonly actorStart: number[] = [0];
  readonly actors: number[] = [];

  add(year: number, episode: number, bits: number): void {
    this.year.push(year);
    this.episode.push(episode);
    this.bits.push(bits);
    this.actorStart.push(this.actors.length);
  }

  columns(bits: readonly number[] = this.bits): RecordFactColumns {
    return {
      year: Int32Array.from(this.year),
      episode: Int32Array.from(this.episode),
      typeBits: Int32Array.from(bits),
      actorStart: Int32Array.from(this.actorStart),
      actors: Int32Array.from(this.actors),
    };
  }
}

/** What the builder knows once every actor and episode is in: the lookups the records' facts are made from. */
interface Lookups {
  actorIndex: Map<string, number>;
  episodeIndex: Map<string, number>;
  /** Each actor's affiliation as an actor index, -1 at a chain's end. */
  up: Int32Array;
  /** The record each actor was last listed for, so a record lists an actor once. */
  stamp: Int32Array;
  campOf: Map<string, string>;
}

/**
 * The facts of every dated record (year, episode, stance types, every actor involved with their
 * affiliations) and every actor's camp, built collection by collection in {@link FACT_ORDER}: from a whole
 * dataset (lib/data/indexDataset.ts), or line by line while a dataset downloads (lib/data/fetchIndexable.ts),
 * so that on a slow connection the index is ready when the last byte is.
 */
export class FactsBuilder {
  private readonly actors: Actor[] = [];
  private readonly episodes: Episode[] = [];
  private readonly claimIds = new Set<string>();
  private readonly eventIndex = new Map<string, number>();
  private readonly eventEpisode: number[] = [];
  private readonly eventBits: number[] = [];
  private readonly facts = {
    events: new GrowingFacts(),
    stances: new GrowingFacts(),
    quotes: new GrowingFacts(),
  };
  private lookups: Lookups | null = null;
  private stage = 0;
  private current = 0;
  /** False once a collection came out of order: {@link finish} then gives null. */
  private inOrder = true;

  /**
   * `known`: the positions of the actors and episodes when the caller has them already (a whole dataset's,
   * which indexDataset keeps); else they are worked out from the records added.
   */
  constructor(
    private readonly known?: {
      actorIndex: Map<string, number>;
      episodeIndex: Map<string, number>;
    },
  ) {}

  /** Takes the next records of a collection; collections must come in {@link FACT_ORDER}, others are ignored. */
  add(collection: string, records: readonly unknown[]): void {
    const stage = (FACT_ORDER as readonly string[]).indexOf(collection);
    if (stage < 0 || !this.inOrder) return;
    if (stage < this.stage) {
      this.inOrder = false;
      return;
    }
    this.stage = stage;
    if (collection === "actors") for (const a of records) this.actors.push(a as Actor);
    else if (collection === "episodes") for (const e of records) this.episodes.push(e as Episode);
    else if (collection === "claims") for (const c of records) this.claimIds.add((c as { id: string }).id);
    else if (collection === "events") for (const e of records) this.event(e as Event);
    else if (collection === "stances") for (const s of records) this.stance(s as Stance);
    else if (collection === "quotes") for (const q of records) this.quote(q as Quote);
  }

  /** The facts, or null when what came is not `data` (other counts, collections out of order). */
  finish(data: DatasetFile): PrecomputedIndex | null {
    const { events, stances, quotes } = this.facts;
    if (
      !this.inOrder ||
      this.actors.length !== data.actors.length ||
      this.episodes.length !== data.episodes.length ||
      events.year.length !== data.events.length ||
      stances.year.length !== data.stances.length ||
      quotes.year.length !== data.quotes.length
    )
      return null;
    const { actorIndex, campOf } = this.ready();
    const camp = new Int32Array(this.actors.length);
    this.actors.forEach((a, i) => {
      camp[i] = actorIndex.get(campOf.get(a.id) ?? a.id) ?? i;
    });
    return {
      // An event's stance types are known once every stance is in.
      columns: {
        events: events.columns(this.eventBits),
        stances: stances.columns(),
        quotes: quotes.columns(),
      },
      camp,
    };
  }

  private ready(): Lookups {
    if (this.lookups) return this.lookups;
    const actorIndex = this.known?.actorIndex ?? new Map(this.actors.map((a, i) => [a.id, i]));
    const { chainOf, campOf } = affiliationChains(this.actors);
    // Chains as integer links: a record's actors are gathered by walking numbers, not sets of ids.
    const up = new Int32Array(this.actors.length).fill(-1);
    for (const [id, link] of chainOf) if (link.next) up[actorIndex.get(id)!] = actorIndex.get(link.next.id)!;
    return (this.lookups = {
      actorIndex,
      episodeIndex: this.known?.episodeIndex ?? new Map(this.episodes.map((e, i) => [e.id, i])),
      up,
      stamp: new Int32Array(this.actors.length),
      campOf,
    });
  }

  /** Appends actor `id` and its affiliations to `out`, each once per record (an unknown id is skipped). */
  private involve(id: string, out: number[], { actorIndex, up, stamp }: Lookups): void {
    for (let a = actorIndex.get(id) ?? -1; a >= 0 && stamp[a] !== this.current; a = up[a]!) {
      stamp[a] = this.current;
      out.push(a);
    }
  }

  private episodeOf(id: string | null | undefined): number {
    return id == null ? -1 : (this.ready().episodeIndex.get(id) ?? -1);
  }

  /** The episode whose span holds the date, or -1. */
  private episodeByDate(date: string): number {
    return this.episodes.findIndex((e) => date >= e.start && date <= e.end);
  }

  /** The position of the event `eventId` names, or undefined when it names none. */
  private eventAt(eventId: string | undefined): number | undefined {
    return eventId === undefined ? undefined : this.eventIndex.get(eventId);
  }

  /** A stance's or quote's episode: its event's (-1 for none), else the one whose span holds its date. */
  private linkedEpisode(e: number | undefined, date: string): number {
    return e === undefined ? this.episodeByDate(date) : this.eventEpisode[e]!;
  }

  private event(e: Event): void {
    const lookups = this.ready();
    const facts = this.facts.events;
    this.current++;
    this.eventIndex.set(e.id, this.eventEpisode.length);
    const episode = this.episodeOf(e.episode);
    this.eventEpisode.push(episode);
    this.eventBits.push(0);
    for (const id of e.actors) this.involve(id, facts.actors, lookups);
    for (const id of e.targets) this.involve(id, facts.actors, lookups);
    facts.add(yearOf(e.date), episode, 0);
  }

  private stance(s: Stance): void {
    const lookups = this.ready();
    const facts = this.facts.stances;
    this.current++;
    const bit = STANCE_TYPE_BIT[s.type] ?? 0;
    const e = this.eventAt(s.eventId);
    if (e !== undefined) this.eventBits[e] = this.eventBits[e]! | bit;
    this.involve(s.from, facts.actors, lookups);
    this.involve(s.to, facts.actors, lookups);
    facts.add(yearOf(s.date), this.linkedEpisode(e, s.date), bit);
  }

  private quote(q: Quote): void {
    const lookups = this.ready();
    const facts = this.facts.quotes;
    this.current++;
    const e = this.eventAt(q.eventId);
    this.involve(q.speaker, facts.actors, lookups);
    facts.add(
      yearOf(q.date),
      this.linkedEpisode(e, q.date),
      // A fact-checked claim is what a `dispute` is about, whichever event the words were said at.
      (e === undefined ? 0 : this.eventBits[e]!) |
        (q.claimId !== undefined && this.claimIds.has(q.claimId) ? DISPUTE_BIT : 0),
    );
  }
}

/** The facts of a whole dataset (`known`: see {@link FactsBuilder}'s constructor). */
export function factsOf(
  data: DatasetFile,
  known?: ConstructorParameters<typeof FactsBuilder>[0],
): PrecomputedIndex {
  const builder = new FactsBuilder(known);
  for (const c of FACT_ORDER) builder.add(c, data[c]);
  return builder.finish(data)!;
}
