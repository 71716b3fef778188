import { mkdtempSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "@/bench/generateDataset";
import { DatasetError } from "@/lib/data/DatasetError";
import { indexDataset } from "@/lib/data/indexDataset";
import { isDuckDataset, loadDataset } from "@/lib/data/loadDataset";
import type { DatasetFile } from "@/lib/model/schema";
import { DEFAULT_VIEW, PROVENANCE_REPORTS } from "@/lib/model/viewState";
import { STANCE_TYPES } from "@/lib/model/vocabulary";
import type { FilterView } from "@/lib/select/filters";
import { checkTables, exportTables, openDuckSource, type DuckSource } from "@/lib/source/duckdb";
import { indexSource } from "@/lib/source/indexSource";
import { browserMaxEvents, readBackDataset, wantsDuck } from "@/lib/source/server";
import type { DataSource, PeriodUnit } from "@/lib/source/types";

const bundled = loadDataset(path.resolve("data/escalations.json"));
/** A generated dataset: thousands of records, long affiliation chains, every stance type. */
const generated = generateDataset({ events: 1500, seed: 23 });
/** Words whose lower case differs between JavaScript and a one-to-one mapping: dotted İ, final sigma, ß. */
const UNICODE_WORDS = ["İstanbul", "ΣΑΣ ΟΔΟΣ", "ΌΣΟΣ", "Straße", "ΑΘΗΝΑ"];
const unicode = structuredClone(bundled);
UNICODE_WORDS.forEach((word, i) => {
  const quote = unicode.quotes[i]!;
  quote.text = `${word} ${quote.text}`;
});

/** The default view's filters: nothing filtered. */
const NO_FILTER: FilterView = DEFAULT_VIEW;

/** Random filter views over a dataset's own ids, words and span (plus an id it lacks, which matches nothing). */
function views(data: DatasetFile): fc.Arbitrary<FilterView> {
  const actorIds = data.actors.map((a) => a.id);
  const years = [...data.events, ...data.stances, ...data.quotes].map((r) => Number(r.date.slice(0, 4)));
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const words = data.quotes.flatMap((q) => q.text.split(/\s+/).filter((w) => w.length > 3)).slice(0, 200);
  return fc.record({
    actors: fc.oneof(
      fc.constant([]),
      fc.uniqueArray(fc.constantFrom(...actorIds), { minLength: 1, maxLength: 4 }),
    ),
    years: fc.oneof(
      fc.constant(null),
      fc
        .tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }))
        .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
    ),
    episode: fc.oneof(
      fc.constant(null),
      fc.constantFrom(...data.episodes.map((e) => e.id), "no-such-episode"),
    ),
    stances: fc.oneof(fc.constant([]), fc.uniqueArray(fc.constantFrom(...STANCE_TYPES), { maxLength: 3 })),
    q: fc.oneof(
      fc.constant(""),
      fc.constantFrom(...words).map((w) => w.slice(1, 6)),
      fc.constantFrom("foreign minister", "LAVROV", "zzqx"),
      fc.constantFrom("istanbul", "İstanbul", "σας", "οδος", "όσος", "σασ", "straße", "ΑΘΗΝΑ", "αθηνα"),
    ),
    provenance: fc.constantFrom(null, PROVENANCE_REPORTS),
  }) as fc.Arbitrary<FilterView>;
}

/** Searches of the actor picker over a dataset: pieces of its actors' names and ids, a case change, no match. */
function matches(data: DatasetFile): fc.Arbitrary<string> {
  const pieces = data.actors
    .slice(0, 40)
    .flatMap((a) => [a.name.slice(1, 4), a.id.slice(0, 3).toUpperCase()]);
  return fc.constantFrom("", " ", "zzqx", ...pieces);
}

/** Every answer of a source for one view, as one comparable object. */
async function answers(source: DataSource, view: FilterView, unit: PeriodUnit, match = "") {
  return {
    summary: await source.summary(view),
    periods: await source.periods(view, unit),
    edges: await source.edges(view, { limit: 10_000 }),
    topEdges: await source.edges(view, { limit: 4 }),
    quotes: await source.quotes(view, { offset: 1, limit: 7 }),
    actorCounts: await source.actorCounts(view, { limit: 10_000 }),
    topActors: await source.actorCounts(view, { limit: 3 }),
    matchedActors: await source.actorCounts(view, { limit: 12, match }),
  };
}

describe.each([
  ["the bundled dataset", bundled, {}],
  ["a generated dataset of 1,500 events", generated, {}],
  // Every filtered actor count by the threshold algorithm (the path of a broad filter over millions).
  [
    "a generated dataset of 1,500 events, its actor counts ranked",
    generated,
    { narrowRecords: 0, firstReach: 1 },
  ],
  ["the bundled dataset with Greek, Turkish and German words in its quotes", unicode, {}],
  // Answers naming more actors than the lookups keep: each must answer from what it found.
  ["a generated dataset of 1,500 events, its actor lookups keeping three", generated, { actorCache: 3 }],
] as const)("both data sources answer alike over %s", (_name, data, options) => {
  let duck: DuckSource;
  const memory = indexSource(indexDataset(data));
  beforeAll(async () => {
    duck = await openDuckSource({ dataset: data }, options);
  });
  afterAll(() => duck.close());

  it("for random view states (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        views(data),
        fc.constantFrom<PeriodUnit>("year", "month", "day"),
        matches(data),
        async (view, unit, match) => {
          expect(await answers(duck, view, unit, match)).toEqual(await answers(memory, view, unit, match));
        },
      ),
      { numRuns: 60, seed: 2323 },
    );
  });

  it("with the actor, year and type filters together, and a page past the end", async () => {
    const actors = data.actors.slice(0, 3).map((a) => a.id);
    const view = { ...NO_FILTER, actors, years: { start: 2020, end: 2024 }, stances: ["condemn", "support"] };
    expect(await answers(duck, view as FilterView, "month")).toEqual(
      await answers(memory, view as FilterView, "month"),
    );
    const ids = [data.actors[2]!.id, "no-such-actor", data.actors[0]!.id, data.actors[2]!.id];
    expect(await duck.actorRecords(ids)).toEqual(await memory.actorRecords(ids));
    expect((await duck.actorRecords(ids)).map((a) => a.id)).toEqual([ids[0], ids[2], ids[3]]);
    const total = (await memory.quotes(NO_FILTER, { offset: 0, limit: 1 })).total;
    expect(await duck.quotes(NO_FILTER, { offset: total + 5, limit: 10 })).toEqual({ total, quotes: [] });
  });
});

describe("the answers, read off the bundled dataset", () => {
  let duck: DuckSource;
  beforeAll(async () => {
    duck = await openDuckSource({ dataset: bundled });
  });
  afterAll(() => duck.close());

  it("counts every record when nothing filters", async () => {
    expect(await duck.summary(NO_FILTER)).toEqual({
      events: bundled.events.length,
      stances: bundled.stances.length,
      quotes: bundled.quotes.length,
    });
  });

  it("counts the condemnations of 2024 per directed pair", async () => {
    // Read straight off the stances: their own year and type, no affiliations involved.
    const expected = new Map<string, number>();
    for (const s of bundled.stances)
      if (s.date.startsWith("2024") && s.type === "condemn")
        expected.set(`${s.from}>${s.to}`, (expected.get(`${s.from}>${s.to}`) ?? 0) + 1);
    const view = { ...NO_FILTER, years: { start: 2024, end: 2024 }, stances: ["condemn"] } as FilterView;
    const { total, items } = await duck.edges(view, { limit: 1000 });
    expect(new Map(items.map((e) => [`${e.from}>${e.to}`, e.count]))).toEqual(expected);
    expect(total).toBe(expected.size);
    expect(items.every((e) => e.type === "condemn")).toBe(true);
    expect(expected.size).toBeGreaterThan(2);
  });

  it("returns the busiest edges first, ties by the actors' and the type's places", async () => {
    const counts = new Map<string, number>();
    for (const s of bundled.stances) {
      const key = `${s.from}>${s.to}>${s.type}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const place = new Map(bundled.actors.map((a, i) => [a.id, i]));
    const typePlace = new Map(STANCE_TYPES.map((t, i) => [t, i]));
    const expected = [...counts]
      .map(([key, count]) => {
        const [from, to, type] = key.split(">") as [string, string, (typeof STANCE_TYPES)[number]];
        return { from, to, type, count };
      })
      .sort(
        (a, b) =>
          b.count - a.count ||
          place.get(a.from)! - place.get(b.from)! ||
          place.get(a.to)! - place.get(b.to)! ||
          typePlace.get(a.type)! - typePlace.get(b.type)!,
      );
    expect(expected[0]!.count).toBeGreaterThan(1);
    expect(await duck.edges(NO_FILTER, { limit: 5 })).toEqual({
      total: counts.size,
      items: expected.slice(0, 5),
    });
  });

  it("counts events per year as their dates say", async () => {
    const expected = new Map<string, number>();
    for (const e of bundled.events) {
      const start = `${e.date.slice(0, 4)}-01-01`;
      expected.set(start, (expected.get(start) ?? 0) + 1);
    }
    const periods = await duck.periods(NO_FILTER, "year");
    expect(new Map(periods.map((p) => [p.start, p.count]))).toEqual(expected);
    expect(periods.map((p) => p.start)).toEqual([...expected.keys()].sort());
  });

  it("counts a minister's records for his state (the affiliation chain)", async () => {
    // Lavrov speaks for Russia: his quotes count for russia even with the actor filter on someone else.
    const lavrov = bundled.actors.find((a) => a.id === "sergey-lavrov")!;
    expect(lavrov.affiliation).toBeDefined();
    const counts = new Map(
      (await duck.actorCounts({ ...NO_FILTER, actors: ["iran"] }, { limit: 10_000 })).map((c) => [
        c.id,
        c.count,
      ]),
    );
    const lavrovQuotes = bundled.quotes.filter((q) => q.speaker === "sergey-lavrov").length;
    expect(lavrovQuotes).toBeGreaterThan(0);
    expect(counts.get("sergey-lavrov")).toBeGreaterThanOrEqual(lavrovQuotes);
    expect(counts.get("russia")!).toBeGreaterThan(counts.get("sergey-lavrov")!);
  });
});

describe("the actor search, read off the bundled dataset", () => {
  let duck: DuckSource;
  beforeAll(async () => {
    duck = await openDuckSource({ dataset: bundled });
  });
  afterAll(() => duck.close());

  it("finds by name, short name or id, any case, and only actors with records", async () => {
    // Actors whose own text has "iran" (Iran, its ministers' ids and roles aside: name, short name, id only).
    const text = (a: (typeof bundled.actors)[number]) =>
      `${a.name} ${a.shortName ?? ""} ${a.id}`.toLowerCase();
    const matching = new Set(bundled.actors.filter((a) => text(a).includes("iran")).map((a) => a.id));
    expect(matching.has("iran")).toBe(true);
    const found = await duck.actorCounts(NO_FILTER, { limit: 100, match: "IRAN" });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => matching.has(c.id) && c.count > 0)).toBe(true);
    // Iran is the busiest of them: its stances and events alone outnumber any of its officials' records.
    expect(found[0]!.id).toBe("iran");
    const iranStances = bundled.stances.filter((s) => s.from === "iran" || s.to === "iran").length;
    expect(found[0]!.count).toBeGreaterThanOrEqual(iranStances);
    expect(await duck.actorCounts(NO_FILTER, { limit: 100, match: "zzqx" })).toEqual([]);
  });

  it("gives actors' records by id, for the labels of an answer", async () => {
    expect(await duck.actorRecords(["russia", "sergey-lavrov"])).toEqual([
      bundled.actors.find((a) => a.id === "russia"),
      bundled.actors.find((a) => a.id === "sergey-lavrov"),
    ]);
    expect(await duck.actorRecords([])).toEqual([]);
  });
});

describe("a dataset in DuckDB's table form", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stance-atlas-source-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["parquet", "csv", "duckdb"] as const)("reads back as the same dataset from %s", async (format) => {
    const target = path.join(dir, format === "duckdb" ? "atlas.duckdb" : `atlas-${format}`);
    if (format !== "duckdb") mkdirSync(target);
    await exportTables(bundled, target, format);
    expect(isDuckDataset(target)).toBe(true);
    expect(await readBackDataset(target)).toEqual(bundled);
  });

  it("names the missing table of a directory", async () => {
    const target = path.join(dir, "partial");
    mkdirSync(target);
    await exportTables(bundled, target, "parquet");
    rmSync(path.join(target, "stances.parquet"));
    await expect(openDuckSource({ path: target })).rejects.toThrow(/no stances\.parquet or stances\.csv/);
  });

  it("names the file, the record and the field of a record that breaks the contract", async () => {
    const target = path.join(dir, "broken");
    mkdirSync(target);
    const broken = structuredClone(bundled);
    (broken.stances[3] as { type: string }).type = "applaud";
    // The table form carries each record as JSON: write it through DuckDB without the loader's check.
    await exportTables(broken, target, "csv");
    const error = await readBackDataset(target).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toContain(target);
    expect((error as Error).message).toContain(bundled.stances[3]!.id);
    expect((error as Error).message).toContain("type");
  });

  it("says what it expected of a path that is neither a directory nor a database", async () => {
    const file = path.join(dir, "events.txt");
    writeFileSync(file, "id,date\n");
    await expect(openDuckSource({ path: file })).rejects.toThrow(
      /expected a directory of Parquet or CSV files/,
    );
    await expect(openDuckSource({ path: path.join(dir, "missing.duckdb") })).rejects.toThrow(
      /no such DuckDB database/,
    );
  });

  it("asks for the directory when given one table's file, and lists every missing table", async () => {
    const target = path.join(dir, "tables");
    mkdirSync(target);
    await exportTables(bundled, target, "parquet");
    const one = path.join(target, "events.parquet");
    expect(isDuckDataset(one)).toBe(true);
    await expect(openDuckSource({ path: one })).rejects.toThrow(
      /one parquet file; point STANCE_ATLAS_DATASET at the directory that holds the seven tables \(actors\.parquet, episodes\.parquet, events\.parquet/,
    );
    rmSync(path.join(target, "quotes.parquet"));
    rmSync(path.join(target, "claims.parquet"));
    await expect(openDuckSource({ path: target })).rejects.toThrow(
      "no quotes.parquet or quotes.csv, claims.parquet or claims.csv (scripts/to-parquet.ts writes all seven tables)",
    );
  });

  it("knows a DuckDB database by its header, whatever its name", async () => {
    const database = path.join(dir, "renamed.duckdb");
    await exportTables(bundled, database, "duckdb");
    const renamed = path.join(dir, "atlas.db");
    renameSync(database, renamed);
    expect(isDuckDataset(renamed)).toBe(true);
    expect(isDuckDataset(path.resolve("data/escalations.json"))).toBe(false);
    expect(await readBackDataset(renamed)).toEqual(bundled);
  });

  it("tells the JSON loader that a DuckDB dataset is read at the server's start", () => {
    expect(() => loadDataset(path.join(dir, "atlas-parquet"))).toThrow(/read when the server starts/);
  });

  it("keeps the view's own keys out of SQL text", async () => {
    const source = await openDuckSource({ dataset: bundled });
    const hostile = {
      ...NO_FILTER,
      actors: ["russia') OR 1=1 --"],
      q: "'; DROP TABLE quotes; --",
      episode: "x' OR '1'='1",
    } as FilterView;
    expect(await source.summary(hostile)).toEqual({ events: 0, stances: 0, quotes: 0 });
    expect((await source.summary(NO_FILTER)).quotes).toBe(bundled.quotes.length);
    await source.close();
  });
});

describe("which source serves the routes", () => {
  it("is DuckDB for a Parquet directory, a .duckdb file or when asked, the index for the bundled JSON", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "stance-atlas-which-"));
    try {
      expect(wantsDuck({ STANCE_ATLAS_DATASET: "data/escalations.json" })).toBe(false);
      expect(wantsDuck({})).toBe(false);
      expect(wantsDuck({ STANCE_ATLAS_DATASET: dir })).toBe(true);
      expect(wantsDuck({ STANCE_ATLAS_DATASET: path.join(dir, "atlas.duckdb") })).toBe(true);
      expect(
        wantsDuck({ STANCE_ATLAS_DATASET: "data/escalations.json", STANCE_ATLAS_SOURCE: "duckdb" }),
      ).toBe(true);
      expect(wantsDuck({ STANCE_ATLAS_SOURCE: "index" })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes the browser's limit from the environment only when it is a whole number", () => {
    expect(browserMaxEvents({})).toBe(100_000);
    expect(browserMaxEvents({ STANCE_ATLAS_BROWSER_EVENTS: "10" })).toBe(10);
    expect(browserMaxEvents({ STANCE_ATLAS_BROWSER_EVENTS: "ten" })).toBe(100_000);
    expect(browserMaxEvents({ STANCE_ATLAS_BROWSER_EVENTS: "-5" })).toBe(100_000);
  });
});

describe("the checks of a DuckDB dataset's tables", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stance-atlas-checks-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The bundled dataset as a .duckdb file, then changed by SQL the way a hand-edited file would be. */
  async function editedDatabase(name: string, sql: string[]): Promise<string> {
    const file = path.join(dir, `${name}.duckdb`);
    await exportTables(bundled, file, "duckdb");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    for (const statement of sql) await connection.run(statement);
    connection.closeSync();
    instance.closeSync();
    return file;
  }

  it("finds nothing wrong with the bundled dataset", async () => {
    const source = await openDuckSource({ dataset: bundled });
    expect(await checkTables(source)).toEqual({ problems: [], total: 0 });
    await source.close();
  });

  it("names a column that says something else than its record (the routes read columns)", async () => {
    const stance = bundled.stances[3]!;
    const file = await editedDatabase("disagree", [`UPDATE stances SET date = '1999-01-01' WHERE pos = 3`]);
    const error = await readBackDataset(file).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toContain(
      `STANCE_ATLAS_DATASET=${file}: stances at pos 3 (id ${stance.id}): column date does not match the record`,
    );
  });

  it("names unknown types, unknown actors, repeated ids and an affiliation loop", async () => {
    const [a, b] = bundled.actors.filter((x) => x.affiliation === undefined).slice(0, 2);
    const file = await editedDatabase("broken", [
      `UPDATE stances SET type = 'applaud', record = json_merge_patch(record, '{"type":"applaud"}') WHERE pos = 0`,
      `UPDATE quotes SET speaker = 'nobody', record = json_merge_patch(record, '{"speaker":"nobody"}') WHERE pos = 1`,
      `UPDATE events SET id = (SELECT id FROM events WHERE pos = 0),
        record = json_merge_patch(record, json_object('id', (SELECT id FROM events WHERE pos = 0))) WHERE pos = 1`,
      `UPDATE actors SET affiliation = '${b!.id}', record = json_merge_patch(record, '{"affiliation":"${b!.id}"}') WHERE id = '${a!.id}'`,
      `UPDATE actors SET affiliation = '${a!.id}', record = json_merge_patch(record, '{"affiliation":"${a!.id}"}') WHERE id = '${b!.id}'`,
    ]);
    const source = await openDuckSource({ path: file });
    const { problems } = await checkTables(source);
    await source.close();
    expect(problems).toEqual(
      expect.arrayContaining([
        `stances at pos 0 (id ${bundled.stances[0]!.id}): type applaud is not a stance type`,
        `quotes at pos 1 (id ${bundled.quotes[1]!.id}): speaker nobody is not in actors`,
        `events: id ${bundled.events[0]!.id} is used 2 times`,
        `actors: ${a!.id} is its own affiliation, through its chain`,
      ]),
    );
  });
});
