import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from "@duckdb/node-api";
import { STANCE_TYPE_BIT } from "../data/indexDataset";
import { isDuckDatabaseFile } from "../data/loadDataset";
import { periodStart } from "../layout/timelineBins";
import type { Actor, DatasetFile, Quote } from "../model/schema";
import { STANCE_TYPES } from "../model/vocabulary";
import { PROVENANCE_REPORTS } from "../model/viewState";
import type { FilterView } from "../select/filters";
import {
  MAX_TOP,
  type ActorCount,
  type DataSource,
  type EdgeCount,
  type PeriodCount,
  type QuotePage,
  type QuotePageRequest,
  type Top,
} from "./types";

/**
 * The DuckDB source: the dataset in DuckDB's tables and every answer of {@link DataSource} one parameterised
 * SQL query over them. Nothing a client sends becomes SQL text: the view's values are bound as parameters,
 * and the only text spliced in is chosen here (column names, the number of placeholders).
 *
 * The dataset's table form (what a Parquet directory, a CSV directory or a `.duckdb` file holds, and what a
 * JSON dataset is loaded into) is one table per kind of record, each with `pos` (the record's place in
 * dataset order, from 0), the columns the filters read and `record` (the record itself as JSON, returned as
 * is for a page of quotes): see {@link TABLE_COLUMNS} and README "A dataset too big for the browser".
 *
 * From those tables the source builds, once, the filter facts the in-browser index builds
 * (`lib/data/indexDataset.ts`): each record's year, episode, stance-type bits and "from outside the reports"
 * flag (`f_events`, `f_stances`, `f_quotes`), the actors each involves with their affiliations
 * (`f_*_actors`), and the quotes' searchable text. The queries then read only those.
 */
export async function openDuckSource(input: DuckInput, options: DuckOptions = {}): Promise<DuckSource> {
  const { DuckDBInstance, DuckDBScalarFunction, VARCHAR } = await import("@duckdb/node-api");
  const started = performance.now();
  const instance: DuckDBInstance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  // JavaScript's own lower-casing, for the quote search's text: DuckDB's lower() maps one character to one
  // ("İ" to "i", a final "Σ" to "σ") where toLowerCase() gives "i̇" and "ς", and the query is lower-cased in
  // JavaScript, as the in-browser index does it.
  connection.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: "js_lower",
      returnType: VARCHAR,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const text = input.getColumnVector(0);
        for (let row = 0; row < input.rowCount; row++) {
          const value = text.getItem(row);
          output.setItem(row, typeof value === "string" ? value.toLowerCase() : null);
        }
        output.flush();
      },
    }),
  );
  try {
    await loadTables(connection, input);
    const loaded = performance.now();
    const steps = await buildFacts(connection);
    const built = performance.now();
    const source = duckSource(instance, connection, {
      narrowRecords: options.narrowRecords ?? NARROW_RECORDS,
      firstReach: options.firstReach ?? 1024,
      actorCache: options.actorCache ?? ACTOR_CACHE,
    });
    source.timings = { loadMs: loaded - started, factsMs: built - loaded, steps };
    return source;
  } catch (err) {
    connection.closeSync();
    instance.closeSync();
    throw err;
  }
}

/** How a DuckDB source answers, where a test needs to choose. */
export interface DuckOptions {
  /** Passing records up to which the actor counts group the records' own lists ({@link NARROW_RECORDS}). */
  narrowRecords?: number;
  /** The threshold algorithm's first reach, in actors (1,024). */
  firstReach?: number;
  /** Actors each lookup cache keeps ({@link ACTOR_CACHE}). */
  actorCache?: number;
}

/** Where a DuckDB source's dataset comes from. */
export type DuckInput =
  /** A validated dataset already in memory (the bundled JSON, or one too big for the browser). */
  | { dataset: DatasetFile }
  /** A directory of Parquet or CSV files (one per table), or a `.duckdb` database with those tables. */
  | { path: string };

/** A DuckDB source and what opening it cost. */
export interface DuckSource extends DataSource {
  readonly kind: "duckdb";
  /**
   * What the URL's parsers need to check a view against this dataset: which of the given actor ids it has
   * (only those: a dataset may have millions), its episode ids and its year span.
   */
  context(actorIds: readonly string[]): Promise<{
    actorIds: Set<string>;
    episodeIds: Set<string>;
    span: { start: number; end: number };
  }>;
  /** Runs a query of the caller's own (the bench's "DuckDB directly"); never given text from a request. */
  query(sql: string, values?: DuckDBValue[]): Promise<Record<string, unknown>[]>;
  /** Milliseconds spent reading the tables and building the filter facts, in all and per table built. */
  timings: { loadMs: number; factsMs: number; steps: Record<string, number> };
}

/** The tables of the table form and their columns (DuckDB types); every table also has `record` (JSON text). */
export const TABLE_COLUMNS = {
  actors: {
    pos: "BIGINT",
    id: "VARCHAR",
    name: "VARCHAR",
    shortName: "VARCHAR",
    role: "VARCHAR",
    affiliation: "VARCHAR",
  },
  episodes: { pos: "BIGINT", id: "VARCHAR", start: "VARCHAR", end: "VARCHAR" },
  events: {
    pos: "BIGINT",
    id: "VARCHAR",
    date: "VARCHAR",
    actors: "VARCHAR[]",
    targets: "VARCHAR[]",
    episode: "VARCHAR",
    outside_n: "INTEGER",
  },
  stances: {
    pos: "BIGINT",
    id: "VARCHAR",
    from: "VARCHAR",
    to: "VARCHAR",
    type: "VARCHAR",
    date: "VARCHAR",
    eventId: "VARCHAR",
    outside_n: "INTEGER",
  },
  quotes: {
    pos: "BIGINT",
    id: "VARCHAR",
    speaker: "VARCHAR",
    text: "VARCHAR",
    date: "VARCHAR",
    eventId: "VARCHAR",
    claimId: "VARCHAR",
    outside_n: "INTEGER",
  },
  claims: { pos: "BIGINT", id: "VARCHAR" },
  sources: { pos: "BIGINT", id: "VARCHAR" },
} as const;

type Table = keyof typeof TABLE_COLUMNS;
const TABLES = Object.keys(TABLE_COLUMNS) as Table[];

/** A SQL string literal (for file paths the caller chose, never request text). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Double-quoted SQL identifier (the names come from {@link TABLE_COLUMNS}, never from a request). */
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A table's declared columns for DuckDB's JSON and CSV readers: `{'pos': 'BIGINT', …, 'record': 'VARCHAR'}`. */
const columnSpec = (table: Table) =>
  `{${Object.entries({ ...TABLE_COLUMNS[table], record: "VARCHAR" })
    .map(([name, type]) => `'${name}': '${type}'`)
    .join(", ")}}`;

/** One row of the table form for a record: its filter columns and the record as JSON. */
function rowOf(table: Table, record: Record<string, unknown>, pos: number): Record<string, unknown> {
  const row: Record<string, unknown> = { pos };
  for (const column of Object.keys(TABLE_COLUMNS[table]))
    if (column === "outside_n") row.outside_n = Array.isArray(record.outside) ? record.outside.length : 0;
    else if (column !== "pos") row[column] = record[column] ?? null;
  row.record = JSON.stringify(record);
  return row;
}

/** Reads the dataset into tables named as in {@link TABLE_COLUMNS}. */
async function loadTables(connection: DuckDBConnection, input: DuckInput): Promise<void> {
  if ("dataset" in input) {
    // Through newline-delimited JSON files with declared columns: DuckDB's own reader, no type guessing,
    // and far faster than binding rows one by one.
    const dir = mkdtempSync(path.join(tmpdir(), "stance-atlas-duck-"));
    try {
      for (const table of TABLES) {
        const file = path.join(dir, `${table}.ndjson`);
        const records = input.dataset[table] as readonly Record<string, unknown>[];
        // In batches: one string of a large table would pass V8's longest string (about 512 MB).
        const fd = openSync(file, "w");
        try {
          for (let at = 0; at < records.length; at += 10_000)
            writeSync(
              fd,
              records
                .slice(at, at + 10_000)
                .map((r, k) => JSON.stringify(rowOf(table, r, at + k)) + "\n")
                .join(""),
            );
        } finally {
          closeSync(fd);
        }
        await connection.run(
          `CREATE TABLE ${q(table)} AS SELECT * FROM read_json($file, format = 'newline_delimited', columns = ${columnSpec(table)})`,
          { file },
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const where = input.path;
  if (isDuckDatabaseFile(where)) {
    if (!existsSync(where)) throw new Error(`no such DuckDB database`);
    await connection.run(`ATTACH ${literal(where)} AS src (READ_ONLY)`);
    for (const table of TABLES)
      await connection.run(`CREATE VIEW ${q(table)} AS SELECT * FROM src.${q(table)}`);
    return;
  }
  if (!statSync(where, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(
      /\.(parquet|csv)$/i.test(where)
        ? `one ${path.extname(where).slice(1)} file; point STANCE_ATLAS_DATASET at the directory that holds the seven tables (${TABLES.map((t) => `${t}${path.extname(where)}`).join(", ")})`
        : `expected a directory of Parquet or CSV files, or a DuckDB database`,
    );
  // Every missing table at once, so one look at the message says what to add.
  const missing = TABLES.filter(
    (table) =>
      !existsSync(path.join(where, `${table}.parquet`)) && !existsSync(path.join(where, `${table}.csv`)),
  );
  if (missing.length > 0)
    throw new Error(
      `no ${missing.map((t) => `${t}.parquet or ${t}.csv`).join(", ")} (scripts/to-parquet.ts writes all seven tables)`,
    );
  for (const table of TABLES) {
    const parquet = path.join(where, `${table}.parquet`);
    const csv = path.join(where, `${table}.csv`);
    if (existsSync(parquet))
      await connection.run(`CREATE VIEW ${q(table)} AS SELECT * FROM read_parquet(${literal(parquet)})`);
    else if (existsSync(csv)) {
      await connection.run(
        `CREATE TABLE ${q(table)} AS SELECT * FROM read_csv(${literal(csv)}, header = true, columns = ${columnSpec(table)})`,
      );
    }
  }
}

/** The stance types' bits and places, as the in-browser index numbers them. */
const TYPE_BITS = Object.entries(STANCE_TYPE_BIT);
const DISPUTE_BIT = STANCE_TYPE_BIT.dispute ?? 0;

/** The year, month (yyyymm) and day (yyyymmdd) of an ISO date column, as integers. */
const dateParts = (column: string) => `CAST(substr(${column}, 1, 4) AS INTEGER) AS year,
      CAST(substr(${column}, 1, 4) || substr(${column}, 6, 2) AS INTEGER) AS month,
      CAST(substr(${column}, 1, 4) || substr(${column}, 6, 2) || substr(${column}, 9, 2) AS INTEGER) AS day`;

/**
 * A stance's or quote's episode, as `indexDataset` gives it: its event's (even none), else the first episode
 * (in dataset order) whose span holds its date. The joins, for a record table aliased `alias`…
 */
const episodeJoins = (table: "stances" | "quotes", alias: string) => `
        LEFT JOIN event_episodes ev ON ev.id = ${alias}.eventId
        LEFT JOIN episode_ids eid ON eid.id = ev.episode
        LEFT JOIN (SELECT x.pos, arg_min(ei.e, ep.pos) AS e FROM ${table} x
            JOIN episodes ep ON x.date >= ep.start AND x.date <= ep."end"
            JOIN episode_ids ei ON ei.id = ep.id GROUP BY x.pos) byDate ON byDate.pos = ${alias}.pos`;
/**
 * The actors a record involves, affiliations included, as a list on the record's facts (`acts`): the actor
 * counts of a narrow filter unnest the few passing records' lists instead of scanning the actor tables.
 */
const actsJoin = (table: Kind, alias: string) =>
  `LEFT JOIN (SELECT pos, list(a ORDER BY a) AS acts FROM x_${table} GROUP BY pos) acts ON acts.pos = ${alias}.pos`;
const ACTS = "COALESCE(acts.acts, []::INTEGER[]) AS acts";

/** … and the episode's number they give (-1 for none). */
const EPISODE_OF = "COALESCE(CASE WHEN ev.id IS NOT NULL THEN eid.e ELSE byDate.e END, -1)";

/**
 * The statements that build the filter facts (see {@link openDuckSource}), the same as `indexDataset`
 * computes them, in order. Actors, episodes and stance types become integers (their place in the dataset or
 * the vocabulary): the queries then group and join on integers, not strings. The record-to-actor tables carry
 * the filter columns too and are sorted by the actor's rank, so the actor filter reads only the row groups of
 * the actors asked for and a filtered top-k reads the busiest actors first.
 */
const FACTS: readonly (readonly [name: string, sql: string])[] = [
  [
    "type_bits",
    `CREATE TABLE type_bits AS SELECT * FROM (VALUES ${TYPE_BITS.map(([t, b], i) => `('${t}', ${b}, ${i})`).join(", ")}) t(type, bit, place)`,
  ],
  // An actor's number is its place in the actor list (the index's actorIndex); an id listed twice keeps its last.
  [
    "actor_ids",
    `CREATE TABLE actor_ids AS SELECT id, max(pos)::INTEGER AS a FROM actors GROUP BY id ORDER BY a`,
  ],
  ["episode_ids", `CREATE TABLE episode_ids AS SELECT id, max(pos)::INTEGER AS e FROM episodes GROUP BY id`],
  [
    "chain",
    // Each actor with itself and every actor up its affiliation chain; an unknown affiliation ends a chain,
    // and UNION (not UNION ALL) stops at a cycle.
    `CREATE TABLE chain AS
      WITH RECURSIVE parent AS (
        SELECT x.a, y.a AS p FROM actors s JOIN actor_ids x ON x.id = s.id AND x.a = s.pos
          JOIN actor_ids y ON y.id = s.affiliation),
      walk(actor, up) AS (
        SELECT a, a FROM actor_ids
        UNION
        SELECT walk.actor, parent.p FROM walk JOIN parent ON parent.a = walk.up)
      SELECT actor, up FROM walk`,
  ],
  [
    "event_bits",
    `CREATE TABLE event_bits AS
      SELECT s.eventId AS id, bit_or(t.bit) AS bits FROM stances s JOIN type_bits t ON t.type = s.type
      WHERE s.eventId IS NOT NULL GROUP BY s.eventId`,
  ],
  [
    "event_episodes",
    `CREATE TABLE event_episodes AS SELECT id, any_value(episode) AS episode FROM events GROUP BY id`,
  ],
  // Which actors each record involves, affiliations included, first as bare (actor, record) pairs: the
  // actors' totals come from them, and the tables the queries read are then sorted by those totals.
  [
    "x_events",
    `CREATE TABLE x_events AS SELECT DISTINCT ch.up AS a, e.pos::INTEGER AS pos
      FROM events e, unnest(list_concat(e.actors, e.targets)) u(id)
        JOIN actor_ids ai ON ai.id = u.id JOIN chain ch ON ch.actor = ai.a`,
  ],
  [
    "x_stances",
    `CREATE TABLE x_stances AS SELECT DISTINCT ch.up AS a, s.pos::INTEGER AS pos
      FROM stances s, unnest([s."from", s."to"]) u(id)
        JOIN actor_ids ai ON ai.id = u.id JOIN chain ch ON ch.actor = ai.a`,
  ],
  [
    "x_quotes",
    `CREATE TABLE x_quotes AS SELECT ch.up AS a, qu.pos::INTEGER AS pos
      FROM quotes qu JOIN actor_ids ai ON ai.id = qu.speaker JOIN chain ch ON ch.actor = ai.a`,
  ],
  // Every actor's records in the whole dataset and its rank by them (most first, then place): the unfiltered
  // actor counts (a cube's top level) and an upper bound of any filtered count, which lets a filtered top-k
  // stop once no lower-ranked actor could still enter it (see actorCounts).
  [
    "actor_rank",
    `CREATE TABLE actor_rank AS
      WITH totals AS (SELECT a, count(*) AS n FROM (
          SELECT a FROM x_events UNION ALL SELECT a FROM x_stances UNION ALL SELECT a FROM x_quotes) GROUP BY a)
      SELECT i.a, COALESCE(t.n, 0)::BIGINT AS n,
        (row_number() OVER (ORDER BY COALESCE(t.n, 0) DESC, i.a) - 1)::INTEGER AS rank
      FROM actor_ids i LEFT JOIN totals t ON t.a = i.a ORDER BY rank`,
  ],
  [
    "f_events",
    `CREATE TABLE f_events AS
      SELECT e.pos::INTEGER AS pos, ${dateParts("e.date")}, COALESCE(ep.e, -1) AS ep,
        COALESCE(b.bits, 0) AS bits, e.outside_n > 0 AS outside, ${ACTS}
      FROM events e LEFT JOIN event_bits b ON b.id = e.id LEFT JOIN episode_ids ep ON ep.id = e.episode
        ${actsJoin("events", "e")}
      ORDER BY e.pos`,
  ],
  [
    "f_stances",
    `CREATE TABLE f_stances AS
      SELECT s.pos::INTEGER AS pos, ${dateParts("s.date")},
        ${EPISODE_OF} AS ep, COALESCE(t.bit, 0) AS bits, s.outside_n > 0 AS outside,
        src.a AS src, dst.a AS dst, t.place AS type, ${ACTS}
      FROM stances s ${episodeJoins("stances", "s")} ${actsJoin("stances", "s")}
        LEFT JOIN type_bits t ON t.type = s.type
        LEFT JOIN actor_ids src ON src.id = s."from"
        LEFT JOIN actor_ids dst ON dst.id = s."to"
      ORDER BY s.pos`,
  ],
  [
    "f_quotes",
    `CREATE TABLE f_quotes AS
      SELECT qu.pos::INTEGER AS pos, ${dateParts("qu.date")},
        ${EPISODE_OF} AS ep,
        COALESCE(b.bits, 0) | CASE WHEN cl.id IS NOT NULL THEN ${DISPUTE_BIT} ELSE 0 END AS bits,
        qu.outside_n > 0 AS outside,
        -- What the quote search looks in: the words, then the speaker's name, short name and role.
        js_lower(qu.text || CASE WHEN sp.id IS NULL THEN '' ELSE
          chr(0) || sp.name || COALESCE(chr(0) || sp.shortName, '') || COALESCE(chr(0) || sp.role, '') END) AS search,
        ${ACTS}
      FROM quotes qu ${episodeJoins("quotes", "qu")} ${actsJoin("quotes", "qu")}
        LEFT JOIN event_bits b ON b.id = qu.eventId
        LEFT JOIN (SELECT DISTINCT id FROM claims) cl ON cl.id = qu.claimId
        LEFT JOIN actor_ids ai ON ai.id = qu.speaker
        LEFT JOIN actors sp ON sp.pos = ai.a
      ORDER BY qu.pos`,
  ],
  [
    "f_events_actors",
    `CREATE TABLE f_events_actors AS
      SELECT r.rank, x.a AS actor, f.pos, f.year, f.month, f.day, f.ep, f.bits, f.outside
      FROM x_events x JOIN actor_rank r ON r.a = x.a JOIN f_events f ON f.pos = x.pos
      ORDER BY r.rank, f.pos`,
  ],
  [
    "f_stances_actors",
    `CREATE TABLE f_stances_actors AS
      SELECT r.rank, x.a AS actor, f.pos, f.year, f.ep, f.bits, f.outside, f.src, f.dst, f.type
      FROM x_stances x JOIN actor_rank r ON r.a = x.a JOIN f_stances f ON f.pos = x.pos
      ORDER BY r.rank, f.pos`,
  ],
  [
    "f_quotes_actors",
    `CREATE TABLE f_quotes_actors AS
      SELECT r.rank, x.a AS actor, f.pos, f.year, f.ep, f.bits, f.outside
      FROM x_quotes x JOIN actor_rank r ON r.a = x.a JOIN f_quotes f ON f.pos = x.pos
      ORDER BY r.rank, f.pos`,
  ],
  // The bare pairs are in the sorted tables now: give their memory back.
  ["x_drop_events", `DROP TABLE x_events`],
  ["x_drop_stances", `DROP TABLE x_stances`],
  ["x_drop_quotes", `DROP TABLE x_quotes`],
  [
    "edge_totals",
    `CREATE TABLE edge_totals AS SELECT src, dst, type, count(*) AS n FROM f_stances
      GROUP BY ALL ORDER BY n DESC, src, dst, type`,
  ],
  // Point lookups for the actors an answer names (its labels): by id to number, and the record by number,
  // through ART indexes; a scan of every actor's JSON for a few dozen of them costs 50 ms at 1.4 million.
  ["actor_ids_id", `CREATE INDEX actor_ids_id ON actor_ids(id)`],
  [
    "actor_records",
    `CREATE TABLE actor_records AS SELECT pos::INTEGER AS pos, record FROM actors ORDER BY pos`,
  ],
  ["actor_records_pos", `CREATE INDEX actor_records_pos ON actor_records(pos)`],
];

/** Builds the filter facts, timing each statement (what each part of the pre-aggregation costs). */
async function buildFacts(c: DuckDBConnection): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  for (const [name, sql] of FACTS) {
    const started = performance.now();
    await c.run(sql);
    steps[name] = performance.now() - started;
  }
  return steps;
}

type Kind = "events" | "stances" | "quotes";

/** The parts of a view the SQL reads, resolved once per answer: actors and the episode as numbers. */
interface Resolved {
  view: FilterView;
  /** Ranks (see `actor_rank`) of the selected actors that the dataset has (empty when none is known). */
  actors: number[];
  /** The episode's number, -2 for an id the dataset lacks (matches nothing), null for no episode filter. */
  episode: number | null;
}

/**
 * A WHERE clause and its parameters over a facts table aliased `f`: a record table (`f_events`, …), or a
 * record-to-actor one (`actorTable`, joined to the quotes' facts as `r` for a search), which alone takes the
 * actor filter, unless `ignoreActors` leaves it out.
 */
function whereOf(
  kind: Kind,
  { view, actors, episode }: Resolved,
  options: { ignoreActors?: boolean; actorTable?: boolean } = {},
): { sql: string; values: DuckDBValue[] } {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  if (options.actorTable && !options.ignoreActors && view.actors.length > 0) {
    // No known actor: nothing passes (as in the index, where an unknown id's posting list is empty).
    if (actors.length === 0) parts.push("false");
    else {
      parts.push(`f.rank IN (${actors.map(() => "?").join(", ")})`);
      values.push(...actors);
    }
  }
  if (view.years) {
    parts.push("f.year BETWEEN ? AND ?");
    values.push(view.years.start, view.years.end);
  }
  if (episode !== null) {
    parts.push("f.ep = ?");
    values.push(episode);
  }
  if (view.stances.length > 0) {
    let mask = 0;
    for (const t of view.stances) mask |= STANCE_TYPE_BIT[t] ?? 0;
    parts.push("(f.bits & ?) <> 0");
    values.push(mask);
  }
  if (view.provenance === PROVENANCE_REPORTS) parts.push("NOT f.outside");
  if (kind === "quotes" && view.q.length > 0) {
    // The record-to-actor table has no text: it is joined to the quotes' facts for a search (see actorCounts).
    parts.push(options.actorTable ? "contains(r.search, ?)" : "contains(f.search, ?)");
    values.push(view.q.toLowerCase());
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(" AND ")}` : "", values };
}

/** The columns of a record-to-actor table that the answers read: its record's facts. */
const ACTOR_TABLE_COLUMNS: Record<Kind, string> = {
  events: "f.pos, f.year, f.month, f.day, f.ep, f.bits, f.outside",
  stances: "f.pos, f.year, f.ep, f.bits, f.outside, f.src, f.dst, f.type",
  quotes: "f.pos",
};

/**
 * The records of one kind that pass a view, as a FROM clause aliased `f`: the facts table and a WHERE, or,
 * under the actor filter, the selected actors' rows of the record-to-actor table, which is sorted by actor
 * and carries the facts, so DuckDB reads only those actors' row groups (DISTINCT: a record involving two
 * selected actors is one record).
 */
function passing(kind: Kind, r: Resolved): { sql: string; values: DuckDBValue[]; unfiltered: boolean } {
  if (r.view.actors.length === 0) {
    const where = whereOf(kind, r);
    return { sql: `f_${kind} f ${where.sql}`, values: where.values, unfiltered: where.sql === "" };
  }
  const where = whereOf(kind, r, { actorTable: true });
  const search = kind === "quotes" && r.view.q.length > 0 ? ` JOIN f_quotes r ON r.pos = f.pos` : "";
  return {
    sql: `(SELECT DISTINCT ${ACTOR_TABLE_COLUMNS[kind]} FROM f_${kind}_actors f${search} ${where.sql}) f`,
    values: where.values,
    unfiltered: false,
  };
}

/**
 * Up to this many passing records, the actor counts group the records' own actor lists; past it, they take
 * the busiest actors first (the threshold algorithm in `actorCounts`), whose cost depends on how concentrated
 * the counts are, not on how many records pass.
 */
export const NARROW_RECORDS = 250_000;

/** True when a view filters on nothing but (perhaps) actors: the actor counts are then the totals. */
const onlyActors = (view: FilterView) =>
  view.years === null &&
  view.episode === null &&
  view.stances.length === 0 &&
  view.q.length === 0 &&
  view.provenance !== PROVENANCE_REPORTS;

/** Actors each lookup cache of a source keeps (ids by number, records, ranks): twice the largest top-k. */
export const ACTOR_CACHE = 2 * MAX_TOP;

/** A map that forgets its oldest entry once it holds `max`. */
function boundedMap<K, V>(max: number): { get(key: K): V | undefined; set(key: K, value: V): void } {
  const map = new Map<K, V>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (map.size >= max && !map.has(key)) map.delete(map.keys().next().value!);
      map.set(key, value);
    },
  };
}

/**
 * Looks keys up in a cache and asks `fetch` for the missing ones, keeping what it finds (a key it does not find
 * as null, so it is not asked again). Answers from what it found, not from the cache after its inserts: a
 * lookup of more keys than the cache holds pushes out its own first ones.
 */
async function cachedLookup<K, V>(
  cache: ReturnType<typeof boundedMap<K, V | null>>,
  keys: readonly K[],
  fetch: (missing: K[]) => Promise<Map<K, V>>,
): Promise<Map<K, V | null>> {
  const found = new Map<K, V | null>();
  const missing: K[] = [];
  for (const key of new Set(keys)) {
    const value = cache.get(key);
    if (value === undefined) missing.push(key);
    else found.set(key, value);
  }
  if (missing.length > 0) {
    const fetched = await fetch(missing);
    for (const key of missing) {
      const value = fetched.get(key) ?? null;
      found.set(key, value);
      cache.set(key, value);
    }
  }
  return found;
}

function duckSource(
  instance: DuckDBInstance,
  c: DuckDBConnection,
  { narrowRecords, firstReach, actorCache }: Required<DuckOptions>,
): DuckSource {
  const rows = async (sql: string, values: DuckDBValue[] = []) =>
    (await c.runAndReadAll(sql, values)).getRowObjectsJS() as Record<string, unknown>[];
  // Small and asked on every request: read once.
  let episodes: Promise<Map<string, number>> | null = null;
  const episodeNumbers = () =>
    (episodes ??= rows(`SELECT id, e FROM episode_ids`).then(
      (found) => new Map(found.map((r) => [String(r.id), Number(r.e)])),
    ));
  let span: Promise<{ start: number; end: number }> | null = null;
  // The actors' searchable text (lib/select/actorOptions.ts `actorHaystacks`), built on the first search:
  // a pass over every actor through JavaScript's lower-casing, which a dataset never searched need not pay.
  let searchTable: Promise<unknown> | null = null;
  const actorSearch = () =>
    (searchTable ??= rows(`CREATE TABLE actor_search AS
        SELECT i.a, js_lower(t.name || chr(0) || COALESCE(t.shortName, '') || chr(0) || t.id) AS hay
        FROM actor_ids i JOIN actors t ON t.pos = i.a`).catch((err: unknown) => {
      searchTable = null;
      throw err;
    }));
  // The ids of actors by number (a lookup of the few a top-k answer names, not a join with every actor) and
  // their records by id, kept as they are asked: the busiest actors head most answers, and each lookup is a
  // query. Bounded, oldest out first (cachedLookup).
  const idCache = boundedMap<number, string | null>(actorCache);
  const idsOf = (numbers: readonly number[]) =>
    cachedLookup(idCache, numbers, async (missing) => {
      const found = await rows(
        `SELECT a, id FROM actor_ids WHERE a IN (${missing.map(() => "?").join(", ")})`,
        missing,
      );
      return new Map(found.map((x) => [Number(x.a), String(x.id)]));
    });
  const recordCache = boundedMap<string, Actor | null>(actorCache);
  // Actor ids a view names, and their ranks (null: not in the dataset), kept as they are asked: a reader
  // changes filters around the same few actors.
  const ranks = boundedMap<string, number | null>(actorCache);
  const ranksOf = async (ids: readonly string[]): Promise<(number | null)[]> => {
    const found = await cachedLookup(ranks, ids, async (missing) => {
      const rowsFound = await rows(
        `SELECT i.id, r.rank FROM actor_ids i JOIN actor_rank r ON r.a = i.a
          WHERE i.id IN (${missing.map(() => "?").join(", ")})`,
        missing,
      );
      return new Map(rowsFound.map((x) => [String(x.id), Number(x.rank)]));
    });
    return ids.map((id) => found.get(id) ?? null);
  };
  const resolve = async (view: FilterView): Promise<Resolved> => {
    const known = (await ranksOf(view.actors)).filter((rank): rank is number => rank !== null);
    const actors = [...new Set(known)].sort((a, b) => a - b);
    const episode = view.episode === null ? null : ((await episodeNumbers()).get(view.episode) ?? -2);
    return { view, actors, episode };
  };
  return {
    kind: "duckdb",
    timings: { loadMs: 0, factsMs: 0, steps: {} },
    async summary(view) {
      const r = await resolve(view);
      const parts = (["events", "stances", "quotes"] as const).map((kind) => ({ kind, ...passing(kind, r) }));
      const [row] = await rows(
        `SELECT ${parts.map((p) => `(SELECT count(*) FROM ${p.sql}) AS ${p.kind}`).join(", ")}`,
        parts.flatMap((p) => p.values),
      );
      return { events: Number(row!.events), stances: Number(row!.stances), quotes: Number(row!.quotes) };
    },
    async periods(view, unit): Promise<PeriodCount[]> {
      const where = passing("events", await resolve(view));
      const found = await rows(
        `SELECT f.${unit} AS k, count(*) AS n FROM ${where.sql} GROUP BY k ORDER BY k`,
        where.values,
      );
      return found.map((r) => ({ start: periodStart(Number(r.k), unit), count: Number(r.n) }));
    },
    async edges(view, { limit }): Promise<Top<EdgeCount>> {
      const r = await resolve(view);
      const where = passing("stances", r);
      const grouped = where.unfiltered
        ? `SELECT src, dst, type, n FROM edge_totals`
        : `SELECT f.src, f.dst, f.type, count(*) AS n FROM ${where.sql} GROUP BY ALL`;
      const found = await rows(
        `WITH g AS (${grouped})
        SELECT (SELECT count(*) FROM g) AS total, src, dst, type, n FROM g ORDER BY n DESC, src, dst, type LIMIT ?`,
        [...where.values, limit],
      );
      const ids = await idsOf(found.flatMap((x) => [Number(x.src), Number(x.dst)]));
      return {
        // `limit` is at least 1, so an empty answer means no edge at all.
        total: found.length > 0 ? Number(found[0]!.total) : 0,
        items: found.map((x) => ({
          from: ids.get(Number(x.src))!,
          to: ids.get(Number(x.dst))!,
          type: STANCE_TYPES[Number(x.type)]!,
          count: Number(x.n),
        })),
      };
    },
    async quotes(view, { offset, limit }: QuotePageRequest): Promise<QuotePage> {
      const where = passing("quotes", await resolve(view));
      const page = await rows(
        `WITH p AS (SELECT f.pos FROM ${where.sql})
        SELECT (SELECT count(*) FROM p) AS total, pos FROM p ORDER BY pos LIMIT ? OFFSET ?`,
        [...where.values, limit, offset],
      );
      // A page past the end has no row to carry the total: count on its own then.
      const total =
        page.length > 0
          ? Number(page[0]!.total)
          : Number((await rows(`SELECT count(*) AS n FROM ${where.sql}`, where.values))[0]!.n);
      if (page.length === 0) return { total, quotes: [] };
      // The records by their positions as constants, so DuckDB reads only the row groups that hold them
      // (the files are in `pos` order) instead of joining against every quote's JSON.
      const found = await rows(
        `SELECT record FROM quotes WHERE pos IN (${page.map(() => "?").join(", ")}) ORDER BY pos`,
        page.map((x) => Number(x.pos)),
      );
      return { total, quotes: found.map((x) => JSON.parse(String(x.record)) as Quote) };
    },
    async actorCounts(view, { limit, match }): Promise<ActorCount[]> {
      const r = await resolve(view);
      const named = async (found: Record<string, unknown>[]) => {
        const ids = await idsOf(found.map((x) => Number(x.actor)));
        return found.map((x) => ({ id: ids.get(Number(x.actor))!, count: Number(x.n) }));
      };
      const text = match?.trim().toLowerCase() ?? "";
      if (text !== "") {
        // A search: only the matching actors, counted under the view over the record-to-actor tables.
        await actorSearch();
        const parts = (["events", "stances", "quotes"] as const).map((kind) => ({
          kind,
          ...whereOf(kind, r, { ignoreActors: true, actorTable: true }),
        }));
        const matched = `f.actor IN (SELECT a FROM actor_search WHERE contains(hay, ?))`;
        return named(
          await rows(
            `SELECT actor, count(*) AS n FROM (${parts
              .map(({ kind, sql }) => {
                const where = `${sql === "" ? "WHERE" : `${sql} AND`} ${matched}`;
                return kind === "quotes" && view.q.length > 0
                  ? `SELECT f.actor FROM f_quotes_actors f JOIN f_quotes r ON r.pos = f.pos ${where}`
                  : `SELECT f.actor FROM f_${kind}_actors f ${where}`;
              })
              .join(" UNION ALL ")}) GROUP BY actor ORDER BY n DESC, actor LIMIT ?`,
            [...parts.flatMap((p) => [...p.values, text]), limit],
          ),
        );
      }
      if (onlyActors(view))
        return named(
          await rows(`SELECT a AS actor, n FROM actor_rank WHERE n > 0 ORDER BY rank LIMIT ?`, [limit]),
        );
      // A narrow filter: few records pass, so count their actors straight from their lists.
      const own = (["events", "stances", "quotes"] as const).map((kind) => ({
        kind,
        ...whereOf(kind, r, { ignoreActors: true }),
      }));
      const values = own.flatMap((p) => p.values);
      const [{ n: passing } = { n: 0 }] = await rows(
        `SELECT ${own.map(({ kind, sql }) => `(SELECT count(*) FROM f_${kind} f ${sql})`).join(" + ")} AS n`,
        values,
      );
      if (Number(passing) <= narrowRecords)
        return named(
          await rows(
            `SELECT a AS actor, count(*) AS n FROM (${own
              .map(({ kind, sql }) => `SELECT unnest(f.acts) AS a FROM f_${kind} f ${sql}`)
              .join(" UNION ALL ")}) GROUP BY a ORDER BY n DESC, a LIMIT ?`,
            [...values, limit],
          ),
        );
      const parts = (["events", "stances", "quotes"] as const).map((kind) => ({
        kind,
        ...whereOf(kind, r, { ignoreActors: true, actorTable: true }),
      }));
      // A broad one: the threshold algorithm (Fagin's, over one list). Count only the actors ranked above
      // `reach` by their records in the whole dataset; an actor ranked lower has at most its own total under any
      // filter, so once the k-th count found beats the total at `reach`, nobody further down can enter the top
      // k. A broad filter stops after the first few thousand actors; a narrower one widens the reach fourfold
      // each round, at worst to every actor (about 1.3 full passes).
      const [{ n: actorCount } = { n: 0 }] = await rows(`SELECT count(*) AS n FROM actor_rank`);
      for (let reach = Math.max(4 * limit, firstReach); ; reach *= 4) {
        const everyone = reach >= Number(actorCount);
        const within = everyone ? "" : ` AND f.rank < ${reach}`;
        const found = await rows(
          `SELECT actor, count(*) AS n FROM (${parts
            .map(({ kind, sql }) => {
              const where = (sql === "" ? "WHERE true" : sql) + within;
              return kind === "quotes" && view.q.length > 0
                ? `SELECT f.actor FROM f_quotes_actors f JOIN f_quotes r ON r.pos = f.pos ${where}`
                : `SELECT f.actor FROM f_${kind}_actors f ${where}`;
            })
            .join(" UNION ALL ")}) GROUP BY actor ORDER BY n DESC, actor LIMIT ?`,
          [...parts.flatMap((p) => p.values), limit],
        );
        if (everyone) return named(found);
        const [{ n: bound } = { n: 0 }] = await rows(`SELECT n FROM actor_rank WHERE rank = ?`, [reach]);
        const kth = found.length === limit ? Number(found[limit - 1]!.n) : 0;
        // Strictly above: an actor further down with as many records could come first by its place.
        if (Number(bound) === 0 || kth > Number(bound)) return named(found);
      }
    },
    async actorRecords(ids) {
      const found = await cachedLookup(recordCache, ids, async (missing) => {
        // The record an id's number points to (an id listed twice keeps its last, as actor_ids does), in
        // two point lookups through the indexes: a join would scan one side.
        const numbers = await rows(
          `SELECT id, a FROM actor_ids WHERE id IN (${missing.map(() => "?").join(", ")})`,
          missing,
        );
        if (numbers.length === 0) return new Map();
        const records = await rows(
          `SELECT pos, record FROM actor_records WHERE pos IN (${numbers.map(() => "?").join(", ")})`,
          numbers.map((x) => Number(x.a)),
        );
        const record = new Map(records.map((x) => [Number(x.pos), String(x.record)]));
        return new Map(numbers.map((x) => [String(x.id), JSON.parse(record.get(Number(x.a))!) as Actor]));
      });
      return ids.map((id) => found.get(id)).filter((a): a is Actor => a != null);
    },
    async context(actorIds) {
      const found = await ranksOf(actorIds);
      const known = actorIds.filter((_, k) => found[k] !== null);
      span ??= rows(`SELECT min(year) AS lo, max(year) AS hi FROM (
          SELECT year FROM f_events UNION ALL SELECT year FROM f_stances UNION ALL SELECT year FROM f_quotes)`).then(
        ([r]) => (r?.lo == null ? { start: 2000, end: 2000 } : { start: Number(r.lo), end: Number(r.hi) }),
      );
      return {
        actorIds: new Set(known),
        episodeIds: new Set((await episodeNumbers()).keys()),
        span: await span,
      };
    },
    query: rows,
    async close() {
      c.closeSync();
      instance.closeSync();
    },
  };
}

/** How a table's record is named in a problem: its table, place and id. */
const recordName = (table: string) => `'${table} at pos ' || t.pos || COALESCE(' (id ' || t.id || ')', '')`;

/** The record's own value of a column, as the table form's column holds it, for the agreement check. */
function recordValue(table: Table, column: string): string {
  if (column === "outside_n") return `COALESCE(json_array_length(t.record, '$.outside'), 0)`;
  if (column === "actors" || column === "targets")
    return `CAST(json_extract(t.record, '$.${column}') AS VARCHAR[])`;
  return `json_extract_string(t.record, '$.${column}')`;
}

/**
 * The checks a DuckDB dataset passes before it is served, as SQL over its tables, each listing the first
 * problems as `record: problem` lines: every column the filters read agrees with the record it was written
 * from (the routes read the columns, the browser the records), ids are unique, references name known records,
 * types are stance types, dates are ISO dates, and no affiliation chain loops. A dataset small enough for the
 * browser is also checked record by record against the contract (lib/source/server.ts); a bigger one only
 * here, where checks cost a scan each, not a parse of every record in JavaScript.
 */
function tableChecks(): string[] {
  const checks: string[] = [];
  for (const table of TABLES) {
    for (const column of Object.keys(TABLE_COLUMNS[table]))
      if (column !== "pos")
        checks.push(`SELECT ${recordName(table)} || ': column ${column} does not match the record' AS problem
            FROM ${q(table)} t WHERE t.${q(column)} IS DISTINCT FROM ${recordValue(table, column)}`);
    checks.push(`SELECT '${table}: id ' || id || ' is used ' || count(*) || ' times' AS problem FROM ${q(table)}
        GROUP BY id HAVING count(*) > 1`);
    checks.push(`SELECT '${table}: pos ' || pos || ' is used ' || count(*) || ' times' AS problem FROM ${q(table)}
        GROUP BY pos HAVING count(*) > 1`);
  }
  const ref = (table: Table, column: string, target: Table, list = false) =>
    checks.push(
      list
        ? `SELECT ${recordName(table)} || ': ${column} names ' || u.id || ', which is not in ${target}' AS problem
            FROM ${q(table)} t, unnest(t.${q(column)}) u(id) WHERE u.id NOT IN (SELECT id FROM ${q(target)})`
        : `SELECT ${recordName(table)} || ': ${column} ' || t.${q(column)} || ' is not in ${target}' AS problem
            FROM ${q(table)} t WHERE t.${q(column)} IS NOT NULL AND t.${q(column)} NOT IN (SELECT id FROM ${q(target)})`,
    );
  ref("events", "actors", "actors", true);
  ref("events", "targets", "actors", true);
  ref("events", "episode", "episodes");
  ref("stances", "from", "actors");
  ref("stances", "to", "actors");
  ref("stances", "eventId", "events");
  ref("quotes", "speaker", "actors");
  ref("quotes", "eventId", "events");
  ref("quotes", "claimId", "claims");
  ref("actors", "affiliation", "actors");
  checks.push(`SELECT ${recordName("stances")} || ': type ' || COALESCE(t.type, 'null') || ' is not a stance type' AS problem
      FROM stances t WHERE t.type IS NULL OR t.type NOT IN (SELECT type FROM type_bits)`);
  for (const table of ["events", "stances", "quotes"] as const)
    checks.push(`SELECT ${recordName(table)} || ': date ' || COALESCE(t.date, 'null') || ' is not an ISO date YYYY-MM-DD' AS problem
        FROM ${q(table)} t WHERE t.date IS NULL OR NOT regexp_full_match(t.date, '[0-9]{4}-[0-9]{2}-[0-9]{2}')`);
  checks.push(`WITH RECURSIVE parent AS (SELECT id AS a, affiliation AS p FROM actors WHERE affiliation IS NOT NULL),
      walk(start, cur, depth) AS (
        SELECT a, p, 1 FROM parent
        UNION ALL SELECT walk.start, parent.p, depth + 1 FROM walk JOIN parent ON parent.a = walk.cur
          WHERE walk.cur <> walk.start AND depth < 64)
      SELECT 'actors: ' || start || ' is its own affiliation, through its chain' AS problem FROM walk
      WHERE cur = start`);
  return checks;
}

/** At most this many problems are listed per check (the message counts the rest). */
const PROBLEMS_PER_CHECK = 5;

/**
 * Runs {@link tableChecks} over an open source's tables: the problems found (empty when the dataset passes)
 * and how many there are in all.
 */
export async function checkTables(source: DuckSource): Promise<{ problems: string[]; total: number }> {
  const problems: string[] = [];
  let total = 0;
  for (const check of tableChecks()) {
    const [counted] = await source.query(`SELECT count(*) AS n FROM (${check})`);
    const n = Number(counted?.n ?? 0);
    if (n === 0) continue;
    total += n;
    const found = await source.query(`${check} LIMIT ${PROBLEMS_PER_CHECK}`);
    problems.push(...found.map((r) => String(r.problem)));
  }
  return { problems, total };
}

/**
 * Rows per Parquet row group when writing the table form. Small groups let a page of quotes read only the
 * group that holds them: at 1,000,000 events a page of 50 quotes took 17 ms from DuckDB's default groups of
 * 122,880 rows and 4 ms from groups of 16,384, for 3% more bytes.
 */
export const ROW_GROUP_SIZE = 16_384;

/**
 * Writes a dataset in the table form: one file per table (`events.parquet`, …) in the directory `target`,
 * or, for `duckdb`, one database file `target` (`….duckdb`) with those tables; either serves it through
 * DuckDB as `STANCE_ATLAS_DATASET=<target>` (scripts/to-parquet.ts). Only the tables are loaded: the filter
 * facts a source builds are not needed to write them.
 */
export async function exportTables(
  dataset: DatasetFile,
  target: string,
  format: "parquet" | "csv" | "duckdb",
): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    await loadTables(c, { dataset });
    if (format === "duckdb") await c.run(`ATTACH ${literal(target)} AS out`);
    for (const table of TABLES) {
      const rows = `SELECT * FROM ${q(table)} ORDER BY pos`;
      if (format === "duckdb") await c.run(`CREATE TABLE out.${q(table)} AS ${rows}`);
      else {
        const file = literal(path.join(target, `${table}.${format}`));
        const options =
          format === "parquet"
            ? `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}`
            : "FORMAT csv, HEADER true";
        await c.run(`COPY (${rows}) TO ${file} (${options})`);
      }
    }
    if (format === "duckdb") await c.run(`DETACH out`);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
