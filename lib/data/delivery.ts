/**
 * Datasets whose JSON is at most this many bytes travel inside the page, so the first paint already shows
 * the views; larger ones are fetched by the browser from {@link DATASET_LINES_ROUTE}, compressed, because
 * the page carries an inlined dataset twice (HTML and React's payload, escaped) and would stall parsing.
 * Decided by bytes, not records: a few records with long texts weigh more than many short ones.
 */
export const INLINE_BYTE_LIMIT = 1_000_000;

/** Environment variable that overrides {@link INLINE_BYTE_LIMIT} (`0` fetches every dataset). */
export const INLINE_BYTES_ENV = "STANCE_ATLAS_INLINE_BYTES";

/** The route that serves the loaded dataset as JSON. */
export const DATASET_ROUTE = "/dataset.json";

/** The route that serves the same records as lines of JSON, which the page fetches (parsed as they arrive). */
export const DATASET_LINES_ROUTE = "/dataset.jsonl";

/** The route that serves the loaded dataset's index columns (lib/data/columnsCodec.ts), fetched beside it. */
export const COLUMNS_ROUTE = "/dataset.columns";

/**
 * The routes that answer with bytes the server made from the dataset (lib/data/answerBytes.ts): next.config.ts
 * labels their gzipped answers, and proxy.ts answers them 404 while the dataset is served through DuckDB alone.
 */
export const DATASET_BYTE_ROUTES: readonly string[] = [DATASET_ROUTE, DATASET_LINES_ROUTE, COLUMNS_ROUTE];

/** The inline limit in force: `$STANCE_ATLAS_INLINE_BYTES` when it is a whole number, else the default. */
export function inlineByteLimit(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return wholeNumberSetting(env[INLINE_BYTES_ENV], INLINE_BYTE_LIMIT);
}

/** A limit set in the environment: its value when it is a whole number, else the default. */
export function wholeNumberSetting(raw: string | undefined, fallback: number): number {
  return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : fallback;
}

/** Whether a dataset of this many JSON bytes travels inside the page. */
export function inlinesDataset(jsonBytes: number, limit: number = inlineByteLimit()): boolean {
  return jsonBytes <= limit;
}
