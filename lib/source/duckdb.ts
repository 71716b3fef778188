import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from "@duckdb/node-api";
import { STANCE_TYPE_BIT } from "../data/indexDataset";
import type { DatasetFile, Quote, StanceType } from "../model/schema";
import { PROVENANCE_REPORTS } from "../model/viewState";
import type { FilterView } from "../select/filters";
import { byActorId, byEdge } from "./order";
import type {
  ActorCount,
  DataSource,
  EdgeCount,
  PeriodCount,
  PeriodUnit,
  QuotePage,
  QuotePageRequest,
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
export async function openDuckSource(input: DuckInput): Promise<DuckSource> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const started = performance.now();
  const instance: DuckDBInstance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await loadTables(connection, input);
    const loaded = performance.now();
    await buildFacts(connection);
    const built = performance.now();
    const source = duckSource(instance, connection);
    source.timings = { loadMs: loaded - started, factsMs: built - loaded };
    return source;
  } catch (err) {
    connection.closeSync();
    instance.closeSync();
    throw err;
  }
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
  /** What the filters need to parse a view against this dataset: its actor and episode ids, its year span. */
  context(): Promise<{
    actorIds: Set<string>;
    episodeIds: Set<string>;
    span: { start: number; end: number };
  }>;
  /** Runs a query of the caller's own (the bench's "DuckDB directly"); never given text from a request. */
  query(sql: string, values?: DuckDBValue[]): Promise<Record<string, unknown>[]>;
  /** Milliseconds spent reading the tables and building the filter facts. */
  timings: { loadMs: number; factsMs: number };
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
        writeFileSync(file, records.map((r, i) => JSON.stringify(rowOf(table, r, i))).join("\n") + "\n");
        const columns = { ...TABLE_COLUMNS[table], record: "VARCHAR" };
        const spec = Object.entries(columns)
          .map(([name, type]) => `'${name}': '${type}'`)
          .join(", ");
        await connection.run(
          `CREATE TABLE ${q(table)} AS SELECT * FROM read_json($file, format = 'newline_delimited', columns = {${spec}})`,
          { file },
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const where = input.path;
  if (where.endsWith(".duckdb")) {
    if (!existsSync(where)) throw new Error(`${where}: no such DuckDB database`);
    await connection.run(`ATTACH ${literal(where)} AS src (READ_ONLY)`);
    for (const table of TABLES)
      await connection.run(`CREATE VIEW ${q(table)} AS SELECT * FROM src.${q(table)}`);
    return;
  }
  if (!statSync(where, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`${where}: expected a directory of Parquet or CSV files, or a .duckdb database`);
  for (const table of TABLES) {
    const parquet = path.join(where, `${table}.parquet`);
    const csv = path.join(where, `${table}.csv`);
    if (existsSync(parquet))
      await connection.run(`CREATE VIEW ${q(table)} AS SELECT * FROM read_parquet(${literal(parquet)})`);
    else if (existsSync(csv)) {
      const columns = { ...TABLE_COLUMNS[table], record: "VARCHAR" };
      const spec = Object.entries(columns)
        .map(([name, type]) => `'${name}': '${type}'`)
        .join(", ");
      await connection.run(
        `CREATE TABLE ${q(table)} AS SELECT * FROM read_csv(${literal(csv)}, header = true, columns = {${spec}})`,
      );
    } else throw new Error(`${where}: no ${table}.parquet or ${table}.csv`);
  }
}

/** The stance types' bits, as the in-browser index numbers them. */
const TYPE_BITS = Object.entries(STANCE_TYPE_BIT);
const DISPUTE_BIT = STANCE_TYPE_BIT.dispute ?? 0;

/** Builds the filter facts (see {@link openDuckSource}), the same as `indexDataset` computes them. */
async function buildFacts(c: DuckDBConnection): Promise<void> {
  await c.run(
    `CREATE TABLE type_bits AS SELECT * FROM (VALUES ${TYPE_BITS.map(() => "(?, ?)").join(", ")}) t(type, bit)`,
    TYPE_BITS.flatMap(([type, bit]) => [type, bit]),
  );
  // Each actor with itself and every actor up its affiliation chain; an unknown affiliation ends a chain,
  // and UNION (not UNION ALL) stops a cycle.
  await c.run(`CREATE TABLE chain AS
    WITH RECURSIVE walk(actor, up) AS (
      SELECT id, id FROM actors
      UNION
      SELECT walk.actor, a.affiliation FROM walk
        JOIN actors a ON a.id = walk.up
        JOIN actors b ON b.id = a.affiliation
    ) SELECT actor, up FROM walk`);
  await c.run(`CREATE TABLE event_bits AS
    SELECT s.eventId AS id, bit_or(t.bit) AS bits FROM stances s JOIN type_bits t ON t.type = s.type
    WHERE s.eventId IS NOT NULL GROUP BY s.eventId`);
  // A stance's or quote's episode: its event's (even none), else the first episode whose span holds its date.
  const episodeOf = (alias: string) => `CASE WHEN ev.id IS NOT NULL THEN ev.episode ELSE (
      SELECT arg_min(ep.id, ep.pos) FROM episodes ep WHERE ${alias}.date BETWEEN ep.start AND ep."end") END`;
  await c.run(`CREATE TABLE f_events AS
    SELECT e.pos, e.date, CAST(substr(e.date, 1, 4) AS INTEGER) AS year, e.episode,
      COALESCE(b.bits, 0) AS bits, e.outside_n > 0 AS outside
    FROM events e LEFT JOIN event_bits b ON b.id = e.id ORDER BY e.pos`);
  await c.run(`CREATE TABLE f_stances AS
    SELECT s.pos, s."from", s."to", s.type, CAST(substr(s.date, 1, 4) AS INTEGER) AS year,
      ${episodeOf("s")} AS episode, t.bit AS bits, s.outside_n > 0 AS outside
    FROM stances s LEFT JOIN (SELECT DISTINCT id, episode FROM events) ev ON ev.id = s.eventId
      LEFT JOIN type_bits t ON t.type = s.type ORDER BY s.pos`);
  await c.run(`CREATE TABLE f_quotes AS
    SELECT qu.pos, CAST(substr(qu.date, 1, 4) AS INTEGER) AS year, ${episodeOf("qu")} AS episode,
      COALESCE(b.bits, 0) | CASE WHEN cl.id IS NOT NULL THEN ${DISPUTE_BIT} ELSE 0 END AS bits,
      qu.outside_n > 0 AS outside,
      -- What the quote search looks in: the words, then the speaker's name, short name and role.
      lower(qu.text || CASE WHEN a.id IS NULL THEN '' ELSE
        chr(0) || a.name || COALESCE(chr(0) || a.shortName, '') || COALESCE(chr(0) || a.role, '') END) AS search
    FROM quotes qu
      LEFT JOIN (SELECT DISTINCT id, episode FROM events) ev ON ev.id = qu.eventId
      LEFT JOIN event_bits b ON b.id = qu.eventId
      LEFT JOIN (SELECT DISTINCT id FROM claims) cl ON cl.id = qu.claimId
      LEFT JOIN (SELECT DISTINCT ON (id) * FROM actors ORDER BY id, pos) a ON a.id = qu.speaker
    ORDER BY qu.pos`);
  await c.run(`CREATE TABLE f_events_actors AS
    SELECT DISTINCT e.pos, ch.up AS actor FROM events e, unnest(list_concat(e.actors, e.targets)) u(a)
      JOIN chain ch ON ch.actor = u.a`);
  await c.run(`CREATE TABLE f_stances_actors AS
    SELECT DISTINCT s.pos, ch.up AS actor FROM stances s, unnest([s."from", s."to"]) u(a)
      JOIN chain ch ON ch.actor = u.a`);
  await c.run(`CREATE TABLE f_quotes_actors AS
    SELECT DISTINCT qu.pos, ch.up AS actor FROM quotes qu JOIN chain ch ON ch.actor = qu.speaker`);
}

type Kind = "events" | "stances" | "quotes";

/** A WHERE clause and its parameters for one kind's facts table (aliased `f`) under a filter view. */
function whereOf(
  kind: Kind,
  view: FilterView,
  options: { ignoreActors?: boolean } = {},
): { sql: string; values: DuckDBValue[] } {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  if (!options.ignoreActors && view.actors.length > 0) {
    parts.push(
      `f.pos IN (SELECT pos FROM f_${kind}_actors WHERE actor IN (${view.actors.map(() => "?").join(", ")}))`,
    );
    values.push(...view.actors);
  }
  if (view.years) {
    parts.push("f.year BETWEEN ? AND ?");
    values.push(view.years.start, view.years.end);
  }
  if (view.episode !== null) {
    parts.push("f.episode = ?");
    values.push(view.episode);
  }
  if (view.stances.length > 0) {
    let mask = 0;
    for (const t of view.stances) mask |= STANCE_TYPE_BIT[t] ?? 0;
    parts.push("(f.bits & ?) <> 0");
    values.push(mask);
  }
  if (view.provenance === PROVENANCE_REPORTS) parts.push("NOT f.outside");
  if (kind === "quotes" && view.q.length > 0) {
    parts.push("contains(f.search, ?)");
    values.push(view.q.toLowerCase());
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(" AND ")}` : "", values };
}

const UNIT_DIGITS: Record<PeriodUnit, number> = { year: 4, month: 7, day: 10 };

function duckSource(instance: DuckDBInstance, c: DuckDBConnection): DuckSource {
  const rows = async (sql: string, values: DuckDBValue[] = []) =>
    (await c.runAndReadAll(sql, values)).getRowObjectsJS() as Record<string, unknown>[];
  const count = async (kind: Kind, view: FilterView) => {
    const where = whereOf(kind, view);
    const [row] = await rows(`SELECT count(*) AS n FROM f_${kind} f ${where.sql}`, where.values);
    return Number(row!.n);
  };
  return {
    kind: "duckdb",
    timings: { loadMs: 0, factsMs: 0 },
    async summary(view) {
      return {
        events: await count("events", view),
        stances: await count("stances", view),
        quotes: await count("quotes", view),
      };
    },
    async periods(view, unit): Promise<PeriodCount[]> {
      const where = whereOf("events", view);
      const found = await rows(
        `SELECT substr(f.date, 1, ${UNIT_DIGITS[unit]}) AS k, count(*) AS n FROM f_events f ${where.sql} GROUP BY k ORDER BY k`,
        where.values,
      );
      const startOf = (k: string) => (unit === "year" ? `${k}-01-01` : unit === "month" ? `${k}-01` : k);
      return found.map((r) => ({ start: startOf(String(r.k)), count: Number(r.n) }));
    },
    async edges(view): Promise<EdgeCount[]> {
      const where = whereOf("stances", view);
      const found = await rows(
        `SELECT f."from" AS a, f."to" AS b, f.type AS t, count(*) AS n FROM f_stances f ${where.sql} GROUP BY ALL`,
        where.values,
      );
      return found
        .map((r) => ({
          from: String(r.a),
          to: String(r.b),
          type: String(r.t) as StanceType,
          count: Number(r.n),
        }))
        .sort(byEdge);
    },
    async quotes(view, { offset, limit }: QuotePageRequest): Promise<QuotePage> {
      const where = whereOf("quotes", view);
      const total = await count("quotes", view);
      const found = await rows(
        `SELECT qu.record FROM (SELECT f.pos FROM f_quotes f ${where.sql} ORDER BY f.pos LIMIT ? OFFSET ?) p
          JOIN quotes qu ON qu.pos = p.pos ORDER BY p.pos`,
        [...where.values, limit, offset],
      );
      return { total, quotes: found.map((r) => JSON.parse(String(r.record)) as Quote) };
    },
    async actorCounts(view): Promise<ActorCount[]> {
      const parts = (["events", "stances", "quotes"] as const).map((kind) => ({
        kind,
        ...whereOf(kind, view, { ignoreActors: true }),
      }));
      const found = await rows(
        `SELECT actor, count(*) AS n FROM (${parts
          .map(
            ({ kind, sql }) =>
              `SELECT x.actor FROM f_${kind}_actors x JOIN f_${kind} f ON f.pos = x.pos ${sql}`,
          )
          .join(" UNION ALL ")}) GROUP BY actor`,
        parts.flatMap((p) => p.values),
      );
      return found.map((r) => ({ id: String(r.actor), count: Number(r.n) })).sort(byActorId);
    },
    async context() {
      const actors = await rows(`SELECT DISTINCT id FROM actors`);
      const episodes = await rows(`SELECT DISTINCT id FROM episodes`);
      const [span] = await rows(`SELECT min(year) AS lo, max(year) AS hi FROM (
        SELECT year FROM f_events UNION ALL SELECT year FROM f_stances UNION ALL SELECT year FROM f_quotes)`);
      const lo = span?.lo == null ? null : Number(span.lo);
      return {
        actorIds: new Set(actors.map((r) => String(r.id))),
        episodeIds: new Set(episodes.map((r) => String(r.id))),
        span: lo === null ? { start: 2000, end: 2000 } : { start: lo, end: Number(span!.hi) },
      };
    },
    query: rows,
    async close() {
      c.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Writes an open source's dataset in the table form: one file per table (`events.parquet`, …) in the directory
 * `target`, or, for `duckdb`, one database file `target` (`….duckdb`) with those tables; either serves it
 * through DuckDB as `STANCE_ATLAS_DATASET=<target>` (scripts/to-parquet.ts).
 */
export async function writeTables(
  source: DuckSource,
  target: string,
  format: "parquet" | "csv" | "duckdb",
): Promise<void> {
  if (format === "duckdb") await source.query(`ATTACH ${literal(target)} AS out`);
  for (const table of TABLES) {
    const rows = `SELECT * FROM ${q(table)} ORDER BY pos`;
    if (format === "duckdb") await source.query(`CREATE TABLE out.${q(table)} AS ${rows}`);
    else {
      const file = literal(path.join(target, `${table}.${format}`));
      const options = format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
      await source.query(`COPY (${rows}) TO ${file} (${options})`);
    }
  }
  if (format === "duckdb") await source.query(`DETACH out`);
}
