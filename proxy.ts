import { NextResponse, type NextRequest } from "next/server";
import { DATASET_BYTE_ROUTES } from "./lib/data/delivery";
import { GZIP_ACCEPTED } from "./lib/data/negotiate";
// A type only: the proxy stays free of the node APIs the server module uses.
import type { ServerOnly } from "./lib/source/server";

const isDev = process.env.NODE_ENV === "development";

/**
 * The Content-Security-Policy. Pages get a per-request nonce: Next reads it back from the request's CSP header
 * and stamps it on its own scripts (framework chunks and the inline RSC payload), and 'strict-dynamic' lets
 * those scripts load the chunks they need. Without a nonce (static files, see next.config.ts) scripts come
 * from 'self' only. Never 'unsafe-inline' for scripts; 'unsafe-eval' only in dev, where React's debugging
 * needs it. Styles keep 'unsafe-inline' (the charts set style attributes). Nothing comes from another origin.
 */
export function contentSecurityPolicy(
  nonce?: string,
  { frameable = false }: { frameable?: boolean } = {},
): string {
  const scriptSrc = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Only an embed (`/?embed=1`) may be framed, by any site; every other page by none.
    `frame-ancestors ${frameable ? "*" : "'none'"}`,
  ].join("; ");
}

/** The embed: the dashboard's page with `embed=1`, exactly as its URL parser accepts it. */
export function isEmbedRequest(url: URL): boolean {
  return url.pathname === "/" && url.searchParams.get("embed") === "1";
}

/** Sent only over HTTPS (browsers ignore it over plain HTTP anyway): two years, subdomains included. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64: unguessable and fresh for every request. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * HTTPS as the browser saw it: TLS here, or a TLS-terminating proxy in front saying so. Like Next itself
 * (and the static-file rule in next.config.ts), any x-forwarded-proto containing "https" counts.
 */
function servedOverHttps(request: NextRequest): boolean {
  return (
    request.nextUrl.protocol === "https:" || !!request.headers.get("x-forwarded-proto")?.includes("https")
  );
}

/**
 * What the server's start (lib/source/server.ts `startDuckDataset`) notes when the dataset is a DuckDB dataset
 * too big for the browser; read off the process-wide slot, not imported, so the proxy stays free of node APIs.
 */
function serverOnlyDataset(): ServerOnly | null {
  const slot = (globalThis as Record<symbol, { value: ReturnType<typeof serverOnlyDataset> } | undefined>)[
    Symbol.for("stance-atlas.serverOnly")
  ];
  return slot?.value ?? null;
}

/** The page every other path (the about page, the stories) shows while the dataset is served through DuckDB alone. */
function serverOnlyPage({ events, stances, quotes, limit }: ServerOnly, search: string) {
  const n = (x: number) => x.toLocaleString("en-US");
  // The link keeps the page's own view keys (escaped for the attribute), so /?actors=iran links to Iran's counts.
  const summary = `/api/source/summary${search}`.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Stance Atlas: a dataset served through DuckDB</title></head><body><main><h1>Stance Atlas</h1><p>This dataset has ${n(events)} events, ${n(stances)} stances and ${n(quotes)} quotes: more than the views take into the browser (${n(limit)} events, set by <code>STANCE_ATLAS_BROWSER_EVENTS</code>). The <a href="/">dashboard</a> draws each view from what the server answers through DuckDB at <code>/api/source/summary</code>, <code>/periods</code>, <code>/edges</code>, <code>/quotes</code> and <code>/actors</code>, each taking the dashboard's URL keys (<a href="${summary}">the summary of this view</a>).</p></main></body></html>`;
  return new NextResponse(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/**
 * The dataset's byte routes (/dataset.json, /dataset.jsonl, /dataset.columns) while the dataset is served
 * through DuckDB alone: a 404 saying why, gzipped when the client takes gzip, because next.config.ts labels
 * every such answer of those paths `Content-Encoding: gzip`.
 */
function noDatasetFile(request: NextRequest, where: string) {
  const body = JSON.stringify({
    error: `This dataset is served through DuckDB: it has more than the views take into the browser, so there is no ${where}; ask /api/source/… for what a view needs.`,
  });
  const gzip = new RegExp(`^(?:${GZIP_ACCEPTED})$`).test(request.headers.get("accept-encoding") ?? "");
  const bytes = gzip ? new Blob([body]).stream().pipeThrough(new CompressionStream("gzip")) : body;
  return new NextResponse(bytes, {
    status: 404,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

/**
 * Per-request security headers for everything but the hashed static files: a nonce-based CSP (on the
 * response, and on the request so Next finds the nonce while rendering; `x-nonce` for our own inline script
 * in app/layout.tsx) and HSTS over HTTPS. The headers that never vary are set in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const serverOnly = serverOnlyDataset();
  const where = request.nextUrl.pathname;
  // `/` over a dataset too big for the browser is its own dashboard (app/servedPage.tsx), drawn from the routes.
  if (serverOnly && where !== "/" && !where.startsWith("/api/source/")) {
    if (DATASET_BYTE_ROUTES.includes(where)) return noDatasetFile(request, where);
    // A link preview's image and oEmbed's JSON cannot be a page of text: say why, as the clients expect.
    if (where === "/og" || where === "/oembed")
      return NextResponse.json(
        { error: "This dataset is served through DuckDB alone: there are no views to preview or embed." },
        { status: 404 },
      );
    return serverOnlyPage(serverOnly, request.nextUrl.search);
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { frameable: isEmbedRequest(request.nextUrl) });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The layout puts the dashboard's JSON-LD in the head of the dashboard alone (one set by the client is
  // overwritten here).
  requestHeaders.set("x-pathname", request.nextUrl.pathname);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Static files (content-hashed, immutable) skip the proxy: next.config.ts gives them fixed headers.
  matcher: ["/((?!_next/static/).*)"],
};
