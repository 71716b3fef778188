import type { DatasetFile } from "../model/schema";

/** How far a dataset download has come: decoded bytes received, and the total when the server says it. */
export interface FetchProgress {
  received: number;
  total: number | null;
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
    const chunks: Uint8Array[] = [];
    let received = 0;
    if (res.body) {
      reader = res.body.getReader();
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        onProgress?.({ received, total });
      }
    }
    if (stalled) throw new Error("stalled");
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
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
    if (stalled) throw new DatasetFetchError("timeout", `the server sent nothing for ${seconds} seconds`);
    if (signal?.aborted || err instanceof DatasetFetchError) throw err;
    throw new DatasetFetchError("network", `the connection failed (${(err as Error).message})`);
  } finally {
    if (timer !== null) clearTimer(timer);
    signal?.removeEventListener("abort", onAbort);
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
