import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { DatasetFile } from "../model/schema";
import { loadDataset, processCache } from "./loadDataset";
import { FACT_ORDER } from "./recordFacts";

/** The validated dataset as the bytes `/dataset.json` sends, made once per dataset per process. */
export interface DatasetBody {
  /** The JSON text, UTF-8. */
  json: Buffer;
  /** A weak validator: one per content, whatever the coding it travels in. */
  etag: string;
  /** The body gzipped, compressed once on first use and shared by every later request. */
  gzipped(): Promise<Buffer>;
  /** The same records as lines (`/dataset.jsonl`, {@link datasetLines}), made on first use. */
  lines(): Buffer;
  /** The lines gzipped, once. */
  linesGzipped(): Promise<Buffer>;
}

/** Records per line of {@link datasetLines}: each line parses in a few milliseconds. */
export const RECORDS_PER_LINE = 5000;

/**
 * The dataset as lines of JSON, each `["<collection>",[records…]]` with at most {@link RECORDS_PER_LINE}
 * records, collections in {@link FACT_ORDER} and each at least once (an empty one as `[]`). A browser parses
 * each line as soon as it has arrived, while the rest downloads, and can index its records there and then
 * (lib/data/recordFacts.ts), where one JSON document can only be parsed once it is complete. JSON escapes
 * line breaks inside strings, so a newline byte only ever ends a line.
 */
export function datasetLines(data: DatasetFile): string {
  const out: string[] = [];
  for (const c of FACT_ORDER) {
    const records: readonly unknown[] = data[c];
    let at = 0;
    do {
      out.push(JSON.stringify([c, records.slice(at, at + RECORDS_PER_LINE)]));
      at += RECORDS_PER_LINE;
    } while (at < records.length);
  }
  return out.join("\n") + "\n";
}

const gzipAsync = promisify(gzip);

/**
 * A function that gzips `bytes()` on its first call and hands every later call the same promise. Level 6:
 * the work is done once per process, and every download is then a fraction of the bytes' size.
 */
export function gzipOnce(bytes: () => Uint8Array): () => Promise<Buffer> {
  let compressed: Promise<Buffer> | null = null;
  return () => (compressed ??= gzipAsync(bytes(), { level: 6 }));
}

const bodies = processCache("bodies", () => new WeakMap<DatasetFile, DatasetBody>());

/** The body of a loaded dataset (by default the one the app serves), serialised once per process. */
export function datasetBody(data: DatasetFile = loadDataset()): DatasetBody {
  let body = bodies.get(data);
  if (!body) {
    const json = Buffer.from(JSON.stringify(data), "utf8");
    const etag = `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
    let lines: Buffer | null = null;
    const linesOf = () => (lines ??= Buffer.from(datasetLines(data), "utf8"));
    body = {
      json,
      etag,
      gzipped: gzipOnce(() => json),
      lines: linesOf,
      linesGzipped: gzipOnce(linesOf),
    };
    bodies.set(data, body);
  }
  return body;
}
