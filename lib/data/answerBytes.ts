import { acceptsGzip, ifNoneMatchMatches } from "./negotiate";

/** One representation of a resource the server made once: its bytes, their gzip, its validator. */
export interface ServedBytes {
  etag: string;
  plain: Uint8Array;
  gzipped: () => Promise<Uint8Array>;
  contentType: string;
  /** More headers of a 200 answer. */
  headers?: Record<string, string>;
}

/**
 * The answer to a GET of bytes the server keeps (the dataset, its lines, its index columns): 304 to a
 * matching `If-None-Match`, else the bytes, gzipped when the client takes gzip (next.config.ts labels that
 * answer `Content-Encoding: gzip`: Next drops a route handler's own), revalidated on every use.
 */
export async function answerBytes(request: Request, served: ServedBytes): Promise<Response> {
  const common = { ETag: served.etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), served.etag))
    return new Response(null, { status: 304, headers: common });
  const bytes = acceptsGzip(request.headers.get("accept-encoding")) ? await served.gzipped() : served.plain;
  // A Node Buffer is a Uint8Array over an ArrayBuffer (never shared memory here).
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...common, "Content-Type": served.contentType, ...served.headers },
  });
}
