import type { NextConfig } from "next";
import { loadDataset } from "./lib/data/loadDataset";
import { GZIP_ACCEPTED } from "./lib/data/negotiate";

const isDev = process.env.NODE_ENV === "development";

// Validate the dataset whenever Next loads its config (next build, next start, next dev): a broken dataset
// stops the build with a message naming the file, the record and the field, instead of a broken page.
if (process.env.STANCE_ATLAS_SKIP_VALIDATION !== "1") loadDataset();

/**
 * Content-Security-Policy for every route. Next inlines its RSC payload as inline scripts, so scripts need
 * 'unsafe-inline' (a nonce would force every response through a proxy); 'unsafe-eval' only in dev, where
 * React's debugging needs it. Nothing is loaded from another origin.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // A separate build folder per checkout task (NEXT_DIST_DIR) lets several builds run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Source maps only on request (profiling a production build); shipping them is not needed.
  productionBrowserSourceMaps: process.env.SOURCE_MAPS === "1",
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Next drops a route handler's own Content-Encoding, so the label of /dataset.json's precompressed
      // gzip answer is set here, under the very condition the route uses to send it.
      {
        source: "/dataset.json",
        has: [{ type: "header", key: "accept-encoding", value: GZIP_ACCEPTED }],
        headers: [{ key: "Content-Encoding", value: "gzip" }],
      },
    ];
  },
};

export default nextConfig;
