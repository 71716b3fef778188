/**
 * Runs once when the server starts (Next's instrumentation hook): loads, validates and indexes the dataset
 * then, so the first visitor does not wait for it (on a large dataset the first page request used to pay for
 * the whole validation). A broken dataset fails earlier still: next.config.ts
 * validates it when the server loads its configuration; should it break after that, the server exits here
 * with its message instead of serving errors.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadIndexedDatasetOrExit } = await import("./lib/data/loadDataset");
  const { data } = loadIndexedDatasetOrExit();
  // Serialise and gzip the body of /dataset.json now too (off the main thread): the first download of a
  // large dataset would otherwise wait a second for it.
  const { datasetBody } = await import("./lib/data/datasetBody");
  void datasetBody(data).gzipped();
}
