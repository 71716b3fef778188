import type {
  Actor,
  ActorKind,
  Claim,
  DatasetFile,
  Episode,
  Event,
  EventKind,
  Quote,
  Source,
  Stance,
  StanceType,
} from "../lib/model/schema";
import { eventKindSchema, stanceTypeSchema } from "../lib/model/schema";

/** Sizes of a generated dataset; stances, quotes and actors follow the bundled dataset's proportions. */
export interface GenerateOptions {
  events: number;
  seed?: number;
}

/** Records per event in the bundled dataset (rounded), so generated datasets look like it, scaled up. */
export const PROPORTIONS = { stances: 1.5, quotes: 0.9, actors: 1.4, sources: 0.1 } as const;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same dataset on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EPISODES: Episode[] = [
  {
    id: "soleimani-2020",
    title: "Killing of Qassem Soleimani",
    label: "Soleimani 2020",
    start: "2020-01-03",
    end: "2020-01-31",
  },
  {
    id: "gaza-2023",
    title: "Hamas attack and the Gaza war",
    label: "Gaza 2023",
    start: "2023-10-07",
    end: "2023-10-31",
  },
  {
    id: "april-2024",
    title: "Damascus consulate strike and Iran's attack on Israel",
    label: "Damascus & April 2024",
    start: "2024-04-01",
    end: "2024-04-30",
  },
  {
    id: "us-strikes-2025",
    title: "US strikes on Iran's nuclear sites",
    label: "US strikes 2025",
    start: "2025-06-13",
    end: "2025-06-30",
  },
];

const KINDS: ActorKind[] = ["state", "person", "person", "organization", "media", "group"];
const EVENT_KINDS = eventKindSchema.options as readonly EventKind[];
const STANCE_TYPES = stanceTypeSchema.options as readonly StanceType[];
/** Words the generated titles and quotations are made of (bench/scaleData.ts uses them too). */
export const WORDS = [
  "strike",
  "talks",
  "sanctions",
  "visit",
  "warning",
  "statement",
  "forum",
  "ceasefire",
  "drone",
  "consulate",
  "treaty",
  "resolution",
];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const DAY = 86_400_000;
const START = Date.UTC(2006, 0, 1);
const END = Date.UTC(2025, 11, 31);

/**
 * A synthetic dataset valid under the same schema and integrity rules as the bundled one: the four
 * episodes, about a quarter of the events inside them, the rest spread over 2006–2025; persons affiliated
 * to states; every reference resolvable. Deterministic for a seed.
 */
export function generateDataset({ events: eventCount, seed = 42 }: GenerateOptions): DatasetFile {
  const rnd = mulberry32(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  // Skewed pick: a few actors take part in most records, as in real coverage.
  const skewed = (n: number) => Math.floor(n * rnd() ** 3);

  const sourceCount = Math.max(5, Math.round(eventCount * PROPORTIONS.sources));
  const actorCount = Math.max(12, Math.round(eventCount * PROPORTIONS.actors));
  const stanceCount = Math.round(eventCount * PROPORTIONS.stances);
  const quoteCount = Math.round(eventCount * PROPORTIONS.quotes);

  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => {
    const t = START + int((END - START) / DAY) * DAY;
    return {
      id: `source-${i}`,
      publisher: `Publisher ${i % 40}`,
      title: `Generated report ${i}`,
      published: new Date(t).toISOString().slice(0, 10),
      datePrecision: "day",
      document: `generated-${i}.txt`,
    };
  });

  const stateCount = Math.max(4, Math.round(actorCount * 0.15));
  const actors: Actor[] = Array.from({ length: actorCount }, (_, i) => {
    const kind: ActorKind = i < stateCount ? "state" : pick(KINDS.slice(1));
    const actor: Actor = { id: `actor-${i}`, name: `${kind[0]!.toUpperCase()}${kind.slice(1)} ${i}`, kind };
    if (kind !== "state" && rnd() < 0.8) actor.affiliation = `actor-${skewed(stateCount)}`;
    if (kind === "person") actor.role = "Spokesperson";
    return actor;
  });

  const dateIn = (from: number, to: number) => {
    const t = from + int(Math.max(1, (to - from) / DAY + 1)) * DAY;
    const d = new Date(t);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  const episodeSpan = (e: Episode) =>
    [Date.parse(`${e.start}T00:00:00Z`), Date.parse(`${e.end}T00:00:00Z`)] as const;

  const events: Event[] = Array.from({ length: eventCount }, (_, i) => {
    const episode = rnd() < 0.25 ? pick(EPISODES) : null;
    let date: string;
    let datePrecision: Event["datePrecision"] = "day";
    if (episode) {
      const [a, b] = episodeSpan(episode);
      date = dateIn(a, b);
    } else {
      date = dateIn(START, END);
      const r = rnd();
      if (r < 0.08) {
        datePrecision = "year";
        date = `${date.slice(0, 4)}-01-01`;
      } else if (r < 0.2) {
        datePrecision = "month";
        date = `${date.slice(0, 7)}-01`;
      }
    }
    const a = `actor-${skewed(actorCount)}`;
    const b = `actor-${skewed(actorCount)}`;
    return {
      id: `event-${i}`,
      date,
      datePrecision,
      title: `${pick(WORDS)} ${i}`,
      kind: pick(EVENT_KINDS),
      actors: [a],
      targets: b === a ? [] : [b],
      episode: episode?.id ?? null,
      sourceId: `source-${int(sourceCount)}`,
      evidence: `Generated evidence sentence for event ${i}.`,
      cameo: pick(["111", "051", "186", "195", "040", "057"]),
    };
  });

  const stances: Stance[] = Array.from({ length: stanceCount }, (_, i) => {
    const event = events[int(eventCount)]!;
    let from = `actor-${skewed(actorCount)}`;
    let to = `actor-${skewed(actorCount)}`;
    if (from === to) to = `actor-${(Number(to.slice(6)) + 1) % actorCount}`;
    if (from === to) from = "actor-0";
    return {
      id: `stance-${i}`,
      from,
      to,
      type: pick(STANCE_TYPES),
      date: event.date,
      datePrecision: event.datePrecision,
      eventId: event.id,
      sourceId: event.sourceId,
      evidence: `Generated evidence for stance ${i}.`,
      cameo: "111",
    };
  });

  const claims: Claim[] = [];
  const quotes: Quote[] = Array.from({ length: quoteCount }, (_, i) => {
    const event = events[int(eventCount)]!;
    const quote: Quote = {
      id: `quote-${i}`,
      speaker: `actor-${skewed(actorCount)}`,
      text: `Generated quotation number ${i} about ${pick(WORDS)} and ${pick(WORDS)}.`,
      date: event.date,
      datePrecision: event.datePrecision,
      sourceId: event.sourceId,
      context: "Generated context",
      eventId: event.id,
    };
    if (i % 500 === 0) {
      const claim: Claim = {
        id: `claim-${i}`,
        text: quote.text,
        claimant: quote.speaker,
        date: quote.date,
        datePrecision: quote.datePrecision,
        rating: "False",
        reviewer: "actor-1",
        sourceId: quote.sourceId,
        evidence: "Generated reasoning.",
      };
      claims.push(claim);
      quote.claimId = claim.id;
    }
    return quote;
  });

  return { sources, actors, episodes: EPISODES, events, stances, quotes, claims };
}
