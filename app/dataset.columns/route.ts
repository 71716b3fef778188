import { columnsBody } from "@/lib/data/columnsBody";
import { acceptsGzip, ifNoneMatchMatches } from "@/lib/data/negotiate";

/**
 * The served dataset's index columns (lib/data/columnsCodec.ts), for the browser that fetches the dataset:
 * it takes them instead of building them. Gzipped and revalidated as `/dataset.json` is; next.config.ts
 * labels the gzipped answer.
 */
export async function GET(request: Request) {
  const body = columnsBody();
  const common = { ETag: body.etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), body.etag))
    return new Response(null, { status: 304, headers: common });
  const bytes = acceptsGzip(request.headers.get("accept-encoding")) ? await body.gzipped() : body.bytes;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...common, "Content-Type": "application/octet-stream" },
  });
}

export const dynamic = "force-dynamic";
