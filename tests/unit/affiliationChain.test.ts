import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DatasetError, indexDataset, validateDataset, type RecordColumns } from "@/lib/data";
import type { Actor, DatasetFile, Quote } from "@/lib/model";
import { referenceFacts } from "./helpers";

// Affiliation chains (issue 14, part 4): a1 → a2 → … → a3000 made every page request take seconds, because
// the index walked the whole chain from every actor with a linear `includes` at each step.

const LENGTH = 3000;
const mini = (): DatasetFile => JSON.parse(readFileSync("tests/fixtures/mini.json", "utf8"));
const chainId = (k: number) => `a${k}`;

/** A copy of the fixture's first quote, by another speaker, tied to no event, claim or other quote. */
function quoteBy(data: DatasetFile, id: string, speaker: string): Quote {
  const quote = { ...data.quotes[0]!, id, speaker };
  delete quote.eventId;
  delete quote.claimId;
  delete quote.continues;
  return quote;
}

/**
 * The fixture plus actors a1 … a3000, each affiliated to the next; a quote by a1, a1500 and a3000, and a
 * stance from a1 to Iran.
 */
function chainDataset(): DatasetFile {
  const data = mini();
  for (let k = 1; k <= LENGTH; k++)
    data.actors.push({
      id: chainId(k),
      name: `Body ${k}`,
      kind: "organization",
      ...(k < LENGTH ? { affiliation: chainId(k + 1) } : {}),
    });
  for (const k of [1, LENGTH / 2, LENGTH]) data.quotes.push(quoteBy(data, `q-${k}`, chainId(k)));
  const stance = { ...data.stances[0]!, id: "s-chain", from: chainId(1), to: "iran" };
  delete stance.eventId;
  data.stances.push(stance);
  return data;
}

/**
 * The actors with `affiliation` behind a getter that counts reads and throws past `budget`: a linear index
 * reads each actor's affiliation a bounded number of times, the old one read it once per step of every walk
 * (about 4.5 million times for this chain). An operation count, not a clock.
 */
function countingAffiliations(actors: Actor[], budget: number): { actors: Actor[]; reads: () => number } {
  let reads = 0;
  const wrapped = actors.map((actor) => {
    const { affiliation, ...rest } = actor;
    return Object.defineProperty({ ...rest }, "affiliation", {
      enumerable: affiliation !== undefined,
      get() {
        if (++reads > budget)
          throw new Error(`affiliations read more than ${budget} times: a chain is walked more than once`);
        return affiliation;
      },
    }) as Actor;
  });
  return { actors: wrapped, reads: () => reads };
}

/** Ids of the actors record i is listed under (what the actor filter matches it by). */
function actorsOf(index: ReturnType<typeof indexDataset>, columns: RecordColumns, i: number): Set<string> {
  const out = new Set<string>();
  for (let j = columns.actorStart[i]!; j < columns.actorStart[i + 1]!; j++)
    out.add(index.data.actors[columns.actors[j]!]!.id);
  return out;
}

/** Ids of the records of one kind that the actor filter on `actor` keeps. */
function recordsOf<T extends { id: string }>(
  index: ReturnType<typeof indexDataset>,
  columns: RecordColumns,
  records: readonly T[],
  actor: string,
): string[] {
  const a = index.actorIndex.get(actor)!;
  return [...columns.records.subarray(columns.recordStart[a]!, columns.recordStart[a + 1]!)].map(
    (i) => records[i]!.id,
  );
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => chainId(from + i)).sort();

describe("a chain of 3,000 affiliated actors", () => {
  it("validates", () => {
    expect(() => validateDataset(chainDataset(), "chain.json")).not.toThrow();
  });

  it("is indexed reading each affiliation a bounded number of times", () => {
    const data = chainDataset();
    const counted = countingAffiliations(data.actors, 3 * data.actors.length);
    indexDataset({ ...data, actors: counted.actors });
    expect(counted.reads()).toBeLessThanOrEqual(3 * data.actors.length);
  });

  it("puts every actor of the chain in the camp at its end", () => {
    const index = indexDataset(chainDataset());
    for (let k = 1; k <= LENGTH; k++) expect(index.campOf.get(chainId(k))).toBe(chainId(LENGTH));
    expect(index.campOf.get("sergey-lavrov")).toBe("russia");
    expect(index.campOf.get("iran")).toBe("iran");
  });

  it("lists each record under its actors and everything they are affiliated to, transitively", () => {
    const data = chainDataset();
    const index = indexDataset(data);
    const { quotes, stances } = index.columns;
    const quote = (id: string) => data.quotes.findIndex((q) => q.id === id);
    const sorted = (s: Set<string>) => [...s].sort();
    expect(sorted(actorsOf(index, quotes, quote("q-1")))).toEqual(range(1, LENGTH));
    expect(sorted(actorsOf(index, quotes, quote("q-1500")))).toEqual(range(1500, LENGTH));
    expect(sorted(actorsOf(index, quotes, quote("q-3000")))).toEqual([chainId(LENGTH)]);
    const stance = data.stances.findIndex((s) => s.id === "s-chain");
    expect(sorted(actorsOf(index, stances, stance))).toEqual([...range(1, LENGTH), "iran"].sort());
    // Every record says the same as the plain reference of ./helpers.
    const facts = referenceFacts(data);
    data.quotes.forEach((q, i) => expect(actorsOf(index, quotes, i)).toEqual(facts.quotes.get(q.id)!.actors));

    // And the other way round: what the actor filter keeps when one actor of the chain is selected.
    expect(recordsOf(index, quotes, data.quotes, chainId(1))).toEqual(["q-1"]);
    expect(recordsOf(index, quotes, data.quotes, chainId(1499))).toEqual(["q-1"]);
    expect(recordsOf(index, quotes, data.quotes, chainId(1500))).toEqual(["q-1", "q-1500"]);
    expect(recordsOf(index, quotes, data.quotes, chainId(LENGTH))).toEqual(["q-1", "q-1500", "q-3000"]);
    expect(recordsOf(index, stances, data.stances, chainId(2999))).toEqual(["s-chain"]);
    expect(recordsOf(index, stances, data.stances, "iran")).toContain("s-chain");
  });
});

describe("affiliation cycles", () => {
  /** The fixture with x → y → z → x (and w → x leading into the cycle). */
  const withCycle = (): DatasetFile => {
    const data = mini();
    const org = (id: string, affiliation: string): Actor => ({
      id,
      name: id,
      kind: "organization",
      affiliation,
    });
    data.actors.push(org("x", "y"), org("y", "z"), org("z", "x"), org("w", "x"));
    data.quotes.push(quoteBy(data, "q-y", "y"));
    return data;
  };

  it("are refused once each, naming the actors around the cycle", () => {
    let err: unknown;
    try {
      validateDataset(withCycle(), "cycle.json");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).problems).toEqual([
      'cycle.json: actor "x": affiliation cycle x → y → z → x in "affiliation"',
    ]);
  });

  it("do not hang the index of an unvalidated dataset", () => {
    const data = withCycle();
    const counted = countingAffiliations(data.actors, 3 * data.actors.length);
    const index = indexDataset({ ...data, actors: counted.actors });
    for (const id of ["w", "x", "y", "z"]) expect(["x", "y", "z"]).toContain(index.campOf.get(id));
    const quote = data.quotes.findIndex((q) => q.id === "q-y");
    expect(actorsOf(index, index.columns.quotes, quote).has("y")).toBe(true);
  });
});
