/**
 * Whether an `If-None-Match` header matches the current entity tag, by HTTP's weak comparison (RFC 9110
 * §13.1.2): `*` matches anything, a list matches if any member does, and `W/"x"` equals `"x"`.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const trimmed = header.trim();
  if (trimmed === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const current = opaque(etag);
  // Entity tags are quoted strings without commas inside, so a list splits on commas.
  return trimmed.split(",").some((tag) => opaque(tag) === current);
}

/**
 * An `Accept-Encoding` header that accepts gzip, as a regular expression source matched against the whole
 * header: gzip listed by name with no `q` or a non-zero one (`gzip;q=0` refuses it, RFC 9110 §12.5.3).
 * Shared by the route, which sends precompressed bytes when it matches, and by next.config.ts, which labels
 * that answer `Content-Encoding: gzip` (Next drops the header when a route handler sets it).
 */
export const GZIP_ACCEPTED =
  "(?:.*,)?\\s*gzip\\s*(?:;\\s*q=(?:1(?:\\.0{0,3})?|0?\\.\\d{0,2}[1-9]\\d*))?\\s*(?:,.*)?";

const gzipAccepted = new RegExp(`^${GZIP_ACCEPTED}$`);

/** Whether the request's `Accept-Encoding` header accepts gzip, by {@link GZIP_ACCEPTED}. */
export function acceptsGzip(header: string | null): boolean {
  return header !== null && gzipAccepted.test(header);
}
