import type { Metadata } from "next";
import { headers } from "next/headers";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { filtersInWords } from "@/lib/export/naming";
import { selectVisible } from "@/lib/select";
import { servedStories } from "@/lib/story/load";
import { withStories } from "@/lib/story/steps";
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
  const stories = servedStories(index);
  const ctx = withStories(parseContextOf(index), stories);
  const { state } = parseViewState(await searchParams, ctx);
  const visible = selectVisible(index, state);
  const words = filtersInWords(index, state);
  // A story's step is previewed by its title: "Step 3 of 8: October 2023: … — Russia and Iran, …".
  const story = stories.find((s) => s.id === state.story);
  const step = story && state.step !== null ? story.steps[state.step - 1] : undefined;
  const title =
    story && step
      ? `Step ${state.step} of ${story.steps.length}: ${step.title} — ${story.title} · Stance Atlas`
      : `${words} — Stance Atlas`;
  const description =
    `${words}: ${visible.events.length} events, ${visible.stances.length} stances and ` +
    `${visible.quotes.length} quotes, every one traced to the sentence of the report it came from.`;
  const base = await origin();
  // The image is of the filters alone (one image per filter set), written in full for the /og route.
  const query = serializeViewState(
    { ...state, selection: null, embed: false, views: [], story: null, step: null },
    ctx,
  );
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
