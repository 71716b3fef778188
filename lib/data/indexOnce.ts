import type { DatasetFile } from "../model/schema";
import type { PrecomputedIndex } from "./columnsCodec";
import { indexDataset, type DatasetIndex } from "./indexDataset";

let last: { key: string; index: DatasetIndex } | null = null;

/**
 * The index of a dataset identified by `key` (its content's entity tag), built once. The page hands the
 * dataset to the client component as a fresh object on every request, so the server-side render would
 * index it again per request; keyed by content, it is indexed once per process (and once per page load
 * in the browser). One slot: a process serves one dataset. `pre` is the server's columns of a fetched dataset.
 */
export function indexDatasetOnce(
  key: string,
  data: DatasetFile,
  pre?: PrecomputedIndex | null,
): DatasetIndex {
  if (last?.key !== key) last = { key, index: indexDataset(data, pre ?? undefined) };
  return last.index;
}
