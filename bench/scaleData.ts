// Datasets of millions of events for the scale bench (bench/scale.ts), made inside DuckDB and written straight
// to Parquet in the table form of lib/source/duckdb.ts: the JS generator (generateDataset.ts) would need the
// whole dataset as objects in the heap, which at 10,000,000 events is more than a Node process holds.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { EVENT_KINDS, STANCE_TYPES } from "../lib/model/vocabulary";
import { ROW_GROUP_SIZE } from "../lib/source/duckdb";
import { PROPORTIONS, WORDS } from "./generateDataset";

/** The tables written, one Parquet file each, as `openDuckSource({ path })` reads them. */
export const PARQUET_TABLES = [
  "events",
  "stances",
  "quotes",
  "actors",
  "episodes",
  "claims",
  "sources",
] as const;

/** Bumped whenever the generated records change, so a cached directory of an older shape is made again. */
const GENERATOR_VERSION = 2;

/** What a generated directory holds, written last as `manifest.json`: its presence means the files are whole. */
export interface ParquetManifest {
  version: number;
  events: number;
  seed: number;
  /** Records per table. */
  rows: Record<string, number>;
  /** Bytes of each table's Parquet file. */
  bytes: Record<string, number>;
  /** How long generating took, in ms (0 when it was taken from the cache). */
  generateMs: number;
}

/** The bundled dataset's four episodes: ids, titles and spans as in generateDataset.ts. */
const EPISODES = [
  ["soleimani-2020", "Killing of Qassem Soleimani", "Soleimani 2020", "2020-01-03", "2020-01-31"],
  ["gaza-2023", "Hamas attack and the Gaza war", "Gaza 2023", "2023-10-07", "2023-10-31"],
  [
    "april-2024",
    "Damascus consulate strike and Iran's attack on Israel",
    "Damascus & April 2024",
    "2024-04-01",
    "2024-04-30",
  ],
  ["us-strikes-2025", "US strikes on Iran's nuclear sites", "US strikes 2025", "2025-06-13", "2025-06-30"],
] as const;

const CAMEOS = ["111", "051", "186", "195", "040", "057"];

/** A SQL list literal of fixed strings of ours (never input), for picking with `list[1 + k]`. */
const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(", ")}]`;

/**
 * Writes a dataset of `events` events (stances, quotes, actors and sources in the proportions of
 * {@link PROPORTIONS}; the four episodes; a claim for every 500th quote) to `dir` as one Parquet file per table,
 * unless `dir` already holds it for this size and seed. Deterministic: every value is a hash of the record's
 * position, a salt and the seed, so the same arguments write the same records on any machine and thread count.
 */
export async function generateParquet(events: number, dir: string, seed = 42): Promise<ParquetManifest> {
  const manifestFile = path.join(dir, "manifest.json");
  if (existsSync(manifestFile)) {
    const cached = JSON.parse(readFileSync(manifestFile, "utf8")) as ParquetManifest;
    const whole = PARQUET_TABLES.every(
      (t) => statSync(path.join(dir, `${t}.parquet`), { throwIfNoEntry: false })?.size === cached.bytes[t],
    );
    if (cached.version === GENERATOR_VERSION && cached.events === events && cached.seed === seed && whole)
      return { ...cached, generateMs: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const { DuckDBInstance } = await import("@duckdb/node-api");
  const started = performance.now();
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    const rows = await writeTables(c, events, dir, Math.trunc(seed));
    const bytes = Object.fromEntries(
      PARQUET_TABLES.map((t) => [t, statSync(path.join(dir, `${t}.parquet`)).size]),
    );
    const manifest: ParquetManifest = {
      version: GENERATOR_VERSION,
      events,
      seed,
      rows,
      bytes,
      generateMs: performance.now() - started,
    };
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
    return manifest;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

async function writeTables(
  c: DuckDBConnection,
  n: number,
  dir: string,
  seed: number,
): Promise<Record<string, number>> {
  const actorCount = Math.max(12, Math.round(n * PROPORTIONS.actors));
  const stateCount = Math.max(4, Math.round(actorCount * 0.15));
  const sourceCount = Math.max(5, Math.round(n * PROPORTIONS.sources));
  const stanceCount = Math.round(n * PROPORTIONS.stances);
  const quoteCount = Math.round(n * PROPORTIONS.quotes);
  const claimCount = Math.ceil(quoteCount / 500);
  // Days from 2000-01-01 to 2025-12-31, inclusive.
  const spanDays = 9497;

  // Every pseudo-random value is u(position, salt): a uniform [0, 1) from the hash, so no row depends on
  // another and DuckDB can make the rows in any order on any number of threads.
  const macros = [
    `u(i, salt) AS (hash(i, salt, ${seed}) % 4294967296)::DOUBLE / 4294967296.0`,
    // A few actors take part in most records, as in real coverage (generateDataset.ts's `skewed`).
    `sk(i, salt, k) AS floor(k * pow(u(i, salt), 3))::BIGINT`,
    `pick(xs, i, salt) AS xs[1 + floor(u(i, salt) * len(xs))::INT]`,
    // An event's episode (a quarter of them, in one of the four) and its day: inside the episode, else
    // anywhere in 2000–2025. Stances without an event use the same with negative positions.
    `ep_of(i) AS CASE WHEN u(i, 'ep') < 0.25 THEN floor(u(i, 'ep') * 16)::INT ELSE -1 END`,
    `ev_day(i) AS CASE ep_of(i) ${EPISODES.map(([, , , start, end], k) => {
      const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
      return `WHEN ${k} THEN DATE '${start}' + floor(u(i, 'd') * ${days})::INT`;
    }).join(" ")} ELSE DATE '2000-01-01' + floor(u(i, 'd') * ${spanDays})::INT END`,
    `ev_prec(i) AS CASE WHEN ep_of(i) >= 0 THEN 'day' WHEN u(i, 'p') < 0.08 THEN 'year'
      WHEN u(i, 'p') < 0.2 THEN 'month' ELSE 'day' END`,
    // Month- and year-precision dates are anchored at the period's first day (lib/model/schema.ts).
    `ev_date(i) AS strftime(CASE ev_prec(i) WHEN 'year' THEN date_trunc('year', ev_day(i))
      WHEN 'month' THEN date_trunc('month', ev_day(i)) ELSE ev_day(i) END, '%Y-%m-%d')`,
    `ev_episode(i) AS ${list(EPISODES.map((e) => e[0]))}[ep_of(i) + 1]`,
    `ev_source(i) AS 'source-' || floor(u(i, 'src') * ${sourceCount})::BIGINT`,
    `q_event(k) AS floor(u(k, 'qe') * ${n})::BIGINT`,
    `q_speaker(k) AS 'actor-' || sk(k, 'qs', ${actorCount})`,
    `q_text(k) AS 'Generated quotation number ' || k || ' about ' || pick(${list(WORDS)}, k, 'w1') || ' and '
      || pick(${list(WORDS)}, k, 'w2') || '.'`,
  ];
  for (const m of macros) await c.run(`CREATE MACRO ${m}`);

  const copy = async (table: string, select: string) => {
    const file = path.join(dir, `${table}.parquet`);
    await c.run(
      `COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
    );
  };

  await copy(
    "episodes",
    `SELECT (row_number() OVER () - 1)::BIGINT AS pos, id, "start", "end",
      json_object('id', id, 'title', title, 'label', label, 'start', "start", 'end', "end")::VARCHAR AS record
    FROM (VALUES ${EPISODES.map((e) => `(${e.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")})`).join(", ")})
      t(id, title, label, "start", "end")`,
  );

  await copy(
    "sources",
    `SELECT i AS pos, 'source-' || i AS id, json_object('id', 'source-' || i, 'publisher', 'Publisher ' || (i % 40),
      'title', 'Generated report ' || i,
      'published', strftime(DATE '2000-01-01' + floor(u(i, 'pub') * ${spanDays})::INT, '%Y-%m-%d'),
      'datePrecision', 'day', 'document', 'generated-' || i || '.txt')::VARCHAR AS record
    FROM range(${sourceCount}) t(i)`,
  );

  // Persons, organisations and the rest mostly speak for a state (affiliation), so the actor filter's
  // affiliation chains have work to do.
  await copy(
    "actors",
    `SELECT i AS pos, id, name, NULL::VARCHAR AS shortName, role, affiliation,
      json_merge_patch(json_object('id', id, 'name', name, 'kind', kind),
        json_object('affiliation', affiliation, 'role', role))::VARCHAR AS record
    FROM (SELECT i, 'actor-' || i AS id, kind, upper(kind[1]) || kind[2:] || ' ' || i AS name,
        CASE WHEN kind = 'person' THEN 'Spokesperson' END AS role,
        CASE WHEN kind <> 'state' AND u(i, 'af') < 0.8 THEN 'actor-' || sk(i, 'ag', ${stateCount}) END AS affiliation
      FROM (SELECT i, CASE WHEN i < ${stateCount} THEN 'state'
          ELSE pick(['person', 'person', 'organization', 'media', 'group'], i, 'kind') END AS kind
        FROM range(${actorCount}) t(i)))`,
  );

  await copy(
    "events",
    `SELECT i AS pos, id, date, [a] AS actors, CASE WHEN b = a THEN []::VARCHAR[] ELSE [b] END AS targets,
      episode, 0::INTEGER AS outside_n,
      json_object('id', id, 'date', date, 'datePrecision', ev_prec(i), 'title', pick(${list(WORDS)}, i, 'w') || ' ' || i,
        'kind', pick(${list(EVENT_KINDS)}, i, 'kind'), 'actors', [a],
        'targets', CASE WHEN b = a THEN []::VARCHAR[] ELSE [b] END, 'episode', episode,
        'sourceId', ev_source(i), 'evidence', 'Generated evidence sentence for event ' || i || '.',
        'cameo', pick(${list(CAMEOS)}, i, 'cameo'))::VARCHAR AS record
    FROM (SELECT i, 'event-' || i AS id, ev_date(i) AS date, ev_episode(i) AS episode,
        'actor-' || sk(i, 'a', ${actorCount}) AS a, 'actor-' || sk(i, 'b', ${actorCount}) AS b
      FROM range(${n}) t(i))`,
  );

  // Nine stances in ten are tied to an event and take its date; the rest stand alone, dated like events of
  // their own (negative positions), so some fall in an episode by date only.
  await copy(
    "stances",
    `SELECT j AS pos, id, "from", "to", type, date, eventId, 0::INTEGER AS outside_n,
      CASE WHEN eventId IS NULL THEN
        json_object('id', id, 'from', "from", 'to', "to", 'type', type, 'date', date, 'datePrecision', prec,
          'sourceId', sourceId, 'evidence', 'Generated evidence for stance ' || j || '.', 'cameo', '111')
      ELSE
        json_object('id', id, 'from', "from", 'to', "to", 'type', type, 'date', date, 'datePrecision', prec,
          'eventId', eventId, 'sourceId', sourceId, 'evidence', 'Generated evidence for stance ' || j || '.',
          'cameo', '111')
      END::VARCHAR AS record
    FROM (SELECT j, 'stance-' || j AS id, 'actor-' || f AS "from",
        'actor-' || CASE WHEN t = f THEN (t + 1) % ${actorCount} ELSE t END AS "to",
        pick(${list(STANCE_TYPES)}, j, 'type') AS type,
        CASE WHEN linked THEN 'event-' || e END AS eventId,
        ev_date(CASE WHEN linked THEN e ELSE -1 - j END) AS date,
        ev_prec(CASE WHEN linked THEN e ELSE -1 - j END) AS prec,
        CASE WHEN linked THEN ev_source(e) ELSE 'source-' || floor(u(j, 'ss') * ${sourceCount})::BIGINT END AS sourceId
      FROM (SELECT j, u(j, 'sl') < 0.9 AS linked, floor(u(j, 'se') * ${n})::BIGINT AS e,
          sk(j, 'sf', ${actorCount}) AS f, sk(j, 'st', ${actorCount}) AS t
        FROM range(${stanceCount}) t(j)))`,
  );

  // Every quote is tied to an event; every 500th is a fact-checked claim (its `claimId`), as in generateDataset.ts.
  await copy(
    "quotes",
    `SELECT k AS pos, id, speaker, text, date, eventId, claimId, 0::INTEGER AS outside_n,
      CASE WHEN claimId IS NULL THEN
        json_object('id', id, 'speaker', speaker, 'text', text, 'date', date, 'datePrecision', ev_prec(e),
          'sourceId', ev_source(e), 'context', 'Generated context', 'eventId', eventId)
      ELSE
        json_object('id', id, 'speaker', speaker, 'text', text, 'date', date, 'datePrecision', ev_prec(e),
          'sourceId', ev_source(e), 'context', 'Generated context', 'eventId', eventId, 'claimId', claimId)
      END::VARCHAR AS record
    FROM (SELECT k, e, 'quote-' || k AS id, q_speaker(k) AS speaker, q_text(k) AS text, ev_date(e) AS date,
        'event-' || e AS eventId, CASE WHEN k % 500 = 0 THEN 'claim-' || k END AS claimId
      FROM (SELECT k, q_event(k) AS e FROM range(${quoteCount}) t(k)))`,
  );

  await copy(
    "claims",
    `SELECT m AS pos, 'claim-' || k AS id,
      json_object('id', 'claim-' || k, 'text', q_text(k), 'claimant', q_speaker(k), 'date', ev_date(q_event(k)),
        'datePrecision', ev_prec(q_event(k)), 'rating', 'False', 'reviewer', 'actor-1',
        'sourceId', ev_source(q_event(k)), 'evidence', 'Generated reasoning.')::VARCHAR AS record
    FROM (SELECT m, m * 500 AS k FROM range(${claimCount}) t(m))`,
  );

  return {
    events: n,
    stances: stanceCount,
    quotes: quoteCount,
    actors: actorCount,
    episodes: EPISODES.length,
    claims: claimCount,
    sources: sourceCount,
  };
}
