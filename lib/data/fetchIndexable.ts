import type { DatasetFile } from "../model/schema";
import { decodeColumns, type PrecomputedIndex } from "./columnsCodec";
import { fetchColumns, fetchDataset, type FetchDatasetOptions } from "./fetchDataset";

/** A downloaded dataset, with the server's index columns when they came and fit it (else null). */
export interface FetchedDataset {
  data: DatasetFile;
  pre: PrecomputedIndex | null;
}

/**
 * Downloads the dataset and, beside it, its index columns, which spare the browser building them. Loaded
 * only by a page whose dataset is not inlined (it is not part of `/`'s first load). Rejects as
 * {@link fetchDataset} does; a failure of the columns alone is no failure.
 */
export async function fetchIndexable(
  datasetUrl: string,
  columnsUrl: string,
  options: Pick<FetchDatasetOptions, "signal" | "onProgress">,
): Promise<FetchedDataset> {
  const columns = fetchColumns(columnsUrl, options.signal);
  const data = await fetchDataset(datasetUrl, options);
  const bytes = await columns;
  return { data, pre: bytes ? decodeColumns(bytes, data) : null };
}
