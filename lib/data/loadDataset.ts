import { readFileSync } from "node:fs";
import path from "node:path";
import type { DatasetFile } from "../model/schema";
import { DatasetError } from "./DatasetError";
import { validateDataset } from "./validateDataset";
import { indexDataset, type DatasetIndex } from "./indexDataset";

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
 * validate a 100,000-event file once per bundle (several seconds each).
 */
export function processCache<T>(name: string, make: () => T): T {
  const slot = Symbol.for(`stance-atlas.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[slot] ??= make());
}

const cache = processCache("datasets", () => new Map<string, DatasetFile>());

/**
 * Reads, parses and validates a dataset file, once per path per process. Throws a {@link DatasetError}
 * naming the file, the record and the field when the file breaks the contract.
 */
export function loadDataset(file: string = datasetPath()): DatasetFile {
  const cached = cache.get(file);
  if (cached) return cached;
  const label = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new DatasetError(label, [`cannot read the file (${(err as Error).message})`]);
  }
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
