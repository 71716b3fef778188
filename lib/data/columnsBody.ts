import { COLUMNS_FORMAT, encodeColumns, precomputedOf } from "./columnsCodec";
import { datasetBody, gzipOnce } from "./datasetBody";
import type { DatasetIndex } from "./indexDataset";
import { loadIndexedDataset, processCache } from "./loadDataset";

/** The index's columns as the bytes `/dataset.columns` sends, made once per dataset per process. */
export interface ColumnsBody {
  bytes: Uint8Array;
  /** The dataset's entity tag with the format's version: same records and format, same columns. */
  etag: string;
  gzipped(): Promise<Buffer>;
}

const bodies = processCache("columnBodies", () => new WeakMap<DatasetIndex, ColumnsBody>());

/** The columns of a loaded dataset's index (by default the one the app serves), encoded once per process. */
export function columnsBody(index: DatasetIndex = loadIndexedDataset()): ColumnsBody {
  let body = bodies.get(index);
  if (!body) {
    const bytes = encodeColumns(index.data, precomputedOf(index));
    body = {
      bytes,
      etag: datasetBody(index.data).etag.replace(/"$/, `.c${COLUMNS_FORMAT}"`),
      gzipped: gzipOnce(() => bytes),
    };
    bodies.set(index, body);
  }
  return body;
}
