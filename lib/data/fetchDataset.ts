import type { DatasetFile } from "../model/schema";

/** How far a dataset download has come: decoded bytes received, and the total when the server says it. */
export interface FetchProgress {
  received: number;
  total: number | null;
  /** Milliseconds spent so far waiting for the next bytes, as opposed to handling those that came. */
  waitedMs: number;
}

/** Why a dataset download failed, in words for the page ("Could not load the dataset: …"). */
export class DatasetFetchError extends Error {
  constructor(
    /** What went wrong: no answer in time, an HTTP error, not a dataset, or the connection. */
    readonly kind: "timeout" | "status" | "shape" | "network",
    message: string,
  ) {
    super(message);
    this.name = "DatasetFetchError";
  }
}

/** Options of {@link fetchDataset}; the clock and `fetch` are injectable for tests. */
export interface FetchDatasetOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FetchProgress) => void;
  /** With JSON lines, each line's records as soon as the line is parsed (before the download ends). */
  onRecords?: (collection: string, records: readonly unknown[]) => void;
  /** Give up when the server sends nothing for this long, before or during the body. */
  stallMs?: number;
  fetchImpl?: typeof fetch;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The stall limit: long enough for a slow connection's next chunk, short enough that nobody waits forever. */
export const DATASET_STALL_MS = 20_000;

const COLLECTIONS = ["sources", "actors", "episodes", "events", "stances", "quotes", "claims"] as const;

/**
 * Downloads the dataset the server validated, reporting progress and giving up on a stalled connection.
 * Throws a {@link DatasetFetchError} saying what went wrong; an abort through `signal` rejects with the
 * signal's reason untouched.
 */
export async function fetchDataset(url: string, options: FetchDatasetOptions = {}): Promise<DatasetFile> {
  const {
    signal,
    onProgress,
    onRecords,
    stallMs = DATASET_STALL_MS,
    fetchImpl = fetch,
    setTimer = (fn, ms) => setTimeout(fn, ms),
    clearTimer = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort);
  let stalled = false;
  let timer: unknown = null;
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  const arm = () => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      stalled = true;
      controller.abort();
      // Not every fetch ends a body it has started when aborted; cancelling the reader always does.
      reader?.cancel().catch(() => {});
    }, stallMs);
  };
  const seconds = Math.round(stallMs / 1000);
  try {
    arm();
    const res = await fetchImpl(url, { signal: controller.signal });
    if (!res.ok) throw new DatasetFetchError("status", `the server answered ${res.status}`);
    const declared = Number(
      res.headers.get("x-dataset-bytes") ??
        (res.headers.get("content-encoding") ? NaN : res.headers.get("content-length")),
    );
    const total = Number.isFinite(declared) && declared > 0 ? declared : null;
    // JSON lines (`/dataset.jsonl`) are parsed one line at a time as they arrive; one JSON document once whole.
    const lines = /ndjson/i.test(res.headers.get("content-type") ?? "") ? new LineReader(onRecords) : null;
    const chunks: Uint8Array[] = [];
    let received = 0;
    let waitedMs = 0;
    if (res.body) {
      reader = res.body.getReader();
      for (;;) {
        arm();
        const asked = performance.now();
        const { done, value } = await reader.read();
        waitedMs += performance.now() - asked;
        if (done) break;
        if (lines) lines.push(value);
        else chunks.push(value);
        received += value.byteLength;
        onProgress?.({ received, total, waitedMs });
      }
    }
    if (stalled) throw new Error("stalled");
    let parsed: unknown;
    if (lines) parsed = lines.end();
    else
      try {
        parsed = JSON.parse(new TextDecoder().decode(joined(chunks, received)));
      } catch {
        throw new DatasetFetchError("shape", "the server's answer is not JSON");
      }
    const missing = COLLECTIONS.filter(
      (c) => !parsed || typeof parsed !== "object" || !Array.isArray((parsed as Record<string, unknown>)[c]),
    );
    if (missing.length > 0)
      throw new DatasetFetchError(
        "shape",
        `the server's answer is not a Stance Atlas dataset (no ${missing.join(", ")} list)`,
      );
    return parsed as DatasetFile;
  } catch (err) {
    reader?.cancel().catch(() => {});
    if (stalled) throw new DatasetFetchError("timeout", `the server sent nothing for ${seconds} seconds`);
    if (signal?.aborted || err instanceof DatasetFetchError) throw err;
    throw new DatasetFetchError("network", `the connection failed (${(err as Error).message})`);
  } finally {
    if (timer !== null) clearTimer(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** The chunks as one array of `length` bytes. */
function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

const NEWLINE = 0x0a;

/**
 * The records of a download of JSON lines, each line `["<collection>",[records…]]` parsed as soon as its
 * newline arrives (lib/data/datasetBody.ts `datasetLines`), the records of each collection appended in order.
 */
class LineReader {
  // No prototype: a line naming "__proto__" or "toString" is a collection like any other (and not one of ours).
  private readonly collections = Object.create(null) as Record<string, unknown[]>;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly decoder = new TextDecoder();

  constructor(private readonly onRecords?: (collection: string, records: readonly unknown[]) => void) {}

  push(chunk: Uint8Array): void {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      this.pending.push(chunk.subarray(from, nl));
      this.pendingBytes += nl - from;
      this.takeLine();
      from = nl + 1;
    }
    if (from < chunk.byteLength) {
      this.pending.push(chunk.subarray(from));
      this.pendingBytes += chunk.byteLength - from;
    }
  }

  end(): Record<string, unknown[]> {
    this.takeLine();
    return this.collections;
  }

  private takeLine(): void {
    const bytes = joined(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (bytes.byteLength === 0) return;
    let line: unknown;
    try {
      line = JSON.parse(this.decoder.decode(bytes));
    } catch {
      throw new DatasetFetchError("shape", "the server's answer is not JSON lines");
    }
    if (!Array.isArray(line) || line.length !== 2 || typeof line[0] !== "string" || !Array.isArray(line[1]))
      throw new DatasetFetchError("shape", "the server's answer has a line that is not a list of records");
    const [collection, records] = line as [string, unknown[]];
    const list = (this.collections[collection] ??= []);
    for (const record of records) list.push(record);
    this.onRecords?.(collection, records);
  }
}

/**
 * The dataset's index columns (`/dataset.columns`) as bytes, or null when they cannot be had: the browser
 * then builds them itself, so no failure here is the user's concern.
 */
export async function fetchColumns(
  url: string,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<ArrayBuffer | null> {
  try {
    const res = await fetchImpl(url, { signal });
    return res.ok ? await res.arrayBuffer() : null;
  } catch {
    return null;
  }
}
