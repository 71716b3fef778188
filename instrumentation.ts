/**
 * Runs once when the server starts (Next's instrumentation hook): loads, validates and indexes the dataset
 * then, so the first visitor does not wait for it. With a 100,000-event dataset that is several seconds of
 * validation which the first page request used to pay. A broken dataset fails earlier still: next.config.ts
 * validates it when the server loads its configuration.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadIndexedDataset } = await import("./lib/data/loadDataset");
  loadIndexedDataset();
}
