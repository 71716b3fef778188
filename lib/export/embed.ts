/** The embed's default box, in CSS pixels: room for the three views stacked at a column's width. */
export const EMBED_SIZE = { width: 800, height: 640 } as const;
/** The smallest box an embed is offered at: below it the views cannot be read. */
export const EMBED_MIN = { width: 280, height: 240 } as const;

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The `<iframe>` a host page pastes: lazy, titled, borderless, at the given size. */
export function embedSnippet({
  src,
  title,
  width = EMBED_SIZE.width,
  height = EMBED_SIZE.height,
}: {
  src: string;
  title: string;
  width?: number;
  height?: number;
}): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${width}" height="${height}" ` +
    `loading="lazy" style="border:0;max-width:100%" referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}

/**
 * The box an oEmbed consumer asked for, within its limits: the default size scaled down (keeping its shape)
 * to fit `maxwidth` × `maxheight`, never below {@link EMBED_MIN}. Unusable limits (not positive whole numbers)
 * are ignored.
 */
export function embedBox(
  maxwidth?: string | null,
  maxheight?: string | null,
): { width: number; height: number } {
  const limit = (raw: string | null | undefined) =>
    raw && /^\d{1,5}$/.test(raw) && Number(raw) > 0 ? Number(raw) : Infinity;
  const scale = Math.min(1, limit(maxwidth) / EMBED_SIZE.width, limit(maxheight) / EMBED_SIZE.height);
  return {
    width: Math.max(EMBED_MIN.width, Math.round(EMBED_SIZE.width * scale)),
    height: Math.max(EMBED_MIN.height, Math.round(EMBED_SIZE.height * scale)),
  };
}

/**
 * The page's link with `embed=1` on (the embed's address) or off (the full page with the same view); nothing
 * else in it changes, and the URL's keys stay in their canonical order with `embed` last, as the codec writes.
 */
export function withEmbed(url: string, on: boolean): string {
  const u = new URL(url);
  const query = u.search
    .slice(1)
    .split("&")
    .filter((p) => p.length > 0 && p !== "embed=1");
  if (on) query.push("embed=1");
  return `${u.origin}${u.pathname}${query.length > 0 ? `?${query.join("&")}` : ""}`;
}
