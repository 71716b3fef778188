import { createRequire } from "node:module";
import type { NextConfig } from "next";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "./proxy";
import { datasetPath, isDuckDataset, loadIndexedDataset } from "./lib/data/loadDataset";
import { servedStories } from "./lib/story/load";
import { DATASET_BYTE_ROUTES } from "./lib/data/delivery";
import { GZIP_ACCEPTED } from "./lib/data/negotiate";

// Validate the dataset whenever Next loads its config (next build, next start, next dev): a broken dataset
// stops the build with a message naming the file, the record and the field, instead of a broken page.
// `next start` prints "Ready" before it loads this file (Next 16), then exits here with that message.
// The stories (data/stories/*.json) likewise: a step naming an unknown record or view value stops the build,
// naming the file, the story, the step and the field.
// A DuckDB dataset (Parquet, CSV, .duckdb) is read and checked when the server starts (instrumentation.ts).
if (!isDuckDataset(datasetPath())) servedStories(loadIndexedDataset());

/** Next's client polyfills, as webpack resolves the import in next/dist/client/app-globals.js. */
const POLYFILL_MODULE = createRequire(import.meta.url)
  .resolve("next/dist/build/polyfills/polyfill-module")
  .replace(/\.js$/, "");

/** Powerful features the dashboard never uses, switched off for it and anything it could embed. */
const permissionsPolicy = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "interest-cohort",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * Security headers that never vary, on every response. The Content-Security-Policy (with a per-request
 * nonce) and Strict-Transport-Security come from proxy.ts, which every request but the static files passes
 * through; the static files get a nonce-less policy and, over HTTPS, HSTS from the rules below.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: permissionsPolicy },
];

/** Every response but the embed's: no framing (X-Frame-Options for browsers without frame-ancestors), and
 * no use by pages of other origins (CORP). */
const notFramable = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // A separate build folder per checkout task (NEXT_DIST_DIR) lets several builds run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // DuckDB's native bindings load from node_modules at run time; bundling them would break the .node files.
  serverExternalPackages: ["@duckdb/node-api"],
  // Source maps only on request (profiling a production build); shipping them is not needed.
  productionBrowserSourceMaps: process.env.SOURCE_MAPS === "1",
  // Next's polyfill module (Array.prototype.at, flat, Object.fromEntries, Object.hasOwn, trimStart…) is
  // loaded on every page whatever the browser targets; every browser the app supports (Next's defaults:
  // Chrome and Edge 111, Firefox 111, Safari 16.4) has all of it. Lighthouse counted it as 11.9 KiB of legacy
  // JavaScript: the client build resolves it to nothing.
  webpack(
    config: { resolve: { alias: Record<string, string | false> } },
    { isServer }: { isServer: boolean },
  ) {
    if (!isServer) config.resolve.alias[POLYFILL_MODULE] = false;
    return config;
  },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders,
      },
      // Every page refuses to be framed but the embed (`/?embed=1`), which proxy.ts lets any site frame
      // (frame-ancestors *); X-Frame-Options, for browsers without CSP frame-ancestors, follows the same rule.
      {
        source: "/:path*",
        missing: [{ type: "query", key: "embed", value: "1" }],
        headers: notFramable,
      },
      {
        source: "/:path+",
        has: [{ type: "query", key: "embed", value: "1" }],
        headers: notFramable,
      },
      // The embed itself: another site's iframe loads it, which CORP same-origin would block.
      {
        source: "/",
        has: [{ type: "query", key: "embed", value: "1" }],
        headers: [{ key: "Cross-Origin-Resource-Policy", value: "cross-origin" }],
      },
      // The proxy's matcher skips /_next/static (see proxy.ts), so these never meet its headers.
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy() }],
      },
      {
        source: "/_next/static/:path*",
        // Next itself takes any x-forwarded-proto containing "https" as HTTPS; so does this rule.
        has: [{ type: "header", key: "x-forwarded-proto", value: ".*https.*" }],
        headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
      },
      // Next drops a route handler's own Content-Encoding, so the label of the dataset routes' precompressed
      // gzip answers (lib/data/answerBytes.ts) is set here, under the very condition the routes use to send
      // them.
      ...DATASET_BYTE_ROUTES.map((source) => ({
        source,
        has: [{ type: "header" as const, key: "accept-encoding", value: GZIP_ACCEPTED }],
        headers: [{ key: "Content-Encoding", value: "gzip" }],
      })),
    ];
  },
};

export default nextConfig;
