import { createHash } from "node:crypto";
import { loadDataset } from "@/lib/data/loadDataset";

/** The validated dataset as JSON, for browsers that load a dataset too large to inline in the page. */
export function GET(request: Request) {
  const body = datasetBody();
  if (request.headers.get("if-none-match") === body.etag)
    return new Response(null, { status: 304, headers: { ETag: body.etag } });
  return new Response(body.json, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      ETag: body.etag,
      "Cache-Control": "no-cache",
    },
  });
}

let cached: { json: string; etag: string } | null = null;

/** Serialised once per process: the dataset does not change while the server runs. */
function datasetBody() {
  if (!cached) {
    const json = JSON.stringify(loadDataset());
    cached = { json, etag: `"${createHash("sha1").update(json).digest("base64url")}"` };
  }
  return cached;
}

export const dynamic = "force-dynamic";
