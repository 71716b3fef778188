import { datasetBody } from "@/lib/data/datasetBody";
import { acceptsGzip, ifNoneMatchMatches } from "@/lib/data/negotiate";

/**
 * The validated dataset as JSON, for browsers that load a dataset too large to inline in the page: gzipped
 * once per process and sent as is to clients that accept gzip (next.config.ts labels it, under the same
 * condition), revalidated by a weak ETag.
 */
export async function GET(request: Request) {
  const body = datasetBody();
  const common = { ETag: body.etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), body.etag))
    return new Response(null, { status: 304, headers: common });
  const bytes = acceptsGzip(request.headers.get("accept-encoding")) ? await body.gzipped() : body.json;
  // A Node Buffer is a Uint8Array over an ArrayBuffer (never shared memory here).
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      ...common,
      "Content-Type": "application/json; charset=utf-8",
      // The decoded size, so the browser can show progress through a compressed download.
      "X-Dataset-Bytes": String(body.json.byteLength),
    },
  });
}

export const dynamic = "force-dynamic";
