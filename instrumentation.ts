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
  const { serverOnlyDataset, startDuckDataset, wantsDuck } = await import("./lib/source/server");
  if (wantsDuck()) {
    // A Parquet, CSV or DuckDB dataset, or a large JSON one: DuckDB serves it. One small enough for the
    // browser is then loaded below as usual; a bigger one is served by the /api/source routes alone.
    await startDuckDataset();
    if (serverOnlyDataset()) return;
  }
  const { data } = loadIndexedDatasetOrExit();
  // A dataset too large to inline: make and gzip what its page fetches now too, the lines of /dataset.jsonl
  // and the index columns of /dataset.columns, and only then take requests. Compressed in the background
  // instead, the first visitor's download waited for them while the compression took the CPU its browser
  // needed: at 100,000 events (2.5 s of gzip) the first render measured 2.5-3.2 s against 2.0 once warm.
  const { datasetBody } = await import("./lib/data/datasetBody");
  const { inlinesDataset } = await import("./lib/data/delivery");
  const body = datasetBody(data);
  if (!inlinesDataset(body.json.byteLength)) {
    const { columnsBody } = await import("./lib/data/columnsBody");
    await Promise.all([body.linesGzipped(), columnsBody().gzipped()]);
  }
}
