import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { DatasetFile } from "../model/schema";
import { loadDataset, processCache } from "./loadDataset";

/** The validated dataset as the bytes `/dataset.json` sends, made once per dataset per process. */
export interface DatasetBody {
  /** The JSON text, UTF-8. */
  json: Buffer;
  /** A weak validator: one per content, whatever the coding it travels in. */
  etag: string;
  /** The body gzipped, compressed once on first use and shared by every later request. */
  gzipped(): Promise<Buffer>;
}

const gzipAsync = promisify(gzip);

const bodies = processCache("bodies", () => new WeakMap<DatasetFile, DatasetBody>());

/** The body of a loaded dataset (by default the one the app serves), serialised once per process. */
export function datasetBody(data: DatasetFile = loadDataset()): DatasetBody {
  let body = bodies.get(data);
  if (!body) {
    const json = Buffer.from(JSON.stringify(data), "utf8");
    const etag = `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
    let compressed: Promise<Buffer> | null = null;
    body = {
      json,
      etag,
      // Level 6: the work is done once per process, and every download is then a fraction of the JSON's size.
      gzipped: () => (compressed ??= gzipAsync(json, { level: 6 })),
    };
    bodies.set(data, body);
  }
  return body;
}
