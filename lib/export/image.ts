import { textWidth } from "../layout/labels";

/** One view's drawing, as self-contained SVG markup (styles inlined) at its on-screen size. */
export interface ViewDrawing {
  /** The view's name, drawn above it: "Escalation timeline". */
  title: string;
  /** `<svg …>…</svg>` markup; nested as is, so it keeps its own viewBox and ids. */
  svg: string;
  width: number;
  height: number;
}

/** What the image says around the drawings. */
export interface ImageCaption {
  /** The active filters in words: "Iran, Russia · 2023–2024 · condemnations only". */
  filters: string;
  /** The selected record, if any: "event “Iran attacks Israel”". */
  selection?: string;
  /** The story step shown, if any: "Russia and Iran, 2020–2025: four escalations — step 3 of 8: …". */
  story?: string;
  /** One line per report the view draws on: "Anadolu Agency, “Russia says …”, 15 Apr 2024". */
  sources: readonly string[];
  /** "Data as of 23 June 2025", or what a dataset opened from a file says instead (lib/export/naming.ts). */
  datasetDate: string;
  /** The permalink of this exact view. */
  permalink: string;
}

/** Fonts every system has a fallback for; nothing is fetched, nothing embedded. */
export const EXPORT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
const PAD = 24;
const GAP = 16;
/**
 * The most reports the image names; past them one line says how many more. A generated dataset of 100,000 events
 * draws on 10,000 reports: listed whole they made an image 151,557 px tall, which no canvas can hold for the PNG.
 */
export const MAX_SOURCES = 12;

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A drawing's own `<svg>` placed at (x, y) at its size: its opening tag keeps its viewBox, ids and classes, and
 * gets the position and size (replacing any it had).
 */
export function placeSvg(svg: string, x: number, y: number, width: number, height: number): string {
  return svg.replace(/^\s*<svg\b([^>]*)>/, (_tag, attrs: string) => {
    const kept = attrs.replace(/\s(x|y|width|height)="[^"]*"/g, "");
    return `<svg x="${x}" y="${y.toFixed(1)}" width="${width}" height="${height}"${kept}>`;
  });
}

/** Words greedily packed into lines no wider than `width` by the one text-width estimate. */
export function wrapText(text: string, width: number, fontPx: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontPx) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The export's SVG: the title "Stance Atlas", the filters in words and the selection; each view's drawing
 * under its name; then the sources, the dataset's date and the permalink. Standalone (XML declaration-free
 * SVG 1.1 with its namespaces), so it opens in a browser and in Inkscape, and rasterises to the PNG.
 */
export function composeImage(
  views: readonly ViewDrawing[],
  caption: ImageCaption,
): {
  svg: string;
  width: number;
  height: number;
} {
  const width = Math.max(640, ...views.map((v) => v.width)) + 2 * PAD;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const text = (s: string, px: number, opts: { bold?: boolean; color?: string } = {}) => {
    y += px * 1.25;
    parts.push(
      `<text x="${PAD}" y="${y.toFixed(1)}" font-size="${px}"${opts.bold ? ' font-weight="700"' : ""} fill="${
        opts.color ?? "#1a1f2b"
      }">${escapeXml(s)}</text>`,
    );
  };
  text("Stance Atlas", 26, { bold: true });
  if (caption.story)
    for (const line of wrapText(`Story: ${caption.story}`, inner, 15)) text(line, 15, { bold: true });
  for (const line of wrapText(caption.filters, inner, 16)) text(line, 16, { color: "#1f4fa3" });
  if (caption.selection)
    for (const line of wrapText(`Selected: ${caption.selection}`, inner, 14)) text(line, 14);
  y += GAP;
  for (const v of views) {
    text(v.title, 16, { bold: true });
    y += 6;
    parts.push(placeSvg(v.svg, PAD, y, v.width, v.height));
    y += v.height + GAP;
  }
  parts.push(
    `<line x1="${PAD}" x2="${width - PAD}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d5d9e0" />`,
  );
  y += 4;
  text("Sources", 13, { bold: true, color: "#4b5563" });
  for (const s of caption.sources.slice(0, MAX_SOURCES))
    for (const line of wrapText(s, inner, 12)) text(line, 12, { color: "#4b5563" });
  const more = caption.sources.length - MAX_SOURCES;
  if (more > 0)
    text(
      `…and ${more.toLocaleString("en")} more ${more === 1 ? "report" : "reports"}: the CSV and JSON downloads name every one.`,
      12,
      { color: "#4b5563" },
    );
  for (const line of wrapText(caption.datasetDate, inner, 12)) text(line, 12, { color: "#4b5563" });
  for (const line of wrapText(caption.permalink, inner, 12)) text(line, 12, { color: "#1f4fa3" });
  const height = Math.ceil(y + PAD);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${EXPORT_FONT}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
  return { svg, width, height };
}

/** A quote as the quotes drawing shows it. */
export interface QuoteLine {
  speaker: string;
  date: string;
  text: string;
}

/**
 * The quotes view as a drawing (the page shows it as cards, not SVG): each quote's speaker and date, then its
 * words wrapped to the width; at most `max`, with a line saying how many more the view holds.
 */
export function quotesDrawing(quotes: readonly QuoteLine[], width: number, max = 8): ViewDrawing {
  const parts: string[] = [];
  let y = 0;
  const line = (s: string, px: number, bold = false, color = "#1a1f2b") => {
    y += px * 1.3;
    parts.push(
      `<text x="0" y="${y.toFixed(1)}" font-size="${px}"${bold ? ' font-weight="700"' : ""} fill="${color}">${escapeXml(s)}</text>`,
    );
  };
  for (const q of quotes.slice(0, max)) {
    line(`${q.speaker} · ${q.date}`, 13, true);
    for (const l of wrapText(`“${q.text}”`, width, 13)) line(l, 13);
    y += 8;
  }
  if (quotes.length > max)
    line(
      `…and ${(quotes.length - max).toLocaleString("en")} more quotes in this view.`,
      12,
      false,
      "#4b5563",
    );
  if (quotes.length === 0) line("No quotes match the current filters.", 13, false, "#4b5563");
  const height = Math.ceil(y + 4);
  return {
    title: "Quotes",
    width,
    height,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`,
  };
}
