import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { embedBox, embedSnippet } from "@/lib/export/embed";
import { filtersInWords } from "@/lib/export/naming";
import { parseContextOf, parseViewState, serializeViewState } from "@/lib/view";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });

/**
 * oEmbed (oembed.com) for Stance Atlas links: `/oembed?url=<a link to this site's dashboard>&maxwidth=&maxheight=`
 * answers `type: "rich"` with the embed's `<iframe>` for that view state. Only this site's own dashboard links are
 * embedded (404 for another host or page, as the spec asks); only JSON is offered; bad input is a 4xx, never a 5xx.
 */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const raw = params.get("url");
  const format = params.get("format");
  if (format !== null && format !== "json") return json({ error: "Only format=json is offered." }, 400);
  if (!raw) return json({ error: "The url parameter is required: a link to a Stance Atlas view." }, 400);
  let target: URL;
  try {
    target = new URL(raw);
  } catch {
    return json({ error: "The url parameter is not a URL." }, 400);
  }
  // The host the client asked for: Next builds request.url from its own hostname, not the Host header.
  const host =
    request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (target.host !== host || !/^https?:$/.test(target.protocol) || target.pathname !== "/")
    return json({ error: "Only links to this site's dashboard can be embedded." }, 404);

  const index = loadIndexedDataset();
  const ctx = parseContextOf(index);
  const { state } = parseViewState(target.searchParams, ctx);
  const query = serializeViewState({ ...state, embed: true }, ctx);
  const src = `${target.origin}/?${query}`;
  const title = `Stance Atlas: ${filtersInWords(index, state)}`;
  const { width, height } = embedBox(params.get("maxwidth"), params.get("maxheight"));
  return json({
    version: "1.0",
    type: "rich",
    provider_name: "Stance Atlas",
    provider_url: `${target.origin}/`,
    title,
    width,
    height,
    html: embedSnippet({ src, title, width, height }),
  });
}

export const dynamic = "force-dynamic";
