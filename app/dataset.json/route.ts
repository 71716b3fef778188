import { answerBytes } from "@/lib/data/answerBytes";
import { datasetBody } from "@/lib/data/datasetBody";

/**
 * The validated dataset as JSON: gzipped once per process and sent as is to clients that accept gzip,
 * revalidated by a weak ETag. (The page itself fetches the same records as lines, `/dataset.jsonl`.)
 */
export async function GET(request: Request) {
  const body = datasetBody();
  return answerBytes(request, {
    etag: body.etag,
    plain: body.json,
    gzipped: body.gzipped,
    contentType: "application/json; charset=utf-8",
    // The decoded size, so a client can show progress through a compressed download.
    headers: { "X-Dataset-Bytes": String(body.json.byteLength) },
  });
}

export const dynamic = "force-dynamic";
