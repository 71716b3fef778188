// The selectors work on the index's columns and posting lists (typed arrays) for speed. These tests hold
// them to straightforward reference implementations over the same semantics, on the bundled dataset and on
// a generated one, for random views. The reference derives every fact it filters by from the raw dataset
// (`referenceFacts` in ./helpers), never from the index, so a bug in building the index shows here too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDataset } from "@/bench/generateDataset";
import { indexDataset, STANCE_TYPE_BIT, type DatasetIndex, type RecordColumns } from "@/lib/data";
import { loadDataset } from "@/lib/data/loadDataset";
import type { Actor, Quote, Stance } from "@/lib/model";
import {
  actorOptions,
  filterRecords,
  groupQuotesBySpeaker,
  linkedTo,
  selectActorCounts,
  type FilterOptions,
  type FilterView,
} from "@/lib/select";
import { DEFAULT_VIEW, STANCE_TYPES } from "@/lib/view";
import { decodeColumns, encodeColumns, precomputedOf } from "@/lib/data/columnsCodec";
import { referenceFacts, type ReferenceFacts, type ReferenceRecordFacts } from "./helpers";

const bundled = indexDataset(loadDataset());
const generated = indexDataset(generateDataset({ events: 1500, seed: 7 }));
// The same dataset as a browser indexes it from the columns the server sends (lib/data/columnsCodec.ts),
// read back from their bytes: every selector test below runs on it too.
const transported = (() => {
  const data = generateDataset({ events: 1500, seed: 7 });
  const bytes = encodeColumns(data, precomputedOf(indexDataset(data)));
  const pre = decodeColumns(bytes.slice().buffer, data);
  if (!pre) throw new Error("the columns of the generated dataset did not decode");
  return indexDataset(data, pre);
})();

/** A quote that is a fact-checked claim: a `dispute` is about it. */
const isClaim = (data: DatasetIndex["data"], q: Quote) =>
  q.claimId !== undefined && data.claims.some((c) => c.id === q.claimId);

/** What the quote search looks in, each part on its own: the words, the speaker's name, short name, role. */
function searched(data: DatasetIndex["data"], q: Quote): string[] {
  const speaker = data.actors.find((a) => a.id === q.speaker);
  return [q.text, speaker?.name ?? "", speaker?.shortName ?? "", speaker?.role ?? ""];
}

/** The filter semantics of docs/ARCHITECTURE.md, record by record through facts computed from the raw data. */
function referenceFilter(
  index: DatasetIndex,
  facts: ReferenceFacts,
  view: FilterView,
  options: FilterOptions = {},
) {
  const passFacts = (f: ReferenceRecordFacts | undefined) => {
    if (!f) return false;
    if (!options.ignoreYears && view.years && (f.year < view.years.start || f.year > view.years.end))
      return false;
    if (view.episode !== null && f.episode !== view.episode) return false;
    if (!options.ignoreActors && view.actors.length > 0 && !view.actors.some((a) => f.actors.has(a)))
      return false;
    return true;
  };
  const types = view.stances.length > 0 ? new Set<string>(view.stances) : null;
  // "Only what the reports state": a record listing any fact from outside its report is hidden.
  const reported = (r: { outside?: readonly unknown[] }) =>
    view.provenance === null || r.outside === undefined || r.outside.length === 0;
  const eventHasType = (id: string | undefined) =>
    !types || (!!id && [...(facts.typesByEvent.get(id) ?? [])].some((t) => types.has(t)));
  return {
    events: index.data.events.filter(
      (e) => passFacts(facts.events.get(e.id)) && eventHasType(e.id) && reported(e),
    ),
    stances: index.data.stances.filter(
      (s) => passFacts(facts.stances.get(s.id)) && (!types || types.has(s.type)) && reported(s),
    ),
    quotes: index.data.quotes.filter(
      (q) =>
        passFacts(facts.quotes.get(q.id)) &&
        reported(q) &&
        (eventHasType(q.eventId) || (!!types?.has("dispute") && isClaim(index.data, q))) &&
        searched(index.data, q).some((text) => text.toLowerCase().includes(view.q.toLowerCase())),
    ),
  };
}

/**
 * Random filter views over a dataset: real and unknown actors, years, episodes, stance types, searches, with
 * and without the provenance filter.
 */
function views(index: DatasetIndex) {
  const actorIds = index.data.actors.map((a) => a.id);
  const { start, end } = index.span;
  return fc.record({
    actors: fc.uniqueArray(fc.oneof(fc.constantFrom(...actorIds), fc.constant("no-such-actor")), {
      maxLength: 3,
    }),
    years: fc.option(
      fc
        .tuple(fc.integer({ min: start - 1, max: end + 1 }), fc.integer({ min: start - 1, max: end + 1 }))
        .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
    ),
    episode: fc.option(fc.constantFrom(...index.data.episodes.map((e) => e.id), "no-such-episode")),
    stances: fc.subarray([...STANCE_TYPES], { maxLength: 3 }),
    q: fc.constantFrom("", "the", "ceasefire", "Iran", "zzz"),
    provenance: fc.constantFrom(null, "reports" as const),
  });
}

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

describe.each([
  ["bundled", bundled],
  ["generated", generated],
  ["generated (from the server's columns)", transported],
])("indexed selectors on the %s dataset", (_, index) => {
  const facts = referenceFacts(index.data);

  it("the index's columns hold the reference facts of every record", () => {
    const actorIds = index.data.actors.map((a) => a.id);
    const episodeIds = index.data.episodes.map((e) => e.id);
    const check = (
      kind: "events" | "stances" | "quotes",
      types: (record: { id: string }) => ReadonlySet<string> | undefined,
    ) => {
      const columns: RecordColumns = index.columns[kind];
      index.data[kind].forEach((record, i) => {
        const want = facts[kind].get(record.id)!;
        const listed = [...columns.actors.subarray(columns.actorStart[i]!, columns.actorStart[i + 1]!)];
        expect(columns.year[i], record.id).toBe(want.year);
        expect(episodeIds[columns.episode[i]!] ?? null, record.id).toBe(want.episode);
        expect(listed.map((a) => actorIds[a]).sort(), record.id).toEqual(
          [...want.actors].filter((a) => actorIds.includes(a)).sort(),
        );
        const bits = STANCE_TYPES.filter((t) => (columns.typeBits[i]! & STANCE_TYPE_BIT[t]!) !== 0);
        expect(bits, record.id).toEqual(STANCE_TYPES.filter((t) => types(record)?.has(t)));
      });
    };
    check("events", (e) => facts.typesByEvent.get(e.id));
    check("stances", (s) => new Set([(s as Stance).type]));
    check("quotes", (q) => {
      const eventId = (q as Quote).eventId;
      const types = new Set(eventId === undefined ? [] : facts.typesByEvent.get(eventId));
      if (isClaim(index.data, q as Quote)) types.add("dispute");
      return types;
    });
  });

  it("filterRecords equals the record-by-record reference, in dataset order", () => {
    fc.assert(
      fc.property(views(index), fc.boolean(), fc.boolean(), (view, ignoreYears, ignoreActors) => {
        const options = { ignoreYears, ignoreActors };
        const got = filterRecords(index, view, options);
        const want = referenceFilter(index, facts, view, options);
        expect(ids(got.events)).toEqual(ids(want.events));
        expect(ids(got.stances)).toEqual(ids(want.stances));
        expect(ids(got.quotes)).toEqual(ids(want.quotes));
        // The positions point at those very records.
        expect([...got.positions.quotes].map((i) => index.data.quotes[i]!.id)).toEqual(ids(want.quotes));
      }),
      { numRuns: 60 },
    );
  });

  it("actor counts equal a count over the reference's records", () => {
    fc.assert(
      fc.property(views(index), (view) => {
        const counts = selectActorCounts(index, view);
        const want = new Map<string, number>();
        const r = referenceFilter(index, facts, view, { ignoreActors: true });
        const add = (facts: { actors: ReadonlySet<string> } | undefined) => {
          for (const a of facts?.actors ?? []) want.set(a, (want.get(a) ?? 0) + 1);
        };
        r.events.forEach((e) => add(facts.events.get(e.id)));
        r.stances.forEach((s) => add(facts.stances.get(s.id)));
        r.quotes.forEach((q) => add(facts.quotes.get(q.id)));
        index.data.actors.forEach((a, i) => {
          expect(counts.get(a.id)).toBe(want.get(a.id) ?? 0);
          expect(counts.at(i)).toBe(want.get(a.id) ?? 0);
        });
      }),
      { numRuns: 25 },
    );
  });

  it("actor options are the top of a full sort, per kind", () => {
    const actors = index.data.actors;
    fc.assert(
      fc.property(
        views(index),
        fc.constantFrom("", "a", "state 1", "ira"),
        fc.integer({ min: 1, max: 12 }),
        (view, query, limit) => {
          const counts = selectActorCounts(index, view);
          const q = query.toLowerCase();
          const matches = actors
            .map((a, i) => ({ a, i }))
            .filter(({ a }) => `${a.name}\u0000${a.shortName ?? ""}\u0000${a.id}`.toLowerCase().includes(q));
          const key = (a: Actor) => a.name.toLowerCase();
          const got = actorOptions(actors, counts, query, limit);
          for (const g of got) {
            const all = matches
              .filter(({ a }) => a.kind === g.kind)
              .sort(
                (x, y) =>
                  counts.at(y.i) - counts.at(x.i) ||
                  (key(x.a) < key(y.a) ? -1 : key(x.a) > key(y.a) ? 1 : x.i - y.i),
              );
            expect(ids(g.actors)).toEqual(ids(all.slice(0, limit).map(({ a }) => a)));
            expect(g.hidden).toBe(all.length - Math.min(limit, all.length));
          }
          expect(got.reduce((n, g) => n + g.actors.length + g.hidden, 0)).toBe(matches.length);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("quote groups from the speaker table equal grouping from scratch", () => {
    fc.assert(
      fc.property(views(index), fc.constantFrom("date" as const, "speaker" as const), (view, sort) => {
        const visible = filterRecords(index, view);
        // Copies are not the index's records, so they take the from-scratch path.
        const copies: Quote[] = visible.quotes.map((q) => ({ ...q }));
        const fast = groupQuotesBySpeaker(index, visible.quotes, sort, visible.positions.quotes);
        const plain = groupQuotesBySpeaker(index, copies, sort);
        const shape = (groups: typeof fast) =>
          groups.map((g) => [g.speaker, g.first, g.entries.map((e) => [e.quote.id, e.joined])]);
        expect(shape(fast)).toEqual(shape(plain));
        // Without positions, the records are looked up: same answer.
        expect(shape(groupQuotesBySpeaker(index, visible.quotes, sort))).toEqual(shape(plain));
      }),
      { numRuns: 40 },
    );
  });

  it("an actor's links equal a scan of every record for its camp", () => {
    const camp = (id: string) => {
      const out = new Set([id]);
      for (const a of index.data.actors) {
        let up = a.affiliation;
        for (let depth = 0; up && depth < 8; depth++) {
          if (up === id) out.add(a.id);
          up = index.actorById.get(up)?.affiliation;
        }
      }
      return out;
    };
    const sample = index.data.actors.filter((_, i) => i % Math.ceil(index.data.actors.length / 60) === 0);
    for (const actor of sample) {
      const c = camp(actor.id);
      const got = linkedTo(index, { kind: "actor", id: actor.id });
      const stances = index.data.stances.filter((s: Stance) => c.has(s.from) || c.has(s.to));
      expect([...got.stances].sort()).toEqual(ids(stances).sort());
      expect([...got.quotes].sort()).toEqual(ids(index.data.quotes.filter((q) => c.has(q.speaker))).sort());
      expect([...got.events].sort()).toEqual(
        ids(index.data.events.filter((e) => [...e.actors, ...e.targets].some((a) => c.has(a)))).sort(),
      );
      const actors = new Set([...c, ...stances.flatMap((s) => [s.from, s.to])]);
      expect([...got.actors].sort()).toEqual([...actors].sort());
    }
  });
});

it("the default view keeps the unfiltered quote groups between calls", () => {
  const visible = filterRecords(bundled, DEFAULT_VIEW);
  const a = groupQuotesBySpeaker(bundled, visible.quotes, "date", visible.positions.quotes);
  expect(groupQuotesBySpeaker(bundled, visible.quotes, "date", visible.positions.quotes)).toBe(a);
});
