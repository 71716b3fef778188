import type { DatasetFile } from "../model/schema";

/**
 * Datasets up to this many records travel inside the page, so the first paint already shows the views;
 * larger ones are fetched by the browser from {@link DATASET_ROUTE} as plain (compressed, cacheable) JSON,
 * because inlining tens of megabytes into the HTML and React's payload would double them and stall parsing.
 */
export const INLINE_RECORD_LIMIT = 5_000;

/** The route that serves the loaded dataset as JSON. */
export const DATASET_ROUTE = "/dataset.json";

/** Number of records (events, stances, quotes, actors) in a dataset: what decides how it is delivered. */
export function recordCount(data: DatasetFile): number {
  return data.events.length + data.stances.length + data.quotes.length + data.actors.length;
}
