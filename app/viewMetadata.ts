import type { Metadata } from "next";
import { headers } from "next/headers";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { filtersInWords } from "@/lib/export/naming";
import { selectVisible } from "@/lib/select";
import { parseContextOf, parseViewState, serializeViewState, type SearchParamsInput } from "@/lib/view";

/** This request's origin as the browser saw it (behind a TLS proxy too), for absolute preview links. */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.includes("https") ? "https" : "http";
  return `${proto}://${host}`;
}

/**
 * A shared link's preview, per view state: a title and description that say what the view shows ("Iran,
 * Russia · 2023–2024: 12 stances, 9 quotes") and its own `og:image` (app/og/route.tsx), so a link pasted in a
 * chat or a post arrives as that view, not as a bare URL.
 */
export async function viewMetadata(searchParams: Promise<SearchParamsInput>): Promise<Metadata> {
  const index = loadIndexedDataset();
  const ctx = parseContextOf(index);
  const { state } = parseViewState(await searchParams, ctx);
  const visible = selectVisible(index, state);
  const words = filtersInWords(index, state);
  const title = `${words} — Stance Atlas`;
  const description =
    `${words}: ${visible.events.length} events, ${visible.stances.length} stances and ` +
    `${visible.quotes.length} quotes, every one traced to the sentence of the report it came from.`;
  const base = await origin();
  const query = serializeViewState({ ...state, selection: null, embed: false, views: [] }, ctx);
  const image = { url: `${base}/og${query ? `?${query}` : ""}`, width: 1200, height: 630, alt: title };
  const page = `${base}/${(() => {
    const q = serializeViewState(state, ctx);
    return q ? `?${q}` : "";
  })()}`;
  return {
    title,
    description,
    openGraph: { type: "website", siteName: "Stance Atlas", title, description, url: page, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}
