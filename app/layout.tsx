import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ChunkErrorNotice } from "@/components/ChunkErrorNotice";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { claimReviewScripts } from "@/lib/export/claimReview";
import { serverOnlyDataset } from "@/lib/source/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Stance Atlas — who condemned, supported or defended whom",
  description:
    "Explore who condemned, supported or defended whom across four escalations involving Russia and Iran, with every mark traced to the sentence of the report it came from.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The document shell: system fonts only, nothing fetched at build or run time. Reading the request's CSP
 * nonce (set by proxy.ts) makes every page render per request, which a nonce needs: a page prerendered at
 * build time, the 404 included, would carry scripts without it that the policy then blocks.
 */
export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const h = await headers();
  const nonce = h.get("x-nonce") ?? undefined;
  // The dashboard's fact-checked claims as schema.org ClaimReview, in its head, for search engines and
  // fact-check tools (proxy.ts names the path; only the root layout can write the head).
  // (Not over a dataset too big for the browser: the server holds no records of it.)
  const claims =
    h.get("x-pathname") === "/" && !serverOnlyDataset() ? claimReviewScripts(loadIndexedDataset()) : [];
  return (
    <html lang="en">
      <head>
        <ChunkErrorNotice nonce={nonce} />
        {claims.map((json, i) => (
          <script
            key={i}
            type="application/ld+json"
            nonce={nonce}
            dangerouslySetInnerHTML={{ __html: json }}
          />
        ))}
      </head>
      <body>{children}</body>
    </html>
  );
}
