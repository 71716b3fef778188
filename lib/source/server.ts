import { statSync } from "node:fs";
import { DatasetError } from "../data/DatasetError";
import { wholeNumberSetting } from "../data/delivery";
import {
  DATASET_ENV,
  datasetPath,
  isDuckDataset,
  loadIndexedDataset,
  primeDataset,
  processCache,
} from "../data/loadDataset";
import { COLLECTIONS, validateDataset } from "../data/validateDataset";
import type { DatasetFile, Episode } from "../model/schema";
import { DEFAULT_VIEW } from "../model/viewState";
import type { DuckSource } from "./duckdb";
import { indexSource } from "./indexSource";
import type { DataSource } from "./types";

/** Environment variable that asks for the DuckDB source over a JSON dataset (`duckdb`); see {@link wantsDuck}. */
export const SOURCE_ENV = "STANCE_ATLAS_SOURCE";

/**
 * A JSON dataset larger than this (bytes) is answered by the DuckDB source on the server: the bench's
 * 100,000 events weigh 97 MB and already take seconds to open in the browser (bench/README.md).
 */
export const DUCKDB_JSON_BYTES = 128 * 1024 * 1024;

/** Most events the dashboard takes into the browser from a DuckDB dataset (the bench's largest in-browser size). */
export const BROWSER_MAX_EVENTS = 100_000;

/** Environment variable that overrides {@link BROWSER_MAX_EVENTS} (a whole number; the tests use it). */
export const BROWSER_EVENTS_ENV = "STANCE_ATLAS_BROWSER_EVENTS";

/** The limit in force: `$STANCE_ATLAS_BROWSER_EVENTS` when it is a whole number, else the default. */
export function browserMaxEvents(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return wholeNumberSetting(env[BROWSER_EVENTS_ENV], BROWSER_MAX_EVENTS);
}

/**
 * True when the routes answer from DuckDB: the dataset is DuckDB's kind, or a JSON file above
 * {@link DUCKDB_JSON_BYTES}, or `STANCE_ATLAS_SOURCE=duckdb` asks for it.
 */
export function wantsDuck(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const file = datasetPath(env);
  if (env[SOURCE_ENV] === "duckdb" || isDuckDataset(file)) return true;
  return (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > DUCKDB_JSON_BYTES;
}

/** A source the server answers from: the index's, or DuckDB's with its `context`. */
export type ServedSource = DataSource & Partial<Pick<DuckSource, "context">>;

/** The source the server answers the routes from, opened once per process. */
export function serverSource(): Promise<ServedSource> {
  const slot = processCache<{ source: Promise<ServedSource> | null }>("source", () => ({ source: null }));
  slot.source ??= (async () => {
    if (!wantsDuck()) return indexSource(loadIndexedDataset());
    const { openDuckSource } = await import("./duckdb");
    const file = datasetPath();
    return isDuckDataset(file)
      ? openDuckSource({ path: file })
      : openDuckSource({ dataset: loadIndexedDataset().data });
  })().catch((err: unknown) => {
    // A failed open is not kept: the next call tries again (the file may have been fixed meanwhile).
    slot.source = null;
    throw err;
  });
  return slot.source;
}

/**
 * Reads a DuckDB dataset back as the dataset contract (every table's `record`, in `pos` order) and checks it,
 * throwing a {@link DatasetError} that names the file, the record and the field.
 */
export async function readBackDataset(file: string): Promise<DatasetFile> {
  const { openDuckSource } = await import("./duckdb");
  const duck = await openDuckSource({ path: file });
  try {
    await checkOrThrow(duck, file);
    return await datasetOf(duck, file);
  } finally {
    await duck.close();
  }
}

/** The label of a DuckDB dataset in problems: the setting that names it. */
const labelOf = (file: string) => `${DATASET_ENV}=${file}`;

/** Runs the table checks (lib/source/duckdb.ts `checkTables`) and throws the problems they find. */
async function checkOrThrow(duck: DuckSource, file: string): Promise<void> {
  const { checkTables } = await import("./duckdb");
  const { problems, total } = await checkTables(duck);
  if (total > 0) throw new DatasetError(labelOf(file), problems, total);
}

/** The records of an open DuckDB source as a checked dataset (see {@link readBackDataset}). */
async function datasetOf(duck: DuckSource, file: string): Promise<DatasetFile> {
  return validateDataset(await recordsOf(duck, labelOf(file)), labelOf(file));
}

/**
 * Every table's `record` as parsed JSON, in `pos` order, by collection: the dataset before its check (the
 * bench reads its own generated data this way, unchecked). A record that is not JSON is a problem named with
 * `label`, its table and its position.
 */
export async function recordsOf(duck: DuckSource, label: string): Promise<Record<string, unknown[]>> {
  const raw: Record<string, unknown[]> = {};
  for (const table of COLLECTIONS)
    raw[table] = (await duck.query(`SELECT pos, record FROM "${table}" ORDER BY pos`)).map((r) => {
      try {
        return JSON.parse(String(r.record)) as unknown;
      } catch {
        throw new DatasetError(label, [`${table} at pos ${String(r.pos)}: record is not valid JSON`]);
      }
    });
  return raw;
}

/** How a DuckDB dataset is served: in the browser as today, or (too big for it) through the routes alone. */
export interface ServerOnly {
  events: number;
  stances: number;
  quotes: number;
  /** The most events the browser takes ({@link browserMaxEvents}). */
  limit: number;
}

const serverOnlySlot = () =>
  processCache<{ value: ServerOnly | null }>("serverOnly", () => ({ value: null }));

/** Set when the dataset is a DuckDB dataset too big for the browser: what the pages say instead of the views. */
export function serverOnlyDataset(): ServerOnly | null {
  return serverOnlySlot().value;
}

/**
 * The server's start when DuckDB serves the dataset ({@link wantsDuck}): opens the source; a DuckDB dataset
 * small enough for the browser is read back and handed to the loader, and any dataset too big for it is noted,
 * so that the pages say so and only the routes serve it. A dataset that breaks the contract, or a file DuckDB
 * cannot read, ends the process with its message (as a broken JSON dataset does).
 */
export async function startDuckDataset(file: string = datasetPath()): Promise<void> {
  try {
    const source = (await serverSource()) as DuckSource;
    // A JSON dataset was checked by its loader and written to DuckDB from its records; files were not.
    const fromFiles = isDuckDataset(file);
    if (fromFiles) await checkOrThrow(source, file);
    const summary = await source.summary(DEFAULT_VIEW);
    const limit = browserMaxEvents();
    const asked = process.env[BROWSER_EVENTS_ENV];
    if (asked !== undefined && !/^\d+$/.test(asked.trim()))
      console.warn(
        `${BROWSER_EVENTS_ENV}=${asked} is not a whole number of events: the limit stays ${limit.toLocaleString("en-US")}`,
      );
    const where = `${labelOf(file)} through DuckDB: ${summary.events.toLocaleString("en-US")} events`;
    if (summary.events > limit) {
      serverOnlySlot().value = { ...summary, limit };
      console.log(`${where}, more than ${BROWSER_EVENTS_ENV} (${limit}): the /api/source routes serve it`);
    } else {
      if (fromFiles) primeDataset(file, await datasetOf(source, file));
      console.log(`${where}: the dashboard serves it`);
    }
  } catch (err) {
    // DuckDB's own errors carry the SQL that met them on later lines: the first line names the file.
    const message = (err as Error).message.split("\n")[0];
    console.error(err instanceof DatasetError ? err.message : `${labelOf(file)}: ${message}`);
    process.exit(1);
  }
}

/**
 * The episodes of the dataset DuckDB serves, in dataset order: the episode filter's toggles of the views over
 * a dataset too big for the browser (a handful of records, read once).
 */
export async function servedEpisodes(): Promise<Episode[]> {
  const slot = processCache<{ episodes: Promise<Episode[]> | null }>("servedEpisodes", () => ({
    episodes: null,
  }));
  slot.episodes ??= (async () => {
    const source = (await serverSource()) as DuckSource;
    const found = await source.query(`SELECT record FROM episodes ORDER BY pos`);
    return found.map((r) => JSON.parse(String(r.record)) as Episode);
  })().catch((err: unknown) => {
    slot.episodes = null;
    throw err;
  });
  return slot.episodes;
}
