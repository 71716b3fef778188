import { ImageResponse } from "next/og";
import { STANCE_HEX, STANCE_LABEL } from "@/components/theme";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { filtersInWords } from "@/lib/export/naming";
import type { StanceType } from "@/lib/model/schema";
import { selectVisible } from "@/lib/select";
import { parseContextOf, parseViewState, serializeViewState } from "@/lib/view";

/** The preview's size: the 1.91:1 box Open Graph and Twitter cards show. */
const OG_SIZE = { width: 1200, height: 630 } as const;

/** Rendered previews by canonical view state, oldest dropped first: a shared link is fetched by many crawlers. */
const cache = new Map<string, ArrayBuffer>();
const CACHE_LIMIT = 64;

/**
 * The font bundled with next/og (Geist) has Latin glyphs; for any other, satori would fetch a font from the
 * network, which this site never does. Such characters are replaced, so a preview always renders offline.
 */
const latin = (s: string) => s.replace(/[^\u0020-\u024f\u2010-\u2027\u2030-\u205e]/g, "?");

/**
 * `/og?<a dashboard query>`: the link preview of that view state (1200×630 PNG): its filters in words, what
 * it shows, and its stances by type as bars in the views' colours. Rendered on the server, once per view state.
 */
export async function GET(request: Request) {
  const index = loadIndexedDataset();
  const ctx = parseContextOf(index);
  const { state } = parseViewState(new URL(request.url).searchParams, ctx);
  const key = serializeViewState(
    { ...state, selection: null, embed: false, views: [], story: null, step: null },
    ctx,
  );
  let png = cache.get(key);
  if (!png) {
    const visible = selectVisible(index, state);
    const byType = new Map<StanceType, number>();
    for (const s of visible.stances) byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
    const bars = [...byType].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const most = bars[0]?.[1] ?? 1;
    const counts = `${visible.events.length} events · ${visible.stances.length} stances · ${visible.quotes.length} quotes`;
    const image = new ImageResponse(
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          padding: "56px 64px",
          background: "#ffffff",
          color: "#1a1f2b",
          fontSize: 28,
        }}
      >
        <div style={{ display: "flex", fontSize: 64, fontWeight: 700 }}>Stance Atlas</div>
        <div style={{ display: "flex", marginTop: 12, fontSize: 36, color: "#1f4fa3" }}>
          {latin(filtersInWords(index, state))}
        </div>
        <div style={{ display: "flex", marginTop: 8, color: "#4b5563" }}>{counts}</div>
        <div style={{ display: "flex", flexDirection: "column", marginTop: 32, gap: 10 }}>
          {bars.map(([type, n]) => (
            <div key={type} style={{ display: "flex", alignItems: "center" }}>
              <div style={{ display: "flex", width: 220 }}>{STANCE_LABEL[type]}</div>
              <div
                style={{
                  display: "flex",
                  height: 26,
                  width: Math.max(8, Math.round((760 * n) / most)),
                  background: STANCE_HEX[type],
                  borderRadius: 4,
                }}
              />
              <div style={{ display: "flex", marginLeft: 12 }}>{n}</div>
            </div>
          ))}
        </div>
        <div style={{ display: "flex", marginTop: "auto", fontSize: 24, color: "#4b5563" }}>
          Who condemned, supported or defended whom, every mark traced to the sentence of its report.
        </div>
      </div>,
      OG_SIZE,
    );
    png = await image.arrayBuffer();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, png);
  }
  return new Response(png, {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600" },
  });
}

export const dynamic = "force-dynamic";
