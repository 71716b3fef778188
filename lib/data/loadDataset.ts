import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { DatasetFile } from "../model/schema";
import { DatasetError } from "./DatasetError";
import { validateDataset } from "./validateDataset";
import { indexDataset, type DatasetIndex } from "./indexDataset";
import { decodeUtf8 as decodeUtf8Bytes, firstInvalidUtf8Byte } from "../util/utf8";

export { firstInvalidUtf8Byte };

/** Environment variable that points the app at another dataset file (absolute or relative to the cwd). */
export const DATASET_ENV = "STANCE_ATLAS_DATASET";

/** The bundled dataset, relative to the project root. */
export const DEFAULT_DATASET = "data/escalations.json";

/** The dataset file the app will load: `$STANCE_ATLAS_DATASET` if set, else the bundled one. */
export function datasetPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  // The path comes from the environment at run time; tell Turbopack not to trace the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env[DATASET_ENV] || DEFAULT_DATASET);
}

/**
 * One cache per process, kept on `globalThis`: Next bundles the instrumentation hook, the page and the
 * dataset route separately, each with its own copy of this module, and a module-level map would load and
 * validate a large file once per bundle.
 */
export function processCache<T>(name: string, make: () => T): T {
  const slot = Symbol.for(`stance-atlas.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[slot] ??= make());
}

const cache = processCache("datasets", () => new Map<string, DatasetFile>());

/**
 * True when the path names DuckDB's kind of dataset rather than a JSON file: a directory of Parquet or CSV
 * files, a DuckDB database (see {@link isDuckDatabaseFile}), or one table's `.parquet` or `.csv` file (which
 * DuckDB's loader then refuses, asking for its directory). The server reads it through DuckDB at its start
 * (lib/source/server.ts).
 */
export function isDuckDataset(file: string): boolean {
  return (
    isDuckDatabaseFile(file) ||
    statSync(file, { throwIfNoEntry: false })?.isDirectory() === true ||
    // One table's file: DuckDB's loader says to name the directory, where JSON's would say "not valid UTF-8".
    /\.(parquet|csv)$/i.test(file)
  );
}

/**
 * True for a DuckDB database file: named `.duckdb`, or any file whose header carries DuckDB's magic bytes
 * ("DUCK" at byte 8), so a database saved as `atlas.db` is not read as JSON.
 */
export function isDuckDatabaseFile(file: string): boolean {
  if (file.endsWith(".duckdb")) return true;
  try {
    const fd = openSync(file, "r");
    try {
      const head = Buffer.alloc(12);
      return readSync(fd, head, 0, 12, 0) === 12 && head.toString("latin1", 8, 12) === "DUCK";
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Gives {@link loadDataset} a dataset read another way (a DuckDB dataset, read back at the server's start). */
export function primeDataset(file: string, data: DatasetFile): void {
  cache.set(file, data);
}

/**
 * Reads, decodes, parses and validates a dataset file, once per path per process. Throws a
 * {@link DatasetError} naming the file, the record and the field when the file breaks the contract.
 */
export function loadDataset(file: string = datasetPath()): DatasetFile {
  const cached = cache.get(file);
  if (cached) return cached;
  const relative = path.relative(process.cwd(), file);
  // Relative inside the project, absolute outside it (not "../../tmp/mine.json").
  const label = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
  if (isDuckDataset(file))
    throw new DatasetError(label, [
      "a DuckDB dataset (a directory of Parquet or CSV files, or a .duckdb database) is read when the server starts (next start), not here",
    ]);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new DatasetError(label, [`cannot read the file (${(err as Error).message})`]);
  }
  const text = decodeUtf8(bytes, label);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DatasetError(label, [`not valid JSON (${(err as Error).message})`]);
  }
  const dataset = validateDataset(raw, label);
  cache.set(file, dataset);
  return dataset;
}

/**
 * The file's text. The contract is UTF-8: a byte that is not (a Latin-1 "é", a cut multi-byte character)
 * is an error naming its offset, where a lenient read would show "Rus��sia" on the page. A leading UTF-8
 * byte order mark, which some editors write, is dropped (the decoder's default, `ignoreBOM: false`).
 */
function decodeUtf8(bytes: Uint8Array, label: string): string {
  const decoded = decodeUtf8Bytes(bytes);
  if ("text" in decoded) return decoded.text;
  const utf16 = decoded.utf16 ? " (the file starts with a UTF-16 byte order mark: save it as UTF-8)" : "";
  throw new DatasetError(label, [`not valid UTF-8 at byte ${decoded.at < 0 ? "?" : decoded.at}${utf16}`]);
}

const indexCache = processCache("indexes", () => new WeakMap<DatasetFile, DatasetIndex>());

/** The loaded dataset with its lookups, built once per process. */
export function loadIndexedDataset(file: string = datasetPath()): DatasetIndex {
  const data = loadDataset(file);
  let index = indexCache.get(data);
  if (!index) {
    index = indexDataset(data);
    indexCache.set(data, index);
  }
  return index;
}

/**
 * The server's startup hook: loads and indexes the dataset, or, when the file breaks the contract (it changed
 * since next.config.ts checked it), prints the message and ends the process with exit code 1. Next logs an
 * error thrown from the hook and keeps serving, every page a bare 500. Here, not in instrumentation.ts,
 * because that file is also compiled for the Edge runtime, which has no `process.exit`.
 */
export function loadIndexedDatasetOrExit(file: string = datasetPath()): DatasetIndex {
  try {
    return loadIndexedDataset(file);
  } catch (err) {
    if (!(err instanceof DatasetError)) throw err;
    console.error(err.message);
    return process.exit(1);
  }
}
