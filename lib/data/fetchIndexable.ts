import type { DatasetFile } from "../model/schema";
import { decodeColumns, type PrecomputedIndex } from "./columnsCodec";
import { fetchColumns, fetchDataset, type FetchDatasetOptions, type FetchProgress } from "./fetchDataset";
import { FactsBuilder } from "./recordFacts";

/** A downloaded dataset with its index facts when they are ready (else null: `indexDataset` builds them). */
export interface FetchedDataset {
  data: DatasetFile;
  pre: PrecomputedIndex | null;
}

/** How {@link fetchIndexable} tells a busy browser from one waiting on the network; injectable for tests. */
export interface PaceOptions {
  /** Decoded bytes at which it is judged: over the download from half of them to all of them. */
  sampleBytes?: number;
  /** The share of that time spent waiting for bytes under which the browser counts as busy. */
  busyBelow?: number;
  /** A clock in milliseconds (`performance.now()`). */
  now?: () => number;
}

/**
 * 24 MB of JSON, judged over the 12 MB from the 12th: a quarter of a 100,000-event dataset. Not from the
 * first chunk: the page's head asked for the dataset, and a slow connection has buffered a few megabytes by
 * the time the script reads it, which then come at once.
 */
const SAMPLE_BYTES = 24_000_000;

/**
 * Measured at 100,000 events on the 2-core development machine, from the 8th to the 16th MB: over loopback
 * and with the connection throttled to 100 Mbit/s the browser waited for bytes 3–5% of the time (it parses
 * and indexes as fast as it can: the server's columns saved 0.4 s to the views drawn, 2.5 s against 2.9 s at
 * 100 Mbit/s); at 20 Mbit/s it waited 60% of the time, and the columns (3.2 MB gzipped) made the views
 * arrive 0.9 s later than the facts it built while waiting (6.8 s against 5.9 s).
 */
const BUSY_BELOW = 0.25;

/**
 * Downloads the dataset (as JSON lines when the server sends them) and gets its index facts the cheaper
 * way for this browser and connection: while it mostly waits for bytes (a slow connection), it builds them
 * line by line as the records come, for free; when it is busy parsing (the bytes come faster than it can
 * take them), it fetches the facts the server already has (`/dataset.columns`) and builds none. The records
 * that come before the pace is judged are held, not built: a busy browser would throw that work away (0.2 s
 * at 100,000 events, most of it the chains of 140,000 actors), and a waiting one builds them at the moment
 * it judges, while it waits for the rest. Loaded only by a page whose dataset is not inlined. Rejects as
 * {@link fetchDataset} does; a failure of the columns alone is no failure (`indexDataset` then builds the
 * facts).
 */
export async function fetchIndexable(
  datasetUrl: string,
  columnsUrl: string,
  options: Pick<FetchDatasetOptions, "signal" | "onProgress" | "fetchImpl"> & PaceOptions,
): Promise<FetchedDataset> {
  const {
    sampleBytes = SAMPLE_BYTES,
    busyBelow = BUSY_BELOW,
    now = () => performance.now(),
    ...fetchOptions
  } = options;
  const builder = new FactsBuilder();
  let building = true;
  let columns: Promise<ArrayBuffer | null> | null = null;
  let decided = false;
  // Records that came before the pace was judged, in the order they came.
  let held: [string, readonly unknown[]][] = [];
  const build = (collection: string, records: readonly unknown[]) => {
    if (!building) return;
    try {
      builder.add(collection, records);
    } catch {
      // Records the builder cannot read: indexDataset meets them again and says what is wrong.
      building = false;
    }
  };
  const buildHeld = () => {
    const waiting = held;
    held = [];
    for (const [collection, records] of waiting) build(collection, records);
  };
  let from: { at: number; waited: number } | null = null;
  const judge = ({ received, waitedMs }: FetchProgress) => {
    if (decided) return;
    if (!from) {
      if (received >= sampleBytes / 2) from = { at: now(), waited: waitedMs };
      return;
    }
    if (received < sampleBytes) return;
    decided = true;
    const elapsed = now() - from.at;
    if (elapsed <= 0 || (waitedMs - from.waited) / elapsed < busyBelow) {
      // The browser parses as fast as it can: the server's facts come sooner than it would build them.
      building = false;
      held = [];
      columns = fetchColumns(columnsUrl, fetchOptions.signal, fetchOptions.fetchImpl);
    } else buildHeld();
  };
  const data = await fetchDataset(datasetUrl, {
    ...fetchOptions,
    onProgress: (p) => {
      fetchOptions.onProgress?.(p);
      judge(p);
    },
    onRecords: (collection, records) => {
      if (!building) return;
      if (decided) build(collection, records);
      else held.push([collection, records]);
    },
  });
  // A dataset smaller than the sample was never judged: its facts are built now.
  buildHeld();
  if (columns) {
    const bytes = await (columns as Promise<ArrayBuffer | null>);
    return { data, pre: bytes ? decodeColumns(bytes, data) : null };
  }
  return { data, pre: building ? builder.finish(data) : null };
}
